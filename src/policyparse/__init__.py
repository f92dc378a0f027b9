"""policyparse: Chinese government policy documents to validated, source-grounded structured data.

>>> import policyparse
>>> doc = policyparse.parse("plan.pdf")          # doctest: +SKIP
>>> [t.lead_units for t in doc.iter_tasks()]     # doctest: +SKIP
"""

from __future__ import annotations

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

# --- analysis (issue #10) -------------------------------------------------------------------------
# Resolved on first access so that `import policyparse` loads neither pandas, jieba nor matplotlib.
_ANALYSIS = {"compare": "compare", "Comparison": "compare", "to_frame": "frames"}
__all__ += list(_ANALYSIS)


def __getattr__(name: str) -> object:
    if name in _ANALYSIS:
        import importlib

        return getattr(importlib.import_module(f"policyparse.analysis.{_ANALYSIS[name]}"), name)
    raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
