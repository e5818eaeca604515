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

Everything here is pure functions over strings; corpus-wide inference (year
or province from another mention of the same key) lives in
:mod:`graph.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache

import regex

from parsers.normalize import fold as _fold_same_length
from parsers.vocabulary import TYPE_BY_ABBREVIATION

__all__ = [
    "CENTRAL_BODIES",
    "clean_issuer",
    "DocContext",
    "KeyParts",
    "Level",
    "TERMS_LOCAL",
    "TERMS_NATIONAL",
    "doc_context",
    "fold",
    "header_key",
    "issuer_is_central",
    "is_central",
    "is_later",
    "issuer_problem",
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


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase, strip diacritics, đ→d: the form used for matching names
    (the parser's fold, cached for the short strings compared here)."""
    return _fold_same_length(text)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII, lowercase, hyphen-separated: safe in node ids and IRIs."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# --------------------------------------------------------------------------
# Keys

#: ``30/2020/NĐ-CP``, ``09/CT-UBND``, ``58-QĐ/TU``, ``59/2020/QH14``.
KEY_RE = re.compile(
    r"""^(?P<number>\d+[A-Za-z]?)          # 58, 09, 123a
        (?:/(?P<year>(?:19|20)\d\d))?       # year written in the number (state style)
        (?P<sep>[/-])                       # '/' state style, '-' Party style
        (?P<symbol>\S+)$""",
    re.VERBOSE,
)

#: Abbreviations that name a document type as the first part of a symbol
#: (``CT`` in ``CT-UBND``): the parser's table, the one place they are listed.
#: A symbol without one (``UBND-VP``) is a công văn (official letter), which
#: carries only the issuing body.
TYPE_ABBRS: dict[str, str] = dict(TYPE_BY_ABBREVIATION)

_TYPE_ABBR_FOLDED = {fold(k): k for k in TYPE_ABBRS}


@dataclass(frozen=True, slots=True)
class KeyParts:
    """A key split into what identity needs."""

    key: str
    number: str  # leading zeros removed: "09" and "9" are one number
    year: int | None  # year written inside the number, if any
    symbol: str  # "CT-UBND", "QĐ/TU"
    party: bool  # hyphen style: numbered per term, not per year
    type_part: str | None  # "CT", "QĐ"; None for a công văn
    body_parts: tuple[str, ...]  # ("UBND",), ("TU",), ("UBND", "VP")


#: Bodies that only issue Party documents: a key written state style
#: ("57/NQ-TW", "36/CT-TW") is the Party document "57-NQ/TW".
PARTY_BODIES: frozenset[str] = frozenset(
    fold(c) for c in (
        "TW", "TU", "HU", "QU", "ThU", "ĐU", "ĐUK", "BCSĐ", "VPTW", "BTGTW", "BTCTW",
        "UBKTTW", "BDVTW", "BNCTW", "BTGDVTW", "BKTTW", "ĐUCA", "QUTW", "ĐUQSTW", "BCĐTW",
        "BTGTU", "BTCTU", "UBKTTU", "VPTU", "BDVTU", "BTGDVTU",
    )
)

_TYPES_LONGEST_FIRST = sorted(_TYPE_ABBR_FOLDED, key=len, reverse=True)


def _glued(piece: str) -> tuple[str, str] | None:
    """A type abbreviation written together with its body ("NĐCP",
    "TTBTC", "QĐUBND"): (type, body) when the rest is a known body code."""
    f = fold(piece)
    if f in _TYPE_ABBR_FOLDED:
        return None
    for t in _TYPES_LONGEST_FIRST:
        rest = f[len(t):]
        if f.startswith(t) and rest and (
                re.sub(r"\d+$", "", rest) in _GLUED_BODIES):
            return piece[: len(t)], piece[len(t):]
    return None


@lru_cache(maxsize=1 << 16)
def parse_key(key: str) -> KeyParts | None:
    """Split a key into what identity needs, in one spelling per document:
    dots between symbol parts are hyphens ("NĐ.CP"), a type glued to its body
    is split ("NĐCP" → "NĐ-CP"), and a Party body's key written state style
    is Party style ("57/NQ-TW" → "57-NQ/TW"); ``KeyParts.key`` is that
    spelling. None if ``key`` is not number-then-symbol."""
    m = KEY_RE.match(key.strip())
    if not m:
        return None
    symbol = re.sub(r"\.+", "-", m["symbol"]).strip("-/&")
    pieces = [p for p in re.split(r"([-/&])", symbol) if p]
    if not pieces or pieces[0] in "-/&":
        return None
    glued = _glued(pieces[0])
    if glued:
        pieces[0:1] = [glued[0], "-", glued[1]]
    last = pieces[-1]
    base = re.sub(r"\d{1,2}$", "", last)
    if base != last and fold(base) in CENTRAL_BODIES and fold(base) not in _TERM_BODIES:
        pieces[-1] = base  # "NĐ-CP1": a footnote mark glued on, not a term number
    symbol = "".join(pieces)
    party = m["sep"] == "-" and "/" in symbol and m["year"] is None
    parts = tuple(p for p in re.split(r"[-/&]", symbol) if p)
    if not parts:
        return None
    first = fold(parts[0])
    type_part = _TYPE_ABBR_FOLDED.get(first) if len(parts) > 1 else None
    body = parts[1:] if type_part else parts
    if (not party and type_part and m["year"] is None and m["sep"] == "/"
            and all(fold(b) in PARTY_BODIES or b.upper() == "TƯ" for b in body)):
        party = True  # "57/NQ-TW" is the Central Committee's Resolution 57-NQ/TW
        symbol = f"{parts[0]}/{'-'.join(body)}"
    number = m["number"].lstrip("0") or "0"
    year = int(m["year"]) if m["year"] else None
    canonical = m["number"] + (f"/{year}" if year else "") + ("-" if party else "/") + symbol
    return KeyParts(
        key=canonical,
        number=number,
        year=year,
        symbol=symbol,
        party=party,
        type_part=type_part,
        body_parts=body,
    )


#: Types numbered with their year inside the number whenever issued by a
#: central body (since the early 2000s): a mention that leaves the year out
#: ("126/NĐ-CP ngày 08/10/2024") names the document with it.
YEAR_IN_NUMBER_TYPES: frozenset[str] = frozenset({"NĐ", "TT", "TTLT"})


def with_year_only(parts: KeyParts) -> bool:
    """True for a key whose type always carries the year in the number."""
    return parts.type_part in YEAR_IN_NUMBER_TYPES and not parts.party


@lru_cache(maxsize=1 << 16)
def with_year(parts: KeyParts, year: int) -> KeyParts:
    """The same key with ``year`` written in its number."""
    number = parts.key.split("/", 1)[0]
    return parse_key(f"{number}/{year}/{parts.symbol}") or parts


@lru_cache(maxsize=1 << 16)
def type_abbr(parts: KeyParts) -> str:
    """Short type code for node ids, from the symbol only (so every mention of
    one document gives the same id): ``qd`` for ``QĐ/TU``; ``vb`` (văn bản,
    document) when the symbol names no type (``UBND-VP``, ``QH14``)."""
    return slug(parts.type_part) if parts.type_part else "vb"


# --------------------------------------------------------------------------
# Jurisdiction

#: Issuing bodies whose documents are national (one numbering for the whole
#: country). Everything else is local and scoped to a province. Codes are
#: compared folded; trailing digits are ignored (``QH14``, ``UBTVQH15``).
CENTRAL_BODIES: frozenset[str] = frozenset(
    fold(code)
    for code in (
        # State: legislature, head of state, government, Prime Minister
        "QH", "UBTVQH", "CTN", "CP", "TTg", "VPCP",
        # Ministries and ministry-level bodies (before and after the 2025 merger)
        "BTC", "BNV", "BCA", "BQP", "BYT", "BGDĐT", "BTNMT", "BNNPTNT", "BNNMT",
        "BKHĐT", "BCT", "BTP", "BXD", "BGTVT", "BLĐTBXH", "BVHTTDL", "BTTTT",
        "BKHCN", "BNG", "UBDT", "BDTTG", "NHNN", "TTCP", "KTNN", "TANDTC",
        "HĐTP", "VKSNDTC", "BHXH", "BNN", "BKH", "BLĐTB",
        # Party centre: Central Committee, Politburo, Secretariat, central boards
        "TW", "BCT-TW", "BTGTW", "BTCTW", "UBKTTW", "VPTW", "BDVTW",
        "BNCTW", "BTGDVTW", "ĐUCA", "QUTW", "ĐUQSTW",
        # National mass organisations
        "MTTQVN", "TLĐ", "TWĐTN",
        # Office of the National Assembly and its committees, the National
        # Election Council, general departments of ministries
        "VPQH", "UBPL", "UBCTĐB", "HĐDT", "HĐBCQG", "TCHQ", "TCT", "KBNN", "TCTK",
        # the government before 1992 (Council of Ministers)
        "HĐBT",
    )
)

#: Central bodies written with their term number ("QH15", "UBTVQH14").
_TERM_BODIES: frozenset[str] = frozenset(
    fold(c) for c in ("QH", "UBTVQH", "UBPL", "UBCTĐB", "HĐDT", "TW"))

#: Bodies a type abbreviation is found glued to ("NĐCP", "QĐUBND").
_GLUED_BODIES: frozenset[str] = CENTRAL_BODIES | {fold(c) for c in ("UBND", "HĐND", "UB")}

#: Local bodies that only exist at province level (Tỉnh ủy and its boards).
PROVINCE_ONLY_BODIES: frozenset[str] = frozenset(
    fold(c) for c in ("TU", "BTGTU", "BTCTU", "UBKTTU", "VPTU", "BDVTU", "BTGDVTU")
)


@lru_cache(maxsize=1 << 16)
def _body_code(part: str) -> str:
    return re.sub(r"\d+$", "", fold(part))


@lru_cache(maxsize=1 << 16)
def is_central(parts: KeyParts) -> bool:
    """True when the key's issuing body is a national one."""
    for part in parts.body_parts:
        code = _body_code(part)
        # "TƯ" (Trung ương) folds to "tu", which is also Tỉnh ủy: test it unfolded
        if part.upper() == "TƯ" or code in CENTRAL_BODIES or code.endswith("tw"):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def province_level_body(parts: KeyParts) -> bool:
    """True when the body can only be provincial (Tỉnh ủy, a Sở ``SNV``)."""
    for part in parts.body_parts:
        code = _body_code(part)
        if code in PROVINCE_ONLY_BODIES:
            return True
        if len(code) >= 3 and code.startswith("s") and part[:1] == "S" and part.isupper():
            return True  # Sở codes: SNV, STC, SGDĐT, SYT, SXD…
    return False


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


def is_later(date: str | None, year: int | None, than_date: str | None,
             than_year: int | None) -> bool:
    """True when a document (``date``/``year``) is known to come after another:
    by full date when both have one, else by year; unknown is never later."""
    if date and than_date and len(date) >= 10 and len(than_date) >= 10:
        return date[:10] > than_date[:10]
    y = year if year is not None else year_of(date)
    ty = than_year if than_year is not None else year_of(than_date)
    return y is not None and ty is not None and y > ty


# --------------------------------------------------------------------------
# Issuers

#: The national motto and the republic's name, which head every document
#: beside the issuer; a header flattened onto one line glues them together.
MOTTO = re.compile(r"cong hoa xa hoi chu nghia|doc lap\W+tu do|tu do\W+hanh phuc")
_RULE = re.compile(r"[-_=*.]{3,}")
_ISSUER_NOISE = re.compile(r"\b(?:so|ngay)\s*:|(?<![\w])\d+[\w.]*[/-][\w./-]+|\bngay \d")


def issuer_problem(issuer: str | None) -> str | None:
    """Why an issuer looks like more than an issuing body (a header line, the
    motto, a number or date glued on), or None when it looks like one."""
    if not issuer:
        return None
    f = fold(issuer)
    if MOTTO.search(f):
        return "contains the national motto"
    if _RULE.search(issuer):
        return "contains a header rule (---)"
    if _ISSUER_NOISE.search(f):
        return "contains a number or date"
    if len(issuer) > 160:
        return "longer than a body's name"
    return None


@lru_cache(maxsize=1 << 14)
def clean_issuer(issuer: str | None) -> str | None:
    """The issuing body alone: cut at the motto, drop header rules and a number
    glued on ("QUỐC HỘI ------- - 16/2023/QH15" → "QUỐC HỘI"); None if nothing
    of a body is left. Same length folding keeps positions aligned."""
    if not issuer:
        return None
    f = fold(issuer)
    m = MOTTO.search(f)
    text = issuer[: m.start()] if m else issuer
    cut = re.search(r"(?i)\b(?:s[ốo]|ngày)\s*:|(?<![\w])\d+[\w.]*[/-][\w./-]+", text)
    if cut:
        text = text[: cut.start()]
    text = _RULE.sub(" ", text)
    text = " ".join(text.split()).strip(" -–—,;:")
    return text or None


# --------------------------------------------------------------------------
# The document's own number, read from its header text

#: Where a document's body begins: its header (number, date, issuer) is above.
_BODY = re.compile(r"(?im)^[\s\-–•*+]*(?:căn cứ|kính gửi|điều 1\b|chương i\b|phần i\b|i\.\s)")
#: A number/symbol as typed in a header, spaces around separators allowed.
_KEY_TEXT = (r"(\d{1,6}[a-zA-Z]?(?:\s?/\s?(?:19|20)\d\d)?\s?[/-]\s?[A-ZĐ][\w.&]*"
             r"(?:\s?[/-]\s?[\w.&]*[A-Za-zĐđ][\w.&]*)*)")
#: "Số: 12/KH-UBND", "Luật số:\n16/2023/QH15" (with a colon), or a line "Số 12/…".
_HEADER_NUMBER = re.compile(r"(?:\b[Ss][ốỐ]\s*:\s*|(?m:^)[ \t]*S[ốỐ][ \t]+)" + _KEY_TEXT)
#: The end of a sentence of prose ("… a crawler. What was kept"); a header
#: above its number has none ("UBND TP. ĐÀ LẠT" is no sentence).
_PROSE = regex.compile(r"\p{Ll}{3,}[.!?]\s+\p{Lu}")
#: How far into a text a header's number can be.
HEADER_REACH = 800


def header_key(text: str | None) -> str | None:
    """The number/symbol a document's own header shows ("Số: 12/KH-UBND"),
    from the text above its body (at most :data:`HEADER_REACH` characters);
    None for a blank ("Số:  /KH-UBND") or no header."""
    if not text:
        return None
    m = _BODY.search(text, 0, HEADER_REACH)
    head = text[: m.start() if m else HEADER_REACH]
    found = _HEADER_NUMBER.search(head)
    if found is None or _PROSE.search(head, 0, found.start()):
        return None  # a sentence before it: a text quoting a header, not a header
    return re.sub(r"\s+", "", found.group(1)).rstrip(".,;:")


#: Central bodies as named in a header's issuer line (folded, at its start).
_CENTRAL_ISSUER = re.compile(
    r"^\W*(?:quoc hoi|uy ban thuong vu quoc hoi|van phong quoc hoi|chinh phu|thu tuong"
    r"|van phong chinh phu|chu tich nuoc|bo [a-z]|tong cuc|toa an nhan dan toi cao"
    r"|vien kiem sat nhan dan toi cao|kiem toan nha nuoc|ngan hang nha nuoc"
    r"|ban chap hanh trung uong|bo chinh tri|ban bi thu|hoi dong bau cu quoc gia"
    r"|uy ban trung uong|thanh tra chinh phu|bao hiem xa hoi viet nam)")


def issuer_is_central(issuer: str | None) -> bool:
    """True when a header's issuer line names a central body ("QUỐC HỘI",
    "BỘ TÀI CHÍNH", "CHÍNH PHỦ") and no province."""
    if not issuer:
        return False
    return bool(_CENTRAL_ISSUER.search(fold(issuer))) and province_of(issuer) is None
