"""Score the parser against the hand annotation of the seed notices.

Usage: python benchmarks/eval_seeds.py [SEEDS_DIR] [--annotations FILE]

A predicted citation is a true positive when an annotated citation has the
same key, type, date and relation and its ``anchor`` text lies inside the
predicted span (so a right key found in the wrong place does not count).
Anchors are compared in NFC (the city notice mixes decomposed accents into
otherwise composed text).
Prints precision, recall and F1 per file, and the identity fields checked.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

from parsers import parse_text

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("key", "type", "date", "relation")


def score(annotated: list[dict], predicted: list) -> tuple[int, int, int]:
    """(true positives, predicted, annotated) for one file."""
    left = list(annotated)
    tp = 0
    for c in predicted:
        for a in left:
            span = unicodedata.normalize("NFC", c.text)  # seeds mix NFC and NFD
            if all(getattr(c, f) == a[f] for f in FIELDS) and a["anchor"] in span:
                left.remove(a)
                tp += 1
                break
    return tp, len(predicted), len(annotated)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seeds", nargs="?", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--annotations", default=str(ROOT / "data" / "annotations" / "seeds.json"))
    args = ap.parse_args()
    gold = json.loads(Path(args.annotations).read_text(encoding="utf-8"))
    print(f"{'file':30} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold  identity")
    totals = [0, 0, 0]
    for name, truth in gold.items():
        if name.startswith("_"):
            continue
        text = (Path(args.seeds) / name).read_text(encoding="utf-8")
        doc = parse_text(text, file=name)
        tp, pred, ann = score(truth["citations"], list(doc.citations))
        totals = [totals[0] + tp, totals[1] + pred, totals[2] + ann]
        p = tp / pred if pred else 1.0
        r = tp / ann if ann else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        ident = all(getattr(doc.document, k) == v for k, v in truth["document"].items())
        print(f"{name:30} {p:6.3f} {r:6.3f} {f1:6.3f}  {tp}/{pred}/{ann}"
              f"{'':8}{'ok' if ident else 'WRONG: ' + str(doc.document)}")
    tp, pred, ann = totals
    p, r = tp / pred if pred else 1.0, tp / ann if ann else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'all':30} {p:6.3f} {r:6.3f} {f1:6.3f}  {tp}/{pred}/{ann}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
