"""Every pattern the parser uses, in one place.

Patterns on the NFC text (case kept) find number/symbol tokens; patterns on
the folded text (lowercase, no diacritics) find words that OCR may have
mangled. Word patterns are generated from ``parsers.vocabulary`` with OCR
tolerance: any vowel may stand for any vowel (OCR reads "ế" as "é", "ư" as
"w") and a d that was đ may be read as p or b ("Pang uy" for "Đảng ủy").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from parsers import engine
from parsers.vocabulary import (
    BODY_NAMES,
    DOC_TYPES,
    FORM_PHRASES,
    GENERIC_PHRASES,
    INNER_LOWER_PARTS,
    NOT_DOCUMENT_PHRASES,
    PLACE_NAMES,
    SUBJECT_OPENERS,
    TRIGGERS,
)

#: What OCR reads each folded vowel as: ư/u as y or w ("thyc", "Chwong"),
#: o as 0, i as l or 1. Diacritic confusions (ế→é) are already gone in the fold.
_VOWEL_CLASS = {"a": "a", "e": "e", "i": "[il1]", "o": "[o06]", "u": "[uyw]", "y": "[yu]"}


def ocr_tolerant(phrase: str, d_positions: frozenset[int] = frozenset()) -> str:
    """Regex for a folded phrase that also matches its common OCR misreadings.

    >>> bool(regex.fullmatch(ocr_tolerant("thuc hien"), "thyc hien"))
    True
    """
    out: list[str] = []
    for i, ch in enumerate(phrase):
        if ch in _VOWEL_CLASS:
            out.append(_VOWEL_CLASS[ch])
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "d" and i in d_positions:
            out.append("[dpb]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def ocr_variants(word: str) -> set[str]:
    """Every spelling of a folded word (no spaces) that ``ocr_tolerant(word)``
    matches.

    >>> sorted(ocr_variants("thi"))
    ['th1', 'thi', 'thl']
    """
    spellings = [""]
    for ch in word:
        options = _VOWEL_CLASS[ch].strip("[]") if ch in _VOWEL_CLASS else ch
        spellings = [s + o for s in spellings for o in options]
    return set(spellings)


def _alternation(phrases: list[str]) -> str:
    # longest first so "thong tu lien tich" wins over "thong tu"
    return "|".join(ocr_tolerant(p) for p in sorted(phrases, key=len, reverse=True))


def _first_letter_class(phrases: list[str]) -> str:
    """The letters a phrase can start with, as a set."""
    letters: set[str] = set()
    for p in phrases:
        first = p[0]
        letters.update(_VOWEL_CLASS.get(first, first).strip("[]"))
    return "[" + "".join(sorted(letters)) + "]"


def _first_letters(phrases: list[str]) -> str:
    """Lookahead on the letters a phrase can start with: the engine then
    rejects most positions before trying the alternation (4-5x faster)."""
    return f"(?={_first_letter_class(phrases)})"


#: How far after a position a pattern anchored there may reach: a date, "của",
#: a place name, a symbol's tail. Every ``match`` at a position inside a long
#: text goes through :func:`match_near`.
NEAR = 120


def match_near(pattern: regex.Pattern[str], string: str, pos: int) -> regex.Match[str] | None:
    """``pattern.match(string, pos)`` within ``NEAR`` characters. Without the
    end bound the ``regex`` module first searches the whole rest of the text for
    a literal the pattern needs, so each call cost as much as the text was long
    (a 400 kB gazette issue with 10k references took seconds)."""
    return pattern.match(string, pos, pos + NEAR)


# --- Number/symbol tokens (NFC text) -------------------------------------------------

#: Breaks that real documents put inside a symbol: spaces, line breaks (PDF
#: extraction leaves blank lines), markdown bold markers, soft hyphens (one
#: character of such a gap; a gap is up to 12).
GAP_CHAR = r"[\s*_\u00ad\u200b]"
_GAP = GAP_CHAR + "{0,12}"
_DASH = r"[-\u2010-\u2015\u2212]"
#: "/" and the look-alikes some files use ("13⁄2012/QH13": U+2044).
_SLASH = r"[/\u2044\u2215]"
#: One character that separates a symbol's parts: a dash or a slash.
SEPARATOR_CHAR = rf"(?:{_DASH}|{_SLASH})"
#: A separator may have a gap on one side ("QĐ- UBND", "NĐ -CP", "58-\n\nQĐ"),
#: not on both: "Quốc lộ 1 - BOT" is prose, not a symbol. A doubled one
#: ("126/2004 / / NĐ-CP") is a typing slip inside one symbol.
_SEP = (rf"(?:{SEPARATOR_CHAR}{_GAP}|{_GAP}{SEPARATOR_CHAR})"
        rf"(?:[ \t]{{0,2}}{SEPARATOR_CHAR}[ \t]{{0,2}})?")
#: One part of a symbol: capitals (with Đ) and digits, optionally one final
#: lowercase letter after two capitals (TTg, TTr, CTr, QĐi; not "So" of a list
#: "2/ Số lượng" typed without diacritics), not followed by another letter; a
#: bracketed unit stays with its part ("511/TTr-CAT(PC04)").
#: (its capitals, and the characters that go on a part; named for the
#: compiled token pass, ``parsers.scan``)
SYMBOL_CAPITAL = "[A-ZĐÐ]"
SYMBOL_BODY = "[A-ZĐÐ0-9&]"
SYMBOL_PART = (r"(?:" + "".join(f"{regex.escape(p)}|" for p in INNER_LOWER_PARTS)
               + rf"{SYMBOL_CAPITAL}{SYMBOL_BODY}*(?:\.[A-ZĐÐ0-9]+)*"
               + rf"(?:(?<={SYMBOL_BODY}{{2}})[a-z])?"
               # a National Assembly term typed apart: "75/2006/QH 11"
               r"(?:(?<=QH)[ \t](?:1[0-9]|[1-9])(?![\p{N}/]))?"
               r"(?:\([A-ZĐÐ0-9][A-ZĐÐ0-9.\-]{0,9}\))?)(?![\p{L}])")
#: A character a symbol part can open with.
SYMBOL_PART_START = ("[A-ZĐÐ" + "".join(sorted({regex.escape(p[0]) for p in INNER_LOWER_PARTS}))
                     + "]")
#: The number: digits, with a dot or a letter ("66.7/2025/NQ-CP",
#: "12a/QĐ-UBND") or a sub-number ("136-12/PT-NC"). Not after a capital or a
#: digit ("A3/A0" is a paper size); a standard's "QCVN 32:2018/…" is
#: refused by ``NOT_DOCUMENT``.
#: (ASCII digits: "[0-9]" scans several times faster than the Unicode "\d")
NUMBER_BLOCKED_BY = r"[\p{Lu}\p{N}/.,\-\u2044\u2215s]"
_NUMBER = (rf"(?<!{NUMBER_BLOCKED_BY})[0-9]{{1,5}}"
           r"(?:\.[0-9]{1,3}(?=[/\-\u2044])|[a-z](?=[/\-])|-[0-9]{1,4}(?=/))?")
_YEAR = r"(?:19|20)[0-9]{2}(?![\p{N}])"

#: The bare number/symbol token: "58-QĐ/TU", "09/CT-UBND", "10/2025/NQ-HĐND".
#: Every reference is anchored on one; the rest of a citation (type word,
#: date, issuer) is read around it.
NUMBER_SYMBOL = regex.compile(
    rf"{_NUMBER}(?:{_SEP}{_YEAR}(?={_SEP}))?(?:{_SEP}{SYMBOL_PART}){{1,6}}"
)

#: Sloppy typing spaces a dash on both sides: "12/QĐ - UBND", "58 - QĐ/TU".
#: Accepted only where the symbol would otherwise be incomplete (see
#: ``citations._anchors``), because "Quốc lộ 1 - BOT" is prose.
SPACED_TAIL = regex.compile(
    rf"[ \t]{{1,3}}{_DASH}[ \t]{{1,3}}({SYMBOL_PART}(?:{_SEP}{SYMBOL_PART}){{0,4}})"
)
SPACED_PARTY = regex.compile(
    rf"{_NUMBER}[ \t]{{1,3}}{_DASH}[ \t]{{1,3}}"
    rf"{SYMBOL_PART}/{SYMBOL_PART}(?:{_SEP}{SYMBOL_PART}){{0,4}}"
)
#: A symbol whose separators the typist spaced, a "/" on both sides ("Thông
#: tư số 39 / 2008/TT-BTC", "Chỉ thị số 32-CT / TW", "57/2002/NĐ / CP", "11 /
#: 2004 / / NQ-HĐND", the spacing of a whole collection of provincial
#: decisions). Read only where a type word stands before it (see
#: ``citations._anchors``): "20 / 30 người" is prose.
_SPACED_SEP = rf"[ \t]{{0,2}}(?:{SEPARATOR_CHAR}[ \t]{{0,2}}){{1,2}}"
SPACED_SYMBOL = regex.compile(
    rf"{_NUMBER}(?:{_SPACED_SEP}{_YEAR}(?={_SPACED_SEP}))?(?:{_SPACED_SEP}{SYMBOL_PART}){{1,6}}"
)
#: What each match of SPACED_SYMBOL that the plain token misses holds.
SPACED_SLASH = regex.compile(r"[ \t]/|/[ \t]")
#: Where such a symbol can start apart from a plain token: a number (and
#: year) with a spaced separator after it ("39 / 2008/…", "1959 / TTr-LT",
#: "114/2004 / QĐ-UB", "49 - LTC / HĐNN") …
SPACED_NUMBER = regex.compile(
    rf"{_NUMBER}(?=(?:{_SLASH}{_YEAR})?[ \t]{{1,2}}{SEPARATOR_CHAR}[ \t]{{0,2}}"
    rf"(?:{SEPARATOR_CHAR}[ \t]{{0,2}})?(?:{SYMBOL_PART_START}|{_YEAR}))")
#: … or a plain token with one right after it ("57/2002/NĐ / CP", "33-CT /
#: TW") or right before it ("39 / 2008/TT-BTC", "11 / 2004 / / NQ-HĐND").
SPACED_AFTER = re.compile(r"[ \t]{1,2}/|/[ \t]")
SPACED_BEFORE = re.compile(r"[0-9][ \t]{0,2}/[ \t/]{0,4}$")
#: Cheap test before SPACED_PARTY's rare, costly pass: a dash spaced on both
#: sides after a number ("58 - QĐ/TU"; ``parsers.scan.number_tokens`` reads
#: it in its compiled pass, faster than this search). (its dash, and what may
#: follow it)
SPACED_DASH_CHAR = r"[-\u2013]"
SPACED_CAPITAL_CHAR = r"[A-ZĐÐ]"
SPACED_HINT = regex.compile(
    rf"[0-9][ \t]{{1,3}}{SPACED_DASH_CHAR}[ \t]{{1,3}}{SPACED_CAPITAL_CHAR}")

#: A reference cut after its number by a line break, a footnote or a page
#: header printed in the middle of it ("Kết luận số 103-" … "KL/TW").
#: (the dash or slash that ends such a line, and what may follow it there)
CUT_SEPARATOR_CHAR = rf"(?:{_DASH}|/)"
CUT_TAIL_CHAR = r"[ \t*_]"
DANGLING_NUMBER = regex.compile(
    rf"{_NUMBER}(?:/{_YEAR})?[ \t]*{CUT_SEPARATOR_CHAR}{CUT_TAIL_CHAR}*(?=\n)"
)
#: A line that ends in a dash or slash after a number (what
#: ``parsers.scan.cut_after_number`` finds, faster than this search).
DANGLING_HINT = regex.compile(rf"[0-9][ \t]*{CUT_SEPARATOR_CHAR}{CUT_TAIL_CHAR}*\n")
#: The rest of such a reference at the start of a later line.
CONTINUATION = regex.compile(
    rf"(?m)^[ \t*_]*({SYMBOL_PART}(?:{_SEP}{SYMBOL_PART}){{1,5}})"
)

# --- Words (folded text) -------------------------------------------------------------

_TYPE_PHRASES = [p for t in DOC_TYPES for p in t.phrases]
_ALL_TYPE_PHRASES = sorted(_TYPE_PHRASES + list(GENERIC_PHRASES), key=len, reverse=True)


def type_phrase(phrase: str) -> str:
    """OCR-tolerant regex of a folded type phrase."""
    # the d of a type word is a đ ("định", "điện", "Đề án"), which scans misread as p or b
    return ocr_tolerant(phrase, frozenset(i for i, c in enumerate(phrase) if c == "d"))


#: Words that, standing before a phrase, make it no type word: "Bãi bỏ Luật
#: số …": the "bỏ Luật" there is no Bộ luật.
_NOT_AFTER = {"bo luat": ("bai", "huy")}
#: How far before a type word its lookbehinds read (such a word and a space).
TYPE_WORD_LOOKBEHIND = max(len(w) + 1 for words in _NOT_AFTER.values() for w in words)


#: Any document-type phrase; group ``t`` is the phrase. Searched backwards
#: from a number (``regex.REVERSE``): the nearest type word comes first,
#: without scanning the whole window.
def _type_alternative(phrase: str) -> str:
    words = _NOT_AFTER.get(phrase)
    guard = rf"(?<!(?:{'|'.join(words)})\s)" if words else ""
    return guard + type_phrase(phrase)


TYPE_WORD = regex.compile(
    rf"(?<![a-z]){_first_letters(_ALL_TYPE_PHRASES)}"
    rf"(?P<t>{'|'.join(map(_type_alternative, _ALL_TYPE_PHRASES))})(?![a-z])",
    regex.REVERSE,
)


#: TYPE_WORD written for the text read backwards (``folded[::-1]``): each
#: phrase spelled from its last character, each lookaround mirrored (the
#: words before "bo luat" read after it). ``re`` searching it forward on the
#: reversed text finds what TYPE_WORD finds searching backwards (the nearest
#: type word first, the same alternative at each end), at a third of the
#: cost; see ``citations._type_word`` for the edges of the stretch.
def _mirrored_alternative(phrase: str) -> str:
    words = _NOT_AFTER.get(phrase)
    guard = rf"(?!\s(?:{'|'.join(w[::-1] for w in words)}))" if words else ""
    return type_phrase(phrase[::-1]) + guard


TYPE_WORD_MIRRORED = engine.compile(
    rf"(?<![a-z])(?P<t>{'|'.join(map(_mirrored_alternative, _ALL_TYPE_PHRASES))})"
    rf"(?<={_first_letter_class(_ALL_TYPE_PHRASES)})(?![a-z])"
)
#: (phrase, pattern) to tell which type a matched type word is.
TYPE_PHRASE_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (p, regex.compile(type_phrase(p))) for p in _ALL_TYPE_PHRASES
)

#: A line that starts with a type phrase: a candidate title line (folded).
TITLE_START = engine.compile(
    rf"(?:{'|'.join(type_phrase(p) for p in sorted(_TYPE_PHRASES, key=len, reverse=True))})"
    r"(?![a-z])"
)

#: "số" and what OCR makes of it: "so", "s6", "sd", "sé", "s".
SO = r"s[o06dea5]?\s*[.:]?"

#: A form, appendix or contract number right before the anchor (folded):
#: "Mẫu số 01/GTGT", "Phụ lục số 02/PL-BTC".
#: Numbers listed before the last one of a list ("mẫu số 01, 02, 03/HĐBC-QH").
_LISTED_NUMBERS = r"(?:\s*\d{1,4}[a-z]?\s*(?:,|va(?![a-z])))*"
NOT_DOCUMENT = engine.compile(
    rf"(?<![a-z])(?:(?:{_alternation(list(NOT_DOCUMENT_PHRASES))})\s*(?:{SO})?{_LISTED_NUMBERS}"
    r"|(?:qcvn|tcvn|tcxdvn|tcn|iso|iec)\s*[\d.\-]*\s*:?)\s*$"
)
#: A form named right before the number: a form even after a type word
#: ("BIÊN BẢN Mẫu số 04/…", "Tờ khai mẫu số 01/…").
FORM_BEFORE = engine.compile(
    rf"(?<![a-z])(?:{_alternation(list(FORM_PHRASES))})\s*(?:{SO})?{_LISTED_NUMBERS}\s*$"
)

#: What may stand between a type word and the number: nothing, "số", or a
#: short title and "số" ("Luật Tổ chức chính quyền địa phương số").
TYPE_TAIL = engine.compile(
    rf"^[\s*_¹²³⁴-⁹]*(?:(?:[a-z0-9\-]+[ \t\n,]+){{0,16}}?{SO})?[\s*_]*$"
)

#: Connective text between two items of a list of references.
#: (matched from the item before's end to the next item's start: the stretch
#: between them is glue only as a whole; its runs of white space are taken
#: whole ("*+"): giving some back to the next run cannot make a match, and a
#: long run before prose cost milliseconds of backtracking)
LIST_GLUE = engine.compile(
    r"[\s,*_¹²³⁴-⁹]*+(?:va|hoac|cung|,)?[\s,]*+(?:cac\s+)?(?:so\s*:?)?\s*$")

#: "ngày 20/11/2025", "ngày 20 tháng 11 năm 2025" and their OCR forms.
DATE = regex.compile(
    # (a .docx footnote marker "[1]" may stand between the symbol and the date)
    # (a flattened table's cell borders may stand after "ngày": "ngày |   |\n|11/12/2024")
    r"(?:[\s,*_¹²³⁴-⁹()]|\[\d{1,3}\])*(?:ban\s+hanh\s+)?ng\w{1,2}y\s*:?[\s|]*"
    r"(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4,5})"
    r"|(?P<d2>\d{1,2})\W{0,2}\s+(?:t?h\w{1,3}ng|ng\w{1,2}y)\s+(?P<m2>\d{1,2})\s*,?\s+"
    r"n\w{1,2}m\s+(?P<y2>\d{4}))"
)
#: "của" and its OCR forms ("cua", "ctia", "ciia", "cta").
OF = engine.compile(r"[\s,*_¹²³⁴-⁹]*c[a-z]{1,2}a\s+")

#: The name of a body whose words need each other ("Bộ Giao thông vận tải",
#: "Ban Kinh tế và Ngân sách"), possibly broken across lines.
BODY_NAME = engine.compile(
    "(?:" + "|".join(
        r"\s+".join(regex.escape(w) for w in name.strip().split())
        for name in sorted(BODY_NAMES, key=len, reverse=True)
    ) + ")(?![a-z])"
)
#: A province or city name, possibly broken across lines.
PLACE_NAME = engine.compile(
    _first_letters(list(PLACE_NAMES)) + "(?:" + "|".join(
        r"\s+".join(regex.escape(w) for w in name.strip().split())
        for name in sorted(PLACE_NAMES, key=len, reverse=True)
    ) + ")(?![a-z])"
)


def _opening_words(names: Iterable[str]) -> frozenset[str]:
    """The first word of each name (folded, ASCII letters only: each is
    whole where a name matches, a space or a non-letter after it)."""
    words = frozenset(name.strip().split()[0] for name in names)
    odd = sorted(w for w in words if not _LETTERS.fullmatch(w))
    if odd:
        raise ValueError(f"names must open with a word of letters a-z: {odd}")
    return words


_LETTERS = re.compile(r"[a-z]*")
#: The words BODY_NAME's and PLACE_NAME's names open with.
BODY_NAME_OPENINGS = _opening_words(BODY_NAMES)
PLACE_NAME_OPENINGS = _opening_words(PLACE_NAMES)


def name_near(pattern: regex.Pattern[str], openings: frozenset[str], folded: str,
              pos: int) -> regex.Match[str] | None:
    """``match_near(pattern, folded, pos)`` for BODY_NAME or PLACE_NAME (with
    the words their names open with), tried only where the run of letters at
    ``pos`` is one of those words: no match can start anywhere else, and a
    pattern call costs more than the test."""
    if _LETTERS.match(folded, pos).group() not in openings:  # type: ignore[union-attr]
        return None
    return match_near(pattern, folded, pos)

#: A footnote's mark at the start of its line: "¹", "2", OCR's "!", "*".
FOOTNOTE_MARK_CHAR = r"[\d¹²³⁴-⁹!*]"
#: Clause boundaries: a relation word before one of these does not reach a
#: reference after it.
BOUNDARY = regex.compile(
    # (only [ \t] after a line break: "\n\s*" would rescan every run of
    # blank lines once per line break, quadratic on PDF text full of them)
    r"(?:(?P<semi>;)|(?P<stop>\.(?=\s+[\p{Lu}\d]))|(?P<colon>:[ \t]*\n)"
    r"|(?P<num>\n[ \t]*(?:\d+(?:\.\d+)*[.)]|[IVX]+\.)[ \t])"
    r"|(?P<bullet>\n[ \t]*(?:[-+•*–]|[a-zđ]\))[ \t])"
    # a footnote starts below the page's text: "¹ Theo …", OCR "! Theo …",
    # "[3] Theo …", often after a separator line of spaces
    rf"|(?P<note>\n[ \t]*(?:{FOOTNOTE_MARK_CHAR}{{1,2}}|\[\d{{1,3}}\])[ \t]+(?=\p{{Lu}})"
    r"|\n[ \t]{8,}(?=\n)))"
)

#: Trigger phrases, longest first so "huong dan thuc hien" wins over
#: "thuc hien"; group ``t<i>`` names the index into ``TRIGGERS_BY_LENGTH``.
#: A line that opens with a capitalized clause word ("Căn cứ …", "Thực hiện …")
#: starts a new clause even without punctuation before it (the subject line
#: above it ends with none). Matched on the folded text; the caller checks
#: the capital on the NFC text.
LINE_OPENER = engine.compile(
    r"\n[ \t]*(?=(?:"
    + "|".join(ocr_tolerant(p) for p in ("can cu", "thuc hien", "trien khai", "theo", "xet",
                                           "tiep tuc", "kinh gui", "de nghi", "giao"))
    + r")(?![a-z]))"
)
TRIGGERS_BY_LENGTH = tuple(sorted(TRIGGERS, key=lambda t: len(t.phrase), reverse=True))
_TRIGGER_ALTERNATION = (
    "(?<![a-z])" + _first_letters([t.phrase for t in TRIGGERS]) + "(?:" + "|".join(
        f"(?P<t{i}>{ocr_tolerant(t.phrase)}(?![a-z])"
        + (f"(?!\\s+{t.not_before}(?![a-z]))" if t.not_before else "") + ")"
        for i, t in enumerate(TRIGGERS_BY_LENGTH)
    ) + ")"
)
TRIGGER_PATTERN = engine.compile(_TRIGGER_ALTERNATION)
#: Every spelling of a trigger phrase's first two words ("first second"; every
#: phrase has two or more): a phrase starts only where one of them stands, the
#: words apart by white space, no letter after the second
#: (``parsers.scan.triggers``).
TRIGGER_OPENINGS = tuple(sorted(
    {f"{first} {second}" for t in TRIGGERS
     for first in ocr_variants(t.phrase.split()[0])
     for second in ocr_variants(t.phrase.split()[1])}))
#: "(đã) được sửa đổi, bổ sung bởi/tại …": the later reference acts on the earlier.
PASSIVE = engine.compile(
    rf"[\s,(]*(?:da\s+)?duoc\s+(?:{'|'.join(ocr_tolerant(t.phrase) for t in TRIGGERS)})"
)
CAN_CU = engine.compile(rf"[\s\-+*•(]*{ocr_tolerant('can cu')}(?![a-z])")
#: What a clause opens with before its governing word: numbering, bullets,
#: "Việc" ("1. Thực hiện …", "- Căn cứ …", "Việc triển khai thực hiện …").
CLAUSE_LEAD = engine.compile(r"[\s\-+*•–(]*(?:(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.)]\s*)?(?:viec\s+)?")
#: A heading that lists the document's legal basis: "Căn cứ pháp lý:",
#: "II. CĂN CỨ PHÁP LÝ", "1. Sự cần thiết và căn cứ pháp lý" (folded; the
#: line holds nothing else).
LEGAL_BASIS_HEADING = engine.compile(
    r"[ \t*\-+•]*(?:(?:\d+|[ivx]+|[a-z])[.)][ \t]*)?(?:[a-z ,]{0,40}\s)?"
    + ocr_tolerant("can cu phap ly") + r"(?:\s+(?:co\s+)?lien\s+quan)?[ \t]*(?::|(?=\n|$))"
    # "A. SỰ CẦN THIẾT VÀ CƠ SỞ PHÁP LÝ", "1. Sự cần thiết và cơ sở pháp lý giải thể
    # Hiệp hội …": the same heading in other words, its matter on the line
    r"|[ \t*\-+•]*(?:(?:\d+|[ivx]+|[a-z])[.)][ \t]*)?(?:" + ocr_tolerant("su can thiet va")
    + r"\s+)?" + ocr_tolerant("co so phap ly") + r"(?:[ \t]+[a-z ,]{1,80})?[ \t]*(?::|(?=\n|$))"
)
#: "… thực hiện theo quy định tại …": a provision is cited, not implemented.
PROVISION_CITED = engine.compile(r"theo\s+quy\s+dinh|quy\s+dinh\s+tai(?![a-z])")
SUBJECT_OPENER = engine.compile(
    rf"[\s,\u201c\"(]*(?:{'|'.join(ocr_tolerant(p) for p in SUBJECT_OPENERS)})(?![a-z])"
)

# --- Header ------------------------------------------------------------------------------

#: The document's own "Số:" field (folded): "Số: 72/TB-UBND", "Số 58-QĐ/TU",
#: "Số:" with the number on the next line or in the next table cell, a
#: draft's blank "Số:    /QĐ-UBND", a law's "Luật số: 51/2024/QH15", OCR's
#: "S6:71". The caller checks the capital S (or the type word's capital).
HEADER_FIELD = engine.compile(
    r"(?<![a-z0-9/])(?:(?P<type>luat|bo luat|phap lenh|lenh|nghi quyet|sac lenh)\s+s[o06dea5]\s*:"
    r"|(?P<s>s)[o06dea5]?[ \t]*(?:hieu[ \t]*)?[:.]?)[ \t]*"
    r"(?=[ \t|]*\n?[ \t|]*[\d.…_]|[\d.…_ \t]*[/\-]|[ \t|]*\n[ \t|.…_]*/)"
)
#: "Place, ngày" in a header cell (folded); the place is read from the raw
#: text before the comma (see ``parsers.header``).
PLACE_DATE_START = regex.compile(r"(?P<place>)[ \t]*,[ \t]*ng\w{1,2}y(?![a-z])")
#: … or a province or city named right before "ngày", with no comma ("Hà Nội
#: ngày 11 tháng 4 năm 2025"): the place ends where the group ``gap`` starts.
_PLACE_BEFORE = regex.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(PLACE_NAMES, key=len, reverse=True)) + r")(?P<gap>[ \t]+)$")


def place_date_start(folded: str, pos: int, endpos: int) -> tuple[int, int] | None:
    """(where the place ends, where "ngày" ends) of the first place-and-date
    opening in ``folded[pos:endpos]`` (:data:`PLACE_DATE_START`, or the bare
    form after a province's name, tried only where "ng" stands), or None."""
    m = PLACE_DATE_START.search(folded, pos, endpos)
    if m is not None:
        return m.start(), m.end()
    at = folded.find(" ngay", pos, endpos)  # (spelled out: OCR's forms come with a comma)
    while at >= 0:
        end = at + 5
        if not folded[end : end + 1].isalpha() and (
                place := _PLACE_BEFORE.search(folded, max(pos, at - 30), at + 1)) is not None:
            return place.start("gap"), end
        at = folded.find(" ngay", end, endpos)
    return None
#: The date of a place-and-date field, its parts possibly on several lines
#: ("ngày 28 tháng 11\nnăm 2024") or with slashes; blanks give no match.
HEADER_DATE = regex.compile(
    r"ng\w{1,2}y\s*:?\s*(?:(?P<d>\d{1,2})\D{0,3}?\s*t?h\w{1,3}ng\s+(?P<m>\d{1,2})\s*,?\s+"
    r"n\w{1,2}m\s+(?P<y>\d{4})|(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))"
)
#: A draft's blank number: "Số:      /TB-UBND", "Số: …/QĐ-UBND", "Số: /2015/TT-BTC".
BLANK_NUMBER = regex.compile(
    rf"^[ \t.…_|]*(?:{_DASH}|/)[ \t]*(?:(?:19|20)\d\d[ \t]*/[ \t]*)?"
    rf"({SYMBOL_PART}(?:{_SEP}{SYMBOL_PART}){{0,5}})"
)
SUBJECT_PREFIX = regex.compile(r"^\s*[\u201c\"]?\s*(?:v\s*/\s*v|v\.v)\b")  # (quoted: "“V/v …”")
