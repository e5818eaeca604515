"""Neo4j backend: load the resolved graph over Bolt and answer the same queries.

Two halves, both through the official ``neo4j`` driver (imported inside the
functions that need it):

* :func:`push` loads the embedded store's resolved graph. Documents become
  ``:Document`` nodes with a second label per document type (``:QuyetDinh``
  for *Quyết định*, decision) and ``:Ingested``/``:CitedOnly``/``:Unresolved``
  like the neo4j-admin CSV export; citations become relationships typed by
  their strongest relation (``CITES``, ``BASED_ON``…). Rows go in batches
  (``UNWIND $rows``) inside explicit transactions and ``MERGE`` on ``id`` (the
  resolved identity, see :func:`graph.identity.node_id`), so pushing twice
  changes nothing. Every node and edge carries ``mark``, a hash of the whole
  pushed content; a ``:LegalgraphMeta`` node says which mark is complete. A
  run that dies midway leaves the meta node ``complete: false`` (queries then
  refuse to answer), and the next run re-merges everything and deletes what
  does not carry its mark, so it converges to the same graph.
* :class:`Neo4jBackend` implements :class:`graph.backend.GraphBackend` in
  parameterized Cypher and returns exactly what the embedded backend returns
  for the same store (``tests/test_neo4j_parity.py`` checks every query).

Portability: CI runs against FalkorDB (see :mod:`graph.bolt_server`), which
serves Bolt but lacks uniqueness constraints, ``IF NOT EXISTS``,
``elementId()``, ``COUNT {}`` subqueries and ``SHOW INDEXES``, and does not
roll back explicit transactions (each statement commits by itself, so one
``UNWIND`` batch is still all-or-nothing). Only Cypher both accept is used,
except for schema: :class:`ServerInfo` detects Neo4j (``dbms.components()``)
and then creates a uniqueness constraint, else a plain index. FalkorDB also
pastes parameters into the query text without escaping quotes and
backslashes (a string parameter containing ``'`` could inject other
parameters), so on a server detected that way every string parameter is
escaped for it first (:func:`escape_for_text_params`), and each statement's
parameters stay under :data:`TEXT_PARAMS_BUDGET` (FalkorDB crashes past
4 KiB): small batches, long values stored in pieces. ``docs/neo4j.md`` lists
every FalkorDB defect worked around.

Configuration comes from flags or the environment, never the code:
``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; no user
means no authentication.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import socket
import time
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graph.backend import (
    LINEAGE_RELATIONS,
    Direction,
    DocumentView,
    LineageTree,
    Link,
    NodeSummary,
    RankRow,
    Stats,
    lineage_tree,
)
from graph.build import NODE_FIELDS
from graph.identity import fold, slug
from parsers.models import RELATIONS

if TYPE_CHECKING:
    import networkx as nx
    from neo4j import Driver, ManagedTransaction

    from graph.store import Store

__all__ = [
    "GraphNotReady",
    "Neo4jBackend",
    "Neo4jConfig",
    "PushReport",
    "ServerInfo",
    "clear_graph",
    "escape_for_text_params",
    "foreign_node_count",
    "push",
    "type_label",
]

# --------------------------------------------------------------------------
# Schema: labels, relationship types, properties

#: Label every document node has; its ``id`` property is the resolved identity.
DOCUMENT = "Document"
#: Label of the single node recording which push is complete.
META = "LegalgraphMeta"
#: Status labels, as in :mod:`graph.export.neo4j_csv`.
STATUS_LABELS: tuple[str, ...] = ("Ingested", "CitedOnly", "Unresolved")
#: Relationship type of each relation (strongest relation of the edge).
REL_TYPES: dict[str, str] = {r: r.upper() for r in RELATIONS}
#: Labels that are never document-type labels.
_FIXED_LABELS = frozenset((DOCUMENT, META, *STATUS_LABELS))
#: What may be pasted into Cypher as a label or type: ASCII identifiers only.
_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
_PROPERTY = re.compile(r"^[a-z][a-z_]*$")

#: FalkorDB 4.16 pastes the parameters into the query text and crashes when
#: that text passes 4 KiB; on such a server a statement's parameters are kept
#: under this many bytes (measured as escaped JSON, a little larger).
TEXT_PARAMS_BUDGET = 3000
#: Long strings go in pieces of this many characters there (at most 4 UTF-8
#: bytes each, doubled by escaping only for quote and backslash).
CHUNK_CHARS = 500

#: Node properties besides the NodeSummary fields: what the queries filter on,
#: precomputed with the embedded backend's own normalization so that both
#: backends match the same things (Cypher has no diacritic folding).
#: ``key_fold`` = fold(key); ``*_norm`` = folded, whitespace-collapsed.
SEARCH_PROPERTIES: tuple[str, ...] = ("key_fold", "type_norm", "issuer_norm", "symbol_norm")

#: Map projection of a node to its NodeSummary fields.
_SUMMARY = "{" + ", ".join(f".{f}" for f in ("id", *NODE_FIELDS)) + "}"
#: Fields of a Link read from the edge ``e``.
_LINK_FIELDS = ("e.relation AS relation, e.relations AS relations, e.count AS count, "
                "e.spans AS spans, e.stated_in AS stated_in")

_STRENGTH = {r: i for i, r in enumerate(RELATIONS)}


def type_label(doc_type: str | None) -> str:
    """Label for a document type: ``"Quyết định"`` → ``QuyetDinh``; types
    with no letters, or that would clash with a fixed label, get a prefix."""
    words = slug(doc_type or "").split("-")
    label = "".join(w[:1].upper() + w[1:] for w in words if w)
    if not label:
        return "UnknownType"
    if not label[0].isalpha() or label in _FIXED_LABELS:
        label = "Type" + label
    return label


def _norm(text: str | None) -> str | None:
    """Same as :func:`graph.queries._norm`: how type and issuer filters compare."""
    return " ".join(fold(text).split()) if text else None


def _checked(identifier: str) -> str:
    """An identifier about to be pasted into Cypher: refuse anything else."""
    if not _IDENTIFIER.match(identifier):
        raise ValueError(f"not a safe Cypher identifier: {identifier!r}")
    return identifier


# --------------------------------------------------------------------------
# Cypher. Every value is a $parameter; only the labels and relationship types
# above (checked by _checked) are ever pasted into query text.

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

#: Rest of a long string property, on servers that limit parameter size
#: (see TEXT_PARAMS_BUDGET): a string is kept as a list of pieces, joined
#: when read; a list is appended to. $chunk is always a list.
#: (Not string ``+``: FalkorDB 4.16 truncates concatenations of non-ASCII
#: strings.) {prop} is a checked property name.
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

NODE_BY_ID = "MATCH (n:Document {id: $id}) RETURN n " + _SUMMARY + " AS node, n.files AS files"

#: Outgoing / incoming edges of one node with the other end's summary.
CITES = ("MATCH (n:Document {id: $id})-[e]->(m:Document) RETURN m " + _SUMMARY
         + " AS node, " + _LINK_FIELDS)
CITED_BY = ("MATCH (n:Document {id: $id})<-[e]-(m:Document) RETURN m " + _SUMMARY
            + " AS node, " + _LINK_FIELDS)

#: Distinct documents citing n: precomputed at push (``cited_by``: in-edges
#: with a mention count; a relation only stated by a third document is not a
#: citation), so ranking without citing-side filters scans nodes, not edges.
_CITED = "n.cited_by"

#: search_keys: exact folded key, then folded-key prefix (the first $cap keys
#: in key order, as the embedded backend's bisect takes them).
SEARCH_EXACT = ("MATCH (n:Document) WHERE n.key_fold = $f WITH n, " + _CITED + " AS cited "
                "RETURN n " + _SUMMARY + " AS node, cited ORDER BY cited DESC, n.id LIMIT $limit")
SEARCH_PREFIX = ("MATCH (n:Document) WHERE n.key_fold STARTS WITH $f "
                 "WITH n ORDER BY n.key_fold, n.id LIMIT $cap "
                 "WITH n, " + _CITED + " AS cited "
                 "RETURN n " + _SUMMARY + " AS node, cited ORDER BY cited DESC, n.id LIMIT $limit")

#: top without citing-side filters: the precomputed count.
TOP_ALL = """
MATCH (t:Document)
WHERE t.cited_by > 0
  AND ($type IS NULL OR t.type_norm = $type)
  AND ($year IS NULL OR t.year = $year)
  AND ($issuer IS NULL OR coalesce(t.issuer_norm, '') CONTAINS $issuer
       OR coalesce(t.symbol_norm, '') CONTAINS $issuer)
WITH t ORDER BY t.cited_by DESC, t.id
LIMIT $limit
RETURN t """ + _SUMMARY + """ AS node, t.cited_by AS cited"""

#: top: distinct citing documents per cited node, filters on both ends.
TOP = """
MATCH (s:Document)-[e]->(t:Document)
WHERE e.count > 0
  AND ($cited_by_type IS NULL OR s.type_norm = $cited_by_type)
  AND ($cited_by_year IS NULL OR s.year = $cited_by_year)
  AND ($type IS NULL OR t.type_norm = $type)
  AND ($year IS NULL OR t.year = $year)
  AND ($issuer IS NULL OR coalesce(t.issuer_norm, '') CONTAINS $issuer
       OR coalesce(t.symbol_norm, '') CONTAINS $issuer)
WITH t, count(s) AS cited
ORDER BY cited DESC, t.id
LIMIT $limit
RETURN t """ + _SUMMARY + " AS node, cited"

#: lineage: one level of the tree for a whole frontier at once.
LINEAGE_UP = ("UNWIND $ids AS id MATCH (n:Document {id: id})-[e]->(m:Document) "
              "WHERE e.lineage IS NOT NULL RETURN id, e.lineage AS relation, m "
              + _SUMMARY + " AS node")
LINEAGE_DOWN = ("UNWIND $ids AS id MATCH (n:Document {id: id})<-[e]-(m:Document) "
                "WHERE e.lineage IS NOT NULL RETURN id, e.lineage AS relation, m "
                + _SUMMARY + " AS node")

STATS_NODES = """
MATCH (n:Document)
RETURN n.type AS type, n.ingested AS ingested, n.resolved AS resolved, count(*) AS n
"""
STATS_EDGES = "MATCH (:Document)-[e]->(:Document) RETURN e.relation AS relation, count(*) AS n"

DOCUMENT_TEXT = "MATCH (n:Document {id: $id}) RETURN n.text AS text"


# --------------------------------------------------------------------------
# Connection


@dataclass(frozen=True)
class Neo4jConfig:
    """Where and how to connect. Build with :meth:`from_env`."""

    uri: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, *, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None,
                 environ: Mapping[str, str] | None = None) -> Neo4jConfig:
        """Flags win over ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/
        ``NEO4J_DATABASE``; raise ``ValueError`` if no URI is given at all."""
        env = os.environ if environ is None else environ
        uri = uri or env.get("NEO4J_URI")
        if not uri:
            raise ValueError("no Neo4j URI: pass --uri or set NEO4J_URI")
        return cls(uri=uri, user=user or env.get("NEO4J_USER") or None,
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or None)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password or "") if self.user else None


@dataclass(frozen=True)
class ServerInfo:
    """What the server is, as far as the queries care."""

    #: ``neo4j`` (Neo4j proper: constraints, IF NOT EXISTS) or ``portable``.
    flavor: str
    #: Version string when the server tells it.
    version: str | None
    #: True when string parameters must be escaped (FalkorDB pastes them into
    #: the query text: ``'`` and ``\\`` would otherwise break or inject).
    text_params: bool

    @property
    def is_neo4j(self) -> bool:
        return self.flavor == "neo4j"


def escape_for_text_params(value: Any) -> Any:
    """``value`` with every string escaped for a server that pastes parameters
    into the query text as ``'...'`` literals (backslash and quote escaped).
    NUL cannot be written there at all: ``ValueError``."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("this server cannot take NUL characters in parameters")
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: escape_for_text_params(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape_for_text_params(v) for v in value]
    return value


def _drain_stuck_handshakes(uri: str, *, tries: int = 16, timeout: float = 0.3) -> None:
    """Work around a FalkorDB Bolt bug before connecting.

    FalkorDB leaves one stuck slot per connection a client closed with
    GOODBYE (as the driver does on ``close()``): the next new connection never
    gets a handshake answer and the driver waits out its 30-60 s timeout. A
    probe that sends the handshake and gives up after ``timeout`` uses up one
    such slot; we probe until one is answered. On any other server the first
    probe is answered and costs one round trip. Only for plain ``bolt://`` and
    ``neo4j://`` URIs (encrypted ones are never FalkorDB's Bolt port).
    """
    parts = urlsplit(uri)
    if parts.scheme not in ("bolt", "neo4j") or not parts.hostname:
        return
    from graph.bolt_server import bolt_handshake

    port = parts.port or 7687
    for _ in range(tries):
        if bolt_handshake(parts.hostname, port, timeout=timeout):
            return
        try:  # refused outright: nothing is stuck, the driver will report it
            socket.create_connection((parts.hostname, port), timeout=timeout).close()
        except OSError:
            return


def _close_driver(driver: Driver, uri: str, closing: Mapping[str, bool]) -> None:
    """Close the driver; on a FalkorDB-like server, then use up the stuck
    handshake slots its GOODBYEs left (see :func:`_drain_stuck_handshakes`)
    with bare connects, so the next client, in any process, is not held up."""
    driver.close()
    if not closing.get("unstick"):
        return
    parts = urlsplit(uri)
    if parts.scheme not in ("bolt", "neo4j") or not parts.hostname:
        return
    for _ in range(_UNSTICK_CONNECTS):
        try:
            socket.create_connection((parts.hostname, parts.port or 7687), timeout=1).close()
        except OSError:
            return


#: Bare connects after closing a driver on FalkorDB: one per pooled
#: connection it may have closed (more are harmless).
_UNSTICK_CONNECTS = 8


def _detect(session_run: Callable[..., list[dict[str, Any]]]) -> ServerInfo:
    """Neo4j answers ``dbms.components()``; FalkorDB does not. Whether string
    parameters arrive verbatim is tested directly with a probe string."""
    from neo4j.exceptions import Neo4jError

    flavor, version = "portable", None
    try:
        rows = session_run("CALL dbms.components() YIELD name, versions "
                           "RETURN name, versions")
        if rows and "neo4j" in str(rows[0]["name"]).lower():
            flavor, version = "neo4j", (rows[0]["versions"] or [None])[0]
    except Neo4jError:
        pass
    probe = "a'b\\c\"d"
    try:
        verbatim = session_run("RETURN $p AS p", p=probe)[0]["p"] == probe
    except Neo4jError:
        verbatim = False
    if not verbatim:
        escaped = session_run("RETURN $p AS p", p=escape_for_text_params(probe))[0]["p"]
        if escaped != probe:
            raise RuntimeError("this Bolt server alters string parameters; refusing to use it")
    return ServerInfo(flavor, version, text_params=not verbatim)


class ParametersTooLarge(ValueError):
    """The statement's parameters exceed what this server can take."""


def _rendered_size(value: Any) -> int:
    """Bytes of ``value`` written out as text (JSON: a slight overestimate of
    FalkorDB's own rendering)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


class _Connection:
    """A driver, the server's :class:`ServerInfo`, and retrying read/write
    helpers. One per backend; the driver is closed when it is."""

    def __init__(self, config: Neo4jConfig) -> None:
        from neo4j import GraphDatabase

        self.config = config
        _drain_stuck_handshakes(config.uri)
        # A local server answers a handshake in milliseconds: give up on a
        # stuck one after seconds, not the default 30 (the retries then take a
        # fresh connection); remote servers keep the driver's default.
        local = urlsplit(config.uri).hostname in ("127.0.0.1", "localhost", "::1")
        self.driver: Driver = GraphDatabase.driver(
            config.uri, auth=config.auth,
            **({"connection_timeout": 5.0, "connection_acquisition_timeout": 10.0}
               if local else {}))
        self._closing = {"unstick": False}
        self._finalizer = weakref.finalize(self, _close_driver, self.driver, config.uri,
                                           self._closing)
        try:
            self.server = _retrying(lambda: _detect(self._run_raw))
        except BaseException:
            self.close()
            raise
        # a server that mangles parameters is FalkorDB-like: clean up after GOODBYE
        self._closing["unstick"] = self.server.text_params

    def close(self) -> None:
        self._finalizer()

    def _session(self) -> Any:
        """A session that sees this process's earlier writes (causal
        consistency through the driver's bookmark manager, for clusters)."""
        return self.driver.session(database=self.config.database,
                                   bookmark_manager=self.driver.execute_query_bookmark_manager)

    def _run_raw(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        with self._session() as s:
            return s.run(cypher, params).data()

    @property
    def budget(self) -> int | None:
        """Most bytes of parameters one statement may carry (None: no limit)."""
        return TEXT_PARAMS_BUDGET if self.server.text_params else None

    def params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Parameters as this server needs them: escaped, and within the
        budget, for a server that pastes them into the query text."""
        if not self.server.text_params:
            return dict(params)
        escaped = escape_for_text_params(dict(params))
        if _rendered_size(escaped) > TEXT_PARAMS_BUDGET:
            raise ParametersTooLarge(
                f"parameters over {TEXT_PARAMS_BUDGET} bytes would crash this server")
        return escaped

    def read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of one read query in a managed read transaction (the driver
        retries transient failures)."""
        p = self.params(params)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return tx.run(cypher, p).data()

        with self._session() as s:
            return s.execute_read(work)

    def write(self, cypher: str, params: Mapping[str, Any], *, retries: int = 5,
              backoff: float = 0.2, on_commit: Callable[[], None] | None = None
              ) -> tuple[list[dict[str, Any]], int]:
        """Run one statement in an explicit write transaction; retry retryable
        failures with exponential back-off. ``on_commit`` runs just before the
        commit (tests use it to make a batch fail). Returns (rows, retries)."""
        p = self.params(params)
        for attempt in range(retries + 1):
            try:
                with self._session() as s, \
                        s.begin_transaction() as tx:
                    rows = tx.run(cypher, p).data()
                    if on_commit is not None:
                        on_commit()
                    tx.commit()
                    return rows, attempt
            except Exception as exc:  # noqa: BLE001 - filtered just below
                if attempt == retries or not _retryable(exc):
                    raise
                time.sleep(backoff * (2 ** attempt))
        raise AssertionError("unreachable")


def _retrying(fn: Callable[[], Any], *, retries: int = 3, backoff: float = 0.2) -> Any:
    """``fn()``, tried again after a retryable failure (lost connection)."""
    for attempt in range(retries + 1):
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - filtered just below
            if attempt == retries or not _retryable(exc):
                raise
            time.sleep(backoff * (2 ** attempt))
    raise AssertionError("unreachable")


def _retryable(exc: BaseException) -> bool:
    """Transient server errors and lost connections: worth another try."""
    from neo4j.exceptions import DriverError, Neo4jError

    if isinstance(exc, (Neo4jError, DriverError)):
        return bool(exc.is_retryable())
    return False


# --------------------------------------------------------------------------
# Push


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


def _lineage_relation(relations: Sequence[str]) -> str | None:
    """First lineage relation of an edge, as :func:`graph.queries.lineage` picks."""
    return next((r for r in relations if r in LINEAGE_RELATIONS), None)


def _node_props(nid: str, a: Mapping[str, Any], text: str | None) -> dict[str, Any]:
    p: dict[str, Any] = {f: a.get(f) for f in NODE_FIELDS}
    p["ingested"], p["resolved"] = bool(p["ingested"]), bool(p["resolved"])
    p["candidates"] = list(p["candidates"] or [])
    p["files"] = list(a.get("files") or [])
    p["key_fold"] = fold(a["key"]) if a.get("key") else None
    p["type_norm"] = _norm(a.get("type"))
    p["issuer_norm"] = _norm(a.get("issuer"))
    p["symbol_norm"] = _norm(a.get("symbol"))
    p["type_label"] = type_label(a.get("type"))
    p["text"] = text
    return p


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
        p = _node_props(nid, a, body)
        p["cited_by"] = sum(1 for _, _, c in g.in_edges(nid, data="count") if c)
        h.update(json.dumps([nid, p], ensure_ascii=False, sort_keys=True).encode())
        nodes[(p["type_label"], p["ingested"], p["resolved"])].append({"id": nid, "p": p})
    edges: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s, t in sorted(g.edges):
        e = g.edges[s, t]
        p = {"relation": e["relation"], "relations": list(e["relations"]),
             "count": int(e["count"]), "spans": json.dumps(e["spans"], ensure_ascii=False),
             "stated_in": list(e["stated_in"]), "lineage": _lineage_relation(e["relations"])}
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
    keep = [_checked(type_lbl), "Ingested" if ingested else "CitedOnly"]
    drop = ["CitedOnly" if ingested else "Ingested"]
    (drop if resolved else keep).append("Unresolved")
    return (NODE_UPSERT.replace("{labels}", ":".join(keep))
            .replace("{remove}", "REMOVE " + ", ".join(f"n:{x}" for x in drop)))


def _ensure_schema(conn: _Connection) -> None:
    """Identity index (a uniqueness constraint on Neo4j) and the key index.
    The one meta node gets none: FalkorDB 4.16 was seen losing that index's
    entry (the node then no longer matched ``{name: 'graph'}``)."""
    if conn.server.is_neo4j:
        conn.write("CREATE CONSTRAINT legalgraph_document_id IF NOT EXISTS "
                   "FOR (n:Document) REQUIRE n.id IS UNIQUE", {})
        conn.write("CREATE INDEX legalgraph_document_key_fold IF NOT EXISTS "
                   "FOR (n:Document) ON (n.key_fold)", {})
        conn.write("CALL db.awaitIndexes(300)", {})
        return
    have = {(r["label"], p) for r in conn.read("CALL db.indexes() YIELD label, properties "
                                               "RETURN label, properties")
            for p in r["properties"]}
    for label, prop in ((DOCUMENT, "id"), (DOCUMENT, "key_fold")):
        if (label, prop) not in have:
            conn.write(f"CREATE INDEX FOR (n:{_checked(label)}) ON (n.{prop})", {})


#: Properties matched or filtered on in Cypher: never stored in pieces.
_UNCUT = frozenset(("id", "type_label", "relation", "lineage", *SEARCH_PROPERTIES))

#: One long string's remainder: (row, property, chunks after the first).
_Append = tuple[dict[str, Any], str, list[list[Any]]]

#: Lists are cut into pieces of about this many bytes (written out).
LIST_CHUNK_BYTES = 1500


def _pieces(value: Any) -> list[list[Any]] | None:
    """``value`` as list pieces whose concatenation is the stored property,
    if it is too long for one statement: a string becomes one-string lists
    (joined when read), a list becomes sublists. None if it fits."""
    if isinstance(value, str):
        if len(value) <= CHUNK_CHARS:
            return None
        return [[value[i:i + CHUNK_CHARS]] for i in range(0, len(value), CHUNK_CHARS)]
    if isinstance(value, list) and _rendered_size(escape_for_text_params(value)) \
            > LIST_CHUNK_BYTES:
        out: list[list[Any]] = [[]]
        used = 0
        for item in value:
            n = _rendered_size(escape_for_text_params(item)) + 1
            if out[-1] and used + n > LIST_CHUNK_BYTES:
                out.append([])
                used = 0
            out[-1].append(item)
            used += n
        return out
    return None


def _batches(rows: list[dict[str, Any]], size: int, budget: int | None
             ) -> Iterator[tuple[list[dict[str, Any]], list[_Append]]]:
    """Batches of at most ``size`` rows. With a ``budget`` (bytes of
    parameters per statement), batches also stay under it, and long string
    and list properties are cut (:func:`_pieces`): the row carries the first
    piece, the rest comes back as appends to run after the batch
    (:data:`NODE_APPEND`). Properties queries filter on are never
    cut; a row whose own values exceed the budget raises
    :class:`ParametersTooLarge`."""
    if budget is None:
        for i in range(0, len(rows), size):
            yield rows[i:i + size], []
        return
    batch: list[dict[str, Any]] = []
    appends: list[_Append] = []
    used = 0
    for row in rows:
        p = dict(row["p"])
        mine: list[_Append] = []
        for prop, v in row["p"].items():
            pieces = None if prop in _UNCUT else _pieces(v)
            if pieces:
                p[prop] = pieces[0]
                mine.append((row, _checked_property(prop), pieces[1:]))
        row = {**row, "p": p}
        n = _rendered_size(escape_for_text_params(row)) + 1
        if n > budget - 200:
            raise ParametersTooLarge(f"row {row.get('id') or (row['s'], row['t'])} does not "
                                     f"fit in {budget} bytes of parameters")
        if batch and (used + n > budget - 200 or len(batch) >= size):
            yield batch, appends
            batch, appends, used = [], [], 0
        batch.append(row)
        appends += mine
        used += n
    if batch:
        yield batch, appends


def _checked_property(name: str) -> str:
    if not _PROPERTY.match(name):
        raise ValueError(f"not a safe Cypher property name: {name!r}")
    return name


def _read_meta(conn: _Connection) -> dict[str, Any] | None:
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
    ``progress(phase, done, total)`` after each batch.
    """
    from graph.embedded import EmbeddedBackend

    t0 = time.perf_counter()
    with EmbeddedBackend(db) as embedded:
        rows = _prepare(embedded.graph, embedded.store, text=text)
    conn = _Connection(config)
    try:
        report = PushReport(uri=config.uri, server=conn.server.flavor, nodes=rows.node_count,
                            edges=rows.edge_count, mark=rows.mark)
        report.seconds_prepare = time.perf_counter() - t0
        meta = _read_meta(conn)
        if not force and meta and meta.get("complete") and meta.get("mark") == rows.mark:
            report.up_to_date = True
            report.seconds_total = time.perf_counter() - t0
            return report
        _ensure_schema(conn)
        conn.write(BEGIN_PUSH, {"mark": rows.mark})

        def run_batches(phase: str, groups: Mapping[Any, list[dict[str, Any]]],
                        query: Callable[[Any], str], append_query: Callable[[Any, str], str],
                        total: int) -> None:
            done = index = 0
            for group, group_rows in groups.items():
                cypher = query(group)
                for batch, appends in _batches(group_rows, batch_size, conn.budget):
                    hook = functools.partial(on_batch, phase, index) if on_batch else None
                    index += 1
                    _, tries = conn.write(cypher, {"rows": batch, "mark": rows.mark},
                                          retries=retries, backoff=backoff, on_commit=hook)
                    report.batches += 1
                    report.retries += tries
                    for row, prop, pieces in appends:
                        target = ({"id": row["id"]} if "id" in row
                                  else {"s": row["s"], "t": row["t"]})
                        append = append_query(group, prop)
                        for piece in pieces:
                            _, tries = conn.write(append, {**target, "chunk": piece},
                                                  retries=retries, backoff=backoff)
                            report.retries += tries
                    done += len(batch)
                    if progress:
                        progress(phase, done, total)

        t1 = time.perf_counter()
        run_batches("nodes", rows.nodes, _node_query,
                    lambda _, prop: NODE_APPEND.replace("{prop}", prop), rows.node_count)
        t2 = time.perf_counter()
        report.seconds_nodes = t2 - t1
        run_batches("edges", rows.edges,
                    lambda rel_type: EDGE_UPSERT.replace("{type}", _checked(rel_type)),
                    lambda rel_type, prop: EDGE_APPEND.replace("{type}", _checked(rel_type))
                    .replace("{prop}", prop),
                    rows.edge_count)
        report.seconds_edges = time.perf_counter() - t2
        report.deleted_edges = _sweep(conn, SWEEP_EDGES, rows.mark, retries, backoff)
        report.deleted_nodes = _sweep(conn, SWEEP_NODES, rows.mark, retries, backoff)
        _sweep_type_labels(conn, retries, backoff)
        counts = conn.read(COUNT_GRAPH)[0]
        if (counts["nodes"], counts["edges"]) != (rows.node_count, rows.edge_count):
            raise RuntimeError(
                f"push incomplete: server holds {counts['nodes']} nodes and "
                f"{counts['edges']} edges, expected {rows.node_count} and {rows.edge_count}")
        conn.write(FINISH_PUSH, {"mark": rows.mark, "props": rows.meta}, retries=retries,
                   backoff=backoff)
        report.seconds_total = time.perf_counter() - t0
        return report
    finally:
        conn.close()


def _sweep(conn: _Connection, cypher: str, mark: str, retries: int, backoff: float,
           limit: int = 10_000) -> int:
    deleted = 0
    while True:
        rows, _ = conn.write(cypher, {"mark": mark, "limit": limit}, retries=retries,
                             backoff=backoff)
        n = int(rows[0]["deleted"]) if rows else 0
        deleted += n
        if n < limit:
            return deleted


def _sweep_type_labels(conn: _Connection, retries: int, backoff: float) -> None:
    """Remove type labels left on nodes whose document type changed."""
    for row in conn.read("CALL db.labels() YIELD label RETURN label"):
        label = row["label"]
        if label in _FIXED_LABELS or not _IDENTIFIER.match(label):
            continue
        conn.write(SWEEP_LABEL.replace("{label}", _checked(label)), {"label": label},
                   retries=retries, backoff=backoff)


def foreign_node_count(config: Neo4jConfig) -> int:
    """Nodes that are not legalgraph's: tests refuse to run on a database
    holding any, since they delete the legalgraph graph."""
    conn = _Connection(config)
    try:
        return int(conn.read("MATCH (n) WHERE NOT n:Document AND NOT n:LegalgraphMeta "
                             "RETURN count(n) AS n")[0]["n"])
    finally:
        conn.close()


def clear_graph(config: Neo4jConfig, *, limit: int = 10_000) -> int:
    """Delete every ``:Document`` and ``:LegalgraphMeta`` node (in bounded
    batches); other data in the database is left alone. Returns nodes deleted."""
    conn = _Connection(config)
    try:
        deleted = 0
        for label in (DOCUMENT, META):
            cypher = (f"MATCH (n:{_checked(label)}) WITH n LIMIT $limit DETACH DELETE n "
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


# --------------------------------------------------------------------------
# Queries


class GraphNotReady(RuntimeError):
    """The server holds no complete push (none yet, or one still running or
    interrupted): answering would show a half-written graph."""


def _whole(value: Any) -> Any:
    """A string property as written: long ones may be stored as a list of
    pieces (see :data:`NODE_APPEND`)."""
    return "".join(value) if isinstance(value, list) else value


#: NodeSummary fields that hold one string (the others: bools, year, candidates).
_STRING_FIELDS = frozenset(NODE_FIELDS) - {"year", "ingested", "resolved", "candidates"}


def _summary(m: Mapping[str, Any]) -> NodeSummary:
    out: dict[str, Any] = {f: m.get(f) for f in ("id", *NODE_FIELDS)}
    for f in _STRING_FIELDS:
        out[f] = _whole(out[f])
    out["candidates"] = list(out["candidates"] or [])
    out["ingested"] = bool(out["ingested"])
    out["resolved"] = bool(out["resolved"])
    return out  # type: ignore[return-value]


def _link(row: Mapping[str, Any]) -> Link:
    return {
        "node": _summary(row["node"]),
        "relation": row["relation"],
        "relations": list(row["relations"] or []),
        "count": int(row["count"]),
        "spans": json.loads(_whole(row["spans"])) if row["spans"] else [],
        "stated_in": list(row["stated_in"] or []),
    }


def _link_order(link: Link) -> tuple:
    """Same order as :func:`graph.queries.cites`: strongest relation, then key."""
    n = link["node"]
    return (_STRENGTH.get(link["relation"], 99), n["key"] is None, n["key"] or "", n["id"])


class Neo4jBackend:
    """:class:`graph.backend.GraphBackend` over a Neo4j (or FalkorDB) server
    loaded by :func:`push`. Pass a :class:`Neo4jConfig`, or nothing to read
    it from the environment."""

    def __init__(self, config: Neo4jConfig | None = None) -> None:
        self.config = config or Neo4jConfig.from_env()
        self._conn = _Connection(self.config)
        self._ready = False

    @property
    def server(self) -> ServerInfo:
        return self._conn.server

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Neo4jBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, Any] | None:
        """The meta node's properties (None before any push)."""
        return _read_meta(self._conn)

    def _read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        if not self._ready:
            meta = self.meta()
            if not meta:
                raise GraphNotReady(f"{self.config.uri} holds no legalgraph graph: "
                                    "run 'legalgraph push'")
            if not meta.get("complete"):
                raise GraphNotReady(f"{self.config.uri}: the last push did not finish; "
                                    "run 'legalgraph push' again")
            self._ready = True
        try:
            return self._conn.read(cypher, **params)
        except ParametersTooLarge:
            # Only user text can be this long, and every query compares it with
            # values that had to fit the same budget when pushed: no match.
            return []

    # --- GraphBackend ------------------------------------------------------------

    def search_keys(self, query: str, *, limit: int = 20) -> list[NodeSummary]:
        from parsers.normalize import canonical_key

        if limit <= 0:
            return []
        query = query.strip()
        if "\x00" not in query:
            rows = self._read(NODE_BY_ID, id=query)
            if rows:
                return [_summary(rows[0]["node"])]
        canon = canonical_key(query)
        hits: list[dict[str, Any]] = []
        if canon and "\x00" not in canon:
            hits = self._read(SEARCH_EXACT, f=fold(canon), limit=limit)
        if not hits:
            f = fold(query)
            if "\x00" in f:
                return []
            hits = self._read(SEARCH_PREFIX, f=f, cap=10 * limit, limit=limit)
        return [_summary(r["node"]) for r in hits]

    def show(self, node_id: str) -> DocumentView | None:
        if "\x00" in node_id:
            return None
        rows = self._read(NODE_BY_ID, id=node_id)
        if not rows:
            return None
        cited_by = self.cited_by(node_id)
        return {
            "node": _summary(rows[0]["node"]),
            "files": list(rows[0]["files"] or []),
            "cites": self.cites(node_id),
            "cited_by": cited_by,
            "cited_by_count": sum(1 for link in cited_by if link["count"]),
        }

    def cites(self, node_id: str) -> list[Link]:
        if "\x00" in node_id:
            return []
        return sorted((_link(r) for r in self._read(CITES, id=node_id)), key=_link_order)

    def cited_by(self, node_id: str) -> list[Link]:
        if "\x00" in node_id:
            return []
        return sorted((_link(r) for r in self._read(CITED_BY, id=node_id)), key=_link_order)

    def lineage(self, node_id: str, *, direction: Direction = "up",
                depth: int = 5) -> LineageTree | None:
        """One Cypher query per level for the whole frontier; the tree itself
        is :func:`graph.backend.lineage_tree`, shared with the embedded backend."""
        if "\x00" in node_id:
            return None
        root = self._read(NODE_BY_ID, id=node_id)
        if not root:
            return None
        if direction not in ("up", "down"):
            raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
        cypher = LINEAGE_UP if direction == "up" else LINEAGE_DOWN

        def expand(ids: list[str]) -> dict[str, list[tuple[NodeSummary, str]]]:
            found: dict[str, list[tuple[NodeSummary, str]]] = {i: [] for i in ids}
            for chunk in self._id_chunks(ids):
                for r in self._read(cypher, ids=chunk):
                    found[r["id"]].append((_summary(r["node"]), r["relation"]))
            return found

        return lineage_tree(_summary(root[0]["node"]), expand, depth)

    def _id_chunks(self, ids: list[str]) -> Iterator[list[str]]:
        """``ids`` in lists small enough for the server's parameter budget."""
        budget = self._conn.budget
        if budget is None:
            yield ids
            return
        chunk: list[str] = []
        used = 0
        for i in ids:
            n = _rendered_size(escape_for_text_params(i)) + 1
            if chunk and used + n > budget - 500:
                yield chunk
                chunk, used = [], 0
            chunk.append(i)
            used += n
        if chunk:
            yield chunk

    def top(self, *, type: str | None = None, cited_by_type: str | None = None,
            year: int | None = None, cited_by_year: int | None = None,
            issuer: str | None = None, limit: int = 20) -> list[RankRow]:
        params = {
            "type": _norm(type) or None,
            # an empty citing-type filter matches nothing, as in the embedded index
            "cited_by_type": _norm(cited_by_type),
            "year": year,
            "cited_by_year": cited_by_year,
            "issuer": _norm(issuer) or None,
            "limit": limit,
        }
        if limit <= 0:
            return []
        if any("\x00" in v for v in params.values() if isinstance(v, str)):
            return []  # no stored type or issuer contains NUL
        citing_filter = params["cited_by_type"] is not None or cited_by_year is not None
        rows = self._read(TOP if citing_filter else TOP_ALL, **params)
        return [{"rank": i, "node": _summary(r["node"]), "cited_by": int(r["cited"])}
                for i, r in enumerate(rows, 1)]

    def stats(self) -> Stats:
        meta = self.meta() or {}
        mentions: dict[str, int] = json.loads(meta.get("mentions") or "{}")
        by_type: Counter[str] = Counter()
        documents = cited_only = unresolved_nodes = nodes = 0
        for r in self._read(STATS_NODES):
            n = int(r["n"])
            nodes += n
            by_type[r["type"] or "(unknown)"] += n
            if r["ingested"]:
                documents += n
            else:
                cited_only += n
            if not r["resolved"]:
                unresolved_nodes += n
        by_rel = {r["relation"]: int(r["n"]) for r in self._read(STATS_EDGES)}
        return {
            "documents": documents,
            "files": int(meta.get("files") or 0),
            "nodes": nodes,
            "cited_only": cited_only,
            "references": sum(mentions.values()),
            "resolved": mentions.get("resolved", 0) + mentions.get("inferred", 0),
            "unresolved": mentions.get("unresolved", 0),
            "ambiguous": mentions.get("ambiguous", 0),
            "self_citations": mentions.get("self", 0),
            "edges": sum(by_rel.values()),
            "unresolved_nodes": unresolved_nodes,
            "by_type": dict(sorted(by_type.items())),
            "by_relation": dict(sorted(by_rel.items(),
                                       key=lambda x: _STRENGTH.get(x[0], 99))),
        }

    def document_text(self, node_id: str) -> str | None:
        if "\x00" in node_id:
            return None
        rows = self._read(DOCUMENT_TEXT, id=node_id)
        return _whole(rows[0]["text"]) if rows else None
