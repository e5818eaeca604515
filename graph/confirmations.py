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

import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["Confirmations", "confirmed_targets", "target_for"]

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


_TERM = re.compile(r"^\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*$")
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\s*$")


def target_for(key: str, when: str, issuer: str | None = None, *,
               province: str | None = None) -> str:
    """The id of the document staff describe for an unresolved reference of
    ``key``: ``when`` is its year ("2025"), its Party term ("2020-2025") or
    its date ("20/11/2025", "2025-11-20"); ``issuer`` names the issuing body
    when the key does not ("UBND tỉnh Lâm Đồng", "Huyện ủy …"); ``province``
    (a slug) is the reference's province when already known.

    Raises ValueError saying what is missing or malformed.
    """
    from graph.identity import DocContext, node_id, parse_key
    from graph.placement import place

    term = date = None
    if m := _TERM.match(when):
        term = f"{m[1]}-{m[2]}"
        date = f"{m[1]}-12-31"  # inside the term that starts in that year
    elif m := _YEAR.match(when):
        date = f"{m[1]}-07-01"
    elif m := _DMY.match(when):
        date = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    elif re.match(r"^\s*\d{4}-\d\d-\d\d\s*$", when):
        date = when.strip()
    else:
        raise ValueError(f"{when!r}: give a year (2025), a term (2020-2025) or a date")
    parts = parse_key(key)
    if parts is None:
        raise ValueError(f"{key!r} is not a number/symbol")
    if parts.party and term is None and _YEAR.match(when):
        raise ValueError(f"{key} is numbered per Party term: give the term (2020-2025) "
                         "or the date, not only a year")
    p = place(key, date, issuer, DocContext(province, None, None))
    if p.jurisdiction is None:
        raise ValueError(f"{key}: name the issuing body with its province "
                         "(\"UBND tỉnh Lâm Đồng\", \"UBND thành phố Đà Lạt\")")
    scope = term if (term and parts.party) else p.scope
    if not scope or p.parts is None:
        raise ValueError(f"{key}: cannot tell its year or term from {when!r}")
    return node_id(p.jurisdiction, scope, p.parts)
