"""Page-noise removal (gazette running headers, page numbers, repeated page
edges) and the offset map back to the source text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.readers.gazette import strip_page_noise
from parsers.readers.offsets import OffsetMap, delete_spans


@pytest.mark.parametrize(
    "line",
    [
        "CÔNG BÁO/Số 51/Ngày 23-01-2026",
        "CÔNG BÁO/Số 51 + 52/Ngày 23-01-2026",  # double issue
        "12 CÔNG BÁO/Số 51/Ngày 23-01-2026",  # even page: number first
        "CÔNG BÁO/Số 51/Ngày 23-01-2026 13",  # odd page: number last
        "CONG BAO/So 51/Ngay 23-01-2026",  # OCR without diacritics
        "  CÔNG BÁO / Số 1 / Ngày 3/1/2026  ",
    ],
)
def test_gazette_header_lines_are_removed_anywhere(line: str) -> None:
    text = f"Điều 1. Phạm vi\n{line}\nĐiều 2. Đối tượng\n"
    cleaned = strip_page_noise(text)
    assert cleaned.text == "Điều 1. Phạm vi\nĐiều 2. Đối tượng\n"
    assert [r.reason for r in cleaned.removed] == ["gazette-header"]


@pytest.mark.parametrize(
    "line",
    [
        "Theo Công báo số 51 ngày 23-01-2026 đã đăng",  # a sentence about the gazette
        "CÔNG BÁO/Số 51/Ngày 23-01-2026 đăng Nghị định",  # header words inside a sentence
        "Số: 71/TB-VP",
        "2.1. Đội Thuế liên huyện",
        "2031.",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    text = f"Điều 1.\n{line}\nĐiều 2.\n"
    assert strip_page_noise(text).text == text


def test_page_numbers_only_at_page_edges_when_pages_are_known() -> None:
    body = [f"dòng {i} của trang" for i in range(8)]
    pages = ["- 1 -\n" + "\n".join(body[:4]) + "\n", "\n".join(body[4:]) + "\n3\nTrang 2\n"]
    table_cell = "\n".join(body[:3]) + "\n7\n" + "\n".join(body[3:]) + "\n"
    cleaned = strip_page_noise(pages)
    assert cleaned.text == "\n".join(body) + "\n"
    # A bare "7" in the middle of a page (a table cell) stays.
    assert strip_page_noise([table_cell, "x\n"]).text == table_cell + "x\n"


def test_lines_repeated_on_every_page_edge_are_running_headers() -> None:
    words = ["giao thông", "đất đai", "y tế", "giáo dục", "nông nghiệp"]
    pages = [f"Báo cáo tổng kết năm 2025 - trang {i}\nVề {w}: đạt kế hoạch\nKiến nghị về {w}\n"
             for i, w in enumerate(words, start=1)]
    cleaned = strip_page_noise(pages)
    assert "Báo cáo tổng kết" not in cleaned.text
    assert cleaned.text.count("đạt kế hoạch") == 5
    assert cleaned.text.count("Kiến nghị") == 5


def test_form_feeds_split_plain_text_into_pages() -> None:
    text = "CÔNG BÁO/Số 51/Ngày 23-01-2026\n5\nNghị định số 15/2020/NĐ-\n\f6\nCP ngày 3/2/2020\n"
    cleaned = strip_page_noise(text)
    assert cleaned.text == "Nghị định số 15/2020/NĐ-\nCP ngày 3/2/2020\n"
    assert cleaned.source == text


def test_offset_map_points_every_kept_character_at_its_source() -> None:
    source = "abcXXdefYYYghi"
    text, omap, removed = delete_spans(source, [(3, 5, "x"), (8, 11, "y")])
    assert text == "abcdefghi"
    assert all(source[omap.to_source(i)] == ch for i, ch in enumerate(text))
    assert omap.span_to_source(2, 4) == (2, 6)  # "cd" crosses the removed "XX"
    assert omap.span_to_source(0, 3) == (0, 3)  # ends before the noise, excludes it
    assert omap.to_source(len(text)) == len(source)
    assert [(r.start, r.end) for r in removed] == [(3, 5), (8, 11)]


def test_overlapping_spans_merge_and_touching_spans_keep_their_reasons() -> None:
    _, _, removed = delete_spans("0123456789", [(1, 4, "a"), (3, 6, "b"), (6, 8, "c")])
    assert [(r.start, r.end, r.reason) for r in removed] == [(1, 6, "a"), (6, 8, "c")]


def test_identity_map_and_bounds() -> None:
    omap = OffsetMap.identity(5)
    assert [omap.to_source(i) for i in range(6)] == [0, 1, 2, 3, 4, 5]
    with pytest.raises(IndexError):
        omap.to_source(6)


def test_short_pages_of_the_same_lines_are_not_emptied() -> None:
    """Found by fuzzing: on pages of a few lines every line is an edge line,
    and lines the pages share are their text, not a running header (the whole
    file used to be refused as "only page headers and page numbers")."""
    pages = [f"Điều {k}. Phạm vi áp dụng.\nCăn cứ Nghị định số 15/2020/NĐ-CP;\n"
             for k in range(1, 4)]
    assert strip_page_noise(pages).text == "".join(pages)


_PIECES = ["\n", " ", "\t", "\r", "-", "12", "3", "/", "+", "Trang ", "CÔNG BÁO", "Cong bao",
           "/Số 51", "/So 5", "/Ngày 23-01-2026", "/Ngay 2.1.2026", "x", "Điều 1. ", "\f"]


@pytest.mark.parametrize("name", ["gazette", "page"])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=400, deadline=None)
def test_line_start_matches_are_the_multiline_patterns(name: str, pieces: list[str]) -> None:
    """The line-break search finds exactly what ``^`` (multi-line) finds,
    matches running over a line break ("-\\n12") and a first line included."""
    from parsers.readers import gazette

    text = "".join(pieces)
    pattern, fast = {"gazette": (gazette.GAZETTE_HEADER, gazette._GAZETTE_HEADERS),
                     "page": (gazette.PAGE_NUMBER, gazette._PAGE_NUMBERS)}[name]
    assert fast.spans(text) == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(("text", "spans"), [
    ("12\nabc\n- 3 -\n", [(0, 2), (7, 12)]),
    ("-\n12\nx", [(0, 4)]),  # one match over a line break, not a second one inside it
    ("x\n-\n12\n12", [(2, 6), (7, 9)]),
    ("Trang 3/40", [(0, 10)]),
])
def test_page_number_lines(text: str, spans: list[tuple[int, int]]) -> None:
    from parsers.readers import gazette

    assert gazette._PAGE_NUMBERS.spans(text) == spans
    assert [m.span() for m in gazette.PAGE_NUMBER.finditer(text)] == spans


_PAGE = "Các sở, ngành tiếp tục thực hiện nhiệm vụ được giao. " * 25 + "\n"  # ~1,300 characters


@pytest.mark.parametrize(
    "text,removed",
    [
        # copied from a PDF: the page numbers run 2, 3, 4 through the text
        (f"{_PAGE}2\n{_PAGE}3\n{_PAGE}4\n{_PAGE}", ["2", "3", "4"]),
        (f"{_PAGE}- 2 -\n{_PAGE}- 3 -\n{_PAGE}", ["- 2 -", "- 3 -"]),
        (f"{_PAGE}Trang 2\n{_PAGE}", ["Trang 2"]),  # named a page: always one
        # list items numbered on their own line: "1", then "3" and "4"
        (f"1\n- {_PAGE}3\n- {_PAGE}4\n- {_PAGE}", []),
        # the cells of a flattened table
        ("Số liệu:\n82\n100\n45\n123\nTổng cộng.\n", []),
        # two lone numbers too close to be pages
        ("1\nMục một.\n2\nMục hai.\n3\nMục ba.\n", []),
        (f"{_PAGE}2\n{_PAGE}", []),  # a lone "2": no run, nothing counted
    ],
)
def test_lone_numbers_are_page_numbers_only_where_they_count_pages(text, removed):
    cleaned = strip_page_noise(text)
    assert [text[r.start:r.end].strip() for r in cleaned.removed] == removed
    assert all(r.reason == "page-number" for r in cleaned.removed)
