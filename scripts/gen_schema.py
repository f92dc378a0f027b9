"""Write the JSON Schemas from the pydantic models (run after changing models):
the package copy (src/policyparse/data/schema/<name>-1.json, what ``policyparse.schema()`` and
``policyparse schema`` return) and schemas/*.schema.json (the same, for readers of the repository)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from policyparse.analysis.compare import Comparison
from policyparse.json_schema import DIALECT, file_name, schema_id
from policyparse.models import PolicyDocument

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
PACKAGE = ROOT / "src" / "policyparse" / "data" / "schema"
SCHEMA_PATH = SCHEMAS / "policy_document.schema.json"
COMPARISON_SCHEMA_PATH = SCHEMAS / "comparison.schema.json"
MODELS: dict[str, type[BaseModel]] = {"policy_document": PolicyDocument, "comparison": Comparison}


def render(model: type[BaseModel] = PolicyDocument) -> str:
    """The schema of ``model`` as the files hold it."""
    name = next(k for k, m in MODELS.items() if m is model)
    schema = {"$schema": DIALECT, "$id": schema_id(name), **model.model_json_schema(mode="serialization")}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    PACKAGE.mkdir(parents=True, exist_ok=True)
    for name, model in MODELS.items():
        text = render(model)
        for path in (SCHEMAS / f"{name}.schema.json", PACKAGE / file_name(name)):
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
