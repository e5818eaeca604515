"""Resolutions confirmed by staff: "this unresolved reference is that document".

A reference the resolver cannot place (no year, several candidates) becomes an
ambiguous or unresolved node; in the app a member of staff can say which
document it means. Those answers are kept in their own SQLite file
(``confirmations.sqlite``) beside the store, so a re-ingest or a new store
schema never loses them; each write is committed before the call returns and
marks the store changed, so the next resolution (:func:`graph.resolve.resolve_corpus`)
sends the confirmed references to the chosen document and the graph, the
app's caches and a later ``push`` follow.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["Confirmations", "confirmed_targets"]

FILENAME = "confirmations.sqlite"


class Confirmations:
    """Read and write the staff's answers for one store folder."""

    FILENAME = FILENAME

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / FILENAME
        self.conn = sqlite3.connect(self.path, check_same_thread=False)
        with self.conn:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS confirmations (node_id TEXT PRIMARY KEY,"
                " target_id TEXT NOT NULL, note TEXT, confirmed_at TEXT NOT NULL)")

    def confirm(self, node_id: str, target_id: str, note: str | None = None) -> None:
        """Record (or replace) the staff's answer for one unresolved node."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO confirmations VALUES (?, ?, ?, ?)",
                (node_id, target_id, note,
                 datetime.now(timezone.utc).isoformat(timespec="seconds")))
        self._mark_store_changed()

    def withdraw(self, node_id: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM confirmations WHERE node_id=?", (node_id,))
        self._mark_store_changed()

    def all(self) -> dict[str, dict[str, str | None]]:
        """node id → ``{"target_id", "note", "confirmed_at"}``."""
        return {r[0]: {"target_id": r[1], "note": r[2], "confirmed_at": r[3]}
                for r in self.conn.execute("SELECT * FROM confirmations ORDER BY node_id")}

    def close(self) -> None:
        self.conn.close()

    def _mark_store_changed(self) -> None:
        """A confirmation is an input of the resolution, like a file: bump the
        store's generation so every cached graph and answer is rebuilt."""
        from graph.store import DB_FILENAME, Store

        if (self.folder / DB_FILENAME).exists():
            with Store(self.folder) as store:
                store.mark_changed()


def confirmed_targets(folder: str | Path) -> dict[str, str]:
    """Unresolved node id → confirmed document id, for the resolver ({} when
    nothing was ever confirmed; the file is not created by reading)."""
    path = Path(folder) / FILENAME
    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT node_id, target_id FROM confirmations"))
    except sqlite3.OperationalError:  # created by another version without the table
        return {}
    finally:
        conn.close()
