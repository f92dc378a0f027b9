"""Regenerate the golden files ``corpora/<doc>/<doc>.expected.json`` from the parser's output.

Only run this on purpose (``python scripts/regen_golden.py --write``), then read the diff with a
human eye before committing: the tests compare the parser against these files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from policyparse import PolicyDocument, parse

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def project(doc: PolicyDocument) -> dict[str, Any]:
    """The reviewed projection of a parse: metadata, outline, tasks with units and leads."""
    headings = []
    for part in doc.parts():
        for s in part.iter_sections():
            headings.append(
                {"part": part.label or part.title, "depth": s.depth, "marker": s.marker,
                 "title": s.title, "title_kind": s.title_kind}
            )  # fmt: skip
    tasks = []
    for t in doc.iter_tasks():
        tasks.append(
            {
                "text": t.text,
                "clause": t.clause.text if t.clause else None,
                "units": [u.name for u in t.units],
                "canonical": [u.canonical for u in t.units],
                "lead": t.lead_units,
                "cooperating": t.cooperating_units,
                "lead_rule": t.clause.lead_rule if t.clause else None,
                "deadline": t.deadline,
            }
        )
    meta = doc.meta.model_dump(mode="json")
    return {
        "meta": meta,
        "parts": [{"label": p.label, "title": p.title} for p in doc.parts()],
        "headings": headings,
        "tasks": tasks,
    }


def documents() -> list[tuple[str, Path, Path]]:
    """(name, txt, pdf) for every corpus document."""
    out = []
    for d in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        txt = d / f"{d.name}.txt"
        pdfs = sorted(d.glob("*.pdf"))
        if txt.exists() and pdfs:
            out.append((d.name, txt, pdfs[0]))
    return out


def golden_path(name: str) -> Path:
    return CORPORA / name / f"{name}.expected.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", action="store_true", help="overwrite the golden files (review the diff!)")
    args = ap.parse_args(argv)
    changed = 0
    for name, txt, _pdf in documents():
        new = json.dumps(project(parse(txt)), ensure_ascii=False, indent=1) + "\n"
        path = golden_path(name)
        old = path.read_text("utf-8") if path.exists() else ""
        if new != old:
            changed += 1
            print(f"{'writing' if args.write else 'would change'}: {path}", file=sys.stderr)
            if args.write:
                path.write_text(new, encoding="utf-8")
    return 1 if changed and not args.write else 0


if __name__ == "__main__":
    raise SystemExit(main())
