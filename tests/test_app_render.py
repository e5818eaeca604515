"""The app's pure rendering and wording (no Streamlit run): short names,
document rows, the relation diagram's HTML, the lineage tree and outline,
and the Vietnamese messages for every reader problem, parser failure and
confirmation error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from legalgraph.ui.diagram import diagram_html, parse_group_param
from legalgraph.ui.labels import short_name
from legalgraph.ui.lineage_view import lineage_outline, lineage_tree_html
from legalgraph.ui.lists import doc_row
from legalgraph.ui.messages import confirm_error, parse_failure, read_problem


def node(i: int | str, **over: object) -> dict:
    n = {"id": f"vn/x/{i}", "key": f"{i}/KH-UBND", "type": "Kế hoạch", "number": str(i),
         "symbol": "KH-UBND", "date": "2025-03-05", "year": 2025, "scope": "2025",
         "jurisdiction": "lam-dong", "issuer": "UBND TỈNH LÂM ĐỒNG", "subject": None,
         "name": f"Kế hoạch triển khai việc {i}", "ingested": True, "resolved": True,
         "reason": None, "candidates": [], "validity": {"state": "unknown"}}
    n.update(over)
    return n


@pytest.mark.parametrize(("name", "kind", "limit", "expected"), [
    ("Luật Tổ chức chính quyền địa phương", "Luật", 90, "Tổ chức chính quyền địa phương"),
    ("Nghị định quy định về tổ chức, hoạt động và quản lý hội", "Nghị định", 90,
     "Quy định về tổ chức, hoạt động và quản lý hội"),
    ("Luật", "Luật", 90, "Luật"),  # nothing after the type: kept
    ("Quyết định về việc phê duyệt đề án phát triển giao thông nông thôn", "Quyết định", 30,
     "Về việc phê duyệt đề án phát …"),
    (None, "Luật", 90, ""),
])
def test_short_name(name, kind, limit, expected):
    assert short_name(node(1, name=name, type=kind), limit) == expected


def test_a_row_shows_title_name_issuer_date_status_escaped():
    n = node(7, name="Kế hoạch <b>thử</b> & kiểm tra",
             validity={"state": "repealed", "since": "2025-12-01", "by": []})
    row = doc_row(n, meta=["nhắc 3 lần"])
    assert '<a class="lg-link lg-title" href="van-ban?id=vn%2Fx%2F7" target="_self">' \
           "Kế hoạch 7/KH-UBND</a>" in row
    assert ">Hết hiệu lực (bị bãi bỏ)</span>" in row
    # the name without its type word (the title says it), escaped
    assert '">&lt;b&gt;thử&lt;/b&gt; &amp; kiểm tra</div>' in row and "<b>" not in row
    assert '<div class="lg-meta">UBND TỈNH LÂM ĐỒNG · 05/03/2025 · nhắc 3 lần</div>' in row


def test_a_row_for_an_undated_reference_and_an_unresolved_one():
    n = node(9, date=None, scope="2020-2025", resolved=False,
             reason="year/term ambiguous: 2 candidates")
    row = doc_row(n)
    assert "nhiệm kỳ 2020–2025" in row
    assert "⚠ Chưa xác định đầy đủ: Không rõ năm/nhiệm kỳ: 2 văn bản cùng số ký hiệu" in row
    headless = doc_row(node(10, key=None, resolved=False,
                            reason="no number/symbol in the header"))
    assert "(không số)" in headless and "⚠" not in headless  # the title says it


def group(direction: str, relation: str, total: int, items: list) -> dict:
    return {"direction": direction, "relation": relation, "total": total,
            "items": [{"node": n, "count": 1, "cited_by": 0, "stated_in": []} for n in items]}


def diagram(**totals: int) -> dict:
    from graph.diagram import GROUP_RELATIONS

    groups = []
    for direction in ("out", "in"):
        for rel in GROUP_RELATIONS:
            total = totals.get(f"{direction}_{rel}", 0)
            groups.append(group(direction, rel, total, [node(100 + i) for i in range(min(total,
                                                                                         3))]))
    return {"node": node(1), "files": [], "cited_by_count": 40, "cites_count": 2,
            "groups": groups}


def test_diagram_html_has_both_sides_counts_and_more_links():
    page = diagram_html(diagram(out_based_on=2, in_based_on=40))  # type: ignore[arg-type]
    left, right = page.split('class="lg-centre"')
    assert "<span>Căn cứ</span><span class=\"lg-count\">2</span>" in left
    assert "<span>Được căn cứ bởi</span><span class=\"lg-count\">40</span>" in right
    more = re.findall(r'href="([^"]*)">Xem thêm \((\d+)\)', page)
    assert more == [("van-ban?id=vn%2Fx%2F1&nhom=in.based_on", "37")]
    assert "<span>Thay thế (0)</span>" in left and "<span>Bị bãi bỏ bởi (0)</span>" in right
    assert "Văn bản đang xem" in page and "Kế hoạch 1/KH-UBND" in page


def test_an_expanded_group_shows_its_page_and_pager():
    d = diagram(in_cites=120)
    page_items = [{"node": node(500 + i), "count": 1, "cited_by": 0, "stated_in": []}
                  for i in range(50)]
    page = diagram_html(d, order="cited", expanded=("in", "cites", 2, page_items, 3))  # type: ignore[arg-type]
    assert page.count('class="lg-row"') == 50 + 0  # the page replaces the first items
    assert "Trang 2/3" in page
    assert 'href="van-ban?id=vn%2Fx%2F1&xep=cited&nhom=in.cites&trang=1">‹ Trang trước' in page
    assert 'href="van-ban?id=vn%2Fx%2F1&xep=cited&nhom=in.cites&trang=3">Trang sau ›' in page
    assert 'href="van-ban?id=vn%2Fx%2F1&xep=cited">Thu gọn' in page
    assert "Xem thêm" not in page


def test_group_param():
    assert parse_group_param("in.based_on") == ("in", "based_on")
    assert parse_group_param("in.quotes") is None and parse_group_param("x") is None
    assert parse_group_param(None) is None


def tree(n: dict, relation: str | None = None, children: list | None = None, **flags) -> dict:
    return {"node": n, "relation": relation, "children": children or [],
            "cycle": flags.get("cycle", False), "seen": flags.get("seen", False),
            "hidden": flags.get("hidden", 0), "at_limit": flags.get("at_limit", False)}


def small_lineage() -> tuple[dict, dict]:
    law = node("law", key="72/2025/QH15", type="Luật", name="Luật Tổ chức chính quyền địa phương",
               date="2025-06-16", validity={"state": "in_force"})
    up = tree(node(1), None, [tree(law, "based_on", [tree(node(1), "implements", cycle=True)]),
                              tree(node(2), "implements", at_limit=True, hidden=4)])
    down = tree(node(1), None, [tree(node(3), "guides", [tree(node(2), "implements",
                                                              seen=True)]),
                                tree(node(4), "implements")], hidden=12)
    return up, down


def test_lineage_outline_text():
    up, down = small_lineage()
    assert lineage_outline(up, down).splitlines() == [
        "Kế hoạch 1/KH-UBND — Triển khai việc 1 (05/03/2025) [Chưa rõ hiệu lực]",
        "▲ Văn bản được dựa vào (phía trên)",
        "├── căn cứ: Luật 72/2025/QH15 — Tổ chức chính quyền địa phương (16/06/2025) "
        "[Còn hiệu lực]",
        "│   └── thực hiện: Kế hoạch 1/KH-UBND — Triển khai việc 1 (05/03/2025) [Chưa rõ hiệu "
        "lực] (↺ vòng lặp: đã có ở nhánh này)",
        "└── thực hiện: Kế hoạch 2/KH-UBND — Triển khai việc 2 (05/03/2025) [Chưa rõ hiệu lực] "
        "(còn 4 văn bản ở tầng sau)",
        "▼ Văn bản dựa vào văn bản này (phía dưới)",
        "├── hướng dẫn: Kế hoạch 3/KH-UBND — Triển khai việc 3 (05/03/2025) [Chưa rõ hiệu lực]",
        "│   └── thực hiện: Kế hoạch 2/KH-UBND — Triển khai việc 2 (05/03/2025) [Chưa rõ hiệu "
        "lực] (↑ đã nêu ở chỗ khác trong cây)",
        "├── thực hiện: Kế hoạch 4/KH-UBND — Triển khai việc 4 (05/03/2025) [Chưa rõ hiệu lực]",
        "└── … và 12 văn bản khác",
    ]


def test_lineage_tree_html_boxes_marks_and_folds():
    up, down = small_lineage()
    page = lineage_tree_html(up, down)
    above, below = page.split('class="lg-tree lg-down"')
    assert "Luật 72/2025/QH15</a> · 2025" in above and "Tổ chức chính quyền địa phương" in above
    assert 'class="lg-node lg-cycle"' in above and "↺ vòng lặp" in above
    assert ">còn 4 văn bản ở tầng sau ›</a>" in above and "pha-he?id=vn%2Fx%2F2" in above
    assert 'class="lg-node lg-root"' in below and 'class="lg-node lg-seen"' in below
    assert "… và 12 văn bản khác" in below
    # every box with children has its fold toggle, each with its own id
    ids = re.findall(r'<input type="checkbox" class="lg-tg" id="(lg-f\d+)"', page)
    labels = re.findall(r'<label class="lg-fold" for="(lg-f\d+)"', page)
    assert ids == labels and len(set(ids)) == len(ids) == 2
    assert " checked" not in page  # small trees start open


def test_big_lineage_starts_folded_below_the_first_level():
    kids = [tree(node(10 + i), "implements", [tree(node(100 + i), "guides")]) for i in range(40)]
    page = lineage_tree_html(tree(node(1)), tree(node(1), None, kids))
    assert page.count(" checked") == 0  # level 1 boxes open: their children show
    deep = [tree(node(10 + i), "implements", [tree(node(100 + i), "guides", [
        tree(node(1000 + i), "guides")])]) for i in range(25)]
    page = lineage_tree_html(tree(node(1)), tree(node(1), None, deep))
    assert page.count(" checked") == 25  # the second level starts folded


# --- messages --------------------------------------------------------------------------


@pytest.mark.parametrize(("problem", "expected"), [
    ("empty file (0 bytes)", "tệp rỗng (0 byte)"),
    ("truncated PDF (no %%EOF end marker); refused rather than storing a partial document",
     "tệp PDF bị cắt dở (thiếu phần kết thúc); chưa lưu để tránh lưu văn bản không đầy đủ"),
    ("this is an old binary Word .doc file, which is not supported; save it as .docx",
     "đây là tệp Word cũ (.doc), chưa đọc được; hãy mở bằng Word và lưu lại thành .docx"),
    ("this is a RAR archive, not a document; unpack it first",
     "đây là tệp nén RAR, không phải văn bản; hãy giải nén trước"),
    ("unsupported file type '.xls'; readable: .docx, .pdf, .txt",
     "không đọc được loại tệp .xls; chỉ nhận .txt, .docx, .pdf"),
    ("not a valid .docx (damaged or truncated zip: File is not a zip file)",
     "tệp .docx bị hỏng hoặc tải lên không trọn vẹn (damaged or truncated zip: File is not a "
     "zip file)"),
    ("text file is 40.0 MiB, above the 32 MiB limit; refused (not read) to keep memory bounded",
     "tệp quá lớn (40.0 MiB, giới hạn 32 MiB); hãy tách thành tệp nhỏ hơn"),
    ("binary data, not text (12 control bytes in the first 1024)",
     "tệp không phải văn bản chữ (có dữ liệu nhị phân); có thể đặt sai đuôi tệp"),
    ("scanned PDF without text layer; OCR needs tesseract with the Vietnamese model (Debian: …)",
     "tệp PDF là bản quét, không có lớp chữ, và máy chủ chưa cài phần mềm nhận dạng chữ "
     "(Tesseract tiếng Việt)"),
    ("something new the readers learnt", "không đọc được tệp (chi tiết kỹ thuật: something new "
                                         "the readers learnt)"),
])
def test_read_problems_in_vietnamese(problem, expected):
    assert read_problem(problem) == expected


def test_every_problem_the_readers_raise_is_translated():
    """Each literal problem in the readers' source gets a Vietnamese text of
    its own, not the fallback that carries the English."""
    root = Path(__file__).resolve().parents[1] / "parsers" / "readers"
    literals = set()
    for path in root.glob("*.py"):
        literals |= set(re.findall(r'ReadError\((?:p|path|folder), "([^"{]+)"\)',
                                   path.read_text()))
    assert len(literals) >= 12, literals
    untranslated = sorted(p for p in literals if read_problem(p).startswith("không đọc được tệp ("))
    assert untranslated == []


def test_a_real_broken_file_is_reported_in_vietnamese(tmp_path):
    from legalgraph.ui.upload import Saved, check

    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = check(Saved("hong.docx", bad, tmp_path / "final.docx"))
    assert not result.ok and result.status == "failed"
    assert result.message.startswith("Lỗi đọc tệp: tệp .docx bị hỏng hoặc tải lên không trọn vẹn")


def test_parse_failure_names_the_cause():
    text = parse_failure(IndexError("list index out of range"))
    assert text.startswith("bộ phân tích gặp lỗi khi tìm số ký hiệu và dẫn chiếu")
    assert text.endswith("(lỗi kỹ thuật: IndexError: list index out of range)")


@pytest.mark.parametrize(("message", "expected"), [
    ("'abc': give a year (2025), a term (2020-2025) or a date",
     "“abc” không phải năm (2025), nhiệm kỳ (2020-2025) hay ngày (20/11/2025)"),
    ("58-QĐ/TU is numbered per Party term: give the term (2020-2025) or the date, not only a "
     "year", "58-QĐ/TU đánh số theo nhiệm kỳ của Đảng: hãy nhập nhiệm kỳ (2020-2025) hoặc ngày, "
             "không chỉ năm"),
    ("3/QĐ-UBND: name the issuing body with its province (\"UBND tỉnh Lâm Đồng\")",
     "3/QĐ-UBND: hãy ghi cơ quan ban hành kèm tỉnh (“UBND tỉnh Lâm Đồng”, “UBND thành phố Đà "
     "Lạt”)"),
])
def test_confirmation_errors_in_vietnamese(message, expected):
    assert confirm_error(message) == expected


def test_confirmation_errors_match_what_target_for_raises():
    from graph.confirmations import target_for

    for args in (("05/CT-UBND", "năm ngoái"), ("58-QĐ/TU", "2025"), ("3/QĐ-UBND", "2025")):
        with pytest.raises(ValueError) as err:
            target_for(*args)
        assert not confirm_error(str(err.value)).startswith("thông tin chưa đủ"), err.value


def test_reason_labels_keep_an_undated_reference_apart():
    """Two reasons that differ by "; undated" are two rows of the audit and
    the unresolved page: their Vietnamese labels must differ too."""
    from legalgraph.ui.labels import reason_label

    dated = reason_label("local body named in a national document")
    undated = reason_label("local body named in a national document; undated")
    assert dated == "Cơ quan địa phương được nêu trong văn bản trung ương, không rõ tỉnh"
    assert undated == dated + "; không ghi ngày"
    assert reason_label("year/term ambiguous: 2 candidates") == (
        "Không rõ năm/nhiệm kỳ: 2 văn bản cùng số ký hiệu")
