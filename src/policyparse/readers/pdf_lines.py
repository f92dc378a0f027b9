"""Reader (PDF engines): positioned glyphs → printed lines, the same for every engine.

Each PDF engine (pdfplumber, pdfium) turns a page into ``Glyph`` records — text, box in top-left
page coordinates (PDF points), size, font family and whether it is printed in red — and this module
groups them into ``Line`` objects. Sharing this step is what makes the engines give the same
paragraphs: they differ only in how they read the characters.
"""

from __future__ import annotations

import statistics
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from policyparse.readers.base import Line


class Glyph(NamedTuple):
    """One printed character (or a space) as an engine reads it.

    The box is the em box standing on the baseline: from the baseline up by the glyph's size, and
    across by its advance. Font descent is left out on purpose: producers disagree about it (LibreOffice
    writes ``Descent 0``, browsers' Type3 fonts give none, Word the real value) and so do the
    libraries (pdfminer takes the descriptor as written, PDFium estimates a missing one), so boxes
    that include it would sort and space the lines of one document differently per font and engine.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the glyph box's height: font size times the text matrix' vertical scale
    family: str  # see font_family
    red: bool
    upright: bool


# Family by substrings of the font name, as producers spell them (Word/WPS, Founder, Fandol, Adobe…).
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("xbs", ("xbs", "小标宋", "biaosong", "fzxbs")),
    ("hei", ("hei", "黑体", "fzhtk", "simhei", "fzht")),
    ("kai", ("kai", "楷", "fzktk", "fzkt")),
    ("fang", ("fang", "仿宋", "fzfsk", "fzfs")),
    ("song", ("song", "宋", "fzssk", "simsun", "fzss")),
)


@lru_cache(maxsize=1024)
def font_family(fontname: str) -> str:
    """Map a PDF font name (subset prefix, GBK bytes and all) to hei/kai/fang/song/xbs/latin/other."""
    name = fontname.split("+", 1)[-1]
    try:
        # Chinese Windows stores names as GBK bytes; pdfminer hands them over as latin-1 text.
        name = name.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    low = name.lower()
    for fam, keys in _FAMILIES:
        if any(k in low for k in keys):
            return fam
    if any(k in low for k in ("times", "roman", "serif", "arial", "helvet", "calibri")):
        return "latin"
    return "other"


def is_red(color: Any) -> bool:
    """Is a fill colour (gray, RGB or CMYK components in 0..1, as the PDF states them) red?"""
    if isinstance(color, list):
        color = tuple(color)
    try:
        return _is_red(color)
    except TypeError:  # unhashable components: decide without the cache
        return _is_red.__wrapped__(color)


@lru_cache(maxsize=256)
def _is_red(color: Any) -> bool:
    if isinstance(color, tuple) and len(color) == 3:
        r, g, b = (float(x) for x in color)
        return r > 0.6 and g < 0.35 and b < 0.35
    if isinstance(color, tuple) and len(color) == 4:  # CMYK
        c, m, y, k = (float(x) for x in color)
        return m > 0.6 and y > 0.5 and c < 0.3 and k < 0.4
    return False


_X0, _X1, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("x1"), attrgetter("top"), attrgetter("bottom")
_SIZE, _FAMILY, _RED = attrgetter("size"), attrgetter("family"), attrgetter("red")
_LABEL_END = " ：:.．、"  # a str: a glyph of several characters counts when it is a part of it, as before


def lines_of_page(glyphs: list[Glyph], page: int) -> list[Line]:
    """Group a page's glyphs into printed lines (or runs of a line split by a wide gap), in reading order."""
    chars = [g for g in glyphs if (g.upright and g.text.strip() != "") or g.text == " "]
    chars.sort(key=lambda g: (round(g.top, 1), g.x0))
    # rows: [glyphs, mid of the first glyph, size of the first glyph]
    rows: list[tuple[list[Glyph], float, float]] = []
    for g in chars:
        mid = (g.top + g.bottom) / 2
        size = g.size
        # the last three rows, newest first (most glyphs join the newest: it is tried without a slice)
        for back in (1, 2, 3):
            if back > len(rows):
                rows.append(([g], mid, size))
                break
            row = rows[-back]
            if abs(mid - row[1]) < 0.45 * (row[2] if row[2] > size else size):
                row[0].append(g)
                break
        else:
            rows.append(([g], mid, size))
    out: list[Line] = []
    for row_glyphs, _, _ in rows:
        row_glyphs.sort(key=_X0)
        run: list[Glyph] = []
        prev: Glyph | None = None
        for g in row_glyphs:
            if prev is not None and g.x0 - prev.x1 > 2.5 * (prev.size if prev.size > g.size else g.size):
                _emit(run, page, out)
                run = []
            run.append(g)
            prev = g
        _emit(run, page, out)
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


def _emit(run: list[Glyph], page: int, out: list[Line]) -> None:
    ink = [g for g in run if g.text.strip()]
    if not ink:
        return
    parts: list[str] = []
    stops: list[float] = []
    last: Glyph | None = None
    for g in run:
        text = g.text
        gap = last is not None and g.x0 - last.x1 > 0.2 * g.size and text != " "
        if gap:
            parts.append(" ")
        if last is not None and (gap or last.text in _LABEL_END) and text.strip():
            # a tab stop: where the text after a label ("附件：1. ") starts, for hanging indents
            stops.append(g.x0)
        parts.append(text)
        last = g
    fams = list(map(_FAMILY, ink))
    cjk_fams = [f for f in fams if f != "latin"] or fams
    out.append(
        Line(
            page=page,
            x0=min(map(_X0, ink)),
            top=min(map(_TOP, ink)),
            x1=max(map(_X1, ink)),
            bottom=max(map(_BOTTOM, ink)),
            text="".join(parts),
            family=statistics.mode(cjk_fams),
            size=round(statistics.median(map(_SIZE, ink)), 1),
            red=sum(map(_RED, ink)) > len(ink) / 2,
            stops=tuple(stops),
        )
    )
