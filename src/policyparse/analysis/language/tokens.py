"""Tokens that respect the structure: jieba with the policy dictionary, cut at the parser's elements.

``tokens(text)`` is the private jieba tokenizer's segmentation with character offsets. ``tokens(doc)``
for a parsed :class:`~policyparse.models.PolicyDocument` also cuts at every element's boundary
(paragraphs, sections and their titles, tasks, clauses, units, targets) and keeps each unit the parser
found as one token, so that every element is a whole run of tokens; :func:`policyparse.to_spacy`
builds its ``Doc`` from the same tokens.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from policyparse.analysis.language.dictionary import Kind, _data, tokenizer
from policyparse.analysis.language.names import is_organ_word, merge_names, name_kind
from policyparse.analysis.language.places import is_place
from policyparse.core.brackets import split_outside
from policyparse.core.organs import is_area_noun, is_head
from policyparse.models import PolicyDocument


class Token(NamedTuple):
    """A token: its text, its ``[start, end)`` offsets in the text, and its dictionary kind if any."""

    text: str
    start: int
    end: int
    kind: Kind | None = None


def segment(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets of jieba's tokens (policy dictionary, HMM on), organ names made
    whole by the core's organ morphology (:func:`~policyparse.analysis.language.names.merge_names`);
    white space included."""
    out: list[tuple[int, int]] = []
    pos = 0
    for w in tokenizer().cut(text, HMM=True):
        out.append((pos, pos + len(w)))
        pos += len(w)
    return merge_names(text, out)


def element_spans(doc: PolicyDocument) -> dict[str, list[tuple[str, int, int]]]:
    """Every element's ``(id, start, end)`` by group: sections, titles, tasks, clauses, units, targets.

    Section spans are trimmed of trailing white space; unit ids are ``<task id>/u<n>``.
    """
    text = doc.text
    groups: dict[str, list[tuple[str, int, int]]] = {
        k: [] for k in ("sections", "titles", "tasks", "clauses", "units", "targets")
    }
    for part in doc.parts():
        for s in part.iter_sections():
            a, b = s.span
            while b > a and text[b - 1].isspace():
                b -= 1
            groups["sections"].append((s.id, a, b))
            if s.title_span is not None:
                groups["titles"].append((s.id, *s.title_span))
    for t in doc.iter_tasks():
        groups["tasks"].append((t.id, *t.span))
        if t.clause is not None:
            groups["clauses"].append((t.id, *t.clause.span))
        for i, u in enumerate(t.units):
            if u.span is not None:
                groups["units"].append((f"{t.id}/u{i}", *u.span))
    for tg in doc.targets:
        groups["targets"].append((tg.id, *tg.span))
    return groups


def _cut_at(spans: list[tuple[int, int]], cuts: Iterable[int]) -> list[tuple[int, int]]:
    pts = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    k = 0
    for a, b in spans:
        while k < len(pts) and pts[k] <= a:
            k += 1
        start = a
        j = k
        while j < len(pts) and pts[j] < b:
            out.append((start, pts[j]))
            start = pts[j]
            j += 1
        out.append((start, b))
    return out


def _merge(spans: list[tuple[int, int]], wholes: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = {a: b for a, b in wholes}
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        end = starts.get(a)
        if end is not None and end > b:
            while i + 1 < len(spans) and spans[i + 1][1] <= end:
                i += 1
            b = spans[i][1]
        out.append((a, b))
        i += 1
    return out


def doc_spans(
    doc: PolicyDocument, lo: int = 0, hi: int | None = None
) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Token offsets of ``doc.text[lo:hi]`` cut at every element boundary, each unit one token; and
    the unit spans in that range. Offsets are into ``doc.text``."""
    hi = len(doc.text) if hi is None else hi
    groups = element_spans(doc)
    cuts = {p.span[0] for p in doc.iter_paragraphs()} | {p.span[1] for p in doc.iter_paragraphs()}
    for items in groups.values():
        for _, a, b in items:
            cuts.update((a, b))
    spans = _cut_at([(a + lo, b + lo) for a, b in segment(doc.text[lo:hi])], (c for c in cuts if lo < c < hi))
    units = {(a, b) for _, a, b in groups["units"] if lo <= a and b <= hi}
    return _merge(spans, units), units


def tokens(doc_or_text: PolicyDocument | str, span: tuple[int, int] | None = None) -> list[Token]:
    """Tokens of a text, or of a parsed document's ``text`` cut at its elements (units whole).

    ``span`` limits a document's tokens to ``doc.text[start:end]`` (an element's span), offsets still
    into ``doc.text``.

    >>> [t.text for t in tokens("由省科技厅牵头")]  # doctest: +SKIP
    ['由', '省科技厅', '牵头']
    """
    if isinstance(doc_or_text, PolicyDocument):
        text = doc_or_text.text
        spans, units = doc_spans(doc_or_text, *(span or (0, len(text))))
        return [Token(text[a:b], a, b, "org" if (a, b) in units else name_kind(text[a:b])) for a, b in spans]
    text = doc_or_text
    return [Token(text[a:b], a, b, name_kind(text[a:b])) for a, b in segment(text)]


# --- names that are not one token ------------------------------------------------------------


@cache
def _compound_rules() -> dict[str, Any]:
    rules: dict[str, Any] = _data("language/dictionary.json")["compounds"]
    return rules


def _is_punct(w: str) -> bool:
    return all(unicodedata.category(c)[0] in "PS" for c in w)


def _named(w: str) -> bool:
    # a fragment is no name, though its last character is a head (员会 of 商务委/员会)
    return name_kind(w) in ("org", "place") or (len(w) >= 3 and is_organ_word(w))


def _part(ws: Sequence[str]) -> str | None:
    rules = _compound_rules()
    if len(ws) == 1 and _named(ws[0]):
        return "one token"
    if len(ws) >= 2 and all(is_place(w) for w in ws[:-1]) and _named(ws[-1]):
        return "place + organ"
    if len(ws) >= 2 and ws[-1].endswith(tuple(rules["suffixes"])) and not any(w in "和及与、，" for w in ws):
        return "division or enterprise"
    return None


def _distributed(ws: Sequence[str]) -> bool:
    """各 + a 、-list of kinds of place + an organ head: 各市、县〔市、区〕政府, 各区、县（市）政府."""
    s = "".join(ws)
    if not s.startswith("各") or not ws[-1] or not is_head(ws[-1]):
        return False
    items = [s[a:b] for a, b in split_outside(s, 1, len(s) - len(ws[-1]), "、")]
    return len(items) >= 2 and all(is_area_noun(x) for x in items)


def compound_rule(words: Sequence[str]) -> str | None:
    """Which documented rule a name cut into ``words`` follows (None: it is cut where it should not be).

    ``one token``; ``placeholder`` (punctuation only); ``collective`` (各/有关… before a name);
    ``distributed`` (各 + a 、-list of kinds of place + an organ head: 各市、县〔市、区〕政府);
    ``joined`` (names joined by 和/及/、 or a bracketed sub-unit); ``run together`` (two names with
    nothing between); ``place + organ`` (one or more places, then an organ: 上海市/奉贤区/发展和改革委员会);
    ``division or enterprise`` (…处, …公司, …集团, …专班). An organ is a dictionary organ or a name the
    core's organ morphology reads as one; a place a dictionary place or a place jieba knows + 省/市/区/县.
    The word lists are data: ``compounds`` in ``data/language/dictionary.json``.
    """
    rules = _compound_rules()
    ws = [w for w in words if w.strip()]
    if len(ws) == 1:
        return "one token"
    if ws and all(_is_punct(w) for w in ws):
        return "placeholder"
    if _distributed(ws):
        return "distributed"
    k = 0
    while k < len(ws) - 1 and ws[k] in rules["collective_prefixes"]:
        k += 1
    if k and compound_rule(ws[k:]) is not None:
        return "collective"
    groups: list[list[str]] = [[]]
    for w in ws:
        if w in rules["connectors"]:
            groups.append([])
        else:
            groups[-1].append(w)
    groups = [g for g in groups if g]
    if len(groups) >= 2 and all(compound_rule(g) is not None for g in groups):
        return "joined"
    one = _part(ws)
    if one is not None:
        return one
    runs: list[list[str]] = [[]]
    for w in ws:
        runs[-1].append(w)
        if _named(w) or w in rules["suffixes"]:
            runs.append([])
    runs = [r for r in runs if r]
    if len(runs) >= 2 and all(_part(r) is not None for r in runs):
        return "run together"
    return None
