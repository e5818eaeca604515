"""RDF (Turtle, JSON-LD) with the European Legislation Identifier ontology.

Each node is an ``eli:LegalResource`` at ``{base}{node id}`` (stable: the id is
derived from the resolved identity, :func:`graph.identity.node_id`) with

* ``eli:id_local`` — the number and symbol ("58-QĐ/TU");
* ``eli:title`` — the node's name (:mod:`graph.names`), ``eli:description``
  — the subject (trích yếu) as written;
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
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from graph.identity import slug

__all__ = ["DEFAULT_BASE", "ELI", "LG", "generate_rdf", "iter_triples", "write_rdf",
           "write_turtle"]

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


def iter_triples(g: nx.DiGraph, *, base: str = DEFAULT_BASE) -> Iterator[tuple]:
    """Every triple of the export, subject by subject (rdflib terms)."""
    from rdflib import RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
    from rdflib.namespace import OWL

    eli, lg = Namespace(ELI_IRI), Namespace(LG_IRI)
    for name, parent, label in (
        ("implements", eli.applies, "implements (thực hiện, triển khai)"),
        ("guides", eli.applies, "guides (hướng dẫn)"),
        ("replaces", eli.repeals, "replaces (thay thế)"),
    ):
        yield lg[name], RDF.type, OWL.ObjectProperty
        yield lg[name], RDFS.subPropertyOf, parent
        yield lg[name], RDFS.label, Literal(label, lang="en")

    def iri(node: str) -> URIRef:
        return URIRef(base + node)

    types: dict[str, str] = {}
    agents: dict[URIRef, str] = {}
    for n, a in g.nodes(data=True):
        s = iri(n)
        yield s, RDF.type, eli.LegalResource
        if a.get("key"):
            yield s, eli.id_local, Literal(a["key"])
            title = a.get("name") or a.get("subject")
            label = a["key"] + (f" {title}" if title else "")
            yield s, RDFS.label, Literal(label, lang="vi")
        if a.get("date"):
            yield s, eli.date_document, Literal(a["date"], datatype=XSD.date)
        if a.get("type"):
            t = f"{base}type/{slug(a['type'])}"
            types.setdefault(t, a["type"])
            yield s, eli.type_document, URIRef(t)
        if a.get("issuer"):
            agent = URIRef(f"{base}agent/{a.get('jurisdiction') or 'unknown'}/"
                           f"{slug(a['issuer'])}")
            agents.setdefault(agent, a["issuer"])
            yield s, eli.passed_by, agent
        if a.get("name") or a.get("subject"):  # the node's name; its subject when unnamed
            yield s, eli.title, Literal(a.get("name") or a["subject"], lang="vi")
        if a.get("subject"):  # the trích yếu as written
            yield s, eli.description, Literal(a["subject"], lang="vi")
        if a.get("jurisdiction"):
            yield s, lg.jurisdiction, Literal(a["jurisdiction"])
        if a.get("scope"):
            yield s, lg.scope, Literal(a["scope"])
        yield s, lg.resolved, Literal(bool(a.get("resolved")))
        yield s, lg.ingested, Literal(bool(a.get("ingested")))
        if a.get("reason"):
            yield s, lg.unresolvedReason, Literal(a["reason"])
        for c in a.get("candidates") or ():
            yield s, lg.candidate, iri(c)
        for _, dst, e in g.out_edges(n, data=True):
            o = iri(dst)
            if e.get("count"):
                yield s, eli.cites, o
            for rel in e.get("relations") or ():
                ns, local = RELATION_PROPERTIES.get(rel, (ELI_IRI, "cites"))
                yield s, URIRef(ns + local), o
    for t, label in types.items():
        yield URIRef(t), RDF.type, SKOS.Concept
        yield URIRef(t), SKOS.prefLabel, Literal(label, lang="vi")
    for agent, label in agents.items():
        yield agent, RDFS.label, Literal(label, lang="vi")


def generate_rdf(g: nx.DiGraph, *, base: str = DEFAULT_BASE):  # -> rdflib.Graph
    """rdflib Graph of ``g``; see the module docstring for the vocabulary."""
    from rdflib import SKOS, Graph, Namespace

    out = Graph()
    out.bind("eli", Namespace(ELI_IRI))
    out.bind("lg", Namespace(LG_IRI))
    out.bind("skos", SKOS)
    out.bind("doc", Namespace(base))
    for triple in iter_triples(g, base=base):
        out.add(triple)
    return out


_PREFIXES = {
    "eli": ELI_IRI, "lg": LG_IRI, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _qname(term) -> str:
    """``eli:cites`` for a predicate in a known namespace, else ``<iri>``."""
    text = str(term)
    for prefix, ns in _PREFIXES.items():
        if text.startswith(ns) and text[len(ns):].replace("_", "a").isalnum():
            return f"{prefix}:{text[len(ns):]}"
    return term.n3()


def write_turtle(g: nx.DiGraph, out: str | os.PathLike[str], *,
                 base: str = DEFAULT_BASE) -> str:
    """Stream Turtle to ``out``: one block per subject, nothing held in an
    rdflib Graph (rdflib's serializer needs minutes and GBs on 100k documents)."""
    with open(out, "w", encoding="utf-8") as fh:
        for prefix, ns in _PREFIXES.items():
            fh.write(f"@prefix {prefix}: <{ns}> .\n")
        fh.write("\n")
        subject = None
        for s, p, o in iter_triples(g, base=base):
            obj = _qname(o) if o.__class__.__name__ == "URIRef" else o.n3()
            pred = "a" if str(p) == _PREFIXES["rdf"] + "type" else _qname(p)
            if s != subject:
                if subject is not None:
                    fh.write(" .\n\n")
                fh.write(f"{s.n3()} {pred} {obj}")
                subject = s
            else:
                fh.write(f" ;\n    {pred} {obj}")
        if subject is not None:
            fh.write(" .\n")
    return str(out)


def write_rdf(g: nx.DiGraph, out: str | os.PathLike[str], *, fmt: str = "ttl",
              base: str = DEFAULT_BASE) -> str:
    """Serialize to ``out`` as Turtle (``ttl``) or JSON-LD (``jsonld``)."""
    if fmt == "ttl":
        return write_turtle(g, out, base=base)
    if fmt != "jsonld":
        raise ValueError(f"not an RDF format: {fmt!r}")
    generate_rdf(g, base=base).serialize(destination=str(Path(out)), format="json-ld",
                                         encoding="utf-8")
    return str(out)
