"""Exports of the citation graph, one module per format.

=========  ==========================================  ==========================
format     module                                      reads back with
=========  ==========================================  ==========================
ttl        :mod:`graph.export.rdf` (ELI ontology)       rdflib
jsonld     :mod:`graph.export.rdf`                      rdflib
graphml    :mod:`graph.export.nx_formats`               networkx.read_graphml
gexf       :mod:`graph.export.nx_formats`               networkx.read_gexf, Gephi
json       :mod:`graph.export.nx_formats` (node-link)   networkx.node_link_graph
csv        :mod:`graph.export.neo4j_csv`                neo4j-admin database import
=========  ==========================================  ==========================

:func:`export` writes one of them to a path (csv: a folder).
"""

from __future__ import annotations

import os

import networkx as nx

__all__ = ["FORMATS", "export"]

FORMATS: tuple[str, ...] = ("ttl", "jsonld", "graphml", "gexf", "json", "csv")


def export(g: nx.DiGraph, fmt: str, out: str | os.PathLike[str]) -> list[str]:
    """Write ``g`` as ``fmt`` to ``out``; returns the files written."""
    if fmt in ("ttl", "jsonld"):
        from graph.export.rdf import write_rdf

        return [write_rdf(g, out, fmt=fmt)]
    if fmt in ("graphml", "gexf", "json"):
        from graph.export.nx_formats import write

        return [write(g, out, fmt=fmt)]
    if fmt == "csv":
        from graph.export.neo4j_csv import write_csv

        return write_csv(g, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
