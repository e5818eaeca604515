"""Whole-graph questions (search, audit) give the same answers on Neo4j as on
the embedded backend, through Neo4jBackend.nodes/edges and graph.scan, over
one store. Runs on every server of the ``bolt`` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("neo4j")

from conftest import SAMPLES, Bolt  # noqa: E402
from graph_texts import put  # noqa: E402

from graph.audit import audit  # noqa: E402
from graph.backend import to_jsonable  # noqa: E402
from graph.embedded import EmbeddedBackend  # noqa: E402
from graph.neo4j import Neo4jBackend, clear_graph, push  # noqa: E402
from graph.scan import all_edges, all_nodes, search  # noqa: E402


@pytest.fixture(scope="module")
def backends(bolt: Bolt, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[EmbeddedBackend, Neo4jBackend]]:
    from graph.ingest import ingest
    from graph.store import Store

    config = bolt.config
    db = tmp_path_factory.mktemp("neo4j-scan") / "store"
    with Store(db) as store:
        ingest([SAMPLES], store)
        put(store, "law-note.txt",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\n"
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 được sửa đổi bởi Nghị định số "
            "48/2013/NĐ-CP ngày 14/5/2013;", key="5/KH-UBND", type="Kế hoạch",
            date="2026-01-05", issuer="UBND TỈNH LẠNG SƠN",
            cites=[("Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "77/2015/QH13",
                    None, None, "based_on", "Luật"),
                   ("Nghị định số 63/2010/NĐ-CP ngày 08/6/2010", "63/2010/NĐ-CP",
                    "2010-06-08", None, "based_on", "Nghị định"),
                   ("Nghị định số 48/2013/NĐ-CP ngày 14/5/2013", "48/2013/NĐ-CP",
                    "2013-05-14", None, "based_on", "Nghị định")],
            relations=[("63/2010/NĐ-CP", "48/2013/NĐ-CP", "amends")])
    clear_graph(config)
    push(db, config)
    embedded, neo = EmbeddedBackend(db, cache=False), Neo4jBackend(config)
    yield embedded, neo
    neo.close()
    embedded.close()


def test_every_node_and_edge_is_read_back(backends):
    embedded, neo = backends
    assert to_jsonable(all_nodes(neo)) == to_jsonable(embedded.nodes())
    assert to_jsonable(all_edges(neo)) == to_jsonable(embedded.edges())
    names = {n["id"]: n["name"] for n in all_nodes(neo)}
    assert names["vn/national/2015/vb/77/2015-qh13"] == "Luật Tổ chức chính quyền địa phương"


@pytest.mark.parametrize("query", ["luat to chuc chinh quyen dia phuong", "58-QD/TU",
                                   "chi thi 09", "lạng sơn", "09/CT-UBND"])
def test_search_is_the_same(backends, query):
    embedded, neo = backends
    hits = search(neo, query)
    assert hits and to_jsonable(hits) == to_jsonable(embedded.search(query))


def test_audit_is_the_same_but_for_what_only_the_store_knows(backends):
    embedded, neo = backends
    a, b = audit(embedded), audit(neo)
    assert b["set_aside"] is None and len(a["set_aside"]) == 1  # 63/2010 "amends" 48/2013
    for report in (a, b):
        report.pop("set_aside")
        report["counts"].pop("set_aside")
    assert to_jsonable(a) == to_jsonable(b)
