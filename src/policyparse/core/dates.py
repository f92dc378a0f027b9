"""Dates printed in official documents ("2021年7月26日", "二〇二一年七月二十六日") to ISO."""

from __future__ import annotations

import datetime as dt

import regex

from policyparse.core.numerals import CN_NUMERAL_CHARS, cn_to_int

_N = rf"[0-9０-９{CN_NUMERAL_CHARS}]"
DATE_RE = regex.compile(rf"(?P<y>{_N}{{4}})\s*年\s*(?P<m>{_N}{{1,3}})\s*月\s*(?P<d>{_N}{{1,4}})\s*日")


def parse_date(text: str) -> str | None:
    """ISO date of the first valid date in ``text``, or None."""
    for m in DATE_RE.finditer(text):
        y, mo, d = cn_to_int(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
        if y is None or mo is None or d is None:
            continue
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def is_date_line(text: str) -> bool:
    """True when the paragraph is a date and nothing else (a 成文日期 line)."""
    m = DATE_RE.fullmatch(text.strip())
    return m is not None and parse_date(text) is not None
