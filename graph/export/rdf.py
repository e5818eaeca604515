"""RDF (Turtle, JSON-LD) with the European Legislation Identifier ontology.

Each node is an ``eli:LegalResource`` at ``{base}{node id}`` (stable: the id is
derived from the resolved identity, :func:`graph.identity.node_id`) with

* ``eli:id_local`` — the number and symbol ("58-QĐ/TU");
* ``eli:date_document`` (xsd:date), ``eli:type_document`` (a skos:Concept per
  document type, labelled in Vietnamese), ``eli:passed_by`` (an agent per
  issuer within its jurisdiction);
* ``lg:resolved``/``lg:unresolvedReason``/``lg:candidate`` for references
  that could not be placed, ``lg:jurisdiction``, ``lg:scope``.

Edges: ``eli:cites`` for every direct citation, plus the relation's own
property — ``eli:based_on``, ``eli:amends``, ``eli:repeals``; ``lg:implements``
and ``lg:guides`` are declared ``rdfs:subPropertyOf eli:applies`` and
``lg:replaces`` ``rdfs:subPropertyOf eli:repeals`` (ELI has no such terms).
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from graph.identity import slug

__all__ = ["DEFAULT_BASE", "ELI", "LG", "generate_rdf", "write_rdf"]

DEFAULT_BASE = "urn:legalgraph:"
ELI_IRI = "http://data.europa.eu/eli/ontology#"
LG_IRI = "urn:legalgraph:ontology#"
ELI = ELI_IRI  # re-exported as strings so importing this module needs no rdflib
LG = LG_IRI

#: Relation → (namespace, local name) of its property.
RELATION_PROPERTIES: dict[str, tuple[str, str]] = {
    "cites": (ELI_IRI, "cites"),
    "based_on": (ELI_IRI, "based_on"),
    "amends": (ELI_IRI, "amends"),
    "repeals": (ELI_IRI, "repeals"),
    "replaces": (LG_IRI, "replaces"),
    "implements": (LG_IRI, "implements"),
    "guides": (LG_IRI, "guides"),
}


def generate_rdf(g: nx.DiGraph, *, base: str = DEFAULT_BASE):  # -> rdflib.Graph
    """rdflib Graph of ``g``; see the module docstring for the vocabulary."""
    from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import OWL

    eli, lg = Namespace(ELI_IRI), Namespace(LG_IRI)
    out = Graph()
    out.bind("eli", eli)
    out.bind("lg", lg)
    out.bind("skos", SKOS)
    out.bind("doc", Namespace(base))

    for name, parent, label in (
        ("implements", eli.applies, "implements (thực hiện, triển khai)"),
        ("guides", eli.applies, "guides (hướng dẫn)"),
        ("replaces", eli.repeals, "replaces (thay thế)"),
    ):
        out.add((lg[name], RDF.type, OWL.ObjectProperty))
        out.add((lg[name], RDFS.subPropertyOf, parent))
        out.add((lg[name], RDFS.label, Literal(label, lang="en")))

    def iri(node: str) -> URIRef:
        return URIRef(base + node)

    for n, a in g.nodes(data=True):
        s = iri(n)
        out.add((s, RDF.type, eli.LegalResource))
        if a.get("key"):
            out.add((s, eli.id_local, Literal(a["key"])))
            out.add((s, RDFS.label, Literal(a["key"] + (f" {a['subject']}" if a.get("subject")
                                                         else ""), lang="vi")))
        if a.get("date"):
            out.add((s, eli.date_document, Literal(a["date"], datatype=XSD.date)))
        if a.get("type"):
            t = URIRef(f"{base}type/{slug(a['type'])}")
            out.add((s, eli.type_document, t))
            out.add((t, RDF.type, SKOS.Concept))
            out.add((t, SKOS.prefLabel, Literal(a["type"], lang="vi")))
        if a.get("issuer"):
            agent = URIRef(f"{base}agent/{a.get('jurisdiction') or 'unknown'}/"
                           f"{slug(a['issuer'])}")
            out.add((s, eli.passed_by, agent))
            out.add((agent, RDFS.label, Literal(a["issuer"], lang="vi")))
        if a.get("subject"):
            out.add((s, eli.title, Literal(a["subject"], lang="vi")))
        if a.get("jurisdiction"):
            out.add((s, lg.jurisdiction, Literal(a["jurisdiction"])))
        if a.get("scope"):
            out.add((s, lg.scope, Literal(a["scope"])))
        out.add((s, lg.resolved, Literal(bool(a.get("resolved")))))
        out.add((s, lg.ingested, Literal(bool(a.get("ingested")))))
        if a.get("reason"):
            out.add((s, lg.unresolvedReason, Literal(a["reason"])))
        for c in a.get("candidates") or ():
            out.add((s, lg.candidate, iri(c)))

    for src, dst, a in g.edges(data=True):
        s, o = iri(src), iri(dst)
        if a.get("count"):
            out.add((s, eli.cites, o))
        for rel in a.get("relations") or ():
            ns, local = RELATION_PROPERTIES.get(rel, (ELI_IRI, "cites"))
            out.add((s, URIRef(ns + local), o))
    return out


def write_rdf(g: nx.DiGraph, out: str | os.PathLike[str], *, fmt: str = "ttl",
              base: str = DEFAULT_BASE) -> str:
    """Serialize to ``out`` as Turtle (``ttl``) or JSON-LD (``jsonld``)."""
    rdf_format = {"ttl": "turtle", "jsonld": "json-ld"}[fmt]
    generate_rdf(g, base=base).serialize(destination=str(Path(out)), format=rdf_format,
                                         encoding="utf-8")
    return str(out)
