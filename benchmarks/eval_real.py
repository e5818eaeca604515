"""Score the parser on hand-annotated real documents, per corpus folder.

Usage: python benchmarks/eval_real.py [--corpus DIR] [--errors FILE] [--json]
                                      [--floors FILE]

Reads the development gold in data/annotations/real/ and the texts in
../shared/corpus (skips with a message when that folder is absent, as in a
fresh clone). Prints, per folder, reference precision/recall/F1 on (type,
key), date/issuer/relation accuracy on matched references, identity accuracy
(key, type, date, clean issuer) and lineage F1, for the clean texts and for
their OCR twins. With --floors, exits 1 when a score falls under its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from legalgraph.evaluation import CORPUS_DIR, GOLD_DIR, corpus_available, evaluate, load_gold

COLUMNS = ("docs", "gold", "precision", "recall", "f1", "date", "issuer", "relation",
           "id_key", "id_type", "id_date", "id_issuer", "lineage_f1")


def _table(title: str, results: dict) -> list[str]:
    lines = [title, f"{'folder':22}" + "".join(f"{c[:9]:>10}" for c in COLUMNS)]
    for folder, counts in results.items():
        s = counts.summary()
        lines.append(f"{folder:22}" + "".join(f"{s[c]:>10}" for c in COLUMNS))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--errors", type=Path, help="write every disagreement to this file")
    ap.add_argument("--json", action="store_true", help="print the summaries as JSON")
    ap.add_argument("--floors", type=Path,
                    help="JSON {clean|ocr: {metric: floor}} for the 'all' row; exit 1 under one")
    ap.add_argument("--no-twins", action="store_true", help="skip the OCR twins")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR,
                    help="gold folder (data/annotations/real, or .../heldout)")
    args = ap.parse_args(argv)
    if not corpus_available(args.corpus):
        print(f"eval_real: no corpus at {args.corpus}; skipped (it lives in ../shared, "
              "which a fresh clone does not have)")
        return 0
    gold = load_gold(args.gold)
    clean = evaluate(gold, args.corpus)
    twins = {} if args.no_twins else evaluate(gold, args.corpus, twins=True)
    if args.json:
        print(json.dumps({"clean": {k: v.summary() for k, v in clean.items()},
                          "ocr": {k: v.summary() for k, v in twins.items()}}, indent=1))
    else:
        print("\n".join(_table("clean texts", clean)))
        if twins:
            print("\n".join(_table("OCR twins", twins)))
    if args.errors:
        lines = [*clean["all"].errors, *("OCR " + e for e in twins["all"].errors)] if twins \
            else clean["all"].errors
        args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.floors:
        floors = json.loads(args.floors.read_text(encoding="utf-8"))
        failed = []
        for view, results in (("clean", clean), ("ocr", twins)):
            if not results:
                continue
            s = results["all"].summary()
            for metric, floor in floors.get(view, {}).items():
                if s[metric] < floor:
                    failed.append(f"{view} {metric} {s[metric]} < floor {floor}")
        if failed:
            print("eval_real: under the floor: " + "; ".join(failed), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
