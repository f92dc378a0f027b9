"""Stage 4b′ (fields): fill ``meta`` gaps from what a web page prints around the document.

Portals print a header table above the article (索引号, 发文机关, 成文日期, 发文字号, 主题分类, 发布日期).
The document's own text wins: a header value fills a field only when the text lacks it, and the field is
marked in ``meta.field_sources``; a header value that disagrees with the text is a warning.
"""

from __future__ import annotations

import regex

from policyparse.core.dates import parse_date
from policyparse.core.doc_number import DocNumber, DocNumberError
from policyparse.core.meta import doc_type_of
from policyparse.models import Meta, ParseWarning

# header label (spaces and colon removed) → meta field
LABELS: dict[str, str] = {
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发文机关": "issuers",
    "发文单位": "issuers",
    "发布机构": "issuers",
    "成文日期": "date",
    "标题": "title",
    "名称": "title",
    "文件名称": "title",
}
_ISO = regex.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")


def _date(value: str) -> str | None:
    m = _ISO.search(value)
    if m is not None:
        return parse_date(f"{m[1]}年{m[2]}月{m[3]}日")
    return parse_date(value)


def _issuers(value: str) -> list[str]:
    return [x for x in regex.split(r"[、，,；;\s]+", value.strip()) if x]


def merge_page_metadata(meta: Meta, page: dict[str, str]) -> list[ParseWarning]:
    """Copy ``page`` into ``meta.page_metadata`` and fill the fields the text left empty (in place)."""
    meta.page_metadata = dict(page)
    warnings: list[ParseWarning] = []
    sources: dict[str, str] = {}  # field → the header label it came from
    for label, value in page.items():
        field = LABELS.get(regex.sub(r"[\s：:]", "", label))
        value = value.strip()
        if field is None or not value:
            continue
        if field == "doc_number":
            try:
                dn = DocNumber.parse(value)
            except DocNumberError:
                continue
            if meta.doc_number is None:
                meta.doc_number, sources[field] = dn, label
            elif meta.doc_number.text != dn.text:
                warnings.append(_differs(label, value, meta.doc_number.text))
        elif field == "date":
            d = _date(value)
            if d is None:
                continue
            if meta.date is None:
                meta.date, sources[field] = d, label
            elif meta.date != d:
                warnings.append(_differs(label, value, meta.date))
        elif field == "issuers":
            # the header's 发文机关 says outright what a title's "X关于…" only implies
            if not meta.issuers or meta.field_sources.get("issuers") == "title":
                meta.issuers, sources[field] = _issuers(value), label
        elif field == "title":
            if meta.title is None:
                meta.title, sources[field] = value, label
                meta.doc_type = meta.doc_type or doc_type_of(value)
                if meta.doc_type is not None:
                    sources["doc_type"] = label
            elif regex.sub(r"\s", "", meta.title) != regex.sub(r"\s", "", value):
                warnings.append(_differs(label, value, meta.title))
    meta.field_sources = {**meta.field_sources, **{k: "page_metadata" for k in sources}}
    return warnings


def _differs(label: str, page_value: str, text_value: str) -> ParseWarning:
    return ParseWarning(
        code="page_metadata_differs",
        message=f"the page header's {label} {page_value!r} differs from the text's {text_value!r} (the text is kept)",
    )
