"""The comparison as a report for a person: titled tables (:func:`blocks`), rendered as Markdown here
and as HTML in :mod:`report_html`. Counts name the task ids they count; scores name the sections."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from policyparse.analysis.compare import Comparison, Ref, RoleCount
from policyparse.analysis.tables import target_text


@dataclass
class Cell:
    """A table cell: what is shown, and the element ids it was computed from (a tooltip in HTML)."""

    text: str
    ids: list[str] = field(default_factory=list)


@dataclass
class Block:
    title: str
    intro: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""
    group: str = ""  # blocks of one group (the pairs of the outline) fold together in HTML


def _c(text: object, ids: list[str] | None = None) -> Cell:
    return Cell("" if text is None else str(text), ids or [])


def _ids(refs: list[Ref]) -> list[str]:
    return [r.id for r in refs]


def _sec(r: Ref) -> str:
    return f"{r.label} [{r.id}]"


def blocks(cmp: Comparison, *, max_links: int = 40) -> list[Block]:
    """The report's tables in reading order."""
    label = {d.key: d.label for d in cmp.docs}
    keys = [d.key for d in cmp.docs]
    out = [_docs(cmp), _roles(cmp, keys, label), _agencies(cmp, label), _targets(cmp, keys, label)]
    out += _outline(cmp, label, max_links)
    if cmp.parent is not None:
        out += _implementation(cmp, label)
    out += _distinctive(cmp, label)
    return out


def _docs(cmp: Comparison) -> Block:
    rows = [[_c(d.label + ("（上级）" if d.is_parent else "")), _c(d.plan_title or d.title), _c(d.doc_number or "—"),
             _c("；".join(d.issuers) or "—"), _c(d.date or "—"), _c(d.pages or "—"), _c(d.tasks), _c(d.sections),
             _c(d.targets)] for d in cmp.docs]  # fmt: skip
    return Block("文件", "比较的文件（任务、章节、目标为解析出的条数）。",
                 ["简称", "标题", "文号", "发文机关", "日期", "页数", "任务", "章节", "目标"], rows)  # fmt: skip


def _role_cell(r: RoleCount | None) -> Cell:
    if r is None or (r.led == 0 and r.cooperating == 0):
        return _c("")
    text = str(r.led) + (f"（联合{r.co_led}）" if r.co_led else "") + (f" · 配合{r.cooperating}" if r.cooperating else "")
    return _c(text, _ids(r.led_tasks) + _ids(r.cooperating_tasks))


def _roles(cmp: Comparison, keys: list[str], label: dict[str, str]) -> Block:
    by: dict[str, dict[str, RoleCount]] = defaultdict(dict)
    for r in cmp.roles:
        by[r.role][r.doc] = r
    order = sorted(by, key=lambda k: (-sum(r.led for r in by[k].values()), -sum(r.cooperating for r in by[k].values()), k))
    cols = [k for k in keys if any(k in by[r] for r in order)]
    rows = [[_c(role), *[_role_cell(by[role].get(k)) for k in cols]] for role in order]
    return Block("各职能角色牵头的任务", "每格：牵头任务数（其中与其他单位联合牵头数）· 作为配合单位的任务数。"
                 "角色取自机构词表；词表未收的区级机构按名称核心词归类（区科委→科技）。",
                 ["角色", *[label[k] for k in cols]], rows)  # fmt: skip


def _agencies(cmp: Comparison, label: dict[str, str], top: int = 20) -> Block:
    ags = sorted((a for a in cmp.agencies if a.led), key=lambda a: (-a.led, -a.cooperating, a.doc, a.canonical))[:top]
    rows = [[_c(a.canonical), _c(a.role), _c(label[a.doc]), _c(a.led, _ids(a.led_tasks)), _c(a.co_led or ""),
             _c(a.cooperating or "", _ids(a.cooperating_tasks)), _c(" ".join(_ids(a.led_tasks)[:12]) + (" …" if a.led > 12 else ""))]
            for a in ags]  # fmt: skip
    note = "名称来源：词表（lexicon）或名称推断（morphology）；推断的机构名前加了所在区。"
    return Block("牵头最多的单位", f"按规范名称，牵头任务数前 {top}。", ["单位", "角色", "文件", "牵头", "联合", "配合", "牵头任务"],
                 rows, note)  # fmt: skip


def _targets(cmp: Comparison, keys: list[str], label: dict[str, str]) -> Block:
    rows: dict[str, dict[str, list[Cell]]] = defaultdict(lambda: defaultdict(list))
    for c in cmp.targets:
        rows[c.indicator_key][c.doc].append(_c(target_text(c.value, c.value_max, c.unit, c.comparator, c.year)
                                               + ("" if c.firmness == "firm" else "（预期）"), [c.target.id]))  # fmt: skip
    order = sorted(rows, key=lambda k: -len(rows[k]))
    cols = [k for k in keys if any(k in rows[i] for i in order)]

    def cell(cs: list[Cell]) -> Cell:
        return Cell("；".join(c.text for c in cs), [i for c in cs for i in c.ids])

    table = [[_c(ind), *[cell(rows[ind].get(k, [])) for k in cols]] for ind in order]
    return Block("目标对照", "按规范化指标名对齐；≥ 不低于，> 超过，≤ 不高于，（预期）为预期性目标。",
                 ["指标", *[label[k] for k in cols]], table)  # fmt: skip


def _outline(cmp: Comparison, label: dict[str, str], max_links: int) -> list[Block]:
    pairs: dict[tuple[str, str], list[list[Cell]]] = defaultdict(list)
    for x in sorted(cmp.outline, key=lambda x: (x.a.span[0], -x.score)):
        pairs[(x.a.doc, x.b.doc)].append([
            _c(_sec(x.a)), _c(_sec(x.b)), _c(f"{x.score:.2f}", [x.a.id, x.b.id]), _c("✓" if x.mutual else ""),
            _c("、".join(x.terms)),
        ])  # fmt: skip
    out = []
    for (a, b), rows in pairs.items():
        more = f"（另有 {len(rows) - max_links} 对未列出，见 JSON/CSV）" if len(rows) > max_links else ""
        out.append(Block(f"提纲对照：{label[a]} ↔ {label[b]}",
                         f"每节与对方最相似的一节（相似度 ≥ {cmp.settings.threshold:g}；✓ 为互为最佳）。{more}",
                         [label[a], label[b], "相似度", "互为最佳", "共有词"], rows[:max_links], group="outline"))  # fmt: skip
    return out


def _implementation(cmp: Comparison, label: dict[str, str]) -> list[Block]:
    parent = label[cmp.parent or ""]
    rows = []
    for p in cmp.implementation:
        kids = "；".join(f"{label[c.item.doc]} {c.item.id}（{c.score:.2f}）{c.item.label}" for c in p.children[:4])
        more = f" 等{len(p.children)}项" if len(p.children) > 4 else ""
        rows.append([_c(_sec(p.parent) if p.parent.kind == "section" else f"{p.parent.id} {p.parent.label}"),
                     _c(kids + more if p.covered else "—（未见落实）", [c.item.id for c in p.children]),
                     _c("、".join(p.children[0].terms) if p.children else "")])  # fmt: skip
    covered = sum(p.covered for p in cmp.implementation)
    head = Block(f"上级文件落实：{parent}",
                 f"上级文件的 {len(cmp.implementation)} 个条目中 {covered} 个有下级任务落实（相似度 ≥ {cmp.settings.threshold:g}）。",
                 ["上级条目", "落实它的下级任务（相似度）", "共有词"], rows)  # fmt: skip
    orphans = [[_c(label[c.child.doc]), _c(f"{c.child.id} {c.child.label}", [c.child.id]),
                _c(f"{_sec(c.best.item)}（{c.best.score:.2f}）" if c.best else "—")]
               for c in cmp.implementation_children if not c.mapped]  # fmt: skip
    tail = Block("下级独有的任务", "与上级文件任何条目的相似度都低于阈值的下级任务（及其最接近的上级条目）。",
                 ["文件", "任务", "最接近的上级条目"], orphans)  # fmt: skip
    return [head, tail]


def _distinctive(cmp: Comparison, label: dict[str, str]) -> list[Block]:
    if len(cmp.docs) < 2:
        return []
    terms: dict[str, list[str]] = defaultdict(list)
    ids: dict[str, list[str]] = defaultdict(list)
    for t in cmp.distinctive:
        terms[t.doc].append(f"{t.term}（{t.count}）")
        ids[t.doc] += [r.id for r in t.where[:2]]
    secs: dict[str, list[Ref]] = defaultdict(list)
    for r in cmp.distinctive_sections:
        secs[r.doc].append(r)
    rows = [[_c(d.label), _c("、".join(terms[d.key]) or "—", ids[d.key]),
             _c("；".join(_sec(r) for r in secs[d.key][:8]) + (" …" if len(secs[d.key]) > 8 else "") or "—",
                [r.id for r in secs[d.key]])] for d in cmp.docs]  # fmt: skip
    return [Block("各文件独有的内容", "只在该文件中出现（至少两次）的词，及与其他文件任何一节都不对应的章节。",
                  ["文件", "独有词（次数）", "独有章节"], rows)]  # fmt: skip


def _md_cell(c: Cell) -> str:
    return c.text.replace("|", "\\|").replace("\n", " ")


def to_markdown(cmp: Comparison) -> str:
    """The comparison as a Markdown report."""
    names = "、".join(d.label for d in cmp.docs)
    lines = [f"# 文件比较：{names}", ""]
    for b in blocks(cmp):
        lines += [f"## {b.title}", "", b.intro, ""]
        if not b.rows:
            lines += ["（无）", ""]
            continue
        lines.append("| " + " | ".join(b.headers) + " |")
        lines.append("|" + "|".join("---" for _ in b.headers) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
        lines.append("")
        if b.note:
            lines += [b.note, ""]
    return "\n".join(lines)
