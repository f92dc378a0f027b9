"""The policy dictionary and the private jieba tokenizer that carries it.

The words come from two data files: the agency lexicon (``data/agencies.json``, every official and
short form, expanded for every province it knows) and ``data/language/dictionary.json`` (local organ
short forms, Yangtze Delta places, platforms and programmes, policy terms; its ``_about`` gives the
sources). :func:`entries` lists them with their kind; :func:`tokenizer` builds, once per process, a
``jieba.Tokenizer`` of its own (never jieba's global one) with jieba's main dictionary plus ours.

jieba keeps the prefix dictionary it builds from its main dictionary in a cache file; ours goes to the
user cache directory (``platformdirs.user_cache_dir("policyparse")``, or ``$POLICYPARSE_CACHE_DIR``),
never the package or the working directory. jieba attaches a stderr handler to its own logger when it
is imported and logs at DEBUG while it loads; the library configures no handler and leaves jieba's
alone, and only raises the ``jieba`` logger's level to WARNING while it initialises, restoring it after.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import warnings
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import jieba

Kind = Literal["org", "place", "platform", "term"]
# Ties between lists: an organ name stays an organ even when it is also a place or a term.
_PRIORITY: dict[str, int] = {"org": 0, "place": 1, "platform": 2, "term": 3}
# Frequencies given to our words: far above what jieba needs to keep a new word whole on its own
# (suggest_freq gives 1-10 for most), so that names also stay whole between ordinary words, yet low
# enough not to tear common words apart: a county name at 1000 leaves 卓越城区 as 卓越/城区, not 卓/越城区.
_FREQ: dict[str, int] = {"org": 5000, "place": 1000, "platform": 5000, "term": 2000}
_TAGS: dict[str, str] = {"org": "nt", "place": "ns", "platform": "nz", "term": "n"}

CACHE_ENV = "POLICYPARSE_CACHE_DIR"


def _data(name: str) -> Any:
    return json.loads(resources.files("policyparse").joinpath(f"data/{name}").read_text("utf-8"))


def _agency_words(raw: dict[str, Any]) -> Iterator[str]:
    for e in raw["central"]:
        for name in (e["full"], *e["forms"]):
            yield name
            if "、" in name:  # 国务院、中央军委空中交通管制委员会办公室: jieba cuts at 、 anyway
                yield from name.split("、")
    for p, info in raw["provinces"].items():
        for e in [*raw["overrides"].get(p, []), *raw["provincial"]]:
            yield e["full"].replace("{P}", info["full"])
            for f in e["forms"]:
                for head in (info["short_prefix"], info["full"], p):
                    yield head + f


def _local_words(organs: dict[str, Any], places: dict[str, Any]) -> Iterator[str]:
    for pre in organs["level_prefixes"]:
        for stem in organs["stems"]:
            yield pre + stem
    for pre in organs["party_prefixes"]:
        for stem in organs["party_stems"]:
            yield pre + stem
    yield from organs["whole"]
    # Shanghai's organs are also printed with the city's or the district's name: 上海市财政局,
    # 虹口区绿化和市容管理局, 公安青浦分局.
    for head in ["上海市", *(d + "区" for d in places["shanghai_districts"]), "浦东新区"]:
        for stem in organs["stems"]:
            yield head + stem
    for d in places["shanghai_districts"]:
        yield from (f"公安{d}分局", f"公安{d}区分局", f"{d}公安分局")
    for cities in places["cities"].values():
        for c in cities:
            yield from (f"{c}市人民政府", f"{c}市政府")
    for names in places["counties"].values():
        for c in names:
            yield from (f"{c}人民政府", f"{c}政府")


def _place_words(places: dict[str, Any]) -> Iterator[str]:
    for full, short in places["provinces"]:
        yield from (full, short)
    yield from places["regions"]
    for cities in places["cities"].values():
        for c in cities:
            yield from (c, c + "市")
    for d in places["shanghai_districts"]:
        yield from (d, d + "区")
    yield from places["shanghai_other"]
    for names in places["counties"].values():
        yield from names
    yield from places["towns"]
    yield from places["kinds"]


def _with_sector_words(words: Iterator[str]) -> Iterator[str]:
    """A ministry's name ending in 部 also names a sector's departments with 门 after it
    (生态环境部门, 人力资源社会保障部门): that word must beat 生态环境部 + 门."""
    for w in words:
        yield w
        if w.endswith("部") and len(w) >= 4:
            yield w + "门"


@cache
def entries() -> dict[str, Kind]:
    """Every word of the policy dictionary with its kind (org, place, platform, term)."""
    lang = _data("language/dictionary.json")
    lists: list[tuple[Kind, Iterator[str]]] = [
        ("org", _agency_words(_data("agencies.json"))),
        ("org", _local_words(lang["organs"], lang["places"])),
        ("place", _place_words(lang["places"])),
        ("platform", iter(lang["platforms"])),
        ("term", iter(lang["terms"])),
    ]
    out: dict[str, Kind] = {}
    for kind, words in lists:
        words = _with_sector_words(words)
        for w in words:
            w = w.strip()
            if len(w) < 2:
                continue
            old = out.get(w)
            if old is None or _PRIORITY[kind] < _PRIORITY[old]:
                out[w] = kind
    return out


@cache
def _main_dict_tags() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """The words jieba's main dictionary tags ``ns`` (places), those it tags a proper name of another
    kind (``nr``/``nrt``/``nrfg`` persons, ``nz``, ``s`` spots), and every word's tag, read in one pass."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pkg_resources.*")
        stream = tokenizer().get_dict_file()
    ns: set[str] = set()
    proper: set[str] = set()
    tags: dict[str, str] = {}
    with stream:
        for raw in stream:
            parts = raw.decode("utf-8").split()
            if len(parts) != 3:
                continue
            tags[parts[0]] = parts[2]
            if parts[2] == "ns":
                ns.add(parts[0])
            elif parts[2] in ("nr", "nrt", "nrfg", "nz", "s"):
                proper.add(parts[0])
    return frozenset(ns), frozenset(proper), tags


def ns_words() -> frozenset[str]:
    """The words jieba's main dictionary tags ``ns`` (place names: 朝阳, 佛山, 襄阳…), read once.

    Used to recognise a place jieba cut from its level (佛山/市…) where our own list of places, which
    covers the Yangtze Delta, has no entry; the tag is only trusted before 省/市/区/县.
    """
    return _main_dict_tags()[0]


def proper_words() -> frozenset[str]:
    """Words jieba's main dictionary tags a proper name other than a place (许昌, 常德 and 西青 are
    tagged ``nr``, a person's name, though 许昌市 and 西青区 are ``ns``)."""
    return _main_dict_tags()[1]


def main_tag(w: str) -> str | None:
    """The part of speech jieba's main dictionary gives ``w`` (``n``, ``v``, ``q``…), None for a word
    it does not list."""
    return _main_dict_tags()[2].get(w)


def userdict_lines() -> list[str]:
    """The dictionary in jieba's user-dictionary format (``word freq tag``), e.g. for ``jieba.load_userdict``.

    Words holding a space cannot be written in that format and are left out (there are none today).
    """
    return [f"{w} {_FREQ[k]} {_TAGS[k]}" for w, k in entries().items() if " " not in w]


def cache_dir() -> Path:
    """Where jieba's prefix-dictionary cache goes: ``$POLICYPARSE_CACHE_DIR`` or the user cache dir."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("policyparse", appauthor=False))


_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The private jieba tokenizer with the policy dictionary, built on first use (thread-safe)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            _tokenizer = _build()
    return _tokenizer


def _build() -> jieba.Tokenizer:
    with warnings.catch_warnings():
        # jieba 0.42 imports pkg_resources, which newer setuptools deprecate with a warning
        warnings.filterwarnings("ignore", message=".*pkg_resources.*")
        import jieba

    tok = jieba.Tokenizer()  # jieba's main dictionary; ours is added word by word below
    where = cache_dir()
    where.mkdir(parents=True, exist_ok=True)
    tok.tmp_dir = str(where)
    tok.cache_file = f"jieba-{jieba.__version__}.cache"
    log = logging.getLogger("jieba")
    level = log.level
    log.setLevel(logging.WARNING)  # jieba logs its loading at DEBUG through its own stderr handler
    try:
        tok.initialize()
    finally:
        log.setLevel(level)
    for w, k in entries().items():
        tok.add_word(w, _FREQ[k], _TAGS[k])
    return tok
