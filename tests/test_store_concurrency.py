"""The store under real use: many readers and writers at once.

Readers (query commands, the app's query functions) never write, never wait
for a writer and answer from the last committed resolution; writers (ingest,
upload) take turns; the graph cache survives concurrent builders; a missing
store or a blank key is a one-line refusal; a writer killed with ``kill -9``
leaves a store that a rerun completes. The stress test at the end runs all of
it at once, for a fixed number of rounds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from graph import store as store_mod
from graph.build import CACHE_NAME, load_graph
from graph.embedded import EmbeddedBackend
from graph.ingest import ingest
from graph.store import Store, StoreBusy, StoreMissing
from legalgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"

# A plan of the Lạng Sơn committee: it implements the previous plan (dated),
# rests on an earlier one named without a date (so its year is inferred from
# the other documents: the resolution depends on the whole corpus) and on
# whatever plan its version adds.
PLAN = """UBND TỈNH LẠNG SƠN
Số: {num}/KH-UBND                         Lạng Sơn, ngày {day:02d} tháng 02 năm 2026

KẾ HOẠCH
Triển khai nhiệm vụ số {i}, phiên bản {version}

Thực hiện Kế hoạch số {prev}/KH-UBND ngày {pday:02d}/02/2026 của UBND tỉnh và Quyết định \
số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy;
Căn cứ kết quả thực hiện Kế hoạch số {half}/KH-UBND và Kế hoạch số {extra}/KH-UBND, \
Ủy ban nhân dân tỉnh ban hành kế hoạch.
"""

N_PLANS = 36


def plan_text(i: int, version: int) -> str:
    """Plan ``i`` (1..N_PLANS) in version ``version``; versions differ in bytes
    and in one citation."""
    return PLAN.format(num=100 + i, day=1 + i % 27, i=i, version=version,
                       prev=100 + max(i - 1, 1), pday=1 + max(i - 1, 1) % 27,
                       half=100 + max(i // 2, 1),
                       extra=100 + 1 + (i + version * 7) % N_PLANS)


def write_plans(root: Path, version_of: dict[int, int]) -> dict[str, Path]:
    """Plans in three folders: ``a`` (writer 1), ``b`` (writer 2) and
    ``shared`` (both)."""
    folders = {"a": root / "a", "b": root / "b", "shared": root / "shared"}
    for f in folders.values():
        f.mkdir(parents=True, exist_ok=True)
    third = N_PLANS // 3
    for i in range(1, N_PLANS + 1):
        where = "a" if i <= third else "b" if i <= 2 * third else "shared"
        (folders[where] / f"kh-{i:03d}.txt").write_text(
            plan_text(i, version_of.get(i, 0)), encoding="utf-8")
    return folders


def dump(db: Path) -> dict[str, list]:
    """Everything a store holds that does not depend on ingest order or time:
    files by path (no id, no timestamp), records and resolution with file ids
    replaced by paths."""
    c = sqlite3.connect(db / store_mod.DB_FILENAME)
    try:
        path_of = dict(c.execute("SELECT id, path FROM files"))
        out = {
            "files": sorted(c.execute(
                "SELECT path, sha256, kind, encoding, warnings, text, type, number, symbol,"
                " key, date, place, issuer, subject FROM files")),
            "citations": sorted((path_of[r[0]], *r[1:]) for r in c.execute(
                "SELECT * FROM citations")),
            "relations": sorted((path_of[r[0]], *r[1:]) for r in c.execute(
                "SELECT * FROM relations")),
            "nodes": sorted(c.execute("SELECT * FROM nodes")),
            "doc_nodes": sorted((path_of[f], n) for f, n in c.execute(
                "SELECT file_id, node_id FROM doc_nodes")),
            "mentions": sorted((path_of[r[0]], *r[1:]) for r in c.execute(
                "SELECT * FROM mentions")),
            "edges": sorted(c.execute("SELECT * FROM edges")),
        }
        meta = dict(c.execute("SELECT k, v FROM meta"))
        out["stale"] = [meta.get("generation") != meta.get("resolved_generation")]
        return out
    finally:
        c.close()


def cli(*argv: str, env: dict[str, str] | None = None, timeout: float = 120
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "legalgraph.cli", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NEO4J_URI": "", **(env or {})})


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    db = tmp_path / "store"
    with Store(db) as s:
        ingest([SAMPLES], s)
    return db


# --- readers only read -------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["stats"], ["show", "58-QĐ/TU"], ["lineage", "58-QĐ/TU"], ["top"],
    ["export", "--format", "json"], ["push", "--uri", "bolt://127.0.0.1:21001"],
])
def test_query_commands_refuse_a_missing_store(tmp_path, capsys, argv):
    missing = tmp_path / "typo"
    code = main([*argv, "--db", str(missing)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (f"legalgraph {argv[0]}: no store at {missing}: "
                           "run legalgraph ingest first")
    assert not missing.exists()  # nothing created


def test_an_empty_file_is_not_a_store(tmp_path, capsys):
    db = tmp_path / "db"
    db.mkdir()
    (db / store_mod.DB_FILENAME).touch()
    assert main(["stats", "--db", str(db)]) == 2
    assert "no store at" in capsys.readouterr().err
    assert (db / store_mod.DB_FILENAME).stat().st_size == 0


def test_a_damaged_store_or_a_file_for_a_folder_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / store_mod.DB_FILENAME).write_bytes(b"not a database " * 20)
    assert main(["stats", "--db", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"legalgraph stats: {bad / store_mod.DB_FILENAME}: not a legalgraph store "
        "(file is not a database)\n")
    assert main(["ingest", str(SAMPLES / "seeds"), "--db", str(bad), "--no-progress"]) == 2
    assert "not a legalgraph store" in capsys.readouterr().err
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["ingest", str(SAMPLES / "seeds"), "--db", str(a_file), "--no-progress"]) == 2
    assert capsys.readouterr().err == (
        f"legalgraph ingest: {a_file}: cannot open a store there (not a folder)\n")
    assert a_file.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("argv", [
    ["show", ""], ["show", "   "], ["lineage", "\t"], ["top", "--issuer", " "],
    ["top", "--type", ""],
])
def test_blank_keys_and_filters_are_refused(store_dir, capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--db", str(store_dir)])
    assert exc.value.code == 2
    assert "must not be empty or blank" in capsys.readouterr().err


def test_opening_a_store_to_read_writes_nothing(store_dir):
    """No schema statement, no PRAGMA that writes: the database file and its
    WAL are byte for byte the same after a reader opened it and queried."""
    with Store(store_dir) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (store_dir / store_mod.DB_FILENAME).read_bytes()
    b = EmbeddedBackend(store_dir, create=False)
    assert b.stats()["documents"] > 0
    b.close()
    assert (store_dir / store_mod.DB_FILENAME).read_bytes() == before
    wal = store_dir / (store_mod.DB_FILENAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_readers_answer_while_a_writer_holds_its_transaction(store_dir, tmp_path):
    """A writer in the middle of a batch (an open write transaction with new
    files): every query answers, from the last committed resolution. Before,
    opening a store set the schema version, which waited for the writer and
    failed with "database is locked"."""
    before = EmbeddedBackend(store_dir, cache=False).stats()
    writer = Store(store_dir)
    new = tmp_path / "new.txt"
    new.write_text(plan_text(1, 0), encoding="utf-8")
    with writer.writer(), writer.transaction():
        from parsers import parse_text

        writer.put_file(str(new), "f" * 64, new.read_text(encoding="utf-8"),
                        parse_text(new.read_text(encoding="utf-8")))
        for argv in (["stats", "--json"], ["show", "58-QĐ/TU", "--json"],
                     ["lineage", "120/HD-SNV"], ["top", "--json"]):
            r = cli(*argv, "--db", str(store_dir))
            assert r.returncode == 0, r.stderr
            assert r.stderr == ""
            if argv[0] == "stats":
                assert json.loads(r.stdout) == before  # the last committed generation
        b = EmbeddedBackend(store_dir, create=False)
        b.store.conn.execute("PRAGMA busy_timeout=0")  # fail at once if it ever waited
        assert b.stats() == before
        assert b.search_keys("58-QĐ/TU")
    writer.close()


def test_a_reader_finishes_an_interrupted_ingest_only_when_no_writer_is_at_work(
        store_dir, tmp_path):
    """Files stored but not resolved (the ingest was killed before its
    resolution): while a writer holds the lock, readers answer from the last
    resolution; once no writer is left, the next reader resolves."""
    before = EmbeddedBackend(store_dir, cache=False).stats()["documents"]
    new = tmp_path / "in" / "kh.txt"
    new.parent.mkdir()
    new.write_text(plan_text(3, 0), encoding="utf-8")
    with Store(store_dir) as s, s.transaction():  # stored, then "killed"
        from parsers import parse_text

        s.put_file(str(new), "e" * 64, new.read_text(encoding="utf-8"),
                   parse_text(new.read_text(encoding="utf-8")))
    holder = Store(store_dir)
    with holder.writer():
        b = EmbeddedBackend(store_dir, cache=False, create=False)
        assert b.stats()["documents"] == before
        assert b.store.stale
    holder.close()
    assert b.stats()["documents"] == before + 1
    assert not b.store.stale


# --- writers take turns ------------------------------------------------------------


def test_a_second_writer_waits_then_gives_up_with_a_message(store_dir, tmp_path):
    folder = tmp_path / "in"
    write_plans(folder, {})
    with Store(store_dir) as holder, holder.writer():
        with Store(store_dir) as other:
            told: list[str] = []
            with pytest.raises(StoreBusy):
                ingest([folder], other, wait=0.3, on_wait=told.append)
        assert told == [f"waiting for another ingest (pid {os.getpid()}) into "
                        f"{store_dir} to finish"]
        r = cli("ingest", str(folder), "--db", str(store_dir), "--wait", "0.5",
                "--no-progress")
        assert r.returncode == 3
        assert r.stderr.splitlines() == [
            f"legalgraph ingest: waiting for another ingest (pid {os.getpid()}) into "
            f"{store_dir} to finish (at most 0.5 s) …",
            f"legalgraph ingest: another ingest (pid {os.getpid()}) is writing to "
            f"{store_dir}; gave up after 0.5 s (--wait), nothing was written",
        ]
    with Store(store_dir) as s:
        assert not any("kh-0" in p for p in s.known_files())  # nothing was written


def test_a_waiting_ingest_runs_when_the_first_one_ends(store_dir, tmp_path):
    folder = tmp_path / "in"
    write_plans(folder, {})
    holder = Store(store_dir)
    with holder.writer():
        proc = subprocess.Popen(
            [sys.executable, "-m", "legalgraph.cli", "ingest", str(folder), "--db",
             str(store_dir), "--no-progress", "--jobs", "1"], cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        first = proc.stderr.readline()  # blocks until it says it waits
        assert first.startswith("legalgraph ingest: waiting for another ingest (pid ")
        time.sleep(0.3)
        assert proc.poll() is None  # still waiting for us
    holder.close()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert f"files: {N_PLANS} ({N_PLANS} added" in out


def test_the_lock_of_a_killed_writer_is_released(store_dir, tmp_path):
    """``kill -9`` of a process holding the writer lock frees it at once (the
    kernel drops a dead process's flock), so the next ingest does not wait."""
    code = textwrap.dedent(f"""
        import sys, time
        from graph.store import Store
        s = Store({str(store_dir)!r})
        with s.writer():
            print("locked", flush=True)
            time.sleep(600)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    with Store(store_dir) as s, pytest.raises(StoreBusy):
        with s.writer(wait=0):
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Store(store_dir) as s, s.writer(wait=5):
        pass


def test_resolution_reads_one_snapshot(store_dir, tmp_path, monkeypatch):
    """A file committed by another connection between the resolver's two
    passes is not seen by the second (before: KeyError in graph.resolve); the
    stored resolution is the snapshot's, and the store stays stale so that
    the next writer includes the new file."""
    from parsers import parse_text

    new = tmp_path / "late.txt"
    new.write_text(plan_text(7, 0), encoding="utf-8")
    late = Store(store_dir)
    with Store(store_dir) as s:
        with s.transaction():  # something to resolve
            s.put_file(str(tmp_path / "x.txt"), "d" * 64, plan_text(8, 0),
                       parse_text(plan_text(8, 0)))
        passes = 0
        real = s.doc_inputs

        def doc_inputs(**kw):
            nonlocal passes
            passes += 1
            if passes == 2:  # another writer commits between the passes
                with late.transaction():
                    late.put_file(str(new), "c" * 64, new.read_text(encoding="utf-8"),
                                  parse_text(new.read_text(encoding="utf-8")))
            yield from real(**kw)

        monkeypatch.setattr(s, "doc_inputs", doc_inputs)
        generation = s.generation
        assert s.resolve()
        assert passes == 2
        assert s.resolved_generation == generation
        assert s.generation == generation + 1 and s.stale
        ids = {r[0] for r in s.conn.execute("SELECT file_id FROM doc_nodes")}
        assert s.file_by_path(str(new)).id not in ids
    late.close()


# --- the graph cache ---------------------------------------------------------------


def test_concurrent_cache_builders_all_succeed(store_dir):
    """Readers that all find the cache missing build it at once: each writes
    its own temporary file and renames it (before, they all wrote one
    ``graph.tmp`` and most failed with FileNotFoundError)."""
    (store_dir / CACHE_NAME).unlink(missing_ok=True)
    errors: list[BaseException] = []
    graphs = []
    start = threading.Barrier(6)

    def read() -> None:
        try:
            with Store(store_dir, create=False) as s:
                start.wait()
                graphs.append(load_graph(s))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({(g.number_of_nodes(), g.number_of_edges()) for g in graphs}) == 1
    assert (store_dir / CACHE_NAME).is_file()
    assert not list(store_dir.glob(f".{CACHE_NAME}.*.tmp"))
    with Store(store_dir, create=False) as s:
        cached = load_graph(s)
    assert cached.graph["generation"] == graphs[0].graph["generation"]
    assert sorted(cached.nodes) == sorted(graphs[0].nodes)


def test_graph_is_of_the_resolution_not_of_newer_files(store_dir, tmp_path):
    """Files stored after the last resolution (an ingest in progress) are
    not in the graph, nor counted in its stats."""
    from parsers import parse_text

    before = EmbeddedBackend(store_dir, cache=False).stats()
    with Store(store_dir) as s, s.writer():  # an ingest between two batches
        with s.transaction():
            s.put_file(str(tmp_path / "x.txt"), "b" * 64, plan_text(9, 0),
                       parse_text(plan_text(9, 0)))
        assert s.stale
        b = EmbeddedBackend(store_dir, cache=False, create=False)
        assert b.stats() == before
        assert not b.search_keys("109/KH-UBND")
    assert b.search_keys("109/KH-UBND")  # the writer is gone: resolved now


# --- empty files -------------------------------------------------------------------


def test_every_empty_file_is_reported_as_empty(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(b"")
    (folder / "d.txt").write_text(plan_text(1, 0), encoding="utf-8")
    (folder / "e.txt").write_text(plan_text(1, 0), encoding="utf-8")  # a true twin
    with Store(tmp_path / "db") as s:
        r = ingest([folder], s)
    assert [(Path(p).name, e.endswith("empty file (0 bytes)")) for p, e in r.errors] == [
        ("a.txt", True), ("b.txt", True), ("c.txt", True)]
    assert (r.added, r.duplicates) == (1, 1)


# --- uploads -----------------------------------------------------------------------


def test_an_upload_waits_for_an_ingest_and_then_writes_nothing(store_dir):
    from legalgraph.ui import upload

    saved = upload.save_uploads(store_dir, [("kh-1.txt", plan_text(1, 0).encode())])
    results = [upload.check(x) for x in saved]
    assert results[0].ok
    with Store(store_dir) as holder, holder.writer():
        with Store(store_dir) as s:
            out = upload.ingest_checked(s, results, wait=0.2)
    assert [(r.ok, r.message.startswith("Kho đang được một lần nạp khác ghi")) for r in out] \
        == [(False, True)]
    assert not (store_dir / "uploads" / "kh-1.txt").exists()
    assert not saved[0].path.exists()
    with Store(store_dir) as s:
        assert not any(p.endswith("kh-1.txt") for p in s.known_files())
        saved = upload.save_uploads(store_dir, [("kh-1.txt", plan_text(1, 0).encode())])
        out = upload.ingest_checked(s, [upload.check(x) for x in saved])
        assert out[0].ok and any(p.endswith("kh-1.txt") for p in s.known_files())


# --- stress: everything at once ----------------------------------------------------

#: A reader process. "app": the app's own backend holder
#: (:class:`legalgraph.ui.state.AppBackend`, one long-lived EmbeddedBackend)
#: asked what the pages ask, through the app's query functions, plus direct
#: backend calls; "cli": the CLI's main() called afresh each time (a new store
#: connection and graph load per call, as a command does). Prints one JSON
#: line per query; never raises (errors are reported and counted).
READER = r"""
import contextlib, io, json, os, sys, time, traceback
db, stop, kind = sys.argv[1], sys.argv[2], sys.argv[3]
from graph import app_queries, diagram
from graph.embedded import EmbeddedBackend
from graph.scan import search
from legalgraph.cli import main

def report(what, ok, info):
    print(json.dumps({"what": what, "ok": ok, "info": info}), flush=True)

def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*argv, "--db", db])
        except BaseException:
            code, err = -1, io.StringIO(traceback.format_exc())
    return code, out.getvalue(), err.getvalue()

if kind == "app":
    os.environ["LEGALGRAPH_DB"] = db
    os.environ.pop("NEO4J_URI", None)
    from legalgraph.ui.state import AppBackend
    app = AppBackend()
seen = {"offset": None, "documents": 0}

def consistent(s):
    # files and documents of one resolution agree (every plan is one file and
    # one document), and no answer goes back to an older resolution
    offset = s["files"] - s["documents"]
    if seen["offset"] is None:
        seen["offset"] = offset
    ok = offset == seen["offset"] and s["documents"] >= seen["documents"]
    seen["documents"] = max(seen["documents"], s["documents"])
    return ok

i = 0
while not os.path.exists(stop) and i < 400:
    i += 1
    try:
        if kind == "app":
            gen = app.generation()
            s = app.call(lambda b: b.stats())
            report("app.stats", consistent(s), [gen, s["files"], s["documents"]])
            hits = app.call(lambda b: search(b, "kế hoạch", limit=5))
            report("app.search", bool(hits), len(hits))
            rows = app.call(lambda b: app_queries.top_in_years(b, years=(2025, 2026), limit=5))
            report("app.top_in_years", bool(rows), len(rows))
            unresolved = app.call(app.unresolved)
            report("app.unresolved", unresolved is not None, 0)
            nodes, edges, _ = app.call(lambda b: diagram.neighbourhood(
                b, "vn/lang-son/2025-2030/qd/58/qd-tu", depth=2))
            report("app.neighbourhood", bool(nodes) and bool(edges), len(nodes))
            d = app.call(lambda b: diagram.relation_diagram(b, "vn/lang-son/2025-2030/qd/58/qd-tu"))
            report("app.diagram", d is not None and any(g["total"] for g in d["groups"]), 0)
            b = app.backend  # unpinned single calls are consistent on their own
            report("backend.search_keys", bool(b.search_keys("105/KH-UBND")), 0)
            report("backend.top", bool(b.top(limit=5)), 0)
        else:
            code, out, err = run_cli(["stats", "--json"])
            s = json.loads(out) if code == 0 else {}
            report("cli.stats", code == 0 and not err and consistent(s),
                   [code, err[-300:], s.get("files"), s.get("documents")])
            for argv in (["show", "58-QĐ/TU", "--json"], ["lineage", "120/HD-SNV"],
                         ["top", "--limit", "5"]):
                code, out, err = run_cli(argv)
                report("cli." + argv[0], code == 0 and not err and bool(out),
                       [code, err[-300:]])
    except BaseException:
        report(kind, False, traceback.format_exc()[-3000:])
    time.sleep(0.02)
"""

ROUNDS = 3
READERS = {"cli": 2, "app": 2}


def test_stress_readers_and_writers_with_a_kill(tmp_path):
    """``ROUNDS`` rounds: the plans change (new bytes and citations), the
    graph cache is removed, two ``legalgraph ingest`` writers start at once
    on overlapping folders while CLI and app readers query without pause;
    in one round (more if it ended too early) a writer is killed with
    SIGKILL at a random moment. Then the writers are rerun, and the store
    must equal a serial ingest of the final files into a fresh store."""
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    db = tmp_path / "store"
    files = tmp_path / "plans"
    versions: dict[int, int] = {}
    folders = write_plans(files, versions)
    r = cli("ingest", str(SAMPLES), str(folders["a"]), "--db", str(db), "--no-progress",
            "--jobs", "1")
    assert r.returncode == 0, r.stderr

    stop = tmp_path / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), kind],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
               for kind, n in READERS.items() for _ in range(n)]
    writer_args = [[str(folders["a"]), str(folders["shared"])],
                   [str(folders["b"]), str(folders["shared"])]]
    kills, writers_run, waits, rounds = 0, 0, 0, 0
    kill_round = rng.randrange(ROUNDS)
    problems: list[str] = []
    try:
        while rounds < ROUNDS or (kills == 0 and rounds < ROUNDS + 3):
            for i in rng.sample(range(1, N_PLANS + 1), N_PLANS // 3):
                versions[i] = versions.get(i, 0) + 1
            write_plans(files, versions)
            (db / CACHE_NAME).unlink(missing_ok=True)
            procs = [subprocess.Popen(
                [sys.executable, "-m", "legalgraph.cli", "ingest", *args, "--db", str(db),
                 "--no-progress", "--jobs", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True) for args in writer_args]
            writers_run += 2
            victim = None
            if rounds >= kill_round and kills == 0:
                victim = rng.randrange(2)
                time.sleep(rng.uniform(0.3, 1.5))
                if procs[victim].poll() is None:
                    procs[victim].send_signal(signal.SIGKILL)
                    kills += 1
                else:
                    victim = None
            for k, p in enumerate(procs):
                out, err = p.communicate(timeout=180)
                waits += "waiting for another ingest" in err
                if k == victim:
                    assert p.returncode == -signal.SIGKILL
                    assert "Traceback" not in err
                    continue
                if p.returncode != 0 or "Traceback" in err:
                    problems.append(f"writer {k} round {rounds}: rc {p.returncode} {err[-500:]}")
            rounds += 1
    finally:
        stop.touch()
        outputs = [p.communicate(timeout=120) for p in readers]
    results = [json.loads(line) for out, _ in outputs for line in out.splitlines()
               if line.startswith("{")]
    errors = [r for r in results if not r["ok"]]
    errors += [{"what": "reader process", "info": err[-600:]}
               for (_, err), p in zip(outputs, readers, strict=True)
               if p.returncode != 0 or "Traceback" in err]
    print(f"stress: seed {seed}, {rounds} rounds, {sum(READERS.values())} readers "
          f"({len(results)} queries), 2 writers ({writers_run} runs, {waits} waited), "
          f"{kills} kill -9, {len(errors)} reader errors, {len(problems)} writer problems")
    assert problems == []
    assert errors == [], errors[:3]
    assert kills == 1
    per_reader = [sum(line.startswith("{") for line in out.splitlines()) for out, _ in outputs]
    assert min(per_reader) >= 4, per_reader  # every reader did read

    # the killed writer's work is completed by a rerun; then the store is
    # what one serial ingest of the same files gives
    for args in writer_args:
        r = cli("ingest", *args, "--db", str(db), "--no-progress", "--jobs", "1")
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    serial = tmp_path / "serial"
    r = cli("ingest", str(SAMPLES), str(folders["a"]), str(folders["b"]),
            str(folders["shared"]), "--db", str(serial), "--no-progress", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    got, want = dump(db), dump(serial)
    assert got["stale"] == want["stale"] == [False]
    for table in want:
        assert got[table] == want[table], table
    # and what readers see is that store
    a = EmbeddedBackend(db, create=False).stats()
    b = EmbeddedBackend(serial, create=False).stats()
    assert a == b


def test_store_missing_is_a_file_not_found_error():
    assert issubclass(StoreMissing, FileNotFoundError)
    assert str(StoreMissing("x")) == "no store at x: run legalgraph ingest first"
