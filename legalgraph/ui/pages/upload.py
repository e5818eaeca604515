"""Tải lên văn bản (Upload): add .txt/.docx/.pdf files. Each is read and
parsed first (progress bar, one line per file), then the good ones are
ingested in one batch; a bad file is reported and costs only itself, and
nothing already stored is lost (graph.ingest commits file by file)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.store import Store
from legalgraph.ui import state, upload
from legalgraph.ui.lists import doc_row, doc_rows

app = state.get_app()

st.title("Tải lên văn bản")
if not app.embedded:
    st.info("Tải lên cần kho dữ liệu nhúng (LEGALGRAPH_DB); nguồn hiện tại chỉ cho phép đọc.")
    st.stop()

st.caption("Nhấn “Chọn tệp” để chọn một hoặc nhiều tệp .txt, .docx, .pdf (hoặc kéo thả tệp vào "
           "ô bên dưới), rồi nhấn “Nạp vào kho”. Tệp trùng tên với tệp đã tải lên trước sẽ thay "
           "thế bản cũ; tệp đã có trong kho không được nạp lại; tệp lỗi không ảnh hưởng đến dữ "
           "liệu đã có.")
files = st.file_uploader("Tệp văn bản", type=list(upload.ACCEPTED), accept_multiple_files=True,
                         key="upload-files",
                         help="Văn bản hành chính, văn bản quy phạm pháp luật, văn bản của Đảng "
                              "ở dạng .txt, .docx hoặc .pdf (có lớp chữ hoặc bản quét).")
if st.button("Nạp vào kho", type="primary", disabled=not files, key="upload-go"):
    bar = st.progress(0.0, text="Đang đọc tệp…")
    saved = upload.save_uploads(app.store_dir, [(f.name, f.getvalue()) for f in files])
    results: list[upload.FileResult] = []
    for i, item in enumerate(saved):
        bar.progress((i + 0.5) / (len(saved) + 1), text=f"Đang phân tích {item.name}…")
        results.append(upload.check(item))
    bar.progress(len(saved) / (len(saved) + 1), text="Đang ghi vào kho và cập nhật đồ thị…")
    # written through a connection of this session, not on the backend's
    # thread: other sessions keep browsing while the upload (or a wait for
    # another ingest) runs; the backend reloads the graph once it is resolved
    with Store(app.store_dir) as store:
        results = upload.ingest_checked(store, results)
    app.warm()
    bar.progress(1.0, text="Xong.")
    st.session_state["upload-results"] = results

results = st.session_state.get("upload-results")
if results:
    added = [r for r in results if r.ok and r.status in (upload.ADDED, upload.REPLACED)]
    again = [r for r in results if r.ok and r.status in (upload.UNCHANGED, upload.DUPLICATE)]
    bad = [r for r in results if not r.ok]
    if added:
        st.success(f"Đã nạp {len(added)} tệp mới vào kho.")
    if again:
        st.info(f"{len(again)} tệp đã có trong kho nên không nạp lại:\n\n"
                + "\n".join(f"- **{r.name}** — {r.message}" for r in again))
    if bad:
        st.error(f"{len(bad)} tệp không nạp được:\n\n"
                 + "\n".join(f"- **{r.name}** — {r.message}" for r in bad))
    st.dataframe(pd.DataFrame([{
        "Tệp": r.name, "Kết quả": r.message, "Số ký hiệu": r.key or "",
        "Số dẫn chiếu": str(r.citations) if r.ok else "",
    } for r in results]), hide_index=True, key="upload-table",
        column_config={"Kết quả": st.column_config.TextColumn(width="large")})
    gen = app.generation()
    found = []
    for r in added + again:
        if r.key:
            hits = state.search(gen, r.key, 1)
            if hits:
                found.append(doc_row(hits[0]["node"], meta=[f"từ tệp {r.name}"]))
    if found:
        st.markdown("**Mở văn bản vừa nạp**")
        st.html(doc_rows(found))
