"""Tìm kiếm (Search): by number/symbol in any spelling, by type and number,
by words of the name, subject or issuer; diacritics optional (the backend's
``search``). Each hit is a row with name, issuer, date and status that
opens its document page."""

from __future__ import annotations

import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.labels import fmt_int
from legalgraph.ui.lists import doc_row, doc_rows

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
        rows = []
        for h in hits:
            n = h["node"]
            meta = [f"được {fmt_int(h['cited_by'])} văn bản dẫn chiếu"] if h["cited_by"] else []
            if not n["ingested"]:
                meta.append("chỉ biết qua dẫn chiếu")
            if h["matched"] in MATCHED:  # say why a document without that key is here
                meta.append(MATCHED[h["matched"]].lower())
            rows.append(doc_row(n, meta=meta))
        st.html(doc_rows(rows))
else:
    st.query_params.pop("q", None)
    st.caption("Gõ số ký hiệu như người dùng thường viết, ví dụ “58-QD/TU”, “58 qđ tu”, "
               "“chỉ thị 09”, hoặc vài từ trong trích yếu.")
