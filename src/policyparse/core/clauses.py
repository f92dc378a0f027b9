"""Stage 4a (fields): responsibility clauses read by a small grammar over data.

The grammar reads a clause's content as segments separated by ；/; ; each segment is either
"ROLE：units" (a label from the data file) or "units … VERB" (a role verb at its end), with
"A会同B" splitting lead from cooperating units. Rule sentences such as 列第一位者为牵头单位 are
recognised, removed from the unit list, and (with 下同) carried on to later clauses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex

from policyparse.core.brackets import split_outside
from policyparse.core.textnorm import line_ranges

OPEN = "（("
CLOSE = "）)"


@dataclass(frozen=True)
class Grammar:
    labels: dict[str, str]
    verbs: list[tuple[str, str]]  # longest first
    infix: dict[str, tuple[str, str]]
    lead_rules: list[regex.Pattern[str]]
    carry_over: str
    strip_suffixes: list[str]
    strip_prefixes: list[str]
    split_before_collective: regex.Pattern[str]
    separators: str
    deadline_patterns: list[regex.Pattern[str]]
    table_index_columns: list[str]
    label_re: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = "|".join(sorted(map(regex.escape, self.labels), key=len, reverse=True))
        object.__setattr__(self, "label_re", regex.compile(rf"\s*(?P<label>{names})\s*[：:]\s*"))


@cache
def grammar() -> Grammar:
    """The clause grammar from ``data/clause_grammar.json`` (loaded once, on first use)."""
    raw: dict[str, Any] = json.loads(
        resources.files("policyparse").joinpath("data/clause_grammar.json").read_text("utf-8")
    )
    return Grammar(
        labels=raw["labels"],
        verbs=sorted(raw["verbs"].items(), key=lambda kv: len(kv[0]), reverse=True),
        infix={k: (v[0], v[1]) for k, v in raw["infix"].items()},
        lead_rules=[regex.compile(p) for p in raw["lead_rules"]],
        carry_over=raw["carry_over"],
        strip_suffixes=raw["strip_suffixes"],
        strip_prefixes=raw["strip_prefixes"],
        split_before_collective=regex.compile(raw["split_before_collective"]),
        separators=raw["separators"],
        deadline_patterns=[regex.compile(p) for p in raw["deadline_patterns"]],
        table_index_columns=raw["table_index_columns"],
    )


@dataclass
class UnitMention:
    name: str
    start: int  # offsets into the clause content
    end: int
    role: str  # lead | cooperating | responsible


@dataclass
class ParsedClause:
    units: list[UnitMention]
    rule_text: str | None = None
    rule_span: tuple[int, int] | None = None
    carries: bool = False
    deadline: str | None = None

    @property
    def has_explicit_lead(self) -> bool:
        return any(u.role == "lead" for u in self.units)


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


def units_in(s: str, a: int, b: int, role: str, g: Grammar) -> list[UnitMention]:
    """Units of a range that carries one role: split on separators and before 等有关部门."""
    out: list[UnitMention] = []
    for x, y in split_outside(s, a, b, g.separators):
        pieces = [(x, y)]
        m = g.split_before_collective.search(s, x, y)
        if m is not None:
            pieces = [(x, m.start()), (m.end(), y)]
        for p, q in pieces:
            p, q = _trim(s, p, q, g)
            if q > p:
                out.append(UnitMention(s[p:q], p, q, role))
    return out


def _segment(s: str, a: int, b: int, g: Grammar, parsed: ParsedClause) -> bool:
    """Read one ；-separated segment into ``parsed``; False when it holds no role at all."""
    m = g.label_re.match(s, a, b)
    if m is not None:
        role = g.labels[m["label"]]
        if role == "deadline":
            parsed.deadline = s[m.end() : b].strip(" 。")
            return True
        # "责任单位：省科技厅牵头，省财政厅配合": role verbs inside a labelled list still decide
        if not _verb_groups(s, m.end(), b, g, parsed, default=role):
            parsed.units.extend(units_in(s, m.end(), b, role, g))
        return True
    return _verb_groups(s, a, b, g, parsed, default="responsible")


def _verb_groups(s: str, a: int, b: int, g: Grammar, parsed: ParsedClause, default: str) -> bool:
    """"units VERB" groups, possibly several in one segment ("X牵头，Y配合"); True when they cover it all.

    Nothing is added to ``parsed`` unless the whole range reads as such groups. A plain 负责 takes the
    ``default`` role (the label's, when the list stands under one: "牵头单位：省科技厅负责").
    """
    found: list[UnitMention] = []
    deadline: str | None = None
    pending = a
    for x, y in split_outside(s, a, b, "，,"):
        y2 = y
        while y2 > x and s[y2 - 1] in " 。.":
            y2 -= 1
        if x == pending and any(p.match(s[x:y2].strip()) for p in g.deadline_patterns):
            deadline = s[x:y2].strip()
            pending = y + 1
            continue
        for verb, role in g.verbs:
            if s.endswith(verb, x, y2) and y2 - len(verb) > pending:
                body_end = y2 - len(verb)
                for inf, (r1, r2) in g.infix.items():
                    k = s.find(inf, pending, body_end)
                    if k >= 0:
                        found.extend(units_in(s, pending, k, r1, g))
                        found.extend(units_in(s, k + len(inf), body_end, r2, g))
                        break
                else:
                    found.extend(units_in(s, pending, body_end, role, g))
                pending = y + 1
                break
    if not found or pending < b:
        return False
    for u in found:
        if u.role == "responsible":
            u.role = default
    parsed.units.extend(found)
    parsed.deadline = parsed.deadline or deadline
    return True


def parse_clause_content(content: str) -> ParsedClause | None:
    """Parse the inside of a clause; None when it is not a responsibility clause.

    >>> [u.name for u in parse_clause_content("责任单位：省发展改革委、省科技厅，列第一位的为牵头单位，下同").units]
    ['省发展改革委', '省科技厅']
    """
    g = grammar()
    parsed = ParsedClause(units=[])
    s = content
    mask = list(s)
    for rx in g.lead_rules:
        m = rx.search(s)
        if m is not None:
            a, b = m.span()
            tail = regex.match(rf"\s*[，,]?\s*{g.carry_over}", s[b:])
            if tail:
                b += tail.end()
                parsed.carries = True
            parsed.rule_text = s[a:b]
            parsed.rule_span = (a, b)
            for i in range(a, b):
                mask[i] = "；"  # the rule is a separator, not a unit
            break
    masked = "".join(mask)
    if parsed.rule_span is None and regex.search(rf"[，,]\s*{g.carry_over}\s*$", masked):
        k = masked.rfind(g.carry_over)
        parsed.carries = True
        masked = masked[:k] + "；" * len(g.carry_over) + masked[k + len(g.carry_over) :]
    for lm in regex.finditer(r"[，,](?=\s*(?:" + "|".join(map(regex.escape, g.labels)) + r")\s*[：:])", masked):
        masked = masked[: lm.start()] + "；" + masked[lm.end() :]
    any_role = False
    for a, b in split_outside(masked, 0, len(masked), "；;。\n"):
        if not masked[a:b].strip(" ；，,"):
            continue
        ok = _segment(masked, a, b, g, parsed)
        if not ok:
            return None
        any_role = True
    if not any_role or not (parsed.units or parsed.deadline):
        return None
    if any(len(u.name) > 40 or any(c in u.name for c in "：:“”《》") for u in parsed.units):
        return None
    return parsed


def is_deadline(content: str) -> bool:
    return any(p.match(content.strip()) for p in grammar().deadline_patterns)


@dataclass(frozen=True)
class ClauseHit:
    start: int  # offsets into the searched text, brackets included
    end: int
    content_start: int
    content_end: int
    parsed: ParsedClause
    bracketed: bool


def bracket_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level bracket groups (（…）, (…), and mixed widths) within [start, end)."""
    out: list[tuple[int, int]] = []
    depth = 0
    a = -1
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            if depth == 0:
                a = i
            depth += 1
        elif ch in CLOSE and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((a, i + 1))
    return out


def find_clauses(text: str, start: int, end: int) -> list[ClauseHit]:
    """Responsibility clauses in ``text[start:end]``: bracketed ones, and whole lines that are clauses."""
    hits: list[ClauseHit] = []
    for a, b in bracket_groups(text, start, end):
        if b - a > 400:
            continue
        parsed = parse_clause_content(text[a + 1 : b - 1])
        if parsed is not None:
            hits.append(ClauseHit(a, b, a + 1, b - 1, parsed, True))
    # a clause standing alone on its line without brackets: "责任单位：省科技厅"
    g = grammar()
    for a, b in line_ranges(text, start, end):
        if g.label_re.match(text, a, b) is not None and not any(h.start <= a < h.end for h in hits):
            parsed = parse_clause_content(text[a:b])
            if parsed is not None:
                hits.append(ClauseHit(a, b, a, b, parsed, False))
    hits.sort(key=lambda h: h.start)
    return _merge_adjacent(text, hits)


def _merge_adjacent(text: str, hits: list[ClauseHit]) -> list[ClauseHit]:
    """One clause from parts printed one after another with nothing between them:
    "牵头单位：X" on one line and "配合单位：Y" on the next, or "（牵头单位：X）（完成时限：2025年）".
    Unit offsets become absolute (content_start 0) so that parts of different lines can be joined.
    """
    out: list[ClauseHit] = []
    for h in hits:
        if out and not text[out[-1].end : h.start].strip():
            prev = out[-1]
            units = [_shift(u, prev.content_start) for u in prev.parsed.units]
            units += [_shift(u, h.content_start) for u in h.parsed.units]
            p, q = prev.parsed, h.parsed
            merged = ParsedClause(
                units=units,
                rule_text=p.rule_text or q.rule_text,
                rule_span=None,
                carries=p.carries or q.carries,
                deadline=p.deadline or q.deadline,
            )
            out[-1] = ClauseHit(prev.start, h.end, 0, 0, merged, prev.bracketed)
        else:
            out.append(h)
    return [h for h in out if h.parsed.units]  # a deadline alone is not a clause


def _shift(u: UnitMention, by: int) -> UnitMention:
    return UnitMention(u.name, u.start + by, u.end + by, u.role)
