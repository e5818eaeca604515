""":class:`Neo4jBackend`: the :class:`graph.backend.GraphBackend` questions in
parameterized Cypher, over a graph loaded by :func:`graph.neo4j.push.push`.

It returns exactly what the embedded backend returns for the same store
(``tests/test_neo4j_parity.py`` checks every query on every server). Only
Cypher every tested server accepts is used: no ``COUNT {}`` subqueries (the
citer count is precomputed at push), no variable-length paths bounded by a
parameter (lineage goes one level per query for a whole frontier, the tree
is built here), no ``elementId()`` (nodes are addressed by their indexed
``id`` property).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from graph.backend import (
    Direction,
    DocumentView,
    EdgeRecord,
    LineageTree,
    Link,
    NodeSummary,
    RankRow,
    Stats,
    lineage_tree,
)
from graph.identity import fold
from graph.neo4j import falkordb
from graph.neo4j.connection import Connection, GraphNotReady, Neo4jConfig
from graph.neo4j.push import read_meta
from graph.neo4j.schema import (
    LINK_FIELDS,
    STRENGTH,
    SUMMARY,
    edge_fields,
    link,
    link_order,
    norm,
    summary,
)

__all__ = ["Neo4jBackend"]

NODE_BY_ID = "MATCH (n:Document {id: $id}) RETURN n " + SUMMARY + " AS node, n.files AS files"

#: Outgoing / incoming edges of one node with the other end's summary. Written
#: ``UNWIND $ids``, as lineage is: ArcadeDB's cost-based planner starts
#: ``(n:Document {id: $id})<-[e]-(m:Document)`` from a scan of every ``m``
#: (1.5 s on 100k documents) but plans the UNWIND form from the index on
#: ``n``; Neo4j and FalkorDB plan both alike.
CITES = ("UNWIND $ids AS id MATCH (n:Document {id: id})-[e]->(m:Document) RETURN m "
         + SUMMARY + " AS node, " + LINK_FIELDS)
CITED_BY = ("UNWIND $ids AS id MATCH (n:Document {id: id})<-[e]-(m:Document) RETURN m "
            + SUMMARY + " AS node, " + LINK_FIELDS)

#: search_keys: exact folded key, then folded-key prefix (the first $cap keys
#: in key order, as the embedded backend's bisect takes them).
SEARCH_EXACT = ("MATCH (n:Document) WHERE n.key_fold = $f WITH n, n.cited_by AS cited "
                "RETURN n " + SUMMARY + " AS node, cited ORDER BY cited DESC, n.id LIMIT $limit")
SEARCH_PREFIX = ("MATCH (n:Document) WHERE n.key_fold STARTS WITH $f "
                 "WITH n ORDER BY n.key_fold, n.id LIMIT $cap "
                 "WITH n, n.cited_by AS cited "
                 "RETURN n " + SUMMARY + " AS node, cited ORDER BY cited DESC, n.id LIMIT $limit")

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
RETURN t """ + SUMMARY + """ AS node, t.cited_by AS cited"""

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
RETURN t """ + SUMMARY + " AS node, cited"

#: lineage: one level of the tree for a whole frontier at once.
LINEAGE_UP = ("UNWIND $ids AS id MATCH (n:Document {id: id})-[e]->(m:Document) "
              "WHERE e.lineage IS NOT NULL RETURN id, e.lineage AS relation, m "
              + SUMMARY + " AS node")
LINEAGE_DOWN = ("UNWIND $ids AS id MATCH (n:Document {id: id})<-[e]-(m:Document) "
                "WHERE e.lineage IS NOT NULL RETURN id, e.lineage AS relation, m "
                + SUMMARY + " AS node")

STATS_NODES = """
MATCH (n:Document)
RETURN n.type AS type, n.ingested AS ingested, n.resolved AS resolved, count(*) AS n
"""
STATS_EDGES = "MATCH (:Document)-[e]->(:Document) RETURN e.relation AS relation, count(*) AS n"

DOCUMENT_TEXT = "MATCH (n:Document {id: $id}) RETURN n.text AS text"

#: Every node, every edge (audits, and word search over a full scan: see
#: :mod:`graph.scan`); sorted here, as the embedded backend sorts.
ALL_NODES = "MATCH (n:Document) RETURN n " + SUMMARY + " AS node"
ALL_EDGES = ("MATCH (a:Document)-[e]->(b:Document) RETURN a.id AS source, b.id AS target, "
             + LINK_FIELDS)


class Neo4jBackend:
    """:class:`graph.backend.GraphBackend` over a Bolt server loaded by
    :func:`graph.neo4j.push.push`. Pass a :class:`Neo4jConfig`, or nothing to
    read it from the environment. Connecting fails with a
    :class:`graph.neo4j.connection.ServerError` (one line for the user) when
    the server cannot be used; queries fail with :class:`GraphNotReady`
    when it holds no complete push."""

    def __init__(self, config: Neo4jConfig | None = None) -> None:
        self.config = config or Neo4jConfig.from_env()
        self._conn = Connection(self.config)
        self._ready = False

    @property
    def connection(self) -> Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Neo4jBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, Any] | None:
        """The meta node's properties (None before any push)."""
        return read_meta(self._conn)

    def check_ready(self) -> None:
        """Raise :class:`GraphNotReady` unless the server holds a complete push."""
        if self._ready:
            return
        uri = self.config.uri
        meta = self.meta()
        if not meta:
            raise GraphNotReady(f"{uri} holds no legalgraph graph; load one with "
                                f"'legalgraph push --uri {uri}'")
        if not meta.get("complete"):
            raise GraphNotReady(f"{uri}: the last push did not finish (or is still "
                                f"running); run 'legalgraph push --uri {uri}' again")
        self._ready = True

    def _read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        self.check_ready()
        try:
            return self._conn.read(cypher, **params)
        except falkordb.ParametersTooLarge:
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
                return [summary(rows[0]["node"])]
        canon = canonical_key(query)
        hits: list[dict[str, Any]] = []
        if canon and "\x00" not in canon:
            hits = self._read(SEARCH_EXACT, f=fold(canon), limit=limit)
        if not hits:
            f = fold(query)
            if "\x00" in f:
                return []
            hits = self._read(SEARCH_PREFIX, f=f, cap=10 * limit, limit=limit)
        return [summary(r["node"]) for r in hits]

    def show(self, node_id: str) -> DocumentView | None:
        if "\x00" in node_id:
            return None
        rows = self._read(NODE_BY_ID, id=node_id)
        if not rows:
            return None
        cited_by = self.cited_by(node_id)
        return {
            "node": summary(rows[0]["node"]),
            "files": list(rows[0]["files"] or []),
            "cites": self.cites(node_id),
            "cited_by": cited_by,
            "cited_by_count": sum(1 for lk in cited_by if lk["count"]),
        }

    def cites(self, node_id: str) -> list[Link]:
        if "\x00" in node_id:
            return []
        return sorted((link(r) for r in self._read(CITES, ids=[node_id])), key=link_order)

    def cited_by(self, node_id: str) -> list[Link]:
        if "\x00" in node_id:
            return []
        return sorted((link(r) for r in self._read(CITED_BY, ids=[node_id])), key=link_order)

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
                    found[r["id"]].append((summary(r["node"]), r["relation"]))
            return found

        return lineage_tree(summary(root[0]["node"]), expand, depth)

    def _id_chunks(self, ids: list[str]) -> Iterator[list[str]]:
        return falkordb.id_chunks(ids, self._conn.budget)

    def top(self, *, type: str | None = None, cited_by_type: str | None = None,
            year: int | None = None, cited_by_year: int | None = None,
            issuer: str | None = None, limit: int = 20) -> list[RankRow]:
        params = {
            "type": norm(type) or None,
            # an empty citing-type filter matches nothing, as in the embedded index
            "cited_by_type": norm(cited_by_type),
            "year": year,
            "cited_by_year": cited_by_year,
            "issuer": norm(issuer) or None,
            "limit": limit,
        }
        if limit <= 0:
            return []
        if any("\x00" in v for v in params.values() if isinstance(v, str)):
            return []  # no stored type or issuer contains NUL
        citing_filter = params["cited_by_type"] is not None or cited_by_year is not None
        rows = self._read(TOP if citing_filter else TOP_ALL, **params)
        return [{"rank": i, "node": summary(r["node"]), "cited_by": int(r["cited"])}
                for i, r in enumerate(rows, 1)]

    def stats(self) -> Stats:
        self.check_ready()
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
                                       key=lambda x: STRENGTH.get(x[0], 99))),
        }

    def nodes(self) -> list[NodeSummary]:
        """Every node, ordered by id."""
        return sorted((summary(r["node"]) for r in self._read(ALL_NODES)),
                      key=lambda n: n["id"])

    def edges(self) -> list[EdgeRecord]:
        """Every edge, ordered by (source, target)."""
        rows = [{"source": r["source"], "target": r["target"], **edge_fields(r)}
                for r in self._read(ALL_EDGES)]
        return sorted(rows, key=lambda e: (e["source"], e["target"]))  # type: ignore[return-value]

    def files(self, node_id: str) -> list[str]:
        if "\x00" in node_id:
            return []
        rows = self._read(NODE_BY_ID, id=node_id)
        return list(rows[0]["files"] or []) if rows else []

    def document_text(self, node_id: str) -> str | None:
        if "\x00" in node_id:
            return None
        rows = self._read(DOCUMENT_TEXT, id=node_id)
        return falkordb.whole(rows[0]["text"]) if rows else None
