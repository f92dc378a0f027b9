"""Print a human-readable summary of a parsed document (for reviewing golden files by eye)."""

from __future__ import annotations

import sys

from policyparse import parse
from policyparse.models import Section


def _walk(s: Section, out: list[str]) -> None:
    out.append(f"{'  ' * s.depth}{s.marker} [{s.title_kind}] {s.title} (p{s.page}, {len(s.tasks)} tasks)")
    for c in s.children:
        _walk(c, out)


def main(argv: list[str]) -> int:
    doc = parse(argv[0])
    m = doc.meta
    print(m.model_dump_json(indent=1, exclude_none=False))
    for part in doc.parts():
        lines: list[str] = [f"== PART {part.label} {part.title} paras={len(part.paragraphs)} tasks={len(part.tasks)}"]
        for s in part.sections:
            _walk(s, lines)
        print("\n".join(lines))
    for t in doc.iter_tasks():
        c = t.clause
        print(
            t.id, t.page, repr(t.text[:20]), "…", repr(t.text[-8:]), "|", c.text if c else None,
            "| lead", t.lead_units, "coop", t.cooperating_units, c.lead_rule if c else "", t.deadline or "",
        )
    for w in doc.warnings:
        print("WARN", w.code, w.message)
    print("dropped", len(doc.dropped), "back", [doc.text[p.span[0]:p.span[1]] for p in doc.back_matter])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
