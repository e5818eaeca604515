"""The structure around references that states relations: the text's
clauses (cut at ";", full stops, line-opening clause words, bullets and
numbered items; headings ending in ":" over the items listed under them),
the governing word a clause opens with, and the trigger phrases before a
reference with what they may reach over (a passive's agent word, the parts
a trigger names: "bãi bỏ các khoản 2, 3 Điều 4; … Nghị định …").
:mod:`parsers.relations` reads them to set each reference's relation."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import regex

from parsers import engine, scan
from parsers.parts import PROVISION_WORDS, names_parts, parts_after_tai
from parsers.patterns import (
    CAN_CU,
    CLAUSE_LEAD,
    LEGAL_BASIS_HEADING,
    LINE_OPENER,
    PROVISION_CITED,
    TITLE_START,
    TRIGGER_PATTERN,
    TRIGGERS_BY_LENGTH,
    match_near,
    ocr_tolerant,
)
from parsers.vocabulary import TRIGGERS, Trigger

#: The farthest any trigger phrase acts (see ``Trigger.max_gap``).
_TRIGGER_REACH = max(t.max_gap for t in TRIGGERS) + max(len(t.phrase) for t in TRIGGERS) + 10
#: … on a document that a regulation with a long title is attached to ("bổ sung
#: một số Điều của Quy định về … ban hành kèm theo Quyết định số …").
_ATTACHED_REACH = 480


def trigger_reach(folded: str, pos: int) -> int:
    """How far before the reference at ``pos`` a trigger phrase may stand."""
    if folded.endswith(("kem theo ", "hanh theo "), max(0, pos - 12), pos):
        return _ATTACHED_REACH
    return _TRIGGER_REACH


#: Relations a heading ending in ":" gives the items listed under it, and how
#: close to the colon its word stands.
_LIST_HEADINGS = frozenset({"repeals", "replaces", "amends"})


_HEADING_REACH = 80


#: The words of those relations, to look for before reading triggers.
_HEADING_WORDS = engine.compile(r"bai\s+bo|huy\s+bo|thay\s+the|sua\s+doi|bo\s+sung|dinh\s+chinh")


#: A trigger closed by a bracket right after it is a qualifier: "(sửa đổi, bổ sung)".
_QUALIFIER = engine.compile(r"[\s,]*(?:bo\s+sung|sua\s+doi)?\s*\)")


#: Where a legal-basis heading may stand (folded).
_PHAP_LY = engine.compile(ocr_tolerant("phap ly"))


#: The agent after a passive trigger: "được hướng dẫn bởi", "được thực hiện theo".
_AGENT = engine.compile(r"\s+(?:mot\s+so\s+dieu\s+)?(?:boi|theo|tai)(?![a-z])")


_PASSIVE_BEFORE = engine.compile(r"(?:duoc|bi)\s+(?:[a-z]+(?:\s+[a-z]+)?\s*,\s*)?$")


#: A trigger that is the type word of the reference it stands before
#: ("Hướng dẫn số 5-HD/TU", "Hướng dẫn liên tịch số …"): it names, not guides.
_NAMES_A_DOCUMENT = engine.compile(r"(?:\s+lien\s+tich)?\s+s[o06]\s*:?\s*[0-9]")


#: The trigger acts on an instrument the reference issued ("Bãi bỏ khoản 2
#: Điều 18 Quy chế … Cầu Treo, tỉnh Hà Tĩnh ban hành kèm theo Quyết định số
#: …", "Sửa đổi … Quy chế … (sau đây gọi là Quy chế), ban hành kèm theo …"):
#: the commas are the instrument's name's, they do not cut the trigger off.
_ATTACHED_BY = engine.compile(
    r"(?<![a-z])(?:quy\s+che|quy\s+dinh|dieu\s+le|quy\s+trinh|danh\s+muc|bang\s+gia|noi\s+quy"
    r"|chuong\s+trinh|ke\s+hoach|de\s+an|phu\s+luc)(?![a-z])[^;.]*(?<![a-z])(?:kem|hanh)\s+theo\s+$")


#: "… có hiệu lực thi hành": not "thi hành" a document.
_IN_FORCE = engine.compile(r"hieu\s+luc\s+$")


#: "Thông tư số 75/2015/TT-BTNMT … hết hiệu lực kể từ ngày …": a repeal the
#: document states after the reference (folded, within the clause; each
#: phrase holds "hieu" or "bai", which ``_ends_force`` finds first).
_ENDS_FORCE = engine.compile(r"(?:^|[\s,])(?:het\s+hieu\s+luc|bi\s+bai\s+bo)(?![a-z])")


def _other_documents(folded: str, start: int) -> bool:
    """:data:`_OTHER_DOCUMENTS` right before ``start`` (its words found first)."""
    lo = max(0, start - 60)
    return (folded.find("cac ", lo, start) >= 0 or folded.find("nhung ", lo, start) >= 0
            or folded.find("van ban", lo, start) >= 0) \
        and _OTHER_DOCUMENTS.search(folded, lo, start) is not None


def _planned(folded: str, start: int) -> bool:
    """:data:`_PLANNED` before ``start`` (its verbs found first: most texts
    have none near a trigger)."""
    lo = max(0, start - _PLANNED_REACH)
    return (folded.find("xay dung", lo, start) >= 0 or folded.find("soan thao", lo, start) >= 0
            or folded.find("ban hanh", lo, start) >= 0) \
        and _PLANNED.search(folded, lo, start) is not None


#: How far into the text after a reference a trigger still describes it.
_DESCRIPTION_LEAD = 40


#: Words that make a clause a list item of the one before it across ";".
_LIST_ITEM_WORDS = ("van ban", "va ")


#: A list item that is a number: "số 02/NQ-CP …" (OCR: "s6 02/…").
_NUMBER_ITEM = engine.compile(r"s[o06dea5]?\s*[.:]?\s*\d")


class _Clause:
    """A clause: where it starts, what opened it, what governs it from above.
    (A plain class: compiled, its constructor is native; a dataclass's is
    generated Python, a quarter of the clause scan.)"""

    __slots__ = ("after_colon", "heading", "kind", "start")

    def __init__(self, start: int, kind: str, after_colon: bool = False) -> None:
        self.start = start
        #: what opened it: semi, stop, colon, num, bullet, note, opener, para, top
        self.kind = kind
        self.after_colon = after_colon  # the clause before it ends in ":" and a line break
        self.heading: str | None = None  # relation a heading above gives it (list items)


#: Other documents, named in general, right before a trigger: the phrase
#: says what those do ("… và các văn bản quy phạm pháp luật quy định chi tiết
#: Luật …", "các Nghị định hướng dẫn thi hành Luật Đất đai"), not this text.
_OTHER_DOCUMENTS = engine.compile(
    r"(?:(?:cac|nhung)\s+(?:van\s+ban|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet)"
    r"(?:\s+quy\s+pham\s+phap\s+luat)?|van\s+ban\s+quy\s+pham\s+phap\s+luat)"
    r"(?:\s+cua\s+[a-z]+(?:\s+[a-z]+)?)?\s+$")
#: "Triển khai … (theo yêu cầu tại Công văn số …)", "… triển khai nhiệm vụ,
#: giải pháp … theo chỉ đạo của Bộ Tài chính tại Công văn số …": the verb's
#: commas do not cut it off from the document that asked for it.
_DIRECTED = engine.compile(
    r"(?:theo\s+(?:yeu\s+cau|chi\s+dao)(?:\s+cua\s+[^,;.()]{1,80}?)?"
    # "… thực hiện có hiệu quả các nội dung, nhiệm vụ nêu tại Nghị quyết số …"
    r"|(?<![a-z])(?:nhiem\s+vu|noi\s+dung|giai\s+phap|muc\s+tieu)(?:\s*,\s*[a-z ]{2,20})?\s+"
    r"(?:neu|de\s+ra|duoc\s+giao|dat\s+ra))\s+tai\s+$")
#: "Điều lệ sửa đổi, bổ sung …", "Quy chế sửa đổi": the amended instrument's
#: name, not an act ("… theo Điều lệ sửa đổi, bổ sung Hiệp hội … đã được phê
#: duyệt theo Quyết định số …"); a declaration amended ("khai sửa đổi, bổ
#: sung … theo Điều 20 Thông tư …", "chứng từ sửa đổi"); a negated act
#: ("không sửa đổi, bổ sung … tại Nghị định …").
_INSTRUMENT_BEFORE = engine.compile(
    r"(?<![a-z])(?:dieu\s+le|quy\s+che|khai|nop|chung\s+tu|chap\s+nhan|khong)\s+"
    r"(?:(?:sua\s+doi|bo\s+sung|thay\s+the)\s*,?\s*)*$")  # ("không sửa đổi, bổ sung, …")
#: Suspending, stopping: "tạm dừng thực hiện", "ngừng triển khai"; results
#: reported or reviewed ("báo cáo kết quả (triển khai) thực hiện …", group
#: ``r``) of an activity, not of the document right after the verb ("Kết quả
#: thực hiện Công văn số …" reports on carrying that out).
_SUSPENDED = engine.compile(
    r"(?<![a-z])(?:dung|ngung|dinh\s+chi|(?P<r>ket\s+qua(?:\s+trien\s+khai)?))\s+$")
#: A type word right before a verb (folded): "Luật sửa đổi …", "Nghị định sửa
#: đổi …", named in a list or after "theo", "tại", "bởi" ("… đã được sửa đổi,
#: bổ sung theo Luật sửa đổi, bổ sung một số điều của Luật Đất đai số …").
_TYPE_BEFORE = engine.compile(
    r"(?:[,;]|\s(?:va|hoac|theo|tai|boi))\s*(?:luat|nghi\s+dinh|thong\s+tu|quyet\s+dinh"
    r"|nghi\s+quyet|phap\s+lenh)\s+(?:sua\s+doi\s*,?\s*)?$")
#: … issued by this text's enacting words: "Quốc hội ban hành Luật sửa đổi …".
_ENACTED = engine.compile(r"ban\s+hanh\s+$")
#: What a verb's object is for, standing between it and a law it only names:
#: "… sửa đổi, bổ sung, thay thế để bảo đảm không trái với quy định của Luật …".
_PURPOSE = engine.compile(
    r"(?<![a-z])(?:de\s+(?:bao\s+dam|dam\s+bao)|khong\s+trai\s+voi|phu\s+hop\s+voi)(?![a-z])")
#: Verbs listed with a repeal or replacement, before it: "Sửa đổi, bổ sung,
#: bãi bỏ …", "Bổ sung, thay thế, bãi bỏ một số cụm từ …": the text is amended.
_AMENDING_BEFORE = engine.compile(
    r"(?<![a-z])(?:sua\s+doi|bo\s+sung|thay\s+the)\s*,\s*(?:(?:bo\s+sung|thay\s+the|sua\s+doi)"
    r"\s*,?\s*)*(?:va\s+)?$")
#: "Thay thế cụm từ …", "thay thế các từ …": words of a text are replaced,
#: which amends it.
_WORDING = engine.compile(r"\s+(?:(?:cac|mot\s+so)\s+)?(?:cum\s+tu|tu\s+ngu|tu)(?![a-z])")
#: An act proposed to another body, not done: "Bộ Y tế nghiên cứu, sửa đổi
#: Thông tư số …", "kiến nghị sửa đổi Nghị định …".
_PROPOSED = engine.compile(r"(?<![a-z])(?:nghien\s+cuu|de\s+nghi|kien\s+nghi|de\s+xuat)\s*,?\s*$")
#: A document to be drafted, whose title holds the verb: "Xây dựng Nghị định
#: sửa đổi … Nghị định số …", "Soạn thảo Quyết định … (thay thế Quy chế …)".
_PLANNED = engine.compile(
    r"(?<![a-z])(?:xay\s+dung|soan\s+thao|trinh\s+ban\s+hanh|de\s+nghi\s+ban\s+hanh)"
    r"\s+(?:(?:cac|mot|du\s+thao)\s+)?(?:luat|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet"
    r"|chi\s+thi)(?![a-z])[^.;:\n]*$")
_PLANNED_REACH = 160
#: Relations by which a document acts on another.
_ACTS = frozenset({"amends", "repeals", "replaces"})


class _Triggers:
    """Every trigger phrase in the given stretches (the reach before each
    reference), found in one forward pass; asked for the nearest one before a
    position, it walks back over that list instead of searching the text again
    (a reverse regex search per reference cost most of the relation reading)."""

    def __init__(self, folded: str, windows: list[tuple[int, int]],
                 text: str | None = None) -> None:
        self.folded = folded
        self.text = text  # (as printed: a title's type word is in capitals)
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
        lo = max(lo, hi - trigger_reach(folded, hi))
        for start, end, trig in self.before(lo, hi):
            between = folded[end:hi]
            cut = ";" in between or "," in between and not (
                between.endswith("theo ") and _ATTACHED_BY.search(between)) and not (
                trig.relation in _ACTS and parts_after_tai(folded, end, hi, between)) and not (
                trig.relation == "implements" and between.endswith("tai ")
                and _DIRECTED.search(between))
            parts = (cut or hi - end > trig.max_gap) and trig.relation != "based_on" \
                and names_parts(folded, end, hi, between)
            if cut and not parts \
                    or between.count("\u201d") > between.count("\u201c") \
                    or between.count(")") > between.count("("):
                return None  # every earlier trigger is behind the comma or the quote too
            acts = trig.relation in _ACTS
            if _other_documents(folded, start) or _planned(folded, start) or acts and (
                    not passive_ok and self._titled(start)
                    or _PROPOSED.search(folded, max(0, start - 24), start)):
                continue  # "các văn bản quy phạm pháp luật quy định chi tiết Luật …",
                # "Xây dựng Nghị định sửa đổi … Nghị định số …": another's act
            if trig.relation == "implements" and (stopped := _SUSPENDED.search(
                    folded, max(0, start - 24), start)) and not (
                    stopped.group("r") and not between.strip()):
                continue  # "tạm dừng thực hiện …": the opposite of carrying it out;
                # "đánh giá kết quả triển khai thực hiện các Chương trình …": a review
            if trig.relation == "based_on" and _ARTICLE_TITLE.search(
                    folded, max(0, start - 16), start):
                continue  # "Điều 36. Căn cứ xác định giá đất": an article's title
            if _QUALIFIER.match(folded, end) or acts and _INSTRUMENT_BEFORE.search(
                    folded, max(0, start - 48), start) or _IN_FORCE.search(
                    folded, max(0, start - 12), start) or _NAMES_A_DOCUMENT.match(folded, end):
                continue  # "Điều lệ (sửa đổi, bổ sung)", "có hiệu lực thi hành", "Hướng dẫn số 5"
            # ("được căn cứ quy định tại …" is this text resting on it, not a passive)
            passive = trig.relation != "based_on" and bool(
                _PASSIVE_BEFORE.search(folded, max(0, start - 16), start))
            gap = 0 if parts else hi - end  # the parts named do not count against the reach
            if gap > trig.max_gap and between.endswith("theo ") and (
                    attached := _ATTACHED_BY.search(between)) is not None \
                    and not between.endswith("theo ", 0, attached.start()):
                gap = attached.start()  # "sửa đổi, bổ sung một số Điều của Quy định về …
                # <a long title> ban hành kèm theo Quyết định số …": the regulation named
            if passive and (agent := _AGENT.match(folded, end, hi)):
                gap -= agent.end() - end  # "được hướng dẫn bởi Thông tư …"
            if gap <= trig.max_gap:
                if trig.relation == "implements" and PROVISION_CITED.search(between):
                    return None  # "thực hiện theo quy định tại Nghị định …" cites it
                if passive and not passive_ok:
                    return None
                if acts and (_PURPOSE.search(between) or "theo quy dinh" in between):
                    return None  # "kịp thời sửa đổi, thay thế để bảo đảm không trái với … Luật
                    # …", "thủ tục sửa đổi, bổ sung … theo quy định tại khoản 5 Điều 5
                    # Nghị định số …": the act follows the document, it does not act on it
                self.last_start, self.last_end, self.last_passive = start, end, passive
                if trig.relation == "replaces" and _WORDING.match(folded, end):
                    return "amends"  # "Thay thế cụm từ “…” bằng … của Luật …": its wording
                if acts and trig.relation != "amends" and _AMENDING_BEFORE.search(
                        folded, max(0, start - 30), start):
                    return "amends"  # "Sửa đổi, bổ sung, bãi bỏ một số điều của Luật …"
                return trig.relation
        return None

    def _titled(self, start: int) -> bool:
        """The verb at ``start`` opens the title of an unnumbered document listed
        right before it ("… hướng dẫn thực hiện Luật Thuế thu nhập cá nhân, Luật
        sửa đổi, bổ sung … và Nghị định số …"): not a title in capitals, nor
        the enacting words ("Quốc hội ban hành Luật sửa đổi …")."""
        if self.text is None:
            return False
        typed = _TYPE_BEFORE.search(self.folded, max(0, start - 32), start)
        return typed is not None and not self.text[typed.start() : typed.end()].isupper() \
            and not _ENACTED.search(self.folded, max(0, typed.start() - 12), typed.start())

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
        # "Căn cứ pháp lý ban hành quyết định …" names another document's basis;
        # "Điều 37. Căn cứ …" titles an article of the body
        return None if folded.startswith("can cu phap ly", pos) or _ARTICLE_TITLE.search(
            folded, max(0, pos - 16), pos) else "based_on"
    m = match_near(TRIGGER_PATTERN, folded, pos)
    if m and m.start() == pos and m.end() <= end and not _NAMES_A_DOCUMENT.match(folded, m.end()):
        relation = TRIGGERS_BY_LENGTH[int(m.lastgroup[1:])].relation
        if relation == "replaces" and _WORDING.match(folded, m.end()):
            return "amends"
        return relation
    return None


def _basis_after_caps(text: str, folded: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """A flattened title in capitals run into the first "Căn cứ" ("… GẮN LIỀN
    VỚI ĐẤT Căn cứ Luật Đất đai …"): the basis opens a clause there. (Found by
    ``str.find``: the words are rare, a pattern tried at every letter is not.)"""
    out = []
    at = folded.find("can cu", lo, hi)
    while at > 0:
        before = text[at - 2 : at]
        if before[1:] == " " and before[:1].isupper() and text[at] == "C" \
                and text[at + 1 : at + 2].islower():
            out.append((at, "opener"))
        at = folded.find("can cu", at + 6, hi)
    return out


#: An article's number right before its title ("Điều 37. Căn cứ …").
_ARTICLE_TITLE = engine.compile(r"(?<![a-z])dieu\s+\d+[a-z]?\s*[.:]\s*$")

_ENDS_IN_COLON = engine.compile(r":[ \t]*\n[ \t]*(?:\S{1,6}[ \t]+)?$")


#: A dash opening a line before a word in small letters ("- xã hội"), after
#: a line that ends in a letter: the line was wrapped at the dash.
_ENDS_UNPUNCTUATED = regex.compile(r"\p{L}[ \t]*$")

_MARKER = engine.compile(
    r"[ \t]*(?:(?P<num>\d+(?:\.\d+)*[ \t]?[.)]|[IVX]+\.)|(?P<bullet>[-+•*–]|[a-zđ][ \t]?\)))[ \t]"
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
            found += _basis_after_caps(text, folded, lo, hi)
        found.sort()
        last = _Clause(0, "top")
        clauses = [last]
        for pos, kind in found:
            if kind == "bullet" and text[pos - 2] in "-\u2013" and text[pos : pos + 1].islower() \
                    and _ENDS_UNPUNCTUATED.search(text, max(0, pos - 40), text.rfind("\n", 0, pos)):
                continue  # "… kinh tế\n- xã hội …": a line wrapped at a dash, not a bullet
            colon = kind == "colon"
            if colon or (kind == "stop" and text.find("\n", pos, pos + 3) >= 0):
                # a line after ":" may open with a list marker; a full stop that
                # ends its line starts a new paragraph
                mark = _MARKER.match(text, pos)
                kind = (mark.lastgroup or kind) if mark else ("para" if kind == "stop" else kind)
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
        # a list heading without its colon: a clause naming the documents "sau
        # đây" right before a list's first item ("2. Các nghị định sau đây hết
        # hiệu lực kể từ ngày …" / "a) Nghị định số …")
        uncolon = {i - 1 for i in range(1, len(clauses))
                   if clauses[i].kind in ("bullet", "num") and not clauses[i].after_colon
                   and clauses[i - 1].kind != clauses[i].kind
                   and folded.find("sau day", clauses[i - 1].start, clauses[i].start) >= 0}
        opens = sorted(basis | uncolon
                       | {i - 1 for i in range(1, len(clauses)) if clauses[i].after_colon})
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
            elif i + 1 < len(clauses) and (clauses[i + 1].after_colon or i in uncolon):
                # "Bãi bỏ các Quyết định sau:", "… thay thế các văn bản sau đây:"
                colon = text.rfind(":", c.start, end)
                if colon < 0:  # (no colon: the heading's line ends it)
                    colon = text.rfind("\n", c.start, end)
                    colon = colon if colon >= 0 else end
                lo = max(c.start, colon - _HEADING_REACH)
                stated = _Triggers(folded, [(lo, colon)]).relation(lo, colon) \
                    if _HEADING_WORDS.search(folded, lo, colon) else None
                lead = CLAUSE_LEAD.match(folded, c.start, colon)
                if stated is None and (act := _ACT_ON_LIST.match(
                        folded, lead.end() if lead else c.start, colon)):
                    # "Bãi bỏ một số điều, khoản của các nghị định sau đây:", "5.\nThay
                    # thế cụm từ “…” bằng cụm từ “…” tại các luật sau đây:" (amends)
                    stated = _ACT_RELATIONS[act.group(1).split()[0]]
                    if stated == "replaces" and _WORDING.match(folded, act.end(1)):
                        stated = "amends"
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
        return bool(TITLE_START.match(item)) or item.startswith(_LIST_ITEM_WORDS) or (
            item[:1] == "s" and _NUMBER_ITEM.match(item) is not None) or (  # "…: số 01/…; số 02/…"
            item.startswith(PROVISION_WORDS) and self._parts_of_document(i))

    def _parts_of_document(self, i: int) -> bool:
        """Clause ``i`` names parts of a document ("điểm a khoản 3 Điều 23 của
        Luật Thủy lợi số …"): an item of a list of amended texts."""
        start = self.clauses[i].start
        lead = len(self.folded[start : start + 8]) - len(self.folded[start : start + 8].lstrip(
            " \t\n-+*•"))
        return _PARTS_OF_DOCUMENT.match(self.folded, start + lead, start + 160) is not None


#: Parts, then the document they belong to: "điểm a khoản 3 Điều 23 của Luật …".
_PARTS_OF_DOCUMENT = engine.compile(
    r"(?:diem|khoan|dieu|muc|chuong)\s[^;:\n]{0,80}?(?:cua|tai)\s+(?:bo\s+luat|luat|nghi\s+dinh"
    r"|thong\s+tu|quyet\s+dinh|nghi\s+quyet|phap\s+lenh)(?![a-z])")
#: A list heading opening with its act, whatever parts it names before "sau
#: (đây)" ("Bãi bỏ một số điều, khoản của các nghị định sau đây") or "tại"
#: ("Bãi bỏ các nội dung quy định về tỷ giá … tại:" / "a) Điều 8 của Luật …").
_ACT_ON_LIST = engine.compile(
    r"[ \t]*(bai bo|huy bo|thay the|sua doi)(?![a-z])[^:;\n]{0,300}\s(?:sau(?: day)?|tai)[ \t]*$")
_ACT_RELATIONS = {"bai": "repeals", "huy": "repeals", "thay": "replaces", "sua": "amends"}


def _ends_force(folded: str, lo: int, hi: int) -> bool:
    """``_ENDS_FORCE.search(folded, lo, hi)`` found something; searched only
    where "hieu" or "bai" stands, which each of its phrases holds (a find
    costs less than the search)."""
    if folded.find("hieu", lo, hi) < 0 and folded.find("bai", lo, hi) < 0:
        return False
    return bool(_ENDS_FORCE.search(folded, lo, hi))
