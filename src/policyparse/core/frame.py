"""Stage 3a (segment): the GB/T 9704 frame — banner, 文号, title, 主送, body, 落款, 附件, 版记.

Works on paragraph texts plus the few layout hints a PDF gives (red, large type), so that text
input and PDF input are segmented by the same rules. Every paragraph gets exactly one role and
exactly one home: a part's content, a part's frame, or the back matter (版记).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyparse.core.assemble import ParaInfo
from policyparse.core.dates import DATE_RE, is_date_line
from policyparse.core.doc_number import DOC_NUMBER_RE
from policyparse.core.numerals import cn_to_int
from policyparse.core.organs import is_organ
from policyparse.core.outline import match_marker

_END_PUNCT = "。；;！？!?"
_ATTACH_LABEL = regex.compile(r"附\s*件\s*(?P<n>[0-9０-９一二三四五六七八九十]{0,3})\s*[：:]?")
_ATTACH_LABEL_TITLE = regex.compile(
    r"附\s*件\s*(?P<n>[0-9０-９一二三四五六七八九十]{1,3})\s*[：:\s]\s*(?P<title>[^。；：:]{2,60})"
)
_ATTACH_LIST = regex.compile(r"附\s*[件表]\s*[：:]")
_SEAL = regex.compile(r"[（(][^（）()]*(代章|印章|盖章|章)[）)]")
SEAL_AT_END = regex.compile(_SEAL.pattern + "$")  # "…办公室（代章）" on the signature line itself
_PUBLICATION = regex.compile(r"[（(]此件[^（）()]{0,12}[）)]")
_CONTACT = regex.compile(r"[（(]?\s*(联系人|联系电话|联系方式)[：:]")
_CC = regex.compile(r"抄\s*送\s*[：:]")
PRINTED_RE = regex.compile(rf"(?P<org>.*?)\s*(?P<date>{DATE_RE.pattern})\s*印\s*发$")
_COPIES = regex.compile(r"[（(]共印\d+份[）)]")


@dataclass
class PartDraft:
    label: str | None
    title_idx: list[int]
    content: list[int]
    label_idx: int | None = None
    inline_title: str | None = None  # "附件1：名单": the title printed on the label's line
    list_idx: list[int] = field(default_factory=list)  # the part's own list of attachments

    def title(self, texts: list[str]) -> str | None:
        return self.inline_title or "".join(texts[i] for i in self.title_idx) or None


@dataclass
class Frame:
    roles: list[str]
    banner: list[int] = field(default_factory=list)
    doc_number: int | None = None
    title: list[int] = field(default_factory=list)
    recipients: int | None = None
    attachment_list: list[int] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)
    seal_note: int | None = None
    date: int | None = None
    publication: int | None = None
    contact: list[int] = field(default_factory=list)
    body: PartDraft = field(default_factory=lambda: PartDraft(None, [], []))
    attachments: list[PartDraft] = field(default_factory=list)
    back_matter: list[int] = field(default_factory=list)
    cc: int | None = None
    printed: list[int] = field(default_factory=list)


def attachment_label(n: str | None) -> str:
    """"附件" plus the attachment's number in Arabic digits (附件一 and 附件１ are 附件1)."""
    num = cn_to_int(n) if n else None
    return f"附件{num}" if num is not None else "附件"


def _is_attachment_start(t: str) -> bool:
    return _ATTACH_LABEL.fullmatch(t) is not None or _ATTACH_LABEL_TITLE.fullmatch(t) is not None


def _is_doc_number(t: str) -> bool:
    m = DOC_NUMBER_RE.search(t)
    return m is not None and len(t) <= 40 and not t.startswith("《") and (m.start() == 0 or "签发人" in t)


def _is_title_line(t: str) -> bool:
    return (
        0 < len(t) <= 80
        and "\t" not in t
        and t[-1] not in _END_PUNCT + "：:，,"
        and match_marker(t) is None
        and not is_date_line(t)
        and not _is_doc_number(t)
        and _ATTACH_LABEL.fullmatch(t) is None
    )


def _is_signature_line(t: str) -> bool:
    if "\t" in t:  # organs signed in a grid ("工业和信息化部 | 国家发展改革委 | 公安部") come out as a table row
        cells = [c.strip() for c in t.split("\t")]
        return all(c and _is_signature_line(c) and is_organ(c) for c in cells)
    return 0 < len(t) <= 40 and not any(c in t for c in "。，；：:,") and match_marker(t) is None


def segment(texts: list[str], infos: list[ParaInfo]) -> Frame:
    """Give every paragraph a role and a part."""
    n = len(texts)
    f = Frame(roles=["body"] * n)
    role = f.roles
    # -- 版记, from the end: 抄送, the printer and 印发 date, 联系人, 共印N份
    end = n
    k = n - 1
    while k >= 0:
        t = texts[k]
        if (pm := PRINTED_RE.match(t)) is not None and "。" not in t:
            f.printed.insert(0, k)
            role[k] = "printed_by"
            if not pm["org"].strip() and k > 0 and _is_signature_line(texts[k - 1]):
                k -= 1
                f.printed.insert(0, k)
                role[k] = "printed_by"
        elif _CC.match(t):
            f.cc = k
            role[k] = "cc"
        elif _COPIES.fullmatch(t) or (_CONTACT.match(t) and len(t) < 80 and f.printed):
            f.contact.append(k)
            role[k] = "contact"
        else:
            break
        end = k
        k -= 1
    f.back_matter = list(range(end, n))

    # -- head: banner, 文号, title, 主送
    i = 0
    dn = next((j for j in range(min(10, end)) if _is_doc_number(texts[j])), None)
    if dn is not None:
        pre = list(range(dn))
        if any(texts[j].endswith("文件") or infos[j].red for j in pre):
            f.banner = pre
            i = dn + 1
        else:
            f.title = [j for j in pre if _is_title_line(texts[j])]
            f.banner = [j for j in pre if j not in f.title]
            i = dn + 1
        f.doc_number = dn
    else:
        while i < min(end, 4) and (texts[i].endswith("文件") or infos[i].red):
            f.banner.append(i)
            i += 1
    if not f.title:
        has_big = any(infos[j].big and not infos[j].red for j in range(i, min(end, i + 3)))
        while i < end and len(f.title) < 4 and _is_title_line(texts[i]) and (not has_big or infos[i].big):
            if f.title and (texts[i].endswith(("：", ":")) or len(texts[i]) < 2):
                break
            f.title.append(i)
            i += 1
            if not has_big and texts[i - 1].endswith(DOC_TYPE_ENDINGS):
                break
    if i < end and texts[i].endswith(("：", ":")) and len(texts[i]) <= 300 and match_marker(texts[i]) is None:
        f.recipients = i
        i += 1
    for j in f.banner:
        role[j] = "banner"
    if f.doc_number is not None:
        role[f.doc_number] = "doc_number"
    for j in f.title:
        role[j] = "title"
    if f.recipients is not None:
        role[f.recipients] = "recipients"
    frame_head = sorted([*f.banner, *([f.doc_number] if f.doc_number is not None else []), *f.title])
    start_body = max([*frame_head, *([f.recipients] if f.recipients is not None else []), -1]) + 1

    # -- 落款: the first date-only line after the body, with the organs above it
    date = next((j for j in range(start_body, end) if is_date_line(texts[j])), None)
    after = end
    if date is not None:
        f.date = date
        role[date] = "date"
        j = date - 1
        while j >= start_body and len(f.signature) + (f.seal_note is not None) < 16:  # joint notices sign many
            t = texts[j]
            if _SEAL.fullmatch(t):
                f.seal_note = j
                role[j] = "seal_note"
            elif _is_signature_line(t) and not _ATTACH_LABEL.match(t):
                f.signature.insert(0, j)
                role[j] = "signature"
            else:
                break
            j -= 1
        sig_start = j + 1
        after = date + 1
        while after < end and (_PUBLICATION.fullmatch(texts[after]) or _CONTACT.match(texts[after])):
            if _PUBLICATION.fullmatch(texts[after]):
                f.publication = after
                role[after] = "publication_note"
            else:
                f.contact.append(after)
                role[after] = "contact"
            after += 1
    else:
        sig_start = end
    # the 附件 list of the notice: "附件：1. …" and the numbered items that follow it
    body_content = list(range(start_body, sig_start))
    f.attachment_list = _attachment_list(texts, body_content)
    for j in f.attachment_list:
        role[j] = "attachment_list"
    f.body = PartDraft(None, [], [j for j in body_content if j not in f.attachment_list])

    # -- attachments and embedded plans after the 落款
    j = after
    while j < end:
        m = _ATTACH_LABEL.fullmatch(texts[j])
        m2 = _ATTACH_LABEL_TITLE.fullmatch(texts[j]) if m is None else None
        label: str | None = None
        label_idx: int | None = None
        inline: str | None = None  # "附件1：省级有关单位名单" — label and title in one paragraph
        titles: list[int] = []
        if (mm := m or m2) is not None:
            label = attachment_label(mm["n"])
            inline = m2["title"].strip() if m2 is not None else None
            label_idx = j
            role[j] = "attachment_label"
            j += 1
        has_big = j < end and infos[j].big
        while (
            inline is None and j < end and len(titles) < 3 and _is_title_line(texts[j]) and (not has_big or infos[j].big)
        ):
            if _ATTACH_LABEL.fullmatch(texts[j]):
                break
            titles.append(j)
            role[j] = "attachment_title"
            j += 1
            if not has_big:
                break
        content: list[int] = []
        while j < end and not (_is_attachment_start(texts[j]) and not _is_list_head(texts, j, end)):
            content.append(j)
            j += 1
        # a plan's own list of attachments at its end ("附件：1.…", "附表：1、…") is not its outline
        listed = _attachment_list(texts, content, at_end=True)
        for q in listed:
            role[q] = "attachment_list"
        content = [q for q in content if q not in listed]
        f.attachments.append(PartDraft(label, titles, content, label_idx, inline, listed))
    return f


_LIST_ITEM = regex.compile(r"[0-9０-９]{1,2}\s*[.．、]")  # "4、2021年…明细表": an item even before digits


def _is_list_head(texts: list[str], j: int, end: int) -> bool:
    """"附件：" standing alone and followed by numbered titles heads a list, not an attachment."""
    return _ATTACH_LIST.fullmatch(texts[j].strip()) is not None and j + 1 < end and match_marker(texts[j + 1]) is not None


def _attachment_list(texts: list[str], idx: list[int], at_end: bool = False) -> list[int]:
    """"附件：1. …" (or 附表：) and the numbered items after it; with ``at_end``, only a list that ends
    the range (a plan's closing list), so a "附件：" sentence inside the text stays text."""
    for k, j in enumerate(idx):
        if _ATTACH_LIST.match(texts[j]):
            out = [j]
            for q in idx[k + 1 :]:
                if (match_marker(texts[q]) is not None or _LIST_ITEM.match(texts[q])) and len(texts[q]) <= 80:
                    out.append(q)
                else:
                    break
            if at_end and out[-1] != idx[-1]:
                continue
            return out
    return []


DOC_TYPE_ENDINGS = (
    "通知", "意见", "方案", "纲要", "规划", "办法", "决定", "计划", "细则", "规定", "条例", "通报",
    "批复", "报告", "公告", "通告", "函", "要点", "措施", "指南", "清单", "纪要", "决议", "命令",
)  # fmt: skip
