"""The embedded backend: SQLite store + cached networkx graph, no server.

Implements :class:`graph.backend.GraphBackend` by delegating to
:mod:`graph.queries`. The graph is built once per store generation (and kept
as a pickle beside the database, see :func:`graph.build.load_graph`), so
repeated queries cost milliseconds.
"""

from __future__ import annotations

import os
import threading

import networkx as nx

from graph import queries
from graph.backend import (
    Direction,
    DocumentView,
    EdgeRecord,
    LineageTree,
    Link,
    NodeSummary,
    RankRow,
    SearchHit,
    Stats,
)
from graph.build import load_graph
from graph.store import Store, default_db_dir

__all__ = ["EmbeddedBackend"]


class EmbeddedBackend:
    """Query a store folder (default ``$LEGALGRAPH_DB`` or ``data/store``)."""

    def __init__(self, db_dir: str | os.PathLike[str] | None = None, *,
                 cache: bool = True) -> None:
        self.store = Store(db_dir if db_dir is not None else default_db_dir())
        self._cache = cache
        self._graph: nx.DiGraph | None = None
        self._index: queries.GraphIndex | None = None
        self._lock = threading.RLock()  # one store connection, many app threads

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EmbeddedBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def graph(self) -> nx.DiGraph:
        """The current graph; rebuilt when the store changed since it was built."""
        with self._lock:
            if (self._graph is None
                    or self._graph.graph.get("generation") != self.store.generation):
                self._graph = load_graph(self.store, cache=self._cache)
                self._index = queries.GraphIndex(self._graph)
            return self._graph

    @property
    def index(self) -> queries.GraphIndex:
        g = self.graph
        assert self._index is not None and self._index.g is g
        return self._index

    # --- GraphBackend ------------------------------------------------------------

    def search_keys(self, query: str, *, limit: int = 20) -> list[NodeSummary]:
        return queries.search_keys(self.graph, query, limit=limit, index=self.index)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        return queries.search(self.graph, query, limit=limit, index=self.index)

    def nodes(self) -> list[NodeSummary]:
        return queries.nodes(self.graph)

    def edges(self) -> list[EdgeRecord]:
        return queries.edges(self.graph)

    def set_aside(self) -> list[dict]:
        """References and stated relations the resolver refused to store
        (:func:`graph.store.Store.set_aside`): audit input."""
        with self._lock:
            self.graph  # noqa: B018 - resolve first if the store changed
            return self.store.set_aside()

    def show(self, node_id: str) -> DocumentView | None:
        return queries.show(self.graph, node_id)

    def cites(self, node_id: str) -> list[Link]:
        return queries.cites(self.graph, node_id)

    def cited_by(self, node_id: str) -> list[Link]:
        return queries.cited_by(self.graph, node_id)

    def lineage(self, node_id: str, *, direction: Direction = "up",
                depth: int = 5) -> LineageTree | None:
        return queries.lineage(self.graph, node_id, direction=direction, depth=depth)

    def top(self, *, type: str | None = None, cited_by_type: str | None = None,
            year: int | None = None, cited_by_year: int | None = None,
            issuer: str | None = None, limit: int = 20) -> list[RankRow]:
        return queries.top(self.graph, type=type, cited_by_type=cited_by_type, year=year,
                           cited_by_year=cited_by_year, issuer=issuer, limit=limit,
                           index=self.index)

    def stats(self) -> Stats:
        return queries.stats(self.graph, index=self.index)

    def document_text(self, node_id: str) -> str | None:
        g = self.graph
        if node_id not in g or g.nodes[node_id].get("file_id") is None:
            return None
        with self._lock:
            return self.store.text(g.nodes[node_id]["file_id"])
