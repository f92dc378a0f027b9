"""Stage 4a (fields): responsibility clauses read by a small grammar over data.

The grammar reads a clause's content as segments separated by ；/; ; each segment is either
"LABEL：units" (a label by composition, see ``core/grammar.py``) or groups of "units PHRASE" (a role
phrase after the units: 牵头, 配合做好, 按职责分工负责), with "A会同B" splitting lead from cooperating
units. A phrase that says 牵头 marks lead, one that says 配合/参与/协助… marks cooperating; any other
phrase marks cooperating when the clause already has a lead, else plain responsibility. Rule sentences
such as 列第一位者为牵头单位 are recognised, removed from the unit list, and (with 下同) carried on.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.brackets import split_outside
from policyparse.core.grammar import Grammar, grammar
from policyparse.core.numerals import cn_to_int
from policyparse.core.organs import is_organ, is_unit_like
from policyparse.core.textnorm import line_ranges
from policyparse.core.units import UnitMention, units_in

OPEN = "（(【"
CLOSE = "）)】"

__all__ = [
    "ClauseHit", "ParsedClause", "UnitMention", "bracket_groups", "find_clauses", "grammar", "is_deadline",
    "looks_like_clause", "parse_clause_content", "units_in",
]  # fmt: skip


@dataclass
class ParsedClause:
    units: list[UnitMention]
    rule_text: str | None = None
    rule_span: tuple[int, int] | None = None
    carries: bool = False
    deadline: str | None = None
    unknown_labels: tuple[str, ...] = ()
    note: str | None = None
    #: "以上第1—3项任务": the clause covers the items printed above it (numbers as printed, if any)
    covers: str | None = None
    covers_numbers: tuple[int, int] | None = None

    @property
    def has_explicit_lead(self) -> bool:
        return any(u.role == "lead" for u in self.units)


def _segment(s: str, a: int, b: int, g: Grammar, parsed: ParsedClause, bracketed: bool) -> bool:
    """Read one ；-separated segment into ``parsed``; False when it holds no role at all."""
    lab = g.label_at(s, a, b, allow_unknown=bracketed)
    if lab is not None:
        if not lab.known:
            parsed.unknown_labels = (*parsed.unknown_labels, lab.text)
        if lab.role == "deadline":
            parsed.deadline = s[lab.end : b].strip(" 。")
            return True
        # "责任单位：省科技厅牵头，省财政厅配合": role phrases inside a labelled list still decide
        if not _phrase_groups(s, lab.end, b, g, parsed, label_role=lab.role):
            found = units_in(s, lab.end, b, lab.role, g)
            if not found:
                return False
            parsed.units.extend(found)
        return True
    return _phrase_groups(s, a, b, g, parsed, label_role=None)


def _phrase_groups(s: str, a: int, b: int, g: Grammar, parsed: ParsedClause, label_role: str | None) -> bool:
    """"units PHRASE" groups, possibly several in one segment ("X牵头，Y配合"); True when they cover it all.

    Nothing is added to ``parsed`` unless the whole range reads as such groups.
    """
    found: list[tuple[UnitMention, str]] = []  # (unit, phrase kind)
    deadline: str | None = None
    pending = a
    for x, y in split_outside(s, a, b, "，,"):
        y2 = y
        while y2 > x and s[y2 - 1] in " 。.":
            y2 -= 1
        if x == pending and is_deadline(s[x:y2]):
            deadline = s[x:y2].strip()
            pending = y + 1
            continue
        ph = g.phrase_at_end(s, pending, y2)
        if ph is None:
            continue  # "X、Y，Z负责": the comma inside a unit list — read on to the phrase
        start, kind = ph
        units = _infix_units(s, pending, start, kind, g)
        if not units:
            return False
        found.extend(units)
        pending = y + 1
    if not found or pending < b:
        return False
    has_lead = any(k == "lead" for _, k in found) or parsed.has_explicit_lead
    for u, kind in found:
        if kind in ("lead", "cooperating"):
            u.role = kind
        elif label_role in ("lead", "cooperating"):
            u.role = label_role  # "牵头单位：省科技厅负责": a plain phrase takes the label's role
        else:
            u.role = "cooperating" if has_lead else "responsible"
    parsed.units.extend(u for u, _ in found)
    parsed.deadline = parsed.deadline or deadline
    return True


def _infix_units(s: str, a: int, b: int, kind: str, g: Grammar) -> list[tuple[UnitMention, str]]:
    """Units before a phrase; "A会同B" makes A lead and B cooperating."""
    for inf, (r1, r2) in g.infix.items():
        k = s.find(inf, a, b)
        if k > a:
            left = [(u, "lead" if r1 == "lead" else kind) for u in units_in(s, a, k, r1, g)]
            right = [(u, r2) for u in units_in(s, k + len(inf), b, r2, g)]
            if left and right and all(_unit_like(u.name) for u, _ in left + right):
                return left + right
    found = [(u, kind) for u in units_in(s, a, b, "responsible", g)]
    # without a label, only names that read as units make a clause: "（含居住证办理）" is not one
    return found if all(_unit_like(u.name) for u, _ in found) else []


def _unit_like(name: str) -> bool:
    from policyparse.core.agencies import lexicon

    return is_unit_like(name) or lexicon().knows(name)


def parse_clause_content(content: str, bracketed: bool = True, bare_ok: bool = False) -> ParsedClause | None:
    """Parse the inside of a clause; None when it is not a responsibility clause.

    >>> [u.name for u in parse_clause_content("责任单位：省发展改革委、省科技厅，列第一位的为牵头单位，下同").units]
    ['省发展改革委', '省科技厅']
    """
    g = grammar()
    parsed = ParsedClause(units=[])
    s = content
    mask = list(s)
    cov = g.covering.match(s)
    if cov is not None:
        parsed.covers = s[cov.start() : cov.end()].strip().removesuffix("由")
        parsed.covers_numbers = covered_numbers(cov)
        for i in range(cov.start(), cov.end()):
            mask[i] = "；"  # the covering phrase is not a unit
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
    # a label after a comma starts a new segment: "牵头单位：X，配合单位：Y"
    for i in [m.start() for m in regex.finditer(r"[，,]", masked)]:
        if g.label_at(masked, i + 1, len(masked), allow_unknown=bracketed) is not None:
            masked = masked[:i] + "；" + masked[i + 1 :]
    if bare_ok and parsed.rule_span is None and (bare := _bare_list(masked, g)) is not None:
        return bare
    any_role = False
    for a, b in split_outside(masked, 0, len(masked), "；;。\n"):
        if not masked[a:b].strip(" ；，,"):
            continue
        if any(p.search(masked[a:b].strip()) for p in g.note_patterns):
            parsed.note = masked[a:b].strip()  # "以下均需…落实，不再列出": how the clauses below read
            continue
        if not _segment(masked, a, b, g, parsed, bracketed):
            return None
        any_role = True
    if not any_role or not (parsed.units or parsed.deadline):
        return None
    # roles in brackets after units ("县文旅局（牵头）、各乡镇（具体实施）"): any other phrase cooperates
    # with a lead, else it is plain responsibility
    lead = parsed.has_explicit_lead
    for u in parsed.units:
        if u.role == "other":
            u.role = "cooperating" if lead else "responsible"
    if any(len(u.name) > 40 or any(c in u.name for c in "：:“”《》") for u in parsed.units):
        return None
    return parsed


def covered_numbers(cov: regex.Match[str]) -> tuple[int, int] | None:
    """The item numbers a covering opening prints ("以上第1—3项任务" → (1, 3)), or None."""
    lo, hi = cov.group("lo"), cov.group("hi")
    if lo is None:
        return None
    a, b = cn_to_int(lo), cn_to_int(hi or lo)
    return (a, b) if a is not None and b is not None else None


def _bare_list(s: str, g: Grammar) -> ParsedClause | None:
    """"（水利部、生态环境部）" after a sentence: a bare list of organs names who is responsible."""
    if g.label_at(s, 0, len(s), allow_unknown=True) is not None or g.phrase_at_end(s, 0, len(s)) is not None:
        return None
    units = units_in(s, 0, len(s), "responsible", g)
    if not units or any(not (is_organ(u.name) or _known(u.name)) for u in units):
        return None
    return ParsedClause(units=units)


def _known(name: str) -> bool:
    from policyparse.core.agencies import lexicon

    return lexicon().knows(name)


def is_deadline(content: str) -> bool:
    return any(p.match(content.strip()) for p in grammar().deadline_patterns)


def looks_like_clause(content: str) -> bool:
    """Does a bracket's content open like a responsibility clause (a label, or units + a role phrase)?"""
    g = grammar()
    c = content.strip()
    lab = g.label_at(c, 0, len(c), allow_unknown=True)
    if lab is not None:
        return lab.known or all(_unit_like(u.name) for u in units_in(c, lab.end, len(c), "responsible", g))
    first = split_outside(c, 0, len(c), "；;。")[0]
    for x, y in split_outside(c, first[0], first[1], "，,"):
        ph = g.phrase_at_end(c, x, y)
        if ph is not None and y - x <= 60:
            return all(_unit_like(u.name) for u in units_in(c, x, ph[0], "responsible", g))
    return False


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
        # a bracket of bare names is a clause only where clauses stand: right after a sentence's end (or
        # another clause) — "由省推进办（省发展改革委）负责", "各乡镇（街道）" are glosses, not clauses
        bare_ok = a > start and text[a - 1] in "。；;！？）)】"
        parsed = parse_clause_content(text[a + 1 : b - 1], bare_ok=bare_ok)
        if parsed is not None:
            hits.append(ClauseHit(a, b, a + 1, b - 1, parsed, True))
    # a clause standing alone on its line without brackets: "责任单位：省科技厅", "以上任务由X牵头，Y配合。"
    g = grammar()
    for a, b in line_ranges(text, start, end):
        if (g.label_at(text, a, b) is not None or g.covering.match(text, a, b)) and not any(h.start <= a < h.end for h in hits):
            parsed = parse_clause_content(text[a:b], bracketed=False)
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
                covers=p.covers or q.covers,
                covers_numbers=p.covers_numbers or q.covers_numbers,
                units=units,
                rule_text=p.rule_text or q.rule_text,
                rule_span=None,
                carries=p.carries or q.carries,
                deadline=p.deadline or q.deadline,
                unknown_labels=(*p.unknown_labels, *q.unknown_labels),
            )
            out[-1] = ClauseHit(prev.start, h.end, 0, 0, merged, prev.bracketed)
        else:
            out.append(h)
    return [h for h in out if h.parsed.units]  # a deadline alone is not a clause


def _shift(u: UnitMention, by: int) -> UnitMention:
    return UnitMention(u.name, u.start + by, u.end + by, u.role)
