"""Hiệu lực văn bản (Validity): how many documents are in force, repealed,
replaced…, and the dead citations staff must fix: documents that rest on
(căn cứ, thực hiện, hướng dẫn) a document already no longer in force at their
own date, newest first; a row opens the citing document."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from legalgraph.ui import state
from legalgraph.ui.badges import EVIDENCE_NOTE, STATE_LABELS, act_title
from legalgraph.ui.labels import fmt_date, fmt_int, relation_label
from legalgraph.ui.widgets import open_document

app = state.get_app()
gen = app.generation()  # changes with the day too: so does validity

st.title("Hiệu lực văn bản")
st.caption(EVIDENCE_NOTE)

counts = state.validity_counts(gen)
shown = [s for s in STATE_LABELS if counts["ingested"][s] or counts["cited"][s]]
if shown:
    st.dataframe(pd.DataFrame([{
        "Tình trạng": STATE_LABELS[s],
        "Văn bản có toàn văn": counts["ingested"][s],
        "Văn bản chỉ được dẫn chiếu": counts["cited"][s],
    } for s in shown]), hide_index=True)

rows = state.dead_citations(gen)
st.subheader(f"Văn bản căn cứ vào văn bản đã hết hiệu lực ({fmt_int(len(rows))})")
st.caption("Văn bản được ban hành khi văn bản nó căn cứ, thực hiện hoặc hướng dẫn đã bị bãi bỏ, "
           "thay thế hoặc hết thời hạn; mới nhất trước. Nhấn một dòng để mở văn bản.")
if not rows:
    st.success("Không có.")
    st.stop()
table = pd.DataFrame([{
    "Văn bản": act_title({"key": r["source_key"], "type": r["source_type"],
                          "date": r["source_date"]}),
    "Ngày": fmt_date(r["source_date"]),
    "Quan hệ": relation_label(r["relation"]),
    "Văn bản được căn cứ": act_title({"key": r["target_key"], "type": r["target_type"]}),
    "Tình trạng": STATE_LABELS[r["state"]],
    "Hết hiệu lực từ": fmt_date(r["since"]),
    "Văn bản bãi bỏ/thay thế": act_title({"key": r["by_key"], "type": r["by_type"]})
    if r["by"] else "",
    "Câu": r.get("sentence") or "",
} for r in rows[:1000]])
event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row",
                     key="dead-table",
                     column_config={"Câu": st.column_config.TextColumn(width="large")})
chosen = event.selection.rows if event is not None else []
if chosen:
    open_document(rows[chosen[0]]["source"])
