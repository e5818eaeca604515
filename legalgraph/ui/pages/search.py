"""Tìm kiếm (Search): by number/symbol in any spelling, by type and number,
by words of the name, subject or issuer; diacritics optional (the backend's
``search``). Each hit links to its document page."""

from __future__ import annotations

import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.labels import reason_label
from legalgraph.ui.widgets import doc_link

LIMIT = 30  # results shown; more is rarely read and slows the page
#: Why a hit without the typed number is listed (``SearchHit["matched"]``).
MATCHED = {"name": "Khớp trong tên / trích yếu", "issuer": "Khớp cơ quan ban hành"}

app = state.get_app()
gen = app.generation()

st.title("Tìm kiếm văn bản")
query = st.text_input(
    "Số ký hiệu, loại và số, hoặc từ khóa trong tên, trích yếu / cơ quan ban hành",
    value=st.query_params.get("q", ""), key="search-q",
    placeholder="vd. 58-QĐ/TU · 58 qđ tu · chi thi 09 · luat to chuc chinh quyen dia phuong",
    help="Không cần gõ dấu; chữ hoa, chữ thường như nhau.")
if query.strip():
    st.query_params["q"] = query.strip()
    hits = state.search(gen, query.strip(), LIMIT)
    if not hits:
        st.warning(f"Không tìm thấy văn bản nào cho “{query.strip()}”.")
    else:
        more = f" (hiển thị {LIMIT} đầu tiên)" if len(hits) >= LIMIT else ""
        st.caption(f"{len(hits)} kết quả{more}"
                   " — khớp số ký hiệu trước, rồi khớp tên / trích yếu, rồi cơ quan ban hành;"
                   " mỗi nhóm xếp theo số văn bản dẫn chiếu.")
        for i, h in enumerate(hits):
            n = h["node"]
            with st.container(border=True, key=f"hit-{i}"):
                cited = f" · được {h['cited_by']} văn bản dẫn chiếu" if h["cited_by"] else ""
                doc_link(n, suffix=cited)
                detail = " — ".join(x for x in (n["issuer"], n["name"] or n["subject"]) if x)
                if not n["ingested"]:
                    detail = ("Chưa có toàn văn trong kho, chỉ biết qua dẫn chiếu. " + detail
                              ).strip()
                if not n["resolved"]:
                    detail += f" ⚠ {reason_label(n['reason'])}"
                if h["matched"] in MATCHED:  # say why a document without that key is here
                    detail = MATCHED[h["matched"]] + " · " + detail
                if detail:
                    st.caption(detail[:300])
else:
    st.query_params.pop("q", None)
    st.caption("Gõ số ký hiệu như người dùng thường viết, ví dụ “58-QD/TU”, “58 qđ tu”, "
               "“chỉ thị 09”, hoặc vài từ trong trích yếu.")
