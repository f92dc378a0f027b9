"""Web-portal furniture inside the text: "发布时间：…来源：…字号：[大][中][小]", "[打印]仅打印内容".

A line is chrome when it is made only of portal items (see ``data/web_chrome.json``): label：value
pairs, bracketed switches and stand-alone phrases. One strong item (a publication time, a font-size
switch) or two items of any kind are needed, so a body line that merely starts with "来源：" stays.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from policyparse.core.textnorm import clean_line
from policyparse.models import Dropped
from policyparse.readers.base import RawParagraph


@dataclass(frozen=True)
class _Chrome:
    label: regex.Pattern[str]
    strong: frozenset[str]
    switch: regex.Pattern[str]
    phrase: regex.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _chrome() -> _Chrome:
    raw = json.loads(resources.files("policyparse").joinpath("data/web_chrome.json").read_text("utf-8"))
    return _Chrome(
        label=regex.compile(rf"(?P<label>{_alt(raw['labels'])})\s*[：:]"),
        strong=frozenset(raw["strong_labels"]),
        switch=regex.compile(rf"[\[【〔]\s*(?:{_alt(raw['switch_words'])})\s*[\]】〕]"),
        phrase=regex.compile(_alt(raw["phrases"])),
    )


def is_portal_chrome(line: str) -> bool:
    """Is this line (a whole paragraph) made only of web-portal furniture?"""
    c = _chrome()
    s = line.strip()
    if not s or len(s) > 160 or "。" in s:
        return False
    items = 0
    strong = False
    n_switch = len(c.switch.findall(s))
    rest = str(c.switch.sub(" ", s))
    n_phrase = len(c.phrase.findall(rest))
    rest = str(c.phrase.sub(" ", rest))
    labels = list(c.label.finditer(rest))
    if labels and rest[: labels[0].start()].strip():
        return False  # text before the first label: a body line such as "资金来源：…"
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(rest)
        value = rest[m.end() : end].strip()
        if len(value) > 40:
            return False
        items += 1
        strong = strong or m["label"] in c.strong
    if not labels:
        # nothing but phrases and switches: "[打印]仅打印内容", "扫一扫在手机打开当前页"
        return bool(n_phrase or n_switch) and not rest.strip(" |｜")
    items += n_phrase + (1 if n_switch else 0)
    return strong or n_switch > 0 or items >= 2


def drop_chrome(raw: list[RawParagraph]) -> tuple[list[RawParagraph], list[Dropped]]:
    """Keep the paragraphs that are not portal furniture; record the others as ``Dropped``."""
    kept: list[RawParagraph] = []
    dropped: list[Dropped] = []
    for rp in raw:
        text = "".join(clean_line(t) for t, _, _ in rp.lines)
        if "\t" not in text and is_portal_chrome(text):
            _, page, bbox = rp.lines[0]
            dropped.append(Dropped(kind="web_chrome", text=text, page=page, bbox=bbox))
        else:
            kept.append(rp)
    return kept, dropped
