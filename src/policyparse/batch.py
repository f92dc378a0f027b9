"""Batch mode: many files in, one JSON per good file, a manifest line per file, never a stop.

Each document is parsed in a child process the parent can kill, so a PDF that makes pdfminer
loop costs its time limit and nothing more. ``jobs`` worker processes (default: one per core) each
parse one document at a time and are reused until one must be killed; outputs are written atomically
(temporary file, fsync, rename) and a re-run skips inputs whose output is already there for the same
sha256, so a batch killed half-way resumes to the same final state.

With ``dask`` set to a scheduler address (or a ``distributed.Client``) the documents are parsed on
the cluster's workers instead (see ``batch_dask``); the manifest and outputs are the same.
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing as mp
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

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
    engine: str = "pdfplumber"
    jobs: int | None = None  # worker processes; None: one per core
    dask: Any = None  # a Dask scheduler address ("tcp://host:8786") or a distributed.Client


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


def parse_to_dict(
    path: str | Path, *, errors: Literal["raise", "return"] = "raise", **opts: Any
) -> dict[str, Any]:
    """Parse one document into its JSON-ready dict (``PolicyDocument.model_dump(mode="json")``).

    ``opts`` go to :func:`policyparse.parse` (``engine``, ``password``, ``strict``, ``max_pages``,
    ``timeout``). With ``errors="return"`` a failure comes back as ``{"source": {"path": …},
    "error": {"class", "code", "exit_code", "message"}}`` instead of raising — what a ``dask.bag``
    pipeline wants, where one bad PDF must not stop the computation (see the README's recipe).
    """
    from policyparse.core.pipeline import parse

    try:
        return parse(path, **opts).model_dump(mode="json")
    except PolicyParseError as exc:
        if errors == "raise":
            raise
        err = {"class": type(exc).__name__, "code": exc.code, "exit_code": exc.exit_code, "message": str(exc)}
        return {"source": {"path": str(path)}, "error": err}


def _parse_record(path: str, opts: BatchOptions) -> tuple[Any, ...]:
    """Parse one document: ("ok", json, pages, tasks, warnings) or ("error", class, code, exit code, message)."""
    from policyparse.core.pipeline import parse

    try:
        doc = parse(path, password=opts.password, strict=opts.strict, max_pages=opts.max_pages, engine=opts.engine)
        n_tasks = sum(1 for _ in doc.iter_tasks())
        return ("ok", doc.model_dump_json(), doc.source.page_count, n_tasks, len(doc.warnings))
    except PolicyParseError as exc:
        return ("error", type(exc).__name__, exc.code, exc.exit_code, str(exc))
    except Exception as exc:  # a bug: recorded, never fatal to the batch
        return ("error", type(exc).__name__, "E999", 1, f"internal error: {exc}")


def _child(conn: Any, path: str, opts: BatchOptions) -> None:
    try:
        conn.send(_parse_record(path, opts))
    finally:
        conn.close()


def _serve(conn: Any, opts: BatchOptions) -> None:
    """A worker process: parse the paths the parent sends until it sends None or goes away."""
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send(_parse_record(path, opts))


_PRELOAD = {
    "pdfplumber": ["policyparse.core.pipeline", "policyparse.readers.pdf_layout", "pdfplumber"],
    "pdfium": ["policyparse.core.pipeline", "policyparse.readers.pdf_layout", "policyparse.readers.pdfium", "pypdfium2"],
}


def _context(engine: str = "pdfplumber") -> Any:
    """A forkserver (where there is one): children fork from a clean, single-threaded process that
    has policyparse and the engine's PDF library imported already, so each document starts fast and
    no thread state is copied."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD.get(engine, _PRELOAD["pdfplumber"]))
        return ctx
    return mp.get_context("spawn")


def _timeout_error(opts: BatchOptions) -> tuple[Any, ...]:
    err = TooLargeError(f"over the time limit of {opts.timeout:g} s")
    return ("error", type(err).__name__, err.code, err.exit_code, str(err))


def _parse_isolated(path: Path, opts: BatchOptions) -> tuple[Any, ...]:
    """One document in a child process of its own (what a Dask task does on its worker)."""
    ctx = _context(opts.engine)
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
        return _timeout_error(opts)
    if result is None:
        return ("error", "ChildDied", "E998", 1, f"the parser process ended with code {proc.exitcode}")
    return result


class _Worker:
    """A reusable parser process owned by one thread of the parent: killed and replaced when a
    document overruns its time limit or crashes it, recycled after ``_MAX_DOCS`` documents."""

    _MAX_DOCS = 500

    def __init__(self, ctx: Any, opts: BatchOptions) -> None:
        self.ctx, self.opts = ctx, opts
        self.proc: Any = None
        self.conn: Any = None
        self.done = 0

    def _start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_serve, args=(child, self.opts), daemon=True)
        self.proc.start()
        child.close()
        self.conn, self.done = parent, 0

    def parse(self, path: Path) -> tuple[Any, ...]:
        if self.proc is None or not self.proc.is_alive() or self.done >= self._MAX_DOCS:
            self.close()
            self._start()
        self.done += 1
        try:
            self.conn.send(str(path))
            if not self.conn.poll(self.opts.timeout):
                self.kill()
                return _timeout_error(self.opts)
            result: tuple[Any, ...] = self.conn.recv()
            return result
        except (EOFError, OSError, BrokenPipeError):  # died without a word (a crash in native code, or killed)
            code = self.proc.exitcode if self.proc is not None else None
            self.kill()
            return ("error", "ChildDied", "E998", 1, f"the parser process ended with code {code}")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.conn.close()
        self.proc = self.conn = None

    def close(self) -> None:
        if self.proc is None:
            return
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.proc.join(2.0)
        self.kill()


def _append(manifest: Path, record: dict[str, Any]) -> None:
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def default_jobs() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Job:
    src: Path
    out: Path
    sha: str
    rec: dict[str, Any]
    t0: float


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
    lock = threading.Lock()

    def finish(
        job: _Job, res: tuple[Any, ...] | None, error: BaseException | None = None, unsupported: str | None = None
    ) -> None:
        rec = job.rec
        if error is not None:
            rec.update(status="error", error_class=type(error).__name__, message=str(error), output=None)
        elif unsupported is not None:  # listed, never skipped in silence
            rec.update(status="skipped_unsupported", reason=unsupported, output=None)
        elif res is None:
            rec["status"] = "skipped"
        elif res[0] == "ok":
            try:
                write_atomic(job.out, res[1] + "\n")
                rec.update(status="ok", pages=res[2], tasks=res[3], warnings=res[4])
            except OSError as exc:
                rec.update(status="error", error_class=type(exc).__name__, message=str(exc), output=None)
        else:
            rec.update(status="error", error_class=res[1], error_code=res[2], exit_code=res[3], message=res[4])
            rec["output"] = None
        rec["seconds"] = round(time.perf_counter() - job.t0, 3)
        with lock:
            if rec["status"] == "ok":
                summary.ok += 1
            elif rec["status"] == "skipped":
                summary.skipped += 1
            elif rec["status"] == "skipped_unsupported":
                summary.unsupported += 1
            else:
                summary.failed += 1
            _append(manifest, rec)
            summary.records.append(rec)
            if on_file is not None:
                on_file(job.src, rec)

    def prepare(src: Path) -> _Job | None:
        """The job for ``src``, or None once it is recorded (up to date, or unreadable)."""
        job = _Job(src, src, "", {"file": str(src), "sha256": None, "status": None, "output": None}, time.perf_counter())
        try:
            job.out = output_path(src, base, out_root)
            job.sha = _sha256(src)
            job.rec["sha256"] = job.sha
            job.rec["output"] = str(job.out.relative_to(out_root))
            reason = unsupported_reason(src)
            if reason is not None:
                finish(job, None, unsupported=reason)
                return None
            if not opts.force and _up_to_date(job.out, job.sha):
                finish(job, None)
                return None
        except (OSError, PolicyParseError) as exc:
            finish(job, None, exc)
            return None
        return job

    if opts.dask is not None:
        from policyparse.batch_dask import run_on_dask

        run_on_dask(files, prepare, finish, opts)
        return summary
    jobs = max(1, min(opts.jobs or default_jobs(), len(files) or 1))
    # the biggest files first, so that no worker is left with a long one at the end
    todo: Iterator[Path] = iter(files if jobs == 1 else sorted(files, key=_size, reverse=True))
    ctx = _context(opts.engine)

    def worker() -> None:
        w = _Worker(ctx, opts)
        try:
            while True:
                with lock:
                    src = next(todo, None)
                if src is None:
                    return
                job = prepare(src)
                if job is None:
                    continue
                try:
                    res = w.parse(src)
                except Exception as exc:  # the worker could not be started: recorded, the batch goes on
                    res = ("error", type(exc).__name__, "E998", 1, f"no parser process: {exc}")
                finish(job, res)
        finally:
            w.close()

    threads = [threading.Thread(target=worker, name=f"policyparse-batch-{i}", daemon=True) for i in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
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
            code = f" [{r['error_code']}]" if r.get("error_code") else ""
            print(f"policyparse: {r['file']}: {r.get('error_class')}{code}: {r.get('message')}", file=sys.stderr)
        elif r["status"] == "skipped_unsupported":
            print(f"policyparse: {r['file']}: skipped: {r.get('reason')}", file=sys.stderr)
    print(
        f"policyparse batch: {summary.ok} parsed, {summary.skipped} up to date, {summary.failed} failed, "
        f"{summary.unsupported} not supported (manifest: {Path(outdir) / MANIFEST})",
        file=sys.stderr,
    )
    return 20 if summary.failed else 0
