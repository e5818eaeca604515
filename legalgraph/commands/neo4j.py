"""``legalgraph push``: load the resolved graph into Neo4j (or another Bolt server).

Connection settings come from flags or ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_DATABASE``; the password only from ``NEO4J_PASSWORD``, so it never
shows in the process list. A server that cannot be used, or an empty store,
ends the command with one line and status 2 (:class:`graph.errors.UserError`,
printed by :func:`legalgraph.cli.main`). See :mod:`graph.neo4j` and
``docs/neo4j.md``.
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "push", help="load the resolved graph into a Neo4j server (idempotent)",
        description="Load the store's resolved graph into Neo4j over Bolt: batched, "
                    "idempotent (pushing twice changes nothing), and safe to rerun "
                    "after a failure.")
    p.add_argument("--db", metavar="DIR", default=None,
                   help="store folder (default: $LEGALGRAPH_DB or data/store)")
    p.add_argument("--uri", help="bolt://host:7687, neo4j+s://… (default: $NEO4J_URI)")
    p.add_argument("--user", help="user name (default: $NEO4J_USER; none: no auth)")
    p.add_argument("--database", help="database name (default: $NEO4J_DATABASE or "
                   "the server's default)")
    p.add_argument("--batch-size", type=int, default=2000, metavar="N",
                   help="rows per transaction (default 2000)")
    p.add_argument("--no-text", action="store_true",
                   help="leave document texts out of the graph")
    p.add_argument("--force", action="store_true",
                   help="write even if the server already holds this exact graph")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run_push)


def run_push(args: argparse.Namespace) -> int:
    from graph.neo4j import Neo4jConfig, push

    try:
        config = Neo4jConfig.from_env(uri=args.uri, user=args.user, database=args.database)
    except ValueError as exc:
        print(f"legalgraph push: {exc}", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("legalgraph push: --batch-size must be at least 1", file=sys.stderr)
        return 2
    from graph.store import Store, StoreMissing, StoreUnusable, default_db_dir

    try:  # a mistyped --db must not push an empty graph (which would empty the server)
        Store(args.db or default_db_dir(), create=False).close()
    except (StoreMissing, StoreUnusable) as exc:
        print(f"legalgraph push: {exc}", file=sys.stderr)
        return 2

    shown = False

    def progress(phase: str, done: int, total: int) -> None:
        nonlocal shown
        if not args.json and sys.stderr.isatty():
            shown = True
            print(f"\r{phase}: {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        report = push(args.db, config, batch_size=args.batch_size, text=not args.no_text,
                      force=args.force, progress=progress)
    finally:  # end the progress line, also before an error's one line
        if shown:
            print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    elif report.up_to_date:
        print(f"{config.uri}: already up to date ({report.nodes} nodes, "
              f"{report.edges} relationships)")
    else:
        print(f"{config.uri} ({report.server}): {report.nodes} nodes, {report.edges} "
              f"relationships in {report.batches} batches, {report.retries} retries; "
              f"removed {report.deleted_nodes} stale nodes, {report.deleted_edges} stale "
              f"relationships; {report.seconds_total:.1f} s "
              f"({report.edges_per_second:.0f} relationships/s)")
    return 0
