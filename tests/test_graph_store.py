"""Ingest into the SQLite store: idempotent, incremental, atomic per file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import ingest as ingest_mod
from graph.embedded import EmbeddedBackend
from graph.ingest import ingest
from graph.store import SCHEMA_VERSION, Store

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

DOC = """UBND TỈNH LẠNG SƠN
Số: {n}/TB-VP                         Lạng Sơn, ngày 10 tháng 02 năm 2026

THÔNG BÁO
Kết luận cuộc họp số {n}

Thực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy và \
Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ, Văn phòng thông báo.
"""


def write_docs(folder: Path, numbers: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        p = folder / f"tb-{n:03d}.txt"
        p.write_text(DOC.format(n=n), encoding="utf-8")
        paths.append(p)
    return paths


def counts(db: Path) -> tuple[int, int, int, int]:
    with Store(db) as s:
        c = s.conn
        return tuple(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("files", "nodes", "edges", "mentions"))


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "db"
    with Store(db) as s:
        first = ingest([SAMPLES], s)
    before = counts(db)
    with Store(db) as s:
        generation = s.generation
        second = ingest([SAMPLES], s)
        assert s.generation == generation  # nothing written
    assert first.added == first.files > 0 and not first.errors
    assert (second.added, second.replaced, second.unchanged) == (0, 0, first.files)
    assert counts(db) == before
    assert second.totals == first.totals


def test_same_bytes_under_another_path_is_a_duplicate(tmp_path):
    (a,) = write_docs(tmp_path / "in", range(1, 2))
    copy = tmp_path / "copy" / "same.txt"
    copy.parent.mkdir()
    shutil.copy(a, copy)
    with Store(tmp_path / "db") as s:
        r = ingest([a, copy], s)
        assert (r.added, r.duplicates) == (1, 1)
        assert s.file_count() == 1


def test_changed_file_replaces_its_old_records(tmp_path):
    (path,) = write_docs(tmp_path / "in", range(7, 8))
    db = tmp_path / "db"
    with Store(db) as s:
        ingest([path], s)
    path.write_text(DOC.format(n=7).replace("và Nghị quyết số 01/NQ-CP ngày 08/01/2026 của "
                                            "Chính phủ", ""), encoding="utf-8")
    with Store(db) as s:
        r = ingest([path], s)
        assert (r.replaced, r.added) == (1, 0)
        assert s.file_count() == 1
    b = EmbeddedBackend(db, cache=False)
    assert [x["node"]["key"] for x in b.cites("vn/lang-son/2026/tb/7/tb-vp")] == ["58-QĐ/TU"]
    assert b.show("vn/national/2026/nq/1/nq-cp") is None  # no one cites it any more


def test_a_file_that_fails_mid_batch_leaves_the_others_stored(tmp_path, monkeypatch):
    paths = write_docs(tmp_path / "in", range(1, 6))
    real = ingest_mod._parse_text

    def flaky(text, file):
        if file.endswith("tb-003.txt"):
            raise RuntimeError("boom")
        return real(text, file)

    monkeypatch.setattr(ingest_mod, "_parse_text", flaky)
    db = tmp_path / "db"
    with Store(db) as s:
        r = ingest(paths, s, batch_size=2)
    assert r.added == 4
    assert [p for p, _ in r.errors] == [str(paths[2])]
    assert "parser failed" in r.errors[0][1] and "tb-003.txt" in r.errors[0][1]
    monkeypatch.setattr(ingest_mod, "_parse_text", real)
    with Store(db) as s:  # the bad file goes in once it parses
        assert ingest(paths, s).added == 1
        assert s.file_count() == 5


def test_a_crash_mid_ingest_keeps_what_was_stored(tmp_path, monkeypatch):
    db = tmp_path / "db"
    earlier = write_docs(tmp_path / "a", range(1, 3))
    with Store(db) as s:
        ingest(earlier, s)
    later = write_docs(tmp_path / "b", range(10, 16))
    real = ingest_mod._parse_text

    def dies(text, file):
        if file.endswith("tb-013.txt"):
            raise KeyboardInterrupt  # not an Exception: the run stops here
        return real(text, file)

    monkeypatch.setattr(ingest_mod, "_parse_text", dies)
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        ingest(later, s, batch_size=100)
    monkeypatch.setattr(ingest_mod, "_parse_text", real)
    with Store(db) as s:
        stored = {Path(p).name for p in s.known_files()}
        # earlier runs intact, and the files finished before the crash kept too
        assert stored == {"tb-001.txt", "tb-002.txt", "tb-010.txt", "tb-011.txt", "tb-012.txt"}
        assert s.stale  # resolution did not run; the next reader re-resolves
    b = EmbeddedBackend(db, cache=False)
    assert b.stats()["documents"] == 5


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path):
    good = write_docs(tmp_path / "in", range(1, 3))
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with Store(tmp_path / "db") as s:
        r = ingest([tmp_path / "in"], s)
    assert r.added == len(good)
    assert [Path(p).name for p, _ in r.errors] == ["empty.txt"]


def test_store_keeps_the_text_and_a_schema_version(tmp_path):
    (path,) = write_docs(tmp_path / "in", range(4, 5))
    db = tmp_path / "db"
    with Store(db) as s:
        ingest([path], s)
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    b = EmbeddedBackend(db, cache=False)
    assert b.document_text("vn/lang-son/2026/tb/4/tb-vp") == path.read_text(encoding="utf-8")
    assert b.document_text("vn/national/2026/nq/1/nq-cp") is None  # cited only


def test_graph_cache_follows_the_store(tmp_path):
    db = tmp_path / "db"
    with Store(db) as s:
        ingest(write_docs(tmp_path / "a", range(1, 2)), s)
    assert EmbeddedBackend(db).stats()["documents"] == 1  # writes the pickle
    with Store(db) as s:
        ingest(write_docs(tmp_path / "b", range(2, 3)), s)
    assert EmbeddedBackend(db).stats()["documents"] == 2  # stale pickle not used


@pytest.mark.parametrize("spans", [
    [],
    [(0, 12, "Nghị định 130/2005/NĐ-CP")],
    [(5, 9, 'số "58"\\'), (10, 2**40, "tab\there\nnew\x00line\x7f\u2028 \U0001d11e \ud800")],
])
def test_span_json_is_json_dumps(spans):
    import json

    from graph.store import _spans_json
    want = json.dumps([{"start": a, "end": b, "text": t} for a, b, t in spans],
                      ensure_ascii=False)
    assert _spans_json(spans) == want
    assert json.loads(_spans_json(spans)) == json.loads(want)


def test_light_stream_reads_what_the_full_one_does(tmp_path):
    """The resolver's first pass reads each file's head and its citations'
    key, date and issuer from a lighter query: the same values, also for a
    head holding a NUL (SQLite's substr of a text stops there), characters
    of 2-4 bytes, and a head cut inside one of them."""
    from graph.headers import HEADER_REACH
    from parsers import parse_text

    heads = [DOC.format(n=1),
             "Số: 5/TB-VP\x00 ☐ ngày 1/2/2026 \U0001d11e\n" + DOC.format(n=2),
             "Ư" * (HEADER_REACH - 1) + "\U0001d11e" * 3 + DOC.format(n=3),
             ""]
    with Store(tmp_path / "db") as s:
        with s.transaction():
            for i, text in enumerate(heads):
                s.put_file(str(tmp_path / f"{i}.txt"), f"{i:064d}", text, parse_text(text))
        with s.snapshot():
            full, light = list(s.doc_inputs()), list(s.doc_inputs(light=True))
    assert [d.head for d in light] == [d.head for d in full] == [t[:HEADER_REACH] for t in heads]
    assert [[(c.key, c.date, c.issuer) for c in d.citations] for d in full] == [
        list(d.citations) for d in light]
    assert sum(len(d.citations) for d in light) >= 4
    assert [(d.file_id, d.sha256, d.document) for d in light] == [
        (d.file_id, d.sha256, d.document) for d in full]
