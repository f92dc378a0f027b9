"""Indicator names: the printed name trimmed of verbs and qualifiers, and its shared (normalised) name."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

_LEAD_VERBS = ("建成", "建设", "培育", "打造", "新增", "引进", "形成", "创建", "争创", "实现", "累计", "使", "推动", "其中")


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


def strip_indicator(ind: str) -> str:
    """The indicator of "其中灌排机械动力" → "灌排机械动力": no leading verb, no trailing 均/分别/较2020年."""
    ind = regex.sub(r"(?:均|总体|分别|较(?:19|20)\d{2}年|比(?:19|20)\d{2}年)+$", "", ind.strip(" ，、"))
    changed = True
    while changed:
        changed = False
        for v in _LEAD_VERBS:
            if ind.startswith(v) and len(ind) > len(v) + 1:
                ind = ind[len(v) :]
                changed = True
    return ind.strip(" ，、")
