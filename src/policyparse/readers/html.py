"""Reader (HTML): a saved government web page → the article's paragraphs and the page's metadata header.

lxml's HTML parser (libxml2) builds the tree; nothing here reads markup with regular expressions.
The steps:

1. decode: a BOM, else the charset a ``<meta>`` (or the XML declaration) names — GB2312/GBK pages
   are read as GB18030, their superset — else UTF-8, else GB18030;
2. drop what a browser does not show (scripts, styles, hidden elements) and the page's chrome:
   navigation, breadcrumbs, share buttons, headers and footers (by tag, class/id words and a few
   fixed texts such as 【打印本页】);
3. the metadata header (索引号, 发文机关, 成文日期, 发文字号, 主题分类, 发布日期…) → ``page_metadata``;
4. the article: from ``<body>`` down, into the one child that holds most (80 %) of the text, as
   far as that goes; a layout table is entered through its big cell;
5. paragraphs: each block's text, with ``<br>`` as a line break that the text reader's rule
   splits (so a web page and its text version give the same paragraphs); tables of two or more rows
   and columns as one tab-separated line per row, spanned cells (rowspan, colspan) left empty;
6. the title: when the article does not print it, the page's heading (``<h1>``…) or the header's 标题.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import regex

from policyparse.errors import DocumentUnreadableError
from policyparse.readers.base import RawParagraph, ReadResult
from policyparse.readers.text import paragraphs_from_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DROP_TAGS = frozenset(
    "script style noscript template iframe frame frameset object embed svg canvas button input select "
    "textarea map area audio video source head".split()
)
_CHROME_TAGS = frozenset({"nav", "aside", "footer"})
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu menus breadcrumb breadcrumbs crumb crumbs share sharing bdshare fenxiang "
    "jiathis footer foot sidebar toolbar tools header topbar top login search related recommend comment "
    "comments copyright bottom qrcode ewm position location dqwz weizhi print skip".split()
)
_CHROME_TEXT = regex.compile(
    r"^(?:当前位置|您(?:现在)?的位置|所在位置|分享到|扫一扫|上一篇|下一篇|相关(?:链接|文章|文件|阅读)|责任编辑|来源[：:]|"
    r"字号[：:]|【?\s*字体|浏览次数|访问量)|^(?:[【\[]?\s*(?:打印|关闭|收藏|分享|返回顶部|打印本页|关闭窗口|"
    r"打印正文|加入收藏)[^\]】]{0,4}\s*[】\]]?\s*)+$"
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th tbody thead tfoot caption section article "
    "main header footer nav aside blockquote pre center form fieldset address figure figcaption hr body".split()
)
_CONTAINERS = frozenset("body div section article main center form font span".split())
_HAN = regex.compile(r"\p{Han}")
_WS = regex.compile(r"[ \t\r\n\f]+")
_META_LABELS = (
    "索引号", "主题分类", "发文机关", "发文单位", "发布机构", "成文日期", "发文字号", "文号", "发布日期",
    "标题", "名称", "文件名称", "主题词", "有效性", "生效日期", "废止日期", "信息分类", "体裁分类",
)  # fmt: skip
_KEY_LABELS = ("索引号", "发文机关", "成文日期", "发文字号", "主题分类", "发布日期", "发布机构")
_LABEL_RE = regex.compile(r"^(?P<l>" + "|".join(_META_LABELS) + r")[：:]?(?P<v>.*)$")
_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.I)
_XML_ENC = regex.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", regex.I)


# -- decoding ---------------------------------------------------------------------------------


def _codec(label: bytes) -> str | None:
    name = label.decode("ascii", "replace").strip().lower()
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80"):
        return "gb18030"  # GBK pages often hold GB18030-only characters; GB18030 reads all three
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """The page's text: BOM, then the declared charset (the prescan of ``<meta>``), then UTF-8, then GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace")
    head = data[:4096]
    # the HTML standard's prescan: the first <meta charset> or http-equiv content charset wins
    m = _XML_ENC.match(head) or _CHARSET.search(head)
    declared = _codec(m[1]) if m is not None else None
    for enc in [e for e in (declared, "utf-8", "gb18030") if e]:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "utf-8", "replace")


# -- tree helpers -----------------------------------------------------------------------------


def _tag(el: HtmlElement) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _hidden(el: HtmlElement) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


def _chrome(el: HtmlElement) -> bool:
    if _tag(el) in _CHROME_TAGS:
        return True
    words = regex.split(r"[\s_\-]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower())
    return any(w in _CHROME_WORDS for w in words if w)


def _prune(root: HtmlElement) -> None:
    """Remove what a browser does not show and the page's chrome (keeping the tails: they are text)."""
    doomed = [
        el for el in root.iter()
        if not isinstance(el.tag, str) or _tag(el) in _DROP_TAGS or _hidden(el) or (_tag(el) != "body" and _chrome(el))
    ]  # fmt: skip
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _han(el: HtmlElement) -> int:
    """Han characters of ``el`` outside links (a menu is mostly links)."""
    total = len(_HAN.findall(el.text_content()))
    for a in el.iter("a"):
        total -= len(_HAN.findall(a.text_content()))
    return total


def _inline_text(el: HtmlElement, pre: bool = False) -> str:
    """The text of ``el`` as a browser lays it out: white space folded, ``<br>`` and blocks as newlines."""
    parts: list[str] = []

    def add(s: str | None, pre_: bool) -> None:
        if s:
            parts.append(s if pre_ else _WS.sub(" ", s))

    def walk(e: HtmlElement, pre_: bool) -> None:
        t = _tag(e)
        if t == "br":
            parts.append("\n")
            add(e.tail, pre_)
            return
        block = t in _BLOCK_TAGS
        if block:
            parts.append("\n")
        add(e.text, pre_ or t == "pre")
        for c in e:
            walk(c, pre_ or t == "pre")
        if block:
            parts.append("\n")
        add(e.tail, pre_)

    add(el.text, pre)
    for c in el:
        walk(c, pre)
    return "".join(parts)


# -- metadata header ----------------------------------------------------------------------------


def _label_key(s: str) -> str:
    return str(regex.sub(r"[\s\u00a0\u3000]", "", s))


def _cells_of(el: HtmlElement) -> list[str]:
    """The smallest text pieces of a header: table cells, list items, or lines."""
    if _tag(el) == "table":
        return [_inline_text(c).strip() for c in el.iter("td", "th")]
    return [ln.strip() for ln in _inline_text(el).split("\n") if ln.strip()]


def _parse_header(cells: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    k = 0
    while k < len(cells):
        m = _LABEL_RE.match(_label_key(cells[k]))
        if m is None:
            k += 1
            continue
        label = m["l"]
        # the value as printed after the label (spaces inside a value are kept)
        raw = cells[k]
        cut = regex.search(r"[：:]", raw)
        value = raw[cut.end() :].strip() if cut is not None else ""
        if not value and not m["v"] and k + 1 < len(cells) and _LABEL_RE.match(_label_key(cells[k + 1])) is None:
            value = cells[k + 1].strip()
            k += 1
        value = _WS.sub(" ", value.replace("\u00a0", " ")).strip()
        if value and label not in out:
            out[label] = value
        k += 1
    return out


def _find_header(root: HtmlElement) -> tuple[dict[str, str], list[HtmlElement]]:
    """The innermost elements naming at least two metadata labels (the header table), parsed."""
    found: list[HtmlElement] = []
    for el in root.iter("table", "ul", "dl", "div", "ol"):
        txt = _label_key(el.text_content())
        if len(txt) <= 1500 and sum(lab in txt for lab in _KEY_LABELS) >= 2:
            found.append(el)
    inner = [f for f in found if not any(g is not f and f in g.iterancestors() for g in found)]
    meta: dict[str, str] = {}
    for el in inner:
        for k, v in _parse_header(_cells_of(el)).items():
            meta.setdefault(k, v)
    return meta, inner if meta else []


# -- article body --------------------------------------------------------------------------------


def _layout_cell(table: HtmlElement, han: int) -> HtmlElement | None:
    """The cell of a layout table that holds most of its text (data tables have none such)."""
    for cell in table.iter("td", "th"):
        if _han(cell) >= 0.8 * han and any(_tag(c) in _BLOCK_TAGS for c in cell.iter() if c is not cell):
            return cell
    return None


def _article(body: HtmlElement) -> HtmlElement:
    node = body
    while True:
        han = _han(node)
        if han == 0:
            return node
        nxt = None
        for c in node:
            t = _tag(c)
            if _han(c) < 0.8 * han:
                continue
            if t in _CONTAINERS:
                nxt = c
            elif t in ("table", "tbody"):
                nxt = _layout_cell(c, han)
            break
        if nxt is None:
            return node
        node = nxt


class _Blocks:
    """Turns the article element into RawParagraphs in reading order."""

    def __init__(self, skip: list[HtmlElement]) -> None:
        self.out: list[RawParagraph] = []
        self.skip = skip
        self.buf: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buf)
        self.buf = []
        for line in text.split("\n"):
            line = line.strip(" ")
            if line.strip() and not _CHROME_TEXT.match(line.strip()):
                self.out.extend(paragraphs_from_text(line))

    def walk(self, el: HtmlElement, pre: bool = False) -> None:
        if any(el is s for s in self.skip):
            self.buf.append("\n")
            self._tail(el, pre)
            return
        t = _tag(el)
        if t == "br":
            self.buf.append("\n")
        elif t == "table" and self._table(el):
            pass
        elif t in _BLOCK_TAGS:
            self.buf.append("\n")
            if t == "li":
                self._marker(el)
            self._text(el.text, pre or t == "pre")
            for c in el:
                self.walk(c, pre or t == "pre")
            self.buf.append("\n")
        else:
            self._text(el.text, pre)
            for c in el:
                self.walk(c, pre)
        self._tail(el, pre)

    def _tail(self, el: HtmlElement, pre: bool) -> None:
        self._text(el.tail, pre)

    def _text(self, s: str | None, pre: bool) -> None:
        if s:
            self.buf.append(s if pre else _WS.sub(" ", s))

    def _marker(self, li: HtmlElement) -> None:
        """An ordered list's number, which the browser prints and the text does not hold."""
        parent = li.getparent()
        if parent is None or _tag(parent) != "ol" or (parent.get("type") or "1") != "1":
            return
        from policyparse.core.outline import starts_with_marker

        items = [c for c in parent if _tag(c) == "li"]
        start = int(parent.get("start") or 1) if (parent.get("start") or "1").isdigit() else 1
        if not starts_with_marker(_inline_text(li).strip()):
            self.buf.append(f"{start + items.index(li)}. ")

    def _table(self, table: HtmlElement) -> bool:
        """A data table (two columns or more) as tab rows; False: a layout table, walk it."""
        rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
        grid: list[list[str]] = []
        pending: dict[int, int] = {}  # column → rows it is still spanned into
        for tr in rows:
            row: list[str] = []
            col = 0
            for cell in (c for c in tr if _tag(c) in ("td", "th")):
                while pending.get(col, 0) > 0:
                    row.append("")
                    pending[col] -= 1
                    col += 1
                text = _cell_text(cell)
                span = _int(cell.get("colspan"))
                down = _int(cell.get("rowspan"))
                for k in range(span):
                    row.append(text if k == 0 else "")
                    if down > 1:
                        pending[col + k] = down - 1
                col += span
            while any(v > 0 for c, v in pending.items() if c >= col):
                if pending.get(col, 0) > 0:
                    pending[col] -= 1
                row.append("")
                col += 1
            grid.append(row)
        if max((len(r) for r in grid), default=0) < 2:
            return False
        if len(grid) < 2 and any(_tag(e) in _BLOCK_TAGS for c in rows[0] for e in c.iterdescendants()):
            return False  # one row of blocks side by side: a layout table

        self.buf.append("\n")
        self.flush()
        for row in grid:
            if any(c.strip() for c in row):
                self.out.append(RawParagraph(lines=[("\t".join(row), None, None)]))
        return True


def _nearest_table(el: HtmlElement) -> HtmlElement | None:
    return next((a for a in el.iterancestors() if _tag(a) == "table"), None)


def _int(v: str | None) -> int:
    try:
        return max(1, min(int((v or "1").strip()), 100))
    except ValueError:
        return 1


def _cell_text(cell: HtmlElement) -> str:
    from policyparse.core.textnorm import join_sep

    out = ""
    for line in _inline_text(cell).replace("\t", " ").split("\n"):
        line = line.strip()
        if line:
            out += join_sep(out, line) + line
    return out


def _title_candidates(root: HtmlElement) -> list[str]:
    """Page headings that read as a document title (Han, not too long, ending with a document type)."""
    from policyparse.core.meta import doc_type_of

    els = [el for tag in ("h1", "h2", "h3") for el in root.iter(tag)]
    els += [el for el in root.iter() if isinstance(el.tag, str) and "title" in (el.get("class") or "").lower()]
    out: list[str] = []
    for el in els:
        t = _WS.sub(" ", el.text_content()).strip()
        if len(_HAN.findall(t)) >= 6 and len(t) <= 150 and doc_type_of(t.rstrip("。 ")) is not None:
            out.append(t)
    return out


def _title(cands: list[str], meta: dict[str, str], paras: list[RawParagraph]) -> str | None:
    """The document title when the article does not print it: the header's 标题, else a page heading."""
    # printed in the first paragraphs, maybe over two of them
    head = "".join(_label_key("".join(t for t, _, _ in p.lines)) for p in paras[:8])
    named = meta.get("标题") or meta.get("名称") or meta.get("文件名称")
    for t in [named] if named else cands[:1]:
        if t and _label_key(t) not in head:
            return t
    return None


def _title_position(paras: list[RawParagraph]) -> int:
    """Where a title goes in GB/T 9704 order: after the 发文字号 (and the banner above it), if printed."""
    from policyparse.core.doc_number import DOC_NUMBER_RE

    texts = [_label_key("".join(t for t, _, _ in p.lines)) for p in paras[:8]]
    for k, t in enumerate(texts):
        m = DOC_NUMBER_RE.search(t)
        if m is not None and len(t) <= len(m[0]) + 4:
            return k + 1
    k = 0
    while k < len(texts) and texts[k].endswith("文件"):
        k += 1
    return k


def read_html(data: bytes, path: str | None = None) -> ReadResult:
    """A saved web page: the article's paragraphs and the metadata header (see the module docstring)."""
    import lxml.html
    from lxml import etree

    text = decode_html(data)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentUnreadableError(f"unreadable HTML ({exc})", path=path) from exc
    meta, header_els = _find_header(root)
    titles = _title_candidates(root)
    _prune(root)
    body = root.find(".//body")
    if body is None:
        body = root
    article = _article(body)
    blocks = _Blocks(skip=header_els)
    blocks.walk(article)
    blocks.flush()
    paras = blocks.out
    title = _title(titles, meta, paras)
    if title is not None:
        paras.insert(_title_position(paras), RawParagraph(lines=[(title, None, None)]))
    warnings: list[tuple[str, str, int | None]] = []
    if article is body:
        warnings.append(("html_article_not_found", "no element holds most of the page's text: the whole page was read", None))
    return ReadResult(paragraphs=paras, format="html", extractor="lxml", page_metadata=meta, warnings=warnings)
