"""Identity resolution over hand-built parser records (no regexes involved)."""

from __future__ import annotations

import pytest

from graph.identity import doc_context, is_central, parse_key, party_term, province_of

LS = "UBND TỈNH LẠNG SƠN"
CB = "UBND TỈNH CAO BẰNG"


def targets(backend, doc_id: str) -> list[str]:
    return [link["node"]["id"] for link in backend.cites(doc_id)]


# --- pure rules --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("key", "central", "party", "year"),
    [
        ("30/2020/NĐ-CP", True, False, 2020),  # decree: year in the number
        ("65/CĐ-TTg", True, False, None),  # Prime Minister's telegram
        ("58-QĐ/TU", False, True, None),  # provincial Party committee
        ("05-NQ/TW", True, True, None),  # Central Committee
        ("05-NQ/TƯ", True, True, None),  # TƯ is Trung ương, not Tỉnh ủy
        ("09/CT-UBND", False, False, None),  # provincial People's Committee
        ("10/2025/NQ-HĐND", False, False, 2025),
        ("1431/UBND-VP", False, False, None),  # official letter: no type part
        ("59/2020/QH14", True, False, 2020),  # law: legislature with its term number
    ],
)
def test_key_jurisdiction_table(key, central, party, year):
    parts = parse_key(key)
    assert parts is not None
    assert (is_central(parts), parts.party, parts.year) == (central, party, year)


@pytest.mark.parametrize(
    ("date", "national", "term"),
    [
        ("2025-08-11", False, "2020-2025"),  # 2583-QĐ/TU: before the 2025 provincial congress
        ("2025-11-20", False, "2025-2030"),  # 58-QĐ/TU: after it
        ("2025-11-20", True, "2021-2026"),  # the 14th national congress is January 2026
        ("2026-02-01", True, "2026-2031"),
    ],
)
def test_party_terms(date, national, term):
    assert party_term(date, national=national) == term


@pytest.mark.parametrize(
    ("issuer", "place", "subject", "province", "locality"),
    [
        ("UBND TỈNH LẠNG SƠN - VĂN PHÒNG", None, None, "lang-son", None),
        ("UBND TINH LANG SON", "Lang Son", None, "lang-son", None),  # OCR lost diacritics
        (None, "Cao Bằng", None, "cao-bang", None),  # only the place line
        ("UBND THÀNH PHỐ LẠNG SƠN", None, None, "lang-son", "tp-lang-son"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", None, None, "ha-noi", None),  # city = province
        (None, None, "Kết luận giao ban UBND thành phố Lạng Sơn", "lang-son", "tp-lang-son"),
        (None, None, "Kết luận của Chủ tịch UBND tỉnh", None, None),  # no name: unknown
    ],
)
def test_doc_context(issuer, place, subject, province, locality):
    ctx = doc_context(issuer, place, None, subject)
    assert (ctx.province, ctx.locality) == (province, locality)


def test_province_names_do_not_match_inside_words():
    assert province_of("Hà Nam Định") in {"ha-nam", "nam-dinh"}
    assert province_of("UBND tỉnh") is None


# --- corpus resolution -------------------------------------------------------------

def test_same_key_in_two_years_is_two_documents(corpus):
    corpus.add("a", "15/KH-UBND", date="2026-01-12", issuer=LS,
               cites=[("09/CT-UBND", "2025-03-05", "UBND tỉnh", "implements")])
    corpus.add("b", "09/CT-UBND", type="Chỉ thị", date="2026-02-02", issuer=LS)
    b = corpus.backend()
    assert targets(b, "vn/lang-son/2026/kh/15/kh-ubnd") == ["vn/lang-son/2025/ct/9/ct-ubnd"]
    assert b.show("vn/lang-son/2026/ct/9/ct-ubnd")["cited_by"] == []
    assert len(b.search_keys("09/CT-UBND")) == 2


def test_same_key_in_two_provinces_is_two_documents(corpus):
    cite = ("09/CT-UBND", "2026-02-02", "UBND tỉnh", "cites")
    corpus.add("ls", "1/TB-VP", date="2026-03-01", issuer=LS, cites=[cite])
    corpus.add("cb", "1/TB-VP", date="2026-03-01", issuer=CB, cites=[cite])
    # the issuer text names another province: that one wins over the citing document's
    corpus.add("ls2", "2/TB-VP", date="2026-03-01", issuer=LS,
               cites=[("09/CT-UBND", "2026-02-02", "UBND tỉnh Cao Bằng", "cites")])
    b = corpus.backend()
    assert targets(b, "vn/lang-son/2026/tb/1/tb-vp") == ["vn/lang-son/2026/ct/9/ct-ubnd"]
    assert targets(b, "vn/cao-bang/2026/tb/1/tb-vp") == ["vn/cao-bang/2026/ct/9/ct-ubnd"]
    assert targets(b, "vn/lang-son/2026/tb/2/tb-vp") == ["vn/cao-bang/2026/ct/9/ct-ubnd"]


def test_central_keys_are_national_whatever_the_province(corpus):
    cite = ("01/NQ-CP", "2026-01-08", "Chính phủ", "implements")
    corpus.add("ls", "15/KH-UBND", date="2026-01-12", issuer=LS, cites=[cite])
    corpus.add("cb", "40/KH-UBND", date="2026-01-20", issuer=CB, cites=[cite])
    corpus.add("nowhere", "7/KH-XYZ", date="2026-01-20", cites=[cite])  # no province at all
    rows = corpus.backend().top()
    assert rows[0]["node"]["id"] == "vn/national/2026/nq/1/nq-cp"
    assert rows[0]["cited_by"] == 3


@pytest.mark.parametrize(
    ("others", "status", "expected"),
    [
        # one dated mention elsewhere: the undated one takes its year
        ([("15/KH-UBND", "2026-01-12")], "inferred", "vn/lang-son/2026/kh/15/kh-ubnd"),
        # two years fit: an explicit ambiguous node, never a guess
        ([("15/KH-UBND", "2026-01-12"), ("15/KH-UBND", "2025-01-10")], "ambiguous",
         "vn/unresolved/lang-son/unknown-scope/15/kh-ubnd"),
        # nothing to go on: an explicit unresolved node
        ([], "unresolved", "vn/unresolved/lang-son/unknown-scope/15/kh-ubnd"),
        # a later year cannot be cited by a document of 2026-03
        ([("15/KH-UBND", "2027-01-12")], "unresolved",
         "vn/unresolved/lang-son/unknown-scope/15/kh-ubnd"),
    ],
)
def test_undated_mention_resolves_only_from_one_fitting_dated_mention(
        corpus, others, status, expected):
    for i, (key, date) in enumerate(others):
        corpus.add(f"other{i}", f"{i + 1}/TB-VP", date="2026-02-01", issuer=LS,
                   cites=[(key, date, "UBND tỉnh", "cites")])
    corpus.add("undated", "95/TB-VP", date="2026-03-10", issuer=LS,
               cites=[("15/KH-UBND", None, "UBND tỉnh", "implements")])
    b = corpus.backend()
    (link,) = b.cites("vn/lang-son/2026/tb/95/tb-vp")  # never dropped
    assert link["node"]["id"] == expected
    assert link["node"]["resolved"] == (status == "inferred")
    statuses = {r[0] for r in corpus.store.conn.execute(
        "SELECT status FROM mentions m JOIN doc_nodes d USING (file_id)"
        " WHERE d.node_id = 'vn/lang-son/2026/tb/95/tb-vp'")}
    assert statuses == {status}
    if status == "ambiguous":
        assert link["node"]["candidates"] == ["vn/lang-son/2025/kh/15/kh-ubnd",
                                              "vn/lang-son/2026/kh/15/kh-ubnd"]


def test_year_inside_the_number_needs_no_date(corpus):
    corpus.add("a", "15/KH-UBND", date="2026-01-12", issuer=LS,
               cites=[("10/2025/NQ-HĐND", None, None, "based_on")])
    assert targets(corpus.backend(), "vn/lang-son/2026/kh/15/kh-ubnd") == [
        "vn/lang-son/2025/nq/10/2025-nq-hdnd"]


def test_party_numbers_restart_per_term_not_per_year(corpus):
    corpus.add("a", "12-KH/TU", date="2025-12-15", issuer="TỈNH ỦY LẠNG SƠN", cites=[
        ("2583-QĐ/TU", "2025-08-11", "Ban Thường vụ Tỉnh ủy", "implements"),
        ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites"),
    ])
    corpus.add("b", "13-KH/TU", date="2026-03-01", issuer="TỈNH ỦY LẠNG SƠN", cites=[
        ("58-QĐ/TU", "2026-02-20", "Ban Thường vụ Tỉnh ủy", "cites"),  # same term: same doc
    ])
    b = corpus.backend()
    assert sorted(targets(b, "vn/lang-son/2025-2030/kh/12/kh-tu")) == [
        "vn/lang-son/2020-2025/qd/2583/qd-tu", "vn/lang-son/2025-2030/qd/58/qd-tu"]
    assert targets(b, "vn/lang-son/2025-2030/kh/13/kh-tu") == [
        "vn/lang-son/2025-2030/qd/58/qd-tu"]


def test_headerless_document_takes_province_from_another_mention(corpus):
    # the clean seed has no header: its 58-QĐ/TU is placed by the OCR copy's mention
    cite = ("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites", "Quyết định")
    corpus.add("ocr", "71/TB-VP", date="2026-01-31", issuer=LS, place="Lạng Sơn", cites=[cite])
    corpus.add("clean", None, type="Thông báo", cites=[cite])
    rows = corpus.backend().top(type="Quyết định")
    assert [(r["node"]["id"], r["cited_by"]) for r in rows] == [
        ("vn/lang-son/2025-2030/qd/58/qd-tu", 2)]


def test_local_key_without_any_province_is_an_explicit_unresolved_node(corpus):
    corpus.add("x", None, type="Thông báo",
               cites=[("09/CT-UBND", "2025-03-05", "UBND tỉnh", "cites")])
    b = corpus.backend()
    (node,) = b.search_keys("09/CT-UBND")
    assert node["resolved"] is False
    assert "province unknown" in node["reason"]
    assert b.cited_by(node["id"])  # the edge is kept


def test_city_and_province_committees_number_apart(corpus):
    corpus.add("city", "500/TB-UBND", date="2025-05-30", issuer="UBND THÀNH PHỐ LẠNG SƠN",
               cites=[("349/TB-UBND", "2025-04-26", "UBND thành phố", "cites")])
    corpus.add("prov", "600/TB-UBND", date="2025-05-30", issuer=LS,
               cites=[("349/TB-UBND", "2025-04-26", "UBND tỉnh", "cites")])
    b = corpus.backend()
    assert targets(b, "vn/lang-son.tp-lang-son/2025/tb/500/tb-ubnd") == [
        "vn/lang-son.tp-lang-son/2025/tb/349/tb-ubnd"]
    assert targets(b, "vn/lang-son/2025/tb/600/tb-ubnd") == ["vn/lang-son/2025/tb/349/tb-ubnd"]


@pytest.mark.parametrize(
    ("other_issuer", "expected", "resolved"),
    [
        # nothing else in the corpus: city or province is an open question
        (None, "vn/unresolved/lang-son/2025/1431/ubnd-vp", False),
        # another document says whose it is
        ("UBND thành phố", "vn/lang-son.tp-lang-son/2025/vb/1431/ubnd-vp", True),
        ("UBND tỉnh", "vn/lang-son/2025/vb/1431/ubnd-vp", True),
    ],
)
def test_city_document_citing_a_committee_without_naming_it(
        corpus, other_issuer, expected, resolved):
    corpus.add("city", "500/TB-UBND", date="2025-05-30", issuer="UBND THÀNH PHỐ LẠNG SƠN",
               cites=[("1431/UBND-VP", "2025-05-06", None, "cites")])
    if other_issuer:
        corpus.add("city2", "501/TB-UBND", date="2025-05-31",
                   issuer="UBND THÀNH PHỐ LẠNG SƠN",
                   cites=[("1431/UBND-VP", "2025-05-06", other_issuer, "cites")])
    (link,) = corpus.backend().cites("vn/lang-son.tp-lang-son/2025/tb/500/tb-ubnd")
    assert (link["node"]["id"], link["node"]["resolved"]) == (expected, resolved)
    if not resolved:
        assert "no issuer named" in link["node"]["reason"]


def test_cited_only_node_is_upgraded_when_the_document_is_ingested(corpus):
    corpus.add("a", "15/KH-UBND", date="2026-01-12", issuer=LS,
               cites=[("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites", "Quyết định")])
    b = corpus.backend()
    nid = "vn/lang-son/2025-2030/qd/58/qd-tu"
    before = b.stats()
    assert b.show(nid)["node"]["ingested"] is False
    corpus.add("58", "58-QĐ/TU", type="Quyết định", date="2025-11-20",
               issuer="TỈNH ỦY LẠNG SƠN", subject="về việc phân công")
    view = b.show(nid)
    assert view["node"]["ingested"] is True
    assert view["node"]["subject"] == "về việc phân công"
    assert [link["node"]["id"] for link in view["cited_by"]] == ["vn/lang-son/2026/kh/15/kh-ubnd"]
    after = b.stats()
    assert (after["nodes"], after["documents"]) == (before["nodes"], before["documents"] + 1)


def test_self_citation_is_dropped_but_same_key_of_another_year_is_not(corpus):
    corpus.add("a", "09/CT-UBND", date="2026-02-02", issuer=LS, cites=[
        ("09/CT-UBND", "2026-02-02", "UBND tỉnh", "cites"),  # itself
        ("09/CT-UBND", "2025-03-05", "UBND tỉnh", "replaces"),  # last year's directive
    ])
    b = corpus.backend()
    (link,) = b.cites("vn/lang-son/2026/ct/9/ct-ubnd")
    assert (link["node"]["id"], link["relation"]) == ("vn/lang-son/2025/ct/9/ct-ubnd", "replaces")
    assert b.stats()["self_citations"] == 1


def test_repeated_mentions_form_one_edge_with_count_and_spans(corpus):
    cite = ("01/NQ-CP", "2026-01-08", "Chính phủ", "cites")
    corpus.add("a", "15/KH-UBND", date="2026-01-12", issuer=LS,
               cites=[cite, ("01/NQ-CP", "2026-01-08", "Chính phủ", "implements"), cite])
    (link,) = corpus.backend().cites("vn/lang-son/2026/kh/15/kh-ubnd")
    assert link["count"] == 3
    assert link["relation"] == "implements"  # strongest of the mentions
    assert link["relations"] == ["implements", "cites"]
    assert [s["text"] for s in link["spans"]] == ["văn bản số 01/NQ-CP"] * 3
    assert len({s["start"] for s in link["spans"]}) == 3


def test_two_files_of_one_document_are_one_node(corpus):
    for name in ("scan", "clean"):
        corpus.add(name, "71/TB-VP", date="2026-01-31", issuer=LS,
                   cites=[("58-QĐ/TU", "2025-11-20", "Ban Thường vụ Tỉnh ủy", "cites")])
    b = corpus.backend()
    view = b.show("vn/lang-son/2026/tb/71/tb-vp")
    assert view["files"] == ["scan", "clean"]
    assert b.top()[0]["cited_by"] == 1
    assert b.cites("vn/lang-son/2026/tb/71/tb-vp")[0]["count"] == 1


def test_stated_relation_between_two_cited_documents(corpus):
    corpus.add("a", "120/HD-SNV", date="2026-01-26", issuer="UBND TỈNH LẠNG SƠN - SỞ NỘI VỤ",
               cites=[("15/KH-UBND", "2026-01-12", "UBND tỉnh", "implements"),
                      ("01/NQ-CP", "2026-01-08", "Chính phủ", "cites")],
               relations=[("15/KH-UBND", "01/NQ-CP", "implements")])
    b = corpus.backend()
    (link,) = b.cites("vn/lang-son/2026/kh/15/kh-ubnd")
    assert link["node"]["id"] == "vn/national/2026/nq/1/nq-cp"
    assert (link["relation"], link["count"]) == ("implements", 0)
    assert link["stated_in"] == ["vn/lang-son/2026/hd/120/hd-snv"]
    # a stated relation is not a citation: 01/NQ-CP is cited by one document
    assert b.show("vn/national/2026/nq/1/nq-cp")["cited_by_count"] == 1


def test_legal_normative_series_is_apart_from_the_other_documents(corpus):
    # 03/2019/QĐ-UBND (a legal normative decision) and 03/QĐ-UBND of 2019 are two documents
    corpus.add("a", "10/KH-UBND", date="2019-06-01", issuer=LS, cites=[
        ("03/2019/QĐ-UBND", "2019-02-22", "UBND tỉnh", "based_on"),
        ("03/QĐ-UBND", "2019-01-16", "UBND tỉnh", "cites"),
    ])
    assert sorted(targets(corpus.backend(), "vn/lang-son/2019/kh/10/kh-ubnd")) == [
        "vn/lang-son/2019/qd/3/2019-qd-ubnd", "vn/lang-son/2019/qd/3/qd-ubnd"]


def test_staff_confirmation_resolves_an_ambiguous_reference(corpus):
    """An undated key that fits two years is ambiguous; once staff confirm
    which document it means, the next resolution sends the mention there and
    the ambiguous node is gone; withdrawing the answer brings it back."""
    from graph.confirmations import Confirmations

    corpus.add("a.txt", "09/CT-UBND", type="Chỉ thị", date="2025-03-05", place="Lạng Sơn",
               issuer="UBND TỈNH LẠNG SƠN")
    corpus.add("b.txt", "09/CT-UBND", type="Chỉ thị", date="2026-04-10", place="Lạng Sơn",
               issuer="UBND TỈNH LẠNG SƠN")
    corpus.add("c.txt", "12/TB-UBND", type="Thông báo", date="2026-05-01", place="Lạng Sơn",
               issuer="UBND TỈNH LẠNG SƠN",
               cites=[("09/CT-UBND", None, None, "implements")])
    b = corpus.backend()
    citing = b.search_keys("12/TB-UBND")[0]["id"]
    (link,) = b.cites(citing)
    assert not link["node"]["resolved"] and len(link["node"]["candidates"]) == 2
    ambiguous, chosen = link["node"]["id"], sorted(link["node"]["candidates"])[0]
    b.close()

    Confirmations(corpus.dir).confirm(ambiguous, chosen, "đã đối chiếu")
    b = corpus.backend()
    assert [(x["node"]["id"], x["relation"]) for x in b.cites(citing)] == [(chosen, "implements")]
    assert b.show(ambiguous) is None
    b.close()

    Confirmations(corpus.dir).withdraw(ambiguous)
    b = corpus.backend()
    assert [x["node"]["id"] for x in b.cites(citing)] == [ambiguous]
    b.close()
