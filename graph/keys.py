"""Keys: a number-and-symbol as one spelling, and what its parts say.

``parse_key`` splits "30/2020/NĐ-CP", "58-QĐ/TU", "09/CT-UBND" into number,
year written in the number, symbol, type abbreviation and body codes, in one
spelling whatever the source wrote ("NĐCP", "NĐ.CP", "57/NQ-TW", a footnote
mark glued on), so that every mention of a document gives the same node id.
The body codes tell whether the issuer is central (:data:`CENTRAL_BODIES`) or
can only be provincial (Tỉnh ủy, a Sở). Re-exported by :mod:`graph.identity`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.normalize import fold as _fold_same_length
from parsers.vocabulary import TYPE_BY_ABBREVIATION

__all__ = [
    "CENTRAL_BODIES",
    "PARTY_BODIES",
    "PROVINCE_ONLY_BODIES",
    "TYPE_ABBRS",
    "YEAR_IN_NUMBER_TYPES",
    "KeyParts",
    "fold",
    "is_central",
    "parse_key",
    "province_level_body",
    "slug",
    "type_abbr",
    "with_year",
    "with_year_only",
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
