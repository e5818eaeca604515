"""The compiled passes (the extension parsers._scan, sources in parsers/csrc,
used through parsers/scan.py) give exactly
what their pure-Python forms give: the same number/symbol tokens as
``NUMBER_SYMBOL.finditer``, the same fold and control flag."""

from __future__ import annotations

import shutil
import sysconfig

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import scan
from parsers.normalize import fold_checked, fold_checked_python
from parsers.patterns import NUMBER_SYMBOL, SPACED_HINT, SPACED_PARTY

compiled = pytest.mark.skipif(not scan.COMPILED, reason="parsers._scan not built")

# Forms of the number/symbol token found in real documents, and near misses.
TOKENS = [
    "Quyết định số 58-QĐ/TU, ngày 20/11/2025",
    "Chỉ thị số 09/CT-UBND và Nghị định 130/2005/NĐ-CP",
    "Công văn số 2181/STC-QLG&CS",
    "Nghị quyết 66.7/2025/NQ-CP; Quyết định 12a/QĐ-UBND; Phiếu trình 136-12/PT-NC",
    "136-34/PT-NC",  # a sub-number whose digits open with neither 1 nor 2
    "12a5/QĐ-UBND",  # a token starting inside a longer run of digits and letters
    "Kết luận số 103-\n\nKL/TW",
    "Luật số 75/2006/QH 11",
    "126/2004 / / NĐ-CP",
    "56/2023/NĐ -CP và 118/2025/NĐCP",
    "511/TTr-CAT(PC04), 12/CTrLT-UBND, 7/QyĐ-UBND",
    "13⁄2012/QH13 and 5∕2020/TT-BTC",
    "số 58 – QĐ/TU",
    "1/HO SO, 2/ Số lượng, A3/A0, s6 12/QĐ-UBND, QCVN 32:2018/BTNMT",
    "ngày 20/11/2025, 123456/QĐ-UBND, 1.2.3/QĐ, 12.3456/QĐ-X",
    "10/2025/NQ-HĐND 1999/2000/QĐ 2025/QĐ",
    "số 12\u00ad/\u200bQĐ-UBND, số 12 *\n_ /QĐ",
    "𝐀12/QĐ-UBND 𝟏2/QĐ 12/𝐀B 12/QĐ-𝐀",  # code points above the BMP
    "١٢/QĐ-UBND ٣12/QĐ",  # other digits: \p{N}, not [0-9]
    "",
    "12",
    "12/",
    "12/Q",
    # the plain form read by hand, and where it must leave the token to the pattern
    "58/QĐ-UBND. Tiếp, 58/QĐ-UBND.2 và 58/QĐ-UBND(PC04) 58/QĐ-UBNDx 58/QĐ-UBNDđ",
    "12/A-B-C-D-E-F-G-H, 12/A-B-C-D-E-F", "12/QĐ- UBND, 12/QĐ -UBND, 12/QĐ-\nUBND",
    "12/QĐ-UBND -QĐ 12/QĐ-UBND  \t/X 12/QĐ-UBND 5 12/QĐ-UBND”, 12/QĐ-UBND-",
    "5-2020/QĐ 5-2020/2021/QĐ 1/2025/QĐ 1/2025-QĐ 1/1999/QĐ 1/2100/QĐ 1/20255/QĐ",
    "75/2006/QH11 75/2006/QH 11 75/2006/QH\t1 12/QĐ-UBND;12/QĐ-UBND:12/QĐ|12/QĐ]",
    "12/QĐ-ubnd 12/QĐ-1 12/Đ-Ð 12/&-X 12/QĐ&CS-X",
    # separators spaced on both sides (a whole collection's typing)
    "số 39 / 2008/TT-BTC, 1959 / TTr-LT, 114/2004 / QĐ-UB, 49 - LTC / HĐNN, 20 / 30 người",
]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@compiled
@pytest.mark.parametrize("text", TOKENS)
def test_number_tokens_compiled_equal_finditer(text: str) -> None:
    assert scan.number_tokens(text) == (_spans(NUMBER_SYMBOL.finditer(text)),
                                        bool(SPACED_HINT.search(text)))


def test_number_tokens_find_the_tokens() -> None:
    # the pass in use (compiled or not) finds what a reader sees
    text = "Căn cứ Nghị định 130/2005/NĐ-CP; Quyết định số 58-QĐ/TU; ngày 20/11/2025"
    spans, spaced = scan.number_tokens(text)
    assert [text[a:b] for a, b in spans] == ["130/2005/NĐ-CP", "58-QĐ/TU"] and not spaced


_ALPHABET = st.sampled_from(list("0123456789/-–. \t\n*_\u00adQĐÐHNDCPTUqhđa𝐀١(),:sS&”;|")
                            + ["QH", "2025", "19", "TTg", "CTrLT", "QyĐ", "/QĐ", "-UBND", "/20"])


@compiled
@pytest.mark.parametrize("text", TOKENS)
def test_spaced_numbers_compiled_equal_pattern(text: str) -> None:
    # the numbers with a spaced separator after them that no token covers, as
    # the pure-Python form finds them with SPACED_NUMBER
    assert scan.tokens_and_spaced_numbers(text) == scan.tokens_and_spaced_numbers_python(text)


@compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_spaced_numbers_compiled_equal_pattern_generated(text: str) -> None:
    assert scan.tokens_and_spaced_numbers(text) == scan.tokens_and_spaced_numbers_python(text)


@compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_number_tokens_compiled_equal_finditer_generated(text: str) -> None:
    assert scan.number_tokens(text) == (_spans(NUMBER_SYMBOL.finditer(text)),
                                        bool(SPACED_HINT.search(text)))
    assert _spans(scan.spaced_party(text)) == _spans(SPACED_PARTY.finditer(text))


@compiled
@pytest.mark.parametrize("text", [
    "số 58 - QĐ/TU", "58 – QĐ/TU-X và 12  -  CT/TU", "Quốc lộ 1 - BOT",
    "12a - QĐ/TU", "1.5 - QĐ/TU", "123456 - QĐ/TU", "s12 - QĐ/TU"])
def test_spaced_party_compiled_equal_finditer(text: str) -> None:
    assert _spans(scan.spaced_party(text)) == _spans(SPACED_PARTY.finditer(text))


@compiled
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_fold_compiled_equals_python(text: str) -> None:
    assert fold_checked(text) == fold_checked_python(text)


@pytest.mark.parametrize("text, folded, controls", [
    ("Quyết định số 58-QĐ/TU", "quyet dinh so 58-qd/tu", False),
    ("ĐẢNG CỘNG SẢN\x00VIỆT NAM", "dang cong san viet nam", True),
    ("a\x85b\tc\n", "a b\tc\n", True),
    ("Ðiều 1 – 𝐀", "dieu 1 - 𝐀", False),  # Ð for Đ, a dash variant, a non-BMP letter kept
    ("", "", False),
])
def test_fold(text: str, folded: str, controls: bool) -> None:
    assert fold_checked(text) == (folded, controls)
    assert fold_checked_python(text) == (folded, controls)


def test_extension_built_where_a_compiler_is() -> None:
    # setup.py builds parsers._scan optionally: a compiler on this machine
    # means a broken build, not a missing compiler, if it is absent
    import os
    if os.environ.get("LEGALGRAPH_PURE_PYTHON"):
        pytest.skip("LEGALGRAPH_PURE_PYTHON is set")
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        pytest.skip(f"no C compiler ({cc})")
    assert scan.COMPILED


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("09 \t-–/*_\nQĐa.𝐀⁄") + ["\u2212"]), max_size=30).map("".join))
def test_cut_after_number_is_the_dangling_hint(text: str) -> None:
    from parsers.patterns import DANGLING_HINT
    assert scan.cut_after_number(text) == bool(DANGLING_HINT.search(text))
    assert scan.cut_after_number_python(text) == bool(DANGLING_HINT.search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("09 \t-–—/QĐÐa\n𝐀") + ["  ", "   ", "\u2212"]),
                max_size=30).map("".join))
def test_spaced_dash_after_number_is_the_spaced_hint(text: str) -> None:
    assert scan.number_tokens(text)[1] == bool(SPACED_HINT.search(text))
    assert scan.number_tokens_python(text)[1] == bool(SPACED_HINT.search(text))


@pytest.mark.parametrize(("text", "found"), [
    ("Quyết định số 58 - QĐ/TU", True), ("58\t–\tQĐ", True), ("58   -   Đ", True),
    ("58    - QĐ", False), ("58 -    QĐ", False), ("58 - qđ", False), ("58- QĐ", False),
    ("58 -QĐ", False), ("Quốc lộ 1 — BOT", False), ("1 - ", False), ("1 -", False), ("", False),
])
def test_spaced_dash_after_number_forms(text: str, found: bool) -> None:
    assert scan.number_tokens(text)[1] is found
    assert scan.number_tokens_python(text)[1] is found


# Clause boundaries: every alternative of BOUNDARY and its near misses.
BOUNDARY_FORMS = [
    "Căn cứ Luật A; Luật B. Theo đó 5 điều. x.  y",
    "Như sau:\n1. Một\n2) Hai\n1.2.3. Ba\n1.2 Bốn\nIV. Năm\nIIV Sáu\n",
    "Các văn bản:  \t\n- Một\n+ Hai\n• Ba\n* Bốn\n– Năm\na) Sáu\nđ) Bảy\nab) Tám\n-Chín\n",
    "Chú thích\n¹ Theo Luật\n12 Theo\n123 Theo\n! Theo\n[3] Theo\n[1234] Theo\n[12]Theo\n1 theo\n",
    "Trang\n          \nTiếp\n       \nx\n\t\t\t\t\t\t\t\t\n",
    "Điều 1.\u00a0Số ２ là chữ số.\u2003Ｂ\n１. Toàn\n٣) Khác\n",
    "kết thúc.", "kết thúc. ", ":", ":\n", "\n", "\n1.", "\n1. ", "\n[1] ", "\n¹ A",
    "Chữ 𝐀; và. 𝐁\n1. 𝐂",  # beyond the BMP: the pattern runs
]


@pytest.mark.parametrize("text", BOUNDARY_FORMS)
def test_boundaries_equal_finditer(text: str) -> None:
    for lo, hi in ((0, len(text)), (1, len(text) - 1), (2, len(text) // 2), (0, 10**6)):
        assert scan.boundaries(text, lo, hi) == scan.boundaries_python(text, lo, hi), (lo, hi)


# (within the BMP: a text beyond it runs the pattern itself)
_BOUNDARY_ALPHABET = st.sampled_from(list(";.:\n \t\u00a0\u2003-+•*–)([]!¹²⁴aIVXđĐBbz0129٣１Ａ")
                                     + ["\n1. ", "\n- ", "\n[2] ", "        "])


@compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(_BOUNDARY_ALPHABET, max_size=40).map("".join),
       st.integers(0, 45), st.integers(0, 45))
def test_boundaries_equal_finditer_generated(text: str, lo: int, hi: int) -> None:
    assert scan.boundaries(text, lo, hi) == scan.boundaries_python(text, lo, hi)


_NOTE_ALPHABET = st.sampled_from(["[", "]", "[1]", " boi ", "boi", " ", "\n", "x", "id: ",
                                  "hieu luc tu", "het hieu luc", "javascript:",
                                  "noi dung huong dan"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_NOTE_ALPHABET, max_size=30).map("".join))
def test_editorial_notes_equal_finditer(text: str) -> None:
    from parsers.clean import EDITORIAL_NOTE, editorial_notes
    assert list(editorial_notes(text)) == _spans(EDITORIAL_NOTE.finditer(text))


def test_editorial_note_longest() -> None:
    from parsers.clean import EDITORIAL_NOTE, editorial_notes
    for size in (19990, 19991, 20000, 20001):
        text = "a [" + "x" * (size - 4) + " boi " + "]" + " [1] b"
        assert list(editorial_notes(text)) == _spans(EDITORIAL_NOTE.finditer(text)), size


# Trigger phrases: their first words in OCR spellings, cut words, bounds.
TRIGGER_FORMS = [
    "can cu luat to chuc; thuc hien chi thi; thyc h1en ke hoach; huong dan thi hanh",
    "nay huong dan thuc hien. bai bo quyet dinh; ba1 b0 va sua doi, bo sung; thay the",
    "thuchien; athuc hien; thuc\n\thien; thuc  hien x; quy dinh chi tiet; cu the hoa",
    "dinh chinh; trien khai; huy bo; hwong dan; thi hanh; thi", "thuc ", "thuc",
]


@compiled
@pytest.mark.parametrize("text", TRIGGER_FORMS)
def test_triggers_equal_finditer(text: str) -> None:
    from parsers.patterns import TRIGGER_PATTERN
    for lo, hi in ((0, len(text)), (1, len(text)), (3, len(text) - 2), (0, 10**6)):
        assert [(m.span(), m.lastgroup) for m in scan.triggers(text, lo, hi)] == \
            [(m.span(), m.lastgroup) for m in TRIGGER_PATTERN.finditer(text, lo, hi)], (lo, hi)


_TRIGGER_ALPHABET = st.sampled_from(["thuc", "thyc", " ", "\n", "hien", "h1en", "can", "cu", "a",
                                     "bai", "bo", "sua", "doi", "huong", "dan", ",", "x", "thi",
                                     "hanh", "nay", "\u00a0"])


@compiled
@settings(max_examples=400, deadline=None)
@given(st.lists(_TRIGGER_ALPHABET, max_size=25).map("".join), st.integers(0, 60),
       st.integers(0, 60))
def test_triggers_equal_finditer_generated(text: str, lo: int, hi: int) -> None:
    from parsers.patterns import TRIGGER_PATTERN
    assert [(m.span(), m.lastgroup) for m in scan.triggers(text, lo, hi)] == \
        [(m.span(), m.lastgroup) for m in TRIGGER_PATTERN.finditer(text, lo, hi)]


def test_trigger_openings_are_what_the_pattern_reads() -> None:
    # every opening the prefilter knows is a phrase's first two words in some
    # spelling, and every phrase's first two words in each OCR spelling are known
    import regex

    from parsers.patterns import TRIGGER_OPENINGS, ocr_tolerant
    from parsers.vocabulary import TRIGGERS
    heads = {" ".join(t.phrase.split()[:2]) for t in TRIGGERS}
    assert all(len(t.phrase.split()) >= 2 for t in TRIGGERS)  # what word_starts assumes
    for w in TRIGGER_OPENINGS:
        assert any(regex.fullmatch(ocr_tolerant(h), w) for h in heads), w
    assert {"thuc hien", "thyc hien", "thwc hien", "can cu", "huong dan", "hu0ng dan",
            "ba1 bo", "thuc hlen"} <= set(TRIGGER_OPENINGS)


@compiled
@pytest.mark.parametrize(("folded", "starts"), [
    ("can cu quyet dinh", [0]), ("can  \n cu", [0]), ("can\tcu,", [0]), ("cancu", []),
    ("can cuc", []), ("xcan cu", []), ("can cu1", [0]), ("1can cu", [1]), ("can", []),
    ("quyet dinh so 5 quy dinh chi tiet", [16]), ("dinh chinh", [0]), ("dinh so", []),
    ("bo sung va bai bo", [0, 11]), ("nay huong dan", [0, 4]),
])
def test_word_starts_where_two_opening_words_stand(folded: str, starts: list[int]) -> None:
    from parsers.compiled import SCAN
    assert SCAN.word_starts(folded, 0, len(folded)) == starts


@compiled
def test_word_starts_reads_only_before_hi() -> None:
    from parsers.compiled import SCAN
    assert SCAN.word_starts("can cu", 0, 5) == []  # the second word cut at hi
    assert SCAN.word_starts("can cux", 0, 6) == [0]  # the letter after it is past hi
    with pytest.raises(ValueError, match="two words"):
        SCAN.configure_words(("can",))


def _cells_line_by_line(text: str, folded: str, end: int) -> list:
    """header_cells as it was written before its breaks were found in one
    pass over the region: each line's column breaks found in that line."""
    from parsers.layout import _COLUMN_BREAK, Cell, _cuts
    cells, pos = [], 0
    lines = zip(text[:end].split("\n"), folded[:end].split("\n"), strict=True)
    for index, (raw, low) in enumerate(lines):
        col, pieces, last = 0, [], 0
        for m in _COLUMN_BREAK.finditer(raw):
            pieces.append((last, m.start()))
            last = m.end()
        pieces.append((last, len(raw)))
        for a, b in pieces:
            bounds = [a, *(a + c for c in _cuts(raw[a:b], low[a:b])), b]
            for s, e in zip(bounds, bounds[1:], strict=False):
                piece = raw[s:e]
                stripped = piece.strip(" \t\u00a0*_#>|")
                if stripped:
                    start = pos + s + len(piece) - len(piece.lstrip(" \t\u00a0*_#>|"))
                    cells.append(Cell(start, start + len(stripped), stripped,
                                      folded[start:start + len(stripped)], index, col))
                    col += 1
        pos += len(raw) + 1
    return cells


_HEADER_ALPHABET = st.sampled_from(["*", " * ", "\n", "\n* ", "\n*  CỘNG HÒA XÃ HỘI", "   ", "\t",
                                    "|", "---", "**", " ",
                                    "UBND", "Số: 12/QĐ-UBND", "CỘNG HÒA", "a", "\u00a0\u00a0 "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_HEADER_ALPHABET, max_size=30).map("".join))
def test_header_cells_breaks_found_in_one_pass(text: str) -> None:
    from parsers.layout import header_cells
    from parsers.normalize import fold
    folded = fold(text)
    for end in (len(text), len(text) // 2):
        assert header_cells(text, folded, end) == _cells_line_by_line(text, folded, end)


def _cuts_by_lookbehind(line: str, folded: str) -> list[int]:
    """The run-together cuts as the layout first wrote them: one alternation
    of empty lookbehind/lookahead patterns, tried at every character."""
    from parsers.vocabulary import DOC_TYPES
    phrases = "|".join(sorted((p for t in DOC_TYPES for p in t.phrases), key=len, reverse=True))
    pattern = regex.compile(
        r"(?<=\S\s{0,3})(?=c[o0]ng\s+h[o0]a\s+x[a@]\s+h\w{1,2}i|d[a@]ng\s+c[o0]ng\s+s[a@]n"
        r"|t[uwy]\s+d[o0]\s*-\s*h[a@]nh)"
        r"|(?<=hanh phuc)(?=\s)"
        r"|(?<=\bn\w{1,2}m\s{1,3}\d{4})(?=\s+\S)"
        r"|(?P<title>(?<=[\d)]\s{1,3})(?=(?:" + phrases + r")\s))")
    return sorted({m.start() for m in pattern.finditer(folded)
                   if m.lastgroup is None or line[m.start():m.start() + 4].isupper()})


CUT_FORMS = [
    "BỘ TÀI CHÍNH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
    " ---------- Số: 31/2022/TT-BTC Hà Nội, ngày 08 tháng 6 năm 2022 THÔNG TƯ BAN HÀNH",
    "TỈNH ỦY HÀ TĨNH  ĐẢNG CỘNG SẢN VIỆT NAM",
    "Luật số: 16/2023/QH15 (ngày 24 tháng 6 năm 2023) LUẬT GIÁ",
    "năm  2006)  LUẬT HIẾN, LẤY Ý KIẾN",
    "ngày 1 tháng 2 năm 20221 Hà Nội",
    "Hạnh phúcX Hạnh phúc  Tự do -Hạnh",
    "12 quyết định 12  QUYẾT ĐỊNH 7)QUYẾT ĐỊNH 9)    QUYẾT ĐỊNH",
    "cộng hòa xã hội", "xcộng hòa xã hội", "  cộng hòa xã hội", "Độc lập -Tự do- Hạnh phúc",
]
_CUT_ALPHABET = st.sampled_from(["cộng hòa xã hội", "Đảng Cộng sản", "tự do - hạnh", "Hạnh phúc",
                                 "năm 2022", "nam  2019", "năm 20221", " ", "   ", "\t", "x", "7",
                                 ")", "QUYẾT ĐỊNH", "quyết định", "KẾ HOẠCH", "Số: 12/QĐ-UBND",
                                 "-", "\u00a0", "\x1c", "ső"])


@pytest.mark.parametrize("line", CUT_FORMS)
def test_run_together_cuts_equal_the_lookbehind_patterns(line: str) -> None:
    from parsers.layout import _run_together_cuts
    from parsers.normalize import fold
    folded = fold(line)
    assert sorted(_run_together_cuts(line, folded)) == _cuts_by_lookbehind(line, folded)


def test_run_together_cuts_find_the_forms() -> None:
    from parsers.layout import _run_together_cuts
    from parsers.normalize import fold
    line = CUT_FORMS[0]
    cuts = sorted(_run_together_cuts(line, fold(line)))
    # before the motto and its second line, after "Hạnh phúc", after the
    # year, before the title
    assert [line[c:c + 8] for c in cuts] == ["CỘNG HÒA", "Tự do - ", " -------", " THÔNG T",
                                             "THÔNG TƯ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(_CUT_ALPHABET, max_size=25).map("".join))
def test_run_together_cuts_equal_the_lookbehind_patterns_generated(line: str) -> None:
    from parsers.layout import _run_together_cuts
    from parsers.normalize import fold
    folded = fold(line)
    assert sorted(_run_together_cuts(line, folded)) == _cuts_by_lookbehind(line, folded)


_FIELD_ALPHABET = st.sampled_from(["Số", "số", "SỐ", "S6", "Sđ", "s", "o", "Số hiệu", "hiệu", ":",
                                   ".", "…", "_", "/", "-", "|", " ", "\t", "\u00a0", "\x1c",
                                   "\u2003", "\n", "12", "QĐ", "Luật số", "LUẬT SỐ", "Nghị quyết",
                                   "x", "ĐẢNG", "Cộng", "hòa", "tự", "do", "Hạnh phúc", ")"])


@pytest.mark.parametrize("line", [*CUT_FORMS, "Số: 72/TB-UBND", "Số:    /QĐ-UBND", "SỐ: …/KH",
                                  "Luật số:", "Số hiệu: _/", "S6:71", "về việc tổ chức hội nghị",
                                  "V/v thực hiện kế hoạch", "số .", "so -", "sô\u2003|\u00a0/"])
def test_cuts_passed_over_only_where_none_can_fall(line: str) -> None:
    """A line without what every cut needs (:data:`parsers.layout._MAY_CUT`)
    is not searched: the same cuts as searching it."""
    from parsers.layout import _all_cuts, _cuts
    from parsers.normalize import fold
    assert _cuts(line, fold(line)) == _all_cuts(line, fold(line))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(_CUT_ALPHABET, _FIELD_ALPHABET), max_size=20).map("".join))
def test_cuts_passed_over_only_where_none_can_fall_generated(line: str) -> None:
    from parsers.layout import _all_cuts, _cuts
    from parsers.normalize import fold
    assert _cuts(line, fold(line)) == _all_cuts(line, fold(line))


# Any code point, lone surrogates included, mixed with the characters the
# passes look at: the compiled passes still equal their patterns.
_ANY = st.one_of(st.characters(min_codepoint=0, max_codepoint=0x10FFFF),
                 st.sampled_from(list("0123456789/-;.:\n \tQĐ[]()*\ud800\udfff")
                                 + ["\n1. ", "thuc hien ", "12/QĐ-UBND"]))


@compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(_ANY, max_size=40).map("".join))
def test_compiled_passes_on_any_code_points(text: str) -> None:
    from parsers.normalize import fold
    from parsers.patterns import DANGLING_HINT, TRIGGER_PATTERN
    assert scan.number_tokens(text) == (_spans(NUMBER_SYMBOL.finditer(text)),
                                        bool(SPACED_HINT.search(text)))
    assert scan.boundaries(text, 0, len(text)) == scan.boundaries_python(text, 0, len(text))
    assert scan.cut_after_number(text) == bool(DANGLING_HINT.search(text))
    folded = fold(text)
    assert [(m.span(), m.lastgroup) for m in scan.triggers(folded, 0, len(folded))] == \
        [(m.span(), m.lastgroup) for m in TRIGGER_PATTERN.finditer(folded, 0, len(folded))]
    assert fold_checked(text) == fold_checked_python(text)


# The NFC pre-test the fold reads (its third value): "not suspect" must mean
# NFC; texts that need the full test are sent to unicodedata.
_NFC_PIECES = list("aeoAĐđếỹ“”.,\n ") + [
    "\u0301", "\u0323", "\u0302",  # combining marks (Vietnamese typed decomposed)
    "\u1100", "\u1161", "\u11a8", "\uac00",  # Hangul L, V, T and a syllable
    "\u0b92", "\u0bbe", "\u0bd7", "\u0bc6",  # Tamil: vowel signs that compose
    "\u212b", "\u2126", "\u0340", "\u0344",  # singletons and marks NFC changes
    "𝐀", "\U0001109a", "\U00011099\U000110ba",  # beyond the BMP
]


@compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NFC_PIECES), max_size=12).map("".join))
def test_nfc_pretest_clears_only_nfc_text(text: str) -> None:
    import unicodedata

    from parsers.compiled import SCAN
    from parsers.normalize import SourceText
    if not SCAN.fold(text)[2]:
        assert unicodedata.is_normalized("NFC", text)
    # the fold is kept exactly when the text is NFC (taken as it is)
    assert (SourceText.of(text).fold is not None) == unicodedata.is_normalized("NFC", text)


@compiled
def test_nfc_pretest_table() -> None:
    from parsers.compiled import SCAN
    for ch in ["\u0301", "\u1161", "\u11a8", "\u0bbe", "\u212b", "\u0344", "𝐀"]:
        assert SCAN.fold("Quyết định " + ch)[2], hex(ord(ch[0]))
    assert not SCAN.fold("Quyết định số 58-QĐ/TU “Về việc” — ỹ Ð ½ ²")[2]
    assert not SCAN.fold("")[2]


@compiled
def test_nfc_pretest_unused_under_another_unicode_version(monkeypatch) -> None:
    from parsers import compiled, normalize
    assert compiled.nfc_table_current()
    monkeypatch.setattr(compiled.unicodedata, "unidata_version", "0.0.0")
    assert not compiled.nfc_table_current()
    # without the table's word, unicodedata decides; the fold is still kept
    monkeypatch.setattr(normalize, "_NFC_TABLE_CURRENT", False)
    assert normalize.SourceText.of("Quyê\u0301t").text == "Quyết"
    assert normalize.SourceText.of("Quyết").fold == fold_checked("Quyết")


@compiled
def test_plain_tokens_read_by_hand() -> None:
    # most tokens' ends come from the compiled pass; the rest from the pattern
    from parsers.compiled import SCAN
    text = "Quyết định 58/QĐ-UBND, 10/2025/NQ-HĐND; 12/QĐ-UBND.2 và 75/2006/QH 11"
    tokens, spaced = SCAN.number_tokens(text)
    assert not spaced
    ends = dict(zip(tokens[::2], tokens[1::2], strict=True))
    assert [text[s:e] for s, e in ends.items() if e >= 0] == ["58/QĐ-UBND", "10/2025/NQ-HĐND"]
    assert sum(e < 0 for e in ends.values()) == 2


def test_token_flags_refuse_what_the_plain_pass_cannot_read(monkeypatch) -> None:
    monkeypatch.setattr(scan, "INNER_LOWER_PARTS", ("QĐX",))
    with pytest.raises(ValueError, match="inner lowercase"):
        scan.token_flags()
    monkeypatch.setattr(scan, "INNER_LOWER_PARTS", ())
    monkeypatch.setattr(scan, "_PLAIN_ENDS", " a")
    with pytest.raises(ValueError, match="no letters"):
        scan.token_flags()


@compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NFC_PIECES + ["\x01", "\x1f", "\t"]), max_size=12).map("".join))
def test_fold_with_the_nfc_pretest_folds_as_python(text: str) -> None:
    from parsers.compiled import SCAN
    from parsers.normalize import SourceText
    assert SCAN.fold(text)[:2] == fold_checked_python(text)
    src = SourceText.of(text)
    if src.fold is not None:  # kept for the cleaning: the fold of the text read
        assert src.fold == fold_checked(src.text)


@compiled
def test_the_fold_is_kept_for_an_nfc_text() -> None:
    from parsers.normalize import SourceText
    text = "Quyết định số 58-QĐ/TU\x01"
    assert SourceText.of(text).fold == fold_checked(text)
    assert SourceText.of("Quye\u0301t").fold is None  # recomposed: the text changed
