"""Find every reference to another numbered document in a text.

Each reference is anchored on its number/symbol token (``NUMBER_SYMBOL``);
the type word before it, and the date and issuer after it, are read from the
folded text around the anchor. Then each reference gets the relation the
sentence states, and relations between two cited documents are collected.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from parsers import engine
from parsers.models import Mention
from parsers.normalize import canonical_key, fold, iso_date, split_key
from parsers.patterns import (
    BODY_NAME,
    BODY_NAME_OPENINGS,
    CONTINUATION,
    DANGLING_NUMBER,
    DATE,
    FORM_BEFORE,
    LIST_GLUE,
    NEAR,
    NOT_DOCUMENT,
    OF,
    PLACE_NAME,
    PLACE_NAME_OPENINGS,
    SPACED_AFTER,
    SPACED_BEFORE,
    SPACED_SLASH,
    SPACED_SYMBOL,
    SPACED_TAIL,
    TITLE_START,
    TYPE_PHRASE_PATTERNS,
    TYPE_TAIL,
    TYPE_WORD,
    TYPE_WORD_LOOKBEHIND,
    TYPE_WORD_MIRRORED,
    match_near,
    name_near,
)
from parsers.scan import covered, cut_after_number, spaced_party, tokens_and_spaced_numbers
from parsers.vocabulary import (
    ALSO_WRITTEN,
    ASSOCIATION_HEADS,
    BODY_NAMES,
    DEFAULT_TYPE,
    DOC_TYPES,
    ISSUER_CODE_WORDS,
    ISSUER_HEADS,
    ISSUER_JOINERS,
    ISSUER_STARTS,
    ISSUER_STOP_CAPITALIZED,
    ISSUER_STOP_WORDS,
    ISSUER_WORDS,
    QUOC_HOI_TYPE,
    TYPE_BY_ABBREVIATION,
)

_TYPE_BY_PHRASE = {p: t.name for t in DOC_TYPES for p in t.phrases}
#: How far back a type word may stand before its number.
_TYPE_LOOKBACK = 160
#: How far after a dangling number its continuation may be printed.
_CONTINUATION_LOOKAHEAD = 1500
#: The most words an issuer takes ("Ban Chấp hành Đảng bộ tỉnh khóa XVII").
_ISSUER_MAX_WORDS = 14
#: Two-word phrases that end an issuer although each word could be part of
#: one: "Ban hành" (issue) is a verb where "Ban Thường vụ" is a body; "phù
#: hợp" folds like "phủ hợp"; "và Quyết định số …" starts the next reference.
_ISSUER_STOP_PHRASE = engine.compile(
    r"(?:ban\s+hanh|phu\s+hop|dong\s+thoi|thuc\s+hien|trien\s+khai)(?![a-z])"
)
#: Phrases that end an issuer when written in small letters: the subject
#: going on without "về" or "quy định" ("… của Chính phủ bổ sung Nghị định …",
#: "… của Ủy ban nhân dân tỉnh kế hoạch hành động …", "… của Chính phủ tổ
#: chức, hoạt động và quản lý hội", "… của Chủ tịch UBND tỉnh công bố thủ tục
#: …", "… của Chính phủ cơ sở dữ liệu …"); capitalized they name a body
#: ("Phòng Kế hoạch - Tài chính", "Ban Tổ chức Tỉnh ủy").
_ISSUER_STOP_LOWER_PHRASES = ("bo sung", "ke hoach", "to chuc", "cong bo", "cong nhan",
                              "co so du lieu", "giao nhiem vu", "thong qua")
#: The issuer's act between its name and the date ("… của Quốc hội thông qua ngày …").
_PASSED = engine.compile(r"\s+(?:thong\s+qua|ban\s+hanh|ky)(?=\s+ng)")
_ISSUER_STOP_LOWER = engine.compile(
    "(?:" + "|".join(p.replace(" ", r"\s+") for p in _ISSUER_STOP_LOWER_PHRASES) + ")(?![a-z])")
#: The first words of those phrases: the pattern is tried only at one.
_ISSUER_STOP_LOWER_FIRST = frozenset(p.split()[0] for p in _ISSUER_STOP_LOWER_PHRASES)
_WORD = engine.compile(r"\S+")
#: Words opening a part of a text (folded): "và Chương II", "và Danh mục".
_TEXT_PARTS = frozenset("chuong dieu khoan diem muc phan danh phu mau".split())
#: Small-letter words that fold like words of a body's name but never stand
#: in one ("có" like "cổ phần", "kể" like "kế hoạch", "tới" like "tối cao",
#: "đúng" like "xây dựng", "số" like "Sở", "trì" like "chính trị").
_NOT_IN_A_NAME = frozenset("có kể tới đúng số trì dữ bố cơ".split())
#: Levels of a place numbered in cities ("Ủy ban nhân dân quận 3", "phường 5").
_NUMBERED_LEVELS = frozenset({"quan", "phuong"})
#: Last words (folded) at which a body's name is complete: a level of a place
#: ("UBND tỉnh"), a place or a name read whole (""), "Chính phủ".
_COMPLETE_AT = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "", "phu"})
_CAPS_LINE = regex.compile(r"\p{Lu}+(?:[ \t]+\p{Lu}+){2,}[ \t]*(?:\n|$)")
_CAPITAL_SOON = regex.compile(
    r"[ \t]*\n?[ \t]*(?:\p{Ll}+[ \t]+\n?[ \t]*){0,3}"
    r"(?:\p{Lu}|(?:t[ỉi]nh|th[àa]nh[ \t]+ph[ốo]|huy[ệe]n|x[ãa]|ph[ưu][ờo]ng|qu[ậa]n)(?!\p{L}))")
#: A former or renamed body: "UBND thành phố Đà Lạt (cũ)": after "của" in the
#: text, and (folded) at the end of a name written before its verb.
_FORMER_WORDS = ("cũ", "mới", "trước sắp xếp", "trước khi sắp xếp")
_FORMER = engine.compile(rf"[ \t]*\((?:{'|'.join(_FORMER_WORDS)})\)")
_FORMER_BEFORE = engine.compile(
    rf"[ \t]*\((?:{'|'.join(fold(w) for w in _FORMER_WORDS)})\)[ \t]*$")
#: A title in quotes or brackets between two items of a list ("Công văn số A
#: “V/v …” và Công văn số B").
_DESCRIPTION = engine.compile(r"\s*(?:\u201c[^\u201d]{0,300}\u201d|\([^)]{0,300}\))")
#: How far before a type word a "<body> có/ban hành" may start.
_BEFORE_REACH = 140
_VERB_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N})])\s+(?:(?:da\s+|vua\s+)?(?:co|ky\s+ban\s+hanh|ban\s+hanh|ky|gui|trinh|ra)"
    r"(?:\s+kem\s+theo)?|(?P<at>tai))\s+",
    regex.REVERSE,
)
_DATE_LEAD = regex.compile(
    r"\s*ng\w{1,2}y\s+(?:\d{1,2}\s+th\w{1,3}ng\s+\d{1,2}\s+n\w{1,2}m\s+\d{4}"
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s+"
)
_VERB_TAIL = re.compile(r"(?:co|hanh|ky|gui|trinh|ra|tai|theo)\s+$")
#: "… đề nghị của <body> tại Tờ trình số …": the body after "của".
_OF_BEFORE = engine.compile(r"c[a-z]{1,2}a\s+$")
_DATE_BEFORE = regex.compile(
    r"ng\w{1,2}y\s+(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+th\w{1,3}ng\s+(?P<m2>\d{1,2})\s+n\w{1,2}m\s+(?P<y2>\d{4}))\s*,?\s*$"
)
ISSUER_START = engine.compile(
    "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in p.split())
                     for p in sorted(ISSUER_STARTS, key=len, reverse=True))
    + r")(?![a-z])"
)
_BODY_WORDS = frozenset(w for name in BODY_NAMES for w in name.replace(",", "").split())
_NEXT_WORD = engine.compile(r"\s+(\S)")
_TRAILING_PUNCT = regex.compile(r"[^\p{L}\p{N}/&]+$")
#: Characters ``_TRAILING_PUNCT`` keeps, among those Vietnamese words end in
#: (Latin, with its extensions for Vietnamese): a word ending in one has
#: nothing to strip, and most words do (the pattern is not called for them).
_WORD_END_KEPT = frozenset(regex.findall(
    r"[\p{L}\p{N}/&]", "".join(map(chr, [*range(0x250), *range(0x1E00, 0x1F00)]))))
_SPACES = engine.compile(r"\s+")
_SYMBOL_SEP = engine.compile(r"[-/]")
_QUOC_HOI = engine.compile(r"QH\d*")
#: Who issues a Chỉ thị ("09/CT-UBND", "05/CT-TTg", "37-CT/TW"): after CT they
#: name the body; a tax office's "CT-CS" names a department after Cục Thuế.
_DIRECTIVE_ISSUER = engine.compile(
    r"UBND|TTg|CP|TW|HĐND|NHNN|VPCP|KTNN|TANDTC|VKSNDTC|B[A-ZĐ]{1,8}|[A-ZĐ]{0,4}U|UB[A-ZĐ]*"
)
#: A key of a number and one short part ("1/HO") … (no dash: tested first)
_ONE_PART = engine.compile(r"[^/\-]+/[A-ZĐ]{1,3}")
#: … followed by a word in capitals that is not "NGÀY", "CỦA", "VỀ", "VÀ".
_CAPS_WORD_AFTER = regex.compile(
    r"[ \t]+(?!(?:NGÀY|NGAY|CỦA|CUA|VỀ|VE|VÀ|VA|V/V|TẠI|TAI)\b)\p{Lu}{2,}\b"
)
#: A state-style number whose symbol has only its type part so far ("12/QĐ";
#: no dash: tested first, as a pattern call costs more).
_TYPE_ONLY = engine.compile(r"\d+(?:/\d{4})?/\s*[A-ZĐ]+[a-z]?")


@lru_cache(maxsize=65536)
def type_from_symbol(key: str) -> str | None:
    """Document type named by the symbol's type abbreviation, if any.

    >>> type_from_symbol("58-QĐ/TU"), type_from_symbol("576/UBND-TH")
    ('Quyết định', None)
    """
    _, year, symbol = split_key(key)
    parts = _SYMBOL_SEP.split(symbol)
    if parts and parts[0] == "CT" and year is None and "-CT/" not in key and not (
            len(parts) > 1 and _DIRECTIVE_ISSUER.fullmatch(parts[1])):
        return None  # "5348/CT-CS": a tax office (Cục Thuế) and its department
    if parts and parts[0] in TYPE_BY_ABBREVIATION:
        return TYPE_BY_ABBREVIATION[parts[0]]
    if len(parts) == 1 and _QUOC_HOI.fullmatch(parts[0]):
        return QUOC_HOI_TYPE
    return None


def _keeps_list_type(list_type: str | None, symbol_type: str | None, key: str) -> bool:
    """An untyped item of a list takes the list's type unless its symbol names
    another type ("Quyết định số 12/QĐ-UBND và 13/KH-UBND": a Kế hoạch);
    a symbol the list's type also carries ("các Quy định số 70-QĐ/TU và
    04-QĐ/TU") or a guess from a bare QH symbol does not count."""
    if symbol_type is None or symbol_type == list_type:
        return True
    first = _SYMBOL_SEP.split(split_key(key)[2])[0]
    return first not in TYPE_BY_ABBREVIATION or first in ALSO_WRITTEN.get(list_type or "", ())


@lru_cache(maxsize=4096)
def _phrase_type(matched: str) -> str | None:
    for phrase, pattern in TYPE_PHRASE_PATTERNS:
        if pattern.fullmatch(matched):
            return _TYPE_BY_PHRASE.get(phrase)  # None for "văn bản"
    return None


#: A symbol typed in small letters ("quyết định số 06/2008/qđ-ubnd", a
#: title lowercased by its publisher): a reference only after a type word.
_LOWER_SYMBOL = regex.compile(
    r"(?<![\w./-])\d{1,5}[a-z]?(?:/\d{4})?/[a-zđ]{1,6}(?:-[a-zđ]{1,10}){1,3}(?![\w/-])")


#: What every such symbol holds ("/qđ-u"), found at C speed: the full
#: pattern, a fifth of the parse time if tried at every digit, runs only
#: on the few texts that hold it (22 of the 944 of the corpus).
_LOWER_SYMBOL_HINT = re.compile(r"/[a-zđ]{1,6}-[a-zđ]")


def _anchors(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, key, joined) of every number/symbol token; ``joined`` marks
    one that is a reference only after a type word: cut by a footnote or page
    header printed in the middle, or typed in small letters."""
    found: list[tuple[int, int, str, bool]] = []
    # NUMBER_SYMBOL.finditer, and SPACED_HINT.search, in one compiled pass when built
    spans, spaced_dash, spaced_numbers = tokens_and_spaced_numbers(text)
    for start, end in spans:
        raw = text[start:end]
        if "-" not in raw and _TYPE_ONLY.fullmatch(raw) and (
                tail := match_near(SPACED_TAIL, text, end)):
            end, raw = tail.end(), raw + "-" + tail.group(1)  # "12/QĐ - UBND"
        key = canonical_key(raw)
        if key and not ("-" not in key and _ONE_PART.fullmatch(key)
                        and match_near(_CAPS_WORD_AFTER, text, end)):
            # "số 1/HO SO" (a list heading typed without diacritics) is prose
            # in capitals, as "số 1/HỒ SƠ" is
            found.append((start, end, key, False))
    if spaced_dash:
        extra = [(m.start(), m.end(), key, False)
                 for m in spaced_party(text)  # "58 - QĐ/TU"
                 if not covered(found, m.start()) and (key := canonical_key(m.group()))]
        found = sorted(found + extra)
    found = _with_spaced_slashes(text, found, spans, spaced_numbers)
    lower = [(m.start(), m.end(), key, True) for m in _LOWER_SYMBOL.finditer(text)
             if not covered(found, m.start()) and (key := canonical_key(m.group().upper()))
             ] if _LOWER_SYMBOL_HINT.search(text) else []
    if lower:
        found = sorted(found + lower)
    if not cut_after_number(text):
        return found
    joined = []
    for m in DANGLING_NUMBER.finditer(text):
        if covered(found, m.start()):
            continue
        limit = min(len(text), m.end() + _CONTINUATION_LOOKAHEAD)
        for c in CONTINUATION.finditer(text, m.end(), limit):
            key = canonical_key(m.group() + c.group(1))
            if key:
                joined.append((m.start(), c.end(1), key, True))
                break
    return sorted(found + joined)


_YEAR_PART = re.compile(r"(?:19|20)[0-9]{2}")


def _with_spaced_slashes(text: str, found: list[tuple[int, int, str, bool]],
                         tokens: list[tuple[int, int]], numbers: list[int]
                         ) -> list[tuple[int, int, str, bool]]:
    """``found`` with each symbol typed with a spaced "/" (:data:`SPACED_SYMBOL`)
    in place of the pieces of it the plain token read ("2008/TT-BTC" of "39 /
    2008/TT-BTC", "57/2002/NĐ" of "57/2002/NĐ / CP"). Such a symbol opens at
    one of ``numbers`` (a number with a spaced slash after it, no token) or
    at, or right before, one of ``tokens`` a spaced slash touches (read at C speed: the
    whole-text search cost a fifth of the parse). A match that opens where no
    plain token did is a reference only after a type word."""
    tried: dict[tuple[int, int], regex.Match[str]] = {}  # (the same match from two tokens once)
    for s in numbers:
        if m := SPACED_SYMBOL.match(text, s, s + NEAR):
            tried[m.span()] = m
    for s, e in tokens:
        if "/" in text[e : e + 3] and SPACED_AFTER.match(text, e) or (
                text.find("/", max(0, s - 8), s) >= 0
                and SPACED_BEFORE.search(text, max(0, s - 10), s)):
            m = SPACED_SYMBOL.search(text, max(0, s - 10), min(len(text), e + NEAR))
            if m and m.start() <= s < m.end():
                tried[m.span()] = m
    for _, m in sorted(tried.items()):
        s, e = m.span()
        if not SPACED_SLASH.search(text, s, e):
            continue  # the plain token's own
        key = canonical_key(m.group())
        if not key:
            continue
        parts = key.split("/")
        if "-" not in parts[0]:
            # a state symbol ("number/type-body", "number/year/type-body", not
            # the Party's "number-type/body"): a slash typed after the type is
            # the dash ("57/2002/NĐ / CP" is 57/2002/NĐ-CP)
            head = 2 if len(parts) > 2 and _YEAR_PART.fullmatch(parts[1]) else 1
            key = "/".join(parts[:head]) + "/" + "-".join(parts[head:])
        inside = [t for t in found if t[0] < e and t[1] > s]
        if any(t[0] < s or t[1] > e for t in inside):
            continue  # part of a longer token
        joined = not any(t[0] == s for t in inside)
        found = sorted([t for t in found if t not in inside] + [(s, e, key, joined)])
    return found


def _form_words_in(stretch: str) -> bool:
    """A word of :data:`FORM_PHRASES` stands in ``stretch`` (found at C
    speed, before :data:`FORM_BEFORE` is tried)."""
    return "mau" in stretch or "phu luc" in stretch or "to khai" in stretch


def _type_word(folded: str, lo: int, anchor: int) -> tuple[int, str | None] | None:
    """(start, type) of the type word that introduces the number at ``anchor``:
    the nearest one before it whose tail to the number is "số" or a short title.

    ``TYPE_WORD.finditer(folded, lo, anchor)`` (nearest first), run as ``re``
    searches of TYPE_WORD_MIRRORED forward over the stretch read backwards
    from ``anchor``, each starting where the match before it ends. The edges
    read as finditer reads them: the stretch ends at ``anchor`` (nothing
    after it is seen), and the lookbehinds see the text before ``lo`` (the
    reversed stretch holds ``TYPE_WORD_LOOKBEHIND`` characters more; a match
    that runs into them is left to the reverse search).
    """
    base = max(0, lo - TYPE_WORD_LOOKBEHIND)
    backwards = folded[base:anchor][::-1]
    pos = 0
    while m := TYPE_WORD_MIRRORED.search(backwards, pos):
        start, stop = anchor - m.end(), anchor - m.start()
        if start < lo:
            return _type_word_searched_back(folded, lo, anchor)
        if TYPE_TAIL.match(folded[stop:anchor]):
            return start, _phrase_type(folded[start:stop])
        pos = m.end()
    return None


def _type_word_searched_back(folded: str, lo: int, anchor: int) -> tuple[int, str | None] | None:
    """:func:`_type_word` by reverse searches of TYPE_WORD (``regex``)."""
    # ``TYPE_WORD.finditer(folded, lo, anchor)`` one search at a time, as a
    # finditer costs twice a search and the first match mostly is the one:
    # each search ends where the match before it starts, and a match ending
    # there runs into a letter the text goes on with, which finditer, reading
    # on to ``anchor``, refuses
    hi = anchor
    while m := TYPE_WORD.search(folded, lo, hi):
        if m.end() == hi < anchor and "a" <= folded[hi] <= "z":
            hi -= 1  # (its "(?![a-z])" saw the end of the searched stretch)
            continue
        if TYPE_TAIL.match(folded[m.end() : anchor]):
            return m.start(), _phrase_type(m.group("t"))
        hi = m.start()
    return None


def _issuer(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """Issuer named after "của" at ``pos``, and where it ends."""
    m = match_near(OF, folded, pos)
    if not m:
        return None
    base = m.end()
    end = None
    last = ""  # the last word taken, folded
    first = ""  # the first word taken, folded
    for taken, w in enumerate(_WORD.finditer(text, base, base + 240), 1):
        at = w.start()
        if end is not None and at < end:
            continue  # inside a place name already taken
        raw = w.group()
        if raw == "|":
            continue  # a table cell's border inside a wrapped name
        if raw[0] == "|":  # the next row's border glued to the name's next word
            at += len(raw) - len(raw.lstrip("|"))
            raw = raw.lstrip("|")
        word = _TRAILING_PUNCT.sub("", raw) if len(raw) > 1 and raw[-1] not in _WORD_END_KEPT \
            else raw
        if not word:
            break
        f = folded[at : at + len(word)]
        place = name_near(PLACE_NAME, PLACE_NAME_OPENINGS, folded, at) \
            if word[0].isupper() else None
        place = place or name_near(BODY_NAME, BODY_NAME_OPENINGS, folded, at)
        if place:
            end, last, first = place.end(), "", first or f
            if end < len(text) and text[end] in ".,;:)":
                break
            continue
        if f in ISSUER_JOINERS:
            nxt = match_near(_NEXT_WORD, text, w.end())
            if nxt and nxt.group(1).isupper() and _joins_a_name(folded, nxt.start(1)) \
                    and not match_near(TITLE_START, folded, nxt.start(1)):
                continue  # "Sở Giáo dục và Đào tạo", not "UBND tỉnh và Quyết định số …"
            break
        if word in _NOT_IN_A_NAME:
            break  # "… Chính phủ có …", "… Quốc hội kể từ …": folded like "cổ", "kế"
        stops = ISSUER_STOP_WORDS if word[0].islower() else ISSUER_STOP_CAPITALIZED
        if f in stops or match_near(_ISSUER_STOP_PHRASE, folded, at) or (
                f in _ISSUER_STOP_LOWER_FIRST and word[0].islower()
                and match_near(_ISSUER_STOP_LOWER, folded, at)):
            break
        if word.isupper() and len(word) > 1 and end is not None and last not in ISSUER_HEADS \
                and "\n" in text[end:at] and _CAPS_LINE.match(text, at):
            break  # the next line is a heading in capitals ("ỦY BAN NHÂN DÂN TỈNH …")
        if word[0].isupper() and end is not None and (last in _COMPLETE_AT) \
                and "\n" in text[end:at] and ISSUER_START.match(folded, at):
            break  # a body complete at its place, another on the next line: a
            # table's next cell ("… của UBND tỉnh\nSở Nội vụ", "… tỉnh Lâm Đồng\nVăn phòng …")
        if last in _NUMBERED_LEVELS and word.isdigit() and len(word) <= 2:
            end, last = at + len(word), ""  # "quận 3", "Phường 10"
            if word != raw:
                break
            continue
        if f not in ISSUER_WORDS and not (word[0].isupper() and (
            "\n" not in text[end or base : at] or word.isupper() or last in ISSUER_HEADS
        )) and not (first in ASSOCIATION_HEADS and word[0].islower() and last
                    and _capital_follows(text, w.end())):
            # a capitalized word opening a new line is a new sentence ("Tiếp
            # tục …"), unless it is an acronym or an issuer word ("Tỉnh ủy");
            # an association's name may hold common words ("Hiệp hội Nước mắm
            # Phan Thiết") until its place ("… tỉnh Lâm Đồng xin …" ends there)
            break
        end, last = at + len(word), f
        first = first or f
        if word != raw or taken >= _ISSUER_MAX_WORDS:  # punctuation closes the name
            break
    if end is None:
        return None
    qualifier = match_near(_FORMER, text, end)  # "(cũ)", "(trước sắp xếp)"
    if qualifier:
        end = qualifier.end()
    name = _SPACES.sub(" ", text[base:end].replace("|", " ")).strip()
    return name, end


def _joins_a_name(folded: str, pos: int) -> bool:
    """The word at ``pos``, after "và" or "-", may go on with a body's name
    ("… Giáo dục và Đào tạo", "Sở Dân tộc và Tôn giáo"): it does not open a
    part of a text ("Quốc hội và Chương II", "… Nhà nước và Danh mục …")."""
    word = _WORD.match(folded, pos)
    return word is None or _TRAILING_PUNCT.sub("", word.group()) not in _TEXT_PARTS


def _capital_follows(text: str, pos: int) -> bool:
    """A capitalized word, or the level of a place ("tỉnh"), comes within the
    next four words, the name going on over a line break ("Hiệp hội Vận tải ô
    tô tỉnh Bình Thuận", "Liên đoàn Quần vợt tỉnh")."""
    m = match_near(_CAPITAL_SOON, text, pos)
    return bool(m)


#: What DATE may skip before "ngày": a superset (``re``'s white space holds
#: the ``regex`` module's), so where the character after it cannot open "ngày",
#: "ban hành" or a "[1]", DATE cannot match and is not tried.
_BEFORE_DATE = re.compile(r"[\s,*_¹²³⁴-⁹()]*")


def _date(folded: str, pos: int) -> tuple[str | None, int] | None:
    """:func:`_date_at`, tried only where DATE can open (``_BEFORE_DATE``)."""
    at = _BEFORE_DATE.match(folded, pos, pos + NEAR).end()
    if folded[at : at + 1] not in ("n", "b", "["):
        return None
    return _date_at(folded, pos)


def _closed_before_date(folded: str, pos: int) -> bool:
    """A parenthesis closes round the reference right after it, before the
    date that follows ("(gọi tắt là Nghị quyết số 50/NQ-CP), ngày 08/9/2025,
    Bộ …"): the date is the sentence's."""
    if folded.find(")", pos, pos + 3) < 0:
        return False  # (most references: read no further)
    at = _BEFORE_DATE.match(folded, pos, pos + NEAR).end()
    return folded.find("(", pos, at) < 0


def _date_at(folded: str, pos: int) -> tuple[str | None, int] | None:
    """(ISO date, end) of the DATE written at ``pos``, or None."""
    m = match_near(DATE, folded, pos)
    if not m:
        return None
    d, mo, y, d2, m2, y2 = m.groups()  # (one call: a named group costs a lookup each)
    if d is not None:
        return _iso(d, mo, y), m.end()
    return _iso(d2, m2, y2), m.end()


#: :func:`iso_date` of the parts as printed (the same dates recur in a text).
_iso = lru_cache(maxsize=1 << 12)(iso_date)


def _date_and_issuer(text: str, folded: str, pos: int) -> tuple[str | None, str | None, int]:
    """Date and issuer written after a number at ``pos`` ("…, ngày 20/11/2025
    của Ban Thường vụ Tỉnh ủy", or the issuer first), and where they end."""
    date = issuer = None
    if (got := _date(folded, pos)) and not _closed_before_date(folded, pos):
        date, pos = got
    if got_issuer := _issuer(text, folded, pos):
        issuer, pos = got_issuer
        if date is None:
            # "… của Quốc hội thông qua ngày 12 tháng 6 năm 2025"
            passed = match_near(_PASSED, folded, pos)
            if got := _date(folded, passed.end() if passed else pos):
                date, pos = got
    return date, issuer, pos


def _issuer_before(text: str, folded: str, start: int, key: str = ""
                   ) -> tuple[str | None, str] | None:
    """(date, body) written before the type word: "Ngày 24/7/2024, Chủ tịch
    Ủy ban nhân dân tỉnh có Công văn số 2769/…", "Quốc hội ban hành Nghị
    quyết số 202/…". ``key``: the reference's, whose symbol says whether one
    body or several issued it."""
    if not _VERB_TAIL.search(folded, max(0, start - 16), start):
        return None  # (cheap: the verb must end right before the type word)
    lo = max(0, start - _BEFORE_REACH)
    verb = _VERB_BEFORE.search(folded, lo, start)
    if not verb or verb.end() != start:
        return None
    body_end = verb.start()
    former = _FORMER_BEFORE.search(folded, lo, body_end)  # "… thành phố Đà Lạt (cũ)"
    cut = max(folded.rfind(ch, lo, former.start() if former else body_end) for ch in ",;.:()")
    body_start = cut + 1 if cut >= 0 else lo
    dated = _DATE_LEAD.match(folded, body_start, body_end)  # "Ngày 24 tháng 6 năm 1977 Hội đồng …"
    if dated:
        body_start = dated.end()
    if verb.group("at"):
        # only "của <body> tại": the body is what follows the last "của", or
        # the last "và" before a body's name ("Theo đề nghị của A tại Công văn
        # số … và Sở Nội vụ tại Tờ trình số …", "… của A và Sở Nội vụ tại …")
        of = folded.rfind("cua ", body_start, body_end)
        # (not for a joint document, "… của Sở Tư pháp và Sở Tài chính tại Tờ
        # trình liên ngành số 415/TTLN-TP-TC": its symbol names both)
        va = folded.rfind(" va ", body_start, body_end) if key.count("-") <= 1 else -1
        if va > of and ISSUER_START.match(folded, va + 4):
            of = va  # (" va " is as long as "cua ")
        if of < 0:
            return None
        body_start = of + 4
    found = list(_WORD.finditer(text, body_start, body_end))
    # "Việc Chủ tịch …", "DẪN ĐẾN CHỦ TỊCH …": the name starts at its head word
    while found and not (found[0].group()[0].isupper()
                         and ISSUER_START.match(folded, found[0].start())):
        found.pop(0)  # (a capitalized head word: "viên chức\nỦy ban …" starts at "Ủy")
    words = [w.group() for w in found]
    raw = " ".join(words)
    if not words or len(raw) > 90 or not words[0][0].isupper():
        return None
    opening = [i for i, w in enumerate(words) if w.startswith("(")] if former else []
    # the "(cũ)", "(trước sắp xếp)" closing it are no words of the name
    name_words = words[: opening[-1]] if opening else words
    if not all(w[0].isupper() or fold(w) in ISSUER_WORDS or fold(w) in _BODY_WORDS
               or w.isdigit() and i and fold(name_words[i - 1]) in _NUMBERED_LEVELS
               for i, w in enumerate(name_words)) and not (
            # "của <association> tại": its name may hold common words ("Hội
            # Luật gia tỉnh", "Hiệp hội Nước mắm Phan Thiết")
            verb.group("at") and fold(name_words[0]) in ASSOCIATION_HEADS):
        return None
    date = None
    # the date stands before the name ("Cơ quan, đơn vị\n-\nNgày 31/12/2025 Chính
    # phủ …") or before what opened the clause ("Ngày 25/02/2026, C04 - Bộ …")
    head = _DATE_BEFORE.search(folded, max(0, found[0].start() - 40), found[0].start()) \
        or _DATE_BEFORE.search(folded, max(0, body_start - 40), body_start)
    if head:
        date = iso_date(head.group("d") or head.group("d2"), head.group("m") or head.group("m2"),
                        head.group("y") or head.group("y2"))
    return date, raw


def find_mentions(
    text: str, folded: str, skip: tuple[int, int] | None = None
) -> list[Mention]:
    """All references in ``text`` (cleaned NFC) with type, date and issuer, in
    reading order; relations are set by :func:`parsers.relations.relate`.
    ``skip`` is the span of the document's own number in its header."""
    mentions: list[Mention] = []
    form_end = -1  # where the last number read as a form ends
    for a_start, a_end, key, joined in _anchors(text):
        if skip and a_start < skip[1] and a_end > skip[0]:
            continue
        prev = mentions[-1] if mentions else None
        if prev and a_start < prev.end:
            continue
        lo = max(prev.end if prev else 0, a_start - _TYPE_LOOKBACK)
        found = _type_word(folded, lo, a_start)
        if joined and not found:
            continue  # a number cut at a line end is a reference only after a type word
        if found:  # a form named between the type word and the number ("Biên bản mẫu số 04/")
            if _form_words_in(folded[found[0] : a_start]) and FORM_BEFORE.search(
                    folded, max(0, a_start - 30), a_start):
                form_end = a_end
                continue
        elif NOT_DOCUMENT.search(folded, max(0, a_start - 30), a_start) or (
                form_end >= 0 and a_start - form_end < 12
                and LIST_GLUE.match(folded, form_end, a_start)):
            # "Mẫu số 01/GTGT" is a form, not a document; so is each next item
            # of a list of them ("các Mẫu số 01/ĐK, 02/ĐK, 03/ĐK")
            form_end = a_end
            continue
        start = a_start
        doc_type = type_from_symbol(key)
        if found:
            start, word_type = found
            if word_type:
                doc_type = word_type  # the word in the text wins over the symbol
        glued = False
        if prev:  # (matched in place: the stretch between may be pages long)
            title = _DESCRIPTION.match(folded, prev.end, start)
            glued = bool(LIST_GLUE.match(folded, title.end() if title else prev.end, start))
        if glued and not found and _keeps_list_type(prev.type, doc_type, key):
            doc_type = prev.type  # "các Nghị định số 01/…, 02/…": the list's type
        doc_type = doc_type or DEFAULT_TYPE
        date, issuer, end = _date_and_issuer(text, folded, a_end)
        if issuer is None:
            before = _issuer_before(text, folded, start, key)
            if before:
                date, issuer = date or before[0], before[1]
        mention = Mention(start, end, key, doc_type, date, issuer, "cites", glued, a_start)
        if glued:
            # "các Quyết định số 12/QĐ-UBND và 13/QĐ-UBND của UBND tỉnh": the
            # issuer after the last item names the issuer of the whole list
            _share_issuer(mentions, mention)
        mentions.append(mention)
    return mentions


def _other_issuer(key: str, issuer: str) -> bool:
    """``key``'s symbol names a body that ``issuer`` is not ("140/NQ-CP" is
    the Government's, not "Ban Thường vụ Tỉnh ủy"'s): its last part is a
    known body's code and none of that body's words stand in ``issuer``."""
    names = ISSUER_CODE_WORDS.get(_SYMBOL_SEP.split(key)[-1].rstrip("0123456789"))
    if names is None:
        return False
    said = _folded_name(issuer)
    return not any(n in said for n in names)


#: An issuer's name folded (names repeat: each folded once).
_folded_name = lru_cache(maxsize=1 << 12)(fold)


def _share_issuer(mentions: list[Mention], last: Mention) -> None:
    """Give ``last``'s issuer to the items before it in the same list ("các
    Quyết định số 12/QĐ-UBND và 13/QĐ-UBND của UBND tỉnh"), up to one whose
    symbol names another body ("Nghị quyết số 140/NQ-CP và Chương trình số
    06-CTr/TU của Ban Thường vụ Tỉnh ủy")."""
    if last.issuer is None:
        return
    i = len(mentions) - 1
    while i >= 0 and mentions[i].issuer is None:
        if _other_issuer(mentions[i].key, last.issuer):
            break
        mentions[i] = mentions[i]._replace(issuer=last.issuer)
        if i == 0 or not mentions[i].in_list:
            break
        i -= 1
