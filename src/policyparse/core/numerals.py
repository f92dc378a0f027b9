"""Chinese and full-width numerals to integers."""

from __future__ import annotations

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_BIG)

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def to_halfwidth_digits(s: str) -> str:
    """Replace full-width digits by ASCII digits."""
    return s.translate(_FULLWIDTH)


def cn_to_int(s: str) -> int | None:
    """Parse a Chinese numeral ("二十三", "一百零五", "二〇二一") or digits; None when not a number.

    A run of bare digit characters without 十/百 ("二〇二一") is read digit by digit, as years are.
    """
    s = to_halfwidth_digits(s.strip())
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in _DIGITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s)) if len(s) > 1 else _DIGITS[s]
    total = 0
    section = 0
    digit: int | None = None
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[c]
            digit = None
        elif c in _BIG:
            section += digit or 0
            total += (section or 1) * _BIG[c]
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled_to_int(c: str) -> int | None:
    i = _CIRCLED.find(c)
    return i + 1 if i >= 0 else None


CIRCLED = _CIRCLED
