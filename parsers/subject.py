"""The subject (trích yếu) of a document: where it runs from the title or
"V/v" and where it stops (the body, an authority line, a place-and-date, a
blank line after a sentence), and the forms flattened pages give it."""

from __future__ import annotations

import regex

from parsers import engine
from parsers.header_text import _KINH_GUI, _RULE, _is_motto, _is_upper
from parsers.normalize import fold
from parsers.patterns import TITLE_START, place_date_start
from parsers.vocabulary import AUTHORITY_OPENERS, AUTHORITY_ROLES, BODY_OPENERS, BODY_SECTIONS

_SUBJECT_MAX_CHARS = 600
#: A line this long after a blank line is a paragraph, not more subject.
_PARAGRAPH_CHARS = 160
_SUBJECT_PREFIX_RAW = engine.compile(r"^\s*[\u201c\"]?\s*[Vv]\s*/\s*[Vv]\.?\s*:?\s*")
#: An authority line's opening words ("chủ tịch", "ủy ban nhân dân", …).
_AUTHORITY_WORDS = r"(?:" + "|".join(regex.escape(p) for p in AUTHORITY_OPENERS) + r")(?![a-z])"
_AUTHORITY = engine.compile(r"^\s*" + _AUTHORITY_WORDS)  # a line that opens with them
_SECTION = r"(?:" + "|".join(BODY_SECTIONS) + r")\s*(?:\d+|[ivxlc]+)(?![a-z])"
_BODY_OPENER = engine.compile(
    r"^\s*(?:" + "|".join(regex.escape(p) for p in BODY_OPENERS) + r")(?![a-z])"
    r"|^\s*" + _SECTION
    + r"|^\s*\d+\s*[.)]\s|^\s*[-+•]\s"
    r"|^\s*[ivx]{1,4}\s*[.)]\s"  # a section of the body: "I. ĐÁNH GIÁ CHUNG"
)
_NOT_A_SUBJECT = regex.compile(
    r"^\s*(?:can cu|kinh gui)(?![a-z])|^\s*ng\w{1,2}y\s+\d|^\s*\d+(?:\.\d+)*\s*[.)]\s"
    r"|^\s*dieu\s+\d"
)

#: A flattened page runs the subject, in capitals, on one line into the
#: authority line and the body's first sentence ("… NĂM 1991 QUỐC HỘI NƯỚC …
#: VIỆT NAM Xét thấy, …", "… MỚI” ỦY BAN NHÂN DÂN TỈNH KON TUM Căn cứ Luật …"):
#: the capitals, then a sentence-case word opening the body.
_CAPS_RUN = regex.compile(r"(?:[\p{Lu}\d][\p{Lu}\d\p{P}]*\s+){2,}?(?=\p{Lu}\p{Ll}+\s+[\p{L}\d])")
_SENTENCE_OPENER = engine.compile(
    r"(?:" + "|".join(regex.escape(p) for p in (*BODY_OPENERS, "xet", "de", "nham")) + r")(?![a-z])"
    r"|" + _SECTION
    # a consolidated text's line naming the law it merges: "LUẬT QUY HOẠCH Luật
    # Quy hoạch số 21/2017/QH14 ngày …, được sửa đổi, bổ sung bởi:"
    + r"|(?:" + TITLE_START.pattern + r")[a-z ,]{0,80}?\sso\s+\d"
)
_AUTHORITY_IN_LINE = engine.compile(_AUTHORITY_WORDS)  # anywhere in a line


def _flattened_body(raw: str, f: str, issuer: str | None) -> int | None:
    """Where the body starts inside a line whose subject is in capitals
    (:data:`_CAPS_RUN`), or None; the authority line before it goes with the
    body (:func:`_authority_at_end`)."""
    if not raw[:2].isupper() or raw.isupper():
        return None  # no capitals to open it, or no sentence after them
    caps = _CAPS_RUN.match(raw)
    if caps is None or not _SENTENCE_OPENER.match(f, caps.end()):
        return None
    return _authority_at_end(f, caps.end(), issuer)


_ABBREVIATED = ((regex.compile(r"\bubnd\b"), "uy ban nhan dan"),
                (regex.compile(r"\bhdnd\b"), "hoi dong nhan dan"))
_WORD_START = engine.compile(r"(?<![a-z0-9])[a-z]")
#: What an authority line may print after the issuer's name: the country,
#: the term and session ("QUỐC HỘI NƯỚC CỘNG HOÀ …", "… KHÓA XV, KỲ HỌP THỨ 5").
_AUTHORITY_TAIL = engine.compile(
    r"(?:\s*nuoc cong hoa xa hoi chu nghia viet nam)?"
    r"(?:\s*khoa\s+[ivxlc0-9]+[ ,]*(?:ky hop thu\s+[a-z0-9]+)?)?\s*$"
)
_AUTHORITY_ROLES = engine.compile(
    r"(?:(?:" + "|".join(regex.escape(p) for p in AUTHORITY_ROLES) + r")\s+)*$"
)


def _spelled_out(folded: str) -> str:
    folded = " ".join(folded.split())
    for short, full in _ABBREVIATED:
        folded = short.sub(full, folded)
    return folded


def _authority_at_end(f: str, end: int, issuer: str | None) -> int:
    """Where the authority line that ends ``f[:end]`` starts ("… TRƯỚC NĂM
    1991 QUỐC HỘI NƯỚC CỘNG HOÀ …", "… CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM"),
    or ``end``: from an authority opener (not after "của") to ``end`` stand
    only the role words, the issuer's name (its last part: in full, without
    the parent body before it, or without the place after it) and what may
    follow it on that line (:data:`_AUTHORITY_TAIL`)."""
    if not issuer or _AUTHORITY_IN_LINE.search(f, 0, end) is None:
        return end
    words = _spelled_out(fold(issuer.split(" - ")[-1])).split()
    if not words:
        return end
    # the name in full, without its parent ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN":
    # "TỔNG CỤC HẢI QUAN"), or without its place ("… CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH")
    names = {" ".join(words[i:]) for i in range(len(words) - 1)} | {
        " ".join(words[:i]) for i in range(3, len(words))} | {" ".join(words)}
    best = None  # the earliest opener of the line ("CHỦ TỊCH ỦY BAN …")
    starts: list[int] = [m.start() for m in _WORD_START.finditer(f, 0, end)]
    for s in reversed(starts):
        if not _AUTHORITY_IN_LINE.match(f, s):
            continue
        if _names_authority(_spelled_out(f[s:end]), names):
            best = s
        elif best is not None:
            break
    if best is None:
        return end
    before = f[:best].split()
    # "… CỦA QUỐC HỘI": the subject names the body
    return best if before and before[-1] != "cua" else end


def _names_authority(stretch: str, names: set[str]) -> bool:
    """``stretch`` is a role, one of the authority's ``names``, and its tail."""
    for name in names:
        at = stretch.find(name)
        if at >= 0 and _AUTHORITY_ROLES.match(stretch, 0, at) \
                and _AUTHORITY_TAIL.match(stretch, at + len(name)):
            return True
    return False


def subject_lines(text: str, folded: str, start: int, limit: int,
                   issuer: str | None = None) -> str | None:
    """Subject text from ``start``: it runs over the following lines until a
    body opener, an authority line, a place-and-date, or a blank line after a
    complete sentence (or, in a flattened line, the body that follows the
    subject's capitals, :func:`_flattened_body`)."""
    taken: list[str] = []
    quoted = False  # the subject opens with "“"
    last = ("", "")  # the last line taken, as printed and folded
    body_next = False  # the body (or the region's end) follows the last line
    blank_seen = False
    pos = start
    while pos < limit:
        nl = text.find("\n", pos, limit)
        end = limit if nl < 0 else nl
        row = "|" in text[pos:end]
        raw = text[pos:end].strip(" \t*_#|")
        f = folded[pos:end].strip(" \t*_#|")
        line_start, pos = pos, end + 1
        if not raw:
            if taken and len(text[line_start:end].strip(" \t|")) >= 3:
                break  # a rule drawn under the subject ("____"), which the strip emptied
            blank_seen = True
            continue
        if taken and (row and blank_seen or _TABLE_HEAD.match(f)):
            break  # a table after the subject ("|STT |Đơn vị |…", "Số TT")
        if _RULE.match(raw):
            if taken:
                break
            continue
        if "|" in raw:  # a table row: its first cell holds the left column
            raw = raw.split("|")[0].strip()
            f = f.split("|")[0].strip()
            if not raw:
                break
        opens_body = _BODY_OPENER.match(f) and not (f.startswith("ngay") and raw[:1].islower())
        if opens_body and taken and raw[:1] in "-–" and _is_upper(taken[-1]) and _is_upper(raw):
            opens_body = False  # a title in capitals wrapped at "KINH TẾ" / "- XÃ HỘI"
        if taken and (opens_body or raw.startswith("(") and not _QUALIFIER_LINE.match(raw)
                      or _KINH_GUI.match(f)
                      or place_date_start(f, 0, 60) or _is_motto(f)):
            body_next = bool(opens_body)
            break
        if taken and _AUTHORITY.match(f) and (_is_upper(raw) or raw.endswith((".", ":"))):
            break
        if taken and (taken[-1].endswith(":") or blank_seen and taken[-1].endswith((".", ";"))):
            break  # a list follows the colon ("… được sửa đổi, bổ sung bởi:")
        if taken and blank_seen and len(raw) > _PARAGRAPH_CHARS and not _is_upper(raw):
            break  # a paragraph of the body after a blank line
        if taken and raw[0].isupper() and not raw.split()[0].isupper() \
                and _ends_phrase(taken[-1]) and (blank_seen or not _names_on(raw, f)):
            break
        if not taken and _NOT_A_SUBJECT.match(f):
            return None
        body = _flattened_body(raw, f, issuer)
        if body is not None:
            raw = raw[:body]
        printed = raw
        if not taken:
            quoted = raw[:1] == "\u201c"
            raw = _SUBJECT_PREFIX_RAW.sub("", raw)
        if raw:
            taken.append(raw)
            last = (printed, f)
        if body is not None or quoted and raw.endswith("\u201d"):
            break  # (a quoted "“V/v …”" ends where its quotation does)
        blank_seen = False
        if sum(map(len, taken)) > _SUBJECT_MAX_CHARS:
            break
    else:
        body_next = True
    if taken and body_next and _is_upper(last[0]):
        # the authority line ran on after the subject's capitals
        cut = _authority_at_end(last[1], len(last[1]), issuer)
        if cut < len(last[1]):
            taken[-1] = _SUBJECT_PREFIX_RAW.sub("", last[0][:cut]) if len(taken) == 1 \
                else last[0][:cut]
    subject = " ".join(" ".join(taken).split())
    if subject.endswith(("\u201d", '"')) and "\u201c" not in subject and subject.count('"') < 2:
        subject = subject[:-1].rstrip()  # the close of a quoted "“V/v …”"
    return subject or None


#: A table's first column heading, alone in its cell: "STT", "Số TT", "TT".
_TABLE_HEAD = engine.compile(r"(?:so\s+tt|stt|tt)(?:\s*\|.*)?$")
#: A line that opens with a qualifier of the name above and goes on: "(trước
#: sắp xếp) thành Hội Hộ sinh Lâm Đồng …" (not "(Kèm theo Quyết định …)").
_QUALIFIER_LINE = regex.compile(r"\([^()\n]{1,30}\)[ \t]*\S")
#: Heads of associations' names, which hold words in small letters ("Hiệp
#: hội Nước mắm …", "Liên đoàn Võ thuật …").
_ASSOCIATION_LINE = engine.compile(r"(?:hiep hoi|lien doan|cau lac bo|tong hoi|lien hiep)\s")


def _names_on(raw: str, f: str) -> bool:
    """A capitalized line that goes on naming what the subject line above
    began: a document ("Công văn số 5689/BCA-C04 …", "Quyết định kiện toàn …")
    or a proper name ("Hội Thừa phát lại …", "Hồ Chí Minh …"): its first
    two words capitalized, not a sentence ("Thực hiện …", "Các sở …")."""
    if TITLE_START.match(f) or _ASSOCIATION_LINE.match(f):
        return True
    words = raw.split()[:2]
    return len(words) == 2 and all(w[0].isupper() and w[1:].islower() for w in words)


#: Words after which a subject line goes on ("… của", "… và", "… năm").
_CONTINUES = frozenset(
    "va cua ve tai voi cac cho trong tren den nam so ngay thang theo nhung giua tu hoac thanh"
    .split()
)


#: Verbs and heads whose object or name the next line gives ("… đề nghị phê
#: duyệt" / "Điều lệ Hội Golf …", "… việc" / "Giải thể Hiệp hội …", "…
#: Hiệp hội" / "Thể thao giải trí …").
_CALLS_FOR_MORE = frozenset(p.strip() for p in """phe duyet|thanh lap|cong nhan|giai the
    |doi ten|kien toan|ban hanh|bo nhiem|sap nhap|hop nhat|huy bo|bai bo|thay the|sua doi
    |bo sung|dieu chinh|hiep hoi|lien doan|cau lac bo""".split("|"))


def _ends_phrase(line: str) -> bool:
    """``line`` ends like a finished phrase: its last word is a lowercase word
    that does not call for more (not "của", not a comma, not "phê duyệt")."""
    if _is_upper(line):
        return False
    words = line.split()
    last = words[-1]
    if not last[0].islower() or last.endswith((",", "-", "–")):
        return False
    folded = fold(" ".join(words[-3:])).split()
    return folded[-1] not in _CONTINUES and folded[-1] != "viec" and not any(
        " ".join(folded[-n:]) in _CALLS_FOR_MORE for n in (2, 3))


#: An old title's own identity around its subject ("LUẬT CỦA QUỐC HỘI NƯỚC …
#: SỐ 29/2001/QH10 VỀ HẢI QUAN", "LUẬT ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993
#: CỦA QUỐC HỘI …"): the date after the number, the national authority (with
#: its country, term and session) before or after it.
_TITLE_DATE = engine.compile(
    r"\s*,?\s*ngay\s+(?:\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")
_NATIONAL = (r"cua\s+(?:quoc\s+hoi|chinh\s+phu|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi"
             r"|chu\s+tich\s+nuoc|hoi\s+dong\s+nha\s+nuoc)")
_COUNTRY = r"\s+nuoc\s+cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam"
_SESSION = r"\s+khoa\s+[ivxlc0-9]+[ ,]*(?:ky\s+hop\s+thu\s+[a-z0-9]+)?"
_OF_AUTHORITY_LEAD = engine.compile(rf"\s*{_NATIONAL}(?:{_COUNTRY})?(?:{_SESSION})?\s+")
_OF_AUTHORITY_END = engine.compile(rf"\s+{_NATIONAL}(?:{_COUNTRY})?(?:{_SESSION})?\s*$")
_OF_AUTHORITY_DRESSED = engine.compile(
    rf"\s+{_NATIONAL}(?:{_COUNTRY}(?:{_SESSION})?|{_SESSION})\s*$")
#: Capitals, then a sentence in sentence case: the preamble or the body ran
#: on ("… VỀ DI SẢN VĂN HOÁ Di sản văn hoá Việt Nam là …").
_SENTENCE_AFTER_CAPS = regex.compile(
    r"^[\p{Lu}\d][\p{Lu}\d\p{P}]*(?:\s+[\p{Lu}\d][\p{Lu}\d\p{P}]*){2,}"
    r"(?=\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){3})")
_PREAMBLE_HEAD = engine.compile(r"\s+loi\s+noi\s+dau\s*$")


#: "số 29/2001/QH10", "SỐ13/2003/QH11", "số 24 - L/CTN" in a folded title.
_NUMBER_IN_TITLE = engine.compile(
    r"(?<![a-z])so\s*:?\s*(?P<n>[0-9][0-9a-z.]*(?:\s*[/\-]\s*[0-9a-z][0-9a-z.]*)*)")


def _own_number_in(folded: str, key: str) -> regex.Match[str] | None:
    """Where "số <key>" stands in ``folded`` (spaces around its separators
    allowed), or None."""
    at = folded.find("so")
    while at >= 0:
        m = _NUMBER_IN_TITLE.match(folded, at)
        if m is not None and "".join(m.group("n").split()) == key:
            return m
        at = folded.find("so", at + 2)
    return None


def trim_title_identity(subject: str | None, key: str | None,
                        issuer: str | None = None) -> str | None:
    """``subject`` without what an old or flattened title prints around it:
    the document's own number, date and authority (:data:`_OF_AUTHORITY_END`),
    the issuing body's line run on after it ("… PHẠT VI PHẠM HỘI ĐỒNG THẨM
    PHÁN TÒA ÁN NHÂN DÂN TỐI CAO", not "… CỦA ỦY BAN NHÂN DÂN TỈNH"), and a
    preamble or body run on after its capitals."""
    if not subject:
        return subject
    subject = subject.lstrip(" .,:;-")  # (an OCR'd title's stray mark: "LUẬT . SỬA ĐỔI …")
    if issuer and len(issuer.split()) >= 4 and subject.endswith(issuer):
        head = subject[: len(subject) - len(issuer)].rstrip()
        if head and fold(head.split()[-1]) != "cua" and head.isupper():
            subject = head
    f = fold(subject)
    if key and (m := _own_number_in(f, fold(key))) is not None:
        head = f[: m.start()]
        if not head.strip() or _OF_AUTHORITY_LEAD.fullmatch(" " + head):
            at = m.end()
            for part in (_TITLE_DATE, _OF_AUTHORITY_LEAD):
                if (p := part.match(f, at)) is not None:
                    at = p.end()
            subject = subject[at:].strip() or subject
        else:
            subject = subject[: m.start()].rstrip(" ,")
            if (tail := _OF_AUTHORITY_END.search(fold(subject))) is not None:
                subject = subject[: tail.start()]
    if (run_on := _SENTENCE_AFTER_CAPS.match(subject)) is not None:
        subject = subject[: run_on.end()]
    f = fold(subject)
    for tail_pattern in (_OF_AUTHORITY_DRESSED, _PREAMBLE_HEAD):
        if (tail := tail_pattern.search(f)) is not None and tail.start() > 0:
            subject, f = subject[: tail.start()], f[: tail.start()]
    return subject.strip() or None
