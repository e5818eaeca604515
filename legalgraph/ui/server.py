"""The app as a child process: ``streamlit run app.py`` over one store, on a
free local port, headless and without usage statistics; and the Chromium that
looks at it. Used by the browser tests and by ``benchmarks/bench_app.py``."""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Headless, and nothing that reaches the network by itself.
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    """``$LEGALGRAPH_CHROMIUM`` if set, else the first Chromium/Chrome on PATH."""
    given = os.environ.get("LEGALGRAPH_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    return next((p for name in CHROMIUM_NAMES if (p := shutil.which(name))), None)


def free_port(span: str | None = None) -> int:
    """A free local port: one of ``span`` ("23000-23099", tried in random
    order so parallel runs rarely collide) if given, else one the system
    picks."""
    candidates = [0]
    if span:
        lo, hi = (int(x) for x in span.split("-"))
        candidates = random.sample(range(lo, hi + 1), hi - lo + 1)
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(s.getsockname()[1])
    raise RuntimeError(f"no free port in {span}")


class AppServer:
    """``streamlit run app.py`` over the store in ``db`` (never Neo4j), its
    output in ``log_path`` (default: beside the store, named by the port)."""

    def __init__(self, db: Path, *, ports: str | None = None,
                 log_path: Path | None = None) -> None:
        self.db = db
        self.port = free_port(ports)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path or db.parent / f"streamlit-{self.port}.log"
        env = {**os.environ, "LEGALGRAPH_DB": str(db)}
        env.pop("NEO4J_URI", None)
        self.log = self.log_path.open("wb")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 60) -> bool:
        """True once the server answers its health check; False if it exited
        or ``timeout`` passed (the caller reports, with :meth:`log_tail`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return True
            except OSError:
                pass
            if self.proc.poll() is not None:
                return False
            time.sleep(0.05)  # polling a server that is starting
        return False

    def log_tail(self, chars: int = 3000) -> str:
        """The end of the server's output (the child writes the file itself)."""
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
