"""Issue #11: the researcher's surface — navigation, inputs, display, CLI formats, the shipped schema."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, ZJ, doc_paths, parsed

import policyparse
from policyparse import errors
from policyparse.cli import main
from policyparse.models import SCHEMA_VERSION


def _zj() -> policyparse.PolicyDocument:
    return parsed(str(doc_paths(ZJ)[0]))


def test_navigation_and_unique_ids() -> None:
    doc = _zj()
    assert doc.plan is doc.attachments[0] and doc.plan.label == "附件1"
    ids = [s.id for s in doc.iter_sections()]
    assert len(ids) == len(set(ids))
    assert doc.section("2.1").title == "强化统筹协调，促进重大创新政策协同"
    t = doc.task("t1")
    assert (t.section_id, t.section_path) == ("2.1", "二、>（一）")
    assert [u.canonical for u in t.leads] == ["浙江省发展和改革委员会"] and [u.role for u in t.cooperating] == ["科技"]
    assert doc.section(t.section_id).tasks[0] is t
    for tg in doc.targets:  # every target's section id points at one section
        assert tg.section_id is None or doc.section(tg.section_id)
    with pytest.raises(KeyError):
        doc.task("t999")


def test_ids_unique_when_two_parts_have_outlines() -> None:
    doc = policyparse.parse_text(
        "某市关于印发某方案的通知\n各区人民政府：\n一、总体要求\n做好工作。\n某市人民政府\n2025年1月1日\n"
        "附件1\n某方案\n一、重点任务\n（一）建设平台。建设平台。（责任单位：市科技局）\n"
    )
    ids = [s.id for s in doc.iter_sections()]
    assert len(ids) == len(set(ids)) and "正文/1" in ids and "1.1" in ids
    assert doc.plan.label == "附件1"


def test_text_on_paragraphs_sections_parts_also_after_json() -> None:
    doc = _zj()
    s = doc.section("2.1")
    assert s.text.startswith("（一）强化统筹协调") and doc.plan.text.startswith("附件1")
    para = next(doc.iter_paragraphs())
    assert para.text == doc.text[para.span[0] : para.span[1]]
    again = policyparse.PolicyDocument.model_validate_json(doc.model_dump_json())
    assert again.section("2.1").text == s.text


def test_inputs_path_bytes_file_object_text() -> None:
    txt, pdf = doc_paths(ZJ)
    by_path = parsed(str(pdf))
    by_bytes = policyparse.parse(pdf.read_bytes(), name="zj.pdf")
    with pdf.open("rb") as fh:
        by_file = policyparse.parse(fh)
    by_text = policyparse.parse(txt.read_text("utf-8"))
    for d in (by_bytes, by_file, by_text):
        assert [t.text for t in d.iter_tasks()] == [t.text for t in by_path.iter_tasks()]
    assert by_bytes.source.path == "zj.pdf" and by_file.source.path == str(pdf)
    assert by_text.source.format == "txt"


def test_wrong_inputs_are_policyparse_errors(tmp_path: Path) -> None:
    with pytest.raises(errors.UnsupportedInputError):
        policyparse.parse(12345)  # type: ignore[arg-type]
    with pytest.raises(errors.InputNotFoundError, match="parse_text"):
        policyparse.parse("关于某事的通知")  # a one-line string that is no file
    with pytest.raises(errors.InputNotFoundError):
        policyparse.parse(tmp_path / "missing.pdf")
    assert issubclass(errors.UnsupportedInputError, policyparse.PolicyParseError)


def test_every_error_class_at_the_top_level() -> None:
    for cls in errors.ALL_ERRORS:
        assert getattr(policyparse, cls.__name__) is cls and cls.__name__ in policyparse.__all__


def test_repr_is_short() -> None:
    big = parsed(str(doc_paths("yrd_integration_outline_2019")[0]))
    for obj in (big, big.plan, next(big.iter_sections()), _zj().task("t1")):
        r = repr(obj)
        assert (len(r) <= 2000 and "\n" in r) or len(r) < 300
        assert obj._repr_html_().startswith("<div")  # type: ignore[union-attr]
    assert "浙长三角办〔2021〕9号" in repr(_zj()) and "outline" in repr(_zj())


def test_cli_version_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert f"schema {SCHEMA_VERSION}" in capsys.readouterr().out
    assert main(["schema"]) == 0
    sch = json.loads(capsys.readouterr().out)
    assert sch["$schema"].endswith("2020-12/schema") and sch["$id"].endswith(SCHEMA_VERSION)
    assert sch == policyparse.schema()
    assert main(["schema", "comparison"]) == 0 and "Comparison" in capsys.readouterr().out


def test_shipped_schema_validates_the_output() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(_zj().model_dump_json()), policyparse.schema())


@pytest.mark.parametrize("fmt", ["json", "outline", "tasks", "csv", "md"])
def test_cli_formats(fmt: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    txt, _ = doc_paths(ZJ)
    assert main([str(txt), "--format", fmt, "-o", "-"]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["schema_version"] == SCHEMA_VERSION
    elif fmt == "outline":
        assert "* 附件1" in out and "（一）强化统筹协调，促进重大创新政策协同  [4 tasks]" in out
    elif fmt == "tasks":
        assert out.splitlines()[0].split()[:5] == ["id", "section", "lead", "cooperating", "deadline"]
        assert "t38" in out
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 38 and rows[0]["lead_units"] == "省发展改革委" and rows[0]["section_path"] == "二、>（一）"
    else:
        assert out.startswith("# 浙江省") and "## Tasks (38)" in out and "## Targets" in out
    path = tmp_path / f"out.{fmt}"
    assert main([str(txt), "--format", fmt, "-o", str(path)]) == 0 and path.read_text("utf-8") == out


def test_missing_output_folder_fails_before_parsing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "never-read.pdf"), "-o", str(tmp_path / "no" / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "never-read" not in err  # the input was not even looked at


def test_usage_line_shows_every_command() -> None:
    out = subprocess.run([sys.executable, "-m", "policyparse", "--help"], capture_output=True, text=True, check=True).stdout
    for cmd in ("policyparse FILE", "policyparse batch", "policyparse compare", "policyparse schema", "--version"):
        assert cmd in out.split("\n\n")[0]


def test_batch_error_lines_carry_the_code(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    r = subprocess.run([sys.executable, "-m", "policyparse", "batch", str(d), "-o", str(tmp_path / "out"), "--jobs", "1"],
                       capture_output=True, text=True, check=False)  # fmt: skip
    assert r.returncode == 20
    assert "bad.pdf: PdfUnreadableError [E003]" in r.stderr


def test_readme_points_only_inside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "../" not in readme and "shared/" not in readme
    for target in ("docs/json-contract.md", "docs/leads.md", "docs/roles.md", "docs/warnings.md", "LICENSE"):
        assert (ROOT / target).exists()


def test_cli_formats_are_the_renderer_formats() -> None:
    from policyparse import cli, render

    assert cli.FORMATS == render.FORMATS


def test_readme_use_section_runs() -> None:
    """The README's 'Use' examples run as printed, on the Zhejiang plan."""
    readme = (ROOT / "README.md").read_text("utf-8")
    use = readme.split("## Use", 1)[1].split("## ", 1)[0]
    first, four = [b.split("```", 1)[0] for b in use.split("```python\n")[1:3]]
    pdf = doc_paths(ZJ)[1]
    names: dict[str, object] = {}
    exec(compile(first.replace('"plan.pdf"', repr(str(pdf))), "README", "exec"), names)
    exec(compile(four, "README", "exec"), names)
    units = names["units"]
    assert units.query("is_lead").value_counts("role").index[0] == "科技"  # type: ignore[attr-defined]
