"""What PDF libraries log while a document is read, counted instead of printed.

pdfminer reports harmless oddities ("Could not get FontBBox from font descriptor…") through
``logging``, hundreds per document. With no logging configured, Python's last-resort handler
would print each to stderr. While a document is read, a counting handler sits on the libraries'
loggers: its presence keeps the last-resort handler quiet, records still propagate to whatever
handlers the application configured (``policyparse --debug`` configures one), and the counts
become one warning per kind in the parse result. The handler is removed afterwards.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2")


class _Counting(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[str(record.msg)] += 1


@contextmanager
def counted_library_logs() -> Iterator[Counter[str]]:
    """Count WARNING-and-above records of the PDF libraries (message template → count)."""
    handler = _Counting()
    loggers = [logging.getLogger(n) for n in LIBRARY_LOGGERS]
    for lg in loggers:
        lg.addHandler(handler)
    try:
        yield handler.counts
    finally:
        for lg in loggers:
            lg.removeHandler(handler)


def log_warnings(counts: Counter[str]) -> list[tuple[str, str, int | None]]:
    """One warning for font complaints, one for the rest, each with its count and commonest message."""
    out: list[tuple[str, str, int | None]] = []
    font = Counter({m: n for m, n in counts.items() if "font" in m.lower()})
    other = counts - font
    for code, group in (("pdf_font_warnings", font), ("pdf_library_warnings", other)):
        if group:
            msg, n = group.most_common(1)[0]
            out.append((code, f"{sum(group.values())} messages from the PDF library, e.g. {msg.replace('%r', '…').replace('%s', '…')[:80]!r} ×{n}", None))
    return out
