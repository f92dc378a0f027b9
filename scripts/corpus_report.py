"""Parse every corpus document (text, and a PDF typeset from it) and report what the parser found.

    python scripts/corpus_report.py [--no-pdf] [--dir DIR …] [-v]

Per document and in total: tasks, clauses, units; the checks that must stay at zero — clauses
without units, units holding a role word or a colon, end-of-paragraph brackets that read like a
clause (a label or a role phrase) but gave none, tables with a responsibility column not read as
task tables, crashes — and headings per level, numbering gaps, metadata fields found. Defaults to
corpora/*/ (txt), corpora/dev/ and ../shared/corpus/dev/ when present (deduplicated by name).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import regex

from policyparse import PolicyDocument, parse
from policyparse.core.clauses import bracket_groups, looks_like_clause
from policyparse.core.tables import header_columns
from policyparse.core.textnorm import line_ranges

ROOT = Path(__file__).resolve().parent.parent
ROLE_IN_UNIT = regex.compile(r"牵头|负责|配合|协助|参与|协同|[：:]|单位：")
ZERO = ("clauses_no_units", "role_in_unit", "missed_brackets", "missed_tables", "crash")


def documents(dirs: list[Path]) -> list[Path]:
    seen: dict[str, Path] = {}
    for d in dirs:
        for p in sorted(d.rglob("*.txt")) if d.name != "corpora" else sorted(d.glob("*/*.txt")):
            seen.setdefault(p.stem, p)
    return list(seen.values())


def _tables(doc: PolicyDocument) -> tuple[int, int]:
    """(tables with a responsibility column, of those read as task tables)."""
    t = doc.text
    with_role = read = 0
    table_tasks = {tk.span for tk in doc.iter_tasks() if tk.clause and tk.clause.style == "table"}
    runs: list[tuple[int, int]] = []
    for a, b in line_ranges(t, 0, len(t)):
        if "\t" in t[a:b]:
            if runs and t[runs[-1][1] : a] == "\n":
                runs[-1] = (runs[-1][0], b)
            else:
                runs.append((a, b))
    for a, b in runs:
        if any(header_columns(t[x:y].split("\t")) for x, y in line_ranges(t, a, b)):
            with_role += 1
            read += any(a <= s[0] < b for s in table_tasks)
    return with_role, read


def report(doc: PolicyDocument) -> Counter[str]:
    c: Counter[str] = Counter()
    tasks = list(doc.iter_tasks())
    c["tasks"] = len(tasks)
    clauses = {tk.clause.span for tk in tasks if tk.clause}
    c["clauses"] = len(clauses)
    c["units"] = sum(len(tk.units) for tk in tasks)
    c["clauses_no_units"] = sum(1 for tk in tasks if tk.clause and not tk.units)
    c["clauses_no_units"] += sum(1 for w in doc.warnings if w.code == "clause_without_units")
    c["role_in_unit"] = sum(1 for tk in tasks for u in tk.units if ROLE_IN_UNIT.search(u.name))
    t = doc.text
    covered = [tk.clause.span for tk in tasks if tk.clause]
    for p in doc.iter_paragraphs():
        a, b = p.span
        groups = bracket_groups(t, a, b)
        if groups and groups[-1][1] >= b - 1:
            ga, gb = groups[-1]
            inside = t[ga + 1 : gb - 1]
            if looks_like_clause(inside) and not any(x <= ga and gb <= y for x, y in covered):
                c["missed_brackets"] += 1
    with_role, read = _tables(doc)
    c["tables_with_role_column"], c["task_tables"] = with_role, read
    c["missed_tables"] = with_role - read
    for part in doc.parts():
        for s in part.iter_sections():
            c[f"h{min(s.depth, 4)}"] += 1
    c["numbering_gaps"] = sum(1 for w in doc.warnings if w.code == "numbering_gap")
    m = doc.meta
    c["meta"] = sum(bool(x) for x in (m.title, m.doc_number, m.issuers, m.date, m.recipients))
    return c


def _pdf(txt: Path, tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from typeset import typeset_text  # type: ignore[import-not-found]

    out = tmp / f"{txt.stem}.pdf"
    if not out.exists():
        typeset_text(txt.read_text("utf-8"), out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", action="append", type=Path, help="folders of .txt documents")
    ap.add_argument("--no-pdf", action="store_true", help="text only (the PDF pass typesets each text first)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of crashes")
    args = ap.parse_args(argv)
    dirs = args.dir or [p for p in (ROOT / "corpora", ROOT / "corpora" / "dev", ROOT.parent / "shared" / "corpus" / "dev") if p.is_dir()]
    docs = documents(dirs)
    tmp = Path(tempfile.gettempdir()) / "policyparse-report-pdf"
    tmp.mkdir(exist_ok=True)
    cols = ["tasks", "clauses", "units", *ZERO, "tables_with_role_column", "task_tables", "h1", "h2", "h3", "h4",
            "numbering_gaps", "meta"]  # fmt: skip
    short = {"clauses_no_units": "noU", "role_in_unit": "roleU", "missed_brackets": "missBr", "missed_tables": "missT",
             "tables_with_role_column": "tblR", "task_tables": "tblT", "numbering_gaps": "gaps"}  # fmt: skip
    print(f"{'document':44}{'fmt':>4} " + " ".join(f"{short.get(c, c):>6}" for c in cols))
    total: Counter[str] = Counter()
    for txt in docs:
        for fmt in ("txt",) if args.no_pdf else ("txt", "pdf"):
            try:
                doc = parse(txt if fmt == "txt" else _pdf(txt, tmp))
                c = report(doc)
            except Exception:
                if args.verbose:
                    traceback.print_exc()
                c = Counter(crash=1)
            total.update(c)
            total[f"docs_{fmt}"] += 1
            print(f"{txt.stem[:44]:44}{fmt:>4} " + " ".join(f"{c[k]:>6}" for k in cols))
    n = sum(v for k, v in total.items() if k.startswith("docs_"))
    print(f"{'TOTAL (' + str(n) + ' parses)':44}{'':>4} " + " ".join(f"{total[k]:>6}" for k in cols))
    bad = {k: total[k] for k in ZERO if total[k]}
    print("zero checks: " + ("all zero" if not bad else ", ".join(f"{k}={v}" for k, v in bad.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
