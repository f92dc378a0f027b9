"""The same documents typeset by another producer (reportlab: unjustified CJK lines that end up to a
character short, punctuation hanging past the margin, short paragraphs) parse as their text does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import DOCS

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from typeset import typeset

from policyparse import PolicyDocument, parse, parse_text

SHANGHAI = (Path(__file__).parent / "fixtures" / "shanghai_style_notice.txt").read_text("utf-8")

# which lines are banner / title in each document's text
CASES = {
    "zhejiang_yrd_sci_tech_2021": ({0}, {2, 11}),
    "gov_guofa_2018_42_agri_machinery": (set(), {0, 1}),
    "gov_guofa_2019_3_bonded_zones": (set(), {0, 1}),
    "ndrc_sta_tax_credit_2019": ({0, 1}, {3}),
    "gov_guobanfa_2018_128_zero_waste_city": (set(), {0, 1, 8}),
}


def _view(d: PolicyDocument) -> tuple[object, ...]:
    outline = [(p.label, s.depth, s.marker, s.title) for p in d.parts() for s in p.iter_sections()]
    tasks = [(t.text, [u.name for u in t.units], t.lead_units, t.cooperating_units) for t in d.iter_tasks()]
    targets = [(t.indicator, t.value, t.year) for t in d.targets]
    return outline, tasks, targets, d.meta


@pytest.mark.parametrize("indent", [True, False], ids=["first-line-indent", "space-after"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_reportlab_typeset_equals_text(name: str, indent: bool, tmp_path: Path) -> None:
    _, txt, _ = next(d for d in DOCS if d[0] == name)
    lines = [ln for ln in txt.read_text("utf-8").splitlines() if ln.strip()]
    red, big = CASES[name]
    pdf = typeset(lines, tmp_path / f"{name}.pdf", red=red, big=big, indent=indent, justify=indent)
    a, b = parse_text("\n".join(lines)), parse(pdf)
    assert _view(b) == _view(a)
    assert not [w for w in b.warnings if w.code == "unbalanced_bracket"]


def test_sibling_style_notice(tmp_path: Path) -> None:
    lines = [ln for ln in SHANGHAI.splitlines() if ln.strip()]
    a = parse_text(SHANGHAI)
    b = parse(typeset(lines, tmp_path / "sh.pdf", red={0}, big={2, 8}))
    assert _view(b) == _view(a)
    assert [t.lead_units for t in a.iter_tasks()] == [["市科委"], ["市科委"], ["市发展改革委"], ["市科委"]]
    assert all(u.canonical for t in a.iter_tasks() for u in t.units)
    assert a.meta.cc == ["市委办公厅", "市人大常委会办公厅", "市政协办公厅"]
    assert [t.indicator_normalized for t in a.targets] == ["研发投入强度", "每万人高价值发明专利拥有量"]


@pytest.mark.parametrize("footer", ["— {n} —", "-{n}-", "第 {n} 页", "{n}"])
def test_headers_and_page_numbers(footer: str, tmp_path: Path) -> None:
    name = "yrd_integration_outline_2019"
    _, txt, _ = next(d for d in DOCS if d[0] == name)
    lines = [ln for ln in txt.read_text("utf-8").splitlines() if ln.strip()]
    pdf = typeset(lines, tmp_path / "outline.pdf", big={0}, header="国务院公报 2019年第34号", footer=footer)
    b = parse(pdf)
    assert _view(b) == _view(parse_text("\n".join(lines)))
    kinds = [d.kind for d in b.dropped]
    assert kinds.count("page_number") == b.source.page_count == kinds.count("running_header")
