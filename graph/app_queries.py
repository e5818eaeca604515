"""Questions the app asks that :class:`graph.backend.GraphBackend` does not
answer yet: the list of unresolved references; documents by type and year;
most-cited over a year range; a document's neighbourhood; staff-confirmed
resolutions. Word search is the backend's own ``search``
(:func:`graph.scan.search`).

Everything that the Protocol can answer is asked through it (``top``,
``cites``, ``cited_by``, ``search``). What needs every node at once
(unresolved list, counts by year) reads the embedded backend's networkx graph
through :func:`graph_of`; with a backend that has none (Neo4j) those
functions return ``None`` and the app says the feature needs the embedded
store.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypedDict

import networkx as nx

from graph.backend import (
    DocumentView,
    GraphBackend,
    LineageTree,
    NodeSummary,
    RankRow,
    SearchHit,  # re-exported: the app's pages type their hits with it
)
from graph.confirmations import Confirmations  # re-exported: the app imports it from here
from graph.queries import summary

__all__ = [
    "Confirmations",
    "SearchHit",
    "UnresolvedRow",
    "documents_by_type_year",
    "graph_of",
    "lineage_rows",
    "neighbourhood",
    "top_in_years",
    "unresolved_references",
]


def graph_of(backend: object) -> nx.DiGraph | None:
    """The backend's networkx graph when it keeps one (embedded), else None."""
    g = getattr(backend, "graph", None)
    return g if isinstance(g, nx.DiGraph) else None


def _citing_docs(g: nx.DiGraph, node_id: str) -> int:
    """Distinct documents citing ``node_id`` (stated-only relations excluded),
    the count ``top`` ranks by."""
    return sum(1 for _, _, c in g.in_edges(node_id, data="count") if c)


# --- overview ----------------------------------------------------------------------


def documents_by_type_year(backend: GraphBackend) -> list[dict[str, Any]] | None:
    """Ingested documents counted by (type, year): rows ``{"type", "year",
    "documents"}`` sorted by year then type; None without a graph."""
    g = graph_of(backend)
    if g is None:
        return None
    c: Counter[tuple[str, int | None]] = Counter(
        (a.get("type") or "(không rõ loại)", a.get("year"))
        for _, a in g.nodes(data=True) if a.get("ingested"))
    return [{"type": t, "year": y, "documents": n}
            for (t, y), n in sorted(c.items(), key=lambda x: (x[0][1] or 0, x[0][0]))]


def top_in_years(backend: GraphBackend, *, years: tuple[int, int] | None = None,
                 type: str | None = None, cited_by_type: str | None = None,
                 issuer: str | None = None, limit: int = 20) -> list[RankRow]:
    """:meth:`GraphBackend.top` over a range of years of the ranked document.

    One ``top`` call per year, merged: the overall top ``limit`` is always
    inside the union of each year's top ``limit``, so the result is exact.
    Ties are ordered by node id, as ``top`` does.
    """
    if years is None:
        return backend.top(type=type, cited_by_type=cited_by_type, issuer=issuer, limit=limit)
    rows: list[RankRow] = []
    for y in range(years[0], years[1] + 1):
        rows += backend.top(type=type, cited_by_type=cited_by_type, issuer=issuer, year=y,
                            limit=limit)
    rows.sort(key=lambda r: (-r["cited_by"], r["node"]["id"]))
    return [{**r, "rank": i} for i, r in enumerate(rows[:limit], start=1)]


# --- unresolved ---------------------------------------------------------------------


class UnresolvedRow(TypedDict):
    node: NodeSummary
    #: Distinct documents that cite it.
    cited_by: int
    #: Ids of (up to 20) citing documents, most recent first.
    citing: list[str]
    #: NodeSummary of each candidate, for an ambiguous reference.
    candidates: list[NodeSummary]


def unresolved_references(backend: GraphBackend) -> list[UnresolvedRow] | None:
    """Every node whose identity could not be fully placed (no year, unknown
    province, several candidates), most cited first; None without a graph."""
    g = graph_of(backend)
    if g is None:
        return None
    rows: list[UnresolvedRow] = []
    for nid, a in g.nodes(data=True):
        if a.get("resolved"):
            continue
        citing = sorted((s for s, _, c in g.in_edges(nid, data="count") if c),
                        key=lambda s: (g.nodes[s].get("date") or "", s), reverse=True)
        rows.append({
            "node": summary(g, nid), "cited_by": len(citing), "citing": citing[:20],
            "candidates": [summary(g, c) for c in a.get("candidates") or () if c in g],
        })
    rows.sort(key=lambda r: (-r["cited_by"], r["node"]["key"] or "", r["node"]["id"]))
    return rows


# --- neighbourhood and lineage ------------------------------------------------------


def neighbourhood(backend: GraphBackend, node_id: str, *, depth: int = 1,
                  max_nodes: int = 120, view: DocumentView | None = None,
                  ) -> tuple[list[NodeSummary], list[dict[str, Any]], bool]:
    """Nodes and edges within ``depth`` citation steps of ``node_id`` (both
    directions), breadth first through :meth:`GraphBackend.cites` /
    :meth:`~GraphBackend.cited_by`; stops adding nodes at ``max_nodes`` so a
    directive cited by thousands stays drawable. Returns (nodes, edges
    ``{"source", "target", "relation", "count"}``, truncated). ``view``:
    ``show(node_id)`` when the caller already has it (saves a query)."""
    nodes: dict[str, NodeSummary] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    if view is None:
        view = backend.show(node_id)
    if view is None:
        return [], [], False
    nodes[node_id] = view["node"]
    frontier = [node_id]
    truncated = False
    for _ in range(max(depth, 1)):
        nxt: list[str] = []
        for nid in frontier:
            if truncated:
                break  # full: the rest of the frontier would only add edges
            if nid == node_id:  # already fetched by show()
                both = (("out", view["cites"]), ("in", view["cited_by"]))
            else:
                both = (("out", backend.cites(nid)), ("in", backend.cited_by(nid)))
            for direction, links in both:
                for link in links:
                    other = link["node"]["id"]
                    if other not in nodes:
                        if len(nodes) >= max_nodes:
                            truncated = True
                            continue
                        nodes[other] = link["node"]
                        nxt.append(other)
                    s, t = (nid, other) if direction == "out" else (other, nid)
                    edges[(s, t)] = {"source": s, "target": t, "relation": link["relation"],
                                     "count": link["count"]}
        frontier = nxt
    return list(nodes.values()), list(edges.values()), truncated


def lineage_rows(up: LineageTree | None, down: LineageTree | None) -> list[dict[str, Any]]:
    """Both lineage trees as flat rows for a CSV: ``level`` is negative above
    the chosen document (what it rests on), 0 for it, positive below."""
    rows: list[dict[str, Any]] = []

    def walk(t: LineageTree, level: int, sign: int, parent: str | None) -> None:
        n = t["node"]
        if level:
            rows.append({"level": sign * level, "relation": t["relation"], "parent": parent,
                         "id": n["id"], "key": n["key"], "type": n["type"], "date": n["date"],
                         "issuer": n["issuer"], "subject": n["subject"],
                         "cycle": t["cycle"]})
        for c in t["children"]:
            walk(c, level + 1, sign, n["id"])

    root = (up or down)
    if root is None:
        return []
    n = root["node"]
    rows.append({"level": 0, "relation": None, "parent": None, "id": n["id"], "key": n["key"],
                 "type": n["type"], "date": n["date"], "issuer": n["issuer"],
                 "subject": n["subject"], "cycle": False})
    if up is not None:
        walk(up, 0, -1, None)
    if down is not None:
        walk(down, 0, 1, None)
    return rows

