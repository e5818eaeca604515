"""Ingest 100k generated documents into the embedded store: wall time and peak memory.

    .venv/bin/python benchmarks/bench_ingest.py                 # 100k docs, --jobs = cores
    .venv/bin/python benchmarks/bench_ingest.py --docs 10000 --jobs 1

Runs ``legalgraph ingest DOCS --db STORE`` as a child process on a fresh
store, under ``/usr/bin/time -v`` (largest single process RSS) while sampling
the RSS of the whole process tree (parent + parser workers) every 0.2 s. Then
times the first query on the new store (``legalgraph stats``: builds and
caches the graph) and a second one (cached). Goals (issue 17): under 2
minutes on 2 cores, under 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from _common import OUT, ROOT, ensure_corpus, print_machine, table

GOAL_SECONDS = 120
GOAL_BYTES = 2 * 1024**3


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, now."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss(p)
        todo += _children(p)
    return total


def run_measured(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``cmd``; wall seconds, CPU seconds, max single RSS, peak tree RSS, exit code."""
    timev = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    full = [timev, "-v", *cmd] if timev else cmd
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            stop.wait(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    res = {"wall": wall, "peak_tree": float(peak[0]), "rc": float(proc.returncode),
           "max_rss": float("nan"), "cpu": float("nan")}
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    if m:
        res["max_rss"] = int(m.group(1)) * 1024.0
    u = re.search(r"User time \(seconds\): ([\d.]+)", err)
    s = re.search(r"System time \(seconds\): ([\d.]+)", err)
    if u and s:
        res["cpu"] = float(u.group(1)) + float(s.group(1))
    res["stdout"] = out  # type: ignore[assignment]
    res["stderr"] = err  # type: ignore[assignment]
    return res


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--db", type=Path, default=None, help="store folder (default under out/)")
    ap.add_argument("--keep", action="store_true", help="reuse an existing store (no re-ingest)")
    args = ap.parse_args(argv)

    m = print_machine("bench_ingest: legalgraph ingest of generated documents")
    corpus = ensure_corpus(args.docs, args.seed)
    manifest = json.loads((corpus / "manifest.json").read_text())
    db = args.db or OUT / f"store-{args.docs}-s{args.seed}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    py = sys.executable
    rows = []
    if not (args.keep and db.exists()):
        shutil.rmtree(db, ignore_errors=True)
        cmd = [py, "-m", "legalgraph.cli", "ingest", str(corpus / "docs"), "--db", str(db),
               "--jobs", str(args.jobs), "--no-progress", "--json"]
        r = run_measured(cmd, env)
        if r["rc"] != 0:
            print(r["stderr"][-3000:], file=sys.stderr)  # type: ignore[index]
        report = {}
        try:
            report = json.loads(r["stdout"])  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
        mb = manifest["bytes"] / 1e6
        rows.append([f"ingest {args.docs} docs, --jobs {args.jobs}", r["wall"], r["cpu"],
                     args.docs / r["wall"], mb / r["wall"], r["max_rss"] / 2**20,
                     r["peak_tree"] / 2**20])
        print(f"   ingest report: {json.dumps(report.get('totals', report))[:600]}")
    for label in ("first query after ingest (stats: builds graph)", "second query (cached)"):
        cmd = [py, "-m", "legalgraph.cli", "stats", "--db", str(db), "--json"]
        r = run_measured(cmd, env)
        rows.append([label, r["wall"], r["cpu"], float("nan"), float("nan"),
                     r["max_rss"] / 2**20, r["peak_tree"] / 2**20])
        if label.startswith("first"):
            try:
                st = json.loads(r["stdout"])  # type: ignore[arg-type]
                print(f"   store stats: documents {st.get('documents')}, nodes {st.get('nodes')},"
                      f" edges {st.get('edges')}, references {st.get('references')}, "
                      f"resolved {st.get('resolved')}, ambiguous {st.get('ambiguous')}")
            except (TypeError, ValueError):
                print(r["stderr"][-2000:], file=sys.stderr)  # type: ignore[index]
    print(f"   generated: {manifest['documents']} documents, {manifest['citations']} planted "
          f"citations, {manifest['bytes'] / 1e6:.1f} MB; store on disk "
          f"{_du(db) / 2**20:.0f} MiB")
    print()
    print(table(["step", "wall s", "CPU s", "docs/s", "MB/s", "max RSS MiB (1 proc)",
                 "peak RSS MiB (tree)"], rows))
    if rows and rows[0][0].startswith("ingest"):
        wall, peak = rows[0][1], max(rows[0][5], rows[0][6]) * 2**20
        print(f"\n   goal < {GOAL_SECONDS} s on {m['cores']} cores: "
              f"{'met' if wall < GOAL_SECONDS else 'missed'} ({wall:.0f} s); "
              f"goal < 2 GiB: {'met' if peak < GOAL_BYTES else 'missed'} "
              f"({peak / 2**30:.2f} GiB)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
