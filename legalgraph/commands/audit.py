"""``legalgraph audit``: a data-quality report any member of staff can run,
and ``legalgraph confirm``: staff's answer for an unresolved reference (a
document of the graph, or its year/term and issuing body typed in).

The audit (:mod:`graph.audit`) works on either backend (``--db`` or
``--uri``); ``--strict`` makes it a gate: exit 1 when any finding that cannot
be right is present (edges into the future, split keys, unread header numbers,
a document repeated as a cited-only node).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["register"]

#: Rows shown per finding in the text report (``--json`` has them all).
SHOWN = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("audit", help="data-quality report of a graph store")
    p.add_argument("--db", metavar="DIR", default=None,
                   help="store folder (default: $LEGALGRAPH_DB or data/store)")
    p.add_argument("--uri", default=None, help="audit a Neo4j server instead")
    p.add_argument("--json", action="store_true", help="print the whole report as JSON")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when edges into the future, split keys, unread header "
                        "numbers or repeated documents are found")
    p.add_argument("--all", action="store_true", help="list every finding, not the first 10")
    p.set_defaults(func=run_audit)

    p = subparsers.add_parser(
        "confirm", help="say which document an unresolved reference means (kept across "
                        "re-ingests)")
    p.add_argument("node", metavar="NODE", nargs="?",
                   help="the unresolved node's id, or its number/symbol when only one "
                        "unresolved node has it")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--target", metavar="ID", help="the document it means (a node id)")
    what.add_argument("--year", metavar="WHEN",
                      help="its year (2025), Party term (2020-2025) or date (20/11/2025)")
    what.add_argument("--withdraw", action="store_true", help="forget the confirmation")
    what.add_argument("--list", action="store_true", help="list every confirmation")
    p.add_argument("--issuer", help='with --year: the issuing body ("UBND tỉnh Lâm Đồng")')
    p.add_argument("--note", help="why (kept with the confirmation)")
    p.add_argument("--db", metavar="DIR", default=None,
                   help="store folder (default: $LEGALGRAPH_DB or data/store)")
    p.set_defaults(func=run_confirm)


def _print_rows(title: str, rows: list[Any] | None, fmt, limit: int | None) -> None:
    if rows is None:
        print(f"\n{title}: not available on this backend")
        return
    print(f"\n{title}: {len(rows)}")
    for row in rows[:limit]:
        print("  " + fmt(row).replace("\n", "\n    "))
    if limit is not None and len(rows) > limit:
        print(f"  … {len(rows) - limit} more (--all or --json)")


def _source(row: dict[str, Any]) -> str:
    """The file and the sentence a row came from, each on a line of its own."""
    where = f"\n{row['file']}" if row.get("file") else ""
    said = f"\n« {row['sentence']} »" if row.get("sentence") else ""
    return where + said


def _edge(row: dict[str, Any]) -> str:
    head = (f"{row['source_key'] or row['source']} ({row['source_date']}) "
            f"{row['relation']} {row['target_key'] or row['target']} ({row['target_date']})"
            f"  [{row['kind']}]")
    return head + _source(row)


def _aside(row: dict[str, Any]) -> str:
    head = (f"{row['source']} ({row.get('source_date')}) {row['relation']} "
            f"{row['target']} ({row.get('target_date')})  [{row['kind']}: {row['reason']}]")
    return head + _source(row)


def _dead(row: dict[str, Any]) -> str:
    how = {"repealed": "repealed", "replaced": "replaced", "expired": "expired"}[row["state"]]
    by = f" by {row['by_key'] or row['by']}" if row.get("by") else ""
    head = (f"{row['source_key'] or row['source']} ({row['source_date']}) {row['relation']} "
            f"{row['target_key'] or row['target']}, {how}{by} since {row['since'] or '?'}")
    return head + _source(row)


def _split(row: dict[str, Any]) -> str:
    return f"{row['key']}: {row['why']}\n" + "\n".join(
        f"{n['key']}  {n['id']}" for n in row["nodes"])


def _same(row: dict[str, Any]) -> str:
    return f"{row['key']}: " + ", ".join(n["id"] for n in row["nodes"])


def _missing(row: dict[str, Any]) -> str:
    shown = f"  (header shows {row['header_number']})" if row["header_number"] else ""
    return f"no {', '.join(row['missing'])}{shown}: {row['file'] or row['id']}"


def _own(row: dict[str, Any]) -> str:
    return f"{row['file'] or row['document']}\n  header {row['number']} is also {row['cited_only']}"


def _reason(row: dict[str, Any]) -> str:
    docs = f", {row['documents']} ingested documents" if row["documents"] else ""
    return (f"{row['reason']}: {row['nodes']} nodes{docs}, {row['references']} references, "
            f"{row['with_candidates']} with candidates  e.g. {', '.join(row['examples'])}")


def run_audit(args: argparse.Namespace) -> int:
    from graph.audit import audit
    from graph.backends import open_backend

    try:
        backend = open_backend(db=args.db, uri=args.uri)
    except Exception as exc:  # noqa: BLE001 - a bad folder or URI is the user's mistake
        print(f"legalgraph audit: {args.uri or args.db}: {exc}", file=sys.stderr)
        return 2
    report = audit(backend)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        limit = None if args.all else SHOWN
        c = report["counts"]
        print(f"{c['documents']} documents, {c['nodes']} nodes, {c['edges']} edges")
        _print_rows("Edges into the future (a document acting on a later one)",
                    report["future_edges"], _edge, limit)
        _print_rows("Set aside by the resolver (would act on a later document)",
                    report["set_aside"], _aside, limit)
        _print_rows("Keys split over several nodes", report["split_keys"], _split, limit)
        _print_rows("Documents without number, date or issuer", report["missing_identity"],
                    _missing, limit)
        print(f"  of which without number: {c['missing_number']}, date: {c['missing_date']},"
              f" issuer: {c['missing_issuer']}; header shows a number: {c['unread_numbers']}")
        _print_rows("Documents repeated as a cited-only node of their own number",
                    report["own_number"], _own, limit)
        _print_rows("Unresolved references by reason", report["unresolved"], _reason, limit)
        _print_rows("Issuers that look like a header line", report["bad_issuers"],
                    lambda r: f"{r['why']}: {r['issuer']!r}  {r['id']}", limit)
        _print_rows("Documents resting on a document no longer in force at their date",
                    report["not_in_force"], _dead, limit)
        _print_rows("Same key, lawfully several documents (other years or places)",
                    report["same_key_nodes"], _same, limit)
        if report["strict"]:
            print("\nstrict: " + ", ".join(f"{k} {v}" for k, v in report["strict"].items()))
    return 1 if args.strict and report["strict"] else 0


def _unresolved_node(backend: Any, text: str) -> dict[str, Any] | None:
    """The unresolved node ``text`` names (its id, or a key only one has)."""
    from graph.scan import search

    nodes = [h["node"] for h in search(backend, text, limit=50)
             if h["matched"] == "key" and not h["node"]["resolved"]
             and not h["node"]["ingested"]]
    if len(nodes) == 1:
        return nodes[0]
    if nodes:
        print(f"legalgraph confirm: {text!r} names {len(nodes)} unresolved nodes; give one id:\n"
              + "\n".join(f"  {n['id']}" for n in nodes), file=sys.stderr)
    else:
        print(f"legalgraph confirm: no unresolved reference {text!r}", file=sys.stderr)
    return None


def run_confirm(args: argparse.Namespace) -> int:
    from graph.confirmations import Confirmations, target_for
    from graph.embedded import EmbeddedBackend
    from graph.store import default_db_dir

    folder = args.db or default_db_dir()
    confirmations = Confirmations(folder)
    try:
        if args.list:
            for node_id, c in confirmations.all().items():
                note = f"  ({c['note']})" if c["note"] else ""
                print(f"{node_id} → {c['target_id']}  {c['confirmed_at']}{note}")
            return 0
        if not args.node:
            print("legalgraph confirm: give the unresolved NODE (or --list)", file=sys.stderr)
            return 2
        if args.withdraw:
            confirmations.withdraw(args.node)
            return 0
        if not (args.target or args.year):
            print("legalgraph confirm: give --target ID or --year WHEN [--issuer BODY]",
                  file=sys.stderr)
            return 2
        with EmbeddedBackend(folder) as backend:
            node = _unresolved_node(backend, args.node)
            if node is None:
                return 1
            target = args.target
            if target is None:
                jur = node["jurisdiction"]
                province = jur.split(".")[0] if jur and jur not in (
                    "national", "unknown-place") else None
                try:
                    target = target_for(node["key"] or "", args.year, args.issuer,
                                        province=province)
                except ValueError as exc:
                    print(f"legalgraph confirm: {exc}", file=sys.stderr)
                    return 2
        confirmations.confirm(node["id"], target, args.note)
        print(f"{node['id']} → {target}")
        return 0
    finally:
        confirmations.close()
