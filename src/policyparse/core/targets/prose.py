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

import bisect
from dataclasses import dataclass, field
from functools import cache

import regex

from policyparse.core.brackets import CLOSERS, OPENERS
from policyparse.core.numerals import to_halfwidth_digits
from policyparse.core.targets.indicators import normalize_indicator, strip_indicator
from policyparse.core.targets.lexicon import alternation, lexicon
from policyparse.core.targets.quantities import Quantity, quantities
from policyparse.core.targets.years import YearMark, clause_year, nth_year
from policyparse.models import Comparator, Target, TargetWhere

UNNUMBERED = "tg0"  # the pipeline numbers targets in document order: tg1, tg2…
_FILLER = r"(?:均|分别|总体|累计|共|再|力争|争取|确保|将|要|了|为|约|近|大约|达)*\s*"
_LIST_SEP = regex.compile(r"(?:、|和|及|以及|与|并|，|,)\s*\p{Han}{0,20}$")
_FREQ = regex.compile(
    r"(?:每)?(?P<a>[0-9０-９]+)(?:/(?P<b>[0-9０-９]+))?\s*(?P<u>天|日|周|个月|月|年)\s*"
    r"(?:完成|开展|进行|组织|实施)?\s*(?:1|一)\s*次"
)
_LISTING = ("聚焦", "围绕", "包括", "涵盖", "分为", "主要包括", "共分", "即")
_PREPS_FOR = ("对", "为", "向", "给", "将", "把")
_BUILD = ("构建", "打造", "建设", "建成", "形成", "实现")
_SERVICE_RADIUS = regex.compile(r"^\p{Han}{0,8}圈")
_ENUM_AFTER = regex.compile(r"^(\p{Han}{1,10})[（(]([^）)]+)[）)]")
_DOUBLING = regex.compile(r"(?:力争|争取|确保)?翻(?P<n>一|两)番")
_CONDITIONAL = regex.compile(r"\s*(?:对|对于|凡)[^，,。；;0-9０-９]{2,80}的\p{Han}{1,8}(?:[（(][^）)]{1,12}[）)])?[，,]")
_FIRM_ASPIRATIONAL = ("力争", "争取", "努力", "力求", "争创", "尽量", "尽可能", "有望", "预计")


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


@dataclass(frozen=True)
class _Reading:
    cmp_word: str  # the comparator right before the quantity ("" when a verb governs it)
    verb: str
    verb_end: int  # where the governing word ends (for the indicator)
    hint: Comparator | None = None  # what a word away from the quantity says (至少建成 → ge)


_QUOTE_SPAN = 40  # a quote left open longer than this was a typo (“四化“), not a name


def _depths(text: str, a: int, b: int) -> list[int]:
    """Bracket and quote depth at each offset of ``text[a:b]``, tolerant of unbalanced quotes:
    a second “ closes the first, and a quote still open after _QUOTE_SPAN characters is dropped."""
    out: list[int] = []
    stack: list[tuple[str, int]] = []
    for i in range(a, b):
        ch = text[i]
        if stack and stack[-1][0] in "“\"" and i - stack[-1][1] > _QUOTE_SPAN:
            stack.pop()
        if ch == "“" and stack and stack[-1][0] == "“":
            stack.pop()
        elif ch in OPENERS:
            stack.append((ch, i))
        elif ch in CLOSERS and stack:
            stack.pop()
        out.append(len(stack))
    return out


_WINDOW = 80  # how far before a quantity its governing words are looked for (keeps long clauses linear)


@dataclass
class _Clause:
    """One clause, scanned once: bracket depths, verbs, and where marker words first occur."""

    text: str
    x: int
    y: int
    depth: list[int]
    verbs: list[regex.Match[str]]
    first: dict[str, int]
    verb_ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.verb_ends = [m.end() for m in self.verbs]

    @classmethod
    def scan(cls, text: str, x: int, y: int) -> _Clause:
        depth = [0, *_depths(text, x, y)]
        verbs = [m for m in lexicon().verb_re.finditer(text, x, y) if depth[m.start() - x] == 0]
        first: dict[str, int] = {}
        for key, rx in _markers().items():
            m = rx.search(text, x, y)
            if m is not None:
                first[key] = m.end()
        return cls(text, x, y, depth, verbs, first)

    def inside(self, pos: int) -> bool:
        return self.depth[pos - self.x] > 0

    def seen(self, key: str, pos: int) -> bool:
        """A word of family ``key`` ends at or before ``pos``."""
        return self.first.get(key, self.y + 1) <= pos

    def before(self, pos: int) -> str:
        return self.text[max(self.x, pos - _WINDOW) : pos]


@cache
def _markers() -> dict[str, regex.Pattern[str]]:
    lex = lexicon()
    return {
        "present": regex.compile(alternation(lex.present)),
        "listing": regex.compile(alternation(_LISTING[:3])),
        "spec": regex.compile("规格"),
        "every": regex.compile("每"),
        "pilot": regex.compile(alternation(lex.pilot_words)),
        "hedge": regex.compile(alternation(lex.hedges_clause)),
    }


def _split(text: str, a: int, b: int, seps: str) -> list[tuple[int, int]]:
    """Ranges of ``text[a:b]`` between separators outside brackets and quotes (see _depths)."""
    depth = _depths(text, a, b)
    out: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if text[i] in seps and depth[i - a] == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out


@dataclass(frozen=True)
class _Cmp:
    word: str
    start: int
    end: int


def _comparator_before(cl: _Clause, end: int) -> _Cmp | None:
    """The comparator that stands right before ``end`` (fillers such as 均/分别/力争 between)."""
    lo = max(cl.x, end - 24)
    window = cl.text[lo:end]
    best = None
    for m in lexicon().comparator_re.finditer(window):
        if regex.fullmatch(_FILLER, window[m.end() :]):
            best = _Cmp(m.group(0), lo + m.start(), lo + m.end())
    return best


_NOMINAL = regex.compile(
    r"(?:能力|水平|率|量|规模|面积|比例|比重|数量|总量|能级|效率|标准|强度|密度|人数|次数|指数|单位|主体|机构|成本|情况|区内|区域)"
)


def _last_verb(cl: _Clause, end: int) -> regex.Match[str] | None:
    """The verb that governs what stands at ``end``: the last one before it that is a predicate.

    A verb run followed by a nominal head (分拣处置能力, 提升项目) is part of a noun, not a predicate.
    """
    text = cl.text
    hi = bisect.bisect_right(cl.verb_ends, end)
    lo = bisect.bisect_left(cl.verb_ends, end - _WINDOW)
    found = cl.verbs[lo:hi]
    k = len(found) - 1
    while k >= 0:
        m = found[k]
        j = k
        while j + 1 < len(found) and found[j + 1].start() == found[j].end():
            j += 1
        if not _NOMINAL.match(text, found[j].end(), end):
            return m
        k -= 1
        while k >= 0 and found[k].end() == found[k + 1].start():
            k -= 1
    return None


_BOUNDS = ("不小于", "不低于", "不少于", "超过", "大于", "高于", "至少")


def _is_rule_threshold(cl: _Clause, cm: _Cmp, dated: bool) -> bool:
    """应不小于5万吨, 原则上不超过5年, 建筑高度大于27m: a rule's threshold, not a target.

    A bound after a modal is always a rule; an upper bound or a bare comparison (大于/小于) is a
    target only in a dated or goal statement.
    """
    lex = lexicon()
    lead = cl.text[max(cl.x, cm.start - 8) : cm.start].rstrip()
    if cm.word in (*lex.upper_bound_rules, *_BOUNDS) and lead.endswith(lex.rule_modals):
        return True
    return (cm.word in lex.upper_bound_rules or cm.word in lex.criteria_comparators) and not dated


def _counts_plan_items(after: str) -> bool:
    """22项任务, 65个基础性指标: the object (up to the next break) is one of the plan's own items."""
    lex = lexicon()
    obj = regex.match(r"[^、，,；;。和及与（(]*", after)
    head = obj.group(0) if obj is not None else after
    head = regex.sub(r"(?:的|之)?(?:同时|基础上|中|里)$", "", head)
    return any(after.startswith(n) for n in lex.plan_items) or any(head.endswith(n) for n in lex.plan_items)


def _restates_list(before: str, q: Quantity) -> bool:
    """石油化工、水域救援、危化品处置3支队伍: the count restates the items just listed."""
    run = regex.search(r"[\p{Han}“”、]+$", before)
    if run is None or "、" not in run.group(0):
        return False
    return len(run.group(0).split("、")) == int(q.v1) and q.v2 is None


def _qualifies(text: str, q: Quantity, count: Quantity | None, y: int) -> bool:
    """1000亩以上开放休闲林地5个: ``q`` (with 以上/以下, right before a noun) sizes the things that
    ``count``, at the end of the clause, counts — a criterion, not a target of its own."""
    if count is None or q.post not in ("以上", "以下", "及以上") or count.group not in ("count", "unknown"):
        return False
    between = text[q.end : count.start - len(count.pre)]
    return bool(regex.fullmatch(r"[\p{Han}“”]{1,16}", between)) and not text[count.end : y].strip()


def _reading(cl: _Clause, q: Quantity, prev_q: Quantity | None, dated: bool) -> _Reading | None:
    """Why ``q`` is a target (the comparator or verb that commits the plan to it), or None."""
    lex = lexicon()
    text, x, y = cl.text, cl.x, cl.y
    qs = q.start - len(q.pre)
    before = cl.before(qs)
    after = text[q.end : min(y, q.end + _WINDOW)]
    if cl.inside(q.start) or cl.seen("present", qs) or cl.seen("spec", qs) or cl.seen("listing", qs):
        return None  # what is (已, 目前…), a specification, or places the plan lists (聚焦3个…)
    if before.rstrip().endswith(_LISTING):
        return None
    if q.group == "time" and q.unit in ("年", "月", "日") and q.v1 >= 1000:
        return None  # a date
    stripped_after = after.lstrip()
    if q.group in ("count", "unknown") and (_counts_plan_items(stripped_after) or _restates_list(before, q)):
        return None
    em = _ENUM_AFTER.match(stripped_after)
    if em is not None and len(regex.split(r"[、，,]", em.group(2))) == int(q.v1):
        return None  # 4个新城（A、B、C、D）: the places the plan lists
    if q.group in ("length", "area", "time") and stripped_after.startswith(lex.scope_after):
        return None
    if q.unit == "次" and "every" in cl.first:
        return None  # a frequency rule (每月开展不少于1次)
    cm = _comparator_before(cl, qs)
    if cm is not None:
        if _is_rule_threshold(cl, cm, dated):
            return None
        if stripped_after.startswith("的") and not (
            q.group == "count" and lex.comparators.get(cm.word) in ("ge", "gt") and _last_verb(cl, cm.start) is not None
        ):
            return None  # 超过60kg的物品: a threshold that picks things out
        if cm.word in _CMP_FOR_RATIO_ONLY and q.group != "ratio":
            return _Reading("", cm.word, cm.end)  # 提升百个公共空间: the word is a verb here
        return _Reading(cm.word, "", cm.end)
    if q.cn or (q.unit == "" and q.group == "count") or q.group == "spec":
        return None
    if stripped_after.startswith("的") and q.post in ("以上", "以下", "以内", "内", "及以上"):
        # 区域面积1000平米以上的园区 picks things out; 建成230座以上的公园 counts what is built
        vm0 = _last_verb(cl, qs)
        if not (q.group == "count" and q.post in ("以上", "及以上") and vm0 is not None
                and regex.fullmatch(_FILLER, text[vm0.end() : qs])):
            return None
    if q.group == "time":
        vm = _last_verb(cl, q.start)
        if vm is not None and vm.group(0) in _BUILD and _SERVICE_RADIUS.match(after) and vm.end() >= q.start - 6:
            return _Reading("", vm.group(0), vm.end(), "le")  # 5分钟响应圈: reached within 5 minutes
        return None
    vm = _last_verb(cl, qs)
    if vm is not None and vm.end() >= qs - _WINDOW:
        if prev_q is not None and prev_q.start >= vm.end() and not _qualifies(text, prev_q, q, y):
            # another quantity stands between the verb and this one: only a list item is governed
            gap = text[prev_q.end : qs]
            if not _LIST_SEP.search(gap) or not regex.search(r"(?:、|和|及|以及|与)", gap):
                return None
        at_least = regex.search(r"(?:至少|最少|不少于|确保至少)\s*$", text[max(x, vm.start() - 6) : vm.start()])
        return _Reading("", vm.group(0), vm.end(), "ge" if at_least else None)
    lead = before.rstrip()
    verb_after = lex.verb_re.search(after[:30]) is not None
    if verb_after and (lead.endswith(_PREPS_FOR) or regex.search(r"对(?:其中|其余|剩余)的?$", lead)):
        return _Reading("", "", q.start)  # 对300个公交站台进行适老化改造
    if verb_after and lead.endswith("在") and "pilot" in cl.first:
        return _Reading("", "", q.start)  # 率先在120个社区开展…
    return None


_CMP_FOR_RATIO_ONLY = ("增加", "提升", "提高", "扩大")


def _comparator(q: Quantity, cmp_word: str, hint: Comparator | None = None) -> Comparator:
    lex = lexicon()
    if q.v2 is not None:
        return "range"
    kind = lex.comparators.get(cmp_word)
    if kind in ("increase", "decrease") and not (cmp_word in _CMP_FOR_RATIO_ONLY and q.group != "ratio"):
        return kind  # 下降3%左右: a decrease, about 3%
    if q.post in ("以上", "及以上"):
        return "ge"
    if q.post in ("以内", "以下", "内"):
        return "le"
    if q.post == "左右":
        return "approx"
    if q.post in ("余", "多"):
        return "gt"
    if kind == "increase" and cmp_word in _CMP_FOR_RATIO_ONLY and q.group != "ratio":
        return "eq"
    if kind is not None:
        return kind
    if hint is not None:
        return hint
    if q.pre:
        return "approx"
    return "eq"


def _aspirational(cl: _Clause, pos: int, sentence_hedge: int | None, verb: str) -> bool:
    if sentence_hedge is not None and sentence_hedge < pos:
        return True
    if verb in _FIRM_ASPIRATIONAL:
        return True
    return cl.seen("hedge", pos)


def _indicator(text: str, x: int, y: int, q: Quantity, r: _Reading, prev_clause: str | None) -> str:
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


def _indicator_raw(text: str, x: int, y: int, q: Quantity, r: _Reading, prev_clause: str | None) -> str:
    head = text[max(x, q.start - len(q.pre) - _WINDOW) : q.start - len(q.pre)]
    after = text[q.end : min(y, q.end + _WINDOW)]
    if r.cmp_word:
        k = head.rfind(r.cmp_word)
        ind = head[:k]
        for h in _FIRM_ASPIRATIONAL:
            if ind.endswith(h):
                ind = ind[: -len(h)]
        return strip_indicator(ind)
    obj = regex.match(r"[^、，,；;。]*", after.lstrip())
    obj_s = obj.group(0).strip() if obj is not None else ""
    obj_s = regex.sub(r"(?:以上|以下|左右|以内)$", "", obj_s)
    if obj_s and regex.match(r"[“\"《]?\p{Han}", obj_s):
        return strip_indicator(obj_s)
    between = text[max(r.verb_end, x, q.start - len(q.pre) - _WINDOW) : q.start - len(q.pre)].strip(" ，、")
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
    for sa, sb in _split(text, a, b, "。！？!?"):
        conditional = _CONDITIONAL.match(text, sa, sb) is not None
        hedges = [k for k in (text.find(h, sa, sb) for h in lexicon().hedges_sentence) if k >= 0]
        run.hedge, run.gap_verb, run.prev_clause = (min(hedges) if hedges else None), None, None
        for x, y in _split(text, sa, sb, "，,；;：:"):
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
    cl = _Clause.scan(text, x, y)
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
                      aspirational=_aspirational(cl, fm.start(), hedge, ""), scope=scope)
            )  # fmt: skip
    dm = _DOUBLING.search(text, x, y)
    if dm is not None and not cl.inside(dm.start()):
        # 翻一番: doubles (×2), 翻两番: quadruples (×4)
        q = Quantity(dm.start(), dm.end(), 2.0 if dm["n"] == "一" else 4.0, None, dm.group(0), "倍", "倍", "ratio", "", "", True)
        out.append(
            _make(text, x, y, q, indicator=strip_indicator(text[x : dm.start()]), cmp="increase", year=year,
                  aspirational=_aspirational(cl, dm.start(), hedge, ""), scope=scope)
        )  # fmt: skip
    qs = [q for q in quantities(text, x, y) if not any(s <= q.start < e for s, e in taken)]
    if not qs:
        return out
    if "分别" in text[x:y]:
        many = _respectively(text, x, y, qs, scope, year, nth, hedge)
        if many:
            return out + many
    readings: list[tuple[Quantity, _Reading]] = []
    prev_q: Quantity | None = None
    criteria = {i for i in range(len(qs) - 1) if _qualifies(text, qs[i], qs[-1], y)}
    own = [q for i, q in enumerate(qs) if i not in criteria]
    for i, q in enumerate(qs):
        if i in criteria:
            prev_q = q
            continue
        r = _reading(cl, q, prev_q, dated or scope.goal)
        if r is None and run.gap_verb and len(own) == 1 and q.end == y and _gapped(text, x, q):
            # 新增篮球场100个，开放草坪及林下空间60公顷以上: the verb of the clause before governs
            r = _Reading("", run.gap_verb, x)
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
            _make(text, s0, s1, q, indicator=ind, cmp=_comparator(q, r.cmp_word, r.hint), year=year,
                  aspirational=_aspirational(cl, q.start, hedge, r.verb), scope=scope)
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
    cl = _Clause.scan(text, x, y)
    first = _reading(cl, after[0], None, True)
    if first is None:
        return []
    cmp = _comparator(after[0], first.cmp_word)
    asp = _aspirational(cl, after[0].start, hedge, first.verb)
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
