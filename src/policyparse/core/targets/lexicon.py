"""The word tables of target extraction (data/measure_words.json, data/target_lexicon.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from policyparse.models import Comparator


def _load(name: str) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(resources.files("policyparse").joinpath(f"data/{name}").read_text("utf-8"))
    return raw


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Lexicon:
    unit_group: dict[str, str]  # unit → count | length | area | … (first group listing it)
    not_units: frozenset[str]
    not_unit_words: tuple[str, ...]
    comparators: dict[str, Comparator]
    upper_bound_rules: tuple[str, ...]
    criteria_comparators: tuple[str, ...]
    rule_modals: tuple[str, ...]
    verbs: tuple[str, ...]
    hedges_clause: tuple[str, ...]
    hedges_sentence: tuple[str, ...]
    present: tuple[str, ...]
    plan_items: tuple[str, ...]
    background_titles: tuple[str, ...]
    goal_titles: tuple[str, ...]
    spec_titles: tuple[str, ...]
    baseline_headers: tuple[str, ...]
    total_labels: tuple[str, ...]
    index_headers: tuple[str, ...]
    pilot_words: tuple[str, ...]
    scope_after: tuple[str, ...]
    comparator_re: regex.Pattern[str]
    verb_re: regex.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The tables, with their regexes compiled."""
    mw = _load("measure_words.json")
    tl = _load("target_lexicon.json")
    groups: dict[str, str] = {}
    for group in ("ratio", "count", "length", "area", "volume", "mass", "energy", "currency", "time", "other", "spec"):
        for u in mw[group]:
            groups.setdefault(u, group)
    cmps: dict[str, Comparator] = {}
    for kind, words in tl["comparators"].items():
        for w in words:
            cmps.setdefault(w, kind)
    return Lexicon(
        unit_group=groups,
        not_units=frozenset(mw["not_units"]),
        not_unit_words=tuple(mw["not_unit_words"]),
        comparators=cmps,
        upper_bound_rules=tuple(tl["upper_bound_rules"]),
        criteria_comparators=tuple(tl["criteria_comparators"]),
        rule_modals=tuple(tl["rule_modals"]),
        verbs=tuple(tl["commitment_verbs"]),
        hedges_clause=tuple(tl["hedges_clause"]),
        hedges_sentence=tuple(tl["hedges_sentence"]),
        present=tuple(tl["present_markers"]),
        plan_items=tuple(tl["plan_item_nouns"]),
        background_titles=tuple(tl["background_titles"]),
        goal_titles=tuple(tl["goal_titles"]),
        spec_titles=tuple(tl["spec_titles"]),
        baseline_headers=tuple(tl["baseline_headers"]),
        total_labels=tuple(tl["total_labels"]),
        index_headers=tuple(tl["index_headers"]),
        pilot_words=tuple(tl["pilot_words"]),
        scope_after=tuple(tl["scope_after"]),
        comparator_re=regex.compile(alternation(list(cmps))),
        verb_re=regex.compile(alternation(tl["commitment_verbs"])),
    )
