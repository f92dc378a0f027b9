"""Parsed documents as tables: one row per task, unit, target, section or paragraph.

:func:`rows` builds plain dicts (no pandas needed; the comparison uses them); :func:`to_frame`
turns them into a ``pandas.DataFrame``. Column names are part of the public API (README,
"Frames"); every row carries the element's id, its part, section id and path, page and span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, get_args

import regex

from policyparse.analysis import walk
from policyparse.analysis.roles import identify, places_of
from policyparse.errors import AnalysisDependencyError
from policyparse.models import PolicyDocument, Section, Task

if TYPE_CHECKING:
    import pandas as pd

FrameKind = Literal["tasks", "units", "targets", "sections", "paragraphs"]
KINDS: tuple[str, ...] = get_args(FrameKind)
Row = dict[str, Any]
Docs = PolicyDocument | Iterable[PolicyDocument] | Mapping[str, PolicyDocument]

_HAN = regex.compile(r"\p{Han}")

COLUMNS: dict[str, tuple[str, ...]] = {
    "tasks": (
        "id", "part", "part_label", "section_id", "section_path", "section_title", "page", "start", "end",
        "text", "units", "lead_units", "lead_canonical", "lead_roles", "cooperating_units",
        "cooperating_canonical", "cooperating_roles", "deadline", "clause_style", "lead_rule", "clause_text",
    ),
    "units": (
        "task_id", "name", "canonical", "role", "level", "role_source", "is_lead", "is_cooperating",
        "part", "section_id", "section_path", "page", "start", "end", "task_text",
    ),
    "targets": (
        "id", "kind", "indicator", "indicator_normalized", "value", "value_max", "unit", "comparator",
        "year", "firmness", "part", "section_id", "section_path", "page", "start", "end", "text",
    ),
    "sections": (
        "id", "part", "part_label", "in_plan", "marker", "style", "number", "depth", "title", "title_kind",
        "path", "title_path", "parent_id", "n_tasks", "page", "start", "end", "text",
    ),
    "paragraphs": ("id", "role", "part", "section_id", "section_path", "page", "start", "end", "text"),
}  # fmt: skip


def rows(doc: PolicyDocument, kind: str) -> list[Row]:
    """The rows of ``doc``'s ``kind`` frame as dicts (columns as in :data:`COLUMNS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown frame kind {kind!r}; one of {', '.join(KINDS)}")
    build = {"tasks": _tasks, "units": _units, "targets": _targets, "sections": _sections, "paragraphs": _paragraphs}
    return build[kind](doc)


def named_docs(docs: Docs) -> dict[str, PolicyDocument]:
    """Documents by short name: a mapping as given, else each file's name (made unique)."""
    if isinstance(docs, PolicyDocument):
        docs = [docs]
    if isinstance(docs, Mapping):
        return dict(docs)
    out: dict[str, PolicyDocument] = {}
    for d in docs:
        key, n = walk.doc_key(d), 2
        while key in out:
            key, n = f"{walk.doc_key(d)}#{n}", n + 1
        out[key] = d
    return out


def to_frame(docs: Docs, kind: FrameKind | str = "tasks") -> pd.DataFrame:
    """A DataFrame with one row per element of ``kind`` (tasks, units, targets, sections, paragraphs).

    ``docs`` is one document, or a list of them or a ``{name: document}`` mapping: then a first
    column ``doc`` holds each row's document name.
    """
    require_pandas()
    import pandas as pd

    if isinstance(docs, PolicyDocument):
        return pd.DataFrame(rows(docs, kind), columns=list(COLUMNS[str(kind)]))
    table = [{"doc": name, **r} for name, d in named_docs(docs).items() for r in rows(d, kind)]
    return pd.DataFrame(table, columns=["doc", *COLUMNS[str(kind)]])


def require_pandas() -> None:
    """Raise :class:`AnalysisDependencyError` (not ImportError) when pandas is not installed."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise AnalysisDependencyError("frames need pandas: pip install 'policyparse[analysis]'") from exc


def _where(doc: PolicyDocument, loc: walk.Locator, start: int) -> Row:
    info = loc.at(start)
    return {
        "part": info.part if info else walk.part_of(doc, start),
        "section_id": info.uid if info else None,
        "section_path": info.path if info else None,
    }


def is_agency_name(name: str) -> bool:
    """A unit cell such as "——" (none) is no agency."""
    return bool(_HAN.search(name))


def _tasks(doc: PolicyDocument) -> list[Row]:
    loc, places = walk.locator(doc), places_of(doc)
    out = []
    for part, t in walk.iter_tasks(doc):
        ids = {u.name: identify(u, places) for u in t.units if is_agency_name(u.name)}
        lead = [n for n in t.lead_units if n in ids]
        coop = [n for n in t.cooperating_units if n in ids]
        info = loc.at(t.span[0])
        out.append({
            "id": t.id, "part": part, "part_label": walk.part_label(doc, part),
            "section_id": info.uid if info else None, "section_path": info.path if info else None,
            "section_title": info.section.title if info else None,
            "page": t.page, "start": t.span[0], "end": t.span[1], "text": t.text,
            "units": list(ids), "lead_units": lead,
            "lead_canonical": [ids[n].canonical for n in lead], "lead_roles": [ids[n].role for n in lead],
            "cooperating_units": coop, "cooperating_canonical": [ids[n].canonical for n in coop],
            "cooperating_roles": [ids[n].role for n in coop], "deadline": t.deadline,
            "clause_style": t.clause.style if t.clause else None,
            "lead_rule": t.clause.lead_rule if t.clause else None,
            "clause_text": t.clause.text if t.clause else None,
        })  # fmt: skip
    return out


def _units(doc: PolicyDocument) -> list[Row]:
    loc, places = walk.locator(doc), places_of(doc)
    out = []
    for _, t in walk.iter_tasks(doc):
        where = _where(doc, loc, t.span[0])
        seen: set[str] = set()
        for u in t.units:
            if not is_agency_name(u.name) or u.name in seen:
                continue
            seen.add(u.name)
            ident = identify(u, places)
            span = u.span or t.span
            out.append({
                "task_id": t.id, "name": u.name, "canonical": ident.canonical, "role": ident.role,
                "level": ident.level, "role_source": ident.source,
                "is_lead": u.name in t.lead_units, "is_cooperating": u.name in t.cooperating_units,
                **where, "page": t.page, "start": span[0], "end": span[1], "task_text": t.text,
            })  # fmt: skip
    return out


def _targets(doc: PolicyDocument) -> list[Row]:
    loc = walk.locator(doc)
    return [
        {
            "id": g.id, "kind": g.kind, "indicator": g.indicator, "indicator_normalized": g.indicator_normalized,
            "value": g.value, "value_max": g.value_max, "unit": g.unit, "comparator": g.comparator,
            "year": g.year, "firmness": g.firmness, **_where(doc, loc, g.span[0]),
            "page": _page_at(doc, g.span[0]), "start": g.span[0], "end": g.span[1], "text": g.text,
        }
        for g in doc.targets
    ]


def _sections(doc: PolicyDocument) -> list[Row]:
    plan = walk.plan_part(doc)
    out = []
    for x in walk.iter_sections(doc):
        s = x.section
        n_tasks = sum(1 for _ in _section_tasks(s))
        out.append({
            "id": x.uid, "part": x.part, "part_label": walk.part_label(doc, x.part), "in_plan": x.part == plan,
            "marker": s.marker, "style": s.style, "number": s.number, "depth": s.depth, "title": s.title,
            "title_kind": s.title_kind, "path": x.path, "title_path": x.title_path, "parent_id": x.parent,
            "n_tasks": n_tasks, "page": s.page, "start": s.span[0], "end": s.span[1],
            "text": doc.text[s.span[0] : s.span[1]],
        })  # fmt: skip
    return out


def _section_tasks(s: Section) -> Iterable[Task]:
    yield from s.tasks
    for c in s.children:
        yield from _section_tasks(c)


def _paragraphs(doc: PolicyDocument) -> list[Row]:
    loc = walk.locator(doc)
    return [
        {"id": pid, "role": p.role, **_where(doc, loc, p.span[0]), "page": p.page,
         "start": p.span[0], "end": p.span[1], "text": doc.text[p.span[0] : p.span[1]]}
        for pid, p in walk.paragraphs(doc)
    ]


def _page_at(doc: PolicyDocument, offset: int) -> int | None:
    for p in doc.iter_paragraphs():
        if p.span[0] <= offset < max(p.span[1], p.span[0] + 1):
            return p.page
    return None
