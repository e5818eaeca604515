"""Neo4j backend: push rate (relationships/s) and query latency on each Bolt server.

    .venv/bin/python benchmarks/bench_neo4j.py                  # store of 100k docs
    .venv/bin/python benchmarks/bench_neo4j.py --docs 10000 --runs 10
    .venv/bin/python benchmarks/bench_neo4j.py --servers arcadedb
    NEO4J_URI=bolt://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=… bench_neo4j.py

Pushes the store built by ``bench_ingest.py`` with :func:`graph.neo4j.push`
(texts left out unless ``--text``) to each server in turn and times it, then
runs the same queries as ``bench_query.py`` through
:class:`graph.neo4j.Neo4jBackend` and, in the same run, through the embedded
backend, so each Cypher figure sits next to its in-process baseline and every
answer is checked against it. Without ``NEO4J_URI`` the servers are
throwaway FalkorDB and ArcadeDB processes (:mod:`graph.bolt_server`), started
one at a time and stopped after their run; neither is Neo4j, so their figures
say how the Cypher performs on *a* Bolt graph server, not on Neo4j itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import OUT, ensure_corpus, print_machine, table
from bench_query import GOAL_MS, bench, node_for, pick_targets


@contextlib.contextmanager
def _server(name: str) -> Iterator[Any]:
    """A Neo4jConfig: ``$NEO4J_URI`` for ``neo4j``, else a server started for this run."""
    if name == "neo4j":
        from graph.neo4j import Neo4jConfig

        yield Neo4jConfig.from_env()
        return
    from graph.bolt_server import start

    with start(name) as server:
        yield server.config()


def _queries(ids: dict[str, str | None], targets: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        (f"show: most cited document ({targets['hub']['in']:,} citers)",
         lambda b: b.show(ids["hub"])),
        ("show: median document", lambda b: b.show(ids["median"])),
        ("lineage up, depth 5: deepest planted chain",
         lambda b: b.lineage(ids["deep"], direction="up", depth=5)),
        ("lineage down, depth 5: median document",
         lambda b: b.lineage(ids["median"], direction="down", depth=5)),
        ("top 50, no filter", lambda b: b.top(limit=50)),
        ("top 50, type=Chỉ thị", lambda b: b.top(type="Chỉ thị", limit=50)),
        ("top 50, type=Nghị quyết, year=2021",
         lambda b: b.top(type="Nghị quyết", year=2021, limit=50)),
        ("top 50, cited_by_type=Kế hoạch, cited_by_year=2025",
         lambda b: b.top(cited_by_type="Kế hoạch", cited_by_year=2025, limit=50)),
        ("top 50, issuer=UBND", lambda b: b.top(issuer="UBND", limit=50)),
        (f"search_keys {targets['median']['key']}",
         lambda b: b.search_keys(targets["median"]["key"])),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, default=None, help="store (default: bench_ingest's)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--text", action="store_true", help="push document texts too")
    ap.add_argument("--servers", default="falkordb,arcadedb",
                    help="comma-separated: falkordb, arcadedb (ignored with NEO4J_URI)")
    args = ap.parse_args(argv)

    print_machine("bench_neo4j: push rate and Cypher query latency")
    try:
        from graph.bolt_server import available
        from graph.neo4j import Neo4jBackend, push
    except ImportError as exc:
        print(f"   skipped: no Neo4j backend ({exc})")
        return 0
    corpus = ensure_corpus(args.docs, args.seed)
    db = args.db or OUT / f"store-{args.docs}-s{args.seed}"
    if not db.exists():
        print(f"   no store at {db}: run benchmarks/bench_ingest.py first", file=sys.stderr)
        return 2
    if os.environ.get("NEO4J_URI"):
        names = ["neo4j"]
    else:
        names = [n for n in args.servers.split(",") if n]
        for n in [n for n in names if not available(n)]:
            print(f"   {n}: not installed, skipped")
        names = [n for n in names if available(n)]
    targets = pick_targets(corpus)

    from graph.embedded import EmbeddedBackend

    emb = EmbeddedBackend(db)
    ids = {name: node_for(emb, d) for name, d in targets.items()}
    queries = _queries(ids, targets)
    baseline = [bench(lambda q=q: q(emb), args.runs) for _, q in queries]
    load_rows: list[list[Any]] = []
    timings: dict[str, list[tuple[float, float, str]]] = {}
    for name in names:
        with _server(name) as config:
            t0 = time.perf_counter()
            report = push(db, config, batch_size=args.batch_size, text=args.text, force=True)
            wall = time.perf_counter() - t0
            print(f"   {name}: {report.server} at {config.uri}, schema {report.schema}")
            load_rows.append([
                name, report.nodes, report.edges, report.seconds_prepare, report.seconds_nodes,
                report.seconds_edges, wall,
                report.nodes / report.seconds_nodes if report.seconds_nodes else float("nan"),
                report.edges_per_second])
            rows = []
            with Neo4jBackend(config) as neo:
                for (_, q), (_, _, e_res) in zip(queries, baseline, strict=True):
                    try:
                        med, p90, res = bench(lambda q=q: q(neo), args.runs)
                        same = "same" if res == e_res else "DIFFERENT"
                    except Exception as exc:  # report, keep measuring the others
                        med, p90, same = float("nan"), float("nan"), f"error: {exc}"[:40]
                    rows.append((med, p90, same))
            timings[name] = rows
    emb.close()

    print()
    print(table(["server", "nodes", "relationships", "prepare s", "nodes s", "edges s",
                 "wall s", "nodes/s", "relationships/s"], load_rows))
    headers = ["query", "embedded ms"]
    for name in names:
        headers += [f"{name} median ms", f"{name} p90 ms", f"{name} ratio"]
    headers.append("result vs embedded")
    out = []
    for i, (label, _) in enumerate(queries):
        e_med = baseline[i][0]
        row: list[Any] = [label, e_med]
        for name in names:
            med, p90, _ = timings[name][i]
            row += [med, p90, med / e_med if e_med else float("nan")]
        row.append(", ".join(sorted({timings[n][i][2] for n in names})) or "n/a")
        out.append(row)
    print()
    print(table(headers, out))
    for name in names:
        slow = [f"{label} ({timings[name][i][0]:.0f} ms)" for i, (label, _) in enumerate(queries)
                if not timings[name][i][0] < GOAL_MS]
        print(f"   {name}: goal < {GOAL_MS:.0f} ms median "
              + ("met for all" if not slow else "missed for " + "; ".join(slow)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
