"""spaCy ``Doc`` objects of parsed documents: jieba tokens, span groups for the structure, units as ORG.

spaCy's own Chinese tokenizer (``segmenter = "jieba"``) calls jieba's global functions, so it cannot
use our private tokenizer and dictionary. :class:`PolicyTokenizer` (registered as
``policyparse.JiebaTokenizer.v1``) does: it makes a ``Doc`` whose ``doc.text`` is the input,
character for character (a single space after a token is that token's ``whitespace_``; any other
white space, newlines included, is a token of its own), so token offsets are offsets into the text.

:func:`to_spacy` turns a :class:`~policyparse.models.PolicyDocument` into such a ``Doc`` over
``doc.text``, with span groups ``sections``, ``titles``, ``tasks``, ``clauses``, ``units`` and
``targets`` (each span ``id_`` is the element's id; units carry their canonical name as ``kb_id_``
and lead/cooperating as label) and ``doc.ents``: the units (ORG) and places outside them (GPE:
dictionary places, and places jieba knows followed by their level, 佛山市). Nothing is downloaded: the pipeline is ``spacy.blank("zh")`` with our tokenizer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

from policyparse.analysis.language.names import name_kind
from policyparse.analysis.language.tokens import doc_spans, element_spans, segment
from policyparse.models import PolicyDocument

GROUPS = ("sections", "titles", "tasks", "clauses", "units", "targets")
_LABELS = {
    "sections": "SECTION",
    "titles": "TITLE",
    "tasks": "TASK",
    "clauses": "CLAUSE",
    "units": "UNIT",
    "targets": "TARGET",
}


_COLORS = {"LEAD": "#f4a261", "COOPERATING": "#a8dadc", "UNIT": "#e9c46a", "TARGET": "#90be6d"}


def make_doc(vocab: Vocab, text: str, spans: Iterable[tuple[int, int]]) -> Doc:
    """A ``Doc`` of ``text`` with the given ``[start, end)`` tokens (which must tile the text)."""
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in spans:
        w = text[a:b]
        if w == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
            continue
        words.append(w)
        spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


class PolicyTokenizer(DummyTokenizer):
    """spaCy tokenizer: jieba with the policy dictionary; ``doc.text`` equals the input exactly."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return make_doc(self.vocab, text, segment(text))


def create_tokenizer() -> Callable[[Language], PolicyTokenizer]:
    """Registered tokenizer factory: ``[nlp.tokenizer] @tokenizers = "policyparse.JiebaTokenizer.v1"``."""

    def make(nlp: Language) -> PolicyTokenizer:
        return PolicyTokenizer(nlp.vocab)

    return make


registry.tokenizers.register("policyparse.JiebaTokenizer.v1", func=create_tokenizer)


@cache
def blank() -> Language:
    """``spacy.blank("zh")`` with the policy tokenizer (built once; no model, no download)."""
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.JiebaTokenizer.v1"}}})


def _unit_labels(doc: PolicyDocument) -> dict[str, tuple[str, str]]:
    """Unit id → (label, canonical name): LEAD or COOPERATING where the task says, else UNIT."""
    out: dict[str, tuple[str, str]] = {}
    for t in doc.iter_tasks():
        for i, u in enumerate(t.units):
            if u.name in t.lead_units:
                label = "LEAD"
            elif u.name in t.cooperating_units:
                label = "COOPERATING"
            else:
                label = "UNIT"
            out[f"{t.id}/u{i}"] = (label, u.canonical or "")
    return out


def annotate(
    sdoc: Doc,
    doc: PolicyDocument,
    places: Iterable[tuple[int, int]],
    to_doc: Callable[[int, int], tuple[int, int]] | None = None,
) -> Doc:
    """Set the span groups and entities of ``sdoc`` from the elements of ``doc``.

    ``to_doc`` maps a ``[start, end)`` of ``doc.text`` to ``sdoc.text`` (identity when omitted); every
    element must fall on token boundaries of ``sdoc`` (a ValueError otherwise).
    """
    units = _unit_labels(doc)
    conv = to_doc or (lambda a, b: (a, b))
    ents: list[Span] = []
    for group, items in element_spans(doc).items():
        spans: list[Span] = []
        for eid, a0, b0 in items:
            a, b = conv(a0, b0)
            label, kb = units.get(eid, (_LABELS[group], ""))
            sp = sdoc.char_span(a, b, label=label, kb_id=kb, span_id=eid, alignment_mode="strict")
            if sp is None:
                raise ValueError(f"{group} {eid} [{a}, {b}) does not fall on token boundaries")
            spans.append(sp)
            if group == "units":
                ents.append(Span(sdoc, sp.start, sp.end, label="ORG", kb_id=kb, span_id=eid))
        sdoc.spans[group] = spans
    taken = {i for e in ents for i in range(e.start, e.end)}
    for a, b in places:
        sp = sdoc.char_span(a, b, label="GPE", alignment_mode="strict")
        if sp is not None and not taken.intersection(range(sp.start, sp.end)):
            ents.append(sp)
            taken.update(range(sp.start, sp.end))
    sdoc.ents = sorted(_outermost(ents), key=lambda s: s.start)
    return sdoc


def _outermost(spans: list[Span]) -> list[Span]:
    """Entities may not overlap: a unit inside another unit (a parser oddity) yields to the outer one."""
    keep: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if keep and s.start < keep[-1].end:
            continue
        keep.append(s)
    return keep


def to_spacy(doc: PolicyDocument) -> Doc:
    """A spaCy ``Doc`` over ``doc.text`` with the document's structure as span groups and units as ORG.

    >>> sdoc = to_spacy(policyparse.parse("plan.pdf"))          # doctest: +SKIP
    >>> [(s.text, s.label_, s.kb_id_) for s in sdoc.spans["units"]][:1]  # doctest: +SKIP
    [('省发展改革委', 'LEAD', '浙江省发展和改革委员会')]
    """
    nlp = blank()
    spans, units = doc_spans(doc)
    sdoc = make_doc(nlp.vocab, doc.text, spans)
    places = [(a, b) for a, b in spans if (a, b) not in units and name_kind(doc.text[a:b]) == "place"]
    return annotate(sdoc, doc, places)


def render_task(sdoc: Doc, task_id: str, *, page: bool = False, jupyter: bool | None = None) -> str:
    """displaCy markup of one task and its clause, with its units and targets marked (``style="span"``).

    In a notebook, ``render_task(sdoc, "t3", jupyter=True)`` displays it; otherwise the HTML is returned
    (``page=True`` for a whole page).
    """
    from spacy import displacy

    own = [s for g in ("tasks", "clauses") for s in sdoc.spans[g] if s.id_ == task_id]
    if not own:
        raise KeyError(task_id)
    start, end = min(s.start for s in own), max(s.end for s in own)
    sub = sdoc[start:end].as_doc()
    marks: list[Span] = []
    for group in ("units", "targets"):
        for s in sdoc.spans[group]:
            if start <= s.start and s.end <= end:
                marks.append(Span(sub, s.start - start, s.end - start, label=s.label_))
    sub.spans["task"] = marks
    options = {"spans_key": "task", "colors": _COLORS}
    html = displacy.render(sub, style="span", options=options, page=page, jupyter=jupyter)
    return html or ""
