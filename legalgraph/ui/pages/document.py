"""Văn bản (Document page): identity, text with every reference highlighted
and linked, "cites" / "cited by" grouped by relation, and the interactive
neighbourhood graph. The document is ``?id=<node id>`` in the URL."""

from __future__ import annotations

import streamlit as st

from legalgraph.ui import render, state
from legalgraph.ui.labels import fmt_date, node_title, reason_label
from legalgraph.ui.widgets import graph_frame, link_groups, pick_document

app = state.get_app()
gen = app.generation()

node_id = st.query_params.get("id")
view = state.show(gen, node_id) if node_id else None
if view is None:
    st.title("Văn bản")
    if node_id:
        st.warning("Không tìm thấy văn bản này trong kho (có thể kho đã thay đổi).")
    chosen = pick_document("doc")
    if chosen:
        st.query_params["id"] = chosen
        st.rerun()
    st.stop()

n = view["node"]
st.session_state["current-doc"] = n["id"]  # the lineage page opens on it
st.title(node_title(n))
if n["name"] or n["subject"]:  # a cited-only document: the title its citations give
    st.markdown(f"*{n['name'] or n['subject']}*")
if not n["resolved"]:
    st.warning(f"Văn bản chưa xác định đầy đủ: {reason_label(n['reason'])}")

meta = st.columns([1, 1, 1, 2])
meta[0].markdown(f"**Loại**  \n{n['type'] or '—'}")
meta[1].markdown(f"**Số ký hiệu**  \n{n['key'] or '—'}")
when = fmt_date(n["date"]) or (f"nhiệm kỳ/năm {n['scope']}" if n["scope"] else "—")
meta[2].markdown(f"**Ngày ban hành**  \n{when}")
meta[3].markdown(f"**Cơ quan ban hành**  \n{n['issuer'] or '—'}")
st.page_link("legalgraph/ui/pages/lineage.py", label="Xem phả hệ văn bản này",
             icon=":material/account_tree:", query_params={"id": n["id"]})
if view["files"]:
    st.caption("Tệp nguồn: " + " · ".join(f"`{f}`" for f in view["files"]))
else:
    st.caption("Chưa có toàn văn trong kho: văn bản này chỉ được biết qua các dẫn chiếu.")

text_col, links_col = st.columns([3, 2], gap="large")
with links_col:
    st.subheader(f"Dẫn chiếu đến ({len(view['cites'])})")
    link_groups(view["cites"], incoming=False, key="cites")
    st.subheader(f"Được dẫn chiếu bởi ({view['cited_by_count']})")
    link_groups(view["cited_by"], incoming=True, key="cited-by")
with text_col:
    st.subheader("Nội dung")
    text = state.document_text(gen, n["id"]) if n["ingested"] else None
    if text:
        st.caption("Các dẫn chiếu được tô màu theo quan hệ; nhấn để mở văn bản được dẫn chiếu.")
        st.html(render.highlighted_text(text, view["cites"]))
    else:
        st.info("Không có toàn văn.")

st.subheader("Đồ thị quan hệ")
g1, g2 = st.columns([1, 3])
depth = g1.slider("Số bước", 1, 3, 1, key="doc-depth",
                  help="1: các văn bản dẫn chiếu trực tiếp; 2–3: mở rộng thêm.")
nodes, edges, truncated = state.neighbourhood(gen, n["id"], depth, 120)
g2.caption(f"{len(nodes)} văn bản, {len(edges)} quan hệ. Mũi tên đi từ văn bản dẫn chiếu đến "
           "văn bản được dẫn chiếu; nét đứt: quan hệ nêu trong văn bản khác / văn bản chưa "
           "xác định. Di chuột để xem chi tiết, nhấp đúp để mở trong thẻ mới."
           + (" Đồ thị đã được rút gọn còn 120 văn bản." if truncated else ""))
graph_frame(render.graph_html(nodes, edges, center=n["id"], height=520), 540)
st.html(render.legend_html(x["type"] for x in nodes))
