"""TF-IDF vectors and cosine similarity over short texts, with the shared terms as evidence.

Plain Python on purpose: a comparison holds a few hundred sections, and sparse dicts keep the
evidence (which terms made two texts alike) at hand without a matrix library.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from policyparse.analysis._terms import _terms

Vector = dict[str, float]


class TfIdf:
    """TF-IDF over a collection of texts (the collection gives the document frequencies).

    Term frequency is sublinear (1 + log tf), idf smoothed (log((1 + N) / (1 + df)) + 1) so that a
    term in every text still counts a little, and vectors are L2-normalised.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.tokens = [_terms(t) for t in texts]
        df: Counter[str] = Counter()
        for toks in self.tokens:
            df.update(set(toks))
        n = len(texts)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.vectors = [self.vector_of_tokens(toks) for toks in self.tokens]

    def vector_of_tokens(self, toks: Sequence[str]) -> Vector:
        tf = Counter(toks)
        v = {w: (1.0 + math.log(c)) * self.idf.get(w, 1.0) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {w: x / norm for w, x in v.items()} if norm else {}

    def vector(self, text: str) -> Vector:
        return self.vector_of_tokens(_terms(text))


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b[w] for w, x in a.items() if w in b)


def shared_terms(a: Vector, b: Vector, k: int = 6) -> list[str]:
    """The terms that contribute most to ``cosine(a, b)``, best first."""
    both = [(a[w] * b[w], w) for w in a.keys() & b.keys()]
    return [w for _, w in sorted(both, key=lambda x: (-x[0], x[1]))[:k]]
