"""The app's pages through ``streamlit.testing.v1.AppTest`` over a store
ingested from short documents in real form (tests/app_documents.py): the
relation diagram's groups, counts and pages, names and status in every
list, the lineage as labelled boxes and an outline, the unresolved page's
candidates and typed confirmation, the audit and validity pages, and
uploads reported in Vietnamese (duplicates as duplicates, a broken file
and a parser failure by name and cause)."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_documents import (
    CITERS,
    DECISION,
    DECREE,
    OLD_DECISION,
    OLDER_DIRECTIVE,
    write_documents,
)
from conftest import run_app

pytest.importorskip("streamlit.testing.v1")


def _reset_caches() -> None:
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The documents ingested by the real readers, parser and resolver, and
    the app pointed at them (caches emptied: no other test's backend)."""
    from graph.ingest import ingest
    from graph.store import Store

    root = tmp_path_factory.mktemp("real-forms")
    docs = write_documents(root / "docs")
    with Store(root / "store") as store:
        assert not ingest(docs, store).errors
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEGALGRAPH_DB", str(root / "store"))
        mp.delenv("NEO4J_URI", raising=False)
        _reset_caches()
        yield root / "store"
        _reset_caches()


@pytest.fixture()
def own_store(store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
              ) -> Iterator[Path]:
    """A copy of the store for a test that writes (uploads, confirmations)."""
    db = tmp_path / "store"
    shutil.copytree(store_dir, db)
    monkeypatch.setenv("LEGALGRAPH_DB", str(db))
    _reset_caches()
    yield db
    _reset_caches()


def _html(at, marker: str) -> str:  # type: ignore[no-untyped-def]
    return next(h.value for h in at.get("html") if marker in h.value)


def _groups(at) -> dict[str, int]:  # type: ignore[no-untyped-def]
    page = _html(at, 'class="lg-diagram"')
    return {html.unescape(label): int(n) for label, n in re.findall(
        r'<div class="lg-ghead"><span>([^<]*)</span><span class="lg-count">(\d+)', page)}


def _rows(fragment: str) -> list[dict[str, str]]:
    """Document rows of a list: title, name, meta line, status label."""
    out = []
    def grab(pattern: str, row: str) -> str:
        m = re.search(pattern, row)
        return html.unescape(m[1]) if m else ""

    for row in fragment.split('<div class="lg-row">')[1:]:
        out.append({"title": grab(r'class="lg-link lg-title"[^>]*>([^<]*)<', row),
                    "name": grab(r'class="lg-name"[^>]*>([^<]*)<', row),
                    "meta": grab(r'class="lg-meta">([^<]*)<', row),
                    "status": grab(r'class="lg-validity[^>]*>([^<]*)<', row),
                    "href": grab(r'href="([^"]*)"', row)})
    return out


def _group_rows(at, label: str) -> tuple[list[dict[str, str]], str]:  # type: ignore[no-untyped-def]
    """(rows, the group's HTML) of one group of the diagram."""
    page = _html(at, 'class="lg-diagram"')
    start = page.index(f"<span>{label}</span>")
    end = page.find('<div class="lg-group"', start)
    group = page[start:end if end > 0 else len(page)]
    return _rows(group), group


def test_document_diagram_groups_names_and_status(store_dir: Path) -> None:
    at = run_app("document", id=DECREE)
    assert at.title[0].value == "Nghị định 126/2024/NĐ-CP"
    assert _groups(at) == {"Được căn cứ bởi": CITERS + 1, "Được dẫn chiếu bởi": 1}
    rows, group = _group_rows(at, "Được căn cứ bởi")
    assert len(rows) == 8  # the first page; newest first: the letters of October
    assert rows[0] == {"title": "Công văn 311/SNV-TCBC", "name": "Thẩm định điều lệ hội Nhà báo",
                       "meta": "UBND TỈNH LÂM ĐỒNG - SỞ NỘI VỤ · 12/10/2025",
                       "status": "Chưa rõ hiệu lực",
                       "href": "van-ban?id=vn%2Flam-dong%2F2025%2Fvb%2F311%2Fsnv-tcbc"}
    more = re.search(r'href="([^"]*)">Xem thêm \((\d+)\)', group)
    assert more and int(more[2]) == CITERS + 1 - 8
    assert "nhom=in.based_on" in more[1] and "id=vn%2Fnational%2F2024%2Fnd%2F126" in more[1]
    # the groups without documents are listed with (0), as the portals show them
    diagram = _html(at, 'class="lg-diagram"')
    for label in ("Căn cứ (0)", "Thay thế (0)", "Bị bãi bỏ bởi (0)", "Bị thay thế bởi (0)"):
        assert f"<span>{label}</span>" in diagram


def test_a_group_opens_in_pages(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from legalgraph.ui import state

    monkeypatch.setattr(state, "GROUP_PAGE", 5)
    at = run_app("document", id=DECREE, nhom="in.based_on", trang="2")
    rows, group = _group_rows(at, "Được căn cứ bởi")
    assert [r["title"] for r in rows] == [f"Công văn {n}/SNV-TCBC" for n in (306, 305, 304, 303,
                                                                             302)]
    assert "Trang 2/3" in group and "trang=1" in group and "trang=3" in group
    assert ">Thu gọn</a>" in group
    at = run_app("document", id=DECREE, nhom="in.based_on", trang="3")
    rows, _ = _group_rows(at, "Được căn cứ bởi")
    assert [r["title"] for r in rows] == ["Công văn 301/SNV-TCBC", "Công văn 300/SNV-TCBC",
                                          "Quyết định 15/2025/QĐ-UBND"]  # undated last: none


def test_most_cited_first(store_dir: Path) -> None:
    at = run_app("document", id=OLD_DECISION, xep="cited")
    assert _groups(at) == {"Được căn cứ bởi": 1, "Bị thay thế bởi": 1}
    assert at.segmented_control[0].value == "cited"


def test_status_badges(store_dir: Path) -> None:
    at = run_app("document", id=OLD_DECISION)
    badge = next(m.value for m in at.markdown if "-badge[" in m.value)
    assert badge.startswith(":red-badge[Hết hiệu lực (bị thay thế)] từ 15/08/2025")
    assert "Quyết định số 15/2025/QĐ-UBND" in badge
    rows, _ = _group_rows(at, "Bị thay thế bởi")
    assert rows[0]["title"] == "Quyết định 15/2025/QĐ-UBND" and rows[0]["status"] == \
        "Còn hiệu lực"


def test_lineage_boxes_and_outline(store_dir: Path) -> None:
    at = run_app("lineage", id=DECISION)
    assert at.subheader[0].value == "Quyết định 15/2025/QĐ-UBND"
    tree = _html(at, "lg-lineage")
    up, down = tree.split('class="lg-tree lg-down"')
    # a labelled box: relation, type and number, year, status, short name
    box = up[up.index('<div class="lg-node">'):]
    assert re.search(r'<div class="lg-rel">căn cứ</div><a class="lg-link lg-ntitle" href="'
                     r'van-ban\?id=vn%2Fnational%2F2024%2Fnd%2F126%2F2024-nd-cp"[^>]*>Nghị định '
                     r"126/2024/NĐ-CP</a> · 2024 <span[^>]*>Chưa rõ hiệu lực</span>", box)
    assert "Luật 72/2025/QH15" in up
    assert "Kế hoạch 40/KH-UBND" in down and "Công văn 210/SNV-TCBC" in down
    assert '<div class="lg-rel">hướng dẫn</div>' in down
    outline = at.code[0].value.splitlines()
    assert outline[0] == ("Quyết định 15/2025/QĐ-UBND — Ban hành Quy chế quản lý hội, quỹ xã hội "
                          "trên địa bàn tỉnh Lâm Đồng (05/08/2025) [Còn hiệu lực]")
    assert "▼ Văn bản dựa vào văn bản này (phía dưới)" in outline
    assert any(line.startswith("    └── hướng dẫn: Công văn 210/SNV-TCBC") for line in outline)


def test_search_rows_have_name_issuer_date_status(store_dir: Path) -> None:
    at = run_app("search")
    at.text_input(key="search-q").input("quy che quan ly hoi").run()
    rows = {r["title"]: r for r in _rows(_html(at, 'class="lg-rows"'))}
    assert {"Quyết định 15/2025/QĐ-UBND", "Kế hoạch 40/KH-UBND"} <= set(rows)
    first = rows["Quyết định 15/2025/QĐ-UBND"]
    assert first["name"] == "Ban hành Quy chế quản lý hội, quỹ xã hội trên địa bàn tỉnh Lâm Đồng"
    assert first["meta"] == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG · 05/08/2025 · được 1 văn bản dẫn "
                             "chiếu · khớp trong tên / trích yếu")
    assert first["status"] == "Còn hiệu lực"


def _pick_unresolved(at) -> None:  # type: ignore[no-untyped-def]
    table = at.dataframe[0].value
    row = list(table["Số ký hiệu"]).index("05/CT-UBND")
    assert table.iloc[row]["Văn bản cùng số"] == 2
    assert table.iloc[row]["Tên / trích yếu"] == ""  # cited without a subject
    at.session_state["unres-table-Tất cả-True-False"] = {
        "selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_unresolved_candidates_and_typed_confirmation(own_store: Path) -> None:
    from graph.app_queries import Confirmations

    at = run_app("unresolved")
    _pick_unresolved(at)
    choice = at.radio(key="unres-choice")
    assert len(choice.options) == 2
    assert [o.split(" · ")[:2] for o in choice.options] == [["Chỉ thị 05/CT-UBND", "11/04/2023"],
                                                            ["Chỉ thị 05/CT-UBND", "11/04/2024"]]
    citing = _rows(_html(at, "Kế hoạch 40/KH-UBND"))
    assert [r["title"] for r in citing if r["title"].startswith("Kế hoạch")] == \
        ["Kế hoạch 40/KH-UBND"]
    at.text_input(key="unres-when").input("năm ngoái").run()
    at.button(key="unres-typed-confirm").click().run()
    assert at.error[0].value == ("Chưa xác nhận được: “năm ngoái” không phải năm (2025), nhiệm "
                                 "kỳ (2020-2025) hay ngày (20/11/2025)")
    at.text_input(key="unres-when").input("2023").run()
    at.button(key="unres-typed-confirm").click().run()
    assert not at.exception
    (answer,) = Confirmations(own_store).all().values()
    assert answer["target_id"] == OLDER_DIRECTIVE


def test_audit_page_speaks_vietnamese(store_dir: Path) -> None:
    at = run_app("audit")
    assert at.title[0].value == "Kiểm tra dữ liệu"
    frames = [d.value for d in at.dataframe]
    dead = next(f for f in frames if "Văn bản hết hiệu lực" in f.columns)
    row = dead.iloc[0]
    assert row["Văn bản"] == "Công văn 250/SNV-TCBC" and row["Quan hệ"] == "Căn cứ"
    assert row["Văn bản hết hiệu lực"] == "Quyết định 07/2019/QĐ-UBND"
    assert row["Tình trạng"] == "Hết hiệu lực (bị thay thế)" and row["Từ ngày"] == "15/08/2025"
    assert row["Bởi"] == "Quyết định 15/2025/QĐ-UBND" and row["Tệp"] == "cv-250-2025.txt"
    unresolved = next(f for f in frames if "Lý do" in f.columns)
    assert unresolved.iloc[0]["Lý do"] == "Không rõ năm/nhiệm kỳ: 2 văn bản cùng số ký hiệu"


def test_validity_page_lists_the_dead_citation(store_dir: Path) -> None:
    at = run_app("validity")
    table = at.dataframe[1].value
    assert list(table["Văn bản"]) == ["Công văn số 250/SNV-TCBC"]
    assert table.iloc[0]["Văn bản được căn cứ"] == "Quyết định số 07/2019/QĐ-UBND"


def _upload(at, files: list[tuple[str, bytes]]):  # type: ignore[no-untyped-def]
    at.file_uploader(key="upload-files").set_value(
        [(name, data, "text/plain") for name, data in files]).run()
    at.button(key="upload-go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return dict(zip(at.dataframe[0].value["Tệp"], at.dataframe[0].value["Kết quả"], strict=True))


def test_upload_duplicates_are_reported_as_such(store_dir: Path, own_store: Path) -> None:
    data = (store_dir.parent / "docs" / "kh-40-2025.txt").read_bytes()
    at = run_app("upload")
    results = _upload(at, [("ke-hoach-40-ban-sao.txt", data)])
    assert results["ke-hoach-40-ban-sao.txt"] == \
        "Trùng nội dung với tệp đã có: kh-40-2025.txt (không nạp lại)"
    assert not at.success  # no green "Đã nạp" for a file that was not added
    assert at.info[0].value.startswith("1 tệp đã có trong kho nên không nạp lại")


def test_upload_errors_say_which_file_and_what(own_store: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import parsers

    def broken(text: str, **kw: object) -> object:
        raise IndexError("list index out of range")

    at = run_app("upload")
    monkeypatch.setattr(parsers, "parse_text", broken)
    results = _upload(at, [("cong-van-moi.txt", "Số: 9/SNV\nnội dung".encode()),
                           ("rong.txt", b"")])
    assert results["cong-van-moi.txt"].startswith("Lỗi phân tích: bộ phân tích gặp lỗi khi tìm "
                                                  "số ký hiệu và dẫn chiếu trong văn bản này")
    assert results["cong-van-moi.txt"].endswith("(lỗi kỹ thuật: IndexError: list index out of "
                                                "range)")
    assert results["rong.txt"] == "Lỗi đọc tệp: tệp rỗng (0 byte)"
    error = at.error[0].value
    assert error.startswith("2 tệp không nạp được") and "**cong-van-moi.txt**" in error
    assert not at.success
