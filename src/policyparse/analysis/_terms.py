"""The one seam between the comparison and a tokenizer: ``_terms(text) -> list[str]``.

The content words of the language layer (``policyparse.analysis.language``): its private jieba
tokenizer with the policy dictionary, its policy stop words. For similarity a long word also
counts by its parts (建筑垃圾 → 建筑垃圾, 建筑, 垃圾), as a search engine indexes it: two plans that
say 建筑垃圾 and 生活垃圾 do share 垃圾.
"""

from __future__ import annotations

from policyparse.errors import AnalysisDependencyError


def _terms(text: str) -> list[str]:
    """Content words of ``text`` and the parts of its long words; stop words and markers out."""
    try:
        from policyparse.analysis.language import terms, tokenizer
        from policyparse.analysis.language.keywords import stop_words
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise AnalysisDependencyError("comparing documents needs jieba: pip install 'policyparse[analysis]'") from exc
    stop = stop_words()
    out: list[str] = []
    for w in terms(text):
        out.append(w)
        if len(w) >= 4:
            out.extend(p for p in tokenizer().cut_for_search(w) if p != w and len(p) >= 2 and p not in stop)
    return out
