"""spaCy docs of parsed documents: offsets equal ``doc.text``, span groups cover their elements exactly,
entities equal the units; the registered component gives the same spans from raw text; displaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, DOCS, ZJ, doc_paths, parsed

pytest.importorskip("spacy")
pytest.importorskip("jieba")

import spacy

from policyparse import PolicyDocument
from policyparse.analysis.language.component import offset_map
from policyparse.analysis.language.spacy_doc import GROUPS, PolicyTokenizer, blank, render_task, to_spacy
from policyparse.analysis.language.tokens import element_spans
from policyparse.models import Task

TEXTS = sorted(p for p in CORPORA.glob("*/*.txt") if p.parent.name != "instruments")
SOURCES = [str(p) for p in TEXTS] + [str(pdf) for _, _, pdf in DOCS]


def _check(doc: PolicyDocument) -> None:
    sdoc = to_spacy(doc)
    assert sdoc.text == doc.text
    for tok in sdoc:
        assert doc.text[tok.idx : tok.idx + len(tok.text)] == tok.text
    groups = element_spans(doc)
    assert set(sdoc.spans) == set(GROUPS)
    for g in GROUPS:
        got = [(s.id_, s.start_char, s.end_char) for s in sdoc.spans[g]]
        assert got == groups[g], g
        for s in sdoc.spans[g]:
            assert s.text == doc.text[s.start_char : s.end_char]
    # the elements' own texts
    tasks = {s.id_: s.text for s in sdoc.spans["tasks"]}
    clauses = {s.id_: s.text for s in sdoc.spans["clauses"]}
    units = [s.text for s in sdoc.spans["units"]]
    for t in doc.iter_tasks():
        assert tasks[t.id] == t.text
        if t.clause is not None:
            assert clauses[t.id] == t.clause.text
    assert units == [u.name for t in doc.iter_tasks() for u in t.units]
    assert [s.text for s in sdoc.spans["targets"]] == [tg.text for tg in doc.targets]
    # entities: ORG = the units (nested units yield to the outer one), GPE = places outside them
    unit_spans = {(s.start_char, s.end_char) for s in sdoc.spans["units"]}
    org = {(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "ORG"}
    assert org <= unit_spans
    for a, b in unit_spans - org:
        assert any(x <= a and b <= y for x, y in org)
    assert {e.label_ for e in sdoc.ents} <= {"ORG", "GPE"}
    for e in sdoc.ents:
        if e.label_ == "GPE":
            assert not any(x < e.end_char and e.start_char < y for x, y in unit_spans)


@pytest.mark.parametrize("path", SOURCES, ids=[Path(p).name for p in SOURCES])
def test_span_groups_cover_their_elements(path: str) -> None:
    _check(parsed(path))


def test_entities_equal_units_and_keep_canonical_names() -> None:
    doc = parsed(str(doc_paths(ZJ)[0]))
    sdoc = to_spacy(doc)
    orgs = [e for e in sdoc.ents if e.label_ == "ORG"]
    units = [u for t in doc.iter_tasks() for u in t.units]
    assert [(e.start_char, e.end_char) for e in orgs] == [tuple(u.span) for u in units if u.span is not None]
    assert [e.kb_id_ for e in orgs] == [u.canonical or "" for u in units]
    assert any(e.label_ == "GPE" and e.text == "长三角" for e in sdoc.ents)
    leads = {s.text for s in sdoc.spans["units"] if s.label_ == "LEAD"}
    assert "省科技厅" in leads


def test_tokenizer_round_trips_white_space() -> None:
    nlp = blank()
    assert isinstance(nlp.tokenizer, PolicyTokenizer)
    for text in ["一、总体要求\n（一）加强 协同  创新。\n\n", "  前导空格 A B\t制表\u3000全角", ""]:
        sdoc = nlp(text)
        assert sdoc.text == text
        assert all(text[t.idx : t.idx + len(t)] == t.text for t in sdoc)


def test_component_gives_the_same_spans_from_raw_text() -> None:
    """The registered component (found through the entry point) on the raw .txt, with our tokenizer
    and with spaCy's character tokenizer: the same elements as to_spacy, over the raw text."""
    raw = doc_paths(ZJ)[0].read_text("utf-8")
    ref = to_spacy(parsed(str(doc_paths(ZJ)[0])))

    def squash(s: str) -> str:
        return "".join(s.split())

    for nlp in (
        spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.JiebaTokenizer.v1"}}}),
        spacy.blank("zh"),
    ):
        nlp.add_pipe("policyparse")
        sdoc = nlp(raw)
        assert sdoc.text == raw
        for g in GROUPS:
            assert [(s.id_, s.label_, squash(s.text)) for s in sdoc.spans[g]] == [
                (s.id_, s.label_, squash(s.text)) for s in ref.spans[g]
            ]
        assert [(e.label_, e.text) for e in sdoc.ents] == [(e.label_, e.text) for e in ref.ents]
    with pytest.raises(ValueError, match="version"):
        spacy.blank("zh").add_pipe("policyparse", config={"version": 2})


def test_component_in_a_fresh_process_through_entry_points() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('zh', config={'nlp': {'tokenizer': {'@tokenizers': 'policyparse.JiebaTokenizer.v1'}}})\n"
        "nlp.add_pipe('policyparse')\n"
        "d = nlp('关于印发方案的通知\\n一、加强合作\\n推进长三角科技合作。（责任单位：省科技厅）')\n"
        "print([(s.text, s.label_) for s in d.spans['units']], [e.label_ for e in d.ents])\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "('省科技厅', 'LEAD')" in r.stdout or "('省科技厅', 'UNIT')" in r.stdout
    assert r.stderr == ""


def test_offset_map() -> None:
    assert offset_map("a\u200bb  c", "ab c") == [0, 2, -1, 5]
    assert offset_map("abc", "abd") is None


def test_displacy_renders_a_task_with_units_and_targets(tmp_path: Path) -> None:
    doc = parsed(str(doc_paths("gov_guobanfa_2018_128_zero_waste_city")[0]))
    sdoc = to_spacy(doc)

    def has_target(t: Task) -> bool:
        return any(t.span[0] <= tg.span[0] and tg.span[1] <= t.span[1] for tg in doc.targets)

    task = next(t for t in doc.iter_tasks() if len(t.units) >= 2 and has_target(t))
    html = render_task(sdoc, task.id, page=True)
    out = tmp_path / "task.html"
    out.write_text(html, "utf-8")
    text = out.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>") or "<html" in text
    for u in task.units:
        assert u.name in text
    assert "TARGET" in text and ("LEAD" in text or "UNIT" in text)
    with pytest.raises(KeyError):
        render_task(sdoc, "no-such-task")
