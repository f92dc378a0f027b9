"""Held-out round 3: the messy forms real documents take — shared clauses, clauses before their task,
labels with a bracket inside, two header rows, 第X部分 — each rule tested on made-up wordings that no
corpus document shows."""

from __future__ import annotations

import pytest
from conftest import clause_roles

from policyparse import parse_text
from policyparse.core.clauses import parse_clause_content
from policyparse.core.grammar import grammar
from policyparse.core.meta import split_recipients
from policyparse.core.organs import is_branch_tail, is_kind_noun
from policyparse.core.tables import table_tasks
from policyparse.core.textnorm import line_ranges
from policyparse.core.units import units_in
from policyparse.readers.split_rows import cell_lines


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("牵头部门（单位）：州水利局；协办部门（处室）：州财政局", [("州水利局", "lead"), ("州财政局", "cooperating")]),
        ("责任单位（部门）：盟生态环境局、各旗人民政府", [("盟生态环境局", "responsible"), ("各旗人民政府", "responsible")]),
        ("县卫健局负总责，各乡镇卫生院具体负责", [("县卫健局", "lead"), ("各乡镇卫生院", "cooperating")]),
    ],
)  # fmt: skip
def test_label_with_a_bracketed_unit_noun_and_overall_responsibility(content: str, want: list[tuple[str, str]]) -> None:
    assert clause_roles(content) == want


@pytest.mark.parametrize(
    ("content", "covers", "numbers"),
    [
        ("以上任务责任单位：镇农业服务中心、各村委会", "以上任务", None),
        ("以上第2—3项任务由县交通局牵头，县公安局配合。", "以上第2—3项任务", (2, 3)),
        ("上述工作由区民政局负责", "上述工作", None),
        ("以上第二至四项措施由市体育局牵头，各区配合", "以上第二至四项措施", (2, 4)),
    ],
)
def test_covering_opening_is_read_not_taken_for_a_unit(content: str, covers: str, numbers: tuple[int, int] | None) -> None:
    p = parse_clause_content(content, bracketed=False)
    assert p is not None
    assert p.covers == covers and p.covers_numbers == numbers
    assert all(not u.name.startswith(("以上", "上述", "由")) for u in p.units)


def test_a_shared_clause_gives_each_item_above_it_a_task() -> None:
    doc = parse_text(
        "某县农业农村局关于做好春耕生产的通知\n一、重点工作\n"
        "1．组织农资下乡，保障化肥种子供应。\n2．开展农机检修，确保春耕机具完好。\n"
        "（以上任务责任单位：县农机中心、各乡镇人民政府）\n"
        "3．加强病虫害监测。（县植保站负责）\n"
        "4．培训新型职业农民。\n5．推广测土配方施肥。\n"
        "以上第4—5项任务由县农技推广中心牵头，各乡镇人民政府配合。\n"
    )
    got = [(t.text, t.lead_units, t.cooperating_units, t.clause.covers if t.clause else None) for t in doc.iter_tasks()]
    assert got == [
        ("组织农资下乡，保障化肥种子供应。", ["县农机中心"], [], "以上任务"),
        ("开展农机检修，确保春耕机具完好。", ["县农机中心"], [], "以上任务"),
        ("加强病虫害监测。", ["县植保站"], [], None),
        ("培训新型职业农民。", ["县农技推广中心"], ["各乡镇人民政府"], "以上第4—5项任务"),
        ("推广测土配方施肥。", ["县农技推广中心"], ["各乡镇人民政府"], "以上第4—5项任务"),
    ]
    assert [t.id for t in doc.iter_tasks()] == ["t1", "t2", "t3", "t4", "t5"]  # document order


def test_printed_numbers_limit_what_a_shared_clause_covers() -> None:
    doc = parse_text(
        "某区关于某事的通知\n一、任务\n1.甲事。\n2.乙事。\n3.丙事。\n以上第2—3项任务由区商务委负责。\n"
    )
    assert [t.text for t in doc.iter_tasks()] == ["乙事。", "丙事。"]


def test_a_clause_that_opens_its_item_takes_the_rest_of_the_item() -> None:
    doc = parse_text(
        "某街道关于某事的通知\n一、任务\n1．（责任科室：街道平安办）组织夜间巡查，做好隐患登记。\n"
        "2．（牵头单位（部门）：街道城建中心；配合单位（部门）：各居委会）清理楼道堆物。\n"
    )
    got = [(t.text, t.lead_units, t.cooperating_units) for t in doc.iter_tasks()]
    assert got == [
        ("组织夜间巡查，做好隐患登记。", ["街道平安办"], []),
        ("清理楼道堆物。", ["街道城建中心"], ["各居委会"]),
    ]


@pytest.mark.parametrize(
    ("s", "want"),
    [
        ("各处、室、中心", ["各处、室、中心"]),  # bare heads after 各
        ("各直属单位、下属企业", ["各直属单位、下属企业"]),  # kind prefix + head
        ("各镇人民政府、街道办事处", ["各镇人民政府、街道办事处"]),  # area noun + head
        ("各分局、市水务局", ["各分局", "市水务局"]),  # a named organ stands alone
        ("资产与实验室管理处", ["资产与实验室管理处"]),  # 与 inside one name
        ("区图书馆与区档案馆", ["区图书馆", "区档案馆"]),  # 与 between two named organs
    ],
)
def test_each_distributes_over_kinds_of_unit(s: str, want: list[str]) -> None:
    assert [u.name for u in units_in(s, 0, len(s), "responsible", grammar())] == want


def test_kind_nouns_and_branch_tails() -> None:
    assert is_kind_noun("子公司") and is_kind_noun("直属单位") and is_kind_noun("局")
    assert not is_kind_noun("设备管理处") and not is_kind_noun("各分公司")
    assert is_branch_tail("某某县支行") and is_branch_tail("分局") and not is_branch_tail("交通管理支队大楼")


def test_recipients_stay_whole_when_one_item_cannot_stand_alone() -> None:
    assert split_recipients("各旗区人民政府、盟直各委、办、局") == ["各旗区人民政府、盟直各委、办、局"]
    assert split_recipients("各乡镇人民政府、县直有关单位") == ["各乡镇人民政府", "县直有关单位"]


def test_seal_note_and_a_grid_of_signing_organs() -> None:
    doc = parse_text(
        "关于开展某项检查的通知\n各有关单位：\n现将有关事项通知如下。\n"
        "某市安全生产委员会办公室（代章）\n2025年3月1日\n"
    )
    assert doc.meta.issuers == ["某市安全生产委员会办公室"] and doc.meta.seal_note == "代章"
    doc = parse_text(
        "关于开展某项检查的通知\n各有关单位：\n现将有关事项通知如下。\n"
        "省教育厅\t省财政厅\t省人力资源社会保障厅\n省卫生健康委\n2025年3月1日\n"
    )
    assert doc.meta.issuers == ["省教育厅", "省财政厅", "省人力资源社会保障厅", "省卫生健康委"]


def test_parts_above_chapters_and_one_sentence_items() -> None:
    doc = parse_text(
        "某县行动方案\n第一部分 总体思路\n坚持问题导向。\n第二部分 主要任务\n一、夯实基础\n"
        "（一）修缮校舍，年内完成改造20所。\n（二）配齐教师，补充紧缺学科教师50名。\n"
        "以上第1—2项任务由县教育局负责。\n二、提升质量\n（一）强化教研。建立县级教研中心。（县教育局负责）\n"
    )
    heads = [(s.depth, s.marker, s.title) for s in doc.body.iter_sections()]
    assert heads[:4] == [(1, "第一部分", "总体思路"), (1, "第二部分", "主要任务"), (2, "一、", "夯实基础"), (3, "（一）", None)]
    assert (3, "（一）", "强化教研") in heads  # a run-in title keeps its title
    assert [t.text for t in doc.iter_tasks()][:2] == ["修缮校舍，年内完成改造20所。", "配齐教师，补充紧缺学科教师50名。"]


def test_a_second_header_row_names_the_unit_columns_and_remarks_are_no_text() -> None:
    text = (
        "序号\t工作事项\t责任主体\t\t备注\n"
        "\t\t牵头处室\t协同处室\t\n"
        "1\t修订采购管理办法\t法规处\t财务处 审计处\t年内完成\n"
        "2\t开展内控评估\t\t审计处\t\n"
    )
    rows = table_tasks(text, line_ranges(text, 0, len(text)))
    got = [(text[r.text_span[0] : r.text_span[1]], [(u.name, u.role) for u in r.hit.parsed.units]) for r in rows]
    assert got == [
        ("修订采购管理办法", [("法规处", "lead"), ("财务处", "cooperating"), ("审计处", "cooperating")]),
        ("开展内控评估", [("法规处", "lead"), ("审计处", "cooperating")]),  # the merged lead cell carries down
    ]
    assert rows[0].cells["备注"] == "年内完成"


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("县农业局\n县水务\n局 各乡镇\n人民政府", "县农业局 县水务局 各乡镇人民政府"),  # a name wrapped twice is read whole
        ("县财政局\n农业银行\n某某县支行", "县财政局 农业银行某某县支行"),  # a branch needs its parent
        ("县直有关\n单位\n各乡镇", "县直有关单位 各乡镇"),
    ],
)
def test_table_cell_lines(cell: str, want: str) -> None:
    assert cell_lines(cell) == want


def test_a_list_of_contacts_per_unit_is_no_task_table() -> None:
    from policyparse.core.tables import header_columns

    assert header_columns(["序号", "单位", "联系人", "联系电话（手机）"]) is None
    assert header_columns(["序号", "单位", "工作内容", "联系人"]) is not None


def test_banner_organs_take_the_banner_and_roles_come_from_their_cores() -> None:
    from policyparse.core.organs import expand_place, place_of, role_of

    p = place_of(["达拉特旗人民政府办公室"])
    assert p.district == "达拉特旗"
    assert expand_place("旗水利局", p) == "达拉特旗水利局"
    assert [role_of(n) for n in ("旗农牧局", "县林业和草原局", "市能源局", "区住房城乡建委", "省旅文厅")] == [
        "农业农村", "林草", "能源", "住房城乡建设", "文化旅游",
    ]  # fmt: skip
