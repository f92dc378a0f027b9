"""Which reader a file needs, from its content first (magic bytes, zip members, markup) and its suffix second.

A file named ``.txt`` that holds a web page is read as HTML; a ``.doc`` that is really a ``.docx`` (a
common renaming) is read as DOCX. The suffix decides only when the content says nothing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Literal

Format = Literal["pdf", "docx", "doc", "html", "txt"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml")
_HTML_TAGS = (b"<html", b"<head", b"<body", b"<meta ", b"<title")

SUFFIXES: dict[str, Format] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    "": "txt",
}


def _zip_kind(data: bytes | None, path: Path | None) -> Format | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as zf:  # type: ignore[arg-type]
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return "docx" if "word/document.xml" in names else None


def _looks_html(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if h.startswith(_HTML_STARTS[:2]):
        return True
    if h.startswith(b"<?xml") or h.startswith(b"<!--") or h.startswith(b"<!doctype"):
        return any(t in h for t in _HTML_TAGS)
    return h.startswith(b"<") and any(t in h[:1024] for t in _HTML_TAGS)


def sniff(head: bytes, suffix: str, *, data: bytes | None = None, path: Path | None = None) -> Format | None:
    """The format of a file from its first bytes (``head``, 4 KiB are plenty) and its ``suffix``.

    A zip is opened (from ``data`` or ``path``) to look for ``word/document.xml``. None: not a format
    policyparse reads.
    """
    suffix = suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        kind = _zip_kind(data, path)
        if kind is not None:
            return kind
        return "docx" if suffix == ".docx" else None  # a damaged .docx is an error, not another format
    if head[:8] == OLE_MAGIC:
        # an OLE compound file: Word and WPS documents have a WordDocument stream, Excel and PowerPoint do not
        if _WORD_STREAM in (data if data is not None else head) or suffix in (".doc", ".wps"):
            return "doc"
        return None
    if _looks_html(head):
        return "html"
    return SUFFIXES.get(suffix)


def sniff_path(path: Path) -> Format | None:
    """The format of the file at ``path`` (reads its head, and for OLE files the whole file)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
        data = None
        if head[:8] == OLE_MAGIC:
            data = head + fh.read()
    return sniff(head, path.suffix, data=data, path=path)
