"""Text normalization: NFC with an offset map, diacritic folding, canonical
keys and dates.

Matching runs on two views of the text that share offsets: the NFC text (case
and Đ kept, for symbols) and its *fold* (lowercase ASCII letters, no
diacritics, đ→d, one character for one character), for words whose
diacritics OCR loses. Spans are mapped back to the caller's original string.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import regex

from parsers.compiled import compiled_fold, nfc_table_current
from parsers.vocabulary import (
    ASCII_PARTS_KEPT,
    FOOTNOTE_SAFE_PARTS,
    GLUED_ISSUERS,
    GLUED_KNOWN,
    GLUED_TYPES,
    MIXED_CASE_PARTS,
    OCR_P_B_PARTS,
    OLD_STYLE_ISSUERS,
    PARTS_WITH_D_BAR,
)

# --- Folding -------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_SPACES = "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x1F00):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    for ch in "đĐðÐ":  # Ð (U+00D0) stands in for Đ in text converted from TCVN3
        table[ord(ch)] = "d"
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    for ch in _DASHES:
        table[ord(ch)] = "-"
    for ch in _SPACES:
        table[ord(ch)] = " "
    return table


FOLD_TABLE = _build_fold_table()

# The fold runs over every document, so it is a table lookup on the code points
# (numpy, ~20x faster than str.translate with a dict); characters outside the
# Basic Multilingual Plane are left as they are.
_FOLD_LUT = np.arange(0x10000, dtype=np.uint32)
for _cp, _ch in FOLD_TABLE.items():
    _FOLD_LUT[_cp] = ord(_ch)
#: Control characters other than tab and line feed (CR is read as a line end
#: before folding): the fold reads them as spaces, and reports them.
_CONTROL_LUT = np.zeros(0x10000, dtype=bool)
for _cp in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]:
    _CONTROL_LUT[_cp] = True
    _FOLD_LUT[_cp] = ord(" ")


def fold(text: str) -> str:
    """Lowercase, strip Vietnamese diacritics, đ→d, control characters as
    spaces; same length as ``text``.

    >>> fold("Quyết định số 58-QĐ/TU")
    'quyet dinh so 58-qd/tu'
    """
    return fold_checked(text)[0]


_COMPILED_FOLD = compiled_fold(_FOLD_LUT, _CONTROL_LUT)


def fold_checked(text: str) -> tuple[str, bool]:
    """:func:`fold`, and whether ``text`` holds control characters (one pass
    over the code points for both; compiled when ``parsers._scan`` is built)."""
    if _COMPILED_FOLD is not None:
        folded, controls, _ = _COMPILED_FOLD(text)
        return folded, controls
    return fold_checked_python(text)


def fold_checked_python(text: str) -> tuple[str, bool]:
    """:func:`fold_checked` without the compiled pass."""
    if not text:
        return text, False
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(cps.max()) < 0x10000:
        out = _FOLD_LUT[cps]
        controls = bool(_CONTROL_LUT[cps].any())
    else:
        bmp = np.minimum(cps, 0xFFFF)
        out = np.where(cps < 0x10000, _FOLD_LUT[bmp], cps)
        controls = bool((_CONTROL_LUT[bmp] & (cps < 0x10000)).any())
    return out.tobytes().decode("utf-32-le", "surrogatepass"), controls


def strip_marks(text: str) -> str:
    """Diacritics removed, Đ→D, case kept, one character for one: the text a
    copy without marks (or a poor scan) shows.

    >>> strip_marks("Quyết định số 58-QĐ/TU")
    'Quyet dinh so 58-QD/TU'
    """
    out = []
    for ch in text:
        if ch in "Đđ":
            out.append("D" if ch == "Đ" else "d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() else ch)
    return "".join(out)


# --- NFC with offsets ------------------------------------------------------------


_CLUSTER = regex.compile(r"[^\p{M}]?\p{M}+")


#: The compiled fold's "may not be NFC" is read off a table of this Python's
#: Unicode version: False then means the text is NFC.
_NFC_TABLE_CURRENT = nfc_table_current()


@dataclass(frozen=True, slots=True)
class SourceText:
    """NFC text plus the map from its offsets back to the caller's string.

    Real files are mostly NFC with a few decomposed letters (one seed notice
    writes "báo" as "ba" + U+0301), so only the clusters that carry combining
    marks are recomposed; the map between them is a shift. ``_clusters``
    holds (nfc_start, nfc_len, orig_start, orig_end) per recomposed cluster.
    """

    original: str
    text: str
    _clusters: tuple[tuple[int, int, int, int], ...] = ()
    _starts: tuple[int, ...] = ()
    _dense: tuple[int, ...] | None = None  # full map, for exotic NFC changes
    #: ``fold_checked(text)`` where it was computed on the way (else None)
    fold: tuple[str, bool] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, original: str) -> SourceText:
        # Ð/ð (Icelandic eth) replace Đ/đ in text converted from legacy fonts;
        # same length, so no offset map is needed for that step.
        cleaned = original.replace("\u00d0", "Đ").replace("\u00f0", "đ")
        # the compiled fold reads whether the text may not be NFC in the same
        # pass; the fold is kept for the cleaning when the text is NFC (most are)
        fold = _COMPILED_FOLD(cleaned) if _COMPILED_FOLD is not None else None
        if (fold is not None and _NFC_TABLE_CURRENT and not fold[2]) \
                or unicodedata.is_normalized("NFC", cleaned):
            return cls(original, cleaned, fold=fold[:2] if fold is not None else None)
        pieces: list[str] = []
        clusters: list[tuple[int, int, int, int]] = []
        last = nfc_len = 0
        for m in _CLUSTER.finditer(cleaned):
            plain = cleaned[last : m.start()]
            comp = unicodedata.normalize("NFC", m.group())
            pieces += (plain, comp)
            nfc_len += len(plain)
            clusters.append((nfc_len, len(comp), m.start(), m.end()))
            nfc_len += len(comp)
            last = m.end()
        pieces.append(cleaned[last:])
        text = "".join(pieces)
        if not unicodedata.is_normalized("NFC", text):  # singletons, Hangul: slow path
            return cls._dense_of(original, cleaned)
        return cls(original, text, tuple(clusters), tuple(c[0] for c in clusters))

    @classmethod
    def _dense_of(cls, original: str, cleaned: str) -> SourceText:
        pieces: list[str] = []
        offsets: list[int] = []
        i, n = 0, len(cleaned)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(cleaned[j]):
                j += 1
            piece = unicodedata.normalize("NFC", cleaned[i:j])
            pieces.append(piece)
            offsets.extend([i] * len(piece))
            i = j
        offsets.append(n)
        return cls(original, "".join(pieces), _dense=tuple(offsets))

    def to_original(self, index: int) -> int:
        """Offset in the original string of NFC offset ``index``."""
        if self._dense is not None:
            return self._dense[min(index, len(self._dense) - 1)]
        k = bisect.bisect_right(self._starts, index) - 1
        if k < 0:
            return index
        nfc_start, nfc_len, orig_start, orig_end = self._clusters[k]
        if index < nfc_start + nfc_len:
            return orig_start
        return orig_end + index - (nfc_start + nfc_len)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering NFC span ``[start, end)``; the end maps past
        the last character's combining marks."""
        if end >= len(self.text):
            return self.to_original(start), len(self.original)
        return self.to_original(start), self.to_original(end)


# --- Keys ------------------------------------------------------------------------

_NOISE = regex.compile(r"[\s*_\u00ad\u200b\u200c\u200d\ufeff¹²³⁰⁴⁵⁶⁷⁸⁹]+")
#: A separator outside brackets ("CAT(PC-04)" keeps its inner dash).
_SPLIT = regex.compile(r"([/-])(?![^(]*\))")
_REPEATED_SEP = regex.compile(r"([/-])[/-]+")


def _d_bar_variants() -> dict[str, str]:
    """OCR spellings of symbol parts that contain Đ → canonical part."""
    variants: dict[str, str] = {}
    for part in PARTS_WITH_D_BAR:
        upper = part.upper()
        positions = [i for i, ch in enumerate(upper) if ch == "Đ"]
        # OCR reads Đ as P or B too ("HPND"), but only short, very common
        # parts are safe to restore from those: "GDPT" is a real code.
        for letter in "DPB" if part in OCR_P_B_PARTS else "D":
            spelled = list(upper)
            for i in positions:
                spelled[i] = letter
            variant = "".join(spelled)
            if variant not in ASCII_PARTS_KEPT:
                variants.setdefault(variant, part)
    return variants


_PART_FIXES: dict[str, str] = {**_d_bar_variants(), **MIXED_CASE_PARTS}
_FOOTNOTE_TAIL = regex.compile(r"([A-ZĐ][A-Za-zĐ]*?[A-Za-zĐ])(\d{1,2})")
_ROMAN = regex.compile(r"[IVXLC]+")
_TYPE_POSITION_FIXES = {"QP": "QĐ", "QB": "QĐ", "NP": "NĐ", "NB": "NĐ"}
_KEY_NUMBER_TOKEN = regex.compile(r"\d{1,6}(?:\.\d{1,3}|[a-z])?")
_YEAR = regex.compile(r"(?:19|20)\d{2}")
_KEY_NUMBER = regex.compile(r"(\d+(?:\.\d+|[a-z])?(?:-\d+(?=/))?)[-/](.*)")
_KEY_YEAR = regex.compile(r"((?:19|20)\d{2})/(.*)")
_BRACKET = regex.compile(r"^([^(]*)(\(.*\))?$")


def _canonical_part(part: str) -> str:
    m = _BRACKET.match(part)
    base, unit = (m.group(1), m.group(2) or "") if m else (part, "")
    up = base.upper()
    if unit:
        inner = unit[1:-1].upper()
        unit = "(" + _PART_FIXES.get(inner, inner) + ")"
    return _PART_FIXES.get(up, up) + unit


def _unglue(part: str) -> list[str]:
    """A type abbreviation typed onto its issuer without the hyphen, or with
    a dot for it ("NĐCP", "NĐ.CP" → NĐ, CP; "TTBTC" → TT, BTC), else the
    part alone."""
    head, dot, rest = part.partition(".")
    if dot and head in _DOTTED_TYPES and (issuer := _canonical_part(rest)) in GLUED_ISSUERS:
        return [head, issuer]  # a dot typed for the hyphen: "NĐ.CP", "QĐ.UBND"
    if part in GLUED_KNOWN or part in _PART_FIXES.values():
        return [part]
    for abbr in GLUED_TYPES:
        for spelled in {abbr, abbr.replace("Đ", "D")}:
            if part.startswith(spelled) and len(part) > len(spelled):
                rest = _canonical_part(part[len(spelled):])
                if rest in GLUED_ISSUERS:
                    return [abbr, rest]
    return [part]


#: Types whose dot before a known issuer stands for the hyphen ("142/2005/NĐ.CP");
#: not "TT", as "TT.HĐND" is how a council's standing committee (Thường
#: trực) may sign.
_DOTTED_TYPES = frozenset({"NĐ", "QĐ", "NQ", "CT", "KH", "TB", "CĐ"})


@lru_cache(maxsize=65536)
def canonical_key(raw: str) -> str | None:
    """Canonical number-and-symbol key, or None if ``raw`` is not one.

    Spaces, line breaks and markdown markers are dropped, dash variants folded,
    Đ restored in OCR spellings ("58-QD/TU" → "58-QĐ/TU"), "TTg" keeps its g,
    a missing hyphen between a type and its issuer restored ("NĐCP" →
    "NĐ-CP"), a number's dot or letter kept ("66.7/2025/NQ-CP").

    >>> canonical_key("56/2023/NĐ -CP"), canonical_key("118/2025/NĐCP")
    ('56/2023/NĐ-CP', '118/2025/NĐ-CP')
    """
    s = unicodedata.normalize("NFC", raw).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    s = _NOISE.sub("", s)
    for ch in _DASHES:
        s = s.replace(ch, "-")
    s = _REPEATED_SEP.sub(r"\1", s.replace("\u2044", "/").replace("\u2215", "/"))
    tokens = _SPLIT.split(s.strip("-/"))
    if len(tokens) < 3 or not _KEY_NUMBER_TOKEN.fullmatch(tokens[0]):
        return None
    out = [tokens[0]]
    has_letters = False
    for i in range(1, len(tokens), 2):
        sep, part = tokens[i], tokens[i + 1]
        if not part:
            return None
        if _KEY_NUMBER_TOKEN.fullmatch(part) and not part[-1].isalpha():
            out += [sep, part]
            continue
        if not any(ch.isalpha() for ch in part):
            return None
        canon = _canonical_part(part)
        if not has_letters:
            # the type position: Đ misread as P or B ("416/QP-TTg") where no
            # type is spelled that way
            canon = _TYPE_POSITION_FIXES.get(canon, canon)
        pieces = _unglue(canon) if not has_letters else [canon]
        has_letters = True
        out += [sep, pieces[0]]
        for extra in pieces[1:]:
            out += ["-", extra]
    if len(out) >= 3 and out[-1][-1].isdigit():
        # a footnote number typed onto the last part: "126/2024/NĐ-CP1"
        m = _FOOTNOTE_TAIL.fullmatch(out[-1])
        if m and m.group(1) in FOOTNOTE_SAFE_PARTS:
            out[-1] = m.group(1)
    letter_parts = [p for p in out[2::2] if not _KEY_NUMBER_TOKEN.fullmatch(p)]
    if len(letter_parts) == 1 and _ROMAN.fullmatch(letter_parts[0]):
        return None  # "diện 2/IV": a category, not a document
    key = "".join(out)
    if not has_letters:
        return None
    if "/" not in key and not all(p in OLD_STYLE_ISSUERS for p in out[2::2]):
        return None  # "61-CP" (a 1994 decree) is a key; "1-A" is not
    return key


def split_key(key: str) -> tuple[str, str | None, str]:
    """Split a canonical key into (number, year-in-number or None, symbol).

    >>> split_key("10/2025/NQ-HĐND")
    ('10', '2025', 'NQ-HĐND')
    >>> split_key("58-QĐ/TU")
    ('58', None, 'QĐ/TU')
    """
    m = _KEY_NUMBER.match(key)
    if m is None:  # not a canonical key; keep the contract of three parts
        return key, None, ""
    number, rest = m.groups()
    year = None
    m = _KEY_YEAR.match(rest)
    if m:
        year, rest = m.groups()
    return number, year, rest


# --- Dates ------------------------------------------------------------------------


def iso_date(day: str | int, month: str | int, year: str | int) -> str | None:
    """ISO date or None when the parts do not make a real date.

    A year of five digits is a four-digit year with a footnote number glued
    on ("ngày 13/02/20232"); the extra digit is dropped.
    """
    y = str(year)
    if len(y) == 5 and _YEAR.match(y):
        y = y[:4]
    try:
        return _dt.date(int(y), int(month), int(day)).isoformat()
    except ValueError:
        return None


def quotation_closed(text: str, opened: int, pos: int) -> bool:
    """The quotation the “ at ``opened`` opens has closed before ``pos``: by a
    ”, or by a straight " typed as its close (“c) Tịch thu …."Điều 4. Sửa
    đổi …", a legal portal's mixed quotes): an odd count of straight quotes,
    as a pair of them may stand inside a quotation."""
    return text.find("\u201d", opened, pos) >= 0 or text.count('"', opened, pos) % 2 == 1
