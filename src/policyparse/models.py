"""Pydantic models of a parsed policy document: the public JSON contract (schema 1.x).

Key names follow ../DESIGN.md; fields may be added, never renamed without a major version bump.
Every element that stands for a piece of the source carries ``span`` ([start, end) into
``PolicyDocument.text``) and ``page`` (1-based; null for text input).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policyparse.core.doc_number import DocNumber

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
BBox = tuple[float, float, float, float]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Model):
    """Where a run of ``text`` came from: a page, a box on it (PDF points, top-left origin)."""

    page: int | None = None
    bbox: BBox | None = None
    span: Span


ParagraphRole = Literal[
    "banner",
    "doc_number",
    "title",
    "recipients",
    "body",
    "heading",
    "attachment_list",
    "signature",
    "seal_note",
    "date",
    "publication_note",
    "attachment_label",
    "attachment_title",
    "cc",
    "printed_by",
    "contact",
    "clause",
    "table_row",
]


class Paragraph(_Model):
    """One logical paragraph of the source, as it stands in ``text``."""

    span: Span
    page: int | None
    role: ParagraphRole = "body"
    prov: list[Provenance] = Field(default_factory=list)


ClauseStyle = Literal["bracket_role", "bracket_verb", "standalone", "table"]
LeadRule = Literal["explicit", "first_listed_stated", "first_listed_convention", "none"]


class Unit(_Model):
    """An agency named in a clause, as printed, with its canonical name and functional role."""

    name: str
    canonical: str | None = None
    role: str | None = None
    level: str | None = None
    span: Span | None = None


class Clause(_Model):
    """A responsibility clause such as （责任单位：省发展改革委、省科技厅）."""

    text: str
    span: Span
    style: ClauseStyle
    lead_rule: LeadRule = "none"
    rule_text: str | None = None


class Task(_Model):
    """A task: the text since the previous clause (or heading) and the clause that ends it."""

    id: str
    text: str
    span: Span
    page: int | None
    clause: Clause | None = None
    units: list[Unit] = Field(default_factory=list)
    lead_units: list[str] = Field(default_factory=list)
    cooperating_units: list[str] = Field(default_factory=list)
    deadline: str | None = None
    target_ids: list[str] = Field(default_factory=list)


SectionStyle = Literal[
    "chapter", "section", "cn_comma", "cn_paren", "arabic_dot", "arabic_paren", "circled"
]
TitleKind = Literal["line", "run_in", "untitled"]


class Section(_Model):
    """A numbered division (一、/（一）/1./（1）/第X章…) and what stands under it."""

    id: str
    marker: str
    style: SectionStyle
    number: int
    depth: int
    title: str | None
    title_kind: TitleKind
    title_span: Span | None = None
    span: Span
    page: int | None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)


class Part(_Model):
    """The notice itself (label null) or one attachment (附件1…) or an embedded plan."""

    label: str | None = None
    title: str | None = None
    span: Span
    paragraphs: list[Paragraph] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    def iter_sections(self) -> Iterator[Section]:
        """All sections of the part, depth first, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.children))

    def iter_tasks(self) -> Iterator[Task]:
        """All tasks of the part in document order."""
        found = list(self.tasks)
        for s in self.iter_sections():
            found.extend(s.tasks)
        yield from sorted(found, key=lambda t: t.span[0])


class AttachmentRef(_Model):
    label: str | None
    title: str | None
    included: bool = False


class Meta(_Model):
    """The GB/T 9704 frame: who issued what, when, to whom."""

    title: str | None = None
    doc_type: str | None = None
    embedded_title: str | None = None
    embedded_doc_type: str | None = None
    doc_number: DocNumber | None = None
    issuers: list[str] = Field(default_factory=list)
    banner: list[str] = Field(default_factory=list)
    signatories: list[str] = Field(default_factory=list)
    seal_note: str | None = None
    recipients: list[str] = Field(default_factory=list)
    date: str | None = None
    attachments: list[AttachmentRef] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    printed_by: str | None = None
    printed_date: str | None = None
    publication: str | None = None
    contact: str | None = None


Comparator = Literal["eq", "ge", "gt", "le", "lt", "range", "approx", "increase", "decrease", "none"]


TargetWhere = Literal["prose", "task", "table"]


class Target(_Model):
    """A quantitative (or, with value null, qualitative) commitment of the plan (docs/targets.md).

    ``comparator``: ge (达到, 不低于, 以上), gt (超过), le (控制在, 以内), lt, eq, range (2至3个),
    approx (左右), increase/decrease (提高X个百分点, 年均增长X%), none (a milestone without a number).
    ``value``/``value_max`` have 万/亿 folded in and ``unit`` is without them (1.5万家 → 15000, 家);
    ``value_printed``/``unit_printed`` keep the source's form. ``where``: in running prose, in a task
    (``task_id``), or in a table cell (``row``/``column`` labels as printed).
    """

    id: str
    kind: Literal["quantitative", "qualitative"] = "quantitative"
    indicator: str
    indicator_normalized: str | None = None
    value: float | None
    value_max: float | None = None
    unit: str | None
    comparator: Comparator
    year: int | None
    firmness: Literal["firm", "aspirational"]
    text: str
    span: Span
    section_id: str | None = None
    value_printed: str | None = None
    unit_printed: str | None = None
    where: TargetWhere = "prose"
    task_id: str | None = None
    row: str | None = None
    column: str | None = None
    page: int | None = None


class ParseWarning(_Model):
    code: str
    message: str
    page: int | None = None
    span: Span | None = None


class Dropped(_Model):
    """Source text kept out of ``text`` on purpose, with where it stood: page numbers, running headers
    and footers (a browser's print header and footer among them), web-portal furniture."""

    kind: Literal["page_number", "running_header", "web_chrome"]
    text: str
    page: int | None
    bbox: BBox | None = None


class Source(_Model):
    path: str
    sha256: str
    format: Literal["pdf", "txt", "html", "docx"]
    page_count: int | None
    extractor: str


class PolicyDocument(_Model):
    """A parsed policy document."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    meta: Meta
    text: str
    body: Part
    attachments: list[Part] = Field(default_factory=list)
    back_matter: list[Paragraph] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)

    def parts(self) -> list[Part]:
        return [self.body, *self.attachments]

    def iter_tasks(self) -> Iterator[Task]:
        """Every task of every part, in document order."""
        for p in self.parts():
            yield from p.iter_tasks()

    def iter_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph once, in document order."""
        found: list[Paragraph] = list(self.back_matter)
        for p in self.parts():
            found.extend(p.paragraphs)
            for s in p.iter_sections():
                found.extend(s.paragraphs)
        yield from sorted(found, key=lambda x: x.span[0])
