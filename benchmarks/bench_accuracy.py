"""Parser precision/recall on the generator's ground truth, clean vs OCR-degraded.

    .venv/bin/python benchmarks/bench_accuracy.py                # 10k docs, 30 % OCR
    .venv/bin/python benchmarks/bench_accuracy.py --docs 2000 --examples 5

Documents are generated in memory (deterministic for ``--seed``) and parsed
with ``parsers.parse_text``. A planted citation counts as found when a parsed
citation in the same document has the same canonical key; type, date,
relation and issuer are then compared on the matched pairs. Tables: totals,
recall per planted form, recall per type, field agreement, relations stated
between two cited documents, the document's own identity; then example misses.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

from _common import print_machine, table


def _fold(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=101)
    ap.add_argument("--ocr-fraction", type=float, default=0.3)
    ap.add_argument("--examples", type=int, default=3, help="example misses per form")
    args = ap.parse_args(argv)

    from legalgraph.synth import iter_documents
    from legalgraph.synth.score import Score, score_document
    from parsers import parse_text

    print_machine("bench_accuracy: parser vs planted ground truth")
    score = Score()
    t0 = time.perf_counter()
    n = 0
    issuer_folded: dict[str, list[int]] = {"clean": [0, 0], "ocr": [0, 0]}
    for d in iter_documents(args.docs, args.seed, ocr_fraction=args.ocr_fraction):
        parsed = parse_text(d.text).to_dict()
        score_document(score, d.truth, parsed, d.text, keep_examples=args.examples)
        group = "ocr" if d.truth["ocr"] else "clean"
        from legalgraph.synth.score import match_citations

        for tr, p in match_citations(d.truth["citations"], parsed["citations"])[0]:
            if tr["issuer"] and p.get("issuer"):
                cell = issuer_folded[group]
                cell[0] += _fold(tr["issuer"]) == _fold(p["issuer"])
                cell[1] += 1
        n += 1
    secs = time.perf_counter() - t0
    print(f"   {n} documents (seed {args.seed}, OCR fraction {args.ocr_fraction}) generated "
          f"and parsed in {secs:.1f} s")

    print("\nCitations (key found in the same document)")
    rows = []
    for g in ("clean", "ocr", "all"):
        t = score.by_group[g]
        rows.append([g, t.tp + t.fn, t.tp, t.fn, t.fp, t.precision, t.recall, t.f1])
    print(table(["text", "planted", "found", "missed", "extra", "precision", "recall", "F1"],
                rows))

    print("\nRecall per planted form")
    forms = sorted({k.split("/")[0] for k in score.by_form})
    rows = []
    for f in forms:
        c, o = score.by_form.get(f"{f}/clean"), score.by_form.get(f"{f}/ocr")
        rows.append([f, (c.tp + c.fn) if c else 0, c.recall if c else float("nan"),
                     (o.tp + o.fn) if o else 0, o.recall if o else float("nan")])
    print(table(["form", "clean n", "clean recall", "ocr n", "ocr recall"], rows))

    print("\nRecall per cited type (clean + OCR)")
    rows = [[t, v.tp + v.fn, v.recall] for t, v in sorted(score.by_type.items(),
                                                           key=lambda kv: -kv[1].tp - kv[1].fn)]
    print(table(["type", "planted", "recall"], rows))

    print("\nFields of matched citations (agreement)")
    rows = []
    for name, groups in score.fields.items():
        for g in ("clean", "ocr"):
            if g in groups:
                a, b = groups[g]
                rows.append([name, g, b, a / b if b else float("nan")])
    for g, (a, b) in issuer_folded.items():
        rows.append(["issuer (case/diacritics folded)", g, b, a / b if b else float("nan")])
    print(table(["field", "text", "compared", "agreement"], rows))

    print("\nRelations between two cited documents (.relations)")
    rows = []
    for g in ("clean", "ocr", "all"):
        t = score.relations[g]
        rows.append([g, t.tp + t.fn, t.tp, t.fp, t.precision, t.recall])
    print(table(["text", "planted", "found", "extra", "precision", "recall"], rows))

    print("\nDocument identity from the header")
    rows = []
    for name, groups in score.identity.items():
        for g in ("clean", "ocr"):
            a, b = groups[g]
            rows.append([name, g, b, a / b if b else float("nan")])
    print(table(["field", "text", "documents", "exact"], rows))

    if score.misses or score.false_pos:
        print("\nExample misses (form, text): gid: key in …context…")
        for (form, g), ex in sorted(score.misses.items()):
            for line in ex:
                print(f"  [{form}/{g}] {line}")
        for g, ex in score.false_pos.items():
            for line in ex:
                print(f"  [extra/{g}] {line}")
    errs = [(k, c) for k, c in score.field_errors.items()]
    if errs:
        print("\nMost frequent field disagreements: (field, text) (form, planted, parsed) × n")
        for (name, g), counter in sorted(errs):
            for sig, k in counter.most_common(4):
                print(f"  ({name}, {g}) {sig} × {k}")
                for ex in score.field_examples.get((name, g) + sig, [])[:1]:
                    print(f"      e.g. {ex}")
    if score.relation_misses:
        print("\nExample missed relations:", *score.relation_misses[:5], sep="\n  ")
    if score.relation_extras:
        print("Example extra relations:", *score.relation_extras[:5], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
