"""The document's own identity, read from its header block.

A Vietnamese administrative document opens with the issuing body (left) and
the national motto (right), then "Số: 72/TB-UBND" and "Lạng Sơn, ngày 20
tháng 3 năm 2026", then the title (THÔNG BÁO, QUYẾT ĐỊNH, …) and the subject
(trích yếu). An official letter (Công văn) has no title; its subject is the
"V/v …" text under its number. :mod:`parsers.layout` cuts whatever layout a
file flattened this into cells; each cell is classified here, and the
identity is read from the classes:

- number: the "Số:" field only, never the subject ("QUYẾT ĐỊNH Sửa đổi Quyết
  định số 10/2016/QĐ-UBND" is not number 10/2016); a draft's blank gives none;
- type: the title; no title is a Công văn (a tax office's "5348/CT-CS" is a
  letter, not a Chỉ thị) unless, with no "V/v" or "Kính gửi" either, the
  symbol names a type (OCR lost "NGHỊ ĐỊNH" over "28/2021/NĐ-CP"); a consolidated text (VBHN)
  keeps its own type;
- date and place: the place-and-date field;
- issuer: the left column's name lines before the number, in order, without
  the motto, rules, stamps or repeats; the lines of one name joined by a
  space, a body and its sub-body by " - ";
- a text that starts at its title ("Quyết định về việc …", no header) takes
  the title's type and the authority line under it as issuer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from parsers import engine
from parsers.citations import type_from_symbol
from parsers.header_text import (
    _ADDRESSEE,
    _KINH_GUI,
    _RULE,
    _WORDS,
    _is_motto,
    _is_upper,
)
from parsers.layout import Cell, header_cells
from parsers.models import DocumentIdentity
from parsers.normalize import canonical_key, fold, iso_date, split_key
from parsers.patterns import (
    BLANK_NUMBER,
    HEADER_DATE,
    HEADER_FIELD,
    NUMBER_SYMBOL,
    SUBJECT_PREFIX,
    place_date_start,
    type_phrase,
)
from parsers.subject import _AUTHORITY, subject_lines, trim_title_identity
from parsers.vocabulary import (
    ADMIN_UNITS,
    DEFAULT_TYPE,
    DOC_TYPES,
    HEADER_BODY_OPENERS,
    HEADER_STAMPS,
    TITLE_ONLY_TYPES,
    TYPE_BY_ABBREVIATION,
    UNFINISHED_NAME_ENDS,
)

#: The header lies in the first characters; the body starts at its first
#: "Căn cứ", "Kính gửi", "Điều 1" line.
_HEADER_CHARS = 2500
_TITLE_TYPES = {p: t.name for t in (*DOC_TYPES, *TITLE_ONLY_TYPES) for p in t.phrases}
_TITLE_START = engine.compile(
    r"(?:\(?\s*du\s+thao[^a-z]{0,24}\)?\s*)?"  # "DỰ THẢO", "(Dự thảo)", "DỰ THẢO 24.10.2016"
    r"(?P<t>" + "|".join(type_phrase(p) for p in sorted(_TITLE_TYPES, key=len, reverse=True))
    + r")(?=$|[\s:.(])"
)
_TITLE_PATTERNS = [(p, regex.compile(type_phrase(p))) for p in
                   sorted(_TITLE_TYPES, key=len, reverse=True)]
_BODY_LINE = engine.compile(
    r"[ \t\-+*•|]*(?:" + "|".join(regex.escape(p) for p in HEADER_BODY_OPENERS) + r")(?![a-z])"
)
_KINH_GUI_LINE = regex.compile(rf"(?m)^[ \t|]*{_ADDRESSEE}")  # a line of the text
_STAMP = engine.compile(
    r"^\(?\s*(?:" + "|".join(regex.escape(p) for p in HEADER_STAMPS) + r")(?![a-z])[^a-z]*\)?$"
)
_GAZETTE = regex.compile(r"^\s*cong\s+bao\b")
#: A label before its value ("Thời gian: …", "Địa điểm: …"): no place.
_LABEL = engine.compile(r"[a-z]\s*:(?:\s|$)")
#: The portal's first line: "Quyết định 1056/QĐ-CT", "Nghị quyết số 23/2003/QH11".
_PORTAL_TITLE = regex.compile(r"^\s*[\p{Lu}][\p{L} ]{1,30}?\s+(?:số\s+)?(?=\d)")
#: Admin-unit words that open the next line of one name (folded).
_ADMIN_START = engine.compile(
    r"^(?:" + "|".join(regex.escape(u) for u in sorted(ADMIN_UNITS, key=len, reverse=True))
    + r")(?![a-z])"
)


@dataclass(frozen=True, slots=True)
class Header:
    identity: DocumentIdentity
    number_span: tuple[int, int] | None  # NFC span of the own number, not a reference


@lru_cache(maxsize=8192)
def _title_type(folded: str) -> str | None:
    m = _TITLE_START.match(folded.strip(" \t#*:("))
    if not m:
        return None
    matched = m.group("t")
    for phrase, pattern in _TITLE_PATTERNS:
        if pattern.fullmatch(matched):
            return _TITLE_TYPES[phrase]
    return None


#: First letters of a match of :data:`HEADER_FIELD` (folded).
_FIELD_STARTS = frozenset("lbpns")


def _kind(cell: Cell, text: str, folded: str) -> str:
    own = _kind_of_words(cell.text, cell.folded, cell.col == 0)
    if own in ("rule", "gazette"):
        return own
    # the field opens with "s" or a law's type word (luật, bộ luật, pháp
    # lệnh, lệnh, nghị quyết, sắc lệnh), a capital in the text
    if folded[cell.start] in _FIELD_STARTS and text[cell.start].isupper() \
            and HEADER_FIELD.match(folded, cell.start, cell.start + 120):
        return "number"  # (the field's number may run on past the cell)
    return own


@lru_cache(maxsize=16384)
def _kind_of_words(raw: str, f: str, first_in_line: bool) -> str:
    """The kind a cell's own words give it (cached: header lines repeat)."""
    if _RULE.match(raw):
        return "rule"
    if _GAZETTE.match(f):
        return "gazette"
    if _is_motto(f):
        return "motto"
    if SUBJECT_PREFIX.match(f):
        return "vv"
    if _KINH_GUI.match(f) or (first_in_line and raw[:1].isupper() and _BODY_LINE.match(f)):
        return "body"
    if raw[:1].isupper() and _place_date_start(f) is not None:
        return "placedate"
    if _STAMP.match(f):
        return "stamp"
    if _title_type(f) and _is_upper(_title_span(raw, f)):
        return "title"  # "THÔNG TƯ BAN HÀNH …", OCR "KẾ HOẠCH Thực hiện …"
    if _is_upper(raw):
        return "upper"
    return "text"


def _title_span(raw: str, folded: str) -> str:
    """The raw words of the type phrase a title cell opens with."""
    lead = len(folded) - len(folded.lstrip(" \t#*:("))
    m = _TITLE_START.match(folded, lead)
    return raw[m.start("t") : m.end("t")] if m else ""


def _region_end(text: str, folded: str) -> int:
    """End of the header region: the first body line after the top, or a cap.
    A short line right under a bare title that opens with "Thực hiện" is
    the subject ("KẾ HOẠCH" / "Thực hiện công tác bầu cử …"), not the body."""
    limit = min(len(text), _HEADER_CHARS)
    pos = 0
    after_title = False  # the last line with words is a bare title ("KẾ HOẠCH")
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line_end = limit if nl < 0 else nl
        if pos > 0 and _BODY_LINE.match(folded, pos, line_end):
            stripped = text[pos:line_end].lstrip(" \t-+*•|")
            if stripped[:1].isupper() and not (
                    after_title and _SUBJECT_OPENS_AS_BODY.match(folded, pos, line_end)
                    and _phrase_not_sentence(stripped)):
                return pos
        if line_end - pos <= _TITLE_LINE_CHARS:  # (a bare title is a short line)
            line = folded[pos:line_end].strip(" \t#*|")
            if line:
                after_title = line in _TITLE_TYPES and _is_upper(text[pos:line_end])
        else:
            after_title = False
        pos = line_end + 1
    return limit


def _phrase_not_sentence(line: str) -> bool:
    """A short line with no comma and no closing stop: a subject's first
    line, not the body's first sentence ("Thực hiện Công điện số …, Ủy ban
    nhân dân tỉnh mời họp …:")."""
    line = line.rstrip()
    return len(line) <= _SUBJECT_LINE_CHARS and "," not in line and not line.endswith((".", ":"))


_SUBJECT_LINE_CHARS = 120
_TITLE_LINE_CHARS = 40
#: Body openers a subject may open with, right under its title.
_SUBJECT_OPENS_AS_BODY = engine.compile(r"[ \t\-+*•|]*(?:thuc hien|trien khai)(?![a-z])")


@dataclass(frozen=True, slots=True)
class _Number:
    span: tuple[int, int] | None  # the number token; None for a draft's blank
    key: str | None = None
    symbol: str | None = None


def _own_number(text: str, folded: str, cell: Cell) -> _Number | None:
    """The number a "Số:" cell holds, on its line or the next (table cell,
    line break), or a draft's blank symbol."""
    m = HEADER_FIELD.match(folded, cell.start)
    if not m:
        return None
    after = m.end()
    reach = min(len(text), after + 90)
    tok = NUMBER_SYMBOL.search(text, after, reach)
    if tok and not text[after : tok.start()].strip(" \t|\n\u00a0"):
        key = canonical_key(tok.group())
        if key:
            return _Number((tok.start(), tok.end()), key, split_key(key)[2])
    gap = text[after:reach].lstrip(" \t|\n")
    spaced = _spaced_number(text, reach - len(gap), reach)
    if spaced is not None:
        return spaced
    blank = BLANK_NUMBER.match(gap)
    if blank:
        symbol = canonical_key("0/" + blank.group(1))
        return _Number(None, symbol=split_key(symbol)[2] if symbol else None)
    return None


def _symbol_type(key: str) -> str | None:
    """The type its symbol's first part names ("545/HD-BTV": Hướng dẫn)."""
    return TYPE_BY_ABBREVIATION.get(split_key(key)[2].split("-")[0])


def _ve_cell(cells: list[Cell], kinds: list[str], after: int, num: _Number | None
             ) -> int | None:
    """A letter's subject typed "Về …" for "V/v …" in a cell under its number
    ("Số: /UBND-NC" / "Về kết quả Đại hội …"), or opening, in sentence case,
    with the type word its symbol names ("Số: 545/HD-BTV" / "Hướng dẫn một
    số nội dung …": a letter with no title, whose subject says what it does),
    before its body."""
    symbol_type = _symbol_type(num.key) if num is not None and num.key else None
    for i in range(after + 1, len(cells)):
        if kinds[i] == "body":
            return None
        c = cells[i]
        if kinds[i] == "text" and (c.text.startswith("Về ") or symbol_type is not None and (
                i <= after + 3 and c.text[:1].isupper() and not c.text[:6].isupper()
                and _title_type(c.folded) == symbol_type)):
            return i
    return None


def _spaced_number(text: str, start: int, reach: int) -> _Number | None:
    """A number typed with spaces round its separators right after "Số:"
    ("Số: 35 - CV/TU", "Số:114 -11/PT-NC", "Số: 12 / QĐ-UBND"): read with the
    spaces next to a "-" or "/" left out (on the field's line only)."""
    line_end = text.find("\n", start, reach)
    stretch = text[start : line_end if line_end >= 0 else reach]
    if not _SPACED_SEPARATOR.search(stretch):
        return None
    kept = [i for i, ch in enumerate(stretch)
            if not (ch in " \t" and _beside_separator(stretch, i))]
    joined = "".join(stretch[i] for i in kept)
    tok = NUMBER_SYMBOL.match(joined)
    if not tok:
        return None
    key = canonical_key(tok.group())
    if not key:
        return None
    return _Number((start, start + kept[tok.end() - 1] + 1), key, split_key(key)[2])


_SPACED_SEPARATOR = re.compile(r"[ \t][-/\u2013]|[-/\u2013][ \t]")


def _beside_separator(s: str, i: int) -> bool:
    """The blank at ``i`` is in a run of blanks next to a "-" or "/"."""
    j = i
    while j > 0 and s[j - 1] in " \t":
        j -= 1
    k = i
    while k + 1 < len(s) and s[k + 1] in " \t":
        k += 1
    return (j > 0 and s[j - 1] in "-/\u2013") or (k + 1 < len(s) and s[k + 1] in "-/\u2013")


def _bare_number(text: str, cells: list[Cell], kinds: list[str], stop: int) -> _Number | None:
    """No "Số:" field: the portal's first line ("Thông tư 31/2022/TT-BTC"), or
    a header cell that is a number and nothing else (OCR lost the label)."""
    for i, cell in enumerate(cells[:stop]):
        tok = NUMBER_SYMBOL.search(cell.text)
        if not tok:
            continue
        whole = tok.start() == 0 and tok.end() == len(cell.text)
        portal = cell.line == 0 and i == 0 and _PORTAL_TITLE.match(cell.text[: tok.start()])
        if whole or portal:
            key = canonical_key(tok.group())
            if key:
                start = cell.start + tok.start()
                return _Number((start, start + len(tok.group())), key, split_key(key)[2])
    return None


def _place_and_date(text: str, folded: str, cell: Cell) -> tuple[str | None, str | None]:
    m = place_date_start(folded, cell.start, min(cell.end, cell.start + 60))
    if not m:
        return None, None
    place = text[cell.start : m[0]].strip(" \t,|*_") or None
    ngay = folded.rindex("ng", m[0], m[1])  # where "ngày" starts
    d = HEADER_DATE.match(folded, ngay, min(len(folded), m[1] + 80))
    date = None
    if d:
        if d.group("d") is not None:
            date = iso_date(d.group("d"), d.group("m"), d.group("y"))
        else:
            date = iso_date(d.group("d2"), d.group("m2"), d.group("y2"))
    return place, date


def _place_date_start(f: str) -> int | None:
    """Where ", ngày" follows the place in a place-and-date line (folded), or
    None; not after a label ("Thời gian: ½ ngày, bắt đầu lúc 8h00, ngày …")."""
    pd = place_date_start(f, 0, 60)
    return pd[0] if pd is not None and not _LABEL.search(f, 0, pd[0]) else None


def _place_date_after(text: str, folded: str, region: int) -> Cell | None:
    """The place-and-date line of a letter whose layout put it after "Kính
    gửi:" (where the header region ends): a line of its own among the next
    few, "Hà Nội, ngày 05 tháng 8 năm 2025"."""
    pos = region
    for _ in range(_LATE_PLACE_LINES):
        if pos >= len(text):
            break
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        raw = text[pos:end].strip(" \t|*_")
        if raw and raw[0].isupper() and len(raw) <= 80:
            f = folded[pos:end]
            pd = _place_date_start(f)
            if pd is not None and _MONTH_YEAR.search(f, pd) is not None:
                lead = len(text[pos:end]) - len(text[pos:end].lstrip(" \t|*_"))
                return Cell(pos + lead, end, raw, f.strip(" \t|*_"), 0, 0)
        pos = end + 1
    return None


#: "tháng … năm": a place-and-date line, even a draft's with blanks.
_MONTH_YEAR = engine.compile(r"th[a-z]{1,3}ng[^\n]{0,12}n[a-z]{1,2}m")
#: How many lines after the header region a letter's place-and-date may stand.
_LATE_PLACE_LINES = 6


def _join_names(parts: list[str], folded_parts: list[str], commas: list[bool]) -> str:
    """The issuer's lines as one name: lines of one body joined by a space
    ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", "ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"), or
    by the comma a line ends with ("… ĐẦU TƯ," / "THƯƠNG MẠI VÀ DU LỊCH"); a
    body and its sub-body by " - "."""
    out = parts[0]
    for i in range(1, len(parts)):
        words, low = folded_parts[i - 1].split(), folded_parts[i]
        if commas[i - 1]:
            out += ", " + parts[i]
            continue
        unfinished = bool(words) and (
            words[-1] in UNFINISHED_NAME_ENDS or " ".join(words[-2:]) == "hoi dong"
        )
        # the nation is what a body belongs to, never its sub-body
        national = _NATION_START.match(low) is not None
        out += (" " if unfinished or national or _ADMIN_START.match(low) else " - ") + parts[i]
    return out


#: "QUỐC HỘI", "QUỐC GIA" opening a header line: the end of the name above
#: ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI", "HỘI ĐỒNG BẦU CỬ" / "QUỐC GIA").
_NATION_START = engine.compile(r"quoc (?:hoi|gia)(?![a-z])")


#: A blank number's tail run on after the name ("… XÃ HỘI /2015/TT-BLĐTBXH").
_NAME_TAIL = engine.compile(r"\s+\S*/.*$")
_PAGE_MARK = engine.compile(r"^\s*(?:page|trang)\s*\d+")
_CAPS_WORDS = regex.compile(r"(?:[\p{Lu}\d][\p{Lu}\d.,&]*(?:\s+|$))+")


def _issuer(cells: list[Cell], kinds: list[str], stop: int) -> str | None:
    parts: list[str] = []
    folded: list[str] = []
    commas: list[bool] = []  # the line ends with a comma: the name goes on
    for cell, kind in zip(cells[:stop], kinds[:stop], strict=False):
        raw = " ".join(cell.text.split())
        if kind == "text":
            # OCR ran the motto's garbled words on after the name ("VAN PHONG
            # DPgc 1ap -"): keep the capitals before them
            caps = _CAPS_WORDS.match(raw)
            if not caps or len(caps.group().split()) < 2 or caps.end() == len(raw):
                continue
            raw = caps.group().strip()
        elif kind != "upper":
            continue
        raw = _NAME_TAIL.sub("", raw)
        comma = raw.rstrip()[-1:] == ","  # (not endswith: mypyc 2.4 boxes its result as an int)
        raw = raw.strip(" -–,;:/")
        if not raw or NUMBER_SYMBOL.search(raw) or _PAGE_MARK.match(cell.folded):
            continue
        low = " ".join(_WORDS.findall(cell.folded[: len(raw)] if kind == "text" else cell.folded))
        if low in folded:
            continue  # a column repeated by the layout
        parts.append(raw)
        folded.append(low)
        commas.append(comma)
    return _join_names(parts, folded, commas) if parts else None


def _starts_at_title(text: str, folded: str) -> tuple[str, int, int] | None:
    """(type, subject start, end of the title line) of a text that opens with
    a sentence-case title ("Quyết định về việc ban hành …") and no header."""
    pos = len(text) - len(text.lstrip())
    nl = text.find("\n", pos)
    end = len(text) if nl < 0 else nl
    line = folded[pos:end]
    if not line or not text[pos].isupper():
        return None
    m = _TITLE_START.match(line)
    if not m or m.start("t") != 0:
        return None
    if regex.match(r"\s*(?:(?:s[o06]\s*:?\s*)?[\d.…_]|nay(?![a-z]))", line[m.end():]):
        return None  # "Quyết định số 12/…" opens a sentence citing it, not a title
    name = _title_type(line)
    return (name, pos + _past_type(line, m, name), end) if name else None


def _past_type(folded: str, m: regex.Match[str], doc_type: str | None) -> int:
    """Where the subject starts after the title's type phrase ``m``: after the
    type's own name when the phrase goes on with the subject's first words
    ("Thông báo kết luận của …": "kết luận của …")."""
    name = fold(doc_type) if doc_type else ""
    at = m.start("t")
    if name and m.end("t") - at > len(name) and folded.startswith(name + " ", at):
        return at + len(name)
    return m.end()


def _authority_line(text: str, folded: str, start: int) -> str | None:
    """The first non-empty line from ``start`` if it names a body
    ("Ủy ban nhân dân tỉnh Nghệ An", "Thủ tướng Chính phủ")."""
    for _ in range(3):
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        raw = text[start:end].strip()
        if raw:
            f = folded[start:end].strip()
            ok = _AUTHORITY.match(f) or regex.match(r"(?:thong doc|cuc truong|uy ban|so |bo )", f)
            return " ".join(raw.split()) if ok and len(raw) < 120 else None
        start = end + 1
    return None


def _typed_field(folded: str, start: int) -> bool:
    """The "Số:" field of a number's cell at ``start`` names a type ("Luật số:")."""
    field = HEADER_FIELD.match(folded, start)
    return field is not None and bool(field.group("type"))


def parse_header(text: str, folded: str) -> Header:
    """Identity of the document whose cleaned NFC text is ``text``."""
    region = _region_end(text, folded)
    cells = header_cells(text, folded, region)
    kinds = [_kind(c, text, folded) for c in cells]

    def first(*wanted: str) -> int | None:
        return next((i for i, k in enumerate(kinds) if k in wanted), None)

    i_pd, i_vv, i_body = first("placedate"), first("vv"), first("body")
    # "Luật số: 51/2024/QH15" is the field only in a header (after the motto or
    # a body's name); in running text it is a reference. The field stands
    # before the title: "THÔNG TƯ HƯỚNG DẪN … NGHỊ ĐỊNH SỐ 119/2014/NĐ-CP" after
    # it names the document the title is about
    # (or the document's first line, right before its title: a law whose
    # scan lost the header column, "Luật số: 56/2020/QH14" / "LUẬT SỬA ĐỔI …")
    i_num = next((i for i, k in enumerate(kinds) if k == "number" and "title" not in kinds[:i]
                  and (not _typed_field(folded, cells[i].start)
                       or {"motto", "upper"} & set(kinds[:i])
                       or i == 0 and kinds[1:2] == ["title"])), None)
    # the title stands before the body, and not after running text
    i_title = None
    for i, k in enumerate(kinds):
        if k == "body" or (k == "text" and len(cells[i].text) > 120 and i_num is None):
            break
        if k == "title":
            i_title = i
            break
    marks = [i for i in (i_num, i_pd, i_title, i_vv, i_body) if i is not None]
    stop = min(marks) if marks else 0

    num = _own_number(text, folded, cells[i_num]) if i_num is not None else None
    if num is None and "motto" in kinds:  # only a real header has a bare number
        num = _bare_number(text, cells, kinds, i_title if i_title is not None else len(cells))
    place = date = None
    if i_pd is not None:
        place, date = _place_and_date(text, folded, cells[i_pd])
    elif _KINH_GUI.match(folded[region : region + 40]) and (
            late := _place_date_after(text, folded, region)) is not None:
        place, date = _place_and_date(text, folded, late)
    issuer = _issuer(cells, kinds, stop)

    doc_type = subject = None
    if i_title is not None:
        doc_type = _title_type(cells[i_title].folded)
        t = cells[i_title]
        m = _TITLE_START.match(folded, t.start + len(t.folded) - len(t.folded.lstrip(" \t#*:(")),
                               t.end)
        rest_start = _past_type(folded, m, doc_type) if m else t.end
        subject = subject_lines(text, folded, rest_start, region, issuer)
    elif i_vv is not None:
        subject = subject_lines(text, folded, cells[i_vv].start, region, issuer)
    elif i_num is not None and (i_ve := _ve_cell(cells, kinds, i_num, num)) is not None:
        subject = subject_lines(text, folded, cells[i_ve].start, region, issuer)
    starts = _starts_at_title(text, folded) if marks == [] or (
        i_title is None and num is None and i_pd is None) else None
    if starts and doc_type is None:
        doc_type, sub_start, line_end = starts
        subject = subject or subject_lines(text, folded, sub_start, min(len(text), line_end + 1))
        if issuer is None:
            issuer = _authority_line(text, folded, line_end + 1)
    key = num.key if num else None
    if key and (symbol_type := _symbol_type(key)) \
            == "Văn bản hợp nhất":
        doc_type = symbol_type  # a consolidated text carries the title of the law it merges
    if doc_type is None and key and i_vv is None and not _KINH_GUI_LINE.search(
            folded, 0, min(len(folded), region + 300)):  # a letter: "Kính gửi: …"
        # no title read (OCR garbled "NGHỊ ĐỊNH"), no "V/v" and no "Kính
        # gửi" (a letter's marks): the symbol's type abbreviation decides, as
        # for a reference; "5348/CT-CS" of a tax office names none
        doc_type = type_from_symbol(key)
    if doc_type is None and (num is not None or i_pd is not None or issuer):
        doc_type = DEFAULT_TYPE
    number = split_key(key)[0] if key else None
    subject = trim_title_identity(subject, key, issuer)
    identity = DocumentIdentity(
        type=doc_type, number=number, symbol=num.symbol if num else None, key=key, date=date,
        place=place, issuer=issuer, subject=subject,
    )
    return Header(identity, num.span if num else None)
