"""Stage 2 (clean): a reader's paragraphs → one normalised text with line-level provenance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from policyparse.core.textnorm import clean_line, code_point_report, join_sep
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


def code_point_warnings(raw: list[RawParagraph]) -> list[tuple[str, str, int | None]]:
    """Warnings with the counts of ideograph stand-ins mapped and private-use glyphs left in the text."""
    total: Counter[str] = Counter()
    for rp in raw:
        for t, _, _ in rp.lines:
            total.update(code_point_report(t))
    out: list[tuple[str, str, int | None]] = []
    if total["mapped"]:
        out.append(("code_points_mapped", f"{total['mapped']} radical or compatibility code points mapped to unified ideographs", None))
    if total["private_use"]:
        out.append(("private_use_glyphs", f"{total['private_use']} private-use glyphs left as printed (no Unicode meaning)", None))
    return out
