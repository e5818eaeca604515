"""The parts of a document an act names before the document itself: "bãi
bỏ các khoản 2, 3 Điều 4; điểm b khoản 1 Điều 7 và các Điều 9, 10 [Nghị định
số …]". Their commas, semicolons and "và" list parts, not documents, so they
do not cut the act's verb off from the document."""

from __future__ import annotations

import regex

from parsers import engine

__all__ = ["CHAIN_TRIGGER", "PROVISION_WORDS", "chain_start", "names_parts", "parts_after_tai"]

#: The parts a trigger names before the document ("bãi bỏ các khoản 2, 3
#: Điều 4; điểm b khoản 1 Điều 7 và các Điều 9, 10 [Nghị định số …]", "bổ sung
#: điểm 2 , khoản 1 , Điều 4 [Quyết định số …]"): their commas, semicolons and
#: "và" list parts, not documents, and do not cut the trigger off.
_PART_WORD = (r"(?:cac|va|hoac|cua|tai|khoan|diem|dieu|chuong|muc|phan|tieu\s+muc|mot\s+s[o06]"
              r"|cum\s+tu|tu|mau"  # "bãi bỏ các điểm, khoản, cụm từ, mẫu tại …"
              r"|vao\s+sau|vao\s+truoc|sau|truoc"  # "bổ sung khoản 18 vào sau khoản 17 …"
              # (a roman number before a letter: read backwards, "iii" is not "i")
              r"|[0-9]+[a-z]?(?![a-z0-9])|[ivxlc]+(?![a-z0-9])|[a-z](?![a-z0-9]))")
_PARTS_CHAIN = engine.compile(rf"(?:[\s,;.]*{_PART_WORD})+[\s,;]*")
_PARTS_CHAIN_BACK = regex.compile(rf"(?:[\s,;.]*{_PART_WORD})+[\s,;]*", regex.REVERSE)
_PROVISION = engine.compile(r"(?<![a-z])(?:khoan|diem|dieu|chuong|muc|phan)(?![a-z])")
_FOUND_IN = engine.compile(r"[\s,;]*(?:tai|cua)(?![a-z])")
#: Words quoted as an act's object, one or a list of them ("cụm từ “, thanh
#: tra sở,”", "các cụm từ “thanh tra sở”, “thanh tra huyện” và “thanh tra”").
_QUOTED = regex.compile(
    "\u201c[^\u201c\u201d\n]*\u201d(?:[ \t]*(?:,|va|hoac)[ \t]*\u201c[^\u201c\u201d\n]*\u201d)*")
#: How far back a chain of parts is read, and how far before it its trigger
#: phrase may start ("sửa đổi, bổ sung các").
_CHAIN_REACH = 400
#: How far before the chain's start its verb may stand.
CHAIN_TRIGGER = 30
#: One of these stands in any chain of parts (checked before the patterns).
PROVISION_WORDS = ("dieu", "khoan", "diem", "chuong", "muc", "phan")


def parts_after_tai(folded: str, lo: int, hi: int, between: str) -> bool:
    """The commas of ``between`` (``folded[lo:hi]``) all stand in the parts it
    ends with ("sửa đổi chế độ … quy định tại khoản 3, điều 1 của [Quyết định
    số …]")."""
    k = between.rfind(" tai ")
    if k < 0:
        return False
    head = between[:k]
    if "\u201c" in head:  # "bãi bỏ cụm từ “thanh tra,” tại …": the words quoted are
        head = _QUOTED.sub("", head)  # the object, their commas list nothing
    return "," not in head and not head.endswith("theo quy dinh") \
        and names_parts(folded, lo + k + 5, hi)


def names_parts(folded: str, lo: int, hi: int, stretch: str | None = None) -> bool:
    """``folded[lo:hi]``, right after a trigger, names the parts it acts on
    and nothing else (at least one article, clause, …; not "hướng dẫn tại
    Điều 5 của …" or "theo hướng dẫn của điểm a …", guidance found there)."""
    if hi - lo > _CHAIN_REACH or stretch is not None and not any(
            w in stretch for w in PROVISION_WORDS):
        return False
    return _PARTS_CHAIN.fullmatch(folded, lo, hi) is not None and \
        _PROVISION.search(folded, lo, hi) is not None and \
        _FOUND_IN.match(folded, lo, hi) is None


def chain_start(folded: str, pos: int) -> int:
    """Where the chain of parts that ends at ``pos`` starts (``pos`` if none)."""
    chain = _PARTS_CHAIN_BACK.match(folded, max(0, pos - _CHAIN_REACH), pos)
    return chain.start() if chain is not None and _PROVISION.search(chain.group()) else pos
