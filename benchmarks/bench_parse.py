"""Parse throughput on ~200 MB of generated text, next to the raw-scan limit.

    .venv/bin/python benchmarks/bench_parse.py            # 100k docs, ~207 MB
    .venv/bin/python benchmarks/bench_parse.py --sample 5000 --profile

Same bytes for every row, measured in the same run: the parser
(``parsers.parse_text``) in one process and in one process per core, against
(a) one compiled ``regex`` pass and one ``re`` pass of the bare number/symbol
pattern over the same text in memory, and (b) ripgrep (``rg --count-matches``:
``-c`` counting every match rather than lines) over the document files, with
one thread and with all, and over the same bytes in one file. Goal: the parser
on all cores reaches 30 % of the scan limit.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import regex
from _common import OUT, ensure_corpus, load_texts, print_machine, table, timed

#: The bare number/symbol of a Vietnamese document: 09/CT-UBND, 10/2025/NQ-HĐND,
#: 58-QĐ/TU, 1431/UBND-VP, 2181/STC-QLG&CS. What a scanner must find at least.
SYMBOL = r"[0-9]{1,5}(?:/[0-9]{4})?[-/][A-ZĐ][A-Za-zĐ&]*(?:[-/][A-ZĐ][A-Za-zĐ&0-9]*)*"

_TEXTS: list[str] = []


def _parse_range(bounds: tuple[int, int]) -> tuple[int, int]:
    """Worker: parse ``_TEXTS[a:b]`` (inherited through fork, no copying)."""
    from parsers import parse_text

    a, b = bounds
    n = 0
    for t in _TEXTS[a:b]:
        n += len(parse_text(t).citations)
    return b - a, n


def parse_serial(texts: list[str]) -> int:
    from parsers import parse_text

    return sum(len(parse_text(t).citations) for t in texts)


def parse_parallel(texts: list[str], jobs: int, chunk: int = 500) -> int:
    global _TEXTS
    _TEXTS = texts
    ranges = [(i, min(i + chunk, len(texts))) for i in range(0, len(texts), chunk)]
    with mp.get_context("fork").Pool(jobs) as pool:
        return sum(n for _, n in pool.imap_unordered(_parse_range, ranges))


def rg_count(args: list[str]) -> int:
    out = subprocess.run(["rg", "--count-matches", "--no-messages", *args],
                         capture_output=True, text=True, check=False).stdout
    total = 0
    for line in out.splitlines():
        total += int(line.rsplit(":", 1)[-1])
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="corpus size (default 100000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sample", type=int, default=0,
                    help="parse only the first N documents (baselines use the same N)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per baseline (median)")
    ap.add_argument("--parser-repeat", type=int, default=1, help="runs per parser row (median)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--profile", action="store_true",
                    help="profile the parser on 2000 documents with pyinstrument")
    args = ap.parse_args(argv)

    m = print_machine("bench_parse: parser throughput vs raw scan, same bytes, same run")
    corpus = ensure_corpus(args.docs, args.seed)
    t0 = time.perf_counter()
    paths, texts, nbytes = load_texts(corpus)
    if args.sample:
        paths, texts = paths[: args.sample], texts[: args.sample]
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
    read_s = time.perf_counter() - t0
    mb = nbytes / 1e6
    ndocs = len(texts)
    print(f"   corpus {corpus}: {ndocs} documents, {mb:.1f} MB (read+decode {read_s:.1f} s)")

    joined = "\n".join(texts)
    one_file = OUT / f"joined-{ndocs}-s{args.seed}.txt"
    if not one_file.is_file() or one_file.stat().st_size != len(joined.encode("utf-8")):
        one_file.write_text(joined, encoding="utf-8")
    listing = OUT / f"files-{ndocs}-s{args.seed}.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")

    rows: list[list] = []

    def row(name: str, seconds: float, count: int, runs: int, procs: int) -> None:
        rows.append([name, procs, mb / seconds, ndocs / seconds, count, seconds, runs])

    pat_regex = regex.compile(SYMBOL)
    pat_re = re.compile(SYMBOL)
    s, _, n = timed(lambda: sum(1 for _ in pat_regex.finditer(joined)), args.repeat)
    row("regex: one compiled pass (in memory)", s, n, args.repeat, 1)
    regex_mbs = mb / s
    s, _, n = timed(lambda: sum(1 for _ in pat_re.finditer(joined)), args.repeat)
    row("re: one compiled pass (in memory)", s, n, args.repeat, 1)
    rg_mbs = float("nan")
    if shutil.which("rg"):
        rg_count(["-e", SYMBOL, str(one_file)])  # warm the page cache
        s, _, n = timed(lambda: rg_count(["-j1", "-e", SYMBOL, str(one_file)]), args.repeat)
        row("rg --count-matches, one file (same bytes)", s, n, args.repeat, 1)
        rg_mbs = mb / s
        files = [str(corpus / "docs")] if not args.sample else paths
        if not args.sample:
            rg_count(["-e", SYMBOL, *files])
            s, _, n = timed(lambda: rg_count(["-j1", "-e", SYMBOL, *files]), args.repeat)
            row("rg --count-matches -j1, document files", s, n, args.repeat, 1)
            s, _, n = timed(lambda: rg_count(["-e", SYMBOL, *files]), args.repeat)
            row("rg --count-matches, files, all threads", s, n, args.repeat, args.jobs)
    else:
        print("   rg not found: apt-get install -y ripgrep", file=sys.stderr)

    s, _, n = timed(lambda: parse_serial(texts), args.parser_repeat)
    row("parse_text, 1 process", s, n, args.parser_repeat, 1)
    serial_mbs = mb / s
    s, _, n = timed(lambda: parse_parallel(texts, args.jobs), args.parser_repeat)
    row(f"parse_text, {args.jobs} processes (fork pool)", s, n, args.parser_repeat, args.jobs)
    par_mbs = mb / s

    print()
    print(table(["method", "procs", "MB/s", "docs/s", "matches", "seconds (median)", "runs"],
                rows))
    print()
    print(f"   parser vs regex pass: 1 process {100 * serial_mbs / regex_mbs:.1f} %, "
          f"{args.jobs} processes {100 * par_mbs / regex_mbs:.1f} % (goal >= 30 %: "
          f"{'met' if par_mbs >= 0.3 * regex_mbs else 'missed'})")
    if rg_mbs == rg_mbs:
        print(f"   parser vs rg (one file): 1 process {100 * serial_mbs / rg_mbs:.2f} %, "
              f"{args.jobs} processes {100 * par_mbs / rg_mbs:.2f} % (goal >= 30 %: "
              f"{'met' if par_mbs >= 0.3 * rg_mbs else 'missed'})")
    print(f"   machine: {m['cores']} cores, load(1m) at start {m['load1']} (shared machine)")

    if args.profile:
        from pyinstrument import Profiler

        sample = texts[:2000]
        prof = Profiler(interval=0.0005)
        prof.start()
        parse_serial(sample)
        prof.stop()
        print(prof.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
