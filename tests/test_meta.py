"""Official-document frame (issue #3) on realistic variants the corpus does not show."""

from __future__ import annotations

from policyparse import parse_text

NOTICE = """\
江苏省科学技术厅
江苏省财政厅文件
苏科计发[2022]15号
江苏省科学技术厅 江苏省财政厅关于印发《江苏省科技创新行动方案》的通知
各设区市科技局、财政局，省各有关部门：
现将《江苏省科技创新行动方案》印发给你们，请结合实际认真贯彻落实。
附件：1. 江苏省科技创新行动方案
2. 重点任务分工表（不公开）
江苏省科学技术厅
江苏省财政厅
二〇二二年三月十五日
（此件公开发布）
（联系人：张三；联系电话：025-12345678）
附件1
江苏省科技创新行动方案
一、总体要求
（一）指导思想。坚持创新驱动发展。
抄送：科技部，财政部。
江苏省科学技术厅办公室 2022年3月16日印发
"""


def test_joint_notice_variants() -> None:
    doc = parse_text(NOTICE)
    m = doc.meta
    assert m.banner == ["江苏省科学技术厅", "江苏省财政厅"]
    assert m.doc_number is not None and m.doc_number.text == "苏科计发〔2022〕15号"
    assert m.title is not None and m.title.endswith("的通知") and m.doc_type == "通知"
    assert m.embedded_title == "江苏省科技创新行动方案" and m.embedded_doc_type == "方案"
    assert m.recipients == ["各设区市科技局、财政局", "省各有关部门"]
    assert m.issuers == ["江苏省科学技术厅", "江苏省财政厅"]
    assert m.date == "2022-03-15"
    assert m.publication == "此件公开发布"
    assert m.contact is not None and "025-12345678" in m.contact
    assert [(a.label, a.included) for a in m.attachments] == [("附件1", True), ("附件2", False)]
    assert m.attachments[1].title == "重点任务分工表（不公开）"
    assert m.cc == ["科技部", "财政部"]
    assert m.printed_by == "江苏省科学技术厅办公室" and m.printed_date == "2022-03-16"
    assert doc.attachments[0].title == "江苏省科技创新行动方案"
    assert [s.title for s in doc.attachments[0].iter_sections()] == ["总体要求", "指导思想"]


def test_document_starting_with_its_title() -> None:
    doc = parse_text("长江三角洲区域一体化发展规划纲要\n前言\n第一章　发展背景\n第一节　发展基础\n长三角地区发展基础良好。\n")
    m = doc.meta
    assert m.title == "长江三角洲区域一体化发展规划纲要" and m.doc_type == "纲要"
    assert m.doc_number is None and m.issuers == [] and m.date is None and m.recipients == []
    secs = list(doc.body.iter_sections())
    assert [(s.style, s.depth, s.title) for s in secs] == [("chapter", 1, "发展背景"), ("section", 2, "发展基础")]


def test_missing_elements_are_empty_not_guessed() -> None:
    doc = parse_text("关于做好某项工作的通知\n各有关单位：\n请认真做好相关工作。\n")
    m = doc.meta
    assert m.doc_number is None and m.date is None and m.cc == [] and m.printed_by is None
    assert m.recipients == ["各有关单位"]


def test_side_by_side_blocks_in_text_input() -> None:
    doc = parse_text(
        "国家发展改革委办公厅  文件\n税务总局办公厅\n发改办财金规〔2019〕860号\n关于加强某事的通知\n各有关单位：\n"
        "第一章　　总体要求\n请做好工作。\n国家发展改革委办公厅　　　税务总局办公厅\n2019年8月20日\n抄送：某某。\n"
        "国家发展改革委办公厅      2019年8月21日印发\n"
    )
    m = doc.meta
    assert m.banner == ["国家发展改革委办公厅", "税务总局办公厅"]
    assert m.signatories == ["国家发展改革委办公厅", "税务总局办公厅"] == m.issuers
    assert (m.date, m.printed_by, m.printed_date) == ("2019-08-20", "国家发展改革委办公厅", "2019-08-21")
    # a heading with a wide space is not split
    assert [s.title for s in doc.body.sections] == ["总体要求"]


def test_attachment_label_forms() -> None:
    doc = parse_text(
        "关于某事的通知\n各有关单位：\n请做好工作。\n附件：1.工作方案\n2.单位名单\n某某办公室\n2022年1月5日\n"
        "附件一\n工作方案\n一、总体要求\n（一）加强领导。建立专班。（责任单位：省科技厅）\n"
        "附件2：单位名单\n省科技厅、省财政厅\n"
    )
    assert [(a.label, a.title) for a in doc.attachments] == [("附件1", "工作方案"), ("附件2", "单位名单")]
    assert [(r.label, r.included) for r in doc.meta.attachments] == [("附件1", True), ("附件2", True)]
    assert doc.attachments[1].paragraphs[-1].role == "body"
