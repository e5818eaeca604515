"""Parts of the Neo4j backend that need no server: names, batching, the
property table, the dialect's fallbacks (against fake servers lacking each
feature) and what each connection failure tells the user."""

from __future__ import annotations

import pytest

pytest.importorskip("neo4j")

from graph.neo4j import Neo4jConfig, type_label  # noqa: E402
from graph.neo4j.falkordb import (  # noqa: E402
    CHUNK_CHARS,
    TEXT_PARAMS_BUDGET,
    ParametersTooLarge,
    escape_for_text_params,
    rendered_size,
)
from graph.neo4j.falkordb import batches as _batches  # noqa: E402
from graph.neo4j.push import _node_query  # noqa: E402


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
    out = list(_batches(data, 1000, TEXT_PARAMS_BUDGET, frozenset({"id", "key"})))
    assert sum(len(b) for b, _ in out) == 30
    for batch, appends in out:
        assert rendered_size(escape_for_text_params({"rows": batch})) < TEXT_PARAMS_BUDGET
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
    from graph.neo4j import ServerUnreachable

    with pytest.raises(ServerUnreachable, match="bolt://127.0.0.1:1: no server there"):
        open_backend(environ=env)  # NEO4J_URI alone picks Neo4j


# --------------------------------------------------------------------------
# The dialect's fallbacks, against fake servers that lack one feature or another


class FakeServer:
    """What :mod:`graph.neo4j.dialect` sees of a server with some ``features``:
    ``constraint`` (CREATE CONSTRAINT … REQUIRE), ``relabel_breaks_unique``
    (a uniqueness constraint fails a transaction that changes a new node's
    labels, as on ArcadeDB), ``constraint_noop_on_name`` (CONSTRAINT … IF NOT
    EXISTS does nothing when a plain index has that name, as on ArcadeDB),
    ``named_index`` (CREATE INDEX name IF NOT EXISTS), ``plain_index``
    (CREATE INDEX FOR, failing if it exists), ``await``, ``show_indexes``,
    ``db_indexes`` (FalkorDB's per-label rows), ``db_labels``. ``states``:
    what successive listings report for every index's state."""

    def __init__(self, *features: str, indexes: dict | None = None,
                 states: list[str] | None = None) -> None:
        self.features = set(features)
        self.indexes: dict[str, dict] = dict(indexes or {})  # prop → {name, unique}
        self.states = list(states or [])
        self.ran: list[str] = []

    def try_write(self, cypher: str, params=None) -> bool:
        ok = self._write(cypher)
        if ok:
            self.ran.append(cypher)
        return ok

    def _write(self, cypher: str) -> bool:
        f = self.features
        if cypher.startswith("CREATE CONSTRAINT"):
            if "constraint" not in f:
                return False
            held = self.indexes.get("id")
            if held and held["name"] == "legalgraph_document_id" \
                    and "constraint_noop_on_name" in f:
                return True
            self.indexes["id"] = {"name": "legalgraph_document_id", "unique": True}
            return True
        if cypher.startswith("MERGE"):  # the relabel probe
            unique = self.indexes.get("id", {}).get("unique")
            return not (unique and "relabel_breaks_unique" in f)
        if cypher.startswith("DROP CONSTRAINT"):
            if self.indexes.get("id", {}).get("unique"):
                del self.indexes["id"]
            return "constraint" in f
        if cypher.startswith("CREATE INDEX legalgraph_"):
            if "named_index" not in f:
                return False
            prop = cypher.split("ON (n.")[1].rstrip(")")
            self.indexes.setdefault(prop, {"name": cypher.split()[2], "unique": False})
            return True
        if cypher.startswith("CREATE INDEX FOR"):
            prop = cypher.split("ON (n.")[1].rstrip(")")
            if "plain_index" not in f or prop in self.indexes:
                return False
            self.indexes[prop] = {"name": None, "unique": False}
            return True
        if cypher.startswith("CALL db.awaitIndexes"):
            return "await" in f
        raise AssertionError(f"unexpected statement: {cypher}")

    def try_read(self, cypher: str, **params):
        state = self.states.pop(0) if self.states else None
        if cypher.startswith("SHOW INDEXES") and "show_indexes" in self.features:
            return [{"labels": ["Document"], "properties": [p], "state": state or "ONLINE",
                     "owner": "c" if i["unique"] else None} for p, i in self.indexes.items()]
        if cypher.startswith("CALL db.indexes") and "db_indexes" in self.features:
            return [{"labels": ["Document"], "properties": list(self.indexes),
                     "state": state or "OPERATIONAL", "owner": None}] if self.indexes else []
        if cypher.startswith("CALL db.labels") and "db_labels" in self.features:
            return [{"label": "Document"}, {"label": "ChiThi"}]
        return None

    def read(self, cypher: str, **params):
        assert "UNWIND labels(n)" in cypher
        return [{"label": "Document"}]


NEO4J = ("constraint", "named_index", "await", "show_indexes", "db_labels")
ARCADEDB = ("constraint", "relabel_breaks_unique", "constraint_noop_on_name", "named_index",
            "show_indexes", "db_labels")
FALKORDB = ("plain_index", "db_indexes", "db_labels")


def test_schema_on_neo4j_is_a_uniqueness_constraint_and_awaited():
    from graph.neo4j.dialect import ensure_schema

    server = FakeServer(*NEO4J)
    assert ensure_schema(server) == ["constraint", "index", "awaited"]
    assert server.indexes["id"]["unique"]
    assert ensure_schema(server) == ["constraint", "index", "awaited"]  # again: the same


def test_schema_where_a_constraint_breaks_relabelling_is_a_plain_index():
    """ArcadeDB: the relabel probe fails under the new constraint, which is
    dropped for a named index; no db.awaitIndexes, so the listing is polled."""
    from graph.neo4j.dialect import DROP_ID_CONSTRAINT, ensure_schema

    server = FakeServer(*ARCADEDB, states=["POPULATING", "POPULATING", "ONLINE"])
    steps = ensure_schema(server, timeout=10)
    assert steps == ["relabel-probe-failed", "index", "index", "polled"]
    assert DROP_ID_CONSTRAINT in server.ran
    assert server.indexes["id"] == {"name": "legalgraph_document_id", "unique": False}
    assert not server.states  # polled until every index was online
    # the next push: the constraint statement is a no-op there; the report
    # says what the server has, from its listing
    assert ensure_schema(server) == ["index", "index", "polled"]


def test_schema_without_if_not_exists_creates_only_missing_indexes():
    """FalkorDB: no constraints, no IF NOT EXISTS, no SHOW INDEXES; its
    db.indexes() lists one row per label."""
    from graph.neo4j.dialect import ensure_schema

    server = FakeServer(*FALKORDB, indexes={"id": {"name": None, "unique": False}})
    assert ensure_schema(server) == ["listed-index", "listed-index", "polled"]
    assert server.ran == ["CREATE INDEX FOR (n:Document) ON (n.key_fold)"]
    server.ran.clear()
    assert ensure_schema(server) == ["listed-index", "listed-index", "polled"]
    assert server.ran == []  # both exist now: nothing created twice


def test_schema_without_any_index_listing():
    from graph.neo4j.dialect import Unsupported, ensure_schema

    # named indexes but no listing at all: nothing to wait on
    assert ensure_schema(FakeServer("named_index")) == ["index", "index", "no-wait"]
    with pytest.raises(Unsupported, match="none of the index statements"):
        ensure_schema(FakeServer("plain_index"))  # cannot tell what exists
    with pytest.raises(Unsupported, match="cannot create an index"):
        ensure_schema(FakeServer("show_indexes"))


def test_failed_index_or_timeout_is_reported():
    from graph.neo4j.dialect import Unsupported, ensure_schema

    with pytest.raises(Unsupported, match="failed"):
        ensure_schema(FakeServer("named_index", "show_indexes", states=["FAILED"]))
    with pytest.raises(Unsupported, match="not ready after"):
        ensure_schema(FakeServer("named_index", "show_indexes", states=["POPULATING"] * 50),
                      timeout=0.3)


def test_labels_without_db_labels_scans_the_documents():
    from graph.neo4j.dialect import labels

    assert labels(FakeServer("db_labels")) == ["Document", "ChiThi"]
    assert labels(FakeServer()) == ["Document"]


def test_parameter_probe():
    """Parameters that arrive verbatim; pasted into the query text (FalkorDB:
    escaped from then on); altered even when escaped (refused)."""
    from neo4j.exceptions import DatabaseError

    from graph.neo4j.dialect import Unsupported, probe

    def verbatim(cypher, **params):
        return [{"p": params["p"]}]

    def pasting(cypher, **params):
        p = params["p"]
        if "'" in p.replace("\\'", ""):  # an unescaped quote breaks its header
            raise DatabaseError("syntax error")
        return [{"p": p.replace("\\\\", "\x00").replace("\\", "").replace("\x00", "\\")}]

    def mangling(cypher, **params):
        return [{"p": params["p"].upper()}]

    assert probe(verbatim).text_params is False
    assert probe(pasting).text_params is True
    with pytest.raises(Unsupported, match="alters string parameters"):
        probe(mangling)


# --------------------------------------------------------------------------
# The property table


def test_every_summary_field_has_a_property_and_codecs_round_trip():
    from graph.build import NODE_FIELDS
    from graph.neo4j.schema import JSON, NODE_PROPERTIES, Property, node_row, summary
    from graph.validity import unknown

    names = [p.name for p in NODE_PROPERTIES]
    assert set(NODE_FIELDS) <= set(names) and len(names) == len(set(names))
    attrs = {f: None for f in NODE_FIELDS} | {"key": "58-QĐ/TU", "type": "Quyết định",
                                              "year": 2025, "ingested": 1,
                                              "candidates": ("a", "b")}
    row = node_row(attrs | {"cited_by": 3})
    assert row["key_fold"] == "58-qd/tu" and row["type_label"] == "QuyetDinh"
    assert row["ingested"] is True and row["candidates"] == ["a", "b"]
    back = summary({"id": "x", **row})
    assert back == {"id": "x", **attrs, "ingested": True, "resolved": False,
                    "candidates": ["a", "b"], "validity": unknown()}  # as the embedded graph
    # an object property is one line: Property(name, JSON); stored as text,
    # possibly in pieces on a server with a parameter budget, read back whole
    validity = Property("validity", JSON)
    value = {"state": "in force", "by": None, "since": "2025-01-01", "effective": True}
    stored = validity.value({"validity": value})
    assert isinstance(stored, str)
    assert JSON.read(stored) == value
    assert JSON.read([stored[:7], stored[7:]]) == value
    assert validity.value({}) is None and JSON.read(None) is None


def test_a_text_property_refuses_an_object():
    from graph.neo4j.schema import Property

    with pytest.raises(TypeError, match="JSON codec"):
        Property("validity").value({"validity": {"state": "in force"}})


# --------------------------------------------------------------------------
# What a failure tells the user


def explained(exc, *, user="neo4j", database=None) -> str:
    """The message :meth:`Connection.explain` gives for ``exc`` (no server)."""
    from graph.neo4j.connection import Connection, ServerError

    conn = object.__new__(Connection)
    conn.config = Neo4jConfig(uri="bolt://db.example:7687", user=user, password="pw",
                              database=database)
    conn.agent = "Neo4j/5.26.0"
    out = conn.explain(exc)
    assert isinstance(out, ServerError), out
    message = str(out)
    assert message.startswith("bolt://db.example:7687") and "\n" not in message
    return message


def test_failures_become_one_line_naming_the_uri_and_what_to_do():
    from neo4j.exceptions import AuthError, ClientError, DatabaseError, ServiceUnavailable

    def neo4j_error(cls, code, message):
        exc = cls(message)
        exc._neo4j_code, exc._message = code, message  # as the driver hydrates them
        return exc

    assert "refused the credentials (user 'neo4j'); set NEO4J_USER and NEO4J_PASSWORD" in \
        explained(AuthError("The client is unauthorized"))
    assert "NEO4J_USER unset" in explained(AuthError("unauthorized"), user=None)
    assert "no database 'legal' there" in explained(
        neo4j_error(ClientError, "Neo.ClientError.Database.DatabaseNotFound", "not found"),
        database="legal")
    assert "may not do this" in explained(
        neo4j_error(ClientError, "Neo.ClientError.Security.Forbidden", "Schema operations"))
    assert "does not speak Bolt" in explained(ServiceUnavailable(
        "Couldn't connect to db:7687:\nCannot to connect to Bolt service (looks like HTTP)"))
    assert "cannot reach the server" in explained(ServiceUnavailable("Connection reset"))
    assert "rejected a statement legalgraph needs" in explained(
        neo4j_error(DatabaseError, "Neo.DatabaseError.General.UnknownError", "Unknown proc"))


def test_a_bug_keeps_its_traceback():
    from graph.neo4j.connection import Connection

    conn = object.__new__(Connection)
    conn.config, conn.agent = Neo4jConfig(uri="bolt://h"), "?"
    bug = KeyError("node")
    assert conn.explain(bug) is None
    with pytest.raises(KeyError):
        conn.fail(bug)


@pytest.mark.parametrize(("uri", "message"), [
    ("http://localhost:7474", "not a Bolt URI"),
    ("bolt://localhost:seven", "the port is not a number"),
    ("bolt://", "not a Bolt URI"),
    ("bolt://no-such-host.invalid:7687", "host name not found"),
])
def test_addresses_that_cannot_work_are_refused_at_once(uri, message):
    from graph.neo4j import Neo4jBackend, ServerError

    with pytest.raises(ServerError, match=message) as info:
        Neo4jBackend(Neo4jConfig(uri=uri))
    assert str(info.value).startswith(uri)


def test_validity_is_pushed_with_its_evidence_and_judged_on_the_reader_day():
    """A node pushed while a repeal was still pending reads back repealed once
    the repeal is in effect: the same object the embedded graph gives that day."""
    import datetime as dt

    from graph.neo4j.schema import node_row, summary
    from graph.validity import validity_of

    act = {"id": "vn/lang-son/2025/qd/84/2025-qd-ubnd", "key": "84/2025/QĐ-UBND",
           "type": "Quyết định", "relation": "repeals", "partial": False,
           "date": "2025-11-20", "effective": "2025-12-01"}
    pushed = validity_of("2019-03-05", None, [act], "2025-11-25")
    assert pushed["state"] == "in_force" and pushed["pending"]
    row = node_row({"key": "12/2019/QĐ-UBND", "validity": pushed})
    assert (row["validity_state"], row["effective"]) == ("in_force", "2019-03-05")
    stored = row["validity"]
    for value in (stored, [stored[:11], stored[11:]]):  # whole, or in pieces
        back = summary({"id": "x", **row, "validity": value})["validity"]
        assert back == validity_of("2019-03-05", None, [act], dt.date.today())
        assert back["state"] == "repealed" and back["since"] == "2025-12-01"
