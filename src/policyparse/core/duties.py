"""Stage 4c (fields): divisions of duties — the unit named first, its duties after.

Three printed forms (issue #9 item 3):
- a paragraph "区民防办：负责…；…" or "区绿化市容局负责：一是…" — the organs before the colon;
- a numbered item "1.街道消委办。牵头开展…" or "（一）工作领导小组：…" — a run-in heading that is
  an organ name, its text the duties;
- a heading that is an organ name ("（一）区绿化市容局") with duty items or paragraphs under it.
Organs are recognised by the lexicon or by organ-name morphology (…局/委/办/中心/政府/街道/公司…),
never by position alone; generic parties (建设单位, 物业服务企业) are not organs. A duty that says
牵头 for its unit makes it the lead (explicit); otherwise the first unit leads by convention.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.brackets import find_outside
from policyparse.core.clauses import ClauseHit, ParsedClause, grammar
from policyparse.core.organs import is_organ, is_unit_like
from policyparse.core.units import UnitMention, units_in

_DUTY_WORD = regex.compile(r"(?:的)?(?:主要|工作|具体)?职责(?:分工)?[：:]?$")
_LEADS = regex.compile(r"(?<!由[^，。；]{0,20})牵头(?!单位|部门|处室|科室)")


@dataclass(frozen=True)
class Duty:
    """A duty paragraph: where its units are named (the clause) and where its duties are (the text)."""

    clause: tuple[int, int]
    text: tuple[int, int]
    hit: ClauseHit


def organ_units(s: str, a: int, b: int) -> list[UnitMention] | None:
    """The units of ``s[a:b]`` when it is nothing but a list of organs ("区民防办、应急管理局",
    "区建管委、区交通委等建设主管部门", "各街镇、经开区"); None otherwise."""
    g = grammar()
    seg = s[a:b].strip()
    if not seg or len(seg) > 80 or any(c in seg for c in "。，,；;：:！？“”《》") or seg.startswith(("关于", "根据")):
        return None
    units = units_in(s, a, b, "responsible", g)
    if not units or not all(is_unit_like(u.name) for u in units):
        return None
    if not any(is_organ(u.name) or u.name.startswith("各") for u in units):
        return None
    return units


def _hit(units: list[UnitMention], clause: tuple[int, int], duties: str) -> ClauseHit:
    if _LEADS.search(duties):
        for u in units:
            u.role = "lead"
    return ClauseHit(clause[0], clause[1], 0, 0, ParsedClause(units=units), False)


def duty_paragraph(text: str, a: int, b: int) -> Duty | None:
    """"区民防办：负责…" / "区绿化市容局负责：一是…" as a duty, or None."""
    g = grammar()
    if g.label_at(text, a, b) is not None:
        return None  # "责任单位：…" is a clause, not a unit
    colon = find_outside(text[a:b], "：:")
    if colon is None or colon == 0 or a + colon + 1 >= b:
        return None
    head_end = a + colon
    units = organ_units(text, a, head_end)
    if units is None:
        ph = g.phrase_at_end(text, a, head_end)  # "区绿化市容局负责：…"
        if ph is None:
            return None
        units = organ_units(text, a, ph[0])
        if units is None:
            return None
    start = head_end + 1
    while start < b and text[start] == " ":
        start += 1
    if b - start < 4:
        return None
    return Duty((a, head_end + 1), (start, b), _hit(units, (a, head_end + 1), text[start:b]))


def duty_hit(text: str, title_span: tuple[int, int], duties: str) -> ClauseHit | None:
    """A heading that names organs ("（一）区绿化市容局", "1.街道消委办。") as the clause of the duties
    under it; None when the title is not a list of organs."""
    a, b = title_span
    # "（二）消防安全管理办公室职责", "区教育局主要职责：": the organ and a word saying duties follow
    m = _DUTY_WORD.search(text, a, b)
    units = organ_units(text, a, m.start() if m is not None and m.start() > a else b)
    if units is None:
        return None
    return _hit(units, title_span, duties)


def rehit(hit: ClauseHit, duties: str) -> ClauseHit:
    """The heading's organs as the clause of one duty item: lead when this item says 牵头."""
    units = [UnitMention(u.name, u.start, u.end, "responsible") for u in hit.parsed.units]
    return _hit(units, (hit.start, hit.end), duties)
