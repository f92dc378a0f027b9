"""Reader (DOC, WPS): old binary Word and WPS files, converted to DOCX by LibreOffice headless.

The binary formats are not parsed here: LibreOffice reads them better than any Python library does.
It runs as a child process with a private, throw-away profile (a LibreOffice the user has open would
otherwise take the job over) and a time limit; the DOCX it writes goes through ``docx.py``. Without
LibreOffice on PATH the error names the missing program.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from policyparse.errors import DocumentUnreadableError, ToolNotFoundError
from policyparse.readers.base import ReadResult

PROGRAMS = ("soffice", "libreoffice", "lowriter")
TIMEOUT = 120.0


def find_libreoffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return next((exe for exe in (shutil.which(p) for p in PROGRAMS) if exe), None)


def to_docx(src: Path, *, timeout: float = TIMEOUT) -> bytes:
    """The bytes of ``src`` (.doc, .wps…) converted to DOCX by LibreOffice."""
    exe = find_libreoffice()
    if exe is None:
        raise ToolNotFoundError(
            f"reading {src.suffix or 'this file'} needs LibreOffice (soffice) on PATH, which is not installed "
            "(Debian: apt-get install libreoffice-writer-nogui); or save the file as .docx",
            path=str(src),
        )
    with tempfile.TemporaryDirectory(prefix="policyparse-") as tmp:
        work = Path(tmp)
        # a plain ASCII name: LibreOffice names its output after the input
        inp = work / f"input{src.suffix.lower() if src.suffix.isascii() else '.doc'}"
        shutil.copyfile(src, inp)
        out = work / "out"
        cmd = [
            exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(inp),
        ]  # fmt: skip
        try:
            r = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise DocumentUnreadableError(f"LibreOffice did not convert the file within {timeout:g} s", path=str(src)) from exc
        except OSError as exc:
            raise ToolNotFoundError(f"LibreOffice ({exe}) could not be started: {exc}", path=str(src)) from exc
        result = out / "input.docx"
        if r.returncode != 0 or not result.is_file():
            detail = (r.stderr or r.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DocumentUnreadableError(
                f"LibreOffice could not convert the file ({detail[-1][:200] if detail else f'exit code {r.returncode}'})",
                path=str(src),
            )
        return result.read_bytes()


def read_doc(src: Path) -> ReadResult:
    """A .doc/.wps file: converted to DOCX by LibreOffice, then read as DOCX."""
    from policyparse.readers.docx import read_docx

    return read_docx(to_docx(src), path=str(src), fmt="doc", extractor="libreoffice+docx-xml")
