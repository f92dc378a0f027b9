"""Reader (PDF, pdfplumber engine): pdfplumber characters → printed lines with page, box, font family, size, colour."""

from __future__ import annotations

import re
import statistics
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

# Family by substrings of the font name, as producers spell them (Word/WPS, Founder, Fandol, Adobe…).
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("xbs", ("xbs", "小标宋", "biaosong", "fzxbs")),
    ("hei", ("hei", "黑体", "fzhtk", "simhei", "fzht")),
    ("kai", ("kai", "楷", "fzktk", "fzkt")),
    ("fang", ("fang", "仿宋", "fzfsk", "fzfs")),
    ("song", ("song", "宋", "fzssk", "simsun", "fzss")),
)


def font_family(fontname: str) -> str:
    """Map a PDF font name (subset prefix, GBK bytes and all) to hei/kai/fang/song/xbs/latin/other."""
    name = fontname.split("+", 1)[-1]
    try:
        # Chinese Windows stores names as GBK bytes; pdfminer hands them over as latin-1 text.
        name = name.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    low = name.lower()
    for fam, keys in _FAMILIES:
        if any(k in low for k in keys):
            return fam
    if any(k in low for k in ("times", "roman", "serif", "arial", "helvet", "calibri")):
        return "latin"
    return "other"


def _is_red(color: Any) -> bool:
    if isinstance(color, (tuple, list)) and len(color) == 3:
        r, g, b = (float(x) for x in color)
        return r > 0.6 and g < 0.35 and b < 0.35
    if isinstance(color, (tuple, list)) and len(color) == 4:  # CMYK
        c, m, y, k = (float(x) for x in color)
        return m > 0.6 and y > 0.5 and c < 0.3 and k < 0.4
    return False


def _lines_of_page(chars: list[dict[str, Any]], page: int) -> list[Line]:
    chars = [c for c in chars if (c.get("upright", True) and c["text"].strip() != "") or c["text"] == " "]
    chars.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
    rows: list[list[dict[str, Any]]] = []
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        for row in reversed(rows[-3:]):
            r0 = row[0]
            rmid = (r0["top"] + r0["bottom"]) / 2
            if abs(mid - rmid) < 0.45 * max(r0["size"], c["size"]):
                row.append(c)
                break
        else:
            rows.append([c])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        runs: list[list[dict[str, Any]]] = [[]]
        prev: dict[str, Any] | None = None
        for c in row:
            if prev is not None and c["x0"] - prev["x1"] > 2.5 * max(prev["size"], c["size"]):
                runs.append([])
            runs[-1].append(c)
            prev = c
        for run in runs:
            ink = [c for c in run if c["text"].strip()]
            if not ink:
                continue
            text_parts: list[str] = []
            stops: list[float] = []
            last: dict[str, Any] | None = None
            for c in run:
                gap = last is not None and c["x0"] - last["x1"] > 0.2 * c["size"] and c["text"] != " "
                if gap:
                    text_parts.append(" ")
                if last is not None and c["text"].strip() and (gap or last["text"] in " ：:.．、"):
                    # a tab stop: where the text after a label ("附件：1. ") starts, for hanging indents
                    stops.append(c["x0"])
                text_parts.append(c["text"])
                last = c
            sizes = [c["size"] for c in ink]
            fams = [font_family(c["fontname"]) for c in ink]
            cjk_fams = [f for f in fams if f != "latin"] or fams
            out.append(
                Line(
                    page=page,
                    x0=min(c["x0"] for c in ink),
                    top=min(c["top"] for c in ink),
                    x1=max(c["x1"] for c in ink),
                    bottom=max(c["bottom"] for c in ink),
                    text="".join(text_parts),
                    family=statistics.mode(cjk_fams),
                    size=round(statistics.median(sizes), 1),
                    red=sum(_is_red(c.get("non_stroking_color")) for c in ink) > len(ink) / 2,
                    stops=tuple(stops),
                )
            )
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


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
    return result


_CID = re.compile(r"\(cid:\d+\)")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _read_page(page: Any, i: int) -> tuple[PageInfo, list[Line]]:
    chars = list(page.chars)
    n_images = len(page.images)
    width, height = float(page.width), float(page.height)
    rows = _table_rows(page, i) if (page.rects or page.lines) else []
    n_chars = sum(1 for c in chars if str(c["text"]).strip())
    boxes = [(r.x0, r.top, r.x1, r.bottom) for r in rows]
    free = [c for c in chars if not any(_inside(c, b) for b in boxes)]
    lines = _lines_of_page(free, i) + rows
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return PageInfo(i, width, height, n_chars, n_images), lines


def _inside(c: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


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
            text = "\t".join((t or "").replace("\n", "") for t in texts)
            if not text.replace("\t", "").strip():
                continue
            out.append(Line(number, x0, top, x1, bottom, text, "other", 0.0, False, (), True))
    return out


def read_pdf(path: Path, *, password: str | None = None, max_pages: int | None = None) -> ReadResult:
    """A PDF through pdfplumber: lines, then paragraphs by the page layout."""
    from policyparse.readers.pdf_layout import paragraphs_and_margins

    with counted_library_logs() as logged:
        ex = extract_pdf(path, password=password, max_pages=max_pages)
    ex.warnings.extend(log_warnings(logged))
    raw, m = paragraphs_and_margins(ex.lines, ex.pages)
    return ReadResult(
        paragraphs=raw, format="pdf", extractor="pdfplumber", page_count=len(ex.pages), dropped=m.dropped,
        warnings=list(ex.warnings), page_title=m.page_title,
    )  # fmt: skip
