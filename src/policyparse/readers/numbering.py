"""Word list numbering (numbering.xml): the markers Word prints that are not in the paragraph text.

Chinese documents number their headings with Word lists as often as by typing: 一、/（一）/1./（1）
then exist only as ``w:numPr`` plus a level definition (``w:numFmt`` chineseCounting, ``w:lvlText``
"%1、"). Without them the outline is lost, so this module renders them as Word does:

- a level's counter starts at its ``w:start`` (or the list's ``w:startOverride``) and steps by one;
- a level restarts when a higher level is used (``w:lvlRestart`` can delay or forbid that); higher
  levels not used yet stand at their start, so a list that opens at level 3 and then goes to level 1
  prints 2 there (Word's and LibreOffice's well-known "jump");
- ``w:num`` instances of one abstract list continue each other's counting; an instance with
  ``w:lvlOverride`` is a list of its own (how Word writes "restart numbering" and "set value");
- ``%N`` in the level text is level N's value in level N's format (decimal under ``w:isLgl``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _wval(el: _Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    v = el.get(f"{W}val")
    return default if v is None else str(v)


def _cn_count(n: int, digits: str = _CN, ten: str = "十", units: str = "百千") -> str:
    """Chinese counting: 十, 十一, 二十, 一百零五 (Word's chineseCounting)."""
    if n < 10:
        return digits[n] if n > 0 else "〇"
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, name in ((1000, units[1]), (100, units[0]), (10, ten), (1, "")):
        d = n // value % 10
        if d:
            out += (digits[0] if zero and out else "") + digits[d] + name
            zero = False
        elif out:
            zero = True
    return out


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a…z, aa…zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """``n`` in the ``w:numFmt`` named ``fmt`` (unknown formats fall back to decimal, as Word does)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):  # fmt: skip
        return _cn_count(n)
    if fmt == "chineseLegalSimplified":
        return _cn_count(n, _CN_LEGAL, "拾", "佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _TIANGAN if fmt == "ideographTraditional" else _DIZHI
        return cycle[(n - 1) % len(cycle)] if n > 0 else ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    return str(n)


@dataclass
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never; None any higher
    legal: bool = False
    suffix: str = "tab"


def _level(el: _Element) -> Level:
    restart = _wval(el.find(f"{W}lvlRestart"))
    return Level(
        start=int(_wval(el.find(f"{W}start"), "0") or 0),
        fmt=_wval(el.find(f"{W}numFmt"), "decimal") or "decimal",
        text=_wval(el.find(f"{W}lvlText"), "") or "",
        restart=int(restart) if restart is not None and restart.isdigit() else None,
        legal=el.find(f"{W}isLgl") is not None and _wval(el.find(f"{W}isLgl"), "1") not in ("0", "false"),
        suffix=_wval(el.find(f"{W}suff"), "tab") or "tab",
    )


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """The lists of a document and their running counters; ask ``marker()`` paragraph by paragraph."""

    def __init__(self, root: _Element | None, style_num: dict[str, str]) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id → style whose list it takes (w:numStyleLink)
        self.nums: dict[str, _Num] = {}
        self.style_num = style_num  # numbering style id → its numId
        self.values: dict[str, list[int | None]] = {}
        if root is None:
            return
        for a in root.iter(f"{W}abstractNum"):
            aid = str(a.get(f"{W}abstractNumId"))
            self.abstract[aid] = {int(lv.get(f"{W}ilvl") or 0): _level(lv) for lv in a.iter(f"{W}lvl")}
            link = _wval(a.find(f"{W}numStyleLink"))
            if link:
                self.links[aid] = link
        for n in root.iter(f"{W}num"):
            num = _Num(abstract=_wval(n.find(f"{W}abstractNumId"), "") or "")
            for ov in n.iter(f"{W}lvlOverride"):
                ilvl = int(ov.get(f"{W}ilvl") or 0)
                so = _wval(ov.find(f"{W}startOverride"))
                if so is not None and so.lstrip("-").isdigit():
                    num.starts[ilvl] = int(so)
                lv = ov.find(f"{W}lvl")
                if lv is not None:
                    num.levels[ilvl] = _level(lv)
            self.nums[str(n.get(f"{W}numId"))] = num

    def _abstract_of(self, num: _Num) -> str:
        aid = num.abstract
        for _ in range(3):  # numStyleLink → style → its w:num → that list's abstract
            link = self.links.get(aid)
            target = self.nums.get(self.style_num.get(link, "")) if link else None
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Count a paragraph of list ``num_id`` at level ``ilvl``; its marker text and suffix kind."""
        num = self.nums.get(num_id)
        if num is None or num_id == "0":
            return None
        aid = self._abstract_of(num)
        levels = self.abstract.get(aid, {})

        def level(k: int) -> Level:
            return num.levels.get(k) or levels.get(k) or Level()

        def start(k: int) -> int:
            return num.starts.get(k, level(k).start)

        key = f"num:{num_id}" if (num.starts or num.levels) else f"abs:{aid}"
        vals = self.values.setdefault(key, [None] * 9)
        ilvl = max(0, min(ilvl, 8))
        v = vals[ilvl]
        vals[ilvl] = start(ilvl) if v is None else v + 1
        for k in range(ilvl):  # higher levels not used yet stand at their start: the next one counts on
            if vals[k] is None:
                vals[k] = start(k)
        for k in range(ilvl + 1, 9):
            r = level(k).restart
            if r is None or (r != 0 and ilvl < r):
                vals[k] = None
        lv = level(ilvl)
        if lv.fmt == "bullet":
            return None
        out = []
        i = 0
        t = lv.text
        while i < len(t):
            if t[i] == "%" and i + 1 < len(t) and t[i + 1].isdigit():
                k = int(t[i + 1]) - 1
                if 0 <= k < 9:
                    n = vals[k] if vals[k] is not None else start(k)
                    fmt = level(k).fmt
                    if fmt != "none":
                        out.append(format_number(n or 0, "decimal" if lv.legal else fmt))
                i += 2
                continue
            out.append(t[i])
            i += 1
        text = "".join(out)
        return (text, lv.suffix) if text.strip() else None
