"""Input readers: one module per format, each yielding the paragraphs the core consumes.

``read_path`` picks the reader from the file's content (magic bytes, zip members, markup; see
``detect``), falling back to its suffix. Heavy libraries (pdfplumber, lxml, Tesseract) are imported
only by the reader that needs them (pypdfium2 by the pdfium engine).

=========  ==========================================================================
pdf        ``pdf.py`` (pdfplumber) or ``pdfium.py`` (PDFium), both through ``pdf_lines.py`` and
           ``pdf_layout.py``; image-only pages through ``ocr.py``
txt        ``text.py``: one paragraph per line, tables as tab-separated cells
html       ``html.py``: the article body of a saved web page and its metadata header
docx       ``docx.py``: paragraphs, Word list numbering, tables, headers/footers dropped
doc, wps   ``convert.py``: LibreOffice headless to .docx, then ``docx.py``
=========  ==========================================================================
"""

from __future__ import annotations

from pathlib import Path

from policyparse.errors import EmptyDocumentError, NoTextLayerError, UnsupportedFormatError
from policyparse.readers.base import ReadResult
from policyparse.readers.detect import SUFFIXES, sniff

SUPPORTED = "PDF, DOCX, DOC/WPS, HTML or text"


def read_path(
    p: Path, data: bytes, *, password: str | None = None, max_pages: int | None = None, engine: str = "pdfplumber"
) -> ReadResult:
    """Read the file ``p`` (whose bytes are ``data``) with the reader its content calls for.

    ``engine`` picks the PDF engine: ``"pdfplumber"`` or ``"pdfium"`` (see ``readers/pdfium.py``).
    """
    fmt = sniff(data[:4096], p.suffix, data=data)
    if fmt == "pdf":
        return _read_pdf(p, password=password, max_pages=max_pages, engine=engine)
    if not data.strip():
        raise EmptyDocumentError("the file is empty", path=str(p))
    if fmt == "txt":
        from policyparse.readers.text import read_text_bytes

        return read_text_bytes(data, path=str(p))
    if fmt == "html":
        from policyparse.readers.html import read_html

        return read_html(data, path=str(p))
    if fmt == "docx":
        from policyparse.readers.docx import read_docx

        return read_docx(data, path=str(p))
    if fmt == "doc":
        from policyparse.readers.convert import read_doc

        return read_doc(p)
    raise UnsupportedFormatError(
        f"unsupported file type {p.suffix.lower()!r} (expected {SUPPORTED})", path=str(p)
    )


def _read_pdf(p: Path, *, password: str | None, max_pages: int | None, engine: str) -> ReadResult:
    """The text layer; pages without one (scans, glyphs without Unicode) through OCR when it is installed."""
    from policyparse.readers.pdf import read_pdf

    try:
        rr = read_pdf(p, password=password, max_pages=max_pages, engine=engine)
    except NoTextLayerError as exc:
        from policyparse.readers.ocr import ocr_whole_pdf

        return ocr_whole_pdf(p, exc, password=password, max_pages=max_pages)
    if any(w[0] == "image_only_page" for w in rr.warnings):
        from policyparse.readers.ocr import ocr_image_pages

        rr = ocr_image_pages(p, rr, password=password)
    return rr


__all__ = ["SUFFIXES", "ReadResult", "read_path", "sniff"]
