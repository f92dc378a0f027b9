"""What every reader hands to the core: printed lines (PDF engines) or logical paragraphs.

A reader turns one input format into ``RawParagraph`` objects (plus what it dropped on purpose and
its warnings); the core's clean → segment → fields stages never know which format it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policyparse.models import BBox, Dropped


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line (or a run of it separated by a wide gap)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    family: str
    size: float
    red: bool
    stops: tuple[float, ...] = ()
    table: bool = False  # a table row: cells separated by tabs


@dataclass
class PageInfo:
    number: int
    width: float
    height: float
    n_chars: int
    n_images: int


@dataclass
class Extracted:
    lines: list[Line]
    pages: list[PageInfo]
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    page_title: str | None = None  # a title printed outside the body (a browser's print header, <title>)


@dataclass
class RawParagraph:
    """A logical paragraph as a reader hands it over: its printed lines with page and box."""

    lines: list[tuple[str, int | None, BBox | None]]
    red: bool = False  # printed in red: the 版头 banner
    big: bool = False  # larger than body text: a title


@dataclass
class ReadResult:
    """A reader's output: paragraphs in reading order, what it dropped, and its warnings."""

    paragraphs: list[RawParagraph]
    format: str  # pdf | txt | html | docx | doc
    extractor: str
    page_count: int | None = None
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    page_title: str | None = None  # a title printed outside the body (a browser's print header, <title>)
    # what the container prints around the document (a web page's 索引号/发文机关/成文日期 table), label → value
    page_metadata: dict[str, str] = field(default_factory=dict)
    # pages read by OCR: page number → mean word confidence (0–100)
    ocr_confidence: dict[int, float] = field(default_factory=dict)
