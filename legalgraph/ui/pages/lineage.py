"""Phả hệ văn bản (Lineage): pick a document and see what it rests on (up to
the central texts) above it and what rests on it below, as a layered tree
of labelled boxes that fold, beside an indented outline to copy; export the
whole lineage as CSV or a PNG picture."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.app_queries import lineage_rows
from legalgraph.ui import state
from legalgraph.ui.badges import status_text
from legalgraph.ui.labels import fmt_int, node_title
from legalgraph.ui.lineage_view import lineage_outline, lineage_tree_html, tree_size
from legalgraph.ui.widgets import pick_document

#: Documents drawn under each document before "… và N văn bản khác".
MAX_CHILDREN = 8

app = state.get_app()
gen = app.generation()

st.title("Phả hệ văn bản")
st.caption("Chuỗi căn cứ – thực hiện – hướng dẫn – sửa đổi: phía trên là các văn bản mà văn "
           "bản đã chọn dựa vào (đến luật, nghị quyết, chỉ thị của Trung ương), phía dưới là "
           "các văn bản dựa vào nó để triển khai.")

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
up_depth = d1.slider("Số tầng phía trên", 1, 6, 3, key="lin-up",
                     help="Số bước tối đa theo chiều căn cứ / thực hiện.")
down_depth = d2.slider("Số tầng phía dưới", 1, 6, 2, key="lin-down",
                       help="Số bước tối đa theo chiều triển khai.")
up = state.lineage_shown(gen, chosen, "up", up_depth, MAX_CHILDREN)
down = state.lineage_shown(gen, chosen, "down", down_depth, MAX_CHILDREN)
if up is None:
    st.warning("Không tìm thấy văn bản này trong kho.")
    st.stop()
root = up["node"]
st.subheader(node_title(root))
st.caption(status_text(root.get("validity")))

boxes = tree_size(up) + tree_size(down) - 1
st.caption(f"{fmt_int(boxes)} văn bản trên cây. Mỗi văn bản hiện tối đa {MAX_CHILDREN} văn bản "
           "liên quan (quan hệ mạnh, văn bản được dẫn chiếu nhiều, mới nhất trước); nhấn ▾ để "
           "thu gọn hoặc mở một nhánh; khung nét đứt là văn bản đã nêu ở chỗ khác hoặc vòng "
           "lặp.")
tree_col, text_col = st.columns([3, 2], gap="medium")
with tree_col:
    st.html(lineage_tree_html(up, down))
with text_col:
    st.markdown("**Dàn ý** (sao chép bằng nút ở góc khung)")
    st.code(lineage_outline(up, down), language=None, wrap_lines=True, height=560)

name = (root["key"] or "van-ban").replace("/", "_")
e1, e2, _ = st.columns([1, 1, 3])


def csv_bytes() -> bytes:
    """The whole lineage to these depths (not cut), made when clicked."""
    full_up = state.lineage(gen, chosen, "up", up_depth)
    full_down = state.lineage(gen, chosen, "down", down_depth)
    return pd.DataFrame(lineage_rows(full_up, full_down)).to_csv(index=False).encode("utf-8-sig")


e1.download_button("Tải CSV", csv_bytes, file_name=f"pha-he-{name}.csv", mime="text/csv",
                   key="lin-csv", on_click="ignore",
                   help="Toàn bộ phả hệ đến số tầng đã chọn, không cắt bớt.")
e2.download_button("Tải ảnh PNG", lambda: state.lineage_png(gen, chosen, up_depth, down_depth),
                   file_name=f"pha-he-{name}.png", mime="image/png", key="lin-png",
                   on_click="ignore")
