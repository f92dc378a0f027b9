"""Clauses, units and unresolved units per corpus document: python scripts/stats.py."""

from __future__ import annotations

from regen_golden import documents

from policyparse import parse


def main() -> int:
    print(f"{'document':45} {'tasks':>5} {'units':>5} {'no canonical':>12}")
    for name, txt, _pdf in documents():
        doc = parse(txt)
        units = [u for t in doc.iter_tasks() for u in t.units]
        unknown = sorted({u.name for u in units if u.canonical is None})
        n_tasks = sum(1 for _ in doc.iter_tasks())
        print(f"{name:45} {n_tasks:5} {len(units):5} {len(unknown):12}  {' '.join(unknown)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
