"""Character-level normalisation shared by every input format.

Only three things change the printed characters: white space (runs at a CJK boundary are layout,
not text, and go; other runs become one space), a few invisible or look-alike code points (soft
hyphen, no-break and ideographic spaces, zero-width marks), and stand-ins for ideographs that real
text layers carry: Kangxi and supplement radicals (⼈ U+2F08 for 人, ⺠ U+2EA0 for 民) and CJK
compatibility ideographs, each replaced by the one unified ideograph it stands for, so that
"⼀、" is a heading and "8⽉21⽇" a date. Every replacement is one code point for one, so the
text's length and offsets do not move. Brackets, digits and punctuation are kept as printed so
that spans point at what the reader sees; parsers accept all variants.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

import regex

# Han, CJK punctuation, full-width forms and the typographic quotes/dashes Chinese text uses.
_CJKISH = r"\p{Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u205e\u00b7\u25cb\u3007"
_SPACE_AT_CJK = regex.compile(rf"(?<=[{_CJKISH}])\s+|\s+(?=[{_CJKISH}])")
_SPACES = regex.compile(r"\s+")
_SOFT_HYPHEN_BETWEEN = regex.compile(r"(?<=[0-9A-Za-z])\u00ad(?=[0-9A-Za-z])")
_INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_TO_SPACE = str.maketrans({"\u00a0": " ", "\u3000": " ", "\t": " ", "\u2002": " ", "\u2003": " "})


# Radicals (Kangxi U+2F00–U+2FDF, supplement U+2E80–U+2EFF) and compatibility ideographs
# (U+F900–U+FAFF, U+2F800–U+2FA1F): ideographs in disguise.
_STAND_IN = regex.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
_PRIVATE_USE = regex.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")


@cache
def _supplement() -> dict[str, str]:
    raw = json.loads(resources.files("policyparse").joinpath("data/radicals.json").read_text("utf-8"))
    return {chr(int(k[2:], 16)): v for k, v in raw["supplement"].items()}


def unified_ideograph(ch: str) -> str:
    """The unified ideograph a radical or compatibility code point stands for (``ch`` itself if none).

    NFKC maps Kangxi radicals and compatibility ideographs; the CJK Radicals Supplement needs the
    Unicode table EquivalentUnifiedIdeograph (``data/radicals.json``). Only one-for-one results count.
    """
    if "\u2e80" <= ch <= "\u2eff":
        return _supplement().get(ch, ch)
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 and regex.match(r"\p{Han}", n) else ch


def _map_stand_ins(m: regex.Match[str]) -> str:
    return unified_ideograph(m.group())


def normalize_chars(s: str) -> str:
    """Map invisible and space-like code points and ideograph stand-ins; a soft hyphen between
    digits is a printed hyphen."""
    s = str(_SOFT_HYPHEN_BETWEEN.sub("-", s))
    s = str(_INVISIBLE.sub("", s))
    if _STAND_IN.search(s):
        s = str(_STAND_IN.sub(_map_stand_ins, s))
    return s.translate(_TO_SPACE)


def code_point_report(s: str) -> Counter[str]:
    """How many ideograph stand-ins (``mapped``) and private-use glyphs (``private_use``) ``s`` holds."""
    c: Counter[str] = Counter()
    for m in _STAND_IN.finditer(s):
        if unified_ideograph(m.group()) != m.group():
            c["mapped"] += 1
    c["private_use"] = len(_PRIVATE_USE.findall(s))
    return +c


def collapse_spaces(s: str) -> str:
    """Drop white space that touches a CJK character; fold the rest to single spaces."""
    s = str(_SPACE_AT_CJK.sub("", s))
    return str(_SPACES.sub(" ", s)).strip()


def clean_line(s: str) -> str:
    """Normalise one printed line (or one text paragraph); table cells keep their tab separators."""
    cells = s.strip(" \r\n").split("\t")
    filled = [c for c in cells if c.strip()]
    # a table row: two filled cells, or a row that starts empty (a merged cell), or one filled cell
    # followed by empty ones ("行动一：…" across the row)
    if len(filled) >= 2 or (len(cells) > 1 and filled and (not cells[0].strip() or len(cells) >= 3)):
        # a table row: every cell keeps its place, empty ones too (merged or continued cells)
        return "\t".join(_cell(c) for c in cells)
    return collapse_spaces(normalize_chars(s))


_HAN_END = regex.compile(r"\p{Han}$")
_HAN_START = regex.compile(r"\p{Han}")


def _cell(c: str) -> str:
    """A table cell: a space between names of two characters or more separates them ("设施运行处
    设施养护处" names two units) and stays, as one space; spaces between single characters are layout."""
    tokens = normalize_chars(c).split()
    if len(tokens) > 1 and all(len(t) >= 2 for t in tokens):
        out = collapse_spaces(tokens[0])
        for t in tokens[1:]:
            # only between two ideographs ("…处 设…"): after 。 or before ：, a space is layout
            keep = bool(_HAN_END.search(out)) and bool(_HAN_START.match(t))
            out += (" " if keep else "") + collapse_spaces(t)
        return out
    return collapse_spaces(normalize_chars(c))


def join_sep(left: str, right: str) -> str:
    """What goes between two wrapped lines: nothing in Chinese, a space between two Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return " "
    return ""


def nonspace(s: str) -> str:
    """The non-white-space characters of ``s``, for nothing-lost checks."""
    return str(_SPACES.sub("", s))


def line_ranges(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``text[a:b]`` as (start, end) offsets, newlines excluded."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        e = text.find("\n", k, b)
        e = b if e < 0 else e
        if e > k:
            out.append((k, e))
        k = e + 1
    return out


def cell_ranges(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The tab-separated cells of the table row ``text[a:b]`` as (start, end) offsets, empty ones too."""
    out: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if text[i] == "\t":
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out
