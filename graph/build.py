"""Build the in-memory networkx graph from the store's resolution.

Nodes carry the :class:`graph.backend.NodeSummary` fields plus ``files``
(paths of the files that hold the document), ``file_id`` (the first, whose
text ``show`` serves), ``effective``/``expires`` (its own dates) and ``draft``;
edges carry
``relation`` (strongest), ``relations``, ``count`` (mentions), ``spans``,
``stated_in`` and ``partial`` (acts on parts only). ``validity``
(:mod:`graph.validity`) is set on every node for the day the graph is
built or loaded.

Built with two sequential scans and ``add_*_from``: seconds for 100k
documents, all inside one snapshot of the store, so the graph is exactly the
last committed resolution even while an ingest writes. :func:`load_graph`
also keeps a pickle next to the database, valid for that resolution's
generation, so a fresh CLI process does not rebuild. Several processes may
build it at once: each writes its own temporary file and renames it into
place (atomic), so a reader sees the old pickle or the new one, never a
partial one.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import pickle
import threading
import time
from pathlib import Path

import networkx as nx

from graph import validity
from graph.gcpause import gc_paused
from graph.store import Store

__all__ = ["NODE_FIELDS", "STORED_FIELDS", "build_graph", "load_graph", "refresh"]

#: Node attributes read from the store's ``nodes`` table, in NodeSummary order
#: (``id`` is the node itself).
STORED_FIELDS: tuple[str, ...] = (
    "key", "type", "number", "symbol", "date", "year", "scope", "jurisdiction",
    "issuer", "subject", "name", "ingested", "resolved", "reason", "candidates",
)
#: Every NodeSummary field but ``id``: the stored ones, then ``validity``
#: (computed when the graph is built, :mod:`graph.validity`).
NODE_FIELDS: tuple[str, ...] = (*STORED_FIELDS, "validity")

CACHE_NAME = "graph.pickle"


def build_graph(store: Store, *, today: _dt.date | None = None) -> nx.DiGraph:
    """DiGraph of the store's last committed resolution (read from one
    snapshot; resolving is a writer's job, see :meth:`Store.resolve`), with
    every node's validity as of ``today`` (default: today)."""
    # no collections while millions of objects are created; then frozen: the
    # graph lives as long as the process (pauses of seconds on 100k documents)
    with store.snapshot(), gc_paused(freeze=True):
        g = _build(store)
        validity.annotate(g, today)
        return g


def _build(store: Store) -> nx.DiGraph:
    files_resolved = store.conn.execute("SELECT count(*) FROM doc_nodes").fetchone()[0]
    g = nx.DiGraph(generation=store.resolved_generation, files=int(files_resolved),
                   mentions=store.mention_counts())
    files: dict[str, list[tuple[int, str]]] = {}
    for file_id, path, node in store.conn.execute(
            "SELECT f.id, f.path, d.node_id FROM files f JOIN doc_nodes d ON d.file_id = f.id"
            " ORDER BY f.id"):
        files.setdefault(node, []).append((file_id, path))
    nodes = []
    for row in store.conn.execute("SELECT id, " + ", ".join(STORED_FIELDS)
                                  + ", effective, expires, draft FROM nodes"):
        attrs = dict(zip((*STORED_FIELDS, "effective", "expires", "draft"), row[1:],
                         strict=True))
        attrs["draft"] = bool(attrs["draft"])
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
                "spans": json.loads(spans), "stated_in": json.loads(stated),
                "partial": json.loads(partial)})
        for s, t, rel, rels, count, spans, stated, partial in store.conn.execute(
            "SELECT source, target, relation, relations, count, spans, stated_in, partial"
            " FROM edges")
    )
    return g


def load_graph(store: Store, *, cache: bool = True,
               today: _dt.date | None = None) -> nx.DiGraph:
    """The graph of the last committed resolution, from the pickle cache when
    it holds that generation (else built, and the cache rewritten); validity
    as of ``today`` (a cache of another day is annotated again)."""
    path = Path(store.dir) / CACHE_NAME
    with store.snapshot():
        generation = store.resolved_generation
        if cache and path.exists():
            try:
                with path.open("rb") as fh, gc_paused(freeze=True):
                    g = pickle.load(fh)
                if g.graph.get("generation") == generation:
                    refresh(g, today)
                    return g
            except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
                pass
        g = build_graph(store, today=today)
    if cache and store.resolved_generation == generation:  # not already outdated
        from graph.queries import precompute

        precompute(g)  # what a new process's first question needs, in the pickle
        _write_cache(g, path)
    return g


def refresh(g: nx.DiGraph, today: _dt.date | None = None) -> bool:
    """Annotate ``g`` again if its validity is of another day than
    ``today`` (or of other rules, :data:`graph.validity.RULES`); True if it
    did."""
    day = (today or _dt.date.today()).isoformat()
    if g.graph.get("validity_day") == day and g.graph.get("validity_rules") == validity.RULES:
        return False
    validity.annotate(g, _dt.date.fromisoformat(day))
    return True


def _write_cache(g: nx.DiGraph, path: Path) -> None:
    """Pickle ``g`` to a file of this process and thread, then rename it over
    ``path``; a store folder we cannot write to just goes without a cache."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with tmp.open("wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        _remove(tmp)
        return
    # temporary files left by processes killed while writing
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if time.time() - old.stat().st_mtime > 3600:
                old.unlink()
        except OSError:
            pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
