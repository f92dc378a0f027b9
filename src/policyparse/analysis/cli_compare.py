"""``policyparse compare A B … [--parent P] --format md|json|csv|html [-o OUT]``.

Inputs are PDFs, texts, or JSON written by ``policyparse``. csv writes one file per table into
the directory ``-o`` names; the other formats write one file (or standard output).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyparse.errors import PolicyParseError, UnsupportedFormatError
from policyparse.models import PolicyDocument

CSV_TABLES = ("docs", "roles", "agencies", "targets", "outline", "implementation", "implementation_children",
              "distinctive", "distinctive_sections")  # fmt: skip


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="policyparse compare",
        description="Compare plans side by side: tasks per agency role, targets, outline alignment, "
        "and with --parent how the others implement a parent plan.",
    )
    ap.add_argument("inputs", nargs="+", help=".pdf, .txt, or .json written by policyparse")
    ap.add_argument("--parent", help="the plan the inputs implement (e.g. the national outline)")
    ap.add_argument("--format", choices=("md", "json", "csv", "html"), default="md")
    ap.add_argument("-o", "--output", help="output file (csv: a directory); default standard output")
    ap.add_argument("--depth", type=int, default=2, help="align sections down to this depth (default 2)")
    ap.add_argument("--threshold", type=float, default=0.15, help="least similarity that counts (default 0.15)")
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    return ap


def load(path: str) -> PolicyDocument:
    """A document from a file: parsed JSON as it is, anything else through :func:`policyparse.parse`."""
    p = Path(path)
    if p.suffix.lower() == ".json" and p.is_file():
        from pydantic import ValidationError

        try:
            return PolicyDocument.model_validate_json(p.read_bytes())
        except ValidationError as exc:
            raise UnsupportedFormatError(f"not a policyparse JSON document ({exc.error_count()} errors)", path=path) from exc
    from policyparse.core.pipeline import parse

    return parse(p)


def run(argv: list[str]) -> int:
    """Run ``policyparse compare``; returns the exit code."""
    args = parser().parse_args(argv)
    if args.format == "csv" and not args.output:
        parser().error("--format csv needs -o DIR (one CSV file per table)")
    if len(args.inputs) < 2 and not args.parent:
        parser().error("give two documents or more, or one and --parent")
    current = ""
    try:
        from policyparse.analysis.compare import compare
        from policyparse.analysis.frames import named_docs

        docs = []
        for current in args.inputs:
            docs.append(load(current))
        parent = None
        if args.parent:
            current = args.parent
            parent = load(args.parent)
        current = ""
        cmp = compare(named_docs(docs), parent=parent, depth=args.depth, threshold=args.threshold)
        _write(cmp, args.format, args.output)
    except PolicyParseError as exc:
        where = f"{current}: " if current else ""
        print(f"policyparse compare: {where}{type(exc).__name__} [{exc.code}]: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        print(f"policyparse compare: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            raise
        print(f"policyparse compare: internal error {type(exc).__name__}: {exc} (use --debug)", file=sys.stderr)
        return 1
    return 0


def _write(cmp: object, fmt: str, output: str | None) -> None:
    from policyparse.analysis.compare import Comparison

    assert isinstance(cmp, Comparison)
    if fmt == "csv":
        out = Path(output or ".")
        out.mkdir(parents=True, exist_ok=True)
        for name in CSV_TABLES:
            f = cmp.frame(name)
            for col in f.columns:
                if f[col].map(lambda v: isinstance(v, list)).any():
                    f[col] = f[col].map(lambda v: "、".join(map(str, v)) if isinstance(v, list) else v)
            f.to_csv(out / f"{name}.csv", index=False, encoding="utf-8")
        return
    if fmt == "json":
        text = cmp.model_dump_json(indent=1) + "\n"
    elif fmt == "md":
        from policyparse.analysis.report_md import to_markdown

        text = to_markdown(cmp)
    else:
        from policyparse.analysis.report_html import to_html

        text = to_html(cmp)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
