"""Questions about the citation graph, as plain functions on a networkx DiGraph.

Every result is JSON-ready data in a deterministic order (see
:mod:`graph.backend` for the shapes), so the embedded and the Neo4j backend
can be compared with ``==``. :class:`GraphIndex` holds what makes ``top`` and
``search_keys`` fast on a large graph; pass one in when you query repeatedly.
"""

from __future__ import annotations

import bisect
import copy
from collections import Counter
from functools import lru_cache
from typing import Any

import networkx as nx

from graph.backend import (
    LINEAGE_RELATIONS,
    DocumentView,
    EdgeRecord,
    LineageTree,
    Link,
    NodeSummary,
    RankRow,
    SearchHit,
    Stats,
    lineage_tree,
)
from graph.identity import fold
from graph.validity import unknown
from parsers.models import RELATIONS

__all__ = [
    "GraphIndex",
    "cited_by",
    "cites",
    "edges",
    "lineage",
    "nodes",
    "precompute",
    "search",
    "search_keys",
    "show",
    "stats",
    "summary",
    "top",
]

_STRENGTH = {r: i for i, r in enumerate(RELATIONS)}
_SUMMARY_FIELDS = (
    "key", "type", "number", "symbol", "date", "year", "scope", "jurisdiction",
    "issuer", "subject", "name", "ingested", "resolved", "reason", "candidates",
)


@lru_cache(maxsize=1 << 16)
def _norm(text: str | None) -> str | None:
    """Folded, whitespace-collapsed: how filters compare type and issuer."""
    return " ".join(fold(text).split()) if text else None


def summary(g: nx.DiGraph, node_id: str) -> NodeSummary:
    """NodeSummary of one node (which must exist)."""
    a = g.nodes[node_id]
    out: dict[str, Any] = {"id": node_id}
    for f in _SUMMARY_FIELDS:
        v = a.get(f)
        out[f] = list(v) if f == "candidates" else v
    out["candidates"] = out["candidates"] or []
    out["ingested"] = bool(out["ingested"])
    out["resolved"] = bool(out["resolved"])
    out["validity"] = copy_validity(a.get("validity"))
    return out  # type: ignore[return-value]


def copy_validity(v: Any) -> Any:
    """A caller's own copy of a node's validity (the graph's stays intact);
    ``unknown`` when the graph carries none."""
    if not v:
        return unknown()
    return {**v, "by": [dict(x) for x in v["by"]], "pending": [dict(x) for x in v["pending"]],
            "current": dict(v["current"]) if v.get("current") else None}


def _link(g: nx.DiGraph, other: str, e: dict[str, Any]) -> Link:
    return {
        "node": summary(g, other),
        "relation": e["relation"],
        "relations": list(e["relations"]),
        "count": e["count"],
        "spans": [dict(s) for s in e["spans"]],
        "stated_in": list(e["stated_in"]),
    }


def _link_order(link: Link) -> tuple:
    n = link["node"]
    return (_STRENGTH.get(link["relation"], 99), n["key"] is None, n["key"] or "", n["id"])


def cites(g: nx.DiGraph, node_id: str) -> list[Link]:
    """Outgoing edges of ``node_id``: what it cites (and stated relations)."""
    if node_id not in g:
        return []
    return sorted((_link(g, t, e) for _, t, e in g.out_edges(node_id, data=True)),
                  key=_link_order)


def cited_by(g: nx.DiGraph, node_id: str) -> list[Link]:
    """Incoming edges of ``node_id``: who cites it."""
    if node_id not in g:
        return []
    return sorted((_link(g, s, e) for s, _, e in g.in_edges(node_id, data=True)),
                  key=_link_order)


def _citing_docs(g: nx.DiGraph, node_id: str) -> int:
    return sum(1 for _, _, c in g.in_edges(node_id, data="count") if c)


def show(g: nx.DiGraph, node_id: str) -> DocumentView | None:
    """Identity, files, cites and cited-by of one node."""
    if node_id not in g:
        return None
    return {
        "node": summary(g, node_id),
        "files": list(g.nodes[node_id].get("files") or []),
        "cites": cites(g, node_id),
        "cited_by": cited_by(g, node_id),
        "cited_by_count": _citing_docs(g, node_id),
    }


def _lineage_relation(e: dict[str, Any]) -> str | None:
    for r in e["relations"]:
        if r in LINEAGE_RELATIONS:
            return r
    return None


def lineage(g: nx.DiGraph, node_id: str, *, direction: str = "up",
            depth: int = 5) -> LineageTree | None:
    """Tree of based_on/implements/guides/amends edges from ``node_id``.

    ``up``: what the document rests on (its outgoing lineage edges), to the
    sources of authority; ``down``: what rests on it. ``depth`` counts edges.
    Built breadth first and each node is expanded once, at its shallowest
    place (ties: relation strength, key, id): a later occurrence has
    ``seen=True`` and no children, and one that closes a loop on its own path
    ``cycle=True``. So the tree never grows beyond the nodes it reaches (a
    decree cited by thousands stays linear, not exponential).
    """
    if node_id not in g:
        return None
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")

    def expand(ids: list[str]) -> dict[str, list[tuple[NodeSummary, str]]]:
        out: dict[str, list[tuple[NodeSummary, str]]] = {}
        for nid in ids:
            edges = (((t, e) for _, t, e in g.out_edges(nid, data=True)) if direction == "up"
                     else ((s, e) for s, _, e in g.in_edges(nid, data=True)))
            out[nid] = [(summary(g, other), r) for other, e in edges
                        if (r := _lineage_relation(e))]
        return out

    return lineage_tree(summary(g, node_id), expand, depth)


class GraphIndex:
    """Precomputed counts and key lookups for one graph (build once, reuse)."""

    def __init__(self, g: nx.DiGraph) -> None:
        self.g = g
        self._ranked: dict[tuple[str | None, int | None], list[tuple[str, int]]] = {}
        self._keys: list[tuple[str, str]] | None = None
        self._search: Any = None
        self._cited: dict[str, int] | None = None
        self.stats: Stats | None = None  # filled by :func:`stats` on first use
        pre = g.graph.get("precomputed") or {}
        if "ranked" in pre and "stats" in pre:  # kept in the graph's pickle (precompute)
            self._ranked[(None, None)] = pre["ranked"]
            self.stats = pre["stats"]

    def _count(self, k: tuple[str | None, int | None]) -> Counter[str]:
        """Distinct citing documents per cited node, counting only citing
        documents of type/year ``k`` (None: any); one pass over the edges,
        made when a filter is first asked for (the unfiltered count, which
        the first page needs, is the cheap one)."""
        want_type, want_year = k
        counts: Counter[str] = Counter()
        if want_type is None and want_year is None:
            counts.update(t for _, t, c in self.g.edges(data="count") if c)
            return counts
        nodes = self.g.nodes
        for s, t, c in self.g.edges(data="count"):
            if not c:
                continue  # a relation stated by a third document is not a citation
            a = nodes[s]
            if want_year is not None and a.get("year") != want_year:
                continue
            if want_type is not None and _norm(a.get("type")) != want_type:
                continue
            counts[t] += 1
        return counts

    def ranked(self, cited_by_type: str | None, cited_by_year: int | None
               ) -> list[tuple[str, int]]:
        """(node, distinct citing documents) most cited first, ties by id."""
        k = (_norm(cited_by_type), cited_by_year)
        if k not in self._ranked:
            counter = self._count(k)
            self._ranked[k] = sorted(counter.items(), key=lambda x: (-x[1], x[0]))
        return self._ranked[k]

    def cited_counts(self) -> dict[str, int]:
        """Distinct citing documents per cited node (absent: 0), built once."""
        if self._cited is None:
            self._cited = dict(self.ranked(None, None))
        return self._cited

    def search_index(self) -> Any:
        """:class:`graph.search.SearchIndex` of this graph, built on first use."""
        if self._search is None:
            from graph.search import SearchIndex

            self._search = SearchIndex.build(self.g.nodes(data=True),
                                             self.cited_counts(),
                                             self.g.graph.get("generation"))
        return self._search

    def keys(self) -> list[tuple[str, str]]:
        """(folded key, node id), sorted: prefix search by bisect."""
        if self._keys is None:
            self._keys = sorted((fold(k), n) for n, k in self.g.nodes(data="key") if k)
        return self._keys


def top(g: nx.DiGraph, *, type: str | None = None, cited_by_type: str | None = None,
        year: int | None = None, cited_by_year: int | None = None,
        issuer: str | None = None, limit: int = 20,
        index: GraphIndex | None = None) -> list[RankRow]:
    """Nodes ranked by how many distinct documents cite them.

    ``type``, ``year``, ``issuer`` filter the ranked node (type exact and
    issuer a substring, both ignoring case and diacritics; year the document's
    year); ``cited_by_type``/``cited_by_year`` count only citing documents of
    that type/year.
    """
    if limit <= 0:
        return []
    index = index or GraphIndex(g)
    want_type, want_issuer = _norm(type), _norm(issuer)
    rows: list[RankRow] = []
    for nid, n in index.ranked(cited_by_type, cited_by_year):
        a = g.nodes[nid]
        if want_type and _norm(a.get("type")) != want_type:
            continue
        if year is not None and a.get("year") != year:
            continue
        if want_issuer and want_issuer not in (_norm(a.get("issuer")) or "") \
                and want_issuer not in (_norm(a.get("symbol")) or ""):
            continue
        rows.append({"rank": len(rows) + 1, "node": summary(g, nid), "cited_by": n})
        if len(rows) >= limit:
            break
    return rows


def precompute(g: nx.DiGraph) -> None:
    """Keep in ``g.graph`` what a first page asks of a new process (the
    counts of :func:`stats`, the unfiltered ranking): the graph's pickle
    then carries them and a :class:`GraphIndex` of the loaded graph answers
    at once instead of counting 400k edges again (about a second on 100k
    documents)."""
    g.graph.pop("precomputed", None)
    fresh = GraphIndex(g)
    g.graph["precomputed"] = {"ranked": fresh.ranked(None, None), "stats": stats(g)}


def search_keys(g: nx.DiGraph, query: str, *, limit: int = 20,
                index: GraphIndex | None = None) -> list[NodeSummary]:
    """Nodes for what a person typed: a node id, else an exact key (after
    :func:`parsers.normalize.canonical_key`), else keys starting with it
    (ignoring diacritics and case). Most cited first, then by id."""
    from parsers.normalize import canonical_key

    query = query.strip()
    if limit <= 0:
        return []
    if query in g:
        return [summary(g, query)]
    index = index or GraphIndex(g)
    keys = index.keys()
    canon = canonical_key(query)
    hits: list[str] = []
    if canon:
        f = fold(canon)
        i = bisect.bisect_left(keys, (f, ""))
        while i < len(keys) and keys[i][0] == f:
            hits.append(keys[i][1])
            i += 1
    if not hits:
        f = fold(query)
        i = bisect.bisect_left(keys, (f, ""))
        while i < len(keys) and keys[i][0].startswith(f) and len(hits) < 10 * limit:
            hits.append(keys[i][1])
            i += 1
    hits.sort(key=lambda n: (-_citing_docs(g, n), n))
    return [summary(g, n) for n in hits[:limit]]


def search(g: nx.DiGraph, query: str, *, limit: int = 20,
           index: GraphIndex | None = None) -> list[SearchHit]:
    """Documents for what a person typed (:mod:`graph.search`)."""
    from graph.search import rank

    index = index or GraphIndex(g)
    return rank(index.search_index(), query, lambda n: summary(g, n), limit=limit)


def nodes(g: nx.DiGraph) -> list[NodeSummary]:
    """Every node's summary, ordered by id."""
    return [summary(g, n) for n in sorted(g.nodes)]


def edges(g: nx.DiGraph) -> list[EdgeRecord]:
    """Every edge, ordered by (source, target)."""
    return [{"source": s, "target": t, "relation": e["relation"],
             "relations": list(e["relations"]), "count": e["count"],
             "spans": [dict(x) for x in e["spans"]], "stated_in": list(e["stated_in"])}
            for s, t, e in sorted(g.edges(data=True), key=lambda x: (x[0], x[1]))]


def stats(g: nx.DiGraph, *, index: GraphIndex | None = None) -> Stats:
    """Counts over the graph; mention counts come from the build
    (``g.graph["mentions"]``: status → mentions). Cached on ``index``."""
    if index is not None:
        if index.stats is None:
            index.stats = stats(g)
        return copy.deepcopy(index.stats)
    m: dict[str, int] = dict(g.graph.get("mentions") or {})
    by_type: Counter[str] = Counter()
    by_rel: Counter[str] = Counter()
    documents = cited_only = unresolved_nodes = 0
    for _, a in g.nodes(data=True):
        by_type[a.get("type") or "(unknown)"] += 1
        if a.get("ingested"):
            documents += 1
        else:
            cited_only += 1
        if not a.get("resolved"):
            unresolved_nodes += 1
    for _, _, r in g.edges(data="relation"):
        by_rel[r] += 1
    return {
        "documents": documents,
        "files": int(g.graph.get("files") or 0),
        "nodes": g.number_of_nodes(),
        "cited_only": cited_only,
        "references": sum(m.values()),
        "resolved": m.get("resolved", 0) + m.get("inferred", 0),
        "unresolved": m.get("unresolved", 0),
        "ambiguous": m.get("ambiguous", 0),
        "self_citations": m.get("self", 0),
        "edges": g.number_of_edges(),
        "unresolved_nodes": unresolved_nodes,
        "by_type": dict(sorted(by_type.items())),
        "by_relation": dict(sorted(by_rel.items(), key=lambda x: _STRENGTH.get(x[0], 99))),
    }
