"""The JSON Schemas of policyparse's output, shipped inside the package.

``policyparse.schema()`` returns the schema of a parsed document (``"comparison"``: of a
``Comparison``) as a dict; the files are ``policyparse/data/schema/<name>-<major>.json``, generated
from the pydantic models by ``python scripts/gen_schema.py`` (a test fails when they are stale).
Each carries ``$schema`` (JSON Schema 2020-12) and an ``$id`` with the schema version.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.0"  # keep equal to models.SCHEMA_VERSION (a test checks)
NAMES = ("policy_document", "comparison")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(name: str) -> str:
    """The ``$id`` of a schema: a URN naming the schema and its version."""
    return f"urn:policyparse:schema:{name}:{SCHEMA_VERSION}"


def file_name(name: str) -> str:
    return f"{name}-{SCHEMA_VERSION.split('.')[0]}.json"


def schema(name: str = "policy_document") -> dict[str, Any]:
    """The JSON Schema ``name`` (``policy_document`` or ``comparison``) as a dict."""
    if name not in NAMES:
        raise ValueError(f"unknown schema {name!r} (expected one of {', '.join(NAMES)})")
    text = resources.files("policyparse").joinpath(f"data/schema/{file_name(name)}").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
