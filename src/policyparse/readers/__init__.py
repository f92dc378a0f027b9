"""Input readers: one module per format, each yielding the paragraphs the core consumes.

``read_path`` picks the reader from the file's content (magic bytes), falling back to its suffix.
Heavy libraries (pdfplumber, pypdfium2) are imported only by the reader that needs them.
"""

from __future__ import annotations

from pathlib import Path

from policyparse.errors import EmptyDocumentError, UnsupportedFormatError
from policyparse.readers.base import ReadResult


def read_path(
    p: Path, data: bytes, *, password: str | None = None, max_pages: int | None = None, engine: str = "pdfplumber"
) -> ReadResult:
    """Read the file ``p`` (whose bytes are ``data``) with the reader its content calls for.

    ``engine`` picks the PDF engine: ``"pdfplumber"`` or ``"pdfium"`` (see ``readers.pdfium``).
    """
    suffix = p.suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        from policyparse.readers.pdf import read_pdf

        return read_pdf(p, password=password, max_pages=max_pages, engine=engine)
    if suffix in (".txt", ".text", ".md", ""):
        from policyparse.readers.text import read_text_bytes

        if not data.strip():
            raise EmptyDocumentError("the file is empty", path=str(p))
        return read_text_bytes(data, path=str(p))
    raise UnsupportedFormatError(f"unsupported file type {suffix!r} (expected .pdf or .txt)", path=str(p))


__all__ = ["ReadResult", "read_path"]
