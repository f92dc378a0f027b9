"""Which year a target belongs to: printed in its clause, or set by what governs it.

Governing years, nearest first: a marker in the clause or earlier in the paragraph (到2025年,
2025年底前, a leading "2023年，", a period 2024—2026年 → its end year), 第N年 of the plan's period,
a table's column or row header ("2025年计划"), the section heading's year, the plan title's period
or year ("三年行动计划（2024-2026年）" → 2026). A base year (较2020年, 比2017年) or a start (2016年以来,
自2024年起) governs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.numerals import CN_NUMERAL_CHARS, cn_to_int, to_halfwidth_digits

_Y = r"(?:19|20|１９|２０)[0-9０-９]{2}"
_SEP = r"(?:至|到|—|－|-|~|～|–|－)"
_MD = r"(?:\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?)?"
PERIOD = regex.compile(rf"(?P<a>{_Y})\s*年?{_MD}(?:度)?(?:起)?\s*{_SEP}\s*(?P<b>{_Y})\s*年?{_MD}")
SHORT_PERIOD = regex.compile(r"(?<![0-9])(?P<a>[0-9]{2})\s*[-－—~～至]\s*(?P<b>[0-9]{2})\s*年")
_BASE_BEFORE = regex.compile(r"(?:较|比|与|同|自|从|截至|截止)\s*$")
_BASE_BEFORE_PERIOD = regex.compile(r"(?:较|比|与|同)\s*$")
_NOT_AFTER = regex.compile(r"\s*(?:以来|起|开始|以前|之前|[0-9０-９]|第|版|修订|印发|发布|颁布)")
_MARKER = regex.compile(
    rf"(?:(?P<to>到|至|在)\s*)?(?P<y>{_Y})\s*年(?P<md>{_MD})(?P<tail>底前|末前|底|末|前|度)?"
)
# the five-year plans: 十四五 = 2021–2025, so "十四五期末" → 2025
_FYP = regex.compile(r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:规划)?(?:期末|末期|末|期间|时期)")
_NTH_YEAR = regex.compile(rf"第(?P<n>[{CN_NUMERAL_CHARS}0-9]{{1,2}})年")


def _year(s: str) -> int:
    return int(to_halfwidth_digits(s))


@dataclass(frozen=True)
class YearMark:
    year: int
    start: int  # offsets in the text
    end: int


def period_in(s: str) -> tuple[int, int] | None:
    """(start, end) of the first period printed in ``s`` (2024-2026年, 2024—2026), or None."""
    m = PERIOD.search(s)
    if m is not None:
        a, b = _year(m["a"]), _year(m["b"])
        if a <= b <= a + 30:
            return a, b
    return None


def heading_year(s: str) -> int | None:
    """The year a title or header sets: a period's end year, or its only year; None otherwise."""
    p = period_in(s)
    if p is not None:
        return p[1]
    m = SHORT_PERIOD.search(s)
    if m is not None:
        a, b = int(m["a"]), int(m["b"])
        if a <= b:
            return 2000 + b
    years = {_year(m["y"]) for m in _MARKER.finditer(s) if _governs(s, m)}
    return years.pop() if len(years) == 1 else None


def _governs(s: str, m: regex.Match[str]) -> bool:
    if _BASE_BEFORE.search(s[: m.start()]):
        return False
    if m["md"]:
        # a date with its month sets the year as a deadline (2025年6月底前) or at the clause's head
        deadline = m["tail"] in ("底前", "末前", "前", "底") or regex.match(r"\s*(?:前|以前|之前)", s[m.end() :])
        return bool(deadline) or not s[: m.start()].strip()
    return not _NOT_AFTER.match(s, m.end()) or bool(m["tail"] in ("底前", "末前", "前"))


def clause_year(text: str, x: int, y: int) -> YearMark | None:
    """The year a clause ``text[x:y]`` sets for itself and what follows it, or None.

    Period → its end; 到/至/在YYYY年, YYYY年底前 anywhere; a bare YYYY年 only at the clause's head.
    """
    s = text[x:y]
    p = PERIOD.search(s)
    if p is not None and not _BASE_BEFORE_PERIOD.search(s[: p.start()]):
        a, b = _year(p["a"]), _year(p["b"])
        if a <= b <= a + 30:
            return YearMark(b, x + p.start(), x + p.end())
    for m in _MARKER.finditer(s):
        if not _governs(s, m):
            continue
        head = not s[: m.start()].strip(" “”\"（(")
        if m["to"] or m["tail"] in ("底前", "末前", "前") or head:
            return YearMark(_year(m["y"]), x + m.start(), x + m.end())
    f = _FYP.search(s)
    if f is not None and not _BASE_BEFORE.search(s[: f.start()]) and not regex.search(r"相比\s*$", s[: f.start()]):
        n = cn_to_int(f["n"])
        if n is not None:
            return YearMark(1960 + 5 * (10 + n - 1), x + f.start(), x + f.end())
    return None


def nth_year(text: str, x: int, y: int, period: tuple[int, int] | None) -> list[YearMark]:
    """第一年/第二年… of the plan's period, as calendar years."""
    if period is None:
        return []
    out: list[YearMark] = []
    for m in _NTH_YEAR.finditer(text, x, y):
        n = cn_to_int(m["n"])
        if n is not None and 1 <= n <= period[1] - period[0] + 1:
            out.append(YearMark(period[0] + n - 1, m.start(), m.end()))
    return out
