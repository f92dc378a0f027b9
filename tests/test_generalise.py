"""Issue #9: every rule is a composition, tested on made-up wordings that no corpus document shows."""

from __future__ import annotations

import pytest
from conftest import clause_roles

from policyparse import parse_text
from policyparse.core.clauses import looks_like_clause, parse_clause_content
from policyparse.core.grammar import grammar
from policyparse.core.meta import issuers_from_title, split_recipients
from policyparse.core.organs import is_organ, place_of, role_of, split_joined_organs
from policyparse.core.tables import column_kind
from policyparse.core.units import units_in


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("主要责任单位：县交通运输局", [("县交通运输局", "lead")]),  # 主要责任 = 主责
        ("牵头部门：州林草局；配合部门：州财政局", [("州林草局", "lead"), ("州财政局", "cooperating")]),
        ("配合处室：法规处、财务处", [("法规处", "cooperating"), ("财务处", "cooperating")]),
        ("实施主体：各乡镇人民政府", [("各乡镇人民政府", "responsible")]),
        ("支撑单位：市大数据集团", [("市大数据集团", "cooperating")]),
        ("协作单位：县供电公司", [("县供电公司", "cooperating")]),
        ("参加部门：旗教育局、旗卫健委", [("旗教育局", "cooperating"), ("旗卫健委", "cooperating")]),
        ("督办单位：市政府督查室", [("市政府督查室", "responsible")]),
        ("责任科室：综合科", [("综合科", "responsible")]),
    ],
)  # fmt: skip
def test_labels_by_composition(content: str, want: list[tuple[str, str]]) -> None:
    assert clause_roles(content) == want


def test_unknown_label_morpheme_still_gives_units_and_a_warning() -> None:
    doc = parse_text("某县关于某事的通知\n一、任务\n（一）做事。做好某事。（督导单位：县纪委监委）\n")
    t = next(doc.iter_tasks())
    assert [u.name for u in t.units] == ["县纪委监委"]
    assert [w for w in doc.warnings if w.code == "unknown_clause_label"]


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("市住建局牵头，市城管局、市水务局配合做好", [("市住建局", "lead"), ("市城管局", "cooperating"), ("市水务局", "cooperating")]),
        ("由区卫健委负责，区民政局协助", [("区卫健委", "responsible"), ("区民政局", "cooperating")]),
        ("市交通局会同市公安局负责", [("市交通局", "lead"), ("市公安局", "cooperating")]),
        ("市商务局牵头，各县（市、区）政府抓好落实", [("市商务局", "lead"), ("各县（市、区）政府", "cooperating")]),
        ("县文旅局组织落实", [("县文旅局", "responsible")]),
        ("州农业农村局、州水利局按职责分工落实", [("州农业农村局", "responsible"), ("州水利局", "responsible")]),
    ],
)  # fmt: skip
def test_role_phrases_by_composition(content: str, want: list[tuple[str, str]]) -> None:
    assert clause_roles(content) == want


@pytest.mark.parametrize("content", ["含居住证办理", "联系人：王某，联系电话：12345678", "以人民为中心", "详见附件"])
def test_not_clauses(content: str) -> None:
    assert parse_clause_content(content) is None and not looks_like_clause(content)


@pytest.mark.parametrize(
    ("s", "want"),
    [
        ("各区、县（市）", ["各区、县（市）"]),
        ("各市、县（市、区）人民政府", ["各市、县（市、区）人民政府"]),
        ("各乡、镇人民政府、县直有关单位", ["各乡、镇人民政府", "县直有关单位"]),
        ("省发展改革委、省财政厅等", ["省发展改革委", "省财政厅"]),
        ("市城管局和市水务局", ["市城管局", "市水务局"]),
        ("有关部门和单位", ["有关部门和单位"]),
        ("西安市政府及各区、县（市）政府", ["西安市政府", "各区、县（市）政府"]),
        ("—", []),
    ],
)  # fmt: skip
def test_unit_lists(s: str, want: list[str]) -> None:
    assert [u.name for u in units_in(s, 0, len(s), "responsible", grammar())] == want


@pytest.mark.parametrize(
    ("name", "organ", "role"),
    [
        ("县市场监管局", True, "市场监管"), ("镇综治办", True, None), ("区城市管理委", True, "城管执法"),
        ("市政务服务中心", True, None), ("街道城运中心", True, "数据"), ("县消防救援大队", True, "消防"),
        ("物业服务企业", False, None), ("施工单位", False, None), ("优化站点布局", False, None),
        ("成立工作专班", False, None), ("工作部署", False, None),
    ],
)  # fmt: skip
def test_organ_morphology(name: str, organ: bool, role: str | None) -> None:
    assert is_organ(name) == organ
    if organ:
        assert role_of(name) == role


def test_place_and_canonical_of_an_organ_outside_the_lexicon() -> None:
    doc = parse_text(
        "成都市武侯区人民政府办公室关于印发某方案的通知\n各街道办事处，区级各部门：\n现将方案印发给你们。\n"
        "成都市武侯区人民政府办公室\n2025年4月1日\n某方案\n一、任务\n（一）建设绿道。建成绿道5公里。（责任单位：区公园城市局）\n"
    )
    u = next(doc.iter_tasks()).units[0]
    assert u.canonical == "成都市武侯区公园城市局" and u.resolved_by == "rule"
    assert [w.code for w in doc.warnings].count("unknown_units") == 1
    assert place_of(["成都市武侯区人民政府办公室"]).district == "武侯区"


DUTIES = """\
某县关于做好防汛工作的通知
一、职责分工
县应急局：负责统筹协调全县防汛工作，组织开展应急演练。
县水利局、县气象局：负责雨情水情监测预报。
（一）县住建局
1.负责城区排水设施巡查；
2.组织在建工地防汛隐患排查。
（二）物业服务企业
1.做好小区地下空间防汛。
二、工作要求
3.镇综治办。牵头组织网格员开展巡查。
"""


def test_unit_first_divisions_of_duties() -> None:
    tasks = list(parse_text(DUTIES).iter_tasks())
    got = [(t.text, [u.name for u in t.units], t.lead_units) for t in tasks]
    assert got == [
        ("负责统筹协调全县防汛工作，组织开展应急演练。", ["县应急局"], ["县应急局"]),
        ("负责雨情水情监测预报。", ["县水利局", "县气象局"], ["县水利局"]),
        ("负责城区排水设施巡查；", ["县住建局"], ["县住建局"]),
        ("组织在建工地防汛隐患排查。", ["县住建局"], ["县住建局"]),
        ("牵头组织网格员开展巡查。", ["镇综治办"], ["镇综治办"]),
    ]  # 物业服务企业 is a party, not an organ: no duty task
    assert tasks[-1].clause is not None and tasks[-1].clause.lead_rule == "explicit"
    assert all(t.clause is not None and t.clause.style == "duty" for t in tasks)


TABLE = """\
某省重点工作任务分工方案
一、任务分工
主责处室\t重点工作\t序号\t具体举措\t完成时间\t协同处室
一、稳增长\t\t\t\t\t
综合处\t扩大有效投资\t1\t推动重大项目开工。\t2025年6月底前\t投资处 规划处
\t\t2\t加快专项债发行使用。\t2025年9月底前\t—
法规处\t优化营商环境\t3\t清理妨碍统一市场的规定。\t持续推进\t
主责处室\t重点工作\t序号\t具体举措\t完成时间\t协同处室
\t\t4\t开展政策评估。\t2025年底前\t综合处
"""


def test_task_table_by_header_meaning() -> None:
    assert [column_kind(h) for h in TABLE.splitlines()[2].split("\t")] == [
        "lead", "text", "index", "text", "deadline", "cooperating",
    ]  # fmt: skip
    tasks = list(parse_text(TABLE).iter_tasks())
    got = [(t.text, t.lead_units, t.cooperating_units, t.deadline) for t in tasks]
    assert got == [
        ("扩大有效投资\t1\t推动重大项目开工。", ["综合处"], ["投资处", "规划处"], "2025年6月底前"),
        ("加快专项债发行使用。", ["综合处"], [], "2025年9月底前"),  # lead merged from above, "—" no unit
        ("优化营商环境\t3\t清理妨碍统一市场的规定。", ["法规处"], [], "持续推进"),
        ("开展政策评估。", ["法规处"], ["综合处"], "2025年底前"),  # the header repeated on a new page
    ]
    assert tasks[0].cells is not None and tasks[0].cells["重点工作"] == "扩大有效投资"


@pytest.mark.parametrize(
    ("par", "kind", "title"),
    [
        ("（一）第一阶段：动员部署", "line", "第一阶段：动员部署"),
        ("（二）工作目标：到2027年，全县污水收集率达到90%。", "run_in", "工作目标"),
        ("3.完成老旧管网改造12公里。（牵头单位：县住建局）", "untitled", None),
        ("2.落实汛期值班制度；", "untitled", None),
    ],
)  # fmt: skip
def test_heading_shapes(par: str, kind: str, title: str | None) -> None:
    from policyparse.core.outline import match_marker, split_heading

    mk = match_marker(par)
    assert mk is not None
    assert (split_heading(par, mk).kind, split_heading(par, mk).title) == (kind, title)


def test_marker_before_digits_where_the_numbering_expects_it() -> None:
    doc = parse_text("某方案\n一、任务\n1.建设场馆。\n2.2025年底前完成验收。\n3.100个社区全覆盖。\n")
    assert [s.marker for s in doc.body.sections[0].children] == ["1.", "2.", "3."]
    assert parse_text("某方案\n一、任务\n1.5万家企业纳入名录。\n").body.sections[0].children == []


def test_metadata_without_a_full_frame() -> None:
    assert issuers_from_title("省教育厅、省财政厅关于做好资助工作的通知") == ["省教育厅", "省财政厅"]
    assert issuers_from_title("江苏省教育厅江苏省财政厅关于做好资助工作的通知") == ["江苏省教育厅", "江苏省财政厅"]
    assert split_joined_organs("不是机关名称") == []
    assert split_recipients("各设区市人民政府、省各有关部门") == ["各设区市人民政府", "省各有关部门"]
    assert split_recipients("各市、县（市、区）人民政府") == ["各市、县（市、区）人民政府"]
    assert split_recipients("市政府各委、办、局") == ["市政府各委、办、局"]
    doc = parse_text("省教育厅、省财政厅关于做好资助工作的通知\n各设区市教育局、财政局：\n现通知如下。\n省教育厅　省财政厅\n2025年3月1日\n")
    assert doc.meta.signatories == ["省教育厅", "省财政厅"] and doc.meta.date == "2025-03-01"


def test_roles_in_brackets_after_units() -> None:
    assert clause_roles("责任单位：市水务局（牵头），市财政局、各镇（街道）") == [
        ("市水务局", "lead"), ("市财政局", "responsible"), ("各镇（街道）", "responsible"),
    ]  # fmt: skip
    assert clause_roles("责任单位：县交通局（牵头）、各乡镇（具体实施）") == [("县交通局", "lead"), ("各乡镇", "cooperating")]
    assert clause_roles("责任单位：市商务局（配合）") == [("市商务局", "cooperating")]


def test_bare_unit_list_is_a_clause_only_after_a_sentence() -> None:
    doc = parse_text("某部关于某事的通知\n一、任务\n1.加强监测。建立监测网络。（交通运输部、应急管理部）\n"
                     "2.优化布局。由省推进办（省发展改革委）统筹协调，各乡镇（街道）落实。\n")  # fmt: skip
    (t,) = doc.iter_tasks()
    assert [u.name for u in t.units] == ["交通运输部", "应急管理部"] and t.text == "建立监测网络。"


def test_clause_in_lenticular_brackets() -> None:
    doc = parse_text("某区方案\n一、任务\n（一）治理拥堵。设置接送区。【牵头单位：区交通局；配合单位：区教育局】\n")
    (t,) = doc.iter_tasks()
    assert t.lead_units == ["区交通局"] and t.cooperating_units == ["区教育局"]


def test_lead_rule_stated_after_the_clauses() -> None:
    doc = parse_text(
        "某部等三部门关于印发某方案的通知\n一、任务\n1.治理河湖。实施清淤。（水利部、生态环境部）\n"
        "2.保护湿地。修复湿地。（国家林草局牵头，自然资源部参与）\n注：排名第一的为牵头部门，其他为参与部门。\n"
    )
    t1, t2 = doc.iter_tasks()
    assert (t1.lead_units, t1.cooperating_units) == (["水利部"], ["生态环境部"])
    assert t1.clause is not None and t1.clause.lead_rule == "first_listed_stated"
    assert t2.clause is not None and t2.clause.lead_rule == "explicit"


def test_article_markers() -> None:
    doc = parse_text("某区整治办法\n第一章 总则\n第一条　为规范管理，制定本办法。\n第二章 措施\n第二条　加强巡查。开展巡查。（区城管局负责）\n")
    assert [(s.style, s.marker, s.depth) for s in doc.body.iter_sections()] == [
        ("chapter", "第一章", 1), ("article", "第一条", 2), ("chapter", "第二章", 1), ("article", "第二条", 2),
    ]  # fmt: skip
    assert next(doc.iter_tasks()).lead_units == ["区城管局"]


def test_bare_organ_types_lean_on_the_place_before_them() -> None:
    assert split_recipients("各县卫生健康局、医保局、财政局") == ["各县卫生健康局、医保局、财政局"]
    assert split_recipients("滨海新区教育局、滨海公安分局、区城市管理委") == ["滨海新区教育局", "滨海公安分局", "区城市管理委"]


def test_table_row_cut_by_a_page_break_is_joined() -> None:
    from policyparse.readers.base import Line
    from policyparse.readers.split_rows import join_split_rows

    def row(page: int, top: float, text: str) -> Line:
        return Line(page, 60, top, 540, top + 20, text, "other", 10.0, False, (), True)

    lines = [
        row(1, 700, "1\t推进某片区规划\t区规划局、"),
        row(2, 80, "\t研究\t区建设委"),
        row(2, 120, "2\t完成某改造。\t区房管局"),
        row(2, 700, "3\t完成某工程。\t区水务局"),
        row(3, 80, "\t\t区财政局"),  # the rest of a unit cell: another name, set apart by a space
        row(3, 120, "\t完成某整治。\t区城管局"),  # a row of its own: merged number, a complete cell above it
    ]
    got = [ln.text for ln in join_split_rows(lines)]
    assert got == [
        "1\t推进某片区规划研究\t区规划局、区建设委", "2\t完成某改造。\t区房管局", "3\t完成某工程。\t区水务局 区财政局",
        "\t完成某整治。\t区城管局",
    ]  # fmt: skip
    from policyparse.readers.split_rows import cell_lines

    assert cell_lines("设施运行处\n设施养护处") == "设施运行处 设施养护处"
    assert cell_lines("上海市绿化和市\n容管理局") == "上海市绿化和市容管理局"
    assert cell_lines("区建设管理委\n员会") == "区建设管理委员会"
