"""Line → paragraph decisions on synthetic page geometry (A4, 16 pt body, 28 mm margins)."""

from __future__ import annotations

from policyparse.core.assemble import assemble
from policyparse.readers.base import Line, PageInfo
from policyparse.readers.pdf_layout import paragraphs_from_lines

LEFT, RIGHT, SIZE = 79.5, 520.5, 16.0


def _line(page: int, top: float, text: str, *, indent: bool = False, full: bool = True, size: float = SIZE) -> Line:
    x0 = LEFT + (2 * size if indent else 0)
    x1 = RIGHT if full else x0 + size * len(text) / 2
    return Line(page, x0, top, x1, top + size, text, "fang", size, False)


def _page_lines(page: int, body: list[Line]) -> list[Line]:
    header = Line(page, 200, 40, 400, 52, f"国务院公报 2019 年第 {page + 2} 号", "song", 12, False)
    number = Line(page, 280, 780, 320, 794, f"— {page} —", "song", 14, False)
    return [header, *body, number]


def test_running_headers_and_page_numbers_are_dropped_and_paragraphs_join() -> None:
    lines: list[Line] = []
    for p in range(1, 5):
        body = [_line(p, 100 + 29 * k, "正文内容甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未", indent=(k == 0 and p == 1)) for k in range(20)]
        lines += _page_lines(p, body)
    lines.append(_line(4, 100 + 29 * 20, "结束。", full=False))
    pages = [PageInfo(p, 595.3, 841.9, 100, 0) for p in range(1, 5)]
    raw, dropped = paragraphs_from_lines(lines, pages)
    assert sorted({d.kind for d in dropped}) == ["page_number", "running_header"]
    assert sum(d.kind == "running_header" for d in dropped) == 4
    asm = assemble(raw)
    assert len(asm.paragraphs) == 1  # one paragraph over four pages, headers and numbers left out
    assert asm.text.endswith("结束。") and "公报" not in asm.text
    assert {pr.page for pr in asm.paragraphs[0].prov} == {1, 2, 3, 4}


def test_short_line_ends_paragraph_and_indent_starts_one() -> None:
    lines = [
        _line(1, 100, "第一段第一行内容", indent=True),
        _line(1, 129, "第一段最后一行。", full=False),
        _line(1, 158, "第二段开头", indent=True, full=False),
    ]
    raw, _ = paragraphs_from_lines(lines, [PageInfo(1, 595.3, 841.9, 30, 0)])
    assert [len(r.lines) for r in raw] == [2, 1]
