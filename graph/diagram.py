"""A document's relations grouped the way the national portals draw them
(the *lược đồ*): what it rests on or acts on (căn cứ, thực hiện, hướng
dẫn, sửa đổi/bổ sung, thay thế, bãi bỏ, dẫn chiếu khác) and the same
groups turned round (được căn cứ bởi …, bị bãi bỏ bởi …, được dẫn chiếu
bởi), each with its count and the first page of its documents.

A law may be cited by thousands: the groups are counted and sorted on the
graph's own attributes and only the documents shown are summarised
(:func:`relation_diagram` and :func:`relation_page` page in the query, not
in the app). A backend without a networkx graph (Neo4j) is answered from
``show`` with the same shapes, paged in Python.

Also the neighbourhood the app draws: at most a readable number of
documents, chosen by relation and by how often they are cited
(:func:`neighbourhood`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict

import networkx as nx

from graph.backend import GraphBackend, Link, NodeSummary
from graph.queries import summary
from graph.validity import can_act
from parsers.models import RELATIONS

__all__ = [
    "GROUP_RELATIONS",
    "Diagram",
    "DiagramGroup",
    "DiagramItem",
    "group_members",
    "neighbourhood",
    "relation_diagram",
    "relation_page",
]

Direction = Literal["out", "in"]
Order = Literal["date", "cited"]

#: The portal's groups, in its order; each appears once per direction.
GROUP_RELATIONS: tuple[str, ...] = (
    "based_on", "implements", "guides", "amends", "replaces", "repeals", "cites",
)

_STRENGTH = {r: i for i, r in enumerate(RELATIONS)}


class DiagramItem(TypedDict):
    #: The document at the other end of the edge.
    node: NodeSummary
    #: Mentions of the cited document in the citing one; 0 when the relation
    #: is only stated in a third document.
    count: int
    #: Distinct documents citing ``node`` (what "most cited" sorts by).
    cited_by: int
    #: Documents that state this relation between two others ([] if direct).
    stated_in: list[str]
    #: Effects the text states but that do not count: the acting document
    #: cannot amend, replace or repeal this one (a consolidated text, a
    #: letter, a lower force: :func:`graph.validity.can_act`); it is listed
    #: by its other relations, or as a mention.
    not_counted: list[str]


class DiagramGroup(TypedDict):
    direction: Direction
    relation: str
    #: Documents in the group (all of them, not only the page).
    total: int
    items: list[DiagramItem]


class Diagram(TypedDict):
    node: NodeSummary
    files: list[str]
    #: Distinct documents citing it / it cites (stated relations excluded).
    cited_by_count: int
    cites_count: int
    #: The seven outgoing groups, then the seven incoming ones, empty ones too.
    groups: list[DiagramGroup]


#: Relations that change the cited document (validity's acts).
EFFECTS = frozenset({"amends", "replaces", "repeals"})


def group_members(relations: Sequence[str]) -> list[str]:
    """The groups an edge with these relations belongs to: every relation it
    states, and "dẫn chiếu khác" (``cites``) only when it states nothing
    more (a document that rests on a law and cites it is not listed twice)."""
    stated = [r for r in GROUP_RELATIONS if r != "cites" and r in relations]
    return stated or ["cites"]


def _counted(relations: Sequence[str], source: Mapping[str, Any], target: Mapping[str, Any]
             ) -> tuple[list[str], list[str]]:
    """(relations that count, effects that do not): a consolidated text that
    restates "sửa đổi, bổ sung", or a letter "repealing" a decree, does not
    change it (:func:`graph.validity.can_act`), as the status does not
    count it either."""
    effects = [r for r in relations if r in EFFECTS]
    if not effects or can_act(source, target):
        return list(relations), []
    return [r for r in relations if r not in EFFECTS], effects


def _graph(backend: object) -> nx.DiGraph | None:
    g = getattr(backend, "graph", None)
    return g if isinstance(g, nx.DiGraph) else None


def _cited_counts(backend: object, g: nx.DiGraph) -> dict[str, int]:
    """Distinct citing documents per node, from the backend's index when it
    keeps one (built once per graph)."""
    index = getattr(backend, "index", None)
    counts = getattr(index, "cited_counts", None)
    if callable(counts):
        return counts()
    return {n: sum(1 for _, _, c in g.in_edges(n, data="count") if c) for n in g}


# --- one group's members, sorted, without summarising them --------------------------

#: (other node, count, stated_in, date, cited_by, effects not counted) of
#: one edge in one group.
_Row = tuple[str, int, list[str], str, int, list[str]]


def _sort(rows: list[_Row], order: Order) -> list[_Row]:
    """Newest first (undated last), or most cited first then newest; ties by id."""
    if order == "cited":
        rows.sort(key=lambda r: r[0])
        rows.sort(key=lambda r: r[3], reverse=True)
        rows.sort(key=lambda r: r[4], reverse=True)
    else:
        rows.sort(key=lambda r: r[0])
        rows.sort(key=lambda r: r[3], reverse=True)
    return rows


def _graph_groups(g: nx.DiGraph, node_id: str, counts: dict[str, int]
                  ) -> dict[tuple[Direction, str], list[_Row]]:
    groups: dict[tuple[Direction, str], list[_Row]] = {}
    nodes = g.nodes
    for direction, edges in (("out", g.out_edges(node_id, data=True)),
                             ("in", g.in_edges(node_id, data=True))):
        for s, t, e in edges:
            other = t if direction == "out" else s
            relations, dropped = _counted(e["relations"], nodes[s], nodes[t])
            row = (other, e["count"], e["stated_in"], nodes[other].get("date") or "",
                   counts.get(other, 0), dropped)
            for rel in group_members(relations):
                groups.setdefault((direction, rel), []).append(row)  # type: ignore[index]
    return groups


def _item(g: nx.DiGraph, row: _Row) -> DiagramItem:
    return {"node": summary(g, row[0]), "count": row[1], "cited_by": row[4],
            "stated_in": list(row[2]), "not_counted": list(row[5])}


def _link_item(node: NodeSummary, row: _Row) -> DiagramItem:
    return {"node": node, "count": row[1], "cited_by": row[4], "stated_in": list(row[2]),
            "not_counted": list(row[5])}


def _link_groups(me: NodeSummary, cites: Iterable[Link], cited_by: Iterable[Link]
                 ) -> dict[tuple[Direction, str], list[tuple[_Row, NodeSummary]]]:
    """The same groups from a backend's Links (no graph at hand)."""
    groups: dict[tuple[Direction, str], list[tuple[_Row, NodeSummary]]] = {}
    for direction, links in (("out", cites), ("in", cited_by)):
        for lk in links:
            n = lk["node"]
            source, target = (me, n) if direction == "out" else (n, me)
            relations, dropped = _counted(lk["relations"], source, target)
            row = (n["id"], lk["count"], lk["stated_in"], n["date"] or "", 0, dropped)
            for rel in group_members(relations):
                groups.setdefault((direction, rel), []).append(  # type: ignore[index]
                    (row, n))
    return groups


def _cited_by_count(g: nx.DiGraph, node_id: str) -> int:
    return sum(1 for _, _, c in g.in_edges(node_id, data="count") if c)


def relation_diagram(backend: GraphBackend, node_id: str, *, per_group: int = 8,
                     order: Order = "date") -> Diagram | None:
    """The document's diagram: its summary and files, and the fourteen
    groups (seven outgoing, seven incoming, in the portal's order), each
    with its total and its first ``per_group`` documents in ``order``
    (``date``: newest first; ``cited``: most cited first). None if unknown."""
    g = _graph(backend)
    if g is not None:
        if node_id not in g:
            return None
        counts = _cited_counts(backend, g)
        rows = _graph_groups(g, node_id, counts)
        groups: list[DiagramGroup] = []
        for direction in ("out", "in"):
            for rel in GROUP_RELATIONS:
                members = _sort(rows.get((direction, rel), []), order)  # type: ignore[arg-type]
                groups.append({"direction": direction, "relation": rel,  # type: ignore[typeddict-item]
                               "total": len(members),
                               "items": [_item(g, r) for r in members[:per_group]]})
        return {"node": summary(g, node_id), "files": list(g.nodes[node_id].get("files") or []),
                "cited_by_count": _cited_by_count(g, node_id),
                "cites_count": sum(1 for _, _, c in g.out_edges(node_id, data="count") if c),
                "groups": groups}
    view = backend.show(node_id)
    if view is None:
        return None
    by_group = _link_groups(view["node"], view["cites"], view["cited_by"])
    groups = []
    for direction in ("out", "in"):
        for rel in GROUP_RELATIONS:
            pairs = by_group.get((direction, rel), [])  # type: ignore[arg-type]
            nodes = {r[0]: n for r, n in pairs}
            members = _sort([r for r, _ in pairs], order)
            groups.append({"direction": direction, "relation": rel,  # type: ignore[typeddict-item]
                           "total": len(members),
                           "items": [_link_item(nodes[r[0]], r) for r in members[:per_group]]})
    return {"node": view["node"], "files": view["files"],
            "cited_by_count": view["cited_by_count"],
            "cites_count": sum(1 for lk in view["cites"] if lk["count"]), "groups": groups}


def relation_page(backend: GraphBackend, node_id: str, direction: Direction, relation: str,
                  *, offset: int = 0, limit: int = 50, order: Order = "date"
                  ) -> tuple[list[DiagramItem], int]:
    """One group's documents ``offset`` … ``offset + limit`` in ``order``,
    and the group's total: the "xem thêm" of a group of thousands."""
    if direction not in ("out", "in") or relation not in GROUP_RELATIONS:
        raise ValueError(f"no group {direction}/{relation}")
    g = _graph(backend)
    if g is not None:
        if node_id not in g:
            return [], 0
        rows = _graph_groups(g, node_id, _cited_counts(backend, g)).get(
            (direction, relation), [])
        members = _sort(rows, order)
        return [_item(g, r) for r in members[offset:offset + limit]], len(members)
    view = backend.show(node_id)
    if view is None:
        return [], 0
    pairs = _link_groups(view["node"], view["cites"], view["cited_by"]).get(
        (direction, relation), [])
    nodes = {r[0]: n for r, n in pairs}
    members = _sort([r for r, _ in pairs], order)
    return [_link_item(nodes[r[0]], r) for r in members[offset:offset + limit]], len(members)


# --- the neighbourhood drawn as a graph ---------------------------------------------


def _strength(relations: Sequence[str]) -> int:
    return min((_STRENGTH.get(r, len(_STRENGTH)) for r in relations), default=len(_STRENGTH))


def neighbourhood(backend: GraphBackend, node_id: str, *, depth: int = 1,
                  max_nodes: int = 40) -> tuple[list[NodeSummary], list[dict[str, Any]], int]:
    """At most ``max_nodes`` documents around ``node_id`` within ``depth``
    steps (both directions), chosen so the picture stays readable: at each
    step the neighbours with the strongest relation first (căn cứ, thực
    hiện, sửa đổi, thay thế, bãi bỏ, hướng dẫn before a mere mention), what
    the document rests on before what rests on it, then the most cited,
    then the newest; a ring other than the last takes at
    most three fifths of the places left, so the next ring shows too. Returns (nodes, edges
    among them ``{"source", "target", "relation", "count"}``, how many
    neighbours within ``depth`` were left out)."""
    g = _graph(backend)
    if g is None:
        return _neighbourhood_links(backend, node_id, depth=depth, max_nodes=max_nodes)
    if node_id not in g:
        return [], [], 0
    counts = _cited_counts(backend, g)
    nodes = g.nodes

    def neighbours(nid: str) -> list[tuple[tuple, str]]:
        out = [(t, e, 0) for _, t, e in g.out_edges(nid, data=True)]
        out += [(s, e, 1) for s, _, e in g.in_edges(nid, data=True)]
        return [((_strength(e["relations"]), side, -counts.get(o, 0),
                  _neg_date(nodes[o].get("date")), o), o) for o, e, side in out]

    chosen = _choose(node_id, neighbours, depth, max_nodes)
    keep = set(chosen[0])
    edges = [{"source": s, "target": t, "relation": e["relation"], "count": e["count"]}
             for s, t, e in g.subgraph(keep).edges(data=True)]
    edges.sort(key=lambda e: (e["source"], e["target"]))
    return [summary(g, n) for n in chosen[0]], edges, chosen[1]


def _neg_date(date: str | None) -> str:
    """A sort key putting newer ISO dates first in an ascending sort."""
    if not date:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)


def _choose(root: str, neighbours: Callable[[str], list[tuple[tuple, str]]], depth: int,
            max_nodes: int) -> tuple[list[str], int]:
    """Breadth first from ``root``; each ring gets what the budget allows,
    split over its parents in turn (so one prolific parent does not take it
    all), best-ranked neighbours first; places a ring cannot fill go to the
    best of those left out, nearest ring first. Returns (ids in order, how
    many candidates were left out)."""
    chosen = [root]
    seen = {root}
    frontier = [root]
    offered: dict[str, None] = {}  # every candidate met, nearest ring and best first
    depth = max(depth, 1)
    for ring in range(1, depth + 1):
        remaining = max_nodes - len(chosen)
        # the last ring takes what is left; an earlier one three fifths of it
        budget = remaining if ring == depth else -(-remaining * 3 // 5)
        ranked = []
        for nid in frontier:
            best: dict[str, tuple] = {}
            for k, o in neighbours(nid):
                if o not in seen and (o not in best or k < best[o]):
                    best[o] = k
            cands = [o for o, _ in sorted(best.items(), key=lambda x: x[1])]
            ranked.append(cands)
            offered.update(dict.fromkeys(cands))
        nxt: list[str] = []
        # round robin over the parents, each offering its best remaining one
        pos = [0] * len(ranked)
        progress = True
        while budget > 0 and progress:
            progress = False
            for i, cands in enumerate(ranked):
                while pos[i] < len(cands) and cands[pos[i]] in seen:
                    pos[i] += 1
                if pos[i] < len(cands) and budget > 0:
                    o = cands[pos[i]]
                    seen.add(o)
                    nxt.append(o)
                    budget -= 1
                    pos[i] += 1
                    progress = True
        chosen += nxt
        frontier = nxt
        if not frontier:
            break
    for o in offered:
        if len(chosen) >= max_nodes:
            break
        if o not in seen:
            seen.add(o)
            chosen.append(o)
    return chosen, sum(1 for o in offered if o not in seen)


def _neighbourhood_links(backend: GraphBackend, node_id: str, *, depth: int, max_nodes: int
                         ) -> tuple[list[NodeSummary], list[dict[str, Any]], int]:
    """:func:`neighbourhood` through ``cites``/``cited_by`` (no graph at hand)."""
    view = backend.show(node_id)
    if view is None:
        return [], [], 0
    by_id: dict[str, NodeSummary] = {node_id: view["node"]}
    links: dict[str, list[tuple[str, Link]]] = {}

    def fetch(nid: str) -> list[tuple[str, Link]]:
        if nid not in links:
            out = view["cites"] if nid == node_id else backend.cites(nid)
            inc = view["cited_by"] if nid == node_id else backend.cited_by(nid)
            links[nid] = [("out", lk) for lk in out] + [("in", lk) for lk in inc]
            for _, lk in links[nid]:
                by_id.setdefault(lk["node"]["id"], lk["node"])
        return links[nid]

    def neighbours(nid: str) -> list[tuple[tuple, str]]:
        return [((_strength(lk["relations"]), int(side == "in"), 0,
                  _neg_date(lk["node"]["date"]), lk["node"]["id"]), lk["node"]["id"])
                for side, lk in fetch(nid)]

    chosen, left_out = _choose(node_id, neighbours, depth, max_nodes)
    keep = set(chosen)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for nid in chosen:
        for direction, lk in links.get(nid, []):
            other = lk["node"]["id"]
            if other in keep:
                s, t = (nid, other) if direction == "out" else (other, nid)
                edges[(s, t)] = {"source": s, "target": t, "relation": lk["relation"],
                                 "count": lk["count"]}
    return [by_id[n] for n in chosen], sorted(edges.values(),
                                              key=lambda e: (e["source"], e["target"])), left_out
