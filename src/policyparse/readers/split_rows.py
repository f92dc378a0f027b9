"""Table rows that a page break cut in two (Word and LibreOffice let a row break across pages).

The part of the row on the next page comes out of table extraction as a row of its own: its row
number empty and its cells the rest of the cells above ("推进大徐家阁地" | "区规划资源局" on one page,
"区规划研究" | "区建设管理委、…" on the next). It is joined back cell by cell when it is the first
table row of its page, the row before it the last of the previous page, with as many cells; it leaves
empty a cell the row above fills (the row number); every cell it fills continues one that is filled;
and none of those ends a sentence — unless one of them stops on 、 or ， (surely cut). A new row whose number cell is merged with the row above keeps
its place: the cells it fills are complete ones above (they end in 。) or empty.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from policyparse.core.organs import is_branch_tail, is_organ, is_unit_like
from policyparse.core.outline import match_marker
from policyparse.readers.base import Line

_SENTENCE_END = ("。", "；", ";", "！", "？", "!", "?")


_NUMBER = regex.compile(r"[0-9０-９]{1,3}[.．、]?|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.]?")
_UNFINISHED = ("、", "，", ",", "（", "(", "：", ":")


def _continues(prev: Line, row: Line) -> bool:
    a, b = prev.text.split("\t"), row.text.split("\t")
    if row.page != prev.page + 1 or len(a) != len(b) or len(a) < 2:
        return False
    filled = [k for k, c in enumerate(b) if c.strip()]
    if not filled or any(not a[k].strip() for k in filled) or any(_starts_numbered(b[k]) for k in filled):
        return False  # it only goes on with cells begun above, and numbers nothing of its own
    from policyparse.core.tables import header_columns

    if header_columns(b) is not None:
        return False  # the table's header printed again on the new page
    ends = [a[k].rstrip() for k in filled]
    if any(e.endswith(_UNFINISHED) for e in ends):
        return True  # a cell above stops on 、 or ，: surely cut
    if set(filled) == {k for k, c in enumerate(a) if c.strip()}:
        # every cell goes on: the row above opens with its number ("（1）", "1、…")
        return any(_starts_numbered(a[k]) for k in filled)
    # some cells of the row above (its number) are not repeated: cut, unless a cell above ends a sentence
    return not any(e.endswith(_SENTENCE_END) for e in ends)


def _starts_numbered(cell: str) -> bool:
    c = cell.strip()
    return _NUMBER.fullmatch(c) is not None or match_marker(c) is not None


def join_cell_text(left: str, right: str) -> str:
    """The glue between two printed lines of one table cell: a space where the line break separates two
    organ names ("设施运行处" | "设施养护处": the space then separates units), nothing where it wraps a
    word or a sentence ("上海市绿化和市" | "容管理局", "人民银行" | "天水市分行"). ``right`` is the rest
    of the cell, so that a name wrapped again further down is read whole ("市发展改" | "革委")."""
    a = regex.split(r"[、，\s]", left.rstrip())[-1]
    b = regex.split(r"[、，\s]", right.lstrip(), maxsplit=1)[0]
    if is_branch_tail(b):
        return ""
    if b.startswith("各") and is_unit_like(a):
        return " "  # 各 opens a new unit even when its head is on the next line ("各县（区）" | "人民政府")
    return " " if len(b) >= 3 and is_organ(a) and is_organ(b) else ""


def cell_lines(cell: str) -> str:
    """A table cell's printed lines as one text (see :func:`join_cell_text`)."""
    parts = cell.split("\n")
    out = parts[0]
    for k in range(1, len(parts)):
        # the rest of the cell as the line break would leave it unglued, for a name wrapped twice
        out += join_cell_text(out, "".join(parts[k:])) + parts[k]
    return out


def join_split_rows(lines: list[Line]) -> list[Line]:
    """``lines`` in reading order with every table row cut by a page break joined back into one."""
    out: list[Line] = []
    last_row: dict[int, int] = {}  # page → index in out of its last table row
    first_seen: set[int] = set()
    for ln in lines:
        if not ln.table:
            out.append(ln)
            continue
        first_on_page = ln.page not in first_seen
        first_seen.add(ln.page)
        k = last_row.get(ln.page - 1)
        if first_on_page and k is not None and _continues(out[k], ln):
            a, b = out[k].text.split("\t"), ln.text.split("\t")
            out[k] = replace(out[k], text="\t".join(x + join_cell_text(x, y) + y for x, y in zip(a, b, strict=True)))
            continue
        out.append(ln)
        last_row[ln.page] = len(out) - 1
    return out
