"""Clause scanning for target extraction: brackets and quotes, clause splits, and the words that
govern a quantity (the comparator right before it, the verb that is its predicate).

Each clause is scanned once (``Clause.scan``); what governs a quantity is looked for in a bounded
window before it, so a long clause stays linear.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

import regex

from policyparse.core.brackets import CLOSERS, OPENERS
from policyparse.core.targets.lexicon import alternation, lexicon

FILLER = r"(?:均|分别|总体|累计|共|再|力争|争取|确保|将|要|了|为|约|近|大约|达)*\s*"
LISTING = ("聚焦", "围绕", "包括", "涵盖", "分为", "主要包括", "共分", "即")
_QUOTE_SPAN = 40  # a quote left open longer than this was a typo (“四化“), not a name


def _depths(text: str, a: int, b: int) -> list[int]:
    """Bracket and quote depth at each offset of ``text[a:b]``, tolerant of unbalanced quotes:
    a second “ closes the first, and a quote still open after _QUOTE_SPAN characters is dropped."""
    out: list[int] = []
    stack: list[tuple[str, int]] = []
    for i in range(a, b):
        ch = text[i]
        if stack and stack[-1][0] in "“\"" and i - stack[-1][1] > _QUOTE_SPAN:
            stack.pop()
        if ch == "“" and stack and stack[-1][0] == "“":
            stack.pop()
        elif ch in OPENERS:
            stack.append((ch, i))
        elif ch in CLOSERS and stack:
            stack.pop()
        out.append(len(stack))
    return out


WINDOW = 80  # how far before a quantity its governing words are looked for (keeps long clauses linear)


@dataclass
class Clause:
    """One clause, scanned once: bracket depths, verbs, and where marker words first occur."""

    text: str
    x: int
    y: int
    depth: list[int]
    verbs: list[regex.Match[str]]
    first: dict[str, int]
    verb_ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.verb_ends = [m.end() for m in self.verbs]

    @classmethod
    def scan(cls, text: str, x: int, y: int) -> Clause:
        depth = [0, *_depths(text, x, y)]
        verbs = [m for m in lexicon().verb_re.finditer(text, x, y) if depth[m.start() - x] == 0]
        first: dict[str, int] = {}
        for key, rx in _markers().items():
            m = rx.search(text, x, y)
            if m is not None:
                first[key] = m.end()
        return cls(text, x, y, depth, verbs, first)

    def inside(self, pos: int) -> bool:
        return self.depth[pos - self.x] > 0

    def seen(self, key: str, pos: int) -> bool:
        """A word of family ``key`` ends at or before ``pos``."""
        return self.first.get(key, self.y + 1) <= pos

    def before(self, pos: int) -> str:
        return self.text[max(self.x, pos - WINDOW) : pos]


@cache
def _markers() -> dict[str, regex.Pattern[str]]:
    lex = lexicon()
    return {
        "present": regex.compile(alternation(lex.present)),
        "listing": regex.compile(alternation(LISTING[:3])),
        "spec": regex.compile("规格"),
        "every": regex.compile("每"),
        "pilot": regex.compile(alternation(lex.pilot_words)),
        "hedge": regex.compile(alternation(lex.hedges_clause)),
    }


def split_clauses(text: str, a: int, b: int, seps: str) -> list[tuple[int, int]]:
    """Ranges of ``text[a:b]`` between separators outside brackets and quotes (see _depths)."""
    depth = _depths(text, a, b)
    out: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if text[i] in seps and depth[i - a] == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out


@dataclass(frozen=True)
class Cmp:
    """A comparator word and where it stands."""

    word: str
    start: int
    end: int


def comparator_before(cl: Clause, end: int) -> Cmp | None:
    """The comparator that stands right before ``end`` (fillers such as 均/分别/力争 between)."""
    lo = max(cl.x, end - 24)
    window = cl.text[lo:end]
    best = None
    for m in lexicon().comparator_re.finditer(window):
        if regex.fullmatch(FILLER, window[m.end() :]):
            best = Cmp(m.group(0), lo + m.start(), lo + m.end())
    return best


_NOMINAL = regex.compile(
    r"(?:能力|水平|率|量|规模|面积|比例|比重|数量|总量|能级|效率|标准|强度|密度|人数|次数|指数|单位|主体|机构|成本|情况|区内|区域)"
)


def last_verb(cl: Clause, end: int) -> regex.Match[str] | None:
    """The verb that governs what stands at ``end``: the last one before it that is a predicate.

    A verb run followed by a nominal head (分拣处置能力, 提升项目) is part of a noun, not a predicate.
    """
    text = cl.text
    hi = bisect.bisect_right(cl.verb_ends, end)
    lo = bisect.bisect_left(cl.verb_ends, end - WINDOW)
    found = cl.verbs[lo:hi]
    k = len(found) - 1
    while k >= 0:
        m = found[k]
        j = k
        while j + 1 < len(found) and found[j + 1].start() == found[j].end():
            j += 1
        if not _NOMINAL.match(text, found[j].end(), end):
            return m
        k -= 1
        while k >= 0 and found[k].end() == found[k + 1].start():
            k -= 1
    return None
