"""Batch mode: many files in, one JSON per good file, a manifest line per file, never a stop.

Each document is parsed in a child process the parent can kill, so a PDF that makes pdfminer
loop costs its time limit and nothing more. Outputs are written atomically (temporary file,
fsync, rename) and a re-run skips inputs whose output is already there for the same sha256, so
a batch killed half-way resumes to the same final state.
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyparse.errors import InputNotFoundError, PolicyParseError, TooLargeError
from policyparse.models import SCHEMA_VERSION

# issue #13: every format the readers take; a file is recognised by its content first (readers/detect.py)
INPUT_SUFFIXES = (".pdf", ".txt", ".text", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".xhtml")
MANIFEST = "manifest.jsonl"


@dataclass
class BatchOptions:
    """Options of a batch run; ``timeout`` is per document, in seconds."""

    password: str | None = None
    strict: bool = False
    max_pages: int | None = None
    timeout: float = 120.0
    force: bool = False


@dataclass
class BatchSummary:
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    unsupported: int = 0  # listed in the manifest as skipped_unsupported, with the reason
    records: list[dict[str, Any]] = field(default_factory=list)


def collect_inputs(spec: str, exclude: Path | None = None) -> tuple[list[Path], Path]:
    """The files of a directory (recursively; hidden ones and those under ``exclude``, the output
    directory, left out) or of a glob, and the base their output paths mirror. Every file is listed:
    ``unsupported_reason`` tells which ones no reader takes."""
    p = Path(spec)
    if p.is_dir():
        skip = exclude.resolve() if exclude is not None else None
        files = sorted(
            f for f in p.rglob("*")
            if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            and (skip is None or not f.resolve().is_relative_to(skip))
        )  # fmt: skip
        return files, p
    files = sorted(Path(f) for f in glob.glob(spec, recursive=True) if Path(f).is_file())
    if not files:
        raise InputNotFoundError(f"no input files match {spec!r}", path=spec)
    base = Path(os.path.commonpath([str(f.parent.resolve()) for f in files]))
    return files, base


def unsupported_reason(path: Path) -> str | None:
    """Why no reader takes ``path`` (None: one does). Text is taken by its .txt/.text name only, so
    a directory's README.md or a suffix-less file is listed, not parsed."""
    from policyparse.readers.detect import sniff_path

    try:
        fmt = sniff_path(path)
    except OSError as exc:
        return f"cannot be read ({exc})"
    suffix = path.suffix.lower()
    if fmt is None:
        return f"not a format policyparse reads ({suffix or 'no suffix'}; it reads PDF, DOCX, DOC/WPS, HTML and .txt)"
    if fmt == "txt" and suffix not in INPUT_SUFFIXES:
        return f"plain text named {suffix or 'without a suffix'}: name it .txt to parse it"
    return None


def output_path(src: Path, base: Path, outdir: Path) -> Path:
    """Where ``src``'s JSON goes: its path below ``base`` mirrored under ``outdir``, never outside it."""
    try:
        rel = src.resolve().relative_to(base.resolve())
    except ValueError:
        rel = Path(src.name)
    parts = [p for p in rel.parts if p not in ("", ".", "..")]
    out = outdir.joinpath(*parts[:-1], parts[-1] + ".json") if parts else outdir / "unnamed.json"
    root = outdir.resolve()
    if not out.resolve().is_relative_to(root):
        raise InputNotFoundError(f"output path {out} would leave {outdir}", path=str(src))
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _up_to_date(out: Path, sha: str) -> bool:
    try:
        with out.open("rb") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return False
    return bool(data.get("schema_version") == SCHEMA_VERSION and data.get("source", {}).get("sha256") == sha)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` so that ``path`` is either absent, the old file, or the whole new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _child(conn: Any, path: str, opts: BatchOptions) -> None:
    from policyparse.core.pipeline import parse

    try:
        doc = parse(path, password=opts.password, strict=opts.strict, max_pages=opts.max_pages)
        n_tasks = sum(1 for _ in doc.iter_tasks())
        conn.send(("ok", doc.model_dump_json(), doc.source.page_count, n_tasks, len(doc.warnings)))
    except PolicyParseError as exc:
        conn.send(("error", type(exc).__name__, exc.code, exc.exit_code, str(exc)))
    except Exception as exc:  # a bug: recorded, never fatal to the batch
        conn.send(("error", type(exc).__name__, "E999", 1, f"internal error: {exc}"))
    finally:
        conn.close()


def _context() -> Any:
    """A forkserver (where there is one): children fork from a clean, single-threaded process that
    has policyparse imported already, so each document starts fast and no thread state is copied."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["policyparse.core.pipeline", "pdfplumber"])
        return ctx
    return mp.get_context("spawn")


def _parse_isolated(path: Path, opts: BatchOptions) -> tuple[Any, ...]:
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, str(path), opts), daemon=True)
    proc.start()
    send.close()
    result: tuple[Any, ...] | None = None
    timed_out = not recv.poll(opts.timeout)
    if not timed_out:
        try:
            result = recv.recv()
        except EOFError:  # the child died without a word (a crash in native code, or killed)
            result = None
    proc.join(1.0)
    if proc.is_alive():
        proc.kill()
        proc.join()
    recv.close()
    if timed_out:
        err = TooLargeError(f"over the time limit of {opts.timeout:g} s")
        return ("error", type(err).__name__, err.code, err.exit_code, str(err))
    if result is None:
        return ("error", "ChildDied", "E998", 1, f"the parser process ended with code {proc.exitcode}")
    return result


def _append(manifest: Path, record: dict[str, Any]) -> None:
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def run_batch(
    spec: str,
    outdir: str | Path,
    opts: BatchOptions | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[Path, dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Parse every input of ``spec`` into ``outdir``; see the module docstring."""
    opts = opts or BatchOptions()
    out_root = Path(outdir)
    out_root.mkdir(parents=True, exist_ok=True)
    for stale in out_root.rglob(".*.tmp-*"):  # left by a run that was killed while writing
        stale.unlink(missing_ok=True)
    files, base = collect_inputs(spec, exclude=out_root)
    if on_start is not None:
        on_start(len(files))
    manifest = out_root / MANIFEST
    summary = BatchSummary()
    for src in files:
        t0 = time.perf_counter()
        rec: dict[str, Any] = {"file": str(src), "sha256": None, "status": None, "output": None}
        try:
            out = output_path(src, base, out_root)
            sha = _sha256(src)
            rec["sha256"] = sha
            rec["output"] = str(out.relative_to(out_root))
            reason = unsupported_reason(src)
            if reason is not None:  # listed, never skipped in silence
                rec.update(status="skipped_unsupported", reason=reason, output=None)
                summary.unsupported += 1
            elif not opts.force and _up_to_date(out, sha):
                rec["status"] = "skipped"
                summary.skipped += 1
            else:
                res = _parse_isolated(src, opts)
                if res[0] == "ok":
                    write_atomic(out, res[1] + "\n")
                    rec.update(status="ok", pages=res[2], tasks=res[3], warnings=res[4])
                    summary.ok += 1
                else:
                    rec.update(status="error", error_class=res[1], error_code=res[2], exit_code=res[3], message=res[4])
                    rec["output"] = None
                    summary.failed += 1
        except (OSError, PolicyParseError) as exc:
            rec.update(status="error", error_class=type(exc).__name__, message=str(exc), output=None)
            summary.failed += 1
        rec["seconds"] = round(time.perf_counter() - t0, 3)
        _append(manifest, rec)
        summary.records.append(rec)
        if on_file is not None:
            on_file(src, rec)
    return summary


def run_batch_cli(spec: str, outdir: str, opts: BatchOptions) -> int:
    """The ``policyparse batch`` command: a progress bar on a terminal, one line per failure."""
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("parsing", total=None)
            summary = run_batch(
                spec,
                outdir,
                opts,
                on_start=lambda n: progress.update(task, total=n),
                on_file=lambda _p, _r: progress.advance(task),
            )
    else:
        summary = run_batch(spec, outdir, opts)
    for r in summary.records:
        if r["status"] == "error":
            print(f"policyparse: {r['file']}: {r.get('error_class')}: {r.get('message')}", file=sys.stderr)
        elif r["status"] == "skipped_unsupported":
            print(f"policyparse: {r['file']}: skipped: {r.get('reason')}", file=sys.stderr)
    print(
        f"policyparse batch: {summary.ok} parsed, {summary.skipped} up to date, {summary.failed} failed, "
        f"{summary.unsupported} not supported (manifest: {Path(outdir) / MANIFEST})",
        file=sys.stderr,
    )
    return 20 if summary.failed else 0
