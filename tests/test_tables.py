"""Task-division tables (issue #4 style 5): a two-page ruled table in a PDF, and its text form."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_table_pdf

from policyparse import PolicyDocument, parse, parse_text


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory: pytest.TempPathFactory) -> PolicyDocument:
    path = tmp_path_factory.mktemp("tables") / "task_table.pdf"
    make_table_pdf.write(path)
    return parse(path)


def _check(doc: PolicyDocument) -> None:
    tasks = list(doc.iter_tasks())
    assert len(tasks) == 30
    sec = doc.body.sections[1]
    assert sec.title == "重点任务分工" and len(sec.tasks) == 30  # the table's section is its parent
    t1, t2, t3 = tasks[:3]
    assert t1.text == "建设创新平台\t推进省实验室建设，争创国家重点实验室。"
    assert t1.lead_units == ["省科技厅"] and t1.cooperating_units == ["省发展改革委", "省财政厅"]
    assert t1.deadline == "2025年底前"
    assert t1.clause is not None and t1.clause.style == "table" and t1.clause.lead_rule == "explicit"
    # the merged 重点任务 cell leaves row 2's own text; its units are its own
    assert t2.text == "支持企业建设研发机构，完善研发投入激励政策。" and t2.lead_units == ["省经信厅"]
    assert t2.deadline == "持续推进"
    assert t3.cooperating_units == ["省财政厅", "省市场监管局"]
    assert tasks[-1].text.startswith("重点任务30") and tasks[-1].deadline == "长期坚持"
    assert all(u.canonical for t in tasks for u in t.units)  # province from the title: 浙江
    for t in tasks:
        assert doc.text[t.span[0] : t.span[1]] == t.text
        for u in t.units:
            assert u.span is not None and doc.text[u.span[0] : u.span[1]] == u.name


def test_two_page_table_pdf(table_pdf: PolicyDocument) -> None:
    _check(table_pdf)
    pages = {t.page for t in table_pdf.iter_tasks()}
    assert pages == {1, 2}
    # the header printed again on page 2 is not a task
    assert not any(t.text.startswith("重点任务\t") for t in table_pdf.iter_tasks())


def test_table_as_text() -> None:
    rows = [make_table_pdf.HEADER, *make_table_pdf.ROWS, *make_table_pdf.MORE]
    text = "\n".join(make_table_pdf.PLAIN + ["\t".join(r) for r in rows])
    _check(parse_text(text))


def test_row_broken_over_a_page_runs_on() -> None:
    text = "\n".join(
        [
            "某某任务分工方案",
            "一、任务分工",
            "序号\t重点任务\t牵头单位\t配合单位",
            "1\t推进实验室建设，争创国家\t省科技厅\t省财政厅",
            "\t重点实验室。\t\t",
            "2\t支持企业研发。\t省经信厅\t省科技厅",
        ]
    )
    t1, t2 = parse_text(text).iter_tasks()
    assert t1.text == "推进实验室建设，争创国家\t省科技厅\t省财政厅\n\t重点实验室。"
    assert t1.lead_units == ["省科技厅"] and t2.lead_units == ["省经信厅"]
