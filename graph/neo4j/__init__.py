"""Neo4j backend: load the resolved graph over Bolt and answer the same
queries as the embedded store, through the official ``neo4j`` driver
(imported only where a server is used).

* :mod:`graph.neo4j.connection`: settings (``NEO4J_URI``…), the driver,
  retries, and the one-line :class:`ServerError` for every failure a user
  can fix.
* :mod:`graph.neo4j.dialect`: what the server supports, probed by trying it
  (never by its version string), with a fallback for each feature.
* :mod:`graph.neo4j.schema`: labels, relationship types, and the one table
  of stored properties.
* :mod:`graph.neo4j.push`: :func:`push`, batched, idempotent, convergent.
* :mod:`graph.neo4j.queries`: :class:`Neo4jBackend`, the GraphBackend in Cypher.
* :mod:`graph.neo4j.falkordb`: every FalkorDB work-around, explained.

Runs on Neo4j 5 (Desktop, Docker ``neo4j:5``, Aura) and, in CI, on FalkorDB
and ArcadeDB (:mod:`graph.bolt_server`); ``docs/neo4j.md`` says what each
server lacks and what the code does about it.
"""

from __future__ import annotations

from graph.neo4j.connection import (
    AuthenticationFailed,
    Connection,
    GraphNotReady,
    Neo4jConfig,
    ServerError,
    ServerUnreachable,
    UnsupportedServer,
)
from graph.neo4j.dialect import Dialect
from graph.neo4j.falkordb import ParametersTooLarge, escape_for_text_params
from graph.neo4j.push import PushReport, clear_graph, foreign_node_count, push
from graph.neo4j.queries import Neo4jBackend
from graph.neo4j.schema import NODE_PROPERTIES, type_label

__all__ = [
    "NODE_PROPERTIES",
    "AuthenticationFailed",
    "Connection",
    "Dialect",
    "GraphNotReady",
    "Neo4jBackend",
    "Neo4jConfig",
    "ParametersTooLarge",
    "PushReport",
    "ServerError",
    "ServerUnreachable",
    "UnsupportedServer",
    "clear_graph",
    "escape_for_text_params",
    "foreign_node_count",
    "push",
    "type_label",
]
