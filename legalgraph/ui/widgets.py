"""Small ``st.*`` building blocks the pages share: document links, grouped
citation lists, the node table, the document picker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from graph.backend import Link, NodeSummary
from legalgraph.ui import state
from legalgraph.ui.labels import (
    DOCUMENT_PAGE,
    RELATION_ORDER,
    fmt_date,
    node_title,
    reason_label,
    relation_label,
)

__all__ = [
    "doc_link",
    "graph_frame",
    "link_groups",
    "node_rows",
    "open_document",
    "pick_document",
]

#: Links shown per relation group before "show all".
GROUP_LIMIT = 25


def doc_link(n: NodeSummary, *, suffix: str = "", key: str | None = None) -> None:
    """A same-tab link to a document's page: "Quyết định 58-QĐ/TU · 20/11/2025"."""
    label = node_title(n)
    when = fmt_date(n["date"]) or (n["scope"] or "")
    if when:
        label += f" · {when}"
    if not n["resolved"]:
        label += " ⚠"
    label += suffix
    help_text = n["name"] or n["subject"] or n["issuer"] or None
    if not n["resolved"]:
        help_text = f"Chưa xác định đầy đủ: {reason_label(n['reason'])}"
    st.page_link(DOCUMENT_PAGE, label=label, query_params={"id": n["id"]},
                 help=help_text, width="stretch")


def open_document(node_id: str) -> None:
    """Go to a document's page (same tab)."""
    st.switch_page(DOCUMENT_PAGE, query_params={"id": node_id})


def link_groups(links: Sequence[Link], *, incoming: bool, key: str) -> None:
    """Citations grouped by relation (strongest first) with a count per
    group; long groups show the first :data:`GROUP_LIMIT` and a table of all."""
    if not links:
        st.caption("Không có.")
        return
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(link["relation"], []).append(link)
    for rel in sorted(groups, key=lambda r: RELATION_ORDER.index(r)
                      if r in RELATION_ORDER else 99):
        # newest first: what staff usually look for (the backend orders by key)
        items = sorted(groups[rel], key=lambda lk: lk["node"]["date"] or "", reverse=True)
        st.markdown(f"**{relation_label(rel, incoming=incoming)}** ({len(items)})")
        for i, link in enumerate(items[:GROUP_LIMIT]):
            if link["count"] > 1:
                suffix = f" · {link['count']} lần"
            elif link["count"] == 0:
                suffix = " · nêu trong văn bản khác"
            else:
                suffix = ""
            with st.container(key=f"{key}-{rel}-{i}"):
                doc_link(link["node"], suffix=suffix)
        if len(items) > GROUP_LIMIT:
            # a toggle, not an expander: the full table is only built on demand
            if st.toggle(f"Xem tất cả {len(items)}", key=f"{key}-{rel}-all"):
                st.dataframe(pd.DataFrame(node_rows([lk["node"] for lk in items])),
                             hide_index=True)


def node_rows(nodes: Sequence[NodeSummary]) -> list[dict[str, Any]]:
    """Table rows with Vietnamese column names for a list of documents."""
    return [{
        "Số ký hiệu": n["key"] or "(không số)",
        "Loại": n["type"] or "",
        "Ngày": fmt_date(n["date"]) or (n["scope"] or ""),
        "Cơ quan ban hành": n["issuer"] or "",
        "Trích yếu": n["name"] or n["subject"] or "",
    } for n in nodes]


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
        return f"{node_title(n)} · {fmt_date(n['date']) or n['scope'] or ''}".rstrip(" ·")

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
