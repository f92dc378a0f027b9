"""The leading action verbs of a task and their strength (mandatory / encouraging / exploratory).

The lexicon and the scale are data (``data/language/verbs.json``, whose ``_about`` defines the
classes). A task's leading verbs are, for each of its sentences (cut at 。；！？), the first lexicon verb
among its first tokens, once a modifier (积极, 大力, 进一步…) is set aside: in 积极探索 the verb is 探索.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, NamedTuple

import regex

from policyparse.analysis.language.dictionary import _data
from policyparse.analysis.language.tokens import tokens
from policyparse.models import Task

Strength = Literal["mandatory", "encouraging", "exploratory"]
_ENDS = frozenset("。；！？;!?")
# how far into a sentence its leading verb may stand, in words of two characters or more (after a
# subject or an adverbial: 对符合条件的企业给予…)
_WINDOW = 12
_HAN = regex.compile(r"\p{Han}")


class Verb(NamedTuple):
    """A leading verb: as printed, its ``[start, end)`` (in ``doc.text`` for a task), lemma and class."""

    text: str
    start: int
    end: int
    verb: str
    strength: Strength


@cache
def lexicon() -> dict[str, Any]:
    """The verb lexicon: ``verbs`` by class, ``modifiers``, ``strength`` numbers."""
    raw: dict[str, Any] = _data("language/verbs.json")
    return raw


@cache
def _classes() -> dict[str, Strength]:
    out: dict[str, Strength] = {}
    for cls in ("exploratory", "encouraging", "mandatory"):  # a verb listed twice keeps its first class
        for v in lexicon()["verbs"][cls]:
            out.setdefault(v, cls)
    return out


def classify(word: str) -> tuple[str, Strength] | None:
    """``(verb, class)`` for a token that is a lexicon verb, a modifier and a verb, or two verbs."""
    classes = _classes()
    for m in sorted(lexicon()["modifiers"], key=len, reverse=True):
        rest = word[len(m) :]
        if word.startswith(m) and rest in classes:
            return rest, classes[rest]
    if word in classes:
        return word, classes[word]
    # two verbs fused by jieba: 研究制定, 探索建立 (the first one leads)
    for n in range(2, len(word) - 1):
        if word[:n] in classes and word[n:] in classes:
            return word[:n], classes[word[:n]]
    return None


def leading_verbs(x: Task | str) -> list[Verb]:
    """The leading verb of each sentence of a task (offsets in ``doc.text``) or of a text."""
    text = x if isinstance(x, str) else x.text
    base = 0 if isinstance(x, str) else x.span[0]
    out: list[Verb] = []
    seen = 0
    found = False
    for t in tokens(text):
        if t.text in _ENDS:
            seen, found = 0, False
            continue
        if found or not t.text.strip():
            continue
        if len(t.text) >= 2 and _HAN.search(t.text):  # dates, numbers and particles do not count
            seen += 1
        if seen > _WINDOW:
            continue
        hit = classify(t.text) if t.kind is None else None  # 发展改革委 is an organ, not 发展
        if hit is not None:
            out.append(Verb(t.text, base + t.start, base + t.end, hit[0], hit[1]))
            found = True
    return out


def strongest(verbs: list[Verb]) -> Strength | None:
    """The strongest class among ``verbs`` (None when there are none)."""
    if not verbs:
        return None
    order: dict[str, int] = lexicon()["strength"]
    return max((v.strength for v in verbs), key=lambda s: order[s])
