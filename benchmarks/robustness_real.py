"""Run the parser over every real document and damaged variants of it.

Usage: python benchmarks/robustness_real.py [--corpus DIR] [--limit N] [--seed S]

For each text of ../shared/corpus (skips with a message when absent) and its
variants — truncated at random points, NUL and control characters injected,
CRLF and CR line ends, one 1 MB line, NFD, all lower-case, diacritics
stripped, the text repeated 50 times — it counts:

- crashes (any exception);
- span mismatches (``text[start:end] != citation.text``);
- line-end changes: records of the CRLF/CR copy that differ from LF (keys,
  types, dates, issuers, relations, lineage, identity);
- diacritics changes: (key, type, date) lists that differ once diacritics are
  stripped;
- time: the 50x copy's parse time over 50 x the original's (linear ≈ 1).

Exit status 1 when crashes, span mismatches or line-end changes are not 0.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import traceback
import unicodedata
from pathlib import Path

from legalgraph.evaluation import CORPUS_DIR, corpus_available, read_text
from parsers import parse_text
from parsers.normalize import strip_marks

CONTROL = "\x00\x01\x07\x0b\x0c\x1c\x1f\x7f"


def records(doc) -> tuple:
    cites = tuple((c.key, c.type, c.date, c.issuer, c.relation) for c in doc.citations)
    rels = tuple((r.from_key, r.to_key, r.relation) for r in doc.relations)
    return doc.document, cites, rels


def variants(text: str, rng: random.Random) -> dict[str, str]:
    out = {}
    for i in range(3):
        out[f"truncated{i}"] = text[: rng.randrange(0, max(1, len(text)))]
    chars = list(text)
    for _ in range(max(3, len(chars) // 500)):
        chars.insert(rng.randrange(0, len(chars) + 1), rng.choice(CONTROL))
    out["control"] = "".join(chars)
    out["crlf"] = text.replace("\n", "\r\n")
    out["cr"] = text.replace("\n", "\r")
    out["nfd"] = unicodedata.normalize("NFD", text)
    out["lower"] = text.lower()
    out["stripped"] = strip_marks(text)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat-files", type=int, default=20,
                    help="how many files get the 50x and 1 MB-line variants (slow ones)")
    args = ap.parse_args(argv)
    if not corpus_available(args.corpus):
        print(f"robustness_real: no corpus at {args.corpus}; skipped")
        return 0
    files = sorted(p for p in args.corpus.glob("*/*.txt"))
    if args.limit:
        files = files[: args.limit]
    rng = random.Random(args.seed)
    crashes: list[str] = []
    spans = line_ends = diacritics = 0
    parsed = 0
    ratios: list[float] = []
    examples: list[str] = []
    heavy = set(rng.sample(range(len(files)), min(args.repeat_files, len(files))))
    for i, path in enumerate(files):
        text = read_text(path)
        name = f"{path.parent.name}/{path.name}"
        cases = variants(text, rng)
        if i in heavy:
            flat = text.replace("\n", " ")
            cases["one_mb_line"] = (flat * (1_000_000 // max(1, len(flat)) + 1))[:1_000_000]
        base = None
        for label, t in [("original", text), *cases.items()]:
            try:
                doc = parse_text(t, file=name)
            except Exception:  # noqa: BLE001 - counting every crash is the point
                crashes.append(f"{name} [{label}]: {traceback.format_exc(limit=3)}")
                continue
            parsed += 1
            for c in doc.citations:
                if t[c.start : c.end] != c.text:
                    spans += 1
            if label == "original":
                base = doc
            elif label in ("crlf", "cr") and base is not None and records(doc) != records(base):
                line_ends += 1
                examples.append(f"line ends [{label}] {name}")
            elif label == "stripped" and base is not None:
                want = [(c.key, c.type, c.date) for c in base.citations]
                got = [(c.key, c.type, c.date) for c in doc.citations]
                if want != got:
                    diacritics += 1
                    diff = sorted(set(want) ^ set(got), key=str)[:3]
                    examples.append(f"diacritics {name}: {diff}")
        if i in heavy and base is not None:
            t0 = time.perf_counter()
            parse_text(text)
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            try:
                parse_text(text * 50)
            except Exception:  # noqa: BLE001
                crashes.append(f"{name} [x50]: {traceback.format_exc(limit=3)}")
            fifty = time.perf_counter() - t0
            ratios.append(fifty / (50 * one) if one else 1.0)
    print(f"files {len(files)}, parses {parsed}")
    print(f"crashes {len(crashes)}, span mismatches {spans}, line-end changes {line_ends}, "
          f"diacritics changes {diacritics}")
    if ratios:
        print(f"50x text: median time ratio to 50 x the original {statistics.median(ratios):.2f} "
              f"(max {max(ratios):.2f}; 1.0 is linear)")
    for line in crashes[:5] + examples[:20]:
        print("  " + line.strip().replace("\n", "\n    "))
    return 1 if crashes or spans or line_ends else 0


if __name__ == "__main__":
    sys.exit(main())
