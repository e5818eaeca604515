"""Every GraphBackend query, and the CLI commands over them, give the same
answer on each Bolt server as on the embedded store, over two corpora:

* ``generated``: data/samples plus 150 generated documents (every relation
  type, long chains, many citers);
* ``edge-cases``: a hand-built corpus with shared ancestors, a lineage cycle,
  an ambiguous node (two candidates), an unresolved one (none), a relation
  stated only by a third document, and a document citing itself away.

Runs on every server of the ``bolt`` fixture (FalkorDB and ArcadeDB, or the
Neo4j at ``$NEO4J_URI``), so the servers also agree with each other. Word
search and the audit run on Neo4j over its whole-graph scan (:mod:`graph.scan`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("neo4j")

from conftest import SAMPLES, Bolt, Corpus  # noqa: E402

from graph.backend import GraphBackend, to_jsonable  # noqa: E402
from graph.embedded import EmbeddedBackend  # noqa: E402
from graph.neo4j import (  # noqa: E402
    Neo4jBackend,
    clear_graph,
    push,
)

LS = "UBND TỈNH LẠNG SƠN"
HD = "HĐND TỈNH LẠNG SƠN"


def edge_cases(db: Path) -> None:
    """The hand-built corpus (see the module docstring), into store ``db``."""
    c = Corpus(db)
    add = c.add
    # shared ancestor: one resolution, two plans implementing it, a report on both
    add("nq.txt", "01/NQ-HĐND", type="Nghị quyết", date="2025-01-10", issuer=HD,
        place="Lạng Sơn", subject="về phát triển 'kinh tế' \\ xã hội")
    for key in ("10/KH-UBND", "11/KH-UBND"):
        add(f"{key[:2]}.txt", key, type="Kế hoạch", date="2025-02-01", issuer=LS,
            place="Lạng Sơn", cites=[("01/NQ-HĐND", "2025-01-10", "HĐND tỉnh", "implements")])
    add("bc.txt", "20/BC-UBND", type="Báo cáo", date="2025-06-01", issuer=LS, place="Lạng Sơn",
        cites=[("10/KH-UBND", "2025-02-01", LS, "based_on"),
               ("11/KH-UBND", "2025-02-01", LS, "based_on"),
               ("01/NQ-HĐND", "2025-01-10", "HĐND tỉnh", "cites")])
    # a cycle: two decisions, each based on the other
    for key, other in (("20/QĐ-UBND", "21/QĐ-UBND"), ("21/QĐ-UBND", "20/QĐ-UBND")):
        add(f"qd{key[:2]}.txt", key, type="Quyết định", date="2026-04-01", issuer=LS,
            place="Lạng Sơn", cites=[(other, "2026-04-01", LS, "based_on")])
    # ambiguous: two directives 09/CT-UBND, and an undated mention of it;
    # unresolved: an undated key nobody issued
    for date in ("2025-03-05", "2026-04-10"):
        add(f"ct{date[:4]}.txt", "09/CT-UBND", type="Chỉ thị", date=date, issuer=LS,
            place="Lạng Sơn")
    add("tb.txt", "12/TB-UBND", type="Thông báo", date="2026-05-01", issuer=LS,
        place="Lạng Sơn", cites=[("09/CT-UBND", None, None, "implements"),
                                 ("77/QĐ-XYZ", None, None, "cites"),
                                 ("20/QĐ-UBND", "2026-04-01", LS, "amends")])
    # a relation only stated by a third document
    add("tb2.txt", "13/TB-UBND", type="Thông báo", date="2026-06-01", issuer=LS,
        place="Lạng Sơn", relations=[("20/QĐ-UBND", "01/NQ-HĐND", "implements")])
    # the same document cited by itself (dropped), and citing an amended one
    add("qd30.txt", "30/QĐ-UBND", type="Quyết định", date="2026-07-01", issuer=LS,
        place="Lạng Sơn", cites=[("30/QĐ-UBND", "2026-07-01", LS, "cites"),
                                 ("21/QĐ-UBND", "2026-04-01", LS, "amends")])
    c.store.close()


def generated(db: Path, root: Path) -> None:
    from legalgraph.cli import main

    gen = root / "gen"
    assert main(["generate", "--docs", "150", "--out", str(gen), "--seed", "5"]) == 0
    assert main(["ingest", str(SAMPLES), str(gen / "docs"), "--db", str(db), "--jobs", "1",
                 "--no-progress", "--json"]) == 0


#: CLI commands compared per corpus (``--json`` output with --db vs --uri).
COMMANDS = {
    "generated": [["show", "58-QĐ/TU"], ["show", "09/CT-UBND"], ["lineage", "58-QĐ/TU", "--down"],
                  ["lineage", "15/KH-UBND", "--depth", "2"], ["top", "--limit", "5"],
                  ["top", "--cited-by-type", "Kế hoạch", "--issuer", "UBND"], ["stats"]],
    "edge-cases": [["show", "09/CT-UBND"], ["show", "01/NQ-HĐND"], ["lineage", "20/BC-UBND"],
                   ["lineage", "20/QĐ-UBND", "--depth", "5"], ["lineage", "01/NQ-HĐND", "--down"],
                   ["top", "--type", "Nghị quyết"], ["top", "--cited-by-year", "2026"],
                   ["stats"]],
}


@pytest.fixture(scope="module", params=list(COMMANDS))
def backends(request: pytest.FixtureRequest, bolt: Bolt,
             tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[EmbeddedBackend, Neo4jBackend]]:
    """(embedded, server) over one corpus, pushed to the server."""
    config = bolt.config
    root = tmp_path_factory.mktemp(f"neo4j-parity-{request.param}")
    db = root / "store"
    if request.param == "generated":
        generated(db, root)
    else:
        edge_cases(db)
    clear_graph(config)
    report = push(db, config)
    embedded, neo = EmbeddedBackend(db, cache=False), Neo4jBackend(config)
    assert (report.nodes, report.edges) == (embedded.graph.number_of_nodes(),
                                            embedded.graph.number_of_edges())
    embedded.cli_args = ("--db", str(db))  # for the CLI test
    neo.cli_args = ("--uri", config.uri)
    neo.corpus = embedded.corpus = request.param
    yield embedded, neo
    neo.close()
    embedded.close()


def same(a: GraphBackend, b: GraphBackend, call) -> object:
    """``call`` on both backends; equal as JSON data, returned."""
    x, y = to_jsonable(call(a)), to_jsonable(call(b))
    assert x == y
    return x


def node_ids(e: EmbeddedBackend) -> list[str]:
    return sorted(e.graph.nodes)


def lineages(e: EmbeddedBackend, depth: int = 5) -> list:
    return [e.lineage(n, direction=d, depth=depth) for n in node_ids(e) for d in ("up", "down")]


def flags(tree, key: str) -> bool:
    return tree[key] or any(flags(c, key) for c in tree["children"])


def test_corpus_is_worth_comparing(backends):
    """Each corpus holds what the comparison is meant to cover."""
    e, _ = backends
    s = e.stats()
    trees = lineages(e)
    assert any(flags(t, "seen") for t in trees)  # shared ancestors
    assert s["unresolved_nodes"] > 0 and s["edges"] > 10
    nodes = [e.graph.nodes[n] for n in node_ids(e)]
    if e.corpus == "generated":
        assert s["nodes"] > 150 and s["edges"] > 150
        assert set(s["by_relation"]) > {"cites", "implements"}  # several relation types
    else:
        assert any(flags(t, "cycle") for t in trees)
        assert any(not n["resolved"] and len(n["candidates"]) == 2 for n in nodes)  # ambiguous
        assert any(not n["resolved"] and not n["candidates"] for n in nodes)  # unresolved
        assert s["ambiguous"] and s["unresolved"] and s["self_citations"]
        stated = [lk for n in node_ids(e) for lk in e.cites(n) if lk["stated_in"]]
        assert stated and any(lk["count"] == 0 for lk in stated)  # stated by a third only


def test_stats(backends):
    same(*backends, lambda b: b.stats())


def test_show_every_node(backends):
    e, n = backends
    for nid in node_ids(e):
        view = same(e, n, lambda b, nid=nid: b.show(nid))
        assert view is not None and view["node"]["id"] == nid


def test_cites_and_cited_by_every_node(backends):
    e, n = backends
    for nid in node_ids(e):
        same(e, n, lambda b, nid=nid: b.cites(nid))
        same(e, n, lambda b, nid=nid: b.cited_by(nid))


@pytest.mark.parametrize("direction", ["up", "down"])
@pytest.mark.parametrize("depth", [0, 1, 2, 5])
def test_lineage_every_node(backends, direction, depth):
    e, n = backends
    for nid in node_ids(e):
        same(e, n, lambda b, nid=nid: b.lineage(nid, direction=direction, depth=depth))


def test_document_text_every_node(backends):
    e, n = backends
    texts = [same(e, n, lambda b, nid=nid: b.document_text(nid)) for nid in node_ids(e)]
    assert sum(t is not None for t in texts) == e.stats()["documents"]


def test_files_every_node(backends):
    e, n = backends
    files = [same(e, n, lambda b, nid=nid: b.files(nid)) for nid in node_ids(e)]
    assert sum(bool(f) for f in files) == e.stats()["documents"]
    assert files == [(e.show(nid) or {"files": []})["files"] for nid in node_ids(e)]


def test_search_keys(backends):
    e, n = backends
    keys = sorted({k for _, k in e.graph.nodes(data="key") if k})
    queries = set(keys) | {k.lower() for k in keys} | {k[:3] for k in keys}
    queries |= {"58-QD/TU", "58-qđ/tu", " 09/CT-UBND ", "", "5", "vn/lang-son", "nothing"}
    queries |= set(node_ids(e)[:20])
    for q in sorted(queries):
        for limit in (0, 1, 20):
            same(e, n, lambda b, q=q, limit=limit: b.search_keys(q, limit=limit))


def test_top_with_filters(backends):
    e, n = backends
    g = e.graph
    types = sorted({t for _, t in g.nodes(data="type") if t})
    years = sorted({y for _, y in g.nodes(data="year") if y})
    issuers = ["UBND", "ubnd tinh lang son", "TU", "tỉnh ủy", "HĐND", "xyz"]
    calls = [dict(), dict(limit=0), dict(limit=-1), dict(limit=1), dict(limit=1000)]
    calls += [dict(type=t) for t in types] + [dict(type=t.upper()) for t in types[:2]]
    calls += [dict(cited_by_type=t) for t in types]
    calls += [dict(year=y) for y in years] + [dict(cited_by_year=y) for y in years]
    calls += [dict(issuer=i) for i in issuers]
    calls += [dict(type=types[0], cited_by_type=types[-1], year=years[-1], issuer="UBND"),
              dict(cited_by_type="Quyet dinh", cited_by_year=years[0], limit=5)]
    nonempty = 0
    for kw in calls:
        nonempty += bool(same(e, n, lambda b, kw=kw: b.top(**kw)))
    assert nonempty > len(calls) // 2
    assert e.top(limit=0) == [] and e.top(limit=1) != []  # a limit of 0 asks for nothing


def test_every_node_and_edge(backends):
    e, n = backends
    assert to_jsonable(n.nodes()) == to_jsonable(e.nodes())
    assert to_jsonable(n.edges()) == to_jsonable(e.edges())


def test_search(backends):
    from graph.scan import search

    e, n = backends
    names = sorted({v for _, v in e.graph.nodes(data="name") if v})
    queries = {"58-QD/TU", "chi thi 09", "quyết định", "lạng sơn", "ubnd", "kế hoạch 15",
               "09/CT-UBND", "nothing like this", "'; MATCH (n) DETACH DELETE n //"}
    queries |= {" ".join(name.split()[:3]) for name in names[:15]}
    hits = 0
    for q in sorted(queries):
        for limit in (1, 20):
            hits += bool(same(e, n, lambda b, q=q, limit=limit: search(b, q, limit=limit)))
    assert hits > len(queries)  # most queries find something


def test_audit(backends):
    """The same findings, but for what only the store knows (references the
    resolver set aside: the server holds only the stored graph)."""
    from graph.audit import audit

    e, n = backends
    a, b = audit(e), audit(n)
    assert b["set_aside"] is None
    for report in (a, b):
        report.pop("set_aside")
        report["counts"].pop("set_aside")
    assert to_jsonable(a) == to_jsonable(b)


def test_unknown_ids(backends):
    e, n = backends
    for nid in ("vn/nowhere/2020/qd/1/qd-x", "", "Document"):
        same(e, n, lambda b, nid=nid: b.show(nid))
        same(e, n, lambda b, nid=nid: b.cites(nid))
        same(e, n, lambda b, nid=nid: b.cited_by(nid))
        same(e, n, lambda b, nid=nid: b.lineage(nid))
        same(e, n, lambda b, nid=nid: b.document_text(nid))


def test_cli_answers_the_same_with_uri(backends, bolt, capsys, monkeypatch):
    """``legalgraph … --json`` prints the same with ``--uri`` as with ``--db``,
    and ``push`` of the already-pushed store writes nothing."""
    import json

    from legalgraph.cli import main

    e, n = backends
    monkeypatch.delenv("NEO4J_URI", raising=False)
    for var, value in (("NEO4J_USER", bolt.config.user),
                       ("NEO4J_PASSWORD", bolt.config.password)):
        monkeypatch.setenv(var, value or "")
    for cmd in COMMANDS[e.corpus]:
        out = []
        for b in (e, n):
            assert main([*cmd, "--json", *b.cli_args]) == 0
            out.append(json.loads(capsys.readouterr().out))
        assert out[0] == out[1] and out[0], cmd
    assert main(["push", "--db", e.cli_args[1], "--uri", n.cli_args[1], "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["up_to_date"] is True
    assert (report["nodes"], report["edges"]) == (e.stats()["nodes"], e.stats()["edges"])
