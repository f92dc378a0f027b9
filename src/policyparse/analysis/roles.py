"""Canonical name and functional role of every unit, also where the lexicon has none.

The lexicon (``core/agencies.py``) knows national and provincial bodies. District organs
(区科委, 区绿化市容局, 区消防救援支队…) and street-level ones are not in it, so a unit the lexicon
leaves without a role gets one from the core of its name (科技/科学技术 → 科技, 绿化市容 → 绿化市容,
消防救援 → 消防…) and a canonical name with the document's district in front (区科委 in a 青浦区
document → 青浦区科委). Meant to be replaced by organ canonicalisation in core (issue #9).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.models import PolicyDocument, Unit

# Name core → role. Roles shared with the lexicon use its words (科技, 发展改革…) so a 区科委 and a
# 省科技厅 land in one row; the others are the functions district documents name. Order matters:
# the first pattern found in the name wins (消防安全委员会 is 消防, not 安全).
_CORE_ROLES: tuple[tuple[str, str], ...] = (
    (r"消防|消委办|消安委", "消防"),
    (r"科学技术|科技|科委", "科技"),
    (r"绿化(和|与)?市容|绿容", "绿化市容"),
    (r"发展(和)?改革|发改", "发展改革"),
    (r"经济(和)?信息化|经信|工业(和)?信息化|工信", "经济信息化"),
    (r"住房(和)?城乡建设|建设(和)?管理|建管|住建|建设交通", "住房城乡建设"),
    (r"房屋管理|房管|住房保障", "房屋管理"),
    (r"规划(和)?(自然)?资源|规划资源|规土|自然资源", "自然资源"),
    (r"城管执法|城市管理(行政)?执法|城管", "城管执法"),
    (r"应急(管理)?", "应急管理"),
    (r"民防|人防", "人防"),
    (r"公安|派出所|交警|治安", "公安"),
    (r"财政", "财政"),
    (r"教育|教委", "教育"),
    (r"生态环境|环保|环境保护", "生态环境"),
    (r"交通", "交通"),
    (r"水务|水利", "水利"),
    (r"市场监(督)?管(理)?|市场监管", "市场监管"),
    (r"商务", "商务"),
    (r"民政", "民政"),
    (r"卫生健康|卫健|卫生", "卫生健康"),
    (r"人力资源|人社", "人力社保"),
    (r"文化(和)?旅游|文旅|文化", "文化旅游"),
    (r"数据", "数据"),
    (r"城运|城市运行", "城市运行"),
    (r"司法", "司法"),
    (r"统计", "统计"),
    (r"审计", "审计"),
    (r"税务", "税务"),
    (r"农业农村|农委|农业", "农业农村"),
    (r"国资", "国资"),
    (r"宣传", "宣传"),
    (r"组织部", "组织"),
    (r"府办|政府办公室|政府办", "政务"),
    (r"网信", "网信"),
    (r"总工会|团区委|团委|妇联|残联", "群团"),
    (r"^(各|属地|相关|有关)?(街镇|街道|乡镇|镇)(（园区）|\(园区\))?(人民政府|政府|办事处)?$", "街镇"),
    (r"^(各|相关|有关)?(行业)?(部门|单位|部门和单位|行业部门|职能部门)$", "有关部门"),
    (r"(区|县)(人民)?政府$|^(区|县)政府办(公室)?$", "地方政府"),
    (r"居委会|居民委员会|村委会|村民委员会", "基层自治"),
)
_CORES = [(regex.compile(p), r) for p, r in _CORE_ROLES]

# issuers and titles begin with their place: 上海市青浦区人民政府办公室, 松江区绿化和市容管理局
_PLACE = regex.compile(r"^(?:中共)?(?P<city>\p{Han}{2,3}市)?(?P<district>\p{Han}{1,3}?(?:新区|区|县))")
_CITY = regex.compile(r"^(?:中共)?(\p{Han}{2,3}市)(?!场|民|政府)")
_LEVEL_PREFIX = {"区": "county", "县": "county", "市": "city", "省": "province"}


@dataclass(frozen=True)
class Identity:
    """Who a unit is: canonical name, role, level and where that answer came from."""

    canonical: str
    role: str | None
    level: str | None
    source: str  # lexicon | morphology | printed


def role_by_morphology(name: str) -> str | None:
    """The functional role read off an organ's name (区科委 → 科技), None when nothing fits."""
    for rx, role in _CORES:
        if rx.search(name):
            return role
    return None


def district_of(doc: PolicyDocument) -> str | None:
    """The district (青浦区…) a district-level document is issued in, from its issuers or title."""
    for text in [*doc.meta.issuers, *doc.meta.signatories, doc.meta.title or ""]:
        m = _PLACE.match(text)
        if m is not None:
            d = m["district"]
            return d if len(d) >= 2 and d not in ("本区", "各区", "全区", "城区") else None
    return None


def city_of(doc: PolicyDocument) -> str | None:
    """The city (上海市…) a document is issued in, from its issuers or title."""
    for text in [*doc.meta.issuers, *doc.meta.signatories, doc.meta.title or ""]:
        m = _CITY.match(text)
        if m is not None:
            return str(m[1])
    return None


def places_of(doc: PolicyDocument) -> tuple[str | None, str | None]:
    """(city, district) of the document, for qualifying the organs it names."""
    return city_of(doc), district_of(doc)


def identify(unit: Unit, places: tuple[str | None, str | None] = (None, None)) -> Identity:
    """Canonical name and role of ``unit``: the lexicon's answer when it has one, else from the name."""
    if unit.canonical is not None and unit.role is not None:
        return Identity(unit.canonical, unit.role, unit.level, "lexicon")
    name = unit.name
    role = unit.role or role_by_morphology(name)
    level = unit.level or _LEVEL_PREFIX.get(name[:1])
    canonical = unit.canonical or _qualified(name, *places)
    return Identity(canonical, role, level, "morphology" if role else "printed")


def _qualified(name: str, city: str | None, district: str | None) -> str:
    """区X → 青浦区X, 各街镇 → 青浦区各街镇, 市X → 上海市X: organs of different places must not share a row."""
    if name.startswith("市") and city is not None:
        return city + name[1:]
    if district is None or name.startswith(district):
        return name
    if name.startswith("区") or name.startswith("县"):
        return district + name[1:]
    if role_by_morphology(name) in ("街镇", "有关部门"):
        return district + name
    return name
