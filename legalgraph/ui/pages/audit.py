"""Kiểm tra dữ liệu (Audit): the data-quality report of :mod:`graph.audit`
for staff, on either backend: edges into the future, split keys, documents
without number/date/issuer, unresolved references by reason, header-line
issuers. Each table opens a document on click where a row is one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import pandas as pd
import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.badges import STATE_LABELS
from legalgraph.ui.labels import fmt_date, fmt_int, node_title, reason_label, relation_label

app = state.get_app()
gen = app.generation()

#: The strict checks, named as the metrics above name them.
STRICT = {"future_edges": "dẫn chiếu văn bản ban hành sau", "split_keys": "số ký hiệu bị tách",
          "unread_numbers": "đầu văn bản có số nhưng chưa đọc",
          "own_number": "văn bản lặp lại thành nút chỉ được dẫn chiếu"}

st.title("Kiểm tra dữ liệu")
st.caption("Những chỗ người làm pháp lý không nên tin ngay, tìm ra không cần dữ liệu chuẩn: "
           "văn bản dẫn chiếu văn bản ban hành sau nó, một số ký hiệu bị tách thành nhiều văn "
           "bản, văn bản thiếu số/ngày/cơ quan ban hành, dẫn chiếu chưa xác định.")
report = state.audit(gen)
c = report["counts"]
m = st.columns(4)
m[0].metric("Dẫn chiếu văn bản ban hành sau", fmt_int(c["future_edges"]),
            help="Cạnh trong đồ thị có văn bản tác động lên văn bản ban hành sau nó.")
m[1].metric("Số ký hiệu bị tách", fmt_int(c["split_keys"]))
m[2].metric("Đầu văn bản có số nhưng chưa đọc", fmt_int(c["unread_numbers"]))
m[3].metric("Văn bản lặp lại thành nút chỉ được dẫn chiếu", fmt_int(c["own_number"]))
if report["strict"]:
    st.error("Có lỗi cần sửa: " + ", ".join(f"{STRICT.get(k, k)} ({v})"
                                            for k, v in report["strict"].items()))
else:
    st.success("Không có lỗi nghiêm trọng (audit --strict đạt).")


#: English values of the report, in Vietnamese.
KINDS = {"citation": "dẫn chiếu trực tiếp", "stated": "nêu trong văn bản khác"}
FIELDS = {"number": "số ký hiệu", "date": "ngày", "issuer": "cơ quan ban hành"}
WHY = {
    "spelling variants of one key": "cùng một số ký hiệu viết nhiều kiểu",
    "national key placed in a province": "số ký hiệu trung ương bị xếp vào một tỉnh",
    "one national key in two nodes of one year/term": "một số ký hiệu trung ương thành hai "
                                                      "văn bản cùng năm/nhiệm kỳ",
    "contains the national motto": "chứa quốc hiệu, tiêu ngữ",
    "contains a header rule (---)": "chứa dòng kẻ của phần đầu",
    "contains a number or date": "chứa số hoặc ngày",
    "longer than a body's name": "dài hơn tên một cơ quan",
}


def title_of(node_id: str | None, key: str | None = None) -> str:
    """"Nghị định 08/2015/NĐ-CP" for a node id (its key if it is gone)."""
    n = state.node(gen, node_id) if node_id else None
    return node_title(n) if n else (key or node_id or "")


def when(value: object) -> str:
    text = str(value or "")
    return fmt_date(text) if len(text) == 10 and text[4] == "-" else text


def file_name(path: object) -> str:
    return PurePath(str(path)).name if path else ""


def section(title: str, rows: list[dict] | None, columns: dict[str, str],
            cells: dict[str, Callable[[dict], object]] | None = None) -> None:
    """A titled table of the first 500 rows; ``cells`` compute a column
    from the row (titles, Vietnamese values) instead of reading it."""
    if rows is None:
        st.subheader(title)
        st.caption("Nguồn dữ liệu hiện tại không cho biết mục này.")
        return
    st.subheader(f"{title} ({fmt_int(len(rows))})")
    if rows:
        cells = cells or {}
        st.dataframe(pd.DataFrame([
            {label: (cells[k](r) if k in cells else r.get(k)) for k, label in columns.items()}
            for r in rows[:500]]).fillna(""), hide_index=True)


edge_cells: dict[str, Callable[[dict], object]] = {
    "source": lambda r: title_of(r.get("source"), r.get("source_key")),
    "target": lambda r: title_of(r.get("target"), r.get("target_key")),
    "source_date": lambda r: when(r.get("source_date")),
    "target_date": lambda r: when(r.get("target_date")),
    "relation": lambda r: relation_label(r.get("relation")),
    "kind": lambda r: KINDS.get(r.get("kind") or "", r.get("kind") or ""),
    "file": lambda r: file_name(r.get("file")),
}
section("Dẫn chiếu văn bản ban hành sau", report["future_edges"],
        {"source": "Văn bản", "source_date": "Ngày", "relation": "Quan hệ",
         "target": "Văn bản được nêu", "target_date": "Ngày (sau)", "kind": "Loại",
         "file": "Tệp", "sentence": "Câu"}, edge_cells)
section("Không lưu vì tác động lên văn bản ban hành sau", report["set_aside"],
        {"source": "Văn bản", "source_date": "Ngày", "relation": "Quan hệ",
         "target": "Văn bản được nêu", "target_date": "Ngày (sau)", "kind": "Loại",
         "file": "Tệp", "sentence": "Câu"}, edge_cells)
section("Số ký hiệu bị tách thành nhiều nút", report["split_keys"],
        {"key": "Số ký hiệu", "why": "Vì sao", "ids": "Các nút"},
        {"why": lambda r: WHY.get(r["why"], r["why"]),
         "ids": lambda r: ", ".join(f"{n['jurisdiction'] or '?'} {n['scope'] or ''}".strip()
                                    for n in r["nodes"])})
section("Văn bản thiếu số, ngày hoặc cơ quan ban hành", report["missing_identity"],
        {"id": "Văn bản", "file": "Tệp", "what": "Thiếu", "header_number": "Số ở phần đầu"},
        {"id": lambda r: title_of(r["id"]), "file": lambda r: file_name(r["file"]),
         "what": lambda r: ", ".join(FIELDS.get(x, x) for x in r["missing"])})
section("Dẫn chiếu chưa xác định theo lý do", report["unresolved"],
        {"label": "Lý do", "nodes": "Số văn bản", "references": "Số lần nhắc",
         "with_candidates": "Có văn bản cùng số ký hiệu", "ex": "Ví dụ"},
        {"label": lambda r: reason_label(r["reason"]), "ex": lambda r: ", ".join(r["examples"])})
section("Cơ quan ban hành trông như dòng tiêu đề", report["bad_issuers"],
        {"issuer": "Cơ quan ban hành", "why": "Vì sao", "id": "Văn bản"},
        {"why": lambda r: WHY.get(r["why"], r["why"]), "id": lambda r: title_of(r["id"])})
section("Căn cứ vào văn bản đã hết hiệu lực (xem trang Hiệu lực văn bản)",
        report["not_in_force"],
        {"source": "Văn bản", "source_date": "Ngày", "relation": "Quan hệ",
         "target": "Văn bản hết hiệu lực", "state": "Tình trạng", "since": "Từ ngày",
         "by": "Bởi", "file": "Tệp", "sentence": "Câu"},
        {**edge_cells, "state": lambda r: STATE_LABELS.get(r.get("state") or "", ""),
         "since": lambda r: when(r.get("since")),
         "by": lambda r: title_of(r.get("by"), r.get("by_key"))})
