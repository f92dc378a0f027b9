"""The command line: a thin layer over :func:`policyparse.parse`.

Exit codes: 0 ok; 2 usage; 10–19 one per ``PolicyParseError`` subclass (see README); 1 anything
unexpected (a bug: run again with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path

from policyparse.errors import PolicyParseError

FORMATS = ("json", "outline", "tasks", "csv", "md")  # policyparse.render's, named here: --help imports no model
USAGE = """
  policyparse FILE [-o OUT] [--format json|outline|tasks|csv|md] [--pretty] [options]
  policyparse batch DIR_OR_GLOB -o OUTDIR [--jobs N] [--dask ADDRESS] [options]
  policyparse compare A B … [--parent P] --format md|json|csv|html [-o OUT]
  policyparse schema [policy_document|comparison]
  policyparse --version"""


def _parser() -> argparse.ArgumentParser:
    from policyparse import __version__
    from policyparse.json_schema import SCHEMA_VERSION

    ap = argparse.ArgumentParser(
        prog="policyparse",
        usage=USAGE,
        description="Parse a Chinese policy document (PDF, DOCX, DOC/WPS, a saved web page, or "
        "one-paragraph-per-line text) into JSON, or read it as an outline, a task table, CSV or Markdown. "
        "For many files: policyparse batch (see policyparse batch --help); to compare plans: "
        "policyparse compare (see policyparse compare --help); the JSON Schema: policyparse schema.",
    )
    ap.add_argument("--version", action="version", version=f"policyparse {__version__} (JSON schema {SCHEMA_VERSION})")
    ap.add_argument("file", help="a .pdf, .docx, .doc/.wps, .html or .txt file (recognised by its content)")
    ap.add_argument("-o", "--output", help="write here instead of standard output ('-': standard output)")
    ap.add_argument(
        "-f", "--format", choices=FORMATS, default="json",
        help="json (default: the full result), outline (the section tree), tasks (a table: section, lead, "
        "cooperating, deadline), csv (the tasks, one row each), md (a Markdown report)",
    )  # fmt: skip
    ap.add_argument("--pretty", action="store_true", help="indent the JSON")
    _parse_options(ap, timeout=None)
    ap.add_argument("--debug", action="store_true", help="show tracebacks and what the PDF libraries log")
    return ap


def _parse_options(ap: argparse.ArgumentParser, timeout: float | None) -> None:
    """The options that go to :func:`policyparse.parse`, shared by both commands."""
    ap.add_argument("--password", help="password of encrypted PDFs")
    ap.add_argument("--strict", action="store_true", help="treat the first warning as an error")
    ap.add_argument("--max-pages", type=int, default=None, help="refuse PDFs with more pages")
    ap.add_argument(
        "--timeout", type=float, default=timeout,
        help="seconds per document" + (f" (default {timeout:g})" if timeout else ""),
    )  # fmt: skip
    ap.add_argument(
        "--engine", choices=("pdfplumber", "pdfium"), default="pdfplumber",
        help="PDF engine: pdfplumber (default) or pdfium (several times faster, same output on the test documents)",
    )  # fmt: skip


def _batch_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="policyparse batch",
        description="Parse every PDF, DOCX, DOC/WPS, HTML and .txt file of a directory (or a glob) into OUTDIR: "
        "one JSON per file, a manifest.jsonl line per file (other files listed as skipped_unsupported); "
        "re-running skips files already done.",
    )
    ap.add_argument("input", help="a directory (searched recursively) or a glob such as 'docs/**/*.pdf'")
    ap.add_argument("-o", "--outdir", required=True, help="where the JSON files and manifest.jsonl go")
    _parse_options(ap, timeout=120.0)
    ap.add_argument("--force", action="store_true", help="parse again even where the output is up to date")
    ap.add_argument("-j", "--jobs", type=int, default=None, help="parallel parser processes (default: one per core)")
    ap.add_argument(
        "--dask", metavar="ADDRESS", default=None,
        help="parse on a Dask cluster (scheduler address such as tcp://HOST:8786; needs policyparse[dask] "
        "and the inputs readable by the workers at the same paths)",
    )  # fmt: skip
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["compare"]:
        from policyparse.analysis.cli_compare import run

        return run(argv[1:])
    if argv[:1] == ["batch"]:
        b = _batch_parser().parse_args(argv[1:])
        from policyparse.batch import BatchOptions, run_batch_cli

        opts = BatchOptions(
            password=b.password, strict=b.strict, max_pages=b.max_pages, timeout=b.timeout, force=b.force,
            engine=b.engine, jobs=b.jobs, dask=b.dask,
        )  # fmt: skip
        try:
            return run_batch_cli(b.input, b.outdir, opts)
        except PolicyParseError as exc:
            print(f"policyparse batch: {type(exc).__name__} [{exc.code}]: {exc}", file=sys.stderr)
            return exc.exit_code
    if argv[:1] == ["schema"]:
        return _schema(argv[1:])
    args = _parser().parse_args(argv)
    if args.output and args.output != "-" and not Path(args.output).resolve().parent.is_dir():
        # before parsing: a long parse must not end in a write that cannot happen
        print(f"policyparse: the output folder {str(Path(args.output).parent)!r} does not exist", file=sys.stderr)
        return 2
    from policyparse.core.pipeline import parse
    from policyparse.render import render

    if args.debug:
        # the application's choice, not the library's: show what pdfminer and friends log
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")

    try:
        doc = parse(
            args.file, password=args.password, strict=args.strict, max_pages=args.max_pages, timeout=args.timeout,
            engine=args.engine,
        )  # fmt: skip
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
    out = render(doc, args.format, pretty=args.pretty)
    if args.output and args.output != "-":
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


def _schema(argv: list[str]) -> int:
    """``policyparse schema [name]``: print a JSON Schema shipped in the package."""
    import json

    from policyparse.json_schema import NAMES, schema

    ap = argparse.ArgumentParser(prog="policyparse schema", description="Print the JSON Schema of the output.")
    ap.add_argument("name", nargs="?", default="policy_document", choices=NAMES)
    args = ap.parse_args(argv)
    sys.stdout.write(json.dumps(schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0
