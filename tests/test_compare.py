"""Acceptance: a comparison of small made-up plans whose answer is known exactly.

tests/fixtures/compare/ holds four documents written for this test:
- zj_plan.txt: a Zhejiang notice (浙示范办〔2021〕1号) with its plan in 附件1: targets 研发投入强度 ≥3.3%
  and 科技进步贡献率 ≥70% (2025); tasks t1 量子芯片 (牵头 省科技厅 + 省发展改革委, 配合 省财政厅),
  t2 湿地候鸟 (省自然资源厅), t3 人才引进 (省人力社保厅, 省科技厅 second, so cooperating).
- sh_plan.txt: a Shanghai notice (沪示范办〔2021〕2号): 研发投入强度 ≥4%; t1 量子芯片 (牵头 市科委,
  配合 市发展改革委), t2 生活垃圾 (市绿化市容局, not in the lexicon: role from its name).
- qp_plan.txt: a 青浦区 notice: t1 量子芯片产业园 (区科委, 区财政局), t2 建筑垃圾 (区绿化市容局, 区公安分局).
- outline.txt: a parent outline without tasks: 第一章 量子科技 (第一节 量子芯片攻关, 第二节 光纤通信网络),
  第二章 生态保护 (第一节 湿地候鸟保护, 第二节 海洋渔业资源).
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT
from gen_schema import COMPARISON_SCHEMA_PATH, render

import policyparse
from policyparse.analysis.compare import Comparison, compare
from policyparse.models import PolicyDocument

FIX = ROOT / "tests" / "fixtures" / "compare"


@cache
def docs() -> dict[str, PolicyDocument]:
    return {k: policyparse.parse(FIX / f"{k}_plan.txt") for k in ("zj", "sh", "qp")}


@cache
def comparison() -> Comparison:
    return compare(docs(), parent=("outline", policyparse.parse(FIX / "outline.txt")))


def test_roles_by_lexicon_and_by_morphology() -> None:
    roles = comparison().frame("roles")
    got = {
        (r.doc, r.role): (r.led, r.co_led, r.cooperating, r.responsible, r.led_ids, r.cooperating_ids, r.responsible_ids)
        for r in roles.itertuples()
    }
    # a flat 责任单位 list: the first leads by convention, the others are responsible, not cooperating
    assert got == {
        ("zj", "科技"): (1, 1, 0, 1, ["t1"], [], ["t3"]),
        ("zj", "发展改革"): (1, 1, 0, 0, ["t1"], [], []),
        ("zj", "自然资源"): (1, 0, 0, 0, ["t2"], [], []),
        ("zj", "人力社保"): (1, 0, 0, 0, ["t3"], [], []),
        ("zj", "财政"): (0, 0, 1, 0, [], ["t1"], []),
        ("sh", "科技"): (1, 0, 0, 0, ["t1"], [], []),
        ("sh", "绿化市容"): (1, 0, 0, 0, ["t2"], [], []),
        ("sh", "发展改革"): (0, 0, 1, 0, [], ["t1"], []),
        ("qp", "科技"): (1, 0, 0, 0, ["t1"], [], []),
        ("qp", "绿化市容"): (1, 0, 0, 0, ["t2"], [], []),
        ("qp", "财政"): (0, 0, 0, 1, [], [], ["t1"]),
        ("qp", "公安"): (0, 0, 0, 1, [], [], ["t2"]),
    }
    # 浙江省科学技术厅, 上海市科学技术委员会 and 青浦区科委 on one row of the side-by-side table
    wide = comparison().table("roles")
    assert wide.loc["科技"].to_dict() == {"zj": 1, "sh": 1, "qp": 1}
    assert list(wide.index[:2]) == ["科技", "绿化市容"]


def test_agencies_canonical_with_source() -> None:
    ag = comparison().frame("agencies")
    sci = ag[ag.role == "科技"]
    assert sorted(zip(sci.doc, sci.canonical, sci.role_source, sci.led, strict=True)) == [
        ("qp", "上海市青浦区科学技术委员会", "morphology", 1),
        ("sh", "上海市科学技术委员会", "lexicon", 1),
        ("zj", "浙江省科学技术厅", "lexicon", 1),
    ]
    waste = ag[ag.role == "绿化市容"]
    assert sorted(waste.canonical) == ["上海市绿化市容局", "上海市青浦区绿化市容局"]
    assert set(ag[ag.doc == "qp"].canonical) == {
        "上海市青浦区科学技术委员会", "上海市青浦区财政局", "上海市青浦区绿化市容局", "上海市青浦区公安分局",
    }  # fmt: skip


def test_targets_side_by_side() -> None:
    wide = comparison().table("targets")
    assert list(wide.columns) == ["outline", "zj", "sh", "qp"]
    assert wide.fillna("").to_dict(orient="index") == {
        "研发投入强度": {"outline": "", "zj": "≥3.3% (2025)", "sh": "≥4% (2025)", "qp": ""},
        "科技进步贡献率": {"outline": "", "zj": "≥70% (2025)", "sh": "", "qp": ""},
    }
    cells = {(c.doc, c.indicator_key): (c.value, c.unit, c.comparator, c.year, c.target.id) for c in comparison().targets}
    assert cells == {
        ("zj", "研发投入强度"): (3.3, "%", "ge", 2025, "tg1"),
        ("zj", "科技进步贡献率"): (70.0, "%", "ge", 2025, "tg2"),
        ("sh", "研发投入强度"): (4.0, "%", "ge", 2025, "tg1"),
    }


def test_outline_alignment() -> None:
    links = comparison().outline
    mutual = {(x.a.doc, x.a.id, x.b.doc, x.b.id) for x in links if x.mutual}
    assert mutual == {
        ("outline", "1.1", "zj", "2.1"),  # 量子芯片攻关
        ("outline", "2.1", "zj", "2.2"),  # 湿地候鸟保护
        ("outline", "1.1", "sh", "2.1"),
        ("outline", "1.1", "qp", "1.1"),
        ("zj", "1", "sh", "1"),  # 发展目标
        ("zj", "2.1", "sh", "2.1"),
        ("zj", "2.1", "qp", "1.1"),
        ("sh", "2.1", "qp", "1.1"),
        ("sh", "2.2", "qp", "1.2"),  # 生活垃圾 / 建筑垃圾: 垃圾
    }
    link = next(x for x in links if (x.a.id, x.b.doc, x.b.id) == ("2.1", "zj", "2.2"))
    assert link.terms[:2] == ["候鸟", "湿地"] and link.score > 0.9
    distinct = {(r.doc, r.id) for r in comparison().distinctive_sections}
    assert distinct == {("outline", "1.2"), ("outline", "2.2"), ("zj", "3"), ("zj", "3.1")}
    m = next(m for m in comparison().outline_matrices if (m.a_doc, m.b_doc) == ("zj", "sh"))
    assert [r.id for r in m.a_sections] == ["1", "2", "2.1", "2.2", "3", "3.1"]
    assert len(m.scores) == 6 and all(len(row) == 4 for row in m.scores)


def test_implementation_mapping() -> None:
    cov = {p.parent.id: [f"{c.item.doc}:{c.item.id}" for c in p.children] for p in comparison().implementation}
    assert cov == {"1.1": ["zj:t1", "sh:t1", "qp:t1"], "1.2": [], "2.1": ["zj:t2"], "2.2": []}
    assert [p.parent.id for p in comparison().implementation if not p.covered] == ["1.2", "2.2"]
    best = {(c.child.doc, c.child.id): (c.best.item.id if c.best else None, c.mapped) for c in comparison().implementation_children}
    assert best == {
        ("zj", "t1"): ("1.1", True), ("zj", "t2"): ("2.1", True), ("zj", "t3"): (None, False),
        ("sh", "t1"): ("1.1", True), ("sh", "t2"): (None, False),
        ("qp", "t1"): ("1.1", True), ("qp", "t2"): (None, False),
    }  # fmt: skip


def test_every_ref_points_at_its_element() -> None:
    cmp = comparison()
    all_docs = {**docs(), "outline": policyparse.parse(FIX / "outline.txt")}
    refs = [r for x in cmp.roles for r in [*x.led_tasks, *x.cooperating_tasks]]
    refs += [c.target for c in cmp.targets] + [x.a for x in cmp.outline] + [x.b for x in cmp.outline]
    refs += [p.parent for p in cmp.implementation] + [c.item for p in cmp.implementation for c in p.children]
    assert len(refs) > 40
    for r in refs:
        d = all_docs[r.doc]
        text = d.text[r.span[0] : r.span[1]]
        if r.kind == "task":
            assert text == next(t.text for t in d.iter_tasks() if t.id == r.id)
        elif r.kind == "target":
            assert text == next(g.text for g in d.targets if g.id == r.id)
        elif r.kind == "section":
            assert r.label.split(" ")[-1] in text


def test_json_validates_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert COMPARISON_SCHEMA_PATH.read_text("utf-8") == render(Comparison), "run: python scripts/gen_schema.py"
    data = json.loads(comparison().model_dump_json())
    jsonschema.validate(data, json.loads(COMPARISON_SCHEMA_PATH.read_text("utf-8")))
    assert Comparison.model_validate(data) == comparison()


def test_frames_of_one_and_of_many() -> None:
    zj = docs()["zj"]
    units = zj.to_frame("units")
    assert "doc" not in units.columns
    assert units[units.is_lead].canonical.tolist() == ["浙江省科学技术厅", "浙江省发展和改革委员会", "浙江省自然资源厅", "浙江省人力资源和社会保障厅"]
    many = policyparse.to_frame(docs(), "units")
    led = many.query("is_lead and role == '科技'")
    assert list(zip(led.doc, led.task_id, strict=True)) == [("zj", "t1"), ("sh", "t1"), ("qp", "t1")]
    sections = policyparse.to_frame(docs(), "sections")
    row = sections[(sections.doc == "zj") & (sections.id == "2.1")].iloc[0]
    assert (row.path, row.part, row.part_label, row.in_plan, row.n_tasks) == ("二、>（一）", 1, "附件1", True, 1)
    tasks = zj.to_frame("tasks")
    assert tasks.loc[0, "section_path"] == "二、>（一）" and tasks.loc[0, "lead_roles"] == ["科技", "发展改革"]
    for kind in ("targets", "paragraphs"):
        f = zj.to_frame(kind)
        assert (f.start < f.end).all() and len(f) > 1


def test_import_policyparse_stays_light() -> None:
    code = (
        "import sys, policyparse; policyparse.parse; "
        "heavy = [m for m in ('pandas', 'jieba', 'matplotlib') if m in sys.modules]; "
        "assert not heavy, heavy; policyparse.compare; policyparse.Comparison; "
        "assert not [m for m in ('pandas', 'jieba', 'matplotlib') if m in sys.modules]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(ROOT))


def _readme_block() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    return readme[readme.index("<!-- BEGIN compare") : readme.index("<!-- END compare")]


def test_readme_four_questions_run() -> None:
    block = _readme_block()
    code = block.split("```python\n", 1)[1].split("```", 1)[0]
    code = code.replace("corpora/", str(ROOT / "corpora") + "/")
    names: dict[str, object] = {}
    exec(compile(code, "README", "exec"), names)  # the lines a reader copies, run as they stand
    units = names["units"]
    led = units.query("is_lead and role == '科技'")  # type: ignore[attr-defined]
    assert len(led) == 26 and set(led.doc) == {"浙江"}


def test_readme_lists_the_frame_columns() -> None:
    from policyparse.analysis.frames import COLUMNS

    block = _readme_block()
    for kind, cols in COLUMNS.items():
        row = next(line for line in block.splitlines() if line.startswith(f"| `{kind}` |"))
        assert row.split("|")[2].strip().split("`")[1].split() == list(cols), kind
