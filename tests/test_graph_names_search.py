"""Names, search, and staff confirmations, on hand-written texts."""

from __future__ import annotations

import json

import pytest
from graph_texts import put

from graph.names import NameVotes, clause_title, document_name, mention_title

LS = "UBND TỈNH LẠNG SƠN"
LD = "UBND TỈNH LÂM ĐỒNG"
LAW = "vn/national/2015/vb/77/2015-qh13"
DECREE = "vn/national/2024/nd/126/2024-nd-cp"


@pytest.fixture
def backend(corpus):
    """Three provincial texts citing a law by its title and a decree by
    number and date, its title in the clause that follows."""
    put(corpus.store, "tt1.txt",
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\nCăn cứ Nghị định số "
        "126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ quy định về tổ chức, hoạt "
        "động và quản lý hội;\nXét đề nghị của Sở Nội vụ.",
        key="74/TTr-SNV", type="Tờ trình", date="2025-07-01", issuer=LD,
        subject="Về việc phê duyệt Điều lệ\nHội Nữ doanh nhân tỉnh",
        cites=[("Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "77/2015/QH13", None,
                None, "based_on", "Luật"),
               ("Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ",
                "126/2024/NĐ-CP", "2024-10-08", "Chính phủ", "based_on", "Nghị định")])
    put(corpus.store, "tt2.txt",
        "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ "
        "chức, hoạt động và quản lý hội;\nCăn cứ Luật số 77/2015/QH13 đã được sửa đổi.",
        key="75/TTr-SNV", type="Tờ trình", date="2025-07-02", issuer=LD,
        cites=[("Nghị định số 126/2024/NĐ-CP", "126/2024/NĐ-CP", "2024-10-08", None,
                "based_on", "Nghị định"),
               ("Luật số 77/2015/QH13", "77/2015/QH13", None, None, "based_on", "Luật")])
    put(corpus.store, "cv.txt",
        "Theo Nghị định số 126/2024/NĐ-CP quy định về tổ chức, hoạt động và quản lý hội, "
        "Sở Nội vụ báo cáo như sau.",
        key="12/SNV-TCBC", type="Công văn", date="2025-08-01", issuer=LD,
        cites=[("Nghị định số 126/2024/NĐ-CP", "126/2024/NĐ-CP", None, None, "cites",
                "Nghị định")])
    return corpus.backend()


def test_a_cited_law_is_named_by_the_words_between_type_and_so(backend):
    assert backend.show(LAW)["node"]["name"] == "Luật Tổ chức chính quyền địa phương"


def test_a_cited_decree_is_named_by_the_clause_its_mentions_agree_on(backend):
    # two mentions end the clause at ";", one runs on past a comma: agreement wins
    assert backend.show(DECREE)["node"]["name"] == (
        "Nghị định quy định về tổ chức, hoạt động và quản lý hội")


def test_an_ingested_document_is_named_by_type_and_subject_on_one_line(backend):
    (doc,) = [n for n in backend.nodes() if n["key"] == "74/TTr-SNV"]
    assert doc["name"] == "Tờ trình về việc phê duyệt Điều lệ Hội Nữ doanh nhân tỉnh"


def test_a_node_no_mention_names_has_none(corpus):
    corpus.add("a", "1/KH-UBND", date="2025-01-02", issuer=LS,
               cites=[("08/2017/QH14", None, None, "cites")])
    assert corpus.backend().show("vn/national/2017/vb/8/2017-qh14")["node"]["name"] is None


@pytest.mark.parametrize(("text", "type", "title"), [
    ("Luật Đất đai số 31/2024/QH15", "Luật", "Luật Đất đai"),
    ("LUẬT ĐẤT ĐAI SỐ 45/2013/QH13", "Luật", "Luật Đất đai"),
    ("Luật số 45/2013/QH13", "Luật", None),  # no words between
    ("luật có liên quan đến quy hoạch số 35/2018/QH14", "Luật", None),  # a title cut short
    ("Nghị quyết của Quốc hội số 51/2001/QH10", "Nghị quyết", None),
])
def test_mention_title(text, type, title):
    assert mention_title(text, type) == title


@pytest.mark.parametrize(("after", "title"), [
    (" ngày 15/5/2025 của Bộ Nội vụ hướng dẫn thực hiện\nchế độ; tiếp",
     "Thông tư hướng dẫn thực hiện chế độ"),
    (", cụ thể như sau:", None),
    (" quy định: “Hội phải sửa đổi điều lệ”", None),
])
def test_clause_title(after, title):
    assert clause_title(after, "Thông tư") == title


def test_name_votes_prefer_a_proper_title_then_the_majority():
    v = NameVotes()
    v.add("Nghị định số 1/2020/NĐ-CP", "Nghị định", " về việc A, B và C; rồi")
    v.add("Nghị định số 1/2020/NĐ-CP", "Nghị định", " về việc A, B và C;")
    v.add("Nghị định số 1/2020/NĐ-CP", "Nghị định", " về việc A, B và C, Sở báo cáo")
    assert v.best() == "Nghị định về việc A, B và C"
    v.add("Nghị định Phòng cháy số 1/2020/NĐ-CP", "Nghị định", "")
    assert v.best() == "Nghị định Phòng cháy"


def test_document_name_skips_a_body_line_for_subject():
    assert document_name("Quy định", "Điều 1. Phạm vi điều chỉnh") is None
    assert document_name("Luật", "TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG") == (
        "Luật Tổ chức chính quyền địa phương")


# --- search ----------------------------------------------------------------------------


def test_search_finds_a_cited_law_by_its_title_without_diacritics(backend):
    hits = backend.search("luat to chuc chinh quyen dia phuong")
    assert hits[0]["node"]["id"] == LAW and hits[0]["matched"] == "name"
    assert hits[0]["cited_by"] == 2


def test_search_by_number_in_any_spelling_and_by_type_and_number(backend):
    for query in ("126/2024/NĐ-CP", "126/2024/ND-CP", "126 2024 ndcp"):
        assert backend.search(query)[0]["node"]["id"] == DECREE, query
    top = backend.search("nghi dinh 126 2024")[0]
    assert top["node"]["id"] == DECREE and top["matched"] == "number"


def test_search_puts_the_exact_key_first_then_names_by_citations(backend):
    hits = backend.search("quản lý hội")
    assert [h["node"]["id"] for h in hits][:1] == [DECREE]
    assert {h["matched"] for h in hits} <= {"name", "issuer"}
    assert backend.search("77/2015/QH13")[0]["matched"] == "key"


def test_search_json_contract(backend, corpus, capsys):
    from legalgraph.cli import main

    assert main(["search", "luat to chuc", "--db", str(corpus.dir), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and rows
    top = backend.top(limit=50)
    node_of_top = {r["node"]["id"]: r["node"] for r in top}
    for row in rows:
        assert set(row) >= {"node", "cited_by", "matched"}
        if row["node"]["id"] in node_of_top:  # the same node object as top rows
            assert row["node"] == node_of_top[row["node"]["id"]]
    assert main(["search", "không có gì như thế", "--db", str(corpus.dir)]) == 1


def test_search_fallback_over_primitives_gives_the_same_answers(backend):
    """What a backend without its own ``search`` gets (graph.scan)."""
    from graph.scan import search

    class Bare:  # nodes and edges only, as the Neo4j scan gives them
        nodes, edges = backend.nodes, backend.edges

    for query in ("luat to chuc chinh quyen", "126/2024/ND-CP", "nghi dinh 126", "lâm đồng"):
        assert search(Bare(), query) == backend.search(query), query


def test_export_json_nodes_carry_name(backend, corpus, capsys):
    from legalgraph.cli import main

    assert main(["export", "--format", "json", "--db", str(corpus.dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names[LAW] == "Luật Tổ chức chính quyền địa phương"
    assert all(v is None or isinstance(v, str) for v in names.values())


def test_show_top_lineage_print_the_name(backend, corpus, capsys):
    from legalgraph.cli import main

    for cmd in (["show", "77/2015/QH13"], ["top"], ["lineage", "74/TTr-SNV"]):
        assert main([*cmd, "--db", str(corpus.dir)]) == 0
        assert "Luật Tổ chức chính quyền địa phương" in capsys.readouterr().out, cmd


# --- staff confirmations -----------------------------------------------------------------


def snapshot(backend) -> tuple[dict, dict]:
    nodes = {n["id"]: n for n in backend.nodes()}
    edges = {(e["source"], e["target"]): e for e in backend.edges()}
    return nodes, edges


def test_a_typed_year_and_issuer_confirm_a_reference_and_survive_reingest(corpus, tmp_path):
    from graph.confirmations import Confirmations, target_for
    from graph.ingest import ingest
    from legalgraph.cli import main

    corpus.add("tb", "95/TB-VP", date="2026-02-10", issuer=LS,
               cites=[("3/NQ-HĐND", None, "HĐND tỉnh", "implements"),
                      ("58-QĐ/TU", "2025-11-20", "Tỉnh ủy", "cites")])
    corpus.add("kh", "15/KH-UBND", date="2026-01-12", issuer=LS,
               cites=[("3/NQ-HĐND", None, None, "cites")])
    before_nodes, before_edges = snapshot(corpus.backend())
    (u,) = [n for n in before_nodes.values() if not n["resolved"]]
    assert target_for("3/NQ-HĐND", "2025", "HĐND tỉnh Lạng Sơn") == \
        "vn/lang-son/2025/nq/3/nq-hdnd"
    assert main(["confirm", "3/NQ-HĐND", "--year", "2025", "--issuer", "HĐND tỉnh Lạng Sơn",
                 "--note", "đã đối chiếu", "--db", str(corpus.dir)]) == 0
    b = corpus.backend()
    nodes, edges = snapshot(b)
    nq = "vn/lang-son/2025/nq/3/nq-hdnd"
    assert u["id"] not in nodes and nq in nodes
    assert {e[0] for e in edges if e[1] == nq} == {"vn/lang-son/2026/tb/95/tb-vp",
                                                   "vn/lang-son/2026/kh/15/kh-ubnd"}
    # nothing else moved: every other node and edge is as it was
    assert {k: v for k, v in nodes.items() if k != nq} == {
        k: v for k, v in before_nodes.items() if k != u["id"]}
    assert {k: v for k, v in edges.items() if k[1] != nq} == {
        k: v for k, v in before_edges.items() if k[1] != u["id"]}
    # a later ingest (a new file) keeps the answer
    (tmp_path / "new.txt").write_text("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh.\n",
                                      encoding="utf-8")
    ingest([tmp_path / "new.txt"], corpus.store)
    assert nq in snapshot(corpus.backend())[0]
    saved = Confirmations(corpus.dir).all()
    assert saved[u["id"]]["target_id"] == nq and saved[u["id"]]["note"] == "đã đối chiếu"


def test_confirm_says_what_is_missing(corpus, capsys):
    from legalgraph.cli import main

    corpus.add("note", None, type="Báo cáo", date="2025-06-01",
               cites=[("70/KH-UBND", None, None, "cites")])
    assert main(["confirm", "70/KH-UBND", "--year", "2025", "--db", str(corpus.dir)]) == 2
    assert "name the issuing body with its province" in capsys.readouterr().err
    assert main(["confirm", "70/KH-UBND", "--year", "năm ngoái", "--issuer", LS,
                 "--db", str(corpus.dir)]) == 2
    assert "give a year" in capsys.readouterr().err


def test_show_finds_a_key_in_another_spelling(backend, corpus, capsys):
    from legalgraph.cli import main

    assert main(["show", "126/2024/NDCP", "--db", str(corpus.dir)]) == 0
    assert capsys.readouterr().out.startswith("126/2024/NĐ-CP")
