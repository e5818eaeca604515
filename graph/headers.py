"""What a document's header says besides its key: the issuing body alone, and
its own number when a parser missed it.

Real headers arrive flattened from .doc/.docx/.pdf: the issuer glued to the
republic's name and motto, rules of dashes or asterisks, the number on the
next line ("QUỐC HỘI ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM … Luật
số:\n16/2023/QH15"). These pure functions read the parts the graph needs
from such text (:mod:`graph.resolve`) and say what looks wrong
(:mod:`graph.audit`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from graph.identity import fold, province_of

__all__ = ["HEADER_REACH", "MOTTO", "clean_issuer", "header_key", "is_draft",
           "issuer_is_central", "issuer_problem"]


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


#: A draft's marks in its header: "DỰ THẢO" (capitals, or "(Dự thảo" / a line
#: opening with it), or a number left blank ("Số:      /QĐ-UBND", "Luật số: …
#: /2016/QH14"). A letter asking for comments "về dự thảo …" has neither.
_DRAFT_WORD = regex.compile(r"DỰ THẢO|\(\s*[Dd]ự thảo|(?m:^)[ \t]*[Dd]ự thảo\b")
#: The blank number from its "ố" on; :func:`_blank_number` checks the "S"
#: before it stands at a word's start (found from the rare "ố", not tried at
#: every letter: 3 µs a header instead of 12)
_BLANK_NUMBER = re.compile(r"[ốỐ]\s*:[ \t.…_]*(?:\n[ \t.…_]*)?/\s*(?:(?:19|20)\d\d/)?[A-ZĐ]")


def _blank_number(head: str) -> bool:
    """``\\b[Ss]`` then :data:`_BLANK_NUMBER` somewhere in ``head``."""
    for m in _BLANK_NUMBER.finditer(head):
        s = m.start()
        if s and head[s - 1] in "Ss" and (s == 1 or not _is_word(head[s - 2])):
            return True
    return False


def _is_word(ch: str) -> bool:
    """What ``re``'s ``\\w`` matches in a text."""
    return ch.isalnum() or ch == "_"


def is_draft(text: str | None) -> bool:
    """True when the header (above the body, at most :data:`HEADER_REACH`
    characters) marks the text as a draft: it has no legal force yet."""
    if not text:
        return False
    m = _BODY.search(text, 0, HEADER_REACH)
    head = text[: m.start() if m else HEADER_REACH]
    # every form of the draft word holds "THẢO" or "thảo"
    return bool((("THẢO" in head or "thảo" in head) and _DRAFT_WORD.search(head))
                or _blank_number(head))


#: Central bodies as named in a header's issuer line (folded, at its start).
_CENTRAL_ISSUER = re.compile(
    r"^\W*(?:quoc hoi|uy ban thuong vu quoc hoi|van phong quoc hoi|chinh phu|thu tuong"
    r"|van phong chinh phu|chu tich nuoc|bo [a-z]|tong cuc|toa an nhan dan toi cao"
    r"|vien kiem sat nhan dan toi cao|kiem toan nha nuoc|ngan hang nha nuoc"
    r"|ban chap hanh trung uong|bo chinh tri|ban bi thu|hoi dong bau cu quoc gia"
    r"|uy ban trung uong|thanh tra chinh phu|bao hiem xa hoi viet nam"
    # a national organisation named for the country: "HIỆP HỘI CÔNG CHỨNG VIÊN
    # VIỆT NAM - BAN THƯỜNG VỤ", "Tổng Liên đoàn Lao động Việt Nam"
    r"|[^-–]*\bviet nam\s*(?:$|[-–]))")


def issuer_is_central(issuer: str | None) -> bool:
    """True when a header's issuer line, or the issuer a mention names,
    is a central body ("QUỐC HỘI", "BỘ TÀI CHÍNH", "CHÍNH PHỦ", "Hiệp hội Công
    chứng Việt Nam") and no province."""
    if not issuer:
        return False
    return bool(_CENTRAL_ISSUER.search(fold(issuer))) and province_of(issuer) is None
