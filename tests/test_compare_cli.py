"""`policyparse compare` on the real families: each format, the JSON against its schema, the HTML
self-contained and laid out by a real browser without tables running off the page."""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT, doc_paths
from gen_schema import COMPARISON_SCHEMA_PATH

from policyparse import errors
from policyparse.cli import main

FIRE = ["sh_changning_fire_safety_2019", "sh_jinshan_fire_safety_2019", "sh_huangpu_fire_safety_2024",
        "sh_qingpu_fire_safety_2024", "sh_baoshan_grassroots_fire_2022"]  # fmt: skip
FIRE_PATHS = [str(CORPORA / "dev" / f"{n}.txt") for n in FIRE]
ZJ_PDF = str(doc_paths("zhejiang_yrd_sci_tech_2021")[1])
OUTLINE_TXT = str(doc_paths("yrd_integration_outline_2019")[0])


@cache
def _html(tmp: str, which: str) -> str:
    out = Path(tmp) / f"{which}.html"
    argv = [*FIRE_PATHS] if which == "fire" else [ZJ_PDF, "--parent", OUTLINE_TXT]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font": tofu is an error
        assert main(["compare", *argv, "--format", "html", "-o", str(out)]) == 0
    return str(out)


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("compare"))


def test_json_of_both_families_validates(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(COMPARISON_SCHEMA_PATH.read_text("utf-8"))
    fire = tmp_path / "fire.json"
    assert main(["compare", *FIRE_PATHS, "--format", "json", "-o", str(fire)]) == 0
    data = json.loads(fire.read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert [d["label"] for d in data["docs"]] == ["长宁区", "金山区 2019", "黄浦区 2024", "青浦区 2024", "宝山区 2022"]
    # 黄浦区 and 青浦区 implement one municipal template: their 一、 sections are mutual best matches
    pairs = {(x["a"]["doc"], x["a"]["id"], x["b"]["doc"], x["b"]["id"]) for x in data["outline"] if x["mutual"]}
    assert {(FIRE[2], s, FIRE[3], s) for s in ("1", "1.1", "4", "5")} <= pairs

    zj = tmp_path / "zj.json"
    assert main(["compare", ZJ_PDF, "--parent", OUTLINE_TXT, "--format", "json", "-o", str(zj)]) == 0
    data = json.loads(zj.read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["parent"] == "yrd_integration_outline_2019"
    sci = [r for r in data["roles"] if r["role"] == "科技"]
    assert [(r["doc"], r["led"]) for r in sci] == [("zhejiang_yrd_sci_tech_2021", 26)]
    shared = {c["indicator_key"] for c in data["targets"]}
    assert {"研发投入强度", "科技进步贡献率"} <= shared
    linked = {(x["a"]["id"], x["b"]["id"]) for x in data["outline"] if x["mutual"]}
    assert ("2", "1") in linked and ("2.1", "1.1") in linked  # 总体要求, 指导思想
    assert sum(p["covered"] for p in data["implementation"]) >= 10
    assert len(data["implementation_children"]) == 38


def test_markdown_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ZJ_PDF, "--parent", OUTLINE_TXT, "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "## 各职能角色牵头的任务" in md and "| 科技 |" in md and "## 目标对照" in md
    assert "| 研发投入强度 | ≥3% (2025) | ≥3.3% (2025)（预期） |" in md
    assert main(["compare", *FIRE_PATHS[2:4], "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert "roles.csv" in files and "outline.csv" in files and len(files) == 9
    head = (tmp_path / "csv" / "outline.csv").read_text("utf-8").splitlines()[0]
    assert head.startswith("a_doc,a_id,a_section,b_doc,b_id,b_section,score")


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tmp_path / "missing.txt"), FIRE_PATHS[0]]) == errors.InputNotFoundError.exit_code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "InputNotFoundError" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    assert main(["compare", str(bad), FIRE_PATHS[0]]) == errors.UnsupportedFormatError.exit_code
    with pytest.raises(SystemExit) as exc:
        main(["compare", FIRE_PATHS[0], FIRE_PATHS[1], "--format", "csv"])
    assert exc.value.code == 2


def test_json_input_round_trips(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main([FIRE_PATHS[2], "-o", str(a)]) == 0 and main([FIRE_PATHS[3], "-o", str(b)]) == 0
    out_json, out_txt = tmp_path / "j.json", tmp_path / "t.json"
    assert main(["compare", str(a), str(b), "--format", "json", "-o", str(out_json)]) == 0
    assert main(["compare", *FIRE_PATHS[2:4], "--format", "json", "-o", str(out_txt)]) == 0
    j, t = json.loads(out_json.read_text("utf-8")), json.loads(out_txt.read_text("utf-8"))
    assert j["outline"] == t["outline"] and j["roles"] == t["roles"]


def test_html_is_self_contained(outdir: str) -> None:
    for which in ("fire", "zj"):
        page = Path(_html(outdir, which)).read_text("utf-8")
        assert page.count("<svg") >= 2 and "<script" not in page
        page = page.replace("url(#", "")  # SVG clip paths point inside the file
        for needle in ("http://", "https://", "src=", "url(", "@import", "<link"):
            outside = [line for line in page.splitlines() if needle in line and 'xmlns="http://www.w3.org/' not in line
                       and 'xmlns:xlink="http://www.w3.org/' not in line]  # fmt: skip
            assert not outside, (which, needle, outside[:1])
        assert "各职能角色牵头的任务" in page and "提纲对照" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")
def test_html_fits_the_window_in_chromium(outdir: str) -> None:
    """A real browser lays the report out at 1400 px: nothing is wider than the window."""
    for which in ("fire", "zj"):
        path = Path(_html(outdir, which))
        probe = path.with_suffix(".probe.html")
        check = ("<script>window.onload=()=>{document.body.setAttribute('data-overflow',"
                 "String(document.documentElement.scrollWidth>window.innerWidth));};</script>")  # fmt: skip
        probe.write_text(path.read_text("utf-8").replace("</body>", check + "</body>"), encoding="utf-8")
        cmd = [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000",
               "--dump-dom", probe.as_uri()]  # fmt: skip
        dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout
        assert 'data-overflow="false"' in dom, which


def test_screenshot_script_writes_a_png(outdir: str) -> None:
    if CHROMIUM is None:
        pytest.skip("Debian chromium not installed (.ci/run installs it)")
    png = Path(outdir) / "shot.png"
    subprocess.run(["bash", str(ROOT / "scripts" / "screenshot.sh"), _html(outdir, "zj"), str(png)], check=True, timeout=180)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
