"""Responsibility clauses in every common style (issue #4), on realistic text."""

from __future__ import annotations

import pytest
from conftest import clause_roles

from policyparse import parse_text
from policyparse.core.clauses import parse_clause_content


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("责任单位：省发展改革委、省科技厅，列第一位的为牵头单位，下同", ["省发展改革委", "省科技厅"]),
        ("责任单位：省科技厅", ["省科技厅"]),
        ("工业和信息化部、发展改革委等负责。列第一位者为牵头单位，下同", ["工业和信息化部", "发展改革委"]),
        ("海关总署负责", ["海关总署"]),
        ("各有关部门和单位按职责分工负责", ["各有关部门和单位"]),
        ("财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责",
         ["财政部", "人力资源社会保障部", "民政部", "有关部门和单位"]),
        ("全国总工会等和各省级人民政府负责", ["全国总工会", "各省级人民政府"]),
        ("税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同", ["税务总局", "财政部", "海关总署"]),
        ("牵头单位：省科技厅；配合单位：省财政厅、省教育厅", ["省科技厅", "省财政厅", "省教育厅"]),
        ("牵头部门：市科委、市发展改革委；配合部门：市财政局", ["市科委", "市发展改革委", "市财政局"]),
    ],
)  # fmt: skip
def test_clauseclause_roles(content: str, names: list[str]) -> None:
    assert [n for n, _ in clause_roles(content)] == names


@pytest.mark.parametrize("content", ["市、区", "装置", "IPv6", "智慧海洋实验室", "此件公开发布", "国发〔2018〕41号",
                                     "具体办法由财政部负责制定", "2025年底前完成"])  # fmt: skip
def test_not_clauses(content: str) -> None:
    assert parse_clause_content(content) is None


def test_roles() -> None:
    assert clause_roles("牵头单位：省科技厅；配合单位：省财政厅、省教育厅") == [
        ("省科技厅", "lead"), ("省财政厅", "cooperating"), ("省教育厅", "cooperating"),
    ]  # fmt: skip
    assert clause_roles("国家发展改革委会同有关部门负责") == [("国家发展改革委", "lead"), ("有关部门", "cooperating")]
    assert clause_roles("生态环境部牵头，国家发展改革委、农业农村部参与") == [
        ("生态环境部", "lead"), ("国家发展改革委", "cooperating"), ("农业农村部", "cooperating"),
    ]  # fmt: skip


DOC = """\
上海市科技创新行动方案
一、重点任务
（一）建设创新平台。推动重大科技基础设施建设。（牵头单位：市科委、市发展改革委；配合单位：市财政局）
（二）培育创新主体。支持企业建设研发机构。（2025年底前完成）（责任单位：市经济信息化委，市科委）
（三）优化创新生态。完善科技金融服务体系。
责任单位：市地方金融监管局、市科委
（四）强化人才支撑。引进海外高层次人才。
（责任单位：市人力资源社会保障局）
（五）加强科普工作。提升公民科学素质。（市科协负责，持续推进）
"""


def test_styles_in_a_document() -> None:
    doc = parse_text(DOC)
    tasks = list(doc.iter_tasks())
    assert [t.text for t in tasks] == [
        "推动重大科技基础设施建设。", "支持企业建设研发机构。", "完善科技金融服务体系。", "引进海外高层次人才。",
        "提升公民科学素质。",
    ]  # fmt: skip
    t1, t2, t3, t4, t5 = tasks
    assert t1.lead_units == ["市科委", "市发展改革委"] and t1.cooperating_units == ["市财政局"]
    assert t1.clause is not None and t1.clause.lead_rule == "explicit"
    assert t2.deadline == "2025年底前完成" and t2.lead_units == ["市经济信息化委"]
    assert t2.clause is not None and t2.clause.lead_rule == "first_listed_convention"
    assert t3.clause is not None and t3.clause.style == "standalone"
    assert [u.name for u in t3.units] == ["市地方金融监管局", "市科委"]
    assert t4.clause is not None and t4.clause.style == "standalone" and t4.lead_units == ["市人力资源社会保障局"]
    assert t5.units[0].name == "市科协"
    # Shanghai's document: 市科委 is the 科学技术委员会, sharing the role 科技 with 浙江省科学技术厅
    assert t1.units[0].canonical is None or t1.units[0].role == "科技"


def test_same_unit_three_ways() -> None:
    text = """\
浙江省科技创新工作方案
浙科发〔2022〕1号
一、重点任务
（一）建设平台。推进实验室建设。（责任单位：省科技厅）
（二）培育主体。支持企业研发。（责任单位：浙江省科学技术厅、省财政厅）
（三）优化生态。完善服务体系。（责任单位：浙江省科技厅）
"""
    doc = parse_text(text)
    canon = {u.name: u.canonical for t in doc.iter_tasks() for u in t.units}
    assert canon["省科技厅"] == canon["浙江省科学技术厅"] == canon["浙江省科技厅"] == "浙江省科学技术厅"


def test_unknown_unit_kept_and_warned() -> None:
    doc = parse_text("关于某事的通知\n一、任务\n（一）做事。做好某事。（责任单位：某某协调推进中心）\n")
    t = next(doc.iter_tasks())
    assert t.units[0].name == "某某协调推进中心" and t.units[0].canonical is None
    assert [w for w in doc.warnings if w.code == "unknown_units" and "某某协调推进中心" in w.message]


def test_roles_shared_across_provinces() -> None:
    from policyparse.core.agencies import lexicon

    lex = lexicon()
    zj, sh = lex.resolve("省科技厅", "浙江"), lex.resolve("市科委", "上海")
    js, ah = lex.resolve("江苏省科学技术厅"), lex.resolve("省科技厅", "安徽")
    assert zj and sh and js and ah
    assert zj.role == sh.role == js.role == ah.role == "科技"
    assert sh.canonical == "上海市科学技术委员会" and ah.canonical == "安徽省科学技术厅"


LINES = """\
安徽省科技创新行动方案
一、重点任务
（一）建设创新平台。推进省实验室建设，争创国家重点实验室。
牵头单位：省科技厅
配合单位：省发展改革委、省财政厅
完成时限：2025年底
（二）培育创新主体。支持企业建设研发机构。（牵头单位：省经信厅）（配合单位：省科技厅）
"""


def test_clause_parts_on_consecutive_lines_are_one_clause() -> None:
    doc = parse_text(LINES)
    t1, t2 = doc.iter_tasks()
    assert t1.text == "推进省实验室建设，争创国家重点实验室。"
    assert t1.lead_units == ["省科技厅"] and t1.cooperating_units == ["省发展改革委", "省财政厅"]
    assert t1.deadline == "2025年底"
    assert t1.clause is not None and t1.clause.text == "牵头单位：省科技厅\n配合单位：省发展改革委、省财政厅\n完成时限：2025年底"
    assert t1.clause.style == "standalone"
    assert t2.lead_units == ["省经信厅"] and t2.cooperating_units == ["省科技厅"]
    assert t2.clause is not None and t2.clause.style == "bracket_role"
    assert all(u.canonical and u.canonical.startswith("安徽省") for t in (t1, t2) for u in t.units)
    for t in (t1, t2):
        for u in t.units:
            assert u.span is not None and doc.text[u.span[0] : u.span[1]] == u.name
    assert not [w for w in doc.warnings if w.code == "clause_without_task"]


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("牵头单位：省科技厅，配合单位：省发展改革委、省财政厅",
         [("省科技厅", "lead"), ("省发展改革委", "cooperating"), ("省财政厅", "cooperating")]),
        ("责任单位：省科技厅牵头，省财政厅配合", [("省科技厅", "lead"), ("省财政厅", "cooperating")]),
        ("责任部门：市科委、市发展改革委按职责分工负责", [("市科委", "responsible"), ("市发展改革委", "responsible")]),
        ("牵头单位：省科技厅负责", [("省科技厅", "lead")]),
        # any phrase after a lead's clause marks cooperation (issue #9)
        ("省科技厅牵头，省发展改革委、省财政厅等按职责分工负责",
         [("省科技厅", "lead"), ("省发展改革委", "cooperating"), ("省财政厅", "cooperating")]),
    ],
)  # fmt: skip
def test_mixed_wordings(content: str, want: list[tuple[str, str]]) -> None:
    assert clause_roles(content) == want
