"""Every corpus document, from PDF and from text: invariants, golden files, hand-checked gold."""

from __future__ import annotations

import itertools
import json
import os

import pytest
from conftest import DOCS, parsed
from regen_golden import golden_path, project

from policyparse import PolicyDocument
from policyparse.core.textnorm import nonspace, normalize_chars
from policyparse.models import Section

NAMES = [n for n, _, _ in DOCS]
SOURCES = [(n, str(p)) for n, txt, pdf in DOCS for p in (txt, pdf)]


def _spans(doc: PolicyDocument) -> None:
    t = doc.text
    for p in doc.parts():
        for s in p.iter_sections():
            assert 0 <= s.span[0] < s.span[1] <= len(t)
            if s.title_span is not None:
                assert t[s.title_span[0] : s.title_span[1]] == s.title
            assert t[s.span[0] :].startswith(s.marker)
        for task in p.iter_tasks():
            assert t[task.span[0] : task.span[1]] == task.text
            assert task.clause is not None
            assert t[task.clause.span[0] : task.clause.span[1]] == task.clause.text
            for u in task.units:
                assert u.span is not None and t[u.span[0] : u.span[1]] == u.name


@pytest.mark.parametrize(("name", "path"), SOURCES, ids=[p.rsplit("/", 1)[-1] for _, p in SOURCES])
def test_spans_and_coverage(name: str, path: str) -> None:
    doc = parsed(path)
    _spans(doc)
    paras = list(doc.iter_paragraphs())
    # every paragraph exactly once, laid end to end with one newline between
    assert [p.span for p in paras] == sorted(p.span for p in paras)
    assert paras[0].span[0] == 0 and paras[-1].span[1] == len(doc.text)
    for a, b in itertools.pairwise(paras):
        assert doc.text[a.span[1] : b.span[0]] == "\n"
    for p in paras:
        for pr in p.prov:
            assert p.span[0] <= pr.span[0] <= pr.span[1] <= p.span[1]
    assert doc.model_validate_json(doc.model_dump_json()) == doc


@pytest.mark.parametrize("name", NAMES)
def test_nothing_lost_from_text(name: str) -> None:
    txt = next(t for n, t, _ in DOCS if n == name)
    doc = parsed(str(txt))
    assert nonspace(doc.text) == nonspace(normalize_chars(txt.read_text("utf-8")))


@pytest.mark.parametrize("name", NAMES)
def test_nothing_lost_from_pdf(name: str) -> None:
    """Every printed character of the PDF (page numbers aside) is in ``text``, in order."""
    from policyparse.readers.pdf import extract_pdf

    _, _, pdf = next(d for d in DOCS if d[0] == name)
    ex = extract_pdf(pdf)
    doc = parsed(str(pdf))
    dropped = {(d.page, d.text) for d in doc.dropped}
    printed = "".join(ln.text for ln in ex.lines if (ln.page, ln.text.strip()) not in dropped)
    assert nonspace(doc.text) == nonspace(normalize_chars(printed))
    assert len(doc.dropped) == doc.source.page_count


def _outline(doc: PolicyDocument) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []

    def walk(s: Section, label: str | None) -> None:
        out.append((label, s.depth, s.marker, s.title, s.title_kind))
        for c in s.children:
            walk(c, label)

    for p in doc.parts():
        for s in p.sections:
            walk(s, p.label)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_pdf_equals_text(name: str) -> None:
    _, txt, pdf = next(d for d in DOCS if d[0] == name)
    a, b = parsed(str(txt)), parsed(str(pdf))
    assert _outline(a) == _outline(b)
    ta = [(t.text, t.clause.text if t.clause else None, [u.name for u in t.units], t.lead_units) for t in a.iter_tasks()]
    tb = [(t.text, t.clause.text if t.clause else None, [u.name for u in t.units], t.lead_units) for t in b.iter_tasks()]
    assert ta == tb
    assert a.meta == b.meta


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_golden(name: str, fmt: str) -> None:
    """Compare with the reviewed golden projection (regenerate: scripts/regen_golden.py --write)."""
    _, txt, pdf = next(d for d in DOCS if d[0] == name)
    want = json.loads(golden_path(name).read_text("utf-8"))
    got = json.loads(json.dumps(project(parsed(str(txt if fmt == "txt" else pdf)))))
    for key in ("meta", "parts", "headings"):
        assert got[key] == want[key], key
    assert len(got["tasks"]) == len(want["tasks"])
    for g, w in zip(got["tasks"], want["tasks"], strict=True):
        assert g == w


GOLD = [n for n in NAMES if (golden_path(n).parent / f"{n}.gold.json").exists()]


@pytest.mark.parametrize("name", GOLD)
@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_hand_checked_gold(name: str, fmt: str) -> None:
    """The hand-checked answers from the corpus (meta, headings, tasks with units and leads)."""
    _, txt, pdf = next(d for d in DOCS if d[0] == name)
    gold = json.loads((golden_path(name).parent / f"{name}.gold.json").read_text("utf-8"))
    doc = parsed(str(txt if fmt == "txt" else pdf))
    m = doc.meta
    got_meta = {
        "title": m.title,
        "doc_number": m.doc_number.text if m.doc_number else None,
        "issuers": m.issuers,
        "date": m.date,
        "recipients": m.recipients,
        "cc": m.cc,
    }
    assert got_meta == gold["meta"]
    heads = [{"level": h[1], "marker": h[2], "title": h[3], "part": "body"} for h in _outline(doc)]
    assert heads == gold["headings"]
    tasks = [
        {"text": t.text, "clause": t.clause.text if t.clause else None, "units": [u.name for u in t.units],
         "lead": t.lead_units, "cooperating": t.cooperating_units}
        for t in doc.iter_tasks()
    ]  # fmt: skip
    assert tasks == gold["tasks"]


def test_golden_regeneration_is_off() -> None:
    """Golden files change only through the explicit script, never as a side effect of tests."""
    assert "POLICYPARSE_REGEN" not in os.environ
