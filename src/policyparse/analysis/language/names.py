"""Organ and place names whole over jieba's cut, by the core's organ-name morphology.

No dictionary can list every organ: the core names the organs it meets by their form (place +
functional core + head, :mod:`policyparse.core.organs`), and jieba cuts such names into their parts
(上海市/奉贤区/发展/和/改革/委员会, 国家/消防/救援/局). :func:`merge_names` puts them back together:

- a place jieba cut from its level is given it back (德清/县住建局 → 德清县/住建局, 襄阳/市 → 襄阳市).
  A place is a dictionary place, or a name jieba's own dictionary tags ``ns`` followed by 省/市/区/县;
- names are looked for in runs of Chinese words between delimiters (punctuation, role words such as
  牵头/负责, collective prefixes such as 各/有关, function words such as 的/由/等). A word that ends in
  an organ head (局, 委, 办, 委员会, 指挥部…) ends a name, which starts at the first of: a level word
  or place (市, 区委, 街道, 国家, 上海市…); a role core (发展和改革, 城管执法…) when no 和 comes
  before it; the run's first word when the head stands alone and the run is one short item between
  punctuation (试点/城市/政府, 资源/节约/和/环境保护/处). Places in front stay words of their own (a
  ``place + organ`` compound: 上海市/奉贤区/发展和改革委员会);
- an office or a branch stays with the organ before it (上海市人民政府办公厅, 上海市公安局虹口分局).

The merged name must read as an organ to :func:`policyparse.core.organs.is_organ` and hold none of
the words listed under ``names.not_inside`` in ``data/language/dictionary.json``, so instructions
(成立…领导小组, 建强微型消防站, 分级挂牌督办) stay as jieba cut them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from policyparse.analysis.language.dictionary import Kind, _data, entries, ns_words, tokenizer
from policyparse.analysis.language.dictionary import _agency_words as _agency_names
from policyparse.core.organs import is_head, is_organ

Span = tuple[int, int]

_HAN = regex.compile(r"\p{Han}+")
_LEVEL_CHARS = "省市区县"
# Words a name starts with that say its level, not its function.
_LEVEL_WORDS = frozenset(
    {"镇", "乡", "街道", "街镇", "乡镇", "国家", "中共", "中央", "地方", "省委", "市委", "区委", "县委"}
)
_LEVEL_PREFIXES = tuple(_LEVEL_WORDS)
# Offices of an organ, printed right after it (上海市人民政府办公厅); branches, named after the
# place they serve (上海市公安局虹口分局).
_SUB_HEADS = frozenset({"办公室", "办公厅"})
_BRANCH_HEADS = frozenset({"分局", "支队", "大队", "中队", "分中心", "分公司", "分院", "派出所"})
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
        modifiers=frozenset(_data("language/verbs.json")["modifiers"]),
        max_head=max(len(h) for h in raw["heads"]),
        head_end=regex.compile("(?:" + "|".join(map(regex.escape, raw["heads"])) + ")$"),
    )


def _known(w: str) -> bool:
    """Is ``w`` a word of the tokenizer's dictionary (jieba's or ours), not one its HMM made up?"""
    return bool(tokenizer().FREQ.get(w))


def is_place(w: str) -> bool:
    """A dictionary place, or a place jieba's dictionary knows followed by its level (朝阳区, 佛山市)."""
    if entries().get(w) == "place":
        return True
    return len(w) >= 3 and w[-1] in _LEVEL_CHARS and _is_place_stem(w[:-1], w[-1])


def _is_place_stem(p: str, level: str) -> bool:
    return entries().get(p + level) == "place" or (len(p) >= 2 and p in ns_words())


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
                if entries().get(x) == "org" and not _known(x[:2]) and is_organ_word(x[1:]):
                    out[-1] = (pa, a + 1)
                    out.append((a + 1, b))
                    continue
        out.append((a, b))
    return out


def merge_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """jieba's token ``spans`` of ``text`` with organ names made whole (see the module docstring).

    Offsets stay exact: tokens are only joined or cut, so they still tile ``text``.
    """
    out: list[Span] = []
    run: list[Span] = []
    left_strong = True
    for sp in _recut(text, list(spans)):
        w = text[sp[0] : sp[1]]
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
            got = _try(ws, prev[0], e)
        if got is None:
            whole = bare and left_strong and right_strong and e == len(ws) - 1
            for s in _starts(ws, i, e, whole):
                got = _try(ws, s, e)
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
    return is_place(w) or any(_is_place_stem(w, c) for c in _LEVEL_CHARS)


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
    return False if h not in _WEAK_HEADS else None


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
    marked = [s for s in range(i, e + 1) if _is_level(ws[s]) or is_place(ws[s])]
    cores: list[int] = []
    pos = 0
    joined = "".join(ws[i : e + 1])
    for s in range(i, e):
        if joined.startswith(_morph().cores, pos):
            cores.append(s)
        pos += len(ws[s])
    # 资源/节约/和/环境保护/处: a core after 和 is the second half of one name, not its start
    core_first = bool(cores) and not any(w in _CONNECTORS for w in ws[i : cores[0]])
    if ws[e] in _BRANCH_HEADS:  # a branch's name holds its place: 公安/朝阳/分局
        order = [*first, *marked, *cores]
    elif core_first:
        order = [*marked, *cores, *first]
    else:
        order = [*marked, *first, *cores]
    return list(dict.fromkeys([*order, e]))


def _item_like(ws: list[str]) -> bool:
    """Could these words, alone between punctuation, be one name (试点/城市/政府, 服务/办)? Short,
    not a count (一个/中心), not led by an adverb of the verb lexicon (积极/推进/政府)."""
    return (
        len(ws) <= 5
        and sum(map(len, ws)) <= 12
        and not ws[0].startswith(_DETERMINERS)
        and ws[0] not in _morph().modifiers
    )


def _try(ws: list[str], s: int, e: int) -> tuple[int, int] | None:
    """The organ part ``(p, e)`` of words ``s..e`` (leading places split off), or None."""
    p = s
    while p < e and is_place(ws[p]):
        p += 1
    if p == e:
        return (p, e) if is_organ_word(ws[e]) or is_head(ws[e]) else None
    name = "".join(ws[p : e + 1])
    if len(name) > 20 or any(w in _morph().not_inside for w in ws[p : e + 1]):
        return None
    if any(w[0] in _FUNCTION_CHARS and not _known(w) for w in ws[p : e + 1]):
        return None  # 企业/到科: jieba glued a preposition to what follows
    return (p, e) if is_organ(name) else None
