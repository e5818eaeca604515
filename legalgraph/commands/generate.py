"""``legalgraph generate --docs N --out DIR --seed S``: write a synthetic corpus.

The corpus (documents plus ``truth.jsonl``) feeds the benchmarks, the parser's
recall/precision check and the demo store. See :mod:`legalgraph.synth`.
"""

from __future__ import annotations

import argparse
import sys


def _years(value: str) -> tuple[int, int]:
    first, _, last = value.partition("-")
    try:
        a, b = int(first), int(last or first)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YEAR-YEAR, got {value!r}") from exc
    if a > b:
        raise argparse.ArgumentTypeError(f"empty year range {value!r}")
    return a, b


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "generate", help="write a synthetic corpus of documents with ground truth",
        description="Write N synthetic Vietnamese legal/Party documents to DIR/docs/, their "
                    "planted citations to DIR/truth.jsonl and totals to DIR/manifest.json.")
    p.add_argument("--docs", type=int, required=True, metavar="N", help="number of documents")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    p.add_argument("--ocr-fraction", type=float, default=0.1, metavar="F",
                   help="fraction of documents degraded like an OCR scan (default 0.1)")
    p.add_argument("--years", type=_years, default=(2019, 2026), metavar="Y1-Y2",
                   help="years the documents are dated in (default 2019-2026)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from legalgraph.synth import generate_corpus  # imported here: other commands start faster

    if args.docs < 1 or not 0.0 <= args.ocr_fraction <= 1.0:
        print("legalgraph generate: need --docs >= 1 and 0 <= --ocr-fraction <= 1",
              file=sys.stderr)
        return 2
    s = generate_corpus(args.out, args.docs, args.seed, ocr_fraction=args.ocr_fraction,
                        years=args.years)
    print(f"wrote {s.documents} documents ({s.bytes / 1e6:.1f} MB, {s.ocr_documents} OCR), "
          f"{s.citations} citations, {s.relations} relations to {s.out} "
          f"in {s.seconds:.1f} s", file=sys.stderr)
    return 0
