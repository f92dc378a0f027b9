from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from regen_golden import documents  # noqa: E402

from policyparse import PolicyDocument, parse  # noqa: E402

CORPORA = ROOT / "corpora"
DOCS = documents()
ZJ = "zhejiang_yrd_sci_tech_2021"


def clause_roles(content: str) -> list[tuple[str, str]]:
    """(unit, role) of a clause's content, which must read as a clause."""
    from policyparse.core.clauses import parse_clause_content

    p = parse_clause_content(content)
    assert p is not None, content
    return [(u.name, u.role) for u in p.units]


@cache
def parsed(path: str) -> PolicyDocument:
    """Parse once per session: the corpus is read by many tests."""
    return parse(path)


def doc_paths(name: str) -> tuple[Path, Path]:
    for n, txt, pdf in DOCS:
        if n == name:
            return txt, pdf
    raise KeyError(name)


@pytest.fixture(params=["txt", "pdf"])
def zhejiang(request: pytest.FixtureRequest) -> PolicyDocument:
    txt, pdf = doc_paths(ZJ)
    return parsed(str(txt if request.param == "txt" else pdf))
