"""The edges of the target definition (issue #16, docs/targets.md), on made-up sentences."""

from __future__ import annotations

from policyparse import PolicyDocument, parse_text


def _doc(body: str, title: str = "某区某某工作方案") -> PolicyDocument:
    return parse_text(f"{title}\n{body}\n")


def _got(doc: PolicyDocument) -> list[tuple[object, ...]]:
    return [(t.value, t.value_max, t.unit, t.comparator, t.year) for t in doc.targets if t.kind == "quantitative"]


def test_baseline_and_target_in_one_sentence() -> None:
    doc = _doc("一、工作目标\n截至2023年底，全区已建成社区食堂45家，到2025年新增社区食堂30家。")
    assert _got(doc) == [(30.0, None, "家", "eq", 2025)]
    doc = _doc("一、主要任务\n目前全区共有公共充电桩1.2万个，计划新建公共充电桩5000个。")
    assert _got(doc) == [(5000.0, None, "个", "eq", None)]


def test_past_year_statement_is_no_target() -> None:
    doc = _doc("一、工作基础\n2022年，全区新增绿地120公顷。\n二、工作目标\n2025年，全区新增绿地150公顷。", "某区绿化工作方案（2025年）")
    # the background section states what was done; the dated goal is the target
    assert _got(doc) == [(150.0, None, "公顷", "eq", 2025)]


def test_counts_of_the_plans_own_items_and_listed_places() -> None:
    doc = _doc("一、主要任务\n本方案围绕5个方面提出18项重点任务，其中新建口袋公园12座。聚焦4个新城（甲城、乙城、丙城、丁城），提升公共服务能级。")
    assert _got(doc) == [(12.0, None, "座", "eq", None)]
    doc = _doc("一、主要任务\n着力组建水域救援、高空救援、化工救援3支专业队伍。")
    assert _got(doc) == []


def test_rule_thresholds_are_no_targets() -> None:
    doc = _doc(
        "一、适用范围\n对年综合能耗超过5000吨标准煤的企业开展节能监察。单体建筑面积原则上应不小于2000平方米。"
        "建筑高度大于24m的厂房纳入重点检查。开发比例不超过30%。"
    )
    assert _got(doc) == []
    # an upper bound in a dated statement is the plan's own cap
    doc = _doc("一、工作目标\n到2026年，单位产值能耗不超过0.3吨标准煤。")
    assert _got(doc) == [(0.3, None, "吨标准煤", "le", 2026)]


def test_ranges() -> None:
    doc = _doc("一、重点任务\n每年举办2至3场专场招聘会，引进专业人才2—3万人。")
    assert _got(doc) == [(2.0, 3.0, "场", "range", None), (20000.0, 30000.0, "人", "range", None)]


def test_names_ordinals_durations_dates_are_no_targets() -> None:
    doc = _doc(
        "一、重点任务\n推进轨道交通19号线建设，落实“十四五”规划和“15分钟生活圈”建设，用3个月时间开展第二轮排查，"
        "于2025年6月底前完成三期工程，做好5G基站和T2航站楼配套，每月开展1次巡查。"
    )
    assert _got(doc) == []


def test_work_quantities_in_task_sentences() -> None:
    doc = _doc(
        "一、重点任务\n（一）补齐设施短板。补建市政消火栓169具，完成慢行步道提升项目40项，对120个公交站台进行适老化改造，"
        "三年累计完成80个积水点改造及15个空洞点位修复。（责任单位：区建设管理委、各街镇）"
    )
    assert _got(doc) == [
        (169.0, None, "具", "eq", None),
        (40.0, None, "项", "eq", None),
        (120.0, None, "个", "eq", None),
        (80.0, None, "个", "eq", None),
        (15.0, None, "个", "eq", None),
    ]
    (task,) = list(doc.iter_tasks())
    assert all(t.task_id == task.id and t.where == "task" for t in doc.targets)
    assert task.target_ids == [t.id for t in doc.targets]


def test_units_by_shape() -> None:
    doc = _doc("一、重点任务\n新增智能算力500PF，补种灌木300墩。新增储能装机50MWh，日处理能力提升至600吨/日。")
    assert [(t.value, t.unit) for t in doc.targets] == [(500.0, "PF"), (300.0, "墩"), (50.0, "MWh"), (600.0, "吨/日")]


def test_comparators() -> None:
    doc = _doc(
        "一、工作目标\n到2027年，公园绿地服务半径覆盖率达到90%以上，森林覆盖率达到20%左右，"
        "确保每个街道至少建成1个微型消防站，生活垃圾回收利用率超过45%，事故起数下降10%。"
    )
    assert [t.comparator for t in doc.targets] == ["ge", "approx", "ge", "gt", "decrease"]
    assert {t.year for t in doc.targets} == {2027}


def test_firmness_scope() -> None:
    doc = _doc(
        "一、工作目标\n原则上，第一年完成整治任务的40%；第二年和第三年分别完成30%。力争新增就业岗位500个，新建驿站20座。",
        "某区整治三年行动方案（2024—2026年）",
    )
    got = [(t.value, t.year, t.firmness) for t in doc.targets]
    assert got == [
        (40.0, 2024, "aspirational"),
        (30.0, 2025, "aspirational"),
        (30.0, 2026, "aspirational"),
        (500.0, 2026, "aspirational"),
        (20.0, 2026, "firm"),
    ]


TABLE = """某区绿道建设三年行动方案（2024—2026年）
一、工作目标
三年新建绿道15公里。
附件：各镇绿道建设任务分解表
单位：公里
序号\t镇\t现状绿道长度\t2025年新建\t2026年新建
1\t东镇\t12.5\t3\t4
2\t西镇\t8\t2.5\t3.5
合计\t\t20.5\t5.5\t7.5
"""


def test_table_with_a_baseline_column_and_a_total_row() -> None:
    doc = parse_text(TABLE)
    cells = [(t.row, t.column, t.value, t.unit, t.year) for t in doc.targets if t.where == "table"]
    assert cells == [
        ("东镇", "2025年新建", 3.0, "公里", 2025),
        ("东镇", "2026年新建", 4.0, "公里", 2026),
        ("西镇", "2025年新建", 2.5, "公里", 2025),
        ("西镇", "2026年新建", 3.5, "公里", 2026),
        ("合计", "2025年新建", 5.5, "公里", 2025),
        ("合计", "2026年新建", 7.5, "公里", 2026),
    ]
    (prose,) = [t for t in doc.targets if t.where != "table"]
    assert (prose.value, prose.unit, prose.year) == (15.0, "公里", 2026)


def test_table_header_units_ranges_and_spanning_headers() -> None:
    doc = parse_text(
        "某市新型储能发展行动方案\n附件：分领域装机计划\n"
        "序号\t领域\t已建成\t装机计划\t\n\t\t\t2024年（MW）\t2025年（MW）\n"
        "1\t用户侧储能\t20\t35-36\t40\n2\t电网侧储能\t15\t50\t60\n总计\t\t35\t85-86\t100\n"
    )
    got = [(t.row, t.column, t.value, t.value_max, t.unit, t.comparator, t.year) for t in doc.targets]
    assert got == [
        ("用户侧储能", "装机计划/2024年（MW）", 35.0, 36.0, "MW", "range", 2024),
        ("用户侧储能", "装机计划/2025年（MW）", 40.0, None, "MW", "eq", 2025),
        ("电网侧储能", "装机计划/2024年（MW）", 50.0, None, "MW", "eq", 2024),
        ("电网侧储能", "装机计划/2025年（MW）", 60.0, None, "MW", "eq", 2025),
        ("总计", "装机计划/2024年（MW）", 85.0, 86.0, "MW", "range", 2024),
        ("总计", "装机计划/2025年（MW）", 100.0, None, "MW", "eq", 2025),
    ]


def test_a_verb_left_out_in_a_parallel_clause_still_governs() -> None:
    doc = _doc("一、工作目标\n到2027年，新增篮球场50个、足球场10片，开放草坪30公顷以上；健身步道20公里，总计达到120公里。")
    assert _got(doc) == [
        (50.0, None, "个", "eq", 2027),
        (10.0, None, "片", "eq", 2027),
        (30.0, None, "公顷", "ge", 2027),
        (20.0, None, "公里", "eq", 2027),
        (120.0, None, "公里", "ge", 2027),
    ]
    # without a verb anywhere in the sentence a noun and a number state what is
    assert _got(_doc("一、基本情况\n全区共有养老机构35家，床位4200张。")) == []


def test_counts_with_yishang_de() -> None:
    doc = _doc("一、重点任务\n建成20座以上的口袋公园，面积500平方米以上的绿地纳入日常养护。")
    assert _got(doc) == [(20.0, None, "座", "ge", None)]


def test_deadline_months_and_five_year_plan_periods_set_the_year() -> None:
    doc = _doc(
        "一、实施步骤\n1.2025年6月底前，新增充电桩200个。\n2.2025年7月至2026年6月，新增充电桩300个。\n"
        "二、远期目标\n至“十四五”期末，建成绿道100公里；单位能耗相比“十三五”期末下降10%。",
        "某区充电设施三年行动计划（2024-2026年）",
    )
    assert [(t.value, t.year) for t in doc.targets] == [(200.0, 2025), (300.0, 2026), (100.0, 2025), (10.0, 2025)]


def test_technical_requirements_are_specifications() -> None:
    doc = _doc("一、工作任务\n新植行道树500株。\n二、栽植技术要求\n苗木胸径控制在8-10公分，土层厚度不小于1.5米，每株浇水20升。")
    assert _got(doc) == [(500.0, None, "株", "eq", None)]


def test_a_size_criterion_before_a_count_and_an_unclosed_quote() -> None:
    doc = _doc("一、重点任务\n把“四化“要求作为设计条件，彩化树种比率达到70%以上。建成1000亩以上开放林地5个，300亩以上开放林地8个。")
    assert _got(doc) == [(70.0, None, "%", "ge", None), (5.0, None, "个", "eq", None), (8.0, None, "个", "eq", None)]


def test_a_very_long_clause_stays_fast() -> None:
    import time

    body = "一、任务\n" + "完成改造建设新增100个设施" * 3000 + "。"
    t0 = time.monotonic()
    doc = _doc(body)
    assert len(doc.targets) == 3000
    assert time.monotonic() - t0 < 10  # about 0.5 s: each quantity looks back a bounded window
