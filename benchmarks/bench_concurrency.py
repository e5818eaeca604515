"""Reader latency while a long ingest writes to the same store.

    .venv/bin/python benchmarks/bench_concurrency.py                  # this checkout
    .venv/bin/python benchmarks/bench_concurrency.py --code /tmp/old  # another checkout

Builds a fresh store from ``data/samples`` (so it exists and has a graph),
then runs ``legalgraph ingest`` of the real corpus (``../shared/corpus``, the
long ingest) as a child process, and meanwhile, back to back until it ends:

* CLI readers: ``legalgraph stats --json``, ``show 58-QĐ/TU``, ``top --limit 5``
  (process start to exit, what a user at a terminal waits for);
* an app reader: one long-lived ``EmbeddedBackend`` in its own process, as the
  app keeps it, answering ``stats`` and ``search_keys``.

The same readers also run with no ingest, in the same run, as the baseline.
A reader fails when it exits non-zero or prints a traceback. ``--code`` runs
every child (ingest and readers) from another checkout, for a before/after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import OUT, ROOT, print_machine, table

CORPUS = ROOT.parent / "shared" / "corpus"

CLI_QUERIES: list[list[str]] = [
    ["stats", "--json"],
    ["show", "58-QĐ/TU"],
    ["top", "--limit", "5"],
]

#: Runs in its own process from the checkout under test: one backend kept
#: open (as the app keeps it), one JSON line per query on stdout.
APP_READER = r"""
import json, sys, time, traceback
from graph.embedded import EmbeddedBackend
b = EmbeddedBackend(sys.argv[1])
deadline = time.monotonic() + float(sys.argv[2])
stop = sys.argv[3]
import os
while time.monotonic() < deadline and not os.path.exists(stop):
    t0 = time.perf_counter()
    try:
        b.stats(); b.search_keys("58-QĐ/TU")
        ok, err = True, ""
    except Exception as exc:
        ok, err = False, f"{type(exc).__name__}: {exc}"
    print(json.dumps({"s": time.perf_counter() - t0, "ok": ok, "err": err}), flush=True)
    time.sleep(0.05)
"""


def _env(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code), "NEO4J_URI": ""}


def _cli(code: Path, args: list[str], db: Path) -> tuple[float, bool, str]:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "legalgraph.cli", *args, "--db", str(db)],
                       cwd=code, env=_env(code), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    failed = r.returncode != 0 or "Traceback" in r.stderr
    last = (r.stderr.strip().splitlines() or [""])[-1]
    return seconds, not failed, last


def _readers(code: Path, db: Path, running: threading.Event | None, seconds: float
             ) -> dict[str, list[tuple[float, bool, str]]]:
    """Run the CLI loop and the app reader until ``running`` clears (or for
    ``seconds`` when None); timings by reader kind."""
    stop = Path(tempfile.mkdtemp()) / "stop"
    app = subprocess.Popen([sys.executable, "-c", APP_READER, str(db),
                            str(seconds + 600), str(stop)],
                           cwd=code, env=_env(code), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    cli: list[tuple[float, bool, str]] = []
    end = time.monotonic() + seconds
    i = 0
    while (running.is_set() if running is not None else time.monotonic() < end):
        cli.append(_cli(code, CLI_QUERIES[i % len(CLI_QUERIES)], db))
        i += 1
    stop.touch()
    out, err = app.communicate()
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    app_t = [(r["s"], r["ok"], r["err"]) for r in rows]
    if app.returncode:
        app_t.append((float("nan"), False, (err.strip().splitlines() or ["?"])[-1]))
    return {"CLI (stats/show/top)": cli, "app backend (stats + search_keys)": app_t}


def _summary(label: str, kind: str, t: list[tuple[float, bool, str]]) -> list:
    ok = sorted(s for s, good, _ in t if good)
    fails = [m for _, good, m in t if not good]
    p95 = ok[min(len(ok) - 1, int(round(0.95 * (len(ok) - 1))))] if ok else float("nan")
    return [label, kind, len(t), len(fails),
            statistics.median(ok) * 1000 if ok else float("nan"), p95 * 1000,
            max(ok) * 1000 if ok else float("nan"),
            (fails[0][:60] if fails else "")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout to run (default: this)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--jobs", type=int, default=1, help="ingest --jobs (default 1)")
    ap.add_argument("--idle-seconds", type=float, default=15.0,
                    help="baseline: readers with no ingest, this long")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (the real documents live in ../shared)")
        return 0
    code = args.code.resolve()
    m = print_machine(f"reader latency during a long ingest (code: {code})")
    db = OUT / "concurrency" / "store"
    subprocess.run(["rm", "-rf", str(db)], check=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "legalgraph.cli", "ingest",
                    str(ROOT / "data" / "samples"), "--db", str(db), "--no-progress"],
                   cwd=code, env=_env(code), check=True, capture_output=True)
    _cli(code, ["stats"], db)  # graph cache written

    idle = _readers(code, db, None, args.idle_seconds)

    running = threading.Event()
    running.set()
    t0 = time.perf_counter()
    ing = subprocess.Popen([sys.executable, "-m", "legalgraph.cli", "ingest", str(args.corpus),
                            "--db", str(db), "--jobs", str(args.jobs), "--no-progress"],
                           cwd=code, env=_env(code), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    waiter = threading.Thread(target=lambda: (ing.wait(), running.clear()))
    waiter.start()
    busy = _readers(code, db, running, 0)
    waiter.join()
    ingest_s = time.perf_counter() - t0
    out, err = ing.communicate()
    ingest_ok = ing.returncode == 0 and "Traceback" not in err

    rows = [_summary("no ingest", k, v) for k, v in idle.items()]
    rows += [_summary("during ingest", k, v) for k, v in busy.items()]
    print(f"   ingest of {args.corpus} (--jobs {args.jobs}): {ingest_s:.1f} s, "
          f"{'ok' if ingest_ok else 'FAILED: ' + (err.strip().splitlines() or ['?'])[-1]}")
    print(table(["when", "reader", "queries", "failed", "median ms", "p95 ms", "max ms",
                 "first failure"], rows))
    (OUT / "concurrency").mkdir(parents=True, exist_ok=True)
    (OUT / "concurrency" / f"result-{m['commit']}-{code.name}.json").write_text(json.dumps(
        {"machine": m, "code": str(code), "ingest_seconds": ingest_s, "ingest_ok": ingest_ok,
         "rows": rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
