"""Streamlit app for legal staff: ``streamlit run app.py``.

Opens the embedded store (``$LEGALGRAPH_DB``, default ``data/store``; the
sample documents are ingested first when it is empty) or Neo4j when
``NEO4J_URI`` is set. This file only sets up the page and the sidebar
navigation; each page is a short script in ``legalgraph/ui/pages/`` over
:mod:`legalgraph.ui` and :mod:`graph`.
"""

from __future__ import annotations

import streamlit as st

from graph.errors import UserError
from legalgraph.ui import state, theme
from legalgraph.ui.labels import DOCUMENT_PAGE

st.set_page_config(page_title="Đồ thị văn bản", page_icon="⚖️", layout="wide")

#: What the app says when its data source cannot be used (a Neo4j server
#: down, wrong credentials, nothing pushed yet): the one-line reason follows.
SOURCE_ERROR = "Không dùng được nguồn dữ liệu"

try:
    app = state.get_app()
except UserError as exc:
    st.error(f"{SOURCE_ERROR}: {exc}")
    st.stop()

PAGES = "legalgraph/ui/pages"
navigation = st.navigation([
    st.Page(f"{PAGES}/overview.py", title="Tổng quan", icon=":material/insights:",
            default=True),
    # the overview is served at the root; its own name answers too, so a
    # bookmarked or typed /tong-quan opens it instead of "Page not found"
    st.Page(f"{PAGES}/overview.py", title="Tổng quan", url_path="tong-quan",
            visibility="hidden"),
    st.Page(f"{PAGES}/search.py", title="Tìm kiếm", icon=":material/search:",
            url_path="tim-kiem"),
    st.Page(DOCUMENT_PAGE, title="Văn bản", icon=":material/description:",
            url_path="van-ban"),
    st.Page(f"{PAGES}/lineage.py", title="Phả hệ văn bản", icon=":material/account_tree:",
            url_path="pha-he"),
    st.Page(f"{PAGES}/unresolved.py", title="Dẫn chiếu chưa xác định",
            icon=":material/help:", url_path="chua-xac-dinh"),
    st.Page(f"{PAGES}/upload.py", title="Tải lên văn bản", icon=":material/upload_file:",
            url_path="tai-len"),
    st.Page(f"{PAGES}/audit.py", title="Kiểm tra dữ liệu", icon=":material/rule:",
            url_path="kiem-tra"),
    st.Page(f"{PAGES}/validity.py", title="Hiệu lực văn bản", icon=":material/gavel:",
            url_path="hieu-luc"),
])

theme.install()
with st.sidebar:
    st.caption(f"Nguồn dữ liệu: {app.description}")
    if app.demo_loaded:
        st.caption("Kho trống nên đã nạp bộ văn bản mẫu (data/samples).")

try:
    navigation.run()
except UserError as exc:  # e.g. the server went down, or a push is under way
    st.error(f"{SOURCE_ERROR}: {exc}")
