"""Parse throughput on the real corpus, one core, against one raw regex pass.

    .venv/bin/python benchmarks/bench_parse_real.py [--runs 3] [--compare DIR ...]

Each measured program runs in its own process pinned to one core (CPU 0):
it reads every ``*.txt`` of ../shared/corpus (skips with a message when
absent) and parses it with ``parsers.parse_text``; the raw pass reads the same
files and runs one compiled ``regex`` search for number/symbol tokens over
them. Medians of ``--runs`` runs, all interleaved in one run of this script
(each run starting at the next row, so no row always follows the same one)
so a noisy machine hits every row alike. "parser, pure Python" is this
checkout without its compiled passes (``LEGALGRAPH_PURE_PYTHON=1``, see
``parsers/scan.py``). ``--compare DIR`` adds the parser of
another checkout (e.g. a ``git worktree`` of an older commit) as a row, for
before/after figures measured on the same bytes in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

#: What a scanner must find at least: 09/CT-UBND, 10/2025/NQ-HĐND, 58-QĐ/TU.
SYMBOL = r"[0-9]{1,5}(?:/[0-9]{4})?[-/][A-ZĐ][A-Za-zĐ&]*(?:[-/][A-ZĐ][A-Za-zĐ&0-9]*)*"

_PROGRAM = r"""
import json, os, sys, time
os.sched_setaffinity(0, {0})
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from pathlib import Path
files = sorted(Path(sys.argv[2]).glob("*/*.txt"))
mode = sys.argv[3]
if mode == "parse":
    from parsers import parse_text
t1 = time.perf_counter()
n = chars = found = 0
for p in files:
    text = p.read_text(encoding="utf-8")
    chars += len(text.encode("utf-8"))
    n += 1
    if mode == "parse":
        found += len(parse_text(text).citations)
    else:
        import regex
        pat = globals().get("PAT") or regex.compile(sys.argv[4])
        globals()["PAT"] = pat
        found += sum(1 for _ in pat.finditer(text))
t2 = time.perf_counter()
print(json.dumps({"docs": n, "bytes": chars, "found": found, "import_s": t1 - t0,
                  "work_s": t2 - t1}))
"""


def _run(code_dir: Path, mode: str) -> dict:
    env = dict(os.environ)
    if mode == "parse-python":  # the parser without its compiled passes
        mode, env["LEGALGRAPH_PURE_PYTHON"] = "parse", "1"
    out = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(code_dir), str(CORPUS), mode, SYMBOL],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--compare", type=Path, action="append", default=[],
                    help="another checkout whose parser is measured too")
    ap.add_argument("--json", type=Path, help="write the rows here")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"bench_parse_real: no corpus at {CORPUS}; skipped")
        return 0
    rows = {"raw regex pass": (ROOT, "raw"), "parser (this checkout)": (ROOT, "parse"),
            "parser, pure Python": (ROOT, "parse-python")}
    for d in args.compare:
        rows[f"parser ({d.name})"] = (d, "parse")
    times: dict[str, list[float]] = {k: [] for k in rows}
    last: dict[str, dict] = {}
    labels = list(rows)
    for run in range(args.runs):
        # each run starts at the next row: a machine that slows after a heavy
        # row (the pure-Python one) then weighs on every row alike
        for label in labels[run % len(labels):] + labels[: run % len(labels)]:
            code, mode = rows[label]
            r = _run(code, mode)
            times[label].append(r["work_s"])
            last[label] = r
    raw = statistics.median(times["raw regex pass"])
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"python {platform.python_version()}; one core, median of {args.runs}")
    docs, size = last["raw regex pass"]["docs"], last["raw regex pass"]["bytes"]
    print(f"corpus: {docs} documents, {size / 1e6:.1f} MB")
    print(f"{'row':34}{'seconds':>9}{'docs/s':>9}{'MB/s':>8}{'vs raw':>8}{'found':>8}")
    out = []
    for label in rows:
        t = statistics.median(times[label])
        row = {"row": label, "seconds": round(t, 3), "docs_per_s": round(docs / t, 1),
               "mb_per_s": round(size / 1e6 / t, 2), "ratio_to_raw": round(raw / t, 3),
               "found": last[label]["found"]}
        out.append(row)
        print(f"{label:34}{t:9.2f}{row['docs_per_s']:9.1f}{row['mb_per_s']:8.2f}"
              f"{row['ratio_to_raw']:8.3f}{row['found']:8d}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
