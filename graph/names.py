"""Names: a readable title for every node.

* an ingested document: its type and subject (trích yếu), "Quyết định về
  việc phê duyệt …";
* a cited-only one (or an ingested one without a subject): the best title its
  mentions give, chosen by agreement across mentions:

  - the words between the type and "số" in the mention ("Luật Tổ chức chính
    quyền địa phương số 72/2025/QH15" → "Luật Tổ chức chính quyền địa
    phương"): a proper title, preferred;
  - else the "về …"/"quy định …" clause right after the reference (past its
    date and issuer) up to the clause's end ("Nghị định số 126/2024/NĐ-CP ngày
    08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội;"
    → "Nghị định quy định về tổ chức, hoạt động và quản lý hội").

Line breaks and repeated spaces are removed. Pure functions; the resolver
collects the votes (:class:`NameVotes`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.headers import MOTTO as _MOTTO
from graph.identity import fold

__all__ = ["NameVotes", "clause_title", "clean", "document_name", "head_title",
           "mention_title"]

#: Longest name kept (a clause that runs on is cut at a word before this).
MAX_NAME = 220

_SO = re.compile(r"\s+s[ốỐo]\s*:?\s*\d", re.IGNORECASE)
_DATE = (r"ngày\s+\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"
         r"|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")
#: What may stand between a reference and its clause: date, issuer, commas.
_LEAD = re.compile(
    rf"^[\s,]*(?:{_DATE}[\s,]*)?(?:(?:của|do)\s+[^,;:.\n“”\"()]{{1,90}}?[\s,]*)?"
    r"(?=(?:quy định|về|hướng dẫn|ban hành|phê duyệt)\b)", re.IGNORECASE)
#: Where a clause ends: sentence or list punctuation, a quote, a colon, a
#: blank line, or the next reference's date.
_CLAUSE_END = re.compile(r"[;:“”\"(\[]|\.(?:\s|$)|\n\s*\n|\s+quy định\s*:|\s+ngày\s+\d")
_TITLE_WORD = re.compile(r"^[^\W\d_]")
_KEYISH = re.compile(r"\d+\s*[/-]\s*\w")
_BODY_START = re.compile(r"(?i)^(?:điều|chương|phần|mục|căn cứ)\s+[\dIVXLC]")
#: The end of a header's place-and-date line, after which the title stands.
_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)


def clean(text: str | None) -> str | None:
    """One line, single spaces, no trailing punctuation; None if empty."""
    if not text:
        return None
    t = " ".join(text.split()).strip(" ,;:-–—")
    return t or None


def _sentence_case(text: str) -> str:
    """"LUẬT ĐẤT ĐAI" → "Luật đất đai": an all-capitals title read as words."""
    if text.isupper():  # every cased character is a capital
        words = [w if any(c.isdigit() for c in w) else w.lower() for w in text.split(" ")]
        text = " ".join(words)  # a key inside keeps its capitals ("31/2024/QH15")
        return text[:1].upper() + text[1:]
    return text


def _cut(text: str) -> str:
    if len(text) <= MAX_NAME:
        return text
    return text[:MAX_NAME].rsplit(" ", 1)[0]


def document_name(type: str | None, subject: str | None) -> str | None:
    """An ingested document's name: its type and subject."""
    s = clean(subject)
    if s is None or _BODY_START.match(s):
        return None  # "Điều 1. Phạm vi điều chỉnh": the body, not a subject
    motto = _MOTTO.search(fold(s))
    if motto:  # a flattened header glued the motto on
        s = clean(s[: motto.start()])
        if s is None:
            return None
    s = re.sub(r"^[Vv]\s*/\s*[Vv]\b\.?", "về việc", s)
    s = _sentence_case(s)  # "TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG" → "Tổ chức chính quyền địa phương"
    t = clean(type)
    if t is None or fold(s).startswith(fold(t)):
        return _cut(s)
    if fold(s[:3]) == "ve ":
        s = "v" + s[1:]  # "Về việc …" continues the type: "Quyết định về việc …"
    return _cut(f"{t} {s}")


def head_title(head: str) -> str | None:
    """The capitalised title under a header's date line ("Hà Nội, ngày 19
    tháng 6 năm 2023\nLUẬT GIÁ\nCăn cứ …" → "Luật giá"), for a document the
    parser found no subject in; None if there is none."""
    m = _DATE_LINE.search(head)
    if m is None:
        return None
    words = []
    for w in head[m.end():m.end() + 400].split():
        if any(c.islower() for c in w):
            break
        words.append(w)
    title = clean(" ".join(words))
    if title is None or len(words) < 2:
        return None
    return _cut(_sentence_case(title))


def mention_title(text: str, type: str | None) -> str | None:
    """The words between the type and "số" of one mention ("Luật Giá số
    16/2023/QH15" → "Luật Giá"); None when there are none."""
    if not type:
        return None
    m = _SO.search(text)
    if m is None or not text[:1].isupper():
        return None  # "… 37 luật có liên quan đến quy hoạch số …": a title cut short
    before = clean(text[: m.start()])
    if before is None or not fold(before).startswith(fold(type)):
        return None
    words = clean(before[len(type):])
    if not words or not _TITLE_WORD.match(words) or fold(words).split()[0] in ("cua", "so"):
        return None
    if _KEYISH.search(words) or len(words.split()) > 25:
        return None  # another document's number inside: not this one's title
    return _cut(f"{type} {_sentence_case(words)}")  # "LUẬT ĐẤT ĐAI" → "Luật Đất đai"


def clause_title(after: str, type: str | None) -> str | None:
    """The "về …"/"quy định …" clause that follows a reference (``after``: the
    text right after it), with the type in front; None without one."""
    m = _LEAD.match(after)
    if m is None:
        return None
    rest = after[m.end():]
    end = _CLAUSE_END.search(rest)
    clause = clean(rest[: end.start()] if end else rest)
    if clause is None or len(clause.split()) < 3:
        return None
    if not end and len(rest) >= 200:
        clause = clause.rsplit(",", 1)[0] if "," in clause else clause
    return _cut(f"{clean(type)} {clause}" if clean(type) else clause[:1].upper() + clause[1:])


@dataclass(slots=True)
class NameVotes:
    """Titles one node's mentions give, counted up to case and diacritics."""

    titles: Counter[str] = field(default_factory=Counter)
    clauses: Counter[str] = field(default_factory=Counter)
    spelling: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, text: str, type: str | None, after: str) -> None:
        title = mention_title(text, type)
        if title is not None:
            self._count(self.titles, title)
        clause = clause_title(after, type)
        if clause is not None:
            self._count(self.clauses, clause)

    def _count(self, counter: Counter[str], title: str) -> None:
        k = " ".join(fold(title).split())
        counter[k] += 1
        self.spelling.setdefault(k, Counter())[title] += 1

    def best(self) -> str | None:
        """A proper title if any mention gives one, else the clause most
        mentions agree on; ties go to the shorter, then the first in order."""
        for counter in (self.titles, self.clauses):
            if counter:
                top = max(counter.values())
                k = min((k for k, n in counter.items() if n == top), key=lambda k: (len(k), k))
                forms = self.spelling[k]
                n = max(forms.values())
                # the written form most used; capitals only when nothing else
                return min((f for f, c in forms.items() if c == n),
                           key=lambda f: (f.isupper(), f))
        return None
