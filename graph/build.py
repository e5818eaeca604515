"""Build the in-memory networkx graph from the store's resolution.

Nodes carry the :class:`graph.backend.NodeSummary` fields plus ``files``
(paths of the files that hold the document) and ``file_id`` (the first, whose
text ``show`` serves). Edges carry ``relation`` (strongest), ``relations``,
``count`` (mentions), ``spans`` and ``stated_in``.

Built with two sequential scans and ``add_*_from``: seconds for 100k
documents. :func:`load_graph` also keeps a pickle next to the database,
valid while the store's generation is unchanged, so a fresh CLI process does
not rebuild.
"""

from __future__ import annotations

import gc
import json
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from graph.store import Store

__all__ = ["NODE_FIELDS", "build_graph", "load_graph"]

#: Node attributes, in NodeSummary order (``id`` is the node itself).
NODE_FIELDS: tuple[str, ...] = (
    "key", "type", "number", "symbol", "date", "year", "scope", "jurisdiction",
    "issuer", "subject", "name", "ingested", "resolved", "reason", "candidates",
)

CACHE_NAME = "graph.pickle"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic GC while millions of objects are created, then freeze them:
    the graph lives as long as the process, and later collections would scan
    it again and again (pauses of seconds on 100k documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def build_graph(store: Store) -> nx.DiGraph:
    """DiGraph of the store's current resolution (resolving first if stale)."""
    store.resolve()
    with _gc_paused():
        return _build(store)


def _build(store: Store) -> nx.DiGraph:
    g = nx.DiGraph(generation=store.resolved_generation, files=store.file_count(),
                   mentions=store.mention_counts())
    files: dict[str, list[tuple[int, str]]] = {}
    for file_id, path, node in store.conn.execute(
            "SELECT f.id, f.path, d.node_id FROM files f JOIN doc_nodes d ON d.file_id = f.id"
            " ORDER BY f.id"):
        files.setdefault(node, []).append((file_id, path))
    nodes = []
    for row in store.conn.execute("SELECT id, " + ", ".join(NODE_FIELDS) + " FROM nodes"):
        attrs = dict(zip(NODE_FIELDS, row[1:], strict=True))
        attrs["ingested"] = bool(attrs["ingested"])
        attrs["resolved"] = bool(attrs["resolved"])
        attrs["candidates"] = json.loads(attrs["candidates"])
        held = files.get(row[0], [])
        attrs["files"] = [p for _, p in held]
        attrs["file_id"] = held[0][0] if held else None
        nodes.append((row[0], attrs))
    g.add_nodes_from(nodes)
    g.add_edges_from(
        (s, t, {"relation": rel, "relations": json.loads(rels), "count": count,
                "spans": json.loads(spans), "stated_in": json.loads(stated)})
        for s, t, rel, rels, count, spans, stated in store.conn.execute(
            "SELECT source, target, relation, relations, count, spans, stated_in FROM edges")
    )
    return g


def load_graph(store: Store, *, cache: bool = True) -> nx.DiGraph:
    """The graph, from the pickle cache when it matches the store."""
    store.resolve()
    path = Path(store.dir) / CACHE_NAME
    if cache and path.exists():
        try:
            with path.open("rb") as fh, _gc_paused():
                g = pickle.load(fh)
            if g.graph.get("generation") == store.resolved_generation:
                return g
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
            pass
    g = build_graph(store)
    if cache:
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    return g
