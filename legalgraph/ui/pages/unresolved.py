"""Dẫn chiếu chưa xác định (Unresolved): references that could not be placed
(no year, unknown province, several candidates), most cited first, so staff
see the gaps; a staff member can confirm which document one means (one of
the same-key documents offered, or the year/term and issuing body typed in),
stored durably beside the store."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.confirmations import target_for
from legalgraph.ui import state
from legalgraph.ui.badges import state_label
from legalgraph.ui.labels import fmt_date, fmt_int, node_title, reason_label, short_name
from legalgraph.ui.lists import doc_row, doc_rows, when_text
from legalgraph.ui.messages import confirm_error

app = state.get_app()
gen = app.generation()

st.title("Dẫn chiếu chưa xác định")
st.caption("Các văn bản được nhắc đến nhưng chưa xác định được chính xác là văn bản nào "
           "(thiếu năm, không rõ cơ quan ban hành, hoặc có nhiều văn bản cùng số ký hiệu).")

rows = state.unresolved(gen)
if rows is None:
    st.info("Trang này cần kho dữ liệu nhúng (LEGALGRAPH_DB); nguồn hiện tại chưa hỗ trợ.")
    st.stop()
if not rows:
    st.success("Mọi dẫn chiếu đều đã được xác định.")
    st.stop()

confirmed = app.confirmations().all()
reasons = sorted({reason_label(r["node"]["reason"]) for r in rows})
f1, f2, f3 = st.columns([3, 2, 2])
reason = f1.selectbox("Lý do", ["Tất cả", *reasons], key="unres-reason")
only_cited = f2.toggle("Chỉ mục được nhắc đến", value=True, key="unres-cited",
                       help="Ẩn văn bản đã nạp nhưng thiếu số ký hiệu ở phần đầu, "
                            "không văn bản nào nhắc đến.")
hide_done = f3.toggle("Ẩn mục đã xác nhận", value=False, key="unres-hide")
shown = [r for r in rows
         if (reason == "Tất cả" or reason_label(r["node"]["reason"]) == reason)
         and (not only_cited or r["cited_by"])
         and (not hide_done or r["node"]["id"] not in confirmed)]
m = st.columns(3)
m[0].metric("Văn bản chưa xác định", fmt_int(len(rows)),
            help="Mỗi văn bản được đếm một lần dù được nhắc đến nhiều lần.")
m[1].metric("Đang hiển thị", fmt_int(len(shown)))
m[2].metric("Đã xác nhận", fmt_int(len(confirmed)))
if not shown:
    st.info("Không có mục nào khớp bộ lọc.")
    st.stop()

LIMIT = 500
table = pd.DataFrame([{
    "Số ký hiệu": r["node"]["key"] or "(không số)",
    "Loại": r["node"]["type"] or "",
    "Số văn bản nhắc đến": r["cited_by"],
    "Văn bản cùng số": len(r["candidates"]),
    "Lý do": reason_label(r["node"]["reason"]),
    "Tên / trích yếu": short_name(r["node"], 120),
    "Cơ quan ban hành": r["node"]["issuer"] or "",
    "Ngày": when_text(r["node"]),
    "Hiệu lực": state_label(r["node"].get("validity")),
    "Đã xác nhận": "✓" if r["node"]["id"] in confirmed else "",
} for r in shown[:LIMIT]])
st.caption("Nhấn vào một dòng để xem văn bản nhắc đến nó và xác nhận." +
           (f" Hiển thị {LIMIT} mục đầu tiên." if len(shown) > LIMIT else ""))
event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row",
                     height=min(35 * (len(table) + 1) + 3, 600),
                     key=f"unres-table-{reason}-{only_cited}-{hide_done}",
                     column_config={
                         "Văn bản cùng số": st.column_config.NumberColumn(
                             help="Văn bản trong kho cùng số ký hiệu (năm, tỉnh khác): chọn "
                                  "một để xác nhận."),
                         "Lý do": st.column_config.TextColumn(width="medium"),
                         "Tên / trích yếu": st.column_config.TextColumn(width="medium")})
picked = event.selection.rows if event is not None else []
if not picked:
    st.stop()
row = shown[picked[0]]
n = row["node"]
st.subheader(f"{node_title(n)} — {reason_label(n['reason'])}")
st.html(doc_rows([doc_row(n, meta=["mở trang của dẫn chiếu này"])]))
left, right = st.columns(2, gap="large")
with left:
    st.markdown(f"**Được nhắc đến trong** ({row['cited_by']})")
    citing = [c for cid in row["citing"] if (c := state.node(gen, cid))]
    st.html(doc_rows(doc_row(c) for c in citing))
    if row["cited_by"] > len(citing):
        st.caption(f"… và {row['cited_by'] - len(citing)} văn bản khác.")
with right:
    done = confirmed.get(n["id"])
    if done:
        target = state.node(gen, done["target_id"])
        st.success("Đã xác nhận là: " + (node_title(target) if target
                                          else done["target_id"])
                   + f" ({fmt_date(done['confirmed_at'][:10])})")
        if st.button("Bỏ xác nhận", key="unres-withdraw"):
            app.confirmations().withdraw(n["id"])
            st.rerun()
    choices = [c["id"] for c in row["candidates"]]
    if choices:
        st.markdown("**Xác nhận văn bản đúng**")
        names = {c["id"]: " · ".join(x for x in (
            node_title(c), when_text(c), c["issuer"] or c["jurisdiction"] or "",
            short_name(c, 60), state_label(c.get("validity"))) if x)
            for c in row["candidates"]}
        target_id = st.radio("Các văn bản cùng số ký hiệu", choices,
                             format_func=names.__getitem__, key="unres-choice")
        note = st.text_input("Ghi chú (không bắt buộc)", key="unres-note")
        if st.button("Xác nhận", type="primary", key="unres-confirm"):
            app.confirmations().confirm(n["id"], target_id, note or None)
            st.toast("Đã lưu xác nhận.")
            st.rerun()
    else:
        st.caption("Không có văn bản nào trong kho cùng số ký hiệu để chọn.")
    # not among them, or none: staff who know the year/term and issuer say so
    st.markdown("**Hoặc nhập năm / nhiệm kỳ và cơ quan ban hành**")
    typed = st.columns([1, 2])
    when = typed[0].text_input("Năm, nhiệm kỳ hoặc ngày", key="unres-when",
                               placeholder="2025 · 2020-2025 · 20/11/2025")
    body = typed[1].text_input("Cơ quan ban hành (nếu số ký hiệu chưa nói rõ)",
                               key="unres-issuer", placeholder="vd. UBND tỉnh Lâm Đồng")
    typed_note = st.text_input("Ghi chú (không bắt buộc)", key="unres-typed-note")
    if st.button("Xác nhận theo năm và cơ quan", key="unres-typed-confirm",
                 disabled=not when.strip()):
        jur = n["jurisdiction"]
        province = jur.split(".")[0] if jur and jur not in ("national", "unknown-place") \
            else None
        try:
            target_id = target_for(n["key"] or "", when, body.strip() or None,
                                   province=province)
        except ValueError as exc:
            st.error(f"Chưa xác nhận được: {confirm_error(str(exc))}")
        else:
            app.confirmations().confirm(n["id"], target_id, typed_note or None)
            st.toast("Đã lưu xác nhận.")
            st.rerun()
