"""``legalgraph ingest|show|lineage|top|search|stats|export``: the citation graph.

Every query goes through :class:`graph.backend.GraphBackend` (the
embedded store, or Neo4j with ``--uri``/``$NEO4J_URI``), prints readable
text by default and the backend's JSON shapes with ``--json``. The store
folder is ``--db DIR``, else ``$LEGALGRAPH_DB``, else ``data/store``.

Only ``ingest`` creates a store: a query pointed at a folder without one
says so and exits 2. Queries only read, so they answer at once while an
ingest runs (from the graph as it was before it); a second ingest waits for
the first (``--wait SECONDS`` to give up, exit 3).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from graph.backend import GraphBackend, LineageTree, Link, NodeSummary

__all__ = ["register"]


#: Exit codes beyond 0 (done) and 1 (not found / some files failed).
EXIT_USAGE = 2  # no store at that folder, blank key
EXIT_BUSY = 3  # another ingest kept the store longer than --wait


def _nonblank(value: str) -> str:
    """argparse type: refuse an empty or blank key or filter (it would match
    everything)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty or blank")
    return value


def _add_db(p: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    p.add_argument("--db", metavar="DIR", default=None,
                   help="store folder (default: $LEGALGRAPH_DB or data/store)")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _add_uri(p: argparse.ArgumentParser) -> None:
    p.add_argument("--uri", default=None,
                   help="query a Neo4j server loaded by 'legalgraph push' (default: "
                        "$NEO4J_URI unless --db is given)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ingest", help="parse files and folders into the graph store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    _add_db(p)
    p.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4),
                   help="parallel parser processes (default: CPUs, at most 4)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="when another ingest is writing to the store, wait at most this "
                        "long, then give up with exit code 3 (default: wait until it ends)")
    p.set_defaults(func=run_ingest)

    p = subparsers.add_parser("show", help="a document: identity, cites, cited by")
    p.add_argument("key", metavar="KEY", type=_nonblank,
                   help='number/symbol ("58-QĐ/TU") or node id')
    p.add_argument("--text", action="store_true", help="also print the stored text")
    _add_db(p)
    _add_uri(p)
    p.set_defaults(func=run_show)

    p = subparsers.add_parser("lineage", help="chain of based_on/implements/guides/amends")
    p.add_argument("key", metavar="KEY", type=_nonblank)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--up", dest="direction", action="store_const", const="up",
                   help="what it rests on (default)")
    g.add_argument("--down", dest="direction", action="store_const", const="down",
                   help="what rests on it")
    p.add_argument("--depth", type=int, default=5)
    _add_db(p)
    _add_uri(p)
    p.set_defaults(func=run_lineage, direction="up")

    p = subparsers.add_parser("top", help="documents ranked by distinct citing documents")
    p.add_argument("--type", type=_nonblank, help='type of the ranked documents ("Chỉ thị")')
    p.add_argument("--cited-by-type", type=_nonblank,
                   help='count only citing documents of this type')
    p.add_argument("--year", type=int, help="year of the ranked documents")
    p.add_argument("--cited-by-year", type=int, help="count only citing documents of this year")
    p.add_argument("--issuer", type=_nonblank, help="issuer or symbol contains this")
    p.add_argument("--limit", type=int, default=20)
    _add_db(p)
    _add_uri(p)
    p.set_defaults(func=run_top)

    p = subparsers.add_parser("search", help="find documents by number, type and number, "
                                             "or words of the name, subject or issuer")
    p.add_argument("query", metavar="QUERY", help='"58-QD/TU", "nghi dinh 118 2025", '
                                                  '"luat to chuc chinh quyen dia phuong"')
    p.add_argument("--limit", type=int, default=20)
    _add_db(p)
    _add_uri(p)
    p.set_defaults(func=run_search)

    p = subparsers.add_parser("stats", help="counts over the graph")
    _add_db(p)
    _add_uri(p)
    p.set_defaults(func=run_stats)

    from graph.export import FORMATS

    p = subparsers.add_parser("export", help="write the graph as RDF, GraphML, GEXF, JSON, CSV")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", metavar="PATH",
                   help="output file (csv: folder, default export-csv); stdout if omitted")
    _add_db(p, json_flag=False)
    p.set_defaults(func=run_export)


class _NoStore(Exception):
    """Raised by :func:`_backend` after telling the user there is no store."""


def _backend(args: argparse.Namespace) -> GraphBackend:
    """The backend to query, open until the command ends and pinned to one
    graph for it (an ingest committing meanwhile cannot make a node vanish
    between two questions of one command); never creates a store."""
    from graph.backends import open_backend
    from graph.store import StoreMissing, StoreUnusable

    try:
        backend = open_backend(db=args.db, uri=getattr(args, "uri", None), create=False)
    except (StoreMissing, StoreUnusable) as exc:
        print(f"legalgraph {args.command}: {exc}", file=sys.stderr)
        raise _NoStore from None
    stack: ExitStack | None = getattr(args, "_stack", None)
    if stack is not None:
        if hasattr(backend, "close"):
            stack.callback(backend.close)
        if hasattr(backend, "pinned"):
            stack.enter_context(backend.pinned())
    return backend


def _queries(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a query command: its backend lives as long as the command; a
    missing store is exit 2, not a traceback."""
    def wrapped(args: argparse.Namespace) -> int:
        with ExitStack() as stack:
            args._stack = stack
            try:
                return run(args)
            except _NoStore:
                return EXIT_USAGE
    wrapped.__doc__ = run.__doc__
    return wrapped


def _dump(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# --- ingest --------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    from graph.ingest import ingest
    from graph.store import Store, StoreBusy, StoreUnusable, default_db_dir

    def waiting(message: str) -> None:
        limit = f" (at most {args.wait:g} s)" if args.wait is not None else ""
        print(f"legalgraph ingest: {message}{limit} …", file=sys.stderr, flush=True)

    try:
        store = Store(args.db or default_db_dir())
    except StoreUnusable as exc:
        print(f"legalgraph ingest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with store:
        try:
            report = ingest(args.paths, store, jobs=args.jobs,
                            progress=not args.no_progress and not args.json,
                            wait=args.wait, on_wait=waiting)
        except StoreBusy as exc:
            print(f"legalgraph ingest: {exc}; gave up after {args.wait:g} s (--wait), "
                  "nothing was written", file=sys.stderr)
            return EXIT_BUSY
    for _, message in report.errors:
        print(f"legalgraph ingest: {message}", file=sys.stderr)
    if args.json:
        _dump(report.to_dict())
    else:
        t = report.totals
        if report.reparsed:
            print(f"read again with the new parser: {report.reparsed} stored text(s)")
        print(f"files: {report.files} ({report.added} added, {report.replaced} replaced, "
              f"{report.unchanged} unchanged, {report.duplicates} duplicate, "
              f"{len(report.errors)} errors)")
        print(f"documents: {t['documents']}  references: {t['references']}  "
              f"resolved: {t['resolved']}  unresolved: {t['unresolved'] + t['ambiguous']} "
              f"({t['ambiguous']} ambiguous)  self-citations dropped: {t['self_citations']}  "
              f"errors: {len(report.errors)}")
    return 1 if report.errors else 0


# --- show ----------------------------------------------------------------------------


#: Characters of a name shown on one-line listings (``show`` prints it whole).
NAME_WIDTH = 70


def _short(name: str | None) -> str:
    if not name:
        return ""
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1].rstrip() + "…"


def _label(n: NodeSummary, *, name: bool = True, validity: bool = True) -> str:
    from legalgraph.ui.badges import in_force_marker

    parts = [n["key"] or "(no number)", n["type"] or "", n["date"] or n["scope"] or ""]
    text = "  ".join(p for p in parts if p)
    if name and n.get("name"):
        text += f"  «{_short(n['name'])}»"
    if not n["resolved"]:
        text += f"  [unresolved: {n['reason']}]" if n["reason"] else "  [unresolved]"
    mark = in_force_marker(n.get("validity")) if validity else ""
    return f"{text}  {mark}" if mark else text


def _link_line(arrow: str, link: Link) -> str:
    rels = ",".join(link["relations"])
    how = f"{rels} ×{link['count']}" if link["count"] else f"{rels}, stated"
    return f"  {arrow} [{how}] {_label(link['node'])}   {link['node']['id']}"


def _resolve_key(backend: GraphBackend, key: str) -> list[NodeSummary]:
    matches = backend.search_keys(key)
    if not matches:  # another spelling of a key ("65/2010/NDCP" for 65/2010/NĐ-CP)
        from graph.scan import search

        matches = [h["node"] for h in search(backend, key) if h["matched"] == "key"]
    if not matches:
        print(f"legalgraph: no document matches {key!r}", file=sys.stderr)
    return matches


@_queries
def run_show(args: argparse.Namespace) -> int:
    from legalgraph.ui.badges import status_text

    backend = _backend(args)
    matches = _resolve_key(backend, args.key)
    views = [backend.show(m["id"]) for m in matches]
    if args.json:
        _dump([v for v in views if v is not None])
        return 0 if views else 1
    for i, view in enumerate(views):
        if view is None:
            continue
        n = view["node"]
        if i:
            print()
        print(f"{_label(n, name=False, validity=False)}\n  id: {n['id']}")
        print(f"  hiệu lực: {status_text(n.get('validity'))}")
        if n.get("name"):
            print(f"  name: {n['name']}")
        facts = [f"{k}: {n[k]}" for k in ("issuer", "jurisdiction", "scope") if n[k]]
        print("  " + " · ".join(facts) if facts else "", end="\n" if facts else "")
        if n["subject"]:
            print(f"  subject: {n['subject']}")
        if n["candidates"]:
            print("  could be: " + ", ".join(n["candidates"]))
        print("  files: " + ", ".join(view["files"]) if view["files"]
              else "  cited only (not ingested)")
        print(f"  cites ({len(view['cites'])}):")
        for link in view["cites"]:
            print(_link_line("→", link))
        print(f"  cited by ({view['cited_by_count']} documents):")
        for link in view["cited_by"]:
            print(_link_line("←", link))
        if args.text:
            text = backend.document_text(n["id"])
            print("\n" + (text if text is not None else "(no stored text)"))
    return 0 if views else 1


# --- lineage -------------------------------------------------------------------------


def _print_tree(tree: LineageTree, prefix: str = "", last: bool = True, root: bool = True
                ) -> None:
    rel = f"{tree['relation']}: " if tree["relation"] else ""
    mark = "  (cycle)" if tree["cycle"] else "  (repeated)" if tree.get("seen") else ""
    line = f"{rel}{_label(tree['node'])}{mark}"
    if root:
        print(f"{line}   {tree['node']['id']}")
        child_prefix = ""
    else:
        print(f"{prefix}{'└── ' if last else '├── '}{line}")
        child_prefix = prefix + ("    " if last else "│   ")
    for i, child in enumerate(tree["children"]):
        _print_tree(child, child_prefix, i == len(tree["children"]) - 1, root=False)


@_queries
def run_lineage(args: argparse.Namespace) -> int:
    backend = _backend(args)
    matches = _resolve_key(backend, args.key)
    trees = [backend.lineage(m["id"], direction=args.direction, depth=args.depth)
             for m in matches]
    if args.json:
        _dump([t for t in trees if t is not None])
    else:
        for i, t in enumerate(trees):
            if t is not None:
                if i:
                    print()
                _print_tree(t)
    return 0 if trees else 1


# --- top / stats ---------------------------------------------------------------------


@_queries
def run_top(args: argparse.Namespace) -> int:
    backend = _backend(args)
    rows = backend.top(type=args.type, cited_by_type=args.cited_by_type, year=args.year,
                       cited_by_year=args.cited_by_year, issuer=args.issuer,
                       limit=args.limit)
    if args.json:
        _dump(rows)
        return 0
    if not rows:
        print("no cited documents match")
    for r in rows:
        n = r["node"]
        print(f"{r['rank']:>3}. {r['cited_by']:>5}  {_label(n)}   {n['id']}")
    return 0


@_queries
def run_search(args: argparse.Namespace) -> int:
    from graph.scan import search

    hits = search(_backend(args), args.query, limit=args.limit)
    if args.json:
        _dump(hits)
        return 0 if hits else 1
    if not hits:
        print(f"legalgraph: nothing matches {args.query!r}", file=sys.stderr)
        return 1
    for i, h in enumerate(hits, 1):
        n = h["node"]
        print(f"{i:>3}. {h['cited_by']:>5}  {_label(n)}   {n['id']}")
    return 0


@_queries
def run_stats(args: argparse.Namespace) -> int:
    s = _backend(args).stats()
    if args.json:
        _dump(s)
        return 0
    for k, v in s.items():
        if isinstance(v, dict):
            print(f"{k}:")
            for kk, vv in v.items():
                print(f"  {kk}: {vv}")
        else:
            print(f"{k}: {v}")
    return 0


# --- export --------------------------------------------------------------------------


@_queries
def run_export(args: argparse.Namespace) -> int:
    from graph.embedded import EmbeddedBackend
    from graph.export import export
    from graph.store import StoreMissing, StoreUnusable

    try:
        backend = EmbeddedBackend(args.db, create=False)
    except (StoreMissing, StoreUnusable) as exc:
        print(f"legalgraph export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with backend:
        g = backend.graph
        if args.format == "csv":
            written = export(g, "csv", args.out or "export-csv")
            print("\n".join(written))
            return 0
        if args.out:
            export(g, args.format, args.out)
            print(args.out, file=sys.stderr)
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, f"graph.{args.format}")
            export(g, args.format, path)
            with open(path, "rb") as fh:
                sys.stdout.flush()
                shutil.copyfileobj(fh, sys.stdout.buffer)
    return 0
