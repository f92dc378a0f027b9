"""Text similarity between plans: outline alignment, implementation mapping, distinctive terms."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from policyparse.analysis import walk
from policyparse.analysis._terms import _terms
from policyparse.analysis.compare import (
    ChildMapping,
    DistinctiveTerm,
    ItemScore,
    OutlineMatrix,
    ParentCoverage,
    Ref,
    SectionLink,
    excerpt,
)
from policyparse.analysis.similarity import TfIdf, Vector, cosine, shared_terms
from policyparse.models import PolicyDocument


@dataclass
class _Item:
    ref: Ref
    title: str
    text: str


def _section_ref(key: str, x: walk.SectionInfo) -> Ref:
    s = x.section
    return Ref(doc=key, kind="section", id=x.uid, span=s.span, page=s.page,
               label=f"{x.path} {s.title or ''}".strip())  # fmt: skip


def _plan_sections(key: str, d: PolicyDocument, depth: int) -> list[_Item]:
    plan = walk.plan_part(d)
    out = []
    for x in walk.iter_sections(d):
        if x.part == plan and x.section.depth <= depth:
            s = x.section
            out.append(_Item(_section_ref(key, x), s.title or "", walk.content_text(d, s.span)))
    return out


def _score(tv: tuple[Vector, Vector], bv: tuple[Vector, Vector], titled: bool) -> tuple[float, float | None, float]:
    body = cosine(tv[1], bv[1])
    if not titled:
        return body, None, body
    title = cosine(tv[0], bv[0])
    return (title + 2 * body) / 3, title, body


def _argmax(xs: list[float]) -> int:
    """Index of the largest value, the first one on ties."""
    return max(range(len(xs)), key=lambda k: (xs[k], -k))


def outline(
    named: dict[str, PolicyDocument], *, depth: int, threshold: float
) -> tuple[list[SectionLink], list[OutlineMatrix], list[Ref]]:
    """Align the plan outlines of every pair of documents.

    For each pair: the full score matrix, and links from each section to its best counterpart at
    or above ``threshold`` (a pair of mutual best matches is listed once). Sections whose best score
    against every other document stays below the threshold are returned as distinctive.
    """
    items = {k: _plan_sections(k, d, depth) for k, d in named.items()}
    flat = [it for its in items.values() for it in its]
    tfidf = TfIdf([it.text for it in flat])
    vec = {id(it): (tfidf.vector(it.title), v) for it, v in zip(flat, tfidf.vectors, strict=True)}
    best_any: dict[tuple[str, str], float] = {(it.ref.doc, it.ref.id): 0.0 for it in flat}
    links: list[SectionLink] = []
    matrices: list[OutlineMatrix] = []
    for ka, kb in combinations(items, 2):
        A, B = items[ka], items[kb]
        if not A or not B:
            continue
        full = [[_score(vec[id(a)], vec[id(b)], bool(a.title and b.title)) for b in B] for a in A]
        scores = [[round(c[0], 4) for c in row] for row in full]
        matrices.append(OutlineMatrix(a_doc=ka, b_doc=kb, a_sections=[a.ref for a in A],
                                      b_sections=[b.ref for b in B], scores=scores))  # fmt: skip
        best_b = [_argmax(row) for row in scores]
        best_a = [_argmax([row[j] for row in scores]) for j in range(len(B))]
        for i, a in enumerate(A):
            best_any[(ka, a.ref.id)] = max(best_any[(ka, a.ref.id)], scores[i][best_b[i]])
        for j, b in enumerate(B):
            best_any[(kb, b.ref.id)] = max(best_any[(kb, b.ref.id)], scores[best_a[j]][j])
        pairs = [(i, best_b[i]) for i in range(len(A))] + [(best_a[j], j) for j in range(len(B))]
        seen: set[tuple[int, int]] = set()
        for i, j in pairs:
            if (i, j) in seen or scores[i][j] < threshold:
                continue
            seen.add((i, j))
            sc, ts, bs = full[i][j]
            links.append(SectionLink(
                a=A[i].ref, b=B[j].ref, a_title=A[i].title, b_title=B[j].title, score=round(sc, 4),
                title_score=None if ts is None else round(ts, 4), body_score=round(bs, 4),
                mutual=best_b[i] == j and best_a[j] == i, terms=shared_terms(vec[id(A[i])][1], vec[id(B[j])][1]),
            ))  # fmt: skip
    lonely = [it.ref for it in flat if len(items) > 1 and best_any[(it.ref.doc, it.ref.id)] < threshold]
    return links, matrices, lonely


def _items(key: str, d: PolicyDocument) -> list[_Item]:
    """Tasks (with the title of their section, which says what they serve), else leaf sections of the plan."""
    loc = walk.locator(d)
    tasks = list(d.iter_tasks())
    if tasks:
        out = []
        for t in tasks:
            info = loc.at(t.span[0])
            title = info.section.title or "" if info else ""
            ref = Ref(doc=key, kind="task", id=t.id, span=t.span, page=t.page, label=excerpt(t.text))
            out.append(_Item(ref, title, f"{title}\n{t.text}"))
        return out
    plan = walk.plan_part(d)
    return [
        _Item(_section_ref(key, x), x.section.title or "", walk.content_text(d, x.section.span))
        for x in walk.leaf_sections(d, plan)
    ]


def implementation(
    parent_key: str, parent: PolicyDocument, children: dict[str, PolicyDocument], *, threshold: float
) -> tuple[list[ParentCoverage], list[ChildMapping]]:
    """Map each child item to the parent items it implements (cosine of TF-IDF vectors)."""
    P = _items(parent_key, parent)
    C = [it for k, d in children.items() for it in _items(k, d)]
    tfidf = TfIdf([it.text for it in [*P, *C]])
    pv, cv = tfidf.vectors[: len(P)], tfidf.vectors[len(P) :]
    scores = [[cosine(p, c) for c in cv] for p in pv]
    coverage = []
    for i, p in enumerate(P):
        hits = sorted((j for j in range(len(C)) if scores[i][j] >= threshold), key=lambda j: (-scores[i][j], j))
        kids = [ItemScore(item=C[j].ref, score=round(scores[i][j], 4), terms=shared_terms(pv[i], cv[j])) for j in hits]
        coverage.append(ParentCoverage(parent=p.ref, covered=bool(kids), children=kids))
    mapping = []
    for j, c in enumerate(C):
        if not P:
            mapping.append(ChildMapping(child=c.ref, best=None, mapped=False))
            continue
        i = _argmax([row[j] for row in scores])
        if scores[i][j] <= 0:  # not a single term in common: no best parent to speak of
            mapping.append(ChildMapping(child=c.ref, best=None, mapped=False))
            continue
        best = ItemScore(item=P[i].ref, score=round(scores[i][j], 4), terms=shared_terms(pv[i], cv[j]))
        mapping.append(ChildMapping(child=c.ref, best=best, mapped=scores[i][j] >= threshold))
    return coverage, mapping


def distinctive(named: dict[str, PolicyDocument], k: int = 12, min_count: int = 2) -> list[DistinctiveTerm]:
    """Per document, the terms it uses at least ``min_count`` times and no other document uses."""
    if len(named) < 2:
        return []
    counts = {key: Counter(_terms(walk.plan_text(d))) for key, d in named.items()}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    idf = math.log((1 + len(named)) / 2) + 1.0
    out = []
    for key, d in named.items():
        # a term of the document's own title or issuer is its name (青浦区), not what it covers
        name = " ".join([d.meta.title or "", *d.meta.issuers, d.parts()[walk.plan_part(d)].title or ""])
        own = [(n, w) for w, n in counts[key].items() if df[w] == 1 and n >= min_count and w not in name]
        loc = walk.locator(d)
        for n, w in sorted(own, key=lambda x: (-x[0], x[1]))[:k]:
            out.append(DistinctiveTerm(doc=key, term=w, count=n, weight=round(n * idf, 4), where=_where(key, d, loc, w)))
    return out


def _where(key: str, d: PolicyDocument, loc: walk.Locator, term: str, limit: int = 5) -> list[Ref]:
    refs: dict[str, Ref] = {}
    pos = d.text.find(term)
    while pos >= 0 and len(refs) < limit:
        info = loc.at(pos)
        if info is not None and info.uid not in refs:
            refs[info.uid] = _section_ref(key, info)
        elif info is None:
            for pid, p in walk.paragraphs(d):
                if p.span[0] <= pos < p.span[1] and pid not in refs:
                    refs[pid] = Ref(doc=key, kind="paragraph", id=pid, span=p.span, page=p.page,
                                    label=excerpt(d.text[p.span[0] : p.span[1]]))  # fmt: skip
        pos = d.text.find(term, pos + len(term))
    return list(refs.values())
