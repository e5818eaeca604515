"""Exports load back: RDF in rdflib (SPARQL), GraphML/GEXF/JSON in networkx,
CSV with the neo4j-admin headers."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graph.export import FORMATS, export
from graph.export.neo4j_csv import EDGE_HEADER, NODE_HEADER
from graph.export.nx_formats import flat_graph

LS = "UBND TỈNH LẠNG SƠN"
QD = ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites", "Quyết định")
QD_ID = "vn/lang-son/2025-2030/qd/58/qd-tu"


@pytest.fixture
def g(corpus):
    corpus.add("a", "95/TB-VP", type="Thông báo", date="2026-02-10", issuer=LS,
               subject="Kết luận", cites=[QD, QD])
    corpus.add("b", "15/KH-UBND", type="Kế hoạch", date="2026-01-12", issuer=LS, cites=[
        QD, ("01/NQ-CP", "2026-01-08", "Chính phủ", "implements", "Nghị quyết"),
        ("56/2025/TT-BTC", "2025-06-25", "Bộ Tài chính", "guides", "Thông tư"),
        ("09/CT-UBND", None, "UBND tỉnh", "cites", "Chỉ thị"),  # unresolved: no year
    ])
    corpus.add("c", "58-QĐ/TU", type="Quyết định", date="2025-11-20",
               issuer="TỈNH ỦY LẠNG SƠN", cites=[
                   ("1725-QĐ/TU", "2025-07-15", "Ban Thường vụ Tỉnh ủy", "replaces")])
    return corpus.backend().graph


def test_turtle_round_trip_answers_who_cites_x_with_sparql(g, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    path = tmp_path / "graph.ttl"
    export(g, "ttl", path)
    rdf = rdflib.Graph().parse(path, format="turtle")
    rows = rdf.query("""
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?citing ?key WHERE {
            ?x eli:id_local "58-QĐ/TU" .
            ?citing eli:cites ?x ; eli:id_local ?key .
        } ORDER BY ?key""")
    assert [str(r.key) for r in rows] == ["15/KH-UBND", "95/TB-VP"]
    assert {str(r.citing) for r in rows} == {
        "urn:legalgraph:vn/lang-son/2026/kh/15/kh-ubnd",
        "urn:legalgraph:vn/lang-son/2026/tb/95/tb-vp"}


def test_rdf_vocabulary(g):
    rdflib = pytest.importorskip("rdflib")
    from graph.export.rdf import generate_rdf

    rdf = generate_rdf(g)
    eli = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
    lg = rdflib.Namespace("urn:legalgraph:ontology#")
    qd = rdflib.URIRef("urn:legalgraph:" + QD_ID)
    assert (qd, rdflib.RDF.type, eli.LegalResource) in rdf
    assert rdf.value(qd, eli.date_document).toPython().isoformat() == "2025-11-20"
    assert rdf.value(rdf.value(qd, eli.type_document), rdflib.SKOS.prefLabel).value == \
        "Quyết định"
    assert rdf.value(qd, eli.passed_by) is not None
    # own relations declared under ELI's
    assert (lg.implements, rdflib.RDFS.subPropertyOf, eli.applies) in rdf
    assert (lg.guides, rdflib.RDFS.subPropertyOf, eli.applies) in rdf
    kh = rdflib.URIRef("urn:legalgraph:vn/lang-son/2026/kh/15/kh-ubnd")
    nq = rdflib.URIRef("urn:legalgraph:vn/national/2026/nq/1/nq-cp")
    assert (kh, lg.implements, nq) in rdf and (kh, eli.cites, nq) in rdf
    # SPARQL with the sub-property: implements counts as applies
    applies = rdf.query("""
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?o WHERE { ?s ?p ?o . ?p rdfs:subPropertyOf eli:applies }""")
    assert {str(r.o) for r in applies} == {
        str(nq), "urn:legalgraph:vn/national/2025/tt/56/2025-tt-btc"}
    unresolved = [s for s in rdf.subjects(lg.resolved, rdflib.Literal(False))]
    assert rdflib.URIRef("urn:legalgraph:vn/unresolved/lang-son/unknown-scope/9/ct-ubnd") \
        in unresolved


def test_jsonld_loads_in_rdflib(g, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    from graph.export.rdf import generate_rdf

    path = tmp_path / "graph.jsonld"
    export(g, "jsonld", path)
    loaded = rdflib.Graph().parse(path, format="json-ld")
    assert len(loaded) == len(generate_rdf(g))


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml),
                                            ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(g, tmp_path, fmt, read):
    path = tmp_path / f"graph.{fmt}"
    export(g, fmt, path)
    h = read(path)
    flat = flat_graph(g)
    assert set(h.nodes) == set(flat.nodes) and set(h.edges) == set(flat.edges)
    # GEXF reserves "key": networkx reads it back as "networkx_key"; the label is the key
    node = h.nodes[QD_ID]
    assert node.get("key", node.get("networkx_key")) == "58-QĐ/TU"
    if fmt == "gexf":
        assert node["label"] == "58-QĐ/TU"
    edge = h.edges["vn/lang-son/2026/tb/95/tb-vp", QD_ID]
    assert int(edge["count"]) == 2 and json.loads(edge["relations"]) == ["cites"]


def test_json_round_trip(g, tmp_path):
    path = tmp_path / "graph.json"
    export(g, "json", path)
    h = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert nx.utils.graphs_equal(nx.DiGraph(g.edges(data=True)), nx.DiGraph(h.edges(data=True)))
    assert dict(h.nodes(data=True)) == dict(g.nodes(data=True))


def test_csv_has_neo4j_admin_headers(g, tmp_path):
    nodes_path, edges_path = export(g, "csv", tmp_path / "csv")
    with open(nodes_path, encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with open(edges_path, encoding="utf-8", newline="") as fh:
        edges = list(csv.reader(fh))
    assert tuple(nodes[0]) == NODE_HEADER and tuple(edges[0]) == EDGE_HEADER
    assert len(nodes) - 1 == g.number_of_nodes() and len(edges) - 1 == g.number_of_edges()
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in edges[1:])  # no dangling ends
    row = dict(zip(NODE_HEADER, next(r for r in nodes[1:] if r[0] == QD_ID), strict=True))
    assert (row["ingested:boolean"], row[":LABEL"]) == ("true", "Document;Ingested")
    types = {row[2] for row in edges[1:]}
    assert types == {"CITES", "IMPLEMENTS", "GUIDES", "REPLACES"}


def test_every_format_is_exported(g, tmp_path):
    for fmt in FORMATS:
        written = export(g, fmt, tmp_path / f"out.{fmt}")
        assert written and all((tmp_path / w).exists() for w in written)


def test_streamed_turtle_holds_exactly_the_rdf_graph(g, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    from graph.export.rdf import generate_rdf

    path = tmp_path / "graph.ttl"
    export(g, "ttl", path)
    parsed = rdflib.Graph().parse(path, format="turtle")
    assert set(parsed) == set(generate_rdf(g))


def test_turtle_escapes_awkward_text(corpus, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    subject = 'Về "việc" A\\B\nxuống dòng\t; . @vi <x>'
    corpus.add("a", "1/TB-VP", type="Thông báo", date="2026-01-01",
               issuer="UBND TỈNH LẠNG SƠN", subject=subject)
    path = tmp_path / "graph.ttl"
    export(corpus.backend().graph, "ttl", path)
    parsed = rdflib.Graph().parse(path, format="turtle")
    eli = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
    doc = rdflib.URIRef("urn:legalgraph:vn/lang-son/2026/tb/1/tb-vp")
    assert str(parsed.value(doc, eli.description)) == subject
    # the title is the name: type and subject on one line
    assert str(parsed.value(doc, eli.title)) == 'Thông báo về "việc" A\\B xuống dòng ; . @vi <x>'
