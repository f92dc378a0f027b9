"""Pydantic models of a parsed policy document: the public JSON contract (schema 1.x).

Key names follow ../DESIGN.md; fields may be added, never renamed without a major version bump.
Every element that stands for a piece of the source carries ``span`` ([start, end) into
``PolicyDocument.text``) and ``page`` (1-based; null for text input).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from policyparse.core.doc_number import DocNumber

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
BBox = tuple[float, float, float, float]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Shown(_Model):
    """Elements shown as a short summary in the REPL and notebooks (see ``policyparse.display``)."""

    def __repr__(self) -> str:
        from policyparse.display import text_repr

        return text_repr(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        from policyparse.display import html_repr

        return html_repr(self)  # type: ignore[arg-type]


class _InText(_Model):
    """An element whose text is a span of the document's ``text`` (set when the document is built)."""

    _doc_text: str | None = PrivateAttr(default=None)

    @property
    def text(self) -> str:
        """The element's text, ``PolicyDocument.text[span]``."""
        if self._doc_text is None:
            raise AttributeError("text is known once the element belongs to a PolicyDocument")
        a, b = self.span  # type: ignore[attr-defined]
        return self._doc_text[a:b]


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


class Paragraph(_InText):
    """One logical paragraph of the source, as it stands in ``text``."""

    span: Span
    page: int | None
    role: ParagraphRole = "body"
    prov: list[Provenance] = Field(default_factory=list)


ClauseStyle = Literal["bracket_role", "bracket_verb", "standalone", "table", "duty"]
LeadRule = Literal["explicit", "first_listed_stated", "first_listed_convention", "none"]


class Unit(_Model):
    """An agency named in a clause, as printed, with its canonical name and functional role."""

    name: str
    canonical: str | None = None
    role: str | None = None
    level: str | None = None
    span: Span | None = None
    #: where ``canonical``/``role`` came from: the agency lexicon, or organ-name rules (place prefix
    #: from the document, role from the name's core) for organs the lexicon does not list
    resolved_by: Literal["lexicon", "rule"] | None = None


class Clause(_Model):
    """A responsibility clause such as （责任单位：省发展改革委、省科技厅）."""

    text: str
    span: Span
    style: ClauseStyle
    lead_rule: LeadRule = "none"
    rule_text: str | None = None
    #: "以上第1—3项任务", "以上任务": the clause is shared by the items printed above it (one task each)
    covers: str | None = None


class Task(_Shown):
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
    #: a task-table row's cells under their headers (merged cells filled from above)
    cells: dict[str, str] | None = None
    #: ids of the targets stated in the task's text (Target.task_id points back)
    target_ids: list[str] = Field(default_factory=list)
    #: the section the task stands in (None: in its part's text before any heading) and its path
    section_id: str | None = None
    section_path: str | None = None

    @property
    def leads(self) -> list[Unit]:
        """The lead units as unit objects (canonical name and role one attribute away)."""
        return [u for u in self.units if u.name in self.lead_units]

    @property
    def cooperating(self) -> list[Unit]:
        """The cooperating units as unit objects."""
        return [u for u in self.units if u.name in self.cooperating_units]

    @property
    def responsible(self) -> list[Unit]:
        """Units named responsible that neither lead nor cooperate (the rest of a flat list)."""
        return [u for u in self.units if u.name not in self.lead_units and u.name not in self.cooperating_units]


SectionStyle = Literal[
    "part", "chapter", "section", "article", "cn_comma", "cn_paren", "arabic_dot", "arabic_paren", "circled"
]
TitleKind = Literal["line", "run_in", "untitled"]


class Section(_InText, _Shown):
    """A numbered division (一、/（一）/1./（1）/第X章…) and what stands under it."""

    id: str
    marker: str
    #: the markers from the part's top down to this section: "二、>（三）"
    path: str = ""
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


class Part(_InText, _Shown):
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
    # Issue #13: what a web page prints around the document (索引号, 发文机关, 成文日期…), label → value;
    # and where fields above came from when not from the document's own frame: "page_metadata" (that
    # header, because the text lacks the field) or "title" (issuers read from the title's "X关于…").
    page_metadata: dict[str, str] = Field(default_factory=dict)
    field_sources: dict[str, str] = Field(default_factory=dict)


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
    and footers (a browser's print header and footer among them, a Word file's headers and footers),
    web-portal furniture."""

    kind: Literal["page_number", "running_header", "running_footer", "web_chrome"]
    text: str
    page: int | None
    bbox: BBox | None = None


class OcrPage(_Model):
    """A page read by OCR: its mean word confidence (0–100, Tesseract's scale)."""

    page: int
    confidence: float


class Source(_Model):
    path: str
    sha256: str
    format: Literal["pdf", "txt", "html", "docx", "doc"]
    page_count: int | None
    extractor: str
    ocr_pages: list[OcrPage] = Field(default_factory=list)


class PolicyDocument(_Shown):
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
    #: index into ``parts()`` of the part that holds the plan (an embedded plan or 附件 after a
    #: covering notice, else the body); its section ids are plain ("1.2"), other parts' are prefixed
    plan_part: int = 0

    def model_post_init(self, context: object, /) -> None:
        # paragraphs, sections and parts read their .text from the document's text
        for p in self.parts():
            p._doc_text = self.text
            for para in p.paragraphs:
                para._doc_text = self.text
            for s in p.iter_sections():
                s._doc_text = self.text
                for para in s.paragraphs:
                    para._doc_text = self.text
        for para in self.back_matter:
            para._doc_text = self.text

    def parts(self) -> list[Part]:
        """The notice (``body``) and then every attachment or embedded plan."""
        return [self.body, *self.attachments]

    @property
    def plan(self) -> Part:
        """The part that holds the plan: the embedded plan or 附件 of a covering notice, else the body."""
        return self.parts()[self.plan_part]

    def iter_sections(self) -> Iterator[Section]:
        """Every section of every part, depth first, in document order."""
        for p in self.parts():
            yield from p.iter_sections()

    def section(self, id: str) -> Section:
        """The section with this id (ids are unique across parts); KeyError when there is none."""
        for s in self.iter_sections():
            if s.id == id:
                return s
        raise KeyError(f"no section {id!r}")

    def task(self, id: str) -> Task:
        """The task with this id (t1, t2…); KeyError when there is none."""
        for t in self.iter_tasks():
            if t.id == id:
                return t
        raise KeyError(f"no task {id!r}")

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

    def to_frame(self, kind: str = "tasks") -> pd.DataFrame:
        """One row per task, unit, target, section or paragraph as a pandas DataFrame (needs the
        ``analysis`` extra); columns are listed in the README under "Frames"."""
        from policyparse.analysis.frames import to_frame

        return to_frame(self, kind)
