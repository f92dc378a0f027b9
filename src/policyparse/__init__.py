"""policyparse: Chinese government policy documents to validated, source-grounded structured data.

>>> import policyparse
>>> doc = policyparse.parse("plan.pdf")          # doctest: +SKIP
>>> [t.lead_units for t in doc.iter_tasks()]     # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from policyparse.core.pipeline import parse, parse_text
from policyparse.errors import (
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
)
from policyparse.models import SCHEMA_VERSION, PolicyDocument

if TYPE_CHECKING:
    from policyparse.analysis.compare import Comparison as Comparison
    from policyparse.analysis.compare import compare as compare
    from policyparse.analysis.frames import to_frame as to_frame
    from policyparse.analysis.language import instruments as instruments
    from policyparse.analysis.language import keywords as keywords
    from policyparse.analysis.language import to_spacy as to_spacy
    from policyparse.analysis.language import tokens as tokens

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "DocumentUnreadableError",
    "EmptyDocumentError",
    "InputNotFoundError",
    "NoTextLayerError",
    "NotAPolicyDocumentError",
    "PdfEncryptedError",
    "PdfUnreadableError",
    "PolicyDocument",
    "PolicyParseError",
    "StrictModeError",
    "TooLargeError",
    "ToolNotFoundError",
    "UnsupportedFormatError",
    "__version__",
    "parse",
    "parse_text",
]

# Names resolved on first access, so that `import policyparse` loads neither pandas, jieba, spaCy nor
# matplotlib: the comparison layer (issue #10, extra `analysis`) and the language layer (issue #12,
# extra `nlp`).
_LAZY = {
    "compare": "policyparse.analysis.compare",
    "Comparison": "policyparse.analysis.compare",
    "to_frame": "policyparse.analysis.frames",
    "tokens": "policyparse.analysis.language",
    "to_spacy": "policyparse.analysis.language",
    "keywords": "policyparse.analysis.language",
    "instruments": "policyparse.analysis.language",
}
__all__ += list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
