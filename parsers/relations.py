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
import re

from parsers import engine
from parsers.clauses import _Clauses, _ends_force, _Triggers, trigger_reach
from parsers.effect import is_partial
from parsers.models import Mention, Relation
from parsers.normalize import split_key
from parsers.parts import CHAIN_TRIGGER, chain_start, names_parts
from parsers.patterns import (
    PASSIVE,
    SO,
    SUBJECT_OPENER,
    TITLE_START,
    TRIGGER_PATTERN,
    TRIGGERS_BY_LENGTH,
)
from parsers.quotations import quoted as quoted_at

__all__ = ["relate"]

#: Between two references, the longest description that may state a relation
#: between them ("Kế hoạch số … về triển khai thực hiện Nghị quyết số …").
_RELATION_GAP = 300
#: How far before "… hết hiệu lực" the words naming parts ("Điều 5 của …") stand.
_PARTS_REACH = 40
#: Relations by which the document acts on another, in whole or in part.
_ACTS = frozenset({"repeals", "replaces", "amends"})
#: How far before a reference its clause, list and heading are read, and how
#: far after it ("… hết hiệu lực kể từ ngày …").
_WINDOW_BEFORE = 2000
_WINDOW_AFTER = 400
#: "(đã) được" (or "bị") before a trigger: someone else acts.
#: Between a reference and a passive verb later in the sentence, what shows
#: the verb has another subject: a line or sentence break, a footnote, or a
#: provision ("[2] … Cụm từ … được bổ sung theo Luật …", "Khoản này được …").
_OTHER_SUBJECT = engine.compile(
    r"[\n.;\[]|(?<![a-z])(?:cum\s+tu|noi\s+dung|(?:khoan|diem|dieu|chuong|muc)\s+nay)(?![a-z])")
_ENDS_FORCE_REACH = 200


#: "… có hiệu lực từ ngày Nghị quyết số 61/2022/QH15 hết hiệu lực": a date
#: named by another document's end, not a repeal.
_DATE_CONDITION = engine.compile(r"(?:(?:tu|den|truoc|sau)\s+ngay|(?<![a-z])khi)\s*$")
#: A document's issuing, right before a reference: "… Ủy ban nhân dân tỉnh đã
#: ban hành Kế hoạch số …", "… Sở Tài chính đã có Văn bản …".
_ISSUED_BEFORE = engine.compile(r"(?:ban\s+hanh|(?<![a-z])co|xay\s+dung)\s+$")
#: A participle after a document, its agent named last: "Nghị định A (sửa
#: đổi, bổ sung tại Nghị định B)", "Luật A, sửa đổi, bổ sung bởi Luật B": the
#: passive without "được", B acts on A.
_PARTICIPLE = engine.compile(r"\s*[(,]\s*(?:sua\s+doi|bo\s+sung|thay\s+the)(?![a-z])")
_AGENT_LAST = engine.compile(r"(?<![a-z])(?:boi|tai|theo)\s+$")
#: "… được sửa đổi (, bổ sung) như sau", right after a reference: the
#: document amends (or replaces) what it names there.
_AMENDED_AFTER = engine.compile(
    r"[\s,]*(?:da\s+)?duoc\s+(?:(thay\s+the)|sua\s+doi(?:\s*,?\s*bo\s+sung)?|bo\s+sung)"
    r"(?:\s+mot\s+so\s+(?:dieu|noi\s+dung))?\s+nhu\s+sau(?![a-z])")
#: "(sau đây gọi là Nghị định số …)": the short name of the document just named.
_ALIAS = engine.compile(r"(?:goi(?:\s+(?:tat|chung))?|viet\s+tat)\s+la\s*$")
#: Between what was implemented and the document issued for it: "…, Sở … đã có".
_ITEM_BREAK = re.compile(r"[,;]")
#: An unnumbered document whose name holds the verb after it: "kế hoạch thực
#: hiện …", "văn bản triển khai thực hiện …".
_DOCUMENT_NOUN = engine.compile(
    r"(?<![a-z])(?:ke\s+hoach|chuong\s+trinh|de\s+an|van\s+ban|phuong\s+an)\s+(?:trien\s+khai\s+)?$")
#: Parts named right before a reference: "Điều 29 của [Luật số …]".
_PARTS_RIGHT_BEFORE = engine.compile(
    r"(?<![a-z])(?:dieu|khoan|diem|chuong|muc)\s+[0-9a-z]+\s+(?:cua\s+)?$")
#: An amending verb of a title before the parts it names.
_TITLE_VERB = engine.compile(r"(?:sua\s+doi|bo\s+sung)(?![a-z])")
#: "… và Luật sửa đổi, bổ sung Điều 170 của Luật doanh nghiệp số": an amending
#: law named by its title, listed after the document before it.
_AMENDER_JOINED = engine.compile(
    r"[^.;\n]{0,120}?(?:,|\s(?:va|hoac))\s+(?:luat|phap\s+lenh|nghi\s+dinh|thong\s+tu|quyet\s+dinh"
    r"|nghi\s+quyet)\s+sua\s+doi[^.;\n]{0,200}$")
#: The glue that opens the parts of a list's next item ("Luật A và Điều 29 của Luật B").
_PARTS_ITEM = engine.compile(
    r"[ \t]*(?:,|\s?(?:va|hoac))\s+(?:cac\s+)?(?:diem|khoan|dieu|chuong|muc)\s")
#: How many ";" a cited document's title may hold inside a list of items.
_TITLE_SEMIS = 3
#: What stands between two items of a list: ", ", " và ", "; ".
_ITEM_GAP = engine.compile(r"[\s]*(?:[,;]|\s(?:va|hoac))[\s]*$")


def _reach_windows(folded: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Where a trigger phrase can act on a reference: the reach before each."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        lo = max(0, m.start - trigger_reach(folded, m.start))
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
    # "… hết hiệu lực kể từ ngày … theo quy định tại khoản 2 Điều 120 của Luật
    # số 15/2023/QH15": the end another document declares (a consolidated
    # text's footnote), which this one only reports
    if _ends_force(folded, m.end, min(end, nxt)):
        return not _BY_ANOTHER.search(folded, m.end, end)
    # an item of a closing article whose long title holds ";" ("2. Nghị quyết số
    # 1186/2021/UBTVQH14 … quy định chi tiết …; việc giới thiệu …; … hết hiệu lực
    # từ ngày Nghị quyết này có hiệu lực thi hành"): its line, opened by the
    # reference, ends in the closing words, no other reference or sentence between
    line_end = folded.find("\n", m.end, m.end + _TITLE_ITEM_REACH)
    if line_end < 0 or folded.find("het hieu luc", m.end, line_end) < 0 \
            or i < len(starts) and starts[i] < line_end or folded.find(". ", m.end, line_end) >= 0:
        return False
    line_start = folded.rfind("\n", 0, m.start) + 1
    return _ITEM_OPENING.fullmatch(folded, line_start, m.start) is not None \
        and _CLOSING_TAIL.search(folded, m.end, line_end) is not None


_BY_ANOTHER = engine.compile(r"theo\s+quy\s+dinh\s+(?:tai|cua)(?![a-z])")
#: How far a closing article's item may run to its line's end.
_TITLE_ITEM_REACH = 800
#: What may open the line before the reference: an item's mark.
_ITEM_OPENING = engine.compile(r"[ \t]*(?:[0-9]{1,2}[.)]|[a-zđ][)]|[-+*•])?[ \t]*")
#: The closing words ending that line: "… hết hiệu lực (thi hành) (kể) từ ngày
#: <this document> có hiệu lực (thi hành)".
_CLOSING_TAIL = engine.compile(
    r"het\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+(?:ke\s+)?tu\s+ngay\s+[a-z ]{0,30}\snay\s+co\s+hieu"
    r"\s+luc(?:\s+thi\s+hanh)?[ \t.;]*$")


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


def _siblings(a: Mention, b: Mention) -> bool:
    """Two documents of one series issued the same day ("các Nghị quyết của
    Chính phủ: số 01/NQ-CP ngày 05/01/2024 về … thực hiện Kế hoạch … và số
    02/NQ-CP ngày 05/01/2024"): listed side by side, neither acts on the other."""
    if a.date is None or a.date != b.date:
        return False
    _, a_year, a_symbol = split_key(a.key)
    _, b_year, b_symbol = split_key(b.key)
    return a_symbol == b_symbol and a_year == b_year  # (a year in a key outweighs a misprint)


def _after_closed_list(folded: str, out: list[Mention], m: Mention) -> bool:
    """``m`` follows a comma after a list whose last item "và" joined ("Luật
    số B và Luật số C, Nghị quyết số D"): it is no item of that list."""
    if len(out) < 2 or folded.find(",", out[-1].end, m.start) < 0:
        return False
    gap = folded[out[-1].end : m.start]
    return " va " not in gap and " hoac " not in gap and (
        folded.find(" va ", out[-2].end, out[-1].start) >= 0
        or folded.find(" hoac ", out[-2].end, out[-1].start) >= 0)


def _named(folded: str, m: Mention) -> bool:
    """Words stand between the reference's type word and its number ("Luật
    thuế giá trị gia tăng số 13/2008/QH12", not "Luật số 32/2013/QH13")."""
    if m.anchor <= m.start:
        return False
    t = TITLE_START.match(folded, m.start, m.anchor)
    return t is not None and _BARE_TAIL.fullmatch(folded, t.end(), m.anchor) is None


_BARE_TAIL = engine.compile(rf"\s*(?:{SO})?\s*")


def relate(text: str, folded: str, mentions: list[Mention]) -> tuple[list[Mention], list[Relation]]:
    """The mentions with their relation set, and the lineage edges stated
    between cited documents."""
    if not mentions:
        return mentions, []
    windows = _windows(mentions, len(text))
    triggers = _Triggers(folded, _reach_windows(folded, mentions), text)
    clauses = _Clauses(text, folded, windows)
    starts = clauses.starts
    mention_starts = [m.start for m in mentions]
    out: list[Mention] = []
    edges: list[Relation] = []
    described_by: list[tuple[str, str] | None] = []  # (actor key, relation) per mention
    prev_clause = -1
    lead_relation: dict[int, str] = {}  # clause → relation its first reference took
    led: set[int] = set()  # clauses whose first reference took a relation of its own (or cites)
    implemented: list[tuple[int, Mention]] = []  # (clause, reference) its opening verb implements
    passive_target: dict[str, tuple[Mention, str]] = {}  # actor key → (acted on, relation)
    for m in mentions:
        ci = bisect.bisect_right(starts, m.start) - 1
        clause = clauses.clauses[ci]
        inherited_here = clauses.inherited(ci)
        prev = out[-1] if out and ci == prev_clause else None
        first_in_clause = prev is None
        parts_item = prev is not None and not m.in_list \
            and _PARTS_ITEM.match(folded, prev.end, m.start) is not None \
            and names_parts(folded, prev.end, m.start)
        if parts_item:
            m = m._replace(in_list=True)  # "Luật A và Điều 29 của Luật B": B, in part, is
            # the list's next item
        prev_clause = ci
        described: tuple[str, str] | None = None
        outer_relation: str | None = None  # the relation of the list a passive chain interrupts
        coordinated = False
        prevs_verb = False  # the verb before ``m`` describes the reference before it
        act_from = -1  # end of the trigger the relation comes from, if one
        else_from = clause.start  # else: parts are named between here and the reference
        if prev is not None and prev.key != m.key and m.start - prev.end <= max(
                _RELATION_GAP, trigger_reach(folded, m.start)):  # (a long attached title)
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
                        folded, prev.end, triggers.last_start)) or (
                        _PARTICIPLE.match(gap) and _AGENT_LAST.search(gap)):
                    # "Nghị định A được sửa đổi, bổ sung bởi Nghị định B", also with
                    # words between ("Việc thi hành Luật A … được thực hiện theo
                    # Nghị quyết B"): B acts on A
                    if _dated_order_ok(m, prev):
                        edges.append(Relation(m.key, prev.key, stated))
                    described = (m.key, "")
                    passive_target[m.key] = (prev, stated)
                elif ((lead := TRIGGER_PATTERN.match(gap.lstrip(" ,"))) or SUBJECT_OPENER.match(gap)
                      or triggers.near_start(prev.end, m.start)):
                    if _siblings(prev, m):
                        coordinated = True  # listed side by side: the list's relation
                    elif _dated_order_ok(prev, m):
                        # the verb the description opens with, over one in a title it
                        # names ("Thông tư A hướng dẫn thực hiện Luật X, Luật sửa đổi …
                        # và Nghị định B": A guides B)
                        opened = prev.end + len(gap) - len(gap.lstrip(" ,"))
                        titled = lead is not None and TITLE_START.search(
                            folded, opened + lead.end(), triggers.last_start) is not None
                        described = (prev.key, TRIGGERS_BY_LENGTH[int(lead.lastgroup[1:])].relation
                                     if titled and lead is not None and lead.lastgroup
                                     else stated)
                    else:
                        # a later document is no object of an earlier one's verb
                        # ("Pháp lệnh số 31/2007 sửa đổi … Pháp lệnh năm 2002 và Pháp
                        # lệnh số 04/2008 … hết hiệu lực": listed side by side)
                        prevs_verb = True
                        if _ITEM_GAP.search(folded, max(prev.end, m.start - 12), m.start):
                            m = m._replace(in_list=True)
            elif m.in_list and described_by and described_by[-1]:
                described = described_by[-1]  # "… về thực hiện Nghị quyết A và B"
                if not described[1] and prev.key in passive_target and (
                        _named(folded, m) or _after_closed_list(folded, out, m)
                        or parts_item and any(x.key == m.key and x.start >= clause.start
                                              for x in out)):
                    # "… Luật A đã được sửa đổi theo Luật số B, Luật thuế C số Y": a
                    # law named in full opens the next item of the list A is in, as
                    # does one after the amenders' list closed by "và" ("… theo Luật
                    # số B và Luật số C, Nghị quyết số D của Quốc hội về …"), or an
                    # amender's parts named again ("… theo Luật số B, Luật số C và
                    # Điều 29 của Luật số B hết hiệu lực": they cease with A)
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
        if implemented and (implemented[0][0] == ci and not first_in_clause
                            or ci == implemented[-1][0] + 1 and clause.kind == "semi") \
                and _ISSUED_BEFORE.search(folded, max(0, m.start - 24), m.start) \
                and _ITEM_BREAK.search(folded, implemented[-1][1].end, m.start):
            # "Thực hiện Kế hoạch A …, Sở Tài chính đã có Văn bản B", also with
            # several (A, C và D …; Sở … đã có B): B implements each
            for _, a in implemented:
                if a.key != m.key and _dated_order_ok(m, a):
                    edges.append(Relation(m.key, a.key, "implements"))
            implemented = []
        relation: str | None
        quoted = quoted_at(text, m.start)
        if quoted:
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
            lo = clause.start if prev is None else prev.end
            # (a short name, "(sau đây gọi là …)", takes no verb of the title it names)
            relation = None if prevs_verb or folded.find("la", m.start - 5, m.start) >= 0 \
                and _ALIAS.search(folded, max(0, m.start - 30), m.start) \
                else triggers.relation(lo, m.start)
            if relation in ("implements", "guides") and _ISSUED_BEFORE.search(
                    folded, max(0, m.start - 24), m.start):
                # "… thi hành pháp luật\nỦy ban nhân dân tỉnh ban hành Kế hoạch số
                # …": a document another body issued is reported, not carried out
                relation = None
            if relation is None and first_in_clause and clause.kind == "semi" \
                    and names_parts(folded, lo, m.start) \
                    and (chain := chain_start(folded, m.start)) < lo:
                # the parts named ran over a ";" ("Bãi bỏ khoản 2 Điều 4; Điều 7 …")
                relation = triggers.relation(max(0, chain - CHAIN_TRIGGER), m.start)
            act_from = triggers.last_end if relation else -1
            if relation is None and prev is not None and prev.relation not in ("cites",) \
                    and _ITEM_GAP.search(folded, max(prev.end, m.start - 12), m.start):
                relation = prev.relation  # "thay thế Quyết định A …, Quyết định B …"
            if relation is None and first_in_clause:
                inherited = inherited_here
                if clause.kind == "semi" and clauses.listed(ci) and (
                        inherited is None or (ci - 1 in led and clauses.own(ci) is None
                                              and not clause.heading)):
                    # the list goes on after ";" with what its item before took
                    # ("Triển khai thực hiện nhiệm vụ …, tỉnh đã ban hành …, cụ
                    # thể: Quyết định A; Quyết định B": the opening word reached
                    # neither)
                    before = ci - 1
                    while before not in led and before > 0 and ci - before <= _TITLE_SEMIS \
                            and clauses.clauses[before].kind == "semi" \
                            and not clauses.listed(before):
                        before -= 1  # (over the ";" inside the title of the item before
                        # it: "Thực hiện Quyết định A về … 2021 - 2030; đề xuất nhiệm vụ
                        # …; Công văn B …")
                    inherited = lead_relation.get(before)
                if inherited and (clause.kind == "semi" or "," not in folded[clause.start : m.start]
                                  or clauses.own(ci) is None):
                    relation = inherited
        amended = passive_target.get(m.key) if described else None
        ends_force = not quoted and relation in (None, "cites") and (
            not described or amended) and _repealed_after(
            folded, m, clauses, ci, mention_starts) and not _DATE_CONDITION.search(
            folded, max(0, m.start - 24), m.start)
        if ends_force and not described and _passive_agents(out, m, triggers, starts):
            # "Luật Dầu khí ngày 06/7/1993 đã được sửa đổi, bổ sung theo Luật số A
            # và Luật số B hết hiệu lực": A and B only amended what ceases
            ends_force = False
        if ends_force and not described:
            relation = "repeals"  # "Thông tư số … hết hiệu lực": only its own words count
            else_from = max(clause.start, m.start - _PARTS_REACH)
            if _TITLE_VERB.search(folded, max(0, else_from - 30), m.start):
                else_from = m.start  # "Luật sửa đổi, bổ sung Điều 170 của Luật …": the
                # title's parts; the law ceases whole
        elif relation in (None, "cites") and not quoted and not described \
                and folded.find("nhu sau", m.end, m.end + 80) >= 0 \
                and (amended_here := _AMENDED_AFTER.match(folded, m.end, m.end + 80)):
            # "1. Điều 17 Quy chế … ban hành kèm theo Quyết định số … được sửa
            # đổi như sau:": the text that follows is this document's amendment
            relation = "replaces" if amended_here.group(1) else "amends"
        relation = relation or "cites"
        if first_in_clause and not described:
            led.add(ci)
            # (not "- Ban hành kế hoạch thực hiện Quyết định A; Kế hoạch B …": the
            # verb of a plan's name right before A takes A alone; the list is of
            # what was issued)
            if relation != "cites" and not (
                    relation == "implements" and 0 <= act_from and m.start - act_from <= 2
                    and _DOCUMENT_NOUN.search(folded, max(0, triggers.last_start - 30),
                                              triggers.last_start)):
                lead_relation[ci] = relation
        partial = relation in _ACTS and is_partial(
            folded, act_from if act_from >= 0 else else_from, m.start)
        carried = relation == "implements" and not described
        if carried and first_in_clause and clauses.own(ci) == "implements":
            implemented = [(ci, m)]  # what the clause's opening verb implements
        elif carried and (implemented and implemented[0][0] == ci
                          or not implemented and triggers.last_end > clause.start):
            implemented.append((ci, m))  # … and the items listed with it
        elif first_in_clause and not (implemented and ci == implemented[-1][0] + 1
                                      and clause.kind == "semi"):
            implemented = []
        out.append(Mention(m.start, m.end, m.key, m.type, m.date, m.issuer, relation,
                           m.in_list, m.anchor, partial))
        described_by.append(described)
        if ends_force:
            _repeal_subject(folded, out, described_by, clause.start, amended)
    return out, _unique(edges + _amender_list_edges(folded, out))


def _amender_list_edges(folded: str, mentions: list[Mention]) -> list[Relation]:
    """A consolidated text's opening: "Luật Hải quan số 54/2014/QH13 …, được
    sửa đổi, bổ sung bởi:\n1. Luật số 71/2014/QH13 …;\n2. Luật số …": the
    first reference of each item (or of the one line that follows, unmarked)
    amends the law named before the heading."""
    edges: list[Relation] = []
    for i, m in enumerate(mentions):
        k = folded.find("duoc sua doi", m.end, m.end + 160)
        if k < 0 or "\n" in folded[m.end : k] or (
                i + 1 < len(mentions) and mentions[i + 1].start < k):
            continue
        heading = _AMENDERS_HEADING.match(folded, k)
        if heading is None:
            continue
        j, pos = i + 1, heading.end() - 1  # (at the heading's line break)
        single = False  # one amender, on the next line without a mark
        while j < len(mentions) and not single:
            line = folded.find("\n", pos)
            if line < 0:
                break
            if not _ITEM_MARK.match(folded, line + 1):
                if pos != heading.end() - 1:
                    break
                single = True
            end = folded.find("\n", line + 1)
            end = len(folded) if end < 0 else end
            while j < len(mentions) and mentions[j].start < line:
                j += 1
            if j < len(mentions) and mentions[j].start < end:
                item = mentions[j]
                if item.key != m.key and _dated_order_ok(item, m):
                    edges.append(Relation(item.key, m.key, "amends"))
            pos = end
    return edges


#: The heading of a consolidated text's list of amenders, after the law.
_AMENDERS_HEADING = engine.compile(
    r"duoc\s+sua\s+doi(?:\s*,\s*bo\s+sung)?(?:\s+mot\s+so\s+dieu)?\s+(?:boi|theo)\s*:[ \t]*\n")
#: An item's mark at a line's start: "1.", "2)", "a)", "-".
_ITEM_MARK = engine.compile(r"[ \t]*(?:[0-9]{1,2}[.)]|[a-z][)]|[-+*•])[ \t]")


def _passive_agents(out: list[Mention], m: Mention, triggers: _Triggers,
                    starts: list[int]) -> bool:
    """``m`` and the list it ends are named as the agent of a passive act
    whose subject has no number ("Luật Dầu khí ngày 06/7/1993 đã được sửa
    đổi, bổ sung một số điều theo Luật số A, Luật số B"): the list's first
    reference follows the passive phrase, with no reference before it in its
    clause (a numbered subject is read by the passive chain itself)."""
    head, k = m, len(out) - 1
    while head.in_list and k >= 0:
        head, k = out[k], k - 1
    clause_start = starts[bisect.bisect_right(starts, head.start) - 1]
    if k >= 0 and out[k].end > clause_start:
        return False
    return bool(triggers.relation(clause_start, head.start, passive_ok=True)) \
        and triggers.last_passive


def _repeal_subject(folded: str, out: list[Mention], described_by: list, clause_start: int,
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
    while k > 0 and (out[k].in_list or _AMENDER_JOINED.match(folded, out[k - 1].end, out[k].start)):
        # (also "Luật A … và Luật sửa đổi, bổ sung … Luật B hết hiệu lực": both)
        j = k - 1  # "Luật A và Luật B … hết hiệu lực", over A's amenders ("A đã được
        while j >= 0 and described_by[j] is not None and not described_by[j][1] \
                and out[j].start >= clause_start:
            j -= 1  # sửa đổi theo Luật số X, Luật B … hết hiệu lực")
        if j < 0 or out[j].start < clause_start or described_by[j] is not None \
                or out[j].relation != "cites":
            break
        k = j
        out[k] = out[k]._replace(relation="repeals")
    if out[k].partial and _PARTS_RIGHT_BEFORE.search(folded, max(0, out[k].start - 30),
                                                     out[k].start):
        return  # (parts of it cease: where it is named again it is the whole, "… theo
        # Luật số 35/2018/QH14, … và Điều 29 của Luật số 35/2018/QH14 hết hiệu lực")
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
