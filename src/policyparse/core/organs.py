"""Organ-name morphology: recognise, split, place and classify organ names the lexicon does not know.

A government organ name is [place] + functional core + head (上海市 + 绿化市容 + 局, 区 + 民防 + 办,
街道 + 消委 + 办). The head says it is an organ; the core says what it does (its role); a short
place prefix (区, 市, 镇) is expanded from the document's own place. Data: ``data/organs.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Morph:
    raw: dict[str, Any]
    head_re: regex.Pattern[str]
    generic_re: regex.Pattern[str]
    not_head_re: regex.Pattern[str]
    opener_re: regex.Pattern[str]
    area: frozenset[str]
    cores: list[tuple[str, str]]  # (core, role), longest first


@cache
def _morph() -> _Morph:
    raw = json.loads(resources.files("policyparse").joinpath("data/organs.json").read_text("utf-8"))
    cores = sorted(((c, role) for role, cs in raw["role_cores"].items() for c in cs), key=lambda x: -len(x[0]))
    return _Morph(
        raw=raw,
        head_re=regex.compile(rf"(?:{_alt(raw['heads'])})(?:[（(][^（）()]{{1,20}}[）)])?$"),
        generic_re=regex.compile(rf"(?:{_alt(raw['generic_heads'])})$"),
        not_head_re=regex.compile(rf"(?:{_alt(raw['not_heads'])})$"),
        opener_re=regex.compile(rf"(?:{_alt(raw['name_openers'])})"),
        area=frozenset(raw["area_nouns"]),
        cores=cores,
    )


_ROLE_WORDS = regex.compile(r"牵头|负责|配合|协助|参与|[：:，,。；;]")


def AREA_NOUNS() -> frozenset[str]:
    return _morph().area


def starts_with_area(s: str) -> str | None:
    """The area noun ``s`` starts with (县（市、区）人民政府 → 县（市、区）), longest first; brackets of any shape."""
    t = s.translate(_SQUARE)
    return next((n for n in sorted(_morph().area, key=len, reverse=True) if t.startswith(n)), None)


def is_head(s: str) -> bool:
    """Is ``s`` exactly an organ head (人民政府, 局, 委员会…)?"""
    return bool(s) and _morph().head_re.fullmatch(s) is not None


_SQUARE = str.maketrans("〔〕[]()", "（）（）（）")


def is_area_noun(s: str) -> bool:
    """A bare place word that 各 distributes over: 区, 县（市）, 县〔市、区〕, 街道, 开发区."""
    return s.strip().translate(_SQUARE) in _morph().area


_PLACE_ONLY = regex.compile(r"[\p{Han}]{1,5}?(?:省|市|区|县|自治区|自治州|州|盟|旗)")


def is_branch_tail(s: str) -> bool:
    """"天水市分行", "分局": a branch head with at most a place before it needs its parent's name."""
    t = s.strip()
    for h in _morph().raw["subordinate_heads"]:
        if t.endswith(h):
            body = t[: -len(h)]
            return not body or _PLACE_ONLY.fullmatch(body) is not None
    return False


def is_kind_noun(s: str) -> bool:
    """A kind of unit rather than a named one, which a 各 before the list distributes over: a bare
    head (委, 办, 局), a kind prefix with a head (子公司, 直属单位), an area noun with a head (街道办事处)."""
    t = s.strip()
    if not t or t.startswith("各"):
        return False
    if is_head(t) or is_area_noun(t):
        return True
    m = _morph()
    for p in m.raw["kind_prefixes"]:
        rest = t[len(p) :]
        if t.startswith(p) and rest and (is_head(rest) or m.generic_re.fullmatch(rest) is not None):
            return True
    n = starts_with_area(t)
    return n is not None and is_head(t[len(n) :])


def is_organ(name: str) -> bool:
    """Does ``name`` read as a government organ by its head (…局/委/办/中心/政府/街道/公司…)?

    Generic parties (建设单位, 物业服务企业, 有关部门) are not organs by morphology.
    """
    n = name.strip()
    if not (2 <= len(n) <= 40) or _ROLE_WORDS.search(n) or not regex.match(r"[\p{Han}“（(]", n):
        return False
    m = _morph()
    if m.opener_re.match(n) or m.not_head_re.search(n):
        return False  # "成立…领导小组", "优化…布局" are instructions, not names
    if m.head_re.search(n) is None:
        # a kind of department named by its function is one (城管执法部门); 有关部门, 运输单位 are not
        return n.endswith(("部门", "机构")) and role_of(n) is not None
    body = m.head_re.sub("", n)
    return bool(body) or n in ("街道", "镇", "乡")


def is_unit_like(name: str) -> bool:
    """Could ``name`` stand in a unit list before a role phrase? An organ, a generic party (有关部门,
    各相关单位, 建设单位), a distributed area (各区、县（市）) — not an object such as 含居住证."""
    n = name.strip()
    if is_organ(n):
        return True
    if _morph().generic_re.search(regex.sub(r"[（(][^（）()]*[）)]$", "", n)) is not None:
        return True
    return n.startswith("各") and (is_area_noun(n[1:]) or "、" in n)


_PLACE_START = regex.compile(r"(?:中共|国家|国务院|全国|[\p{Han}]{1,3}?(?:省|市|自治区)|[\p{Han}]{1,3}?[区县](?![\p{Han}]{0,1}[委办局]$))")


def split_joined_organs(s: str, known_start: Callable[[str], bool] | None = None) -> list[str]:
    """"上海市住房和城乡建设管理委员会上海市规划和自然资源局" (a space lost between two names) → the two
    organs, split where one organ's head meets the start of the next: a place (上海市, 国家…) or a
    name ``known_start`` knows (税务总局…). [] when ``s`` is not one or more organs."""
    s = s.strip()
    best: tuple[int, int] | None = None  # (length of the left name's head, split point)
    for i in range(3, len(s) - 2):
        left, right = s[:i], s[i:]
        if not is_organ(left) or not (_PLACE_START.match(right) or (known_start and known_start(right))):
            continue
        if not split_joined_organs(right, known_start):
            continue
        h = _morph().head_re.search(left)
        key = (len(h.group()) if h else 0, -i)  # the longest head (委员会 over 委), then the first name
        if best is None or key > best:
            best = key
    if best is not None:
        i = -best[1]
        return [s[:i], *split_joined_organs(s[i:], known_start)]
    return [s] if is_organ(s) else []


def is_complete_addressee(item: str) -> bool:
    """Can a 、-item of a 主送 line stand alone? It has its own quantifier (各居委会, 有关单位, 机关各部门)
    or names a specific organ (彭浦镇政府, 头桥集团); a bare organ type (街道办事处, 镇人民政府) leans on
    the 各 before the list, a single character (办, 局 of 各委、办、局) on the word before it."""
    n = regex.sub(r"[（(][^（）()]*[）)]$", "", item.strip())
    if len(n) < 2:
        return False
    if n.startswith(("各", "有关", "相关", "全", "本")) or "各" in n[1:]:
        return len(n) >= 3
    if not is_unit_like(n):
        return False
    h = _morph().head_re.search(n) or _morph().generic_re.search(n)
    body = n[: h.start()] if h else n
    cores = {c for cs in _morph().raw["role_cores"].values() for c in cs}
    # a bare organ type (科技局, 财政局 after "各市工业和信息化局、") leans on the place before it
    return bool(body) and not is_area_noun(body) and body not in ("区", "市", "县", "镇", "乡") and body not in cores


def organ_list(s: str) -> list[str] | None:
    """"区民防办、应急管理局" → the organs, when every 、-item is one (brackets respected); else None."""
    from policyparse.core.brackets import split_outside

    items = [s[a:b].strip() for a, b in split_outside(s, 0, len(s), "、，,")]
    if not items or not all(items):
        return None
    return items if all(is_organ(i) for i in items) else None


def role_of(name: str) -> str | None:
    """The functional role of an organ from its core (区绿化市容局 → 绿化市容; 派出所 → 公安)."""
    n = name.strip()
    best: tuple[int, int, str] | None = None
    for core, role in _morph().cores:
        k = n.rfind(core)
        if k >= 0:
            # the core nearest the head says what the organ does; a leading place or 街道 does not
            key = (k + len(core), len(core), role)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def morphology_roles() -> list[str]:
    """The roles organ-name morphology can give (data/organs.json role_cores)."""
    return list(_morph().raw["role_cores"])


@dataclass(frozen=True)
class Place:
    """Where a document's organs sit: 上海市 / 奉贤区 / 古美路街道 (any may be missing)."""

    city: str | None = None
    district: str | None = None
    town: str | None = None


_CITY = regex.compile(r"(?P<c>[\p{Han}]{2,3}?市)")
_DISTRICT = regex.compile(r"(?:(?P<c>[\p{Han}]{2,3}?市))?(?P<d>[\p{Han}]{1,4}?(?:新区|区|县|旗))(?=[\p{Han}])")
_TOWN = regex.compile(r"(?P<t>[\p{Han}]{2,6}?(?:街道|镇|乡))(?=[\p{Han}]|$)")


def place_of(names: list[str]) -> Place:
    """The place of a document from its issuers and title ("上海市奉贤区人民政府办公室…" → 上海市, 奉贤区)."""
    city = district = town = None
    for n in names:
        n = n.strip()
        after = 0
        if (m := _DISTRICT.match(n)) is not None and m["d"] not in ("区", "县", "旗"):
            district = district or m["d"]
            city = city or m["c"]
            after = m.end()
        if city is None and (m2 := _CITY.match(n)) is not None:
            city = m2["c"]
        m3 = _TOWN.match(n, after)
        if town is None and m3 is not None and not m3["t"].startswith(("各", "本", "关于")):
            town = m3["t"]
    return Place(city, district, town)


def expand_place(name: str, place: Place) -> str | None:
    """The organ's full name with its short place prefix expanded (区民防办 → 上海市奉贤区民防办), or
    None when the name carries no short prefix the document's place can fill."""
    if place.district and name.startswith("区") and not name.startswith(("区域", "区级")):
        return f"{place.city or ''}{place.district}{name[1:]}"
    if place.district and name[:1] in ("县", "旗") and place.district.endswith(name[0]):
        return f"{place.city or ''}{place.district}{name[1:]}"
    if place.city and name.startswith("市") and (
        not name.startswith(("市场", "市容", "市政", "市民")) or role_of(name[1:]) is not None
    ):
        # 市民政局 is 市 + 民政局 and 市政府办公室 市 + 政府办公室 (their rest names a role); 市场监管局 is no 市 + …
        return f"{place.city}{name[1:]}"
    if place.town and name.startswith(("街道", "镇")) and len(name) > 2:
        short = "街道" if name.startswith("街道") else "镇"
        return f"{place.city or ''}{place.district or ''}{place.town}{name[len(short):]}"
    return None
