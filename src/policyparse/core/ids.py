"""Stage 5 (model): where every section and task stands — unique ids, section paths, the plan part.

Sections are numbered per part while the tree is built ("1", "1.2"); a document has several parts
(the notice, 附件1, an embedded plan), so ids are made unique here: the part that holds the plan
keeps the plain ids, every other part's ids get its name in front ("正文/1", "附件2/3.1"). Each
section gets its path of markers ("二、>（三）"), each task the id and path of its section.
"""

from __future__ import annotations

from policyparse.models import Part, Section


def plan_part(parts: list[Part], embedded_title: str | None = None) -> int:
    """Index of the part that holds the plan: the part titled as the plan a notice 印发s
    (关于印发《X》的通知 → the part titled X), else the part with the most tasks, else the first part
    with a numbered outline, else the body."""
    if embedded_title:
        key = _key(embedded_title)
        for i, p in enumerate(parts[1:], start=1):
            if p.title and (_key(p.title) == key or key in _key(p.title)):
                return i
    counts = [sum(1 for _ in p.iter_tasks()) for p in parts]
    if any(counts):
        return max(range(len(parts)), key=lambda i: (counts[i], -i))
    return next((i for i, p in enumerate(parts) if p.sections), 0)


def _key(title: str) -> str:
    return "".join(ch for ch in title if ch not in " 《》“”\"")


def part_name(parts: list[Part], i: int) -> str:
    """A short name for part ``i`` in ids: its label (附件1), else 正文 for the notice, else 部分N."""
    p = parts[i]
    if p.label:
        same = [k for k, q in enumerate(parts) if q.label == p.label]
        return p.label if len(same) == 1 else f"{p.label}#{same.index(i) + 1}"
    return "正文" if i == 0 else f"部分{i}"


def assign_ids(parts: list[Part], embedded_title: str | None = None) -> int:
    """Make section ids unique across parts, fill section paths and tasks' section ids; returns the
    plan part's index. Mutates the parts in place (they are not shared yet)."""
    plan = plan_part(parts, embedded_title)
    for i, part in enumerate(parts):
        prefix = "" if i == plan else f"{part_name(parts, i)}/"
        for t in part.tasks:
            t.section_id, t.section_path = None, None
        _walk(part.sections, prefix, ())
    return plan


def _walk(sections: list[Section], prefix: str, markers: tuple[str, ...]) -> None:
    for s in sections:
        s.id = prefix + s.id
        path = (*markers, s.marker)
        s.path = ">".join(path)
        for t in s.tasks:
            t.section_id, t.section_path = s.id, s.path
        _walk(s.children, prefix, path)
