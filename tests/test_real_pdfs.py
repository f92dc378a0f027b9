"""Real PDFs found in the wild (corpora/real/): browser prints, radical code points, library noise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, parsed

from policyparse.core.chrome import is_portal_chrome
from policyparse.readers.margins import _PRINT_TIME, _URL

REAL = ROOT / "corpora" / "real"
GOLD = sorted(REAL.glob("*.gold.json"))
RADICALS = range(0x2E80, 0x2FE0)


def _pdf(gold: Path) -> Path:
    return gold.with_name(gold.name.removesuffix(".gold.json") + ".pdf")


@pytest.mark.parametrize("gold", GOLD, ids=[g.name for g in GOLD])
def test_real_pdf_gold(gold: Path) -> None:
    want = json.loads(gold.read_text("utf-8"))
    doc = parsed(str(_pdf(gold)))
    m = doc.meta
    got = {
        "title": m.title, "doc_number": m.doc_number.text if m.doc_number else None, "issuers": m.issuers,
        "date": m.date, "recipients": m.recipients, "cc": m.cc,
    }  # fmt: skip
    assert got == want["meta"]
    heads = [
        {"part": p.label or "body", "level": s.depth, "marker": s.marker, "title": s.title}
        for p in doc.parts()
        for s in p.iter_sections()
    ]
    assert heads == want["headings"]
    assert [t.text for t in doc.iter_tasks()] == [t["text"] for t in want["tasks"]]


@pytest.mark.parametrize("gold", GOLD, ids=[g.name for g in GOLD])
def test_real_pdf_text_is_clean(gold: Path) -> None:
    doc = parsed(str(_pdf(gold)))
    assert not [c for c in doc.text if ord(c) in RADICALS]
    for p in doc.iter_paragraphs():
        t = doc.text[p.span[0] : p.span[1]]
        assert not is_portal_chrome(t), t
        assert not _PRINT_TIME.match(t) and not _URL.match(t), t


def test_web_print_records_what_it_dropped() -> None:
    doc = parsed(str(REAL / "guofa_2025_11_ai_plus_webprint.pdf"))
    kinds = [d.kind for d in doc.dropped]
    assert kinds.count("page_number") == 3  # "1/3" … "3/3"
    assert kinds.count("web_chrome") == 2  # the portal line and "[打印]仅打印内容"
    codes = {w.code: w.message for w in doc.warnings}
    assert "code_points_mapped" in codes and "pdf_font_warnings" in codes


def test_cli_is_quiet_on_a_noisy_pdf(tmp_path: Path) -> None:
    """pdfminer's font complaints become one warning in the JSON, not lines on stderr."""
    out = tmp_path / "o.json"
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", str(REAL / "guofa_2025_11_ai_plus_webprint.pdf"), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.returncode == 0 and r.stderr == ""
    r2 = subprocess.run(
        [sys.executable, "-m", "policyparse", str(REAL / "guofa_2025_11_ai_plus_webprint.pdf"), "-o", str(out), "--debug"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "FontBBox" in r2.stderr
