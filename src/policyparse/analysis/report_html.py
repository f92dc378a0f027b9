"""The comparison as one self-contained HTML file: inline CSS, charts as inline SVG (glyphs as
outlines), no script, no link to anything outside the file."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import regex

from policyparse.analysis import charts
from policyparse.analysis.report_md import Block, Cell, blocks

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from policyparse.analysis.compare import Comparison

_NUMERIC = regex.compile(r"^\d+(\.\d+)?(（联合\d+）)?( · 配合\d+)?$")
CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 24px auto; max-width: 1320px; padding: 0 16px; color: #222; line-height: 1.5; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 2px solid #4e79a7; }
p.intro { color: #555; margin: 4px 0 8px; font-size: 14px; } p.note { color: #777; font-size: 13px; }
table { border-collapse: collapse; width: 100%; table-layout: auto; font-size: 13px; margin-bottom: 8px; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; word-break: break-word; }
th { background: #f3f6f9; } tr:nth-child(even) td { background: #fafbfc; }
td:first-child { min-width: 10em; } td.num { text-align: right; white-space: nowrap; } td[title] { text-decoration: underline dotted #999; }
figure { margin: 12px 0; } figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 13px; }
details { margin: 6px 0; } summary { cursor: pointer; font-weight: 600; font-size: 15px; }
"""


def _cell(c: Cell, tag: str = "td") -> str:
    attrs = f' title="{html.escape(" ".join(c.ids))}"' if c.ids else ""
    cls = ' class="num"' if tag == "td" and _NUMERIC.match(c.text) else ""
    return f"<{tag}{cls}{attrs}>{html.escape(c.text)}</{tag}>"


def _table(b: Block) -> str:
    if not b.rows:
        return "<p>（无）</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in b.headers)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in b.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(fig: Figure | None, caption: str) -> str:
    if fig is None:
        return ""
    return f"<figure>{charts.svg(fig)}<figcaption>{html.escape(caption)}</figcaption></figure>"


def _heatmap_pairs(cmp: Comparison, limit: int = 3) -> list[tuple[str, str]]:
    """The parent against each child; else the pairs with the most mutually best-matching sections."""
    keys = [d.key for d in cmp.docs]
    if cmp.parent is not None:
        return [(k, cmp.parent) for k in keys if k != cmp.parent][:limit]
    mutual: dict[tuple[str, str], int] = {}
    for x in cmp.outline:
        mutual[(x.a.doc, x.b.doc)] = mutual.get((x.a.doc, x.b.doc), 0) + x.mutual
    return sorted(mutual, key=lambda p: (-mutual[p], keys.index(p[0]), keys.index(p[1])))[:limit]


def to_html(cmp: Comparison) -> str:
    """The comparison as a self-contained HTML report with its charts."""
    label = {d.key: d.label for d in cmp.docs}
    figures = {
        "各职能角色牵头的任务": [_figure(charts.roles_chart(cmp), "各职能角色牵头的任务数（按文件）")],
        "目标对照": [_figure(charts.targets_chart(cmp), "两份及以上文件都提出的量化指标")],
        "提纲对照": [_figure(charts.outline_heatmap(cmp, a, b), f"{label[a]}（行）与 {label[b]}（列）的章节相似度")
                     for a, b in _heatmap_pairs(cmp)],
    }  # fmt: skip
    if cmp.parent is not None:
        figures["上级文件落实"] = [_figure(charts.coverage_chart(cmp), "上级文件各部分中有下级任务落实的条目数")]
    title = "文件比较：" + "、".join(label.values())
    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p class=intro>对齐深度 {cmp.settings.depth} 级，相似度阈值 {cmp.settings.threshold:g}。"
             "表格中带虚线下划线的数字，鼠标悬停可见其来源的任务、目标或章节编号。</p>"]  # fmt: skip
    shown_outline = opened = False
    for b in blocks(cmp):
        key = next((k for k in figures if b.title.startswith(k)), None)
        if b.group == "outline":
            if not shown_outline:
                parts.append("<h2>提纲对照</h2>")
                parts += figures.pop("提纲对照", [])
                shown_outline = True
            parts.append(f"<details{' open' if not opened else ''}><summary>{html.escape(b.title.removeprefix('提纲对照：'))}（{len(b.rows)} 对）</summary>"
                         f"<p class=intro>{html.escape(b.intro)}</p>{_table(b)}</details>")  # fmt: skip
            opened = True
            continue
        parts.append(f"<h2>{html.escape(b.title)}</h2><p class=intro>{html.escape(b.intro)}</p>")
        if key is not None:
            parts += figures.pop(key)
        parts.append(_table(b))
        if b.note:
            parts.append(f"<p class=note>{html.escape(b.note)}</p>")
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head>\n<body>\n{body}\n</body></html>\n")  # fmt: skip
