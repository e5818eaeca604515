"""When the document itself takes and loses effect, and whether a repeal or
replacement it states covers a whole document or only parts of it.

The effective-date clause is the document's own ("Quyết định này có hiệu lực
kể từ ngày ký", "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025",
"Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký ban hành"): it
opens a sentence or an article and names this document ("… này"). The same
words inside a quotation belong to another text (an amending law quotes the
clause of the law it amends) and are skipped. An end date is read from "…
này có hiệu lực đến hết ngày …" / "… này hết hiệu lực từ ngày …".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

import regex

from parsers import engine
from parsers.normalize import iso_date, quotation_closed
from parsers.vocabulary import DOC_TYPES, TITLE_ONLY_TYPES

__all__ = ["effective_dates", "is_partial"]

_DATE = (r"(?:ngay\s+)?(?:(?P<{p}d>\d{{1,2}})\s+thang\s+(?P<{p}m>\d{{1,2}})\s*,?\s+nam\s+"
         r"(?P<{p}y>\d{{4}})|(?P<{p}d2>\d{{1,2}})\s*[/.\-]\s*(?P<{p}m2>\d{{1,2}})\s*[/.\-]\s*"
         r"(?P<{p}y2>\d{{4}}))")

#: The type words a document names itself with ("Quyết định này"), longest first.
_OWN_TYPES = "|".join(sorted({p for t in (*DOC_TYPES, *TITLE_ONLY_TYPES) for p in t.phrases}
                             | {"van ban"}, key=len, reverse=True))
#: "… này có hiệu lực (thi hành) (kể) từ ngày …" (folded text); found by its
#: literal words, then checked to open a sentence or an article. "… từ ngày
#: ký" and "… từ ngày được thông qua" give the document's own date.
_EFFECTIVE = engine.compile(
    r"nay\s+co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*"
    r"(?:(?:ke\s+)?tu\s+(?:ngay\s+(?:ky|(?:duoc\s+)?thong\s+qua)(?P<signed>)|"
    + _DATE.format(p="e") + r")"
    r"|sau\s+(?P<days>\d{1,3})\s+ngay\s+(?:ke\s+)?tu\s+ngay\s+ky)"
)
#: What stands before it: the sentence or article opens with the document's
#: type word ("Quyết định này", "2. Luật này", "Điều 9. Thông tư này"), searched
#: backwards from "này".
_OPENS = engine.compile(
    # (after a quotation's end: '… hải quan.”Điều 2 Luật này'; a footnote's mark:
    # "1.[28] Luật này"; an article's number with no stop: "Điều 73 Luật này")
    r"(?:^|[\n.:;\u201d\"])[ \t\d.)\-]*(?:\[\d{1,3}\][ \t]*)?"
    r"(?:dieu\s+\d+[a-z]?\s*[.:]?\s*(?:hieu\s+luc[^\n]{0,40}\n)?[ \t\d.)\-]*)?"
    # (a heading run into its sentence: "1. Hiệu lực thi hành Nghị định này")
    r"(?:hieu\s+luc(?:\s+thi\s+hanh)?\s+)?(?:" + _OWN_TYPES + r")\s$",
)
#: "… và có hiệu lực (thi hành) (kể) từ ngày <date>", in a sentence that
#: :data:`_OWN_SENTENCE` opens.
_AND_EFFECTIVE = engine.compile(
    r"va\s+co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*(?:ke\s+)?tu\s+" + _DATE.format(p="e"))
#: A sentence or article opened by the document naming itself ("1. Nghị quyết
#: này …"), not closed before the end of the stretch searched.
_OWN_SENTENCE = engine.compile(
    r"(?:^|[\n.:;])[ \t\d.)\-]*(?:" + _OWN_TYPES + r")\s+nay\s[^.;\n]*$")
#: "… này có hiệu lực (thi hành) đến hết ngày …", "… này hết hiệu lực từ ngày …".
_ENDS = r"het\s+hieu\s+luc\s+(?:(?:ke\s+)?tu|vao)\s+"
_EXPIRES = engine.compile(
    r"\snay\s+(?:co\s+hieu\s+luc[^.;\n]{0,100}?(?:den\s+(?:het\s+)?|" + _ENDS + r")|"
    + _ENDS + r")" + _DATE.format(p="x")
)
#: Parts of a document named before it: "khoản 2 Điều 3 của", "một số điều của".
_PARTS = engine.compile(
    r"(?<![a-z])(?:dieu|khoan|diem|chuong|muc|phan|phu\s+luc|mot\s+so|cac\s+quy\s+dinh\s+tai"
    r"|cum\s+tu|tieu\s+muc|tai|mau)(?![a-z])|\u201c"  # "“Đặc khu” thay thế “huyện đảo” tại …"
)


def _date_of(m: regex.Match[str], p: str) -> str | None:
    if m.group(f"{p}d") is not None:
        return iso_date(m.group(f"{p}d"), m.group(f"{p}m"), m.group(f"{p}y"))
    if m.group(f"{p}d2") is not None:
        return iso_date(m.group(f"{p}d2"), m.group(f"{p}m2"), m.group(f"{p}y2"))
    return None


def _quoted(text: str, pos: int) -> bool:
    opened = text.rfind("\u201c", max(0, pos - 2000), pos)
    return opened >= 0 and not quotation_closed(text, opened, pos)


def effective_dates(text: str, folded: str, own_date: str | None) -> tuple[str | None,
                                                                            str | None]:
    """(effective, expires) of the document, ISO dates or None."""
    effective = expires = None
    hits = _occurrences(folded, "hieu luc")  # the words both clauses hold, found once
    if not hits:
        return None, None
    for m in _matches(_EFFECTIVE, folded, _preceded(folded, hits, "nay co "), 0):
        if _quoted(text, m.start()) or not _OPENS.search(folded, max(0, m.start() - 80),
                                                          m.start()):
            continue
        if m.group("signed") is not None:
            effective = own_date
        elif m.group("days"):
            if own_date:
                day = _dt.date.fromisoformat(own_date) + _dt.timedelta(days=int(m.group("days")))
                effective = day.isoformat()
        else:
            effective = _date_of(m, "e")
        break
    if effective is None:
        # "Nghị quyết này đã được Hội đồng Thẩm phán … thông qua ngày … và có hiệu
        # lực thi hành kể từ ngày …": the clause opened by "… này", joined by "và"
        for m in _matches(_AND_EFFECTIVE, folded, _preceded(folded, hits, "va co "), 0):
            if not _quoted(text, m.start()) and _OWN_SENTENCE.search(
                    folded, max(0, m.start() - 250), m.start()):
                effective = _date_of(m, "e")
                break
    for m in _matches(_EXPIRES, folded, hits, 16, needs="nay"):
        # the document's own clause, opening its sentence or article (not
        # "kể từ thời điểm Nghị định này có hiệu lực thi hành đến hết ngày …")
        if not _quoted(text, m.start()) and _OPENS.search(folded, max(0, m.start() - 80),
                                                          m.start() + 1):
            expires = _date_of(m, "x")
            break
    return effective, expires


def _occurrences(folded: str, literal: str) -> list[int]:
    """Every position of ``literal`` in ``folded`` (``str.find``: a whole-text
    regex scan costs more than the few places the words stand)."""
    found = []
    at = folded.find(literal)
    while at >= 0:
        found.append(at)
        at = folded.find(literal, at + 1)
    return found


def _preceded(folded: str, hits: list[int], before: str) -> list[int]:
    """Where ``before`` + the words at ``hits`` stand: "nay co hieu luc" from
    the places of "hieu luc"."""
    n = len(before)
    return [at - n for at in hits if at >= n and folded.startswith(before, at - n)]


def _matches(pattern: regex.Pattern[str], folded: str, starts: list[int], back: int,
             needs: str = "") -> Iterator[regex.Match[str]]:
    """``pattern``'s matches that start at (or ``back`` characters before) one
    of ``starts`` (where its literal words stand). ``needs``: a string every
    match holds (the pattern is not tried where it is absent)."""
    for at in starts:
        lo, hi = max(0, at - back), min(len(folded), at + 200)
        if needs and folded.find(needs, lo, hi) < 0:
            continue
        m = pattern.match(folded, lo, hi)
        if m is None and back:
            m = pattern.search(folded, lo, hi)
        if m is not None:
            yield m


def is_partial(folded: str, trigger_end: int, mention_start: int) -> bool:
    """The object of "bãi bỏ", "thay thế", "sửa đổi" between the trigger and the
    reference names parts of the document ("bãi bỏ khoản 2 Điều 3 của Quyết
    định số …")."""
    return bool(_PARTS.search(folded, trigger_end, mention_start))
