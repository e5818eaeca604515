"""TCVN3 (ABC) and VNI tables: round trips and what detection relies on."""

from __future__ import annotations

import unicodedata

import pytest

from parsers.readers.legacy_encodings import (
    TCVN3_TO_UNICODE,
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    vietnamese_score,
)

LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
PARAGRAPH = ("Căn cứ Luật Tổ chức chính quyền địa phương; xét đề nghị của Giám đốc Sở "
             "Nông nghiệp và Môi trường, UBND tỉnh QUYẾT ĐỊNH: Điều 1. Phê duyệt "
             "kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 về đột phá phát triển "
             "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.")


def test_tables_cover_every_vietnamese_letter() -> None:
    assert set(TCVN3_TO_UNICODE.values()) >= set(LOWER.replace("a", "").replace("e", "")
                                                 .replace("i", "").replace("o", "")
                                                 .replace("u", "").replace("y", ""))
    assert decode_vni(encode_vni(LOWER + LOWER.upper())) == LOWER + LOWER.upper()
    assert decode_tcvn3(encode_tcvn3(LOWER)) == LOWER


@pytest.mark.parametrize(
    ("encode", "decode"),
    [(encode_tcvn3, decode_tcvn3), (encode_vni, decode_vni)],
    ids=["tcvn3", "vni"],
)
def test_paragraph_round_trip(encode, decode) -> None:  # type: ignore[no-untyped-def]
    assert decode(encode(PARAGRAPH)) == PARAGRAPH


@pytest.mark.parametrize(
    ("garbled", "meaning", "decode"),
    [
        # Strings as legacy documents show them in a Unicode font.
        ("Th«ng b¸o", "Thông báo", decode_tcvn3),
        ("M\xadêng Kh\xad¬ng", "Mường Khương", decode_tcvn3),  # ư is a soft hyphen
        ("§iÒu 1", "Điều 1", decode_tcvn3),
        ("Thoâng baùo", "Thông báo", decode_vni),
        ("Ñieàu 1", "Điều 1", decode_vni),
        ("Quyeát ñònh", "Quyết định", decode_vni),
    ],
)
def test_known_legacy_strings(garbled: str, meaning: str, decode) -> None:  # type: ignore[no-untyped-def]
    assert decode(garbled.encode("cp1252")) == meaning


def test_tcvn3_loses_an_accented_capital_that_starts_a_word() -> None:
    # ABC stores "Ủ" as the code of "ủ" drawn in a capital font; a plain text
    # file cannot tell "Ủy ban" from "ủy ban" (all-capital words are recovered).
    assert decode_tcvn3(encode_tcvn3("Ủy ban ỦY BAN")) == "ủy ban ỦY BAN"


def test_score_separates_right_and_wrong_readings() -> None:
    assert vietnamese_score(PARAGRAPH) == 1.0
    assert vietnamese_score("Quyết định số 58-QĐ/TU của HĐND") == 1.0  # acronyms with Đ
    assert vietnamese_score("plain ASCII only") is None
    wrong = [
        encode_tcvn3(PARAGRAPH).decode("cp1258"),
        encode_vni(PARAGRAPH).decode("cp1258"),
        decode_tcvn3(encode_cp1258(PARAGRAPH)),
        decode_vni(encode_cp1258(PARAGRAPH)),
    ]
    assert all((vietnamese_score(w) or 0) < 0.6 for w in wrong)


def test_cp1258_encoder_uses_combining_tones_like_windows() -> None:
    data = encode_cp1258("Quyết")
    assert data == b"Quy\xea\xect"  # ê + combining acute (0xEC)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Quyết"
