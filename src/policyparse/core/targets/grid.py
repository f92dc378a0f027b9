"""Targets in tables, recognised by their shape, not by their title.

A table is a run of tab-separated rows. Its header is the first row and any row after it that
opens with empty (merged) cells and holds no number cell; a header cell left empty in the top row
spans the cells under it ("分年度任务量" over three years), so a column is named by its path
("分年度任务量/2025年约2200亩"). Then every row:
- a cell that is only a number (with or without its own unit) allocates an amount to the row's
  place, sub-sector or year in that column: a target, with the cell's unit, else the unit column's,
  else the column header's "（MW）"/"（亩）", else the table's "单位：亩";
- a text cell is read like running text (prose.py), with the column's year;
- columns of row numbers, responsible units and deadlines are skipped, and so are baseline columns
  and rows (a header or row label with 现状/已完成/基数/…情况) — what exists is not a target.
The total row (总计/合计) is kept: it is the plan's total. The year of a cell is its column header's
(2025年计划 → 2025; 2024-2026年任务量 → 2026), else its row label's, else the governing year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from policyparse.core.targets.indicators import normalize_indicator
from policyparse.core.targets.lexicon import lexicon
from policyparse.core.targets.prose import UNNUMBERED, Scope, targets_in_text
from policyparse.core.targets.quantities import DIGITS, normal_unit, number_value, read_unit
from policyparse.core.targets.years import heading_year
from policyparse.core.textnorm import cell_ranges
from policyparse.models import Comparator, Target

_BARE = regex.compile(
    rf"^\s*(?P<cmp>≥|≤|>|<|不低于|不少于|约)?\s*(?P<n1>{DIGITS})(?:\s*[-－—~～至]\s*(?P<n2>{DIGITS}))?"
    r"(?P<mult>万亿|亿|万)?(?P<unit>[^\s0-9]{0,8}?)\s*(?P<post>以上|以下|以内|左右)?\s*[。.]?\s*$"
)
_HEADER_UNIT = regex.compile(r"[（(]\s*(?:单位[：:]\s*)?(?P<u>[^（）()0-9]{1,8})\s*[）)]\s*$|单位[：:]\s*(?P<u2>[^\s，,；;）)]{1,8})")
_MARKER = regex.compile(r"^\s*(?P<m>[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,3}[、.．](?![0-9])|[一二三四五六七八九十]{1,3}、)")
_PARTY = ("单位", "部门", "主体", "牵头", "配合", "负责", "责任")
_DEADLINE = ("完成时间", "时间节点", "完成时限", "时限", "进度安排", "截止时间", "时间")
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}


@dataclass
class _Col:
    path: str
    kind: str = "value"  # index | party | deadline | unit | baseline | value
    unit: str | None = None
    year: int | None = None


def _is_number_cell(s: str) -> bool:
    """The cell is a number, with at most its own unit: "5806.12", "200辆", "35-36", "≥50%"."""
    m = _BARE.match(s)
    if m is None or not s.strip():
        return False
    unit = (m["unit"] or "").strip()
    if not unit:
        return True
    if unit.startswith("年") and len(m["n1"]) == 4:
        return False  # 2024年…: a year
    got = read_unit(unit, 0, len(unit), digits=True)
    return got is not None and got[0] == unit


def _header_rows(rows: list[list[str]]) -> int:
    n = 1
    while n < len(rows):
        r = rows[n]
        if r and not r[0].strip() and not any(_is_number_cell(c) for c in r if c.strip()):
            n += 1
            continue
        break
    return n


def _paths(head: list[list[str]], width: int) -> list[str]:
    grid = [r + [""] * (width - len(r)) for r in head]
    top = list(grid[0])
    for j in range(1, width):
        below = any(grid[r][j].strip() for r in range(1, len(grid)))
        if not top[j].strip() and below:
            top[j] = top[j - 1]
    out = []
    for j in range(width):
        parts = [top[j].strip()] + [grid[r][j].strip() for r in range(1, len(grid))]
        out.append("/".join(p for p in parts if p))
    return out


def _col_kind(path: str, cells: list[str]) -> str:
    lex = lexicon()
    last = path.split("/")[-1] if path else ""
    if last in lex.index_headers or path in lex.index_headers:
        return "index"
    if last in ("单位", "计量单位"):
        return "unit"
    if any(w in last for w in _PARTY):
        return "party"
    if any(last.startswith(w) for w in _DEADLINE):
        return "deadline"
    if any(w in path for w in lex.baseline_headers):
        return "baseline"
    return "value"


def _row_label(cells: list[str], kinds: list[_Col], name_cols: set[int]) -> str | None:
    """What names the row: its task's printed number ("（5）"), else its place or sector name
    (a short cell of a column filled in every row), else its row number, else its first text."""
    marker = None
    for j, c in enumerate(cells):
        if j < len(kinds) and kinds[j].kind in ("party", "deadline", "unit"):
            continue
        m = _MARKER.match(c)
        if m is not None and c.strip():
            marker = str(m["m"]).strip()
    if marker is not None:
        return marker
    for j, c in enumerate(cells):
        if j in name_cols and c.strip():
            return c.strip()
    for j, c in enumerate(cells):
        if j < len(kinds) and kinds[j].kind == "index" and c.strip():
            return c.strip()
    for j, c in enumerate(cells):
        if c.strip() and not _is_number_cell(c) and not (j < len(kinds) and kinds[j].kind in ("party", "deadline", "unit")):
            return c.strip()
    return None


def _name_columns(body: list[list[str]], cols: list[_Col]) -> set[int]:
    """Columns of short names filled in (nearly) every row: places, towns, sub-sectors."""
    out: set[int] = set()
    totals = lexicon().total_labels
    body = [r for r in body if not any(c.strip() in totals for c in r)]
    for j, c in enumerate(cols):
        if c.kind not in ("value",):
            continue
        cells = [r[j].strip() for r in body if j < len(r)]
        named = [v for v in cells if v and not _is_number_cell(v) and len(v) <= 12 and not regex.search(r"[。，；,;]", v)]
        if cells and len(named) >= 0.8 * len(cells):
            out.add(j)
            break
    return out


def _column_name(path: str) -> str:
    parts = [p for p in path.split("/") if p and heading_year(p) is None]
    name = "/".join(parts)
    return regex.sub(r"[（(][^）)]*[）)]$", "", name).strip() or path


def _table_unit(caption: str, head: list[list[str]]) -> str | None:
    for s in [caption, *("\t".join(r) for r in head)]:
        m = regex.search(r"单位[：:]\s*(?P<u>[^\s，,；;）)\t]{1,8})", s)
        if m is not None:
            return str(m["u"])
    return None


def _split_unit(u: str) -> tuple[float, str]:
    for p in ("万亿", "亿", "万"):
        if u.startswith(p) and len(u) > len(p):
            return _SCALE[p], u[len(p) :]
    return 1.0, u


def table_targets(text: str, rows: list[tuple[int, int]], caption: str, scope: Scope) -> list[Target]:
    """Targets of one table (spans of its row paragraphs); ``caption``: the lines printed above it."""
    spans = [cell_ranges(text, a, b) for a, b in rows]
    vals = [[text[x:y] for x, y in r] for r in spans]
    width = max(len(r) for r in vals)
    nh = _header_rows(vals)
    head = vals[:nh]
    paths = _paths(head, width)
    body = [(i, r) for i, r in enumerate(vals) if i >= nh and r != vals[0]]
    cols: list[_Col] = []
    table_unit = _table_unit(caption, head)
    for j, p in enumerate(paths):
        col = _Col(p, _col_kind(p, [r[j] for _, r in body if j < len(r)]))
        hu = _HEADER_UNIT.search(p.split("/")[-1]) if p else None
        if hu is not None:
            u = hu["u"] or hu["u2"]
            if u and read_unit(u, 0, len(u), digits=True) is not None:
                col.unit = u
        col.year = heading_year(p)
        cols.append(col)
    unit_col = next((j for j, c in enumerate(cols) if c.kind == "unit"), None)
    rows_of_cells = [r for _, r in body if sum(1 for c in r if c.strip()) > 1]
    name_cols = _name_columns(rows_of_cells, cols)
    out: list[Target] = []
    for i, r in body:
        if sum(1 for c in r if c.strip()) <= 1:
            continue  # a section row inside the table
        label = _row_label(r, cols, name_cols)
        if label is not None and any(w in label for w in lexicon().baseline_headers) and not any(
            t in label for t in lexicon().total_labels
        ):
            continue
        row_year = heading_year(label) if label else None
        row_unit = r[unit_col].strip() if unit_col is not None and unit_col < len(r) else None
        task_text = next((c for j, c in enumerate(r) if c.strip() and not _is_number_cell(c) and _MARKER.match(c)), None)
        for j, (x, y) in enumerate(spans[i]):
            if j >= len(cols) or x >= y or cols[j].kind != "value":
                continue
            col = cols[j]
            year = col.year or row_year or scope.year
            cell = text[x:y]
            if _is_number_cell(cell):
                t = _cell_target(text, x, y, col, label, year, row_unit or None, table_unit, task_text, scope)
                if t is not None:
                    out.append(t)
            elif regex.search(r"\p{Han}", cell):
                cs = replace(scope, year=year, where="table", row=label, column=col.path)
                out.extend(targets_in_text(text, x, y, cs))
    return out


def _cell_target(
    text: str, x: int, y: int, col: _Col, label: str | None, year: int | None, row_unit: str | None,
    table_unit: str | None, task_text: str | None, scope: Scope,
) -> Target | None:
    m = _BARE.match(text[x:y])
    if m is None:
        return None
    own = (m["unit"] or "").strip()
    unit_p = own or row_unit or col.unit or table_unit
    if not unit_p:
        return None
    v1 = number_value(m["n1"])
    if v1 is None:
        return None
    mult = m["mult"] or ""
    f, unit = _split_unit(unit_p)
    f *= _SCALE[mult]
    v2 = number_value(m["n2"]) if m["n2"] else None
    cmp: Comparator = "eq"
    if v2 is not None:
        cmp = "range"
    elif m["cmp"] in ("≥", "不低于", "不少于") or m["post"] == "以上":
        cmp = "ge"
    elif m["cmp"] in ("≤",) or m["post"] in ("以下", "以内"):
        cmp = "le"
    elif m["cmp"] == "约" or m["post"] == "左右":
        cmp = "approx"
    name = _column_name(col.path)
    if task_text is not None and own:
        name = _MARKER.sub("", task_text).strip(" 。")
    s0, s1 = x + (len(text[x:y]) - len(text[x:y].lstrip())), y - (len(text[x:y]) - len(text[x:y].rstrip()))
    if text[s1 - 1] in "。.":
        s1 -= 1
    return Target(
        id=UNNUMBERED, kind="quantitative", indicator=name, indicator_normalized=normalize_indicator(name),
        value=v1 * f, value_max=(v2 * f if v2 is not None else None), unit=normal_unit(unit), comparator=cmp,
        year=year, firmness="firm", text=text[s0:s1], span=(s0, s1), section_id=scope.section_id,
        value_printed=text[x:y].strip(), unit_printed=unit_p, where="table", row=label, column=col.path,
    )  # fmt: skip
