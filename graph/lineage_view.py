"""The lineage the app draws: :meth:`GraphBackend.lineage` cut to what a
person can read, built without summarising what is cut.

A decree implemented by thousands has a lineage tree of tens of thousands
of documents; the app shows at most ``max_children`` under each document
and ``max_nodes`` in all, the strongest relation first, then the most
cited, then the newest, and says how many it left out at each place
(``hidden``). Each entry is a :class:`graph.backend.LineageTree` plus
``hidden`` (children not shown) and ``at_limit`` (children exist below the
depth asked for). Repeats (``seen``: shown elsewhere in the tree) and
loops (``cycle``: already on this path) are marked as in the full tree.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import Any

import networkx as nx

from graph.backend import (
    LINEAGE_RELATIONS,
    RELATION_STRENGTH,
    GraphBackend,
    LineageTree,
    attach_child,
)
from graph.queries import summary

__all__ = ["lineage_capped", "prune"]

def _relation(relations: list[str]) -> str | None:
    return next((r for r in relations if r in LINEAGE_RELATIONS), None)


def _newest_first(date: str | None) -> str:
    if not date:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def lineage_capped(backend: GraphBackend, node_id: str, *, direction: str = "up",
                   depth: int = 4, max_children: int = 8, max_nodes: int = 150,
                   ) -> LineageTree | None:
    """The lineage of ``node_id`` in ``direction`` (``up``: what it rests
    on; ``down``: what rests on it) to ``depth`` levels, breadth first, at
    most ``max_children`` per document and ``max_nodes`` in all. None if
    the node is unknown."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    g = getattr(backend, "graph", None)
    if not isinstance(g, nx.DiGraph):
        full = backend.lineage(node_id, direction=direction, depth=depth)  # type: ignore[arg-type]
        return prune(full, max_children=max_children, max_nodes=max_nodes)
    if node_id not in g:
        return None
    index = getattr(backend, "index", None)
    counts: dict[str, int] = index.cited_counts() if index is not None else {}
    nodes = g.nodes

    def steps(nid: str) -> list[tuple[str, str]]:
        edges = (((t, e) for _, t, e in g.out_edges(nid, data=True)) if direction == "up"
                 else ((s, e) for s, _, e in g.in_edges(nid, data=True)))
        out = [(o, r) for o, e in edges if (r := _relation(e["relations"]))]
        last = len(RELATION_STRENGTH)
        out.sort(key=lambda x: (RELATION_STRENGTH.get(x[1], last), -counts.get(x[0], 0),
                                _newest_first(nodes[x[0]].get("date")), x[0]))
        return out

    def entry(nid: str, relation: str | None, **flags: bool) -> dict[str, Any]:
        return {"node": summary(g, nid), "relation": relation, "children": [],
                "cycle": flags.get("cycle", False), "seen": flags.get("seen", False),
                "hidden": 0, "at_limit": False}

    root = entry(node_id, None)
    placed = {node_id}
    level: list[tuple[dict[str, Any], frozenset[str]]] = [(root, frozenset())]
    for step in range(max(depth, 0) + 1):
        following: list[tuple[dict[str, Any], frozenset[str]]] = []
        for parent, path in level:
            nid = parent["node"]["id"]
            found = steps(nid)
            if step == depth:  # below the depth asked for: only say there is more
                parent["hidden"] = len(found)
                parent["at_limit"] = bool(found)
                continue
            path = path | {nid}
            shown = 0
            for other, relation in found:
                if shown >= max_children or len(placed) >= max_nodes:
                    break
                shown += 1
                attach_child(parent, other, partial(entry, other, relation), path, placed,
                             following)
            parent["hidden"] = len(found) - shown
        level = following
        if not level:
            break
    return root  # type: ignore[return-value]


def prune(tree: LineageTree | None, *, max_children: int = 20,
          max_nodes: int = 150) -> LineageTree | None:
    """A copy of ``tree`` small enough to draw: at most ``max_children``
    children per node and ``max_nodes`` nodes in all, kept breadth first (so
    every level shows something). Each node gets ``hidden``: how many of its
    children were left out. For a tree already built in full (a backend
    without a graph)."""
    if tree is None:
        return None
    root: dict[str, Any] = {**tree, "children": [], "hidden": 0, "at_limit": False}
    queue: deque[tuple[LineageTree, dict[str, Any]]] = deque([(tree, root)])
    count = 1
    while queue:
        src, dst = queue.popleft()
        kids = src["children"]
        keep = []
        for c in kids[:max_children]:
            if count >= max_nodes:
                break
            new: dict[str, Any] = {**c, "children": [], "hidden": 0, "at_limit": False}
            keep.append(new)
            count += 1
            queue.append((c, new))
        dst["children"] = keep
        dst["hidden"] = len(kids) - len(keep)
    return root  # type: ignore[return-value]
