"""Stage 4c (fields): tasks — the text up to each responsibility clause — with units and leads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from policyparse.core.agencies import Lexicon
from policyparse.core.clauses import ClauseHit, bracket_groups, find_clauses, grammar, is_deadline
from policyparse.core.tables import table_tasks
from policyparse.core.textnorm import line_ranges
from policyparse.models import Clause, ClauseStyle, LeadRule, ParseWarning, Task, Unit


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


def _strip_range(text: str, a: int, b: int) -> tuple[int, int]:
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
    return "bracket_role" if grammar().label_re.match(text, hit.start + 1, hit.end) else "bracket_verb"


def tasks_in(text: str, start: int, end: int, ctx: TaskContext, fallback_text: tuple[int, int] | None) -> list[Task]:
    """Tasks in ``text[start:end]``: prose with clauses, and task-division table rows.

    ``fallback_text`` (the heading title) names a task whose clause follows its heading directly.
    """
    tasks: list[Task] = []
    for a, b, is_table in _runs(text, start, end):
        if is_table:
            rows = line_ranges(text, a, b)
            for row in table_tasks(text, rows):
                x, y = row.text_span
                tasks.append(_task(text, x, y, row.hit, row.deadline, ctx, a, style="table"))
        else:
            tasks.extend(_prose_tasks(text, a, b, ctx, fallback_text if a == start else None))
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
        if (a, b) not in found and grammar().label_re.match(text, a + 1, b - 1):
            ctx.warnings.append(
                ParseWarning(
                    code="clause_without_units",
                    message=f"responsibility clause names no unit: {text[a:b]!r}",
                    page=ctx.page_at(a),
                    span=(a, b),
                )
            )
    for hit in hits:
        a, b = _strip_range(text, boundary, hit.start)
        deadline = hit.parsed.deadline
        # a deadline in brackets at the end of the task: "…（2025年底前完成）（责任单位：…）"
        groups = bracket_groups(text, a, b)
        if groups and groups[-1][1] == b and is_deadline(text[groups[-1][0] + 1 : groups[-1][1] - 1]):
            deadline = deadline or text[groups[-1][0] + 1 : groups[-1][1] - 1]
            a, b = _strip_range(text, a, groups[-1][0])
        clause_end = hit.end
        after = bracket_groups(text, hit.end, min(end, hit.end + 40))
        if after and after[0][0] == hit.end and is_deadline(text[after[0][0] + 1 : after[0][1] - 1]):
            deadline = deadline or text[after[0][0] + 1 : after[0][1] - 1]
            clause_end = after[0][1]
        if b <= a:
            if fallback_text is not None and not tasks:
                a, b = fallback_text
            else:
                ctx.warnings.append(
                    ParseWarning(
                        code="clause_without_task",
                        message=f"clause {text[hit.start:hit.end]!r} follows another clause with no task text",
                        page=ctx.page_at(hit.start),
                        span=(hit.start, hit.end),
                    )
                )
                boundary = clause_end
                continue
        tasks.append(_task(text, a, b, hit, deadline, ctx, start))
        boundary = clause_end
    return tasks


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
        ag = ctx.lexicon.resolve(u.name, ctx.province)
        if ag is None and u.name not in ctx.unknown_units:
            ctx.unknown_units[u.name] = None
            ctx.warnings.append(
                ParseWarning(
                    code="unknown_unit",
                    message=f"no canonical name for unit {u.name!r}",
                    page=ctx.page_at(hit.content_start + u.start),
                    span=(hit.content_start + u.start, hit.content_start + u.end),
                )
            )
        units.append(
            Unit(
                name=u.name,
                canonical=ag.canonical if ag else None,
                role=ag.role if ag else None,
                level=ag.level if ag else None,
                span=(hit.content_start + u.start, hit.content_start + u.end),
            )
        )
    names = [u.name for u in p.units]
    lead_rule: LeadRule
    if p.has_explicit_lead:
        lead = [u.name for u in p.units if u.role == "lead"]
        lead_rule = "explicit"
    elif any(u.role == "cooperating" for u in p.units):
        # "A指导，B参与": the printed roles split the units, whoever is not cooperating leads
        lead = [u.name for u in p.units if u.role != "cooperating"]
        lead_rule = "explicit"
    else:
        lead = names[:1]
        lead_rule = "first_listed_stated" if (ctx.first_listed_rule or stated_here) else "first_listed_convention"
    coop = [n for n in names if n not in lead]
    if not p.carries and stated_here:
        ctx.first_listed_rule = False  # stated for this clause only
    ctx.counter += 1
    clause = Clause(
        text=text[hit.start : hit.end],
        span=(hit.start, hit.end),
        style=style or _style(text, hit, region),
        lead_rule=lead_rule,
        rule_text=p.rule_text,
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
