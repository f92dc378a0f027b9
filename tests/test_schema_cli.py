"""The generated JSON Schema is current; the CLI prints JSON or one clean error line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, ZJ, doc_paths
from gen_schema import SCHEMA_PATH, render

from policyparse import errors
from policyparse.cli import main


def test_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text("utf-8") == render(), "run: python scripts/gen_schema.py"


def test_output_validates_against_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _, pdf = doc_paths(ZJ)
    out = tmp_path / "zj.json"
    assert main([str(pdf), "-o", str(out)]) == 0
    jsonschema.validate(json.loads(out.read_text("utf-8")), json.loads(SCHEMA_PATH.read_text("utf-8")))


def test_cli_stdout_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    txt, _ = doc_paths(ZJ)
    assert main([str(txt), "--pretty"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    assert data["meta"]["doc_number"]["text"] == "浙长三角办〔2021〕9号"
    assert out.startswith("{\n  ")


def _one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str], cls: type[errors.PolicyParseError]) -> None:
    assert main(argv) == cls.exit_code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and cls.__name__ in err and "Traceback" not in err


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rnd = tmp_path / "random.pdf"
    rnd.write_bytes(bytes(range(256)) * 8)
    _one_line_error(capsys, [str(rnd)], errors.PdfUnreadableError)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _one_line_error(capsys, [str(empty)], errors.EmptyDocumentError)
    _one_line_error(capsys, [str(tmp_path / "missing.pdf")], errors.InputNotFoundError)
    _one_line_error(capsys, [str(tmp_path)], errors.InputNotFoundError)
    english = tmp_path / "english.txt"
    english.write_text("This is not a Chinese policy document.\nIt has two lines.\n")
    _one_line_error(capsys, [str(english)], errors.NotAPolicyDocumentError)
    _, pdf = doc_paths(ZJ)
    trunc = tmp_path / "truncated.pdf"
    trunc.write_bytes(pdf.read_bytes()[:3000])
    assert main([str(trunc)]) in (errors.PdfUnreadableError.exit_code, errors.EmptyDocumentError.exit_code)
    capsys.readouterr()
    docx = tmp_path / "a.docx"  # .docx is read now (issue #13): four bytes of a zip are a damaged one
    docx.write_bytes(b"PK\x03\x04")
    _one_line_error(capsys, [str(docx)], errors.DocumentUnreadableError)
    sheet = tmp_path / "a.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    _one_line_error(capsys, [str(sheet)], errors.UnsupportedFormatError)


def test_exit_codes_are_distinct_and_documented() -> None:
    codes = [c.exit_code for c in errors.ALL_ERRORS]
    assert len(set(codes)) == len(codes)
    readme = (ROOT / "README.md").read_text("utf-8")
    for c in errors.ALL_ERRORS:
        assert f"| {c.exit_code} | `{c.__name__}`" in readme


def test_module_entry_point_help() -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "policyparse", "--help"], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and "--pretty" in r.stdout


def test_import_has_no_side_effects() -> None:
    import subprocess
    import sys

    code = "import sys, policyparse; print('pdfplumber' in sys.modules, 'jieba' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.split() == ["False", "False"]
