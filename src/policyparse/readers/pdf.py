"""Reader (PDF, pdfplumber engine): pdfplumber characters → glyphs → printed lines (``pdf_lines``), and ruled tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from policyparse.errors import (
    EmptyDocumentError,
    NoTextLayerError,
    PdfEncryptedError,
    PdfUnreadableError,
    PolicyParseError,
    TooLargeError,
)
from policyparse.readers.base import Extracted, Line, PageInfo, ReadResult
from policyparse.readers.liblog import counted_library_logs, log_warnings
from policyparse.readers.pdf_lines import Glyph, font_family, is_red, lines_of_page
from policyparse.readers.split_rows import cell_lines

ENGINES = ("pdfplumber", "pdfium")


def extract_pdf(path: Path, *, password: str | None = None, max_pages: int | None = None) -> Extracted:
    """Read the text layer of a PDF into lines. Raises the PolicyParseError subclass that fits.

    A page pdfminer cannot read becomes a warning, not a failure; pages are closed as soon as
    they are read so that memory stays flat on long documents.
    """
    import pdfplumber  # imported here: text input must not pay for it
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise PdfUnreadableError("not a PDF (no %PDF- header)", path=str(path))
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except PdfminerException as exc:
        cause = exc.__cause__ or (exc.args[0] if exc.args else exc)
        if isinstance(cause, PDFPasswordIncorrect):
            raise PdfEncryptedError(
                f"encrypted PDF: {'wrong password' if password else 'a password is needed (--password)'}",
                path=str(path),
            ) from exc
        raise PdfUnreadableError(f"unreadable PDF ({_describe(cause)})", path=str(path)) from exc
    except PolicyParseError:
        raise  # the time limit, raised from a signal handler
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise PdfUnreadableError(f"unreadable PDF ({_describe(exc)})", path=str(path)) from exc
    result = Extracted(lines=[], pages=[])
    try:
        if getattr(pdf.doc, "encryption", None) and not password:
            result.warnings.append(("encrypted_owner_password", "encrypted with an owner password only: read without one", None))
        try:
            n = len(pdf.pages)
        except PolicyParseError:
            raise
        except Exception as exc:
            raise PdfUnreadableError(f"unreadable PDF ({_describe(exc)})", path=str(path)) from exc
        if max_pages is not None and n > max_pages:
            raise TooLargeError(f"{n} pages, over the limit of {max_pages} (--max-pages)", path=str(path))
        if n == 0:
            raise EmptyDocumentError("the PDF has no pages", path=str(path))
        for i, page in enumerate(pdf.pages, start=1):
            try:
                info, lines = _read_page(page, i)
            except PolicyParseError:
                raise
            except Exception as exc:
                result.warnings.append(("page_unreadable", f"page {i}: {_describe(exc)}", i))
                continue
            finally:
                page.close()
            result.pages.append(info)
            if info.n_chars == 0 and info.n_images:
                result.warnings.append(("image_only_page", f"page {i} is an image without text (OCR it)", i))
            result.lines.extend(lines)
    finally:
        pdf.close()
    check_text_layer(result, path)
    return result


def check_text_layer(result: Extracted, path: Path) -> None:
    """Fail on a text layer without text (a scan, unmapped glyphs); warn about a few unmapped glyphs."""
    n_cid = sum(1 for ln in result.lines for _ in _CID.finditer(ln.text))
    n_all = sum(p.n_chars for p in result.pages)
    if n_all and n_cid > n_all / 2:
        raise NoTextLayerError(
            "the text layer has no Unicode mapping (glyphs read as (cid:N)); OCR the rendered pages", path=str(path)
        )
    if n_cid:
        result.warnings.append(("unmapped_glyphs", f"{n_cid} glyphs without Unicode mapping kept as (cid:N)", None))
    if not any(p.n_chars for p in result.pages):
        if any(p.n_images for p in result.pages):
            raise NoTextLayerError("no text layer: the pages are images (a scan); run OCR first", path=str(path))
        if any(w[0] == "page_unreadable" for w in result.warnings):
            raise PdfUnreadableError(f"no page could be read ({result.warnings[-1][1]})", path=str(path))
        raise EmptyDocumentError("the PDF holds no text", path=str(path))


_CID = re.compile(r"\(cid:\d+\)")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _read_page(page: Any, i: int) -> tuple[PageInfo, list[Line]]:
    chars = list(page.chars)
    n_images = len(page.images)
    width, height = float(page.width), float(page.height)
    rows = table_rows_of_page(page, i)
    n_chars = sum(1 for c in chars if str(c["text"]).strip())
    boxes = [(r.x0, r.top, r.x1, r.bottom) for r in rows]
    free = [_glyph(c) for c in chars if not any(_inside(c, b) for b in boxes)]
    lines = lines_of_page(free, i) + rows
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return PageInfo(i, width, height, n_chars, n_images), lines


def _glyph(c: dict[str, Any]) -> Glyph:
    top, bottom = c["top"], c["bottom"]
    m = c.get("matrix")
    if m is not None and m[1] == 0 and m[2] == 0 and m[3] > 0:
        # the em box on the baseline (see pdf_lines): drop pdfminer's descent (and the text rise)
        shift = c["y0"] - m[5]
        top, bottom = top + shift, bottom + shift
    return Glyph(
        c["text"], c["x0"], top, c["x1"], bottom, c["size"], font_family(c["fontname"]),
        is_red(c.get("non_stroking_color")), c.get("upright", True),
    )  # fmt: skip


def _inside(c: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def table_rows_of_page(page: Any, number: int) -> list[Line]:
    """The ruled-table rows of a pdfplumber page (none without rectangles or lines to rule them)."""
    return _table_rows(page, number) if (page.rects or page.lines) else []


def _table_rows(page: Any, number: int) -> list[Line]:
    """Ruled tables (任务分工表) as one line per row, cells joined by tabs; merged cells are empty."""
    out: list[Line] = []
    for table in page.find_tables():
        cells = table.extract()
        width = max(len(r) for r in cells)
        # one row is a table too when it is ruled into three cells or more (a table's last row on a new page)
        if width < 2 or (len(cells) < 2 and width < 3):
            continue
        for row, texts in zip(table.rows, cells, strict=False):
            x0, top, x1, bottom = row.bbox
            text = "\t".join(cell_lines(t or "") for t in texts)
            if not text.replace("\t", "").strip():
                continue
            out.append(Line(number, x0, top, x1, bottom, text, "other", 0.0, False, (), True))
    return out


def read_pdf(
    path: Path, *, password: str | None = None, max_pages: int | None = None, engine: str = "pdfplumber"
) -> ReadResult:
    """A PDF through one engine (pdfplumber or pdfium): lines, then paragraphs by the page layout."""
    from policyparse.readers.pdf_layout import paragraphs_and_margins

    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r} (expected one of {', '.join(ENGINES)})")
    with counted_library_logs() as logged:
        if engine == "pdfium":
            from policyparse.readers.pdfium import extract_pdfium

            ex = extract_pdfium(path, password=password, max_pages=max_pages)
        else:
            ex = extract_pdf(path, password=password, max_pages=max_pages)
    ex.warnings.extend(log_warnings(logged))
    raw, m = paragraphs_and_margins(ex.lines, ex.pages)
    return ReadResult(
        paragraphs=raw, format="pdf", extractor=engine, page_count=len(ex.pages), dropped=m.dropped,
        warnings=list(ex.warnings), page_title=m.page_title,
    )  # fmt: skip
