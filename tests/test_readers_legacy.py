"""TCVN3 (ABC), VNI and Windows-1258: every letter and a notice against the
published tables, round trips (no two letters share a code), and what
detection relies on."""

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


# --- Against the published tables, not the code's own inverse ---------------------
#
# The code's tables decode and encode, so a round trip cannot catch a wrong
# byte-to-letter entry. These expectations are written from the published
# tables: TCVN 5712:1993 VN3 (the ABC fonts, as in libX11's tcvn.h for
# 0xA0-0xFF), the VNI-Windows font layout (base letter + modifier byte), and
# Microsoft's Windows-1258 code page (combining tones 0xCC 0xEC 0xD2 0xDE 0xF2).

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"


def _letter(base: str, mark: str = "") -> str:
    return unicodedata.normalize("NFC", base + mark)


# TCVN3 (ABC): the letter without a tone (if it has its own code), then the
# codes of grave, hook above, tilde, acute, dot below.
TCVN3_PUBLISHED_ROWS = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3_PUBLISHED = {
    _letter(base, mark): code
    for base, codes in TCVN3_PUBLISHED_ROWS.items()
    for mark, code in zip(("", GRAVE, HOOK, TILDE, ACUTE, DOT), codes, strict=True)
    if code is not None
} | {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI-Windows, lowercase, as the font draws them in Windows-1252: no tone,
# acute, grave, hook above, tilde, dot below. Capitals are the same strings
# in upper case ("AÙ" is Á, "Æ" is Ỉ, "Î" is Ỵ, "Ñ" is Đ).
VNI_PUBLISHED_ROWS = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}
VNI_PUBLISHED = {
    _letter(base, mark): shown
    for base, row in VNI_PUBLISHED_ROWS.items()
    for mark, shown in zip(("", ACUTE, GRAVE, HOOK, TILDE, DOT), row, strict=True)
} | {"đ": "ñ"}
VNI_PUBLISHED |= {letter.upper(): shown.upper() for letter, shown in VNI_PUBLISHED.items()}


def test_published_tables_cover_every_vietnamese_letter() -> None:
    lowercase = {c for c in LOWER}
    assert {c for c in TCVN3_PUBLISHED if c.islower()} | set("aeiouy") == lowercase
    assert {c for c in VNI_PUBLISHED if c.islower()} == lowercase
    assert len(VNI_PUBLISHED) == 2 * len(lowercase)


@pytest.mark.parametrize(("letter", "code"), sorted(TCVN3_PUBLISHED.items()))
def test_tcvn3_letter_matches_the_published_code(letter: str, code: int) -> None:
    assert decode_tcvn3(bytes([code])) == letter
    assert encode_tcvn3(letter) == bytes([code])


@pytest.mark.parametrize(("letter", "shown"), sorted(VNI_PUBLISHED.items()))
def test_vni_letter_matches_the_published_bytes(letter: str, shown: str) -> None:
    data = shown.encode("cp1252")
    assert decode_vni(data) == letter
    assert encode_vni(letter) == data


# One notice paragraph, byte by byte from the tables above (not from the encoders).
NOTICE = ("THÔNG BÁO\n"
          "Kết luận của đồng chí Chủ tịch UBND tỉnh\n"
          "Thực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy.\n")
NOTICE_TCVN3 = (
    b"TH\xa4NG B\xb8O\n"                       # Ô A4, á B8 (ABC capitals: lowercase codes)
    b"K\xd5t lu\xcbn c\xf1a \xae\xe5ng ch\xdd Ch\xf1 t\xdech UBND t\xd8nh\n"
    b"Th\xf9c hi\xd6n Quy\xd5t \xae\xdenh s\xe8 58-Q\xa7/TU ng\xb5y 20/11/2025 c\xf1a "
    b"Ban Th\xad\xeang v\xf4 T\xd8nh \xf1y.\n")
NOTICE_VNI = (
    "THOÂNG BAÙO\n"
    "Keát luaän cuûa ñoàng chí Chuû tòch UBND tænh\n"
    "Thöïc hieän Quyeát ñònh soá 58-QÑ/TU ngaøy 20/11/2025 cuûa Ban Thöôøng vuï Tænh uûy.\n"
).encode("cp1252")
NOTICE_CP1258 = (
    b"TH\xd4NG B\xc1O\n"                       # Ô D4, Á C1, à E0: precomposed where cp1258 has it
    b"K\xea\xect lu\xe2\xf2n cu\xd2a \xf0\xf4\xccng ch\xed Chu\xd2 ti\xf2ch UBND ti\xd2nh\n"
    b"Th\xfd\xf2c hi\xea\xf2n Quy\xea\xect \xf0i\xf2nh s\xf4\xec 58-Q\xd0/TU ng\xe0y "
    b"20/11/2025 cu\xd2a Ban Th\xfd\xf5\xccng vu\xf2 Ti\xd2nh u\xd2y.\n")


@pytest.mark.parametrize(("data", "encoding"),
                         [(NOTICE_TCVN3, "tcvn3"), (NOTICE_VNI, "vni"),
                          (NOTICE_CP1258, "cp1258")], ids=["tcvn3", "vni", "cp1258"])
def test_published_bytes_are_detected_and_decoded(tmp_path, data: bytes,
                                                  encoding: str) -> None:  # type: ignore[no-untyped-def]
    from parsers.readers import read_document

    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    result = read_document(path)
    assert result.text == NOTICE
    assert result.encoding == encoding


@pytest.mark.parametrize(("encode", "data"),
                         [(encode_tcvn3, NOTICE_TCVN3), (encode_vni, NOTICE_VNI),
                          (encode_cp1258, NOTICE_CP1258)], ids=["tcvn3", "vni", "cp1258"])
def test_encoders_write_the_published_bytes(encode, data: bytes) -> None:  # type: ignore[no-untyped-def]
    assert encode(NOTICE) == data
