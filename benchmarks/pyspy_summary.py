"""Summarize a py-spy raw profile: share of samples per function (inclusive).

    .venv/bin/py-spy record --subprocesses -r 50 -f raw -o /tmp/ingest.raw -- \\
        .venv/bin/python -m legalgraph.cli ingest DOCS --db /tmp/store --jobs 2 --no-progress
    .venv/bin/python benchmarks/pyspy_summary.py /tmp/ingest.raw --top 30

Each raw line is ``frame;frame;… count``; a function is counted once per
sample however deep it recurses, so the percentages read as "time spent
inside this function or what it calls", over all processes together.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

_FRAME = re.compile(r"(?P<func>.*) \((?P<file>.*?)(?::\d+)?\)$")


def summarize(lines: list[str]) -> tuple[int, Counter[str]]:
    """(total samples, inclusive samples per ``function (dir/file)``)."""
    total = 0
    inclusive: Counter[str] = Counter()
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        seen: set[str] = set()
        for frame in stack.split(";")[1:]:  # the first frame names the process
            m = _FRAME.match(frame)
            key = f"{m['func']} ({'/'.join(m['file'].split('/')[-2:])})" if m else frame
            if key not in seen:
                inclusive[key] += n
                seen.add(key)
    return total, inclusive


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", help="py-spy record -f raw output")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--skip", default=r"^process |runpy|multiprocessing|threading|cli.py|<module>",
                    help="regex of frames to leave out of the listing (plumbing)")
    args = ap.parse_args(argv)
    with open(args.raw, encoding="utf-8", errors="replace") as f:
        total, inclusive = summarize(f.readlines())
    skip = re.compile(args.skip)
    print(f"{total} samples")
    shown = 0
    for key, n in inclusive.most_common():
        if skip.search(key):
            continue
        print(f"{100 * n / total:6.1f} %  {key}")
        shown += 1
        if shown >= args.top:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
