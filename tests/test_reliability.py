"""Issue #6: bad input gets a clear error and its exit code; fuzzing; a batch never loses a result."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, ZJ, doc_paths

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_bad_pdfs as bad

from policyparse import PolicyParseError, errors, parse
from policyparse.batch import BatchOptions, output_path, run_batch
from policyparse.cli import main


def _cli_error(capsys: pytest.CaptureFixture[str], argv: list[str], cls: type[errors.PolicyParseError]) -> None:
    assert main(argv) == cls.exit_code, cls
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{cls.__name__} [" in err and "Traceback" not in err
    assert argv[0] in err


def test_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, pdf = doc_paths(ZJ)
    _cli_error(capsys, [str(bad.truncated(tmp_path / "trunc.pdf", pdf))], errors.PdfUnreadableError)
    _cli_error(capsys, [str(bad.random_bytes(tmp_path / "random.pdf"))], errors.PdfUnreadableError)
    (tmp_path / "empty.pdf").write_bytes(b"")
    _cli_error(capsys, [str(tmp_path / "empty.pdf")], errors.PdfUnreadableError)
    (tmp_path / "empty.txt").write_bytes(b"")
    _cli_error(capsys, [str(tmp_path / "empty.txt")], errors.EmptyDocumentError)
    _cli_error(capsys, [str(bad.image_only(tmp_path / "scan.pdf"))], errors.NoTextLayerError)
    _cli_error(capsys, [str(bad.english(tmp_path / "english.pdf"))], errors.NotAPolicyDocumentError)
    _cli_error(capsys, [str(tmp_path)], errors.InputNotFoundError)
    _cli_error(capsys, [str(pdf), "--max-pages", "5"], errors.TooLargeError)


def test_encrypted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    enc = bad.encrypted(tmp_path / "enc.pdf", "user-pw", "owner-pw")
    _cli_error(capsys, [str(enc)], errors.PdfEncryptedError)
    _cli_error(capsys, [str(enc), "--password", "wrong"], errors.PdfEncryptedError)
    assert main([str(enc), "--password", "user-pw", "-o", str(tmp_path / "enc.json")]) == 0
    doc = json.loads((tmp_path / "enc.json").read_text("utf-8"))
    assert doc["meta"]["title"] == "关于加强个人所得税纳税信用建设的通知"
    owner_only = parse(bad.encrypted(tmp_path / "owner.pdf", "", "owner-pw"))
    assert any(w.code == "encrypted_owner_password" for w in owner_only.warnings)
    assert owner_only.meta.doc_number is not None and owner_only.meta.doc_number.serial == 860


def test_unmapped_glyphs_are_no_text_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = bad.cid_only(tmp_path / "cid.pdf")
    # issue #13: with OCR installed the rendered pages are read (what the error used to ask for)
    doc = parse(cid)
    assert doc.meta.title == "关于加强科技创新工作的通知" and doc.source.ocr_pages
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # without the OCR extra: the clear error as before
    _cli_error(capsys, [str(cid)], errors.NoTextLayerError)


def test_mixed_document_keeps_text_pages(tmp_path: Path) -> None:
    doc = parse(bad.mixed(tmp_path / "mixed.pdf"))
    assert doc.meta.title == "关于加强科技创新工作的通知"
    assert [(w.code, w.page) for w in doc.warnings if w.code == "image_only_page"] == [("image_only_page", 2)]


def test_debug_shows_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(bad.random_bytes(tmp_path / "r.pdf")), "--debug"]) == errors.PdfUnreadableError.exit_code
    assert "Traceback" in capsys.readouterr().err


def test_time_limit() -> None:
    _, _, pdf = next(d for d in DOCS if d[0] == "yrd_integration_outline_2019")
    t0 = time.perf_counter()
    with pytest.raises(errors.TooLargeError):
        parse(pdf, timeout=0.2)
    assert time.perf_counter() - t0 < 2


MUTANT_SOURCES = ["ndrc_sta_tax_credit_2019", "gov_guofa_2019_3_bonded_zones"]


# the default run fuzzes a sample; the full 500 mutants run under the `long` marker (CI runs both)
FUZZ_SIZES = [pytest.param(25, id="sample"), pytest.param(250, id="full", marks=pytest.mark.long)]


@pytest.mark.parametrize("n", FUZZ_SIZES)
@pytest.mark.parametrize("name", MUTANT_SOURCES)
def test_pdf_mutation_fuzz(name: str, n: int, tmp_path: Path) -> None:
    """250 byte mutants of each of two corpus PDFs (500 in all; 25 each by default): a result or a
    PolicyParseError, in time."""
    _, _, pdf = next(d for d in DOCS if d[0] == name)
    outcomes: dict[str, int] = {}
    path = tmp_path / "m.pdf"
    for data in bad.mutants(pdf.read_bytes(), n):
        path.write_bytes(data)
        t0 = time.perf_counter()
        try:
            doc = parse(path, timeout=10)
            for t in doc.iter_tasks():
                assert doc.text[t.span[0] : t.span[1]] == t.text
            key = "ok"
        except PolicyParseError as exc:
            key = type(exc).__name__
        assert time.perf_counter() - t0 < 12
        outcomes[key] = outcomes.get(key, 0) + 1
    assert sum(outcomes.values()) == n
    print(name, outcomes)


def test_output_paths_stay_inside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert output_path(tmp_path / "in" / "a.pdf", tmp_path / "in", out) == out / "a.pdf.json"
    assert output_path(tmp_path / "in" / "sub" / "b.txt", tmp_path / "in", out) == out / "sub" / "b.txt.json"
    # a source outside the base falls back to its name only
    assert output_path(Path("/etc/../etc/passwd.pdf"), tmp_path / "in", out) == out / "passwd.pdf.json"


def _make_batch_inputs(d: Path) -> None:
    d.mkdir()
    good = [p for _, txt, pdf in DOCS for p in (txt, pdf)]
    assert len(good) == 20
    for p in good:
        (d / p.name).write_bytes(p.read_bytes())
    _, zj_pdf = doc_paths(ZJ)
    bad.truncated(d / "bad_truncated.pdf", zj_pdf)
    bad.random_bytes(d / "bad_random.pdf", 1)
    bad.random_bytes(d / "bad_random2.pdf", 2)
    (d / "bad_empty.pdf").write_bytes(b"")
    (d / "bad_empty.txt").write_bytes(b"")
    bad.image_only(d / "bad_scan.pdf")
    bad.english(d / "bad_english.pdf")
    bad.encrypted(d / "bad_encrypted.pdf", "u", "o")
    (d / "bad_english.txt").write_text("no Chinese here\n")
    bad.truncated(d / "bad_short.pdf", zj_pdf, 600)


def _final_state(out: Path) -> tuple[dict[str, str], list[str]]:
    last: dict[str, str] = {}
    for line in (out / "manifest.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        last[Path(r["file"]).name] = "ok" if r["status"] in ("ok", "skipped") else r["error_class"]
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    return last, files


def test_batch_resumes_after_kill(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_batch_inputs(src)
    cmd = [sys.executable, "-m", "policyparse", "batch", str(src), "-o", str(out), "--timeout", "60"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, start_new_session=True)
    manifest = out / "manifest.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline:
        if manifest.exists() and len(manifest.read_text("utf-8").splitlines()) >= 12:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(manifest.read_text("utf-8").splitlines())
    assert done_before < 30  # really stopped half-way
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert r.returncode == 20
    last, files = _final_state(out)
    assert sum(v == "ok" for v in last.values()) == 20
    assert sum(v != "ok" for v in last.values()) == 10
    jsons = [f for f in files if f.endswith(".json")]
    assert len(jsons) == 20 and not [f for f in files if ".tmp-" in f]
    for f in jsons:
        json.loads((out / f).read_text("utf-8"))
    # a run from scratch reaches the same final state
    fresh = tmp_path / "fresh"
    summary = run_batch(str(src), fresh, BatchOptions(timeout=60))
    assert (summary.ok, summary.failed) == (20, 10)
    assert _final_state(fresh) == (last, files)
    again = run_batch(str(src), fresh, BatchOptions(timeout=60))
    assert (again.ok, again.skipped, again.failed) == (0, 20, 10)
    errors_by_file = {k: v for k, v in last.items() if v != "ok"}
    assert errors_by_file["bad_scan.pdf"] == "NoTextLayerError"
    assert errors_by_file["bad_encrypted.pdf"] == "PdfEncryptedError"
    assert errors_by_file["bad_english.pdf"] == "NotAPolicyDocumentError"


def test_batch_kills_a_document_over_its_time_limit(tmp_path: Path) -> None:
    _, _, pdf = next(d for d in DOCS if d[0] == "yrd_integration_outline_2019")
    src = tmp_path / "in"
    src.mkdir()
    (src / "slow.pdf").write_bytes(pdf.read_bytes())
    t0 = time.perf_counter()
    summary = run_batch(str(src), tmp_path / "out", BatchOptions(timeout=0.3))
    assert time.perf_counter() - t0 < 5
    (rec,) = summary.records
    assert rec["status"] == "error" and rec["error_class"] == "TooLargeError"
    assert not list((tmp_path / "out").glob("*.json"))
