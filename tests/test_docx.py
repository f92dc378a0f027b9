"""Issue #13, Word files: a DOCX (and a DOC through LibreOffice) of each corpus text parses as the text does."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from corpus_meta import KnownMeta, corpus_texts
from make_docx import word_file
from test_html import check_meta, projection

from policyparse import DocumentUnreadableError, ToolNotFoundError, parse
from policyparse.cli import main
from policyparse.core.textnorm import clean_line
from policyparse.readers.convert import find_libreoffice
from policyparse.readers.docx import read_docx
from policyparse.readers.numbering import format_number

KNOWN = corpus_texts()
TABLES = [km for km in KNOWN if "\t" in km.txt.read_text("utf-8")]


def _lines(km: KnownMeta) -> list[str]:
    return [ln for ln in km.txt.read_text("utf-8").splitlines() if ln.strip()]


def _soffice() -> str:
    exe = find_libreoffice()
    assert exe is not None, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui (.ci/run does)"
    return exe


def _convert(src: Path, to: str, outdir: Path) -> Path:
    profile = (outdir / "profile").as_uri()
    cmd = [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    ext = to.split(":", 1)[0]
    return outdir / f"{src.stem}.{ext}"


def test_the_fixture_has_tables_and_numbering(tmp_path: Path) -> None:
    assert len(TABLES) >= 5
    path = word_file(KNOWN[0], _lines(KNOWN[0]), tmp_path / "a.docx")
    with zipfile.ZipFile(path) as zf:
        doc = zf.read("word/document.xml").decode()
    assert "<w:numPr>" in doc and "一、" not in doc  # the markers exist only as list numbering


@pytest.mark.parametrize("k", range(len(KNOWN)), ids=[km.name for km in KNOWN])
def test_word_file_parses_as_the_text(k: int, tmp_path: Path) -> None:
    km = KNOWN[k]
    path = word_file(km, _lines(km), tmp_path / f"{km.name}.docx")
    text_doc, word = parse(km.txt), parse(path)
    assert word.source.format == "docx"
    assert word.text == text_doc.text
    assert projection(word) == projection(text_doc)
    check_meta(text_doc, word, km)
    assert word.meta == text_doc.meta
    assert sorted(d.kind for d in word.dropped) == ["page_number", "running_header"]


@pytest.mark.long
def test_numbering_as_libreoffice_prints_it(tmp_path: Path) -> None:
    """An independent renderer: every paragraph LibreOffice prints for the file is one of ours."""
    names = ["zhejiang_yrd_sci_tech_2021", "sh_magnolia_3yr_2024", "sh_qingpu_construction_waste_2025",
             "gov_guofa_2018_42_agri_machinery", "sh_transport_fine_mgmt_3yr_2024", "sh_jingan_urban_renewal_2023"]  # fmt: skip
    for km in (k for k in KNOWN if k.name in names):
        path = word_file(km, _lines(km), tmp_path / f"{km.name}.docx")
        txt = _convert(path, "txt:Text (encoded):UTF8", tmp_path)
        theirs = {clean_line(ln) for ln in txt.read_text("utf-8-sig").splitlines() if ln.strip()}
        ours = [ln for ln in parse(path).text.split("\n") if "\t" not in ln]
        assert [ln for ln in ours if ln not in theirs] == [], km.name


DOC_CASES = [  # (document, the .doc LibreOffice writes keeps every list number: True for the first three)
    # one conversion in the default run; the others (4 s of LibreOffice each) under the `long` marker
    ("sh_jingan_urban_renewal_2023", True),
    pytest.param("gov_guobanfa_2018_128_zero_waste_city", True, marks=pytest.mark.long),
    pytest.param("sh_jiading_illegal_land_3yr_2024", True, marks=pytest.mark.long),
    pytest.param("gov_guofa_2018_39_employment", False, marks=pytest.mark.long),
]


@pytest.mark.parametrize(("name", "exact"), DOC_CASES)
def test_doc_through_libreoffice(name: str, exact: bool, tmp_path: Path) -> None:
    """A .doc (and the same bytes as .wps) made by LibreOffice from the Word file: read through LibreOffice.

    LibreOffice's own .doc export renumbers some list items (its DOC writer, not our reader: its plain-text
    rendering of the .doc shows the same numbers); where it does, the check is against that rendering."""
    km = next(k for k in KNOWN if k.name == name)
    docx = word_file(km, _lines(km), tmp_path / f"{km.name}.docx")
    (tmp_path / "doc").mkdir()
    doc_path = _convert(docx, "doc", tmp_path / "doc")
    assert doc_path.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")
    wps = doc_path.with_suffix(".wps")  # a WPS file is read by content, like a .doc
    wps.write_bytes(doc_path.read_bytes())
    txt = _convert(doc_path, "txt:Text (encoded):UTF8", tmp_path)
    theirs = {clean_line(ln) for ln in txt.read_text("utf-8-sig").splitlines() if ln.strip()}
    text_doc = parse(km.txt)
    for p in (doc_path, wps):
        d = parse(p)
        assert d.source.format == "doc" and d.source.extractor == "libreoffice+docx-xml"
        assert [ln for ln in d.text.split("\n") if "\t" not in ln and ln not in theirs] == []
        if exact:
            assert d.text == text_doc.text
            assert projection(d) == projection(text_doc)
        else:
            assert d.text != text_doc.text and len(list(d.iter_tasks())) == len(list(text_doc.iter_tasks()))


def test_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "old.doc"
    p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + "WordDocument".encode("utf-16-le") + bytes(600))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main([str(p)]) == ToolNotFoundError.exit_code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ToolNotFoundError" in err and "LibreOffice" in err and "soffice" in err


def test_number_formats() -> None:
    cn = [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)]
    assert cn == ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]
    assert [format_number(n, "ideographTraditional") for n in (1, 10, 11)] == ["甲", "癸", "甲"]
    assert format_number(3, "decimalEnclosedCircle") == "③" and format_number(12, "upperRoman") == "XII"
    assert format_number(2, "chineseLegalSimplified") == "贰" and format_number(7, "decimalFullWidth") == "７"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if numbering:
            zf.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        if styles:
            zf.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return buf.getvalue()


def _texts(data: bytes) -> list[str]:
    return ["".join(t for t, _, _ in p.lines) for p in read_docx(data).paragraphs]


def _p(text: str, ppr: str = "", rpr: str = "") -> str:
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_runs_breaks_revisions_boxes_and_styles() -> None:
    lvl = '<w:lvl w:ilvl="{k}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/>{x}</w:lvl>'
    numbering = (
        '<w:abstractNum w:abstractNumId="7">'
        + lvl.format(k=0, s=1, f="chineseCounting", t="%1、", x="")
        + lvl.format(k=1, s=1, f="decimal", t="%1.%2", x='<w:lvlRestart w:val="0"/><w:isLgl/>')
        + '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
        + '<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    )
    styles = '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    body = (
        '<w:p><w:r><w:t>国务院办公厅</w:t><w:br/><w:t>2018年12月6日</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>'
        '<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:ins><w:r><w:t>插入的字</w:t></w:r></w:ins></w:p>'
        + _p("总体要求", '<w:pStyle w:val="H1"/>')
        + _p("第一小节", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>')
        + _p("重点任务", '<w:pStyle w:val="H1"/>')
        + _p("第二小节", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>')
        + _p("保障措施", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>')
        + '<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>'
        "</w:txbxContent></wp:inline></w:drawing><w:t>锚定段落</w:t></w:r></w:p>"
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>抄送：各部委</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>一、组别</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>丁</w:t></w:r></w:p><w:p><w:r><w:t>戊</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>'
    )  # fmt: skip
    assert _texts(_docx(body, numbering, styles)) == [
        "国务院办公厅", "2018年12月6日", "正文插入的字",
        "一、 总体要求", "1.1 第一小节", "二、 重点任务", "2.2 第二小节",  # lvlRestart 0: level 2 never restarts
        "五、 保障措施",  # a list instance with a start override counts on its own
        "文本框里的字", "锚定段落", "抄送：各部委",
        "一、组别\t\t", "甲\t乙\t丙", "\t丁戊\t",
    ]  # fmt: skip


def test_damaged_word_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in [("cut.docx", b"PK\x03\x04" + bytes(40)), ("nodoc.docx", _zip_without_document())]:
        p = tmp_path / name
        p.write_bytes(data)
        assert main([str(p)]) == DocumentUnreadableError.exit_code
        assert capsys.readouterr().err.count("\n") == 1
    bad_xml = io.BytesIO()
    with zipfile.ZipFile(bad_xml, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(DocumentUnreadableError):
        read_docx(bad_xml.getvalue())


def _zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/styles.xml", "<x/>")
    return buf.getvalue()
