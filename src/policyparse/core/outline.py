"""Stage 3b (segment): numbering markers and the section tree of one part.

GB/T 9704 levels are 一、 /（一）/ 1. /（1）; plans add 第X部分 / 第X章 / 第X节 and ①. Depth is not fixed
by the marker: the first marker style seen under another is its child, so documents that skip a
level, or number （一）…（二十） straight through several 一、 sections, come out right.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyparse.core.brackets import find_outside
from policyparse.core.numerals import CIRCLED, CN_NUMERAL_CHARS, circled_to_int, cn_to_int

_CN = rf"[{CN_NUMERAL_CHARS}]{{1,6}}"
_MARKERS: tuple[tuple[str, str], ...] = (
    ("part", rf"第\s*(?P<n>{_CN}|\d{{1,3}})\s*部分"),
    ("chapter", rf"第\s*(?P<n>{_CN}|\d{{1,3}})\s*章"),
    ("section", rf"第\s*(?P<n>{_CN}|\d{{1,3}})\s*节"),
    ("article", rf"第\s*(?P<n>{_CN}|\d{{1,3}})\s*条(?![件款例])"),
    ("cn_comma", rf"(?P<n>{_CN})\s*[、]"),
    ("cn_paren", rf"[（(]\s*(?P<n>{_CN})\s*[）)]"),
    ("arabic_paren", r"[（(]\s*(?P<n>[0-9０-９]{1,3})\s*[）)]"),
    ("arabic_dot", r"(?P<n>[0-9０-９]{1,3})\s*(?:[.．、](?![0-9０-９])|\s)"),
    ("circled", rf"(?P<n>[{CIRCLED}])"),
)
_MARKER_RE = [(style, regex.compile(pat)) for style, pat in _MARKERS]


@dataclass(frozen=True)
class Marker:
    style: str
    number: int
    text: str  # as printed, e.g. "（三）"
    end: int  # offset just after the marker (and the space after it) in the paragraph


def match_marker(par: str) -> Marker | None:
    """The numbering marker at the start of a paragraph, if any."""
    for style, rx in _MARKER_RE:
        m = rx.match(par)
        if m is None:
            continue
        raw = m["n"]
        n = circled_to_int(raw) if style == "circled" else cn_to_int(raw)
        if n is None or n == 0:
            continue
        end = m.end()
        if style == "arabic_dot" and par[m.start("n") + len(raw) :].startswith(" ") and end < len(par):
            # "1 总体要求" only counts when a Han character follows the space
            if not regex.match(r"\p{Han}", par[end:]):
                continue
        if style == "cn_comma" and end < len(par) and par[end] in "、":
            continue
        while end < len(par) and par[end] == " ":
            end += 1
        if end >= len(par):
            continue
        return Marker(style=style, number=n, text=par[: m.end()].strip(), end=end)
    return None


def starts_with_marker(line: str) -> bool:
    return match_marker(line) is not None or line.startswith(("附件", "抄送", "附表"))


# 要 as a modal verb marks a full instruction, not a heading; 重要/主要/需要/纲要/要求/要素 do not.
_INSTRUCTION = regex.compile(r"(?<![重主需纲])要(?![求素点])|应当|必须|不得|可以")
_CLAUSE_OPEN = regex.compile(r"[（(][^（）()]*(负责|责任单位|牵头|配合)")


def first_sentence_end(s: str) -> int | None:
    """Offset of the first 。 outside brackets and quotes, or None."""
    return find_outside(s, "。")


@dataclass(frozen=True)
class HeadingSplit:
    kind: str  # line | run_in | untitled
    title: str | None
    title_start: int  # offsets within the paragraph
    title_end: int
    body_start: int  # where the item's own text begins

    def as_item(self) -> HeadingSplit:
        """The same paragraph read as an untitled item: its whole text after the marker is the body."""
        return HeadingSplit("untitled", None, self.title_start, self.title_start, self.title_start)


_ITEM_END = "；;"


def _only_clause_after(rest: str, end: int) -> bool:
    """Is what follows the first sentence nothing but a responsibility clause? ("完成改造40个。（牵头单位：…）")"""
    from policyparse.core.clauses import bracket_groups, parse_clause_content

    tail = rest[end + 1 :].strip()
    if not tail or tail[0] not in "（(":
        return False
    groups = bracket_groups(tail, 0, len(tail))
    return bool(groups) and groups[0][0] == 0 and groups[-1][1] >= len(tail.rstrip("。. ")) and all(
        parse_clause_content(tail[a + 1 : b - 1], bare_ok=True) is not None for a, b in groups
    )


def split_heading(par: str, mk: Marker) -> HeadingSplit:
    """Decide whether a numbered paragraph is a heading line, a run-in heading or an untitled item.

    A heading line has no sentence after it ("一、总体要求", "（二）发展目标。", "（一）第一阶段：全面排查").
    A run-in heading is a short first sentence of parallel phrases, not an instruction ("（一）强化统筹
    协调，促进…。加强…"), or a short label before a colon and running text ("（二）发展目标：到2025年…").
    Anything else is an untitled item, its whole text the item's body: an instruction, an item of a
    ；-list ("1.组织制定管理标准；"), one sentence followed only by its clause ("3.完成改造40个。（牵头单位：…）").
    """
    rest = par[mk.end :]
    end = first_sentence_end(rest)
    colon = find_outside(rest, "：:")
    if colon is not None and 1 < colon <= 20 and (end is None or colon < end) and colon < len(rest) - 1:
        label = rest[:colon]
        after = rest[colon + 1 :]
        if "，" not in label and not _INSTRUCTION.search(label) and not _CLAUSE_OPEN.search(label):
            if len(after) <= 30 and not any(c in after for c in "。；;！？，,") and not _CLAUSE_OPEN.search(after):
                # "（一）第一阶段：全面排查": the colon is inside a title that stands alone
                return HeadingSplit("line", rest, mk.end, len(par), len(par))
            # "（一）发展目标：到2025年，…" — a short label before a colon is a run-in heading
            return HeadingSplit("run_in", label, mk.end, mk.end + colon, mk.end + colon + 1)
    stripped = rest.rstrip()
    if stripped.endswith(tuple(_ITEM_END)):
        return HeadingSplit("untitled", None, mk.end, mk.end, mk.end)
    if end is None or end == len(rest) - 1:
        title = rest[:end] if end is not None else rest
        # a whole sentence closed by 。 is an item, not a heading, once it is longer than headings are
        limit = 30 if end is not None else 60
        if len(title) <= limit and not _CLAUSE_OPEN.search(title) and not _INSTRUCTION.search(title):
            return HeadingSplit("line", title, mk.end, mk.end + len(title), len(par))
        return HeadingSplit("untitled", None, mk.end, mk.end, mk.end)
    s1 = rest[:end]
    if _only_clause_after(rest, end):
        return HeadingSplit("untitled", None, mk.end, mk.end, mk.end)
    if len(s1) <= 40 and not _INSTRUCTION.search(s1) and not _CLAUSE_OPEN.search(s1) and "：" not in s1:
        return HeadingSplit("run_in", s1, mk.end, mk.end + end, mk.end + end + 1)
    return HeadingSplit("untitled", None, mk.end, mk.end, mk.end)


@dataclass
class SectionDraft:
    """A section while the tree is built; turned into the ``Section`` model by the pipeline."""

    marker: Marker
    depth: int
    split: HeadingSplit
    par_index: int  # index of its heading paragraph in the part's paragraph list
    paragraphs: list[int]
    children: list[SectionDraft]
    id: str = ""


def build_tree(texts: list[str]) -> tuple[list[int], list[SectionDraft], list[tuple[str, str, int]]]:
    """Sections of a part from its paragraphs' texts.

    Returns the indices of paragraphs before any heading, the top-level drafts, and warnings
    (code, message, paragraph index) for numbering gaps.
    """
    loose: list[int] = []
    roots: list[SectionDraft] = []
    stack: list[SectionDraft] = []
    last_number: dict[tuple[int, str], int] = {}
    warnings: list[tuple[str, str, int]] = []
    for i, t in enumerate(texts):
        mk = match_marker(t) if "\t" not in t else None
        if mk is None and "\t" not in t:
            mk = _digit_title_marker(t, stack, last_number)
        if mk is None:
            (stack[-1].paragraphs if stack else loose).append(i)
            continue
        styles = [d.marker.style for d in stack]
        if mk.style in styles:
            del stack[styles.index(mk.style) :]
        draft = SectionDraft(mk, len(stack) + 1, split_heading(t, mk), i, [i], [])
        parent_key = id(stack[-1]) if stack else 0
        prev_parent = last_number.get((parent_key, mk.style), 0)
        prev_global = last_number.get((-1, mk.style))
        # （一）…（二十） may run on through several 一、 sections, so the global run counts too
        if mk.number not in (1, prev_parent + 1) and (prev_global is None or mk.number != prev_global + 1):
            warnings.append(("numbering_gap", f"{mk.text} follows number {prev_parent}", i))
        last_number[(-1, mk.style)] = mk.number
        last_number[(parent_key, mk.style)] = mk.number
        (stack[-1].children if stack else roots).append(draft)
        stack.append(draft)
    _close_item_lists(roots, texts)
    _number_ids(roots, "")
    return loose, roots, warnings


_DIGIT_TITLE = regex.compile(r"(?P<n>[0-9０-９]{1,3})[.．](?=[0-9０-９])")


def _digit_title_marker(t: str, stack: list[SectionDraft], last: dict[tuple[int, str], int]) -> Marker | None:
    """"12.100个示范项目" after item 11: the marker 12. and a title that starts with digits. Only
    where the numbering expects it, so a decimal such as "1.5万家企业" stays a number."""
    m = _DIGIT_TITLE.match(t)
    if m is None:
        return None
    n = cn_to_int(m["n"])
    parents = [id(d) for d in stack] + [0, -1]  # -1: items numbered on through sections
    for key in parents:
        prev = last.get((key, "arabic_dot"))
        if prev is not None and n == prev + 1 and n > 1:
            return Marker("arabic_dot", n, t[: m.end()], m.end())
    return None


def _close_item_lists(drafts: list[SectionDraft], texts: list[str]) -> None:
    """The last item of a ；-list ends without ；: where its siblings are items, it is one too. A line
    closed by 。 with nothing under it but clauses ("4．实施老旧管网改造，年内完成120公里。") is an item,
    not a heading: a heading heads something."""
    items = [d for d in drafts if d.split.kind == "untitled"]
    # beside run-in headings ("1、推进数据平台建设。推进…") a one-sentence item reads as one more title
    titled = any(d.split.kind == "run_in" for d in drafts)
    for d in drafts:
        sp = d.split
        if sp.kind != "line" or sp.title is None or d.children:
            continue
        sentence = texts[d.par_index].rstrip().endswith("。")
        bare = all(_is_clause_line(texts[i]) for i in d.paragraphs[1:])
        if (len(items) >= 2 and len(sp.title) > 12) or (sentence and bare and len(drafts) > 1 and not titled):
            d.split = sp.as_item()
    runs = [d for d in drafts if d.split.kind == "run_in"]
    if len(runs) == 1 and len(items) >= 2 and len(items) == len(drafts) - 1 and not runs[0].children:
        # one run-in "title" among untitled items is the first sentence of one more item
        runs[0].split = runs[0].split.as_item()
    for d in drafts:
        _close_item_lists(d.children, texts)


def _is_clause_line(t: str) -> bool:
    from policyparse.core.clauses import find_clauses

    hits = find_clauses(t, 0, len(t))
    return bool(hits) and hits[0].start == 0 and hits[-1].end >= len(t.rstrip("。. "))


def _number_ids(drafts: list[SectionDraft], prefix: str) -> None:
    for k, d in enumerate(drafts, start=1):
        d.id = f"{prefix}{k}" if not prefix else f"{prefix}.{k}"
        _number_ids(d.children, d.id)
