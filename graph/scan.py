"""Whole-graph questions asked of any backend: every node, every edge, word
search, what the resolver set aside.

Both backends answer ``nodes`` and ``edges`` themselves; the embedded one
also ``search`` and ``set_aside`` (:class:`graph.embedded.EmbeddedBackend`).
A backend without ``search`` (Neo4j) is searched with the same ranking
(:func:`graph.search.rank`) over its whole-graph scan, so both give the same
answers; only slower.
"""

from __future__ import annotations

from typing import Any

from graph.backend import EdgeRecord, GraphBackend, NodeSummary, SearchHit

__all__ = ["all_edges", "all_nodes", "search", "set_aside"]


def all_nodes(backend: GraphBackend) -> list[NodeSummary]:
    """Every node, ordered by id."""
    return backend.nodes()


def all_edges(backend: GraphBackend) -> list[EdgeRecord]:
    """Every edge, ordered by (source, target)."""
    return backend.edges()


def search(backend: GraphBackend, query: str, *, limit: int = 20) -> list[SearchHit]:
    """:meth:`GraphBackend.search`, or the same ranking over a full scan."""
    fn = getattr(backend, "search", None)
    if callable(fn):
        return fn(query, limit=limit)
    from graph.search import SearchIndex, rank

    # one full scan per loaded graph: kept on the backend, keyed by the push
    # that wrote it (Neo4j's meta "mark"); without one, scanned every time
    meta = getattr(backend, "meta", None)
    stamp = (meta() or {}).get("mark") if callable(meta) else None
    cached = getattr(backend, "_scan_search", None)
    if stamp is not None and cached is not None and cached[0] == stamp:
        index, by_id = cached[1], cached[2]
    else:
        nodes = all_nodes(backend)
        index = SearchIndex.from_backend(nodes, all_edges(backend))
        by_id = {n["id"]: n for n in nodes}
        if stamp is not None:
            backend._scan_search = (stamp, index, by_id)  # type: ignore[attr-defined]
    return rank(index, query, by_id.__getitem__, limit=limit)


def set_aside(backend: GraphBackend) -> list[dict[str, Any]] | None:
    """References the resolver refused to store as edges; None when the
    backend cannot tell (it only holds the stored graph)."""
    fn = getattr(backend, "set_aside", None)
    return fn() if callable(fn) else None
