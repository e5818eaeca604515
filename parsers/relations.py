"""How the document relates to each reference, and what its sentences state
about two other documents (lineage).

The text is cut into clauses at ";", full stops, line-opening clause words,
bullets, numbered items and footnote lines. A clause may open with a
governing word ("Căn cứ", "Thực hiện", "Bãi bỏ", …); it governs:

- "Căn cứ": every reference in the clause, an amending document named inside
  it included, and the items of a list that goes on after ";" ("Căn cứ Luật
  A; Luật B; Nghị định C") — ``based_on``;
- any other governing word: the first reference of the clause and the items
  listed with it, again across ";" when the next item is a document;
- a heading that ends with ":" ("Bãi bỏ các Quyết định sau:", "Căn cứ pháp
  lý:"): the items listed under it (bullets, lettered or numbered lines).

A reference described by the one before it ("Kế hoạch số 197/KH-UBND … về
triển khai thực hiện Nghị quyết số 138/NQ-CP") is only cited by the document;
the sentence states a lineage edge between the two (197 implements 138). The
passive ("… được sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP") turns the
edge round, and an edge whose acting document is older than its object is
not emitted: a document cannot act on a later one. References quoted from
another text (“…”) are that text's, so they are only cited.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from parsers import engine, scan
from parsers.effect import is_partial
from parsers.models import Mention, Relation
from parsers.normalize import split_key
from parsers.patterns import (
    CAN_CU,
    CLAUSE_LEAD,
    LEGAL_BASIS_HEADING,
    LINE_OPENER,
    PASSIVE,
    PROVISION_CITED,
    SO,
    SUBJECT_OPENER,
    TITLE_START,
    TRIGGER_PATTERN,
    TRIGGERS_BY_LENGTH,
    match_near,
    ocr_tolerant,
)
from parsers.vocabulary import TRIGGERS, Trigger

__all__ = ["relate"]

#: Between two references, the longest description that may state a relation
#: between them ("Kế hoạch số … về triển khai thực hiện Nghị quyết số …").
_RELATION_GAP = 300
#: The farthest any trigger phrase acts (see ``Trigger.max_gap``).
_TRIGGER_REACH = max(t.max_gap for t in TRIGGERS) + max(len(t.phrase) for t in TRIGGERS) + 10
#: How far before "… hết hiệu lực" the words naming parts ("Điều 5 của …") stand.
_PARTS_REACH = 40
#: Relations by which the document acts on another, in whole or in part.
_ACTS = frozenset({"repeals", "replaces", "amends"})
#: Relations a heading ending in ":" gives the items listed under it, and how
#: close to the colon its word stands.
_LIST_HEADINGS = frozenset({"repeals", "replaces", "amends"})
_HEADING_REACH = 80
#: The words of those relations, to look for before reading triggers.
_HEADING_WORDS = engine.compile(r"bai\s+bo|huy\s+bo|thay\s+the|sua\s+doi|bo\s+sung|dinh\s+chinh")
#: A trigger closed by a bracket right after it is a qualifier: "(sửa đổi, bổ sung)".
_QUALIFIER = engine.compile(r"[\s,]*(?:bo\s+sung|sua\s+doi)?\s*\)")
#: How far before a reference its clause, list and heading are read, and how
#: far after it ("… hết hiệu lực kể từ ngày …").
_WINDOW_BEFORE = 2000
_WINDOW_AFTER = 400
#: Where a legal-basis heading may stand (folded).
_PHAP_LY = engine.compile(ocr_tolerant("phap ly"))
#: "(đã) được" (or "bị") before a trigger: someone else acts.
#: Between a reference and a passive verb later in the sentence, what shows
#: the verb has another subject: a line or sentence break, a footnote, or a
#: provision ("[2] … Cụm từ … được bổ sung theo Luật …", "Khoản này được …").
_OTHER_SUBJECT = engine.compile(
    r"[\n.;\[]|(?<![a-z])(?:cum\s+tu|noi\s+dung|(?:khoan|diem|dieu|chuong|muc)\s+nay)(?![a-z])")
#: The agent after a passive trigger: "được hướng dẫn bởi", "được thực hiện theo".
_AGENT = engine.compile(r"\s+(?:mot\s+so\s+dieu\s+)?(?:boi|theo|tai)(?![a-z])")
_PASSIVE_BEFORE = engine.compile(r"(?:duoc|bi)\s+(?:[a-z]+(?:\s+[a-z]+)?\s*,\s*)?$")
#: A trigger that is the type word of the reference it stands before
#: ("Hướng dẫn số 5-HD/TU", "Hướng dẫn liên tịch số …"): it names, not guides.
_NAMES_A_DOCUMENT = engine.compile(r"(?:\s+lien\s+tich)?\s+s[o06]\s*:?\s*[0-9]")
#: "… có hiệu lực thi hành": not "thi hành" a document.
_IN_FORCE = engine.compile(r"hieu\s+luc\s+$")
#: "Thông tư số 75/2015/TT-BTNMT … hết hiệu lực kể từ ngày …": a repeal the
#: document states after the reference (folded, within the clause; each
#: phrase holds "hieu" or "bai", which ``_ends_force`` finds first).
_ENDS_FORCE = engine.compile(r"(?:^|[\s,])(?:het\s+hieu\s+luc|bi\s+bai\s+bo)(?![a-z])")
_ENDS_FORCE_REACH = 200
#: The parts a trigger names before the document ("bãi bỏ các khoản 2, 3
#: Điều 4; điểm b khoản 1 Điều 7 và các Điều 9, 10 [Nghị định số …]", "bổ sung
#: điểm 2 , khoản 1 , Điều 4 [Quyết định số …]"): their commas, semicolons and
#: "và" list parts, not documents, and do not cut the trigger off.
_PART_WORD = (r"(?:cac|va|hoac|cua|tai|khoan|diem|dieu|chuong|muc|phan|tieu\s+muc"
              r"|[0-9]+[a-z]?(?![a-z0-9])|[a-z](?![a-z0-9])|[ivxlc]+(?![a-z0-9]))")
_PARTS_CHAIN = engine.compile(rf"(?:[\s,;.]*{_PART_WORD})+[\s,;]*")
_PARTS_CHAIN_BACK = regex.compile(rf"(?:[\s,;.]*{_PART_WORD})+[\s,;]*", regex.REVERSE)
_PROVISION = engine.compile(r"(?<![a-z])(?:khoan|diem|dieu|chuong|muc|phan)(?![a-z])")
_FOUND_IN = engine.compile(r"[\s,;]*(?:tai|cua)(?![a-z])")
#: How far back a chain of parts is read, and how far before it its trigger
#: phrase may start ("sửa đổi, bổ sung các").
_CHAIN_REACH = 400
_CHAIN_TRIGGER = 30


#: One of these stands in any chain of parts (checked before the patterns).
_PROVISION_WORDS = ("dieu", "khoan", "diem", "chuong", "muc", "phan")


def _names_parts(folded: str, lo: int, hi: int, stretch: str | None = None) -> bool:
    """``folded[lo:hi]``, right after a trigger, names the parts it acts on
    and nothing else (at least one article, clause, …; not "hướng dẫn tại
    Điều 5 của …" or "theo hướng dẫn của điểm a …", guidance found there)."""
    if hi - lo > _CHAIN_REACH or stretch is not None and not any(
            w in stretch for w in _PROVISION_WORDS):
        return False
    return _PARTS_CHAIN.fullmatch(folded, lo, hi) is not None and \
        _PROVISION.search(folded, lo, hi) is not None and \
        _FOUND_IN.match(folded, lo, hi) is None


def _chain_start(folded: str, pos: int) -> int:
    """Where the chain of parts that ends at ``pos`` starts (``pos`` if none)."""
    chain = _PARTS_CHAIN_BACK.match(folded, max(0, pos - _CHAIN_REACH), pos)
    return chain.start() if chain is not None and _PROVISION.search(chain.group()) else pos


#: "… có hiệu lực từ ngày Nghị quyết số 61/2022/QH15 hết hiệu lực": a date
#: named by another document's end, not a repeal.
_DATE_CONDITION = engine.compile(r"(?:(?:tu|den|truoc|sau)\s+ngay|(?<![a-z])khi)\s*$")
#: What stands between two items of a list: ", ", " và ", "; ".
_ITEM_GAP = engine.compile(r"[\s]*(?:[,;]|\s(?:va|hoac))[\s]*$")
#: The end of a paragraph: an open quotation does not reach past it.
_PARAGRAPH_END = regex.compile(r"[.;:][ \t\u201d\u201c\"]*\n", regex.REVERSE)
#: How far into the text after a reference a trigger still describes it.
_DESCRIPTION_LEAD = 40
#: How far back an open quotation mark is looked for.
_QUOTE_REACH = 3000
#: Words that make a clause a list item of the one before it across ";".
_LIST_ITEM_WORDS = ("van ban", "va ")


@dataclass(slots=True)
class _Clause:
    start: int
    kind: str  # what opened it: semi, stop, colon, num, bullet, note, opener, para, top
    after_colon: bool = False  # the clause before it ends in ":" and a line break
    heading: str | None = None  # relation a heading above gives it (list items)


class _Triggers:
    """Every trigger phrase in the given stretches (the reach before each
    reference), found in one forward pass; asked for the nearest one before a
    position, it walks back over that list instead of searching the text again
    (a reverse regex search per reference cost most of the relation reading)."""

    def __init__(self, folded: str, windows: list[tuple[int, int]]) -> None:
        self.folded = folded
        self.last_start = self.last_end = 0
        self.last_passive = False  # the phrase used stands in the passive ("được …")
        # leftmost, longest matches, in order (phrases that would overlap, as
        # "này hướng dẫn" and "hướng dẫn thi hành", are listed joined too)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.found: list[Trigger] = []
        for lo, hi in windows:
            for m in scan.triggers(folded, lo, hi):  # TRIGGER_PATTERN.finditer
                self.starts.append(m.start())
                self.ends.append(m.end())
                self.found.append(TRIGGERS_BY_LENGTH[int(m.lastgroup[1:])])

    def before(self, lo: int, hi: int) -> Iterator[tuple[int, int, Trigger]]:
        """(start, end, trigger) of the phrases inside [lo, hi), nearest first."""
        i = bisect.bisect_right(self.ends, hi) - 1
        while i >= 0 and self.starts[i] >= lo:
            yield self.starts[i], self.ends[i], self.found[i]
            i -= 1

    def relation(self, lo: int, hi: int, *, passive_ok: bool = False) -> str | None:
        """Relation stated by the trigger phrase nearest before ``hi`` that is
        close enough and not cut off by a comma or a "theo quy định tại"; a
        passive one ("… đã được sửa đổi, bổ sung theo Luật số …") states what
        another document did, so it gives none unless ``passive_ok``; its
        agent word ("bởi", "theo", "một số điều tại") does not count against
        the phrase's reach. ``self.last_start``/``last_end`` are where the
        phrase used stands, ``self.last_passive`` whether it is passive."""
        folded = self.folded
        lo = max(lo, hi - _TRIGGER_REACH)
        for start, end, trig in self.before(lo, hi):
            between = folded[end:hi]
            cut = "," in between or ";" in between
            parts = (cut or hi - end > trig.max_gap) and trig.relation != "based_on" \
                and _names_parts(folded, end, hi, between)
            if cut and not parts \
                    or between.count("\u201d") > between.count("\u201c") \
                    or between.count(")") > between.count("("):
                return None  # every earlier trigger is behind the comma or the quote too
            if _QUALIFIER.match(folded, end) or _IN_FORCE.search(
                    folded, max(0, start - 12), start) or _NAMES_A_DOCUMENT.match(folded, end):
                continue  # "Điều lệ (sửa đổi, bổ sung)", "có hiệu lực thi hành", "Hướng dẫn số 5"
            passive = bool(_PASSIVE_BEFORE.search(folded, max(0, start - 16), start))
            gap = 0 if parts else hi - end  # the parts named do not count against the reach
            if passive and (agent := _AGENT.match(folded, end, hi)):
                gap -= agent.end() - end  # "được hướng dẫn bởi Thông tư …"
            if gap <= trig.max_gap:
                if trig.relation == "implements" and PROVISION_CITED.search(between):
                    return None  # "thực hiện theo quy định tại Nghị định …" cites it
                if passive and not passive_ok:
                    return None
                self.last_start, self.last_end, self.last_passive = start, end, passive
                return trig.relation
        return None

    def near_start(self, lo: int, hi: int) -> bool:
        """The trigger nearest before ``hi`` opens the text after ``lo`` (within a
        few words of an issuer's tail: "… của Bộ Nông nghiệp và Phát triển nông
        thôn hướng dẫn …")."""
        nearest = next(self.before(max(lo, hi - _TRIGGER_REACH), hi), None)
        return nearest is not None and nearest[0] - lo <= _DESCRIPTION_LEAD and not any(
            ch in self.folded[lo : nearest[0]] for ch in ",;.:")


def _opening(folded: str, start: int, end: int) -> str | None:
    """Relation stated by the governing word a clause opens with."""
    lead = CLAUSE_LEAD.match(folded, start, min(end, start + 40))
    pos = lead.end() if lead else start
    if CAN_CU.match(folded, pos, end):
        # "Căn cứ pháp lý ban hành quyết định …" names another document's basis
        return None if folded.startswith("can cu phap ly", pos) else "based_on"
    m = match_near(TRIGGER_PATTERN, folded, pos)
    if m and m.start() == pos and m.end() <= end and not _NAMES_A_DOCUMENT.match(folded, m.end()):
        return TRIGGERS_BY_LENGTH[int(m.lastgroup[1:])].relation
    return None


_ENDS_IN_COLON = engine.compile(r":[ \t]*\n[ \t]*(?:\S{1,6}[ \t]+)?$")
_MARKER = engine.compile(
    r"[ \t]*(?:(?P<num>\d+(?:\.\d+)*[.)]|[IVX]+\.)|(?P<bullet>[-+•*–]|[a-zđ]\)))[ \t]"
)


class _Clauses:
    """The text's clauses, with what governs each computed when asked: the
    scan for boundaries and headings is linear and cheap; the governing word
    of a clause is read only for clauses that hold a reference (and the
    clauses a list runs through)."""

    def __init__(self, text: str, folded: str, windows: list[tuple[int, int]]) -> None:
        self.text, self.folded = text, folded
        self.windows = windows
        self.clauses = self._scan()
        self.starts = [c.start for c in self.clauses]
        self._own: dict[int, str | None] = {}
        self._inherited: dict[int, str | None] = {}
        self._headings()

    def _scan(self) -> list[_Clause]:
        """Clauses inside the windows around the references (a window's start
        opens a clause: nothing before it reaches a reference)."""
        text, folded = self.text, self.folded
        found: list[tuple[int, str]] = []
        for lo, hi in self.windows:
            found.append((lo, "top"))
            found += scan.boundaries(text, lo, hi)  # (end, kind) of each BOUNDARY match
            found += [(m.end(), "opener") for m in LINE_OPENER.finditer(folded, lo, hi)
                      if text[m.end()].isupper()]
        found.sort()
        last = _Clause(0, "top")
        clauses = [last]
        for pos, kind in found:
            colon = kind == "colon"
            if colon or (kind == "stop" and text.find("\n", pos, pos + 3) >= 0):
                # a line after ":" may open with a list marker; a full stop that
                # ends its line starts a new paragraph
                mark = _MARKER.match(text, pos)
                kind = mark.lastgroup if mark else ("para" if kind == "stop" else kind)
                if mark:
                    pos = mark.end()
            if pos > last.start:
                last = _Clause(pos, kind, colon)
                clauses.append(last)
            elif kind != "semi":
                last.kind = kind
                last.after_colon |= colon
        return clauses

    def end(self, i: int) -> int:
        return self.clauses[i + 1].start if i + 1 < len(self.clauses) else len(self.text)

    def _headings(self) -> None:
        """Which clauses sit under a heading: "Căn cứ pháp lý:" and its items
        (or, inline, its own paragraph; numbered, its section), "Bãi bỏ các
        Quyết định sau:" and its items."""
        text, folded, clauses = self.text, self.folded, self.clauses
        basis = {bisect.bisect_right(self.starts, m.start()) - 1
                 for lo, hi in self.windows for m in _PHAP_LY.finditer(folded, lo, hi)}
        # where a heading can open: a legal-basis clause, or one before a clause
        # that follows ":" (between them, with no heading open, nothing happens)
        opens = sorted(basis | {i - 1 for i in range(1, len(clauses)) if clauses[i].after_colon})
        heading: str | None = None
        kind_of_heading = ""
        i = -1
        while i + 1 < len(clauses):
            i += 1
            if heading is None and kind_of_heading != "inline":
                k = bisect.bisect_left(opens, i)
                if k == len(opens):
                    break
                i = opens[k]
            c = clauses[i]
            if heading == "based_on" and kind_of_heading == "num":
                # a numbered heading's section runs to the next numbered item
                if c.kind == "num":
                    heading = None
                else:
                    c.heading = heading
            elif kind_of_heading == "inline":
                # "* Căn cứ pháp lý: …" with its text on the same line: that
                # paragraph is the section; the next item or line ends it
                if c.kind in ("stop", "semi") and "\n" not in text[c.start - 3 : c.start]:
                    c.heading = heading
                else:
                    heading, kind_of_heading = None, ""
            elif heading and c.kind in ("bullet", "num", "stop", "semi"):
                c.heading = heading  # an item of the list, or a sentence inside one
            else:
                heading = None
            end = self.end(i)
            if i in basis and LEGAL_BASIS_HEADING.match(folded, c.start, end):
                self._own[i] = "based_on"
                colon = text.find(":", c.start, end)
                line_end = text.find("\n", colon) if colon >= 0 else -1
                rest = text[colon + 1 : line_end if line_end >= 0 else end] if colon >= 0 else ""
                heading, kind_of_heading = "based_on", "inline" if rest.strip() else c.kind
            elif i + 1 < len(clauses) and clauses[i + 1].after_colon:
                # "Bãi bỏ các Quyết định sau:", "… thay thế các văn bản sau đây:"
                colon = text.rfind(":", c.start, end)
                lo = max(c.start, colon - _HEADING_REACH)
                stated = _Triggers(folded, [(lo, colon)]).relation(lo, colon) \
                    if _HEADING_WORDS.search(folded, lo, colon) else None
                if stated is None and _ends_force(folded, lo, colon):
                    stated = "repeals"  # "Các Thông tư sau đây hết hiệu lực:"
                if stated in _LIST_HEADINGS:
                    heading, kind_of_heading = stated, c.kind

    def own(self, i: int) -> str | None:
        """Relation stated by the governing word clause ``i`` opens with."""
        if i not in self._own:
            self._own[i] = _opening(self.folded, self.clauses[i].start, self.end(i))
        return self._own[i]

    def inherited(self, i: int) -> str | None:
        """Relation the first reference of clause ``i`` takes when nothing
        nearer states one: its own opening word, a heading above it, or the
        list it continues after ";" ("Căn cứ Luật A; Luật B; …")."""
        chain: list[int] = []
        j = i
        while j not in self._inherited:
            c = self.clauses[j]
            if self.own(j) or c.heading or c.kind != "semi" or j == 0 or not self.listed(j):
                self._inherited[j] = self.own(j) or c.heading
                break
            chain.append(j)
            j -= 1
        value = self._inherited[j]
        for k in chain:
            self._inherited[k] = value
        return self._inherited[i]

    def listed(self, i: int) -> bool:
        item = self.folded[self.clauses[i].start : self.clauses[i].start + 40].lstrip(" \t\n-+*•")
        if item.startswith("cac "):  # "các Nghị định …", not "các sở, ngành tổng kết …"
            item = item[4:]
        return bool(TITLE_START.match(item)) or item.startswith(_LIST_ITEM_WORDS)


def _reach_windows(mentions: list[Mention]) -> list[tuple[int, int]]:
    """Where a trigger phrase can act on a reference: the reach before each."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        lo = max(0, m.start - _TRIGGER_REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], m.start))
        else:
            out.append((lo, m.start))
    return out


def _windows(mentions: list[Mention], n: int) -> list[tuple[int, int]]:
    """The stretches of text that can bear on a reference: from a clause and
    heading's reach before it to a little after it, merged."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        lo, hi = max(0, m.start - _WINDOW_BEFORE), min(n, m.end + _WINDOW_AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _repealed_after(folded: str, m: Mention, clauses: _Clauses, ci: int,
                    starts: list[int]) -> bool:
    """"Thông tư số 75/2015/TT-BTNMT … hết hiệu lực kể từ ngày …": the words
    after the reference, before the clause ends and before another reference,
    say it ceases to have effect."""
    end = min(clauses.end(ci), m.end + _ENDS_FORCE_REACH)
    i = bisect.bisect_right(starts, m.start)  # the next reference (``starts`` ascend)
    nxt = starts[i] if i < len(starts) else end
    return _ends_force(folded, m.end, min(end, nxt))


def _ends_force(folded: str, lo: int, hi: int) -> bool:
    """``_ENDS_FORCE.search(folded, lo, hi)`` found something; searched only
    where "hieu" or "bai" stands, which each of its phrases holds (a find
    costs less than the search)."""
    if folded.find("hieu", lo, hi) < 0 and folded.find("bai", lo, hi) < 0:
        return False
    return bool(_ENDS_FORCE.search(folded, lo, hi))


def _year(key: str, date: str | None) -> int | None:
    if date:
        return int(date[:4])
    _, year, _ = split_key(key)
    return int(year) if year else None


def _dated_order_ok(actor: Mention, target: Mention) -> bool:
    """A document cannot act on a later one: False when the actor is known to
    be older than its object (same-year pairs need both full dates)."""
    if actor.date and target.date:
        return actor.date >= target.date
    a, t = _year(actor.key, actor.date), _year(target.key, target.date)
    return a is None or t is None or a >= t


def _named(folded: str, m: Mention) -> bool:
    """Words stand between the reference's type word and its number ("Luật
    thuế giá trị gia tăng số 13/2008/QH12", not "Luật số 32/2013/QH13")."""
    if m.anchor <= m.start:
        return False
    t = TITLE_START.match(folded, m.start, m.anchor)
    return t is not None and _BARE_TAIL.fullmatch(folded, t.end(), m.anchor) is None


_BARE_TAIL = engine.compile(rf"\s*(?:{SO})?\s*")


def _quoted(text: str, pos: int) -> bool:
    """``pos`` lies inside a curly quotation “…” opened before it in the same
    paragraph (a “ typed where ” was meant, before ";" or a line end, closes),
    or opened before the paragraph and closed after ``pos``."""
    lo = max(0, pos - _QUOTE_REACH)
    first = text.rfind("\u201c", lo, pos)
    if first < 0:
        return False  # no quotation opens within reach (most references)
    para = _PARAGRAPH_END.search(text, lo, pos)
    lo = para.end() if para else lo
    opened = text.rfind("\u201c", lo, pos)
    if opened < 0:
        # the quotation may run over lines ("có căn cứ ban hành như sau: “Căn cứ
        # …;\nQuốc hội ban hành Luật …”"): open before the line, and closed by
        # a ” after the reference before any “ opens
        return text.rfind("\u201d", first, pos) < 0 and _closes_first(text, pos)
    if text.rfind("\u201d", opened, pos) >= 0:
        return False
    return not text[opened + 1 : opened + 3].lstrip(" ;,.").startswith("\n")


def _closes_first(text: str, pos: int) -> bool:
    """After ``pos`` a ” comes within reach, before any “."""
    hi = min(len(text), pos + _QUOTE_REACH)
    close = text.find("\u201d", pos, hi)
    if close < 0:
        return False
    return text.find("\u201c", pos, close) < 0


def relate(text: str, folded: str, mentions: list[Mention]) -> tuple[list[Mention], list[Relation]]:
    """The mentions with their relation set, and the lineage edges stated
    between cited documents."""
    if not mentions:
        return mentions, []
    windows = _windows(mentions, len(text))
    triggers = _Triggers(folded, _reach_windows(mentions))
    clauses = _Clauses(text, folded, windows)
    starts = clauses.starts
    mention_starts = [m.start for m in mentions]
    out: list[Mention] = []
    edges: list[Relation] = []
    described_by: list[tuple[str, str] | None] = []  # (actor key, relation) per mention
    prev_clause = -1
    lead_relation: dict[int, str] = {}  # clause → relation its first reference took
    passive_target: dict[str, tuple[Mention, str]] = {}  # actor key → (acted on, relation)
    for m in mentions:
        ci = bisect.bisect_right(starts, m.start) - 1
        clause = clauses.clauses[ci]
        inherited_here = clauses.inherited(ci)
        prev = out[-1] if out and ci == prev_clause else None
        first_in_clause = prev is None
        prev_clause = ci
        described: tuple[str, str] | None = None
        outer_relation: str | None = None  # the relation of the list a passive chain interrupts
        coordinated = False
        act_from = -1  # end of the trigger the relation comes from, if one
        else_from = clause.start  # else: parts are named between here and the reference
        if prev is not None and prev.key != m.key and m.start - prev.end <= _RELATION_GAP:
            gap = folded[prev.end : m.start]
            stated = triggers.relation(prev.end, m.start, passive_ok=True)
            # "A về việc hướng dẫn bổ sung việc bố trí … và B": "và" joins B to
            # A, the verb describes A only (but "A hướng dẫn Luật X và B": the
            # verb's objects, a document named before "và")
            coordinated = bool(stated and _ITEM_GAP.search(
                folded, max(prev.end, m.start - 12), m.start) and not TITLE_START.search(
                folded, triggers.last_end, m.start))
            if stated and stated != "based_on" and not coordinated:
                if PASSIVE.match(gap) or (triggers.last_passive and not _OTHER_SUBJECT.search(
                        folded, prev.end, triggers.last_start)):
                    # "Nghị định A được sửa đổi, bổ sung bởi Nghị định B", also with
                    # words between ("Việc thi hành Luật A … được thực hiện theo
                    # Nghị quyết B"): B acts on A
                    if _dated_order_ok(m, prev):
                        edges.append(Relation(m.key, prev.key, stated))
                    described = (m.key, "")
                    passive_target[m.key] = (prev, stated)
                elif (SUBJECT_OPENER.match(gap) or TRIGGER_PATTERN.match(gap.lstrip(" ,"))
                      or triggers.near_start(prev.end, m.start)):
                    described = (prev.key, stated)
            elif m.in_list and described_by and described_by[-1]:
                described = described_by[-1]  # "… về thực hiện Nghị quyết A và B"
                if not described[1] and prev.key in passive_target and _named(folded, m):
                    # "… Luật A đã được sửa đổi theo Luật số B, Luật thuế C số Y": a
                    # law named in full opens the next item of the list A is in
                    described = None
                    pairs = zip(reversed(out), reversed(described_by), strict=True)
                    outer = next((x for x, d in pairs if d is None and x.start >= clause.start),
                                 None)
                    outer_relation = outer.relation if outer is not None else None
                elif not described[1] and prev.key in passive_target:
                    # "… được sửa đổi theo Luật số A, Luật số B": B acts on it too
                    target, acted = passive_target[prev.key]
                    passive_target[m.key] = (target, acted)
                    if _dated_order_ok(m, target):
                        edges.append(Relation(m.key, target.key, acted))
        if described and described[1] and described[0] != m.key:
            actor = next((x for x in reversed(out) if x.key == described[0]), None)
            if actor is None or _dated_order_ok(actor, m):
                edges.append(Relation(described[0], m.key, described[1]))
        if _quoted(text, m.start):
            relation = "cites"
        elif inherited_here == "based_on":
            relation = "based_on"
        elif described:
            relation = "cites"
        elif outer_relation is not None:
            relation = outer_relation
        elif (m.in_list or coordinated) and prev is not None:
            relation = prev.relation
        else:
            triggers.last_end = -1
            lo = clause.start if first_in_clause else prev.end
            relation = triggers.relation(lo, m.start)
            if relation is None and first_in_clause and clause.kind == "semi" \
                    and _names_parts(folded, lo, m.start) \
                    and (chain := _chain_start(folded, m.start)) < lo:
                # the parts named ran over a ";" ("Bãi bỏ khoản 2 Điều 4; Điều 7 …")
                relation = triggers.relation(max(0, chain - _CHAIN_TRIGGER), m.start)
            act_from = triggers.last_end if relation else -1
            if relation is None and prev is not None and prev.relation not in ("cites",) \
                    and _ITEM_GAP.search(folded, max(prev.end, m.start - 12), m.start):
                relation = prev.relation  # "thay thế Quyết định A …, Quyết định B …"
            if relation is None and first_in_clause:
                inherited = inherited_here
                if inherited is None and clause.kind == "semi" and clauses.listed(ci):
                    inherited = lead_relation.get(ci - 1)  # the list goes on after ";"
                if inherited and (clause.kind == "semi" or "," not in folded[clause.start : m.start]
                                  or clauses.own(ci) is None):
                    relation = inherited
        amended = passive_target.get(m.key) if described else None
        ends_force = relation in (None, "cites") and (not described or amended) and _repealed_after(
            folded, m, clauses, ci, mention_starts) and not _DATE_CONDITION.search(
            folded, max(0, m.start - 24), m.start)
        if ends_force and not described:
            relation = "repeals"  # "Thông tư số … hết hiệu lực": only its own words count
            else_from = max(clause.start, m.start - _PARTS_REACH)
        relation = relation or "cites"
        if first_in_clause and not described and relation != "cites":
            lead_relation[ci] = relation
        partial = relation in _ACTS and is_partial(
            folded, act_from if act_from >= 0 else else_from, m.start)
        out.append(Mention(m.start, m.end, m.key, m.type, m.date, m.issuer, relation,
                           m.in_list, m.anchor, partial))
        described_by.append(described)
        if ends_force:
            _repeal_subject(out, described_by, clause.start, amended)
    return out, _unique(edges)


def _repeal_subject(out: list[Mention], described_by: list, clause_start: int,
                    amended: tuple[Mention, str] | None) -> None:
    """The last of ``out`` stands before "hết hiệu lực": what ceases is the
    sentence's subject. "Luật A đã được sửa đổi … theo Luật B, Luật C hết hiệu
    lực": A (C only amended it); "Luật A và Luật B … hết hiệu lực": both
    items of the list; and A named again in the sentence ("(sau đây gọi là
    Luật A) hết hiệu lực")."""
    k = len(out) - 1
    if amended is not None:
        target = amended[0]
        k = next((i for i in range(k, -1, -1) if out[i] is target), -1)
        if k < 0 or target.start < clause_start:
            return
        out[k] = out[k]._replace(relation="repeals")
    key = out[k].key
    while k > 0 and out[k].in_list:
        j = k - 1  # "Luật A và Luật B … hết hiệu lực", over A's amenders ("A đã được
        while j >= 0 and described_by[j] == (out[j].key, "") and out[j].start >= clause_start:
            j -= 1  # sửa đổi theo Luật số X, Luật B … hết hiệu lực")
        if j < 0 or out[j].start < clause_start or described_by[j] is not None \
                or out[j].relation != "cites":
            break
        k = j
        out[k] = out[k]._replace(relation="repeals")
    for i in range(k - 1, -1, -1):
        if out[i].start < clause_start:
            break
        if out[i].key == key and out[i].relation == "cites":
            out[i] = out[i]._replace(relation="repeals")


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[Relation] = set()
    out = []
    for r in relations:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out
