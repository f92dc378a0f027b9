"""The clause grammar's data (``data/clause_grammar.json``) compiled into matchers.

Labels and role phrases are compositions of morphemes, so wordings nobody listed are read:
a label is ``[qualifier] role-morpheme+ unit-noun ：`` (主要责任单位, 配合处室, 实施主体, 协作单位),
a role phrase after units is a run of phrase morphemes (组织落实, 配合做好, 按职责分工负责).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Label:
    """A clause label found in text: where it ends (after its colon), its role, and whether every
    morpheme of it is known (an unknown one still gives units, role responsible, and a warning)."""

    start: int
    end: int
    text: str
    role: str
    known: bool


@dataclass(frozen=True)
class Grammar:
    raw: dict[str, Any]
    lead_rules: list[regex.Pattern[str]]
    carry_over: str
    strip_suffixes: list[str]
    strip_prefixes: list[str]
    split_before_collective: regex.Pattern[str]
    separators: str
    deadline_patterns: list[regex.Pattern[str]]
    table_index_columns: list[str]
    infix: dict[str, tuple[str, str]]
    no_unit: frozenset[str]
    note_patterns: list[regex.Pattern[str]]
    covering: regex.Pattern[str]
    _morph_role: dict[str, str] = field(default_factory=dict)
    _phrase_role: dict[str, str] = field(default_factory=dict)
    label_re: regex.Pattern[str] = field(init=False, repr=False, compare=False)
    unknown_label_re: regex.Pattern[str] = field(init=False, repr=False, compare=False)
    phrase_re: regex.Pattern[str] = field(init=False, repr=False, compare=False)
    header_label_re: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        r = self.raw
        morphs = [m for ms in r["role_morphemes"].values() for m in ms]
        quals, nouns, dls = _alt(r["qualifiers"]), _alt(r["unit_nouns"]), _alt(r["deadline_labels"])
        # "牵头单位（部门）", "责任部门（单位）": a second unit noun in brackets belongs to the label
        noun = rf"(?:{nouns})(?:[（(](?:{nouns})[）)])?"
        body = rf"(?:{quals})?(?:{_alt(morphs)})+{noun}"
        object.__setattr__(self, "label_re", regex.compile(rf"\s*(?P<label>{body}|{dls})\s*[：:]\s*"))
        # an unknown morpheme before a unit noun: "督导单位：" — read inside brackets and table headers only
        unknown = rf"(?:{quals})?\p{{Han}}{{1,4}}?{noun}"
        object.__setattr__(self, "unknown_label_re", regex.compile(rf"\s*(?P<label>{unknown})\s*[：:]\s*"))
        object.__setattr__(self, "header_label_re", regex.compile(rf"(?:{body}|(?:{quals})?(?:{nouns}))"))
        phrase = _alt([m for ms in r["phrase_morphemes"].values() for m in ms])
        object.__setattr__(self, "phrase_re", regex.compile(rf"(?:{phrase})+$"))
        for role, ms in r["role_morphemes"].items():
            for m in ms:
                self._morph_role.setdefault(m, role)
        for kind, ms in r["phrase_morphemes"].items():
            for m in ms:
                self._phrase_role.setdefault(m, kind)

    def _label_role(self, label: str) -> str:
        if any(label.endswith(d) or label == d for d in self.raw["deadline_labels"]):
            return "deadline"
        found = {self._morph_role[m] for m in self._morph_role if m in label}
        for role in ("lead", "cooperating", "responsible"):
            if role in found:
                return role
        return "responsible"

    def label_at(self, s: str, pos: int, end: int, allow_unknown: bool = False) -> Label | None:
        """The label starting at ``pos`` (white space allowed before it), if any."""
        m = self.label_re.match(s, pos, end)
        if m is not None:
            return Label(m.start("label"), m.end(), m["label"], self._label_role(m["label"]), True)
        if allow_unknown:
            m = self.unknown_label_re.match(s, pos, end)
            if m is not None and not m["label"].startswith(tuple(self.raw.get("not_role_morphemes", ()))):
                return Label(m.start("label"), m.end(), m["label"], "responsible", False)
        return None

    def header_role(self, header: str) -> str | None:
        """The role of a table column whose header is a label (推进单位, 实施主体, 单位), else None."""
        h = regex.sub(r"[\s（(].*$", "", header.strip())
        if h in self.raw["deadline_labels"]:
            return "deadline"
        if self.header_label_re.fullmatch(h):
            return self._label_role(h)
        return None

    def phrase_at_end(self, s: str, x: int, y: int) -> tuple[int, str] | None:
        """A role phrase ending ``s[x:y]`` ("…牵头", "…配合做好", "…按职责分工负责"): its start and kind
        (lead / cooperating / other); None when the range does not end in one, or is nothing else."""
        m = self.phrase_re.search(s, x, y)
        if m is None or m.start() == x:
            return None
        ph = m.group()
        kinds = set()
        k = 0
        # the morphemes of the phrase, longest first at each point
        morphs = sorted(self._phrase_role, key=len, reverse=True)
        while k < len(ph):
            mm = next((w for w in morphs if ph.startswith(w, k)), None)
            if mm is None:
                break
            kinds.add(self._phrase_role[mm])
            k += len(mm)
        kind = "lead" if "lead" in kinds else "cooperating" if "cooperating" in kinds else "other"
        return m.start(), kind


@cache
def grammar() -> Grammar:
    """The clause grammar from ``data/clause_grammar.json`` (loaded once, on first use)."""
    raw: dict[str, Any] = json.loads(
        resources.files("policyparse").joinpath("data/clause_grammar.json").read_text("utf-8")
    )
    return Grammar(
        raw=raw,
        lead_rules=[regex.compile(p) for p in raw["lead_rules"]],
        carry_over=raw["carry_over"],
        strip_suffixes=raw["strip_suffixes"],
        strip_prefixes=raw["strip_prefixes"],
        split_before_collective=regex.compile(raw["split_before_collective"]),
        separators=raw["separators"],
        deadline_patterns=[regex.compile(p) for p in raw["deadline_patterns"]],
        table_index_columns=raw["table_index_columns"],
        infix={k: (v[0], v[1]) for k, v in raw["infix"].items()},
        no_unit=frozenset(raw["no_unit"]),
        note_patterns=[regex.compile(p) for p in raw["note_patterns"]],
        covering=regex.compile(raw["covering"]),
    )
