"""Find every reference to another numbered document in a text.

Each reference is anchored on its number/symbol token (``NUMBER_SYMBOL``);
the type word before it, and the date and issuer after it (the issuer by
:mod:`parsers.issuers`), are read from the folded text around the anchor.
Then each reference gets the relation the sentence states, and relations
between two cited documents are collected (:mod:`parsers.relations`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from parsers import engine
from parsers.issuers import issuer_after, issuer_before
from parsers.models import Mention
from parsers.normalize import canonical_key, fold, iso_date, split_key
from parsers.patterns import (
    CONTINUATION,
    DANGLING_NUMBER,
    DATE,
    FORM_BEFORE,
    LIST_GLUE,
    NEAR,
    NOT_DOCUMENT,
    SPACED_AFTER,
    SPACED_BEFORE,
    SPACED_SLASH,
    SPACED_SYMBOL,
    SPACED_TAIL,
    TYPE_PHRASE_PATTERNS,
    TYPE_TAIL,
    TYPE_WORD,
    TYPE_WORD_LOOKBEHIND,
    TYPE_WORD_MIRRORED,
    match_near,
)
from parsers.scan import covered, cut_after_number, spaced_party, tokens_and_spaced_numbers
from parsers.vocabulary import (
    ALSO_WRITTEN,
    DEFAULT_TYPE,
    DOC_TYPES,
    ISSUER_CODE_WORDS,
    QUOC_HOI_TYPE,
    TYPE_BY_ABBREVIATION,
)

_TYPE_BY_PHRASE = {p: t.name for t in DOC_TYPES for p in t.phrases}
#: How far back a type word may stand before its number.
_TYPE_LOOKBACK = 160
#: How far after a dangling number its continuation may be printed.
_CONTINUATION_LOOKAHEAD = 1500
#: The issuer's act between its name and the date ("… của Quốc hội thông qua ngày …").
_PASSED = engine.compile(r"\s+(?:thong\s+qua|ban\s+hanh|ky)(?=\s+ng)")
#: A title in quotes or brackets between two items of a list ("Công văn số A
#: “V/v …” và Công văn số B").
_DESCRIPTION = engine.compile(r"\s*(?:\u201c[^\u201d]{0,300}\u201d|\([^)]{0,300}\))")
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
#: A joint document's symbol with one body so far ("…/TTLT-BLĐTBXH").
_JOINT_ONE_BODY = engine.compile(r"/(?:TTLT|NQLT|KHLT|QĐLT|CTLT|HDLT)-[A-ZĐ&]+$")
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
        if ("-" not in raw and _TYPE_ONLY.fullmatch(raw) or "LT-" in raw and _JOINT_ONE_BODY.search(
                raw)) and (tail := match_near(SPACED_TAIL, text, end)):
            # "12/QĐ - UBND"; a joint document names two bodies at least
            # ("01/2006/TTLT-BLĐTBXH - BGDĐT-BYT")
            end, raw = tail.end(), raw + "-" + tail.group(1)
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
    return "mau" in stretch or "phu luc" in stretch or "to khai" in stretch \
        or "bang so" in stretch or "so do" in stretch


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


#: What DATE may skip before "ngày": a superset (``re``'s white space holds
#: the ``regex`` module's), so where the character after it cannot open "ngày",
#: "ban hành" or a "[1]", DATE cannot match and is not tried. (A starred class:
#: it matches at every position.)
_BEFORE_DATE = re.compile(r"[\s,*_¹²³⁴-⁹()]*")


def _date(folded: str, pos: int) -> tuple[str | None, int] | None:
    """:func:`_date_at`, tried only where DATE can open (``_BEFORE_DATE``)."""
    at = _BEFORE_DATE.match(folded, pos, pos + NEAR).end()  # type: ignore[union-attr]
    if folded[at : at + 1] not in ("n", "b", "["):
        return None
    return _date_at(folded, pos)


def _closed_before_date(folded: str, pos: int) -> bool:
    """A parenthesis closes round the reference right after it, before the
    date that follows ("(gọi tắt là Nghị quyết số 50/NQ-CP), ngày 08/9/2025,
    Bộ …"): the date is the sentence's."""
    if folded.find(")", pos, pos + 3) < 0:
        return False  # (most references: read no further)
    at = _BEFORE_DATE.match(folded, pos, pos + NEAR).end()  # type: ignore[union-attr]
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


def _after_form(folded: str, pos: int) -> int:
    """Past the appendix a form at ``pos`` belongs to ("… của Phụ lục II")."""
    tail = _FORM_APPENDIX.match(folded, pos)
    return tail.end() if tail else pos


#: "Mẫu " right before a type word: the heading of a form ("Mẫu Quyết định số …").
_FORM_TITLED = engine.compile(r"(?<![a-z])mau\s+$")
#: "… của Phụ lục II", after a form's number.
_FORM_APPENDIX = engine.compile(r"\s+(?:cua|tai|thuoc)\s+phu\s+luc\s+[ivxlc0-9]+[a-z]?")


#: A date's words with what could not be read as one, up to its year (cut
#: short too: "ngày 13/3/202").
_GARBLED_DATE = engine.compile(
    r"[\s,]*(?:ng[a-z]{0,3}|th[a-z]{1,3})\s*[0-9a-z ./\-]{1,20}?[0-9]{3,4}(?![0-9])")


def _date_and_issuer(text: str, folded: str, pos: int, joint: bool = False
                     ) -> tuple[str | None, str | None, int]:
    """Date and issuer written after a number at ``pos`` ("…, ngày 20/11/2025
    của Ban Thường vụ Tỉnh ủy", or the issuer first), and where they end."""
    date = issuer = None
    if (got := _date(folded, pos)) and not _closed_before_date(folded, pos):
        date, pos = got
    got_issuer = issuer_after(text, folded, pos, joint)
    if got_issuer is None and date is None and folded.startswith(
            ("ng", "th", " ng", " th", ", ng"), pos, pos + 4) \
            and (garbled := _GARBLED_DATE.match(folded, pos, pos + 40)) is not None:
        # a date misprinted or misread ("ngày 02/0l/1991", "ngà 04/10/2006",
        # "ngày 01 tháng năm 2013"): unread, the issuer after it still is
        got_issuer = issuer_after(text, folded, garbled.end(), joint)
    if got_issuer:
        issuer, pos = got_issuer
        if date is None:
            # "… của Quốc hội thông qua ngày 12 tháng 6 năm 2025"
            passed = match_near(_PASSED, folded, pos) \
                if folded.startswith((" thong", " ban", " ky"), pos) else None
            if got := _date(folded, passed.end() if passed else pos):
                date, pos = got
    return date, issuer, pos


def find_mentions(
    text: str, folded: str, skip: tuple[int, int] | None = None
) -> list[Mention]:
    """All references in ``text`` (cleaned NFC) with type, date and issuer, in
    reading order; relations are set by :func:`parsers.relations.relate`.
    ``skip`` is the span of the document's own number in its header."""
    mentions: list[Mention] = []
    form_end = -1  # where the last number read as a form ends
    lead_issuer: str | None = None  # the issuer named before the last reference read
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
                    folded, max(0, a_start - 30), a_start) or _FORM_TITLED.search(
                    folded, max(0, found[0] - 8), found[0]):
                # (or before the type word: "Mẫu Quyết định số 01/QĐ-HĐ", a form's heading)
                form_end = a_end
                continue
        elif NOT_DOCUMENT.search(folded, max(0, a_start - 30), a_start) or (
                form_end >= 0 and a_start - form_end < 40
                and LIST_GLUE.match(folded, _after_form(folded, form_end), a_start)):
            # "Mẫu số 01/GTGT" is a form, not a document; so is each next item
            # of a list of them ("các Mẫu số 01/ĐK, 02/ĐK, 03/ĐK", "mẫu số 07/CLĐ
            # của Phụ lục II, 04/THĐ của Phụ lục III")
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
        if glued and prev is not None and not found and _keeps_list_type(prev.type, doc_type,
                                                                          key):
            doc_type = prev.type  # "các Nghị định số 01/…, 02/…": the list's type
        header = None
        if not found and folded.find("so", max(0, a_start - 5), a_start) >= 0 and (
                header := _list_header(text, folded, start)):
            # "Căn cứ các Quyết định của Thủ tướng Chính phủ: số 118/TTg …; số …"
            if _keeps_list_type(header[0], doc_type, key):
                doc_type = header[0]
        doc_type = doc_type or DEFAULT_TYPE
        date, issuer, end = _date_and_issuer(text, folded, a_end,
                                             key.count("-") >= 2 or "TTL" in key)
        if issuer is None:
            before = issuer_before(text, folded, start, key)
            if before:
                date, issuer = date or before[0], before[1]
            elif glued and lead_issuer and not _other_issuer(key, lead_issuer):
                # "đề nghị của Sở X tại Tờ trình số A và Tờ trình số B": the body
                # named before the list's first item issued each item
                issuer = lead_issuer
            lead_issuer = issuer
        else:
            lead_issuer = None
        if issuer is None and header and header[1] and not _other_issuer(key, header[1]):
            issuer = header[1]
        mention = Mention(start, end, key, doc_type, date, issuer, "cites", glued, a_start)
        if glued:
            # "các Quyết định số 12/QĐ-UBND và 13/QĐ-UBND của UBND tỉnh": the
            # issuer after the last item names the issuer of the whole list
            _share_issuer(mentions, mention)
        mentions.append(mention)
    return mentions


def _list_header(text: str, folded: str, start: int) -> tuple[str, str | None] | None:
    """(type, issuer) of the list an item "số …" at ``start`` stands in: "các
    Quyết định của Thủ tướng Chính phủ: số A …; số B …" (the header within
    reach, the items after it separated by ";")."""
    lo = max(0, start - _LIST_HEADER_REACH)
    colon = folded.rfind(":", lo, start)
    if colon < 0 or "\n" in folded[colon:start] or "." in folded[colon:start]:
        return None
    if folded.count(";", colon, start) and not _ITEM_AFTER_SEMI.search(folded, colon, start):
        return None
    head = _LIST_HEAD.search(folded, max(0, colon - 100), colon + 1)
    if head is None:
        return None
    doc_type = _TYPE_BY_PHRASE.get(" ".join(head.group("t").split()))
    if doc_type is None:
        return None
    issuer = None
    if head.group("of"):
        issuer = " ".join(text[head.start("of") : head.end("of")].split()) or None
    return doc_type, issuer


#: How far before an item its list's header may stand.
_LIST_HEADER_REACH = 600
#: "các Quyết định (của Thủ tướng Chính phủ):", right before the colon.
_LIST_HEAD = regex.compile(
    r"(?<![a-z])(?:cac|nhung)\s+(?P<t>" + "|".join(
        sorted((p for p in _TYPE_BY_PHRASE if " " in p or len(p) > 3), key=len, reverse=True))
    + r")(?:\s+cua\s+(?P<of>[^:;\n]{2,60}?))?\s*:$")
#: The list goes on after ";": the item before it ended, "số" opens the next.
_ITEM_AFTER_SEMI = engine.compile(r";\s*(?:va\s+)?so\s*$")


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
