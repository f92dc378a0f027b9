"""Plans side by side: who leads what, what each commits to, what one covers that another leaves out.

:func:`compare` builds a :class:`Comparison` (JSON Schema: ``schemas/comparison.schema.json``).
Every count and score in it carries :class:`Ref` links to the elements it was computed from
(document, element id, span, page), so a number in a report can be checked against the text.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from policyparse.analysis import walk
from policyparse.analysis.frames import Docs, named_docs, rows
from policyparse.models import PolicyDocument

if TYPE_CHECKING:
    import pandas as pd

COMPARISON_VERSION = "1.0"
UNKNOWN_ROLE = "未识别"

Span = tuple[int, int]
RefKind = Literal["task", "section", "target", "paragraph"]
RoleSource = Literal["lexicon", "morphology", "printed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Ref(_Model):
    """A link back to one element of one document: ``doc``'s ``text[span[0]:span[1]]``."""

    doc: str
    kind: RefKind
    id: str
    span: Span
    page: int | None = None
    label: str = Field(description="the section path or the first characters of the element's text")


class DocInfo(_Model):
    """One compared document."""

    key: str
    label: str = Field(description="a short name for tables and charts: place and year, else the title")
    path: str
    title: str | None
    doc_number: str | None
    issuers: list[str]
    date: str | None
    pages: int | None
    plan_part: int = Field(description="index into the document's parts (body, attachments…) of the plan")
    plan_title: str | None
    tasks: int
    sections: int
    targets: int
    is_parent: bool = False


class _TaskCounts(_Model):
    """Counts of distinct tasks: ``led`` (a unit of the group is a lead unit), ``co_led`` (those of
    ``led`` with more than one lead unit), ``cooperating`` (a cooperating unit, not also a lead),
    ``responsible`` (named responsible but neither leading nor cooperating: the units after the first
    of a flat 责任单位 list, an 实施主体 column — the text claims no more), each with its tasks."""

    led: int
    co_led: int
    cooperating: int
    responsible: int = 0
    led_tasks: list[Ref]
    co_led_tasks: list[Ref]
    cooperating_tasks: list[Ref]
    responsible_tasks: list[Ref] = Field(default_factory=list)


class RoleCount(_TaskCounts):
    """Tasks of one document in which agencies of one role lead, lead jointly, cooperate or are responsible."""

    doc: str
    role: str


class AgencyCount(_TaskCounts):
    """The same counts for one canonical agency of one document."""

    doc: str
    canonical: str
    role: str
    role_source: RoleSource
    names: list[str] = Field(description="the forms printed in the document")


class TargetCell(_Model):
    """One target of one document, on the row of its normalised indicator."""

    indicator_key: str = Field(description="indicator_normalized, else the indicator as printed")
    doc: str
    target: Ref
    kind: Literal["quantitative", "qualitative"]
    indicator: str
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str
    year: int | None
    firmness: Literal["firm", "aspirational"]


class SectionLink(_Model):
    """Section ``a`` of one document corresponds to section ``b`` of another."""

    a: Ref
    b: Ref
    a_title: str
    b_title: str
    score: float = Field(description="(title + 2 × body) / 3 where both have titles, else the body score")
    title_score: float | None
    body_score: float
    mutual: bool = Field(description="each is the other's best match")
    terms: list[str] = Field(description="the shared terms weighing most in the score")


class OutlineMatrix(_Model):
    """Similarity of every aligned section of ``a_doc`` (rows) with every one of ``b_doc`` (columns)."""

    a_doc: str
    b_doc: str
    a_sections: list[Ref]
    b_sections: list[Ref]
    scores: list[list[float]]


class ItemScore(_Model):
    """An item of the other plan, with the similarity score and the shared terms."""

    item: Ref
    score: float
    terms: list[str]


class ParentCoverage(_Model):
    """A parent item (task, or leaf section when the parent has no tasks) and the child items above
    the threshold, best first; ``covered`` is false when there are none."""

    parent: Ref
    covered: bool
    children: list[ItemScore]


class ChildMapping(_Model):
    """A child item (task, or leaf section when the child has no tasks) and its best parent item."""

    child: Ref
    best: ItemScore | None
    mapped: bool = Field(description="the best score reaches the threshold")


class DistinctiveTerm(_Model):
    """A term one document uses and none of the others does (weight: count × idf)."""

    doc: str
    term: str
    count: int
    weight: float
    where: list[Ref]


class Settings(_Model):
    depth: int = Field(description="sections down to this depth are aligned")
    threshold: float = Field(description="the least score that counts as a correspondence")


class Comparison(_Model):
    """Documents side by side; see the README ("Compare plans") for the tables and the four questions."""

    schema_version: str = COMPARISON_VERSION
    docs: list[DocInfo]
    parent: str | None = None
    settings: Settings
    roles: list[RoleCount]
    agencies: list[AgencyCount]
    targets: list[TargetCell]
    outline: list[SectionLink]
    outline_matrices: list[OutlineMatrix]
    implementation: list[ParentCoverage]
    implementation_children: list[ChildMapping]
    distinctive: list[DistinctiveTerm]
    distinctive_sections: list[Ref] = Field(description="sections aligned with no section of any other document")

    def frame(self, name: str) -> pd.DataFrame:
        """One of the comparison's lists as a long DataFrame (refs as ids)."""
        from policyparse.analysis.tables import frame

        return frame(self, name)

    def table(self, name: str) -> pd.DataFrame:
        """A side-by-side view: roles, agencies, targets, outline or implementation."""
        from policyparse.analysis.tables import table

        return table(self, name)


def compare(
    docs: Docs,
    parent: PolicyDocument | tuple[str, PolicyDocument] | None = None,
    *,
    depth: int = 2,
    threshold: float = 0.15,
) -> Comparison:
    """Compare documents: a list, or a ``{name: document}`` mapping (names label the columns).

    ``parent``: a plan the others implement (the national outline beside the Zhejiang plan); it is
    compared like the others and the implementation mapping is computed against it. ``depth``: how
    deep in the outline sections are aligned; ``threshold``: the least similarity that counts.
    """
    from policyparse.analysis import align

    named = named_docs(docs)
    parent_key: str | None = None
    if parent is not None:
        pkey, pdoc = parent if isinstance(parent, tuple) else (walk.doc_key(parent), parent)
        while pkey in named:
            pkey += "*"
        named = {pkey: pdoc, **named}
        parent_key = pkey
    infos = [_doc_info(k, d, k == parent_key) for k, d in named.items()]
    if len({i.label for i in infos}) < len(infos):
        for i in infos:
            i.label = f"{i.label}（{i.key}）"
    roles, agencies = _role_counts(named)
    links, matrices, lonely = align.outline(named, depth=depth, threshold=threshold)
    cov: list[ParentCoverage] = []
    kids: list[ChildMapping] = []
    if parent_key is not None:
        children = {k: d for k, d in named.items() if k != parent_key}
        cov, kids = align.implementation(parent_key, named[parent_key], children, threshold=threshold)
    return Comparison(
        docs=infos, parent=parent_key, settings=Settings(depth=depth, threshold=threshold),
        roles=roles, agencies=agencies, targets=_targets(named), outline=links, outline_matrices=matrices,
        implementation=cov, implementation_children=kids, distinctive=align.distinctive(named),
        distinctive_sections=lonely,
    )  # fmt: skip


def _doc_info(key: str, d: PolicyDocument, is_parent: bool) -> DocInfo:
    plan = walk.plan_part(d)
    return DocInfo(
        key=key, label=doc_label(d), path=d.source.path, title=d.meta.title, doc_number=d.meta.doc_number.text if d.meta.doc_number else None,
        issuers=d.meta.issuers, date=d.meta.date, pages=d.source.page_count, plan_part=plan,
        plan_title=d.parts()[plan].title, tasks=sum(1 for _ in d.iter_tasks()),
        sections=sum(1 for _ in walk.iter_sections(d)), targets=len(d.targets), is_parent=is_parent,
    )  # fmt: skip


def doc_label(d: PolicyDocument) -> str:
    """青浦区 2024, 浙江省 2021…: where the document comes from and when; else its plan's title."""
    from policyparse.analysis.roles import places_of
    from policyparse.core.agencies import lexicon

    city, district = places_of(d)
    place = district
    if place is None:
        lex = lexicon()
        prov = next((p for p in map(lex.province_in, [*d.meta.issuers, d.meta.title or ""]) if p), None)
        place = lex.provinces[prov]["full"] if prov else city
    if place is None:
        return excerpt(d.parts()[walk.plan_part(d)].title or d.meta.title or walk.doc_key(d), 14)
    return f"{place} {d.meta.date[:4]}" if d.meta.date else place


def excerpt(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _task_ref(key: str, r: dict[str, Any]) -> Ref:
    return Ref(doc=key, kind="task", id=r["task_id"], span=(r["task_start"], r["task_end"]), page=r["page"],
               label=excerpt(r["task_text"]))  # fmt: skip


class _Tally:
    def __init__(self) -> None:
        self.led: dict[str, Ref] = {}
        self.co: dict[str, Ref] = {}
        self.coop: dict[str, Ref] = {}
        self.resp: dict[str, Ref] = {}
        self.names: list[str] = []
        self.role = UNKNOWN_ROLE
        self.source: RoleSource = "printed"

    def add(self, ref: Ref, lead: bool, joint: bool, coop: bool) -> None:
        if lead:
            self.led[ref.id] = ref
            if joint:
                self.co[ref.id] = ref
        elif coop:
            self.coop[ref.id] = ref
        else:
            self.resp[ref.id] = ref

    def counts(self) -> dict[str, Any]:
        coop = [r for k, r in self.coop.items() if k not in self.led]
        resp = [r for k, r in self.resp.items() if k not in self.led and k not in self.coop]
        return {
            "led": len(self.led), "co_led": len(self.co), "cooperating": len(coop), "responsible": len(resp),
            "led_tasks": list(self.led.values()), "co_led_tasks": list(self.co.values()), "cooperating_tasks": coop,
            "responsible_tasks": resp,
        }  # fmt: skip


def _role_counts(named: dict[str, PolicyDocument]) -> tuple[list[RoleCount], list[AgencyCount]]:
    roles_out: list[RoleCount] = []
    agencies_out: list[AgencyCount] = []
    for key, d in named.items():
        spans = {t.id: t.span for t in d.iter_tasks()}
        leads_per_task: dict[str, int] = defaultdict(int)
        units = rows(d, "units")
        for u in units:
            leads_per_task[u["task_id"]] += u["is_lead"]
        by_role: dict[str, _Tally] = defaultdict(_Tally)
        by_agency: dict[str, _Tally] = defaultdict(_Tally)
        for u in units:
            s, e = spans[u["task_id"]]
            ref = _task_ref(key, {**u, "task_start": s, "task_end": e})
            joint = leads_per_task[u["task_id"]] > 1
            role = u["role"] or UNKNOWN_ROLE
            by_role[role].add(ref, u["is_lead"], joint, u["is_cooperating"])
            ag = by_agency[u["canonical"]]
            ag.add(ref, u["is_lead"], joint, u["is_cooperating"])
            ag.source = u["role_source"]
            ag.role = role
            if u["name"] not in ag.names:
                ag.names.append(u["name"])
        for role, t in sorted(by_role.items(), key=lambda kv: (-len(kv[1].led), kv[0])):
            roles_out.append(RoleCount(doc=key, role=role, **t.counts()))
        for canonical, t in sorted(by_agency.items(), key=lambda kv: (-len(kv[1].led), kv[0])):
            agencies_out.append(AgencyCount(
                doc=key, canonical=canonical, role=t.role, role_source=t.source,
                names=t.names, **t.counts(),
            ))  # fmt: skip
    return roles_out, agencies_out


def _targets(named: dict[str, PolicyDocument]) -> list[TargetCell]:
    cells = []
    for key, d in named.items():
        for r in rows(d, "targets"):
            ref = Ref(doc=key, kind="target", id=r["id"], span=(r["start"], r["end"]), page=r["page"],
                      label=excerpt(r["text"]))  # fmt: skip
            cells.append(TargetCell(
                indicator_key=r["indicator_normalized"] or r["indicator"], doc=key, target=ref, kind=r["kind"],
                indicator=r["indicator"], value=r["value"], value_max=r["value_max"], unit=r["unit"],
                comparator=r["comparator"], year=r["year"], firmness=r["firmness"],
            ))  # fmt: skip
    return cells
