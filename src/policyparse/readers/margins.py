"""Page furniture in the margins of a PDF: page numbers, running headers and browser print chrome.

Kept out of the text and recorded as ``Dropped``. A browser's "print to PDF" adds a header (print
date and time, the page title) and a footer (the page's URL, "n/N") to every page; those are known
by their shape, so they go even on a one-page print. Other running headers are known by repetition:
the same text at the same height on at least half of the pages (three or more).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from policyparse.core.textnorm import clean_line
from policyparse.models import Dropped
from policyparse.readers.base import Line, PageInfo

_PAGE_NUMBER = regex.compile(
    r"[—–\-－―─]{1,2}\s*\d{1,4}\s*[—–\-－―─]{1,2}|第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}"
)
_DIGITS = regex.compile(r"[0-9０-９]+")
# what browsers print in the page margins: the time of printing ("2026/5/19 19:11", "5/19/26, 7:11 PM",
# "2026-05-19 19:11:02"), the address of the page, and a page counter "2/3"
_PRINT_TIME = regex.compile(
    r"(?:\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4},?)\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm)?"
)
_URL = regex.compile(r"(?:https?|file)://\S+|www\.\S+\.\S+")
_COUNTER = regex.compile(r"\d{1,4}\s*/\s*\d{1,4}")
_TOP, _BOTTOM = 0.09, 0.92  # the margin bands, as fractions of the page height
_SAME_HEIGHT = 3.0  # points: a running header stands at the same height on every page


@dataclass
class Margins:
    """The lines to keep, what was dropped, and the page title a browser printed in its header."""

    kept: list[Line]
    dropped: list[Dropped] = field(default_factory=list)
    page_title: str | None = None


def _in_band(ln: Line, page: PageInfo) -> str | None:
    if ln.table:
        return None
    if ln.top < _TOP * page.height:
        return "top"
    if ln.bottom > _BOTTOM * page.height:
        return "bottom"
    return None


def _is_page_number(ln: Line, page: PageInfo) -> bool:
    if not _PAGE_NUMBER.fullmatch(ln.text.strip()):
        return False
    return ln.top > 0.85 * page.height or ln.bottom < 0.08 * page.height


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines of one page that share a baseline (a header's time and title are separate runs)."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: (x.page, x.top)):
        if rows and rows[-1][0].page == ln.page and abs(rows[-1][0].top - ln.top) < _SAME_HEIGHT:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _browser_chrome(lines: list[Line], by_page: dict[int, PageInfo]) -> tuple[set[int], str | None]:
    """ids of the lines a browser printed in the margins, and the page title of its header."""
    chrome: set[int] = set()
    titles: list[str] = []
    margin = [ln for ln in lines if _in_band(ln, by_page[ln.page]) is not None]
    for row in _rows(margin):
        texts = [clean_line(ln.text) for ln in row]
        band = _in_band(row[0], by_page[row[0].page])
        if band == "top" and any(_PRINT_TIME.match(t) for t in texts):
            chrome.update(id(ln) for ln in row)
            rest = [str(_PRINT_TIME.sub("", t, count=1)).strip() for t in texts]
            titles.extend(t for t in rest if t)
        elif band == "bottom" and any(_URL.match(t) for t in texts):
            if all(_URL.match(t) or _COUNTER.fullmatch(t) for t in texts):
                chrome.update(id(ln) for ln in row)
    # the title printed on the first page is the page's title (it repeats on the others)
    return chrome, (titles[0] if titles else None)


def _running(lines: list[Line], by_page: dict[int, PageInfo]) -> set[int]:
    """ids of margin lines whose text (digits masked) repeats at the same height on half the pages."""
    if len(by_page) < 2:
        return set()
    groups: dict[str, list[Line]] = {}
    for ln in lines:
        band = _in_band(ln, by_page[ln.page])
        if band is not None:
            groups.setdefault(f"{band}:{_DIGITS.sub('#', clean_line(ln.text))}", []).append(ln)
    need = len(by_page) if len(by_page) < 4 else max(3, len(by_page) // 2)  # 2–3 pages: on every page
    out: set[int] = set()
    for group in groups.values():
        for ln in group:
            # a title on page 1 that reads like the header above it is not a header: heights differ
            same = {o.page for o in group if abs(o.top - ln.top) < _SAME_HEIGHT}
            if len(same) >= need:
                out.add(id(ln))
    return out


def strip_margins(lines: list[Line], pages: list[PageInfo]) -> Margins:
    """Split ``lines`` into body lines and recorded page furniture."""
    by_page = {p.number: p for p in pages}
    chrome, title = _browser_chrome(lines, by_page)
    running = _running(lines, by_page)
    m = Margins(kept=[], page_title=title)
    for ln in lines:
        kind: Literal["page_number", "running_header"] | None = None
        if _is_page_number(ln, by_page[ln.page]):
            kind = "page_number"
        elif id(ln) in chrome or id(ln) in running:
            kind = "running_header"
        if kind is not None:
            m.dropped.append(Dropped(kind=kind, text=ln.text.strip(), page=ln.page, bbox=(ln.x0, ln.top, ln.x1, ln.bottom)))
        else:
            m.kept.append(ln)
    return m
