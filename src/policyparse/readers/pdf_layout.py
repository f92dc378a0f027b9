"""Reader (PDF engines): printed lines → logical paragraphs.

Wrapped lines and paragraphs broken by a page are joined; page numbers are dropped and recorded.
The decision uses the page geometry (left/right margins, first-line indent, hanging indents), the
font size and colour, and punctuation — never the line length alone.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import regex

from policyparse.core.outline import starts_with_marker
from policyparse.core.textnorm import clean_line
from policyparse.models import Dropped
from policyparse.readers.base import Line, PageInfo, RawParagraph

_PAGE_NUMBER = regex.compile(
    r"[—–\-－―─]{1,2}\s*\d{1,4}\s*[—–\-－―─]{1,2}|第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}"
)
_ENDS_SENTENCE = regex.compile(r"[。：:；;！？!?）)」』”]$")


def _is_page_number(ln: Line, page: PageInfo) -> bool:
    if not _PAGE_NUMBER.fullmatch(ln.text.strip()):
        return False
    return ln.top > 0.85 * page.height or ln.bottom < 0.08 * page.height


_DIGITS = regex.compile(r"[0-9０-９]+")


def _margin_key(ln: Line, page: PageInfo) -> str | None:
    """What a running header or footer looks like with its page-dependent digits masked."""
    if ln.table or not (ln.top < 0.09 * page.height or ln.bottom > 0.92 * page.height):
        return None
    return f"{'top' if ln.top < page.height / 2 else 'bottom'}:{_DIGITS.sub('#', clean_line(ln.text))}"


def _running_keys(lines: list[Line], by_page: dict[int, PageInfo]) -> set[str]:
    """Margin lines repeated on at least half of the pages (and on three or more): 国务院公报 headers, footers."""
    if len(by_page) < 3:
        return set()
    pages_of: dict[str, set[int]] = {}
    for ln in lines:
        key = _margin_key(ln, by_page[ln.page])
        if key is not None:
            pages_of.setdefault(key, set()).add(ln.page)
    return {k for k, ps in pages_of.items() if len(ps) >= max(3, len(by_page) // 2)}


@dataclass
class _Geometry:
    size: float
    left: float
    right: float


def _geometry(lines: list[Line], page_width: float) -> _Geometry:
    weights: Counter[float] = Counter()
    lines = [ln for ln in lines if not ln.table]
    for ln in lines:
        weights[ln.size] += len(ln.text)
    size = weights.most_common(1)[0][0] if weights else 12.0
    body = [ln for ln in lines if abs(ln.size - size) < 0.6]
    if len(body) >= 10:
        # the leftmost x0 that many lines share: wrapped lines start there; first-line indents sit right
        # of it and outnumber it in documents of short paragraphs, centred lines are scattered
        counts = Counter(round(ln.x0) for ln in body)
        common = [x for x, n in counts.items() if n >= max(2, len(body) // 20)]
        left = float(min(common)) if common else float(counts.most_common(1)[0][0])
    else:  # a few lines: the leftmost is the margin (first-line indents and centred lines sit right of it)
        left = min((ln.x0 for ln in body), default=72.0)
    x1s = sorted(ln.x1 for ln in body)
    if len(x1s) >= 10:
        # the right edge of the text block: the median end of the long lines. A high quantile would
        # follow punctuation hanging past the margin; unjustified CJK lines end up to a character short.
        p95 = x1s[int(0.95 * (len(x1s) - 1))]
        long = [x for x in x1s if x >= left + 0.75 * (p95 - left)]
        right = statistics.median(long)
    else:  # too few lines to see the text block: assume margins as wide on the right as on the left
        right = page_width - left
    return _Geometry(size=size, left=left, right=float(right))


def _continues(a: Line, b: Line, g: _Geometry) -> bool:
    """Does line ``b`` continue the paragraph that line ``a`` is in?

    Lines come in reading order, so a page change means ``a`` ended its page and ``b`` starts the next.
    """
    if a.table or b.table or abs(a.size - b.size) > 1.0:
        return False
    if a.red or b.red:
        # a banner too long for one line wraps; organs stacked beside one 文件 are short lines
        wide = a.x1 - a.x0 >= 0.8 * (g.right - g.left) and a.x1 >= g.right - 1.2 * a.size
        return a.red and b.red and a.page == b.page and wide and b.top - a.bottom < a.size
    if b.page not in (a.page, a.page + 1):
        return False
    big = a.size >= 1.25 * g.size
    if big:  # titles: centred lines of one large size, stacked
        return a.page == b.page and b.top - a.bottom < 1.2 * a.size
    if a.page == b.page and b.top - a.bottom > 1.3 * a.size:
        return False
    if a.x1 < g.right - 1.2 * a.size:  # a short line ends its paragraph
        return False
    bt = clean_line(b.text)
    if starts_with_marker(bt) and _ENDS_SENTENCE.search(clean_line(a.text)):
        return False
    if abs(b.x0 - g.left) <= 0.5 * b.size:
        return True
    # a hanging indent lines up with a tab stop of the line above ("附件：1. …" then the wrapped rest)
    # (a stop right after a short label such as "4." is no hanging indent: that is the first-line indent)
    if abs(b.x0 - a.x0) <= 0.5 * b.size:
        return False
    return any(abs(b.x0 - s) <= 0.75 * b.size for s in a.stops if s - a.x0 > 1.5 * b.size)


def paragraphs_from_lines(lines: list[Line], pages: list[PageInfo]) -> tuple[list[RawParagraph], list[Dropped]]:
    """Group printed lines into logical paragraphs; page numbers come back as ``Dropped``."""
    by_page = {p.number: p for p in pages}
    running = _running_keys(lines, by_page)
    dropped: list[Dropped] = []
    kept: list[Line] = []
    for ln in lines:
        kind: Literal["page_number", "running_header"] | None = None
        if _is_page_number(ln, by_page[ln.page]):
            kind = "page_number"
        elif _margin_key(ln, by_page[ln.page]) in running:
            kind = "running_header"
        if kind is not None:
            dropped.append(Dropped(kind=kind, text=ln.text.strip(), page=ln.page, bbox=(ln.x0, ln.top, ln.x1, ln.bottom)))
        else:
            kept.append(ln)
    g = _geometry(kept, max((p.width for p in pages), default=595.0))
    out: list[RawParagraph] = []
    cur: list[Line] = []
    for ln in kept:
        if cur:
            if not _continues(cur[-1], ln, g):
                out.append(_raw(cur, g))
                cur = []
        cur.append(ln)
    if cur:
        out.append(_raw(cur, g))
    return out, dropped


def _raw(lines: list[Line], g: _Geometry) -> RawParagraph:
    return RawParagraph(
        lines=[(ln.text, ln.page, (ln.x0, ln.top, ln.x1, ln.bottom)) for ln in lines],
        red=any(ln.red for ln in lines),
        big=lines[0].size >= 1.25 * g.size,
    )


