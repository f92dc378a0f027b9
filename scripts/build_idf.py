"""Build ``src/policyparse/data/language/idf.tsv``: IDF of the policy tokens over the corpus's paragraphs.

Each non-empty line of each listed corpus text is one paragraph (the texts hold one paragraph per
line). The list of texts is fixed here so that adding a document to ``corpora/`` does not change
the table by accident; add it here and re-run on purpose.

    python scripts/build_idf.py            # report whether the shipped table is up to date
    python scripts/build_idf.py --write    # write it
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policyparse.analysis.language.keywords import idf_rows

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/policyparse/data/language/idf.tsv"
TEXTS = [
    "gov_guobanfa_2018_117_incentives",
    "gov_guobanfa_2018_121_sports_events",
    "gov_guobanfa_2018_128_zero_waste_city",
    "gov_guobanfa_2018_129_consumption_poverty",
    "gov_guofa_2018_39_employment",
    "gov_guofa_2018_42_agri_machinery",
    "gov_guofa_2019_3_bonded_zones",
    "ndrc_sta_tax_credit_2019",
    "yrd_integration_outline_2019",
    "zhejiang_yrd_sci_tech_2021",
]


def sources() -> list[Path]:
    """The corpus texts the table is built from: the ten documents and every dev text."""
    found = [ROOT / "corpora" / n / f"{n}.txt" for n in TEXTS]
    return found + sorted((ROOT / "corpora" / "dev").glob("*.txt"))


def render() -> str:
    paragraphs = [ln for p in sources() for ln in p.read_text("utf-8").splitlines() if ln.strip()]
    rows, default, n = idf_rows(paragraphs)
    head = [
        "# IDF of policy tokens (policyparse tokenizer) over corpus paragraphs; written by scripts/build_idf.py.",
        f"# {n} paragraphs of {len(sources())} texts (the ten corpus documents and corpora/dev/*.txt).",
        "# idf = ln((N + 1) / (df + 1)) + 1; words in one paragraph only get <default>.",
        f"<default>\t{default:.4f}",
    ]
    return "\n".join([*head, *(f"{w}\t{v:.4f}" for w, v in rows)]) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    new = render()
    if args.write:
        OUT.write_text(new, "utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
        return 0
    same = OUT.exists() and OUT.read_text("utf-8") == new
    print("idf.tsv is up to date" if same else "idf.tsv is stale: run with --write")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
