"""Hypothesis strategies that write Vietnamese references, headers and documents
from the parser's own vocabulary tables (``parsers.vocabulary``), with the
damage real files carry, and the records a reader expects from them.

Every type, abbreviation, relation phrase and place comes from the tables, so a
new entry there is exercised without touching this file; what the tables hold
only folded (relation phrases, places) is printed with the diacritics written
out below where known, else folded (a valid damaged form). The expected
records are built here from the parts, never by running the parser.

Damage (each optional, drawn per reference): diacritics stripped (Đ→D), OCR
spellings of "số"/"của", Đ of a symbol part read as D, P or B, a line break
inside the symbol, footnote markers, CRLF line ends, NUL and control
characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from hypothesis import strategies as st

from parsers.vocabulary import (
    ALSO_WRITTEN,
    ASCII_PARTS_KEPT,
    DOC_TYPES,
    NOT_DOCUMENT_PHRASES,
    OCR_P_B_PARTS,
    PARTS_WITH_D_BAR,
    PLACE_NAMES,
    TRIGGERS,
)


def plain(text: str) -> str:
    """Diacritics stripped, Đ→D, case kept: what a copy without marks shows."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c)))


def folded(text: str) -> str:
    """Lowercase :func:`plain` with spaces collapsed: how records are compared
    when only the marks may differ."""
    return " ".join(plain(text).lower().split())


# --- printed forms of what the tables hold folded ----------------------------------

#: Diacritics of folded vocabulary phrases, written out by hand.
PRINTED = {
    "can cu": "Căn cứ", "thuc hien": "Thực hiện", "trien khai": "Triển khai",
    "cu the hoa": "Cụ thể hóa", "thi hanh": "Thi hành", "sua doi": "Sửa đổi",
    "bo sung": "Bổ sung", "dinh chinh": "Đính chính", "thay the": "Thay thế",
    "bai bo": "Bãi bỏ", "huy bo": "Hủy bỏ", "quy dinh chi tiet": "Quy định chi tiết",
    "huong dan thi hanh": "Hướng dẫn thi hành", "huong dan thuc hien": "Hướng dẫn thực hiện",
    "huong dan trien khai": "Hướng dẫn triển khai", "huong dan": "Hướng dẫn",
    "thong bao ket luan": "Thông báo kết luận", "ke hoach hanh dong": "Kế hoạch hành động",
    "chuong trinh hanh dong": "Chương trình hành động",
    "lang son": "Lạng Sơn", "cao bang": "Cao Bằng", "ha noi": "Hà Nội", "da nang": "Đà Nẵng",
    "bac giang": "Bắc Giang", "thai nguyen": "Thái Nguyên", "quang ninh": "Quảng Ninh",
    "ha giang": "Hà Giang", "nghe an": "Nghệ An", "ho chi minh": "Hồ Chí Minh",
    "can tho": "Cần Thơ", "hai phong": "Hải Phòng", "lao cai": "Lào Cai",
}


def printed(phrase: str) -> str:
    """The printed form of a folded table phrase (folded itself if unknown)."""
    return PRINTED.get(phrase, phrase.capitalize())


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


# --- vocabulary-driven parts ---------------------------------------------------------

#: Types with their printed word(s) and the abbreviations their symbols carry.
TYPE_WORDS: dict[str, list[str]] = {}
for _t in DOC_TYPES:
    words = {_t.name}
    for _p in _t.phrases:
        if folded(_p) != folded(_t.name):
            words.add(printed(_p))
    TYPE_WORDS[_t.name] = sorted(words)
TYPE_ABBREVIATIONS: dict[str, list[str]] = {
    t.name: sorted(set(t.abbreviations) | ALSO_WRITTEN.get(t.name, frozenset()))
    for t in DOC_TYPES
}
#: Types whose symbols carry no type abbreviation: how they are numbered.
NATIONAL_ASSEMBLY_TYPES = {"Luật", "Bộ luật"}
PARTY_CIRCULAR = {"Thông tri": "TT"}  # "Thông tri số 05-TT/TW" is not a Thông tư

#: Issuing-body codes of state symbols: ASCII ones and every table part with Đ
#: but "HĐ", which without its mark is HD (Hướng dẫn): a documented limit.
STATE_ISSUERS = sorted({"UBND", "CP", "TTg", "BTC", "BNV", "STC", "SXD", "VP", "BCA", "BQP",
                        "NHNN", "BTP", "SNV", "UBND-VP", "UBND-KT", "STC-QLG&CS"}
                       | {p for p in PARTS_WITH_D_BAR if p != "HĐ" and len(p) >= 3})
PARTY_ISSUERS = ["TW", "TU", "HU", "ĐU", "ĐUK", "QU", "BCĐ"]

#: Issuers as a reader writes them after "của" (printed, with their marks).
ISSUER_NAMES = [
    "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
    "UBND tỉnh", "Ủy ban nhân dân tỉnh", "HĐND tỉnh", "Chủ tịch UBND tỉnh", "Chính phủ",
    "Thủ tướng Chính phủ", "Bộ Tài chính", "Bộ Nội vụ", "Sở Xây dựng", "Sở Tài chính",
    "Văn phòng UBND tỉnh", "Tỉnh ủy", "UBND thành phố",
] + [f"UBND tỉnh {printed(p)}" for p in PLACE_NAMES if p in PRINTED]

#: Printed places for headers ("Lạng Sơn, ngày …").
PLACES = [printed(p) for p in PLACE_NAMES if p in PRINTED]

#: Filler prose between references: no type word, trigger, "số", date, form
#: name or number (checked below against the tables).
FILLER = ("các xã tiếp tục tổ chức tốt nhiệm vụ được giao đồng chí chủ trì cuộc họp "
          "với lãnh đạo các phường về công tác chuyển đổi số hồ sơ đường giao thông "
          "nông thôn kết quả đạt được trong tháng qua còn một số hạn chế").split()
FILLER = [w for w in FILLER if w not in ("số",)]


def _check_filler() -> None:
    phrases = ([p for t in DOC_TYPES for p in t.phrases] + [t.phrase for t in TRIGGERS]
               + list(NOT_DOCUMENT_PHRASES))
    text = " " + " ".join(folded(w) for w in FILLER) + " "
    clash = [p for p in phrases if f" {p} " in text]
    assert not clash, f"filler words form table phrases: {clash}"


_check_filler()


# --- references ----------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """One planted reference: how it is printed and what a reader expects."""

    lead: str          # "Căn cứ ", "theo ", "" …
    type_word: str     # "Quyết định"
    so: str            # "số ", "số: ", ""
    key: str           # canonical: what the parser must report
    surface: str       # the key as printed (line breaks, OCR Đ)
    date_text: str     # " ngày 20/11/2025" or ""
    of: str            # " của " or its OCR form, "" when no issuer
    issuer_text: str   # printed issuer, "" when none
    tail: str          # what closes the sentence
    type: str          # canonical type name
    date: str | None
    relation: str
    marks: tuple[str, ...] = field(default=())  # damage applied, for hypothesis.event

    @property
    def text(self) -> str:
        return (f"{self.lead}{self.type_word} {self.so}{self.surface}{self.date_text}"
                f"{self.of}{self.issuer_text}{self.tail}")

    @property
    def issuer(self) -> str | None:
        return self.issuer_text or None

    def expected(self) -> tuple[str, str, str | None, str]:
        return (self.key, self.type, self.date, self.relation)


@st.composite
def keys(draw: st.DrawFn, type_name: str) -> str:
    """A canonical number/symbol for a document of ``type_name``."""
    n = draw(st.integers(1, 9999))
    year = draw(st.integers(1995, 2030))
    if type_name in NATIONAL_ASSEMBLY_TYPES:
        return f"{n}/{year}/QH{draw(st.integers(11, 15))}"
    if type_name in PARTY_CIRCULAR:
        return f"{n}-{PARTY_CIRCULAR[type_name]}/{draw(st.sampled_from(PARTY_ISSUERS))}"
    abbr = draw(st.sampled_from(TYPE_ABBREVIATIONS[type_name]))
    style = draw(st.sampled_from(["party", "state", "state-year"]))
    if style == "party":
        return f"{n}-{abbr}/{draw(st.sampled_from(PARTY_ISSUERS))}"
    issuer = draw(st.sampled_from(STATE_ISSUERS))
    if style == "state":
        return f"{n}/{abbr}-{issuer}"
    return f"{n}/{year}/{abbr}-{issuer}"


TYPED = [t.name for t in DOC_TYPES if TYPE_ABBREVIATIONS[t.name]
         or t.name in NATIONAL_ASSEMBLY_TYPES or t.name in PARTY_CIRCULAR]


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, str]:
    """(printed " ngày …", ISO date)."""
    d, m, y = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(1995, 2030))
    form = draw(st.sampled_from([f" ngày {d}/{m}/{y}", f" ngày {d:02d}/{m:02d}/{y}",
                                 f", ngày {d}/{m}/{y}", f" ngày {d} tháng {m} năm {y}",
                                 f" ngày {d:02d}-{m:02d}-{y}"]))
    return form, f"{y:04d}-{m:02d}-{d:02d}"


def references(*, clause_start: bool = True, dated: bool | None = None
               ) -> st.SearchStrategy[Ref]:
    """A clean reference as a sentence of its own, from the tables; ``dated``
    forces a date in or out. (The misreadings these found, "Bãi bỏ Luật" read
    as a Bộ luật, "Hướng dẫn số …" opening a sentence read as guides, "QyĐ"
    not read, are fixed and have plain tests in test_parser_properties.py.)"""
    return _references(clause_start=clause_start, dated=dated)


@st.composite
def _references(draw: st.DrawFn, *, clause_start: bool = True, dated: bool | None = None
                ) -> Ref:
    type_name = draw(st.sampled_from(TYPED))
    trigger = draw(st.one_of(st.none(), st.sampled_from(TRIGGERS)))
    if trigger is None:
        lead, relation = draw(st.sampled_from(["", "theo ", "tại "])), "cites"
    elif trigger.phrase == "can cu" and not clause_start:
        lead, relation = "", "cites"
    else:
        lead, relation = printed(trigger.phrase) + " ", trigger.relation
    date_text, date = ("", None)
    if dated or (dated is None and draw(st.booleans())):
        date_text, date = draw(dates())
    # (half the draws name no issuer; one choice over the list, not a boolean
    # first, keeps that share steady however the tables above grow)
    issuer = draw(st.sampled_from([*ISSUER_NAMES, *[""] * len(ISSUER_NAMES)]))
    tail = draw(st.sampled_from([";", ".", " về việc tổ chức cuộc họp."]))
    key = draw(keys(type_name))
    return Ref(lead=lead, type_word=draw(st.sampled_from(TYPE_WORDS[type_name])),
               so=draw(st.sampled_from(["số ", "số: ", ""])), key=key, surface=key,
               date_text=date_text, of=" của " if issuer else "", issuer_text=issuer,
               tail=tail, type=type_name, date=date, relation=relation)


# --- damage --------------------------------------------------------------------------


def strip_marks(ref: Ref) -> Ref:
    """The whole reference without diacritics (Đ→D), as a copy that lost them."""
    return replace(ref, **{f: plain(getattr(ref, f)) for f in
                           ("lead", "type_word", "so", "surface", "date_text", "of",
                            "issuer_text", "tail")}, marks=(*ref.marks, "stripped"))


@st.composite
def ocr_damaged(draw: st.DrawFn, ref: Ref) -> Ref:
    """OCR spellings README says are read: "s6"/"sd"/"so" for số, "ctia"/"ciia"
    for của, and the Đ of a symbol part read as D (or as P/B in the parts
    scans misread that way)."""
    marks = list(ref.marks)
    so, of, surface = ref.so, ref.of, ref.surface
    if so.startswith("số") and draw(st.booleans()):
        so = draw(st.sampled_from(["s6", "sd", "so"])) + so[2:]
        marks.append("ocr-so")
    if of and draw(st.booleans()):
        of = " " + draw(st.sampled_from(["ctia", "ciia", "cua"])) + " "
        marks.append("ocr-cua")
    if "Đ" in surface and draw(st.booleans()):
        tokens = re.split(r"([-/])", surface)  # parts and their separators
        for i, part in enumerate(tokens):
            if "Đ" in part:
                choices = ["D", "P", "B"] if part in OCR_P_B_PARTS else ["D"]
                # a misreading that spells a real ASCII code ("QP", "CP") cannot
                # be told from it: the table keeps those, so they are not drawn
                choices = [c for c in choices
                           if part.replace("Đ", c) not in ASCII_PARTS_KEPT]
                tokens[i] = part.replace("Đ", draw(st.sampled_from(choices)))
        surface = "".join(tokens)
        marks.append("ocr-d")
    return replace(ref, so=so, of=of, surface=surface, marks=tuple(marks))


@st.composite
def broken_symbol(draw: st.DrawFn, ref: Ref) -> Ref:
    """A line break after one of the symbol's separators ("58-\\nQĐ/TU")."""
    cuts = [i + 1 for i, c in enumerate(ref.surface) if c in "-/"]
    if not cuts:
        return ref
    at = draw(st.sampled_from(cuts))
    brk = draw(st.sampled_from(["\n", "\n\n", " \n"]))
    return replace(ref, surface=ref.surface[:at] + brk + ref.surface[at:],
                   marks=(*ref.marks, "line-break"))


@st.composite
def footnoted(draw: st.DrawFn, ref: Ref) -> Ref:
    """Footnote markers: after the type word, after the symbol, or a footnote
    digit glued to the year of the date."""
    dated = bool(ref.date_text) and ref.date_text[-4:].isdigit()
    where = draw(st.sampled_from(["type", "key", "year"] if dated else ["type", "key"]))
    mark = draw(st.sampled_from(["¹", "²", "³"]))
    if where == "type":
        return replace(ref, type_word=ref.type_word + mark, marks=(*ref.marks, "fn-type"))
    if where == "key":
        # the .docx reader writes footnote references as "[1]"; one between the
        # symbol and the date is a known misreading (the date is lost)
        marks = [mark] if ref.date_text else [mark, "[1]"]
        return replace(ref, surface=ref.surface + draw(st.sampled_from(marks)),
                       marks=(*ref.marks, "fn-key"))
    digit = draw(st.sampled_from("123456789"))
    return replace(ref, date_text=ref.date_text + digit, marks=(*ref.marks, "fn-year"))


@st.composite
def damaged_references(draw: st.DrawFn) -> Ref:
    """A reference with any combination of the damage above."""
    ref = draw(references())
    if draw(st.booleans()):
        ref = draw(ocr_damaged(ref))
    if draw(st.booleans()):
        ref = draw(broken_symbol(ref))
    if draw(st.booleans()):
        ref = draw(footnoted(ref))
    if draw(st.booleans()):
        ref = strip_marks(ref)
    return ref


def sentence(words: list[str]) -> str:
    return (" ".join(words).capitalize() + ".") if words else ""


fillers = st.lists(st.sampled_from(FILLER), min_size=0, max_size=12).map(sentence)


# --- headers and documents -----------------------------------------------------------

HEADER_TYPES = [t.name for t in DOC_TYPES if TYPE_ABBREVIATIONS[t.name] and t.name != "Công văn"]
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class Header:
    """A document's header block and the identity a reader takes from it."""

    text: str
    type: str
    key: str
    date: str
    place: str


@st.composite
def headers(draw: st.DrawFn) -> Header:
    type_name = draw(st.sampled_from(HEADER_TYPES))
    abbr = draw(st.sampled_from(TYPE_ABBREVIATIONS[type_name]))
    n = draw(st.integers(1, 9999))
    place = draw(st.sampled_from(PLACES))
    d, m, y = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(2000, 2030))
    party = draw(st.booleans())
    if party:
        key = f"{n}-{abbr}/TU"
        left = [f"ĐẢNG BỘ TỈNH {place.upper()}", "TỈNH ỦY"]
        motto = ["ĐẢNG CỘNG SẢN VIỆT NAM", ""]
        number = draw(st.sampled_from([f"Số {key}", f"Số: {key}"]))
    else:
        key = f"{n}/{abbr}-UBND"
        left = [f"UBND TỈNH {place.upper()}", "VĂN PHÒNG"]
        motto = list(MOTTO)
        number = f"Số: {key}"
    gap = " " * draw(st.integers(2, 12))
    when = f"{place}, ngày {d:02d} tháng {m:02d} năm {y}"
    subject = sentence(draw(st.lists(st.sampled_from(FILLER), min_size=3, max_size=10)))
    text = (f"{left[0]}{gap}{motto[0]}\n{left[1]}{gap}{motto[1]}\n\n"
            f"{number}{gap}{when}\n\n{type_name.upper()}\n{subject[:-1]}\n\n")
    return Header(text, type_name, key, f"{y:04d}-{m:02d}-{d:02d}", place)


@dataclass(frozen=True)
class Document:
    header: Header | None
    refs: tuple[Ref, ...]
    text: str


@st.composite
def documents(draw: st.DrawFn, ref_strategy: Callable[[], st.SearchStrategy[Ref]]
              = damaged_references) -> Document:
    """A header (or none) and a body of filler sentences and references, each
    reference its own sentence on its own line or after a filler sentence."""
    header = draw(st.one_of(st.none(), headers()))
    refs, body = [], []
    for _ in range(draw(st.integers(0, 5))):
        body.append(draw(fillers))
        ref = draw(ref_strategy())
        if header is not None and ref.key == header.key:
            continue  # the document's own number is not a reference
        if any(r.key == ref.key for r in refs):
            continue  # a repeat may take the relation of the first mention
        if ref.tail == ";":  # "Căn cứ A;\nB;" is a list of bases: B is based on too
            ref = replace(ref, tail=".")
        refs.append(ref)
        body.append(ref.text)
    body.append(draw(fillers))
    sep = draw(st.sampled_from(["\n", " "]))
    text = (header.text if header else "") + sep.join(b for b in body if b) + "\n"
    return Document(header, tuple(refs), text)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


CONTROL = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u200b", "\ufeff", "\x85"]


@st.composite
def with_controls(draw: st.DrawFn, text: str) -> str:
    """``text`` with NUL and other control characters at random places."""
    out = list(text)
    for _ in range(draw(st.integers(1, 8))):
        out.insert(draw(st.integers(0, len(out))), draw(st.sampled_from(CONTROL)))
    return "".join(out)
