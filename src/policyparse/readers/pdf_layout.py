"""Reader (PDF engines): printed lines → logical paragraphs.

Wrapped lines and paragraphs broken by a page are joined; page numbers are dropped and recorded.
The decision uses the page geometry (left/right margins, first-line indent, hanging indents), the
font size and colour, and punctuation — never the line length alone.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex

from policyparse.core.grammar import grammar
from policyparse.core.outline import match_marker, starts_with_marker
from policyparse.core.textnorm import clean_line
from policyparse.models import Dropped
from policyparse.readers.base import Line, PageInfo, RawParagraph
from policyparse.readers.margins import Margins, strip_margins
from policyparse.readers.split_rows import join_split_rows

_ENDS_SENTENCE = regex.compile(r"[。：:；;！？!?）)」』”】］]$")


@dataclass
class _Geometry:
    size: float
    left: float
    right: float
    indented: bool = False  # paragraphs (headings too) start with a first-line indent


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
    # GB/T 9704 sets every paragraph, headings included, with a two-character first-line indent; where a
    # document does, a line at the margin after a full line wraps the paragraph even if it opens "（3）"
    starts = sum(1 for ln in body if 1.5 * size <= ln.x0 - left <= 2.5 * size)
    indented = len(body) >= 10 and starts >= max(3, len(body) // 10)
    return _Geometry(size=size, left=left, right=float(right), indented=indented)


_LABEL_START = regex.compile(r"[^\s，,。：:；;（(）)]{2,20}[：:]")


def _continues(cur: list[Line], b: Line, g: _Geometry) -> bool:
    """Does line ``b`` continue the paragraph whose lines so far are ``cur``?

    Lines come in reading order, so a page change means ``cur[-1]`` ended its page and ``b`` starts the next.
    """
    a = cur[-1]
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
    bt = clean_line(b.text)
    if a.x1 < g.right - 1.2 * a.size:  # a short line ends its paragraph
        # unless a bracket that may not end a line was pushed down: "…，各县" | "（区）人民政府…"
        pushed = a.x1 >= g.right - 3.5 * a.size and bt[:1] in "（(" and not starts_with_marker(bt)
        if not (pushed and _ENDS_SENTENCE.search(clean_line(a.text)) is None and abs(b.x0 - g.left) <= 0.5 * b.size):
            return False
    at_margin = abs(b.x0 - g.left) <= 0.5 * b.size
    ends = _ENDS_SENTENCE.search(clean_line(a.text)) is not None
    if starts_with_marker(bt) and _opens_with_label(cur):
        return False  # "责任部门（单位）：X，Y" filling its line ends with a name, not a sentence's stop
    if starts_with_marker(bt) and ends and not (g.indented and at_margin and _inline_item(cur, bt)):
        # a numbered line after a sentence's end opens a paragraph — but in a document set with
        # first-line indents, "（3）" at the margin after "…（2）…。" is an item running on inside one
        return False
    if ends and not g.indented and _LABEL_START.match(bt):
        # without first-line indents, a sentence's end followed by "区民防办：" opens a new paragraph
        return False
    if abs(b.x0 - g.left) <= 0.5 * b.size:
        return True
    # a hanging indent lines up with a tab stop of the line above ("附件：1. …" then the wrapped rest)
    # (a stop right after a short label such as "4." is no hanging indent: that is the first-line indent)
    if abs(b.x0 - a.x0) <= 0.5 * b.size:
        return False
    if starts_with_marker(bt):
        return False  # an indented numbered line opens its own paragraph, whatever the tab stops above
    return any(abs(b.x0 - s) <= 0.75 * b.size for s in a.stops if s - a.x0 > 1.5 * b.size)


def _opens_with_label(cur: list[Line]) -> bool:
    """Does the paragraph open with a clause label ("责任单位：", "配合部门（单位）：")?"""
    t = clean_line(cur[0].text)
    return grammar().label_at(t, 0, len(t)) is not None


def _inline_item(cur: list[Line], bt: str) -> bool:
    """Does the paragraph so far hold the item before ``bt``'s ("（2）" before "（3）")?"""
    mk = match_marker(bt)
    if mk is None or mk.number < 2:
        return False
    prev = mk.text.replace(str(mk.number), str(mk.number - 1)) if mk.text[-2:-1].isdigit() or mk.text[:-1].isdigit() else None
    text = "".join(clean_line(ln.text) for ln in cur)
    # inside the paragraph, not its own opening marker ("5.落实…；" then "6." opens another item)
    return prev is not None and text.find(prev, 1) > 0


def paragraphs_from_lines(lines: list[Line], pages: list[PageInfo]) -> tuple[list[RawParagraph], list[Dropped]]:
    """Group printed lines into logical paragraphs; page furniture comes back as ``Dropped``."""
    raw, m = paragraphs_and_margins(lines, pages)
    return raw, m.dropped


def paragraphs_and_margins(lines: list[Line], pages: list[PageInfo]) -> tuple[list[RawParagraph], Margins]:
    """Group printed lines into logical paragraphs; page furniture (and a printed page title) in ``Margins``."""
    m = strip_margins(lines, pages)
    kept = join_split_rows(m.kept)
    g = _geometry(kept, max((p.width for p in pages), default=595.0))
    out: list[RawParagraph] = []
    cur: list[Line] = []
    for ln in kept:
        if cur:
            if not _continues(cur, ln, g):
                out.append(_raw(cur, g))
                cur = []
        cur.append(ln)
    if cur:
        out.append(_raw(cur, g))
    return out, m


def _raw(lines: list[Line], g: _Geometry) -> RawParagraph:
    return RawParagraph(
        lines=[(ln.text, ln.page, (ln.x0, ln.top, ln.x1, ln.bottom)) for ln in lines],
        red=any(ln.red for ln in lines),
        big=lines[0].size >= 1.25 * g.size,
    )


