"""Stage 4c (fields): clauses shared by several items — "（以上任务责任单位：…）", "以上第1—3项任务由X牵头，Y配合。".

Such a clause is printed once after a run of numbered items and names who does each of them. Its
own item (the one whose region holds it) gets its task as any clause would; here every item above
it in the same list that has no clause of its own gets a task of its own text with a copy of the
clause. Printed numbers ("第1—3项") say which items; without them the run goes back to the first
item of the list, or to the nearest item that has its own clause.
"""

from __future__ import annotations

from collections.abc import Callable

from policyparse.core.clauses import covered_numbers, grammar
from policyparse.core.tasks import strip_range
from policyparse.models import Part, Section

#: where a section's own text lies: (start, end) of its body, and its title's span (None when untitled)
Region = tuple[int, int, tuple[int, int] | None]


def _numbers(covers: str) -> tuple[int, int] | None:
    m = grammar().covering.match(covers)
    return covered_numbers(m) if m is not None else None


def _has_tasks(s: Section) -> bool:
    return bool(s.tasks) or any(_has_tasks(c) for c in s.children)


def _own_text(text: str, region: Region) -> tuple[int, int] | None:
    start, end = strip_range(text, region[0], region[1])
    title = region[2]
    if end > start:
        return start, end
    return title  # an item that is only its title ("4．实施老旧管网改造。" read as a heading)


def cover_items_above(
    text: str, children: list[Section], regions: dict[int, Region], page_at: Callable[[int], int | None]
) -> None:
    """Give the items above a covering clause its units (tasks added in place, ids set later)."""
    for k, child in enumerate(children):
        shared = [t for t in child.tasks if t.clause is not None and t.clause.covers is not None]
        if not shared:
            continue
        t = shared[-1]
        numbers = _numbers(t.clause.covers or "") if t.clause else None
        for sib in reversed(children[:k]):
            if numbers is not None:
                if sib.number < numbers[0]:
                    break
                if sib.number > numbers[1]:
                    continue
            if _has_tasks(sib):
                break
            span = _own_text(text, regions[id(sib)])
            if span is None:
                continue
            a, b = span
            copy = t.model_copy(update={"id": "", "text": text[a:b], "span": (a, b), "page": page_at(a), "target_ids": []}, deep=True)
            sib.tasks.insert(0, copy)


def renumber_tasks(parts: list[Part]) -> None:
    """Task ids t1, t2… in document order (tasks added for shared clauses come after the others)."""
    tasks = sorted((t for p in parts for t in p.iter_tasks()), key=lambda t: t.span[0])
    for n, t in enumerate(tasks, start=1):
        t.id = f"t{n}"
