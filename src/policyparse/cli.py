"""The command line: a thin layer over :func:`policyparse.parse`.

Exit codes: 0 ok; 2 usage; 10–19 one per ``PolicyParseError`` subclass (see README); 1 anything
unexpected (a bug: run again with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from policyparse.errors import PolicyParseError


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="policyparse",
        description="Parse a Chinese policy document (PDF or one-paragraph-per-line text) into JSON.",
    )
    ap.add_argument("file", help="a .pdf or .txt file")
    ap.add_argument("-o", "--output", help="write the JSON here instead of standard output")
    ap.add_argument("--pretty", action="store_true", help="indent the JSON")
    ap.add_argument("--password", help="password of an encrypted PDF")
    ap.add_argument("--strict", action="store_true", help="treat the first warning as an error")
    ap.add_argument("--max-pages", type=int, default=None, help="refuse PDFs with more pages")
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    from policyparse.pipeline import parse

    try:
        doc = parse(args.file, password=args.password, strict=args.strict, max_pages=args.max_pages)
    except PolicyParseError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"policyparse: {args.file}: {type(exc).__name__} [{exc.code}]: {exc}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            traceback.print_exc()
        print(f"policyparse: {args.file}: internal error {type(exc).__name__}: {exc} (use --debug)", file=sys.stderr)
        return 1
    out = doc.model_dump_json(indent=2 if args.pretty else None)
    if args.output:
        Path(args.output).write_text(out + "\n", encoding="utf-8")
    else:
        sys.stdout.write(out + "\n")
    return 0
