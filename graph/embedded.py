"""The embedded backend: SQLite store + cached networkx graph, no server.

Implements :class:`graph.backend.GraphBackend` by delegating to
:mod:`graph.queries`. The graph is built once per resolved generation (and
kept as a pickle beside the database, see :func:`graph.build.load_graph`), so
repeated queries cost milliseconds. A backend only reads: while an ingest
writes, it answers from the last committed resolution at once, and it
resolves only what an interrupted ingest left behind when no writer is at
work (:meth:`graph.store.Store.finish_interrupted`).
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
from graph.build import load_graph, refresh
from graph.store import Store, default_db_dir

__all__ = ["EmbeddedBackend"]


class EmbeddedBackend:
    """Query a store folder (default ``$LEGALGRAPH_DB`` or ``data/store``)."""

    def __init__(self, db_dir: str | os.PathLike[str] | None = None, *,
                 cache: bool = True, create: bool = True,
                 today: _dt.date | None = None) -> None:
        """``create=False``: a missing store raises
        :class:`graph.store.StoreMissing` instead of being created (queries).
        ``today``: the day validity is judged on (default: the current day,
        re-read at every query, so a long-running app turns the page at
        midnight)."""
        self.store = Store(db_dir if db_dir is not None else default_db_dir(), create=create)
        self._cache = cache
        self.today = today
        self._graph: nx.DiGraph | None = None
        self._index: queries.GraphIndex | None = None
        self._lock = threading.RLock()  # one store connection, many app threads
        self._local = threading.local()  # .pinned: (graph, index) of pinned()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EmbeddedBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _current(self) -> tuple[nx.DiGraph, queries.GraphIndex]:
        """(graph, index) of the last committed resolution, reloaded when a
        writer committed a newer one; the pinned pair inside :meth:`pinned`.
        Each query takes both from one call, so it never mixes two graphs."""
        pinned = getattr(self._local, "pinned", None)
        if pinned is not None:
            return pinned
        with self._lock:
            self.store.finish_interrupted()
            if (self._graph is None or self._index is None or self._graph.graph.get(
                    "generation") != self.store.resolved_generation):
                self._graph = load_graph(self.store, cache=self._cache, today=self.today)
                self._index = queries.GraphIndex(self._graph)
            else:
                refresh(self._graph, self.today)
            return self._graph, self._index

    @property
    def graph(self) -> nx.DiGraph:
        """The graph of the last committed resolution (see :meth:`pinned`)."""
        return self._current()[0]

    @property
    def index(self) -> queries.GraphIndex:
        return self._current()[1]

    @contextmanager
    def pinned(self) -> Iterator[nx.DiGraph]:
        """Answer every query of this thread inside the block from one graph,
        even if an ingest commits a newer resolution meanwhile: for callers
        that ask several questions to build one answer (a CLI command, an
        app page), which must not see a node vanish between two of them."""
        if getattr(self._local, "pinned", None) is not None:
            yield self._local.pinned[0]
            return
        self._local.pinned = self._current()
        try:
            yield self._local.pinned[0]
        finally:
            self._local.pinned = None

    # --- GraphBackend ------------------------------------------------------------

    def search_keys(self, query: str, *, limit: int = 20) -> list[NodeSummary]:
        g, index = self._current()
        return queries.search_keys(g, query, limit=limit, index=index)

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
        g, index = self._current()
        return queries.top(g, type=type, cited_by_type=cited_by_type, year=year,
                           cited_by_year=cited_by_year, issuer=issuer, limit=limit,
                           index=index)

    def stats(self) -> Stats:
        g, index = self._current()
        return queries.stats(g, index=index)

    def files(self, node_id: str) -> list[str]:
        g = self.graph
        return list(g.nodes[node_id].get("files") or []) if node_id in g else []

    def document_text(self, node_id: str) -> str | None:
        g = self.graph
        if node_id not in g or g.nodes[node_id].get("file_id") is None:
            return None
        with self._lock:
            text = self.store.text(g.nodes[node_id]["file_id"])
            if text is None and g.nodes[node_id].get("files"):
                # replaced by an ingest since this resolution: its current text
                text = self.store.text_at(g.nodes[node_id]["files"][0])
            return text
