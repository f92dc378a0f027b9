"""The exception hierarchy: one root, one subclass per reason a document cannot be parsed.

Each class carries the CLI exit code documented in the README, so the CLI and batch manifest
need no table of their own.
"""

from __future__ import annotations


class PolicyParseError(Exception):
    """Root of every error policyparse raises on purpose."""

    exit_code: int = 10
    code: str = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class InputNotFoundError(PolicyParseError):
    """The path does not exist or is not a regular file."""

    exit_code = 11
    code = "E001"


class UnsupportedFormatError(PolicyParseError):
    """The file is of a kind policyparse does not read."""

    exit_code = 12
    code = "E002"


class UnsupportedInputError(UnsupportedFormatError):
    """``parse()`` was given something it cannot read (not a path, bytes, a file object or text)."""

    exit_code = 24
    code = "E013"


class PdfUnreadableError(PolicyParseError):
    """Not a PDF, or a PDF too damaged to read."""

    exit_code = 13
    code = "E003"


class PdfEncryptedError(PolicyParseError):
    """Encrypted, and no password or a wrong one was given."""

    exit_code = 14
    code = "E004"


class NoTextLayerError(PolicyParseError):
    """The pages are images only (a scan): OCR it first."""

    exit_code = 15
    code = "E005"


class EmptyDocumentError(PolicyParseError):
    """The document holds no text at all."""

    exit_code = 16
    code = "E006"


class TooLargeError(PolicyParseError):
    """Over the page or time limit given."""

    exit_code = 17
    code = "E007"


class NotAPolicyDocumentError(PolicyParseError):
    """Text without Chinese characters or without any structure of an official document."""

    exit_code = 18
    code = "E008"


class StrictModeError(PolicyParseError):
    """A warning raised as an error because strict mode was asked for."""

    exit_code = 19
    code = "E009"


class ToolNotFoundError(PolicyParseError):
    """A program this input needs is not installed (LibreOffice for .doc/.wps); the message names it."""

    exit_code = 21
    code = "E010"


class DocumentUnreadableError(PolicyParseError):
    """A Word or web file too damaged to read (a broken zip, malformed XML)."""

    exit_code = 22
    code = "E011"


class AnalysisDependencyError(PolicyParseError):
    """An optional part of the comparison layer is missing: pandas, jieba, matplotlib or a CJK font."""

    exit_code = 23
    code = "E012"


ALL_ERRORS: tuple[type[PolicyParseError], ...] = (
    PolicyParseError,
    InputNotFoundError,
    UnsupportedFormatError,
    UnsupportedInputError,
    PdfUnreadableError,
    PdfEncryptedError,
    NoTextLayerError,
    EmptyDocumentError,
    TooLargeError,
    NotAPolicyDocumentError,
    StrictModeError,
    ToolNotFoundError,
    DocumentUnreadableError,
    AnalysisDependencyError,
)
