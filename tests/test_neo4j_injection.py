"""What a person types reaches Cypher only as a parameter: quotes,
backslashes and Cypher keywords are inert, match only what they literally
say, and answer exactly what the embedded backend answers.

Also: stored values with the same characters survive the round trip.
Runs against ``$NEO4J_URI`` if set, else a FalkorDB the tests start, else skips.
"""

from __future__ import annotations

import pytest

pytest.importorskip("neo4j")

from graph.backend import to_jsonable  # noqa: E402
from graph.neo4j import (  # noqa: E402
    Neo4jBackend,
    clear_graph,
    escape_for_text_params,
    push,
)

LS = "UBND TỈNH LẠNG SƠN"

#: Strings that would do harm if pasted into Cypher (or into FalkorDB's
#: textual parameter header without escaping).
HOSTILE = [
    "' OR 1=1 //",
    '" OR true RETURN n //',
    "x' y='injected",  # FalkorDB: would define a second parameter
    "\\",
    "\\'",
    "a\\\\'b",
    "'}) MATCH (n) DETACH DELETE n //",
    "MATCH (n) DETACH DELETE n",
    "$id",
    "58-QĐ/TU' DETACH DELETE n",
    "09/CT-UBND\\",
    "*/ CALL db.labels() /*",
    "\n\r\t",
    "Đ" * 3,
    "\u202e' RETURN 1",
]


@pytest.fixture(scope="module")
def loaded(bolt, tmp_path_factory: pytest.TempPathFactory):
    """A small store whose stored values also hold quotes and backslashes,
    pushed; yields (embedded, neo4j, config)."""
    from conftest import Corpus  # the shared test helpers

    config = bolt.config
    corpus = Corpus(tmp_path_factory.mktemp("neo4j-injection") / "store")
    corpus.add("a.txt", "58-QĐ/TU", type="Quyết định", date="2025-11-20",
               issuer="TỈNH ỦY LẠNG SƠN", place="Lạng Sơn",
               subject="về 'quy chế' \\ \"làm việc\"; MATCH (n) DETACH DELETE n //",
               cites=[("09/CT-UBND", "2026-01-05", LS, "implements", "Chỉ thị")])
    corpus.add("b.txt", "09/CT-UBND", type="Chỉ thị", date="2026-01-05", issuer=LS,
               place="Lạng Sơn", subject="x' y='z \\' }) RETURN 1 //",
               cites=[("12-KH/TU", None, "TỈNH ỦY LẠNG SƠN", "based_on")])
    corpus.add("c.txt", "15/KH-UBND", type="Kế hoạch", date="2026-02-01", issuer=LS,
               place="Lạng Sơn", cites=[("09/CT-UBND", "2026-01-05", LS, "implements"),
                                        ("58-QĐ/TU", "2025-11-20", None, "cites")])
    for key, other in (("20/QĐ-UBND", "21/QĐ-UBND"), ("21/QĐ-UBND", "20/QĐ-UBND")):
        corpus.add(f"{key[:2]}.txt", key, type="Quyết định", date="2026-04-01", issuer=LS,
                   place="Lạng Sơn", cites=[(other, "2026-04-01", LS, "based_on")])  # a loop
    for i in range(80):  # many documents stating one relation: a long stated_in list
        # (the 2026 directive implements the 2025 decision: the other way round
        # would have a document act on a later one, which is never stored)
        corpus.add(f"r{i}.txt", f"{100 + i}/TB-UBND", type="Thông báo", date="2026-03-01",
                   issuer=LS, place="Lạng Sơn",
                   relations=[("09/CT-UBND", "58-QĐ/TU", "implements")])
    clear_graph(config)
    push(corpus.dir, config)
    embedded, neo = corpus.backend(), Neo4jBackend(config)
    yield embedded, neo, config
    neo.close()
    embedded.close()
    corpus.store.close()


def snapshot(neo: Neo4jBackend) -> list:
    rows = neo.connection.read("MATCH (n) OPTIONAL MATCH (n)-[e]->(m) RETURN n.id AS n, "
                          "labels(n) AS l, type(e) AS t, m.id AS m")
    return sorted(str(sorted(r.items())) for r in rows)


def test_escaping_for_textual_parameters():
    assert escape_for_text_params("a'b\\c") == "a\\'b\\\\c"
    assert escape_for_text_params({"k": ["'", 1, None, True]}) == {"k": ["\\'", 1, None, True]}
    with pytest.raises(ValueError, match="NUL"):
        escape_for_text_params("a\x00b")


def test_stored_quotes_and_backslashes_round_trip(loaded):
    embedded, neo, _ = loaded
    assert to_jsonable(neo.stats()) == to_jsonable(embedded.stats())
    for nid in embedded.graph.nodes:
        assert to_jsonable(neo.show(nid)) == to_jsonable(embedded.show(nid))
        assert neo.document_text(nid) == embedded.document_text(nid)
        for direction in ("up", "down"):
            assert to_jsonable(neo.lineage(nid, direction=direction)) == \
                to_jsonable(embedded.lineage(nid, direction=direction))
    loop = embedded.search_keys("20/QĐ-UBND")[0]["id"]
    assert neo.lineage(loop)["children"][0]["children"][0]["cycle"] is True
    subjects = {n["subject"] for n in (neo.show(i)["node"] for i in embedded.graph.nodes)}
    assert "x' y='z \\' }) RETURN 1 //" in subjects
    stated = max(len(link["stated_in"]) for i in embedded.graph.nodes for link in neo.cites(i))
    assert stated >= 80  # longer than one FalkorDB statement can carry: stored in pieces


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_user_text_is_inert(loaded, text):
    embedded, neo, _ = loaded
    before = snapshot(neo)
    calls = [
        lambda b: b.search_keys(text),
        lambda b: b.search_keys("58-QĐ/TU" + text),
        lambda b: b.show(text),
        lambda b: b.cites(text),
        lambda b: b.cited_by(text),
        lambda b: b.lineage(text, direction="down"),
        lambda b: b.document_text(text),
        lambda b: b.files(text),
        lambda b: b.top(type=text),
        lambda b: b.top(cited_by_type=text),
        lambda b: b.top(issuer=text),
    ]
    for call in calls:
        assert to_jsonable(call(neo)) == to_jsonable(call(embedded))
    if text.strip():
        assert neo.top(issuer=text) == []  # matched literally: no issuer contains it
    assert snapshot(neo) == before  # nothing written, nothing deleted
    assert neo.stats()["nodes"] == embedded.stats()["nodes"]


@pytest.mark.parametrize("text", ["58-QĐ/TU\x00", "\x00", "58-QĐ/TU" * 1000, "'" * 5000])
def test_nul_and_oversized_input(loaded, text):
    """Text no stored value can equal: the same empty answers, and a server that
    pastes parameters into its query text is never sent more than it takes."""
    embedded, neo, _ = loaded
    for call in (lambda b: b.search_keys(text), lambda b: b.show(text),
                 lambda b: b.top(issuer=text), lambda b: b.lineage(text),
                 lambda b: b.document_text(text), lambda b: b.files(text)):
        assert to_jsonable(call(neo)) == to_jsonable(call(embedded))
    assert neo.stats() == embedded.stats()  # the server is still up
