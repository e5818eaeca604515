"""Small ``st.*`` building blocks the pages share: opening a document, the
document picker, the frame a graph is drawn in. Lists of documents are HTML
(:mod:`legalgraph.ui.lists`)."""

from __future__ import annotations

import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.labels import DOCUMENT_PAGE, node_title, short_name
from legalgraph.ui.lists import when_text

__all__ = ["graph_frame", "open_document", "pick_document"]


def open_document(node_id: str) -> None:
    """Go to a document's page (same tab)."""
    st.switch_page(DOCUMENT_PAGE, query_params={"id": node_id})


def pick_document(key: str, *, label: str = "Chọn văn bản (gõ số ký hiệu hoặc từ khóa)",
                  initial: str | None = None) -> str | None:
    """A search box plus a choice among the hits; returns the chosen node id."""
    gen = state.get_app().generation()
    query = st.text_input(label, key=f"{key}-q", placeholder="vd. 58-QĐ/TU, chi thi 09")
    if not query.strip():
        return initial
    hits = state.search(gen, query.strip(), 30)
    if not hits:
        st.warning("Không tìm thấy văn bản nào.")
        return initial
    options = [h["node"]["id"] for h in hits]
    by_id = {h["node"]["id"]: h["node"] for h in hits}

    def fmt(nid: str) -> str:
        n = by_id[nid]
        return " · ".join(x for x in (node_title(n), when_text(n), n["issuer"] or "",
                                     short_name(n, 60)) if x)

    # one hit: take it; several: let the person choose (no silent guess)
    picked = st.selectbox(f"Kết quả ({len(hits)})", options, format_func=fmt,
                          key=f"{key}-pick", index=0 if len(hits) == 1 else None,
                          placeholder="Chọn một văn bản trong kết quả")
    return picked or initial  # until a hit is chosen, keep showing the current document


def graph_frame(page: str, height: int) -> None:
    """Show a self-contained HTML page (our own graph, see
    :func:`legalgraph.ui.render.graph_html`; never user HTML unescaped) in an
    iframe: ``st.iframe`` where it exists, else the older components call."""
    if hasattr(st, "iframe"):
        st.iframe(page, height=height)
    else:  # Streamlit before st.iframe
        import streamlit.components.v1 as components

        components.html(page, height=height)
