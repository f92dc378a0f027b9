"""policyparse: Chinese government policy documents to validated, source-grounded structured data.

>>> import policyparse
>>> doc = policyparse.parse("plan.pdf")          # doctest: +SKIP
>>> [t.lead_units for t in doc.iter_tasks()]     # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from policyparse.core.pipeline import parse, parse_text
from policyparse.errors import PolicyParseError
from policyparse.models import SCHEMA_VERSION, PolicyDocument

if TYPE_CHECKING:
    from policyparse.analysis.language import instruments as instruments
    from policyparse.analysis.language import keywords as keywords
    from policyparse.analysis.language import to_spacy as to_spacy
    from policyparse.analysis.language import tokens as tokens

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "PolicyDocument", "PolicyParseError", "__version__", "parse", "parse_text"]

# The language layer (issue #12, extra ``policyparse[nlp]``): imported on first use, so that
# ``import policyparse`` loads neither jieba nor spaCy.
_LANGUAGE = {
    "tokens": "policyparse.analysis.language",
    "to_spacy": "policyparse.analysis.language",
    "keywords": "policyparse.analysis.language",
    "instruments": "policyparse.analysis.language",
}
__all__ += list(_LANGUAGE)


def __getattr__(name: str) -> Any:
    if name in _LANGUAGE:
        return getattr(importlib.import_module(_LANGUAGE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
