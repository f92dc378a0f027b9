"""Stage 4b (fields): the ``meta`` block from the segmented frame."""

from __future__ import annotations

import regex

from policyparse.core.brackets import split_outside
from policyparse.core.dates import DATE_RE, parse_date
from policyparse.core.doc_number import DocNumber, DocNumberError
from policyparse.core.frame import DOC_TYPE_ENDINGS, PRINTED_RE, SEAL_AT_END, Frame
from policyparse.core.organs import is_complete_addressee, split_joined_organs
from policyparse.core.outline import match_marker
from policyparse.models import AttachmentRef, Meta

_EMBEDDED = regex.compile(r"关于(?:印发|转发|发布|公布|下发)(?P<t>.+?)的(?:通知|决定|函)$")


def split_top_level(s: str, seps: str) -> list[str]:
    """Split on separators outside brackets: "各市、县（市、区）人民政府，省级有关单位" → 2 items."""
    items = (s[a:b].strip(" 。.：:") for a, b in split_outside(s, 0, len(s), seps))
    return [x for x in items if x]


def doc_type_of(title: str) -> str | None:
    """The document type from a title's ending (通知, 意见, 方案, 规划…)."""
    t = title.rstrip("》”\"")
    for ending in DOC_TYPE_ENDINGS:
        if t.endswith(ending):
            return ending
    return None


_SITE_SUFFIX = regex.compile(r"\s*[_|｜—–\-]+\s*[^_|｜—–\-]{1,30}$")


def title_from_page(meta: Meta, page_title: str) -> Meta:
    """Take a page title printed outside the body (a browser's print header, an HTML <title>) as the
    document's title when the body prints none — only if it reads as a title: it names a document
    type ("…的意见"), once a portal's " - 站点名" / "_站点名" suffix is cut off."""
    t = page_title.strip()
    while doc_type_of(t) is None and (m := _SITE_SUFFIX.search(t)) is not None and m.start() > 0:
        t = t[: m.start()]
    if not (4 <= len(t) <= 100) or doc_type_of(t) is None:
        return meta
    return meta.model_copy(update={"title": t, "doc_type": doc_type_of(t)})


_ISSUER_PART = regex.compile(r"^(?P<org>[^《“]{2,120}?)关于")


def split_recipients(line: str) -> list[str]:
    """主送 as punctuated: ， separates groups of addressees, 、 joins organs of one kind inside a group.
    Split on the top-level ，/；; without one, split on the top-level 、 only when every item can stand
    alone ("机关各部门、各企事业单位、各居委会" → 3; "区政府各委、办、局", "各镇人民政府、街道办事处",
    "各市、县（市、区）人民政府" stay whole)."""
    groups = split_top_level(line, "，,；;")
    if len(groups) == 1:
        # "各县（区）人民政府、市人民政府各委、办、局": 办 and 局 cannot stand alone, so nothing splits
        items = split_top_level(line, "、")
        if len(items) > 1 and all(is_complete_addressee(i) for i in items):
            return items
    return groups


def issuers_from_title(title: str | None) -> list[str]:
    """The organs that issue a document, read from its title when nothing else names them:
    "市经济信息化委、市商务委关于…" → both; "上海市住房和城乡建设管理委员会上海市规划和自然资源局关于…" →
    both (split where one organ's head meets the next organ's place); only names that read as organs."""
    m = _ISSUER_PART.match(title or "")
    if m is None:
        return []
    out: list[str] = []
    from policyparse.core.agencies import lexicon

    for item in split_top_level(m["org"], "、，, "):
        names = split_joined_organs(item, lexicon().known_start)
        if not names:
            return []
        out.extend(names)
    return out


def build_meta(texts: list[str], f: Frame, part_labels: dict[str, str | None]) -> Meta:
    """Fill ``Meta`` from the frame. ``part_labels`` maps attachment labels found in the body to titles."""
    meta = Meta()
    meta.banner = [t for t in (texts[i].removesuffix("文件").strip() for i in f.banner) if t]
    if f.title:
        lines: list[str] = []
        for i in f.title:
            if texts[i] != "".join(lines):  # a title printed twice (as banner and as title) is one title
                lines.append(texts[i])
        meta.title = "".join(lines)
        meta.doc_type = doc_type_of(meta.title)
        m = _EMBEDDED.search(meta.title)
        if m is not None:
            inner = m["t"].strip()
            if inner.startswith("《") and inner.endswith("》"):
                inner = inner[1:-1]
            meta.embedded_title = inner
            meta.embedded_doc_type = doc_type_of(inner)
    if f.doc_number is not None:
        try:
            meta.doc_number = DocNumber.parse(texts[f.doc_number])
        except DocNumberError:
            meta.doc_number = None
    if f.recipients is not None:
        meta.recipients = split_recipients(texts[f.recipients].rstrip("：:"))
    # organs signed side by side on one printed line ("生态环境部　国家发展改革委") are several signatories
    from policyparse.core.agencies import lexicon

    known = lexicon().known_start
    # "…领导小组办公室（代章）": how the seal was put on, not part of the organ's name
    seals = [m for i in f.signature if (m := SEAL_AT_END.search(texts[i])) is not None]
    signed = [SEAL_AT_END.sub("", texts[i]).strip() for i in f.signature]
    cells = [c.strip() for t in signed for c in t.split("\t") if c.strip()]
    meta.signatories = [name for t in cells for name in (split_joined_organs(t, known) or [t])]
    meta.issuers = list(meta.signatories) or list(meta.banner)
    if not meta.issuers and (from_title := issuers_from_title(meta.title)):
        meta.issuers = from_title
        meta.field_sources["issuers"] = "title"
    if f.seal_note is not None:
        meta.seal_note = texts[f.seal_note].strip("（）()")
    elif seals:
        meta.seal_note = seals[0].group().strip("（）()")
    if f.date is not None:
        meta.date = parse_date(texts[f.date])
    if f.publication is not None:
        meta.publication = texts[f.publication].strip("（）()")
    if f.contact:
        meta.contact = "；".join(texts[i].strip("（）()") for i in f.contact)
    meta.attachments = _attachment_refs(texts, f.attachment_list, part_labels)
    if f.cc is not None:
        cc = regex.sub(r"^抄\s*送\s*[：:]", "", texts[f.cc])
        meta.cc = split_top_level(cc, "，,、；;")
    if f.printed:
        joined = "".join(texts[i] for i in f.printed)
        m2 = PRINTED_RE.match(joined)
        if m2 is not None:
            meta.printed_by = m2["org"].strip() or None
            meta.printed_date = parse_date(m2["date"])
    return meta


def _attachment_refs(texts: list[str], idx: list[int], part_labels: dict[str, str | None]) -> list[AttachmentRef]:
    refs: list[AttachmentRef] = []
    items: list[str] = []
    for k, i in enumerate(idx):
        t = texts[i]
        if k == 0:
            t = regex.sub(r"^附\s*件\s*[：:]", "", t).strip()
        if not t:
            continue
        if match_marker(t) is not None or not items:
            items.append(t)
        else:
            items[-1] += t  # a wrapped item
    numbered = len(items) > 1 or (items and match_marker(items[0]) is not None)
    for n, it in enumerate(items, start=1):
        mk = match_marker(it)
        title = it[mk.end :] if mk is not None else it
        label = f"附件{mk.number if mk else n}" if numbered else "附件"
        included = label in part_labels or (not numbered and "附件" in part_labels)
        refs.append(AttachmentRef(label=label, title=title.strip() or None, included=included))
    if not refs:
        # attachments that are printed but not listed on the notice page
        refs = [AttachmentRef(label=lab, title=tit, included=True) for lab, tit in part_labels.items()]
    return refs


__all__ = ["DATE_RE", "build_meta", "doc_type_of", "split_top_level"]
