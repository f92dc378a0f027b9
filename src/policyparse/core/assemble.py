"""Stage 2 (clean): a reader's paragraphs → one normalised text with line-level provenance."""

from __future__ import annotations

from dataclasses import dataclass

from policyparse.core.textnorm import clean_line, join_sep
from policyparse.models import BBox, Provenance
from policyparse.readers.base import RawParagraph


@dataclass
class ParaInfo:
    span: tuple[int, int]
    page: int | None
    prov: list[Provenance]
    red: bool
    big: bool


@dataclass
class Assembled:
    """The one normalised text and its paragraphs, each with its line-level provenance."""

    text: str
    paragraphs: list[ParaInfo]


def assemble(raw: list[RawParagraph]) -> Assembled:
    """Clean every line and lay the paragraphs end to end, separated by newlines."""
    parts: list[str] = []
    paras: list[ParaInfo] = []
    pos = 0
    for rp in raw:
        pieces: list[tuple[str, int | None, BBox | None]] = []
        for txt, page, bbox in rp.lines:
            c = clean_line(txt)
            if c:
                pieces.append((c, page, bbox))
        if not pieces:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        start = pos
        prov: list[Provenance] = []
        prev = ""
        for c, page, bbox in pieces:
            sep = join_sep(prev, c)
            parts.append(sep)
            pos += len(sep)
            prov.append(Provenance(page=page, bbox=bbox, span=(pos, pos + len(c))))
            parts.append(c)
            pos += len(c)
            prev = c
        paras.append(
            ParaInfo(
                span=(start, pos),
                page=pieces[0][1],
                prov=prov if pieces[0][1] is not None else [],
                red=rp.red,
                big=rp.big,
            )
        )
    return Assembled(text="".join(parts), paragraphs=paras)
