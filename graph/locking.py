"""The store's writer lock: one writer (ingest, upload, resolution) at a time.

An exclusive ``flock`` on ``writer.lock`` in the store folder, so it works
across processes, and across threads too (each :class:`WriterLock` opens its
own descriptor). The kernel drops it when the holder dies, even by
``kill -9``; a forked child (an ingest's parser pool) closes its inherited
copy at once, so a killed parent's orphaned workers do not keep it. The
holder's pid is written in the file for the message a waiting writer shows.
Readers never take it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: writers are serialized by SQLite's own lock only
    fcntl = None  # type: ignore[assignment]

__all__ = ["LOCK_FILENAME", "StoreBusy", "WriterLock"]

LOCK_FILENAME = "writer.lock"


class StoreBusy(TimeoutError):
    """Another writer kept the store longer than the caller would wait."""


#: Lock descriptors this process holds (closed in forked children).
_HELD: set[int] = set()


def _close_inherited() -> None:
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited)


def _holder(path: Path) -> str:
    """" (pid N)" from the lock file, or "" when unknown."""
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


class WriterLock:
    """The writer lock of the store in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILENAME
        self._mutex = threading.RLock()  # threads sharing this object
        self._depth = 0

    @contextmanager
    def hold(self, *, wait: float | None = None,
             on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the lock for the block; see :meth:`graph.store.Store.writer`."""
        deadline = None if wait is None else time.monotonic() + wait
        if not self._mutex.acquire(timeout=-1 if wait is None else max(wait, 0)):
            raise StoreBusy(f"another writer is using {self.folder} in this process")
        try:
            fd = self._acquire(deadline, on_wait) if self._depth == 0 else None
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if fd is not None:
                    _HELD.discard(fd)
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
        finally:
            self._mutex.release()

    def _acquire(self, deadline: float | None, on_wait: Callable[[str], None] | None
                 ) -> int | None:
        """Take the flock, polling so that a deadline is possible."""
        if fcntl is None:
            return None
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        told = False
        pause = 0.02
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(self.path)
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    os.close(fd)
                    raise StoreBusy(
                        f"another ingest{holder} is writing to {self.folder}") from None
                if on_wait is not None and not told:
                    on_wait(f"waiting for another ingest{holder} into {self.folder} to finish")
                    told = True
                time.sleep(pause if deadline is None else min(pause, deadline - now))
                pause = min(pause * 2, 0.25)
            except BaseException:
                os.close(fd)
                raise
        _HELD.add(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        return fd
