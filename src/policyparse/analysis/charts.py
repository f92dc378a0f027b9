"""Charts of a comparison (matplotlib, object API: no pyplot state, no GUI backend).

Each function returns a ``matplotlib.figure.Figure`` drawn with a CJK font (see :mod:`fonts`),
or None when the comparison has nothing to draw. :func:`svg` renders one for the HTML report.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import TYPE_CHECKING

from policyparse.analysis.fonts import chart_rc

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from policyparse.analysis.compare import Comparison

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")


def _short(s: str, n: int = 18) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def labels(cmp: Comparison) -> dict[str, str]:
    """Document key → the short label charts and reports show."""
    return {d.key: d.label for d in cmp.docs}


def roles_chart(cmp: Comparison, top: int = 12) -> Figure | None:
    """Tasks led per agency role, one bar per document (the ``top`` roles by total)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    led: dict[str, dict[str, int]] = defaultdict(dict)
    for r in cmp.roles:
        if r.led:
            led[r.role][r.doc] = r.led
    if not led:
        return None
    roles = sorted(led, key=lambda k: (-sum(led[k].values()), k))[:top][::-1]
    keys = [d.key for d in cmp.docs if any(d.key in led[r] for r in roles)]
    names = labels(cmp)
    with rc_context(chart_rc()):
        fig = Figure(figsize=(8, 0.9 + 0.32 * len(roles) * max(1, len(keys)) ** 0.5), layout="constrained")
        ax = fig.add_subplot()
        h = 0.8 / len(keys)
        for k, key in enumerate(keys):
            ys = [i + (k - (len(keys) - 1) / 2) * h for i in range(len(roles))]
            ax.barh(ys, [led[r].get(key, 0) for r in roles], height=h, color=PALETTE[k % len(PALETTE)], label=names[key])
        ax.set_yticks(range(len(roles)), roles)
        ax.set_xlabel("牵头任务数")
        ax.set_title("各职能角色牵头的任务数")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="lower right", fontsize=8)
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def targets_chart(cmp: Comparison) -> Figure | None:
    """Quantitative targets named by two or more documents, one panel per indicator."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    rows: dict[str, dict[str, tuple[float, str]]] = defaultdict(dict)
    for c in cmp.targets:
        if c.kind == "quantitative" and c.value is not None:
            rows[c.indicator_key].setdefault(c.doc, (c.value, f"{c.value:g}{c.unit or ''}" + (f" ({c.year})" if c.year else "")))
    shared = [k for k, v in rows.items() if len(v) >= 2]
    if not shared:
        return None
    names = labels(cmp)
    keys = [d.key for d in cmp.docs]
    with rc_context(chart_rc()):
        fig = Figure(figsize=(8, 0.6 + 1.1 * len(shared)), layout="constrained")
        axes = fig.subplots(len(shared), 1, squeeze=False)[:, 0]
        for ax, ind in zip(axes, shared, strict=True):
            docs = [k for k in keys if k in rows[ind]]
            vals = [rows[ind][k][0] for k in docs]
            ax.barh(range(len(docs)), vals, color=[PALETTE[keys.index(k) % len(PALETTE)] for k in docs], height=0.6)
            ax.set_yticks(range(len(docs)), [names[k] for k in docs], fontsize=8)
            for y, k in enumerate(docs):
                ax.annotate(rows[ind][k][1], (vals[y], y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
            ax.set_title(ind, fontsize=10, loc="left")
            ax.set_xlim(0, max(vals) * 1.35)
            ax.invert_yaxis()
            ax.spines[["top", "right"]].set_visible(False)
        fig.suptitle("同一指标的目标值")
    return fig


def outline_heatmap(cmp: Comparison, a_doc: str, b_doc: str) -> Figure | None:
    """Similarity of the two outlines' sections (rows: ``a_doc``, columns: ``b_doc``)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    m = next((m for m in cmp.outline_matrices if {m.a_doc, m.b_doc} == {a_doc, b_doc}), None)
    if m is None:
        return None
    scores, rows, cols = m.scores, m.a_sections, m.b_sections
    if m.a_doc != a_doc:
        scores = [list(x) for x in zip(*scores, strict=True)]
        rows, cols = cols, rows
    names = labels(cmp)
    with rc_context(chart_rc()):
        w = min(16.0, max(7.0, 3.0 + 0.22 * len(cols)))
        h = min(20.0, 2.5 + 0.2 * len(rows))
        fig = Figure(figsize=(w, h), layout="constrained")
        ax = fig.add_subplot()
        im = ax.imshow(scores, cmap="Blues", vmin=0, vmax=max(0.3, max(max(r) for r in scores)), aspect="auto")
        ax.set_yticks(range(len(rows)), [_short(r.label, 22) for r in rows], fontsize=7)
        ax.set_xticks(range(len(cols)), [_short(c.label, 16) for c in cols], fontsize=7, rotation=90)
        ax.set_ylabel(names[rows[0].doc] if rows else "")
        ax.set_xlabel(names[cols[0].doc] if cols else "")
        ax.set_title("提纲对照：章节文本相似度")
        fig.colorbar(im, ax=ax, shrink=0.6, label="相似度")
    return fig


def coverage_chart(cmp: Comparison) -> Figure | None:
    """Per top-level division of the parent: its items implemented by a child task, and not."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    if not cmp.implementation:
        return None
    groups: dict[str, list[int]] = {}
    for p in cmp.implementation:
        head = p.parent.label.split(">")[0].split(" ")[0] if p.parent.kind == "section" else p.parent.id
        groups.setdefault(head, [0, 0])[0 if p.covered else 1] += 1
    titles = _chapter_titles(cmp)
    heads = list(groups)[::-1]
    with rc_context(chart_rc()):
        fig = Figure(figsize=(8, 1.0 + 0.35 * len(heads)), layout="constrained")
        ax = fig.add_subplot()
        yes = [groups[h][0] for h in heads]
        no = [groups[h][1] for h in heads]
        ax.barh(range(len(heads)), yes, color=PALETTE[2], label="有下级任务落实")
        ax.barh(range(len(heads)), no, left=yes, color="#cccccc", label="未见落实")
        ax.set_xlim(0, max(a + b for a, b in zip(yes, no, strict=True)) * 1.25)
        ax.set_yticks(range(len(heads)), [_short(f"{h} {titles.get(h, '')}".strip(), 24) for h in heads], fontsize=8)
        ax.set_xlabel("上级文件条目数")
        ax.set_title(f"上级文件（{labels(cmp)[cmp.parent or '']}）各部分的落实情况")
        ax.legend(loc="upper right", fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def _chapter_titles(cmp: Comparison) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in cmp.outline_matrices:
        for r in [*m.a_sections, *m.b_sections]:
            if r.doc == cmp.parent and ">" not in r.label:
                marker, _, title = r.label.partition(" ")
                out[marker] = title
    return out


def svg(fig: Figure) -> str:
    """The figure as an SVG document with glyphs as outlines (no font needed to view it)."""
    from matplotlib import rc_context

    buf = io.StringIO()
    with rc_context(chart_rc()):
        fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    # the RDF metadata names namespaces by URL: harmless, but the report promises no outside address
    start, end = text.find("<metadata>"), text.find("</metadata>")
    return text[:start] + text[end + len("</metadata>") :] if 0 <= start < end else text
