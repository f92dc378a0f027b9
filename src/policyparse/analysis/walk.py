"""What the comparison needs from a parsed document beyond the model's own navigation.

The core gives unique section ids, section paths and the plan part (``doc.plan_part``); these
helpers add title paths, the section each offset stands in, and the text a comparison reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from policyparse.models import Paragraph, Part, PolicyDocument, Section, Task


@dataclass(frozen=True)
class SectionInfo:
    """A section with where it stands: a document-wide id, its part and its path of markers."""

    uid: str
    part: int
    part_label: str | None
    section: Section
    path: str
    title_path: str
    parent: str | None


def plan_part(doc: PolicyDocument) -> int:
    """Index into ``doc.parts()`` of the part holding the plan (``doc.plan_part``, set by the core)."""
    return doc.plan_part


def part_label(doc: PolicyDocument, i: int) -> str:
    """A short name of part ``i`` for tables: its label (附件1), else 正文 / 部分N (as in section ids)."""
    from policyparse.core.ids import part_name

    return part_name(doc.parts(), i)


def iter_sections(doc: PolicyDocument) -> Iterator[SectionInfo]:
    """Every section of every part, depth first, with its part and its title path."""
    for i, part in enumerate(doc.parts()):
        yield from _walk(part.sections, i, part.label, (), None)


def _walk(
    sections: list[Section], part: int, label: str | None, titles: tuple[str, ...], parent: str | None,
) -> Iterator[SectionInfo]:  # fmt: skip
    for s in sections:
        t = (*titles, f"{s.marker}{s.title or ''}")
        yield SectionInfo(s.id, part, label, s, s.path or s.marker, " > ".join(t), parent)
        yield from _walk(s.children, part, label, t, s.id)


class Locator:
    """Finds the innermost section holding a character offset."""

    def __init__(self, infos: list[SectionInfo]) -> None:
        self.infos = infos

    def at(self, offset: int) -> SectionInfo | None:
        """The deepest section whose span holds ``offset``."""
        best: SectionInfo | None = None
        for info in self.infos:
            s, e = info.section.span
            if s <= offset < e and (best is None or info.section.depth > best.section.depth):
                best = info
        return best


def locator(doc: PolicyDocument) -> Locator:
    return Locator(list(iter_sections(doc)))


def part_of(doc: PolicyDocument, offset: int) -> int:
    """Index of the part whose span holds ``offset`` (the body when none does)."""
    for i, p in enumerate(doc.parts()):
        if p.span[0] <= offset < p.span[1]:
            return i
    return 0


def iter_tasks(doc: PolicyDocument) -> Iterator[tuple[int, Task]]:
    """Every task with the index of its part."""
    for i, p in enumerate(doc.parts()):
        for t in p.iter_tasks():
            yield i, t


def paragraphs(doc: PolicyDocument) -> list[tuple[str, Paragraph]]:
    """Every paragraph with an id (p1, p2… in document order)."""
    return [(f"p{n}", p) for n, p in enumerate(doc.iter_paragraphs(), start=1)]


def leaf_sections(doc: PolicyDocument, part: int | None = None) -> list[SectionInfo]:
    """Sections without children (of one part, or of all)."""
    return [x for x in iter_sections(doc) if not x.section.children and (part is None or x.part == part)]


def doc_key(doc: PolicyDocument) -> str:
    """A short name of the document: its file name without extensions (``a.pdf.json`` → ``a``)."""
    name = Path(doc.source.path).name
    for ext in (".json", ".pdf", ".txt"):
        name = name.removesuffix(ext)
    return name or "doc"


def part_text(doc: PolicyDocument, part: Part) -> str:
    return doc.text[part.span[0] : part.span[1]]


def content_text(doc: PolicyDocument, span: tuple[int, int]) -> str:
    """``doc.text`` over ``span`` with responsibility clauses blanked out: agency names say who does a
    task, not what it is about, and would make a plan's sections look alike by their units alone."""
    start, end = span
    chars = list(doc.text[start:end])
    for t in doc.iter_tasks():
        if t.clause is None:
            continue
        cs, ce = t.clause.span
        for k in range(max(cs, start), min(ce, end)):
            chars[k - start] = " "
    return "".join(chars)


def plan_text(doc: PolicyDocument) -> str:
    """The plan and what follows it (attachments), without the covering notice and the clauses."""
    parts = doc.parts()[plan_part(doc) :]
    return "\n".join(content_text(doc, p.span) for p in parts)
