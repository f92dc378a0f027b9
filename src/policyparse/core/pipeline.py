"""The pipeline: extract → clean → segment → fields → model, for PDF and text input."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Union

import regex

from policyparse.core.agencies import lexicon
from policyparse.core.assemble import Assembled, assemble, code_point_warnings
from policyparse.core.chrome import drop_chrome
from policyparse.core.clauses import ClauseHit
from policyparse.core.covering import Region, cover_items_above, renumber_tasks
from policyparse.core.duties import duty_hit
from policyparse.core.frame import Frame, PartDraft, segment
from policyparse.core.ids import assign_ids
from policyparse.core.meta import build_meta, title_from_page
from policyparse.core.organs import place_of
from policyparse.core.outline import SectionDraft, build_tree
from policyparse.core.page_meta import merge_page_metadata
from policyparse.core.targets import Block, Scope, collect_targets, heading_year, period_in
from policyparse.core.targets.lexicon import lexicon as target_lexicon
from policyparse.core.tasks import TaskContext, apply_stated_rules, tasks_in
from policyparse.core.textnorm import normalize_chars
from policyparse.errors import (
    EmptyDocumentError,
    InputNotFoundError,
    NotAPolicyDocumentError,
    StrictModeError,
    TooLargeError,
    UnsupportedInputError,
)
from policyparse.models import (
    Dropped,
    Meta,
    OcrPage,
    Paragraph,
    ParagraphRole,
    ParseWarning,
    Part,
    PolicyDocument,
    Section,
    Source,
    Target,
)
from policyparse.readers import ReadResult, read_path
from policyparse.readers.base import RawParagraph
from policyparse.readers.text import read_text

Source_ = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def parse(
    source: Source_,
    *,
    password: str | None = None,
    strict: bool = False,
    max_pages: int | None = None,
    timeout: float | None = None,
    engine: str = "pdfplumber",
    name: str | None = None,
) -> PolicyDocument:
    """Parse a policy document: PDF (scans through OCR with ``policyparse[ocr]``), DOCX, DOC/WPS (with
    LibreOffice), a saved web page (HTML), or text with one paragraph per line.

    ``source`` is a path (``str`` or ``Path``), the file's ``bytes``, a binary file object, or the
    document's text as a ``str`` with line breaks (see also :func:`parse_text`); the format is
    recognised from the content. ``name`` is what ``source.path`` records for bytes and file objects.
    Lenient by default: oddities become ``warnings``; with ``strict=True`` the first one raises
    :class:`~policyparse.errors.StrictModeError`. Every failure is a ``PolicyParseError`` — a wrong
    kind of ``source`` too, never a bare ``TypeError`` or ``OSError``.
    ``timeout`` (seconds) stops a document that takes longer with ``TooLargeError``; it needs the
    main thread (it uses SIGALRM) and is ignored elsewhere — batch mode also runs each document in
    a child process it can kill. ``engine`` reads PDFs with ``"pdfplumber"`` (pdfminer) or
    ``"pdfium"`` (pypdfium2, about five times faster, same output on the test documents).
    """
    from policyparse.readers.pdf import ENGINES

    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r} (expected one of {', '.join(ENGINES)})")
    opts = {"password": password, "strict": strict, "max_pages": max_pages, "engine": engine}
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _parse_bytes(bytes(source), name or "<bytes>", timeout, opts)
    if hasattr(source, "read"):
        try:
            data = source.read()
        except OSError as exc:
            raise InputNotFoundError(f"cannot read the file object: {exc}", path=name) from exc
        if isinstance(data, str):
            return parse_text(data, name=name or str(getattr(source, "name", "<text>")), strict=strict)
        if not isinstance(data, (bytes, bytearray)):
            raise UnsupportedInputError("the file object gave neither bytes nor text", path=name)
        return _parse_bytes(bytes(data), name or str(getattr(source, "name", "<file>")), timeout, opts)
    if isinstance(source, str) and _looks_like_text(source):
        return parse_text(source, name=name or "<text>", strict=strict)
    if not isinstance(source, (str, os.PathLike)):
        raise UnsupportedInputError(
            f"cannot parse a {type(source).__name__}: give a path, bytes, a binary file object, or text (parse_text)"
        )
    with time_limit(timeout, str(source)):
        return _parse(Path(source), **opts)  # type: ignore[arg-type]


def _looks_like_text(s: str) -> bool:
    """A str that is a document, not a path: it has line breaks, or is far too long to be a file name."""
    return "\n" in s or len(s) > 1024


def _parse_bytes(data: bytes, name: str, timeout: float | None, opts: dict[str, Any]) -> PolicyDocument:
    """Bytes go through a temporary file: the PDF engines and LibreOffice read files."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="policyparse-") as tmp:
        p = Path(tmp) / "input"
        p.write_bytes(data)
        with time_limit(timeout, name):
            doc = _parse(p, **opts)
    return doc.model_copy(update={"source": doc.source.model_copy(update={"path": name})})


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise TooLargeError in the main thread after ``seconds`` (no-op when None or off the main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        # pdfminer swallows exceptions in places: keep firing until one gets through
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        raise TooLargeError(f"over the time limit of {seconds:g} s", path=path)

    deadline = time.monotonic() + seconds
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if time.monotonic() > deadline:
        raise TooLargeError(f"over the time limit of {seconds:g} s", path=path)


def _parse(p: Path, *, password: str | None, strict: bool, max_pages: int | None, engine: str) -> PolicyDocument:
    if not p.is_file():
        hint = "" if p.exists() or "\n" in str(p) else " (to parse a text given as a string, use parse_text)"
        raise InputNotFoundError((f"no such file: {p}" if not p.exists() else f"not a file: {p}") + hint, path=str(p))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputNotFoundError(f"cannot read {p}: {exc.strerror or exc}", path=str(p)) from exc
    rr = read_path(p, data, password=password, max_pages=max_pages, engine=engine)
    return build_document(rr, path=str(p), sha256=hashlib.sha256(data).hexdigest(), strict=strict)


def build_document(rr: ReadResult, *, path: str, sha256: str, strict: bool = False) -> PolicyDocument:
    """Run the core stages on a reader's output."""
    source = Source(
        path=path, sha256=sha256, format=rr.format,  # type: ignore[arg-type]
        page_count=rr.page_count, extractor=rr.extractor,
        ocr_pages=[OcrPage(page=k, confidence=v) for k, v in sorted(rr.ocr_confidence.items())],
    )  # fmt: skip
    raw, chrome = drop_chrome(rr.paragraphs)
    notes = [*rr.warnings, *code_point_warnings(raw)]
    warnings = [ParseWarning(code=c, message=m, page=pg) for c, m, pg in notes]
    return _build(raw, source, [*rr.dropped, *chrome], warnings, strict, rr.page_title, rr.page_metadata)


def parse_text(text: str, *, name: str = "<text>", strict: bool = False) -> PolicyDocument:
    """Parse a document given as text, one paragraph per line."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return build_document(read_text(text), path=name, sha256=sha, strict=strict)


class _Builder:
    def __init__(self, asm: Assembled) -> None:
        self.asm = asm
        self.text = asm.text
        self.texts = [asm.text[a:b] for a, b in (p.span for p in asm.paragraphs)]
        starts: list[int] = []
        pages: list[int | None] = []
        for info in asm.paragraphs:
            for pr in info.prov or []:
                starts.append(pr.span[0])
                pages.append(pr.page)
            if not info.prov:
                starts.append(info.span[0])
                pages.append(info.page)
        self._starts = starts
        self._pages = pages
        self.regions: dict[int, Region] = {}  # id(Section) → its own text, for clauses shared by items

    def page_at(self, offset: int) -> int | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._pages[k] if k >= 0 else None

    def paragraph(self, i: int, role: str) -> Paragraph:
        info = self.asm.paragraphs[i]
        r: ParagraphRole = role  # type: ignore[assignment]
        return Paragraph(span=info.span, page=info.page, role=r, prov=info.prov)


def _build(
    raw: list[RawParagraph],
    source: Source,
    dropped: list[Dropped],
    warnings: list[ParseWarning],
    strict: bool,
    page_title: str | None = None,
    page_metadata: dict[str, str] | None = None,
) -> PolicyDocument:
    asm = assemble(raw)
    if not asm.text.strip():
        raise EmptyDocumentError("the document holds no text", path=source.path)
    if sum(1 for _ in itertools.islice(regex.finditer(r"\p{Han}", asm.text), 10)) < 10:  # not a list of every character
        raise NotAPolicyDocumentError("no Chinese text: not a Chinese policy document", path=source.path)
    b = _Builder(asm)
    warnings.extend(_bracket_warnings(b))
    frame = segment(b.texts, asm.paragraphs)
    lex = lexicon()
    labels = {d.label: d.title(b.texts) for d in frame.attachments if d.label}
    meta = build_meta(b.texts, frame, labels)
    if page_metadata:  # a web page's header table fills what the text lacks
        warnings.extend(merge_page_metadata(meta, page_metadata))
    if meta.title is None and page_title is not None:
        meta = title_from_page(meta, normalize_chars(page_title))
    province = None
    if meta.doc_number is not None:
        province = lex.province_of_code(meta.doc_number.agency_code)
    for name in [*meta.issuers, *meta.banner, *([meta.title] if meta.title else [])]:
        province = province or lex.province_in(name)
    if meta.issuers and not meta.signatories and not meta.banner:
        # issuers read from the title ("市经济信息化委、市商务委关于…"): in full where the lexicon knows them
        full = [lex.resolve(n, province) for n in meta.issuers]
        meta.issuers = [ag.canonical if ag else n for ag, n in zip(full, meta.issuers, strict=True)]
    place = place_of([*meta.issuers, *meta.banner, *([meta.title] if meta.title else []), *_plan_titles(frame, b.texts)])
    ctx = TaskContext(lexicon=lex, province=province, page_at=b.page_at, place=place)

    body_frame = sorted(
        i for i, r in enumerate(frame.roles)
        if r not in ("body", "attachment_label", "attachment_title", "cc", "printed_by")
        and i not in frame.back_matter
    )  # fmt: skip
    body = _part(b, frame.body, body_frame, frame.roles, meta.title, ctx, warnings)
    attachments = []
    for d in frame.attachments:
        extra = ([d.label_idx] if d.label_idx is not None else []) + d.title_idx + d.list_idx
        attachments.append(_part(b, d, extra, frame.roles, d.title(b.texts), ctx, warnings))
    back = [b.paragraph(i, frame.roles[i]) for i in frame.back_matter]
    apply_stated_rules(b.text, [body, *attachments])
    renumber_tasks([body, *attachments])
    plan = assign_ids([body, *attachments], meta.embedded_title)
    targets = _targets(b, meta, [body, *attachments])
    warnings.extend(ctx.warnings)
    if (unknown := ctx.unknown_warning()) is not None:
        warnings.append(unknown)
    if not meta.title and not any(p.sections for p in [body, *attachments]):
        warnings.append(ParseWarning(code="no_structure", message="no title and no numbered sections found"))
    doc = PolicyDocument(
        source=source,
        meta=meta,
        text=asm.text,
        body=body,
        attachments=attachments,
        back_matter=back,
        targets=targets,
        warnings=warnings,
        dropped=dropped,
        plan_part=plan,
    )
    if strict and doc.warnings:
        w = doc.warnings[0]
        raise StrictModeError(f"strict mode: {w.code}: {w.message}", path=source.path)
    return doc


def _plan_titles(frame: Frame, texts: list[str]) -> list[str]:
    return [t for d in frame.attachments if (t := d.title(texts))]


def _part(
    b: _Builder,
    d: PartDraft,
    frame_idx: list[int],
    roles: list[str],
    title: str | None,
    ctx: TaskContext,
    warnings: list[ParseWarning],
) -> Part:
    content = d.content
    loose, drafts, gaps = build_tree([b.texts[i] for i in content])
    for code, msg, k in gaps:
        i = content[k]
        warnings.append(ParseWarning(code=code, message=msg, page=b.asm.paragraphs[i].page, span=b.asm.paragraphs[i].span))
    paras = [b.paragraph(i, roles[i]) for i in frame_idx]
    paras += [b.paragraph(content[k], "body") for k in loose]
    paras.sort(key=lambda p: p.span[0])
    all_idx = sorted([*frame_idx, *content])
    span = (b.asm.paragraphs[all_idx[0]].span[0], b.asm.paragraphs[all_idx[-1]].span[1]) if all_idx else (0, 0)
    part = Part(label=d.label, title=title, span=span, paragraphs=paras)
    # tasks in the part's own text before its first section
    loose_runs = _runs([content[k] for k in loose])
    for run in loose_runs:
        a = b.asm.paragraphs[run[0]].span[0]
        e = b.asm.paragraphs[run[-1]].span[1]
        part.tasks.extend(tasks_in(b.text, a, e, ctx, None))
    part.sections = [_section(b, s, content, ctx) for s in drafts]
    cover_items_above(b.text, part.sections, b.regions, b.page_at)
    return part


def _runs(idx: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _section(
    b: _Builder, d: SectionDraft, content: list[int], ctx: TaskContext, duty: ClauseHit | None = None
) -> Section:
    own = [content[k] for k in d.paragraphs]
    head = own[0]
    pstart = b.asm.paragraphs[head].span[0]
    sp = d.split
    if duty is not None and sp.kind == "line" and not d.children and len(own) == 1:
        # under an organ's heading an item that is nothing but a line is one of its duties, not a title
        sp = sp.as_item()
    paras = [b.paragraph(i, "heading" if (i == head and sp.kind != "untitled") else "body") for i in own]
    title_span = (pstart + sp.title_start, pstart + sp.title_end) if sp.title is not None else None
    # the section's own text comes before its children's: its tasks first (ids and 下同 follow the text)
    region_start = pstart + sp.body_start
    region_end = b.asm.paragraphs[own[-1]].span[1]
    # a heading that names organs ("（一）区绿化市容局", "1.街道消委办。") heads their duties
    if title_span is not None:
        duty = duty_hit(b.text, title_span, b.text[region_start:region_end]) or duty
    tasks = tasks_in(b.text, region_start, region_end, ctx, title_span, duty) if region_end > region_start else []
    children = [_section(b, c, content, ctx, duty) for c in d.children]
    cover_items_above(b.text, children, b.regions, b.page_at)
    last = children[-1].span[1] if children else region_end
    section = Section(
        id=d.id,
        marker=d.marker.text,
        style=d.marker.style,  # type: ignore[arg-type]
        number=d.marker.number,
        depth=d.depth,
        title=sp.title,
        title_kind=sp.kind,  # type: ignore[arg-type]
        title_span=title_span,
        span=(pstart, last),
        page=b.page_at(pstart),
        paragraphs=paras,
        tasks=tasks,
        children=children,
    )
    b.regions[id(section)] = (region_start, region_end, title_span)
    return section


def _targets(b: _Builder, meta: Meta, parts: list[Part]) -> list[Target]:
    """Targets of every paragraph and table in document order, numbered tg1…, each tied to its task."""
    lex = target_lexicon()
    titles = [t for t in (meta.embedded_title, meta.title) if t]
    period = next((p for p in map(period_in, titles) if p is not None), None)
    year = next((y for y in map(heading_year, titles) if y is not None), None)
    date_year = int(meta.date[:4]) if meta.date else None
    blocks: list[Block] = []

    def add(paras: list[Paragraph], scope: Scope, sec: Section | None) -> None:
        for k, p in enumerate(paras):
            if p.role not in ("body", "heading", "table_row"):
                continue
            a = p.span[0]
            if sec is not None and k == 0 and b.text.startswith(sec.marker, a):
                a += len(sec.marker)  # "12.100个示范项目": the marker's digits are no number
            blocks.append(Block(a, p.span[1], scope))

    def walk(sec: Section, scope: Scope) -> None:
        title = sec.title or ""
        scope = replace(
            scope,
            goal=scope.goal or any(w in title for w in lex.goal_titles),
            background=scope.background or any(w in title for w in lex.background_titles),
            spec=scope.spec or any(w in title for w in lex.spec_titles),
            year=heading_year(title) or scope.year,
            section_id=sec.id,
        )
        add(sec.paragraphs, scope, sec)
        for c in sec.children:
            walk(c, scope)

    for part in parts:
        base = Scope(
            year=heading_year(part.title or "") or year,
            period=period_in(part.title or "") or period,
            date_year=date_year,
            spec=any(w in (part.title or "") for w in lex.spec_titles),
        )
        add(part.paragraphs, base, None)
        for s in part.sections:
            walk(s, base)
    blocks.sort(key=lambda blk: blk.start)
    found = collect_targets(b.text, blocks)
    tasks = [t for part in parts for t in part.iter_tasks()]
    out: list[Target] = []
    for k, t in enumerate(found, start=1):
        owner = min(
            (task for task in tasks if task.span[0] <= t.span[0] and t.span[1] <= task.span[1]),
            key=lambda task: task.span[1] - task.span[0],
            default=None,
        )
        upd: dict[str, object] = {"id": f"tg{k}", "page": b.page_at(t.span[0])}
        if owner is not None:
            upd["task_id"] = owner.id
            owner.target_ids.append(f"tg{k}")
            if t.where == "prose":
                upd["where"] = "task"
        out.append(t.model_copy(update=upd))
    return out


_PAIRS = (("（(", "）)"), ("《", "》"), ("〔[", "〕]"))


def _bracket_warnings(b: _Builder) -> list[ParseWarning]:
    """An unbalanced bracket in a paragraph often means a lost line or a clause split wrongly."""
    out: list[ParseWarning] = []
    for info, t in zip(b.asm.paragraphs, b.texts, strict=True):
        for opens, closes in _PAIRS:
            depth = 0
            for ch in t:
                if ch in opens:
                    depth += 1
                elif ch in closes:
                    depth -= 1
                    if depth < 0:
                        break
            if depth != 0:
                out.append(
                    ParseWarning(
                        code="unbalanced_bracket",
                        message=f"unbalanced {opens[0]}{closes[0]} in paragraph {t[:30]!r}…",
                        page=info.page,
                        span=info.span,
                    )
                )
    return out
