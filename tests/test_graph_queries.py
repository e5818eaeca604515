"""Lineage, ranking and lookup answers on a small hand-built corpus."""

from __future__ import annotations

import json

import pytest

from graph.backend import GraphBackend

LS = "UBND TỈNH LẠNG SƠN"
LAW = ("72/2025/QH15", "2025-06-16", "Quốc hội", "based_on", "Luật")
NQ = ("01/NQ-CP", "2026-01-08", "Chính phủ", "implements", "Nghị quyết")
KH = ("15/KH-UBND", "2026-01-12", "UBND tỉnh", "guides", "Kế hoạch")
QD = ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites", "Quyết định")
CT25 = ("09/CT-UBND", "2025-03-05", "UBND tỉnh", "cites", "Chỉ thị")

IDS = {
    "law": "vn/national/2025/vb/72/2025-qh15",
    "nq": "vn/national/2026/nq/1/nq-cp",
    "kh": "vn/lang-son/2026/kh/15/kh-ubnd",
    "hd": "vn/lang-son/2026/hd/120/hd-snv",
    "qd": "vn/lang-son/2025-2030/qd/58/qd-tu",
    "ct25": "vn/lang-son/2025/ct/9/ct-ubnd",
}


@pytest.fixture
def backend(corpus):
    """law ← NQ (based_on) ← KH (implements, also based_on law) ← HD (guides);
    notices and a plan citing 58-QĐ/TU and a directive of 2025."""
    corpus.add("nq", "01/NQ-CP", type="Nghị quyết", date="2026-01-08", issuer="CHÍNH PHỦ",
               cites=[LAW])
    corpus.add("kh", "15/KH-UBND", type="Kế hoạch", date="2026-01-12", issuer=LS,
               cites=[NQ, LAW, QD, QD, CT25])
    corpus.add("hd", "120/HD-SNV", type="Hướng dẫn", date="2026-01-26",
               issuer="UBND TỈNH LẠNG SƠN - SỞ NỘI VỤ", cites=[KH, CT25])
    for n, date in ((95, "2026-02-10"), (96, "2026-02-11"), (40, "2025-12-01")):
        corpus.add(f"tb{n}", f"{n}/TB-VP", type="Thông báo", date=date, issuer=LS,
                   cites=[QD[:3] + ("cites", "Quyết định"),
                          KH[:3] + ("cites", "Kế hoạch")] if date > "2026" else [QD])
    return corpus.backend()


def flatten(tree, depth=0):
    """(depth, relation, node id, mark) rows of a lineage tree, in order;
    mark is "cycle", "seen" or ""."""
    mark = "cycle" if tree["cycle"] else "seen" if tree["seen"] else ""
    rows = [(depth, tree["relation"], tree["node"]["id"], mark)]
    for child in tree["children"]:
        rows += flatten(child, depth + 1)
    return rows


def test_embedded_backend_implements_the_protocol(backend):
    assert isinstance(backend, GraphBackend)


@pytest.mark.parametrize(
    ("start", "direction", "depth", "expected"),
    [
        ("hd", "up", 5, [  # the guidance rests on the plan, which rests on NQ and the law
            (0, None, "hd", ""),
            (1, "guides", "kh", ""),
            (2, "based_on", "law", ""),
            (2, "implements", "nq", ""),
            (3, "based_on", "law", "seen"),  # expanded once, where first reached
        ]),
        ("hd", "up", 1, [(0, None, "hd", ""), (1, "guides", "kh", "")]),
        ("law", "down", 5, [  # who rests on the law, transitively
            (0, None, "law", ""),
            (1, "based_on", "nq", ""),
            (2, "implements", "kh", "seen"),  # kh is also right under the law
            (1, "based_on", "kh", ""),
            (2, "guides", "hd", ""),
        ]),
        ("qd", "down", 5, [(0, None, "qd", "")]),  # only plain citations: no lineage
    ],
)
def test_lineage(backend, start, direction, depth, expected):
    tree = backend.lineage(IDS[start], direction=direction, depth=depth)
    names = {v: k for k, v in IDS.items()}
    assert [(d, r, names[n], c) for d, r, n, c in flatten(tree)] == expected


def test_lineage_marks_cycles(corpus):
    # issued the same day: neither acts on a later document (which is set aside)
    corpus.add("a", "1/QĐ-UBND", date="2026-01-02", issuer=LS,
               cites=[("2/QĐ-UBND", "2026-01-02", "UBND tỉnh", "amends")])
    corpus.add("b", "2/QĐ-UBND", date="2026-01-02", issuer=LS,
               cites=[("1/QĐ-UBND", "2026-01-02", "UBND tỉnh", "amends")])
    tree = corpus.backend().lineage("vn/lang-son/2026/qd/1/qd-ubnd", depth=9)
    assert [(d, m) for d, _, _, m in flatten(tree)] == [(0, ""), (1, ""), (2, "cycle")]


def test_lineage_of_a_widely_implemented_document_stays_linear(corpus):
    # 30 plans implement one resolution and each other's predecessor: every
    # node appears expanded once, so the tree has one entry per edge at most
    corpus.add("nq", "01/NQ-CP", date="2026-01-08", issuer="CHÍNH PHỦ")
    for i in range(1, 31):
        cites = [("01/NQ-CP", "2026-01-08", "Chính phủ", "implements")]
        if i > 1:
            cites.append((f"{i - 1}/KH-UBND", "2026-02-01", "UBND tỉnh", "implements"))
        corpus.add(f"kh{i}", f"{i}/KH-UBND", date="2026-02-01", issuer=LS, cites=cites)
    tree = corpus.backend().lineage("vn/national/2026/nq/1/nq-cp", direction="down", depth=30)
    rows = flatten(tree)
    assert sum(1 for r in rows if r[3] == "") == 31  # root + each plan expanded once
    assert len(rows) == 1 + 30 + 29  # plus one "seen" entry per plan-to-plan edge


def test_lineage_of_unknown_node_is_none(backend):
    assert backend.lineage("vn/nowhere") is None
    assert backend.show("vn/nowhere") is None
    assert backend.cites("vn/nowhere") == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("qd", 4), ("kh", 3), ("ct25", 2), ("law", 2), ("nq", 1)]),
        ({"type": "Quyết định"}, [("qd", 4)]),
        ({"type": "quyet dinh"}, [("qd", 4)]),  # case and diacritics ignored
        ({"type": "Chỉ thị"}, [("ct25", 2)]),
        ({"cited_by_type": "Thông báo"}, [("qd", 3), ("kh", 2)]),
        # ties by id
        ({"cited_by_type": "Thông báo", "cited_by_year": 2026}, [("qd", 2), ("kh", 2)]),
        ({"year": 2025}, [("qd", 4), ("ct25", 2), ("law", 2)]),
        ({"issuer": "chinh phu"}, [("nq", 1)]),
        ({"limit": 2}, [("qd", 4), ("kh", 3)]),
    ],
)
def test_top(backend, filters, expected):
    names = {v: k for k, v in IDS.items()}
    rows = backend.top(**filters)
    assert [(names[r["node"]["id"]], r["cited_by"]) for r in rows] == expected
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("58-QĐ/TU", ["qd"]),
        ("58-QD/TU", ["qd"]),  # typed without Đ
        ("vn/lang-son/2026/kh/15/kh-ubnd", ["kh"]),  # a node id
        ("15/KH", ["kh"]),  # prefix
        ("999/XX-YY", []),
    ],
)
def test_search_keys(backend, query, expected):
    names = {v: k for k, v in IDS.items()}
    assert [names.get(n["id"], n["id"]) for n in backend.search_keys(query)] == expected


def test_results_are_plain_json(backend):
    for result in (backend.show(IDS["kh"]), backend.lineage(IDS["hd"]), backend.top(),
                   backend.stats(), backend.search_keys("58")):
        assert json.loads(json.dumps(result, ensure_ascii=False)) == result


def test_show_orders_links_by_relation_then_key(backend):
    view = backend.show(IDS["kh"])
    assert view["files"] == ["kh"]
    assert view["cited_by_count"] == 3
    assert [(x["node"]["id"], x["relation"], x["count"]) for x in view["cites"]] == [
        (IDS["law"], "based_on", 1), (IDS["nq"], "implements", 1),
        (IDS["ct25"], "cites", 1), (IDS["qd"], "cites", 2)]


def test_stats(backend):
    s = backend.stats()
    assert (s["documents"], s["files"], s["cited_only"]) == (6, 6, 3)
    assert s["references"] == s["resolved"] == 1 + 5 + 2 + 2 + 2 + 1
    assert (s["unresolved"], s["ambiguous"], s["self_citations"]) == (0, 0, 0)


def test_backend_answers_from_other_threads(backend):
    # the app shares one backend between server threads
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        views = list(pool.map(backend.show, [IDS["kh"]] * 8))
        texts = list(pool.map(backend.document_text, [IDS["kh"]] * 8))
    assert all(v == views[0] for v in views) and views[0] is not None
    assert all(t == texts[0] for t in texts) and "15/KH-UBND" in texts[0]
