"""Phả hệ văn bản (Lineage): pick a document and see what it rests on (up to
the central resolutions) and what implements it, as trees and as one
graph; export as CSV or PNG."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from graph.app_queries import lineage_rows
from graph.backend import LineageTree
from legalgraph.ui import render, state
from legalgraph.ui.labels import doc_href, fmt_date, node_title, relation_label
from legalgraph.ui.widgets import pick_document

app = state.get_app()
gen = app.generation()

st.title("Phả hệ văn bản")
st.caption("Chuỗi căn cứ – thực hiện – hướng dẫn – sửa đổi: phía trên là các văn bản mà văn "
           "bản đã chọn dựa vào (đến nghị quyết, chỉ thị của Trung ương), phía dưới là các văn "
           "bản triển khai nó.")

current = st.query_params.get("id")
chosen = pick_document("lin", initial=current,
                       label="Chọn văn bản khác (gõ số ký hiệu hoặc từ khóa)" if current
                       else "Chọn văn bản (gõ số ký hiệu hoặc từ khóa)")
if chosen and chosen != current:
    st.query_params["id"] = chosen
if not chosen:
    st.info("Gõ số ký hiệu hoặc từ khóa để chọn văn bản.")
    st.stop()

depth = st.columns([1, 3])[0].slider("Số tầng", 1, 6, 4, key="lin-depth",
                                    help="Số bước tối đa theo mỗi chiều.")
up = state.lineage(gen, chosen, "up", depth)
down = state.lineage(gen, chosen, "down", depth)
if up is None:
    st.warning("Không tìm thấy văn bản này trong kho.")
    st.stop()
root = up["node"]
st.subheader(node_title(root))


def tree_html(t: LineageTree, *, incoming: bool) -> str:
    """Nested list: each child with the relation that links it, as a link."""
    def item(c: LineageTree) -> str:
        n = c["node"]
        when = fmt_date(n["date"]) or (n["scope"] or "")
        rel = relation_label(c["relation"], incoming=incoming)
        cyc = " (lặp lại)" if c["cycle"] else ""
        sub = "".join(item(x) for x in c["children"])
        return (f'<li><span style="color:#666">{html.escape(rel)}</span> '
                f'<a href="{doc_href(n["id"])}" target="_self">{html.escape(node_title(n))}</a>'
                f' <span style="color:#666">{html.escape(when)}{cyc}</span>'
                + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
    if not t["children"]:
        return '<p style="color:#666">Không có.</p>'
    return "<ul>" + "".join(item(c) for c in t["children"]) + "</ul>"


left, right = st.columns(2, gap="large")
with left:
    st.markdown("**Dựa vào / thực hiện (phía trên)**")
    st.html(tree_html(up, incoming=False))
with right:
    st.markdown("**Được triển khai bởi (phía dưới)**")
    st.html(tree_html(down, incoming=True) if down else "")

nodes, edges, levels = render.lineage_graph(up, down)
st.caption(f"{len(nodes)} văn bản trong phả hệ. Hàng giữa là văn bản đã chọn.")
height = max(260, min(720, 130 * len(set(levels.values())) + 60))
components.html(render.graph_html(nodes, edges, center=root["id"], height=height,
                                  levels=levels), height=height + 20)
st.html(render.legend_html(x["type"] for x in nodes))

rows = lineage_rows(up, down)
name = (root["key"] or "van-ban").replace("/", "_")
e1, e2, _ = st.columns([1, 1, 3])
e1.download_button("Tải CSV", pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig"),
                   file_name=f"pha-he-{name}.csv", mime="text/csv", key="lin-csv")
e2.download_button("Tải ảnh PNG",
                   state.lineage_png(gen, chosen, depth),
                   file_name=f"pha-he-{name}.png", mime="image/png", key="lin-png")
