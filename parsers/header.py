"""The document's own identity, read from its header block.

A Vietnamese administrative document opens with the issuing body (left) and
the national motto (right), then "Số: 72/TB-UBND" and "Lạng Sơn, ngày 20
tháng 3 năm 2026", then the title (THÔNG BÁO, QUYẾT ĐỊNH, …) and the subject
line (trích yếu). An official letter (Công văn) has no title; its subject is
the "V/v …" line under its number. PDF extraction and OCR merge the two header
columns onto one line and scatter blank lines, so every step here works line
by line on the folded text and tolerates both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from parsers.models import DocumentIdentity
from parsers.normalize import canonical_key, fold, iso_date, split_key
from parsers.patterns import (
    BLANK_NUMBER,
    HEADER_NUMBER,
    MOTTO,
    NUMBER_SYMBOL,
    PLACE_DATE,
    SUBJECT_PREFIX,
    TITLE_START,
    TYPE_PHRASE_PATTERNS,
    match_near,
)
from parsers.vocabulary import AUTHORITY_OPENERS, BODY_OPENERS, DEFAULT_TYPE, DOC_TYPES

#: The header lies in the first lines; a title further down is body text.
_HEADER_CHARS = 2500
_LETTER_HEADER_CHARS = 1200
_SUBJECT_MAX_CHARS = 600
_TYPE_BY_PHRASE = {p: t.name for t in DOC_TYPES for p in t.phrases}
_RULE_LINE = regex.compile(r"^[\s\-_=*.~—–]*$")
_BODY_OPENER = regex.compile(
    r"^\s*(?:" + "|".join(regex.escape(p) for p in BODY_OPENERS) + r")(?![a-z])"
    r"|^\s*\(?ng\w{1,2}y\s+\d|^\s*\d+\s*[.)]\s|^\s*[-+•]\s"
)
#: Lines that cannot open a subject: the body has begun.
_NOT_A_SUBJECT = regex.compile(r"^\s*(?:can cu|kinh gui)(?![a-z])|^\s*ng\w{1,2}y\s+\d")
_SUBJECT_PREFIX_RAW = regex.compile(r"^\s*[Vv]\s*/\s*[Vv]\.?\s*:?\s*")
_AUTHORITY = regex.compile(
    r"^\s*(?:" + "|".join(regex.escape(p) for p in AUTHORITY_OPENERS) + r")(?![a-z])"
)


@dataclass(frozen=True, slots=True)
class Header:
    identity: DocumentIdentity
    number_span: tuple[int, int] | None  # NFC span of the own number, not a reference


class _Line(NamedTuple):
    start: int
    end: int
    raw: str
    folded: str


def _lines(text: str, folded: str, limit: int) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    # the fold keeps every "\n" in place, so both split into the same lines
    for raw, low in zip(text[:limit].split("\n"), folded[:limit].split("\n"), strict=True):
        end = pos + len(raw)
        out.append(_Line(pos, end, raw, low))
        pos = end + 1
    return out


_LOWER = regex.compile(r"\p{Ll}")
_LETTER = regex.compile(r"\p{L}")


def _is_upper_line(raw: str) -> bool:
    """Mostly capitals (OCR leaves a few lowercase letters in a title)."""
    if raw.isupper():
        return True
    lower = len(_LOWER.findall(raw))
    return lower <= 0.2 * len(_LETTER.findall(raw)) and lower < len(raw)


def _title(lines: list[_Line]) -> tuple[int, str] | None:
    """(line index, type) of the title line: an uppercase line that is a type name."""
    for i, line in enumerate(lines):
        body = line.folded.strip(" \t*_:#")
        if len(body) > 60 or not TITLE_START.match(body):
            continue
        if not _is_upper_line(line.raw):
            continue
        for phrase, pattern in TYPE_PHRASE_PATTERNS:
            m = pattern.match(body)
            if m and (m.end() == len(body) or body[m.end()] == " "):
                name = _TYPE_BY_PHRASE.get(phrase)
                if name:
                    return i, name
    return None


@dataclass(frozen=True, slots=True)
class _Number:
    line_start: int  # where "Số" stands: the header's left column ends above it
    span: tuple[int, int] | None  # the number token; None for a draft's blank
    key: str | None = None
    number: str | None = None
    symbol: str | None = None


def _number(text: str, folded: str, limit: int) -> _Number | None:
    """The document's own "Số: …" in the header."""
    for m in HEADER_NUMBER.finditer(folded, 0, limit):
        if text[m.start("s")] != "S":  # "số 72/…" in running text is a reference
            continue
        tok = match_near(NUMBER_SYMBOL, text, m.end())
        if tok is None:  # "Số:   72 /TB-VP" with spaces before the slash
            tok = NUMBER_SYMBOL.search(text, m.end(), min(len(text), m.end() + 12))
        if tok:
            key = canonical_key(tok.group())
            if key:
                number, _, symbol = split_key(key)
                return _Number(m.start("s"), (tok.start(), tok.end()), key, number, symbol)
        blank = BLANK_NUMBER.match(text[m.end() : m.end() + 60])
        if blank:
            symbol = canonical_key("0/" + blank.group(1))
            return _Number(m.start("s"), None, symbol=symbol[2:] if symbol else None)
    return None


def _issuer(lines: list[_Line], stop: int) -> str | None:
    """The issuing body: the uppercase left-column lines above ``stop``."""
    parts: list[str] = []
    for line in lines:
        if line.start >= stop:
            break
        cut = MOTTO.search(line.folded)
        raw = line.raw[: cut.start()] if cut else line.raw
        raw = raw.strip(" \t*_|")
        if _RULE_LINE.match(raw) or not raw:
            continue
        words = []
        for w in raw.split():
            if not (w.isupper() or _is_upper_line(w)):
                break
            words.append(w)
        if words:
            parts.append(" ".join(words))
    return " - ".join(parts) if parts else None


#: Words after which a subject line goes on ("… của", "… và", "… năm").
_CONTINUES = frozenset(
    "va cua ve tai voi cac cho trong tren den nam so ngay thang theo nhung giua tu hoac".split()
)


def _ends_phrase(line: str) -> bool:
    """True when ``line`` ends like a finished phrase: its last word is a
    lowercase word that does not call for more (not "của", not a comma, not a
    name being continued like "Vân" → "Nham")."""
    if _is_upper_line(line):
        return False
    last = line.split()[-1]
    if not last[0].islower() or last.endswith((",", "-", "–")):
        return False
    return fold(last) not in _CONTINUES


def _subject(lines: list[_Line], first: int) -> str | None:
    """Subject lines starting at index ``first``: they run until a body opener,
    an authority line, or a blank line after a complete sentence."""
    taken: list[str] = []
    blank_seen = False
    for line in lines[first:]:
        raw = line.raw.strip(" \t*_#")
        if not raw:
            blank_seen = True
            continue
        if _RULE_LINE.match(raw):
            if taken:
                break
            continue
        f = line.folded.strip(" \t*_#")
        if taken and (_BODY_OPENER.match(f) or raw.startswith("(") or PLACE_DATE.search(f)):
            break
        if taken and _AUTHORITY.match(f) and (_is_upper_line(raw) or raw.endswith((".", ":"))):
            break  # "CHÍNH PHỦ", "Bộ trưởng ban hành Thông tư."
        if taken and blank_seen and taken[-1].endswith((".", ":", ";")):
            break
        first_word = raw.split()[0]
        if taken and raw[0].isupper() and not first_word.isupper() and _ends_phrase(taken[-1]):
            break  # a capital after a finished phrase opens the body
        if not taken and _NOT_A_SUBJECT.match(f):
            return None
        if not taken and _SUBJECT_PREFIX_RAW.match(raw):
            # "V/v …" (về việc) marks the subject of a letter; the subject is what follows
            raw = _SUBJECT_PREFIX_RAW.sub("", raw)
        taken.append(raw)
        blank_seen = False
        if sum(map(len, taken)) > _SUBJECT_MAX_CHARS:
            break
    return " ".join(taken) if taken else None


def parse_header(text: str, folded: str) -> Header:
    """Identity of the document whose NFC text is ``text``."""
    limit = min(len(text), _HEADER_CHARS)
    lines = _lines(text, folded, limit)
    num = _number(text, folded, limit) or _Number(-1, None)
    span, key = num.span, num.key

    title = _title(lines)
    # place and date stand above the title; in a letter (no title), near the top
    top_end = lines[title[0]].start if title else min(limit, _LETTER_HEADER_CHARS)
    place = date = None
    pd = PLACE_DATE.search(folded, 0, top_end)
    if pd:
        date = iso_date(pd.group("d"), pd.group("m"), pd.group("y"))
        line_start = text.rfind("\n", 0, pd.start()) + 1
        if span and line_start < span[1] <= pd.start():
            line_start = span[1]  # "Số: 71/TB-VP   Lạng Sơn, ngày …" on one line
        raw_place = text[line_start : pd.start()]
        words = raw_place.split()
        tail: list[str] = []
        for w in reversed(words):  # the place is the capitalized words before ", ngày"
            if not (w[0].isupper() or w[0] == "("):
                break
            tail.insert(0, w)
        place = " ".join(tail).strip(" ,*_|") or None

    doc_type = title[1] if title else None
    if doc_type is None and key:
        from parsers.citations import type_from_symbol  # one place for the symbol table

        doc_type = type_from_symbol(key) or DEFAULT_TYPE

    subject = None
    if title:
        subject = _subject(lines, title[0] + 1)
    else:
        for i, line in enumerate(lines):
            if SUBJECT_PREFIX.match(line.folded):
                subject = _subject(lines, i)
                break

    header_top = min(
        [x for x in (num.line_start if num.line_start >= 0 else None,
                     pd.start() if pd else None,
                     lines[title[0]].start if title else None) if x is not None],
        default=0,
    )
    issuer = _issuer(lines, header_top) if header_top else None
    identity = DocumentIdentity(
        type=doc_type, number=num.number, symbol=num.symbol, key=key, date=date,
        place=place, issuer=issuer, subject=subject,
    )
    return Header(identity, span)
