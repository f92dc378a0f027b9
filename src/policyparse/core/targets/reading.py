"""Why a quantity of a clause is a target — the comparator or verb that commits the plan to it —
or why it is not (a present figure, a count of the plan's own items, a scope, a rule threshold…).
See prose.py for the list and docs/targets.md for the definition.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.targets.lexicon import lexicon
from policyparse.core.targets.quantities import Quantity
from policyparse.core.targets.scan import FILLER, LISTING, WINDOW, Clause, Cmp, comparator_before, last_verb
from policyparse.models import Comparator

_LIST_SEP = regex.compile(r"(?:、|和|及|以及|与|并|，|,)\s*\p{Han}{0,20}$")
_PREPS_FOR = ("对", "为", "向", "给", "将", "把")
_BUILD = ("构建", "打造", "建设", "建成", "形成", "实现")
_SERVICE_RADIUS = regex.compile(r"^\p{Han}{0,8}圈")
_ENUM_AFTER = regex.compile(r"^(\p{Han}{1,10})[（(]([^）)]+)[）)]")
FIRM_ASPIRATIONAL = ("力争", "争取", "努力", "力求", "争创", "尽量", "尽可能", "有望", "预计")


@dataclass(frozen=True)
class Reading:
    """What commits the plan to a quantity."""

    cmp_word: str  # the comparator right before the quantity ("" when a verb governs it)
    verb: str
    verb_end: int  # where the governing word ends (for the indicator)
    hint: Comparator | None = None  # what a word away from the quantity says (至少建成 → ge)


_BOUNDS = ("不小于", "不低于", "不少于", "超过", "大于", "高于", "至少")


def _is_rule_threshold(cl: Clause, cm: Cmp, dated: bool) -> bool:
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


def qualifies(text: str, q: Quantity, count: Quantity | None, y: int) -> bool:
    """1000亩以上开放休闲林地5个: ``q`` (with 以上/以下, right before a noun) sizes the things that
    ``count``, at the end of the clause, counts — a criterion, not a target of its own."""
    if count is None or q.post not in ("以上", "以下", "及以上") or count.group not in ("count", "unknown"):
        return False
    between = text[q.end : count.start - len(count.pre)]
    return bool(regex.fullmatch(r"[\p{Han}“”]{1,16}", between)) and not text[count.end : y].strip()


def read_quantity(cl: Clause, q: Quantity, prev_q: Quantity | None, dated: bool) -> Reading | None:
    """Why ``q`` is a target (the comparator or verb that commits the plan to it), or None."""
    lex = lexicon()
    text, x, y = cl.text, cl.x, cl.y
    qs = q.start - len(q.pre)
    before = cl.before(qs)
    after = text[q.end : min(y, q.end + WINDOW)]
    if cl.inside(q.start) or cl.seen("present", qs) or cl.seen("spec", qs) or cl.seen("listing", qs):
        return None  # what is (已, 目前…), a specification, or places the plan lists (聚焦3个…)
    if before.rstrip().endswith(LISTING):
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
    cm = comparator_before(cl, qs)
    if cm is not None:
        if _is_rule_threshold(cl, cm, dated):
            return None
        if stripped_after.startswith("的") and not (
            q.group == "count" and lex.comparators.get(cm.word) in ("ge", "gt") and last_verb(cl, cm.start) is not None
        ):
            return None  # 超过60kg的物品: a threshold that picks things out
        if cm.word in CMP_FOR_RATIO_ONLY and q.group != "ratio":
            return Reading("", cm.word, cm.end)  # 提升百个公共空间: the word is a verb here
        return Reading(cm.word, "", cm.end)
    if q.cn or (q.unit == "" and q.group == "count") or q.group == "spec":
        return None
    if stripped_after.startswith("的") and q.post in ("以上", "以下", "以内", "内", "及以上"):
        # 区域面积1000平米以上的园区 picks things out; 建成230座以上的公园 counts what is built
        vm0 = last_verb(cl, qs)
        if not (q.group == "count" and q.post in ("以上", "及以上") and vm0 is not None
                and regex.fullmatch(FILLER, text[vm0.end() : qs])):
            return None
    if q.group == "time":
        vm = last_verb(cl, q.start)
        if vm is not None and vm.group(0) in _BUILD and _SERVICE_RADIUS.match(after) and vm.end() >= q.start - 6:
            return Reading("", vm.group(0), vm.end(), "le")  # 5分钟响应圈: reached within 5 minutes
        return None
    vm = last_verb(cl, qs)
    if vm is not None and vm.end() >= qs - WINDOW:
        if prev_q is not None and prev_q.start >= vm.end() and not qualifies(text, prev_q, q, y):
            # another quantity stands between the verb and this one: only a list item is governed
            gap = text[prev_q.end : qs]
            if not _LIST_SEP.search(gap) or not regex.search(r"(?:、|和|及|以及|与)", gap):
                return None
        at_least = regex.search(r"(?:至少|最少|不少于|确保至少)\s*$", text[max(x, vm.start() - 6) : vm.start()])
        return Reading("", vm.group(0), vm.end(), "ge" if at_least else None)
    lead = before.rstrip()
    verb_after = lex.verb_re.search(after[:30]) is not None
    if verb_after and (lead.endswith(_PREPS_FOR) or regex.search(r"对(?:其中|其余|剩余)的?$", lead)):
        return Reading("", "", q.start)  # 对300个公交站台进行适老化改造
    if verb_after and lead.endswith("在") and "pilot" in cl.first:
        return Reading("", "", q.start)  # 率先在120个社区开展…
    return None


CMP_FOR_RATIO_ONLY = ("增加", "提升", "提高", "扩大")


def comparator_of(q: Quantity, cmp_word: str, hint: Comparator | None = None) -> Comparator:
    """range > increase/decrease > 以上/以内/左右/余 after the number > the comparator word > the hint > 约 > eq."""
    lex = lexicon()
    if q.v2 is not None:
        return "range"
    kind = lex.comparators.get(cmp_word)
    if kind in ("increase", "decrease") and not (cmp_word in CMP_FOR_RATIO_ONLY and q.group != "ratio"):
        return kind  # 下降3%左右: a decrease, about 3%
    if q.post in ("以上", "及以上"):
        return "ge"
    if q.post in ("以内", "以下", "内"):
        return "le"
    if q.post == "左右":
        return "approx"
    if q.post in ("余", "多"):
        return "gt"
    if kind == "increase" and cmp_word in CMP_FOR_RATIO_ONLY and q.group != "ratio":
        return "eq"
    if kind is not None:
        return kind
    if hint is not None:
        return hint
    if q.pre:
        return "approx"
    return "eq"


def aspirational(cl: Clause, pos: int, sentence_hedge: int | None, verb: str) -> bool:
    """力争/争取/努力… earlier in the clause, 原则上 earlier in the sentence, or an aspirational verb (争创)."""
    if sentence_hedge is not None and sentence_hedge < pos:
        return True
    if verb in FIRM_ASPIRATIONAL:
        return True
    return cl.seen("hedge", pos)
