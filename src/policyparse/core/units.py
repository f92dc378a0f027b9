"""Unit lists: "市科委、市发展改革委等", "各区、县（市）", "区交通委和区水务局" → unit mentions.

Split at the separators outside brackets; 和/及/与 split only between two organ names (有关部门和单位
is one collective); a leading 各 over bare area nouns is one distributed unit (各市、县（市、区）人民政府);
a trailing 等 and fillers (按职责分工…) are not part of a unit; "—", "无" name no unit; in a table cell
a space between names separates them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.brackets import split_outside
from policyparse.core.grammar import Grammar
from policyparse.core.organs import (
    is_area_noun,
    is_head,
    is_kind_noun,
    is_organ,
    is_unit_like,
    starts_with_area,
)


@dataclass
class UnitMention:
    name: str
    start: int  # offsets into the searched string
    end: int
    role: str  # lead | cooperating | responsible


def _trim(s: str, a: int, b: int, g: Grammar) -> tuple[int, int]:
    """Strip white space, filler words (等, 按职责分工…) and prefixes (由) from a unit range."""
    changed = True
    while changed and a < b:
        changed = False
        while a < b and s[a] in " \n":
            a += 1
        while a < b and s[b - 1] in " \n。.":
            b -= 1
        for suf in g.strip_suffixes:
            if b - a > len(suf) and s[a:b].endswith(suf):
                b -= len(suf)
                changed = True
        for pre in g.strip_prefixes:
            if b - a > len(pre) + 1 and s[a:b].startswith(pre):
                a += len(pre)
                changed = True
    return a, b


_CONJ = regex.compile(r"[和及与]")


def _split_conj(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """"区交通委和区水务局" → two ranges; "有关部门和单位", "科技和信息化局" stay whole; "区房管局等建设
    主管部门" → the organ and the collective it belongs to."""
    k = s.find("等", a, b)
    if k > a and b - k > 3 and is_organ(s[a:k]) and is_unit_like(s[k + 1 : b]):
        return [*_split_conj(s, a, k), (k + 1, b)]
    for m in _CONJ.finditer(s, a, b):
        left, right = s[a : m.start()], s[m.end() : b]
        if m.group() == "与" and not (starts_with_area(right) or right.startswith("各")):
            continue  # 与 inside a name ("实验室与设备管理处") joins only named organs in a list
        if is_organ(left) and is_organ(right) and len(right) >= 3:
            return [*_split_conj(s, a, m.start()), *_split_conj(s, m.end(), b)]
    return [(a, b)]


def _area_then_head(t: str) -> bool:
    """"县（市、区）人民政府", "镇人民政府": an area noun carrying the head of the whole distributed list."""
    n = starts_with_area(t)
    return n is not None and is_head(t[len(n) :])


def _distributed(s: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "各区" + "县（市）" (+ "…人民政府") into one range: 各 distributes over bare area nouns, and
    over the kinds of unit that follow it ("各分公司、子公司", "各乡镇人民政府、街道办事处")."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(pieces):
        a, b = pieces[k]
        t = s[a:b].strip()
        j = k + 1
        if t.startswith("各") and is_area_noun(t[1:]):
            while j < len(pieces) and is_area_noun(s[pieces[j][0] : pieces[j][1]].strip()):
                j += 1
            if j < len(pieces) and _area_then_head(s[pieces[j][0] : pieces[j][1]].strip()):
                j += 1
        elif t.startswith("各") and (is_kind_noun(t[1:]) or _area_then_head(t[1:])):
            while j < len(pieces) and is_kind_noun(s[pieces[j][0] : pieces[j][1]]):
                j += 1
        out.append((a, pieces[j - 1][1]))
        k = j
    return out


_CONJ_EACH = regex.compile(r"[和及与](?=各)")


def _split_before_each(s: str, a: int, b: int, seps: str) -> list[tuple[int, int]]:
    """The ranges between separators, also cut at "及各…" after an organ: "杭州市政府及各区、县（市）政府"
    is 杭州市政府 and the distributed 各区、县（市）政府 — the 、 after 各 belongs to the second."""
    out: list[tuple[int, int]] = []
    for x, y in split_outside(s, a, b, seps):
        m = _CONJ_EACH.search(s, x, y)
        if m is not None and is_organ(s[x : m.start()].strip()):
            out += [(x, m.start()), (m.end(), y)]
        else:
            out.append((x, y))
    return out


def units_in(s: str, a: int, b: int, role: str, g: Grammar, spaces_separate: bool = False) -> list[UnitMention]:
    """Units of a range that carries one role."""
    seps = g.separators + (" " if spaces_separate else "")
    pieces: list[tuple[int, int]] = []
    for x, y in _split_before_each(s, a, b, seps):
        m = g.split_before_collective.search(s, x, y)
        parts = [(x, m.start()), (m.end(), y)] if m is not None else [(x, y)]
        for p, q in parts:
            pieces.extend(_split_conj(s, *_trim(s, p, q, g)))
    out: list[UnitMention] = []
    for p, q in _distributed(s, [pc for pc in pieces if pc[1] > pc[0]]):
        p, q = _trim(s, p, q, g)
        if q > p and s[p:q].strip() not in g.no_unit:
            out.append(_with_bracket_role(s, p, q, role, g))
    return out


_BRACKET_ROLE = regex.compile(r"[（(](?P<phrase>[^（）()]{1,8})[）)]$")


def _with_bracket_role(s: str, p: int, q: int, role: str, g: Grammar) -> UnitMention:
    """"县住建局（牵头）", "各乡镇（具体实施）": the role phrase in brackets after a unit gives its role
    (lead, cooperating, or ``other`` — settled by the clause) and is not part of its name."""
    m = _BRACKET_ROLE.search(s, p, q)
    if m is not None and m.start() > p and g.phrase_re.fullmatch(m["phrase"]):
        kind = g.phrase_at_end("x" + m["phrase"], 0, len(m["phrase"]) + 1)
        if kind is not None:
            return UnitMention(s[p : m.start()], p, m.start(), kind[1])
    return UnitMention(s[p:q], p, q, role)
