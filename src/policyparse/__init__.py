"""policyparse: Chinese government policy documents to validated, source-grounded structured data.

>>> import policyparse
>>> doc = policyparse.parse("plan.pdf")          # doctest: +SKIP
>>> [t.lead_units for t in doc.iter_tasks()]     # doctest: +SKIP

The public names are imported on first use (PEP 562), so ``import policyparse`` costs about a
millisecond and the CLI's ``--help`` does not wait for pydantic, regex or a PDF library.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name → the module that defines it, imported when the name is first used. To expose a new
# name, add a line here and the matching import under TYPE_CHECKING below (for type checkers).
_LAZY: dict[str, str] = {
    "SCHEMA_VERSION": "policyparse.models",
    "PolicyDocument": "policyparse.models",
    "PolicyParseError": "policyparse.errors",
    "parse": "policyparse.core.pipeline",
    "parse_text": "policyparse.core.pipeline",
    "parse_to_dict": "policyparse.batch",
}

if TYPE_CHECKING:
    from policyparse.batch import parse_to_dict
    from policyparse.core.pipeline import parse, parse_text
    from policyparse.errors import PolicyParseError
    from policyparse.models import SCHEMA_VERSION, PolicyDocument

__all__ = [
    "SCHEMA_VERSION",
    "PolicyDocument",
    "PolicyParseError",
    "__version__",
    "parse",
    "parse_text",
    "parse_to_dict",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
