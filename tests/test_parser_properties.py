"""Properties of the parser that must hold for any input (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_text

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def strip_diacritics(text: str) -> str:
    """What a copy that lost its diacritics looks like: Đ→D, ế→e, ư→u."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# Type word as written in text, and the symbol's type abbreviation that goes with it.
TYPES = [
    ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Nghị quyết", "NQ"), ("Thông báo", "TB"),
    ("Kế hoạch", "KH"), ("Kết luận", "KL"), ("Công điện", "CĐ"), ("Nghị định", "NĐ"),
    ("Thông tư", "TT"), ("Quy định", "QĐ"), ("Hướng dẫn", "HD"), ("Đề án", "ĐA"),
    ("Báo cáo", "BC"), ("Tờ trình", "TTr"), ("Chương trình", "CTr"), ("Phương án", "PA"),
]
# "HĐ" (Hội đồng) is left out on purpose: without its diacritic it is "HD", the
# symbol of a Hướng dẫn, and no rule can tell the two apart.
STATE_ISSUERS = ["UBND", "HĐND", "CP", "TTg", "BTC", "STC", "SXD", "BNV", "VP", "UBND-VP"]
PARTY_ISSUERS = ["TU", "TW", "ĐU", "HU", "ĐUK"]
ISSUERS = ["UBND tỉnh", "Ban Thường vụ Tỉnh ủy", "Chủ tịch UBND tỉnh", "Chính phủ",
           "Thủ tướng Chính phủ", "Bộ Tài chính", "Sở Xây dựng"]
LEADS = ["", "Căn cứ ", "Thực hiện ", "theo ", "Triển khai ", "Bãi bỏ ", "thay thế "]


@st.composite
def references(draw):
    word, abbr = draw(st.sampled_from(TYPES))
    number = draw(st.integers(1, 9999))
    year = draw(st.integers(1995, 2030))
    if draw(st.booleans()):
        key = f"{number}-{abbr}/{draw(st.sampled_from(PARTY_ISSUERS))}"
    elif draw(st.booleans()):
        key = f"{number}/{year}/{abbr}-{draw(st.sampled_from(STATE_ISSUERS))}"
    else:
        key = f"{number}/{abbr}-{draw(st.sampled_from(STATE_ISSUERS))}"
    so = draw(st.sampled_from(["số ", "số: ", "", "số\n"]))
    text = f"{draw(st.sampled_from(LEADS))}{word} {so}{key}"
    date = None
    if draw(st.booleans()):
        d, m = draw(st.integers(1, 28)), draw(st.integers(1, 12))
        date = f"{year:04d}-{m:02d}-{d:02d}"
        text += draw(st.sampled_from([f" ngày {d}/{m}/{year}", f", ngày {d:02d}/{m:02d}/{year}",
                                      f" ngày {d} tháng {m} năm {year}"]))
    if draw(st.booleans()):
        text += f" của {draw(st.sampled_from(ISSUERS))}"
    return text, key, word, date


@given(st.text())
def test_never_raises_and_spans_hold_on_any_string(text):
    doc = parse_text(text)
    for c in doc.citations:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text


@given(references(), st.text(alphabet=" \nabcxyzĐđếệ,.;0123456789/-", max_size=40),
       st.text(alphabet=" \nabcxyz,.;", max_size=40))
def test_reference_in_noise_keeps_its_span(ref, before, after):
    text = f"{before}. {ref[0]}. {after}"
    doc = parse_text(text)
    for c in doc.citations:
        assert text[c.start : c.end] == c.text
    assert ref[1] in [c.key for c in doc.citations]


@given(references())
def test_stripping_diacritics_keeps_key_type_and_date(ref):
    text, key, word, date = ref
    clean = parse_text(text).citations
    bare = parse_text(strip_diacritics(text)).citations
    assert [(c.key, c.type, c.date) for c in clean] == [(key, word, date)]
    assert [(c.key, c.type, c.date) for c in bare] == [(key, word, date)]


@given(references())
def test_decomposed_text_gives_same_records(ref):
    text = ref[0]
    nfd = unicodedata.normalize("NFD", text)
    a, b = parse_text(text).citations, parse_text(nfd).citations
    assert [(c.key, c.type, c.date, c.relation) for c in a] == [
        (c.key, c.type, c.date, c.relation) for c in b]
    for c in b:
        assert nfd[c.start : c.end] == c.text
