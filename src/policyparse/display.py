"""Short, readable summaries of parsed elements for the REPL and notebooks (``repr`` and HTML).

A document's repr is a few lines — title, 文号, date, parts, the plan's outline to depth 2,
counts and warnings — not its 60 KB of text. Bounded in length whatever the document.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyparse.models import Part, PolicyDocument, Section, Task

MAX_CHARS = 2000
_OUTLINE_LINES = 24


def _cut(s: str | None, n: int) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _bounded(lines: list[str]) -> str:
    out = "\n".join(lines)
    return out if len(out) <= MAX_CHARS else out[: MAX_CHARS - 1] + "…"


def _outline(sections: list[Section], depth: int = 2) -> list[str]:
    lines: list[str] = []

    def walk(ss: list[Section], d: int) -> None:
        for s in ss:
            if len(lines) >= _OUTLINE_LINES:
                return
            n = sum(1 for _ in _tasks_of(s))
            lines.append(f"{'  ' * d}{s.marker}{_cut(s.title or '（无标题）', 30)}" + (f"  [{n} tasks]" if n else ""))
            if d + 1 < depth:
                walk(s.children, d + 1)

    walk(sections, 0)
    return lines


def _tasks_of(s: Section) -> list[Task]:
    out = list(s.tasks)
    for c in s.children:
        out.extend(_tasks_of(c))
    return out


def doc_lines(doc: PolicyDocument) -> list[str]:
    m = doc.meta
    tasks = list(doc.iter_tasks())
    head = [
        f"PolicyDocument: {_cut(m.title, 60) or '(no title)'}",
        "  " + " · ".join(x for x in (m.doc_number.text if m.doc_number else "", m.date or "", "、".join(m.issuers)) if x),
        "  parts: " + "; ".join(
            f"{'*' if i == doc.plan_part else ''}{p.label or ('正文' if i == 0 else '部分' + str(i))}"
            f"{'（' + _cut(p.title, 20) + '）' if p.title else ''}" for i, p in enumerate(doc.parts())
        ),
        f"  {sum(1 for _ in doc.iter_sections())} sections, {len(tasks)} tasks, "
        f"{sum(len(t.units) for t in tasks)} units, {len(doc.targets)} targets",
    ]  # fmt: skip
    if doc.warnings:
        codes = Counter(w.code for w in doc.warnings)
        head.append("  warnings: " + ", ".join(f"{c}×{n}" for c, n in codes.most_common(6)))
    outline = _outline(doc.plan.sections)
    if outline:
        head.append("  outline of the plan (* part):")
        head.extend("    " + ln for ln in outline)
    return head


def part_lines(p: Part) -> list[str]:
    tasks = list(p.iter_tasks())
    return [f"Part {p.label or ''}{'（' + _cut(p.title, 40) + '）' if p.title else ''}: "
            f"{sum(1 for _ in p.iter_sections())} sections, {len(tasks)} tasks",
            *("  " + ln for ln in _outline(p.sections))]  # fmt: skip


def section_lines(s: Section) -> list[str]:
    tasks = _tasks_of(s)
    return [f"Section {s.id} {s.marker}{_cut(s.title or '（无标题）', 40)}  path {s.path or s.marker}: "
            f"{len(s.children)} children, {len(tasks)} tasks",
            *("  " + ln for ln in _outline(s.children))]  # fmt: skip


def task_lines(t: Task) -> list[str]:
    lines = [f"Task {t.id} in {t.section_path or '(no section)'}: {_cut(t.text, 60)}"]
    if t.units:
        lines.append("  lead: " + "、".join(t.lead_units) + ("；cooperating: " + "、".join(t.cooperating_units) if t.cooperating_units else ""))
        if t.clause is not None:
            lines.append(f"  clause ({t.clause.style}, {t.clause.lead_rule}): {_cut(t.clause.text, 50)}")
    if t.deadline:
        lines.append(f"  deadline: {t.deadline}")
    return lines


def text_repr(obj: PolicyDocument | Part | Section | Task) -> str:
    """The plain-text summary of a document, part, section or task."""
    from policyparse.models import Part, PolicyDocument, Section

    if isinstance(obj, PolicyDocument):
        return _bounded(doc_lines(obj))
    if isinstance(obj, Part):
        return _bounded(part_lines(obj))
    if isinstance(obj, Section):
        return _bounded(section_lines(obj))
    return _bounded(task_lines(obj))


def html_repr(obj: PolicyDocument | Part | Section | Task) -> str:
    """The same summary as HTML for notebooks: a heading line and the rest in a <pre>."""
    lines = text_repr(obj).split("\n")
    body = html.escape("\n".join(lines[1:]))
    return (f"<div class='policyparse'><b>{html.escape(lines[0])}</b>"
            f"<pre style='margin:0.3em 0;font-size:90%'>{body}</pre></div>")  # fmt: skip
