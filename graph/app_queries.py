"""Questions the app asks that :class:`graph.backend.GraphBackend` does not
answer yet: word search over number, type, issuer and subject; the list of
unresolved references; documents by type and year; most-cited over a year
range; a document's neighbourhood; staff-confirmed resolutions.

Everything that the Protocol can answer is asked through it (``top``,
``cites``, ``cited_by``, ``search_keys``). What needs every node at once
(word search, unresolved list, counts by year) reads the embedded backend's
networkx graph through :func:`graph_of`; with a backend that has none (Neo4j)
those functions return ``None`` and the app says the feature needs the
embedded store.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, TypedDict

import networkx as nx

from graph.backend import DocumentView, GraphBackend, LineageTree, NodeSummary, RankRow
from graph.confirmations import Confirmations  # re-exported: the app imports it from here
from graph.queries import summary
from parsers.normalize import fold

__all__ = [
    "Confirmations",
    "SearchHit",
    "SearchIndex",
    "UnresolvedRow",
    "documents_by_type_year",
    "graph_of",
    "lineage_rows",
    "neighbourhood",
    "search_documents",
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


# --- word search -----------------------------------------------------------------

#: Words a person adds that say nothing about which document ("số 58").
_FILLER = frozenset({"so", "ngay", "nam", "cua", "ve", "viec", "van", "ban"})
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")


def _tokens(text: str | None) -> list[str]:
    """Folded word and number tokens; numbers lose leading zeros ("09" → "9")."""
    if not text:
        return []
    out = []
    for t in _TOKEN.findall(fold(text)):
        out.append((t.lstrip("0") or "0") if t.isdigit() else t)
    return out


class SearchHit(TypedDict):
    node: NodeSummary
    cited_by: int
    #: "số ký hiệu" when every word matched the number, symbol or type;
    #: "nội dung" when some matched only the issuer or subject.
    matched: str


@dataclass(slots=True)
class SearchIndex:
    """One folded token string per node, split into identity (type, number,
    symbol) and text (issuer, subject), for a linear word scan: about 0.1 s
    over 300k nodes, no extra index to keep in sync."""

    ids: list[str]
    ident: list[str]
    text: list[str]
    generation: object = None

    @classmethod
    def build(cls, g: nx.DiGraph) -> SearchIndex:
        ids, ident, text = [], [], []
        for nid, a in g.nodes(data=True):
            ids.append(nid)
            ident.append(" " + " ".join(_tokens(a.get("type")) + _tokens(a.get("key"))) + " ")
            text.append(" " + " ".join(_tokens(a.get("issuer")) + _tokens(a.get("subject")))
                        + " ")
        return cls(ids, ident, text, g.graph.get("generation"))


def _needles(query: str) -> list[str]:
    """Search patterns: numbers match whole tokens, words match a token start."""
    toks = _tokens(query)
    if any(t.isdigit() for t in toks):
        toks = [t for t in toks if t not in _FILLER] or toks
    return [f" {t} " if t.isdigit() else f" {t}" for t in toks]


def search_documents(backend: GraphBackend, query: str, *, limit: int = 50,
                     index: SearchIndex | None = None) -> list[SearchHit]:
    """Documents for what a person typed, in any spelling: a number/symbol
    ("58-QD/TU", "58 qđ tu"), type and number ("chi thi 09"), or words of the
    issuer or subject; diacritics and case optional.

    Exact key matches from :meth:`GraphBackend.search_keys` come first, then
    documents where every word matched the type/number/symbol, then those
    where some word matched only the issuer or subject; within each, most
    cited first.
    """
    query = query.strip()
    if not query:
        return []
    hits: list[SearchHit] = []
    seen: set[str] = set()
    g = graph_of(backend)
    for n in backend.search_keys(query, limit=limit):
        seen.add(n["id"])
        hits.append({"node": n, "cited_by": _citing_docs(g, n["id"]) if g is not None else 0,
                     "matched": "số ký hiệu"})
    if g is None:
        return hits
    if index is None or index.generation != g.graph.get("generation"):
        index = SearchIndex.build(g)
    needles = _needles(query)
    if not needles:
        return hits[:limit]
    found: list[tuple[int, int, str]] = []
    for nid, ident, text in zip(index.ids, index.ident, index.text, strict=True):
        in_ident = [n in ident for n in needles]
        if all(in_ident):
            rank = 0
        elif all(i or n in text for i, n in zip(in_ident, needles, strict=True)):
            rank = 1
        else:
            continue
        if nid not in seen:
            found.append((rank, -_citing_docs(g, nid), nid))
    found.sort()
    for rank, neg, nid in found[: max(limit - len(hits), 0)]:
        hits.append({"node": summary(g, nid), "cited_by": -neg,
                     "matched": "số ký hiệu" if rank == 0 else "nội dung"})
    return hits


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

