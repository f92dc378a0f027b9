"""A :class:`~policyparse.analysis.compare.Comparison` as pandas tables: long frames and
side-by-side views (one column per document)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policyparse.analysis.frames import require_pandas

if TYPE_CHECKING:
    import pandas as pd

    from policyparse.analysis.compare import Comparison, Ref

FRAMES = ("docs", "roles", "agencies", "targets", "outline", "implementation", "implementation_children",
          "distinctive", "distinctive_sections")  # fmt: skip
TABLES = ("roles", "agencies", "targets", "outline", "implementation")
COMPARATORS = {"eq": "=", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈", "increase": "+",
               "decrease": "−", "range": "", "none": ""}  # fmt: skip


def _ids(refs: list[Ref]) -> list[str]:
    return [r.id for r in refs]


def frame(cmp: Comparison, name: str) -> pd.DataFrame:
    """One list of the comparison as a long DataFrame; refs become id lists (``*_ids``) and spans."""
    require_pandas()
    import pandas as pd

    rows: list[dict[str, Any]]
    if name == "docs":
        rows = [d.model_dump() for d in cmp.docs]
    elif name in ("roles", "agencies"):
        rows = []
        for r in cmp.roles if name == "roles" else cmp.agencies:
            d = r.model_dump(exclude={"led_tasks", "co_led_tasks", "cooperating_tasks", "responsible_tasks"})
            d.update(led_ids=_ids(r.led_tasks), co_led_ids=_ids(r.co_led_tasks), cooperating_ids=_ids(r.cooperating_tasks),
                     responsible_ids=_ids(r.responsible_tasks))  # fmt: skip
            rows.append(d)
    elif name == "targets":
        rows = [{**c.model_dump(exclude={"target"}), "id": c.target.id, "start": c.target.span[0],
                 "end": c.target.span[1], "text": c.target.label} for c in cmp.targets]  # fmt: skip
    elif name == "outline":
        rows = [{"a_doc": x.a.doc, "a_id": x.a.id, "a_section": x.a.label, "b_doc": x.b.doc, "b_id": x.b.id,
                 "b_section": x.b.label, "score": x.score, "title_score": x.title_score, "body_score": x.body_score,
                 "mutual": x.mutual, "terms": x.terms} for x in cmp.outline]  # fmt: skip
    elif name == "implementation":
        rows = [{"parent_id": p.parent.id, "parent": p.parent.label, "covered": p.covered,
                 "children": [f"{c.item.doc}:{c.item.id}" for c in p.children],
                 "best_score": p.children[0].score if p.children else None,
                 "terms": p.children[0].terms if p.children else []} for p in cmp.implementation]  # fmt: skip
    elif name == "implementation_children":
        rows = [{"doc": c.child.doc, "child_id": c.child.id, "child": c.child.label, "mapped": c.mapped,
                 "parent_id": c.best.item.id if c.best else None, "parent": c.best.item.label if c.best else None,
                 "score": c.best.score if c.best else None, "terms": c.best.terms if c.best else []}
                for c in cmp.implementation_children]  # fmt: skip
    elif name == "distinctive":
        rows = [{**t.model_dump(exclude={"where"}), "where": _ids(t.where)} for t in cmp.distinctive]
    elif name == "distinctive_sections":
        rows = [r.model_dump() for r in cmp.distinctive_sections]
    else:
        raise ValueError(f"unknown comparison frame {name!r}; one of {', '.join(FRAMES)}")
    return pd.DataFrame(rows)


def target_text(value: float | None, value_max: float | None, unit: str | None, comparator: str, year: int | None) -> str:
    """A target as a person writes it: ≥3.3% (2025)."""
    if value is None:
        core = "—"
    elif comparator == "range" and value_max is not None:
        core = f"{value:g}–{value_max:g}{unit or ''}"
    else:
        core = f"{COMPARATORS.get(comparator, '')}{value:g}{unit or ''}"
    return f"{core} ({year})" if year else core


def table(cmp: Comparison, name: str) -> pd.DataFrame:
    """Side by side, one column per document: led tasks per role or agency, targets per indicator;
    the outline as aligned section pairs; implementation as parent items with their child tasks."""
    require_pandas()
    import pandas as pd

    keys = [d.key for d in cmp.docs]
    if name in ("roles", "agencies"):
        f = frame(cmp, name)
        index = "role" if name == "roles" else ["canonical", "role"]
        if f.empty:
            return pd.DataFrame(columns=keys)
        wide = f.pivot_table(index=index, columns="doc", values="led", aggfunc="sum", fill_value=0)
        wide = wide.reindex(columns=[k for k in keys if k in wide.columns])
        return wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    if name == "targets":
        rows: dict[str, dict[str, str]] = {}
        for c in cmp.targets:
            cell = target_text(c.value, c.value_max, c.unit, c.comparator, c.year)
            row = rows.setdefault(c.indicator_key, {})
            row[c.doc] = f"{row[c.doc]}; {cell}" if c.doc in row else cell
        wide = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=keys).astype(object)
        wide.index.name = "indicator"
        order = wide.notna().sum(axis=1).sort_values(ascending=False, kind="stable").index
        return wide.loc[order]
    if name == "outline":
        f = frame(cmp, "outline")
        cols = ["a_doc", "a_section", "b_doc", "b_section", "score", "mutual", "terms"]
        return f[cols] if not f.empty else pd.DataFrame(columns=cols)
    if name == "implementation":
        return frame(cmp, "implementation")
    raise ValueError(f"unknown side-by-side table {name!r}; one of {', '.join(TABLES)}")
