"""Write schemas/policy_document.schema.json from the pydantic models (run after changing models)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from policyparse.models import PolicyDocument

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "policy_document.schema.json"


def render() -> str:
    """The schema as the file holds it."""
    schema = PolicyDocument.model_json_schema(mode="serialization")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
