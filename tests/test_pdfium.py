"""Issue #14: the pdfium engine gives what the pdfplumber engine gives — on every corpus PDF, on the dev
texts typeset by another producer, on a ruled task table, on rotated and shifted pages — and fails the
same way on bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import CORPORA, parsed

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_bad_pdfs as bad
import make_table_pdf
import make_type3_pdf
from typeset import typeset

from policyparse import PolicyDocument, errors, parse
from policyparse.core.textnorm import normalize_chars

CORPUS_PDFS = sorted(CORPORA.glob("*/*.pdf"))
DEV_TEXTS = sorted((CORPORA / "dev").glob("*.txt"))


def _view(d: PolicyDocument) -> dict[str, object]:
    """Everything the engines must agree on: outline, tasks with units and leads, meta, targets, text,
    and what was dropped (text compared as the core normalises it: PDFium resolves some radical
    stand-ins itself; boxes separately, see ``_same``)."""
    return {
        "parts": [(p.label, p.title, p.span) for p in d.parts()],
        "outline": [(p.label, s.id, s.depth, s.marker, s.title, s.title_kind, s.span, s.page) for p in d.parts() for s in p.iter_sections()],
        "tasks": [
            (t.id, t.text, t.span, t.page, t.clause.model_dump() if t.clause else None, [u.model_dump() for u in t.units],
             t.lead_units, t.cooperating_units, t.deadline)
            for t in d.iter_tasks()
        ],
        "meta": d.meta.model_dump(),
        "targets": [t.model_dump() for t in d.targets],
        "text": d.text,
        "paragraphs": [(p.span, p.page, p.role) for p in d.iter_paragraphs()],
        "dropped": [(x.kind, normalize_chars(x.text), x.page) for x in d.dropped],
        "pages": d.source.page_count,
    }  # fmt: skip


def _same(path: Path) -> PolicyDocument:
    a = parsed(str(path))
    b = parse(path, engine="pdfium")
    assert b.source.extractor == "pdfium" and a.source.extractor == "pdfplumber"
    va, vb = _view(a), _view(b)
    for key in va:
        assert vb[key] == va[key], f"{path.name}: {key} differs"
    # boxes: the same to a hundredth of a point, but for a line ending in a glyph whose advance PDFium
    # takes from the font program rather than the PDF's /Widths (browser Type3 fonts)
    for x, y in zip(a.dropped, b.dropped, strict=True):
        assert x.bbox is not None and y.bbox is not None
        assert all(abs(u - v) < 0.01 for u, v in zip(x.bbox[1::2], y.bbox[1::2], strict=True)), (x, y)
        assert all(abs(u - v) < 1.0 for u, v in zip(x.bbox[::2], y.bbox[::2], strict=True)), (x, y)
    return b


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=[p.name for p in CORPUS_PDFS])
def test_corpus_pdf_same_as_pdfplumber(pdf: Path) -> None:
    _same(pdf)


@pytest.mark.parametrize("txt", DEV_TEXTS, ids=[p.stem for p in DEV_TEXTS])
def test_typeset_dev_text_same_as_pdfplumber(txt: Path, tmp_path: Path) -> None:
    """Every dev text typeset by reportlab, half of them justified with a banner and first-line indents,
    half ragged without indents under a running header and "第 n 页" footers."""
    lines = [ln for ln in txt.read_text("utf-8").splitlines() if ln.strip()]
    if DEV_TEXTS.index(txt) % 2 == 0:
        pdf = typeset(lines, tmp_path / "doc.pdf", red={0}, big={1})
    else:
        pdf = typeset(lines, tmp_path / "doc.pdf", big={0}, indent=False, justify=False,
                      header="上海市人民政府公报", footer="第 {n} 页")  # fmt: skip
    doc = _same(pdf)
    assert doc.source.page_count and doc.source.page_count >= 2


def test_ruled_table_falls_back_to_pdfplumber_for_the_table(tmp_path: Path) -> None:
    pdf = tmp_path / "table.pdf"
    make_table_pdf.write(pdf)
    doc = _same(pdf)
    assert len(list(doc.iter_tasks())) == 30


@pytest.mark.parametrize("rotation", [0, 90, 180])
def test_rotated_and_shifted_pages(rotation: int, tmp_path: Path) -> None:
    """Page rotation and a MediaBox away from the origin map to page coordinates as pdfplumber maps them."""
    from pypdf import PdfWriter
    from pypdf.generic import RectangleObject

    src = CORPORA / "ndrc_sta_tax_credit_2019" / "ndrc_sta_tax_credit_2019.real.pdf"
    w = PdfWriter(clone_from=str(src))
    for page in w.pages:
        box = page.mediabox
        page.mediabox = RectangleObject([float(box.left) - 20, float(box.bottom) + 30, float(box.right) - 20, float(box.top) + 30])
        if rotation:
            page.rotate(rotation)
    w.write(str(tmp_path / "r.pdf"))
    path = tmp_path / "r.pdf"
    try:
        parse(path)
    except errors.PolicyParseError as exc:  # a quarter turn leaves no upright text: the same error
        with pytest.raises(type(exc)):
            parse(path, engine="pdfium")
        return
    doc = _same(path)
    if rotation == 0:
        assert doc.meta.doc_number is not None and doc.meta.doc_number.serial == 860


def test_same_errors_on_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # the text layers' verdicts, not OCR's (issue #13)
    cases = [
        (bad.random_bytes(tmp_path / "random.pdf"), errors.PdfUnreadableError, {}),
        (bad.image_only(tmp_path / "scan.pdf"), errors.NoTextLayerError, {}),
        (make_type3_pdf.write(tmp_path / "nomap.pdf", list(range(0x4E00, 0x4E18)), to_unicode=False), errors.NoTextLayerError, {}),
        (bad.english(tmp_path / "english.pdf"), errors.NotAPolicyDocumentError, {}),
        (bad.encrypted(tmp_path / "enc.pdf", "user-pw", "owner-pw"), errors.PdfEncryptedError, {}),
        (tmp_path / "enc.pdf", errors.PdfEncryptedError, {"password": "wrong"}),
        (CORPUS_PDFS[0], errors.TooLargeError, {"max_pages": 2}),
    ]
    for path, cls, kw in cases:
        for engine in ("pdfplumber", "pdfium"):
            with pytest.raises(cls):
                parse(path, engine=engine, **kw)  # type: ignore[arg-type]


def test_passwords_and_mixed_pages(tmp_path: Path) -> None:
    enc = bad.encrypted(tmp_path / "enc.pdf", "user-pw", "owner-pw")
    a, b = parse(enc, password="user-pw"), parse(enc, password="user-pw", engine="pdfium")
    assert _view(a) == _view(b)
    owner = parse(bad.encrypted(tmp_path / "owner.pdf", "", "owner-pw"), engine="pdfium")
    assert any(w.code == "encrypted_owner_password" for w in owner.warnings)
    mixed = bad.mixed(tmp_path / "mixed.pdf")
    doc = _same(mixed)
    assert [(w.code, w.page) for w in doc.warnings if w.code == "image_only_page"] == [("image_only_page", 2)]


def test_pdfium_reads_what_pdfminer_cannot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab's predefined-CMap CID font in an encrypted file: pdfminer reads (cid:N) glyphs (and
    the pdfplumber engine needs OCR), PDFium maps them through the CMap. In the pdfium engine's favour."""
    pdf = bad.cid_only(tmp_path / "cid.pdf")
    doc = parse(pdf, engine="pdfium")
    assert doc.meta.title == "关于加强科技创新工作的通知" and not doc.source.ocr_pages
    monkeypatch.setitem(sys.modules, "pytesseract", None)
    with pytest.raises(errors.NoTextLayerError):
        parse(pdf)


def test_glyphs_beyond_the_bmp_and_line_end_hyphens(tmp_path: Path) -> None:
    """PDFium hands a supplementary-plane character over as two UTF-16 halves and marks a hyphen that
    ends a line; both read as pdfminer reads them."""
    from policyparse.readers.pdf import extract_pdf
    from policyparse.readers.pdfium import extract_pdfium

    cps = [0x4E00, 0x20000, 0x4E8C, 0x2A6D6, 0x4E09, 0x2D, 0x56DB] + [0x4E94] * 12 + [0x2D]
    pdf = make_type3_pdf.write(tmp_path / "astral.pdf", cps * 2, per_line=len(cps))
    a, b = extract_pdf(pdf), extract_pdfium(pdf)
    assert [ln.text for ln in b.lines] == [ln.text for ln in a.lines] == ["一𠀀二𪛖三-四" + "五" * 12 + "-"] * 2


@pytest.mark.parametrize("n", [pytest.param(20, id="sample"), pytest.param(120, id="full", marks=pytest.mark.long)])
@pytest.mark.parametrize("name", ["ndrc_sta_tax_credit_2019", "gov_guofa_2019_3_bonded_zones"])
def test_pdfium_mutation_fuzz(name: str, n: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """120 byte mutants of a corpus PDF through the pdfium engine (20 by default): a result or a
    PolicyParseError (PDFium repairs more files than pdfminer: most mutants parse), never a crash."""
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # the engine under test, not OCR of broken pages
    pdf = next(p for p in CORPUS_PDFS if p.parent.name == name)
    outcomes: dict[str, int] = {}
    path = tmp_path / "m.pdf"
    for data in bad.mutants(pdf.read_bytes(), n, seed=11):
        path.write_bytes(data)
        try:
            doc = parse(path, engine="pdfium", timeout=10)
            for t in doc.iter_tasks():
                assert doc.text[t.span[0] : t.span[1]] == t.text
            key = "ok"
        except errors.PolicyParseError as exc:
            key = type(exc).__name__
        outcomes[key] = outcomes.get(key, 0) + 1
    assert sum(outcomes.values()) == n and outcomes.get("ok", 0) > n // 2
    print(name, outcomes)


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="engine"):
        parse(CORPUS_PDFS[0], engine="pymupdf")
