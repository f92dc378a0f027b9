"""Stage 4c (fields): tasks — the text up to each responsibility clause — with units and leads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from policyparse.core.agencies import Lexicon
from policyparse.core.clauses import (
    ClauseHit,
    bracket_groups,
    find_clauses,
    grammar,
    is_deadline,
    looks_like_clause,
)
from policyparse.core.duties import duty_paragraph, rehit
from policyparse.core.organs import Place
from policyparse.core.tables import TableState, table_tasks
from policyparse.core.textnorm import line_ranges
from policyparse.models import Clause, ClauseStyle, LeadRule, ParseWarning, Part, Task, Unit


@dataclass
class TaskContext:
    """What carries from one clause to the next across the whole document."""

    lexicon: Lexicon
    province: str | None
    page_at: Callable[[int], int | None]
    first_listed_rule: bool = False
    counter: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)
    unknown_units: dict[str, None] = field(default_factory=dict)
    place: Place = field(default_factory=Place)

    def unit(self, name: str, span: tuple[int, int]) -> Unit:
        """A unit as printed, with its canonical name and role from the lexicon or organ-name rules."""
        ag = self.lexicon.resolve(name, self.province)
        if ag is not None:
            return Unit(name=name, canonical=ag.canonical, role=ag.role, level=ag.level, span=span, resolved_by="lexicon")
        self.unknown_units.setdefault(name, None)
        rule = self.lexicon.resolve_by_rule(name, self.province, self.place)
        if rule is not None:
            return Unit(name=name, canonical=rule.canonical, role=rule.role, level=rule.level, span=span, resolved_by="rule")
        return Unit(name=name, span=span)

    def warn(self, code: str, message: str, span: tuple[int, int]) -> None:
        """Record a warning about ``span`` (its page found from the offset)."""
        self.warnings.append(ParseWarning(code=code, message=message, page=self.page_at(span[0]), span=span))

    def unknown_warning(self) -> ParseWarning | None:
        """One warning for the whole document listing the units the lexicon does not know."""
        if not self.unknown_units:
            return None
        names = list(self.unknown_units)
        shown = "、".join(names[:30]) + ("…" if len(names) > 30 else "")
        return ParseWarning(code="unknown_units", message=f"{len(names)} units not in the agency lexicon: {shown}")


def strip_range(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the spaces and line breaks at its ends."""
    while a < b and text[a] in " \n":
        a += 1
    while b > a and text[b - 1] in " \n":
        b -= 1
    return a, b


def _style(text: str, hit: ClauseHit, region_start: int) -> ClauseStyle:
    alone = (hit.start == region_start or text[hit.start - 1] == "\n") and (
        hit.end == len(text) or text[hit.end] == "\n"
    )
    if alone or not hit.bracketed:
        return "standalone"
    return "bracket_role" if grammar().label_at(text, hit.start + 1, hit.end, allow_unknown=True) else "bracket_verb"


def tasks_in(
    text: str,
    start: int,
    end: int,
    ctx: TaskContext,
    fallback_text: tuple[int, int] | None,
    duty: ClauseHit | None = None,
) -> list[Task]:
    """Tasks in ``text[start:end]``: prose with clauses, duty paragraphs, and task-table rows.

    ``fallback_text`` (the heading title) names a task whose clause follows its heading directly.
    ``duty`` (the organs a heading names) makes each paragraph of a region without clauses a duty
    of those organs.
    """
    tasks: list[Task] = []
    table = TableState()
    for a, b, is_table in _runs(text, start, end):
        if is_table:
            rows = line_ranges(text, a, b)
            for row in table_tasks(text, rows, table):
                x, y = row.text_span
                t = _task(text, x, y, row.hit, row.deadline, ctx, a, style="table")
                tasks.append(t.model_copy(update={"cells": row.cells}))
        elif duty is not None and not find_clauses(text, a, b):
            for x, y in line_ranges(text, a, b):
                x, y = strip_range(text, x, y)
                if y > x and not text[x:y].endswith(("：", ":")):  # a lead-in "…主要履行以下职责："
                    tasks.append(_task(text, x, y, rehit(duty, text[x:y]), None, ctx, a, style="duty"))
        else:
            tasks.extend(_prose_and_duties(text, a, b, ctx, fallback_text if a == start else None))
    return tasks


def _prose_and_duties(
    text: str, start: int, end: int, ctx: TaskContext, fallback_text: tuple[int, int] | None
) -> list[Task]:
    """Lines that are duty paragraphs ("区民防办：负责…") are tasks of their own; the prose between
    them is read for clauses."""
    tasks: list[Task] = []
    pending = start
    for a, b in line_ranges(text, start, end):
        d = duty_paragraph(text, a, b)
        if d is None or find_clauses(text, a, b):
            continue
        if a > pending:
            tasks.extend(_prose_tasks(text, pending, a, ctx, fallback_text if pending == start else None))
        tasks.append(_task(text, d.text[0], d.text[1], d.hit, None, ctx, a, style="duty"))
        pending = b
    if pending < end:
        tasks.extend(_prose_tasks(text, pending, end, ctx, fallback_text if pending == start else None))
    return tasks


def _runs(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a region into runs of table rows (lines with tabs) and of prose."""
    runs: list[tuple[int, int, bool]] = []
    for a, b in line_ranges(text, start, end):
        is_table = "\t" in text[a:b]
        if runs and runs[-1][2] == is_table:
            runs[-1] = (runs[-1][0], b, is_table)
        else:
            runs.append((a, b, is_table))
    return runs


def _prose_tasks(
    text: str, start: int, end: int, ctx: TaskContext, fallback_text: tuple[int, int] | None
) -> list[Task]:
    tasks: list[Task] = []
    boundary = start
    hits = find_clauses(text, start, end)
    found = {(h.start, h.end) for h in hits}
    for a, b in bracket_groups(text, start, end):
        if (a, b) not in found and looks_like_clause(text[a + 1 : b - 1]):
            ctx.warn("clause_without_units", f"responsibility clause names no unit: {text[a:b]!r}", (a, b))
    for hit in hits:
        a, b = strip_range(text, boundary, hit.start)
        deadline = hit.parsed.deadline
        # a deadline in brackets at the end of the task: "…（2025年底前完成）（责任单位：…）"
        groups = bracket_groups(text, a, b)
        if groups and groups[-1][1] == b and is_deadline(text[groups[-1][0] + 1 : groups[-1][1] - 1]):
            deadline = deadline or text[groups[-1][0] + 1 : groups[-1][1] - 1]
            a, b = strip_range(text, a, groups[-1][0])
        clause_end = hit.end
        after = bracket_groups(text, hit.end, min(end, hit.end + 40))
        if after and after[0][0] == hit.end and is_deadline(text[after[0][0] + 1 : after[0][1] - 1]):
            deadline = deadline or text[after[0][0] + 1 : after[0][1] - 1]
            clause_end = after[0][1]
        if b <= a:
            nxt = _text_after(text, hit, clause_end, end, hits)
            if nxt is not None and not tasks:
                # "1.（牵头单位：X）开展…": the clause opens the item, its task is the rest of the item
                a, b = nxt
                clause_end = end
            elif fallback_text is not None and not tasks:
                a, b = fallback_text
            elif hit.parsed.covers is not None:
                boundary = clause_end  # "（以上任务…）" after an item with its own clause covers the items above
                continue
            else:
                ctx.warn("clause_without_task", f"clause {text[hit.start:hit.end]!r} follows another clause with no task text",
                         (hit.start, hit.end))  # fmt: skip
                boundary = clause_end
                continue
        tasks.append(_task(text, a, b, hit, deadline, ctx, start))
        boundary = clause_end
    return tasks


def _text_after(text: str, hit: ClauseHit, clause_end: int, end: int, hits: list[ClauseHit]) -> tuple[int, int] | None:
    """The text after a clause that opens its region, when no other clause follows to claim it."""
    if hit.parsed.covers is not None or hits[-1] is not hit:
        return None
    a, b = strip_range(text, clause_end, end)
    return (a, b) if b > a else None


def _task(
    text: str,
    a: int,
    b: int,
    hit: ClauseHit,
    deadline: str | None,
    ctx: TaskContext,
    region: int,
    style: ClauseStyle | None = None,
) -> Task:
    p = hit.parsed
    if p.rule_text is not None:
        ctx.first_listed_rule = True
    stated_here = p.rule_text is not None
    units: list[Unit] = []
    for u in p.units:
        if any(x.name == u.name for x in units):
            continue  # printed in two columns (牵头 and 配合): one unit, both roles below
        units.append(ctx.unit(u.name, (hit.content_start + u.start, hit.content_start + u.end)))
    names = list(dict.fromkeys(u.name for u in p.units))
    lead_rule: LeadRule
    if p.has_explicit_lead:
        lead = list(dict.fromkeys(u.name for u in p.units if u.role == "lead"))
        coop = list(dict.fromkeys(u.name for u in p.units if u.role == "cooperating"))
        lead_rule = "explicit"
    elif any(u.role == "cooperating" for u in p.units):
        # "A指导，B参与": the printed roles split the units, whoever is not cooperating leads
        coop = list(dict.fromkeys(u.name for u in p.units if u.role == "cooperating"))
        lead = [n for n in names if n not in coop]
        lead_rule = "explicit"
    elif ctx.first_listed_rule or stated_here:
        lead, coop = names[:1], names[1:]
        lead_rule = "first_listed_stated"
    else:
        # a flat list with no rule: the first leads by convention only; the others stay responsible
        lead, coop = names[:1], []
        lead_rule = "first_listed_convention"
    if p.unknown_labels:
        ctx.warn("unknown_clause_label",
                 f"clause label {'、'.join(p.unknown_labels)!r} is not in the role vocabulary: read as responsible",
                 (hit.start, hit.end))  # fmt: skip
    if not p.carries and stated_here:
        ctx.first_listed_rule = False  # stated for this clause only
    ctx.counter += 1
    clause = Clause(
        text=text[hit.start : hit.end],
        span=(hit.start, hit.end),
        style=style or _style(text, hit, region),
        lead_rule=lead_rule,
        rule_text=p.rule_text or p.note,
        covers=p.covers,
    )
    return Task(
        id=f"t{ctx.counter}",
        text=text[a:b],
        span=(a, b),
        page=ctx.page_at(a),
        clause=clause,
        units=units,
        lead_units=lead,
        cooperating_units=coop,
        deadline=deadline,
    )


def apply_stated_rules(text: str, parts: list[Part]) -> None:
    """A lead rule stated outside the clauses ("注：各项任务中排名第一的为牵头部门，其他为参与部门"),
    in a part's own paragraphs (or the notice's, for every part), governs the clauses that name no
    lead: their first unit leads as stated and the others cooperate. Mutates the tasks in place."""
    g = grammar()

    def stated(part: Part) -> str | None:
        clause_spans = [t.clause.span for t in part.iter_tasks() if t.clause is not None]
        for p in [*part.paragraphs, *(para for s in part.iter_sections() for para in s.paragraphs)]:
            a, b = p.span
            for rx in g.lead_rules:
                m = rx.search(text, a, b)
                if m is not None and not any(x <= m.start() < y for x, y in clause_spans):
                    return text[a:b]
        return None

    notice = stated(parts[0]) if parts else None  # the notice's rule governs the plan it 印发s
    for part in parts:
        rule = stated(part) or notice
        if rule is None:
            continue
        for t in part.iter_tasks():
            c = t.clause
            if c is not None and c.lead_rule == "first_listed_convention" and t.units:
                names = list(dict.fromkeys(u.name for u in t.units))
                t.lead_units, t.cooperating_units = names[:1], names[1:]
                c.lead_rule, c.rule_text = "first_listed_stated", c.rule_text or rule
