"""policyparse: Chinese government policy documents to validated, source-grounded structured data.

>>> import policyparse
>>> doc = policyparse.parse("plan.pdf")          # doctest: +SKIP
>>> [t.lead_units for t in doc.iter_tasks()]     # doctest: +SKIP

The public names are imported on first use (PEP 562), so ``import policyparse`` costs a few
milliseconds: the CLI's ``--help`` waits for neither pydantic nor a PDF library, and neither pandas,
jieba, spaCy nor matplotlib load before the comparison (issue #10, extra ``analysis``) or language
layer (issue #12, extra ``nlp``) is used. The exceptions are imported at once (they need nothing).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from policyparse.errors import (
    AnalysisDependencyError,
    DocumentUnreadableError,
    EmptyDocumentError,
    InputNotFoundError,
    NotAPolicyDocumentError,
    NoTextLayerError,
    PdfEncryptedError,
    PdfUnreadableError,
    PolicyParseError,
    StrictModeError,
    TooLargeError,
    ToolNotFoundError,
    UnsupportedFormatError,
    UnsupportedInputError,
)

if TYPE_CHECKING:
    from policyparse.analysis.compare import Comparison as Comparison
    from policyparse.analysis.compare import compare as compare
    from policyparse.analysis.frames import to_frame as to_frame
    from policyparse.analysis.language import instruments as instruments
    from policyparse.analysis.language import keywords as keywords
    from policyparse.analysis.language import to_spacy as to_spacy
    from policyparse.analysis.language import tokens as tokens
    from policyparse.batch import parse_to_dict as parse_to_dict
    from policyparse.core.agencies import agency_roles as agency_roles
    from policyparse.core.pipeline import parse as parse
    from policyparse.core.pipeline import parse_text as parse_text
    from policyparse.json_schema import schema as schema
    from policyparse.models import SCHEMA_VERSION as SCHEMA_VERSION
    from policyparse.models import PolicyDocument as PolicyDocument

__version__ = "0.1.0"

# Public name → the module that defines it, imported when the name is first used. To expose a new
# name, add a line here and the matching import under TYPE_CHECKING above (for type checkers).
_LAZY: dict[str, str] = {
    "SCHEMA_VERSION": "policyparse.models",
    "PolicyDocument": "policyparse.models",
    "parse": "policyparse.core.pipeline",
    "parse_text": "policyparse.core.pipeline",
    "parse_to_dict": "policyparse.batch",
    "agency_roles": "policyparse.core.agencies",
    "schema": "policyparse.json_schema",
    "compare": "policyparse.analysis.compare",
    "Comparison": "policyparse.analysis.compare",
    "to_frame": "policyparse.analysis.frames",
    "tokens": "policyparse.analysis.language",
    "to_spacy": "policyparse.analysis.language",
    "keywords": "policyparse.analysis.language",
    "instruments": "policyparse.analysis.language",
}

__all__ = [
    "AnalysisDependencyError",
    "DocumentUnreadableError",
    "EmptyDocumentError",
    "InputNotFoundError",
    "NoTextLayerError",
    "NotAPolicyDocumentError",
    "PdfEncryptedError",
    "PdfUnreadableError",
    "PolicyParseError",
    "StrictModeError",
    "TooLargeError",
    "ToolNotFoundError",
    "UnsupportedFormatError",
    "UnsupportedInputError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
