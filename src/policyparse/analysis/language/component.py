"""The ``policyparse`` spaCy component: the same spans as :func:`policyparse.to_spacy`, from raw text.

>>> import spacy
>>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.JiebaTokenizer.v1"}}})
>>> nlp.add_pipe("policyparse")                       # doctest: +SKIP
>>> doc = nlp(open("plan.txt").read())                # doctest: +SKIP
>>> doc.spans["tasks"], doc.ents                      # doctest: +SKIP

The factory and the tokenizer are found through the ``spacy_factories``/``spacy_tokenizers`` entry
points, so no import is needed. The component parses ``doc.text`` with :func:`policyparse.parse_text`
(one paragraph per line), maps the cleaned text's offsets back onto ``doc.text`` (the parser drops
layout white space and invisible code points; every other character keeps its place), cuts tokens
that straddle an element's boundary, merges each unit into one token and sets the span groups and
entities exactly as :func:`~policyparse.analysis.language.spacy_doc.to_spacy` does. Any tokenizer
works; with ``policyparse.JiebaTokenizer.v1`` the tokens are the same as ``to_spacy``'s.

``version`` (in the component's config, saved with the pipeline) names the behaviour: 1 is the only one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from policyparse.analysis.language.names import name_kind
from policyparse.analysis.language.spacy_doc import annotate
from policyparse.analysis.language.tokens import element_spans, segment
from policyparse.core.textnorm import normalize_chars

VERSIONS = (1,)


def offset_map(raw: str, clean: str) -> list[int] | None:
    """For each non-space character of ``clean``, its index in ``raw`` (-1 for white space).

    None when ``clean`` is not ``raw`` with white space and invisible code points changed or dropped.
    """
    out = [-1] * len(clean)
    j = 0
    for i, ch in enumerate(clean):
        if ch.isspace():
            continue
        while j < len(raw):
            got = normalize_chars(raw[j])
            if got == ch:
                break
            if got.strip():
                return None
            j += 1
        else:
            return None
        out[i] = j
        j += 1
    return out


class PolicyParseComponent:
    """Parses the text of each ``Doc`` and sets span groups and entities (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, version: int) -> None:
        if version not in VERSIONS:
            raise ValueError(f"policyparse component version {version} is unknown (known: {VERSIONS})")
        self.name = name
        self.version = version

    def __call__(self, sdoc: Doc) -> Doc:
        from policyparse.core.pipeline import parse_text

        raw = sdoc.text
        doc = parse_text(raw)
        index = offset_map(raw, doc.text)
        if index is None:
            raise ValueError("policyparse: the parsed text does not align with the Doc's text")

        def conv(a: int, b: int) -> tuple[int, int]:
            while a < b and index[a] < 0:
                a += 1
            while b > a and index[b - 1] < 0:
                b -= 1
            return (index[a], index[b - 1] + 1) if a < b else (0, 0)

        groups = element_spans(doc)
        units = [conv(a, b) for _, a, b in groups["units"]]
        places = [(a, b) for a, b in segment(raw) if name_kind(raw[a:b]) == "place"]
        cuts = {x for items in groups.values() for _, a, b in items for x in conv(a, b)}
        cuts.update(x for p in places for x in p)
        sdoc = _align(sdoc, cuts, units)
        return annotate(sdoc, doc, places, conv)


def _align(sdoc: Doc, cuts: set[int], wholes: Iterable[tuple[int, int]]) -> Doc:
    """Split tokens at ``cuts`` and merge each of ``wholes`` into one token, in place."""
    with sdoc.retokenize() as retok:
        for tok in sdoc:
            a, b = tok.idx, tok.idx + len(tok.text)
            inner = sorted(c for c in cuts if a < c < b)
            if not inner:
                continue
            bounds = [a, *inner, b]
            orths = [sdoc.text[x:y] for x, y in itertools.pairwise(bounds)]
            retok.split(tok, orths, heads=[(tok, i) for i in range(len(orths))])
    with sdoc.retokenize() as retok:
        for a, b in wholes:
            span = sdoc.char_span(a, b, alignment_mode="strict")
            if span is not None and len(span) > 1:
                retok.merge(span)
    return sdoc


@Language.factory(
    "policyparse",
    default_config={"version": 1},
    assigns=["doc.spans", "doc.ents"],
)
def make_policyparse(nlp: Language, name: str, version: int) -> PolicyParseComponent:
    """Factory of the ``policyparse`` component (``nlp.add_pipe("policyparse")``)."""
    return PolicyParseComponent(nlp, name, version)
