"""Targets and timeline (issue #5)."""

from __future__ import annotations

import json

import pytest
from conftest import DOCS, ZJ, parsed
from hypothesis import given
from hypothesis import strategies as st
from regen_golden import golden_path

from policyparse import PolicyDocument, parse_text
from policyparse.core.targets import normalize_indicator, parse_number, scale_unit


def test_zhejiang_targets(zhejiang: PolicyDocument) -> None:
    quant = [t for t in zhejiang.targets if t.kind == "quantitative"]
    got = [(t.value, t.value_max, t.unit, t.comparator, t.year, t.firmness) for t in quant]
    assert got == [
        (3.3, None, "%", "ge", 2025, "aspirational"),
        (70.0, None, "%", "gt", 2025, "firm"),
        (17.0, None, "件", "ge", 2025, "firm"),
        (15000.0, None, "件", "ge", 2025, "firm"),
        (2.0, 3.0, "个", "range", 2025, "aspirational"),
        (60.0, None, "%", "ge", 2025, "firm"),
        (70.0, None, "家", "gt", 2025, "firm"),
    ]
    assert [t.indicator for t in quant] == [
        "全社会R&D经费支出占GDP比重", "科技进步贡献率", "每万人高价值发明专利拥有量", "海外发明专利授权量",
        "国家实验室", "高新技术产业增加值占规上工业比重", "省际科创产业合作平台",
    ]  # fmt: skip
    assert quant[0].indicator_normalized == "研发投入强度"
    for t in zhejiang.targets:
        assert zhejiang.text[t.span[0] : t.span[1]] == t.text
        assert not any(k in t.text for k in ("5G", "IPv6", "G60", "三省一市"))
    (milestone,) = [t for t in zhejiang.targets if t.kind == "qualitative"]
    assert milestone.year == 2035 and milestone.indicator.startswith("建成高水平创新型省份")
    assert {t.section_id for t in quant} == {"1.2"}


NAMES = [n for n, _, _ in DOCS]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_targets_gold(name: str, fmt: str) -> None:
    _, txt, pdf = next(d for d in DOCS if d[0] == name)
    gold = json.loads((golden_path(name).parent / f"{name}.targets.gold.json").read_text("utf-8"))["targets"]
    doc = parsed(str(txt if fmt == "txt" else pdf))
    got = [
        {"kind": t.kind, "indicator": t.indicator, "value": t.value, "value_max": t.value_max, "unit": t.unit,
         "comparator": t.comparator, "year": t.year, "firmness": t.firmness, "text": t.text}
        for t in doc.targets
    ]  # fmt: skip
    assert got == gold


def test_forms() -> None:
    doc = parse_text(
        "某某行动方案\n一、发展目标\n到2025年，数字经济增加值年均增长15%，规上工业企业研发机构比2020年提高5个百分点，"
        "高新技术企业数量翻一番，确保新增上市公司不少于十家，培育科技型中小企业1.5万家，"
        "科技投入达到500亿元，研发人员突破20万人，单位能耗控制在0.5吨以内，引进人才2—3万人。\n"
    )
    got = {(t.value, t.value_max, t.unit, t.comparator, t.firmness) for t in doc.targets}
    assert (15.0, None, "%", "increase", "firm") in got
    assert (5.0, None, "个百分点", "increase", "firm") in got
    assert (2.0, None, "倍", "increase", "firm") in got
    assert (10.0, None, "家", "ge", "firm") in got
    assert (15000.0, None, "家", "eq", "firm") in got
    assert (5e10, None, "元", "ge", "firm") in got
    assert (200000.0, None, "人", "gt", "firm") in got
    assert (0.5, None, "吨", "le", "firm") in got
    assert (20000.0, 30000.0, "人", "range", "firm") in got
    assert all(t.year == 2025 for t in doc.targets)


def test_names_with_digits_are_no_targets_but_task_quantities_are() -> None:
    # issue #16: a commitment verb with a counted object is a target anywhere, not only in dated or goal text
    doc = parse_text("某某通知\n一、工作要求\n各地要在5G、IPv6和G60科创走廊建设中发挥作用，三省一市加强合作，支持100家企业。\n")
    assert [(t.value, t.unit, t.comparator, t.year, t.text) for t in doc.targets] == [
        (100.0, "家", "eq", None, "支持100家企业")
    ]


def test_indicator_synonyms() -> None:
    assert normalize_indicator("全社会R&D经费支出占GDP比重") == normalize_indicator("研发投入强度") == "研发投入强度"
    assert normalize_indicator("R&D投入强度") == "研发投入强度"
    # Shanghai and national wordings of the same indicator
    assert normalize_indicator("全社会研发经费支出占全市生产总值比例") == "研发投入强度"
    assert normalize_indicator("研究与试验发展经费支出占地区生产总值比重") == "研发投入强度"
    assert normalize_indicator("每万人口高价值发明专利拥有量") == normalize_indicator("每万人高价值发明专利拥有量")


@given(st.integers(0, 99999), st.booleans())
def test_parse_number_widths(n: int, fullwidth: bool) -> None:
    s = str(n)
    if fullwidth:
        s = s.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(s) == float(n)


@given(st.floats(0.01, 9999, allow_nan=False).map(lambda f: round(f, 2)), st.sampled_from(["万", "亿", ""]))
def test_scale_unit(v: float, prefix: str) -> None:
    value, unit = scale_unit(v, prefix + "元")
    assert unit == "元"
    assert value == pytest.approx(v * {"万": 1e4, "亿": 1e8, "": 1}[prefix])


@pytest.mark.parametrize(("s", "n"), [("三", 3.0), ("十", 10.0), ("二十五", 25.0), ("３.５", 3.5), ("1.5", 1.5)])
def test_parse_number_examples(s: str, n: float) -> None:
    assert parse_number(s) == n


def test_zhejiang_year_of_every_target_from_pdf() -> None:
    _, txt, pdf = next(d for d in DOCS if d[0] == ZJ)
    assert [t.year for t in parsed(str(pdf)).targets] == [t.year for t in parsed(str(txt)).targets]


def test_fullwidth_digits_and_percent() -> None:
    doc = parse_text("某某方案\n（二）发展目标\n到２０２５年，高新技术产业增加值占比达到６０％，研发投入强度力争达3.3%。\n")
    got = [(t.year, t.value, t.unit, t.firmness) for t in doc.targets]
    assert got == [(2025, 60.0, "%", "firm"), (2025, 3.3, "%", "aspirational")]
