"""Keywords (TF-IDF/TextRank with the policy stop words and the shipped IDF) and leading verbs."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, ZJ, doc_paths, parsed

pytest.importorskip("jieba")

from policyparse.analysis.language import (
    default_idf,
    idf,
    keywords,
    leading_verbs,
    section_keywords,
    stop_words,
    strongest,
    terms,
)
from policyparse.analysis.language.verbs import classify, lexicon


def test_idf_table_is_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_idf import OUT, render

    assert OUT.read_text("utf-8") == render(), "run: python scripts/build_idf.py --write"


def test_idf_orders_common_below_rare() -> None:
    table = idf()
    assert len(table) > 3000
    assert table["加强"] < table["知识产权"] < default_idf()
    assert all(v <= default_idf() for v in table.values())


def test_policy_stop_words_are_never_keywords() -> None:
    doc = parsed(str(doc_paths(ZJ)[0]))
    for method in ("tfidf", "textrank"):
        words = [kw.word for kw in keywords(doc, 50, method=method)]  # type: ignore[arg-type]
        assert len(words) == 50
        assert not {"推进", "加强", "支持", "进一步"} & set(words)
        assert not set(words) & stop_words()
    assert {"推进", "加强", "支持", "进一步"} <= stop_words()


def test_document_keywords_name_its_topics() -> None:
    zj = [kw.word for kw in keywords(parsed(str(doc_paths(ZJ)[0])), 10)]
    assert {"科技", "长三角", "人才"} <= set(zj)
    fire = parsed(str(ROOT / "corpora/dev/sh_qingpu_fire_safety_2024.txt"))
    assert {"消防", "消防安全", "火灾"} <= {kw.word for kw in keywords(fire, 5)}


def test_keywords_skip_clauses_and_organs() -> None:
    doc = parsed(str(doc_paths(ZJ)[0]))
    task = next(doc.iter_tasks())
    words = terms(task, doc)
    assert words and "省科技厅" not in words
    whole = terms(doc)
    assert "省科技厅" not in whole and "省发展改革委" not in whole
    with pytest.raises(TypeError):
        keywords(task)


def test_section_keywords_cover_every_section() -> None:
    doc = parsed(str(doc_paths(ZJ)[0]))
    by_section = section_keywords(doc, 5)
    ids = [s.id for p in doc.parts() for s in p.iter_sections()]
    assert list(by_section) == ids
    assert sum(1 for v in by_section.values() if v) >= len(ids) - 2
    assert by_section == section_keywords(doc, 5)


def test_keywords_of_plain_text() -> None:
    kws = keywords("推进长三角科技创新共同体建设，加强知识产权保护，支持企业研发。", 3)
    assert [kw.word for kw in kws][:1] == ["长三角科技创新共同体"] or "知识产权" in [kw.word for kw in kws]
    assert all(kw.weight > 0 for kw in kws)
    assert keywords("，。", 3) == []


def test_leading_verbs_and_strength() -> None:
    assert [(v.verb, v.strength) for v in leading_verbs("严禁违规占用消防通道。")] == [("严禁", "mandatory")]
    assert [(v.verb, v.strength) for v in leading_verbs("积极探索跨区域合作模式；鼓励企业参与。")] == [
        ("探索", "exploratory"),
        ("鼓励", "encouraging"),
    ]
    assert strongest(leading_verbs("积极探索新模式。加快建设平台。")) == "mandatory"
    assert strongest([]) is None
    assert classify("大力推进") == ("推进", "mandatory")
    assert classify("研究制定") == ("研究", "exploratory")
    assert classify("建立健全") == ("建立健全", "mandatory")
    assert classify("企业") is None


def test_leading_verbs_over_corpus_tasks() -> None:
    doc = parsed(str(doc_paths(ZJ)[0]))
    tasks = list(doc.iter_tasks())
    found = 0
    for t in tasks:
        vs = leading_verbs(t)
        found += bool(vs)
        for v in vs:
            assert doc.text[v.start : v.end] == v.text
    assert found == len(tasks)
    classes = lexicon()["verbs"]
    assert set(classes) == {"mandatory", "encouraging", "exploratory"}
