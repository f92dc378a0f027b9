"""Radical and compatibility code points are read as the ideographs they stand for; portal chrome goes."""

from __future__ import annotations

import unicodedata

import pytest
import regex

from policyparse import parse_text
from policyparse.core.chrome import is_portal_chrome
from policyparse.core.textnorm import code_point_report, normalize_chars, unified_ideograph
from policyparse.models import Dropped
from policyparse.readers.base import Line, PageInfo
from policyparse.readers.margins import strip_margins

HAN = regex.compile(r"\p{Han}")


def test_every_kangxi_radical_maps_to_a_unified_ideograph() -> None:
    for cp in range(0x2F00, 0x2FD6):
        u = unified_ideograph(chr(cp))
        assert u != chr(cp) and HAN.fullmatch(u), hex(cp)
        assert u == unicodedata.normalize("NFKC", chr(cp))


def test_every_supplement_radical_with_an_equivalent_maps() -> None:
    assigned = [cp for cp in range(0x2E80, 0x2F00) if unicodedata.category(chr(cp)) != "Cn"]
    unmapped = [hex(cp) for cp in assigned if unified_ideograph(chr(cp)) == chr(cp)]
    assert unmapped == ["0x2e80"]  # CJK RADICAL REPEAT has no unified equivalent
    for cp in assigned[1:]:
        assert HAN.fullmatch(unified_ideograph(chr(cp))), hex(cp)
    # the ones real text layers carry
    assert normalize_chars("各部⻔ ⼈⺠ 意⻅ ⻓江 ⻛险 ⻋辆 ⻜机 ⻘年") == "各部门 人民 意见 长江 风险 车辆 飞机 青年"


def test_compatibility_ideographs_and_private_use() -> None:
    assert normalize_chars("\uf900\ufa10") == unicodedata.normalize("NFKC", "\uf900\ufa10")
    assert code_point_report("⼀、\uf900\ue000\ue001") == {"mapped": 2, "private_use": 2}


def test_mapping_keeps_offsets() -> None:
    s = "⼀、总体要求 2025年8⽉21⽇"
    assert len(normalize_chars(s)) == len(s.replace(" ", "\u00a0").replace("\u00a0", " "))


def test_radicals_in_a_made_up_notice() -> None:
    doc = parse_text(
        "市⽣态环境局关于开展⼗项⾏动的通知\n各区⼈⺠政府：\n⼀、⼯作⽬标\n（⼀）加强监测。到2026年，建成站点12个。"
        "（责任单位：市⽣态环境局）\n市⽣态环境局\n2026年3⽉5⽇"
    )
    assert doc.meta.title == "市生态环境局关于开展十项行动的通知"
    assert doc.meta.date == "2026-03-05"
    assert [s.marker for s in doc.body.iter_sections()] == ["一、", "（一）"]
    assert [w.code for w in doc.warnings if w.code == "code_points_mapped"]


@pytest.mark.parametrize(
    "line",
    [
        "发布日期：2024-03-02　　来源：区住建委　　字体：【大】【中】【小】",
        "信息来源：县政府办公室 浏览次数：1024",
        "【打印本页】【关闭窗口】",
        "扫一扫在手机打开当前页",
        "分享到：",
    ],
)
def test_portal_lines_are_chrome(line: str) -> None:
    assert is_portal_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "资金来源：由区级财政统筹安排。",
        "来源：本单位统计",  # one weak item alone could be a table note
        "（三）打印设备管理：各部门打印机集中采购。",
        "一、总体要求",
        "作者：张三",
    ],
)
def test_body_lines_are_not_chrome(line: str) -> None:
    assert not is_portal_chrome(line)


def _ln(page: int, top: float, x0: float, text: str, size: float = 9.0) -> Line:
    return Line(page, x0, top, x0 + len(text) * size * 0.6, top + size, text, "other", size, False)


def test_browser_print_header_and_footer_on_a_two_page_print() -> None:
    pages = [PageInfo(1, 595, 842, 300, 0), PageInfo(2, 595, 842, 300, 0)]
    lines = []
    for p in (1, 2):
        lines += [
            _ln(p, 15, 24, "3/8/26, 10:05 AM"),
            _ln(p, 15, 250, "某县人民政府关于印发某某方案的通知_某县人民政府门户网站"),
            _ln(p, 816, 24, "https://www.example.gov.cn/art/2026/3/8/art_1_2.html"),
            _ln(p, 816, 560, f"{p}/2"),
            _ln(p, 120, 90, "正文第一段。", 16.0),
        ]
    m = strip_margins(lines, pages)
    assert [ln.text for ln in m.kept] == ["正文第一段。", "正文第一段。"]
    assert {d.kind for d in m.dropped} == {"running_header", "page_number"}
    assert all(isinstance(d, Dropped) for d in m.dropped)
    assert m.page_title == "某县人民政府关于印发某某方案的通知_某县人民政府门户网站"


def test_page_title_becomes_the_title_when_the_body_has_none() -> None:
    from policyparse.core.meta import title_from_page
    from policyparse.models import Meta

    assert title_from_page(Meta(), "某县人民政府关于印发某某方案的通知_某县人民政府门户网站").title == (
        "某县人民政府关于印发某某方案的通知"
    )
    assert title_from_page(Meta(), "首页 - 某县人民政府").title is None
