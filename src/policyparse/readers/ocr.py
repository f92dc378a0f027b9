"""Reader (scans): PDF pages without a text layer, read by Tesseract (optional extra ``policyparse[ocr]``).

A page is rendered by pdfium at ``DPI`` and read by Tesseract's Chinese model (chi_sim); its words
become printed lines with page and box (PDF points), the same ``Line`` objects the pdfplumber engine
yields, so ``pdf_layout`` joins them into paragraphs and the core never knows the text was scanned.

- sizes: Tesseract's boxes are glyph boxes, not font sizes; a line's size is its median word height,
  and sizes within 15 % of the body's are the body size (layout compares sizes to the point);
- colour: a line whose ink is mostly red is red (the 版头 banner), as in a text PDF;
- punctuation: chi_sim often returns ASCII , : ; ( ) ? ! beside Chinese characters; there they are the
  full-width marks the document printed; a 《 closed by ） is a misread （;
- confidence: each page's mean word confidence (0–100) is kept (``Source.ocr_pages``); a page under
  ``LOW_CONFIDENCE`` is a warning.

Without the extra (pytesseract) or without the Tesseract program and its chi_sim model, a PDF without
text is today's NoTextLayerError, whose message says what is missing.
"""

from __future__ import annotations

import itertools
import os
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from policyparse.errors import NoTextLayerError, PdfUnreadableError
from policyparse.readers.base import Line, PageInfo, RawParagraph, ReadResult

DPI = 200  # measured on the corpus scans: 150, 200 and 300 dpi read alike; 200 the best, 300 slower
LOW_CONFIDENCE = 75.0
LANG = "chi_sim"
_GLYPH_TO_EM = 0.9  # a Han glyph's ink box is about nine tenths of the em
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_AFTER_HAN = regex.compile(r"(?<=\p{Han})\s*([,:;?!])\s*")
_PUNCT_BEFORE_HAN = regex.compile(r"([,:;?!])\s*(?=\p{Han})")
_OPEN = regex.compile(r"\((?=\s*\p{Han})")
_CLOSE = regex.compile(r"(?<=\p{Han})\s*\)")


def missing() -> str | None:
    """What OCR lacks on this machine, or None when it can run."""
    try:
        import pytesseract
    except ImportError:
        return "OCR is not installed (pip install 'policyparse[ocr]', then apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    try:
        pytesseract.get_tesseract_version()
        langs = pytesseract.get_languages(config="")
    except Exception:  # pytesseract raises its own TesseractNotFoundError, or OSError
        return "the tesseract program is not on PATH (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    if LANG not in langs:
        return f"Tesseract's Chinese model {LANG} is missing (apt-get install tesseract-ocr-chi-sim)"
    return None


def fix_punctuation(s: str) -> str:
    """ASCII punctuation beside Han characters → the full-width marks Chinese text prints."""
    s = str(_PUNCT_AFTER_HAN.sub(lambda m: _FULL[m[1]], s))
    s = str(_PUNCT_BEFORE_HAN.sub(lambda m: _FULL[m[1]], s))
    s = str(_OPEN.sub("（", s))
    return str(_CLOSE.sub("）", s))


@dataclass
class OcrResult:
    lines: list[Line] = field(default_factory=list)
    pages: list[PageInfo] = field(default_factory=list)
    confidence: dict[int, float] = field(default_factory=dict)
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)


def _red(img: Any, box: tuple[int, int, int, int]) -> bool:
    from PIL import ImageChops

    crop = img.crop(box)
    r, g, b = crop.split()
    red = ImageChops.multiply(
        ImageChops.multiply(r.point(lambda v: 255 if v > 150 else 0), g.point(lambda v: 255 if v < 110 else 0)),
        b.point(lambda v: 255 if v < 110 else 0),
    )
    n_red = red.histogram()[255]
    ink = crop.convert("L").point(lambda v: 255 if v < 170 else 0).histogram()[255]
    return bool(ink > 0 and n_red > 0.5 * ink)


@contextmanager
def _one_thread() -> Iterator[None]:
    """Tesseract's OpenMP threads make it about three times slower on two shared cores (measured: 13.7 s
    against 38.6 s for four pages); one thread per process, unless the user set OMP_THREAD_LIMIT."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OMP_THREAD_LIMIT", None)


def _page_lines(img: Any, number: int, scale: float) -> tuple[list[Line], float | None]:
    """Tesseract's words of one rendered page grouped into lines; the page's mean word confidence."""
    import pytesseract

    with _one_thread():
        d = pytesseract.image_to_data(img, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT)
    groups: dict[tuple[int, int, int], list[int]] = {}
    line_box: dict[tuple[int, int, int], int] = {}  # Tesseract's line rows: steadier heights than its words
    confs: list[float] = []
    for i, text in enumerate(d["text"]):
        key = (int(d["block_num"][i]), int(d["par_num"][i]), int(d["line_num"][i]))
        if int(d["level"][i]) == 4:
            line_box[key] = i
        if int(d["level"][i]) != 5 or not str(text).strip():
            continue
        groups.setdefault(key, []).append(i)
        c = float(d["conf"][i])
        if c >= 0:
            confs.append(c)
    lines: list[Line] = []
    for key, idx in groups.items():
        idx.sort(key=lambda i: int(d["left"][i]))
        x0 = min(int(d["left"][i]) for i in idx)
        top = min(int(d["top"][i]) for i in idx)
        x1 = max(int(d["left"][i]) + int(d["width"][i]) for i in idx)
        bottom = max(int(d["top"][i]) + int(d["height"][i]) for i in idx)
        row = line_box.get(key)
        height = int(d["height"][row]) if row is not None else statistics.median(int(d["height"][i]) for i in idx)
        words = [str(d["text"][i]).strip() for i in idx]
        size = height * scale / _GLYPH_TO_EM
        stops: list[float] = []
        for a, b in itertools.pairwise(idx):
            gap = int(d["left"][b]) - (int(d["left"][a]) + int(d["width"][a]))
            if gap > 0.6 * height or str(d["text"][a]).strip()[-1:] in "：:.．、":
                stops.append(int(d["left"][b]) * scale)
        lines.append(
            Line(
                page=number, x0=x0 * scale, top=top * scale, x1=x1 * scale, bottom=bottom * scale,
                text=fix_punctuation(" ".join(words)), family="ocr", size=size,
                red=_red(img, (x0, top, x1, bottom)), stops=tuple(stops),
            )
        )  # fmt: skip
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines, (statistics.fmean(confs) if confs else None)


def _snap_sizes(lines: list[Line]) -> list[Line]:
    """Sizes within 15 % of the body size become the body size; others are rounded to half points."""
    from dataclasses import replace

    if not lines:
        return lines
    weights: dict[float, int] = {}
    for ln in lines:
        key = round(ln.size * 2) / 2
        weights[key] = weights.get(key, 0) + len(ln.text)
    body = statistics.median(k for k, n in weights.items() for _ in range(n))
    return [replace(ln, size=body if abs(ln.size - body) <= 0.15 * body else round(ln.size * 2) / 2) for ln in lines]


def ocr_pages(path: Path, numbers: list[int] | None, *, password: str | None = None) -> OcrResult:
    """Render and read the pages ``numbers`` (1-based; None: all) of the PDF at ``path``."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        raise PdfUnreadableError(f"pdfium cannot open the PDF to render it for OCR ({exc})", path=str(path)) from exc
    out = OcrResult()
    scale = 72.0 / DPI
    try:
        for n in numbers or list(range(1, len(pdf) + 1)):
            page = pdf[n - 1]
            try:
                width, height = page.get_size()
                img = page.render(scale=DPI / 72.0).to_pil().convert("RGB")
            finally:
                page.close()
            lines, conf = _page_lines(img, n, scale)
            out.pages.append(PageInfo(n, float(width), float(height), sum(len(ln.text) for ln in lines), 1))
            if conf is None:
                continue
            out.confidence[n] = round(conf, 1)
            out.lines.extend(lines)
            if conf < LOW_CONFIDENCE:
                out.warnings.append(("ocr_low_confidence", f"page {n} read by OCR with a mean confidence of {conf:.0f}/100", n))
    finally:
        pdf.close()
    out.lines = _snap_sizes(out.lines)
    return out


_OPENERS = {"《": "》", "（": "）", "(": ")"}
_CLOSERS = {"》": "《", "）": "（", ")": "("}


def repair_brackets(paras: list[RawParagraph]) -> None:
    """chi_sim reads a full-width （ as 《 now and then: a 《 closed by ）, or a （ closed by 》, is a
    pair of round brackets. Works across the lines of a paragraph (a clause often wraps), in place."""
    for rp in paras:
        chars = [list(t) for t, _, _ in rp.lines]
        stack: list[tuple[int, int]] = []
        for li, line in enumerate(chars):
            for ci, ch in enumerate(line):
                if ch in _OPENERS:
                    stack.append((li, ci))
                elif ch in _CLOSERS and stack:
                    oli, oci = stack.pop()
                    opener = chars[oli][oci]
                    if opener == "《" and ch in "）)":
                        chars[oli][oci] = "（"
                    elif opener in "（(" and ch == "》":
                        chars[li][ci] = "）"
        rp.lines = [("".join(c), pg, box) for c, (_, pg, box) in zip(chars, rp.lines, strict=True)]


def ocr_whole_pdf(path: Path, exc: NoTextLayerError, *, password: str | None, max_pages: int | None) -> ReadResult:
    """A PDF without a usable text layer, read by OCR; ``exc`` (the reader's error) when OCR cannot help."""
    from policyparse.readers.pdf_layout import paragraphs_from_lines

    why = missing()
    if why is not None:
        raise NoTextLayerError(f"{exc.message}; {why}", path=str(path)) from exc
    res = ocr_pages(path, None, password=password)
    if not res.lines:
        raise NoTextLayerError(f"{exc.message}; OCR found no text either", path=str(path)) from exc
    raw, dropped = paragraphs_from_lines(res.lines, res.pages)
    repair_brackets(raw)
    return ReadResult(
        paragraphs=raw, format="pdf", extractor=f"pdfium+tesseract-{LANG}", page_count=len(res.pages),
        dropped=dropped, warnings=res.warnings, ocr_confidence=res.confidence,
    )  # fmt: skip


def ocr_image_pages(path: Path, rr: ReadResult, *, password: str | None) -> ReadResult:
    """A text PDF with image-only pages: those pages by OCR, in their place (when OCR is installed)."""
    from policyparse.readers.pdf_layout import paragraphs_from_lines

    pages = sorted({w[2] for w in rr.warnings if w[0] == "image_only_page" and w[2] is not None})
    if not pages or missing() is not None:
        return rr
    res = ocr_pages(path, pages, password=password)
    read = set(res.confidence)
    if not read:
        return rr
    raw, dropped = paragraphs_from_lines(res.lines, [p for p in res.pages if p.number in read])
    repair_brackets(raw)

    def first_page(p: RawParagraph) -> int:
        return next((pg for _, pg, _ in p.lines if pg is not None), 0)

    merged = sorted([*rr.paragraphs, *raw], key=first_page)  # stable: each source keeps its order
    return ReadResult(
        paragraphs=merged, format=rr.format, extractor=f"{rr.extractor}+tesseract-{LANG}", page_count=rr.page_count,
        dropped=[*rr.dropped, *dropped], ocr_confidence=res.confidence, page_metadata=rr.page_metadata,
        warnings=[w for w in rr.warnings if not (w[0] == "image_only_page" and w[2] in read)] + res.warnings,
    )  # fmt: skip
