"""Keywords per document, section, task or text: TF-IDF and TextRank over the policy tokens.

Tokens come from the private jieba tokenizer (:mod:`.tokens`); content words (:func:`terms`) leave out
the policy stop words (``data/language/stopwords.txt``: 推进, 加强, 支持, 进一步… are not keywords),
one-character words, numbers, punctuation and organ names. The IDF table is built from the corpus's
paragraphs by ``scripts/build_idf.py`` and shipped as ``data/language/idf.tsv``; a word it lacks
occurred in at most one paragraph and gets the table's ``default`` (the IDF of such a word).

The two methods follow ``jieba.analyse`` (TF-IDF: term frequency × IDF; TextRank: undirected
co-occurrence graph over a window of 5 tokens, damping 0.85, 10 iterations, weights scaled to the
top one) but run on our tokenizer: ``jieba.analyse`` works on jieba's global tokenizer and loads
jieba's own IDF table when it is imported.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal, NamedTuple

import regex

from policyparse.analysis.language.tokens import Token, tokens
from policyparse.models import Part, PolicyDocument, Section, Task

Element = Section | Task | Part
Method = Literal["tfidf", "textrank"]
_CONTENT = regex.compile(r"^(?=.*\p{Han})[\p{Han}A-Za-z0-9+]+$")


class Keyword(NamedTuple):
    word: str
    weight: float


def _lines(name: str) -> list[str]:
    text = resources.files("policyparse").joinpath(f"data/language/{name}").read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def stop_words() -> frozenset[str]:
    """The policy stop words (``data/language/stopwords.txt``)."""
    return frozenset(w for ln in _lines("stopwords.txt") for w in ln.split())


@cache
def _idf_table() -> tuple[dict[str, float], float]:
    table: dict[str, float] = {}
    default = 0.0
    for ln in _lines("idf.tsv"):
        word, value = ln.split("\t")
        if word == "<default>":
            default = float(value)
        else:
            table[word] = float(value)
    return table, default


def idf() -> dict[str, float]:
    """The IDF of every word found in at least two paragraphs of the corpus (``data/language/idf.tsv``)."""
    return dict(_idf_table()[0])


def default_idf() -> float:
    """The IDF given to a word the table lacks (that of a word found in one paragraph)."""
    return _idf_table()[1]


def is_content(tok: Token) -> bool:
    """Whether a token can be a keyword: two characters or more, Han, not a stop word, not an organ."""
    return (
        len(tok.text) >= 2
        and tok.kind != "org"
        and tok.text not in stop_words()
        and _CONTENT.match(tok.text) is not None
    )


def _element_tokens(x: str | PolicyDocument | Element, doc: PolicyDocument | None) -> list[Token]:
    if isinstance(x, str):
        return tokens(x)
    if isinstance(x, PolicyDocument):
        doc, lo, hi = x, 0, len(x.text)
    else:
        if doc is None:
            raise TypeError("keywords of a section, task or part need the document: doc=...")
        lo, hi = x.span
    # responsibility clauses name units, not topics
    clauses = [t.clause.span for t in doc.iter_tasks() if t.clause is not None]
    return [t for t in tokens(doc, (lo, hi)) if not any(a <= t.start < b for a, b in clauses)]


def terms(x: str | PolicyDocument | Element, doc: PolicyDocument | None = None) -> list[str]:
    """The content words of a text, a document, or one of its sections, tasks or parts (in order)."""
    return [t.text for t in _element_tokens(x, doc) if is_content(t)]


def tfidf(words: Iterable[str], k: int = 10) -> list[Keyword]:
    """The ``k`` words with the highest term frequency × IDF."""
    counts = Counter(words)
    total = sum(counts.values())
    if not total:
        return []
    table, default = _idf_table()
    scored = [Keyword(w, n / total * table.get(w, default)) for w, n in counts.items()]
    return sorted(scored, key=lambda kw: (-kw.weight, kw.word))[:k]


def textrank(toks: list[Token], k: int = 10, window: int = 5, iterations: int = 10) -> list[Keyword]:
    """TextRank over content words co-occurring within ``window`` tokens (as ``jieba.analyse``)."""
    graph: dict[str, Counter[str]] = defaultdict(Counter)
    for i, t in enumerate(toks):
        if not is_content(t):
            continue
        for u in toks[i + 1 : i + window]:
            if is_content(u) and u.text != t.text:
                graph[t.text][u.text] += 1
                graph[u.text][t.text] += 1
    if not graph:
        return []
    d = 0.85
    out_sum = {w: sum(n.values()) for w, n in graph.items()}
    score = dict.fromkeys(graph, 1.0 / len(graph))
    for _ in range(iterations):
        score = {
            w: (1 - d) + d * sum(c / out_sum[v] * score[v] for v, c in nbrs.items())
            for w, nbrs in graph.items()
        }
    top = max(score.values())
    ranked = sorted((Keyword(w, s / top) for w, s in score.items()), key=lambda kw: (-kw.weight, kw.word))
    return ranked[:k]


def keywords(
    x: str | PolicyDocument | Element,
    k: int = 10,
    *,
    doc: PolicyDocument | None = None,
    method: Method = "tfidf",
) -> list[Keyword]:
    """The ``k`` keywords of a text, a document, or a section/task/part of ``doc``.

    >>> [kw.word for kw in keywords(doc, 5)]  # doctest: +SKIP
    ['长三角', '科技创新', '知识产权', '一体化', '协同创新']
    """
    toks = _element_tokens(x, doc)
    if method == "textrank":
        return textrank(toks, k)
    return tfidf((t.text for t in toks if is_content(t)), k)


def section_keywords(doc: PolicyDocument, k: int = 10, *, method: Method = "tfidf") -> dict[str, list[Keyword]]:
    """Keywords of every section of every part, by section id (a section includes its children)."""
    toks = _element_tokens(doc, None)
    out: dict[str, list[Keyword]] = {}
    for part in doc.parts():
        for s in part.iter_sections():
            lo, hi = s.span
            inside = [t for t in toks if lo <= t.start and t.end <= hi]
            if method == "textrank":
                out[s.id] = textrank(inside, k)
            else:
                out[s.id] = tfidf((t.text for t in inside if is_content(t)), k)
    return out


def idf_rows(paragraphs: Iterable[str]) -> tuple[list[tuple[str, float]], float, int]:
    """IDF over ``paragraphs`` (each one document): smoothed ``ln((N + 1) / (df + 1)) + 1``.

    Returns the rows for words found in two paragraphs or more, the default (df = 1) and N.
    """
    df: Counter[str] = Counter()
    n = 0
    for p in paragraphs:
        words = {t.text for t in tokens(p) if len(t.text) >= 2 and _CONTENT.match(t.text)}
        if not words:
            continue
        n += 1
        df.update(words)
    rows = [(w, math.log((n + 1) / (c + 1)) + 1) for w, c in df.items() if c >= 2]
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows, math.log((n + 1) / 2) + 1, n
