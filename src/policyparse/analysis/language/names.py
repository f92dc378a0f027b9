"""Organ and place names whole over jieba's cut, by the core's organ-name morphology.

No dictionary can list every organ: the core names the organs it meets by their form (place +
functional core + head, :mod:`policyparse.core.organs`), and jieba cuts such names into their parts
(上海市/奉贤区/发展/和/改革/委员会, 国家/消防/救援/局). :func:`merge_names` puts them back together:

- a place jieba cut from its level is given it back (德清/县住建局 → 德清县/住建局, 襄阳/市 → 襄阳市,
  大同/市民政局 → 大同市/民政局, 由旗/林业和草原局 → 由/旗林业和草原局), and so is a kind of area of
  the core's ``area_nouns`` (自治/区市场监管局 → 自治区/市场监管局, 示范/区水务局 → 示范区/水务局).
  What is a place, with or without its level, is read by :mod:`.places` (许昌 + 市, 西青 + 区,
  大同 + 市, 腾冲 + 市; 旗 and 盟 are levels). Without its level such a name (西青, 海口, 三亚) starts
  an organ named after it (西青交警支队, 海口海关), unless it is an everyday word listed under
  ``names.not_places`` (新建, 新城). A one-character head jieba's HMM glued to the character after
  it is given back to the name (草原/局负/总责 → 草原/局/负/总责);
- names are looked for in runs of Chinese words between delimiters (punctuation, role words such as
  牵头/负责, collective prefixes such as 各/有关, function words such as 的/由/等). A word that ends in
  an organ head (局, 委, 办, 委员会, 指挥部…) ends a name, which starts at the first of: a level word
  or place (市, 区委, 街道, 国家, 自治区, 上海市…); a role core (发展和改革, 城管执法…) when no 和
  comes before it; the run's first word when the head stands alone, or a kind of area stands before
  the organ, and the run is one short item between punctuation (试点/城市/政府,
  资源/节约/和/环境保护/处, 杨凌/示范区/水务局). Places in front stay words of their own (a
  ``place + organ`` compound: 上海市/奉贤区/发展和改革委员会), but for a bare head ending an item,
  which names no organ without its place (三亚市/政府 → 三亚市政府, as the dictionary's 杭州市政府).
  A word jieba knows that ends in a weak head (财政厅, 边检站) ends a name right after a level or a
  place (自治区/财政厅, 三亚/边检站), or when the name is an item alone between delimiters that
  begins with its place (腾冲/出入境/边防/检查站, 南滩/派出所) or, for the heads of an institution's
  internal units (部, 处, 科, 室, 院), is made of nouns (安全/监察部, 法学/与/历史/学院; not
  共建/和谐/师院). A generic modifier of the core's ``kind_prefixes`` makes a kind of unit with the
  head after it (二级/学院), a kind of area an organ of its own with the organ after it (社区/居委会),
  and two kinds of township one kind (苏木/镇人民政府, as 乡镇人民政府);
- an office or a branch stays with the organ before it (上海市人民政府办公厅, 上海市公安局虹口分局,
  人民银行山东省分行, 国家金融监督管理总局山东监管局, a branch named by its function:
  市公安局交通警察支队, or whose head jieba cut in two: 金融监管总局/焦作/监管/分局);
- a bracket holding another core of the same organ between a core and the head is part of the name
  (水利/(/水务/)/局 → 水利(水务)局), and so is a bracket holding a second head the organ bears
  (学生工作部（处）, 各区政府（管委会）) or, after 各 and a kind of area, the other kinds the name
  stands for before its bare head (各县（区）人民政府, 各县（市、区）人民政府, as 各区人民政府).

The merged name must read as an organ to :func:`policyparse.core.organs.is_organ` and hold none of
the words listed under ``names.not_inside`` in ``data/language/dictionary.json``, so instructions
(成立…领导小组, 建强微型消防站, 分级挂牌督办) stay as jieba cut them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from policyparse.analysis.language.dictionary import Kind, _data, entries, main_tag
from policyparse.analysis.language.dictionary import _agency_words as _agency_names
from policyparse.analysis.language.places import (
    DETERMINERS,
    FUNCTION_CHARS,
    HAN,
    LEVEL_CHARS,
    LEVEL_WORDS,
    is_place,
    is_place_name,
    is_place_stem,
    known,
    local_name,
    loose_place,
)
from policyparse.core.organs import is_area_noun, is_head, is_organ, role_of

Span = tuple[int, int]

# Townships of two kinds name one kind of organ together (苏木/镇人民政府, as 乡镇人民政府).
_TOWNSHIPS = ("乡", "镇", "苏木")
_LEVEL_PREFIXES = tuple(LEVEL_WORDS)
# Offices of an organ, printed right after it (上海市人民政府办公厅); branches, named after the
# place they serve (上海市公安局虹口分局).
_SUB_HEADS = frozenset({"办公室", "办公厅"})
_BRANCH_HEADS = frozenset(
    {"分局", "支队", "大队", "中队", "分中心", "分公司", "分院", "派出所"}
    # a bank's or a regulator's branch in a province: 人民银行山东省分行, 国家金融监督管理总局山东监管局
    | {"分行", "支行", "监管局", "监管分局"}
)
# Delimiters: what an organ does after its name, and words that cannot stand inside a name.
_ROLE_WORDS = frozenset({"牵头", "负责", "配合", "协助", "参与", "按职责", "等"})  # 等 ends a list of names
_FUNCTION_WORDS = frozenset("的由或向对在将把被从为是并按经于以") | {"以及", "通过", "根据", "按照"}
_CONNECTORS = frozenset({"和", "及", "与", "或", "以及"})
# Single-character heads that also end everyday words (例会, 网站, 大厅, 东部): a word jieba knows
# that ends in one is no organ by its head alone; the head standing alone still ends a name.
_WEAK_HEADS = frozenset("会所站院处科室馆社队部厅署镇乡") | {"街道", "中央"}
# Heads of an institution's internal units (安全监察部, 后勤管理处, 法学与历史学院): a word jieba
# knows ending in one ends a name that makes a whole item between delimiters.
_UNIT_HEADS = frozenset("部处科室院")


@dataclass(frozen=True)
class _Morph:
    cores: tuple[str, ...]
    collective: frozenset[str]
    not_inside: frozenset[str]
    areas: frozenset[str]
    modifiers: frozenset[str]
    kind_prefixes: frozenset[str]
    kinds: frozenset[str]
    max_head: int
    head_end: regex.Pattern[str]


@cache
def _morph() -> _Morph:
    raw = _data("organs.json")
    lang = _data("language/dictionary.json")
    cores = sorted({c for cs in raw["role_cores"].values() for c in cs}, key=len, reverse=True)
    return _Morph(
        cores=tuple(cores),
        collective=frozenset(lang["compounds"]["collective_prefixes"]),
        not_inside=frozenset(lang["names"]["not_inside"]),
        areas=frozenset(a for a in raw["area_nouns"] if len(a) >= 3 and a[-1] in "省市区县"),
        modifiers=frozenset(_data("language/verbs.json")["modifiers"]),
        kind_prefixes=frozenset(k for k in raw["kind_prefixes"] if len(k) >= 2),
        # kinds of area of two characters or more that are no level nor a head (社区, 园区, 开发区)
        kinds=frozenset(
            a for a in raw["area_nouns"] if len(a) >= 2 and HAN.fullmatch(a) and a not in LEVEL_WORDS and not is_head(a)
        ),
        max_head=max(len(h) for h in raw["heads"]),
        head_end=regex.compile("(?:" + "|".join(map(regex.escape, raw["heads"])) + ")$"),
    )


def name_kind(w: str) -> Kind | None:
    """A token's kind: its dictionary kind; else ``place`` for a place (佛山市, 朝阳区), ``org`` for a
    name the morphology reads as an organ that jieba does not know as a word of its own (a merged
    name: 发展和改革委员会; not 例会, whose 会 is no head)."""
    kind = entries().get(w)
    if kind is not None:
        return kind
    if is_place(w):
        return "place"
    return "org" if len(w) >= 3 and not known(w) and is_organ(w) else None


def is_organ_word(w: str) -> bool:
    """An organ of the dictionary, or a name the core's morphology reads as an organ."""
    return entries().get(w) == "org" or is_organ(w)


@cache
def _agency_words() -> frozenset[str]:
    return frozenset(_agency_names(_data("agencies.json")))


def _head_at_end(s: str) -> str | None:
    """The longest organ head ``s`` ends with (the leftmost match ending at the end is the longest)."""
    m = _morph().head_end.search(s[-_morph().max_head :])
    return m.group() if m else None


def _recut(text: str, spans: list[Span]) -> list[Span]:
    """Cuts jieba put in the wrong place around a name: 德清/县住建局 → 德清县/住建局, 襄阳/市 →
    襄阳市, 襄阳/市委网信办 → 襄阳市委网信办, 由城运/中心 → 由/城运/中心."""
    out: list[Span] = []
    for a, b in spans:
        x = text[a:b]
        if len(x) >= 2 and x[0] in FUNCTION_CHARS and HAN.fullmatch(x) and not known(x):
            if x[1] in LEVEL_CHARS or x[1:].startswith(_morph().cores):
                out.append((a, a + 1))
                a, x = a + 1, x[1:]
        elif out and _head_glued(text[out[-1][0] : out[-1][1]], x):
            # 草原/局负/总责 → 草原/局/负/总责: the head ends the name before, not a word after it
            out.append((a, a + 1))
            a, x = a + 1, x[1:]
        if out and x[0] in LEVEL_CHARS:
            pa, pb = out[-1]
            p = text[pa:pb]
            if HAN.fullmatch(p) and is_place_stem(p, x[0]):
                if len(x) == 1 or x[1] == "委":  # the place itself, or its party committee's organ
                    out[-1] = (pa, b)
                    continue
                # 市财政局 → 市/财政局, not 市场…/市民… (words of their own) nor 省实验室 (a platform)
                if _level_then_organ(x):
                    out[-1] = (pa, a + 1)
                    out.append((a + 1, b))
                    continue
            elif _is_area_word(p, x[0]) and _level_then_organ(x):
                # 自治/区市场监管局 → 自治区/市场监管局, 示范/区水务局 → 示范区/水务局: the level
                # character ends a kind of area, not a place name of its own
                out[-1] = (pa, a + 1)
                out.append((a + 1, b))
                continue
        out.append((a, b))
    return out


def _head_glued(p: str, x: str) -> bool:
    """Did jieba's HMM glue the one-character head of a name ending in ``p`` to the character after
    it (草原 + 局负 of 林业和草原局负总责, 信息化 + 局要)? ``x`` is a word it made up, ``p`` + its first
    character an organ name; weak heads (会, 所, 处…) and 办 start too many words to be cut off."""
    return (
        len(x) == 2
        and HAN.fullmatch(x) is not None
        and HAN.fullmatch(p) is not None
        and not known(x)
        and _head_at_end(x[0]) == x[0]
        and x[0] not in _WEAK_HEADS
        and x[0] != "办"  # a verb too: 办赛, 办院
        and len(p) >= 2
        and is_organ(p + x[0])
    )


def _level_then_organ(x: str) -> bool:
    """Is ``x`` a dictionary organ made of a level character and an organ (市财政局, 区市场监管局)?
    Not when the level character starts a word of its own (市场监管局 of 市场…), unless the rest names a
    role (市政府办公室: 市 + 政府办公室, as the core's :func:`~policyparse.core.organs.expand_place`
    reads it); not a level and a bare head (市人民政府 is whole: 襄阳/市人民政府 → 襄阳市人民政府)."""
    if entries().get(x) != "org" or len(x) < 3:
        return False
    rest = x[1:]
    return (not known(x[:2]) or role_of(rest) is not None) and is_organ_word(rest)


def _is_area_word(p: str, level: str) -> bool:
    """Does ``p`` + ``level`` make a kind of area of the core's ``area_nouns`` (自治区, 示范区,
    计划单列市), not a word of its own before a level (会同/县财政局, 管理/区绿化市容局)?"""
    return p + level in _morph().areas


def merge_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """jieba's token ``spans`` of ``text`` with organ names made whole (see the module docstring).

    Offsets stay exact: tokens are only joined or cut, so they still tile ``text``.
    """
    out: list[Span] = []
    run: list[Span] = []
    left_strong = True
    cut = _recut(text, list(spans))
    inner = _inner_brackets(text, cut)
    for k, sp in enumerate(cut):
        w = text[sp[0] : sp[1]]
        if k in inner:
            run.append(sp)
            continue
        strong = not HAN.fullmatch(w) or w in _ROLE_WORDS or w in _morph().collective
        if strong or w in _FUNCTION_WORDS:
            out.extend(_merge_run([text[a:b] for a, b in run], run, left_strong, strong))
            out.append(sp)
            run = []
            left_strong = strong and w != "等"  # 等 ends a list; what follows it is the sentence
        else:
            run.append(sp)
    out.extend(_merge_run([text[a:b] for a, b in run], run, left_strong, True))
    return _join_brackets(text, out)


_OPEN, _CLOSE = "（(", "）)"


def _join_brackets(text: str, spans: list[Span]) -> list[Span]:
    """Names that hold a bracket of their own, made one token (see :func:`_bracket_end`)."""
    out: list[Span] = []
    k = 0
    while k < len(spans):
        end = _bracket_end(text, spans, k)
        out.append((spans[k][0], spans[end if end is not None else k][1]))
        k = (end if end is not None else k) + 1
    return out


def _bracket_end(text: str, spans: list[Span], k: int) -> int | None:
    """The last token of a name that starts at token ``k`` and holds a bracket, or None:

    - an organ and, in brackets, a second head it also bears (学生工作部（处）: the office is both a
      部 and a 处; 各区政府（管委会）);
    - 各 + a kind of area with the other kinds it stands for in brackets + a bare head
      (各县（区）人民政府, 各县（市、区）人民政府, 各县（市）区人民政府), as 各区人民政府.
    """
    def w(j: int) -> str:
        return text[spans[j][0] : spans[j][1]] if 0 <= j < len(spans) else ""

    if w(k + 1) not in _OPEN:
        return None
    close = next((j for j in range(k + 2, min(k + 8, len(spans))) if w(j) in _CLOSE), None)
    if close is None or close == k + 2:
        return None
    first, inside, after = w(k), text[spans[k + 2][0] : spans[close - 1][1]], w(close + 1)
    if not HAN.fullmatch(first) or not HAN.fullmatch(inside.replace("、", "")):
        return None
    if all(is_area_noun(x) for x in [first.removeprefix("各"), *inside.split("、")]):
        # kinds of area (各乡（镇）): a name only with 各 before them and a bare head after them,
        # which may follow one more kind (县（市）/区人民政府)
        distributed = first.startswith("各") or w(k - 1) == "各"
        head = after[1:] if after and is_area_noun(after[0]) else after
        return close + 1 if distributed and head and _head_at_end(head) == head else None
    # a second head, where the bracket ends the name (not 各办（科）室: 办室 and 科室)
    if _head_at_end(inside) == inside and _head_at_end(first) and is_organ_word(first) and not _head_at_end(after[:1]):
        return close
    return None


def _inner_brackets(text: str, spans: list[Span]) -> set[int]:
    """Indices of tokens that make a bracket inside a name, not a delimiter: a functional core in
    brackets between the name's first core and its head, another name of the same organ
    (水利/(/水务/)/局: 水利局 or 水务局). The words before and after stay in the name's run."""
    out: set[int] = set()
    for k, (a, b) in enumerate(spans):
        if text[a:b] not in _OPEN or k == 0:
            continue
        close = next((j for j in range(k + 1, min(k + 5, len(spans))) if text[slice(*spans[j])] in _CLOSE), None)
        if close is None or close == k + 1 or close + 1 >= len(spans):
            continue
        before, after = text[slice(*spans[k - 1])], text[slice(*spans[close + 1])]
        inside = text[spans[k + 1][0] : spans[close - 1][1]]
        if (
            HAN.fullmatch(before)
            and HAN.fullmatch(inside)
            and role_of(inside) is not None
            and role_of(before) is not None
            and _head_at_end(after) == after
        ):
            out.update(range(k, close + 1))
    return out


def _merge_run(ws: list[str], run: list[Span], left_strong: bool, right_strong: bool) -> list[Span]:
    """Merge the organ names in one run of Chinese words ``ws`` (at ``run``) between delimiters;
    ``left_strong``/``right_strong``: punctuation, a role word or the text's edge on that side."""
    merged: dict[int, int] = {}  # first index → last index of a merged organ
    i = 0  # where the next name may start
    prev: tuple[int, int] | None = None  # the organ before, as indices
    for e in range(len(ws)):
        # the word ends an item alone between delimiters (、安全/监察部；)
        item = left_strong and right_strong and e == len(ws) - 1
        bare = _end_kind(ws, i, e, item)
        if bare is None or (e + 1 < len(ws) and _goes_on(ws[e], ws[e + 1])):
            continue  # 消委/办, 商务委/员会: the name goes on to the head after it
        if ws[e] in _WEAK_HEADS and not (right_strong and e == len(ws) - 1):
            continue  # 区本级/所/需: a weak head alone ends a name only where the item ends
        got = None
        if prev is not None and _part_of_prev(ws, prev[1], e):
            got = _try(ws, prev[0], e, keep_places=True)
        if got is None:
            # an item alone between punctuation: from its first word when the head stands alone, or
            # when a kind of area stands before the organ (杨凌/示范区/水务局)
            whole = item and (bare or _area_item(ws[i:e]))
            # the head ends its item, or only its office follows (朝阳区/人民政府/办公室)
            at_end = (right_strong and e == len(ws) - 1) or (e + 1 < len(ws) and ws[e + 1] in _SUB_HEADS)
            for s in _starts(ws, i, e, whole, item):
                got = _try(ws, s, e, at_end=at_end)
                if got is not None:
                    break
        if got is None:
            continue
        p, e2 = got
        if prev is not None and p <= prev[1]:
            merged.pop(prev[0], None)
        if e2 > p:
            merged[p] = e2
        prev = (p, e2)
        i = e + 1
        left_strong = i < len(ws) and ws[i] in _CONNECTORS
        i += left_strong
    out: list[Span] = []
    k = 0
    while k < len(run):
        last = merged.get(k, k)
        out.append((run[k][0], run[last][1]))
        k = last + 1
    return out


def _goes_on(w: str, nxt: str) -> bool:
    """Is ``nxt`` a head, or the rest of one begun in ``w`` (商务委 + 员会)?"""
    h = _head_at_end(w + nxt)
    return h is not None and len(h) >= len(nxt) and nxt not in LEVEL_WORDS


def _part_of_prev(ws: list[str], last: int, e: int) -> bool:
    """Is word ``e`` part of the organ ending at word ``last``: its office right after it
    (上海市人民政府/办公厅), or a branch after a place (上海市公安局/虹口/分局)?"""
    if ws[e] in _SUB_HEADS and last == e - 1:
        return True
    if ws[e] in _BRANCH_HEADS and last == e - 2 and (loose_place(ws[e - 1]) or role_of(ws[e - 1])):
        return True  # a branch named after its place or its function (市公安局/交通警察/支队)
    # a branch head jieba cut in two: 金融监管总局/焦作/监管/分局
    return last == e - 3 and ws[e - 1] + ws[e] in _BRANCH_HEADS and loose_place(ws[e - 2])


def _end_kind(ws: list[str], i: int, e: int, item: bool = False) -> bool | None:
    """Does word ``e`` end an organ name? True when its head stands (partly) alone or jieba's HMM made
    the word up, so the name must reach further left (委员会, 员会 after 商务委, 数局 after 市政), False
    when the word is an organ itself, None when it ends no name. ``item``: words ``i..e`` are an item
    alone between delimiters."""
    w = ws[e]
    if w in LEVEL_WORDS:
        return None  # 街道/消委办: a level word starts a name
    h = _head_at_end("".join(ws[i : e + 1]))
    if h is None:
        return w in ("部门", "机构") or None  # 城管执法部门: a kind named by its function
    if len(h) >= len(w):
        return True
    if entries().get(w) == "org":
        return False
    if not known(w):
        return True  # a piece jieba's HMM cut off a name: 政数局 of 市政/数局
    if h not in _WEAK_HEADS:
        return False
    # an everyday word ending in a weak head is an organ only right after a place or a level
    # (三亚/边检站, 自治区/财政厅, 自治区/林科院)
    after_place = e > i and (is_place_name(ws[e - 1]) or _is_level(ws[e - 1]))
    if len(w) >= 3 and after_place and is_organ(w):
        return False
    if e > i and ws[e - 1] in _morph().kind_prefixes:
        return True  # a kind of unit: 二级/学院, 下属/研究所
    # or it ends a whole item: a name that begins with its place (腾冲/出入境/边防/检查站), or an
    # institution's internal unit named by nouns (安全/监察部, 学生/工作部, 法学/与/历史/学院; not
    # 家/三甲/医院, 确保/…/落到实处, 共建/和谐/师院, 厅/机关/各处室)
    if item and e > i:
        if loose_place(ws[i]) or _is_level(ws[i]):
            return True
        if h in _UNIT_HEADS and _naming_words(ws[i : e + 1]):
            return True
        if e == i + 1 and ws[e] in _BRANCH_HEADS and local_name(ws[i]):
            return True  # a branch named after a place: 南滩/派出所, 柳湾/派出所
    return None


def _naming_words(ws: list[str]) -> bool:
    """Words that may name a unit: nouns of jieba's dictionary (its tags n…, an, j; b: 二级), words
    it does not list, connectors of two fields (法学/与/历史/学院), and after the first word verbs
    naming a field (外国语/与/翻译/学院, 数学/与/统计/学院); not an adjective, a count, an adverb or
    an idiom (和谐, 家, 逐步, 落到实处), nor a verb first, which makes an instruction (共建/和谐/师院,
    建设/量子/芯片/实验室, 起草/处室), nor 各…"""
    for k, w in enumerate(ws):
        tag = main_tag(w)
        noun = tag is None or tag.startswith("n") or tag in ("an", "j", "b") or (k > 0 and tag in ("v", "vn"))
        if w not in _CONNECTORS and (not noun or w.startswith(DETERMINERS)):
            return False
    return True


def _is_level(w: str) -> bool:
    """A word that starts a name by its level: 市, 区委, 街道, 国家, or a word jieba made up of a
    level and the name's first character (区旧/改总办), not a word of its own (市场, 区级)."""
    if (len(w) == 1 and w in LEVEL_CHARS) or w in LEVEL_WORDS:
        return True
    return w[0] in LEVEL_CHARS and not known(w)


def _starts(ws: list[str], i: int, e: int, whole: bool, item: bool = False) -> list[int]:
    """Where the name ending at word ``e`` may start, best first (see the module docstring);
    ``item``: words ``i..e`` are an item alone between delimiters."""
    if entries().get(ws[e]) == "org" and (_is_level(ws[e][0]) or ws[e].startswith(_LEVEL_PREFIXES)):
        # a dictionary organ with its own level is a whole name (省政府, 地方政府): only places may
        # come before it, not another level (省委/省政府) nor a sentence (中央/分配/新增/地方政府);
        # two kinds of township name one kind (苏木/镇人民政府); a name jieba does not know is the
        # township's own when the two make an item (猴桥/镇人民政府)
        s = e
        while s > i and (is_place_name(ws[s - 1]) or _townships(ws[s - 1], ws[s]) or _stem_of(ws[s - 1], ws[s])):
            s -= 1
        if item and s == e == i + 1 and local_name(ws[i]):
            s = i
        return [s, e]
    if ws[e] in _agency_words():
        # a name of the agency lexicon (公安部, 卫生健康委) is whole but for its level and place
        s = e
        while s > i and (is_place_name(ws[s - 1]) or _is_level(ws[s - 1])):
            s -= 1
        return [s, e]
    if e > i and ws[e - 1] in _morph().kind_prefixes:  # a kind of unit: 二级/学院
        return [e - 1, e]
    first = [i] if whole and _item_like(ws[i : e + 1]) else []
    # a place with or without its level starts a name (西青/交警支队, 三亚/边检站, as the
    # dictionary's 青浦公安分局); _try keeps a place with its level a word of its own
    marked = [s for s in range(i, e + 1) if _is_level(ws[s]) or is_place_name(ws[s])]
    cores: list[int] = []
    pos = 0
    joined = "".join(ws[i : e + 1])
    for s in range(i, e):
        if joined.startswith(_morph().cores, pos):
            cores.append(s)
        pos += len(ws[s])
    # 资源/节约/和/环境保护/处: a core after 和 is the second half of one name, not its start
    core_first = bool(cores) and not any(w in _CONNECTORS for w in ws[i : cores[0]])
    # a kind of area starts a name when nothing before it does (计划单列市/税务局, 开发区/管委会),
    # not across 和 (直辖市/和/计划单列市/税务局)
    areas = [s for s in range(i, e) if ws[s] in _morph().areas and not set(ws[s:e]) & _CONNECTORS]
    # …and so does a kind of area right before its organ (社区/居委会, 园区/管委会)
    areas += [e - 1] if e > i and ws[e - 1] in _morph().kinds else []
    if ws[e] in _BRANCH_HEADS:  # a branch's name holds its place: 公安/朝阳/分局
        order = [*first, *marked, *cores, *areas]
    elif core_first:
        order = [*marked, *cores, *first, *areas]
    else:
        order = [*marked, *first, *areas, *cores]
    return list(dict.fromkeys([*order, e]))


def _stem_of(w: str, nxt: str) -> bool:
    """Is ``w`` a place name whose level starts ``nxt`` (周口 + 市人民政府, 大同 + 市人民政府)?"""
    return nxt[0] in LEVEL_CHARS and HAN.fullmatch(w) is not None and is_place_stem(w, nxt[0])


def _townships(w: str, nxt: str) -> bool:
    """Two kinds of township side by side name one kind (苏木/镇人民政府, as 乡镇人民政府)."""
    return w in _TOWNSHIPS and nxt.startswith(_TOWNSHIPS) and not nxt.startswith(w)


def _area_item(ws: list[str]) -> bool:
    """Words before an organ that name one area of a kind (杨凌/示范区), no list joined by 和."""
    return any(w in _morph().areas for w in ws) and not any(w in _CONNECTORS for w in ws)


def _item_like(ws: list[str]) -> bool:
    """Could these words, alone between punctuation, be one name (试点/城市/政府, 服务/办)? Short,
    not a count (一个/中心), not led by an adverb of the verb lexicon (积极/推进/政府)."""
    return (
        len(ws) <= 5
        and sum(map(len, ws)) <= 12
        and not ws[0].startswith(DETERMINERS)
        and ws[0] not in _morph().modifiers
    )


def _try(
    ws: list[str], s: int, e: int, *, at_end: bool = False, keep_places: bool = False
) -> tuple[int, int] | None:
    """The organ part ``(p, e)`` of words ``s..e`` (leading places split off unless
    ``keep_places``: an office added to an organ that holds its place, 襄阳市人民政府 + 办公室), or
    None. ``at_end``: word ``e`` ends an item between delimiters."""
    p = s
    while p < e and not keep_places and is_place(ws[p]):
        p += 1
    if p > s and (at_end or p < e) and is_head(ws[p]) and not is_organ_word(ws[p]):
        # a bare head names no organ but with the place before it (三亚市/政府 → 三亚市政府, as the
        # dictionary's 杭州市政府; 西青区/人民政府/办公室), when it ends an item or an office
        # follows; not alone inside a sentence (上海/中心/城市)
        p -= 1
    if p == e:
        return (p, e) if is_organ_word(ws[e]) or is_head(ws[e]) else None
    name = "".join(ws[p : e + 1])
    if len(name) > 20 or any(w in _morph().not_inside for w in ws[p : e + 1]):
        return None
    if any(w[0] in FUNCTION_CHARS and not known(w) for w in ws[p : e + 1]):
        return None  # 企业/到科: jieba glued a preposition to what follows
    return (p, e) if is_organ(name) else None
