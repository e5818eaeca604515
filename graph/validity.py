"""Validity: is a document still in force, and if not, what ended it.

Read only from evidence the store holds: a document's own effective and end
dates (its clause, :mod:`parsers.effect`) and the ingested documents that
amend, replace or repeal it (edges whose source is ingested; a cited-only
document that is said to repeal something is not evidence, its text being
absent). An act counts only when its source can act at all
(:func:`can_act`): a draft has no force yet, a consolidated text (văn bản
hợp nhất) restates the acts of others, and a letter, report or lower-ranked
text cannot repeal a document of higher force. Each node gets
``validity``::

    {"state": "in_force" | "amended" | "replaced" | "repealed" | "expired"
              | "not_yet" | "unknown",
     "by": [{"id", "key", "type", "relation", "partial", "date", "effective"}],
     "since": ISO date or None,  # when the state began
     "effective": ISO date or None,  # its own effective date
     "expires": ISO date or None,  # its own end date
     "pending": [...],  # acts signed but not yet in effect on ``today``
     "current": {"id", "key", "type"} or None}  # end of a chain of replacements

``by`` lists the acts in effect on ``today``, oldest first; an act takes
effect on the acting document's effective date, else its date. A whole
replacement or repeal makes the document ``replaced``/``repealed`` from the
earliest such act; one of parts only ("bãi bỏ khoản 2 Điều 3 của …") and
any amendment make it ``amended``. Each document's state comes from the acts
on it alone, so chains read naturally (A replaced by B, B amended by C: A
replaced, B amended); ``current`` follows whole replacements to the document
that holds the matter now (A replaced by B, B replaced by C: C).

States depend on the day: :func:`annotate` takes ``today`` (default
:func:`datetime.date.today`) and records it in ``g.graph["validity_day"]``,
so a graph kept across midnight is annotated again.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

import networkx as nx

from graph.identity import fold, parse_key

__all__ = [
    "ACTS",
    "BASIS",
    "NOT_IN_FORCE",
    "PROPERTIES",
    "STATES",
    "Act",
    "Validity",
    "annotate",
    "can_act",
    "dead_citations",
    "edge_act",
    "flat",
    "legal_rank",
    "revalidate",
    "unknown",
    "validity_of",
]

#: Bumped whenever the rules below change: a graph cached with other rules
#: is annotated again (:func:`graph.build.refresh`).
RULES = 4

#: Every state, in the order reports list them.
STATES: tuple[str, ...] = (
    "in_force", "amended", "replaced", "repealed", "expired", "not_yet", "unknown")
#: States of a document that no longer has effect.
NOT_IN_FORCE: frozenset[str] = frozenset({"replaced", "repealed", "expired"})
#: Relations by which one document acts on another, strongest first.
ACTS: tuple[str, ...] = ("replaces", "repeals", "amends")
#: Relations by which a document rests on another (a dead basis is a warning).
BASIS: tuple[str, ...] = ("based_on", "implements", "guides")


class Act(TypedDict):
    id: str
    key: str | None
    type: str | None
    relation: str  # replaces | repeals | amends
    partial: bool  # names parts of the document only
    date: str | None  # the acting document's date
    effective: str | None  # the acting document's effective date


class Validity(TypedDict):
    state: str
    by: list[Act]
    since: str | None
    effective: str | None
    expires: str | None
    pending: list[Act]
    current: dict[str, Any] | None


def unknown(effective: str | None = None, expires: str | None = None) -> Validity:
    """The validity of a document nothing is known about."""
    return {"state": "unknown", "by": [], "since": None, "effective": effective,
            "expires": expires, "pending": [], "current": None}


def edge_act(relations: Iterable[str], partial: Iterable[str] = ()) -> tuple[str, bool] | None:
    """(relation, partial) by which an edge acts on its target, or None:
    a whole replacement, else a whole repeal, else a partial one, else an
    amendment."""
    rels, part = set(relations), set(partial)
    acts = [r for r in ACTS if r in rels]
    if not acts:
        return None
    whole = [r for r in acts if r not in part and r != "amends"]
    if whole:
        return whole[0], False
    return acts[0], acts[0] in part


def _when(act: Mapping[str, Any]) -> str | None:
    """The day an act takes effect: the acting document's effective date,
    else its date."""
    return act.get("effective") or act.get("date")


def _order(act: Mapping[str, Any]) -> tuple[str, str]:
    return (_when(act) or "9999-99-99", act["id"])


def _ends(act: Mapping[str, Any]) -> bool:
    """A whole replacement or repeal."""
    return act["relation"] in ("replaces", "repeals") and not act["partial"]


def _act(a: Mapping[str, Any]) -> Act:
    """An act with its keys in one order (JSON read back from a graph
    database prints like the embedded one)."""
    return {"id": a["id"], "key": a.get("key"), "type": a.get("type"),
            "relation": a["relation"], "partial": bool(a.get("partial")),
            "date": a.get("date"), "effective": a.get("effective")}


def validity_of(effective: str | None, expires: str | None, acts: Iterable[Act],
                today: _dt.date | str) -> Validity:
    """The validity of one document from its own dates and the acts on it
    (see the module docstring). An act without any date counts as in effect:
    the acting text is in the store, only its day is unknown."""
    day = today if isinstance(today, str) else today.isoformat()
    in_effect: list[Act] = []
    pending: list[Act] = []
    for a in sorted((_act(a) for a in acts), key=_order):
        w = _when(a)
        (pending if w is not None and w > day else in_effect).append(a)
    out: Validity = {"state": "unknown", "by": in_effect, "since": None,
                     "effective": effective, "expires": expires, "pending": pending,
                     "current": None}
    ending = next((a for a in in_effect if _ends(a)), None)
    lapsed = expires is not None and expires < day
    if lapsed and ending is not None and (_when(ending) or "") > (expires or ""):
        ending = None  # it had expired before the repeal took effect
    if ending is not None:
        out["state"] = "replaced" if ending["relation"] == "replaces" else "repealed"
        out["since"] = _when(ending)
    elif lapsed:
        out["state"], out["since"] = "expired", expires
    elif effective is not None and effective > day:
        out["state"] = "not_yet"
    elif in_effect:  # amendments and partial repeals only
        out["state"], out["since"] = "amended", _when(in_effect[0])
    elif effective is not None:
        out["state"], out["since"] = "in_force", effective
    return out


#: Types that hold no legal force of their own: letters, reports,
#: submissions, plans… They cannot amend, replace or repeal a normative
#: document (a letter that "replaces" a law is quoting another text).
NON_NORMATIVE: frozenset[str] = frozenset(fold(t) for t in (
    "Công văn", "Báo cáo", "Tờ trình", "Phiếu trình", "Kế hoạch", "Kế hoạch liên tịch",
    "Thông báo", "Hướng dẫn", "Công điện", "Chương trình", "Tham luận", "Biên bản",
    "Kết luận", "Phụ lục", "Danh sách", "Phương án", "Giấy mời", "Giải trình", "Đề án",
    "Đề cương", "Điều lệ", "Quy chế", "Thông tri"))
#: A consolidated text restates the acts of the texts it merges; it has no
#: force of its own (Luật Ban hành VBQPPL), so it acts on nothing.
CONSOLIDATED = fold("Văn bản hợp nhất")


def legal_rank(type_: str | None, key: str | None) -> int | None:
    """Legal force of a state document, 1 (Hiến pháp) … 9 (a province's
    decision), 20 for a document without normative force; None when
    unknown or a Party document (a system of its own). A document acts only
    on one of the same or lower force (Luật Ban hành văn bản QPPL: amended,
    replaced or repealed by the issuing body or a higher one)."""
    t = fold(type_) if type_ else None
    parts = parse_key(key) if key else None
    if parts is not None and parts.party:
        return None
    symbol = fold(parts.symbol) if parts is not None else ""
    if t in NON_NORMATIVE or t == CONSOLIDATED:
        return 20
    if t == "hien phap":
        return 1
    if t in ("luat", "bo luat"):
        return 2
    if t == "phap lenh" or "ubtvqh" in symbol:
        return 3
    if t in ("nghi quyet", "nghi quyet lien tich"):
        if "qh" in symbol.split("-") or symbol.startswith("qh") or symbol.endswith("qh"):
            return 2
        if symbol.endswith("-cp"):
            return 5
        return 8 if "hdnd" in symbol else None
    if t == "nghi dinh":
        return 5
    if t in ("quyet dinh", "chi thi"):
        if symbol.endswith("ttg"):
            return 6
        if symbol.endswith("ctn"):
            return 4
        return 9 if "ubnd" in symbol else None
    if t in ("thong tu", "thong tu lien tich"):
        return 7
    return None


def _consolidated(a: Mapping[str, Any]) -> bool:
    """A consolidated text (type, or a VBHN symbol)."""
    return bool(a.get("type") and fold(a["type"]) == CONSOLIDATED
                or "vbhn" in fold(a.get("key") or ""))


def can_act(src: Mapping[str, Any], dst: Mapping[str, Any]) -> bool:
    """Whether ``src`` can amend, replace or repeal ``dst`` at all: not a
    draft, not a consolidated text, and not of lower force
    (:func:`legal_rank`)."""
    if src.get("draft") or _consolidated(src):
        return False
    a, b = legal_rank(src.get("type"), src.get("key")), legal_rank(dst.get("type"),
                                                                   dst.get("key"))
    return a is None or b is None or a <= b


def _acts(g: nx.DiGraph) -> dict[str, list[Act]]:
    """target → acts on it by ingested documents that can act on it."""
    nodes = g.nodes
    out: dict[str, list[Act]] = defaultdict(list)
    disjoint = frozenset(ACTS).isdisjoint
    for s, t, rels in g.edges(data="relations"):
        if not rels or disjoint(rels):
            continue
        e = g.edges[s, t]
        src = nodes[s]
        if not src.get("ingested") or not can_act(src, nodes[t]):
            continue
        act = edge_act(rels, e.get("partial") or ())
        if act is None:
            continue
        out[t].append({"id": s, "key": src.get("key"), "type": src.get("type"),
                       "relation": act[0], "partial": act[1], "date": src.get("date"),
                       "effective": src.get("effective")})
    return out


def annotate(g: nx.DiGraph, today: _dt.date | None = None) -> None:
    """Set ``validity`` on every node of ``g`` as of ``today``."""
    day = (today or _dt.date.today()).isoformat()
    acts = _acts(g)
    nothing = unknown()
    for n, a in g.nodes(data=True):
        effective, expires = a.get("effective"), a.get("expires")
        if _consolidated(a):  # its clause is the merged text's: not its own force
            effective = expires = None
        if n in acts or effective or expires:
            a["validity"] = validity_of(effective, expires, acts[n] if n in acts else (), day)
        else:
            a["validity"] = nothing  # shared: readers copy (queries.summary)
    for n in acts:
        v = g.nodes[n]["validity"]
        if v["state"] == "replaced":
            v["current"] = _current(g, n)
    g.graph["validity_day"] = day
    g.graph["validity_rules"] = RULES


def _current(g: nx.DiGraph, node_id: str) -> dict[str, Any] | None:
    """``{"id", "key", "type"}`` of the end of the chain of whole
    replacements from ``node_id`` (None when its own replacer is that end)."""
    seen = {node_id}
    step = node_id
    hops = 0
    while True:
        v = g.nodes[step].get("validity") or {}
        if v.get("state") != "replaced":
            break
        nxt = next(a["id"] for a in v["by"] if _ends(a))
        if nxt in seen:
            break
        seen.add(nxt)
        step, hops = nxt, hops + 1
    if hops < 2:
        return None
    a = g.nodes[step]
    return {"id": step, "key": a.get("key"), "type": a.get("type")}


def dead_citations(nodes: Mapping[str, Mapping[str, Any]],
                   edges: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Documents that cite as their basis (:data:`BASIS`) a document already
    repealed, replaced or expired at their own date, newest citing document
    first. ``nodes``: id → NodeSummary (with ``validity``); ``edges``:
    EdgeRecords. A citation whose date is unknown is not judged."""
    out = []
    for e in edges:
        if not e["count"]:
            continue  # stated between two other documents
        basis = next((r for r in e["relations"] if r in BASIS), None)
        if basis is None:
            continue
        src, dst = nodes.get(e["source"]), nodes.get(e["target"])
        if src is None or dst is None or not src.get("date"):
            continue
        v = dst.get("validity") or {}
        if v.get("state") not in NOT_IN_FORCE:
            continue
        day = src["date"]
        ending = next((a for a in v.get("by", ()) if _ends(a) and (_when(a) or "") <= day
                       and a["id"] != src["id"]), None)
        if ending is not None:
            state, since = ("replaced" if ending["relation"] == "replaces" else "repealed",
                            _when(ending))
        elif v.get("expires") and v["expires"] < day:
            state, since, ending = "expired", v["expires"], None
        else:
            continue
        out.append({
            "source": src["id"], "source_key": src.get("key"), "source_type": src.get("type"),
            "source_date": day, "relation": basis,
            "target": dst["id"], "target_key": dst.get("key"), "target_type": dst.get("type"),
            "state": state, "since": since,
            "by": ending["id"] if ending else None,
            "by_key": ending["key"] if ending else None,
            "by_type": ending["type"] if ending else None,
            "spans": list(e.get("spans") or []),
        })
    out.sort(key=lambda r: (r["source_date"], r["source"], r["target"]), reverse=True)
    return out


#: Flat node properties a graph database (push, neo4j-admin CSV) holds for
#: validity: the whole object as JSON (:func:`revalidate` reads it back for
#: any day), and its state, start and own dates as of the push, for Cypher.
PROPERTIES: tuple[str, ...] = ("validity", "validity_state", "validity_since", "effective",
                               "expires")


def flat(v: Mapping[str, Any] | None) -> dict[str, Any]:
    """:data:`PROPERTIES` of one node's validity (``validity`` as JSON text)."""
    import json

    v = v or unknown()
    return {"validity": json.dumps(v, ensure_ascii=False, sort_keys=True),
            "validity_state": v.get("state") or "unknown", "validity_since": v.get("since"),
            "effective": v.get("effective"), "expires": v.get("expires")}


def revalidate(v: Mapping[str, Any] | None, today: _dt.date | None = None) -> Validity:
    """A stored validity object judged again on ``today`` (default: today)
    from its own evidence: what a graph database pushed on another day reads
    back as the embedded graph gives it for this one. ``current`` is kept
    while the document is still replaced."""
    if not v:
        return unknown()
    acts = [*v.get("by", ()), *v.get("pending", ())]
    if not acts and not v.get("effective") and not v.get("expires"):
        return unknown()
    out = validity_of(v.get("effective"), v.get("expires"), acts, today or _dt.date.today())
    current = v.get("current")
    if out["state"] == "replaced" and current:
        out["current"] = {"id": current["id"], "key": current.get("key"),
                          "type": current.get("type")}
    return out
