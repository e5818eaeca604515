"""Every page of ``app.py`` through ``streamlit.testing.v1.AppTest`` on a
store built from ``data/samples``: no exception, and the elements a member of
staff relies on are there with the right content. Plus the app-only queries
(:mod:`graph.app_queries`) the pages stand on."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, run_app  # noqa: E402

DECISION = "vn/lang-son/2025-2030/qd/58/qd-tu"  # 58-QĐ/TU: cites 3, cited by 6
PLAN = "vn/lang-son/2026/kh/15/kh-ubnd"  # 15/KH-UBND: implements 01/NQ-CP

pytest.importorskip("streamlit.testing.v1")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A sample store, and the app pointed at it (caches emptied so no
    other test's backend is reused)."""
    import streamlit as st

    from graph.ingest import ingest
    from graph.store import Store

    db = tmp_path_factory.mktemp("app-store")
    with Store(db) as store:
        assert not ingest([ROOT / "data" / "samples"], store).errors
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEGALGRAPH_DB", str(db))
        mp.delenv("NEO4J_URI", raising=False)
        st.cache_resource.clear()
        st.cache_data.clear()
        yield db
        st.cache_resource.clear()
        st.cache_data.clear()


def _links(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Titles of the document links the page shows (its HTML lists)."""
    return [html.unescape(t) for h in at.get("html")
            for t in re.findall(r'<a class="lg-link lg-title"[^>]*>([^<]*)</a>', h.value)]


def _groups(at) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The relation diagram's groups with documents: label → count."""
    found = {}
    for h in at.get("html"):
        for label, count in re.findall(
                r'<div class="lg-ghead"><span>([^<]*)</span><span class="lg-count">([\d.]+)',
                h.value):
            found[html.unescape(label)] = int(count.replace(".", ""))
    return found


# --- pages -------------------------------------------------------------------------------


def test_overview_counts_charts_and_most_cited(store_dir: Path) -> None:
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(store_dir) as b:
        stats = b.stats()
    at = run_app()
    assert at.title[0].value == "Tổng quan"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Văn bản đã nạp"] == str(stats["documents"])
    assert metrics["Lượt dẫn chiếu"] == str(stats["references"])
    assert metrics["Lượt đã xác định"] == str(stats["resolved"])
    assert metrics["Lượt chưa xác định"] == str(stats["unresolved"] + stats["ambiguous"])
    assert [s.value for s in at.subheader][:2] == ["Văn bản theo loại", "Văn bản theo năm"]
    assert len(at.get("vega_lite_chart")) == 2
    table = at.dataframe[0].value
    assert table.iloc[0]["Số ký hiệu"] == "58-QĐ/TU"
    assert table.iloc[0]["Số văn bản dẫn chiếu"] == 6


def test_overview_filters_by_cited_and_citing_type(store_dir: Path) -> None:
    from graph.embedded import EmbeddedBackend

    at = run_app()
    at.selectbox(key="top-type").select("Chỉ thị").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Loại"]) == {"Chỉ thị"}
    at.selectbox(key="top-type").select("Tất cả")
    at.selectbox(key="top-citing").select("Thông báo").run()
    table = at.dataframe[0].value
    with EmbeddedBackend(store_dir) as b:
        want = b.top(cited_by_type="Thông báo", limit=20)
        assert list(table["Số ký hiệu"]) == [r["node"]["key"] or "(không số)" for r in want]
        assert list(table["Số văn bản dẫn chiếu"]) == [r["cited_by"] for r in want]
        assert sum(table["Số văn bản dẫn chiếu"]) < sum(r["cited_by"] for r in b.top(limit=20))
    at.text_input(key="top-issuer").input("tinh uy").run()
    assert all("ỦY" in i.upper() or "TU" in k for i, k in
               zip(at.dataframe[0].value["Cơ quan ban hành"], at.dataframe[0].value["Số ký hiệu"],
                   strict=True))


@pytest.mark.parametrize(("query", "expected"), [
    ("58-QD/TU", "Quyết định 58-QĐ/TU"),  # no Đ
    ("58 qđ tu", "Quyết định 58-QĐ/TU"),  # spaces for separators
    ("chi thi 09", "Chỉ thị 09/CT-UBND"),  # type words and a zero-padded number
    ("phong chay chua chay rung", "Chỉ thị 09/CT-UBND"),  # subject words, no diacritics
    ("ket luan nguyen canh toan", "Thông báo"),  # also found in an OCR-damaged subject
    ("tỉnh ủy lạng sơn", "Quyết định 58-QĐ/TU"),  # issuer
])
def test_search_any_spelling(store_dir: Path, query: str, expected: str) -> None:
    at = run_app("search")
    at.text_input(key="search-q").input(query).run()
    assert not at.exception
    links = _links(at)
    assert links and any(link.startswith(expected) for link in links), links
    assert at.query_params["q"] == query


def test_search_nothing_found(store_dir: Path) -> None:
    at = run_app("search")
    at.text_input(key="search-q").input("zzzz khong co").run()
    assert "Không tìm thấy" in at.warning[0].value


def test_document_page(store_dir: Path) -> None:
    at = run_app("document", id=DECISION)
    assert at.title[0].value == "Quyết định 58-QĐ/TU"
    assert [s.value for s in at.subheader] == ["Lược đồ quan hệ", "Nội dung", "Đồ thị quan hệ"]
    # cites: based on / implements / replaces one each; cited by: the 2026
    # directive implements it ("thực hiện Kế hoạch số 15/KH-UBND … và Quyết
    # định số 58-QĐ/TU"), and so does that plan ("Thực hiện Nghị quyết số
    # 01/NQ-CP …; Quyết định số 58-QĐ/TU …"); four other documents mention it
    assert _groups(at) == {"Căn cứ": 1, "Thực hiện": 1, "Thay thế": 1,
                           "Được thực hiện bởi": 2, "Được dẫn chiếu bởi": 4}
    links = _links(at)
    assert "Quy định 24-QĐ/TW" in links and "Kế hoạch 15/KH-UBND" in links
    text = next(h.value for h in at.get("html") if "lg-text" in h.value)
    assert text.count('class="lg-ref"') >= 3 and "van-ban?id=" in text
    assert "Quy định số 24-QĐ/TW" in text
    graph = at.get("iframe")[0].proto.srcdoc
    assert "new vis.Network" in graph and "<script src=" not in graph
    assert "cdn" not in graph.split("<script>", 1)[0].lower()


def test_document_page_without_id_offers_a_search(store_dir: Path) -> None:
    at = run_app("document")
    assert at.title[0].value == "Văn bản"
    at.text_input(key="doc-q").input("ke hoach 15").run()
    assert not at.exception
    pick = at.selectbox(key="doc-pick")
    assert pick.value is None  # several hits: nothing guessed
    assert pick.options[0].startswith("Kế hoạch 15/KH-UBND · 12/01/2026 · ỦY BAN NHÂN DÂN TỈNH")
    pick.select(PLAN).run()
    assert at.title[0].value == "Kế hoạch 15/KH-UBND"


def test_document_page_unknown_id(store_dir: Path) -> None:
    at = run_app("document", id="vn/nowhere/1999/x/1/x")
    assert "Không tìm thấy" in at.warning[0].value


def test_lineage_page(store_dir: Path) -> None:
    at = run_app("lineage", id=PLAN)
    assert at.subheader[0].value == "Kế hoạch 15/KH-UBND"
    tree = next(h.value for h in at.get("html") if "lg-lineage" in h.value)
    up, down = tree.split('class="lg-tree lg-down"')
    assert "Nghị quyết 01/NQ-CP" in up and "Luật 72/2025/QH15" in up
    assert "Chỉ thị 09/CT-UBND" in down and "Thông báo 95/TB-VP" in down
    outline = at.code[0].value
    assert outline.startswith("Kế hoạch 15/KH-UBND — Triển khai thực hiện Nghị quyết số 01/NQ-CP")
    assert "├── căn cứ: Luật 72/2025/QH15 — Tổ chức chính quyền địa phương" in outline
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Tải CSV", "Tải ảnh PNG"]


def test_unresolved_page(store_dir: Path) -> None:
    at = run_app("unresolved")
    assert at.title[0].value == "Dẫn chiếu chưa xác định"
    table = at.dataframe[0].value
    # the Chỉ thị 09/CT-UBND cited without a year: two provinces' directives fit
    assert "09/CT-UBND" in set(table["Số ký hiệu"])
    assert any("2 văn bản cùng số ký hiệu" in r for r in table["Lý do"])


def test_unresolved_confirm_is_stored(store_dir: Path) -> None:
    from graph.app_queries import Confirmations

    at = run_app("unresolved")
    row = list(at.dataframe[0].value["Số ký hiệu"]).index("09/CT-UBND")
    at.session_state["unres-table-Tất cả-True-False"] = {
        "selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[0].value.startswith("Chỉ thị 09/CT-UBND")
    choice = at.radio(key="unres-choice")
    # every 09/CT-UBND the graph holds: Lạng Sơn's of 2025 and 2026, Cao Bằng's
    assert len(choice.options) == 3
    target = choice.value
    at.text_input(key="unres-note").input("đã đối chiếu bản giấy")
    at.button(key="unres-confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = Confirmations(store_dir).all()
    (node_id, answer), = saved.items()
    assert answer["target_id"] == target and answer["note"] == "đã đối chiếu bản giấy"
    Confirmations(store_dir).withdraw(node_id)


def test_upload_good_and_bad_files(store_dir: Path) -> None:
    from graph.embedded import EmbeddedBackend

    good = (ROOT / "data" / "samples" / "ct-09-ct-ubnd-2026-lang-son.txt").read_text()
    good = good.replace("09/CT-UBND", "19/CT-UBND")  # a new document
    with EmbeddedBackend(store_dir) as b:
        files_before = b.store.file_count()
    at = run_app("upload")
    assert at.title[0].value == "Tải lên văn bản"
    at.file_uploader(key="upload-files").set_value([
        ("chi-thi-19.txt", good.encode("utf-8"), "text/plain"),
        ("hong.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf"),
    ]).run()
    at.button(key="upload-go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    results = at.dataframe[0].value
    by_file = dict(zip(results["Tệp"], results["Kết quả"], strict=True))
    assert by_file["chi-thi-19.txt"].startswith("Đã nạp")
    assert by_file["hong.pdf"].startswith("Lỗi đọc tệp: tệp PDF bị cắt dở")
    assert "1 tệp không nạp được" in at.error[0].value
    assert any(lk.startswith("Chỉ thị 19/CT-UBND") for lk in _links(at))
    with EmbeddedBackend(store_dir) as b:
        assert b.search_keys("19/CT-UBND")
        assert b.store.file_count() == files_before + 1  # nothing stored before was lost
        b.store.delete_file(str((store_dir / "uploads" / "chi-thi-19.txt").resolve()))
    assert not (store_dir / "uploads" / "hong.pdf").exists()
    shutil.rmtree(store_dir / "uploads")


# --- app queries -----------------------------------------------------------------------


def test_top_in_years_is_exact_merge(store_dir: Path) -> None:
    from graph.app_queries import top_in_years
    from graph.embedded import EmbeddedBackend

    with EmbeddedBackend(store_dir) as b:
        all_rows = b.top(limit=1000)
        rows = top_in_years(b, years=(2025, 2025), limit=5)
        want = [r for r in all_rows if r["node"]["year"] == 2025][:5]
        assert [r["node"]["id"] for r in rows] == [r["node"]["id"] for r in want]
        assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


def test_confirmations_survive_reopen(tmp_path: Path) -> None:
    from graph.app_queries import Confirmations

    c = Confirmations(tmp_path)
    c.confirm("vn/lang-son/x/ct/9/ct-ubnd", "vn/lang-son/2025/ct/9/ct-ubnd", "đã kiểm tra")
    c.close()
    again = Confirmations(tmp_path)
    assert again.all()["vn/lang-son/x/ct/9/ct-ubnd"]["target_id"] == \
        "vn/lang-son/2025/ct/9/ct-ubnd"
    again.withdraw("vn/lang-son/x/ct/9/ct-ubnd")
    assert again.all() == {}


def test_cited_only_document_page(store_dir: Path) -> None:
    at = run_app("document", id="vn/national/2021-2026/qd/24/qd-tw")  # cited, never ingested
    assert at.title[0].value == "Quy định 24-QĐ/TW"
    assert any("chỉ được biết qua các dẫn chiếu" in c.value for c in at.caption)
    assert "Không có toàn văn." in [i.value for i in at.info]


def test_empty_store_gets_the_samples(tmp_path: Path) -> None:
    """First start on an empty store: the sample documents are ingested, so
    a new user sees something (and is told so in the sidebar)."""
    import streamlit as st

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEGALGRAPH_DB", str(tmp_path / "empty"))
        mp.delenv("NEO4J_URI", raising=False)
        st.cache_resource.clear()
        st.cache_data.clear()
        try:
            at = run_app()
            assert any("bộ văn bản mẫu" in c.value for c in at.sidebar.caption)
            assert int(at.metric[0].value) > 0
        finally:
            st.cache_resource.clear()
            st.cache_data.clear()


def test_prune_keeps_levels_and_counts_the_rest() -> None:
    from legalgraph.ui.render import lineage_graph, prune

    def node(i: int) -> dict:
        return {"id": f"n{i}", "key": f"{i}/KH-UBND", "type": "Kế hoạch", "number": str(i),
                "symbol": "KH-UBND", "date": None, "year": None, "scope": None,
                "jurisdiction": None, "issuer": None, "subject": None, "ingested": True,
                "resolved": True, "reason": None, "candidates": []}

    grand = [{"node": node(1000 + i), "relation": "implements", "children": [],
              "cycle": False} for i in range(3)]
    kids = [{"node": node(i + 1), "relation": "implements", "children": grand if i == 0 else [],
             "cycle": False} for i in range(50)]
    tree = {"node": node(0), "relation": None, "children": kids, "cycle": False}
    small = prune(tree, max_children=20, max_nodes=22)  # type: ignore[arg-type]
    assert small is not None
    assert len(small["children"]) == 20 and small["hidden"] == 30  # type: ignore[typeddict-item]
    first = small["children"][0]
    assert len(first["children"]) == 1 and first["hidden"] == 2  # type: ignore[typeddict-item]
    assert len(tree["children"]) == 50  # the input is not changed
    nodes, edges, levels = lineage_graph(None, small)
    assert len(nodes) == 22 and levels["n0"] == 0 and levels["n1000"] == 2


def test_audit_page(store_dir: Path) -> None:
    at = run_app("audit")
    assert at.title[0].value == "Kiểm tra dữ liệu"
    assert [m.label for m in at.metric][0] == "Dẫn chiếu văn bản ban hành sau"
    assert at.success, "the sample corpus passes the strict audit"


def test_what_a_long_backend_task_builds_is_kept_out_of_the_cyclic_collector(monkeypatch):
    """An index or list the app keeps (built by a task over BIG_TASK_SECONDS)
    is frozen, so later full collections do not walk it at every page; a
    quick page question freezes nothing."""
    import gc
    import time

    from legalgraph.ui.state import _Worker

    worker = _Worker()
    gc.unfreeze()
    kept: list[object] = []
    worker.submit(lambda: kept.append([{"n": i} for i in range(1000)])).result()
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(_Worker, "BIG_TASK_SECONDS", 0.0)
    worker.submit(lambda: kept.append([{"n": i} for i in range(1000)])).result()
    deadline = time.monotonic() + 5  # the answer is handed over before the freeze
    while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
