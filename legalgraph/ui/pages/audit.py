"""Kiểm tra dữ liệu (Audit): the data-quality report of :mod:`graph.audit`
for staff, on either backend: edges into the future, split keys, documents
without number/date/issuer, unresolved references by reason, header-line
issuers. Each table opens a document on click where a row is one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.labels import fmt_int, reason_label

app = state.get_app()
gen = app.generation()

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
    st.error("Có lỗi cần sửa: " + ", ".join(f"{k} {v}" for k, v in report["strict"].items()))
else:
    st.success("Không có lỗi nghiêm trọng (audit --strict đạt).")


def section(title: str, rows: list[dict] | None, columns: dict[str, str]) -> None:
    if rows is None:
        st.subheader(title)
        st.caption("Nguồn dữ liệu hiện tại không cho biết mục này.")
        return
    st.subheader(f"{title} ({fmt_int(len(rows))})")
    if rows:
        st.dataframe(pd.DataFrame([{label: r.get(k) for k, label in columns.items()}
                                   for r in rows[:500]]), hide_index=True)


section("Dẫn chiếu văn bản ban hành sau", report["future_edges"],
        {"source_key": "Văn bản", "source_date": "Ngày", "relation": "Quan hệ",
         "target_key": "Văn bản được nêu", "target_date": "Ngày (sau)", "file": "Tệp",
         "sentence": "Câu"})
section("Không lưu vì tác động lên văn bản ban hành sau", report["set_aside"],
        {"source": "Văn bản", "source_date": "Ngày", "relation": "Quan hệ",
         "target_key": "Văn bản được nêu", "target_date": "Ngày (sau)", "kind": "Loại",
         "file": "Tệp", "sentence": "Câu"})
section("Số ký hiệu bị tách thành nhiều nút", [
    {**r, "ids": ", ".join(n["id"] for n in r["nodes"])} for r in report["split_keys"]],
    {"key": "Số ký hiệu", "why": "Vì sao", "ids": "Các nút"})
section("Văn bản thiếu số, ngày hoặc cơ quan ban hành", [
    {**r, "what": ", ".join(r["missing"])} for r in report["missing_identity"]],
    {"file": "Tệp", "what": "Thiếu", "header_number": "Số ở phần đầu"})
section("Dẫn chiếu chưa xác định theo lý do", [
    {**r, "label": reason_label(r["reason"]), "ex": ", ".join(r["examples"])}
    for r in report["unresolved"]],
    {"label": "Lý do", "nodes": "Số văn bản", "references": "Số lần nhắc",
     "with_candidates": "Có văn bản cùng số ký hiệu", "ex": "Ví dụ"})
section("Cơ quan ban hành trông như dòng tiêu đề", report["bad_issuers"],
        {"issuer": "Cơ quan ban hành", "why": "Vì sao", "id": "Nút"})
section("Dẫn chiếu văn bản đã hết hiệu lực", report["not_in_force"],
        {"source": "Văn bản", "target_key": "Văn bản hết hiệu lực"})
