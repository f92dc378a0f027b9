"""Readable renderings of a parsed document for the command line: outline, task table, CSV, Markdown.

``policyparse FILE --format outline|tasks|csv|md``; JSON stays the contract, these are for reading
and for spreadsheets. No pandas: the CSV is written with the standard library.
"""

from __future__ import annotations

import csv
import io

from policyparse.core.ids import part_name
from policyparse.models import PolicyDocument, Section, Task

FORMATS = ("json", "outline", "tasks", "csv", "md")
TASK_COLUMNS = (
    "id", "part", "section_id", "section_path", "text", "lead_units", "cooperating_units", "responsible_units",
    "lead_rule", "clause", "deadline", "canonical", "roles", "page", "start", "end",
)  # fmt: skip


def _part_of(doc: PolicyDocument, t: Task) -> str:
    parts = doc.parts()
    for i, p in enumerate(parts):
        if p.span[0] <= t.span[0] < p.span[1]:
            return part_name(parts, i)
    return part_name(parts, 0)


def outline(doc: PolicyDocument) -> str:
    """Parts and their section trees, with the tasks under each section."""
    m = doc.meta
    lines = [m.title or "(no title)"]
    if m.doc_number or m.date or m.issuers:
        lines.append("  ".join(x for x in (m.doc_number.text if m.doc_number else "", m.date or "", "、".join(m.issuers)) if x))
    parts = doc.parts()
    for i, p in enumerate(parts):
        head = part_name(parts, i) + (f"  {p.title}" if p.title and p.title != m.title else "")
        lines.append(("* " if i == doc.plan_part else "  ") + head)
        if p.tasks:
            lines.append(f"      ({len(p.tasks)} tasks before the first heading)")

        def walk(ss: list[Section], depth: int) -> None:
            for s in ss:
                n = len(s.tasks)
                lines.append(f"    {'  ' * depth}{s.marker}{s.title or ''}" + (f"  [{n} tasks]" if n else ""))
                walk(s.children, depth + 1)

        walk(p.sections, 0)
    return "\n".join(lines) + "\n"


def _cut(s: str, n: int) -> str:
    s = s.replace("\n", " ").replace("\t", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def tasks_table(doc: PolicyDocument) -> str:
    """One line per task: id, section path, lead, cooperating, deadline, the start of its text."""
    rows = [("id", "section", "lead", "cooperating", "deadline", "task")]
    for t in doc.iter_tasks():
        rows.append((t.id, t.section_path or "", _cut("、".join(t.lead_units), 12), _cut("、".join(t.cooperating_units), 14),
                     _cut(t.deadline or "", 10), _cut(t.text, 50)))  # fmt: skip
    widths = [max(_width(r[k]) for r in rows) for k in range(5)]
    out = []
    for r in rows:
        cells = [r[k] + " " * (widths[k] - _width(r[k])) for k in range(5)]
        out.append("  ".join([*cells, r[5]]).rstrip())
    return "\n".join(out) + "\n"


def _width(s: str) -> int:
    """Display width: a CJK character takes two columns in a terminal."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in s)


def task_rows(doc: PolicyDocument) -> list[dict[str, object]]:
    """The tasks as flat rows (the CSV columns)."""
    out: list[dict[str, object]] = []
    for t in doc.iter_tasks():
        out.append({
            "id": t.id, "part": _part_of(doc, t), "section_id": t.section_id or "", "section_path": t.section_path or "",
            "text": t.text, "lead_units": "、".join(t.lead_units), "cooperating_units": "、".join(t.cooperating_units),
            "responsible_units": "、".join(u.name for u in t.responsible),
            "lead_rule": t.clause.lead_rule if t.clause else "", "clause": t.clause.text if t.clause else "",
            "deadline": t.deadline or "", "canonical": "、".join(u.canonical or u.name for u in t.units),
            "roles": "、".join(u.role or "" for u in t.units), "page": t.page or "", "start": t.span[0], "end": t.span[1],
        })  # fmt: skip
    return out


def tasks_csv(doc: PolicyDocument) -> str:
    """The tasks as CSV (UTF-8; open in a spreadsheet with that encoding)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(TASK_COLUMNS), lineterminator="\n")
    w.writeheader()
    w.writerows(task_rows(doc))
    return buf.getvalue()


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ").replace("\t", " / ")


def markdown(doc: PolicyDocument) -> str:
    """A Markdown report: the frame, the outline, the tasks, the targets."""
    m = doc.meta
    out = [f"# {m.title or '(no title)'}", ""]
    facts = [("文号", m.doc_number.text if m.doc_number else ""), ("发文机关", "、".join(m.issuers)), ("成文日期", m.date or ""),
             ("主送", "；".join(m.recipients)), ("附件", "；".join(f"{a.label} {a.title or ''}" for a in m.attachments))]  # fmt: skip
    out += ["| | |", "|---|---|", *(f"| {k} | {_md(v)} |" for k, v in facts if v), ""]
    out += ["## Outline", "", "```", outline(doc).rstrip(), "```", ""]
    tasks = task_rows(doc)
    if tasks:
        out += [f"## Tasks ({len(tasks)})", "", "| id | section | task | lead | cooperating | deadline |", "|---|---|---|---|---|---|"]
        out += [f"| {r['id']} | {r['section_path']} | {_md(_cut(str(r['text']), 80))} | {_md(str(r['lead_units']))} | "
                f"{_md(str(r['cooperating_units']))} | {_md(str(r['deadline']))} |" for r in tasks]  # fmt: skip
        out.append("")
    if doc.targets:
        out += [f"## Targets ({len(doc.targets)})", "", "| id | indicator | value | unit | comparator | year | task |",
                "|---|---|---|---|---|---|---|"]  # fmt: skip
        for tg in doc.targets:
            val = "" if tg.value is None else f"{tg.value:g}" + (f"–{tg.value_max:g}" if tg.value_max is not None else "")
            out.append(f"| {tg.id} | {_md(tg.indicator)} | {val} | {tg.unit or ''} | {tg.comparator} | {tg.year or ''} | {tg.task_id or ''} |")
        out.append("")
    if doc.warnings:
        out += ["## Warnings", "", *(f"- `{w.code}`: {_md(w.message)}" for w in doc.warnings), ""]
    return "\n".join(out)


def render(doc: PolicyDocument, fmt: str, pretty: bool = False) -> str:
    """The document in one of ``FORMATS``."""
    if fmt == "json":
        return doc.model_dump_json(indent=2 if pretty else None) + "\n"
    return {"outline": outline, "tasks": tasks_table, "csv": tasks_csv, "md": markdown}[fmt](doc)
