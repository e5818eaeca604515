"""What a user sees when the Neo4j backend cannot answer: one line on stderr
naming the URI and what to do, exit status 2, never a traceback; the app
shows the same line instead of a page.

Server down, not a Bolt server, wrong credentials, nothing pushed yet, a
push that did not finish, and an empty store to push. The cases that need a
live server run on every server of the ``bolt`` fixture.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("neo4j")

from conftest import SAMPLES, Bolt, run_app  # noqa: E402

from graph.neo4j import GraphNotReady, Neo4jConfig, clear_graph, push  # noqa: E402

#: Every command that reads a Neo4j server, with the arguments it needs.
COMMANDS = [["show", "58-QĐ/TU"], ["lineage", "58-QĐ/TU"], ["top"], ["stats"]]


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit status and stderr of ``legalgraph argv`` run in this process."""
    from legalgraph.cli import main

    code = main(argv)
    return code, capsys.readouterr().err


def one_line(err: str, uri: str, *phrases: str) -> None:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert uri in err and "Traceback" not in err, err
    for phrase in phrases:
        assert phrase in err, err


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.ingest import ingest
    from graph.store import Store

    db = tmp_path_factory.mktemp("neo4j-errors") / "store"
    with Store(db) as s:
        assert not ingest([SAMPLES], s).errors
    return db


@pytest.fixture
def down_uri() -> str:
    """A Bolt URI where nothing listens."""
    from graph.bolt_server import free_port

    return f"bolt://127.0.0.1:{free_port()}"


@pytest.fixture(scope="module")
def http_uri() -> Iterator[str]:
    """A Bolt URI pointing at something that answers like an HTTP server
    (the mistake of giving Neo4j's HTTP port, 7474, instead of Bolt's)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def serve() -> None:
        while True:
            try:
                c, _ = srv.accept()
            except OSError:
                return
            try:
                c.recv(64)
                c.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            except OSError:
                pass
            c.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"bolt://127.0.0.1:{srv.getsockname()[1]}"
    srv.close()


def with_credentials(monkeypatch: pytest.MonkeyPatch, config: Neo4jConfig) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_USER", config.user or "")
    monkeypatch.setenv("NEO4J_PASSWORD", config.password or "")


# --- no server needed --------------------------------------------------------------


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_server_down(cmd, down_uri, capsys):
    code, err = cli([*cmd, "--uri", down_uri], capsys)
    assert code == 2
    one_line(err, down_uri, "no server there (connection refused)", "NEO4J_URI")


def test_push_to_a_server_that_is_down(store, down_uri, capsys):
    code, err = cli(["push", "--db", str(store), "--uri", down_uri], capsys)
    assert code == 2
    one_line(err, down_uri, "legalgraph push:", "connection refused")


@pytest.mark.parametrize("cmd", [*COMMANDS, ["push"]], ids=lambda c: c[0])
def test_not_a_bolt_server(cmd, store, http_uri, capsys):
    extra = ["--db", str(store)] if cmd == ["push"] else []
    code, err = cli([*cmd, *extra, "--uri", http_uri], capsys)
    assert code == 2
    one_line(err, http_uri, "does not speak Bolt", "7687")


def test_not_a_bolt_uri(capsys):
    code, err = cli(["top", "--uri", "http://localhost:7474"], capsys)
    assert code == 2
    one_line(err, "http://localhost:7474", "not a Bolt URI", "bolt://host:7687")


def test_a_real_process_prints_one_line_and_exits_2(down_uri):
    """In a process of its own, as a user runs it: nothing else on stderr
    (no driver log lines, no warnings), status 2."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    proc = subprocess.run([sys.executable, "-m", "legalgraph.cli", "top", "--uri", down_uri],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    one_line(proc.stderr, down_uri, "legalgraph top:")
    assert proc.stdout == ""


def test_app_with_the_server_down(down_uri, monkeypatch):
    """The app says which server it could not use, instead of a traceback."""
    import streamlit as st

    monkeypatch.setenv("NEO4J_URI", down_uri)
    st.cache_resource.clear()
    try:
        at = run_app()
        assert down_uri in at.error[0].value and "connection refused" in at.error[0].value
    finally:
        st.cache_resource.clear()


# --- on each server ---------------------------------------------------------------


def test_wrong_credentials(bolt: Bolt, store, capsys, monkeypatch):
    from graph.neo4j import AuthenticationFailed, Neo4jBackend

    # a user of its own: ArcadeDB locks out a user for about 30 s after a
    # few failed logins in a row, which would stop the other tests
    wrong = Neo4jConfig(uri=bolt.config.uri, user="legalgraph-no-such-user",
                        password="not-the-password")
    try:
        Neo4jBackend(wrong).close()
    except AuthenticationFailed:
        pass
    else:
        pytest.skip(f"{bolt.name} does not check credentials")
    with_credentials(monkeypatch, wrong)
    for cmd in [*COMMANDS, ["push", "--db", str(store)]]:
        code, err = cli([*cmd, "--uri", wrong.uri], capsys)
        assert code == 2
        one_line(err, wrong.uri, "refused the credentials", "NEO4J_PASSWORD")


def test_nothing_pushed_yet(bolt: Bolt, capsys, monkeypatch):
    clear_graph(bolt.config)
    with_credentials(monkeypatch, bolt.config)
    for cmd in COMMANDS:
        code, err = cli([*cmd, "--uri", bolt.config.uri], capsys)
        assert code == 2
        one_line(err, bolt.config.uri, "holds no legalgraph graph", "legalgraph push")


def test_half_pushed_graph(bolt: Bolt, store, capsys, monkeypatch):
    def crash(phase: str, index: int) -> None:
        if phase == "edges":
            raise RuntimeError("simulated crash")

    clear_graph(bolt.config)
    with pytest.raises(RuntimeError, match="simulated"):
        push(store, bolt.config, batch_size=5, on_batch=crash)
    with_credentials(monkeypatch, bolt.config)
    for cmd in COMMANDS:
        code, err = cli([*cmd, "--uri", bolt.config.uri], capsys)
        assert code == 2
        one_line(err, bolt.config.uri, "the last push did not finish", "legalgraph push")
    # and the app says so too, page by page
    import streamlit as st

    monkeypatch.setenv("NEO4J_URI", bolt.config.uri)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = run_app()
        assert "the last push did not finish" in at.error[0].value
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
    # a full push then serves again (stderr may hold the app's log lines)
    push(store, bolt.config)
    code, err = cli(["stats", "--uri", bolt.config.uri], capsys)
    assert code == 0 and "legalgraph stats:" not in err


def test_pushing_an_empty_or_missing_store_is_refused(bolt: Bolt, store, tmp_path, capsys,
                                                      monkeypatch):
    """An empty or mistyped store would replace the server's graph by
    nothing: refused, and the graph on the server stays as it was."""
    from graph.neo4j import Neo4jBackend
    from graph.store import Store

    push(store, bolt.config)
    with Neo4jBackend(bolt.config) as b:
        before = b.stats()
    with_credentials(monkeypatch, bolt.config)
    empty, missing = tmp_path / "empty-store", tmp_path / "no-such-store"
    Store(empty).close()
    code, err = cli(["push", "--db", str(empty), "--uri", bolt.config.uri], capsys)
    assert code == 2
    one_line(err, str(empty), "holds no documents", "legalgraph ingest")
    code, err = cli(["push", "--db", str(missing), "--uri", bolt.config.uri], capsys)
    assert code == 2
    one_line(err, str(missing), "legalgraph ingest")
    assert not missing.exists()  # not created by the attempt
    with Neo4jBackend(bolt.config) as b:
        assert b.stats() == before


def test_library_callers_get_the_same_errors(bolt: Bolt):
    """Not only the CLI: the backend raises the same one-line errors."""
    from graph.neo4j import Neo4jBackend

    clear_graph(bolt.config)
    with Neo4jBackend(bolt.config) as b, pytest.raises(GraphNotReady) as info:
        b.top()
    assert str(info.value).startswith(bolt.config.uri)
