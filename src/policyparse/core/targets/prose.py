"""Targets in running text and in text cells: which quantities of a clause are commitments.

A quantity (quantities.py) of a clause is a target when something commits the plan to it:
- a comparator right before it (达到, 不低于, 超过, 控制在, 提高X个百分点…), or
- a commitment verb earlier in its clause that governs it — right after the verb ("新增3000个错峰
  共享停车位"), at the end of the verb's object ("完成慢行交通专项提升项目300项"), or as the next item
  of a list the verb heads ("完成1990个积水点改造及28个空洞点位修复工作"), or
- a preposition and a verb after it ("对300个公交站台进行适老化改造", "率先在120个社区开展…"), or
- a frequency ("15天完成1次…": the interval is the target).
It is not a target when the clause states what is (已, 目前, 现有…), when it counts the plan's own
items (22项任务) or bounds a place (站点50米范围内), when it is a rule threshold (应不小于5万吨,
an upper bound outside a dated or goal statement, a quantity that qualifies a noun with 的), a
date, an ordinal, a name in quotes or brackets, or a duration without a comparator.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.numerals import to_halfwidth_digits
from policyparse.core.targets.indicators import normalize_indicator, strip_indicator
from policyparse.core.targets.lexicon import lexicon
from policyparse.core.targets.quantities import Quantity, quantities
from policyparse.core.targets.reading import (
    FIRM_ASPIRATIONAL,
    Reading,
    aspirational,
    comparator_of,
    qualifies,
    read_quantity,
)
from policyparse.core.targets.scan import WINDOW, Clause, split_clauses
from policyparse.core.targets.years import YearMark, clause_year, nth_year
from policyparse.models import Comparator, Target, TargetWhere

UNNUMBERED = "tg0"  # the pipeline numbers targets in document order: tg1, tg2…
_FREQ = regex.compile(
    r"(?:每)?(?P<a>[0-9０-９]+)(?:/(?P<b>[0-9０-９]+))?\s*(?P<u>天|日|周|个月|月|年)\s*"
    r"(?:完成|开展|进行|组织|实施)?\s*(?:1|一)\s*次"
)
_DOUBLING = regex.compile(r"(?:力争|争取|确保)?翻(?P<n>一|两)番")
_CONDITIONAL = regex.compile(r"\s*(?:对|对于|凡)[^，,。；;0-9０-９]{2,80}的\p{Han}{1,8}(?:[（(][^）)]{1,12}[）)])?[，,]")


@dataclass(frozen=True)
class Scope:
    """What governs a run of text from outside it: years, the kind of section, where it sits."""

    year: int | None = None
    period: tuple[int, int] | None = None
    date_year: int | None = None
    goal: bool = False
    background: bool = False
    spec: bool = False  # technical requirements or criteria: quantities are rules unless dated
    section_id: str | None = None
    where: TargetWhere = "prose"
    row: str | None = None
    column: str | None = None


def _indicator(text: str, x: int, y: int, q: Quantity, r: Reading, prev_clause: str | None) -> str:
    return _lead_verbs_off(_indicator_raw(text, x, y, q, r, prev_clause))


_LEAD = regex.compile(r"^(?:(?:全市|全区|全省|各区|各街镇|每年|全年|年内|三年累计|累计|力争|确保|要|计划|将|的)+)")


def _lead_verbs_off(ind: str) -> str:
    """"改造提升农贸市场" → "农贸市场": verbs and scope words that open a name are not part of it."""
    lex = lexicon()
    prev = None
    while prev != ind:
        prev = ind
        ind = _LEAD.sub("", ind)
        m = lex.verb_re.match(ind) or lex.comparator_re.match(ind)
        if m is not None and len(ind) > m.end() + 1:
            ind = ind[m.end() :]
    return ind


def _indicator_raw(text: str, x: int, y: int, q: Quantity, r: Reading, prev_clause: str | None) -> str:
    head = text[max(x, q.start - len(q.pre) - WINDOW) : q.start - len(q.pre)]
    after = text[q.end : min(y, q.end + WINDOW)]
    if r.cmp_word:
        k = head.rfind(r.cmp_word)
        ind = head[:k]
        for h in FIRM_ASPIRATIONAL:
            if ind.endswith(h):
                ind = ind[: -len(h)]
        return strip_indicator(ind)
    obj = regex.match(r"[^、，,；;。]*", after.lstrip())
    obj_s = obj.group(0).strip() if obj is not None else ""
    obj_s = regex.sub(r"(?:以上|以下|左右|以内)$", "", obj_s)
    if obj_s and regex.match(r"[“\"《]?\p{Han}", obj_s):
        return strip_indicator(obj_s)
    between = text[max(r.verb_end, x, q.start - len(q.pre) - WINDOW) : q.start - len(q.pre)].strip(" ，、")
    if between:
        return strip_indicator(between)
    if prev_clause:
        return strip_indicator(prev_clause)
    return r.verb or head.strip()


def _make(
    text: str, s0: int, s1: int, q: Quantity, *, indicator: str, cmp: Comparator, year: int | None,
    aspirational: bool, scope: Scope, value: float | None = None,
) -> Target:
    ind = indicator or text[s0:s1]
    return Target(
        id=UNNUMBERED, kind="quantitative", indicator=ind, indicator_normalized=normalize_indicator(ind),
        value=q.v1 if value is None else value, value_max=q.v2, unit=q.unit, comparator=cmp, year=year,
        firmness="aspirational" if aspirational else "firm", text=text[s0:s1], span=(s0, s1),
        section_id=scope.section_id, value_printed=q.printed, unit_printed=q.unit_printed,
        where=scope.where, row=scope.row, column=scope.column,
    )  # fmt: skip


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t“”\"":
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return a, b


@dataclass
class _Run:
    """What carries over from clause to clause: the governing year, and within a sentence the
    hedge's position and the verb a later clause may leave out (新增A 30个；B 10条)."""

    year: int | None
    dated: bool = False
    hedge: int | None = None
    gap_verb: str | None = None
    prev_clause: str | None = None


def targets_in_text(text: str, a: int, b: int, scope: Scope) -> list[Target]:
    """Targets of the paragraph (or text cell) ``text[a:b]``, in order."""
    out: list[Target] = []
    run = _Run(scope.year)
    ref = scope.date_year or (scope.period[0] if scope.period else scope.year)
    for sa, sb in split_clauses(text, a, b, "。！？!?"):
        conditional = _CONDITIONAL.match(text, sa, sb) is not None
        hedges = [k for k in (text.find(h, sa, sb) for h in lexicon().hedges_sentence) if k >= 0]
        run.hedge, run.gap_verb, run.prev_clause = (min(hedges) if hedges else None), None, None
        for x, y in split_clauses(text, sa, sb, "，,；;：:"):
            x, y = _trim(text, x, y)
            if x >= y:
                continue
            ym = clause_year(text, x, y)
            body_start = x
            if ym is not None:
                run.year, run.dated = ym.year, True
                if ym.start == x:
                    body_start = ym.end
                    while body_start < y and text[body_start] in "，, ":
                        body_start += 1
            nth = nth_year(text, x, y, scope.period)
            year = nth[0].year if nth else run.year
            past = run.dated and ref is not None and year is not None and year < ref
            # background and technical requirements state what is or what must be: only a dated clause counts
            undated = (scope.background or scope.spec) and not (ym is not None or (run.dated and year is not None))
            # 对…成效明显的省（区、市），优先支持其行政区域内1家…: a rule for whoever qualifies
            if past or undated or (conditional and "其" in text[x:y]):
                run.prev_clause = text[x:y]
                continue
            out.extend(_clause_targets(text, body_start, y, scope, year, nth, run.dated or scope.goal, run))
            run.prev_clause = text[body_start:y]
    if not out and scope.where == "prose":
        milestone = _milestone(text, a, b, scope)
        if milestone is not None:
            out.append(milestone)
    return out


_MILESTONE = regex.compile(r"\s*到\s*(?P<y>(?:19|20|１９|２０)[0-9０-９]{2})\s*年\s*[，,]\s*")


def _milestone(text: str, a: int, b: int, scope: Scope) -> Target | None:
    """A dated milestone without a number: "到2035年，建成高水平创新型省份…" (value null)."""
    m = _MILESTONE.match(text, a, b)
    if m is None:
        return None
    end = next((j for j in range(m.end(), b) if text[j] in "，。；"), b)
    if end <= m.end():
        return None
    s = text[m.end() : end]
    return Target(
        id=UNNUMBERED, kind="qualitative", indicator=s, value=None, unit=None, comparator="none",
        year=int(to_halfwidth_digits(m["y"])), firmness="firm", text=s, span=(m.end(), end),
        section_id=scope.section_id, where=scope.where,
    )  # fmt: skip


_NOUN_ONLY = regex.compile(r"(?:其中)?[\p{Han}“”、（）()]{1,24}")


def _clause_targets(
    text: str, x: int, y: int, scope: Scope, year: int | None, nth: list[YearMark], dated: bool, run: _Run
) -> list[Target]:
    hedge, prev_clause = run.hedge, run.prev_clause
    cl = Clause.scan(text, x, y)
    out: list[Target] = []
    taken: list[tuple[int, int]] = []
    # a frequency: "15天完成1次…", "15/30天完成1次…"
    for fm in _FREQ.finditer(text, x, y):
        if cl.inside(fm.start()):
            continue
        taken.append((fm.start(), fm.end()))
        unit = fm["u"]
        for g in ("a", "b"):
            if fm[g] is None:
                continue
            q = Quantity(fm.start(g), fm.end(g), float(fm[g]), None, fm[g], unit, unit, "time", "", "", False)
            ind = strip_indicator(text[x : fm.start()]) or unit
            out.append(
                _make(text, x, y, q, indicator=ind, cmp="eq", year=year,
                      aspirational=aspirational(cl, fm.start(), hedge, ""), scope=scope)
            )  # fmt: skip
    dm = _DOUBLING.search(text, x, y)
    if dm is not None and not cl.inside(dm.start()):
        # 翻一番: doubles (×2), 翻两番: quadruples (×4)
        q = Quantity(dm.start(), dm.end(), 2.0 if dm["n"] == "一" else 4.0, None, dm.group(0), "倍", "倍", "ratio", "", "", True)
        out.append(
            _make(text, x, y, q, indicator=strip_indicator(text[x : dm.start()]), cmp="increase", year=year,
                  aspirational=aspirational(cl, dm.start(), hedge, ""), scope=scope)
        )  # fmt: skip
    qs = [q for q in quantities(text, x, y) if not any(s <= q.start < e for s, e in taken)]
    if not qs:
        return out
    if "分别" in text[x:y]:
        many = _respectively(text, x, y, qs, scope, year, nth, hedge)
        if many:
            return out + many
    readings: list[tuple[Quantity, Reading]] = []
    prev_q: Quantity | None = None
    criteria = {i for i in range(len(qs) - 1) if qualifies(text, qs[i], qs[-1], y)}
    own = [q for i, q in enumerate(qs) if i not in criteria]
    for i, q in enumerate(qs):
        if i in criteria:
            prev_q = q
            continue
        r = read_quantity(cl, q, prev_q, dated or scope.goal)
        if r is None and run.gap_verb and len(own) == 1 and q.end == y and _gapped(text, x, q):
            # 新增篮球场100个，开放草坪及林下空间60公顷以上: the verb of the clause before governs
            r = Reading("", run.gap_verb, x)
        if r is not None:
            readings.append((q, r))
            if r.verb:
                run.gap_verb = r.verb
        prev_q = q
    for k, (q, r) in enumerate(readings):
        s0, s1 = x, y
        if len(readings) > 1:
            # several items in one clause: each item's own stretch, from the list separator before it
            lo = readings[k - 1][0].end if k > 0 else x
            cut = regex.search(r"(?:、|和|及|以及|与)(?!.*(?:、|和|及|以及|与))", text[lo : q.start]) if k > 0 else None
            s0 = lo + cut.end() if cut is not None else (x if k == 0 else lo)
            hi = readings[k + 1][0].start if k + 1 < len(readings) else y
            nxt = regex.search(r"(?:、|和|及|以及|与)", text[q.end : hi]) if k + 1 < len(readings) else None
            s1 = q.end + nxt.start() if nxt is not None else (y if k + 1 == len(readings) else hi)
            s0, s1 = _trim(text, s0, s1)
        ind = _indicator(text, s0 if k > 0 else x, s1, q, r, prev_clause)
        out.append(
            _make(text, s0, s1, q, indicator=ind, cmp=comparator_of(q, r.cmp_word, r.hint), year=year,
                  aspirational=aspirational(cl, q.start, hedge, r.verb), scope=scope)
        )  # fmt: skip
    return out


def _gapped(text: str, x: int, q: Quantity) -> bool:
    """The clause is only a noun and this quantity: its verb was left out."""
    head = regex.sub(r"[0-9０-９.]+\p{Han}{0,4}?(?:及以上|以上|以下)", "", text[x : q.start - len(q.pre)])
    lex = lexicon()
    return bool(_NOUN_ONLY.fullmatch(head)) and not lex.verb_re.search(head) and not lex.comparator_re.search(head)


def _respectively(
    text: str, x: int, y: int, qs: list[Quantity], scope: Scope, year: int | None, nth: list[YearMark], hedge: int | None
) -> list[Target]:
    """"A、B分别达到65%和55%": one target per value; "第二年和第三年分别完成35％": one per subject."""
    k = text.find("分别", x, y)
    after = [q for q in qs if q.start > k]
    if not after or any(q.start < k for q in qs):
        return []
    cl = Clause.scan(text, x, y)
    first = read_quantity(cl, after[0], None, True)
    if first is None:
        return []
    cmp = comparator_of(after[0], first.cmp_word)
    asp = aspirational(cl, after[0].start, hedge, first.verb)
    ind = strip_indicator(text[x:k])
    out: list[Target] = []
    if len(after) >= 2:
        for i, q in enumerate(after):
            out.append(_make(text, x, y, q, indicator=f"{ind}（{i + 1}）", cmp=cmp, year=year, aspirational=asp, scope=scope))
        return out
    subjects = [s for s in regex.split(r"和|、|与|及", text[x:k]) if s.strip()]
    if len(subjects) < 2:
        return [_make(text, x, y, after[0], indicator=ind, cmp=cmp, year=year, aspirational=asp, scope=scope)]
    for i, subj in enumerate(subjects):
        y_i = nth[i].year if len(nth) == len(subjects) else year
        out.append(
            _make(text, x, y, after[0], indicator=f"{ind}（{subj.strip()}）", cmp=cmp, year=y_i, aspirational=asp,
                  scope=scope)
        )  # fmt: skip
    return out
