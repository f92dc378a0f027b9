"""Score the parser against the blind hand-checked gold of corpora/dev (structure: meta, headings, tasks).

    python scripts/gold_eval.py [--pdf] [-v] [DOC…]

Parts are named as the gold names them: ``body`` (the notice), ``plan``/``plan2`` (embedded plans
without a label), ``附件1``… (labelled attachments). Headings match on (part, level, marker, title);
tasks on their text (white space ignored); matched tasks are then checked for units, lead and
cooperating units. ``--pdf`` parses a PDF typeset from each text (as the tests do) instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from policyparse import PolicyDocument, parse

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpora" / "dev"


def part_names(doc: PolicyDocument) -> list[str]:
    names = ["body"]
    plans = 0
    for p in doc.attachments:
        if p.label:
            names.append(p.label)
        else:
            plans += 1
            names.append("plan" if plans == 1 else f"plan{plans}")
    return names


def _ws(s: str | None) -> str:
    return "".join((s or "").split())


def predicted(doc: PolicyDocument) -> dict[str, Any]:
    heads: list[tuple[Any, ...]] = []
    tasks: list[dict[str, Any]] = []
    for name, part in zip(part_names(doc), doc.parts(), strict=True):
        for s in part.iter_sections():
            heads.append((name, s.depth, s.marker, s.title))
        for t in part.iter_tasks():
            tasks.append({"part": name, "text": t.text, "units": [u.name for u in t.units],
                          "lead": t.lead_units, "cooperating": t.cooperating_units})  # fmt: skip
    m = doc.meta
    meta = {"title": m.title, "doc_number": m.doc_number.text if m.doc_number else None, "issuers": m.issuers,
            "date": m.date, "recipients": m.recipients}  # fmt: skip
    return {"meta": meta, "headings": heads, "tasks": tasks}


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict[str, Any], pred: dict[str, Any], verbose: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    gm = gold["meta"]
    # white space in a printed title is layout (the text drops it between 汉字)
    same = {k: (_ws(pred["meta"][k]) == _ws(gm[k]) if k == "title" else pred["meta"][k] == gm[k]) for k in gm if k != "cc"}
    out["meta_ok"] = sum(same.values())
    out["meta_bad"] = [k for k, ok in same.items() if not ok]
    gh = Counter((h["part"], h["level"], h["marker"], h["title"]) for h in gold["headings"])
    ph = Counter(pred["headings"])
    tp = sum((gh & ph).values())
    out["head"] = (tp, sum(ph.values()), sum(gh.values()))
    gt: dict[str, list[dict[str, Any]]] = {}
    for t in gold["tasks"]:
        gt.setdefault(_ws(t["text"]), []).append(t)
    pt: dict[str, list[dict[str, Any]]] = {}
    for t in pred["tasks"]:
        pt.setdefault(_ws(t["text"]), []).append(t)
    matched = [(gt[k][i], pt[k][i]) for k in gt if k in pt for i in range(min(len(gt[k]), len(pt[k])))]
    out["task"] = (len(matched), len(pred["tasks"]), len(gold["tasks"]))
    units_ok = sum(g["units"] == p["units"] for g, p in matched)
    lead_ok = sum(g["lead"] == p["lead"] and g["cooperating"] == p["cooperating"] for g, p in matched)
    out["units_ok"], out["lead_ok"] = units_ok, lead_ok
    if verbose:
        for k in out["meta_bad"]:
            print(f"    meta {k}: got {pred['meta'][k]!r} want {gm[k]!r}")
        for h in (gh - ph).elements():
            print(f"    missing heading {h}")
        for h in (ph - gh).elements():
            print(f"    extra heading   {h}")
        for k in gt:
            if k not in pt:
                print(f"    missing task {gt[k][0]['part']} {gt[k][0]['text'][:50]!r} {gt[k][0]['units']}")
        for k in pt:
            if k not in gt:
                print(f"    extra task   {pt[k][0]['part']} {pt[k][0]['text'][:50]!r} {pt[k][0]['units']}")
        for g, p in matched:
            if g["units"] != p["units"] or g["lead"] != p["lead"] or g["cooperating"] != p["cooperating"]:
                print(f"    task {g['text'][:30]!r}: units {p['units']} lead {p['lead']} coop {p['cooperating']}"
                      f"\n         want {g['units']} lead {g['lead']} coop {g['cooperating']}")  # fmt: skip
    return out


def _pdf_of(txt: Path, tmp: Path, producer: str = "reportlab", title: str | None = None) -> Path:
    """A PDF of the text: typeset by reportlab, or (``lo``) written as a Word file with list numbering
    and merged table cells and printed to PDF by LibreOffice — another producer, another layout."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    out = tmp / f"{txt.stem}.{producer}.pdf"
    if out.exists():
        return out
    if producer == "reportlab":
        from typeset import typeset_text  # type: ignore[import-not-found]

        typeset_text(txt.read_text("utf-8"), out)
        return out
    import subprocess

    from corpus_meta import KnownMeta  # type: ignore[import-not-found]
    from make_docx import word_file  # type: ignore[import-not-found]

    lines = [ln for ln in txt.read_text("utf-8").splitlines() if ln.strip()]
    docx = word_file(KnownMeta(txt.stem, txt, title, None, [], None), lines, tmp / f"{txt.stem}.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    (tmp / f"{txt.stem}.pdf").rename(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--pdf", action="store_true", help="parse PDFs typeset from the texts")
    ap.add_argument("--producer", choices=("reportlab", "lo"), default="reportlab",
                    help="with --pdf: typeset by reportlab, or a Word file printed by LibreOffice")  # fmt: skip
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dir", type=Path, default=DEV, help="folder of <id>.txt + <id>.gold.json (default corpora/dev)")
    args = ap.parse_args(argv)
    golds = sorted(args.dir.glob("*.gold.json"))
    golds = [g for g in golds if not g.name.endswith(".targets.gold.json")]
    if args.docs:
        golds = [g for g in golds if any(d in g.name for d in args.docs)]
    tot: Counter[str] = Counter()
    print(f"{'document':42} {'meta':>5} {'head P/R':>11} {'task P/R':>11} {'units':>7} {'leads':>7}")
    import tempfile

    tmp = Path(tempfile.gettempdir()) / "policyparse-gold-pdf"
    tmp.mkdir(exist_ok=True)
    for g in golds:
        gold = json.loads(g.read_text("utf-8"))
        txt = args.dir / (g.name.removesuffix(".gold.json") + ".txt")
        src = _pdf_of(txt, tmp, args.producer, gold["meta"].get("title")) if args.pdf else txt
        s = score(gold, predicted(parse(src)), args.verbose and True)
        hp, hr, _ = _f1(*s["head"])
        tp_, tr, _ = _f1(*s["task"])
        n = s["task"][0]
        print(f"{gold['id']:42} {s['meta_ok']:>3}/5 {hp:5.2f}/{hr:4.2f} {tp_:5.2f}/{tr:4.2f} "
              f"{s['units_ok']:>3}/{n:<3} {s['lead_ok']:>3}/{n:<3}")  # fmt: skip
        for k, v in (("meta", s["meta_ok"]), ("units", s["units_ok"]), ("lead", s["lead_ok"])):
            tot[k] += v
        for k in ("head", "task"):
            for name, v in zip(("tp", "pred", "gold"), s[k], strict=True):
                tot[f"{k}_{name}"] += v
    n_docs = len(golds)
    hp, hr, hf = _f1(tot["head_tp"], tot["head_pred"], tot["head_gold"])
    tp_, tr, tf = _f1(tot["task_tp"], tot["task_pred"], tot["task_gold"])
    m = tot["task_tp"] or 1
    print(f"\nTOTAL {n_docs} docs: meta {tot['meta']}/{5 * n_docs} = {tot['meta'] / (5 * n_docs):.2f}; headings P {hp:.3f} R {hr:.3f} "
          f"F1 {hf:.3f}; tasks P {tp_:.3f} R {tr:.3f} F1 {tf:.3f}; of matched tasks units exact {tot['units'] / m:.3f}, "
          f"lead+coop exact {tot['lead'] / m:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
