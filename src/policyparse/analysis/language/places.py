"""Place names over jieba's cut: which words name a place, with or without their level.

Our dictionary lists the places of the Yangtze Delta and the provinces; the others are read from
jieba's own dictionary and from their form:

- a name + its level (省/市/区/县, and 旗/盟/州 of Inner Mongolia and the autonomous prefectures) is
  a place when jieba tags the name a place (朝阳, 佛山), or tags the name with its level a place and
  the bare name a proper name (许昌市, 西青区: 许昌 and 西青 are persons' names to jieba);
- a city jieba lists with its level is a place whatever it tags the bare name (大同市, 天水市,
  遵义市: 大同 an adverb, 天水 a noun, 遵义 a verb), but for kinds of city (县级市, 省会市, 大城市);
- a proper name jieba lists as a place with another level keeps being a place when its level
  changes (腾冲县 → 腾冲市: a county made a city);
- without its level a name is a place (西青, 海口, 三亚; 天水, as 天水市 is tagged a place) unless it
  is an everyday word listed under ``names.not_places`` in ``data/language/dictionary.json`` (新建,
  城市). Where the form around it says a place stands there (before a branch: 金融监管总局/焦作/
  监管分局), a city or a renamed place counts without its level too (:func:`loose_place`), and
  before a branch or a township's organ making a whole item, so does a name jieba does not know or
  tags a proper name (:func:`local_name`: 南滩/派出所, 猴桥/镇人民政府).
"""

from __future__ import annotations

from functools import cache

import regex

from policyparse.analysis.language.dictionary import _data, entries, ns_words, proper_words, tokenizer
from policyparse.core.organs import is_head

HAN = regex.compile(r"\p{Han}+")
# 旗 and 盟 are Inner Mongolia's county and prefecture (旗林业和草原局, as 县林业局), 州 an
# autonomous prefecture's level (州财政局).
LEVEL_CHARS = "省市区县旗盟州"
# Words a name starts with that say its level, not its function.
LEVEL_WORDS = frozenset(
    {"镇", "乡", "街道", "街镇", "乡镇", "国家", "中共", "中央", "地方", "省委", "市委", "区委", "县委"}
    | {"自治区", "自治州", "自治县"}  # 自治区林业局, as 省林业局: the level of an autonomous region
    | {"苏木"}  # Inner Mongolia's township, as 乡 (苏木人民政府)
)
# An OOV word jieba's HMM glued from a preposition and a name's first character (由城运/中心).
FUNCTION_CHARS = "由向对在将把被从为至到报"
# A count or a determiner does not start a name (一个/中心, 第六届/人民政府).
DETERMINERS = tuple("一二三四五六七八九十两几每各本该此这那其第")
# Stems of level words (自治 of 自治区): 自治市 is a kind of city, not a name.
_LEVEL_STEMS = frozenset(w[:-1] for w in LEVEL_WORDS if len(w) > 2)


def known(w: str) -> bool:
    """Is ``w`` a word of the tokenizer's dictionary (jieba's or ours), not one its HMM made up?"""
    return bool(tokenizer().FREQ.get(w))


@cache
def not_places() -> frozenset[str]:
    """Everyday words jieba tags a place or a person (新建, 城市, 和平): never a place without its level."""
    return frozenset(_data("language/dictionary.json")["names"]["not_places"])


def is_place(w: str) -> bool:
    """A dictionary place, or a place jieba's dictionary knows with its level (朝阳区, 佛山市: 朝阳
    and 佛山 are places of jieba's; 许昌市, 西青区: jieba tags the name with its level a place, the
    bare name a person's; 大同市, 天水市: jieba lists the city with its level)."""
    if entries().get(w) == "place":
        return True
    return len(w) >= 3 and w[-1] in LEVEL_CHARS and is_place_stem(w[:-1], w[-1])


def is_place_stem(p: str, level: str) -> bool:
    """Is ``p`` + ``level`` a place (see the module docstring)?"""
    if entries().get(p + level) == "place":
        return True
    if len(p) == 4 and p + level in ns_words():
        # long names jieba lists with their level (伊金霍洛旗, 呼伦贝尔市, 和林格尔县), not kinds of area
        # (瑶族自治县: a level stem inside; 吐鲁番地区, 内蒙古军区: 地区/军区 are no levels of a name)
        return not any(st in p for st in _LEVEL_STEMS) and p[-1] not in "地军边"
    if not 2 <= len(p) <= 3:
        return False
    if p in ns_words():
        return True
    if p.startswith(DETERMINERS):
        return False
    # jieba tags 许昌市, 西青区 a place but 许昌, 西青 a person's name; its ns words with a level also
    # hold kinds of area (中心区, 各省市, 外省市, 文明城市), whose stem is an everyday word or a count
    if p + level in ns_words() and p in proper_words():
        return True
    return (level == "市" and is_city_stem(p)) or is_renamed_place(p)


def is_city_stem(p: str) -> bool:
    """A city jieba's dictionary lists with its level, whatever it tags the bare name (大同市, 天水市,
    遵义市: 大同 an adverb, 天水 a noun, 遵义 a verb). Its other words of two characters and 市 are
    kinds of city made of level words (县级市, 省辖市, 省会市, 自治市), a count (各省市) or end in a
    word of 市 (大城市, 大都市, 未上市: 城市, 都市, 上市)."""
    return (
        len(p) == 2
        and known(p + "市")
        and not set(p) & set(LEVEL_CHARS + "级辖")
        and not known(p[-1] + "市")
        and p not in _LEVEL_STEMS
    )


def is_renamed_place(p: str) -> bool:
    """A proper name jieba knows as a place with another level: 腾冲 (a person's name to jieba) is
    腾冲县 in its dictionary, tagged a name too, so 腾冲 + 市 is a place (a county made a city); not
    文明, whose 文明区 is tagged an everyday word."""
    return (
        p in proper_words()
        and p not in not_places()
        and any(p + c in ns_words() or p + c in proper_words() for c in LEVEL_CHARS)
    )


def is_place_name(w: str) -> bool:
    """A place with its level, or a place name without it whose form with a level is a place (虹口,
    西青, 海口: 虹口区, 西青区, 海口市; 天水: jieba tags 天水市 a place) — not a word jieba merely
    tags ns (城市)."""
    if is_place(w):
        return True
    if w in not_places():
        return False
    if w + "市" in ns_words() and is_city_stem(w):
        return True
    if w not in ns_words() and w not in proper_words():
        return False  # 县级 of 县级市 is a kind of place, not a name
    return any(is_place_stem(w, c) and (entries().get(w + c) == "place" or w + c in ns_words()) for c in LEVEL_CHARS)


def loose_place(w: str) -> bool:
    """A place name where the form around it says a place stands there (before a branch of the organ
    before it: 金融监管总局/焦作/监管分局; first in an item that ends in a weak head: 腾冲/出入境/
    边防/检查站): a place name, or a city or a renamed place without its level (焦作, 腾冲)."""
    return is_place_name(w) or (w not in not_places() and (is_city_stem(w) or is_renamed_place(w)))


def local_name(w: str) -> bool:
    """A name of two characters that is no everyday word: one jieba does not know, or one it tags a
    place or a proper name (柳湾, 石羊), not those of ``names.not_places`` (新建, 城中)."""
    if unknown_name(w):
        return True
    return len(w) == 2 and (w in ns_words() or w in proper_words()) and w not in not_places()


def unknown_name(w: str) -> bool:
    """Two characters jieba's HMM put together that its dictionary does not know: right before a
    branch or a township's organ that make a whole item, they are the name of a place it does not
    list (南滩 + 派出所, 猴桥 + 镇人民政府). Not a function character, a connector or a count glued to
    a neighbour (人向, 内及, 各镇), nor the piece of a head (数局 of 市政/数局)."""
    return (
        len(w) == 2
        and HAN.fullmatch(w) is not None
        and not known(w)
        and not set(w) & set(FUNCTION_CHARS + LEVEL_CHARS + "和及与或")
        and not w.startswith(DETERMINERS)
        and not is_head(w[0])
        and not is_head(w[-1])
    )
