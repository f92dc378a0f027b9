"""Stage 4d (fields): quantitative targets and dated milestones ("到2025年，…达到3.3%").

A year set by "到2025年" governs the clauses that follow it in its paragraph; a clause yields a
target when it has a number with a unit after a comparison verb (…达到17件, 超过70家, 力争达3.3%)
or a verb with a counted object (争创2至3个国家实验室). Numbers glued to Latin letters (5G, IPv6,
G60), years, ordinals and dates are never values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from policyparse.core.brackets import split_outside
from policyparse.core.numerals import CN_NUMERAL_CHARS, cn_to_int, to_halfwidth_digits
from policyparse.models import Comparator, Target

_NUM = rf"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[{CN_NUMERAL_CHARS}]{{1,6}})"
_UNIT = (
    r"(?:个百分点|百分点|%|％|‰|倍|万亿元|亿元|万元|元|万亿|亿|万人次|万人|人次|人|万家|家|万个|个|万项|项|万件|件|所|座|条|"
    r"万千瓦|亿千瓦|千瓦|万吨|吨|万公里|公里|平方公里|万平方米|平方米|万亩|亩|年|岁|小时|分钟|天|[:：∶]1)"
    r"(?:/[万百千]?\p{Han}{1,4})?"
)
_FIRM = r"(?:力争|争取|确保|努力|争创)"
_CMP = (
    r"(?:达到|达|超过|超|不低于|不少于|高于|低于|少于|控制在|保持在|稳定在|稳定|提高到|提升到|提高至|提升至|增长到|增加到|"
    r"突破|降至|降低到|降低至|下降到|缩小到|缩小至|达到或超过|增长|提高|提升|下降|降低|减少)"
)
_RANGE_SEP = r"(?:至|到|—|－|-|~|～|–)"
_VALUE = rf"(?P<v1>{_NUM})(?:\s*{_RANGE_SEP}\s*(?P<v2>{_NUM}))?\s*(?P<unit>{_UNIT})(?P<post>以上|以内|以下|左右)?"
# indicator first: "科技进步贡献率超过70%", "全社会R&D经费支出占GDP比重力争达3.3%"
_IND_FIRST = regex.compile(rf"(?P<ind>.+?)(?P<firm>{_FIRM})?(?P<cmp>{_CMP})(?P<val>{_VALUE})$")
# verb and count first: "争创2至3个国家实验室", "推出100项具有较大影响力的…赛事"
_COUNT_FIRST = regex.compile(
    rf"(?P<firm>{_FIRM})?(?P<verb>争创|建成|新增|培育|建设|打造|创建|引进|推出|形成|布局|认定|支持|建立)?(?P<cmp>超过|不少于|)"
    rf"(?P<val>{_VALUE})(?P<ind>\p{{Han}}.*)$"
)
# verb, object, then the count: "培育科技型中小企业1.5万家"
_VERB_FIRST = regex.compile(
    rf"(?P<firm>{_FIRM})?(?P<verb>培育|新增|建成|建设|引进|打造|创建|认定|推出|累计培育|累计建成)(?P<ind>\p{{Han}}.*?)"
    rf"(?P<cmp>)(?P<val>{_VALUE})$"
)
_SPECIAL = regex.compile(rf"(?P<ind>.+?)(?P<firm>{_FIRM})?(?P<cmp>翻一番|翻两番)$")
_Y = r"(?:19|20|１９|２０)[0-9０-９]{2}"
_YEAR = regex.compile(rf"(?:到|至|在)\s*(?P<y>{_Y})\s*年(?:底|末)?(?:前)?|(?P<y2>{_Y})\s*年(?:底|末)?前")
_UNNUMBERED = "tg0"  # the pipeline numbers targets in document order: tg1, tg2…
_LATIN_GLUE = regex.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]")
_LEAD_VERBS = ("建成", "建设", "培育", "打造", "新增", "引进", "形成", "创建", "争创", "实现", "累计", "使", "推动", "其中")
_BAD_IND = regex.compile(r"第$|^[\d.]+$")


@dataclass(frozen=True)
class _Synonyms:
    prefixes: tuple[str, ...]
    rewrites: tuple[tuple[regex.Pattern[str], str], ...]
    table: dict[str, str]


@cache
def _synonyms() -> _Synonyms:
    raw: dict[str, Any] = json.loads(resources.files("policyparse").joinpath("data/indicators.json").read_text("utf-8"))
    rewrites = tuple((regex.compile(a), b) for a, b in raw["rewrites"])
    table: dict[str, str] = {}
    for key, forms in raw["synonyms"].items():
        for form in forms:
            table[form] = key
            table[_rewrite(form, rewrites)] = key
    return _Synonyms(tuple(raw["strip_prefixes"]), rewrites, table)


def _rewrite(name: str, rewrites: tuple[tuple[regex.Pattern[str], str], ...]) -> str:
    for rx, rep in rewrites:
        name = str(rx.sub(rep, name))
    return name


def normalize_indicator(name: str) -> str:
    """The shared name of an indicator (R&D经费支出占GDP比重 → 研发投入强度), or the name as given."""
    syn = _synonyms()
    n = name.strip()
    for p in syn.prefixes:
        if n.startswith(p) and len(n) > len(p) + 1:
            n = n[len(p) :]
            break
    return syn.table.get(n) or syn.table.get(name) or syn.table.get(_rewrite(n, syn.rewrites), n)


def parse_number(s: str) -> float | None:
    """"3.3", "１５０００", "三", "二十" → float; None when not a number."""
    s = to_halfwidth_digits(s).replace("．", ".")
    try:
        return float(s)
    except ValueError:
        n = cn_to_int(s)
        return float(n) if n is not None else None


def scale_unit(value: float, unit: str) -> tuple[float, str]:
    """Fold 万/亿 into the value: (1.5, "万家") → (15000, "家"); (500, "亿元") → (5e10, "元")."""
    for prefix, factor in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix) :]
        if unit == prefix:
            return value * factor, ""
    if unit == "％":
        return value, "%"
    if unit in ("百分点",):
        return value, "个百分点"
    if unit in ("：1", "∶1"):
        return value, ":1"
    return value, unit


_CMP_MAP: dict[str, Comparator] = {
    "超过": "gt", "超": "gt", "高于": "gt", "突破": "gt", "低于": "lt", "少于": "lt",
    "不低于": "ge", "不少于": "ge", "达到或超过": "ge", "达到": "ge", "达": "ge",
    "控制在": "le", "降至": "le", "降低到": "le", "降低至": "le", "下降到": "le", "缩小到": "le", "缩小至": "le",
    "增长": "increase", "提高": "increase", "提升": "increase", "下降": "decrease", "降低": "decrease", "减少": "decrease",
}  # fmt: skip


def _comparator(cmp: str, post: str | None, ranged: bool) -> Comparator:
    if ranged:
        return "range"
    if post in ("以上",):
        return "ge"
    if post in ("以内", "以下"):
        return "le"
    if post == "左右":
        return "approx"
    return _CMP_MAP.get(cmp, "eq")


def _strip_indicator(ind: str) -> str:
    ind = regex.sub(r"(?:均|总体|分别|较(?:19|20)\d{2}年|比(?:19|20)\d{2}年)+$", "", ind.strip(" ，、"))
    changed = True
    while changed:
        changed = False
        for v in _LEAD_VERBS:
            if ind.startswith(v) and len(ind) > len(v) + 1:
                ind = ind[len(v) :]
                changed = True
    return ind.strip(" ，、")


def targets_in_paragraph(
    text: str, a: int, b: int, *, section_id: str | None, in_goal_section: bool
) -> list[Target]:
    """Targets in the paragraph ``text[a:b]``."""
    out: list[Target] = []
    year: int | None = None
    for x, y in split_outside(text, a, b, "，,；;。：:"):
        clause = text[x:y]
        ym = _YEAR.search(clause)
        if ym is not None:
            year = int(to_halfwidth_digits(ym["y"] or ym["y2"]))
            rest = clause[ym.end() :]
            if not rest.strip():
                continue
            x += ym.end()
            clause = rest
        if year is None and not in_goal_section:
            continue
        many = _respectively(clause, x, year, section_id)
        if many:
            out.extend(many)
            continue
        t = _target(clause, x, year, section_id)
        if t is not None:
            out.append(t)
    # a dated milestone without numbers: "到2035年，建成高水平创新型省份…"
    if not out:
        m = regex.match(rf"\s*到\s*({_Y})\s*年\s*[，,]\s*", text[a:b])
        if m is not None:
            end = next((j for j in range(a + m.end(), b) if text[j] in "，。；"), b)
            if end > a + m.end():
                out.append(
                    Target(
                        id=_UNNUMBERED, kind="qualitative", indicator=text[a + m.end() : end], value=None,
                        unit=None, comparator="none", year=int(to_halfwidth_digits(m.group(1))), firmness="firm",
                        text=text[a + m.end() : end], span=(a + m.end(), end), section_id=section_id,
                    )
                )  # fmt: skip
    return out


_RESPECTIVELY = regex.compile(
    rf"(?P<ind>.+?)分别(?P<firm>{_FIRM})?(?P<cmp>{_CMP})(?P<vals>{_NUM}\s*{_UNIT}(?:[和、及与]{_NUM}\s*{_UNIT})+)$"
)
_ONE_VALUE = regex.compile(rf"(?P<v>{_NUM})\s*(?P<unit>{_UNIT})")


def _respectively(clause: str, x: int, year: int | None, section_id: str | None) -> list[Target]:
    """"花生种植、收获机械化率分别达到65%和55%": one target per value, in printed order."""
    s = clause.strip()
    x += len(clause) - len(clause.lstrip())
    m = _RESPECTIVELY.match(s)
    if m is None:
        return []
    ind = _strip_indicator(m["ind"])
    out: list[Target] = []
    for k, vm in enumerate(_ONE_VALUE.finditer(m["vals"])):
        v = parse_number(vm["v"])
        if v is None:
            return []
        value, unit = scale_unit(v, vm["unit"])
        out.append(
            Target(
                id=_UNNUMBERED, kind="quantitative", indicator=f"{ind}（{k + 1}）",
                indicator_normalized=normalize_indicator(ind), value=value, unit=unit,
                comparator=_comparator(m["cmp"], None, False), year=year,
                firmness="aspirational" if m["firm"] in ("力争", "争取", "努力") else "firm",
                text=s, span=(x, x + len(s)), section_id=section_id,
            )
        )  # fmt: skip
    return out


def _target(clause: str, x: int, year: int | None, section_id: str | None) -> Target | None:
    lead = len(clause) - len(clause.lstrip())
    s = clause.strip()
    x += lead
    if not s or (_LATIN_GLUE.search(s) and not regex.search(rf"{_VALUE}$", s)):
        return None
    m = _IND_FIRST.match(s)
    kind = "ind_first"
    if m is None:
        m = _COUNT_FIRST.match(s)
        kind = "count_first"
    if m is None:
        m = _VERB_FIRST.match(s)
        kind = "verb_first"
    if m is None:
        sp = _SPECIAL.match(s)
        if sp is None:
            return None
        ind = _strip_indicator(sp["ind"])
        return Target(
            id=_UNNUMBERED, kind="quantitative", indicator=ind, indicator_normalized=normalize_indicator(ind),
            value=2.0 if sp["cmp"] == "翻一番" else 4.0, unit="倍", comparator="increase", year=year,
            firmness="aspirational" if sp["firm"] in ("力争", "争取", "努力", "争创") else "firm",
            text=s, span=(x, x + len(s)), section_id=section_id,
        )  # fmt: skip
    v1s, v2s, unit = m["v1"], m["v2"], m["unit"]
    # never a value: a number glued to Latin letters, an ordinal, a year
    vstart = m.start("val")
    if vstart > 0 and regex.match(r"[A-Za-z第]", s[vstart - 1]):
        return None
    if unit == "年" and regex.fullmatch(r"[0-9０-９]{4}", v1s):
        return None
    v1 = parse_number(v1s)
    if v1 is None:
        return None
    value, unit_n = scale_unit(v1, unit)
    vmax = None
    if v2s:
        v2 = parse_number(v2s)
        if v2 is None:
            return None
        vmax = scale_unit(v2, unit)[0]
    ind = _strip_indicator(m["ind"])
    if not ind or _BAD_IND.search(ind) or len(ind) > 40:
        return None
    if kind == "count_first" and not (m["verb"] or m["firm"]):
        return None
    if kind == "count_first" and not regex.match(r"[0-9０-９]", v1s) and unit not in ("个", "家", "项", "所", "座", "条"):
        return None
    firm_word = m["firm"] or ""
    if kind == "count_first" and (m["verb"] == "争创"):
        firm_word = firm_word or "争创"
    return Target(
        id=_UNNUMBERED, kind="quantitative", indicator=ind, indicator_normalized=normalize_indicator(ind),
        value=value, value_max=vmax, unit=unit_n, comparator=_comparator(m["cmp"] or "", m["post"], vmax is not None),
        year=year, firmness="aspirational" if firm_word in ("力争", "争取", "努力", "争创") else "firm",
        text=s, span=(x, x + len(s)), section_id=section_id,
    )  # fmt: skip
