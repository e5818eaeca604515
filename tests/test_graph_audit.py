"""The audit (graph/audit.py) finds each kind of fault, on small hand-written
graphs: every node, edge and text below is written here, in the forms real
documents use."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.audit import STRICT, audit, sentence_at

DECREE_TEXT = ("UBND TỈNH LẠNG SƠN\nSố: 12/QĐ-UBND\nLạng Sơn, ngày 05 tháng 3 năm 2019\n"
               "QUYẾT ĐỊNH\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ "
               "về kiểm soát thủ tục hành chính được sửa đổi, bổ sung bởi Nghị định số "
               "48/2013/NĐ-CP ngày 14/5/2013 của Chính phủ;\nĐiều 1. Ban hành kèm theo.")
LAW_TEXT = ("QUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
            "phúc --------------- Luật số:\n16/2023/QH15\nHà Nội, ngày 19 tháng 6 năm 2023 "
            "LUẬT GIÁ\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
            "Điều 5. Phí [Điều này được hướng dẫn bởi Thông tư 29/2024/TT-BTC] như sau.")
DRAFT_TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố:       /QĐ-UBND\nLâm Đồng, ngày    tháng"
              "    năm 2025\nDỰ THẢO\nQUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa phương;")


def node(nid: str, key: str | None, **kw: Any) -> dict[str, Any]:
    """A NodeSummary with defaults for what a test does not care about."""
    out = {"id": nid, "key": key, "type": None, "number": None, "symbol": None,
           "date": None, "year": None, "scope": None,
           "jurisdiction": nid.split("/")[1] if nid.count("/") > 2 else None,
           "issuer": None, "subject": None, "name": None, "ingested": False,
           "resolved": True, "reason": None, "candidates": []}
    out.update(kw)
    if out["date"] and out["year"] is None:
        out["year"] = int(out["date"][:4])
    return out


def span(text: str, mention: str) -> dict[str, Any]:
    start = text.index(mention)
    return {"start": start, "end": start + len(mention), "text": mention}


class Hand:
    """A backend over hand-written nodes, edges and texts (the audit's inputs)."""

    def __init__(self, nodes: list[dict], edges: list[dict], texts: dict[str, str],
                 files: dict[str, str] | None = None) -> None:
        self._nodes, self._edges, self._texts = nodes, edges, texts
        self._files = files or {n: f"/corpus/{n.split('/')[-1]}.txt" for n in texts}

    def nodes(self) -> list[dict]:
        return sorted(self._nodes, key=lambda n: n["id"])

    def edges(self) -> list[dict]:
        return [{"relation": e["relations"][0], "count": 0, "spans": [], "stated_in": [], **e}
                for e in self._edges]

    def document_text(self, node_id: str) -> str | None:
        return self._texts.get(node_id)

    def files(self, node_id: str) -> list[str]:
        return [self._files[node_id]] if node_id in self._files else []

    def show(self, node_id: str) -> dict | None:
        n = next((n for n in self._nodes if n["id"] == node_id), None)
        if n is None:
            return None
        return {"node": n, "files": [self._files[node_id]] if node_id in self._files else [],
                "cites": [], "cited_by": [], "cited_by_count": 0}


DOC = "vn/lang-son/2019/qd/12/qd-ubnd"
ND63 = "vn/national/2010/nd/63/2010-nd-cp"
ND48 = "vn/national/2013/nd/48/2013-nd-cp"


def decree_graph(**extra: Any) -> Hand:
    """A 2019 decision citing two decrees, and the relation between them
    stored backwards ("63/2010 amends 48/2013"), as an old parser read it."""
    nodes = [node(DOC, "12/QĐ-UBND", date="2019-03-05", ingested=True, issuer="UBND TỈNH LẠNG SƠN",
                  type="Quyết định", number="12"),
             node(ND63, "63/2010/NĐ-CP", date="2010-06-08"),
             node(ND48, "48/2013/NĐ-CP", date="2013-05-14")]
    edges = [
        {"source": DOC, "target": ND63, "relations": ["based_on"], "count": 1,
         "spans": [span(DECREE_TEXT, "Nghị định số 63/2010/NĐ-CP")]},
        {"source": DOC, "target": ND48, "relations": ["based_on"], "count": 1,
         "spans": [span(DECREE_TEXT, "Nghị định số 48/2013/NĐ-CP")]},
        {"source": ND63, "target": ND48, "relations": ["amends"], "stated_in": [DOC]},
    ]
    return Hand(nodes + extra.get("nodes", []), edges + extra.get("edges", []),
                {DOC: DECREE_TEXT, **extra.get("texts", {})})


def test_edge_into_the_future_comes_with_file_and_sentence():
    report = audit(decree_graph())
    (row,) = report["future_edges"]
    assert (row["source"], row["target"], row["relation"], row["kind"]) == (
        ND63, ND48, "amends", "stated")
    assert (row["source_date"], row["target_date"]) == ("2010-06-08", "2013-05-14")
    assert row["file"] == "/corpus/qd-ubnd.txt"
    assert row["sentence"].startswith("Căn cứ Nghị định số 63/2010/NĐ-CP")
    assert row["sentence"].endswith("của Chính phủ;")
    assert report["strict"] == {"future_edges": 1}


def test_a_citation_into_the_future_is_found_too():
    law = "vn/national/2023/vb/16/2023-qh15"
    tt = "vn/national/2024/tt/29/2024-tt-btc"
    g = Hand([node(law, "16/2023/QH15", date="2023-06-19", ingested=True, issuer="QUỐC HỘI"),
              node(tt, "29/2024/TT-BTC", year=2024)],
             [{"source": law, "target": tt, "relations": ["guides"], "count": 1,
               "spans": [span(LAW_TEXT, "Thông tư 29/2024/TT-BTC")]}], {law: LAW_TEXT})
    (row,) = audit(g)["future_edges"]
    assert row["kind"] == "citation" and row["target_date"] == "2024"
    assert "[Điều này được hướng dẫn bởi Thông tư 29/2024/TT-BTC]" in row["sentence"]


def test_same_day_and_undated_documents_are_not_in_the_future():
    a, b = "vn/lang-son/2026/qd/1/qd-ubnd", "vn/lang-son/2026/qd/2/qd-ubnd"
    c = "vn/unresolved/lang-son/unknown-scope/3/qd-ubnd"
    g = Hand([node(a, "1/QĐ-UBND", date="2026-01-02"), node(b, "2/QĐ-UBND", date="2026-01-02"),
              node(c, "3/QĐ-UBND", resolved=False, reason="no date")],
             [{"source": a, "target": b, "relations": ["amends"], "count": 1},
              {"source": a, "target": c, "relations": ["cites"], "count": 1}], {})
    assert audit(g)["future_edges"] == []


def test_split_keys_variants_and_a_national_key_in_a_province():
    nodes = [
        node("vn/ha-noi/2010/vb/65/2010-ndcp", "65/2010/NĐCP"),  # alone, but in a province
        node("vn/national/2016-2021/ct/36/ct-tw", "36-CT/TW", scope="2016-2021"),
        node("vn/national/2019/ct/36/ct-tw", "36/CT-TW", scope="2019"),  # one directive, twice
        # lawful: numbering restarts every year, in every province
        node("vn/lang-son/2025/ct/9/ct-ubnd", "09/CT-UBND", scope="2025"),
        node("vn/cao-bang/2026/ct/9/ct-ubnd", "09/CT-UBND", scope="2026"),
    ]
    report = audit(Hand(nodes, [], {}))
    why = {r["key"]: r["why"] for r in report["split_keys"]}
    assert why == {"65/2010/NĐCP": "national key placed in a province",
                   "36-CT/TW": "spelling variants of one key"}
    assert [r["key"] for r in report["same_key_nodes"]] == ["09/CT-UBND"]
    assert report["strict"] == {"split_keys": 2}


def test_documents_without_number_date_or_issuer():
    law = "vn/unidentified/aaaa"
    draft = "vn/unidentified/bbbb"
    g = Hand([node(law, None, ingested=True, resolved=False, date="2023-06-19",
                   issuer="QUỐC HỘI", reason="no number/symbol in the header"),
              node(draft, None, ingested=True, resolved=False,
                   reason="no number/symbol in the header")],
             [], {law: LAW_TEXT, draft: DRAFT_TEXT})
    report = audit(g)
    rows = {r["id"]: r for r in report["missing_identity"]}
    assert rows[law]["missing"] == ["number"]
    assert rows[law]["header_number"] == "16/2023/QH15"  # shown, but not read
    assert rows[draft]["missing"] == ["number", "date", "issuer"]
    assert rows[draft]["header_number"] is None  # a draft's blank number: nothing to read
    assert [r["id"] for r in report["unread_numbers"]] == [law]
    assert report["strict"] == {"unread_numbers": 1}


def test_a_document_repeated_as_a_cited_only_node_of_its_own_number():
    law = "vn/unidentified/aaaa"
    twin = "vn/national/2023/vb/16/2023-qh15"
    g = Hand([node(law, None, ingested=True, resolved=False, date="2023-06-19",
                   issuer="QUỐC HỘI"),
              node(twin, "16/2023/QH15", type="Luật")],
             [{"source": law, "target": twin, "relations": ["cites"], "count": 1,
               "spans": [span(LAW_TEXT, "16/2023/QH15")]}], {law: LAW_TEXT})
    report = audit(g)
    assert report["own_number"] == [{"document": law, "file": "/corpus/aaaa.txt",
                                     "number": "16/2023/QH15", "cited_only": twin}]
    assert set(report["strict"]) == {"unread_numbers", "own_number"}


def test_unresolved_references_grouped_by_reason_with_counts():
    doc = "vn/lam-dong/2025/tb/5/tb-ubnd"
    u1 = "vn/unresolved/lam-dong/unknown-scope/3/nq-hdnd"
    u2 = "vn/unresolved/lam-dong/unknown-scope/4/nq-hdnd"
    amb = "vn/unresolved/national/unknown-scope/57/nq-tw"
    nodes = [node(doc, "5/TB-UBND", date="2025-06-01"),
             node(u1, "03/NQ-HĐND", resolved=False, reason="no date and no year in the number"),
             node(u2, "04/NQ-HĐND", resolved=False, reason="no date and no year in the number"),
             node(amb, "57-NQ/TW", resolved=False, reason="year/term ambiguous: 2 candidates",
                  candidates=["vn/national/2021-2026/nq/57/nq-tw",
                              "vn/national/2016-2021/nq/57/nq-tw"])]
    edges = [{"source": doc, "target": u1, "relations": ["cites"], "count": 3},
             {"source": doc, "target": u2, "relations": ["cites"], "count": 1},
             {"source": doc, "target": amb, "relations": ["implements"], "count": 2}]
    groups = {g["reason"]: g for g in audit(Hand(nodes, edges, {}))["unresolved"]}
    undated = groups["no date and no year in the number"]
    assert (undated["nodes"], undated["references"], undated["with_candidates"]) == (2, 4, 0)
    ambiguous = groups["year/term ambiguous: 2 candidates"]
    assert (ambiguous["nodes"], ambiguous["references"], ambiguous["with_candidates"]) == (1, 2, 1)


def test_issuers_that_look_like_a_header_line():
    nodes = [node("vn/a", "1/QĐ-UBND", issuer="QUỐC HỘI ------- - 16/2023/QH15"),
             node("vn/b", "2/QĐ-UBND",
                  issuer="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"),
             node("vn/c", "3/QĐ-UBND", issuer="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")]
    rows = {r["id"]: r["why"] for r in audit(Hand(nodes, [], {}))["bad_issuers"]}
    assert rows == {"vn/a": "contains a header rule (---)",
                    "vn/b": "contains the national motto"}


def test_dead_citations_wait_for_validity_then_list_the_basis_already_repealed():
    from graph.validity import unknown, validity_of

    assert audit(decree_graph())["not_in_force"] is None  # nodes without validity
    nd = {"id": "vn/national/2015/nd/10/2015-nd-cp", "key": "10/2015/NĐ-CP",
          "type": "Nghị định", "relation": "repeals", "partial": False,
          "date": "2015-01-20", "effective": "2015-03-01"}
    late = {**nd, "id": "vn/national/2020/nd/9/2020-nd-cp", "key": "9/2020/NĐ-CP",
            "date": "2020-01-10", "effective": "2020-03-01"}
    g = decree_graph()
    for n in g._nodes:
        n["validity"] = unknown()
    by_id = {n["id"]: n for n in g._nodes}
    # 63/2010 was repealed in 2015, before the 2019 decision rested on it;
    # 48/2013 only in 2020, after it: not a dead citation at the decision's date
    by_id[ND63]["validity"] = validity_of("2010-08-01", None, [nd], "2026-01-01")
    by_id[ND48]["validity"] = validity_of("2013-07-01", None, [late], "2026-01-01")
    (row,) = audit(g)["not_in_force"]
    assert (row["source"], row["target"], row["relation"], row["state"], row["since"],
            row["by_key"]) == (DOC, ND63, "based_on", "repealed", "2015-03-01",
                               "10/2015/NĐ-CP")
    assert row["file"] == "/corpus/qd-ubnd.txt"
    assert row["sentence"].startswith("Căn cứ Nghị định số 63/2010/NĐ-CP")


def test_a_clean_graph_passes_strict():
    g = decree_graph()
    g._edges.pop()  # the backwards relation
    report = audit(g)
    assert report["strict"] == {} and set(STRICT) <= set(report["counts"])


def test_sentence_is_one_line_and_bounded():
    text = "Mở đầu. Căn cứ Luật số 1/2020/QH14\nngày 01/01/2020; tiếp theo." + "x" * 1000
    s = sentence_at(text, text.index("Luật"), text.index("QH14") + 4)
    assert s == "Căn cứ Luật số 1/2020/QH14 ngày 01/01/2020;"
    assert len(sentence_at("y" * 5000, 2500, 2510)) <= 2 * 240 + 10


# --- on a real store: the CLI, strict mode and what the resolver set aside -------------


def test_cli_audit_strict_fails_on_a_store_another_program_resolved(corpus, capsys):
    from graph.resolve import Edge, Node, Resolution
    from legalgraph.cli import main

    corpus.add("a", "12/QĐ-UBND", date="2019-03-05", issuer="UBND TỈNH LẠNG SƠN")
    store = corpus.store
    nodes = {n: Node(id=n, key=k, date=d, year=int(d[:4]))
             for n, k, d in ((ND63, "63/2010/NĐ-CP", "2010-06-08"),
                             (ND48, "48/2013/NĐ-CP", "2013-05-14"))}
    store.save_resolution(Resolution(nodes, {}, [], [Edge(ND63, ND48, ["amends"], 0, [], [])]),
                          store.generation)
    assert main(["audit", "--db", str(corpus.dir), "--strict"]) == 1
    assert "Edges into the future" in capsys.readouterr().out
    assert main(["audit", "--db", str(corpus.dir)]) == 0  # a report, not a gate
    capsys.readouterr()
    assert main(["audit", "--db", str(corpus.dir), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["future_edges"] == 1


def test_cli_audit_names_a_bad_store_folder(tmp_path, capsys):
    from legalgraph.cli import main

    (tmp_path / "f").write_text("not a folder")
    assert main(["audit", "--db", str(tmp_path / "f")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("legalgraph audit:") and "Traceback" not in err


@pytest.mark.parametrize("kind", ["citation", "stated"])
def test_the_resolver_sets_aside_what_acts_on_a_later_document(corpus, kind):
    """A decision of 2019 citing decrees of 2010 and 2013; in it "63/2010 …
    được sửa đổi bởi 48/2013" read backwards as 63/2010 amends 48/2013
    (stated), or a 2003 law citing a 2004 decree (an editor's note)."""
    from graph.audit import audit as run

    if kind == "stated":
        corpus.add("qd", "12/QĐ-UBND", date="2019-03-05", issuer="UBND TỈNH LẠNG SƠN",
                   cites=[("63/2010/NĐ-CP", "2010-06-08", "Chính phủ", "based_on"),
                          ("48/2013/NĐ-CP", "2013-05-14", "Chính phủ", "based_on")],
                   relations=[("63/2010/NĐ-CP", "48/2013/NĐ-CP", "amends")])
        source, target = ND63, ND48
    else:
        corpus.add("law", "13/2003/QH11", date="2003-11-26", issuer="QUỐC HỘI",
                   cites=[("181/2004/NĐ-CP", "2004-10-29", None, "guides")])
        source, target = "vn/national/2003/vb/13/2003-qh11", "vn/national/2004/nd/181/2004-nd-cp"
    b = corpus.backend()
    assert not any(e["source"] == source and e["target"] == target for e in b.edges())
    report = run(b)
    assert report["counts"]["future_edges"] == 0 and report["strict"] == {}
    (row,) = report["set_aside"]
    assert (row["source"], row["target"], row["kind"]) == (source, target, kind)
    assert row["file"] == ("qd" if kind == "stated" else "law")
    if kind == "citation":
        # the decree was reached only by that note: no node is left for it
        assert target not in {n["id"] for n in b.nodes()}
        assert b.stats()["references"] == 1


def test_a_party_document_known_only_by_its_term_is_not_dated_at_the_terms_start(corpus):
    """A 2025 plan says a commune committee's "Kế hoạch số 21-KH/ĐU, ngày
    29/7/2025 … triển khai thực hiện Chỉ thị số 46-CT/TW, ngày 16/5/2025". The
    plan 21-KH/ĐU stays unresolved (no province), known by its term 2020-2025:
    it may be of any year of the term, so its implementing a directive of 2025
    is kept, not set aside as "2020 acts on 2025"."""
    from graph.audit import audit as run

    corpus.add("kh", "16/KH-MTTQ", date="2025-08-20", issuer="ỦY BAN MTTQ XÃ LƯƠNG MINH",
               cites=[("21-KH/ĐU", "2025-07-29", None, "implements", "Kế hoạch"),
                      ("46-CT/TW", "2025-05-16", "Bộ Chính trị", "implements", "Chỉ thị")],
               relations=[("21-KH/ĐU", "46-CT/TW", "implements")])
    b = corpus.backend()
    (plan,) = [n for n in b.nodes() if n["key"] == "21-KH/ĐU"]
    (directive,) = [n for n in b.nodes() if n["key"] == "46-CT/TW"]
    assert any(e["source"] == plan["id"] and e["target"] == directive["id"]
               and "implements" in e["relations"] for e in b.edges())
    report = run(b)
    assert report["set_aside"] == [] and report["future_edges"] == []
