"""The relation diagram (graph.diagram), its paging, the readable
neighbourhood and the capped lineage (graph.lineage_view), on a small
hand-built corpus around one decree cited by many."""

from __future__ import annotations

import pytest

from graph.diagram import (
    GROUP_RELATIONS,
    group_members,
    neighbourhood,
    relation_diagram,
    relation_page,
)
from graph.lineage_view import lineage_capped

DECREE = ("126/2024/NĐ-CP", "2024-10-08", "Chính phủ")
LAW = ("76/2015/QH13", "2015-06-19", "Quốc hội", "based_on", "Luật")
SNV = "UBND TỈNH LÂM ĐỒNG - SỞ NỘI VỤ"
BASED = 12  # letters resting on the decree, one per day of September


def cite(rel: str, target: tuple = DECREE, kind: str = "Nghị định") -> tuple:
    return (*target, rel, kind)


@pytest.fixture
def backend(corpus):
    """The decree rests on the law; twelve letters rest on it, one of them
    also says it amends it; a decision implements it; two notices only
    mention it; a plan states that the decision amends it; letters 300 and
    301 are themselves cited (so they rank first by citations)."""
    corpus.add("qd", "15/2025/QĐ-UBND", type="Quyết định", date="2025-11-05", issuer=SNV,
               place="Lâm Đồng", cites=[cite("implements")])
    for i in range(BASED):
        rows = [cite("based_on")] + ([cite("amends")] if i == 5 else [])
        corpus.add(f"cv{300 + i}", f"{300 + i}/SNV-TCBC", type="Công văn",
                   date=f"2025-09-{i + 1:02d}", issuer=SNV, place="Lâm Đồng", cites=rows)
    for n in (1, 2):
        corpus.add(f"tb{n}", f"{n}/TB-VP", type="Thông báo", date=f"2025-12-0{n}", issuer=SNV,
                   place="Lâm Đồng", cites=[cite("cites")])
    corpus.add("kh", "40/KH-UBND", type="Kế hoạch", date="2025-12-10", issuer=SNV,
               place="Lâm Đồng",
               cites=[("300/SNV-TCBC", "2025-09-01", "Sở Nội vụ", "cites", "Công văn"),
                      ("301/SNV-TCBC", "2025-09-02", "Sở Nội vụ", "cites", "Công văn"),
                      ("15/2025/QĐ-UBND", "2025-11-05", "UBND tỉnh", "cites", "Quyết định"),
                      cite("cites")],
               relations=[("15/2025/QĐ-UBND", DECREE[0], "amends")])
    corpus.add("tb3", "3/TB-VP", type="Thông báo", date="2025-12-11", issuer=SNV,
               place="Lâm Đồng",
               cites=[("300/SNV-TCBC", "2025-09-01", "Sở Nội vụ", "cites", "Công văn")])
    corpus.add("nd", DECREE[0], type="Nghị định", date=DECREE[1], issuer="CHÍNH PHỦ",
               cites=[LAW])
    return corpus.backend()


def node_id(backend, key: str) -> str:
    return backend.search_keys(key)[0]["id"]


def keys(items) -> list[str]:
    return [it["node"]["key"] for it in items]


def test_an_edge_goes_to_every_group_it_states_and_a_mention_only_alone():
    assert group_members(["based_on", "cites"]) == ["based_on"]
    assert group_members(["based_on", "amends"]) == ["based_on", "amends"]
    assert group_members(["cites"]) == ["cites"]


def test_fourteen_groups_in_the_portal_order_with_their_counts(backend):
    d = relation_diagram(backend, node_id(backend, DECREE[0]), per_group=5)
    assert [(g["direction"], g["relation"]) for g in d["groups"]] == \
        [("out", r) for r in GROUP_RELATIONS] + [("in", r) for r in GROUP_RELATIONS]
    totals = {(g["direction"], g["relation"]): g["total"] for g in d["groups"] if g["total"]}
    # a provincial decision and a letter cannot amend a decree: what they say
    # stays on their rows, their groups are the other relations they state
    assert totals == {("out", "based_on"): 1, ("in", "based_on"): BASED,
                      ("in", "implements"): 1, ("in", "cites"): 3}
    hub = d["node"]["id"]
    by_key = {it["node"]["key"]: it for rel in ("based_on", "implements")
              for it in relation_page(backend, hub, "in", rel, limit=100)[0]}
    assert by_key["15/2025/QĐ-UBND"]["not_counted"] == ["amends"]
    assert by_key["15/2025/QĐ-UBND"]["stated_in"] == [node_id(backend, "40/KH-UBND")]
    assert by_key["305/SNV-TCBC"]["count"] == 2  # mentioned twice, once "to amend" it
    assert by_key["305/SNV-TCBC"]["not_counted"] == ["amends"]
    assert d["cited_by_count"] == BASED + 1 + 3  # letters, decision, notices + plan
    assert d["cites_count"] == 1 and d["node"]["key"] == DECREE[0]


def test_the_first_page_is_the_newest_and_pages_follow_on(backend):
    hub = node_id(backend, DECREE[0])
    d = relation_diagram(backend, hub, per_group=5)
    based = next(g for g in d["groups"] if g["direction"] == "in" and g["relation"] == "based_on")
    newest = [f"{300 + i}/SNV-TCBC" for i in reversed(range(BASED))]
    assert keys(based["items"]) == newest[:5] and based["total"] == BASED
    pages = [relation_page(backend, hub, "in", "based_on", offset=o, limit=5)
             for o in range(0, BASED + 5, 5)]
    assert [total for _, total in pages] == [BASED] * len(pages)
    assert [k for items, _ in pages for k in keys(items)] == newest  # no gap, no repeat
    assert pages[-1][0] == []  # past the end


def test_most_cited_first(backend):
    hub = node_id(backend, DECREE[0])
    items, _ = relation_page(backend, hub, "in", "based_on", limit=3, order="cited")
    # 300 is cited twice (plan, notice), 301 once, then the newest of the rest
    assert keys(items) == ["300/SNV-TCBC", "301/SNV-TCBC", f"{300 + BASED - 1}/SNV-TCBC"]
    assert [it["cited_by"] for it in items] == [2, 1, 0]


def test_an_effect_that_cannot_act_is_listed_as_a_mention(corpus):
    """A consolidated text restating "sửa đổi, bổ sung" and a letter that
    "repeals" a decree change nothing (as validity says): they are listed
    under "dẫn chiếu khác", with what they say set apart; the amending
    decree is listed as amending."""
    corpus.add("nd", DECREE[0], type="Nghị định", date=DECREE[1], issuer="CHÍNH PHỦ")
    corpus.add("vbhn", "05/VBHN-BNV", type="Văn bản hợp nhất", date="2025-12-20",
               issuer="BỘ NỘI VỤ", cites=[cite("amends")])
    corpus.add("cv", "77/BNV-TCPCP", type="Công văn", date="2025-12-22", issuer="BỘ NỘI VỤ",
               cites=[cite("repeals")])
    corpus.add("nd2", "20/2025/NĐ-CP", type="Nghị định", date="2025-12-25", issuer="CHÍNH PHỦ",
               cites=[cite("amends")])
    b = corpus.backend()
    d = relation_diagram(b, node_id(b, DECREE[0]))
    groups = {g["relation"]: g for g in d["groups"] if g["direction"] == "in" and g["total"]}
    assert set(groups) == {"amends", "cites"}
    assert keys(groups["amends"]["items"]) == ["20/2025/NĐ-CP"]
    assert {it["node"]["key"]: it["not_counted"] for it in groups["cites"]["items"]} == \
        {"05/VBHN-BNV": ["amends"], "77/BNV-TCPCP": ["repeals"]}
    assert groups["amends"]["items"][0]["not_counted"] == []
    slow = relation_diagram(LinksOnly(b), node_id(b, DECREE[0]))
    assert [(g["relation"], keys(g["items"]), [it["not_counted"] for it in g["items"]])
            for g in slow["groups"]] == \
        [(g["relation"], keys(g["items"]), [it["not_counted"] for it in g["items"]])
         for g in d["groups"]]


def test_unknown_document_and_group(backend):
    assert relation_diagram(backend, "vn/nowhere/1999/x/1/x") is None
    assert relation_page(backend, "vn/nowhere/1999/x/1/x", "in", "cites") == ([], 0)
    with pytest.raises(ValueError):
        relation_page(backend, node_id(backend, DECREE[0]), "in", "quotes")


class LinksOnly:
    """A backend answering only through the protocol (as Neo4j does)."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def show(self, node_id):
        return self.inner.show(node_id)

    def cites(self, node_id):
        return self.inner.cites(node_id)

    def cited_by(self, node_id):
        return self.inner.cited_by(node_id)

    def lineage(self, node_id, **kw):
        return self.inner.lineage(node_id, **kw)


def test_a_backend_without_a_graph_gets_the_same_groups(backend):
    hub = node_id(backend, DECREE[0])
    fast = relation_diagram(backend, hub, per_group=4)
    slow = relation_diagram(LinksOnly(backend), hub, per_group=4)
    assert [(g["relation"], g["total"], keys(g["items"])) for g in slow["groups"]] == \
        [(g["relation"], g["total"], keys(g["items"])) for g in fast["groups"]]
    assert slow["cited_by_count"] == fast["cited_by_count"]
    assert relation_page(LinksOnly(backend), hub, "in", "based_on", offset=4, limit=4)[0] == [
        {**it, "cited_by": 0} for it in relation_page(backend, hub, "in", "based_on",
                                                      offset=4, limit=4)[0]]


def test_neighbourhood_keeps_the_strongest_and_most_cited(backend):
    hub = node_id(backend, DECREE[0])
    nodes, edges, left_out = neighbourhood(backend, hub, depth=1, max_nodes=4)
    got = [n["key"] for n in nodes]
    assert got[0] == DECREE[0] and len(got) == 4
    # the law it rests on and the letters resting on it come before mere
    # mentions; among the letters the cited ones first
    assert set(got[1:]) == {"76/2015/QH13", "300/SNV-TCBC", "301/SNV-TCBC"}
    neighbours = 1 + BASED + 1 + 3  # law, letters, decision, notices and plan
    assert left_out == neighbours - 3
    assert all(e["source"] in {n["id"] for n in nodes} and e["target"] in {n["id"] for n in nodes}
               for e in edges) and len(edges) == 3
    everything, _, none_left = neighbourhood(backend, hub, depth=1, max_nodes=100)
    assert len(everything) == 1 + neighbours and none_left == 0


def test_neighbourhood_leaves_room_for_the_second_ring(backend):
    hub = node_id(backend, DECREE[0])
    nodes, _, _ = neighbourhood(backend, hub, depth=2, max_nodes=11)
    ids = [n["id"] for n in nodes]
    assert len(ids) == 11 and len(set(ids)) == 11

    def around(nid):
        return {lk["node"]["id"] for lk in backend.cites(nid) + backend.cited_by(nid)}

    ring1, rest = ids[1:7], ids[7:]  # three fifths of the ten places left, then the rest
    assert set(ring1) <= around(hub)
    beyond = [i for i in rest if i not in around(hub)]
    assert beyond  # the second ring shows documents beyond the first
    assert all(any(i in around(r) for r in ring1) for i in beyond)
    # the second ring has the plan (also in the first) and a notice citing
    # letter 300: its unused places go back to the first ring
    assert beyond == [node_id(backend, "3/TB-VP")]
    assert node_id(backend, "40/KH-UBND") in rest and set(rest) - set(beyond) <= around(hub)


def test_neighbourhood_without_a_graph(backend):
    hub = node_id(backend, DECREE[0])
    nodes, edges, left_out = neighbourhood(LinksOnly(backend), hub, depth=1, max_nodes=4)
    assert nodes[0]["key"] == DECREE[0] and len(nodes) == 4
    assert "76/2015/QH13" in [n["key"] for n in nodes]  # the strongest relation first
    assert left_out == BASED + 1 + 3 + 1 - 3 and len(edges) == 3


def flatten(t, depth=0):
    mark = "cycle" if t["cycle"] else "seen" if t["seen"] else ""
    rows = [(depth, t["node"]["key"], mark, t["hidden"], t["at_limit"])]
    for c in t["children"]:
        rows += flatten(c, depth + 1)
    return rows


def test_capped_lineage_says_what_it_leaves_out(backend):
    hub = node_id(backend, DECREE[0])
    t = lineage_capped(backend, hub, direction="down", depth=2, max_children=3)
    rows = flatten(t)
    # letters resting on it (12), the decision implementing it, one letter
    # amending it: 13 lineage children, the three most cited shown
    assert rows[0][:2] == (0, DECREE[0]) and rows[0][3] == BASED + 1 - 3
    assert [r[1] for r in rows[1:]] == ["300/SNV-TCBC", "301/SNV-TCBC", "311/SNV-TCBC"]
    up = lineage_capped(backend, hub, direction="up", depth=1, max_children=3)
    assert flatten(up) == [(0, DECREE[0], "", 0, False), (1, "76/2015/QH13", "", 0, False)]


def test_capped_lineage_marks_the_depth_limit(backend):
    decision = node_id(backend, "15/2025/QĐ-UBND")
    t = lineage_capped(backend, decision, direction="up", depth=1)
    (child,) = t["children"]
    assert child["node"]["key"] == DECREE[0]
    assert child["at_limit"] and child["hidden"] == 1  # the law, one level further up
    deeper = lineage_capped(backend, decision, direction="up", depth=2)
    assert [r[1] for r in flatten(deeper)] == ["15/2025/QĐ-UBND", DECREE[0], "76/2015/QH13"]


def test_capped_lineage_equals_the_full_one_when_nothing_is_cut(backend):
    hub = node_id(backend, DECREE[0])
    full = backend.lineage(hub, direction="down", depth=3)
    capped = lineage_capped(backend, hub, direction="down", depth=3, max_children=100,
                            max_nodes=1000)

    def shape(t):
        return sorted((c["node"]["id"], c["relation"], c["cycle"], c["seen"], shape(c))
                      for c in t["children"])

    assert shape(capped) == shape(full)
    slow = lineage_capped(LinksOnly(backend), hub, direction="down", depth=3, max_children=100,
                          max_nodes=1000)
    assert shape(slow) == shape(full)

