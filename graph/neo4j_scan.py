"""Whole-graph reads on the Neo4j backend: every node, every edge.

What :mod:`graph.search` and :mod:`graph.audit` need from a backend that has
no graph in memory. Kept apart from :mod:`graph.neo4j` (connection, push and
the per-document queries): two read-only Cypher statements over what
``push`` wrote, returned in the embedded backend's shapes and order.
"""

from __future__ import annotations

import json
from typing import Any

from graph.backend import EdgeRecord, NodeSummary
from graph.build import NODE_FIELDS

__all__ = ["neo4j_edges", "neo4j_nodes"]

_NODES = ("MATCH (n:Document) RETURN n {" + ", ".join(f".{f}" for f in ("id", *NODE_FIELDS))
          + "} AS node ORDER BY n.id")
_EDGES = ("MATCH (a:Document)-[e]->(b:Document) RETURN a.id AS source, b.id AS target, "
          "e.relation AS relation, e.relations AS relations, e.count AS count, "
          "e.spans AS spans, e.stated_in AS stated_in ORDER BY source, target")
_NOT_STRINGS = frozenset({"year", "ingested", "resolved", "candidates"})


def _whole(value: Any) -> Any:
    """A long string property is stored as a list of pieces by ``push``."""
    return "".join(value) if isinstance(value, list) else value


def _summary(m: dict[str, Any]) -> NodeSummary:
    out: dict[str, Any] = {f: m.get(f) for f in ("id", *NODE_FIELDS)}
    for f in NODE_FIELDS:
        if f not in _NOT_STRINGS:
            out[f] = _whole(out[f])
    out["candidates"] = list(out["candidates"] or [])
    out["ingested"] = bool(out["ingested"])
    out["resolved"] = bool(out["resolved"])
    return out  # type: ignore[return-value]


def neo4j_nodes(backend: Any) -> list[NodeSummary]:
    """Every Document node of a :class:`graph.neo4j.Neo4jBackend`, by id."""
    return [_summary(r["node"]) for r in backend._read(_NODES)]


def neo4j_edges(backend: Any) -> list[EdgeRecord]:
    """Every edge between Document nodes, by (source, target)."""
    out: list[EdgeRecord] = []
    for r in backend._read(_EDGES):
        spans = _whole(r["spans"])
        out.append({"source": r["source"], "target": r["target"], "relation": r["relation"],
                    "relations": list(r["relations"] or []), "count": int(r["count"] or 0),
                    "spans": json.loads(spans) if spans else [],
                    "stated_in": list(r["stated_in"] or [])})
    return out
