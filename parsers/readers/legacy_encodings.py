"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI-Windows, to Unicode.

Before Unicode (and in many offices long after), Vietnamese text was typed in
8-bit *font* encodings: the bytes are ordinary Windows bytes, and a special font
(".VnTime" for TCVN3, "VNI-Times" for VNI) draws them as Vietnamese letters.
Saved as plain text, such files look like ``Th«ng b¸o`` (TCVN3) or
``Thoâng baùo`` (VNI) instead of ``Thông báo``.

* **TCVN3 / ABC** (TCVN 5712:1993, VN3): one byte per letter. It has no
  accented capitals: capitals are typed as the lowercase code in an uppercase
  font (".VnTimeH"), so ``TH«NG B¸O`` means ``THÔNG BÁO``. :func:`decode_tcvn3`
  upper-cases such all-capital words.
* **VNI-Windows**: an ASCII base letter followed by one modifier byte that
  stacks the vowel mark and the tone (``a`` + ``ù`` = ``á``); a few letters
  (``ơ ư đ`` and ``i``/``ỵ`` with tones) are single bytes.

:func:`vietnamese_score` says how much a decoded text looks like Vietnamese,
which is how :mod:`parsers.readers.txt` chooses between UTF-8, Windows-1258,
TCVN3 and VNI. The tables are the public ones, written out here as data.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "LEGACY_HINT",
    "TCVN3_TO_UNICODE",
    "decode_tcvn3",
    "decode_vni",
    "encode_cp1258",
    "encode_tcvn3",
    "encode_vni",
    "vietnamese_score",
]

# --- TCVN3 (ABC) --------------------------------------------------------------

#: TCVN3 byte -> letter. Bytes not listed are read as Windows-1252 (the fonts
#: were Windows fonts, so punctuation such as curly quotes keeps its cp1252 code).
TCVN3_TO_UNICODE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # rows: grave, hook, tilde, acute, dot below
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

_UNICODE_TO_TCVN3: dict[str, int] = {ch: b for b, ch in TCVN3_TO_UNICODE.items()}


def _cp1252_char(byte: int) -> str:
    """The Windows-1252 character of ``byte`` (Latin-1 for cp1252's 5 holes)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


# 256-character charmap for codecs.charmap_decode (C speed on big files).
_TCVN3_DECODE_TABLE = "".join(
    TCVN3_TO_UNICODE.get(b, _cp1252_char(b)) if b >= 0x80 else chr(b) for b in range(256)
)
_CP1252_DECODE_TABLE = "".join(_cp1252_char(b) if b >= 0x80 else chr(b) for b in range(256))

_WORD = re.compile(r"[^\W\d_]+")
_CAPITALS = "A-ZĂÂÊÔƠƯĐ"
_TCVN3_LOWER = "".join(sorted(c for c in TCVN3_TO_UNICODE.values() if c.islower()))
# Words holding both a capital and a lowercase TCVN3 letter: the only words the
# all-capitals repair must look at (two lookaheads from each word start: linear).
_MIXED_WORD = re.compile(
    rf"\b(?=[^\W\d_]*[{_CAPITALS}])(?=[^\W\d_]*[{_TCVN3_LOWER}])[^\W\d_]+")


def _upcase_capital_words(text: str) -> str:
    """``THôNG BáO`` -> ``THÔNG BÁO``: TCVN3 capitals were lowercase codes drawn
    in an uppercase font, so a word with no ASCII lowercase letter and either
    two capitals or a capital after a lowercase code ("ủY") is a capital word.
    "Tæ" stays "Tổ"; a capital *initial* ("Ủy") cannot be recovered."""

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if any(c.islower() and c.isascii() for c in word):
            return word
        if not any(c.islower() for c in word):
            return word
        capitals = sum(c.isupper() for c in word)
        first_lower = next(i for i, c in enumerate(word) if c.islower())
        if capitals >= 2 or any(c.isupper() for c in word[first_lower:]):
            return word.upper()  # "THôNG", "ủY": a capital after a lowercase code
        return word

    return _MIXED_WORD.sub(fix, text)


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC) bytes to NFC Unicode."""
    text, _ = codecs.charmap_decode(data, "strict", _TCVN3_DECODE_TABLE)
    return unicodedata.normalize("NFC", _upcase_capital_words(text))


def encode_tcvn3(text: str) -> bytes:
    """Encode Unicode to TCVN3 bytes (the inverse of :func:`decode_tcvn3`).

    Accented capitals become their lowercase code, as in the ABC fonts; other
    characters outside the table go out as Windows-1252 or raise
    :class:`UnicodeEncodeError`.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = _UNICODE_TO_TCVN3.get(ch)
        if code is None and ch.isupper():
            code = _UNICODE_TO_TCVN3.get(ch.lower())
        if code is not None:
            out.append(code)
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            out += ch.encode("cp1252")
    return bytes(out)


# --- VNI-Windows ---------------------------------------------------------------

# Modifier bytes (lowercase; the capital-letter form is byte - 0x20).
_VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
_VNI_CIRCUMFLEX = {"": 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3,
                   "\u0323": 0xE4}
_VNI_BREVE = {"": 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC,
              "\u0323": 0xEB}
# Letters VNI writes as one byte of their own (lowercase code; capital = -0x20).
_VNI_SINGLE = {"ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "ì": 0xEC, "í": 0xED, "ỉ": 0xE6, "ĩ": 0xF3,
               "ị": 0xF2, "ỵ": 0xEE}
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


@lru_cache(maxsize=1)
def _vni_table() -> dict[str, bytes]:
    """Every Vietnamese letter (lower and capital) -> its VNI bytes."""
    table: dict[str, bytes] = {}
    for upper in (False, True):
        shift = 0x20 if upper else 0

        def put(letter: str, code: bytes, _upper: bool = upper) -> None:
            letter = unicodedata.normalize("NFC", letter)
            table[letter.upper() if _upper else letter] = code

        for ch, code in _VNI_SINGLE.items():
            put(ch, bytes([code - shift]))
        for base in "aeiouy":
            b = ord(base.upper() if upper else base)
            for tone in _TONES[1:]:
                letter = base + tone
                if unicodedata.normalize("NFC", letter) in _VNI_SINGLE:
                    continue
                put(letter, bytes([b, _VNI_TONE[tone] - shift]))
        for base in "aeo":  # â ê ô and their tones
            b = ord(base.upper() if upper else base)
            for tone in _TONES:
                put(base + "\u0302" + tone, bytes([b, _VNI_CIRCUMFLEX[tone] - shift]))
        b = ord("A" if upper else "a")
        for tone in _TONES:  # ă and its tones
            put("a\u0306" + tone, bytes([b, _VNI_BREVE[tone] - shift]))
        for horn, code in (("o\u031b", 0xF4), ("u\u031b", 0xF6)):  # ơ ư + tone
            for tone in _TONES[1:]:
                put(horn + tone, bytes([code - shift, _VNI_TONE[tone] - shift]))
    return table


@lru_cache(maxsize=1)
def _vni_decoder() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex over cp1252-decoded VNI text, longest sequences first."""
    reverse = {"".join(_cp1252_char(b) for b in code): letter
               for letter, code in _vni_table().items()}
    alternatives = sorted(reverse, key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alternatives)), reverse


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes to NFC Unicode."""
    pattern, reverse = _vni_decoder()
    text, _ = codecs.charmap_decode(data, "strict", _CP1252_DECODE_TABLE)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: reverse[m.group()], text))


def encode_vni(text: str) -> bytes:
    """Encode Unicode to VNI-Windows bytes (the inverse of :func:`decode_vni`)."""
    table = _vni_table()
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch)
        if code is not None:
            out += code
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    """Encode Unicode to Windows-1258 the way Windows does: letters cp1258 has
    precomposed stay one byte, others become base letter + combining tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _legacy_hint_pattern() -> re.Pattern[str]:
    """Characters Windows-1252 has and Vietnamese does not ("«¸§" of TCVN3,
    "øûïöñ" of VNI): legacy-font text held as Unicode always shows some."""
    vietnamese = set(_vni_table()) | {"\u00a0"}
    chars = {_cp1252_char(b) for b in range(0xA0, 0x100)}
    chars |= {ch for b in range(0x80, 0xA0) if (ch := _cp1252_char(b)).isalpha()}
    return re.compile("[" + re.escape("".join(sorted(chars - vietnamese))) + "]")


#: Matches a character that hints at legacy-font text held as Unicode.
LEGACY_HINT = _legacy_hint_pattern()


def reinterpret_as_bytes(text: str) -> bytes | None:
    """The bytes a legacy-font text was typed as, when it was later saved as
    Unicode character by character (``Th«ng b¸o`` in a UTF-8 file); None if
    ``text`` has characters no Windows-1252 byte gives."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x80 or 0xA0 <= o <= 0xFF:
            out.append(o)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if 0x80 <= o < 0xA0:  # a C1 control kept from cp1252's holes
                out.append(o)
            else:
                return None
    return bytes(out)


# --- Telling Vietnamese from garbage -------------------------------------------

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Vowel nuclei with their glide (toneless), longest first.
_NUCLEI = (
    "uyê|uya|uyu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|"
    "ưa|ưi|ưu|ươ|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODA = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(rf"{_ONSET}(?:{_NUCLEI}){_CODA}")


def _is_syllable(word: str) -> bool:
    """Is ``word`` a well-formed Vietnamese syllable (one tone mark at most)?"""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(c in _TONE_MARKS for c in decomposed)
    if tones > 1 or len(word) > 7:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


# Non-ASCII characters that ordinary Vietnamese documents contain besides letters.
_PUNCTUATION_OK = frozenset("“”‘’–—…•·°«»€§©®×÷±≤≥→\u00a0\u200b\ufeff")


def vietnamese_score(text: str, *, sample: int = 400_000) -> float | None:
    """Share of the non-ASCII words of ``text`` that are Vietnamese syllables.

    Characters that are neither letters nor usual punctuation count against it
    (TCVN3 read as Windows-1258 gives ``th«ng``; VNI read as Windows-1258
    gives ``baùo``, letters that make no syllable). Returns None when the text
    has no non-ASCII character, i.e. any single-byte encoding reads it alike.
    Only the first ``sample`` characters are looked at.
    """
    text = unicodedata.normalize("NFC", text[:sample])
    good = bad = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        if _is_syllable(word):
            good += 1
        elif not (word.isupper() and len(word) <= 6):  # acronyms: QĐ, HĐND, NĐ
            bad += 1
    for ch in text:
        if ch.isascii() or ch.isalpha() or ch in _PUNCTUATION_OK or ch.isspace():
            continue
        if unicodedata.category(ch)[0] in "MN":  # combining marks counted in words
            continue
        bad += 1
    if good + bad == 0:
        return None
    return good / (good + bad)
