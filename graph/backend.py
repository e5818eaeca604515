"""The query interface every graph backend implements, and its result shapes.

Two backends answer the same questions: the embedded one (SQLite store +
networkx, :class:`graph.embedded.EmbeddedBackend`) and a Neo4j one. The CLI and
the app only talk to :class:`GraphBackend`, and every result is plain
JSON-serializable data (dicts, lists, str, int, bool, None) in a deterministic
order, so two backends can be compared with ``==``.

Shapes (all keys always present; ``None`` when unknown):

``NodeSummary``
    ``id`` (stable node id, see :func:`graph.identity.node_id`), ``key``
    ("58-QĐ/TU"), ``type`` ("Quyết định"), ``number``, ``symbol``, ``date``
    (ISO), ``year`` (int), ``scope`` ("2026" or "2025-2030" for a Party term),
    ``jurisdiction`` ("national", "lang-son", "lang-son.tp-lang-son"),
    ``issuer``, ``subject``, ``name`` (a readable title: type and subject of
    an ingested document, the title its citations give a cited-only one, else
    None), ``ingested`` (the full text is in the store),
    ``resolved`` (identity fully placed), ``reason`` (why not, else None),
    ``candidates`` (node ids an ambiguous reference could be; [] otherwise),
    ``validity`` (:mod:`graph.validity`: ``state`` one of ``in_force``,
    ``amended``, ``replaced``, ``repealed``, ``expired``, ``not_yet``,
    ``unknown``; ``by``, the acts in effect, oldest first, each ``{"id",
    "key", "type", "relation", "partial", "date", "effective"}``; ``since``;
    ``effective``; ``expires``; ``pending``, acts not yet in effect;
    ``current``, the end of a chain of replacements or None).

``Link`` (one edge seen from one end)
    ``node`` (NodeSummary of the other end), ``relation`` (strongest of
    :data:`parsers.models.RELATIONS` on that edge), ``relations`` (all, sorted
    strongest first), ``count`` (mentions of the target in the citing
    document: the citation depth), ``spans`` (list of ``{"start", "end",
    "text"}`` into the citing document's text), ``stated_in`` (ids of documents
    that state this relation between two *other* documents; [] for a direct
    citation).

``DocumentView`` (``show``)
    ``node`` (NodeSummary), ``files`` (paths it was read from), ``cites``
    (list of Link), ``cited_by`` (list of Link), ``cited_by_count`` (distinct
    citing documents).

``LineageTree`` (``lineage``)
    ``node`` (NodeSummary), ``relation`` (edge that led here; None at the
    root), ``children`` (list of LineageTree), ``cycle`` (True when this node
    already appears higher on the same path), ``seen`` (True when the node is
    expanded elsewhere in the tree). Built breadth first, children ordered by
    relation strength, key, id; each node is expanded once, at its first
    place in that order; ``cycle``/``seen`` entries have no children.

``RankRow`` (``top``)
    ``rank`` (1-based), ``node`` (NodeSummary), ``cited_by`` (distinct citing
    documents passing the filters).

``SearchHit`` (``search``)
    ``node`` (NodeSummary), ``cited_by`` (distinct citing documents, as in
    ``top``), ``matched``: ``"key"`` (the number/symbol typed, any spelling),
    ``"number"`` (every word matched the type, number or symbol), ``"name"``
    (some word matched only the name or subject) or ``"issuer"`` (some only
    the issuer).

``EdgeRecord`` (``edges``)
    ``source``, ``target`` and the Link fields ``relation``, ``relations``,
    ``count``, ``spans``, ``stated_in``.

``Stats`` (``stats``)
    ``documents`` (ingested, distinct nodes), ``files``, ``nodes``,
    ``cited_only``, ``references`` (citation mentions), ``resolved``,
    ``unresolved``, ``ambiguous``, ``self_citations`` (dropped), ``edges``,
    ``unresolved_nodes``, ``by_type`` ({type: nodes}), ``by_relation``
    ({relation: edges}).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, Literal, Protocol, TypedDict, runtime_checkable

from parsers.models import RELATIONS

__all__ = [
    "LINEAGE_RELATIONS",
    "DocumentView",
    "EdgeRecord",
    "GraphBackend",
    "LineageTree",
    "Link",
    "NodeSummary",
    "RankRow",
    "SearchHit",
    "Span",
    "Stats",
    "RELATION_STRENGTH",
    "attach_child",
    "lineage_tree",
]

#: Edges followed by ``lineage``: a document's chain of authority.
LINEAGE_RELATIONS: tuple[str, ...] = ("based_on", "implements", "guides", "amends")
#: Relation → rank, strongest first: the order of children in a lineage.
RELATION_STRENGTH: dict[str, int] = {r: i for i, r in enumerate(RELATIONS)}

Direction = Literal["up", "down"]


class NodeSummary(TypedDict):
    id: str
    key: str | None
    type: str | None
    number: str | None
    symbol: str | None
    date: str | None
    year: int | None
    scope: str | None
    jurisdiction: str | None
    issuer: str | None
    subject: str | None
    name: str | None
    ingested: bool
    resolved: bool
    reason: str | None
    candidates: list[str]
    validity: dict[str, Any]


class Span(TypedDict):
    start: int
    end: int
    text: str


class Link(TypedDict):
    node: NodeSummary
    relation: str
    relations: list[str]
    count: int
    spans: list[Span]
    stated_in: list[str]


class DocumentView(TypedDict):
    node: NodeSummary
    files: list[str]
    cites: list[Link]
    cited_by: list[Link]
    cited_by_count: int


class LineageTree(TypedDict):
    node: NodeSummary
    relation: str | None
    children: list[LineageTree]
    cycle: bool
    seen: bool


class RankRow(TypedDict):
    rank: int
    node: NodeSummary
    cited_by: int


class SearchHit(TypedDict):
    node: NodeSummary
    cited_by: int
    matched: str


class EdgeRecord(TypedDict):
    source: str
    target: str
    relation: str
    relations: list[str]
    count: int
    spans: list[Span]
    stated_in: list[str]


class Stats(TypedDict):
    documents: int
    files: int
    nodes: int
    cited_only: int
    references: int
    resolved: int
    unresolved: int
    ambiguous: int
    self_citations: int
    edges: int
    unresolved_nodes: int
    by_type: dict[str, int]
    by_relation: dict[str, int]


@runtime_checkable
class GraphBackend(Protocol):
    """Read-only questions about the citation graph.

    ``node_id`` arguments are ids as returned in ``NodeSummary["id"]``; turn
    what a person typed ("58-QD/TU") into ids with :meth:`search_keys`.
    Unknown ids give ``None`` (show, lineage) or ``[]`` (cites, cited_by).
    """

    def search_keys(self, query: str, *, limit: int = 20) -> list[NodeSummary]:
        """Nodes whose key matches ``query`` (exact canonical key first, then
        diacritic-insensitive prefix), most cited first."""
        ...

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents for what a person typed: a number/symbol in any spelling,
        a type and number ("nghi dinh 118 2025"), or words of the name,
        subject or issuer, diacritics optional. Exact key first, then
        type/number matches, then name/subject, then issuer matches; within
        each, most cited first (:func:`graph.search.rank`)."""
        ...

    def nodes(self) -> list[NodeSummary]:
        """Every node, ordered by id (audits and whole-graph reports)."""
        ...

    def edges(self) -> list[EdgeRecord]:
        """Every edge, ordered by (source, target)."""
        ...

    def show(self, node_id: str) -> DocumentView | None:
        """Identity, outgoing and incoming citations of one node."""
        ...

    def cites(self, node_id: str) -> list[Link]:
        """What ``node_id`` cites (outgoing edges), strongest relation first."""
        ...

    def cited_by(self, node_id: str) -> list[Link]:
        """Who cites ``node_id`` (incoming edges), strongest relation first."""
        ...

    def lineage(
        self, node_id: str, *, direction: Direction = "up", depth: int = 5
    ) -> LineageTree | None:
        """Tree of :data:`LINEAGE_RELATIONS` edges: ``up`` follows what the
        document is based on / implements, ``down`` what implements it."""
        ...

    def top(
        self,
        *,
        type: str | None = None,
        cited_by_type: str | None = None,
        year: int | None = None,
        cited_by_year: int | None = None,
        issuer: str | None = None,
        limit: int = 20,
    ) -> list[RankRow]:
        """Nodes ranked by distinct citing documents. ``type``/``year``/
        ``issuer`` filter the ranked node, ``cited_by_*`` the citing ones;
        type and issuer match ignoring case and diacritics."""
        ...

    def stats(self) -> Stats:
        """Counts over the whole graph."""
        ...

    def document_text(self, node_id: str) -> str | None:
        """Stored full text of an ingested document (None if cited only)."""
        ...

    def files(self, node_id: str) -> list[str]:
        """Paths of the files an ingested document was read from (``[]`` if
        cited only or unknown): what :meth:`show` lists, without its links."""
        ...


def lineage_tree(
    root: NodeSummary,
    expand: Callable[[list[str]], Mapping[str, Sequence[tuple[NodeSummary, str]]]],
    depth: int,
) -> LineageTree:
    """The :class:`LineageTree` every backend returns, from one callback.

    ``expand(ids)`` gives, for each id of a frontier, its lineage neighbours
    as (NodeSummary, relation) pairs in any order (the embedded backend reads
    its DiGraph, Neo4j runs one query per level). The tree is built breadth
    first; children are ordered by relation strength, key, id; each node is
    expanded once, at its first place in that order; a node already on its
    own path is a ``cycle`` entry, one placed elsewhere a ``seen`` entry,
    both without children. Shared so that backends agree to the byte.
    """
    def entry(node: NodeSummary, relation: str | None, *, cycle: bool = False,
              seen: bool = False) -> LineageTree:
        return {"node": node, "relation": relation, "children": [], "cycle": cycle,
                "seen": seen}

    tree = entry(root, None)
    placed = {root["id"]}
    level: list[tuple[LineageTree, frozenset[str]]] = [(tree, frozenset())]
    for _ in range(max(depth, 0)):
        if not level:
            break
        found = expand([t["node"]["id"] for t, _ in level])
        following: list[tuple[LineageTree, frozenset[str]]] = []
        for parent, path in level:
            nid = parent["node"]["id"]
            path = path | {nid}
            steps = sorted(found.get(nid, ()), key=lambda x: (
                RELATION_STRENGTH.get(x[1], len(RELATION_STRENGTH)), x[0]["key"] or "",
                x[0]["id"]))
            for node, relation in steps:
                attach_child(parent, node["id"], partial(entry, node, relation), path, placed,
                             following)
        level = following
    return tree


def attach_child(parent: Any, child_id: str, make: Callable[..., Any], path: frozenset[str],
                 placed: set[str], following: list[tuple[Any, frozenset[str]]]) -> None:
    """Put one child under ``parent`` in a breadth-first lineage: a ``cycle``
    entry (``make(cycle=True)``) if it is already on its own path, a ``seen``
    entry if it was placed elsewhere, else a new entry, queued in
    ``following`` to be expanded below ``path``. The rule every lineage
    tree keeps (:func:`lineage_tree`, :mod:`graph.lineage_view`)."""
    if child_id in path:
        parent["children"].append(make(cycle=True))
    elif child_id in placed:
        parent["children"].append(make(seen=True))
    else:
        placed.add(child_id)
        child = make()
        parent["children"].append(child)
        following.append((child, path))


def to_jsonable(value: Any) -> Any:
    """Tuples to lists, recursively: what ``json.dumps`` then ``loads`` gives."""
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value
