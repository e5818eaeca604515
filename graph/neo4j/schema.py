"""What the graph looks like on the server: labels, relationship types, and
the one table of node and edge properties (how each is computed, written and
read back).

A node property is a row of :data:`NODE_PROPERTIES`; adding one (a ``name``
string, a ``validity`` object) is one line there: push writes it, every query
that returns a node reads it back (when it is a NodeSummary field, see
:data:`graph.build.NODE_FIELDS`), and the parity tests compare it with the
embedded store. Bolt property values are only strings, numbers, booleans and
lists of them, so anything else (a dict) goes through the :data:`JSON` codec.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.backend import LINEAGE_RELATIONS, Link, NodeSummary
from graph.build import NODE_FIELDS
from graph.identity import fold, slug
from graph.neo4j.falkordb import whole
from graph.validity import unknown
from parsers.models import RELATIONS

__all__ = [
    "DOCUMENT",
    "EDGE_PROPERTIES",
    "FIXED_LABELS",
    "META",
    "NODE_PROPERTIES",
    "REL_TYPES",
    "STATUS_LABELS",
    "SUMMARY",
    "checked",
    "checked_property",
    "edge_fields",
    "edge_row",
    "link",
    "link_order",
    "node_row",
    "norm",
    "summary",
    "type_label",
]

#: Label every document node has; its ``id`` property is the resolved identity.
DOCUMENT = "Document"
#: Label of the single node recording which push is complete.
META = "LegalgraphMeta"
#: Status labels, as in :mod:`graph.export.neo4j_csv`.
STATUS_LABELS: tuple[str, ...] = ("Ingested", "CitedOnly", "Unresolved")
#: Relationship type of each relation (strongest relation of the edge).
REL_TYPES: dict[str, str] = {r: r.upper() for r in RELATIONS}
#: Labels that are never document-type labels.
FIXED_LABELS = frozenset((DOCUMENT, META, *STATUS_LABELS))
#: What may be pasted into Cypher as a label or type: ASCII identifiers only.
IDENTIFIER = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
_PROPERTY = re.compile(r"^[a-z][a-z_]*$")

STRENGTH = {r: i for i, r in enumerate(RELATIONS)}


def checked(identifier: str) -> str:
    """An identifier about to be pasted into Cypher: refuse anything else."""
    if not IDENTIFIER.match(identifier):
        raise ValueError(f"not a safe Cypher identifier: {identifier!r}")
    return identifier


def checked_property(name: str) -> str:
    """A property name about to be pasted into Cypher: refuse anything else."""
    if not _PROPERTY.match(name):
        raise ValueError(f"not a safe Cypher property name: {name!r}")
    return name


def type_label(doc_type: str | None) -> str:
    """Label for a document type: ``"Quyết định"`` → ``QuyetDinh``; types
    with no letters, or that would clash with a fixed label, get a prefix."""
    words = slug(doc_type or "").split("-")
    label = "".join(w[:1].upper() + w[1:] for w in words if w)
    if not label:
        return "UnknownType"
    if not label[0].isalpha() or label in FIXED_LABELS:
        label = "Type" + label
    return label


def norm(text: str | None) -> str | None:
    """Same as :func:`graph.queries._norm`: how type and issuer filters compare."""
    return " ".join(fold(text).split()) if text else None


# --------------------------------------------------------------------------
# Codecs: how a Python value is stored as a Bolt property and read back


@dataclass(frozen=True)
class Codec:
    """Write and read one kind of value. ``read`` also joins the pieces a
    long string may be stored in on a server with a parameter budget
    (:func:`graph.neo4j.falkordb.whole`)."""

    name: str
    write: Callable[[Any], Any]
    read: Callable[[Any], Any]


def _text(value: Any) -> Any:
    if value is not None and not isinstance(value, (str, int, float)):
        raise TypeError(f"{value!r} is not a string: give its property the JSON codec")
    return value


#: A string (or None); a number stays a number.
TEXT = Codec("text", _text, whole)
#: A number or None, as is.
PLAIN = Codec("plain", lambda v: v, lambda v: v)
#: True or False (None reads as False).
BOOL = Codec("bool", bool, bool)
#: A list of strings (None reads as []).
LIST = Codec("list", lambda v: list(v or []), lambda v: list(v or []))
#: Any JSON value (a dict, a list of dicts), stored as JSON text.
JSON = Codec("json",
             lambda v: None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True),
             lambda v: None if v is None else json.loads(whole(v)))


def _read_validity(value: Any) -> Any:
    from graph.validity import revalidate

    return revalidate(JSON.read(value))


#: A node's validity (:mod:`graph.validity`), stored as JSON with its
#: evidence and read back judged on the reader's day, so a push of another
#: day answers like the embedded graph of this one.
VALIDITY = Codec("validity", JSON.write, _read_validity)


@dataclass(frozen=True)
class Property:
    """One stored property: its name, codec, where its value comes from (by
    default the node's or edge's attribute of the same name), and whether
    Cypher matches or filters on it (then it is never stored in pieces)."""

    name: str
    codec: Codec = TEXT
    source: Callable[[Mapping[str, Any]], Any] | None = None
    matched: bool = False

    def value(self, attrs: Mapping[str, Any]) -> Any:
        raw = self.source(attrs) if self.source else attrs.get(self.name)
        return self.codec.write(raw)


#: Every property of a ``:Document`` node. The NodeSummary fields come first
#: (their names are :data:`graph.build.NODE_FIELDS`; a field added there needs
#: its line here, ``tests/test_neo4j_units.py`` checks), then what only the
#: document view reads (``files``, ``text``), then what queries filter on:
#: folded the way the embedded backend folds (Cypher cannot strip Vietnamese
#: diacritics) and the precomputed citer count.
NODE_PROPERTIES: tuple[Property, ...] = (
    Property("key"),
    Property("type"),
    Property("number"),
    Property("symbol"),
    Property("date"),
    Property("year", PLAIN),
    Property("scope"),
    Property("jurisdiction"),
    Property("issuer"),
    Property("subject"),
    Property("name"),
    Property("ingested", BOOL),
    Property("resolved", BOOL),
    Property("reason"),
    Property("candidates", LIST),
    Property("validity", VALIDITY),
    # validity as of the push, flat for Cypher ("MATCH (n {validity_state:
    # 'repealed'})"); NodeSummary reads the object above, judged on its own day
    *(Property(name, source=lambda a, k=k: (a.get("validity") or unknown()).get(k))
      for name, k in (("validity_state", "state"), ("validity_since", "since"),
                      ("effective", "effective"), ("expires", "expires"))),
    Property("files", LIST),
    Property("text"),  # the stored text, when pushed with texts
    Property("key_fold", source=lambda a: fold(a["key"]) if a.get("key") else None,
             matched=True),
    Property("type_norm", source=lambda a: norm(a.get("type")), matched=True),
    Property("issuer_norm", source=lambda a: norm(a.get("issuer")), matched=True),
    Property("symbol_norm", source=lambda a: norm(a.get("symbol")), matched=True),
    Property("type_label", source=lambda a: type_label(a.get("type")), matched=True),
    # distinct documents citing this one (in-edges with a mention count; a
    # relation only stated by a third document is not a citation), so that
    # ranking without citing-side filters scans nodes, not edges
    Property("cited_by", PLAIN, matched=True),
)


def _lineage_relation(e: Mapping[str, Any]) -> str | None:
    """First lineage relation of an edge, as :func:`graph.queries.lineage` picks."""
    return next((r for r in e["relations"] if r in LINEAGE_RELATIONS), None)


#: Every property of a citation relationship (a Link's fields, and ``lineage``).
EDGE_PROPERTIES: tuple[Property, ...] = (
    Property("relation", matched=True),
    Property("relations", LIST),
    Property("count", PLAIN, source=lambda e: int(e["count"])),
    Property("spans", JSON),
    Property("stated_in", LIST),
    Property("lineage", source=_lineage_relation, matched=True),
)

_NODE = {p.name: p for p in NODE_PROPERTIES}
_EDGE = {p.name: p for p in EDGE_PROPERTIES}
_MISSING = [f for f in NODE_FIELDS if f not in _NODE]
if _MISSING:  # a NodeSummary field no query could read back
    raise ImportError(f"graph.neo4j.schema.NODE_PROPERTIES has no line for {_MISSING}: "
                      "add one per field (Property(name), or Property(name, JSON))")
#: Properties that are matched on in Cypher: never stored in pieces.
MATCHED = frozenset(("id", *(p.name for p in NODE_PROPERTIES + EDGE_PROPERTIES
                             if p.matched)))

#: Map projection of a node ``n`` to its NodeSummary fields.
SUMMARY = "{" + ", ".join(f".{f}" for f in ("id", *NODE_FIELDS)) + "}"
#: A Link's fields read from the edge ``e``.
LINK_FIELDS = ", ".join(f"e.{p.name} AS {p.name}" for p in EDGE_PROPERTIES
                        if p.name != "lineage")


def node_row(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties to store for a node with these attributes."""
    return {p.name: p.value(attrs) for p in NODE_PROPERTIES}


def edge_row(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties to store for an edge with these attributes."""
    return {p.name: p.value(attrs) for p in EDGE_PROPERTIES}


def summary(m: Mapping[str, Any]) -> NodeSummary:
    """A NodeSummary from a node's :data:`SUMMARY` projection."""
    out: dict[str, Any] = {"id": m["id"]}
    for f in NODE_FIELDS:
        out[f] = _NODE[f].codec.read(m.get(f))
    return out  # type: ignore[return-value]


def edge_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """A Link's edge fields from a row with :data:`LINK_FIELDS`."""
    out = {name: _EDGE[name].codec.read(row[name])
           for name in ("relation", "relations", "count", "spans", "stated_in")}
    out["spans"] = out["spans"] or []
    return out


def link(row: Mapping[str, Any]) -> Link:
    """A Link from a row with ``node`` (a :data:`SUMMARY`) and :data:`LINK_FIELDS`."""
    return {"node": summary(row["node"]), **edge_fields(row)}  # type: ignore[typeddict-item]


def link_order(lk: Link) -> tuple:
    """Same order as :func:`graph.queries.cites`: strongest relation, then key."""
    n = lk["node"]
    return (STRENGTH.get(lk["relation"], 99), n["key"] is None, n["key"] or "", n["id"])
