"""Validity (graph/validity.py) end to end: short decisions written here in
the forms provincial documents use, read by the real parser, stored,
resolved, and judged on fixed days; plus the rules on their own, the status
line, the dead citations, the exports and the JSON contract."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from graph.validity import STATES, dead_citations, edge_act, validity_of

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n"

#: file → text. 12/2019 is repealed by 84/2025 (signed 20/11/2025, in effect
#: 01/12/2025), which also repeals one clause of 15/2020; 20/2018 is
#: replaced by 30/2021, itself amended by 07/2023; 01/2015 → 02/2017 →
#: 03/2022 is a chain of replacements; 05/2026 rests on 12/2019 after its
#: repeal, 99/KH-UBND implements it before the repeal took effect.
TEXTS: dict[str, str] = {
    "a.txt": HEAD + "Số: 12/2019/QĐ-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2019\nQUYẾT ĐỊNH\n"
             "Quy định về quản lý chợ trên địa bàn tỉnh\nĐiều 1. Ban hành quy định.\n"
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
    "b.txt": HEAD + "Số: 84/2025/QĐ-UBND\nLạng Sơn, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
             "Bãi bỏ một số quyết định của UBND tỉnh\nĐiều 1. Bãi bỏ Quyết định số "
             "12/2019/QĐ-UBND ngày 05/3/2019 của UBND tỉnh Lạng Sơn.\nĐiều 2. Bãi bỏ khoản 2 "
             "Điều 3 của Quyết định số 15/2020/QĐ-UBND ngày 10/4/2020 của UBND tỉnh Lạng Sơn.\n"
             "Điều 3. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.\n",
    "c.txt": HEAD + "Số: 30/2021/QĐ-UBND\nLạng Sơn, ngày 15 tháng 6 năm 2021\nQUYẾT ĐỊNH\n"
             "Quy định về phí chợ\nĐiều 1. Quyết định này có hiệu lực thi hành sau 10 ngày kể "
             "từ ngày ký và thay thế Quyết định số 20/2018/QĐ-UBND ngày 01/02/2018 của UBND "
             "tỉnh Lạng Sơn.\n",
    "d.txt": HEAD + "Số: 07/2023/QĐ-UBND\nLạng Sơn, ngày 02 tháng 3 năm 2023\nQUYẾT ĐỊNH\n"
             "Sửa đổi Điều 2 của Quyết định số 30/2021/QĐ-UBND\nĐiều 1. Sửa đổi, bổ sung Điều "
             "2 của Quyết định số 30/2021/QĐ-UBND ngày 15/6/2021 của UBND tỉnh Lạng Sơn.\n"
             "Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2023.\n",
    "e.txt": HEAD + "Số: 40/2025/QĐ-UBND\nLạng Sơn, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
             "Quy định mới\nĐiều 1. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2099.\n",
    "f.txt": HEAD + "Số: 55/2020/QĐ-UBND\nLạng Sơn, ngày 10 tháng 01 năm 2020\nQUYẾT ĐỊNH\n"
             "Về chương trình năm 2020\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký đến "
             "hết ngày 31 tháng 12 năm 2020.\n",
    "g.txt": HEAD + "Số: 320/UBND-KT\nLạng Sơn, ngày 12 tháng 5 năm 2024\nV/v báo cáo tình "
             "hình chợ\nKính gửi: Sở Công Thương.\nĐề nghị báo cáo trước ngày 30/5/2024.\n",
    "h.txt": HEAD + "Số: 05/2026/QĐ-UBND\nLạng Sơn, ngày 10 tháng 01 năm 2026\nQUYẾT ĐỊNH\n"
             "Về quản lý chợ\nCăn cứ Quyết định số 12/2019/QĐ-UBND ngày 05/3/2019 của UBND "
             "tỉnh Lạng Sơn quy định về quản lý chợ;\nĐiều 1. Quyết định này có hiệu lực kể "
             "từ ngày ký.\n",
    "i.txt": HEAD + "Số: 99/KH-UBND\nLạng Sơn, ngày 25 tháng 11 năm 2025\nKẾ HOẠCH\n"
             "Triển khai quản lý chợ\nThực hiện Quyết định số 12/2019/QĐ-UBND ngày 05/3/2019 "
             "của UBND tỉnh Lạng Sơn, UBND tỉnh ban hành kế hoạch.\n",
    "j.txt": HEAD + "Số: 02/2017/QĐ-UBND\nLạng Sơn, ngày 06 tháng 01 năm 2017\nQUYẾT ĐỊNH\n"
             "Quy định về bến xe\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký và thay "
             "thế Quyết định số 01/2015/QĐ-UBND ngày 05/01/2015 của UBND tỉnh Lạng Sơn.\n",
    "k.txt": HEAD + "Số: 03/2022/QĐ-UBND\nLạng Sơn, ngày 07 tháng 01 năm 2022\nQUYẾT ĐỊNH\n"
             "Quy định về bến xe\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký và thay "
             "thế Quyết định số 02/2017/QĐ-UBND ngày 06/01/2017 của UBND tỉnh Lạng Sơn.\n",
}

LS = "vn/lang-son"
QD12 = f"{LS}/2019/qd/12/2019-qd-ubnd"
QD84 = f"{LS}/2025/qd/84/2025-qd-ubnd"
QD15 = f"{LS}/2020/qd/15/2020-qd-ubnd"
QD20 = f"{LS}/2018/qd/20/2018-qd-ubnd"
QD30 = f"{LS}/2021/qd/30/2021-qd-ubnd"
QD07 = f"{LS}/2023/qd/7/2023-qd-ubnd"
QD40 = f"{LS}/2025/qd/40/2025-qd-ubnd"
QD55 = f"{LS}/2020/qd/55/2020-qd-ubnd"
CV320 = f"{LS}/2024/vb/320/ubnd-kt"
QD05 = f"{LS}/2026/qd/5/2026-qd-ubnd"
KH99 = f"{LS}/2025/kh/99/kh-ubnd"
QD01, QD02, QD03 = (f"{LS}/2015/qd/1/2015-qd-ubnd", f"{LS}/2017/qd/2/2017-qd-ubnd",
                    f"{LS}/2022/qd/3/2022-qd-ubnd")

AFTER = dt.date(2026, 3, 1)  # every act in effect
BETWEEN = dt.date(2025, 11, 25)  # 84/2025 signed, not yet in effect


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.ingest import ingest
    from graph.store import Store

    root = tmp_path_factory.mktemp("validity")
    docs = root / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    with Store(root / "store") as store:
        report = ingest([docs], store)
    assert not report.errors and report.added == len(TEXTS)
    return root / "store"


def _validity(store_dir: Path, today: dt.date) -> dict[str, dict]:
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(store_dir, cache=False, today=today) as b:
        return {n["id"]: n["validity"] for n in b.nodes()}


def test_node_ids_are_the_ones_the_tests_name(store_dir: Path) -> None:
    v = _validity(store_dir, AFTER)
    for nid in (QD12, QD84, QD15, QD20, QD30, QD07, QD40, QD55, CV320, QD05, KH99, QD01,
                QD02, QD03):
        assert nid in v, sorted(v)


def test_every_state_on_a_fixed_day(store_dir: Path) -> None:
    v = _validity(store_dir, AFTER)
    assert v[QD12]["state"] == "repealed"  # whole repeal, in effect
    assert v[QD15]["state"] == "amended"  # "bãi bỏ khoản 2 Điều 3 của …": parts only
    assert v[QD20]["state"] == "replaced"
    assert v[QD30]["state"] == "amended"  # amended by 07/2023
    assert v[QD84]["state"] == "in_force"  # its own clause, passed, nothing acts on it
    assert v[QD40]["state"] == "not_yet"  # in effect from 2099
    assert v[QD55]["state"] == "expired"  # "đến hết ngày 31 tháng 12 năm 2020"
    assert v[CV320]["state"] == "unknown"  # a letter: no clause, nothing acts on it
    assert {x["state"] for x in v.values()} == set(STATES)


def test_the_repeal_acts_from_its_own_effective_date_not_its_signature(store_dir: Path) -> None:
    before = _validity(store_dir, BETWEEN)[QD12]
    assert before["state"] == "in_force" and before["by"] == []
    (pending,) = before["pending"]
    assert (pending["id"], pending["relation"], pending["date"], pending["effective"]) == (
        QD84, "repeals", "2025-11-20", "2025-12-01")
    after = _validity(store_dir, AFTER)[QD12]
    assert after["state"] == "repealed" and after["since"] == "2025-12-01"
    assert [(a["id"], a["key"], a["relation"], a["partial"]) for a in after["by"]] == [
        (QD84, "84/2025/QĐ-UBND", "repeals", False)]
    assert after["effective"] == "2019-03-05" and after["pending"] == []


def test_partial_repeal_is_amended_and_names_its_act(store_dir: Path) -> None:
    v = _validity(store_dir, AFTER)[QD15]
    assert v["since"] == "2025-12-01"
    assert [(a["id"], a["relation"], a["partial"]) for a in v["by"]] == [
        (QD84, "repeals", True)]
    assert _validity(store_dir, BETWEEN)[QD15]["state"] == "unknown"  # not yet, no clause


def test_chains(store_dir: Path) -> None:
    v = _validity(store_dir, AFTER)
    # A replaced by B, B amended by C: A replaced, B amended
    assert v[QD20]["state"] == "replaced" and v[QD20]["by"][0]["id"] == QD30
    assert v[QD20]["since"] == "2021-06-25"  # "sau 10 ngày kể từ ngày ký"
    assert v[QD30]["state"] == "amended" and [a["id"] for a in v[QD30]["by"]] == [QD07]
    assert v[QD30]["since"] == "2023-03-15"
    # 01/2015 → 02/2017 → 03/2022: the first points to the one in force now
    assert v[QD01]["state"] == v[QD02]["state"] == "replaced"
    assert v[QD01]["current"] == {"id": QD03, "key": "03/2022/QĐ-UBND", "type": "Quyết định"}
    assert v[QD02]["current"] is None  # its own replacer is the end
    assert v[QD03]["state"] == "in_force"


def test_a_document_cited_as_basis_after_its_repeal(store_dir: Path) -> None:
    from graph.audit import audit
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(store_dir, cache=False, today=AFTER) as b:
        rows = audit(b)["not_in_force"]
    # 05/2026 rests on 12/2019 after its repeal took effect; 99/KH-UBND
    # implements it on 25/11/2025, after the repeal was signed but before it
    # took effect: not a dead citation
    assert [(r["source"], r["target"], r["relation"], r["state"], r["since"], r["by"])
            for r in rows] == [(QD05, QD12, "based_on", "repealed", "2025-12-01", QD84)]
    assert rows[0]["sentence"].startswith("Căn cứ Quyết định số 12/2019/QĐ-UBND")
    assert rows[0]["file"].endswith("h.txt")


def test_show_prints_the_status_line(store_dir: Path) -> None:
    from legalgraph.commands.graph import _label
    from legalgraph.ui.badges import status_text

    v = _validity(store_dir, AFTER)
    assert status_text(v[QD12]) == ("Hết hiệu lực từ 01/12/2025 — bị bãi bỏ bởi Quyết định "
                                    "số 84/2025/QĐ-UBND")
    assert status_text(v[QD30]) == ("Còn hiệu lực, đã được sửa đổi, bổ sung bởi Quyết định "
                                    "số 07/2023/QĐ-UBND")
    assert status_text(v[QD40]) == "Chưa có hiệu lực (từ 01/01/2099)"
    assert status_text(v[CV320]) == "Chưa rõ hiệu lực"
    assert status_text(v[QD84]) == "Còn hiệu lực (từ 01/12/2025)"
    assert status_text(v[QD01]).endswith("(nay là Quyết định số 03/2022/QĐ-UBND)")
    assert status_text(_validity(store_dir, BETWEEN)[QD12]) == (
        "Còn hiệu lực (từ 05/03/2019) — sẽ bị bãi bỏ bởi Quyết định số 84/2025/QĐ-UBND "
        "từ 01/12/2025")
    node = {"key": "12/2019/QĐ-UBND", "type": "Quyết định", "date": "2019-03-05",
            "scope": "2019", "name": None, "resolved": True, "reason": None,
            "validity": v[QD12]}
    assert _label(node).endswith("[hết hiệu lực 01/12/2025]")  # top, search, lineage


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "legalgraph.cli", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_cli_show_and_the_json_contract(store_dir: Path) -> None:
    out = _cli("show", "12/2019/QĐ-UBND", "--db", str(store_dir))
    assert out.returncode == 0, out.stderr
    assert "hiệu lực: Hết hiệu lực từ 01/12/2025 — bị bãi bỏ bởi Quyết định số 84/2025/QĐ-UBND" \
        in out.stdout  # the real day is after 2025-12-01
    out = _cli("export", "--format", "json", "--db", str(store_dir))
    nodes = {n["id"]: n for n in json.loads(out.stdout)["nodes"]}
    assert all(isinstance(n["validity"], dict) and isinstance(n["validity"]["state"], str)
               and n["validity"]["state"] in STATES for n in nodes.values())
    v = nodes[QD12]["validity"]
    assert set(v) >= {"state", "by", "since", "effective"}
    assert v["state"] == "repealed" and v["by"][0]["id"] == QD84
    assert set(v["by"][0]) >= {"id", "key", "relation", "date"}
    shown = json.loads(_cli("show", "12/2019/QĐ-UBND", "--db", str(store_dir), "--json").stdout)
    assert shown[0]["node"]["validity"] == v
    top = json.loads(_cli("top", "--db", str(store_dir), "--json").stdout)
    assert all("validity" in r["node"] for r in top)


def test_rdf_says_in_force_and_when_it_ended(store_dir: Path) -> None:
    from graph.embedded import EmbeddedBackend
    from graph.export.rdf import DEFAULT_BASE, generate_rdf

    with EmbeddedBackend(store_dir, cache=False, today=AFTER) as b:
        rdf = generate_rdf(b.graph)
    rows = {str(r.doc)[len(DEFAULT_BASE):]: (str(r.force).rsplit("#")[-1], str(r.ended or ""))
            for r in rdf.query("""
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?doc ?force ?ended WHERE {
            ?doc eli:in_force ?force .
            OPTIONAL { ?doc eli:date_no_longer_in_force ?ended }
        }""")}
    assert rows[QD12] == ("InForce-notInForce", "2025-12-01")
    assert rows[QD15] == ("InForce-partiallyInForce", "")
    assert rows[QD30] == ("InForce-inForce", "")
    assert rows[QD55] == ("InForce-notInForce", "2020-12-31")
    assert CV320 not in rows  # unknown: nothing said
    amends = {(str(s)[len(DEFAULT_BASE):], str(o)[len(DEFAULT_BASE):]) for s, o in
              rdf.subject_objects(rdf.namespace_manager.expand_curie("eli:amends"))}
    repeals = {(str(s)[len(DEFAULT_BASE):], str(o)[len(DEFAULT_BASE):]) for s, o in
               rdf.subject_objects(rdf.namespace_manager.expand_curie("eli:repeals"))}
    assert (QD84, QD15) in amends and (QD84, QD15) not in repeals  # parts only
    assert (QD84, QD12) in repeals
    effective = {str(o) for o in rdf.objects(
        rdf.namespace_manager.expand_curie("doc:" + QD84),
        rdf.namespace_manager.expand_curie("eli:date_applicability"))}
    assert effective == {"2025-12-01"}


# --- the rules on their own ----------------------------------------------------------


def _act(nid: str, relation: str, when: str | None, *, partial: bool = False,
         date: str | None = None) -> dict:
    return {"id": nid, "key": nid, "type": None, "relation": relation, "partial": partial,
            "date": date or when, "effective": when}


def test_edge_act_prefers_a_whole_replacement_then_a_whole_repeal() -> None:
    assert edge_act(["based_on", "repeals"]) == ("repeals", False)
    assert edge_act(["replaces", "repeals"], ["replaces"]) == ("repeals", False)
    assert edge_act(["repeals"], ["repeals"]) == ("repeals", True)
    assert edge_act(["amends"]) == ("amends", False)
    assert edge_act(["based_on", "cites"]) is None


def test_expiry_and_repeal_whichever_came_first() -> None:
    late_repeal = [_act("x", "repeals", "2022-01-01")]
    v = validity_of("2019-01-01", "2020-12-31", late_repeal, "2023-01-01")
    assert (v["state"], v["since"]) == ("expired", "2020-12-31")
    v = validity_of("2019-01-01", "2024-12-31", late_repeal, "2023-01-01")
    assert (v["state"], v["since"]) == ("repealed", "2022-01-01")


def test_an_undated_act_counts_and_acts_are_oldest_first() -> None:
    acts = [_act("b", "amends", "2021-05-01"), _act("a", "amends", "2020-05-01"),
            _act("u", "amends", None)]
    v = validity_of("2019-01-01", None, acts, "2023-01-01")
    assert v["state"] == "amended" and [a["id"] for a in v["by"]] == ["a", "b", "u"]
    assert v["since"] == "2020-05-01"


def test_a_repeal_before_the_document_took_effect() -> None:
    v = validity_of("2030-01-01", None, [_act("x", "repeals", "2025-01-01")], "2026-01-01")
    assert v["state"] == "repealed"  # never took effect: repealed, not "not yet"


def test_dead_citations_skip_the_acting_document_and_undated_citers() -> None:
    repealed = validity_of("2019-01-01", None, [_act("r", "replaces", "2021-01-01")],
                           "2026-01-01")
    nodes = {"t": {"id": "t", "key": "1/QĐ", "type": None, "validity": repealed},
             "r": {"id": "r", "key": "2/QĐ", "type": None, "date": "2022-01-01"},
             "n": {"id": "n", "key": "3/QĐ", "type": None, "date": None},
             "c": {"id": "c", "key": "4/QĐ", "type": None, "date": "2021-01-01"}}
    edges = [{"source": s, "target": "t", "relations": ["based_on"], "count": 1, "spans": []}
             for s in ("r", "n", "c")]
    rows = dead_citations(nodes, edges)
    # r replaced it (not its own dead citation); n has no date; c is dated on
    # the day the replacement took effect: already replaced
    assert [(r["source"], r["state"]) for r in rows] == [("c", "replaced")]


# --- the store ------------------------------------------------------------------------


def test_a_version_2_store_is_migrated_by_a_writer_and_reparsed(tmp_path: Path) -> None:
    from graph.embedded import EmbeddedBackend
    from graph.ingest import ingest
    from graph.store import SCHEMA_VERSION, Store, StoreUnusable

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text(TEXTS[name], encoding="utf-8")
    db = tmp_path / "store"
    with Store(db) as store:
        ingest([docs], store)
    # what a version-2 store looks like: no validity columns
    conn = sqlite3.connect(db / "legalgraph.sqlite")
    for table, col in (("files", "effective"), ("files", "expires"), ("citations", "partial"),
                       ("nodes", "effective"), ("nodes", "expires"), ("nodes", "draft"),
                       ("edges", "partial")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    (db / "graph.pickle").unlink(missing_ok=True)
    with pytest.raises(StoreUnusable, match="run legalgraph ingest on it once"):
        Store(db, create=False)  # a reader never writes
    with Store(db) as store:  # a writer migrates: the texts are parsed again
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert dict(store.conn.execute("SELECT key, effective FROM files")) == {
            "12/2019/QĐ-UBND": "2019-03-05", "84/2025/QĐ-UBND": "2025-12-01"}
        assert store.stale
    with EmbeddedBackend(db, cache=False, today=AFTER) as b:
        assert b.show(QD12)["node"]["validity"]["state"] == "repealed"  # type: ignore[index]


def test_the_app_shows_the_badge_and_the_dead_citations(store_dir: Path, monkeypatch) -> None:
    from tests.conftest import run_app

    monkeypatch.setenv("LEGALGRAPH_DB", str(store_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = run_app("document", id=QD12)
    badge = next(m.value for m in at.markdown if "badge[" in m.value)
    assert badge.startswith(":red-badge[Hết hiệu lực (bị bãi bỏ)] từ 01/12/2025 — bị bãi bỏ bởi "
                            "[Quyết định số 84/2025/QĐ-UBND](van-ban?id=")
    at = run_app("validity")
    table = at.dataframe[1].value
    assert list(table["Văn bản"]) == ["Quyết định số 05/2026/QĐ-UBND"]
    assert list(table["Văn bản bãi bỏ/thay thế"]) == ["Quyết định số 84/2025/QĐ-UBND"]
    at = run_app("lineage", id=QD05)
    tree = next(h.value for h in at.get("html") if "lg-lineage" in h.value)
    assert "lg-repealed" in tree and "Quyết định số 84/2025/QĐ-UBND" in tree


# --- who can act ------------------------------------------------------------------------


def test_a_letter_a_draft_or_a_consolidated_text_repeals_nothing(tmp_path: Path) -> None:
    """A document acts only on one of the same or lower force, and only once
    signed: a letter retelling "Luật này thay thế Luật số …" (read as its own
    act), a draft decision
    (blank number) and a consolidated text restating an old repeal are not
    evidence; the signed decision is."""
    from graph.embedded import EmbeddedBackend
    from graph.ingest import ingest
    from graph.store import Store

    texts = {
        "letter.txt": "BỘ TÀI CHÍNH\nSố: 1904/BTC-TCHQ\nHà Nội, ngày 29 tháng 12 năm 2014\n"
                      "V/v thực hiện Luật Hải quan\nKính gửi: Cục Hải quan các tỉnh.\n"
                      "Luật Hải quan được Quốc hội thông qua ngày 23/6/2014. Luật này thay thế "
                      "Luật Hải quan số 29/2001/QH10.\n",
        "draft.txt": HEAD + "Số:        /QĐ-UBND\nLạng Sơn, ngày    tháng 9 năm 2025\n"
                     "QUYẾT ĐỊNH\nVề kiện toàn Ban chỉ đạo\nĐiều 1. Quyết định này có hiệu lực kể "
                     "từ ngày ký và thay thế Quyết định số 654/QĐ-UBND ngày 15/5/2025 của UBND "
                     "tỉnh Lạng Sơn.\n",
        "vbhn.txt": "VĂN PHÒNG QUỐC HỘI\nSố: 06/VBHN-VPQH\nHà Nội, ngày 15 tháng 7 năm 2020\n"
                    "LUẬT\nThi đua, khen thưởng\nĐiều 1. Luật số 01/2002/QH11 hết hiệu lực kể từ "
                    "ngày Luật này có hiệu lực.\n",
        "signed.txt": HEAD + "Số: 700/QĐ-UBND\nLạng Sơn, ngày 02 tháng 10 năm 2025\nQUYẾT ĐỊNH\n"
                      "Về kiện toàn Ban chỉ đạo\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký "
                      "và thay thế Quyết định số 654/QĐ-UBND ngày 15/5/2025 của UBND tỉnh Lạng "
                      "Sơn.\n",
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in list(texts.items())[:3]:
        (docs / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "store") as store:
        assert not ingest([docs], store).errors
    with EmbeddedBackend(tmp_path / "store", cache=False, today=AFTER) as b:
        v = {n["key"]: n["validity"] for n in b.nodes() if n["key"]}
        drafts = [n for n in b.nodes() if n["ingested"] and not n["key"]]
        acts = {(e["source"].split("/")[-2], e["target"].split("/")[-2]) for e in b.edges()
                if set(e["relations"]) & {"replaces", "repeals"}}
    # the parser reads each as an act of the document itself: the graph refuses them
    assert acts == {("1904", "29"), ("6", "1")} | {(d["id"].split("/")[-2], "654")
                                                   for d in drafts}
    for key in ("29/2001/QH10", "654/QĐ-UBND", "01/2002/QH11"):
        assert v[key]["state"] == "unknown", (key, v[key])
    assert len(drafts) == 1 and drafts[0]["validity"]["state"] == "unknown"  # a draft: no force
    (docs / "signed.txt").write_text(texts["signed.txt"], encoding="utf-8")
    with Store(tmp_path / "store") as store:
        assert not ingest([docs], store).errors
    with EmbeddedBackend(tmp_path / "store", cache=False, today=AFTER) as b:
        v = {n["key"]: n["validity"] for n in b.nodes() if n["key"]}
    assert v["654/QĐ-UBND"]["state"] == "replaced"
    assert [a["key"] for a in v["654/QĐ-UBND"]["by"]] == ["700/QĐ-UBND"]


def test_legal_rank_orders_the_forms() -> None:
    from graph.validity import can_act, legal_rank

    assert [legal_rank(t, k) for t, k in (
        ("Hiến pháp", None), ("Luật", "54/2014/QH13"), ("Nghị quyết", "131/2020/QH14"),
        ("Nghị quyết", "751/2019/UBTVQH14"), ("Nghị định", "10/2005/NĐ-CP"),
        ("Quyết định", "19/2020/QĐ-TTg"), ("Thông tư", "38/2018/TT-BTC"),
        ("Nghị quyết", "10/2025/NQ-HĐND"), ("Quyết định", "12/2019/QĐ-UBND"),
        ("Công văn", "1904/BTC-TCHQ"))] == [1, 2, 2, 3, 5, 6, 7, 8, 9, 20]
    assert legal_rank("Quyết định", "58-QĐ/TU") is None  # Party documents: their own system
    law = {"type": "Luật", "key": "54/2014/QH13"}
    circular = {"type": "Thông tư", "key": "38/2018/TT-BTC"}
    assert can_act(law, circular) and not can_act(circular, law)
    assert can_act({"type": "Công điện", "key": "63/CĐ-VPCP"},
                   {"type": "Công điện", "key": "58/CĐ-VPCP"})  # a letter replaces a letter
    assert not can_act({**law, "draft": True}, circular)


def test_is_draft_reads_the_header_only() -> None:
    from graph.headers import is_draft

    assert is_draft(HEAD + "Số:        /QĐ-UBND\nLạng Sơn, ngày    tháng 9 năm 2025\n")
    assert is_draft("QUỐC HỘI\nLuật số: … /2016/QH14 DỰ THẢO 24.10.2016 LUẬT VỀ HỘI\n")
    assert is_draft("Dự thảo Luật về hội do Quốc hội ban hành\nQUỐC HỘI\n")
    assert not is_draft(HEAD + "Số: 320/UBND-KT\nV/v góp ý dự thảo Luật Đất đai\n"
                        "Kính gửi: Sở Tài nguyên.\nDỰ THẢO kèm theo.\n")


@pytest.mark.parametrize(("head", "draft"), [
    ("Số:\n   /KH-UBND\n", True),  # the blank on the next line
    ("(Số: ……/2016/QH14\n", True),  # a bracket is no letter
    ("Luật số :  _ _ /2016/QH14\n", True),
    ("Số: 12/QĐ-UBND\n", False),  # a number
    ("Hồ sơ: /QĐ-UBND\n", False),  # "sơ", not "Số"
    ("Mãsố: /QĐ-UBND\n", False),  # inside a word
    ("_Số: /QĐ-UBND\n", False),  # "_" is a word character
    ("²Số: /QĐ-UBND\n", False),  # so is a superscript digit
    ("\u0301Số: /QĐ-UBND\n", True),  # a lone combining mark is not
    ("Số: /qđ-ubnd\n", False),  # the symbol starts in capitals
    ("(dự thảo lần 2)\n", True),
    ("  Dự thảo\n", True),
    ("về dự thảo Luật\n", False),
    ("DỰ THẢOX\n", True),
])
def test_is_draft_forms(head: str, draft: bool) -> None:
    from graph.headers import is_draft

    assert is_draft(head) is draft
