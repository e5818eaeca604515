"""What the resolver settles once every mention is placed and every cited
document dated: no edge into the future, candidates for what stays unresolved.

* A document cannot cite, implement, amend or replace one issued after it. A
  citation or a stated relation that would have it do so (an editor's note
  quoted as the text, a passive sentence read backwards, a wrong date) is
  never stored as an edge: it is set aside (:class:`graph.resolve.SetAside`)
  with the file and spans it came from, for the audit, and a cited-only node
  left with no edge at all is dropped with it.
* An unresolved or ambiguous reference is offered every node of the same
  number and symbol, in other years, terms or places too: those that fit
  first (already in ``candidates``), then the others, each list sorted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from graph.identity import is_later, parse_key

__all__ = ["offer_candidates", "set_aside_future"]


def _when(n) -> str:  # noqa: ANN001 - a graph.resolve.Node
    return n.date or (str(n.year) if n.year else "?")


def set_aside_future(nodes: dict, edges: Mapping[tuple[str, str], object],
                     stated_where: Mapping[tuple[str, str], list[tuple[int, tuple]]],
                     doc_nodes: Mapping[int, str]) -> tuple[list, list]:
    """(edges kept, :class:`graph.resolve.SetAside` rows); ``nodes`` loses the
    cited-only nodes that only edges into the future reached."""
    from graph.resolve import SetAside

    kept, aside = [], []
    for (a, b), e in edges.items():
        src, dst = nodes[a], nodes[b]
        if not is_later(dst.date, dst.year, src.date, src.year,
                        scope=dst.scope, than_scope=src.scope):
            kept.append(e)
            continue
        reason = f"{_when(src)} acts on {_when(dst)}"
        if e.count and e.file_id is not None:
            aside.append(SetAside(a, b, dst.key, e.relation, "citation", e.file_id,
                                  tuple(e.spans), reason))
        for file_id, spans in stated_where.get((a, b), ()):
            stated = [r for r in e.relations if r != "cites"] or e.relations
            aside.append(SetAside(a, b, dst.key, stated[0], "stated", file_id, spans,
                                  f"stated in {doc_nodes[file_id]}: {reason}"))
    if aside:
        linked = {x for e in kept for x in (e.source, e.target)}
        for row in aside:
            for nid in (row.source, row.target):
                n = nodes.get(nid)
                if n is not None and not n.ingested and nid not in linked:
                    del nodes[nid]
    aside.sort(key=lambda r: (r.source, r.target, r.kind, r.file_id))
    return kept, aside


def _match(key: str | None) -> tuple | None:
    from graph.resolve import match_key

    return match_key(parse_key(key)) if key else None


def offer_candidates(nodes: dict) -> None:
    """Give each unresolved node the same-key nodes it could be (see module)."""
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for n in nodes.values():
        if n.resolved and (mk := _match(n.key)) is not None:
            by_key[mk].append(n.id)
    for n in nodes.values():
        if n.resolved or n.ingested or (mk := _match(n.key)) is None:
            continue
        fitting = sorted(c for c in n.candidates if c in nodes)
        others = sorted(set(by_key.get(mk, ())) - set(fitting))
        n.candidates = fitting + others
