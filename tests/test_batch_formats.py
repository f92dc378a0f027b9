"""Issue #13: a batch over a folder mixing every format: every file in the manifest, none skipped in silence."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CORPORA, ROOT

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from corpus_meta import corpus_texts
from make_docx import word_file
from make_web import portal_page
from test_docx import _convert
from test_ocr import rasterise

from policyparse.batch import BatchOptions, run_batch


def _inputs(d: Path) -> dict[str, str]:
    """The folder; file name → the status its manifest line must have."""
    known = {k.name: k for k in corpus_texts()}
    zj, emp, jingan = known["zhejiang_yrd_sci_tech_2021"], known["gov_guofa_2018_39_employment"], known["sh_jingan_urban_renewal_2023"]
    d.mkdir()
    (d / "web").mkdir()
    (d / "word").mkdir()
    shutil.copy(zj.txt, d / "zj.txt")
    shutil.copy(CORPORA / zj.name / f"{zj.name}.pdf", d / "zj.pdf")
    (d / "web" / "emp.html").write_bytes(portal_page(emp, emp.txt.read_text("utf-8").splitlines(), charset="gb2312"))
    (d / "web" / "emp_saved.htm").write_bytes(portal_page(emp, emp.txt.read_text("utf-8").splitlines(), title_outside=True))
    word_file(jingan, [ln for ln in jingan.txt.read_text("utf-8").splitlines() if ln.strip()], d / "word" / "jingan.docx")
    _convert(d / "word" / "jingan.docx", "doc", d / "word" / "lo")
    shutil.move(d / "word" / "lo" / "jingan.doc", d / "word" / "jingan_old.doc")
    shutil.copy(d / "word" / "jingan_old.doc", d / "word" / "jingan.wps")
    shutil.rmtree(d / "word" / "lo")
    rasterise(CORPORA / "ndrc_sta_tax_credit_2019" / "ndrc_sta_tax_credit_2019.real.pdf", [1], d / "scan.pdf")
    (d / "renamed_docx.doc").write_bytes((d / "word" / "jingan.docx").read_bytes())  # content decides
    # not read: each listed with a reason
    (d / "sheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(30))
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (d / "README.md").write_text("# 文件夹说明\n", encoding="utf-8")
    (d / "notes").write_text("无后缀的笔记\n", encoding="utf-8")
    (d / "data.json").write_text("{}", encoding="utf-8")
    (d / ".DS_Store").write_bytes(bytes(8))  # hidden: left out, as documented
    (d / "broken.docx").write_bytes(b"PK\x03\x04" + bytes(30))
    ok = ["zj.txt", "zj.pdf", "emp.html", "emp_saved.htm", "jingan.docx", "jingan_old.doc", "jingan.wps", "scan.pdf", "renamed_docx.doc"]
    unsupported = ["sheet.xlsx", "photo.png", "README.md", "notes", "data.json"]
    return {**dict.fromkeys(ok, "ok"), **dict.fromkeys(unsupported, "skipped_unsupported"), "broken.docx": "error"}


def test_batch_over_every_format(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "in" / "out"  # the output inside the input folder: not read back
    want = _inputs(src)
    summary = run_batch(str(src), out, BatchOptions(timeout=120))
    lines = [json.loads(x) for x in (out / "manifest.jsonl").read_text("utf-8").splitlines()]
    got = {Path(r["file"]).name: r for r in lines}
    assert len(lines) == len(want) and set(got) == set(want)
    assert {k: r["status"] for k, r in got.items()} == want
    for r in got.values():
        if r["status"] == "skipped_unsupported":
            assert r["reason"] and r["output"] is None
    assert got["broken.docx"]["error_class"] == "DocumentUnreadableError"
    formats = {k: json.loads((out / r["output"]).read_text("utf-8"))["source"]["format"] for k, r in got.items() if r["status"] == "ok"}
    assert formats == {"zj.txt": "txt", "zj.pdf": "pdf", "emp.html": "html", "emp_saved.htm": "html", "jingan.docx": "docx",
                       "jingan_old.doc": "doc", "jingan.wps": "doc", "scan.pdf": "pdf", "renamed_docx.doc": "docx"}  # fmt: skip
    assert (summary.ok, summary.failed, summary.unsupported) == (9, 1, 5)
    # a second run: the outputs are up to date, the unsupported files listed again, nothing from out/ read
    again = run_batch(str(src), out, BatchOptions(timeout=120))
    assert (again.ok, again.skipped, again.failed, again.unsupported) == (0, 9, 1, 5)
    # the CLI: exit 20 for the broken file; the skipped ones on stderr, one line each
    r = subprocess.run([sys.executable, "-m", "policyparse", "batch", str(src), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT, check=False)  # fmt: skip
    assert r.returncode == 20
    assert r.stderr.count("skipped: ") == 5 and "5 not supported" in r.stderr


def test_format_sniffing() -> None:
    from policyparse.readers.detect import OLE_MAGIC, sniff

    word = OLE_MAGIC + bytes(100) + "WordDocument".encode("utf-16-le")
    excel = OLE_MAGIC + bytes(100) + "Workbook".encode("utf-16-le")
    assert sniff(word[:4096], ".bin", data=word) == "doc"
    assert sniff(excel[:4096], ".xls", data=excel) is None
    assert sniff(excel[:4096], ".wps", data=excel) == "doc"  # named so: LibreOffice will say what it is
    assert sniff(b"%PDF-1.7\n", ".txt") == "pdf"
    assert sniff(b"\x89PNG\r\n", ".png") is None
    assert sniff(b"", ".pdf") == "pdf" and sniff(b"", ".docx") == "docx"
