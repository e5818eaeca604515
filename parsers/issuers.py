"""Who issued a cited document: the body named after "của" ("… của Ban Thường
vụ Tỉnh ủy"), or before the verb that issued it ("Ngày 24/7/2024, Chủ tịch
UBND tỉnh có Công văn số …", "Theo đề nghị của Sở Tư pháp tại Tờ trình số
…"), read word by word against the vocabulary of bodies, places and the
words that end a name."""

from __future__ import annotations

import re

import regex

from parsers import engine
from parsers.normalize import fold, iso_date
from parsers.patterns import (
    BODY_NAME,
    BODY_NAME_OPENINGS,
    OF,
    PLACE_NAME,
    PLACE_NAME_OPENINGS,
    TITLE_START,
    match_near,
    name_near,
)
from parsers.vocabulary import (
    ASSOCIATION_HEADS,
    BODY_NAMES,
    ISSUER_HEADS,
    ISSUER_JOINERS,
    ISSUER_STARTS,
    ISSUER_STOP_CAPITALIZED,
    ISSUER_STOP_WORDS,
    ISSUER_WORDS,
)

_WORD = engine.compile(r"\S+")
_SPACES = engine.compile(r"\s+")

#: The most words an issuer takes ("Ban Chấp hành Đảng bộ tỉnh khóa XVII").
_ISSUER_MAX_WORDS = 14
#: Two-word phrases that end an issuer although each word could be part of
#: one: "Ban hành" (issue) is a verb where "Ban Thường vụ" is a body; "phù
#: hợp" folds like "phủ hợp"; "và Quyết định số …" starts the next reference.
_ISSUER_STOP_PHRASE = engine.compile(
    r"(?:ban\s+hanh|phu\s+hop|dong\s+thoi|thuc\s+hien|trien\s+khai|giai\s+thich)(?![a-z])"
)
#: Phrases that end an issuer when written in small letters: the subject
#: going on without "về" or "quy định" ("… của Chính phủ bổ sung Nghị định …",
#: "… của Ủy ban nhân dân tỉnh kế hoạch hành động …", "… của Chính phủ tổ
#: chức, hoạt động và quản lý hội", "… của Chủ tịch UBND tỉnh công bố thủ tục
#: …", "… của Chính phủ cơ sở dữ liệu …"); capitalized they name a body
#: ("Phòng Kế hoạch - Tài chính", "Ban Tổ chức Tỉnh ủy").
_ISSUER_STOP_LOWER_PHRASES = ("bo sung", "ke hoach", "to chuc", "cong bo", "cong nhan",
                              "co so du lieu", "giao nhiem vu", "thong qua")
_ISSUER_STOP_LOWER = engine.compile(
    "(?:" + "|".join(p.replace(" ", r"\s+") for p in _ISSUER_STOP_LOWER_PHRASES) + ")(?![a-z])")
#: The first words of those phrases: the pattern is tried only at one.
_ISSUER_STOP_LOWER_FIRST = frozenset(p.split()[0] for p in _ISSUER_STOP_LOWER_PHRASES)
#: "V/v" ("về việc"), typed with spaces: the subject after the name.
_VV = engine.compile(r"v\s*/\s*v(?![a-z])")
#: Words opening a part of a text (folded): "và Chương II", "và Danh mục".
_TEXT_PARTS = frozenset("chuong dieu khoan diem muc phan danh phu mau".split())
#: Small-letter words that fold like words of a body's name but never stand
#: in one ("có" like "cổ phần", "kể" like "kế hoạch", "tới" like "tối cao",
#: "đúng" like "xây dựng", "số" like "Sở", "trì" like "chính trị").
_NOT_IN_A_NAME = frozenset("có kể tới đúng số trì dữ bố cơ".split())
#: Levels of a place numbered in cities ("Ủy ban nhân dân quận 3", "phường 5", "Khu vực 1"),
#: and a session's ordinal ("Hội nghị lần thứ 4 Ban Chấp hành …").
_NUMBERED_LEVELS = frozenset({"quan", "phuong", "thu", "vuc"})
#: Heads a type word may name a unit of ("Phòng Kế hoạch", "Ban Quản lý").
_NEEDS_NAME = frozenset({"phong", "ban", "vu", "cuc", "so", "bo"})
#: Type words that open a title after a body's name ("… xã Lương Minh Thông
#: báo địa điểm …"); not "Luật", "Đề án", which names hold ("Đoàn Luật sư").
_TITLE_AFTER = engine.compile(
    r"(?:thong\s+bao|quyet\s+dinh|ke\s+hoach|bao\s+cao|to\s+trinh|cong\s+van|chi\s+thi"
    r"|nghi\s+quyet|huong\s+dan)(?![a-z])")
#: First letters of those words: the title test runs only there.
_TITLE_INITIALS = frozenset("bcdhknqt")
#: Last words (folded) at which a body's name is complete: a level of a place
#: ("UBND tỉnh"), a place or a name read whole (""), "Chính phủ".
_COMPLETE_AT = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "", "phu"})
_CAPS_LINE = regex.compile(r"\p{Lu}+(?:[ \t]+\p{Lu}+){2,}[ \t]*(?:\n|$)")
_CAPITAL_SOON = regex.compile(
    r"[ \t]*\n?[ \t]*(?:\p{Ll}+[ \t]+\n?[ \t]*){0,3}"
    r"(?:\p{Lu}|(?:t[ỉi]nh|th[àa]nh[ \t]+ph[ốo]|huy[ệe]n|x[ãa]|ph[ưu][ờo]ng|qu[ậa]n)(?!\p{L}))")
#: A former or renamed body: "UBND thành phố Đà Lạt (cũ)": after "của" in the
#: text, and (folded) at the end of a name written before its verb.
_FORMER_WORDS = ("cũ", "mới", "trước sắp xếp", "trước khi sắp xếp")
_FORMER = engine.compile(rf"[ \t]*\((?:{'|'.join(_FORMER_WORDS)})\)")
_FORMER_BEFORE = engine.compile(
    rf"[ \t]*\((?:{'|'.join(fold(w) for w in _FORMER_WORDS)})\)[ \t]*$")
#: How far before a proposer's name "đề nghị" may stand (a list of proposers).
_PROPOSAL_REACH = 400
#: How far before a type word a "<body> có/ban hành" may start.
_BEFORE_REACH = 140
_VERB_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N})])\s+(?:(?:da\s+|vua\s+)?(?:co|ky\s+ban\s+hanh|ban\s+hanh|ky|gui|trinh|ra)"
    r"(?:\s+kem\s+theo)?|(?P<did>(?:da\s+)?(?:phe\s+duyet|cong\s+nhan|chi\s+dao|thu\s+ly\s+va"
    r"\s+giai\s+quyet|giai\s+quyet|cho\s+phep|chap\s+thuan|thanh\s+lap)\s+tai)|(?P<at>tai))\s+",
    regex.REVERSE,
)
_DATE_LEAD = regex.compile(
    r"\s*ng\w{1,2}y\s+(?:\d{1,2}\s+th\w{1,3}ng\s+\d{1,2}\s+n\w{1,2}m\s+\d{4}"
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s+"
)
_VERB_TAIL = re.compile(r"(?:co|hanh|ky|gui|trinh|ra|tai|theo)\s+$")
#: "… đề nghị của <body> tại Tờ trình số …": the body after "của".
_OF_BEFORE = engine.compile(r"c[a-z]{1,2}a\s+$")
_DATE_BEFORE = regex.compile(
    r"ng\w{1,2}y\s+(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+th\w{1,3}ng\s+(?P<m2>\d{1,2})\s+n\w{1,2}m\s+(?P<y2>\d{4}))\s*,?\s*$"
)
ISSUER_START = engine.compile(
    "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in p.split())
                     for p in sorted(ISSUER_STARTS, key=len, reverse=True))
    + r")(?![a-z])"
)
_BODY_WORDS = frozenset(w for name in BODY_NAMES for w in name.replace(",", "").split())
_NEXT_WORD = engine.compile(r"\s+(\S)")
#: (a "/" after a full stop is punctuation too: the closing mark "./." of a
#: text's last sentence, "… của Chính phủ./.")
_TRAILING_PUNCT = regex.compile(r"(?:[^\p{L}\p{N}/&]|(?<=\.)/(?=\.))+$")
#: Characters ``_TRAILING_PUNCT`` keeps, among those Vietnamese words end in
#: (Latin, with its extensions for Vietnamese): a word ending in one has
#: nothing to strip, and most words do (the pattern is not called for them).
_WORD_END_KEPT = frozenset(regex.findall(
    r"[\p{L}\p{N}/&]", "".join(map(chr, [*range(0x250), *range(0x1E00, 0x1F00)]))))


def issuer_after(text: str, folded: str, pos: int, joint: bool = False
                 ) -> tuple[str, int] | None:
    """Issuer named after "của" at ``pos``, and where it ends. ``joint``: the
    reference's symbol names several bodies ("…/TTLT-BNV-BTC"), whose names a
    comma may list ("của Bộ Nội vụ, Bộ Tài chính")."""
    m = match_near(OF, folded, pos)
    if not m:
        return None
    base = m.end()
    end = None
    last = ""  # the last word taken, folded
    first = ""  # the first word taken, folded
    for taken, w in enumerate(_WORD.finditer(text, base, base + 240), 1):
        at = w.start()
        if end is not None and at < end:
            continue  # inside a place name already taken
        raw = w.group()
        if raw == "|":
            continue  # a table cell's border inside a wrapped name
        if raw[0] == "|":  # the next row's border glued to the name's next word
            at += len(raw) - len(raw.lstrip("|"))
            raw = raw.lstrip("|")
        word = _TRAILING_PUNCT.sub("", raw) if len(raw) > 1 and raw[-1] not in _WORD_END_KEPT \
            else raw
        if raw == "," and end is not None and _listed_on(text, folded, w.end(), joint, base, end):
            continue  # "Bộ Nội vụ , Bộ Tài chính" of a joint circular
        if not word:
            break
        f = folded[at : at + len(word)]
        # (a name opens with a word of letters: "f" is that word, unless it holds
        # others, where the pattern's own test of the letters decides)
        letters = f.isalpha()
        place = name_near(PLACE_NAME, PLACE_NAME_OPENINGS, folded, at) \
            if (word[0].isupper() or end is not None and last in _COMPLETE_AT) and (
                not letters or f in PLACE_NAME_OPENINGS) else None
        # (a province in small letters after its level: "của ubnd tỉnh bình thuận")
        if place is None and (not letters or f in BODY_NAME_OPENINGS):
            place = name_near(BODY_NAME, BODY_NAME_OPENINGS, folded, at)
        if place:
            end, last, first = place.end(), "", first or f
            if end < len(text) and text[end] in ".,;:)" and not (
                    text[end] == "," and _listed_on(text, folded, end + 1, joint, base, end)):
                break
            continue
        if f in ISSUER_JOINERS:
            nxt = match_near(_NEXT_WORD, text, w.end())
            if nxt and nxt.group(1).isupper() and _joins_a_name(folded, nxt.start(1)) \
                    and not match_near(TITLE_START, folded, nxt.start(1)):
                continue  # "Sở Giáo dục và Đào tạo", not "UBND tỉnh và Quyết định số …"
            break
        if f == "v" and match_near(_VV, folded, at):
            break  # "… của UBND tỉnh V / v đổi tên …": the subject follows
        if word in _NOT_IN_A_NAME:
            break  # "… Chính phủ có …", "… Quốc hội kể từ …": folded like "cổ", "kế"
        stops = ISSUER_STOP_WORDS if word[0].islower() else ISSUER_STOP_CAPITALIZED
        if f in stops or match_near(_ISSUER_STOP_PHRASE, folded, at) or (
                f in _ISSUER_STOP_LOWER_FIRST and word[0].islower()
                and match_near(_ISSUER_STOP_LOWER, folded, at)):
            break
        if word.isupper() and len(word) > 1 and end is not None and last not in ISSUER_HEADS \
                and "\n" in text[end:at] and _CAPS_LINE.match(text, at):
            break  # the next line is a heading in capitals ("ỦY BAN NHÂN DÂN TỈNH …")
        if f[:1] in _TITLE_INITIALS and end is not None and word[0].isupper() \
                and last not in ISSUER_HEADS and last not in _NEEDS_NAME \
                and _TITLE_AFTER.match(folded, at, at + 20):
            break  # "… Ủy ban bầu cử xã Lương Minh Thông báo địa điểm …": a title
        if word[0].isupper() and end is not None and (last in _COMPLETE_AT) \
                and "\n" in text[end:at] and ISSUER_START.match(folded, at):
            break  # a body complete at its place, another on the next line: a
            # table's next cell ("… của UBND tỉnh\nSở Nội vụ", "… tỉnh Lâm Đồng\nVăn phòng …")
        if last in _NUMBERED_LEVELS and word.isdigit() and len(word) <= 2:
            end, last = at + len(word), ""  # "quận 3", "Phường 10"
            if word != raw:
                break
            continue
        if f not in ISSUER_WORDS and not (word[0].isupper() and (
            "\n" not in text[end or base : at] or word.isupper() or last in ISSUER_HEADS
        )) and not (first in ASSOCIATION_HEADS and word[0].islower() and last
                    and _capital_follows(text, w.end())):
            # a capitalized word opening a new line is a new sentence ("Tiếp
            # tục …"), unless it is an acronym or an issuer word ("Tỉnh ủy");
            # an association's name may hold common words ("Hiệp hội Nước mắm
            # Phan Thiết") until its place ("… tỉnh Lâm Đồng xin …" ends there)
            break
        end, last = at + len(word), f
        if f == "uy" and word[0].islower():
            last = ""  # "Tỉnh ủy", "Đảng ủy": complete, not the head "Ủy" of "Ủy ban …"
        first = first or f
        if word != raw and raw[len(word):] == "," and _listed_on(
                text, folded, w.end(), joint, base, end):
            continue  # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
        if word != raw or taken >= _ISSUER_MAX_WORDS * (2 if joint else 1):
            # (punctuation closes the name; several bodies' names take more words)
            break
    if end is None:
        return None
    qualifier = match_near(_FORMER, text, end)  # "(cũ)", "(trước sắp xếp)"
    if qualifier:
        end = qualifier.end()
    name = _SPACES.sub(" ", text[base:end].replace("|", " ")).strip()
    return name, end


def _listed_on(text: str, folded: str, pos: int, joint: bool, base: int, end: int) -> bool:
    """After a comma at ``pos``, the name goes on: another body of a joint
    document ("của Bộ Y tế, Bộ Tài chính"), or the office a bare role holds
    ("của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")."""
    nxt = match_near(_NEXT_WORD, text, pos)
    if nxt is None or not nxt.group(1).isupper() or "\n" in text[pos : nxt.start(1)]:
        return False
    if joint and ISSUER_START.match(folded, nxt.start(1)):
        return True
    return " ".join(folded[base:end].split()) in _BARE_ROLES


#: Roles that name no body on their own: a second title follows a comma.
_BARE_ROLES = frozenset({"bo truong", "thu truong", "chu tich", "pho chu tich", "giam doc",
                         "pho giam doc", "chanh an", "vien truong", "tong cuc truong"})


def _joins_a_name(folded: str, pos: int) -> bool:
    """The word at ``pos``, after "và" or "-", may go on with a body's name
    ("… Giáo dục và Đào tạo", "Sở Dân tộc và Tôn giáo"): it does not open a
    part of a text ("Quốc hội và Chương II", "… Nhà nước và Danh mục …")."""
    word = _WORD.match(folded, pos)
    return word is None or _TRAILING_PUNCT.sub("", word.group()) not in _TEXT_PARTS


def _capital_follows(text: str, pos: int) -> bool:
    """A capitalized word, or the level of a place ("tỉnh"), comes within the
    next four words, the name going on over a line break ("Hiệp hội Vận tải ô
    tô tỉnh Bình Thuận", "Liên đoàn Quần vợt tỉnh")."""
    m = match_near(_CAPITAL_SOON, text, pos)
    return bool(m)


def issuer_before(text: str, folded: str, start: int, key: str = ""
                   ) -> tuple[str | None, str] | None:
    """(date, body) written before the type word: "Ngày 24/7/2024, Chủ tịch
    Ủy ban nhân dân tỉnh có Công văn số 2769/…", "Quốc hội ban hành Nghị
    quyết số 202/…". ``key``: the reference's, whose symbol says whether one
    body or several issued it."""
    if not _VERB_TAIL.search(folded, max(0, start - 16), start):
        return None  # (cheap: the verb must end right before the type word)
    lo = max(0, start - _BEFORE_REACH)
    verb = _VERB_BEFORE.search(folded, lo, start)
    if not verb or verb.end() != start:
        return None
    body_end = verb.start()
    former = _FORMER_BEFORE.search(folded, lo, body_end)  # "… thành phố Đà Lạt (cũ)"
    cut = max(folded.rfind(ch, lo, former.start() if former else body_end) for ch in ",;.:()")
    body_start = cut + 1 if cut >= 0 else lo
    dated = _DATE_LEAD.match(folded, body_start, body_end)  # "Ngày 24 tháng 6 năm 1977 Hội đồng …"
    if dated:
        body_start = dated.end()
    if verb.group("did"):
        # "… được Chủ tịch UBND tỉnh công nhận tại Quyết định số …": the agent
        agent = folded.rfind(" duoc ", body_start, body_end)
        if agent >= 0:
            body_start = agent + 6
    if verb.group("at"):
        # only "của <body> tại": the body is what follows the last "của", or
        # the last "và" before a body's name ("Theo đề nghị của A tại Công văn
        # số … và Sở Nội vụ tại Tờ trình số …", "… của A và Sở Nội vụ tại …")
        of = folded.rfind("cua ", body_start, body_end)
        # (not for a joint document, "… của Sở Tư pháp và Sở Tài chính tại Tờ
        # trình liên ngành số 415/TTLN-TP-TC": its symbol names both)
        va = folded.rfind(" va ", body_start, body_end) if key.count("-") <= 1 else -1
        if va > of and ISSUER_START.match(folded, va + 4):
            of = va  # (" va " is as long as "cua ")
        if of >= 0:
            body_start = of + 4
        elif (asked := folded.rfind("de nghi", max(0, body_start - _PROPOSAL_REACH),
                                    body_end)) < 0 or folded.find(". ", asked, body_end) >= 0:
            return None
        elif asked > body_start:
            body_start = asked + 7  # "xét đề nghị ông Giám đốc Sở Nội vụ tại …"
        # (else a further proposer of the sentence's list: "Xét đề nghị của A tại
        # Công văn số …; Chánh Thanh tra thành phố tại Công văn số …")
    found = list(_WORD.finditer(text, body_start, body_end))
    # "Việc Chủ tịch …", "DẪN ĐẾN CHỦ TỊCH …": the name starts at its head word
    while found and not (found[0].group()[0].isupper()
                         and ISSUER_START.match(folded, found[0].start())):
        found.pop(0)  # (a capitalized head word: "viên chức\nỦy ban …" starts at "Ủy")
    words = [w.group() for w in found]
    raw = " ".join(words)
    if not words or len(raw) > 90 or not words[0][0].isupper():
        return None
    opening = [i for i, w in enumerate(words) if w.startswith("(")] if former else []
    # the "(cũ)", "(trước sắp xếp)" closing it are no words of the name
    name_words = words[: opening[-1]] if opening else words
    if not all(w[0].isupper() or fold(w) in ISSUER_WORDS or fold(w) in _BODY_WORDS
               or w.isdigit() and i and fold(name_words[i - 1]) in _NUMBERED_LEVELS
               for i, w in enumerate(name_words)) and not (
            # "đề nghị của <proposer> tại": its name may hold common words ("Hội
            # Luật gia tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "Bệnh viện
            # Nhi Trung ương"), not a verb or a subject ("… quy định tại")
            verb.group("at") and not any(
                w[0].islower() and fold(w.strip(",.;:")) in ISSUER_STOP_WORDS for w in name_words)):
        return None
    date = None
    # the date stands before the name ("Cơ quan, đơn vị\n-\nNgày 31/12/2025 Chính
    # phủ …") or before what opened the clause ("Ngày 25/02/2026, C04 - Bộ …")
    head = _DATE_BEFORE.search(folded, max(0, found[0].start() - 40), found[0].start()) \
        or _DATE_BEFORE.search(folded, max(0, body_start - 40), body_start)
    if head:
        date = iso_date(head.group("d") or head.group("d2"), head.group("m") or head.group("m2"),
                        head.group("y") or head.group("y2"))
    return date, raw
