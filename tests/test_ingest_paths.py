"""Ingest paths no other test runs: the parallel parser pool (what ``legalgraph
ingest`` uses by default), a store write that fails half way through one
file, and a store written by another schema version."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from graph import ingest as ingest_mod
from graph.ingest import ingest
from graph.store import SCHEMA_VERSION, Store, StoreUnusable
from legalgraph.cli import main
from parsers.models import ParsedDocument, Relation

DOC = """UBND TỈNH LẠNG SƠN
Số: {n}/TB-VP                         Lạng Sơn, ngày 10 tháng 02 năm 2026

THÔNG BÁO
Kết luận cuộc họp số {n}

Thực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy và \
Kế hoạch số {m}/KH-UBND ngày 05/01/2026 của UBND tỉnh, Văn phòng thông báo.
"""


def write_docs(folder: Path, numbers: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        p = folder / f"tb-{n:03d}.txt"
        p.write_text(DOC.format(n=n, m=n % 7 + 1), encoding="utf-8")
        paths.append(p)
    return paths


def dump(db: Path) -> dict[str, list[tuple]]:
    """Everything stored that does not depend on when or in which order
    files were written (no row ids, no timestamps)."""
    with Store(db) as s:
        c = s.conn
        return {
            "files": sorted(c.execute(
                "SELECT path, sha256, kind, encoding, warnings, text, type, number, symbol, key,"
                " date, place, issuer, subject FROM files")),
            "citations": sorted(c.execute(
                "SELECT f.path, seq, start, end, c.text, c.type, c.key, c.date, c.issuer,"
                " relation FROM citations c JOIN files f ON f.id = c.file_id")),
            "nodes": sorted(c.execute("SELECT * FROM nodes")),
            "edges": sorted(c.execute(
                "SELECT source, target, relation, relations, count FROM edges")),
        }


# --- the parallel pool --------------------------------------------------------------

_real_work = ingest_mod._work


def _work_noting_pid(item):  # type: ignore[no-untyped-def]
    """``_work`` that notes which process ran it (a line per file in a log)."""
    with open(os.environ["LEGALGRAPH_TEST_PID_LOG"], "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()}\n")
    return _real_work(item)


def test_default_ingest_parses_in_worker_processes_and_stores_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one CPU: the default is one job, no pool")
    folder = tmp_path / "in"
    paths = write_docs(folder, range(1, 81))  # the pool starts at 64 files
    log = tmp_path / "pids.log"
    monkeypatch.setenv("LEGALGRAPH_TEST_PID_LOG", str(log))
    monkeypatch.setattr(ingest_mod, "_work", _work_noting_pid)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "pool"), "--no-progress"]) == 0
    assert "files: 80 (80 added" in capsys.readouterr().out
    pids = log.read_text(encoding="utf-8").split()
    assert len(pids) == len(paths)
    assert str(os.getpid()) not in pids, "files were parsed in the main process"
    assert 2 <= len(set(pids)) <= 4
    log.unlink()
    with Store(tmp_path / "serial") as s:
        report = ingest([folder], s, jobs=1)
    assert set(log.read_text(encoding="utf-8").split()) == {str(os.getpid())}
    assert report.added == 80 and not report.errors
    assert dump(tmp_path / "pool") == dump(tmp_path / "serial")


def test_pool_reports_a_bad_file_and_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_docs(folder, range(1, 71))
    (folder / "tb-033.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(100))
    with Store(tmp_path / "db") as s:
        report = ingest([folder], s, jobs=2)
        assert s.file_count() == 69
    assert report.added == 69
    assert [Path(p).name for p, _ in report.errors] == ["tb-033.txt"]
    assert "executable program" in report.errors[0][1]


# --- a store write that fails half way ----------------------------------------------


def test_a_failed_store_write_rolls_back_that_file_only(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The bad record's file row and citations are written before its relation
    breaks a NOT NULL constraint: all of it is rolled back, the older version
    of that file stays, and the other files of the batch are stored."""
    paths = write_docs(tmp_path / "in", range(1, 6))
    db = tmp_path / "db"
    with Store(db) as s:
        ingest(paths[2:3], s)  # an older version of the file that will fail
    old = dump(db)
    paths[2].write_text(DOC.format(n=3, m=5).replace("58-QĐ/TU", "59-QĐ/TU"), encoding="utf-8")
    real = ingest_mod._parse_text

    def broken_record(text: str, file: str) -> ParsedDocument:
        record = real(text, file)
        if file.endswith("tb-003.txt"):
            assert record.citations  # rows that get written before the failure
            return ParsedDocument(record.document, record.citations,
                                  (Relation(None, "x", "cites"),),  # type: ignore[arg-type]
                                  file=file)
        return record

    monkeypatch.setattr(ingest_mod, "_parse_text", broken_record)
    with Store(db) as s:
        report = ingest(paths, s, batch_size=2)
    assert (report.added, report.replaced) == (4, 0)
    assert [Path(p).name for p, _ in report.errors] == ["tb-003.txt"]
    assert "cannot store" in report.errors[0][1] and "NOT NULL" in report.errors[0][1]
    new = dump(db)
    kept = [row for row in new["files"] if row[0].endswith("tb-003.txt")]
    assert kept == [row for row in old["files"] if row[0].endswith("tb-003.txt")]
    assert "59-QĐ/TU" not in kept[0][5]  # the old text, not the half-written new one
    cites = sorted(r for r in new["citations"] if r[0].endswith("tb-003.txt"))
    assert cites == sorted(r for r in old["citations"] if r[0].endswith("tb-003.txt"))
    assert {Path(r[0]).name for r in new["files"]} == {f"tb-00{n}.txt" for n in range(1, 6)}
    assert not any(row[6] == "59-QĐ/TU" for row in new["citations"])


# --- schema version -----------------------------------------------------------------


def _stamp_version(db: Path, version: int) -> bytes:
    with Store(db) as s:
        ingest([write_docs(db.parent / "in", range(1, 2))[0]], s)
    conn = sqlite3.connect(db / "legalgraph.sqlite")
    conn.execute(f"PRAGMA user_version={version}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return (db / "legalgraph.sqlite").read_bytes()


def test_store_of_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "db"
    newer = SCHEMA_VERSION + 100
    before = _stamp_version(db, newer)
    with pytest.raises(StoreUnusable) as err:
        Store(db)
    message = str(err.value)
    assert message.startswith(f"{db / 'legalgraph.sqlite'}: schema version {newer}")
    assert f"reads {SCHEMA_VERSION}" in message and "new --db folder" in message
    assert (db / "legalgraph.sqlite").read_bytes() == before


def test_cli_on_a_store_of_a_newer_schema_prints_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "db"
    _stamp_version(db, SCHEMA_VERSION + 100)
    proc = subprocess.run([sys.executable, "-m", "legalgraph.cli", "stats", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "schema version" in proc.stderr and str(db) in proc.stderr


def test_a_new_parser_version_reads_stored_texts_again(tmp_path, monkeypatch):
    """Parser fixes reach texts already stored: the next ingest under another
    parser version parses every stored text again, once."""
    import parsers
    from graph.ingest import ingest
    from graph.store import Store

    doc = tmp_path / "docs" / "a.txt"
    doc.parent.mkdir()
    doc.write_text("Căn cứ Quyết định số 12/QĐ-UBND ngày 3/1/2025 của UBND tỉnh;\n",
                   encoding="utf-8")
    store = Store(tmp_path / "db")
    first = ingest([doc.parent], store, progress=False)
    assert first.reparsed == 0
    again = ingest([doc.parent], store, progress=False)
    assert (again.reparsed, again.unchanged) == (0, 1)
    store.conn.execute("UPDATE citations SET relation='cites'")  # as an older parser read it
    monkeypatch.setattr(parsers, "PARSER_VERSION", "a newer version")
    third = ingest([doc.parent], store, progress=False)
    assert third.reparsed == 1
    relation = store.conn.execute("SELECT relation FROM citations").fetchone()[0]
    assert relation == "based_on"
    assert ingest([doc.parent], store, progress=False).reparsed == 0
    store.close()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_collected_paths_are_the_real_paths(tmp_path: Path, monkeypatch) -> None:
    """Each file is listed by its real path (links and ".." resolved), as
    Path.resolve gives it, however the folder or the file was reached."""
    real = tmp_path / "real" / "2026"
    real.mkdir(parents=True)
    (real / "a.txt").write_text("x", encoding="utf-8")
    (real / "b.txt").write_text("y", encoding="utf-8")
    (tmp_path / "via").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.txt").symlink_to(real / "b.txt")  # a link to a file
    (tmp_path / "other" / "d.txt").write_text("z", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "other")
    given = ["../via/2026", "c.txt", "./d.txt", str(tmp_path / "via" / "2026" / ".." / "2026")]
    files, problems = ingest_mod.collect_files(given)
    assert not problems
    assert files == [str((real / "a.txt").resolve()), str((real / "b.txt").resolve()),
                     str((tmp_path / "other" / "d.txt").resolve())]
    for path in ("../via/2026/a.txt", "c.txt", "./d.txt", "../via/../other/d.txt", "d.txt"):
        assert ingest_mod._real_path(path) == str(Path(path).resolve())


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_passed_over_are_counted_once_each(tmp_path: Path, jobs: int,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Unchanged files, copies of stored ones and copies within the run are
    decided while the pool parses (the hashing feeds it): each is counted
    once, and the progress bar ends at every file."""
    folder = tmp_path / "in"
    write_docs(folder, range(1, 71))
    with Store(tmp_path / "db") as s:
        assert ingest([folder], s, jobs=jobs).added == 70
    (folder / "zz-copy-of-1.txt").write_bytes((folder / "tb-001.txt").read_bytes())
    write_docs(folder, range(71, 75))
    (folder / "zz-copy-of-72.txt").write_bytes((folder / "tb-072.txt").read_bytes())
    with Store(tmp_path / "db") as s:
        report = ingest([folder], s, jobs=jobs, progress=True)
    assert (report.files, report.added, report.unchanged, report.duplicates) == (76, 4, 70, 2)
    assert not report.errors
    assert "76/76" in capsys.readouterr().err
