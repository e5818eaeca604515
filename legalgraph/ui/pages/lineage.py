"""Phả hệ văn bản (Lineage): pick a document and see what it rests on (up to
the central resolutions) and what implements it, as trees and as one
graph; export as CSV or PNG."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from graph.app_queries import lineage_rows
from graph.backend import LineageTree
from legalgraph.ui import render, state
from legalgraph.ui.badges import validity_badge_html
from legalgraph.ui.labels import doc_href, fmt_date, node_title, relation_label
from legalgraph.ui.widgets import graph_frame, pick_document

app = state.get_app()
gen = app.generation()

st.title("Phả hệ văn bản")
st.caption("Chuỗi căn cứ – thực hiện – hướng dẫn – sửa đổi: phía trên là các văn bản mà văn "
           "bản đã chọn dựa vào (đến nghị quyết, chỉ thị của Trung ương), phía dưới là các văn "
           "bản triển khai nó.")

# the document in the URL, else the one last opened in this session
current = st.query_params.get("id") or st.session_state.get("current-doc")
chosen = pick_document("lin", initial=current,
                       label="Chọn văn bản khác (gõ số ký hiệu hoặc từ khóa)" if current
                       else "Chọn văn bản (gõ số ký hiệu hoặc từ khóa)")
if chosen:
    st.query_params["id"] = chosen
    st.session_state["current-doc"] = chosen
if not chosen:
    st.info("Gõ số ký hiệu hoặc từ khóa để chọn văn bản.")
    st.stop()

d1, d2, _ = st.columns([1, 1, 2])
up_depth = d1.slider("Số tầng phía trên", 1, 6, 4, key="lin-up",
                     help="Số bước tối đa theo chiều căn cứ / thực hiện.")
down_depth = d2.slider("Số tầng phía dưới", 1, 6, 2, key="lin-down",
                       help="Số bước tối đa theo chiều triển khai; văn bản được nhiều văn bản "
                            "triển khai có thể có cây rất lớn.")
up = state.lineage(gen, chosen, "up", up_depth)
down = state.lineage(gen, chosen, "down", down_depth)
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
        rel = relation_label(c["relation"])
        cyc = " (lặp lại)" if c["cycle"] else ""
        sub = "".join(item(x) for x in c["children"]) + more(c)
        link = (f'<a href="{doc_href(n["id"])}" target="_self">'
                f'{html.escape(node_title(n))}</a>')
        if (n.get("validity") or {}).get("state") not in (None, "unknown", "in_force"):
            link += " " + validity_badge_html(n)
        if incoming:  # "Chỉ thị 09/CT-UBND 02/02/2026 — thực hiện" (it implements the parent)
            line = (f'{link} <span style="color:#666">{html.escape(when)} — '
                    f'{html.escape(rel.lower())}{cyc}</span>')
        else:  # "Căn cứ Luật 72/2025/QH15 16/06/2025" (the parent rests on it)
            line = (f'<span style="color:#666">{html.escape(rel)}</span> {link} '
                    f'<span style="color:#666">{html.escape(when)}{cyc}</span>')
        return "<li>" + line + (f"<ul>{sub}</ul>" if sub else "") + "</li>"
    def more(c: LineageTree) -> str:
        hidden = c.get("hidden", 0)  # type: ignore[call-overload]
        return (f'<li style="color:#666">… và {hidden} văn bản khác (xem tệp CSV)</li>'
                if hidden else "")

    if not t["children"]:
        return '<p style="color:#666">Không có.</p>'
    return "<ul>" + "".join(item(c) for c in t["children"]) + more(t) + "</ul>"


# what is drawn: breadth-first, at most 150 documents; the CSV has everything
shown_up = render.prune(up)
shown_down = render.prune(down)
left, right = st.columns(2, gap="large")
with left:
    st.markdown("**Dựa vào / thực hiện (phía trên)**")
    st.html(tree_html(shown_up, incoming=False))
with right:
    st.markdown("**Được triển khai bởi (phía dưới)**")
    st.html(tree_html(shown_down, incoming=True) if shown_down else "")

rows = lineage_rows(up, down)  # the whole lineage, for the count and the CSV
nodes, edges, levels = render.lineage_graph(shown_up, shown_down)
total = len({r["id"] for r in rows})
st.caption(f"{total} văn bản trong phả hệ"
           + (f" (đồ thị hiển thị {len(nodes)})" if len(nodes) < total else "")
           + ". Hàng giữa là văn bản đã chọn; phía trên là văn bản nó dựa vào, phía dưới là "
             "văn bản triển khai nó.")
height = max(260, min(720, 130 * len(set(levels.values())) + 60))
graph_frame(render.graph_html(nodes, edges, center=root["id"], height=height, levels=levels),
            height + 20)
st.html(render.legend_html(x["type"] for x in nodes))

name = (root["key"] or "van-ban").replace("/", "_")
e1, e2, _ = st.columns([1, 1, 3])
# files are made when clicked, not on every rerun
e1.download_button("Tải CSV", lambda: pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig"),
                   file_name=f"pha-he-{name}.csv", mime="text/csv", key="lin-csv",
                   on_click="ignore")
e2.download_button("Tải ảnh PNG", lambda: state.lineage_png(gen, chosen, up_depth, down_depth),
                   file_name=f"pha-he-{name}.png", mime="image/png", key="lin-png",
                   on_click="ignore")
