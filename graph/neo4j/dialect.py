"""What the server supports, found by trying it, never by its name or
version string: a Neo4j-compatible server (ArcadeDB answers
``dbms.components()`` as "Neo4j Kernel 5.26.0", FalkorDB's Bolt agent says
"Neo4j/5.13.0") takes the Neo4j path wherever it can, and falls back
feature by feature where it cannot.

Probed on connecting (one statement): whether string parameters arrive
verbatim (else :mod:`graph.neo4j.falkordb`'s escaping and parameter budget).
Probed where used, by trying the best form first: the schema
(:func:`ensure_schema`: a uniqueness constraint in Neo4j 5 syntax, else a
named index with ``IF NOT EXISTS``, else an unnamed index created when the
index listing lacks it), waiting for indexes (``db.awaitIndexes``, else
polling the listing's state), the index listing itself (``SHOW INDEXES``,
else ``db.indexes()``), and the label listing (``db.labels()``, else a scan).
Every fallback is tested with a fake server that lacks the feature
(``tests/test_neo4j_units.py``) and the path each real server takes is
checked in ``tests/test_neo4j_push.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.neo4j.falkordb import escape_for_text_params
from graph.neo4j.schema import DOCUMENT, checked

if TYPE_CHECKING:
    from graph.neo4j.connection import Connection

__all__ = ["Dialect", "IndexState", "ensure_schema", "labels", "list_indexes", "probe"]

#: The parameter probe: a quote, a backslash and a double quote.
PROBE = "a'b\\c\"d"


class Unsupported(RuntimeError):
    """The server lacks something legalgraph cannot do without."""


@dataclass(frozen=True)
class Dialect:
    """What the server is, as far as the queries care (its Bolt agent string,
    kept by the connection for messages, never decides anything)."""

    #: True when string parameters are pasted into the query text (FalkorDB):
    #: they must be escaped, and each statement's parameters stay under a
    #: budget (:mod:`graph.neo4j.falkordb`).
    text_params: bool


def probe(run: Callable[..., list[dict[str, Any]]]) -> Dialect:
    """Whether string parameters arrive verbatim, tested with a probe string;
    if not, whether they do once escaped (else :class:`Unsupported`).
    ``run(cypher, **params)`` runs one statement; a server that rejects it
    outright raises from there."""
    from neo4j.exceptions import Neo4jError

    try:
        verbatim = run("RETURN $p AS p", p=PROBE)[0]["p"] == PROBE
    except Neo4jError:  # an unescaped quote broke the pasted text
        verbatim = False
    if not verbatim:
        escaped = run("RETURN $p AS p", p=escape_for_text_params(PROBE))[0]["p"]
        if escaped != PROBE:
            raise Unsupported("it alters string parameters, even escaped")
    return Dialect(text_params=not verbatim)


# --------------------------------------------------------------------------
# Schema

#: Identity index, best first: a uniqueness constraint (Neo4j 5 syntax; also
#: the fastest MERGE), else a named index if absent.
ID_INDEX = (
    "CREATE CONSTRAINT legalgraph_document_id IF NOT EXISTS "
    "FOR (n:Document) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX legalgraph_document_id IF NOT EXISTS FOR (n:Document) ON (n.id)",
)
DROP_ID_CONSTRAINT = "DROP CONSTRAINT legalgraph_document_id IF EXISTS"
#: What push does to a node, in one transaction: create it, then change its
#: labels. ArcadeDB (26.10) moves a node whose labels change to another
#: record type, and its uniqueness constraint then sees the node twice and
#: fails the transaction; where this probe fails, the constraint is dropped
#: for a plain index. Nothing stays behind (the node is deleted in the same
#: transaction, which rolls back if the probe fails).
RELABEL_PROBE = ("MERGE (n:Document {id: $id}) SET n:CitedOnly WITH n "
                 "REMOVE n:CitedOnly SET n:Ingested WITH n DETACH DELETE n")
RELABEL_PROBE_ID = "legalgraph:relabel-probe"
#: Folded-key index (search_keys), named if the server takes names.
KEY_INDEX = (
    "CREATE INDEX legalgraph_document_key_fold IF NOT EXISTS FOR (n:Document) ON (n.key_fold)",
)
#: Last resort for both: an unnamed index, created only when the listing lacks it
#: (servers without IF NOT EXISTS would otherwise fail on the second push).
PLAIN_INDEX = "CREATE INDEX FOR (n:{label}) ON (n.{prop})"

#: Index listings, best first: (statement, the state an index is ready in,
#: whether a row's properties are separate single-property indexes, as
#: FalkorDB lists them: one row per label).
LISTINGS = (
    ("SHOW INDEXES YIELD labelsOrTypes, properties, state, owningConstraint "
     "RETURN labelsOrTypes AS labels, properties, state, owningConstraint AS owner",
     "ONLINE", False),
    ("CALL db.indexes() YIELD label, properties, status "
     "RETURN [label] AS labels, properties, status AS state, null AS owner",
     "OPERATIONAL", True),
)

AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"


@dataclass(frozen=True)
class IndexState:
    """One index as listed: its label, properties, whether it is ready, and
    whether a (uniqueness) constraint owns it."""

    label: str
    properties: tuple[str, ...]
    state: str
    ready: bool
    unique: bool


def list_indexes(conn: Connection) -> list[IndexState] | None:
    """The server's indexes, from the first listing it supports (None if none)."""
    for cypher, ready, grouped in LISTINGS:
        rows = conn.try_read(cypher)
        if rows is None:
            continue
        out = []
        for r in rows:
            props = tuple(r["properties"] or ())
            state = str(r["state"])
            for lbl in r["labels"] or []:
                for p in ([(x,) for x in props] if grouped else [props]):
                    out.append(IndexState(lbl, p, state, state.upper() == ready,
                                          r["owner"] is not None))
        return out
    return None


def ensure_schema(conn: Connection, *, timeout: float = 300.0) -> list[str]:
    """Create the identity and key indexes in the best form the server takes
    and wait until they are usable. Returns what the server ended up with,
    one word per step: for ``id`` and ``key_fold``, ``constraint`` (unique),
    ``index`` (named, ``IF NOT EXISTS``) or ``listed-index`` (created after
    checking the listing); ``relabel-probe-failed`` if a new uniqueness
    constraint had to be dropped (:data:`RELABEL_PROBE`); then ``awaited``,
    ``polled`` or ``no-wait``. Push reports it; the tests check each path."""
    steps: list[str] = []
    listing: list[IndexState] | None = None
    for prop, forms in (("id", ID_INDEX), ("key_fold", KEY_INDEX)):
        done = None
        for cypher in forms:
            if not conn.try_write(cypher):
                continue
            if "CONSTRAINT" in cypher:
                if not conn.try_write(RELABEL_PROBE, {"id": RELABEL_PROBE_ID}):
                    conn.try_write(DROP_ID_CONSTRAINT)
                    steps.append("relabel-probe-failed")
                    continue
                done = "constraint"
            else:
                done = "index"
            break
        if done is None:
            if listing is None:
                listing = list_indexes(conn)
            if listing is None:
                raise Unsupported("it takes none of the index statements legalgraph knows "
                                  "and cannot list its indexes")
            if not any(i.label == DOCUMENT and i.properties == (prop,) for i in listing):
                if not conn.try_write(PLAIN_INDEX.format(label=checked(DOCUMENT), prop=prop)):
                    raise Unsupported(f"it cannot create an index on :{DOCUMENT}({prop})")
            done = "listed-index"
        steps.append(done)
    if "constraint" in steps:
        # The statement may have been a no-op (ArcadeDB accepts IF NOT EXISTS
        # when a plain index of that name exists): say what the server has.
        listing = list_indexes(conn)
        if listing is not None and not any(i.unique and i.label == DOCUMENT
                                           and i.properties == ("id",) for i in listing):
            steps[steps.index("constraint")] = "index"
    steps.append(_await_indexes(conn, timeout))
    return steps


def _await_indexes(conn: Connection, timeout: float) -> str:
    """Wait until every index is ready: ``db.awaitIndexes`` where the server
    has it, else poll the index listing, else (no listing either) go on."""
    if conn.try_write(AWAIT_INDEXES, {"seconds": int(timeout)}):
        return "awaited"
    deadline = time.monotonic() + timeout
    while True:
        listing = list_indexes(conn)
        if listing is None:
            return "no-wait"
        failed = [i for i in listing if i.state.upper() == "FAILED"]
        if failed:
            raise Unsupported(f"index on :{failed[0].label}{failed[0].properties} failed")
        if all(i.ready for i in listing):
            return "polled"
        if time.monotonic() > deadline:
            raise Unsupported(f"indexes still not ready after {timeout:.0f} s")
        time.sleep(0.2)


def labels(conn: Connection) -> list[str]:
    """Every label in the database: ``db.labels()``, else a scan of the
    document nodes (the only ones whose labels push manages)."""
    rows = conn.try_read("CALL db.labels() YIELD label RETURN label")
    if rows is None:
        rows = conn.read("MATCH (n:Document) UNWIND labels(n) AS label "
                         "RETURN DISTINCT label")
    return [r["label"] for r in rows]
