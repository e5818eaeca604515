"""Shared fixtures. ``corpus``: a graph store in tmp_path filled with
hand-built parser records, so graph tests do not depend on the regexes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest


class Corpus:
    """A store plus a one-call way to add a document as parser records."""

    def __init__(self, db_dir: Path) -> None:
        from graph.store import Store

        self.dir = db_dir
        self.store = Store(db_dir)

    def add(self, name: str, key: str | None = None, *, type: str | None = None,
            date: str | None = None, issuer: str | None = None, place: str | None = None,
            subject: str | None = None,
            cites: Sequence[tuple] = (), relations: Sequence[tuple] = ()) -> None:
        """Store file ``name``; ``cites`` rows are (key, date, issuer, relation
        [, type]), ``relations`` rows (from_key, to_key, relation)."""
        from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation

        citations, text = [], f"{key or name}\n"
        for row in cites:
            k, d, i, rel = row[:4]
            mention = f"văn bản số {k}"
            citations.append(Citation(start=len(text), end=len(text) + len(mention),
                                      text=mention, type=row[4] if len(row) > 4 else None,
                                      key=k, date=d, issuer=i, relation=rel))
            text += mention + "\n"
        record = ParsedDocument(
            DocumentIdentity(type=type, key=key, date=date, issuer=issuer, place=place,
                             subject=subject),
            tuple(citations), tuple(Relation(*r) for r in relations), file=name)
        sha = hashlib.sha256(repr((name, record)).encode()).hexdigest()
        with self.store.transaction():
            self.store.put_file(name, sha, text, record)

    def backend(self):
        from graph.embedded import EmbeddedBackend

        return EmbeddedBackend(self.dir, cache=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    c = Corpus(tmp_path / "store")
    yield c
    c.store.close()


ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


def _bolt_targets() -> list[str]:
    from graph.bolt_server import test_targets

    return test_targets()


class Bolt:
    """A Bolt server the Neo4j backend tests run against: its name
    (``falkordb``, ``arcadedb``, or ``neo4j`` for ``$NEO4J_URI``) and config."""

    def __init__(self, name: str, config) -> None:  # type: ignore[no-untyped-def]
        self.name, self.config = name, config

    def __repr__(self) -> str:
        return f"Bolt({self.name}, {self.config.uri})"


def _bolt(name: str) -> Bolt:
    """The server ``name`` (started on first use), or skip: not installed, or
    it holds data not ours (the tests delete the legalgraph graph)."""
    pytest.importorskip("neo4j")
    from graph.bolt_server import test_config
    from graph.neo4j import foreign_node_count

    config, why = test_config(name)
    if config is None:
        pytest.skip(why)
    if foreign_node_count(config):
        pytest.skip(f"{config.uri} holds other data; point NEO4J_URI/NEO4J_DATABASE at a "
                    "throwaway database (these tests delete the legalgraph graph)")
    return Bolt(name, config)


@pytest.fixture(scope="session", params=_bolt_targets())
def bolt(request: pytest.FixtureRequest) -> Bolt:
    """Each Bolt server in turn: ``$NEO4J_URI`` alone when it is set (a real
    Neo4j), else FalkorDB and ArcadeDB (servers ``.ci/run`` started, read
    from ``LEGALGRAPH_{FALKORDB,ARCADEDB}_URI``, else started here); a server
    whose package is not installed skips."""
    return _bolt(request.param)


def run_app(page: str | None = None, **query: str):  # type: ignore[no-untyped-def]
    """Run app.py in Streamlit's AppTest, optionally switch to ``page`` with
    ``query`` parameters, and fail on any exception the page raised."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if page is not None:
        at.query_params.update(query)
        at.switch_page(f"legalgraph/ui/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
