"""Properties of resolution: the order files arrive in changes nothing."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graph.resolve import DocInput, resolve_corpus  # noqa: E402
from parsers.models import Citation, DocumentIdentity, Relation  # noqa: E402

LS, CB = "UBND TỈNH LẠNG SƠN", "UBND TỈNH CAO BẰNG"

# a small world where keys collide across years, provinces and levels
DOCS = [
    (DocumentIdentity(key="09/CT-UBND", date="2025-03-05", issuer=LS), []),
    (DocumentIdentity(key="09/CT-UBND", date="2026-02-02", issuer=LS),
     [("09/CT-UBND", "2025-03-05", "UBND tỉnh", "replaces")]),
    (DocumentIdentity(key="09/CT-UBND", date="2026-03-10", issuer=CB),
     [("12/CĐ-TTg", "2026-01-03", "Thủ tướng Chính phủ", "implements")]),
    (DocumentIdentity(key="95/TB-VP", date="2026-02-10", issuer=LS),
     [("09/CT-UBND", None, "UBND tỉnh", "implements"),
      ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites"),
      ("15/KH-UBND", None, "UBND tỉnh", "cites")]),
    (DocumentIdentity(key="15/KH-UBND", date="2026-01-12", issuer=LS),
     [("01/NQ-CP", "2026-01-08", "Chính phủ", "implements"),
      ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites")]),
    (DocumentIdentity(key=None, type="Thông báo"),
     [("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites")]),
    (DocumentIdentity(key="500/TB-UBND", date="2025-05-30", issuer="UBND THÀNH PHỐ LẠNG SƠN"),
     [("1431/UBND-VP", "2025-05-06", None, "cites"),
      ("349/TB-UBND", "2025-04-26", "UBND thành phố", "cites")]),
    (DocumentIdentity(key="501/TB-UBND", date="2025-06-02", issuer="UBND THÀNH PHỐ LẠNG SƠN"),
     [("1431/UBND-VP", "2025-05-06", "UBND thành phố", "cites")]),
]


def inputs(order: list[int]) -> list[DocInput]:
    out = []
    for file_id, i in enumerate(order, start=1):
        ident, cites = DOCS[i]
        cs = [Citation(10 * j, 10 * j + 5, "x", None, k, d, iss, rel)
              for j, (k, d, iss, rel) in enumerate(cites)]
        rels = [Relation("15/KH-UBND", "01/NQ-CP", "implements")] if i == 3 else []
        out.append(DocInput(file_id, f"sha{i:04d}", ident, cs, rels))
    return out


def summary(order: list[int]) -> tuple:
    res = resolve_corpus(inputs(order))
    nodes = {n.id: (n.resolved, n.ingested, tuple(n.candidates)) for n in res.nodes.values()}
    edges = {(e.source, e.target): (tuple(e.relations), e.count, tuple(e.stated_in))
             for e in res.edges}
    statuses = sorted((res.doc_nodes[m.file_id], m.target or "", m.status) for m in res.mentions)
    return nodes, edges, statuses


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(DOCS))))
def test_file_order_does_not_change_the_graph(order):
    assert summary(list(order)) == summary(list(range(len(DOCS))))


def test_the_small_world_resolves_as_expected():
    nodes, edges, _ = summary(list(range(len(DOCS))))
    assert ("vn/lang-son/2026/ct/9/ct-ubnd", "vn/lang-son/2025/ct/9/ct-ubnd") in edges
    # the two that fit first, then the same key in another province (issue 12)
    assert nodes["vn/unresolved/lang-son/unknown-scope/9/ct-ubnd"][2] == (
        "vn/lang-son/2025/ct/9/ct-ubnd", "vn/lang-son/2026/ct/9/ct-ubnd",
        "vn/cao-bang/2026/ct/9/ct-ubnd")
    # the city's letter is placed by the second city notice naming its issuer
    assert ("vn/lang-son.tp-lang-son/2025/tb/500/tb-ubnd",
            "vn/lang-son.tp-lang-son/2025/vb/1431/ubnd-vp") in edges


@given(st.lists(st.tuples(st.integers(0, 2**62), st.integers(0, 2**62), st.text()), max_size=4))
def test_span_json_is_json_dumps_for_any_text(spans):
    """The stored spans' JSON is written by hand: the same string json writes."""
    import json

    from graph.store import _spans_json
    assert _spans_json(spans) == json.dumps(
        [{"start": a, "end": b, "text": t} for a, b, t in spans], ensure_ascii=False)
