"""Every warning code the library emits is registered and documented."""

from __future__ import annotations

import regex
from conftest import ROOT

from policyparse.warning_codes import WARNING_CODES

SRC = ROOT / "src" / "policyparse"
# ParseWarning(code="x", …) and the readers' ("x", "message", page) tuples
EMITTED = regex.compile(r'code="([a-z_]+)"|\(\s*"([a-z_]+)",\s*f?"[^"]*[ 　(]')


def test_every_emitted_code_is_registered() -> None:
    found: set[str] = set()
    for p in SRC.rglob("*.py"):
        for m in EMITTED.finditer(p.read_text("utf-8")):
            found.add(m.group(1) or m.group(2))
    candidates = {c for c in found if "_" in c}  # warning codes are snake_case; other tuples are not
    assert candidates - set(WARNING_CODES) == set()


def test_every_code_is_documented() -> None:
    doc = (ROOT / "docs" / "warnings.md").read_text("utf-8")
    assert [c for c in WARNING_CODES if f"`{c}`" not in doc] == []
