"""Acceptance of issues #2 and #3 on the Zhejiang plan, from the PDF and from the text."""

from __future__ import annotations

from conftest import ZJ, doc_paths, parsed

from policyparse import PolicyDocument


def test_plan_outline(zhejiang: PolicyDocument) -> None:
    plan = zhejiang.attachments[0]
    assert plan.label == "附件1"
    assert plan.title == "浙江省推进长三角科技创新共同体建设专项行动方案"
    assert [s.title for s in plan.sections] == ["总体要求", "重点任务", "重点工程", "保障措施"]
    assert [len(s.children) for s in plan.sections] == [2, 5, 6, 4]
    assert plan.sections[1].children[0].title == "强化统筹协调，促进重大创新政策协同"
    assert plan.sections[1].children[0].title_kind == "run_in"
    # half-width "(二)" and full-width "（一）" are one level
    assert {c.marker[0] for c in plan.sections[2].children} == {"（", "("}
    assert all(c.depth == 2 for c in plan.sections[2].children)


def test_tasks_and_units(zhejiang: PolicyDocument) -> None:
    tasks = list(zhejiang.iter_tasks())
    assert len(tasks) == 38
    assert all(t.clause is not None for t in tasks)
    for t in tasks:
        assert t.clause is not None
        printed = t.clause.text[1:-1].removeprefix("责任单位：").split("，")[0]
        assert [u.name for u in t.units] == printed.split("、")
        assert t.lead_units == [t.units[0].name]
        assert t.cooperating_units == [u.name for u in t.units[1:]]
    assert tasks[0].lead_units == ["省发展改革委"]
    assert tasks[0].clause is not None and tasks[0].clause.rule_text == "列第一位的为牵头单位，下同"
    assert [u.name for u in tasks[37].units] == [
        "省委人才办", "省发展改革委", "省教育厅", "省人力社保厅", "省科技厅", "省卫生健康委",
    ]  # fmt: skip
    names = {u.name for t in tasks for u in t.units}
    assert not any("第一位" in n or "下同" in n for n in names)
    # nested brackets inside a task are not clauses
    t27 = next(t for t in tasks if "东海实验室（智慧海洋实验室）" in t.text)
    assert t27.text.endswith("支持舟山打造东海实验室（智慧海洋实验室）。")


def test_every_unit_has_a_canonical_name(zhejiang: PolicyDocument) -> None:
    units = [u for t in zhejiang.iter_tasks() for u in t.units]
    assert all(u.canonical for u in units), [u.name for u in units if not u.canonical]
    canon = {u.name: u.canonical for u in units}
    assert canon["省科技厅"] == "浙江省科学技术厅"
    assert canon["省发展改革委"] == "浙江省发展和改革委员会"
    assert not [w for w in zhejiang.warnings if w.code == "unknown_unit"]


def test_attachment2_units_resolve() -> None:
    from policyparse.core.agencies import lexicon

    txt, _ = doc_paths(ZJ)
    listed = txt.read_text("utf-8").splitlines()[-4].split("、")
    assert len(listed) == 18
    assert all(lexicon().resolve(n, "浙江") is not None for n in listed)


def test_meta(zhejiang: PolicyDocument) -> None:
    m = zhejiang.meta
    assert m.issuers == ["浙江省推进长三角一体化发展工作领导小组办公室"]
    assert m.doc_number is not None
    assert (m.doc_number.text, m.doc_number.agency_code, m.doc_number.year, m.doc_number.serial) == (
        "浙长三角办〔2021〕9号", "浙长三角办", 2021, 9,
    )  # fmt: skip
    assert m.title == "浙江省推进长三角一体化发展工作领导小组办公室关于印发《浙江省推进长三角科技创新共同体建设专项行动方案》的通知"
    assert m.doc_type == "通知" and m.embedded_doc_type == "方案"
    assert m.recipients == ["各市、县（市、区）人民政府", "省级有关单位"]
    assert m.date == "2021-07-26"
    assert [(a.label, a.title, a.included) for a in m.attachments] == [
        ("附件1", "浙江省推进长三角科技创新共同体建设专项行动方案", True),
        ("附件2", "省级有关单位名单", True),
    ]
    assert m.seal_note == "浙江省发展和改革委员会代章"
    assert m.cc == ["地区处", "产业处", "高技处"]
    assert m.printed_by == "浙江省发展和改革委员会办公室"
    assert m.printed_date == "2021-07-28"


def test_pdf_page_numbers_dropped_and_recorded() -> None:
    _, pdf = doc_paths(ZJ)
    doc = parsed(str(pdf))
    assert doc.source.page_count == 13
    assert [d.text for d in doc.dropped] == [f"— {i} —" for i in range(1, 14)]
    assert "— 3 —" not in doc.text
    # the clause split over pages 6–7 is one clause, on the page where the task starts
    t = next(t for t in doc.iter_tasks() if t.text.startswith("支持嘉善创建国家创新型县"))
    assert t.clause is not None and t.clause.text == "（责任单位：省科技厅、省发展改革委、嘉兴市人民政府、嘉善县人民政府）"
    assert t.page == 6
