"""Questions the app asks that :class:`graph.backend.GraphBackend` does not
answer yet: the list of unresolved references; documents by type and year;
most-cited over a year range; one node's summary; staff-confirmed
resolutions. A document's relation diagram and neighbourhood are in
:mod:`graph.diagram`. Word search is the backend's own ``search``
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
    "dead_citations",
    "documents_by_type_year",
    "graph_of",
    "lineage_rows",
    "node_summary",
    "top_in_years",
    "unresolved_references",
    "validity_counts",
]


def graph_of(backend: object) -> nx.DiGraph | None:
    """The backend's networkx graph when it keeps one (embedded), else None."""
    g = getattr(backend, "graph", None)
    return g if isinstance(g, nx.DiGraph) else None


def _citing_docs(g: nx.DiGraph, node_id: str) -> int:
    """Distinct documents citing ``node_id`` (stated-only relations excluded),
    the count ``top`` ranks by."""
    return sum(1 for _, _, c in g.in_edges(node_id, data="count") if c)


def node_summary(backend: GraphBackend, node_id: str) -> NodeSummary | None:
    """One node's summary, without its links (``show`` lists every citer of
    a law cited by thousands); None if unknown."""
    g = graph_of(backend)
    if g is not None:
        return summary(g, node_id) if node_id in g else None
    view = backend.show(node_id)
    return view["node"] if view is not None else None


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



# --- validity ------------------------------------------------------------------------


def dead_citations(backend: GraphBackend, *, sentences: int = 1000) -> list[dict[str, Any]]:
    """Documents resting on a document already no longer in force at their
    date, newest first (:func:`graph.validity.dead_citations`), the first
    ``sentences`` rows with the sentence that cites; any backend."""
    from graph.audit import sentence_at
    from graph.scan import all_edges, all_nodes
    from graph.validity import dead_citations as dead

    nodes = {n["id"]: n for n in all_nodes(backend)}
    rows = dead(nodes, all_edges(backend))
    texts: dict[str, str | None] = {}
    for i, row in enumerate(rows):
        spans = row.pop("spans")
        row["sentence"] = None
        if i < sentences and spans:
            if row["source"] not in texts:
                texts[row["source"]] = backend.document_text(row["source"])
            text = texts[row["source"]]
            if text is not None:
                row["sentence"] = sentence_at(text, spans[0]["start"], spans[0]["end"])
    return rows


def validity_counts(backend: GraphBackend) -> dict[str, dict[str, int]]:
    """Nodes per validity state, for ingested and cited-only documents
    apart: ``{"ingested": {state: n}, "cited": {state: n}}``."""
    from graph.scan import all_nodes
    from graph.validity import STATES

    out: dict[str, dict[str, int]] = {"ingested": dict.fromkeys(STATES, 0),
                                      "cited": dict.fromkeys(STATES, 0)}
    for n in all_nodes(backend):
        state = (n.get("validity") or {}).get("state") or "unknown"
        out["ingested" if n["ingested"] else "cited"][state] += 1
    return out
