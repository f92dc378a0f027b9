"""Numbering levels and heading decisions (issue #2 build item 3)."""

from __future__ import annotations

import pytest

from policyparse import parse_text
from policyparse.core.outline import match_marker, split_heading


@pytest.mark.parametrize(
    ("par", "style", "number"),
    [
        ("一、总体要求", "cn_comma", 1), ("二十三、加强领导", "cn_comma", 23), ("（十一）提高能力", "cn_paren", 11),
        ("(二)整合资源", "cn_paren", 2), ("1.拓展市场", "arabic_dot", 1), ("12．便利流转", "arabic_dot", 12),
        ("（3）做好衔接", "arabic_paren", 3), ("③加强监管", "circled", 3), ("第十二章　推进规划实施", "chapter", 12),
        ("第四节 建立1+N规划政策体系", "section", 4),
    ],
)  # fmt: skip
def test_markers(par: str, style: str, number: int) -> None:
    mk = match_marker(par)
    assert mk is not None and (mk.style, mk.number) == (style, number)


@pytest.mark.parametrize("par", ["2019年1月1日起全面施行", "5G网络", "1.5万家企业", "一是加强领导", "十九大精神"])
def test_not_markers(par: str) -> None:
    assert match_marker(par) is None


@pytest.mark.parametrize(
    ("par", "kind", "title"),
    [
        ("（二）发展目标。", "line", "发展目标"),
        ("一、总体要求", "line", "总体要求"),
        ("（一）强化统筹协调，促进重大创新政策协同。加强与三省（市）规划对接。", "run_in", "强化统筹协调，促进重大创新政策协同"),
        ("1.对未取得许可的企业，要依法责令关停。（生态环境部负责）", "untitled", None),
        ("（二）发展目标：到2025年，研发投入强度达到3%。", "run_in", "发展目标"),
        ("2.各地要做好以下工作：一是加强领导。", "untitled", None),
        ("一、对深化商事制度改革成效显著、落实事中事后监管等相关政策措施真抓实干的地方，给予激励。", "untitled", None),
    ],
)  # fmt: skip
def test_heading_decisions(par: str, kind: str, title: str | None) -> None:
    mk = match_marker(par)
    assert mk is not None
    sp = split_heading(par, mk)
    assert (sp.kind, sp.title) == (kind, title)


def test_untitled_item_is_one_task() -> None:
    doc = parse_text("某某方案\n一、主要任务\n1.对未取得许可的企业，要依法责令关停。（生态环境部负责）\n")
    sec = doc.body.sections[0].children[0]
    assert sec.title is None and sec.title_kind == "untitled"
    (task,) = sec.tasks
    assert task.text == "对未取得许可的企业，要依法责令关停。" and task.lead_units == ["生态环境部"]


def test_levels_and_numbering_through_sections() -> None:
    doc = parse_text("某某意见\n一、甲\n（一）子一。内容。\n二、乙\n（二）子二。内容。\n1.项一。内容。\n（三）子三。内容。\n")
    flat = [(s.depth, s.marker) for s in doc.body.iter_sections()]
    assert flat == [(1, "一、"), (2, "（一）"), (1, "二、"), (2, "（二）"), (3, "1."), (2, "（三）")]
    assert not [w for w in doc.warnings if w.code == "numbering_gap"]


def test_task_ids_follow_the_text_and_the_rule_carries_into_children() -> None:
    doc = parse_text(
        "某某方案\n一、任务\n加强统筹。（省科技厅、省财政厅负责，列第一位的为牵头单位，下同）\n"
        "（一）子项。推进建设。（省经信厅、省科技厅负责）\n"
    )
    t1, t2 = doc.iter_tasks()
    assert (t1.id, t2.id) == ("t1", "t2")
    assert t2.clause is not None and t2.clause.lead_rule == "first_listed_stated"
