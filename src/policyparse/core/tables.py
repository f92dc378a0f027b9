"""Stage 4c (fields): task-division tables (任务分工表) — each row a task, columns by their header.

Rows arrive as paragraphs whose cells are separated by tabs (from pdfplumber's table extraction,
or tab-separated text input). An empty cell takes the value above it: that is how merged cells
("重点任务" spanning two rows) come out of extraction. A header repeated on the next page is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyparse.core.clauses import ClauseHit, ParsedClause, grammar, units_in

ROLE_KINDS = ("lead", "cooperating", "responsible")


@dataclass(frozen=True)
class Column:
    kind: str  # index | text | lead | cooperating | responsible | deadline


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if text[i] == "\t":
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out


def header_columns(cells: list[str]) -> list[Column] | None:
    """Column kinds from a header row, or None when the row is not a task-table header."""
    g = grammar()
    kinds: list[Column] = []
    for c in cells:
        c = c.strip()
        if c in g.labels:
            kinds.append(Column(g.labels[c]))
        elif c in g.table_index_columns:
            kinds.append(Column("index"))
        else:
            kinds.append(Column("text"))
    if not any(k.kind in ROLE_KINDS for k in kinds):
        return None
    return kinds


@dataclass
class TableRow:
    """One row read as a task: where its text is, and its clause as the grammar would give it."""

    text_span: tuple[int, int]
    hit: ClauseHit
    deadline: str | None


def table_tasks(text: str, rows: list[tuple[int, int]]) -> list[TableRow]:
    """Tasks of consecutive table rows (spans of the row paragraphs)."""
    g = grammar()
    out: list[TableRow] = []
    columns: list[Column] | None = None
    header: list[str] = []
    above: dict[int, tuple[int, int]] = {}
    for a, b in rows:
        cells = _cells(text, a, b)
        values = [text[x:y] for x, y in cells]
        cols = header_columns(values)
        if cols is not None:
            if values != header:
                columns, header, above = cols, values, {}
            continue
        if columns is None or len(cells) != len(columns):
            continue
        index_cols = [k for k, c in enumerate(columns) if c.kind == "index"]
        if out and index_cols and all(cells[k][1] == cells[k][0] for k in index_cols):
            # no row number: the rest of the row above, broken over a page — its text runs on
            texts = [cells[k] for k, c in enumerate(columns) if c.kind == "text" and cells[k][1] > cells[k][0]]
            roles = [k for k, c in enumerate(columns) if c.kind in ROLE_KINDS]
            if texts and all(cells[k][1] == cells[k][0] for k in roles):
                out[-1].text_span = (out[-1].text_span[0], texts[-1][1])
                continue
        own: dict[int, tuple[int, int]] = {}
        for k, (x, y) in enumerate(cells):
            if y > x:
                own[k] = (x, y)
                above[k] = (x, y)
            elif columns[k].kind != "index" and k in above:
                own[k] = above[k]
        text_cells = [own[k] for k, c in enumerate(columns) if c.kind == "text" and k in own]
        role_cells = [(k, own[k]) for k, c in enumerate(columns) if c.kind in ROLE_KINDS and k in own]
        if not text_cells or not role_cells:
            continue
        parsed = ParsedClause(units=[])
        for k, (x, y) in role_cells:
            parsed.units.extend(units_in(text, x, y, columns[k].kind, g))
        if not parsed.units:
            continue
        deadline = next((text[own[k][0] : own[k][1]] for k, c in enumerate(columns) if c.kind == "deadline" and k in own), None)
        row_roles = [r for _, r in role_cells if a <= r[0] < b] or [role_cells[0][1]]
        cstart, cend = row_roles[0][0], row_roles[-1][1]
        # the task text: this row's text cells, from the first to the last
        row_text = [r for r in text_cells if a <= r[0] < b] or text_cells
        hit = ClauseHit(cstart, cend, 0, len(text), parsed, False)
        out.append(TableRow((row_text[0][0], row_text[-1][1]), hit, deadline))
    return out
