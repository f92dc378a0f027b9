"""The blind hand-checked gold of corpora/dev (issue #9): every document exact, from text and from PDF."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, parsed
from gold_eval import _ws, predicted

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from typeset import typeset_text

DEV = ROOT / "corpora" / "dev"
GOLD = sorted(g for g in DEV.glob("*.gold.json") if not g.name.endswith(".targets.gold.json"))


def _gold(path: Path) -> dict[str, Any]:
    g = json.loads(path.read_text("utf-8"))
    return {
        "meta": {k: (_ws(v) if k == "title" else v) for k, v in g["meta"].items() if k != "cc"},
        "headings": [(h["part"], h["level"], h["marker"], h["title"]) for h in g["headings"]],
        "tasks": [(t["part"], _ws(t["text"]), t["units"], t["lead"], t["cooperating"]) for t in g["tasks"]],
    }


def _got(src: Path) -> dict[str, Any]:
    p = predicted(parsed(str(src)))
    return {
        "meta": {k: (_ws(v) if k == "title" else v) for k, v in p["meta"].items()},
        "headings": p["headings"],
        "tasks": [(t["part"], _ws(t["text"]), t["units"], t["lead"], t["cooperating"]) for t in p["tasks"]],
    }


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("devpdf")


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
@pytest.mark.parametrize("gold", GOLD, ids=[g.name.removesuffix(".gold.json") for g in GOLD])
def test_dev_gold_exact(gold: Path, fmt: str, pdf_dir: Path) -> None:
    txt = DEV / gold.name.replace(".gold.json", ".txt")
    src = txt if fmt == "txt" else typeset_text(txt.read_text("utf-8"), pdf_dir / f"{txt.stem}.pdf")
    want, got = _gold(gold), _got(src)
    assert got["meta"] == want["meta"]
    assert got["headings"] == want["headings"]
    assert got["tasks"] == want["tasks"]


def test_at_least_eight_gold_documents_with_tables_and_duties() -> None:
    kinds = [{t["kind"] for t in json.loads(g.read_text("utf-8"))["tasks"]} for g in GOLD]
    assert len(GOLD) >= 8
    assert sum("table" in k for k in kinds) >= 2 and sum("duty" in k for k in kinds) >= 2
