"""Property tests for the normalisers (doc number, dates, numerals, spaces) and the text pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse import PolicyParseError, parse_text
from policyparse.core.dates import parse_date
from policyparse.core.doc_number import DocNumber, DocNumberError
from policyparse.core.numerals import cn_to_int
from policyparse.core.textnorm import clean_line, nonspace

CN = "零一二三四五六七八九"


def to_cn(n: int) -> str:
    """Write 1..99999 the way documents do (二十三, 一百零五)."""
    if n < 10:
        return CN[n]
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for v, u in units:
        d, n = divmod(n, v)
        if d:
            if zero:
                out += "零"
            out += ("" if (v == 10 and d == 1 and not out) else CN[d]) + u
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + CN[n]
    return out


@given(st.integers(1, 99999))
def test_cn_numerals_roundtrip(n: int) -> None:
    assert cn_to_int(to_cn(n)) == n


@pytest.mark.parametrize(("s", "n"), [("十一", 11), ("二十三", 23), ("一百零五", 105), ("两万", 20000), ("２３", 23)])
def test_cn_numerals_examples(s: str, n: int) -> None:
    assert cn_to_int(s) == n


BRACKETS = [("〔", "〕"), ("[", "]"), ("（", "）"), ("(", ")"), ("【", "】"), ("［", "］")]
FW = str.maketrans("0123456789", "０１２３４５６７８９")


@given(
    code=st.text(alphabet="浙长三角办发改财金规国苏皖沪科委", min_size=1, max_size=8),
    year=st.integers(1949, 2099),
    serial=st.integers(1, 9999),
    br=st.sampled_from(BRACKETS),
    fullwidth=st.booleans(),
    spaces=st.booleans(),
)
def test_doc_number_normalises(code: str, year: int, serial: int, br: tuple[str, str], fullwidth: bool, spaces: bool) -> None:
    y, s = str(year), str(serial)
    if fullwidth:
        y, s = y.translate(FW), s.translate(FW)
    sp = " " if spaces else ""
    dn = DocNumber.parse(f"{code}{br[0]}{y}{br[1]}{sp}{s}{sp}号")
    assert (dn.agency_code, dn.year, dn.serial) == (code, year, serial)
    assert dn.text == f"{code}〔{year}〕{serial}号"
    assert DocNumber.model_validate(dn.model_dump()) == dn
    assert DocNumber.model_validate({"text": dn.text}) == dn


@pytest.mark.parametrize("bad", ["", "2021年7月26日", "浙长三角办9号", "〔2021〕"])
def test_doc_number_rejects(bad: str) -> None:
    with pytest.raises((DocNumberError, ValueError)):
        DocNumber.parse(bad)


def cn_year(y: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(y))


@given(st.dates(min_value=dt.date(1949, 10, 1), max_value=dt.date(2099, 12, 31)), st.booleans(), st.booleans())
def test_dates(d: dt.date, chinese: bool, spaced: bool) -> None:
    if chinese:
        s = f"{cn_year(d.year)}年{to_cn(d.month)}月{to_cn(d.day)}日"
    else:
        s = f"{d.year}年{d.month}月{d.day}日"
    if spaced:
        s = s.replace("年", " 年 ").replace("月", " 月 ")
    assert parse_date(s) == d.isoformat()


def test_invalid_date_is_none() -> None:
    assert parse_date("2021年2月30日") is None


@given(st.text(alphabet="浙江省 2021年7月,.（）Ab\u3000\u00a0", max_size=40))
def test_clean_line_keeps_every_visible_character(s: str) -> None:
    c = clean_line(s)
    assert nonspace(c) == nonspace(s.replace("\u00a0", " ").replace("\u3000", " "))
    assert "  " not in c and c == c.strip()


def test_cjk_spaces_removed() -> None:
    assert clean_line("到 2025 年 ，打造 G60 科创走廊") == "到2025年，打造G60科创走廊"
    assert clean_line("税 务 总 局 办 公 厅") == "税务总局办公厅"
    assert clean_line("Windows  XP 系统") == "Windows XP系统"
    assert clean_line("2014\u00ad2020 年") == "2014-2020年"


LINE = st.text(alphabet="一二三、（）()1.。，：责任单位省科技厅负责关于通知附件抄送年月日号〔〕\n 文件", max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_text_pipeline_fuzz(lines: list[str]) -> None:
    """Any text either parses with every span invariant holding, or raises a PolicyParseError."""
    try:
        doc = parse_text("\n".join(lines))
    except PolicyParseError:
        return
    t = doc.text
    for p in doc.iter_paragraphs():
        assert t[p.span[0] : p.span[1]].strip()
    for task in doc.iter_tasks():
        assert t[task.span[0] : task.span[1]] == task.text
        for u in task.units:
            assert u.span is not None and t[u.span[0] : u.span[1]] == u.name
    for part in doc.parts():
        for s in part.iter_sections():
            if s.title_span:
                assert t[s.title_span[0] : s.title_span[1]] == s.title
