"""Each shortcut the parser takes for speed gives exactly what the form it
replaces gives: a table of the forms real documents show, and generated
strings built from the same pieces (type words, OCR spellings, glue)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import citations, clauses, engine, issuers
from parsers.normalize import fold
from parsers.patterns import (
    BODY_NAME,
    BODY_NAME_OPENINGS,
    LIST_GLUE,
    PLACE_NAME,
    PLACE_NAME_OPENINGS,
    TYPE_TAIL,
    TYPE_WORD,
    _opening_words,
    match_near,
    name_near,
)


def _type_word_by_finditer(folded: str, lo: int, anchor: int):
    """The form ``citations._type_word`` replaces."""
    for m in TYPE_WORD.finditer(folded, lo, anchor):
        if TYPE_TAIL.match(folded[m.end() : anchor]):
            return m.start(), citations._phrase_type(m.group("t"))
    return None


TYPE_WORD_FORMS = [
    "Căn cứ Quyết định số ", "Nghị quyết số: ", "Luật Tổ chức chính quyền địa phương số ",
    "Thông tư liên tịch số ", "thông tư ", "Bãi bỏ Luật số ", "bỏ luật số ", "Bộ luật số ",
    "Quyết đinh sô ", "Quyét pịnh số ", "Nghị quyết quyết định số ", "văn bản số ",
    "Công văn “V/v …” số ", "Kế hoạch\n\nsố ", "Chỉ thị¹ số ", "số ", "", "nghị quyếtquyết định ",
    "Hướng dẫn liên tịch số ", "Quyết định 12 và Quyết định số ",
    # OCR's digit for a vowel ends a type word right where the next opens: a
    # search ending there reads past it, finditer does not
    "Báo cá0Quyết định số ", "Báo cá0Quyết định, số ", "Chỉ th1Thông tư, số ",
]


@pytest.mark.parametrize("before", TYPE_WORD_FORMS)
def test_type_word_equals_the_finditer_form(before: str) -> None:
    folded = fold(before + "58-QĐ/TU")
    anchor = len(fold(before))
    for lo in range(anchor + 1):
        assert citations._type_word(folded, lo, anchor) == \
            _type_word_by_finditer(folded, lo, anchor)
        assert citations._type_word_searched_back(folded, lo, anchor) == \
            _type_word_by_finditer(folded, lo, anchor)


_PIECES = st.sampled_from([
    "quyet dinh", "nghi quyet", "luat", "bo luat", "bai ", "thong tu", "lien tich", "so", "s0",
    "cong van", "ke hoach", "chi thi", "van ban", "huong dan", "1", "0", " ", "\n", ",", "x",
    "q", "a", "“", "”", "*", "¹", ":", "bao ca0", "chi th1", "huy bo luat", "bai bo luat",
    "pieu le", "quyet pinh",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.integers(0, 200))
def test_type_word_equals_the_finditer_form_generated(before: str, cut: int) -> None:
    folded = before + "58-qd/tu"
    anchor = len(before)
    lo = min(cut, anchor)
    expected = _type_word_by_finditer(folded, lo, anchor)
    assert citations._type_word(folded, lo, anchor) == expected
    assert citations._type_word_searched_back(folded, lo, anchor) == expected


NAME_FORMS = [
    "của Bộ Giao thông vận tải và UBND tỉnh Lâm Đồng, Sở Tài chính",
    "của Ban Kinh tế - Ngân sách HĐND thành phố Hồ Chí Minh (cũ)",
    "của Bộ/Ngành, bộ,giao thông, Bo Tai chinh; tỉnh Đắk Lắk và tỉnh Đắk\nLắk",
    "Tòa án nhân dân tối cao; Viện kiểm sát nhân dân tối cao; Kiểm toán nhà nước",
]


@pytest.mark.parametrize("text", NAME_FORMS)
def test_name_near_equals_match_near(text: str) -> None:
    folded = fold(text)
    for pattern, openings in ((BODY_NAME, BODY_NAME_OPENINGS), (PLACE_NAME, PLACE_NAME_OPENINGS)):
        spans = [(pos, m and m.span()) for pos in range(len(folded))
                 for m in [match_near(pattern, folded, pos)]]
        assert [(pos, m and m.span()) for pos in range(len(folded))
                for m in [name_near(pattern, openings, folded, pos)]] == spans
        assert any(span for _, span in spans) or pattern is PLACE_NAME


def test_name_openings_must_be_words_of_letters() -> None:
    with pytest.raises(ValueError, match="a-z"):
        _opening_words(["ban chi dao", "5 ban"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/-QĐUBNDqđa ", max_size=20).filter(lambda s: "-" in s))
def test_dash_excludes_the_one_part_and_type_only_forms(raw: str) -> None:
    # _anchors tests ``"-" not in raw`` before these patterns
    assert citations._TYPE_ONLY.fullmatch(raw) is None
    assert citations._ONE_PART.fullmatch(raw) is None


DATE_FORMS = [
    " ngày 20/11/2025 của", ", ngày 20 tháng 11 năm 2025", " ban hành ngày 5/3/2024",
    " [1] ngày 1.2.2020", "[12], ngay 3-4-2021", " (ngày 20/11/2025)", "¹ ngày: 02/01/2025",
    "\x1c ngày 20/11/2025", "\u3000ngày 1/1/2025", " của UBND tỉnh", " và 13/QĐ", "", " " * 130,
    " " * 118 + "ngày 1/1/2020", " nagy 1/1/2020", " Ngày 20 tháng 11, năm 2025",
]


@pytest.mark.parametrize("after", DATE_FORMS)
def test_date_equals_the_pattern_form(after: str) -> None:
    folded = fold("Quyết định số 58-QĐ/TU" + after)
    for pos in range(len(folded) + 1):
        assert citations._date(folded, pos) == citations._date_at(folded, pos)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", ",", "(", ")", "[1]", "[", "¹", "\n", "\x1c", "ngay",
                                 "ban hanh", "ngay 1/2/2020", "b", "n", "x",
                                 "20 thang 1 nam 2024"]), max_size=10).map("".join))
def test_date_equals_the_pattern_form_generated(after: str) -> None:
    assert citations._date(after, 0) == citations._date_at(after, 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", ",", "het", "hieu", "luc", "bi", "bai", "bo", "\n", "x"]),
                max_size=10).map(" ".join))
def test_ends_force_needs_the_words_searched_first(text: str) -> None:
    # relations._repealed_after searches _ENDS_FORCE only where "hieu" or "bai" is
    if clauses._ENDS_FORCE.search(text):
        assert "hieu" in text or "bai" in text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZđĐếỹ9/&.,;:)”“-") + ["\u0301", "²", "𝐀", "٣"]),
               min_size=2, max_size=6))
def test_word_end_kept_needs_no_strip(raw: str) -> None:
    # _issuer strips a word's trailing punctuation only when its last
    # character is not one the pattern keeps
    if raw[-1] in issuers._WORD_END_KEPT:
        assert issuers._TRAILING_PUNCT.sub("", raw) == raw
    assert {"a", "Z", "đ", "Đ", "ế", "ỹ", "9", "/", "&"} <= issuers._WORD_END_KEPT
    assert not {".", ",", ")", "”"} & issuers._WORD_END_KEPT


def _source(pattern) -> str:
    return next(source for source, compiled in engine.REWRITTEN if compiled is pattern)


def _glued_by_slice(folded: str, a: int, b: int) -> bool:
    """The form find_mentions replaces: the stretch sliced out, its leading
    title removed by ``sub``, the glue pattern anchored on the slice."""
    description = regex.compile("^" + _source(citations._DESCRIPTION))
    glue = regex.compile("^" + _source(LIST_GLUE))
    return bool(glue.match(description.sub("", folded[a:b], 1)))


def _glued_in_place(folded: str, a: int, b: int) -> bool:
    title = citations._DESCRIPTION.match(folded, a, b)
    return bool(LIST_GLUE.match(folded, title.end() if title else a, b))


GLUE_FORMS = [", ", " và ", ", các ", " và số ", "; ", " “V/v báo cáo” và ", " (sửa đổi) , ",
              "\n\n", "", " hoặc số: ", ", cùng ", " của UBND tỉnh và ", "“không đóng", "(x)\n",
              " và\n", " , , ** ", "¹ và ", " “" + "x" * 301 + "” và "]


@pytest.mark.parametrize("gap", GLUE_FORMS)
def test_list_glue_in_place_equals_the_slice_form(gap: str) -> None:
    folded = fold("Quyết định số 1/QĐ-UB" + gap + "2/QĐ-UB ngày 1/1/2020")
    a = len(fold("Quyết định số 1/QĐ-UB"))
    b = a + len(gap)
    for lo in range(a, b + 1):
        assert _glued_in_place(folded, lo, b) == _glued_by_slice(folded, lo, b), (gap, lo)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", ",", "\n", "va", "hoac", "cac", "so", ":", "“", "”",
                                 "(", ")", "x", "*", "¹", "cung", "ve"]), max_size=10).map("".join))
def test_list_glue_in_place_equals_the_slice_form_generated(gap: str) -> None:
    folded = "12/qd" + gap + "13/qd"
    assert _glued_in_place(folded, 5, 5 + len(gap)) == _glued_by_slice(folded, 5, 5 + len(gap))


@pytest.mark.parametrize("text", [
    "Quyết định này có hiệu lực kể từ ngày ký.", "này có hiệu lực từ ngày 01/7/2025",
    "Điều 9. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\nLuật số 1/2024/QH15 "
    "hết hiệu lực kể từ ngày 01/01/2026.", "hiệu lực", "nay co hieu luc nay co hieu luc",
    "Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành. Thông tư này có "
    "hiệu lực đến hết ngày 31/12/2030.", "1. Nghị quyết này  có hiệu lực từ ngày 1/1/2025",
    "co hieu luc ... nay co", "",
])
def test_effective_dates_find_each_clause_once(text: str) -> None:
    # the words "hieu luc" found once for both clauses: the same dates as
    # searching each clause's words on its own
    import parsers.effect as effect
    folded = fold(text)

    def by_literal(literal: str) -> list[int]:
        return [i for i in range(len(folded)) if folded.startswith(literal, i)]

    hits = effect._occurrences(folded, "hieu luc")
    assert hits == by_literal("hieu luc")
    assert effect._preceded(folded, hits, "nay co ") == by_literal("nay co hieu luc")


#: The column-break pattern as it was written: one alternative per kind of break.
_COLUMN_BREAK_AS_WRITTEN = regex.compile(
    r"\||[ \u00a0]{3,}|\t+|[-–—_=~]{3,}|\*{2,}|(?P<star>(?<=\s)\*(?=\s|$))")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list(" \u00a0\t|-–—_=~*\nA") + ["  ", "---", "**", "Số:"]),
                max_size=20).map("".join))
def test_column_breaks_equal_the_pattern_as_written(line: str) -> None:
    from parsers.layout import _COLUMN_BREAK, _lone_star
    assert [(m.span(), _lone_star(m)) for m in _COLUMN_BREAK.finditer(line)] == \
        [(m.span(), m.lastgroup == "star") for m in _COLUMN_BREAK_AS_WRITTEN.finditer(line)]


#: The list glue as it was written, its runs of white space given back one by one.
_LIST_GLUE_AS_WRITTEN = regex.compile(
    r"^[\s,*_¹²³⁴-⁹]*(?:va|hoac|cung|,)?[\s,]*(?:cac\s+)?(?:so\s*:?)?\s*$")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", ",", "\n", "\t", "va", "hoac", "cung", "cac", "so",
                                 ":", "*", "_", "¹", "x", "c", "s", "v"]),
                max_size=14).map("".join))
def test_list_glue_takes_white_space_whole(gap: str) -> None:
    assert bool(LIST_GLUE.match(gap, 0, len(gap))) == bool(_LIST_GLUE_AS_WRITTEN.match(gap))


def test_list_glue_is_linear_on_long_white_space() -> None:
    import time
    gap = " " * 4000 + "x"
    started = time.perf_counter()
    assert LIST_GLUE.match(gap, 0, len(gap)) is None
    assert time.perf_counter() - started < 0.5  # backtracking took seconds here


@pytest.mark.parametrize("text", [
    "bien ban mau so 04/", "theo mau so 01, 02, ", "phu luc so 2/", "to khai mau so 01/",
    "bieu mau so 3/", "quyet dinh so 12/", "van ban so ", "mau ",
])
def test_form_words_are_found_wherever_the_form_pattern_matches(text):
    """The form words gate FORM_BEFORE: they are there wherever the pattern finds a form."""
    if citations.FORM_BEFORE.search(text, max(0, len(text) - 30), len(text)):
        assert citations._form_words_in(text[-30:])


@given(st.lists(st.sampled_from(["mau", "bieu", "phu luc", "to khai", "so", "01", ",", "va",
                                 "quyet dinh", " "]), max_size=8))
@settings(max_examples=300, deadline=None)
def test_form_words_gate_generated(words):
    text = " ".join(words) + " "
    if citations.FORM_BEFORE.search(text, max(0, len(text) - 30), len(text)):
        assert citations._form_words_in(text[-30:])
