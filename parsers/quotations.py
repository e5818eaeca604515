"""Whether a position of a text lies inside a quotation “…”: references
quoted from another text (an amending law quoting the article it amends, a
consolidated text's footnote quoting the closing articles of an amending law)
are that text's, so this one only cites them."""

from __future__ import annotations

import re

import regex

from parsers.normalize import quotation_closed

__all__ = ["quoted"]

#: The end of a paragraph: an open quotation does not reach past it.
_PARAGRAPH_END = regex.compile(r"[.;:][ \t\u201d\u201c\"]*\n", regex.REVERSE)
#: How far back an open quotation mark is looked for.
_QUOTE_REACH = 3000


def quoted(text: str, pos: int) -> bool:
    """``pos`` lies inside a curly quotation “…” opened before it in the same
    paragraph (a “ typed where ” was meant, before ";" or a line end, closes),
    or opened before the paragraph and closed after ``pos``."""
    reach = max(0, pos - _QUOTE_REACH)
    first = text.rfind("\u201c", reach, pos)
    if first < 0:
        return False  # no quotation opens within reach (most references)
    para = _PARAGRAPH_END.search(text, reach, pos)
    lo = para.end() if para else reach
    opened = text.rfind("\u201c", lo, pos)
    if opened < 0:
        # the quotation may run over lines ("có căn cứ ban hành như sau: “Căn cứ
        # …;\nQuốc hội ban hành Luật …”"): open before the line, and closed by
        # a ” after the reference before any “ opens
        if not quotation_closed(text, first, pos) and _closes_first(text, pos):
            return True
    elif not quotation_closed(text, opened, pos):
        return not text[opened + 1 : opened + 3].lstrip(" ;,.").startswith("\n")
    # a quoted article that quotes phrases itself, its “…” closed before the
    # reference ("như sau:\n“Điều 217. … 3. Thay thế cụm từ “…” bằng … của
    # Luật … số 83/2015/QH13 …”"): still open, counted over the nested ones
    return text.count("\u201c", reach, pos) > text.count("\u201d", reach, pos) \
        and _closes_first(text, pos)


def _closes_first(text: str, pos: int) -> bool:
    """After ``pos`` a ” comes within reach that closes a quotation open at
    ``pos``: quotations opened and closed on the way are passed over (a
    quoted article quotes phrases itself: "“… 3. Thay thế cụm từ “doanh nghiệp
    nhà nước” bằng … Luật số 83/2015/QH13 …”")."""
    hi = min(len(text), pos + _QUOTE_REACH)
    close = text.find("\u201d", pos, hi)
    if close >= 0 and text.find("\u201c", pos, close) < 0:
        return True  # (the first ” comes before any “: most quotations)
    if close < 0 and text.find('."', pos, hi) < 0 and text.find(';"', pos, hi) < 0:
        return False
    depth = 0
    for m in _CURLY.finditer(text, pos, hi):
        if m.group() == "\u201c":
            depth += 1
        elif depth == 0:
            return True
        elif m.group() == "\u201d":
            depth -= 1
    return False


#: Curly quotes, and a straight one typed for ” after a stop ("… được giao
#: trong Luật."Điều 31 của Luật số …", a portal's consolidated text).
_CURLY = re.compile('[\u201c\u201d]|(?<=[.;])"')
