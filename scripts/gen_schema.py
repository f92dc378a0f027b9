"""Write schemas/*.schema.json from the pydantic models (run after changing models)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from policyparse.analysis.compare import Comparison
from policyparse.models import PolicyDocument

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_PATH = SCHEMAS / "policy_document.schema.json"
COMPARISON_SCHEMA_PATH = SCHEMAS / "comparison.schema.json"


def render(model: type[BaseModel] = PolicyDocument) -> str:
    """The schema of ``model`` as the file holds it."""
    schema = model.model_json_schema(mode="serialization")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for path, model in ((SCHEMA_PATH, PolicyDocument), (COMPARISON_SCHEMA_PATH, Comparison)):
        path.write_text(render(model), encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
