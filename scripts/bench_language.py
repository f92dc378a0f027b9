"""Measure the first to_spacy() call: wall time and memory, each run in a fresh process.

    python scripts/bench_language.py [DOC.txt|.pdf] [--runs N] [--cold]

A run parses the document first (not measured), then times the first ``policyparse.to_spacy(doc)``
(imports spaCy and jieba, builds the private jieba tokenizer with the policy dictionary and the blank
``zh`` pipeline) and a second call on the same document. Memory: peak resident set size (ru_maxrss)
before and after the first call (median of the runs), and, in one more run under tracemalloc (whose
own slowness is why its time is not used), the Python allocations the call leaves alive and its peak. ``--cold``
points ``$POLICYPARSE_CACHE_DIR`` at an empty directory, so jieba builds its prefix cache from its
dictionary instead of loading it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpora/zhejiang_yrd_sci_tech_2021/zhejiang_yrd_sci_tech_2021.txt"

_CHILD = r"""
import json, resource, sys, time, tracemalloc
import policyparse
doc = policyparse.parse(sys.argv[1])
trace = sys.argv[2] == "trace"
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if trace:
    tracemalloc.start()
t0 = time.perf_counter()
sdoc = policyparse.to_spacy(doc)
t1 = time.perf_counter()
alive, peak = tracemalloc.get_traced_memory() if trace else (0, 0)
tracemalloc.stop()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t2 = time.perf_counter()
policyparse.to_spacy(doc)
t3 = time.perf_counter()
print(json.dumps({"first_s": t1 - t0, "second_s": t3 - t2, "rss_before_mb": rss0 / 1024,
                  "rss_after_mb": rss1 / 1024, "py_alive_mb": alive / 2**20, "py_peak_mb": peak / 2**20,
                  "tokens": len(sdoc), "chars": len(doc.text)}))
"""


def run(path: Path, cold: bool, trace: bool) -> dict[str, float]:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if cold:
            env["POLICYPARSE_CACHE_DIR"] = tmp
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), "trace" if trace else "time"], capture_output=True, text=True, check=True, env=env
        )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("doc", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true")
    args = ap.parse_args()
    runs = [run(args.doc, args.cold, trace=False) for _ in range(args.runs)]
    traced = run(args.doc, args.cold, trace=True)  # tracemalloc slows the call: its time is not used
    print(f"{args.doc.name}: {runs[0]['chars']:.0f} characters, {runs[0]['tokens']:.0f} tokens, "
          f"{'cold' if args.cold else 'warm'} jieba cache, {args.runs} fresh processes (median)")
    for key in ("first_s", "second_s", "rss_before_mb", "rss_after_mb"):
        print(f"  {key:14} {statistics.median(r[key] for r in runs):8.3f}")
    for key in ("py_alive_mb", "py_peak_mb"):
        print(f"  {key:14} {traced[key]:8.3f}  (tracemalloc, one more process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
