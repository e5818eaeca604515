"""Resolution, search and audit on a store: what issue 12 added, timed.

    .venv/bin/python benchmarks/bench_quality.py --db STORE          # any store
    .venv/bin/python benchmarks/bench_quality.py --docs 20000        # bench_ingest's store

Times (median of ``--runs``): the whole-corpus resolution (``Store.resolve``,
CPU seconds, on a copy of the store so the original is untouched), building
the search index, ``search`` for typical queries (a key in two spellings, a
type and number, words of a subject without diacritics, an issuer), and the
full audit. Search goal: under 50 ms (median) for every query of a word or
more.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import OUT, print_machine, table, timed

GOAL_MS = 50.0


def _queries(backend) -> list[tuple[str, str]]:  # noqa: ANN001 - an EmbeddedBackend
    """Queries built from the store's most cited document, so any store works."""
    top = backend.top(limit=1)
    if not top:
        return []
    n = top[0]["node"]
    key = n["key"] or ""
    words = " ".join((n["name"] or n["subject"] or "").split()[:5])
    from graph.identity import fold

    out = [("key as written", key), ("key without diacritics or separators",
                                      fold(key).replace("/", " ").replace("-", " "))]
    if n["type"] and n["number"]:
        out.append(("type and number", f"{fold(n['type'])} {n['number']}"))
    if words:
        out.append(("name words, no diacritics", fold(words)))
    out.append(("issuer words", "uy ban nhan dan tinh"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=None, help="store (default: bench_ingest's)")
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=3, help="resolution runs")
    args = ap.parse_args(argv)

    from graph.audit import audit
    from graph.embedded import EmbeddedBackend
    from graph.store import Store

    print_machine("bench_quality: resolution, search and audit")
    db = args.db or OUT / f"store-{args.docs}-s{args.seed}"
    if not (db / "legalgraph.sqlite").is_file():
        print(f"   no store at {db}: run benchmarks/bench_ingest.py first", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(db, copy)
        with Store(copy) as store:
            cpu = []
            for _ in range(args.runs):
                t0 = time.process_time()
                store.resolve(force=True)
                cpu.append(time.process_time() - t0)
        rows.append(["resolve the whole corpus (CPU s)", statistics.median(cpu), len(cpu)])
        with EmbeddedBackend(copy) as backend:
            backend.graph  # noqa: B018 - load once, not timed
            t0 = time.process_time()
            backend.index.search_index()
            rows.append(["build the search index (CPU s)", time.process_time() - t0, 1])
            search_rows = []
            for label, q in _queries(backend):
                med, _, hits = timed(lambda q=q: backend.search(q, limit=20), 11)
                search_rows.append([label, q, med * 1000, len(hits)])
            t0 = time.perf_counter()
            report = audit(backend)
            rows.append(["audit (wall s)", time.perf_counter() - t0, 1])
    print(table(["what", "seconds", "runs"], rows))
    print()
    print(table(["search", "query", "median ms", "hits"], search_rows))
    worst = max((r[2] for r in search_rows), default=0.0)
    print(f"\nsearch goal {GOAL_MS:.0f} ms: {'met' if worst < GOAL_MS else 'missed'} "
          f"(worst median {worst:.1f} ms)")
    c = report["counts"]
    print(f"audit: {c['documents']} documents, {c['nodes']} nodes; future edges "
          f"{c['future_edges']}, set aside {c['set_aside']}, split keys {c['split_keys']}, "
          f"strict {report['strict'] or 'passes'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
