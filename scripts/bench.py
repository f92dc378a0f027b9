"""Time policyparse on the corpus (wall clock, best of N): python scripts/bench.py [N]."""

from __future__ import annotations

import sys
import time

from regen_golden import documents

from policyparse import parse


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 3
    for _name, txt, pdf in documents():
        for path in (pdf, txt):
            best = min(_once(str(path)) for _ in range(n))
            print(f"{best * 1000:8.0f} ms  {path.name}")
    return 0


def _once(path: str) -> float:
    t0 = time.perf_counter()
    parse(path)
    return time.perf_counter() - t0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
