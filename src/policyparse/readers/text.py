"""Reader (plain text): one paragraph per non-blank line; tables as tab-separated cells."""

from __future__ import annotations

import regex

from policyparse.errors import UnsupportedFormatError
from policyparse.readers.base import RawParagraph, ReadResult

# a tab or one ideographic space also sets printed blocks apart — when every part is an organ or a date
_BLOCK_GAP = regex.compile(r"[ \u3000\u00a0]{2,}|\t|\u3000")
_BLOCK = regex.compile(
    r"\p{Han}[\p{Han}（）()]{1,30}(?:厅|局|委|部|办|室|会|院|府|署|行|社|中心|小组|公司|文件)|.*\d{1,2}\s*日\s*印发|.*年.*月.*日"
)


def paragraphs_from_text(text: str) -> list[RawParagraph]:
    """Plain text input: one paragraph per non-blank line.

    A line of organ names (or an organ and a date) set apart by wide spaces, a tab or one ideographic
    space is several printed blocks, as a PDF shows them: "国家发展改革委办公厅　　税务总局办公厅" signs
    twice, "省教育厅\t省财政厅" too, "发展改革委办公厅  文件" is a banner.
    """
    out: list[RawParagraph] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p for p in _BLOCK_GAP.split(line.strip()) if p.strip()]
        if 1 < len(parts) <= 4 and all(_BLOCK.fullmatch(p.strip()) for p in parts):
            out.extend(RawParagraph(lines=[(p.strip(), None, None)]) for p in parts)
        else:
            out.append(RawParagraph(lines=[(line, None, None)]))
    return out


def decode_text(data: bytes, path: str | None = None) -> str:
    """UTF-8 (with or without BOM), else GB18030; anything else is an UnsupportedFormatError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise UnsupportedFormatError("text that is neither UTF-8 nor GB18030", path=path) from exc


def read_text(text: str) -> ReadResult:
    """A text given as a string."""
    return ReadResult(paragraphs=paragraphs_from_text(text), format="txt", extractor="text-lines")


def read_text_bytes(data: bytes, path: str | None = None) -> ReadResult:
    """A text file's bytes."""
    return read_text(decode_text(data, path))
