"""Quantities by shape: a number, a range or a Chinese numeral, then a measure word or unit token.

Units come from a growing table (data/measure_words.json), but the shape decides: an SI-like Latin
token (MW, GWh, km²), a symbol (％, ㎡, ℃) or, in digits, an unknown single measure character after
the number is still a unit. 万/亿 are folded into the value and kept in ``unit_printed``. A number
glued to Latin letters (5G, T2, G60, IPv6), after 第, inside a date (2024.4.16) or a code is not a
quantity at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.numerals import CN_NUMERAL_CHARS, cn_to_int, to_halfwidth_digits
from policyparse.core.targets.lexicon import lexicon

DIGITS = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN = rf"[{CN_NUMERAL_CHARS}]{{1,8}}"
_SEP = r"(?:至|到|—|－|-|~|～|–|－)"
_NUMBER = regex.compile(
    rf"(?P<n1>{DIGITS}|{_CN})(?P<m1>万亿|亿|万)?(?:\s*{_SEP}\s*(?P<n2>{DIGITS}|{_CN}))?"
    rf"(?P<more>余|多)?(?P<mult>万亿|亿|万)?"
)
_BEFORE_BAD = regex.compile(r"(?:[A-Za-z0-9０-９.．第/#№_]|(?<![0-9０-９])[-－])$")
_LATIN_UNIT = regex.compile(r"[A-Za-z]{1,5}(?:[²³]|[23](?![0-9]))?(?:/[A-Za-z]{1,3})?(?![A-Za-z0-9])")
_SYMBOL_UNIT = regex.compile(r"(?:%|％|‰|㎡|㎞²|㎞|℃|[:：∶]\s*1(?![0-9]))")
_POST = regex.compile(r"(?:及以上|以上|以下|以内|之内|左右|内)")
_PRE_APPROX = ("约", "近", "大约", "大概", "接近")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, located in the document text."""

    start: int  # the first digit (a 约/近 before it is in ``pre``)
    end: int  # after the unit and any 以上/左右
    v1: float
    v2: float | None
    printed: str  # the number part as printed: "1.5万", "2至3"
    unit: str  # without 万/亿, ％ as %: "家", "%", "吨/日"
    unit_printed: str  # as printed after the number, 万/亿 included: "万家"
    group: str  # count | length | area | volume | mass | energy | currency | time | ratio | other | unknown
    post: str  # 以上 | 以下 | 以内 | 左右 | 余 | 多 | 内 | ""
    pre: str  # 约 | 近 | … | ""
    cn: bool  # written in Chinese numerals

    @property
    def unit_end(self) -> int:
        return self.end - len(self.post) if self.post not in ("余", "多") else self.end


def number_value(s: str) -> float | None:
    """"3.3", "１５０００", "三", "二十" → float; None when not a number."""
    s = to_halfwidth_digits(s).replace("．", ".")
    try:
        return float(s)
    except ValueError:
        n = cn_to_int(s)
        return float(n) if n is not None else None


_FACTOR = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}


def _table_unit(text: str, pos: int) -> str | None:
    lex = lexicon()
    best = None
    for n in range(min(6, len(text) - pos), 0, -1):
        cand = text[pos : pos + n]
        if cand in lex.unit_group:
            best = cand
            break
    return best


def read_unit(text: str, pos: int, end: int, *, digits: bool) -> tuple[str, str] | None:
    """The unit token at ``text[pos:]`` and its group, or None when no unit stands there.

    ``digits``: the number was written in digits; only then may an unknown measure character count.
    """
    lex = lexicon()
    rest = text[pos:end]
    if not rest:
        return None
    m = _SYMBOL_UNIT.match(rest)
    if m is not None:
        sym = m.group(0)
        return sym, {"㎡": "area", "㎞²": "area", "㎞": "length", "℃": "other"}.get(sym, "ratio")
    unit = _table_unit(rest, 0)
    if unit is not None and unit in lex.not_units and unit not in ("年", "月", "日"):
        return None
    if any(rest.startswith(w) for w in lex.not_unit_words) and (unit is None or len(unit) == 1):
        return None  # 899项目: 项 opens a word here
    lm = _LATIN_UNIT.match(rest)
    if lm is not None and (unit is None or len(lm.group(0)) > len(unit)):
        tok = lm.group(0)
        base = tok.split("/")[0].rstrip("²³23")
        if tok in lex.unit_group or base in lex.unit_group or (len(base) >= 2 and tok not in lex.not_units):
            unit = tok
        else:
            return None  # 5G, 4K, T2: a name, not a quantity
    if unit is None:
        # an unknown measure character counts where it closes the quantity: "补建消火栓169具。"
        ch = rest[0]
        if not digits or not regex.match(r"\p{Han}", ch) or ch in lex.not_units or ch in CN_NUMERAL_CHARS:
            return None
        if len(rest) > 1 and not regex.match(r"[\p{P}\s]|以上|左右|以内|以下", rest[1:]):
            return None
        unit, group = ch, "unknown"
    else:
        group = lex.unit_group.get(unit, "unknown")
    # a rate or density: 吨/日, 公里/万平方公里, 人/万人
    after = pos + len(unit)
    if after < end and text[after] == "/":
        tail = regex.match(r"[万百千]?(?:\p{Han}|[A-Za-z]+)", text[after + 1 : end])
        if tail is not None:
            t2 = _table_unit(text[after + 1 : end], 0)
            tok = t2 if t2 is not None and t2 not in lex.not_units else tail.group(0)
            if tail.group(0)[0] in "万百千":
                t3 = _table_unit(text[after + 2 : end], 0)
                tok = tail.group(0)[0] + (t3 or tail.group(0)[1:])
            unit = f"{unit}/{tok}"
    return unit, group


def normal_unit(unit: str) -> str:
    """％ → %, 百分点 → 个百分点, ：1 → :1; the rest as printed."""
    if unit.startswith("％"):
        return "%" + unit[1:]
    if unit == "百分点":
        return "个百分点"
    if regex.fullmatch(r"[:：∶]\s*1", unit):
        return ":1"
    return unit


def quantities(text: str, a: int, b: int) -> list[Quantity]:
    """Every quantity in ``text[a:b]`` in order (numbers without a unit are left out)."""
    out: list[Quantity] = []
    pos = a
    while pos < b:
        m = _NUMBER.search(text, pos, b)
        if m is None:
            break
        pos = m.end() if m.end() > m.start() else m.start() + 1
        q = _quantity(text, m, b)
        if q is not None:
            out.append(q)
            pos = max(pos, q.end)
    return out


def _quantity(text: str, m: regex.Match[str], b: int) -> Quantity | None:
    s = m.start()
    n1, n2 = m["n1"], m["n2"]
    cn = not regex.match(r"[0-9０-９]", n1)
    if _BEFORE_BAD.search(text[max(0, s - 2) : s]):
        return None
    if not cn and regex.match(r"[.．]\d", text[m.end("n1") : m.end("n1") + 2]):
        return None  # 2024.4.16
    if not cn and regex.fullmatch(r"[0０][0-9０-９]+", n1):
        return None  # 01, 02: a code
    if cn and (n2 is not None and regex.match(r"[0-9０-９]", n2)):
        return None
    mult = m["mult"] or m["m1"] or ""
    end_num = m.end()
    unit_at = end_num
    got = read_unit(text, unit_at, b, digits=not cn)
    if got is None:
        # 1.5万 with no unit after it: a count of people or things left implicit
        if mult and not cn:
            unit_print, group = "", "count"
        else:
            return None
    else:
        unit_print, group = got
    if cn and group == "unknown":
        return None
    v1 = number_value(n1)
    if v1 is None:
        return None
    v2 = number_value(n2) if n2 else None
    if n2 and v2 is None:
        return None
    f1 = _FACTOR[m["m1"] or mult]
    f2 = _FACTOR[mult]
    uend = unit_at + len(unit_print)
    post = ""
    if m["more"]:
        post = m["more"]
    pm = _POST.match(text, uend, b)
    if pm is not None and not post:
        post = pm.group(0)
        uend = pm.end()
    pre = next((p for p in _PRE_APPROX if text.endswith(p, 0, s)), "")
    unit_printed = mult + unit_print
    return Quantity(
        start=s, end=uend, v1=v1 * f1, v2=(v2 * f2 if v2 is not None else None),
        printed=text[s:end_num].strip(), unit=normal_unit(unit_print), unit_printed=unit_printed,
        group=group, post=post, pre=pre, cn=cn,
    )  # fmt: skip


