"""Stage 4c (fields): task-division tables (任务分工表) — each row a task, columns by what headers mean.

Rows arrive as paragraphs whose cells are separated by tabs (from pdfplumber's table extraction,
or tab-separated text input). A table is a task table when one header is a responsibility label by
composition (责任单位, 牵头部门, 推进单位, 实施主体, or a bare 单位) and another holds text, in any
column order. Headers that name a category (任务类型, 主要方向, 领域…) are kept with each row but are
not task text; 序号-like headers number rows; deadline headers (完成时限…) give the deadline.

An empty cell takes the value above it: that is how merged cells come out of extraction ("重点任务"
spanning two rows, a unit cell merged over a group of rows). "—", "无" in a unit cell mean no unit.
A row with one filled cell, or numbered as a section (一, 二, —), is a heading inside the table.
A header repeated on the next page is skipped; a row without a number, text only, runs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyparse.core.clauses import ClauseHit, ParsedClause, grammar, units_in
from policyparse.core.textnorm import cell_ranges

ROLE_KINDS = ("lead", "cooperating", "responsible")
_SECTION_INDEX = regex.compile(r"[一二三四五六七八九十]{1,3}[、.．]?|[—–\-－]{1,2}|第[一二三四五六七八九十]{1,3}[部分章节]")


@dataclass(frozen=True)
class Column:
    kind: str  # index | text | category | note | contact | lead | cooperating | responsible | deadline
    header: str = ""


def column_kind(header: str) -> str:
    """What a header means: a unit column of some role, a row number, a category, a deadline, or text."""
    g = grammar()
    h = header.strip()
    if h in g.table_index_columns:
        return "index"
    role = g.header_role(h)
    if role is not None:
        return role
    if any(h.endswith(w) for w in g.raw["table_category_words"]):
        return "category"
    if h in g.raw["table_note_words"]:
        return "note"
    if regex.sub(r"[（(].*$", "", h) in g.raw["table_contact_words"]:
        return "contact"
    return "text"


def sub_header(cells: list[str], columns: list[Column]) -> list[Column] | None:
    """A second header row ("| | | 牵头单位 | 配合单位 |" under a merged 责任单位): the columns with the
    names it gives, or None when the row is data. Only cells under an empty or a unit header may be
    named, and every name must be a header by composition (a label, 序号, 完成时限…)."""
    filled = [k for k, c in enumerate(cells) if c.strip()]
    if not filled or len(cells) != len(columns):
        return None
    out = list(columns)
    for k in filled:
        h = cells[k].strip()
        kind = column_kind(h)
        if kind in ("text", "category", "note", "contact") or len(h) > 12:
            return None
        if columns[k].header and columns[k].kind not in ROLE_KINDS:
            return None
        out[k] = Column(kind, f"{columns[k].header}/{h}" if columns[k].header else h)
    return out


def header_columns(cells: list[str]) -> list[Column] | None:
    """Column kinds from a header row, or None when the row is not a task-table header."""
    if sum(1 for c in cells if c.strip()) < 2 or any(len(c) > 30 for c in cells):
        return None
    kinds = [Column(column_kind(c) if c.strip() else "text", c.strip()) for c in cells]
    if not any(k.kind in ROLE_KINDS for k in kinds) or not any(k.kind == "text" and k.header for k in kinds):
        return None
    return kinds


@dataclass
class TableRow:
    """One row read as a task: where its text is, its clause as the grammar would give it, its cells."""

    text_span: tuple[int, int]
    hit: ClauseHit
    deadline: str | None
    cells: dict[str, str] = field(default_factory=dict)


def _is_section_row(text: str, cells: list[tuple[int, int]], columns: list[Column]) -> bool:
    filled = [k for k, (x, y) in enumerate(cells) if y > x]
    if not filled:
        return True
    if len(filled) == 1:
        # "行动一：…" across the row; but a text cell alone, or a sentence, is a row broken over a page
        k = filled[0]
        alone = text[cells[k][0] : cells[k][1]].strip()
        return (columns[k].kind != "text" or k == 0) and not alone.endswith(("。", "；", ";"))
    roles = [k for k in filled if columns[k].kind in ROLE_KINDS]
    index = [k for k in filled if columns[k].kind == "index"]
    return not roles and bool(index) and _SECTION_INDEX.fullmatch(text[cells[index[0]][0] : cells[index[0]][1]].strip()) is not None


@dataclass
class TableState:
    """A table's header, carried over a line of prose inside it (a note, a page's running text)."""

    columns: list[Column] | None = None
    header: list[str] = field(default_factory=list)


def table_tasks(text: str, rows: list[tuple[int, int]], state: TableState | None = None) -> list[TableRow]:
    """Tasks of consecutive table rows (spans of the row paragraphs)."""
    g = grammar()
    st = state or TableState()
    out: list[TableRow] = []
    columns, header = st.columns, st.header
    above: dict[int, tuple[int, int]] = {}
    for a, b in rows:
        cells = cell_ranges(text, a, b)
        values = [text[x:y] for x, y in cells]
        cols = header_columns(values)
        if cols is not None:
            if values != header:
                columns, header, above = cols, values, {}
                st.columns, st.header = columns, header
            continue
        if columns is not None and not above and not out and (sub := sub_header(values, columns)) is not None:
            columns = st.columns = sub
            continue
        if columns is None or len(cells) != len(columns):
            continue
        if _is_section_row(text, cells, columns):
            above = {}  # a new group: merged cells do not reach across it
            continue
        index_cols = [k for k, c in enumerate(columns) if c.kind == "index"]
        role_cols = [k for k, c in enumerate(columns) if c.kind in ROLE_KINDS]
        if out and index_cols and all(cells[k][1] == cells[k][0] for k in index_cols + role_cols):
            # no row number and no unit: the rest of the row above, broken over a page — its text runs on
            texts = [cells[k] for k, c in enumerate(columns) if c.kind == "text" and cells[k][1] > cells[k][0]]
            if texts:
                out[-1].text_span = (out[-1].text_span[0], texts[-1][1])
                continue
        # unit cells merged over rows come out empty: the empty unit cells before the first filled one take
        # the value above (a lead merged over rows); after a filled one they are blank (a cell spanning
        # the unit columns to its right leaves them empty)
        first_filled = next((k for k in role_cols if cells[k][1] > cells[k][0]), None)
        own: dict[int, tuple[int, int]] = {}
        for k, (x, y) in enumerate(cells):
            if y > x:
                own[k] = (x, y)
                above[k] = (x, y)
            elif columns[k].kind != "index" and k in above and (first_filled is None or k < first_filled or k not in role_cols):
                own[k] = above[k]
        # the task text: this row's own text cells, from the first to the last
        row_text = [own[k] for k, c in enumerate(columns) if c.kind == "text" and k in own and a <= own[k][0] < b]
        role_cells = [(k, own[k]) for k in role_cols if k in own]
        if not row_text or not role_cells:
            continue
        parsed = ParsedClause(units=[])
        for k, (x, y) in role_cells:
            parsed.units.extend(units_in(text, x, y, columns[k].kind, g, spaces_separate=True))
        if not parsed.units:
            continue
        deadline = next((text[own[k][0] : own[k][1]] for k, c in enumerate(columns) if c.kind == "deadline" and k in own), None)
        row_roles = [r for _, r in role_cells if a <= r[0] < b] or [role_cells[0][1]]
        hit = ClauseHit(row_roles[0][0], row_roles[-1][1], 0, len(text), parsed, False)
        named = {c.header or f"列{k + 1}": text[own[k][0] : own[k][1]] for k, c in enumerate(columns) if k in own}
        out.append(TableRow((row_text[0][0], row_text[-1][1]), hit, deadline, named))
    return out
