"""Tổng quan (Overview): counts, documents by type and by year, and the
most-cited documents with filters; clicking a row opens the document."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.badges import state_label
from legalgraph.ui.labels import fmt_int, short_name
from legalgraph.ui.lists import when_text
from legalgraph.ui.widgets import open_document

ALL = "Tất cả"

app = state.get_app()
gen = app.generation()
stats = state.stats(gen)

st.title("Tổng quan")
c = st.columns(4)
c[0].metric("Văn bản đã nạp", fmt_int(stats["documents"]))
c[1].metric("Lượt dẫn chiếu", fmt_int(stats["references"]),
            help="Số lần một văn bản nhắc đến văn bản khác (cùng một văn bản nhắc hai lần "
                 "tính hai lượt).")
c[2].metric("Lượt đã xác định", fmt_int(stats["resolved"]))
c[3].metric("Lượt chưa xác định", fmt_int(stats["unresolved"] + stats["ambiguous"]),
            help="Dẫn chiếu thiếu năm, không rõ cơ quan ban hành hoặc có nhiều khả năng "
                 "(xem trang Dẫn chiếu chưa xác định).")

rows = state.by_type_year(gen)
years: list[int] = []
if rows:
    df = pd.DataFrame(rows)
    left, right = st.columns(2)
    with left:
        st.subheader("Văn bản theo loại")
        by_type = df.groupby("type", as_index=False)["documents"].sum().sort_values(
            "documents", ascending=False)
        # Vega-Lite specs as data: no Altair import (a second at start)
        st.vega_lite_chart(by_type, {
            "mark": {"type": "bar", "color": "#1f6fb4"},
            "encoding": {
                "y": {"field": "type", "type": "nominal", "title": None, "sort": "-x"},
                "x": {"field": "documents", "type": "quantitative", "title": "Số văn bản"},
                "tooltip": [{"field": "type", "type": "nominal", "title": "Loại"},
                            {"field": "documents", "type": "quantitative",
                             "title": "Số văn bản"}]},
            "height": max(220, 26 * len(by_type))})
    with right:
        st.subheader("Văn bản theo năm")
        dated = df.dropna(subset=["year"]).astype({"year": int})
        by_year = dated.groupby("year", as_index=False)["documents"].sum()
        st.vega_lite_chart(by_year, {
            "mark": {"type": "bar", "color": "#1f6fb4"},
            "encoding": {
                "x": {"field": "year", "type": "ordinal", "title": "Năm",
                      "axis": {"labelAngle": 0}},
                "y": {"field": "documents", "type": "quantitative", "title": "Số văn bản"},
                "tooltip": [{"field": "year", "type": "ordinal", "title": "Năm"},
                            {"field": "documents", "type": "quantitative",
                             "title": "Số văn bản"}]},
            "height": 300})
        undated = int(df[df["year"].isna()]["documents"].sum())
        if undated:
            st.caption(f"{undated} văn bản không xác định được năm.")
    years = sorted({int(y) for y in df["year"].dropna()})
else:  # a backend without the whole graph at hand (Neo4j): types from stats only
    st.subheader("Văn bản theo loại")
    st.caption("Tính cả văn bản chỉ được biết qua dẫn chiếu.")
    st.bar_chart(pd.DataFrame({"Loại": list(stats["by_type"]),
                               "Số văn bản": list(stats["by_type"].values())}),
                 x="Loại", y="Số văn bản", horizontal=True, sort="-Số văn bản")

st.subheader("Văn bản được dẫn chiếu nhiều nhất")
types = [ALL, *state.type_names(gen)]
f = st.columns(3)
cited_type = f[0].selectbox("Loại văn bản được dẫn chiếu", types, key="top-type",
                            help="vd. Chỉ thị")
citing_type = f[1].selectbox("Loại văn bản dẫn chiếu", types, key="top-citing",
                             help="Chỉ đếm các văn bản dẫn chiếu thuộc loại này, vd. Thông báo")
issuer = f[2].text_input("Cơ quan ban hành", key="top-issuer",
                         placeholder="vd. Tỉnh ủy, UBND")
f2 = st.columns([2, 1])
year_range: tuple[int, int] | None = None
if len(years) > 1:
    picked = f2[0].slider("Năm ban hành", years[0], years[-1], (years[0], years[-1]),
                         key="top-years")
    if picked != (years[0], years[-1]):
        year_range = (int(picked[0]), int(picked[1]))
limit = f2[1].selectbox("Số dòng", [20, 50, 100], key="top-limit")

ranked = state.top(gen, year_range, None if cited_type == ALL else cited_type,
                   None if citing_type == ALL else citing_type, issuer.strip() or None, limit)
if not ranked:
    st.info("Không có văn bản nào khớp bộ lọc.")
else:
    table = pd.DataFrame([{
        "Hạng": r["rank"],
        "Số ký hiệu": r["node"]["key"] or "(không số)",
        "Loại": r["node"]["type"] or "",
        "Số văn bản dẫn chiếu": r["cited_by"],
        "Trích yếu": short_name(r["node"], 110),
        "Cơ quan ban hành": r["node"]["issuer"] or "",
        "Ngày": when_text(r["node"]),
        "Hiệu lực": state_label(r["node"].get("validity")),
    } for r in ranked])
    st.caption("Nhấn vào một dòng để mở trang văn bản.")
    event = st.dataframe(
        table, hide_index=True, on_select="rerun", selection_mode="single-row",
        height=min(35 * (len(table) + 1) + 3, 740),
        key=f"top-table-{cited_type}-{citing_type}-{issuer}-{year_range}-{limit}",
        column_config={
            "Hạng": st.column_config.NumberColumn(width="small"),
            "Trích yếu": st.column_config.TextColumn(width="medium"),
            "Số văn bản dẫn chiếu": st.column_config.ProgressColumn(
                format="%d", min_value=0, max_value=max(r["cited_by"] for r in ranked),
                width="small"),
        })
    chosen = event.selection.rows if event is not None else []
    if chosen:
        open_document(ranked[chosen[0]]["node"]["id"])
