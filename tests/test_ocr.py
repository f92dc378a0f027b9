"""Issue #13, scans: corpus PDF pages rasterised at 150 dpi into image-only PDFs, read back by OCR.

The OCR extra and Tesseract's Chinese model are part of the dev install and of CI (``.ci/run`` installs
tesseract-ocr and tesseract-ocr-chi-sim): when they are missing these tests fail, they never skip.
"""

from __future__ import annotations

import difflib
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import CORPORA

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_bad_pdfs as bad

from policyparse import NoTextLayerError, PolicyDocument, parse
from policyparse.core.textnorm import nonspace, normalize_chars
from policyparse.readers.ocr import LOW_CONFIDENCE, fix_punctuation, missing
from policyparse.readers.pdf import extract_pdf

# (document, pages rasterised): the notice and the first plan pages; an opinion with a wrapped clause
# the second scan under the `long` marker (CI runs it); the first in every run
SCANS = [
    pytest.param("zhejiang_yrd_sci_tech_2021", [1, 2, 3, 4], id="zhejiang_yrd_sci_tech_2021"),
    pytest.param("gov_guofa_2018_42_agri_machinery", [3, 4], id="gov_guofa_2018_42_agri_machinery", marks=pytest.mark.long),
]


def _pdf(name: str) -> Path:
    return sorted((CORPORA / name).glob("*.pdf"))[0]


def rasterise(src: Path, pages: list[int], out: Path, dpi: int = 150) -> Path:
    """The pages as pictures only: an image-only PDF, as a scanner makes it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    imgs = [pdf[n - 1].render(scale=dpi / 72).to_pil().convert("RGB") for n in pages]
    pdf.close()
    imgs[0].save(out, save_all=True, append_images=imgs[1:], resolution=float(dpi))
    return out


def _page_at(doc: PolicyDocument, offset: int) -> int | None:
    for p in doc.iter_paragraphs():
        for pr in p.prov:
            if pr.span[0] <= offset < pr.span[1] or pr.span[0] == offset:
                return pr.page
    return None


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def test_ocr_is_installed() -> None:
    assert missing() is None, f"{missing()} (.ci/run installs the Debian packages; pip install -e '.[dev]' the extra)"


@pytest.mark.parametrize(("name", "pages"), SCANS)
def test_scanned_pages(name: str, pages: list[int], tmp_path: Path) -> None:
    src = _pdf(name)
    scan = rasterise(src, pages, tmp_path / "scan.pdf")
    doc = parse(scan)
    assert "tesseract" in doc.source.extractor and doc.source.page_count == len(pages)
    assert [p.page for p in doc.source.ocr_pages] == list(range(1, len(pages) + 1))
    assert all(p.confidence >= LOW_CONFIDENCE for p in doc.source.ocr_pages), doc.source.ocr_pages
    assert not [w for w in doc.warnings if w.code == "ocr_low_confidence"]

    # characters: the printed text of those pages (page numbers aside) against what OCR read
    ref = parse(src)
    dropped = {(d.page, d.text) for d in ref.dropped}
    lines = [ln for ln in extract_pdf(src).lines if ln.page in pages and (ln.page, ln.text.strip()) not in dropped]
    truth = nonspace(normalize_chars("".join(ln.text for ln in lines)))
    got = nonspace(doc.text)
    sm = difflib.SequenceMatcher(None, truth, got, autojunk=False)
    recovered = sum(b.size for b in sm.get_matching_blocks()) / len(truth)
    print(f"\n{name} pages {pages}: {100 * recovered:.2f} % of {len(truth)} characters recovered; confidence "
          f"{[p.confidence for p in doc.source.ocr_pages]}")  # fmt: skip
    assert recovered >= 0.95

    # every responsibility clause printed on those pages (not one cut by the last page) is found, with as many units
    want = [
        t for t in ref.iter_tasks()
        if t.clause and _page_at(ref, t.clause.span[0]) in pages and _page_at(ref, t.clause.span[1] - 1) in pages
    ]  # fmt: skip
    have = [t for t in doc.iter_tasks() if t.clause]
    assert want
    exact = 0
    for t in want:
        assert t.clause is not None
        best = max(have, key=lambda h: difflib.SequenceMatcher(None, _fold(t.clause.text), _fold(h.clause.text)).ratio())  # type: ignore[union-attr]
        assert best.clause is not None
        ratio = difflib.SequenceMatcher(None, _fold(t.clause.text), _fold(best.clause.text)).ratio()
        assert ratio >= 0.8 and len(best.units) == len(t.units), (t.clause.text, best.clause.text)
        exact += [u.name for u in best.units] == [u.name for u in t.units]
    print(f"{name}: {len(want)} of {len(want)} clauses found; unit names exact in {exact}")


def test_mixed_pdf_reads_its_scanned_page(tmp_path: Path) -> None:
    """A text PDF with one scanned page: that page by OCR, in its place."""
    from pypdf import PdfReader, PdfWriter

    src = _pdf("zhejiang_yrd_sci_tech_2021")
    scan = rasterise(src, [2], tmp_path / "p2.pdf")
    w = PdfWriter()
    text_pages = PdfReader(str(src)).pages
    w.add_page(text_pages[0])
    w.add_page(PdfReader(str(scan)).pages[0])
    w.add_page(text_pages[2])
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as fh:
        w.write(fh)
    doc = parse(mixed)
    assert [p.page for p in doc.source.ocr_pages] == [2]
    assert not [x for x in doc.warnings if x.code == "image_only_page"]
    pages = [p.page for p in doc.iter_paragraphs()]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3}
    p2 = nonspace("".join(doc.text[p.span[0] : p.span[1]] for p in doc.iter_paragraphs() if p.page == 2))
    truth = nonspace("".join(ln.text for ln in extract_pdf(src).lines if ln.page == 2))
    assert difflib.SequenceMatcher(None, truth, p2, autojunk=False).ratio() >= 0.9


def test_without_the_extra_a_scan_is_no_text_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = rasterise(_pdf("ndrc_sta_tax_credit_2019"), [1], tmp_path / "scan.pdf")
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # as if policyparse[ocr] were not installed
    with pytest.raises(NoTextLayerError, match=r"policyparse\[ocr\]"):
        parse(scan)


def test_a_picture_without_text_stays_no_text_layer(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError, match="OCR found no text"):
        parse(bad.image_only(tmp_path / "grey.pdf"))


def test_punctuation_beside_chinese() -> None:
    assert fix_punctuation("各有关单位:") == "各有关单位："
    assert fix_punctuation("(责任单位: 省科技厅)") == "（责任单位：省科技厅）"
    assert fix_punctuation("比重达3.3%, 超过70%") == "比重达3.3%，超过70%"
    assert fix_punctuation("at 10:30, (see p. 2)") == "at 10:30, (see p. 2)"
