"""Pure parts of the Neo4j backend: no server needed."""

from __future__ import annotations

import pytest

pytest.importorskip("neo4j")

from graph.neo4j import (  # noqa: E402
    CHUNK_CHARS,
    TEXT_PARAMS_BUDGET,
    Neo4jConfig,
    ParametersTooLarge,
    _batches,
    _node_query,
    _rendered_size,
    escape_for_text_params,
    type_label,
)


@pytest.mark.parametrize(("doc_type", "label"), [
    ("Quyết định", "QuyetDinh"),  # decision
    ("Chỉ thị", "ChiThi"),  # directive
    ("Thông tư liên tịch", "ThongTuLienTich"),  # joint circular
    ("Công văn", "CongVan"),  # official letter
    (None, "UnknownType"),
    ("", "UnknownType"),
    ("Document", "TypeDocument"),  # would merge with the common label
    ("2024", "Type2024"),  # labels start with a letter
    ("Quyết định`) DETACH DELETE n //", "QuyetDinhDetachDeleteN"),  # only letters survive
])
def test_type_label(doc_type, label):
    assert type_label(doc_type) == label


def test_node_query_pastes_only_checked_labels():
    q = _node_query(("ChiThi", False, False))
    assert "n:ChiThi:CitedOnly:Unresolved" in q and "REMOVE n:Ingested" in q
    with pytest.raises(ValueError):
        _node_query(("Chi`Thi", True, True))


def test_config_from_flags_and_environment():
    env = {"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "pw",
           "NEO4J_DATABASE": "legal"}
    c = Neo4jConfig.from_env(environ=env)
    assert (c.uri, c.auth, c.database) == ("bolt://db:7687", ("neo4j", "pw"), "legal")
    c = Neo4jConfig.from_env(uri="neo4j+s://x.databases.neo4j.io", database="other",
                             environ=env)
    assert (c.uri, c.database) == ("neo4j+s://x.databases.neo4j.io", "other")
    assert Neo4jConfig.from_env(environ={"NEO4J_URI": "bolt://h"}).auth is None  # no auth
    assert "pw" not in repr(Neo4jConfig.from_env(environ=env))
    with pytest.raises(ValueError, match="NEO4J_URI"):
        Neo4jConfig.from_env(environ={})


def rows(n: int, text: str = "") -> list[dict]:
    return [{"id": f"vn/x/{i}", "p": {"key": f"{i}/QĐ-UBND", "text": text}} for i in range(n)]


def test_batches_without_budget_are_plain_slices():
    out = list(_batches(rows(25), 10, None))
    assert [len(b) for b, _ in out] == [10, 10, 5] and all(not a for _, a in out)


def test_batches_within_budget_and_long_values_in_pieces():
    text = "Đoạn 'một' \\ hai. " * 200
    ids = [f"vn/lang-son/2020-2025/ct/{i}/ct-tu" for i in range(300)]
    data = rows(30, text)
    for r in data:
        r["p"]["stated_in"] = ids
    out = list(_batches(data, 1000, TEXT_PARAMS_BUDGET))
    assert sum(len(b) for b, _ in out) == 30
    for batch, appends in out:
        assert _rendered_size(escape_for_text_params({"rows": batch})) < TEXT_PARAMS_BUDGET
        for row in batch:
            rest = {prop: [x for r, p, pieces in appends if r["id"] == row["id"] and p == prop
                           for piece in pieces for x in piece]
                    for prop in ("text", "stated_in")}
            pieces = row["p"]["text"] + rest["text"]
            assert "".join(pieces) == text and all(len(p) <= CHUNK_CHARS for p in pieces)
            assert row["p"]["stated_in"] + rest["stated_in"] == ids
            assert isinstance(row["p"]["key"], str)  # short values stay as they are


def test_batches_refuse_a_row_that_cannot_fit():
    huge = [{"id": "x" * 5000, "p": {}}]  # ids are matched on: never cut
    with pytest.raises(ParametersTooLarge):
        list(_batches(huge, 10, TEXT_PARAMS_BUDGET))


def test_open_backend_choice(tmp_path):
    from graph.backends import open_backend
    from graph.embedded import EmbeddedBackend

    env = {"NEO4J_URI": "bolt://127.0.0.1:1"}  # nothing listens there
    b = open_backend(db=tmp_path / "store", environ=env)  # --db wins over NEO4J_URI
    assert isinstance(b, EmbeddedBackend)
    b.close()
    from neo4j.exceptions import ServiceUnavailable

    with pytest.raises(ServiceUnavailable):
        open_backend(environ=env)  # NEO4J_URI alone picks Neo4j


class FakeConnection:
    """Records writes; answers reads from a table: for the schema paths."""

    def __init__(self, server, indexes=()):
        self.server, self.writes = server, []
        self.indexes = [{"label": lbl, "properties": [p]} for lbl, p in indexes]

    def write(self, cypher, params, **kw):
        self.writes.append(cypher)
        return [], 0

    def read(self, cypher, **params):
        assert "db.indexes" in cypher
        return self.indexes


def test_schema_on_neo4j_uses_a_uniqueness_constraint():
    from graph.neo4j import ServerInfo, _ensure_schema

    conn = FakeConnection(ServerInfo("neo4j", "5.26.0", text_params=False))
    _ensure_schema(conn)
    assert any("CREATE CONSTRAINT" in w and "REQUIRE n.id IS UNIQUE" in w
               and "IF NOT EXISTS" in w for w in conn.writes)
    assert any("db.awaitIndexes" in w for w in conn.writes)


def test_schema_elsewhere_creates_only_missing_plain_indexes():
    from graph.neo4j import ServerInfo, _ensure_schema

    conn = FakeConnection(ServerInfo("portable", None, text_params=True),
                          indexes=[("Document", "id")])
    _ensure_schema(conn)
    assert conn.writes == ["CREATE INDEX FOR (n:Document) ON (n.key_fold)"]
    assert not any("CONSTRAINT" in w or "IF NOT EXISTS" in w for w in conn.writes)


def test_server_detection():
    from neo4j.exceptions import DatabaseError

    from graph.neo4j import _detect

    def neo4j_server(cypher, **params):
        if "dbms.components" in cypher:
            return [{"name": "Neo4j Kernel", "versions": ["5.26.0"]}]
        return [{"p": params["p"]}]  # parameters arrive verbatim

    def falkordb(cypher, **params):
        if "dbms.components" in cypher:
            raise DatabaseError("unknown procedure")
        p = params["p"]
        if "'" in p.replace("\\'", ""):  # an unescaped quote breaks its header
            raise DatabaseError("syntax error")
        return [{"p": p.replace("\\\\", "\x00").replace("\\", "").replace("\x00", "\\")}]

    info = _detect(neo4j_server)
    assert (info.flavor, info.version, info.text_params) == ("neo4j", "5.26.0", False)
    info = _detect(falkordb)
    assert (info.is_neo4j, info.text_params) == (False, True)
