"""Issue #13, web pages: a portal page around each corpus text parses as the text does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from corpus_meta import KnownMeta, corpus_texts
from make_web import portal_page

from policyparse import PolicyDocument, parse
from policyparse.readers.detect import sniff
from policyparse.readers.html import decode_html, read_html

KNOWN = corpus_texts()
CHROME = ["当前位置", "分享到", "打印本页", "关闭窗口", "版权所有", "网站标识码", "脚本输出", "隐藏的统计", "相关文件", "请输入关键词", "索引号"]


def projection(doc: PolicyDocument) -> dict[str, object]:
    """What a reader must not change: sections, tasks with their units, targets."""
    return {
        "sections": [(p.label, s.id, s.marker, s.title, s.title_kind) for p in doc.parts() for s in p.iter_sections()],
        "tasks": [
            (t.id, t.text, t.clause.text if t.clause else None, [(u.name, u.role) for u in t.units], t.lead_units,
             t.cooperating_units, t.deadline)
            for t in doc.iter_tasks()
        ],
        "targets": [t.model_dump(exclude={"span"}) for t in doc.targets],
    }  # fmt: skip


def check_meta(text_doc: PolicyDocument, other: PolicyDocument, km: KnownMeta) -> None:
    """Meta equal to the text's, except fields the text lacks, filled from the page header and marked."""
    a = text_doc.meta.model_dump(exclude={"page_metadata", "field_sources"})
    b = other.meta.model_dump(exclude={"page_metadata", "field_sources"})
    for key in a:
        if a[key] == b[key]:
            # the same value, or the header's word for what the text only implies by its title
            sources = (text_doc.meta.field_sources.get(key), other.meta.field_sources.get(key))
            assert sources[0] == sources[1] or sources == ("title", "page_metadata"), key
            continue
        assert other.meta.field_sources.get(key) == "page_metadata", key
        # the text lacks the field, or only implies it (issuers read from its title)
        assert a[key] in (None, []) or text_doc.meta.field_sources.get(key) == "title", key
    if other.meta.field_sources.get("date"):
        assert other.meta.date == km.date
    if other.meta.field_sources.get("doc_number"):
        assert other.meta.doc_number is not None and other.meta.doc_number.text == km.doc_number


@pytest.mark.parametrize("k", range(len(KNOWN)), ids=[km.name for km in KNOWN])
def test_web_page_parses_as_the_text(k: int, tmp_path: Path) -> None:
    km = KNOWN[k]
    lines = [ln for ln in km.txt.read_text("utf-8").splitlines() if ln.strip()]
    # every other page prints the title above the article (as gov.cn does); every third is GB2312
    page = portal_page(km, lines, title_outside=k % 2 == 1, charset="gb2312" if k % 3 == 0 else "utf-8")
    path = tmp_path / f"{km.name}.html"
    path.write_bytes(page)
    text_doc, web = parse(km.txt), parse(path)
    assert web.source.format == "html"
    assert web.text == text_doc.text
    assert projection(web) == projection(text_doc)
    check_meta(text_doc, web, km)
    assert web.meta.page_metadata.get("发文机关") == ("、".join(km.issuers) or None)
    assert not [c for c in CHROME if c in web.text and c not in text_doc.text]


def test_header_fills_what_the_text_lacks(tmp_path: Path) -> None:
    km = next(k for k in KNOWN if k.name == "gov_guofa_2018_39_employment")
    lines = [ln for ln in km.txt.read_text("utf-8").splitlines() if ln.strip()]
    assert km.doc_number in lines and km.date is not None
    body = [ln for ln in lines if ln != km.doc_number and not ln.startswith(km.date[:4] + "年")]
    path = tmp_path / "p.html"
    path.write_bytes(portal_page(km, body, title_outside=True))
    doc = parse(path)
    assert doc.meta.doc_number is not None and doc.meta.doc_number.text == km.doc_number
    assert doc.meta.date == km.date
    assert doc.meta.title == km.title
    # without its date line the 落款 is no longer seen either: the issuer comes from the header too
    assert doc.meta.field_sources == dict.fromkeys(["doc_number", "issuers", "date"], "page_metadata")
    assert doc.meta.issuers == km.issuers
    assert doc.meta.page_metadata["索引号"] == "000014349/2019-00001"
    assert doc.meta.page_metadata["主题分类"] == "城乡建设、环境保护\\其他"
    # a header that disagrees with the text: the text is kept, with a warning
    wrong = dict.fromkeys(["索引号", "发文机关"], "x") | {"发文字号": "国发〔2018〕40号", "成文日期": "2018-11-16"}
    path.write_bytes(portal_page(km, lines, header=wrong))
    doc = parse(path)
    assert doc.meta.doc_number is not None and doc.meta.doc_number.text == km.doc_number
    assert doc.meta.field_sources == {}
    assert [w.code for w in doc.warnings if w.code.startswith("page_")] == ["page_metadata_differs"]


def test_charset_from_meta_only() -> None:
    text = "国务院关于做好当前和今后一个时期促进就业工作的若干意见：镕𠀀"  # the last two are outside GB2312
    for decl in (b'<meta charset="gb2312">', b'<meta http-equiv="Content-Type" content="text/html; charset=GBK" />'):
        page = b"<html><head>" + decl + b"</head><body><p>" + text.encode("gb18030") + b"</p></body></html>"
        assert text in decode_html(page)
    assert "文件" in decode_html("<p>文件</p>".encode())  # no declaration: UTF-8
    assert "文件" in decode_html("<p>文件</p>".encode("gbk"))  # no declaration, not UTF-8: GB18030


def _paras(html: str) -> list[str]:
    rr = read_html(html.encode())
    return ["".join(t for t, _, _ in p.lines) for p in rr.paragraphs]


def test_breaks_blocks_and_merged_cells() -> None:
    html = """<html><body><div id="content">
    <p>国务院办公厅<br>2018年12月6日</p>
    <div>一、总体要求<p>（一）指导思想。坚持稳中求进。</p>尾部文字</div>
    <ol><li>第一项工作</li><li>2. 已有编号</li></ol>
    <table><tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
    <tr><td rowspan="2">1</td><td>建设平台</td><td>省科技厅</td></tr>
    <tr><td>完善机制</td><td>省发展改革委</td></tr>
    <tr><td colspan="3">二、保障措施</td></tr></table>
    <table><tr><td><p>单行布局</p><p>第二段</p></td></tr></table>
    </div></body></html>"""
    assert _paras(html) == [
        "国务院办公厅", "2018年12月6日", "一、总体要求", "（一）指导思想。坚持稳中求进。", "尾部文字",
        "1. 第一项工作", "2. 已有编号",
        "序号\t任务\t责任单位", "1\t建设平台\t省科技厅", "\t完善机制\t省发展改革委", "二、保障措施\t\t",
        "单行布局", "第二段",
    ]  # fmt: skip


def test_format_from_content(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>关于加强科技创新工作的通知</p><p>各有关单位：</p><p>一、总体要求</p></body></html>"
    assert sniff(page.encode(), ".txt") == "html"
    assert sniff(b"\xef\xbb\xbf  <html lang=zh>", "") == "html"
    assert sniff("一、总体要求 <b>".encode(), ".txt") == "txt"
    p = tmp_path / "saved.txt"  # a web page saved under a text name
    p.write_text(page, encoding="utf-8")
    doc = parse(p)
    assert doc.source.format == "html" and doc.meta.title == "关于加强科技创新工作的通知"
