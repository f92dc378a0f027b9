"""Organ and place names whole over jieba's cut, by the core's organ-name morphology.

No dictionary can list every organ: the core names the organs it meets by their form (place +
functional core + head, :mod:`policyparse.core.organs`), and jieba cuts such names into their parts
(上海市/奉贤区/发展/和/改革/委员会, 国家/消防/救援/局). :func:`merge_names` puts them back together:

- a place jieba cut from its level is given it back (德清/县住建局 → 德清县/住建局, 襄阳/市 → 襄阳市),
  and so is a kind of area of the core's ``area_nouns`` (自治/区市场监管局 → 自治区/市场监管局,
  示范/区水务局 → 示范区/水务局). A place is a dictionary place, or a name jieba's own dictionary
  tags ``ns`` followed by 省/市/区/县, or a name it tags a person's or a spot's whose form with the
  level it tags ``ns`` (许昌 + 市, 西青 + 区). Without its level such a name (西青, 海口, 三亚)
  starts an organ named after it (西青交警支队, 海口海关), unless it is an everyday word listed
  under ``names.not_places`` (新建, 新城);
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
  place (自治区/财政厅, 三亚/边检站);
- an office or a branch stays with the organ before it (上海市人民政府办公厅, 上海市公安局虹口分局,
  人民银行山东省分行, 国家金融监督管理总局山东监管局);
- a bracket holding another core of the same organ between a core and the head is part of the name
  (水利/(/水务/)/局 → 水利(水务)局).

The merged name must read as an organ to :func:`policyparse.core.organs.is_organ` and hold none of
the words listed under ``names.not_inside`` in ``data/language/dictionary.json``, so instructions
(成立…领导小组, 建强微型消防站, 分级挂牌督办) stay as jieba cut them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from policyparse.analysis.language.dictionary import Kind, _data, entries, ns_words, proper_words, tokenizer
from policyparse.analysis.language.dictionary import _agency_words as _agency_names
from policyparse.core.organs import is_head, is_organ, role_of

Span = tuple[int, int]

_HAN = regex.compile(r"\p{Han}+")
_LEVEL_CHARS = "省市区县"
# Words a name starts with that say its level, not its function.
_LEVEL_WORDS = frozenset(
    {"镇", "乡", "街道", "街镇", "乡镇", "国家", "中共", "中央", "地方", "省委", "市委", "区委", "县委"}
    | {"自治区", "自治州", "自治县"}  # 自治区林业局, as 省林业局: the level of an autonomous region
)
_LEVEL_PREFIXES = tuple(_LEVEL_WORDS)
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
# An OOV word jieba's HMM glued from a preposition and a name's first character (由城运/中心).
_FUNCTION_CHARS = "由向对在将把被从为至到报"
_CONNECTORS = frozenset({"和", "及", "与", "或", "以及"})
# A count or a determiner does not start a name (一个/中心, 第六届/人民政府).
_DETERMINERS = tuple("一二三四五六七八九十两几每各本该此这那其第")
# Single-character heads that also end everyday words (例会, 网站, 大厅, 东部): a word jieba knows
# that ends in one is no organ by its head alone; the head standing alone still ends a name.
_WEAK_HEADS = frozenset("会所站院处科室馆社队部厅署镇乡") | {"街道", "中央"}


@dataclass(frozen=True)
class _Morph:
    cores: tuple[str, ...]
    collective: frozenset[str]
    not_inside: frozenset[str]
    not_places: frozenset[str]
    areas: frozenset[str]
    modifiers: frozenset[str]
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
        not_places=frozenset(lang["names"]["not_places"]),
        areas=frozenset(a for a in raw["area_nouns"] if len(a) >= 3 and a[-1] in "省市区县"),
        modifiers=frozenset(_data("language/verbs.json")["modifiers"]),
        max_head=max(len(h) for h in raw["heads"]),
        head_end=regex.compile("(?:" + "|".join(map(regex.escape, raw["heads"])) + ")$"),
    )


def _known(w: str) -> bool:
    """Is ``w`` a word of the tokenizer's dictionary (jieba's or ours), not one its HMM made up?"""
    return bool(tokenizer().FREQ.get(w))


def is_place(w: str) -> bool:
    """A dictionary place, or a place jieba's dictionary knows with its level (朝阳区, 佛山市: 朝阳
    and 佛山 are places of jieba's; 许昌市, 西青区: jieba tags the name with its level a place, the
    bare name a person's)."""
    if entries().get(w) == "place":
        return True
    return len(w) >= 3 and w[-1] in _LEVEL_CHARS and _is_place_stem(w[:-1], w[-1])


def _is_place_stem(p: str, level: str) -> bool:
    if entries().get(p + level) == "place":
        return True
    if not 2 <= len(p) <= 3:
        return False
    if p in ns_words():
        return True
    # jieba tags 许昌市, 西青区 a place but 许昌, 西青 a person's name; its ns words with a level also
    # hold kinds of area (中心区, 各省市, 外省市, 文明城市), whose stem is an everyday word or a count
    return p + level in ns_words() and p in proper_words() and not p.startswith(_DETERMINERS)


def name_kind(w: str) -> Kind | None:
    """A token's kind: its dictionary kind; else ``place`` for a place (佛山市, 朝阳区), ``org`` for a
    name the morphology reads as an organ that jieba does not know as a word of its own (a merged
    name: 发展和改革委员会; not 例会, whose 会 is no head)."""
    kind = entries().get(w)
    if kind is not None:
        return kind
    if is_place(w):
        return "place"
    return "org" if len(w) >= 3 and not _known(w) and is_organ(w) else None


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
        if len(x) >= 2 and x[0] in _FUNCTION_CHARS and _HAN.fullmatch(x) and not _known(x):
            if x[1] in _LEVEL_CHARS or x[1:].startswith(_morph().cores):
                out.append((a, a + 1))
                a, x = a + 1, x[1:]
        if out and x[0] in _LEVEL_CHARS:
            pa, pb = out[-1]
            p = text[pa:pb]
            if _HAN.fullmatch(p) and _is_place_stem(p, x[0]):
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


def _level_then_organ(x: str) -> bool:
    """Is ``x`` a dictionary organ made of a level character and an organ (市财政局, 区市场监管局)?
    Not when the level character starts a word of its own (市场监管局 of 市场…), unless the rest names a
    role (市政府办公室: 市 + 政府办公室, as the core's :func:`~policyparse.core.organs.expand_place`
    reads it); not a level and a bare head (市人民政府 is whole: 襄阳/市人民政府 → 襄阳市人民政府)."""
    if entries().get(x) != "org" or len(x) < 3:
        return False
    rest = x[1:]
    return (not _known(x[:2]) or role_of(rest) is not None) and is_organ_word(rest)


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
        strong = not _HAN.fullmatch(w) or w in _ROLE_WORDS or w in _morph().collective
        if strong or w in _FUNCTION_WORDS:
            out.extend(_merge_run([text[a:b] for a, b in run], run, left_strong, strong))
            out.append(sp)
            run = []
            left_strong = strong and w != "等"  # 等 ends a list; what follows it is the sentence
        else:
            run.append(sp)
    out.extend(_merge_run([text[a:b] for a, b in run], run, left_strong, True))
    return out


_OPEN, _CLOSE = "（(", "）)"


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
            _HAN.fullmatch(before)
            and _HAN.fullmatch(inside)
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
        bare = _end_kind(ws, i, e)
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
            whole = (
                left_strong
                and right_strong
                and e == len(ws) - 1
                and (bare or _area_item(ws[i:e]))
            )
            # the head ends its item, or only its office follows (朝阳区/人民政府/办公室)
            at_end = (right_strong and e == len(ws) - 1) or (e + 1 < len(ws) and ws[e + 1] in _SUB_HEADS)
            for s in _starts(ws, i, e, whole):
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
    return h is not None and len(h) >= len(nxt) and nxt not in _LEVEL_WORDS


def _part_of_prev(ws: list[str], last: int, e: int) -> bool:
    """Is word ``e`` part of the organ ending at word ``last``: its office right after it
    (上海市人民政府/办公厅), or a branch after a place (上海市公安局/虹口/分局)?"""
    if ws[e] in _SUB_HEADS and last == e - 1:
        return True
    return ws[e] in _BRANCH_HEADS and last == e - 2 and _is_place_name(ws[e - 1])


def _is_place_name(w: str) -> bool:
    """A place with its level, or a place name without it whose form with a level is a place (虹口,
    西青, 海口: 虹口区, 西青区, 海口市) — not a word jieba merely tags ns (城市)."""
    if is_place(w):
        return True
    if w in _morph().not_places:
        return False
    if w not in ns_words() and w not in proper_words():
        return False  # 县级 of 县级市 is a kind of place, not a name
    return any(_is_place_stem(w, c) and (entries().get(w + c) == "place" or w + c in ns_words()) for c in _LEVEL_CHARS)


def _end_kind(ws: list[str], i: int, e: int) -> bool | None:
    """Does word ``e`` end an organ name? True when its head stands (partly) alone or jieba's HMM made
    the word up, so the name must reach further left (委员会, 员会 after 商务委, 数局 after 市政), False
    when the word is an organ itself, None when it ends no name."""
    w = ws[e]
    if w in _LEVEL_WORDS:
        return None  # 街道/消委办: a level word starts a name
    h = _head_at_end("".join(ws[i : e + 1]))
    if h is None:
        return w in ("部门", "机构") or None  # 城管执法部门: a kind named by its function
    if len(h) >= len(w):
        return True
    if entries().get(w) == "org":
        return False
    if not _known(w):
        return True  # a piece jieba's HMM cut off a name: 政数局 of 市政/数局
    if h not in _WEAK_HEADS:
        return False
    # an everyday word ending in a weak head is an organ only right after a place or a level
    # (三亚/边检站, 自治区/财政厅, 自治区/林科院)
    after_place = e > i and (_is_place_name(ws[e - 1]) or _is_level(ws[e - 1]))
    return False if len(w) >= 3 and after_place and is_organ(w) else None


def _is_level(w: str) -> bool:
    """A word that starts a name by its level: 市, 区委, 街道, 国家, or a word jieba made up of a
    level and the name's first character (区旧/改总办), not a word of its own (市场, 区级)."""
    if (len(w) == 1 and w in _LEVEL_CHARS) or w in _LEVEL_WORDS:
        return True
    return w[0] in _LEVEL_CHARS and not _known(w)


def _starts(ws: list[str], i: int, e: int, whole: bool) -> list[int]:
    """Where the name ending at word ``e`` may start, best first (see the module docstring)."""
    if entries().get(ws[e]) == "org" and (_is_level(ws[e][0]) or ws[e].startswith(_LEVEL_PREFIXES)):
        # a dictionary organ with its own level is a whole name (省政府, 地方政府): only places may
        # come before it, not another level (省委/省政府) nor a sentence (中央/分配/新增/地方政府)
        s = e
        while s > i and _is_place_name(ws[s - 1]):
            s -= 1
        return [s, e]
    if ws[e] in _agency_words():
        # a name of the agency lexicon (公安部, 卫生健康委) is whole but for its level and place
        s = e
        while s > i and (_is_place_name(ws[s - 1]) or _is_level(ws[s - 1])):
            s -= 1
        return [s, e]
    first = [i] if whole and _item_like(ws[i : e + 1]) else []
    # a place with or without its level starts a name (西青/交警支队, 三亚/边检站, as the
    # dictionary's 青浦公安分局); _try keeps a place with its level a word of its own
    marked = [s for s in range(i, e + 1) if _is_level(ws[s]) or _is_place_name(ws[s])]
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
    if ws[e] in _BRANCH_HEADS:  # a branch's name holds its place: 公安/朝阳/分局
        order = [*first, *marked, *cores, *areas]
    elif core_first:
        order = [*marked, *cores, *first, *areas]
    else:
        order = [*marked, *first, *areas, *cores]
    return list(dict.fromkeys([*order, e]))


def _area_item(ws: list[str]) -> bool:
    """Words before an organ that name one area of a kind (杨凌/示范区), no list joined by 和."""
    return any(w in _morph().areas for w in ws) and not any(w in _CONNECTORS for w in ws)


def _item_like(ws: list[str]) -> bool:
    """Could these words, alone between punctuation, be one name (试点/城市/政府, 服务/办)? Short,
    not a count (一个/中心), not led by an adverb of the verb lexicon (积极/推进/政府)."""
    return (
        len(ws) <= 5
        and sum(map(len, ws)) <= 12
        and not ws[0].startswith(_DETERMINERS)
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
    if any(w[0] in _FUNCTION_CHARS and not _known(w) for w in ws[p : e + 1]):
        return None  # 企业/到科: jieba glued a preposition to what follows
    return (p, e) if is_organ(name) else None
