"""Reader (DOCX): WordprocessingML straight from the zip, with lxml.

python-docx is not used: it neither renders list numbering nor exposes vertically merged cells as
such, and both matter here; the XML is read directly (hardened parser: no entities, no network,
no DTD) and the parts we need are few: document.xml, numbering.xml, styles.xml, headers, footers.

- paragraphs in body order (content controls and custom XML entered; deleted revisions, field
  instructions and hidden runs left out; text boxes as paragraphs of their own, before their anchor);
  ``w:br`` is a line break that the text reader's rule splits, ``w:tab`` a wide gap;
- list numbering rendered from numbering.xml (see ``numbering.py``), so 一、/（一）/1. kept as list
  numbers are not lost;
- tables of two columns or more as one tab-separated line per row; a cell spanning columns
  (``w:gridSpan``) is followed by empty cells, a vertically merged continuation (``w:vMerge``) is empty,
  as the text input has them; one-column tables (frames, 版记 boxes) are read as paragraphs;
- red runs mark the 版头 banner, large ones (1.25 × the body size) the title, as the PDF reader does;
- headers and footers are not body text: dropped and recorded (a PAGE field makes a page number).
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from policyparse.errors import DocumentUnreadableError
from policyparse.models import Dropped
from policyparse.readers.base import RawParagraph, ReadResult
from policyparse.readers.numbering import Numbering, W, _wval
from policyparse.readers.text import paragraphs_from_text

if TYPE_CHECKING:
    from lxml.etree import _Element

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAX_PART = 200 * 1024 * 1024  # uncompressed bytes of one XML part: a zip bomb is refused, not inflated
_SKIP = frozenset(f"{W}{t}" for t in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr", "fldData", "footnoteReference", "endnoteReference", "commentReference"))  # fmt: skip


def _xml(zf: zipfile.ZipFile, name: str, path: str | None) -> _Element | None:
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise DocumentUnreadableError(f"{name} inflates to {info.file_size} bytes: refused", path=path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        return etree.fromstring(zf.read(name), parser=parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentUnreadableError(f"unreadable DOCX part {name} ({exc})", path=path) from exc


@dataclass
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    size: float | None
    color: str | None


def _styles(root: _Element | None) -> tuple[dict[str, _Style], str | None, float]:
    """Paragraph styles by id, the default paragraph style, the document's default size (points)."""
    styles: dict[str, _Style] = {}
    default_style = None
    default_size = 10.0
    if root is None:
        return styles, default_style, default_size
    sz = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    if sz is not None and (_wval(sz) or "").isdigit():
        default_size = int(_wval(sz) or 20) / 2
    for st in root.iter(f"{W}style"):
        sid = str(st.get(f"{W}styleId"))
        if st.get(f"{W}default") in ("1", "true") and st.get(f"{W}type") == "paragraph":
            default_style = sid
        num = st.find(f"{W}pPr/{W}numPr")
        ilvl = _wval(num.find(f"{W}ilvl")) if num is not None else None
        size = _wval(st.find(f"{W}rPr/{W}sz"))
        styles[sid] = _Style(
            based_on=_wval(st.find(f"{W}basedOn")),
            num_id=_wval(num.find(f"{W}numId")) if num is not None else None,
            ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            size=int(size) / 2 if size and size.isdigit() else None,
            color=_wval(st.find(f"{W}rPr/{W}color")),
        )
    return styles, default_style, default_size


def _is_red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
    except ValueError:
        return False
    return r > 0xB0 and g < 0x60 and b < 0x60


def _on(el: _Element | None) -> bool:
    return el is not None and _wval(el, "true") not in ("0", "false", "off")


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, path: str | None) -> None:
        self.path = path
        styles_root = _xml(zf, "word/styles.xml", path)
        self.styles, self.default_style, self.default_size = _styles(styles_root)
        style_num = {sid: s.num_id for sid, s in self.styles.items() if s.num_id}
        self.numbering = Numbering(_xml(zf, "word/numbering.xml", path), style_num)
        self.out: list[RawParagraph] = []
        self.sizes: list[float] = []  # per RawParagraph: its dominant size, for the big flag at the end
        self.weights: Counter[float] = Counter()

    # -- styles -------------------------------------------------------------------------------
    def _style_chain(self, sid: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        sid = sid or self.default_style
        while sid and sid in self.styles and sid not in seen and len(chain) < 20:
            seen.add(sid)
            chain.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return chain

    def _num(self, p: _Element) -> tuple[str, int] | None:
        ppr = p.find(f"{W}pPr")
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        chain = self._style_chain(_wval(ppr.find(f"{W}pStyle")) if ppr is not None else None)
        num_id = _wval(num.find(f"{W}numId")) if num is not None else None
        ilvl_s = _wval(num.find(f"{W}ilvl")) if num is not None else None
        num_id = num_id or next((s.num_id for s in chain if s.num_id), None)
        ilvl = int(ilvl_s) if ilvl_s and ilvl_s.isdigit() else next((s.ilvl for s in chain if s.ilvl is not None), 0)
        if not num_id or num_id == "0":
            return None
        return num_id, ilvl

    # -- text ---------------------------------------------------------------------------------
    def _runs(self, el: _Element, parts: list[str], looks: list[tuple[int, float, bool]], boxes: list[_Element],
              base: tuple[float, str | None]) -> None:  # fmt: skip
        for c in el:
            tag = c.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == f"{_MC}Fallback":
                continue
            if tag == f"{W}txbxContent":
                boxes.append(c)
                continue
            if tag == f"{W}r":
                rpr = c.find(f"{W}rPr")
                if rpr is not None and _on(rpr.find(f"{W}vanish")):
                    continue
                sz = _wval(rpr.find(f"{W}sz")) if rpr is not None else None
                color = _wval(rpr.find(f"{W}color")) if rpr is not None else None
                size = int(sz) / 2 if sz and sz.isdigit() else base[0]
                red = _is_red(color or base[1])
                k = len(parts)
                self._run(c, parts, boxes)
                n = sum(len(x.strip()) for x in parts[k:])
                if n:
                    looks.append((n, size, red))
                continue
            self._runs(c, parts, looks, boxes, base)

    def _run(self, r: _Element, parts: list[str], boxes: list[_Element]) -> None:
        for c in r:
            tag = c.tag
            if tag == f"{W}t":
                parts.append(c.text or "")
            elif tag == f"{W}tab":
                parts.append("  ")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif isinstance(tag, str) and tag not in _SKIP and tag != f"{_MC}Fallback":
                # drawings and alternate content hold text boxes
                for box in c.iter(f"{W}txbxContent"):
                    if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
                        boxes.append(box)

    def _base(self, p: _Element) -> tuple[float, str | None]:
        ppr = p.find(f"{W}pPr")
        chain = self._style_chain(_wval(ppr.find(f"{W}pStyle")) if ppr is not None else None)
        size = next((s.size for s in chain if s.size), self.default_size)
        color = next((s.color for s in chain if s.color), None)
        return size, color

    def paragraph_text(self, p: _Element, boxes: list[_Element] | None = None) -> tuple[str, float, bool]:
        """The paragraph's text with its list marker, its dominant size and whether it is red."""
        parts: list[str] = []
        looks: list[tuple[int, float, bool]] = []
        found: list[_Element] = []
        self._runs(p, parts, looks, found, self._base(p))
        if boxes is not None:
            boxes.extend(found)
        text = "".join(parts)
        num = self._num(p)
        if num is not None:
            mk = self.numbering.marker(*num)
            if mk is not None and text.strip():
                marker, suffix = mk
                text = marker + (" " if suffix in ("tab", "space") else "") + text
        weight: Counter[float] = Counter()
        red = 0
        for n, size, is_red in looks:
            weight[size] += n
            red += n if is_red else 0
        total = sum(weight.values())
        size = weight.most_common(1)[0][0] if weight else self._base(p)[0]
        return text, size, bool(total) and red > total / 2

    # -- blocks -------------------------------------------------------------------------------
    def block(self, el: _Element) -> None:
        for c in el:
            tag = c.tag
            if tag == f"{W}p":
                self._paragraph(c)
            elif tag == f"{W}tbl":
                self._table(c)
            elif tag == f"{W}sdt":  # a content control: its content is body text
                content = c.find(f"{W}sdtContent")
                if content is not None:
                    self.block(content)
            elif tag in (f"{W}customXml", f"{W}smartTag"):
                self.block(c)

    def _emit(self, text: str, size: float, red: bool) -> None:
        for rp in paragraphs_from_text(text):
            rp.red = red
            self.out.append(rp)
            self.sizes.append(size)
            self.weights[size] += sum(len(t) for t, _, _ in rp.lines)

    def _paragraph(self, p: _Element) -> None:
        boxes: list[_Element] = []
        text, size, red = self.paragraph_text(p, boxes)
        for box in boxes:  # a text box's paragraphs come before the paragraph that anchors it
            self.block(box)
        self._emit(text, size, red)

    def _cell_text(self, tc: _Element) -> str:
        from policyparse.core.textnorm import join_sep

        out = ""
        for p in tc.iter(f"{W}p"):
            t, _, _ = self.paragraph_text(p)
            for line in t.replace("\t", " ").split("\n"):
                line = line.strip()
                if line:
                    out += join_sep(out, line) + line
        return out

    def _table(self, tbl: _Element) -> None:
        rows: list[list[str]] = []
        for tr in tbl.iter(f"{W}tr"):
            if next((a for a in tr.iterancestors(f"{W}tbl")), None) is not tbl:
                continue  # a row of a nested table: part of its cell's text
            row: list[str] = []
            trpr = tr.find(f"{W}trPr")
            before = _wval(trpr.find(f"{W}gridBefore")) if trpr is not None else None
            row.extend([""] * (int(before) if before and before.isdigit() else 0))
            for tc in tr.iter(f"{W}tc"):
                if next((a for a in tc.iterancestors(f"{W}tr")), None) is not tr:
                    continue
                tcpr = tc.find(f"{W}tcPr")
                span_s = _wval(tcpr.find(f"{W}gridSpan")) if tcpr is not None else None
                span = max(1, min(int(span_s), 64)) if span_s and span_s.isdigit() else 1
                vm = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                continued = vm is not None and _wval(vm, "continue") == "continue"
                text = "" if continued else self._cell_text(tc)
                row.extend([text] + [""] * (span - 1))
            rows.append(row)
        width = max((len(r) for r in rows), default=0)
        if width < 2:
            # a frame or a one-column box (版记, 附件 list): its paragraphs as they stand
            for tc in tbl.iter(f"{W}tc"):
                if next((a for a in tc.iterancestors(f"{W}tbl")), None) is tbl:
                    self.block(tc)
            return
        for row in rows:
            if any(c.strip() for c in row):
                self.out.append(RawParagraph(lines=[("\t".join(row), None, None)]))
                self.sizes.append(0.0)

    def finish(self) -> list[RawParagraph]:
        body = self.weights.most_common(1)[0][0] if self.weights else self.default_size
        for rp, size in zip(self.out, self.sizes, strict=True):
            rp.big = size >= 1.25 * body and not rp.red
        return self.out


def _margins(zf: zipfile.ZipFile, r: _Reader, path: str | None) -> list[Dropped]:
    """Header and footer text: never body text, recorded as dropped."""
    out: list[Dropped] = []
    names = sorted(n for n in zf.namelist() if n.startswith(("word/header", "word/footer")) and n.endswith(".xml"))
    for name in names:
        root = _xml(zf, name, path)
        if root is None:
            continue
        instr = " ".join((e.text or "") for e in root.iter(f"{W}instrText"))
        instr += " ".join(str(e.get(f"{W}instr") or "") for e in root.iter(f"{W}fldSimple"))
        text = " ".join(t for t in (r.paragraph_text(p)[0].strip() for p in root.iter(f"{W}p")) if t)
        kind: Literal["page_number", "running_header", "running_footer"]
        if "PAGE" in instr.upper():
            kind = "page_number"
        elif "header" in name:
            kind = "running_header"
        else:
            kind = "running_footer"
        if text or kind == "page_number":
            out.append(Dropped(kind=kind, text=text, page=None))
    return out


def read_docx(data: bytes, path: str | None = None, *, fmt: str = "docx", extractor: str = "docx-xml") -> ReadResult:
    """A .docx file's bytes (see the module docstring)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentUnreadableError(f"not a readable DOCX (a broken zip: {exc})", path=path) from exc
    with zf:
        doc = _xml(zf, "word/document.xml", path)
        if doc is None:
            raise DocumentUnreadableError("not a DOCX: the zip holds no word/document.xml", path=path)
        body = doc.find(f"{W}body")
        r = _Reader(zf, path)
        # headers and footers first: their fields must not advance the body's list counters
        dropped = _margins(zf, _Reader(zf, path), path)
        if body is not None:
            r.block(body)
        paras = r.finish()
    warnings: list[tuple[str, str, int | None]] = []
    if body is not None and body.find(f".//{W}altChunk") is not None:
        warnings.append(("docx_alt_chunk", "an embedded document (altChunk) was not read", None))
    return ReadResult(paragraphs=paras, format=fmt, extractor=extractor, dropped=dropped, warnings=warnings)
