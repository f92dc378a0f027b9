"""The language layer: jieba with the policy dictionary, spaCy docs, keywords, instruments, verbs.

Needs the ``nlp`` extra (``pip install 'policyparse[nlp]'``: jieba, spaCy, platformdirs, pandas).
Importing this package imports none of them; each is imported on first use.

Stable API (other layers, e.g. the comparison, build on these names only):

- ``tokenizer()`` → the private ``jieba.Tokenizer`` with the policy dictionary, built lazily once per
  process (jieba's cache file in the user cache dir or ``$POLICYPARSE_CACHE_DIR``). Never jieba's
  global tokenizer.
- ``tokens(doc_or_text, span=None)`` → ``list[Token]`` (``text``, ``start``, ``end``, ``kind``: org /
  place / platform / term / None). For a ``PolicyDocument``, tokens are also cut at every element
  boundary and each unit is one token; ``span`` limits them to one element's ``[start, end)``.
  Organ names outside the dictionary are made whole by the core's organ morphology (``names.py``:
  上海市/奉贤区/发展和改革委员会, 国家消防救援局; places jieba does not tag as such are read by
  ``places.py``: 大同市, 腾冲市), in plain text too.
  ``compound_rule(words)`` says why a name is several tokens (data: ``compounds`` in
  ``data/language/dictionary.json``).
- ``entries()`` → ``{word: kind}``, the policy dictionary; ``userdict_lines()`` the same in jieba's
  user-dictionary format.
- ``terms(text_or_element, doc=None)`` → the content words keywords are made of (stop words,
  punctuation, numbers and organ names left out); ``stop_words()``; ``idf()`` the IDF table shipped
  as ``data/language/idf.tsv`` (built from the corpus by ``scripts/build_idf.py``), ``default_idf()``.
- ``keywords(text_or_element, k=10, doc=None, method="tfidf" | "textrank")`` → ``list[Keyword]``
  (``word``, ``weight``); an element (Section, Task, Part) needs ``doc=``;
  ``section_keywords(doc, k)`` → ``{section id: [...]}``.
- ``to_spacy(doc)`` → ``spacy.tokens.Doc`` over ``doc.text`` with span groups ``sections``,
  ``titles``, ``tasks``, ``clauses``, ``units``, ``targets`` and ``ents`` (units ORG, places GPE);
  ``render_task(sdoc, task_id)`` → displaCy HTML. The ``policyparse`` spaCy component and the
  ``policyparse.JiebaTokenizer.v1`` tokenizer are registered through entry points.
- ``instruments(doc)`` → ``list[TaskInstruments]`` (Rothwell–Zegveld policy instruments per task,
  with evidence spans; lexicon ``data/language/instruments.json``); ``tag_text(text)``;
  ``instrument_matrix(docs, level="subtype" | "type")`` → pandas frame task × instrument.
  Measured against ``corpora/instruments/`` by ``scripts/eval_instruments.py``.
- ``leading_verbs(task_or_text)`` → ``list[Verb]`` (offsets in ``doc.text`` for a task) with a
  strength (mandatory / encouraging / exploratory); ``strongest(verbs)``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from policyparse.analysis.language.dictionary import entries, tokenizer, userdict_lines
from policyparse.analysis.language.instruments import (
    InstrumentTag,
    TaskInstruments,
    instrument_matrix,
    instruments,
    tag_text,
)
from policyparse.analysis.language.keywords import (
    Keyword,
    default_idf,
    idf,
    keywords,
    section_keywords,
    stop_words,
    terms,
)
from policyparse.analysis.language.tokens import Token, compound_rule, tokens
from policyparse.analysis.language.verbs import Verb, leading_verbs, strongest

if TYPE_CHECKING:
    from policyparse.analysis.language.spacy_doc import render_task, to_spacy

# spaCy is imported by these modules at import time: load them on first use only.
_SPACY = {"to_spacy": "spacy_doc", "render_task": "spacy_doc"}

__all__ = [
    "InstrumentTag",
    "Keyword",
    "TaskInstruments",
    "Token",
    "Verb",
    "compound_rule",
    "default_idf",
    "entries",
    "idf",
    "instrument_matrix",
    "instruments",
    "keywords",
    "leading_verbs",
    "render_task",
    "section_keywords",
    "stop_words",
    "strongest",
    "tag_text",
    "terms",
    "to_spacy",
    "tokenizer",
    "tokens",
    "userdict_lines",
]


def __getattr__(name: str) -> Any:
    if name in _SPACY:
        module = importlib.import_module(f"policyparse.analysis.language.{_SPACY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
