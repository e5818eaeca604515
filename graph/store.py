"""Durable embedded store: one SQLite file (stdlib, WAL) in the store folder.

What it holds, and why each part:

* ``files``: one row per ingested file, with its raw-bytes SHA-256 (so the
  same file twice changes nothing), the text (so the app can show it) and the
  header identity the parser found;
* ``citations`` / ``relations``: the parser's records for that file, with
  spans; deleted with their file (``ON DELETE CASCADE``), so replacing a
  changed file is one delete and one insert inside one transaction;
* ``nodes`` / ``doc_nodes`` / ``mentions`` / ``edges``: the last resolution
  (:mod:`graph.resolve`), rebuilt as a whole because a new document can place
  an older document's reference;
* ``meta``: schema version, a ``generation`` bumped by every change to the
  inputs and the generation the resolution was computed from, so a reader
  knows when the resolution (or a cached graph) is stale.

A crash loses at most the files of the transaction in flight; everything
committed before stays (WAL + synchronous=NORMAL keeps committed data across
a process crash).

Many processes share one store (CLI queries, the app, a scheduled ingest):

* readers never write: opening an existing store only reads its schema
  version, and every multi-statement read runs in :meth:`Store.snapshot`, a
  WAL read transaction, so it sees one committed state and never waits for a
  writer (nor a writer for it);
* writers take :meth:`Store.writer`, an exclusive lock on ``writer.lock`` in
  the folder (``flock``: released by the kernel when the process dies, even
  by ``kill -9``), so two ingests or uploads run one after the other; only a
  writer creates the store or sets its schema;
* the resolution is computed from one snapshot and replaced in one
  transaction, so readers see the previous resolution or the next, never a
  half-written one.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple, overload

from graph.gcpause import gc_paused
from graph.headers import HEADER_REACH
from graph.locking import LOCK_FILENAME, StoreBusy, WriterLock
from graph.resolve import Cited, DocInput, Resolution, Said
from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation

__all__ = [
    "DEFAULT_DB",
    "LOCK_FILENAME",
    "SCHEMA_VERSION",
    "RecordRows",
    "Store",
    "StoreBusy",  # re-exported from graph.locking
    "StoreMissing",
    "StoreUnusable",
    "StoredFile",
    "default_db_dir",
    "record_rows",
]

SCHEMA_VERSION = 3
DB_FILENAME = "legalgraph.sqlite"
DEFAULT_DB = "data/store"
#: SQLite page cache of one connection, KiB
CACHE_KIB = 64 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    kind TEXT, encoding TEXT, warnings TEXT,
    text TEXT NOT NULL,
    type TEXT, number TEXT, symbol TEXT, key TEXT, date TEXT,
    place TEXT, issuer TEXT, subject TEXT,
    ingested_at TEXT NOT NULL,
    effective TEXT, expires TEXT
);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS citations (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT, key TEXT NOT NULL, date TEXT, issuer TEXT, relation TEXT NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (file_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS relations (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    from_key TEXT NOT NULL, to_key TEXT NOT NULL, relation TEXT NOT NULL,
    PRIMARY KEY (file_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    key TEXT, type TEXT, number TEXT, symbol TEXT, date TEXT, year INTEGER,
    scope TEXT, jurisdiction TEXT, issuer TEXT, subject TEXT,
    ingested INTEGER NOT NULL, resolved INTEGER NOT NULL, reason TEXT,
    candidates TEXT NOT NULL, name TEXT,
    effective TEXT, expires TEXT, draft INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_key ON nodes(key);
CREATE TABLE IF NOT EXISTS doc_nodes (
    file_id INTEGER PRIMARY KEY, node_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_nodes_node ON doc_nodes(node_id);
CREATE TABLE IF NOT EXISTS mentions (
    file_id INTEGER NOT NULL, seq INTEGER NOT NULL,
    target TEXT, status TEXT NOT NULL, basis TEXT,
    PRIMARY KEY (file_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL, target TEXT NOT NULL,
    relation TEXT NOT NULL, relations TEXT NOT NULL, count INTEGER NOT NULL,
    spans TEXT NOT NULL, stated_in TEXT NOT NULL,
    partial TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS set_aside (
    source TEXT NOT NULL, target TEXT NOT NULL, target_key TEXT, relation TEXT NOT NULL,
    kind TEXT NOT NULL, file_id INTEGER, spans TEXT NOT NULL, reason TEXT NOT NULL
);
"""

#: Schema changes from an older version, applied in order on open. The
#: resolution is derived data: after a change it is recomputed (a new
#: generation), the files and their records are kept.
_MIGRATIONS: dict[int, str] = {
    1: "ALTER TABLE nodes ADD COLUMN name TEXT;",  # 2: node names; set_aside table
    # 3: validity: the document's own effective/end dates, partial acts
    2: "ALTER TABLE files ADD COLUMN effective TEXT;"
       "ALTER TABLE files ADD COLUMN expires TEXT;"
       "ALTER TABLE citations ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;"
       "ALTER TABLE nodes ADD COLUMN effective TEXT;"
       "ALTER TABLE nodes ADD COLUMN expires TEXT;"
       "ALTER TABLE nodes ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;"
       "ALTER TABLE edges ADD COLUMN partial TEXT NOT NULL DEFAULT '[]';",
}

#: Versions whose files were parsed without something the new schema holds:
#: migrating from them parses every stored text again (the records are
#: derived from the text, which the store keeps), so a store of version 2
#: gets effective dates and partial repeals without its files on disk.
_REPARSE_FROM: frozenset[int] = frozenset({1, 2})

#: Characters after a citation passed to the resolver: where a cited
#: document's "về …" title clause is read (:mod:`graph.names`).
CONTEXT_CHARS = 240

_IDENTITY_FIELDS = ("type", "number", "symbol", "key", "date", "place", "issuer", "subject",
                    "effective", "expires")


class RecordRows(NamedTuple):
    """One file's records as the rows the store writes: the identity's
    values (in :data:`_IDENTITY_FIELDS` order), each citation's (start, end,
    text, type, key, date, issuer, relation, partial) and each stated
    relation's (from_key, to_key, relation). What an ingest worker sends
    back: plain tuples pickle in C, where the records' frozen dataclasses
    pickled and unpickled field by field in Python (0.2 of the 2.3 ms a
    generated document cost)."""

    identity: tuple[str | None, ...]
    citations: list[tuple[Any, ...]]
    relations: list[tuple[str, str, str]]


def record_rows(record: ParsedDocument) -> RecordRows:
    """``record`` as :class:`RecordRows`."""
    ident = record.document
    return RecordRows(
        tuple(getattr(ident, f) for f in _IDENTITY_FIELDS),
        [(x.start, x.end, x.text, x.type, x.key, x.date, x.issuer, x.relation or "cites",
          int(x.partial)) for x in record.citations],
        [(r.from_key, r.to_key, r.relation) for r in record.relations],
    )


def default_db_dir() -> str:
    """Store folder: ``$LEGALGRAPH_DB`` if set, else ``data/store``."""
    return os.environ.get("LEGALGRAPH_DB") or DEFAULT_DB


class StoreMissing(FileNotFoundError):
    """A reader was pointed at a folder that holds no store (only a writer
    creates one)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        super().__init__(f"no store at {folder}: run legalgraph ingest first")
        self.folder = str(folder)


class StoreUnusable(Exception):
    """The folder cannot hold a store, or its database is not one this
    program reads (a file where a folder should be, a damaged file, another
    schema version)."""


#: JSON of the short lists of strings most rows repeat ([], ["cites"], …)
_JSON_STRS: dict[tuple[str, ...], str] = {(): "[]"}


def _json_strs(items: list[str]) -> str:
    """``json.dumps(items)``, remembered for lists of at most one relation
    or node (a resolution writes hundreds of thousands of them)."""
    key = tuple(items)
    out = _JSON_STRS.get(key)
    if out is None:
        out = json.dumps(items)
        if len(key) == 1 and len(_JSON_STRS) < 4096:
            _JSON_STRS[key] = out
    return out


#: ``json.dumps(str, ensure_ascii=False)``: the C string encoder json itself uses
_json_str = json.encoder.encode_basestring


def _spans_json(spans: Iterable[tuple[int, int, str]]) -> str:
    """``json.dumps([{"start": a, "end": b, "text": t}, …], ensure_ascii=False)``,
    the same string, written without building a dict per span (a resolution
    writes the spans of some 400,000 edges)."""
    return "[" + ", ".join(f'{{"start": {a:d}, "end": {b:d}, "text": {_json_str(t)}}}'
                           for a, b, t in spans) + "]"


class _RowsByFile:
    """One side of a merge join: rows ``(file_id, *rest)`` of a cursor in
    file-id order, handed out file by file as the files are read in id order."""

    __slots__ = ("_next", "_rows")

    def __init__(self, rows: Iterator[tuple]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, file_id: int) -> list[tuple]:
        """The ``rest`` of every row of ``file_id`` (rows of files before it,
        which the files' side no longer has, are passed over)."""
        out = []
        row = self._next
        while row is not None and row[0] <= file_id:
            if row[0] == file_id:
                out.append(row[1:])
            row = next(self._rows, None)
        self._next = row
        return out


class _After(Sequence[str]):
    """The :data:`CONTEXT_CHARS` characters after each citation of a text,
    cut only when read (the resolver reads few: names of cited documents)."""

    __slots__ = ("_citations", "_text")

    def __init__(self, text: str, citations: Sequence[Citation]) -> None:
        self._text, self._citations = text, citations

    def __len__(self) -> int:
        return len(self._citations)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        end = self._citations[i].end
        return self._text[end : end + CONTEXT_CHARS]


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file row without its text."""

    id: int
    path: str
    sha256: str


class Store:
    """The SQLite store in folder ``db_dir``.

    ``create=True`` (writers: ingest, upload, tests) creates the folder and
    the schema when missing; ``create=False`` (query commands) raises
    :class:`StoreMissing` instead. Opening an existing store writes nothing.
    """

    def __init__(self, db_dir: str | os.PathLike[str], *, create: bool = True) -> None:
        self.dir = Path(db_dir)
        self.path = self.dir / DB_FILENAME
        self._writer_lock = WriterLock(self.dir)
        try:
            if create:
                self.dir.mkdir(parents=True, exist_ok=True)
            elif not self.path.is_file():
                raise StoreMissing(self.dir)
            # explicit BEGIN/COMMIT; usable from another thread (the app's server
            # threads share one backend) as long as callers serialize access.
            # A reader opens with mode=rw so that a missing file is never created.
            target, uri = ((str(self.path), False) if create
                           else (self.path.resolve().as_uri() + "?mode=rw", True))
            self.conn = sqlite3.connect(target, uri=uri, isolation_level=None,
                                        check_same_thread=False)
        except StoreMissing:
            raise
        except (OSError, sqlite3.Error) as exc:
            why = ("not a folder" if isinstance(exc, (FileExistsError, NotADirectoryError))
                   else getattr(exc, "strerror", None) or str(exc))
            raise StoreUnusable(f"{self.dir}: cannot open a store there ({why})") from exc
        try:
            # connection settings only: none of these writes to the file
            self.conn.execute("PRAGMA busy_timeout=10000")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            # pages kept in memory (default 2 MB): the sha and path indexes and
            # the resolution tables of a large store outgrow it, and every
            # insert then reads its page back
            self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and not create:
                raise StoreMissing(self.dir)  # an empty file, or one being created
            if version not in (0, SCHEMA_VERSION) and version not in _MIGRATIONS:
                raise StoreUnusable(
                    f"{self.path}: schema version {version}, this program reads "
                    f"{SCHEMA_VERSION}; ingest into a new --db folder")
            if version and version != SCHEMA_VERSION:
                if not create:  # readers never write: a writer upgrades the store
                    raise StoreUnusable(
                        f"{self.path}: schema version {version} is older than "
                        f"{SCHEMA_VERSION}; run legalgraph ingest on it once to upgrade")
                with self._writer_lock.hold(wait=None):
                    self._migrate(version)
            if version == 0:
                self._create_schema()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise StoreUnusable(f"{self.path}: not a legalgraph store ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise

    def _create_schema(self) -> None:
        """WAL mode, tables and schema version, in one transaction (a writer
        only: readers never set anything)."""
        c = self.conn
        if c.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            c.execute("PRAGMA journal_mode=WAL")
        try:
            from parsers import PARSER_VERSION

            # a new store holds only what this parser writes: it is current
            c.executescript(f"BEGIN IMMEDIATE;\n{_SCHEMA}\n"
                            "INSERT OR REPLACE INTO meta(k, v) VALUES "
                            f"('parser_version', '{PARSER_VERSION}');\n"
                            f"PRAGMA user_version={SCHEMA_VERSION};\nCOMMIT;")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _migrate(self, version: int) -> None:
        """Bring an older store to :data:`SCHEMA_VERSION` in one transaction."""
        with self.transaction() as c:
            for v in range(version, SCHEMA_VERSION):
                for statement in filter(str.strip, _MIGRATIONS[v].split(";")):
                    c.execute(statement)
            if version in _REPARSE_FROM:
                self._reparse_stored()
            c.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self._bump()  # the resolution (and any cached graph) is recomputed

    def reparse_if_stale(self) -> int:
        """Parse the stored texts again when they were parsed by another
        parser version (a writer only, in one transaction); the number of texts
        read again (0 when the records are current)."""
        from parsers import PARSER_VERSION

        if self._meta("parser_version", "") == PARSER_VERSION:
            return 0
        count = self.conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        with self.transaction():
            if count:
                self._reparse_stored()
            self._set_meta("parser_version", PARSER_VERSION)
            if count:
                self._bump()  # the resolution (and any cached graph) is recomputed
        return count

    def _reparse_stored(self) -> None:
        """Parse every stored text again and replace its records (inside the
        migration's transaction). A text the parser fails on keeps its old
        records: a migration never loses what was stored."""
        from parsers import parse_text

        rows = self.conn.execute("SELECT id, path FROM files ORDER BY id").fetchall()
        for file_id, path in rows:
            text = self.text(file_id) or ""
            try:
                record = parse_text(text, file=path)
            except Exception:  # noqa: BLE001 - one text must not stop the migration
                continue
            rows = record_rows(record)
            self._write_records(file_id, rows)
            self.conn.execute(
                "UPDATE files SET " + ", ".join(f"{f}=?" for f in _IDENTITY_FIELDS)
                + " WHERE id=?", (*rows.identity, file_id))

    def _write_records(self, file_id: int, rows: RecordRows, *, replace: bool = True) -> None:
        """Replace (or, not ``replace``, write) the citations and stated
        relations of one file."""
        c = self.conn
        if replace:
            c.execute("DELETE FROM citations WHERE file_id=?", (file_id,))
            c.execute("DELETE FROM relations WHERE file_id=?", (file_id,))
        c.executemany("INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      [(file_id, i, *x) for i, x in enumerate(rows.citations)])
        c.executemany("INSERT INTO relations VALUES (?,?,?,?,?)",
                      [(file_id, i, *r) for i, r in enumerate(rows.relations)])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN … COMMIT, rolled back on any exception (also KeyboardInterrupt)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every read inside sees the same committed state
        (WAL: takes no lock a writer waits for). Inside a write transaction it
        just yields, the writer's own view being consistent already."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def writer(self, *, wait: float | None = None,
               on_wait: Callable[[str], None] | None = None
               ) -> AbstractContextManager[None]:
        """Hold the store's writer lock (:class:`graph.locking.WriterLock`):
        one ingest, upload or resolution at a time, across processes and
        threads; reentrant in one thread. ``wait``: seconds to wait for
        another writer (None: as long as it takes, 0: not at all), then
        :class:`StoreBusy`; ``on_wait`` is told once when it has to wait."""
        return self._writer_lock.hold(wait=wait, on_wait=on_wait)

    @contextmanager
    def savepoint(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing for one file inside a larger transaction."""
        self.conn.execute("SAVEPOINT one_file")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK TO one_file")
            self.conn.execute("RELEASE one_file")
            raise
        self.conn.execute("RELEASE one_file")

    # --- meta ----------------------------------------------------------------

    def _meta(self, k: str, default: str = "0") -> str:
        row = self.conn.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, k: str, v: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(k, v) VALUES (?, ?)", (k, v))

    @property
    def generation(self) -> int:
        """Bumped by every change to the stored files."""
        return int(self._meta("generation"))

    @property
    def resolved_generation(self) -> int:
        """Generation the stored resolution was computed from (-1: never)."""
        return int(self._meta("resolved_generation", "-1"))

    @property
    def stale(self) -> bool:
        return self.resolved_generation != self.generation

    def _bump(self) -> None:
        self.conn.execute(  # one statement: ingest bumps once per file
            "INSERT INTO meta(k, v) VALUES ('generation', '1') ON CONFLICT(k) DO UPDATE"
            " SET v = CAST(CAST(v AS INTEGER) + 1 AS TEXT)")

    def mark_changed(self) -> None:
        """An input of the resolution changed outside the files (a staff
        confirmation): a new generation, so the resolution and every cache
        keyed on the generation are recomputed."""
        with self.transaction():
            self._bump()

    # --- files ---------------------------------------------------------------

    def file_by_path(self, path: str) -> StoredFile | None:
        row = self.conn.execute(
            "SELECT id, path, sha256 FROM files WHERE path=?", (path,)).fetchone()
        return StoredFile(*row) if row else None

    def file_by_sha(self, sha256: str) -> StoredFile | None:
        row = self.conn.execute(
            "SELECT id, path, sha256 FROM files WHERE sha256=? ORDER BY id LIMIT 1",
            (sha256,)).fetchone()
        return StoredFile(*row) if row else None

    def known_files(self) -> dict[str, str]:
        """path → sha256 of every stored file (one query, for fast skipping)."""
        return dict(self.conn.execute("SELECT path, sha256 FROM files"))

    def known_hashes(self) -> dict[str, str]:
        """sha256 → path of the first stored file with that content."""
        out: dict[str, str] = {}
        for sha, path in self.conn.execute("SELECT sha256, path FROM files ORDER BY id"):
            out.setdefault(sha, path)
        return out

    def put_file(self, path: str, sha256: str, text: str,
                 record: ParsedDocument | RecordRows, *, kind: str | None = None,
                 encoding: str | None = None, warnings: Iterable[str] = (),
                 new: bool = False) -> int:
        """Store one file's text and records (or their :class:`RecordRows`),
        replacing an older version at the same path. Call inside
        :meth:`transaction` (and :meth:`savepoint`). ``new``: the caller knows
        no file is stored at ``path`` (nothing to delete first)."""
        c = self.conn
        if not new:
            c.execute("DELETE FROM files WHERE path=?", (path,))
        rows = record if isinstance(record, RecordRows) else record_rows(record)
        cur = c.execute(
            "INSERT INTO files(path, sha256, kind, encoding, warnings, text, "
            + ", ".join(_IDENTITY_FIELDS) + ", ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (path, sha256, kind, encoding, json.dumps(list(warnings), ensure_ascii=False),
             text, *rows.identity, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        file_id = int(cur.lastrowid)  # type: ignore[arg-type]
        # a new row's id has no records (a deleted file's went with it)
        self._write_records(file_id, rows, replace=not new)
        self._bump()
        return file_id

    def delete_file(self, path: str) -> bool:
        """Forget a file and its records; True if it was there."""
        cur = self.conn.execute("DELETE FROM files WHERE path=?", (path,))
        if cur.rowcount:
            self._bump()
        return bool(cur.rowcount)

    def file_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM files").fetchone()[0])

    def text(self, file_id: int) -> str | None:
        row = self.conn.execute("SELECT text FROM files WHERE id=?", (file_id,)).fetchone()
        return row[0] if row else None

    def text_at(self, path: str) -> str | None:
        """The stored text of the file at ``path``."""
        row = self.conn.execute("SELECT text FROM files WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    # --- resolution ----------------------------------------------------------

    def doc_inputs(self, *, light: bool = False) -> Iterator[DocInput]:
        """Every stored file as :class:`graph.resolve.DocInput`, in id order.

        Streams: three cursors read files, citations and relations in file-id
        order side by side (a merge join), so memory holds one file's records
        and text; of the text only its head and the words after each citation
        are passed on (:data:`CONTEXT_CHARS`, cut when asked for). ``light``:
        the citations as key, date and issuer only (:class:`graph.resolve.Said`),
        no relations and no contexts, what the resolver's first pass reads.
        """
        if light:
            yield from self._doc_keys()
            return
        files = self.conn.execute(
            "SELECT id, sha256, " + ", ".join(_IDENTITY_FIELDS)
            + ", text FROM files ORDER BY id")
        cits = self.conn.execute(
            "SELECT file_id, start, end, text, type, key, date, issuer, relation, partial"
            " FROM citations ORDER BY file_id, seq")
        rels = self.conn.execute(
            "SELECT file_id, from_key, to_key, relation FROM relations ORDER BY file_id, seq")
        cits_of, rels_of = _RowsByFile(cits), _RowsByFile(rels)
        cited = Cited._make
        for row in files:
            file_id, text = row[0], row[-1]
            these = list(map(cited, cits_of.take(file_id)))
            stated = [Relation(*r) for r in rels_of.take(file_id)]
            yield DocInput(file_id, row[1], DocumentIdentity(*row[2:-1]), these, stated,
                           head=text[:HEADER_REACH], contexts=_After(text, these))

    def _doc_keys(self) -> Iterator[DocInput]:
        files = self.conn.execute(
            "SELECT id, sha256, " + ", ".join(_IDENTITY_FIELDS)
            # the head's bytes: SQLite's substr of a text stops at a NUL (real
            # gazette texts hold some); HEADER_REACH characters are at most 4
            # bytes each, and a character cut at the end is dropped (an empty
            # text gives None)
            + f", substr(CAST(text AS BLOB), 1, {4 * HEADER_REACH}) FROM files ORDER BY id")
        cits = self.conn.execute("SELECT file_id, key, date, issuer FROM citations"
                                 " ORDER BY file_id, seq")
        said, cits_of = Said._make, _RowsByFile(cits)
        for row in files:
            file_id = row[0]
            these = list(map(said, cits_of.take(file_id)))
            yield DocInput(file_id, row[1], DocumentIdentity(*row[2:-1]), these,
                           head=(row[-1] or b"").decode("utf-8", "ignore")[:HEADER_REACH])

    def save_resolution(self, res: Resolution, generation: int) -> None:
        """Replace the stored resolution in one transaction (rows streamed
        from ``res``, not copied into lists first); never replaces a
        resolution of a later generation."""
        with self.transaction() as c:
            if self.resolved_generation > generation:
                return
            for table in ("nodes", "doc_nodes", "mentions", "edges", "set_aside"):
                c.execute(f"DELETE FROM {table}")
            c.executemany(
                "INSERT INTO nodes (id, key, type, number, symbol, date, year, scope,"
                " jurisdiction, issuer, subject, ingested, resolved, reason, candidates, name,"
                " effective, expires, draft) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                ((n.id, n.key, n.type, n.number, n.symbol, n.date, n.year, n.scope,
                  n.jurisdiction, n.issuer, n.subject, int(n.ingested), int(n.resolved),
                  n.reason, _json_strs(n.candidates), n.name, n.effective, n.expires,
                  int(n.draft))
                 # in key order: a B-tree filled in order splits fewer pages
                 for n in sorted(res.nodes.values(), key=attrgetter("id"))),
            )
            c.executemany(
                "INSERT INTO set_aside VALUES (?,?,?,?,?,?,?,?)",
                ((a.source, a.target, a.target_key, a.relation, a.kind, a.file_id,
                  _spans_json(a.spans), a.reason) for a in res.set_aside),
            )
            c.executemany("INSERT INTO doc_nodes VALUES (?,?)", res.doc_nodes.items())
            c.executemany(
                "INSERT INTO mentions VALUES (?,?,?,?,?)",
                res.mentions,  # rows (file_id, seq, target, status, basis)
            )
            c.executemany(
                "INSERT INTO edges VALUES (?,?,?,?,?,?,?,?)",
                ((e.source, e.target, e.relation, _json_strs(e.relations), e.count,
                  _spans_json(e.spans), _json_strs(e.stated_in), _json_strs(e.partial))
                 for e in res.edges),
            )
            self._set_meta("resolved_generation", str(generation))

    def set_aside(self) -> list[dict[str, Any]]:
        """References and stated relations the last resolution refused to
        store as edges (a document acting on a later one), each with the file
        it was read from: ``{"source", "target", "relation", "kind"
        ("citation" or "stated"), "target_key", "document" (node whose text holds
        it), "file", "spans", "reason"}``."""
        return [{"source": src, "target": dst, "target_key": tkey, "relation": rel,
                 "kind": kind, "document": doc, "file": path, "spans": json.loads(spans),
                 "reason": reason}
                for src, dst, tkey, rel, kind, doc, path, spans, reason in self.conn.execute(
                    "SELECT s.source, s.target, s.target_key, s.relation, s.kind, d.node_id,"
                    " f.path, s.spans, s.reason FROM set_aside s"
                    " LEFT JOIN files f ON f.id = s.file_id"
                    " LEFT JOIN doc_nodes d ON d.file_id = s.file_id"
                    " ORDER BY s.source, s.target, s.kind, f.path")]

    def mention_counts(self) -> dict[str, int]:
        """Mentions by resolution status."""
        return dict(self.conn.execute("SELECT status, count(*) FROM mentions GROUP BY status"))

    def resolve(self, *, force: bool = False, wait: float | None = None) -> bool:
        """Recompute the resolution if the files changed since the last one
        (or ``force``); True if it ran. A writer: holds the writer lock
        (``wait`` as in :meth:`writer`) and reads every input from one
        snapshot, so files committed meanwhile wait for the next run."""
        from graph.confirmations import confirmed_targets
        from graph.resolve import resolve_corpus

        with self.writer(wait=wait), gc_paused():
            with self.snapshot():
                generation = self.generation
                if not force and self.resolved_generation == generation:
                    return False
                res = resolve_corpus(self.doc_inputs, confirmed=confirmed_targets(self.dir))
            self.save_resolution(res, generation)
            # freed while collection is paused: the first collection after
            # the pause would otherwise walk every node, edge and mention
            # (2.4 of 45 s on 100k documents)
            del res
        return True

    def finish_interrupted(self) -> bool:
        """If the files are ahead of the resolution and no writer is at work
        (an ingest was killed before resolving), resolve now; True if it did.
        Never waits: while an ingest runs, readers answer from the last
        resolution and that ingest resolves when it ends."""
        if not self.stale:
            return False
        try:
            return self.resolve(wait=0)
        except OSError:  # StoreBusy (a writer is at work), or a read-only folder
            return False
        except sqlite3.OperationalError as exc:  # read-only store, or a writer without the lock
            if "readonly" in str(exc) or "locked" in str(exc):
                return False
            raise
