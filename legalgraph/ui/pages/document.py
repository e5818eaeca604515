"""Văn bản (Document page): identity and status; the relation diagram
(lược đồ) in the portals' manner; the text with every reference
highlighted and linked; the neighbourhood graph, cut to a readable number
of documents. The document is ``?id=<node id>`` in the URL; ``nhom`` and
``trang`` open one group of the diagram at a page, ``xep=cited`` sorts the
groups by citations instead of date."""

from __future__ import annotations

import streamlit as st

from legalgraph.ui import render, state
from legalgraph.ui.badges import EVIDENCE_NOTE, validity_badge
from legalgraph.ui.diagram import diagram_html, parse_group_param
from legalgraph.ui.labels import fmt_int, node_title, reason_label
from legalgraph.ui.lists import when_text
from legalgraph.ui.widgets import graph_frame, pick_document

#: Documents the neighbourhood graph draws at most: more are unreadable.
GRAPH_NODES = 40
ORDERS = {"date": "Mới nhất trước", "cited": "Được dẫn chiếu nhiều nhất trước"}

app = state.get_app()
gen = app.generation()

node_id = st.query_params.get("id")
order = st.query_params.get("xep") if st.query_params.get("xep") in ORDERS else "date"
d = state.diagram(gen, node_id, order) if node_id else None
if d is None:
    st.title("Văn bản")
    if node_id:
        st.warning("Không tìm thấy văn bản này trong kho (có thể kho đã thay đổi).")
    chosen = pick_document("doc")
    if chosen:
        st.query_params["id"] = chosen
        st.rerun()
    st.stop()

n = d["node"]
st.session_state["current-doc"] = n["id"]  # the lineage page opens on it
st.title(node_title(n))
if n["name"] or n["subject"]:
    st.markdown(f"*{n['name'] or n['subject']}*")
st.markdown(validity_badge(n), help=EVIDENCE_NOTE)
if not n["resolved"]:
    st.warning(f"Văn bản chưa xác định đầy đủ: {reason_label(n['reason'])}")

meta = st.columns([1, 1, 1, 2])
meta[0].markdown(f"**Loại**  \n{n['type'] or '—'}")
meta[1].markdown(f"**Số ký hiệu**  \n{n['key'] or '—'}")
meta[2].markdown(f"**Ngày ban hành**  \n{when_text(n) or '—'}")
meta[3].markdown(f"**Cơ quan ban hành**  \n{n['issuer'] or '—'}")
st.page_link("legalgraph/ui/pages/lineage.py", label="Xem phả hệ văn bản này",
             icon=":material/account_tree:", query_params={"id": n["id"]})
if d["files"]:
    st.caption("Tệp nguồn: " + " · ".join(f"`{f}`" for f in d["files"]))
else:
    st.caption("Chưa có toàn văn trong kho: văn bản này chỉ được biết qua các dẫn chiếu.")

# --- the relation diagram -------------------------------------------------------------
head, sort = st.columns([3, 2], vertical_alignment="bottom")
head.subheader("Lược đồ quan hệ")
picked = sort.segmented_control("Xếp các văn bản trong mỗi nhóm", list(ORDERS),
                                format_func=ORDERS.__getitem__, default=order,
                                key=f"doc-order-{n['id']}")
if picked and picked != order:
    if picked == "date":
        st.query_params.pop("xep", None)
    else:
        st.query_params["xep"] = picked
    st.rerun()
expanded = None
group = parse_group_param(st.query_params.get("nhom"))
if group is not None:
    try:
        page = max(1, int(st.query_params.get("trang") or 1))
    except ValueError:
        page = 1
    items, total = state.relation_page(gen, n["id"], group[0], group[1], page, order)
    pages = max(1, -(-total // state.GROUP_PAGE))
    if items or page == 1:
        expanded = (group[0], group[1], page, items, pages)
st.html(diagram_html(d, order=order, expanded=expanded))

# --- the text -------------------------------------------------------------------------
st.subheader("Nội dung")
text = state.document_text(gen, n["id"]) if n["ingested"] else None
if text:
    st.caption("Các dẫn chiếu được tô màu theo quan hệ; nhấn để mở văn bản được dẫn chiếu.")
    st.html(render.highlighted_text(text, state.cites(gen, n["id"])))
else:
    st.info("Không có toàn văn.")

# --- the neighbourhood graph ----------------------------------------------------------
st.subheader("Đồ thị quan hệ")
g1, g2 = st.columns([1, 3])
depth = g1.slider("Số bước", 1, 3, 1, key="doc-depth",
                  help="1: các văn bản có quan hệ trực tiếp; 2–3: mở rộng thêm.")
nodes, edges, left_out = state.neighbourhood(gen, n["id"], depth, GRAPH_NODES)
g2.caption(f"{len(nodes)} văn bản, {len(edges)} quan hệ"
           + (f" (chọn {len(nodes) - 1} trong {fmt_int(len(nodes) - 1 + left_out)} văn bản "
              "liên quan: quan hệ căn cứ, thực hiện, sửa đổi… trước, rồi văn bản được dẫn "
              "chiếu nhiều)" if left_out else "")
           + ". Mũi tên đi từ văn bản dẫn chiếu đến văn bản được dẫn chiếu; nét đứt: quan hệ "
             "nêu trong văn bản khác. Nhấp đúp vào một văn bản để mở nó.")
graph_frame(render.graph_html(nodes, edges, center=n["id"], height=560), 580)
st.html(render.legend_html((x["type"] for x in nodes), relations=(e["relation"] for e in edges)))
