"""Load the embedded store's resolved graph into the server: batched,
idempotent, and convergent after a failure.

Documents become ``:Document`` nodes with a second label per document type
(``:QuyetDinh`` for *Quyết định*, decision) and ``:Ingested``/``:CitedOnly``/
``:Unresolved`` like the neo4j-admin CSV export; citations become
relationships typed by their strongest relation (``CITES``, ``BASED_ON``…);
their properties are :data:`graph.neo4j.schema.NODE_PROPERTIES` and
``EDGE_PROPERTIES``. Rows go in batches (``UNWIND $rows``) inside explicit
transactions and ``MERGE`` on ``id`` (the resolved identity, see
:func:`graph.identity.node_id`), so pushing twice changes nothing. Every node
and edge carries ``mark``, a hash of the whole pushed content; a
``:LegalgraphMeta`` node says which mark is complete. A run that dies midway
leaves the meta node ``complete: false`` (queries then refuse to answer), and
the next run re-merges everything and deletes what does not carry its mark,
so it converges to the same graph.

Every value is a ``$parameter``; only the labels and relationship types of
:mod:`graph.neo4j.schema` (checked by ``checked``) are pasted into Cypher.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graph.neo4j import dialect, falkordb
from graph.neo4j.connection import Connection, Neo4jConfig, ServerError, UnsupportedServer
from graph.neo4j.schema import (
    DOCUMENT,
    FIXED_LABELS,
    IDENTIFIER,
    MATCHED,
    META,
    REL_TYPES,
    checked,
    checked_property,
    edge_row,
    node_row,
)

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store

__all__ = ["PushReport", "clear_graph", "foreign_node_count", "push", "read_meta"]

#: Upsert one batch of document nodes sharing a label set. {labels}: labels to
#: set, {remove}: status labels to drop.
NODE_UPSERT = """
UNWIND $rows AS r
MERGE (n:Document {id: r.id})
SET n += r.p, n.mark = $mark, n:{labels}
{remove}
"""

#: Upsert one batch of edges of one type (both ends already loaded).
EDGE_UPSERT = """
UNWIND $rows AS r
MATCH (a:Document {id: r.s})
MATCH (b:Document {id: r.t})
MERGE (a)-[e:{type}]->(b)
SET e += r.p, e.mark = $mark
"""

#: Rest of a long property on a server with a parameter budget
#: (:func:`graph.neo4j.falkordb.pieces`): appended to the list stored so far.
#: {prop} is a checked property name.
NODE_APPEND = "MATCH (n:Document {id: $id}) SET n.{prop} = n.{prop} + $chunk"
EDGE_APPEND = ("MATCH (:Document {id: $s})-[e:{type}]->(:Document {id: $t}) "
               "SET e.{prop} = e.{prop} + $chunk")

#: Start of a push: the graph is not complete until FINISH_PUSH.
BEGIN_PUSH = """
MERGE (m:LegalgraphMeta {name: 'graph'})
SET m.complete = false, m.loading = $mark
"""

#: End of a push, once the counts are verified.
FINISH_PUSH = """
MATCH (m:LegalgraphMeta {name: 'graph'})
SET m += $props, m.complete = true, m.mark = $mark, m.loading = null
"""

READ_META = "MATCH (m:LegalgraphMeta {name: 'graph'}) RETURN properties(m) AS meta"

#: Sweeps after a push: delete what an older or different push left behind,
#: a bounded number per statement so that one transaction stays small.
SWEEP_EDGES = """
MATCH (:Document)-[e]->(:Document)
WHERE e.mark IS NULL OR e.mark <> $mark
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS deleted
"""
SWEEP_NODES = """
MATCH (n:Document)
WHERE n.mark IS NULL OR n.mark <> $mark
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""
#: Drop a type label from document nodes whose type changed (other nodes in
#: the database keep their labels). {label} is checked.
SWEEP_LABEL = """
MATCH (n:Document:{label})
WHERE n.type_label IS NULL OR n.type_label <> $label
REMOVE n:{label}
RETURN count(*) AS fixed
"""

COUNT_GRAPH = """
MATCH (n:Document)
WITH count(n) AS nodes
OPTIONAL MATCH (:Document)-[e]->(:Document)
RETURN nodes, count(e) AS edges
"""


@dataclass
class PushReport:
    """What :func:`push` did, with timings."""

    uri: str
    server: str
    nodes: int = 0
    edges: int = 0
    batches: int = 0
    retries: int = 0
    deleted_nodes: int = 0
    deleted_edges: int = 0
    up_to_date: bool = False
    mark: str = ""
    #: How the schema was made (see :func:`graph.neo4j.dialect.ensure_schema`).
    schema: list[str] = field(default_factory=list)
    seconds_prepare: float = 0.0
    seconds_nodes: float = 0.0
    seconds_edges: float = 0.0
    seconds_total: float = 0.0

    @property
    def edges_per_second(self) -> float:
        return self.edges / self.seconds_edges if self.seconds_edges else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["edges_per_second"] = round(self.edges_per_second, 1)
        return d


@dataclass
class _Rows:
    """Everything to push, grouped the way the Cypher needs it."""

    nodes: dict[tuple[str, bool, bool], list[dict[str, Any]]]
    edges: dict[str, list[dict[str, Any]]]
    node_count: int
    edge_count: int
    meta: dict[str, Any]
    mark: str


def _prepare(g: nx.DiGraph, store: Store | None, *, text: bool) -> _Rows:
    """Rows for every node and edge, and the content hash (``mark``): the same
    store pushes the same rows with the same mark, whatever the run."""
    h = hashlib.blake2b(digest_size=16)
    nodes: dict[tuple[str, bool, bool], list[dict[str, Any]]] = defaultdict(list)
    for nid in sorted(g.nodes):
        a = g.nodes[nid]
        body = None
        if text and store is not None and a.get("file_id") is not None:
            body = store.text(a["file_id"])
        cited_by = sum(1 for _, _, c in g.in_edges(nid, data="count") if c)
        p = node_row({**a, "text": body, "cited_by": cited_by})
        h.update(json.dumps([nid, p], ensure_ascii=False, sort_keys=True).encode())
        nodes[(p["type_label"], p["ingested"], p["resolved"])].append({"id": nid, "p": p})
    edges: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s, t in sorted(g.edges):
        e = g.edges[s, t]
        p = edge_row(e)
        h.update(json.dumps([s, t, p], ensure_ascii=False, sort_keys=True).encode())
        edges[REL_TYPES[e["relation"]]].append({"s": s, "t": t, "p": p})
    meta = {"files": int(g.graph.get("files") or 0),
            "mentions": json.dumps(dict(sorted((g.graph.get("mentions") or {}).items()))),
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    h.update(json.dumps(meta, sort_keys=True).encode())
    return _Rows(dict(nodes), dict(edges), g.number_of_nodes(), g.number_of_edges(), meta,
                 h.hexdigest())


def _node_query(labels: tuple[str, bool, bool]) -> str:
    type_lbl, ingested, resolved = labels
    keep = [checked(type_lbl), "Ingested" if ingested else "CitedOnly"]
    drop = ["CitedOnly" if ingested else "Ingested"]
    (drop if resolved else keep).append("Unresolved")
    return (NODE_UPSERT.replace("{labels}", ":".join(keep))
            .replace("{remove}", "REMOVE " + ", ".join(f"n:{x}" for x in drop)))


def read_meta(conn: Connection) -> dict[str, Any] | None:
    """The meta node's properties (None before any push)."""
    rows = conn.read(READ_META)
    return rows[0]["meta"] if rows else None


def push(db: str | os.PathLike[str] | None, config: Neo4jConfig, *,
         batch_size: int = 2000, text: bool = True, force: bool = False,
         retries: int = 5, backoff: float = 0.2,
         on_batch: Callable[[str, int], None] | None = None,
         progress: Callable[[str, int, int], None] | None = None) -> PushReport:
    """Load the resolved graph of store folder ``db`` into the server.

    Idempotent: nothing is written when the server already holds a complete
    push of the same content (unless ``force``). ``text=False`` leaves out
    document texts (``document_text`` then answers None). ``on_batch(phase,
    i)`` (phase ``nodes`` or ``edges``, ``i`` from 0 in each) is called inside
    each batch's transaction before it commits (tests raise there);
    ``progress(phase, done, total)`` after each batch. A missing store
    raises :class:`graph.store.StoreMissing`, an empty one is refused
    (:class:`graph.errors.UserError`): pushing it would empty the server's
    graph.
    """
    from graph.embedded import EmbeddedBackend
    from graph.errors import UserError

    t0 = time.perf_counter()
    with EmbeddedBackend(db, create=False) as embedded:
        if not embedded.graph.number_of_nodes():
            raise UserError(f"{embedded.store.dir}: the store holds no documents; run "
                            "'legalgraph ingest FILES --db …' first (pushing it would "
                            "empty the server's graph)")
        rows = _prepare(embedded.graph, embedded.store, text=text)
    conn = Connection(config)
    try:
        return _push(conn, rows, t0, batch_size=batch_size, force=force, retries=retries,
                     backoff=backoff, on_batch=on_batch, progress=progress)
    finally:
        conn.close()


def _push(conn: Connection, rows: _Rows, t0: float, *, batch_size: int, force: bool,
          retries: int, backoff: float, on_batch: Callable[[str, int], None] | None,
          progress: Callable[[str, int, int], None] | None) -> PushReport:
    uri = conn.config.uri
    report = PushReport(uri=uri, server=conn.agent, nodes=rows.node_count,
                        edges=rows.edge_count, mark=rows.mark)
    report.seconds_prepare = time.perf_counter() - t0
    meta = read_meta(conn)
    if not force and meta and meta.get("complete") and meta.get("mark") == rows.mark:
        report.up_to_date = True
        report.seconds_total = time.perf_counter() - t0
        return report
    try:
        report.schema = dialect.ensure_schema(conn)
    except dialect.Unsupported as exc:
        raise UnsupportedServer(f"{uri} ({conn.agent}): {exc}") from exc
    conn.write(BEGIN_PUSH, {"mark": rows.mark})

    def run_batches(phase: str, groups: Mapping[Any, list[dict[str, Any]]],
                    query: Callable[[Any], str], append_query: Callable[[Any, str], str],
                    total: int) -> None:
        done = index = 0
        for group, group_rows in groups.items():
            cypher = query(group)
            for batch, appends in falkordb.batches(group_rows, batch_size, conn.budget,
                                                   MATCHED):
                hook = functools.partial(on_batch, phase, index) if on_batch else None
                index += 1
                _, tries = conn.write(cypher, {"rows": batch, "mark": rows.mark},
                                      retries=retries, backoff=backoff, on_commit=hook)
                report.batches += 1
                report.retries += tries
                for row, prop, pieces in appends:
                    target = ({"id": row["id"]} if "id" in row
                              else {"s": row["s"], "t": row["t"]})
                    append = append_query(group, checked_property(prop))
                    for piece in pieces:
                        _, tries = conn.write(append, {**target, "chunk": piece},
                                              retries=retries, backoff=backoff)
                        report.retries += tries
                done += len(batch)
                if progress:
                    progress(phase, done, total)

    try:
        t1 = time.perf_counter()
        run_batches("nodes", rows.nodes, _node_query,
                    lambda _, prop: NODE_APPEND.replace("{prop}", prop), rows.node_count)
        t2 = time.perf_counter()
        report.seconds_nodes = t2 - t1
        run_batches("edges", rows.edges,
                    lambda rel_type: EDGE_UPSERT.replace("{type}", checked(rel_type)),
                    lambda rel_type, prop: EDGE_APPEND.replace("{type}", checked(rel_type))
                    .replace("{prop}", prop),
                    rows.edge_count)
    except falkordb.ParametersTooLarge as exc:
        raise UnsupportedServer(f"{uri} ({conn.agent}): {exc}, the most this server takes "
                                "in one statement; push with --no-text, or use Neo4j") from exc
    report.seconds_edges = time.perf_counter() - t2
    report.deleted_edges = _sweep(conn, SWEEP_EDGES, rows.mark, retries, backoff)
    report.deleted_nodes = _sweep(conn, SWEEP_NODES, rows.mark, retries, backoff)
    _sweep_type_labels(conn, retries, backoff)
    counts = conn.read(COUNT_GRAPH)[0]
    if (counts["nodes"], counts["edges"]) != (rows.node_count, rows.edge_count):
        raise ServerError(
            f"{uri}: push incomplete, the server holds {counts['nodes']} nodes and "
            f"{counts['edges']} relationships, expected {rows.node_count} and "
            f"{rows.edge_count}; run 'legalgraph push' again (another push running?)")
    conn.write(FINISH_PUSH, {"mark": rows.mark, "props": rows.meta}, retries=retries,
               backoff=backoff)
    report.seconds_total = time.perf_counter() - t0
    return report


def _sweep(conn: Connection, cypher: str, mark: str, retries: int, backoff: float,
           limit: int = 10_000) -> int:
    deleted = 0
    while True:
        rows, _ = conn.write(cypher, {"mark": mark, "limit": limit}, retries=retries,
                             backoff=backoff)
        n = int(rows[0]["deleted"]) if rows else 0
        deleted += n
        if n < limit:
            return deleted


def _sweep_type_labels(conn: Connection, retries: int, backoff: float) -> None:
    """Remove type labels left on nodes whose document type changed."""
    for label in dialect.labels(conn):
        if label in FIXED_LABELS or not IDENTIFIER.match(label):
            continue
        conn.write(SWEEP_LABEL.replace("{label}", checked(label)), {"label": label},
                   retries=retries, backoff=backoff)


def foreign_node_count(config: Neo4jConfig) -> int:
    """Nodes that are not legalgraph's: tests refuse to run on a database
    holding any, since they delete the legalgraph graph."""
    conn = Connection(config)
    try:
        return int(conn.read("MATCH (n) WHERE NOT n:Document AND NOT n:LegalgraphMeta "
                             "RETURN count(n) AS n")[0]["n"])
    finally:
        conn.close()


def clear_graph(config: Neo4jConfig, *, limit: int = 10_000) -> int:
    """Delete every ``:Document`` and ``:LegalgraphMeta`` node (in bounded
    batches); other data in the database is left alone. Returns nodes deleted."""
    conn = Connection(config)
    try:
        deleted = 0
        for label in (DOCUMENT, META):
            cypher = (f"MATCH (n:{checked(label)}) WITH n LIMIT $limit DETACH DELETE n "
                      "RETURN count(*) AS deleted")
            while True:
                rows, _ = conn.write(cypher, {"limit": limit})
                n = int(rows[0]["deleted"]) if rows else 0
                deleted += n
                if n < limit:
                    break
        return deleted
    finally:
        conn.close()
