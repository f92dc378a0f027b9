"""Reader (PDF, pdfium engine): PDFium's characters → the same glyphs and lines as the pdfplumber engine.

PDFium (through pypdfium2) reads a page's characters many times faster than pdfminer. This engine
turns them into the ``Glyph`` records of ``pdf_lines`` so that the shared line and layout stages give
the same paragraphs as the pdfplumber engine (tests/test_pdfium.py). What it takes care of:

- boxes: across, from the origin by the advance (``FPDFText_GetLooseCharBox``' left and right; the
  default ``FPDFText_GetCharBox`` is the tight ink box, narrower than the advance pdfminer uses); up,
  the em box on the baseline (the origin's y), as ``pdf_lines.Glyph`` defines it for every engine;
- size: the font size times the text matrix' vertical scale (``FPDFText_GetFontSize`` is the raw
  ``Tf`` operand, which producers that scale through the matrix set to 1);
- characters: spaces and line breaks that PDFium generates itself (``FPDFText_IsGenerated``) are
  skipped — the line stage decides about gaps — while spaces the PDF prints are kept; a glyph without a
  Unicode mapping (``FPDFText_HasUnicodeMapError``) reads as ``(cid:N)``, as pdfminer prints it;
  PDFium's mark for a hyphen ending a line (0x2 in the char list, U+FFFE in the page text) reads as
  "-"; a supplementary-plane character comes as two UTF-16 halves and is joined;
- font name (``FPDFFont_GetBaseFontName``, GBK bytes decoded as pdfminer does) and fill colour
  (``FPDFPageObj_GetFillColor``, RGB after PDFium's conversion from CMYK or ICC) per text object;
- page rotation and the MediaBox origin, mapped to top-left page coordinates as pdfplumber maps them.

Differences that remain are PDFium's own reading of the text layer: it resolves some glyphs through
the font program (a browser's Type3 glyphs to unified ideographs where the ToUnicode map says
radicals, advances from the glyph rather than /Widths) and maps predefined CJK CMaps pdfminer
cannot; pdfminer turns unmapped byte codes from 32 up into ASCII where PDFium reports no mapping.

Ruled tables (a page whose paths could form a grid of 2 × 2 cells or more) are read by pdfplumber's
table finder, for that page only. PDFium is not thread-safe: one document at a time per process.
"""

from __future__ import annotations

import ctypes
import itertools
import threading
from ctypes import POINTER, byref, c_double, c_float, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# this module is imported only when the pdfium engine is asked for
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as R  # type: ignore[import-untyped]

from policyparse.errors import (
    EmptyDocumentError,
    PdfEncryptedError,
    PdfUnreadableError,
    PolicyParseError,
    TooLargeError,
)
from policyparse.readers.base import Extracted, Line, PageInfo
from policyparse.readers.pdf_lines import Glyph, font_family, is_red, lines_of_page

_LOCK = threading.Lock()

_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5


class _Rect(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


class _Matrix(ctypes.Structure):
    _fields_ = [("a", c_float), ("b", c_float), ("c", c_float), ("d", c_float), ("e", c_float), ("f", c_float)]


@dataclass(frozen=True)
class _Api:
    """Private ctypes prototypes of the PDFium calls made per character (handles as plain integers:
    the generated bindings' pointer types cost a few microseconds per call, thousands of times a page)."""

    is_generated: Any
    unicode: Any
    map_error: Any
    text_object: Any
    origin: Any
    loose_box: Any
    matrix: Any
    obj_font_size: Any
    obj_font: Any
    font_name: Any
    font_descent: Any
    fill_color: Any
    count_objects: Any
    get_object: Any
    form_count: Any
    form_object: Any
    obj_type: Any
    obj_matrix: Any
    path_count: Any
    path_segment: Any
    segment_point: Any
    segment_type: Any


@cache
def _api() -> _Api:
    def fn(f: Any, restype: Any, *args: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *args)(_address(f))

    V, I, D, F = c_void_p, c_int, POINTER(c_double), POINTER(c_float)  # noqa: E741
    return _Api(
        is_generated=fn(R.FPDFText_IsGenerated, c_int, V, I),
        unicode=fn(R.FPDFText_GetUnicode, c_uint, V, I),
        map_error=fn(R.FPDFText_HasUnicodeMapError, c_int, V, I),
        text_object=fn(R.FPDFText_GetTextObject, V, V, I),
        origin=fn(R.FPDFText_GetCharOrigin, c_int, V, I, D, D),
        loose_box=fn(R.FPDFText_GetLooseCharBox, c_int, V, I, POINTER(_Rect)),
        matrix=fn(R.FPDFText_GetMatrix, c_int, V, I, POINTER(_Matrix)),
        obj_font_size=fn(R.FPDFTextObj_GetFontSize, c_int, V, F),
        obj_font=fn(R.FPDFTextObj_GetFont, V, V),
        font_name=fn(R.FPDFFont_GetBaseFontName, c_ulong, V, ctypes.c_char_p, c_ulong),
        font_descent=fn(R.FPDFFont_GetDescent, c_int, V, c_float, F),
        fill_color=fn(R.FPDFPageObj_GetFillColor, c_int, V, POINTER(c_uint), POINTER(c_uint), POINTER(c_uint), POINTER(c_uint)),
        count_objects=fn(R.FPDFPage_CountObjects, c_int, V),
        get_object=fn(R.FPDFPage_GetObject, V, V, I),
        form_count=fn(R.FPDFFormObj_CountObjects, c_int, V),
        form_object=fn(R.FPDFFormObj_GetObject, V, V, c_ulong),
        obj_type=fn(R.FPDFPageObj_GetType, c_int, V),
        obj_matrix=fn(R.FPDFPageObj_GetMatrix, c_int, V, POINTER(_Matrix)),
        path_count=fn(R.FPDFPath_CountSegments, c_int, V),
        path_segment=fn(R.FPDFPath_GetPathSegment, V, V, I),
        segment_point=fn(R.FPDFPathSegment_GetPoint, c_int, V, F, F),
        segment_type=fn(R.FPDFPathSegment_GetType, c_int, V),
    )


def _address(handle: Any) -> int:
    """The address behind a ctypes pointer or function (PDFium handles are opaque pointers)."""
    value = ctypes.cast(handle, c_void_p).value
    if value is None:
        raise ValueError("null PDFium handle")
    return value


# --- page geometry: PDF user space → pdfplumber's top-left coordinates ------------------------------

Affine = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class _PageFrame:
    """pdfminer's page CTM (rotation, MediaBox origin) and pdfplumber's flip to top-left coordinates."""

    ctm: Affine
    width: float
    height: float
    dx: float  # pdfplumber adds the MediaBox' left edge back to x
    dy: float  # … and its top to ``top``

    @staticmethod
    def of(mediabox: tuple[float, float, float, float], rotation: int) -> _PageFrame:
        x0, y0, x1, y1 = min(mediabox[0], mediabox[2]), min(mediabox[1], mediabox[3]), max(mediabox[0], mediabox[2]), max(mediabox[1], mediabox[3])
        ctm: Affine
        if rotation == 90:
            ctm = (0, -1, 1, 0, -y0, x1)
        elif rotation == 180:
            ctm = (-1, 0, 0, -1, x1, y1)
        elif rotation == 270:
            ctm = (0, 1, -1, 0, y1, -x0)
        else:
            ctm = (1, 0, 0, 1, -x0, -y0)
        nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        height = ny1 - ny0
        return _PageFrame(ctm=ctm, width=nx1 - nx0, height=height, dx=nx0, dy=height - ny1)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) in pdfplumber's coordinates."""
        a, b, c, d, e, f = self.ctm
        xs = (a * x0 + c * y0 + e, a * x1 + c * y0 + e, a * x0 + c * y1 + e, a * x1 + c * y1 + e)
        ys = (b * x0 + d * y0 + f, b * x1 + d * y0 + f, b * x0 + d * y1 + f, b * x1 + d * y1 + f)
        return min(xs) + self.dx, self.height - max(ys) + self.dy, max(xs) + self.dx, self.height - min(ys) + self.dy


@dataclass(frozen=True)
class _Run:
    """What the characters of one PDFium text object share."""

    fast: bool  # unrotated page, axis-aligned upright text: boxes by a few additions
    upright: bool
    family: str
    red: bool
    fs_y: float  # font size × the matrix' vertical scale: the glyph box height
    flip_x: bool  # the advance runs leftwards
    a: float
    b: float
    c: float
    d: float
    fs: float
    desc: float


_MAYBE_GENERATED = frozenset((0x20, 0x0D, 0x0A))


class _PageText:
    """One text page read character by character, with what its text objects share looked up once.

    Calls per character: text object, Unicode-map error, loose box (the advance); generated? only for
    spaces and line breaks. The text comes in one call for the page; the origin only for an object's
    first character (the baseline of an upright object is one line; the loose box starts at the
    origin), except where PDFium's loose box falls back to the ink box.
    """

    def __init__(self, api: _Api, tp: int, n: int, frame: _PageFrame) -> None:
        self.api, self.tp, self.n, self.frame = api, tp, n, frame
        self.fonts: dict[int, str] = {}  # per page: PDFium may free a font with its page and reuse the address
        self.shared: dict[tuple[Any, ...], _Run] = {}
        # out-parameters and pointers to them, made once: this runs for every text object
        self._m, self._f = _Matrix(), c_float()
        self._rgba = (c_uint(), c_uint(), c_uint(), c_uint())
        self._pm, self._pf = byref(self._m), byref(self._f)
        self._prgba = tuple(byref(x) for x in self._rgba)
        self._buf = ctypes.create_string_buffer(512)

    def font_name(self, font: int) -> str:
        name = self.fonts.get(font)
        if name is None:
            size = self.api.font_name(font, self._buf, 512)
            raw = self._buf.raw[: max(0, min(size, 512) - 1)]
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                name = raw.decode("latin-1")  # GBK bytes, as pdfminer hands them over (font_family decodes them)
            self.fonts[font] = name
        return name

    def run(self, k: int, obj: int | None) -> _Run:
        api, m, f = self.api, self._m, self._f
        api.matrix(self.tp, k, self._pm)
        a, b, c, d = m.a, m.b, m.c, m.d
        f.value = 0.0
        font, rgb = 0, (0, 0, 0)
        if obj:
            api.obj_font_size(obj, self._pf)
            font = api.obj_font(obj) or 0
            pr, pg, pb, pa = self._prgba
            if api.fill_color(obj, pr, pg, pb, pa):
                r, g, bl, _ = self._rgba
                rgb = (r.value, g.value, bl.value)
        fs = f.value
        key = (a, b, c, d, fs, font, rgb)
        run = self.shared.get(key)
        if run is None:
            run = self.shared[key] = self._new_run(float(a), float(b), float(c), float(d), float(fs), font, rgb)
        return run

    def _new_run(self, a: float, b: float, c: float, d: float, fs: float, font: int, rgb: tuple[int, int, int]) -> _Run:
        family, desc = "other", 0.0
        if font:
            family = font_family(self.font_name(font))
            # the descent only shapes boxes of rotated glyphs (upright ones stand on the baseline)
            self.api.font_descent(font, c_float(fs), byref(self._f))
            desc = -abs(float(self._f.value))
        red = is_red((rgb[0] / 255, rgb[1] / 255, rgb[2] / 255))
        ca, cb, cc, cd = self.frame.ctm[:4]
        # pdfminer's upright test, on the matrix in display space
        ma, mb, mc, md = a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd
        upright = ma * md > 0 and mb * mc <= 0
        fast = self.frame.ctm[:4] == (1, 0, 0, 1) and b == 0 and c == 0 and d > 0
        return _Run(fast, upright, family, red, fs * d, a < 0, a, b, c, d, fs, desc)

    def text(self) -> list[int] | None:
        """The page's UTF-16 code units in one call, if they line up one for one with PDFium's char list."""
        n = self.n
        buf = (ctypes.c_ushort * (n + 1))()
        got = R.FPDFText_GetText(ctypes.cast(self.tp, R.FPDF_TEXTPAGE), 0, n, buf)
        return list(buf)[:n] if got == n + 1 else None

    def glyphs(self) -> list[Glyph]:
        api, tp, n, frame = self.api, self.tp, self.n, self.frame
        is_generated, unicode, map_error, text_object = api.is_generated, api.unicode, api.map_error, api.text_object
        origin, loose_box = api.origin, api.loose_box
        # unrotated pages: display = user space shifted by the CTM, then pdfplumber's own shifts
        off_x = frame.ctm[4] + frame.dx
        off_y = frame.height + frame.dy - frame.ctm[5]
        ox, oy = c_double(), c_double()
        box = _Rect()
        p_ox, p_oy, p_box = byref(ox), byref(oy), byref(box)
        page_text = self.text()
        out: list[Glyph] = []
        new = tuple.__new__
        last_obj: int | None = -1
        run: _Run | None = None
        base_y = fs_y = 0.0
        per_char_origin = red = upright = False
        family = ""
        skip = -1
        for k in range(n):
            # PDFium generates only spaces and line breaks: ask about those alone when the text is known
            if k == skip or ((page_text is None or page_text[k] in _MAYBE_GENERATED) and is_generated(tp, k) == 1):
                continue
            obj = text_object(tp, k)
            loose_box(tp, k, p_box)
            if obj != last_obj or run is None:
                last_obj = obj
                run = self.run(k, obj)
                origin(tp, k, p_ox, p_oy)
                base_y = oy.value
                # PDFium's loose box falls back to the ink box for fonts without metrics
                per_char_origin = abs(box.left - ox.value) > 0.01 or not run.fast
                fs_y, family, red, upright = run.fs_y, run.family, run.red, run.upright
            u = page_text[k] if page_text is not None else unicode(tp, k)
            if map_error(tp, k) == 1:
                text = f"(cid:{unicode(tp, k)})"
            elif u == 2 or u == 0xFFFE:  # PDFium's marks (char list, page text) for a hyphen ending a line: "-"
                text = "-"
            elif 0xD800 <= u < 0xDC00 and k + 1 < n and 0xDC00 <= unicode(tp, k + 1) < 0xE000:
                # a character beyond the BMP comes as two UTF-16 halves: one glyph, as pdfminer reads it
                text = chr(0x10000 + ((u - 0xD800) << 10) + (unicode(tp, k + 1) - 0xDC00))
                skip = k + 1
            else:
                text = chr(u) if u < 0x110000 else "\ufffd"
            left, right = box.left, box.right
            if per_char_origin:
                origin(tp, k, p_ox, p_oy)
                x, y = ox.value, oy.value
                adv = abs(right - left)
                if not run.fast:
                    out.append(_slow_glyph(text, x, y, adv, run, frame))
                    continue
                left, right = (x - adv, x) if run.flip_x else (x, x + adv)
                bottom = off_y - y
            else:
                bottom = off_y - base_y
                if left > right:
                    left, right = right, left
            # the em box on the baseline (see pdf_lines.Glyph)
            out.append(new(Glyph, (text, left + off_x, bottom - fs_y, right + off_x, bottom, fs_y, family, red, upright)))
        return out


def _slow_glyph(text: str, x: float, y: float, adv: float, run: _Run, frame: _PageFrame) -> Glyph:
    """A glyph on a rotated page or in rotated/skewed text: pdfminer's box corners through both matrices."""
    a, b, c, d = run.a, run.b, run.c, run.d
    # the advance in text space; PDFium's loose box is axis-aligned, so only horizontal text gives it
    w = adv / abs(a) if abs(a) > 1e-6 and abs(b) < 1e-6 else run.fs
    corners = ((0.0, run.desc), (w, run.desc), (0.0, run.desc + run.fs), (w, run.desc + run.fs))
    xs = [x + a * u + c * v for u, v in corners]
    ys = [y + b * u + d * v for u, v in corners]
    x0, top, x1, bottom = frame.box(min(xs), min(ys), max(xs), max(ys))
    return Glyph(text, x0, top, x1, bottom, bottom - top, run.family, run.red, run.upright)


# --- page objects: images, and whether paths could form a ruled table -------------------------------


def _mul(m: Affine, n: Affine) -> Affine:
    """m then n (row vectors, PDF order)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _scan_objects(api: _Api, page: int) -> tuple[int, bool]:
    """(number of images, could the paths form a table of 2 × 2 cells or more).

    The table test is a necessary condition of pdfplumber's finder (edges of length ≥ 1; snap, join
    and intersection tolerances of 3 pt): ruling lines must cross at three distinct x and three
    distinct y positions at least. Pages that pass go to pdfplumber, which decides.
    """
    images = 0
    vs: list[tuple[float, float, float]] = []  # x, y from, y to
    hs: list[tuple[float, float, float]] = []  # y, x from, x to
    m = _Matrix()
    pt_x, pt_y = c_float(), c_float()

    def visit(obj: int, parent: Affine) -> None:
        nonlocal images
        kind = api.obj_type(obj)
        if kind == _IMAGE:
            images += 1
            return
        if kind not in (_PATH, _FORM):
            return
        api.obj_matrix(obj, byref(m))
        mat = _mul((m.a, m.b, m.c, m.d, m.e, m.f), parent)
        if kind == _FORM:
            for i in range(api.form_count(obj)):
                child = api.form_object(obj, i)
                if child:
                    visit(child, mat)
            return
        pts: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(api.path_count(obj)):
            seg = api.path_segment(obj, i)
            if not seg or not api.segment_point(seg, byref(pt_x), byref(pt_y)):
                continue
            u, v = float(pt_x.value), float(pt_y.value)
            p = (mat[0] * u + mat[2] * v + mat[4], mat[1] * u + mat[3] * v + mat[5])
            if api.segment_type(seg) == 2:  # moveto: a new subpath
                if start is not None:
                    _edges([*pts, start], vs, hs)
                pts, start = [p], p
            else:
                pts.append(p)
        if start is not None:
            _edges([*pts, start], vs, hs)

    for i in range(api.count_objects(page)):
        obj = api.get_object(page, i)
        if obj:
            visit(obj, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
    return images, _may_rule_cells(vs, hs)


def _edges(pts: list[tuple[float, float]], vs: list[tuple[float, float, float]], hs: list[tuple[float, float, float]]) -> None:
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        if abs(x1 - x0) < 1 and abs(y1 - y0) >= 1:
            vs.append((x0, min(y0, y1), max(y0, y1)))
        elif abs(y1 - y0) < 1 and abs(x1 - x0) >= 1:
            hs.append((y0, min(x0, x1), max(x0, x1)))


_TOL = 3.0  # pdfplumber's default snap, join and intersection tolerances


def _joined(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear edges (positions within the snap tolerance) that touch or nearly touch, joined as
    pdfplumber joins them; only those at least 3 pt long count as ruling lines."""
    out: list[tuple[float, float, float]] = []
    cur: list[float] | None = None
    for pos, a, b in sorted(edges):
        if cur is not None and pos - cur[0] <= _TOL and a <= cur[2] + _TOL:
            cur[2] = max(cur[2], b)
            continue
        if cur is not None and cur[2] - cur[1] >= _TOL:
            out.append((cur[0], cur[1], cur[2]))
        cur = [pos, a, b]
    if cur is not None and cur[2] - cur[1] >= _TOL:
        out.append((cur[0], cur[1], cur[2]))
    return out


def _may_rule_cells(vs: list[tuple[float, float, float]], hs: list[tuple[float, float, float]]) -> bool:
    vs, hs = _joined(vs), _joined(hs)
    if _clusters([v[0] for v in vs]) < 3 or _clusters([h[0] for h in hs]) < 3:
        return False
    if len(vs) * len(hs) > 200_000:  # too many to pair up cheaply: let pdfplumber look
        return True
    xs: list[float] = []
    ys: list[float] = []
    for y, xa, xb in hs:
        for x, ya, yb in vs:
            if xa - _TOL <= x <= xb + _TOL and ya - _TOL <= y <= yb + _TOL:
                xs.append(x)
                ys.append(y)
    return _clusters(xs) >= 3 and _clusters(ys) >= 3


def _clusters(values: list[float], tolerance: float = _TOL) -> int:
    """How many positions remain once those within ``tolerance`` of a neighbour snap together."""
    n, last = 0, None
    for v in sorted(values):
        if last is None or v - last > tolerance:
            n += 1
        last = v
    return n


# --- the document ---------------------------------------------------------------------------------


def extract_pdfium(path: Path, *, password: str | None = None, max_pages: int | None = None) -> Extracted:
    """Read the text layer of a PDF into lines with PDFium. Raises the PolicyParseError subclass that fits."""
    from policyparse.readers.pdf import check_text_layer

    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise PdfUnreadableError("not a PDF (no %PDF- header)", path=str(path))
    with _LOCK:
        result = _extract_locked(path, password, max_pages)
    check_text_layer(result, path)
    return result


def _extract_locked(path: Path, password: str | None, max_pages: int | None) -> Extracted:

    api = _api()
    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise PdfEncryptedError(
                f"encrypted PDF: {'wrong password' if password else 'a password is needed (--password)'}",
                path=str(path),
            ) from exc
        if code == 0:  # loaded, but no page
            raise EmptyDocumentError("the PDF has no pages", path=str(path)) from exc
        raise PdfUnreadableError(f"unreadable PDF ({exc})", path=str(path)) from exc
    tables = _TableFallback(path, password)
    result = Extracted(lines=[], pages=[])
    try:
        if R.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1 and not password:
            result.warnings.append(("encrypted_owner_password", "encrypted with an owner password only: read without one", None))
        n = len(pdf)
        if max_pages is not None and n > max_pages:
            raise TooLargeError(f"{n} pages, over the limit of {max_pages} (--max-pages)", path=str(path))
        for i in range(n):
            try:
                info, lines = _read_page(pdf, i, api, tables)
            except PolicyParseError:
                raise
            except Exception as exc:
                result.warnings.append(("page_unreadable", f"page {i + 1}: {type(exc).__name__}: {str(exc)[:200]}", i + 1))
                continue
            result.pages.append(info)
            if info.n_chars == 0 and info.n_images:
                result.warnings.append(("image_only_page", f"page {i + 1} is an image without text (OCR it)", i + 1))
            result.lines.extend(lines)
    finally:
        tables.close()
        pdf.close()
    return result


def _read_page(pdf: Any, i: int, api: _Api, tables: _TableFallback) -> tuple[PageInfo, list[Line]]:
    number = i + 1
    page = pdf[i]
    try:
        frame = _PageFrame.of(page.get_mediabox(), page.get_rotation())
        textpage = page.get_textpage()
        try:
            tp = _address(textpage.raw)
            glyphs = _PageText(api, tp, R.FPDFText_CountChars(textpage.raw), frame).glyphs()
        finally:
            textpage.close()
        n_images, maybe_table = _scan_objects(api, _address(page.raw))
    finally:
        page.close()
    n_chars = sum(1 for g in glyphs if g.text.strip())
    rows = tables.rows(number) if maybe_table else []
    if rows:
        boxes = [(r.x0, r.top, r.x1, r.bottom) for r in rows]
        glyphs = [g for g in glyphs if not any(_inside(g, b) for b in boxes)]
    lines = lines_of_page(glyphs, number) + rows
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return PageInfo(number, frame.width, frame.height, n_chars, n_images), lines


def _inside(g: Glyph, box: tuple[float, float, float, float]) -> bool:
    x = (g.x0 + g.x1) / 2
    y = (g.top + g.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class _TableFallback:
    """pdfplumber's table finder for the pages that may hold a ruled table, opened on first need."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.path, self.password = path, password
        self.pdf: Any = None

    def rows(self, number: int) -> list[Line]:
        from policyparse.readers.pdf import table_rows_of_page

        if self.pdf is None:
            import pdfplumber

            self.pdf = pdfplumber.open(self.path, password=self.password or "")
        page = self.pdf.pages[number - 1]
        try:
            return table_rows_of_page(page, number)
        finally:
            page.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
