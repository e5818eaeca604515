"""Identity rules: which real document a number-and-symbol key names.

A key such as ``09/CT-UBND`` is not unique: numbering restarts

* for state documents (``30/2020/NĐ-CP``, ``09/CT-UBND``) every calendar year,
  per issuing body;
* for Party documents (hyphen style ``58-QĐ/TU``: number, hyphen, type/body)
  every committee term (*nhiệm kỳ*, the period between two Party congresses).

and local bodies (UBND = People's Committee, HĐND = People's Council, TU =
provincial Party committee, Sở = provincial department) exist in every
province. So a resolved identity is ``(jurisdiction, scope, number, symbol)``:

* jurisdiction: ``national`` for central bodies (table :data:`CENTRAL_BODIES`),
  otherwise the province slug (``lang-son``), with a locality suffix for a
  body below the province (``lang-son.tp-lang-son`` for the city of Lạng Sơn,
  whose UBND numbers its documents apart from the province's UBND);
* scope: the year (state) or the term label ``2025-2030`` (Party).

Everything here is pure functions over strings; the key itself (one spelling,
body codes) is :mod:`graph.keys`, corpus-wide inference (year or province
from another mention of the same key) :mod:`graph.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache

from graph.keys import (  # re-exported: identity is where callers look for them
    CENTRAL_BODIES,
    PARTY_BODIES,
    PROVINCE_ONLY_BODIES,
    TYPE_ABBRS,
    YEAR_IN_NUMBER_TYPES,
    KeyParts,
    fold,
    is_central,
    parse_key,
    province_level_body,
    slug,
    type_abbr,
    with_year,
    with_year_only,
)

__all__ = [
    "CENTRAL_BODIES",
    "PARTY_BODIES",
    "PROVINCE_ONLY_BODIES",
    "TYPE_ABBRS",
    "YEAR_IN_NUMBER_TYPES",
    "DocContext",
    "KeyParts",
    "Level",
    "TERMS_LOCAL",
    "TERMS_NATIONAL",
    "doc_context",
    "fold",
    "is_central",
    "is_later",
    "level_of",
    "province_level_body",
    "scope_of",
    "unidentified_id",
    "unresolved_id",
    "valid_date",
    "with_year",
    "with_year_only",
    "year_of",
    "node_id",
    "parse_key",
    "party_term",
    "province_of",
    "slug",
    "type_abbr",
]


# --------------------------------------------------------------------------
# Places

#: Provinces and centrally-run cities, the 63 before and the 34 after the
#: 2025 merger (the new ones keep old names). Matched folded, longest first.
PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Bắc Giang", "Bắc Kạn",
    "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
    "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế",
    "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
)

#: Cities that are themselves provinces: "UBND thành phố Hà Nội" is provincial.
CENTRAL_CITIES: frozenset[str] = frozenset(
    slug(c) for c in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
)

_PROVINCE_SLUGS = {fold(p): slug(p) for p in PROVINCES}
_PROVINCE_SLUGS[fold("Thừa Thiên Huế")] = "hue"
_PROVINCE_SLUGS[fold("Bà Rịa Vũng Tàu")] = slug("Bà Rịa - Vũng Tàu")
_PROVINCE_RE = re.compile(
    r"(?<![a-z])("
    + "|".join(re.escape(n) for n in sorted(_PROVINCE_SLUGS, key=len, reverse=True))
    + r")(?![a-z])"
)
# Vietnamese typing of the same name varies ("Hòa"/"Hoà"); fold removes it.


#: Cities below province level → their province (names before the 2025
#: reorganisation, when they last issued documents as cities). Used when a
#: header or place line names the city but not the province ("Hạ Long, ngày
#: …"). "Vinh" is left out: as a word it is part of too many other names.
CITY_PROVINCES: dict[str, str] = {
    "Hạ Long": "Quảng Ninh", "Cẩm Phả": "Quảng Ninh", "Uông Bí": "Quảng Ninh",
    "Móng Cái": "Quảng Ninh", "Đông Triều": "Quảng Ninh", "Đồng Hới": "Quảng Bình",
    "Buôn Ma Thuột": "Đắk Lắk", "Pleiku": "Gia Lai", "Quy Nhơn": "Bình Định",
    "Nha Trang": "Khánh Hòa", "Cam Ranh": "Khánh Hòa", "Đà Lạt": "Lâm Đồng",
    "Bảo Lộc": "Lâm Đồng", "Phan Thiết": "Bình Thuận", "Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Bà Rịa": "Bà Rịa - Vũng Tàu", "Biên Hòa": "Đồng Nai", "Long Khánh": "Đồng Nai",
    "Thủ Dầu Một": "Bình Dương", "Dĩ An": "Bình Dương", "Thuận An": "Bình Dương",
    "Mỹ Tho": "Tiền Giang", "Rạch Giá": "Kiên Giang", "Hà Tiên": "Kiên Giang",
    "Phú Quốc": "Kiên Giang", "Long Xuyên": "An Giang", "Châu Đốc": "An Giang",
    "Cao Lãnh": "Đồng Tháp", "Sa Đéc": "Đồng Tháp", "Hồng Ngự": "Đồng Tháp",
    "Việt Trì": "Phú Thọ", "Điện Biên Phủ": "Điện Biên", "Phủ Lý": "Hà Nam",
    "Tam Kỳ": "Quảng Nam", "Hội An": "Quảng Nam", "Tuy Hòa": "Phú Yên",
    "Gia Nghĩa": "Đắk Nông", "Phan Rang - Tháp Chàm": "Ninh Thuận",
    "Phan Rang-Tháp Chàm": "Ninh Thuận", "Đồng Xoài": "Bình Phước", "Tân An": "Long An",
    "Vị Thanh": "Hậu Giang", "Ngã Bảy": "Hậu Giang", "Đông Hà": "Quảng Trị",
    "Vĩnh Yên": "Vĩnh Phúc", "Phúc Yên": "Vĩnh Phúc", "Sầm Sơn": "Thanh Hóa",
    "Chí Linh": "Hải Dương", "Từ Sơn": "Bắc Ninh", "Tam Điệp": "Ninh Bình",
    "Hoa Lư": "Ninh Bình", "Sông Công": "Thái Nguyên", "Phổ Yên": "Thái Nguyên",
    "Thủ Đức": "Hồ Chí Minh", "Sơn Tây": "Hà Nội", "Bến Cát": "Bình Dương",
    "Tân Uyên": "Bình Dương", "Hà Tiên ": "Kiên Giang",
}
_CITY_SLUGS = {fold(c.strip()): _PROVINCE_SLUGS[fold(p)] for c, p in CITY_PROVINCES.items()}
_CITY_RE = re.compile(
    r"(?<![a-z])("
    + "|".join(re.escape(n) for n in sorted(_CITY_SLUGS, key=len, reverse=True))
    + r")(?![a-z])"
)


@lru_cache(maxsize=1 << 14)
def province_of(text: str | None) -> str | None:
    """Province slug named in ``text`` (a header, place line or issuer), or of
    the city it names when it names no province (:data:`CITY_PROVINCES`)."""
    if not text:
        return None
    folded = fold(text).replace("tp.", "thanh pho ")
    m = _PROVINCE_RE.search(folded)
    if m:
        return _PROVINCE_SLUGS[m.group(1)]
    m = _CITY_RE.search(folded)
    return _CITY_SLUGS[m.group(1)] if m else None


#: Sub-province units (folded) and the prefix used in locality slugs.
LOCALITY_KINDS: dict[str, str] = {
    "thanh pho": "tp", "tp": "tp", "tp.": "tp", "thi xa": "tx", "thi tran": "tt",
    "huyen": "h", "quan": "q", "phuong": "p", "xa": "x",
}
_LEVEL_RE = re.compile(
    r"(?<![a-z])(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)[\s-]+"
    r"(tinh|thanh pho|tp\.?|thi xa|thi tran|huyen|quan|phuong|xa)(?![a-z])"
)
_PARTY_LEVEL_RE = re.compile(r"(?<![a-z])(tinh uy|thanh uy|huyen uy|quan uy|thi uy)(?![a-z])")
_NAME_WORD_RE = re.compile(r"\s*([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class Level:
    """Where a body sits: the province, or a unit below it (named if stated)."""

    kind: str  # "province", "tp", "h", "x", ...
    name: str | None = None  # slug of the unit's name, if stated


@lru_cache(maxsize=1 << 14)
def level_of(text: str | None) -> Level | None:
    """Level of the first People's Committee/Council named in ``text``:
    "UBND TỈNH LẠNG SƠN" → province, "UBND thành phố Lạng Sơn" → tp
    lang-son, "UBND thành phố" → tp without a name; None if none is named."""
    if not text:
        return None
    folded = fold(text)
    m = _LEVEL_RE.search(folded)
    if m is None:
        p = _PARTY_LEVEL_RE.search(folded)
        if p is None:
            return None
        return Level("province") if p.group(1) == "tinh uy" else Level("local")
    unit = m.group(1)
    if unit == "tinh":
        return Level("province")
    # the unit's name: the capitalized words right after it ("Lạng Sơn")
    words: list[str] = []
    pos = m.end()
    while len(words) < 4:
        w = _NAME_WORD_RE.match(text, pos)
        if not w or not w.group(1)[0].isupper():
            break
        words.append(w.group(1))
        pos = w.end()
    name = slug(" ".join(words)) if words else None
    kind = LOCALITY_KINDS[unit if unit in LOCALITY_KINDS else unit.rstrip(".")]
    if kind == "tp" and name in CENTRAL_CITIES:
        return Level("province")
    return Level(kind, name)


@dataclass(frozen=True, slots=True)
class DocContext:
    """Where the citing document sits: scopes its local references."""

    province: str | None
    locality: str | None  # "tp-lang-son" for a city-level document, else None
    date: str | None
    #: issued by a central body: its place line ("Hà Nội") is not its province
    national: bool = False


def doc_context(
    issuer: str | None, place: str | None, date: str | None, subject: str | None = None
) -> DocContext:
    """Province and locality of a document from its header fields.

    Province: from the issuer ("UBND TỈNH LẠNG SƠN"), else the place line
    ("Lạng Sơn, ngày …"). Locality: set when the issuer is a body below the
    province ("UBND thành phố Lạng Sơn"); a centrally-run city is a province.
    A headerless document falls back on its subject line for both.
    """
    province = province_of(issuer) or province_of(place)
    if province is None and not (issuer or place):
        # a text starting at its title ("Quyết định ban hành bảng giá đất … tỉnh
        # Tây Ninh"): the subject is all that says where it was issued
        province = province_of(subject)
    locality = None
    # the subject ("Kết luận giao ban … UBND thành phố Lạng Sơn") speaks for a
    # document only when its header names neither issuer nor place
    level = level_of(issuer) or (level_of(subject) if not (issuer or place) else None)
    if level and level.kind != "province" and level.name:
        locality = f"{level.kind}-{level.name}"
        if province is None:  # "thành phố Lạng Sơn" lies in Lạng Sơn, Hạ Long in Quảng Ninh
            province = province_of(level.name.replace("-", " "))
    return DocContext(province=province, locality=locality, date=date)


# --------------------------------------------------------------------------
# Scope: year or Party term

#: National Party congress terms (khóa), start dates of each term. The 13th
#: congress opened 2021-01-25, the 14th 2026-01-19. A TW document dated on or
#: after a start date and before the next belongs to that term.
TERMS_NATIONAL: tuple[tuple[str, str], ...] = (
    ("2011-01-12", "2011-2016"),
    ("2016-01-21", "2016-2021"),
    ("2021-01-25", "2021-2026"),
    ("2026-01-19", "2026-2031"),
)

#: Provincial (and lower) Party committee terms. Provincial congresses were
#: held Sep–Oct 2015, 2020 and 2025 (2025: after the July merger); commune
#: congresses a little earlier. ASSUMPTION: one boundary, 1 October of the
#: congress year, for every local committee. A document dated in the weeks
#: around it may land in the wrong term; override per province in
#: :data:`LOCAL_TERM_OVERRIDES` when the real congress date matters.
TERMS_LOCAL: tuple[tuple[str, str], ...] = (
    ("2010-10-01", "2010-2015"),
    ("2015-10-01", "2015-2020"),
    ("2020-10-01", "2020-2025"),
    ("2025-10-01", "2025-2030"),
)

#: Province slug → its own term table, same shape as :data:`TERMS_LOCAL`.
LOCAL_TERM_OVERRIDES: dict[str, tuple[tuple[str, str], ...]] = {}


@lru_cache(maxsize=1 << 12)
def party_term(iso_date: str, *, national: bool, province: str | None = None) -> str | None:
    """Term label containing ``iso_date`` for a Party document."""
    table = TERMS_NATIONAL if national else LOCAL_TERM_OVERRIDES.get(province or "", TERMS_LOCAL)
    label = None
    for start, name in table:
        if iso_date >= start:
            label = name
    return label


def year_of(iso_date: str | None) -> int | None:
    """Year of an ISO date, None if missing or malformed."""
    if not iso_date or len(iso_date) < 4 or not iso_date[:4].isdigit():
        return None
    return int(iso_date[:4])


def valid_date(iso_date: str | None) -> str | None:
    """The ISO date if it is a real calendar date, else None."""
    if not iso_date:
        return None
    try:
        return _date.fromisoformat(iso_date[:10]).isoformat()
    except ValueError:
        return None


def scope_of(parts: KeyParts, iso_date: str | None, *, national: bool,
             province: str | None) -> str | None:
    """Numbering scope from what the mention itself says: the year written in
    the number, else the date's year (state) or term (Party)."""
    if parts.party:
        return party_term(iso_date, national=national, province=province) if iso_date else None
    if parts.year:
        return str(parts.year)
    year = year_of(iso_date)
    return str(year) if year else None


@lru_cache(maxsize=1 << 16)
def node_id(jurisdiction: str, scope: str, parts: KeyParts) -> str:
    """Stable id of a resolved document, used for IRIs:
    ``vn/{jurisdiction}/{year-or-term}/{type-abbr}/{number}/{symbol}``."""
    return "/".join(
        ("vn", jurisdiction, scope, type_abbr(parts), slug(parts.number),
         symbol_slug(parts))
    )


@lru_cache(maxsize=1 << 16)
def symbol_slug(parts: KeyParts) -> str:
    """Symbol as used in ids; "TƯ" (Trung ương) is written TW there. A year
    written in the number stays in front ("2019-qd-ubnd"): legal normative
    documents (03/2019/QĐ-UBND) are numbered apart from the body's other
    documents (03/QĐ-UBND) of the same year."""
    pieces = re.split(r"[-/&]", parts.symbol)
    text = slug("-".join("TW" if p.upper() == "TƯ" else p for p in pieces))
    return f"{parts.year}-{text}" if parts.year else text


def unresolved_id(parts: KeyParts | None, key: str, jurisdiction: str | None,
                  scope: str | None) -> str:
    """Id of the explicit node for references that could not be placed: one
    per key and whatever part of its identity is known."""
    symbol = symbol_slug(parts) if parts else slug(key)
    number = slug(parts.number) if parts else "x"
    return "/".join(("vn", "unresolved", jurisdiction or "unknown-place",
                     scope or "unknown-scope", number, symbol))


def unidentified_id(sha256: str) -> str:
    """Id of an ingested document whose header gives no usable key."""
    return f"vn/unidentified/{sha256[:16]}"


def _year_bounds(date: str | None, year: int | None, scope: str | None
                 ) -> tuple[int | None, int | None]:
    """(earliest, latest) year a document can be of. An undated Party
    document known only by its term ("2020-2025") may be of any year of the
    term, not only the first (its ``year``); else both are ``year``."""
    s = scope or ""
    if not date and len(s) == 9 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit():
        return int(s[:4]), int(s[5:])
    return year, year


def is_later(date: str | None, year: int | None, than_date: str | None,
             than_year: int | None, *, scope: str | None = None,
             than_scope: str | None = None) -> bool:
    """True when a document (``date``/``year``/``scope``) is known to come
    after another: by full date when both have one, else by year, the
    earliest it can be against the latest the other can be (an undated
    document known by its Party term may be of any year of it); unknown is
    never later."""
    if date and than_date and len(date) >= 10 and len(than_date) >= 10:
        return date[:10] > than_date[:10]
    y = _year_bounds(date, year, scope)[0]
    ty = _year_bounds(than_date, than_year, than_scope)[1]
    y = y if y is not None else year_of(date)
    ty = ty if ty is not None else year_of(than_date)
    return y is not None and ty is not None and y > ty
