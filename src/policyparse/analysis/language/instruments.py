"""Policy instruments per task: Rothwell–Zegveld types by rules over a documented lexicon.

Supply (人才, 资金投入, 技术支持, 公共服务/基础设施), environment (目标规划, 金融支持, 税收优惠,
法规管制, 策略性措施) and demand (政府采购, 服务外包, 贸易管制, 海外机构, other demand pulls). The
lexicon (``data/language/instruments.json``) gives, per subtype, its definition, cue patterns and
patterns that cancel a cue (购置补贴 is a demand pull, not 资金投入). A task gets every subtype one of
whose cues occurs in its text (the responsibility clause is not read); each tag keeps its evidence:
the matched words and their spans in ``doc.text``. :func:`instrument_matrix` exports task × instrument
as a pandas frame (pandas imported there only).

How well it does is measured against the blind hand labels in ``corpora/instruments/`` by
``scripts/eval_instruments.py``; ``tests/test_language_instruments.py`` holds the tagger to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex
from pydantic import BaseModel, ConfigDict

from policyparse.analysis.language.dictionary import _data
from policyparse.models import PolicyDocument, Span, Task

if TYPE_CHECKING:
    import pandas

InstrumentType = Literal["supply", "environment", "demand"]
TYPES: tuple[InstrumentType, ...] = ("supply", "environment", "demand")
_MAX_EVIDENCE = 3


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A cue as printed and its ``[start, end)`` in ``doc.text`` (in the text tagged, for plain text)."""

    text: str
    span: Span


class InstrumentTag(_Model):
    """One instrument a task uses: top-level type, subtype and the words that show it."""

    type: InstrumentType
    subtype: str
    evidence: list[Evidence]


class TaskInstruments(_Model):
    """The instruments of one task."""

    task_id: str
    tags: list[InstrumentTag]

    def types(self) -> set[str]:
        return {t.type for t in self.tags}

    def subtypes(self) -> set[str]:
        return {t.subtype for t in self.tags}


@cache
def lexicon() -> dict[str, Any]:
    """The instrument lexicon: ``types`` and ``subtypes`` (type, zh, definition, cues, not)."""
    raw: dict[str, Any] = _data("language/instruments.json")
    return raw


def _alternation(patterns: list[str]) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{c})" for c in sorted(patterns, key=len, reverse=True)))


@cache
def _compiled() -> list[tuple[str, InstrumentType, regex.Pattern[str], regex.Pattern[str] | None]]:
    """Per subtype: one pattern whose group ``weak`` is set for weak cues, and the cancelling pattern."""
    out = []
    for name, sub in lexicon()["subtypes"].items():
        strong = "|".join(f"(?:{c})" for c in sorted(sub["cues"], key=len, reverse=True))
        weak = "|".join(f"(?:{c})" for c in sorted(sub.get("weak", []), key=len, reverse=True))
        both = "|".join(x for x in (f"(?P<weak>{weak})" if weak else "", strong) if x)
        out.append((name, sub["type"], regex.compile(both), _alternation(sub["not"])))
    return out


def subtypes() -> list[tuple[InstrumentType, str]]:
    """``(type, subtype)`` in lexicon order."""
    return [(t, name) for name, t, _, _ in _compiled()]


def tag_text(text: str, offset: int = 0) -> list[InstrumentTag]:
    """The instruments whose cues occur in ``text``; evidence spans are shifted by ``offset``."""
    tags: list[InstrumentTag] = []
    for name, typ, cues, nots in _compiled():
        blocked = [m.span() for m in nots.finditer(text)] if nots is not None else []
        strong: list[Evidence] = []
        weak: list[Evidence] = []
        seen: set[str] = set()
        for m in cues.finditer(text):
            a, b = m.span()
            if any(x < b and a < y for x, y in blocked) or m.group() in seen:
                continue
            seen.add(m.group())
            (weak if "weak" in m.groupdict() and m.group("weak") else strong).append(Evidence(text=m.group(), span=(a + offset, b + offset)))
        if strong or len(weak) >= 2:
            found = sorted(strong + weak, key=lambda e: e.span)[:_MAX_EVIDENCE]
            tags.append(InstrumentTag(type=typ, subtype=name, evidence=found))
    return tags


def tag_task(task: Task) -> TaskInstruments:
    """The instruments of one task (evidence spans in ``doc.text``)."""
    return TaskInstruments(task_id=task.id, tags=tag_text(task.text, task.span[0]))


def instruments(doc: PolicyDocument) -> list[TaskInstruments]:
    """The instruments of every task of ``doc``, in document order.

    >>> [(ti.task_id, sorted(ti.subtypes())) for ti in instruments(doc)][:1]  # doctest: +SKIP
    [('t1', ['goal_planning', 'public_service', 'strategic'])]
    """
    return [tag_task(t) for t in doc.iter_tasks()]


def _name(doc: PolicyDocument) -> str:
    return Path(doc.source.path).stem


def instrument_matrix(
    docs: PolicyDocument | Iterable[PolicyDocument], *, level: Literal["subtype", "type"] = "subtype"
) -> pandas.DataFrame:
    """Task × instrument matrix: one row per task (index ``doc``, ``task_id``), one 0/1 column per
    subtype (columns ``(type, subtype)``) or per type (``level="type"``), plus the task's ``text``.

    Columns are always all the lexicon's instruments, in lexicon order, so frames of different
    documents line up.
    """
    import pandas as pd

    items = [docs] if isinstance(docs, PolicyDocument) else list(docs)
    cols = subtypes() if level == "subtype" else [(t, t) for t in TYPES]
    rows: list[dict[tuple[str, str], int]] = []
    index: list[tuple[str, str]] = []
    texts: list[str] = []
    for doc in items:
        for t in doc.iter_tasks():
            ti = tag_task(t)
            have = ti.subtypes() if level == "subtype" else ti.types()
            rows.append({c: int(c[1] in have) for c in cols})
            index.append((_name(doc), t.id))
            texts.append(t.text)
    frame = pd.DataFrame(rows, columns=pd.MultiIndex.from_tuples(cols, names=["type", "instrument"]))
    if level == "type":
        frame.columns = pd.Index(list(TYPES), name="type")
    frame.index = pd.MultiIndex.from_arrays(
        [[d for d, _ in index], [t for _, t in index]], names=["doc", "task_id"]
    )
    frame[("text", "") if level == "subtype" else "text"] = texts
    return frame
