"""Batch mode on a Dask cluster: the same inputs, outputs and manifest as a local batch.

The client (this process) collects the inputs, skips those already done (resume), and submits one
task per document; each task parses its document on a worker, in a child process there when the
worker may start one (so ``timeout`` holds), and sends back the JSON. The client writes outputs
atomically and appends manifest lines as results arrive. Input paths must be readable by the workers
under the same names (a shared filesystem); outputs stay on the client's disk.

Workers need policyparse installed (``pip install 'policyparse[dask]'``). Dask's nanny starts
workers as daemonic processes, which may not have children: there the document is parsed in the
worker's own thread and ``timeout`` is not enforced — start workers with ``--no-nanny`` or
``DASK_DISTRIBUTED__WORKER__DAEMON=False`` to keep it.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from policyparse.batch import BatchOptions, _Job, _parse_isolated, _parse_record
from policyparse.errors import PolicyParseError


def parse_task(path: str, opts: BatchOptions) -> tuple[Any, ...]:
    """One document on a Dask worker: ("ok", json, pages, tasks, warnings) or ("error", …)."""
    if mp.current_process().daemon:
        return _parse_record(path, opts)
    return _parse_isolated(Path(path), opts)


def run_on_dask(
    files: list[Path],
    prepare: Callable[[Path], _Job | None],
    finish: Callable[[_Job, tuple[Any, ...] | None], None],
    opts: BatchOptions,
) -> None:
    """Submit every input that ``prepare`` does not settle, and ``finish`` each as its result arrives."""
    # typed as Any: distributed is an optional extra, and only partly annotated
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise PolicyParseError("--dask needs Dask: pip install 'policyparse[dask]'") from exc
    client = opts.dask if isinstance(opts.dask, distributed.Client) else distributed.Client(str(opts.dask))
    own = client is not opts.dask
    task_opts = replace(opts, dask=None)
    try:
        pending: dict[Any, _Job] = {}
        for src in files:
            job = prepare(src)
            if job is not None:
                fut = client.submit(parse_task, str(src), task_opts, pure=False)
                pending[fut] = job
        for fut in distributed.as_completed(list(pending)):
            job = pending.pop(fut)
            try:
                res = fut.result()
            except Exception as exc:  # the task failed on the cluster (worker lost, not importable…)
                res = ("error", type(exc).__name__, "E998", 1, f"dask task failed: {exc}")
            finish(job, res)
    finally:
        if own:
            client.close()
