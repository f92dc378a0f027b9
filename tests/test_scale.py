"""Issue #14: a cheap import, batch on all cores, the same batch on a Dask cluster (no timings here:
scripts/bench.py measures speed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DOCS, ROOT

import policyparse
from policyparse.batch import MANIFEST, BatchOptions, run_batch

HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "pydantic", "pandas", "jieba", "spacy", "dask", "distributed")


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return [m for m in r.stdout.split() if m in HEAVY]


def test_import_loads_no_heavy_library() -> None:
    assert _loaded_after("import policyparse") == []
    assert _loaded_after("import policyparse.cli") == []


def test_help_loads_no_heavy_library() -> None:
    for argv in (["--help"], ["batch", "--help"]):
        code = (
            "import contextlib, io\nfrom policyparse.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    try:\n        main({argv!r})\n"
            "    except SystemExit:\n        pass"
        )
        assert _loaded_after(code) == []


def test_lazy_names_resolve() -> None:
    for name in policyparse.__all__:
        assert getattr(policyparse, name) is not None
        assert name in dir(policyparse)
    from policyparse import PolicyDocument, parse_text

    assert isinstance(parse_text("关于加强科技创新工作的通知\n各有关单位：\n一、总体要求"), PolicyDocument)
    with pytest.raises(AttributeError):
        policyparse.no_such_name  # noqa: B018


def _inputs(d: Path) -> Path:
    d.mkdir()
    for name, txt, pdf in DOCS:
        if name in ("zhejiang_yrd_sci_tech_2021", "ndrc_sta_tax_credit_2019", "gov_guofa_2019_3_bonded_zones"):
            (d / pdf.name).write_bytes(pdf.read_bytes())
        (d / "txt").mkdir(exist_ok=True)
        (d / "txt" / txt.name).write_bytes(txt.read_bytes())
    (d / "bad.pdf").write_bytes(b"%PDF-1.4 nothing else")
    return d


def _state(out: Path) -> tuple[dict[str, dict[str, object]], dict[str, bytes]]:
    """The manifest (last record per file, without timings) and every output's bytes."""
    recs: dict[str, dict[str, object]] = {}
    for line in (out / MANIFEST).read_text("utf-8").splitlines():
        r = json.loads(line)
        r.pop("seconds")
        recs[r["file"]] = r
    outputs = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.json"))}
    return recs, outputs


@pytest.fixture(scope="module")
def batch_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[dict[str, dict[str, object]], dict[str, bytes]]]:
    base = tmp_path_factory.mktemp("batch")
    src = _inputs(base / "in")
    summary = run_batch(str(src), base / "serial", BatchOptions(timeout=120, jobs=1))
    assert (summary.ok, summary.failed) == (13, 1)
    return src, _state(base / "serial")


def test_parallel_batch_equals_serial(batch_inputs: tuple[Path, tuple[dict[str, dict[str, object]], dict[str, bytes]]], tmp_path: Path) -> None:
    src, serial = batch_inputs
    summary = run_batch(str(src), tmp_path / "out", BatchOptions(timeout=120, jobs=3))
    assert (summary.ok, summary.failed) == (13, 1)
    assert _state(tmp_path / "out") == serial
    again = run_batch(str(src), tmp_path / "out", BatchOptions(timeout=120, jobs=3))
    assert (again.ok, again.skipped, again.failed) == (0, 13, 1)


def test_cli_batch_with_jobs_and_engine(tmp_path: Path) -> None:
    src = _inputs(tmp_path / "in")
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "2", "--engine", "pdfium"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert r.returncode == 20, r.stderr
    recs, outputs = _state(tmp_path / "out")
    assert sum(r["status"] == "ok" for r in recs.values()) == 13
    extractors = {json.loads(b)["source"]["extractor"] for name, b in outputs.items() if name.endswith(".pdf.json")}
    assert extractors == {"pdfium"}


def test_dask_batch_equals_local(batch_inputs: tuple[Path, tuple[dict[str, dict[str, object]], dict[str, bytes]]], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src, local = batch_inputs
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            summary = run_batch(str(src), tmp_path / "out", BatchOptions(timeout=120, dask=client))
            assert (summary.ok, summary.failed) == (13, 1)
            assert _state(tmp_path / "out") == local
            again = run_batch(str(src), tmp_path / "out", BatchOptions(timeout=120, dask=client))
            assert (again.ok, again.skipped, again.failed) == (0, 13, 1)

            # the README's dask.bag recipe around the public parse_to_dict
            import dask.bag as db

            paths = sorted(str(p) for p in src.rglob("*") if p.is_file())
            got = db.from_sequence(paths, npartitions=4).map(policyparse.parse_to_dict, errors="return").compute()
    by_path = {d["source"]["path"]: d for d in got}
    assert set(by_path) == set(paths)
    assert by_path[str(src / "bad.pdf")]["error"]["class"] == "PdfUnreadableError"
    for path in paths:
        if path.endswith("bad.pdf"):
            continue
        assert by_path[path] == policyparse.parse(path).model_dump(mode="json")


def test_cli_batch_on_a_dask_scheduler_address(batch_inputs: tuple[Path, tuple[dict[str, dict[str, object]], dict[str, bytes]]], tmp_path: Path) -> None:
    """policyparse batch --dask tcp://HOST:PORT from another process, against a scheduler on loopback."""
    distributed = pytest.importorskip("distributed")
    src, local = batch_inputs
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        r = subprocess.run(
            [sys.executable, "-m", "policyparse", "batch", str(src), "-o", str(tmp_path / "out"), "--dask", address],
            capture_output=True, text=True, cwd=ROOT, check=False, timeout=300,
        )  # fmt: skip
    assert r.returncode == 20, r.stderr
    assert _state(tmp_path / "out") == local


def test_parse_to_dict_raises_by_default(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(policyparse.PolicyParseError):
        policyparse.parse_to_dict(tmp_path / "bad.pdf")
