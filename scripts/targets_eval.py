"""Score the extracted targets against the hand gold of ``corpora/dev/*.targets.gold.json`` (issue #16).

A gold entry and a predicted target match when their values are equal, their units are equal (after
folding ％→%, 万/亿 already folded in both), and their texts overlap in the document (the predicted
span overlaps an occurrence of the gold text, or one text contains the other). Among several
candidates the one in the same table row and column (then the nearest) is taken; each prediction
matches at most one gold entry. Precision = matched / predicted, recall = matched / gold. For the
matched pairs the script reports how often comparator, year, firmness and where agree.

Two documents are held out from development (HOLDOUT); their scores are printed separately.

    python scripts/targets_eval.py            # the table
    python scripts/targets_eval.py -v         # plus every miss and every false positive
    python scripts/targets_eval.py --doc sh_jiading_illegal_land_3yr_2024 -v
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policyparse import PolicyDocument, parse
from policyparse.core.textnorm import normalize_chars
from policyparse.models import Target

DEV = Path(__file__).resolve().parent.parent / "corpora" / "dev"
HOLDOUT = ("sh_magnolia_3yr_2024", "sh_parks_quality_2026")
FIELDS = ("comparator", "year", "firmness", "where")


def norm_unit(u: str | None) -> str:
    u = normalize_chars(u or "")
    return {"％": "%", "百分点": "个百分点", "：1": ":1", "∶1": ":1"}.get(u, u)


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    k = text.find(needle)
    while k >= 0:
        out.append((k, k + len(needle)))
        k = text.find(needle, k + 1)
    return out


def _last(col: str | None) -> str:
    return (col or "").split("/")[-1].strip()


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, o: Score) -> None:
        self.gold += o.gold
        self.pred += o.pred
        self.tp += o.tp
        for k in FIELDS:
            self.agree[k] += o.agree[k]

    def p(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    def r(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    def acc(self, k: str) -> str:
        return f"{self.agree[k] / self.tp:.2f}" if self.tp else "  - "


def _compatible(doc: PolicyDocument, g: dict[str, Any], occ: list[tuple[int, int]], t: Target) -> bool:
    if t.value is None or g["value"] is None or abs(t.value - g["value"]) > 1e-6 * max(1.0, abs(g["value"])):
        return False
    if norm_unit(t.unit) != norm_unit(g["unit"]):
        return False
    gt = normalize_chars(g["text"])
    if len(gt) >= 4 and (gt in t.text or t.text in gt):
        return True
    return any(a < t.span[1] and t.span[0] < b for a, b in occ)


def _preference(g: dict[str, Any], occ: list[tuple[int, int]], t: Target) -> tuple[int, int, int]:
    same_row = int(bool(g.get("row")) and (t.row or "") == g["row"])
    same_col = int(bool(g.get("column")) and (_last(t.column) == _last(g["column"]) or t.column == g["column"]))
    same_where = int((t.where == "table") == (g["where"] == "table"))
    dist = min((abs(a - t.span[0]) for a, _ in occ), default=10**9)
    return (same_where + same_row + same_col, int(normalize_chars(g["text"]) in t.text), -dist)


def match(doc: PolicyDocument, gold: list[dict[str, Any]]) -> tuple[list[tuple[int, int]], Score]:
    """One-to-one pairs (gold index, predicted index) and the document's score."""
    preds = [t for t in doc.targets if t.kind == "quantitative"]
    occs = [_occurrences(doc.text, normalize_chars(g["text"])) for g in gold]
    cands: list[tuple[tuple[int, int, int], int, int]] = []
    for gi, g in enumerate(gold):
        for pi, t in enumerate(preds):
            if _compatible(doc, g, occs[gi], t):
                cands.append((_preference(g, occs[gi], t), gi, pi))
    cands.sort(key=lambda c: (c[0][0], c[0][1], c[0][2]), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    s = Score(gold=len(gold), pred=len(preds), tp=len(pairs))
    for gi, pi in pairs:
        g, t = gold[gi], preds[pi]
        s.agree["comparator"] += t.comparator == g["comparator"]
        s.agree["year"] += t.year == g["year"]
        s.agree["firmness"] += t.firmness == g["firmness"]
        s.agree["where"] += t.where == g["where"]
    return sorted(pairs), s


def _fmt(t: Target) -> str:
    where = f"{t.where}" + (f" row={t.row} col={t.column}" if t.where == "table" else "")
    return (f"{t.value:g}{'-' + format(t.value_max, 'g') if t.value_max is not None else ''} {t.unit} "
            f"{t.comparator} {t.year} {t.firmness} [{where}] {t.text!r}")  # fmt: skip


def _gfmt(g: dict[str, Any]) -> str:
    where = g["where"] + (f" row={g['row']} col={g['column']}" if g["where"] == "table" else "")
    return f"{g['value']:g} {g['unit']} {g['comparator']} {g['year']} {g['firmness']} [{where}] {g['text']!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives, field errors")
    ap.add_argument("--doc", action="append", help="only these documents (id)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    files = sorted(DEV.glob("*.targets.gold.json"))
    rows: list[tuple[str, Score]] = []
    for f in files:
        name = f.name.removesuffix(".targets.gold.json")
        if args.doc and name not in args.doc:
            continue
        gold = json.loads(f.read_text("utf-8"))["targets"]
        doc = parse(DEV / f"{name}.txt")
        pairs, s = match(doc, gold)
        rows.append((name, s))
        if args.verbose:
            preds = [t for t in doc.targets if t.kind == "quantitative"]
            got_g = {gi for gi, _ in pairs}
            got_p = {pi for _, pi in pairs}
            print(f"## {name}")
            for gi, g in enumerate(gold):
                if gi not in got_g:
                    print("  MISS ", _gfmt(g))
            for pi, t in enumerate(preds):
                if pi not in got_p:
                    print("  FALSE", _fmt(t))
            for gi, pi in pairs:
                g, t = gold[gi], preds[pi]
                bad = [k for k in FIELDS if getattr(t, k) != g[k]]
                if bad:
                    print("  FIELD", ",".join(bad), "| gold:", _gfmt(g), "| got:", _fmt(t))
    if args.json:
        print(json.dumps({n: {"gold": s.gold, "pred": s.pred, "tp": s.tp, "p": s.p(), "r": s.r()} for n, s in rows}))
        return 0
    head = f"{'document':40} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6}  " + " ".join(f"{k[:5]:>5}" for k in FIELDS)
    print(head)
    print("-" * len(head))

    def line(label: str, s: Score) -> str:
        accs = " ".join(f"{s.acc(k):>5}" for k in FIELDS)
        return f"{label:40} {s.gold:5d} {s.pred:5d} {s.tp:5d} {s.p():6.3f} {s.r():6.3f}  {accs}"

    dev, held, total = Score(), Score(), Score()
    for name, s in rows:
        print(line(name + (" (held out)" if name in HOLDOUT else ""), s))
        (held if name in HOLDOUT else dev).add(s)
        total.add(s)
    print("-" * len(head))
    print(line("development docs", dev))
    print(line("held-out docs", held))
    print(line("total", total))
    print("(field columns: share of matched targets whose comparator / year / firmness / where agree with the gold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
