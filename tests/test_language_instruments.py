"""Policy instruments: the tagger against the blind hand labels (corpora/instruments/), evidence spans,
the task × instrument frame."""

from __future__ import annotations

import pytest
from conftest import doc_paths, parsed

pytest.importorskip("jieba")

from eval_instruments import HELD_OUT, gold, scores

from policyparse.analysis.language import instrument_matrix, instruments, tag_text
from policyparse.analysis.language.instruments import TYPES, lexicon, subtypes

# Precision/recall per top-level type as measured by scripts/eval_instruments.py and reported for
# issue #12 (dev: 4 documents, 115 tasks; held out: 2 documents, 32 tasks, never used to adjust the
# lexicon). The tagger must not fall below them.
FLOORS = {
    "dev": {
        "supply": (0.805, 0.939),
        "environment": (0.875, 0.978),  # 114 tasks: one labelled task is now split in two by #9 (unmatched)
        "demand": (0.704, 0.826),
    },
    "held_out": {
        "supply": (0.741, 0.952),
        "environment": (0.893, 1.0),
        "demand": (0.375, 1.0),
    },
}


def test_gold_set_is_what_the_readme_says() -> None:
    tasks = gold()
    assert len(tasks) == 147
    assert len({t["doc"] for t in tasks}) == 6
    assert sum(len(t["labels"]) for t in tasks) == 324
    assert set(HELD_OUT) <= {t["doc"] for t in tasks}
    names = {s for _, s in subtypes()}
    for t in tasks:
        for lab in t["labels"]:
            assert (lab["type"], lab["subtype"]) in subtypes() and lab["subtype"] in names


@pytest.mark.parametrize("split", ["dev", "held_out"])
def test_tagger_holds_the_reported_precision_and_recall(split: str) -> None:
    got = scores(split)["types"]
    for typ, (p, r) in FLOORS[split].items():
        assert got[typ]["precision"] >= p, (split, typ, got[typ])
        assert got[typ]["recall"] >= r, (split, typ, got[typ])


def test_lexicon_is_documented() -> None:
    lex = lexicon()
    assert set(lex["types"]) == set(TYPES)
    assert len(lex["subtypes"]) == 14
    for name, sub in lex["subtypes"].items():
        assert sub["type"] in TYPES and sub["zh"] and sub["definition"], name
        assert sub["cues"], name


def test_evidence_points_into_the_text() -> None:
    doc = parsed(str(doc_paths("gov_guofa_2018_39_employment")[0]))
    result = instruments(doc)
    tasks = list(doc.iter_tasks())
    assert [r.task_id for r in result] == [t.id for t in tasks]
    tagged = 0
    for r, t in zip(result, tasks, strict=True):
        tagged += bool(r.tags)
        for tag in r.tags:
            assert 1 <= len(tag.evidence) <= 3
            for ev in tag.evidence:
                assert doc.text[ev.span[0] : ev.span[1]] == ev.text
                assert t.span[0] <= ev.span[0] and ev.span[1] <= t.span[1]
    assert tagged == len(tasks)


def test_rules() -> None:
    def subs(text: str) -> set[str]:
        return {t.subtype for t in tag_text(text)}

    # a buyer's purchase subsidy is a demand pull, not public funding
    assert "demand_other" in subs("落实农机购置补贴政策")
    assert "funding" not in subs("落实农机购置补贴政策")
    assert {"funding"} <= subs("安排专项资金支持人才培养")
    assert "talent" in subs("安排专项资金支持人才培养")
    # two weak cues make a tag, one does not
    assert "public_service" not in subs("完善配套")
    assert "public_service" in subs("完善道路和管网配套")
    assert "overseas" in subs("积极参与一带一路建设") and "overseas" not in subs("达到国际一流水平")


def test_matrix_frame() -> None:
    pd = pytest.importorskip("pandas")
    docs = [parsed(str(doc_paths(n)[0])) for n in HELD_OUT]
    m = instrument_matrix(docs)
    assert isinstance(m, pd.DataFrame)
    assert list(m.index.names) == ["doc", "task_id"]
    assert len(m) == sum(len(list(d.iter_tasks())) for d in docs)
    assert [c for c in m.columns if c[0] != "text"] == subtypes()
    values = m.drop(columns="text", level=0)
    assert set(values.to_numpy().ravel()) <= {0, 1}
    one = instruments(docs[0])[0]
    row = values.loc[(m.index[0][0], one.task_id)]
    assert {sub for (_, sub), v in row.items() if v} == one.subtypes()
    by_type = instrument_matrix(docs, level="type")
    assert list(by_type.columns) == [*TYPES, "text"]
    assert instrument_matrix([]).empty
