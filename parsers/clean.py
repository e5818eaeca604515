"""``clean_text``: the text the parser reads, and the map back to the NFC text.

- NUL and other control characters (gazette texts use a few NULs as
  checkbox glyphs; damaged files carry more) become spaces;
- a legal portal's editorial notes in square brackets ("[Khoản này được
  hướng dẫn bởi Điều 4 Nghị định 53/2011/NĐ-CP có hiệu lực …]") are taken
  out (their line breaks kept): they are the editor's words, not the
  document's citations, and one standing inside a phrase ("Bãi bỏ Nghị
  quyết số [Khoản này được sửa đổi bởi …] 132/2020/QH14") must not part
  its words. :meth:`Cleaned.to_source` maps an offset back (and, through
  :class:`parsers.normalize.SourceText`, to what the caller gave).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

from parsers import engine

__all__ = ["Cleaned", "clean_text", "editorial_notes", "EDITORIAL_NOTE"]

#: Control characters other than tab and line feed (CR is read as a line end
#: before this, by ``parsers.parse``).
_CONTROL = engine.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]")

#: The longest editorial note, and the words only an editor writes in one.
_NOTE_LONGEST = 20000
_EDITOR_WORDS = engine.compile(
    r"\sboi\s|noi dung huong dan|hieu luc (?:thi hanh )?(?:ke )?tu"
    r"|het hieu luc|link noi bo|javascript:|id:\s")

#: A bracketed note (up to 20,000 characters: a portal gathers every guiding
#: decree of a clause in one) whose words only an editor writes (matched on the folded
#: text, so a copy without diacritics is cleaned alike): "… được hướng dẫn
#: bởi …", "… bị bãi bỏ bởi …", "Nội dung hướng dẫn …", "có hiệu lực từ ngày
#: …", the portal's "Link nội bộ" / "JavaScript:" / "ID:" anchors. Footnote
#: markers ("[1]") and the document's own brackets carry none.
#: (``editorial_notes`` finds the same spans faster.)
EDITORIAL_NOTE = engine.compile(
    rf"\[(?=[^\[\]]{{0,{_NOTE_LONGEST}}}\])(?=[^\[\]]*?(?:{_EDITOR_WORDS.pattern}))[^\[\]]*\]")


def editorial_notes(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of ``EDITORIAL_NOTE.finditer(folded)``, found bracket by bracket
    with ``str.find`` (the pattern tries its lookaheads at every "[": a
    gazette's hundreds of footnote markers cost more than its notes)."""
    p = folded.find("[")
    while p >= 0:
        close = folded.find("]", p + 1)
        if close < 0:
            return
        inner = folded.find("[", p + 1, close)
        if inner >= 0:
            p = inner  # "[" … "[" … "]": only the inner one can open a note
            continue
        if close - p - 1 <= _NOTE_LONGEST and _EDITOR_WORDS.search(folded, p + 1, close):
            yield p, close + 1
        p = folded.find("[", close + 1)


def _squeezed(s: str) -> str:
    """What stands in for a removed note: its line breaks, or one space."""
    breaks = s.count("\n")
    return "\n" * breaks if breaks else " "


def _spans(text: str, folded: str, controls: bool) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every change: a control character becomes
    a space; an editorial note is taken out (its line breaks kept, so
    line-based reading of headers and clauses is unchanged)."""
    out: list[tuple[int, int, str]] = []
    if controls:
        out += [(m.start(), m.end(), " ") for m in _CONTROL.finditer(text)]
    if "[" in text:
        out += [(start, end, _squeezed(text[start:end])) for start, end in editorial_notes(folded)]
    return out


class Cleaned(NamedTuple):
    """The text the parser reads: control characters as spaces, editorial
    notes taken out (a note inside a phrase, "Bãi bỏ Nghị quyết số [Khoản
    này được sửa đổi bởi …] 132/2020/QH14", no longer puts its length between
    the phrase's words), with the map back to the text it was cleaned from."""

    text: str
    folded: str
    #: positions (in ``text``) after which ``shifts`` more characters were removed
    after: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_source(self, pos: int) -> int:
        """The offset in the uncleaned text of the character at ``pos``."""
        if not self.after:
            return pos
        k = bisect.bisect_right(self.after, pos) - 1
        return pos + (self.shifts[k] if k >= 0 else 0)


def clean_text(text: str, fold: tuple[str, bool] | None = None) -> Cleaned:
    """``text`` and its fold with control characters replaced and editorial
    notes taken out (:class:`Cleaned`). ``fold``: ``fold_checked(text)`` if
    already computed (``SourceText.fold``)."""
    from parsers.normalize import fold_checked

    folded, controls = fold if fold is not None else fold_checked(text)
    spans = _spans(text, folded, controls)
    if not spans:
        return Cleaned(text, folded)
    spans.sort()
    t_parts: list[str] = []
    f_parts: list[str] = []
    after: list[int] = []
    shifts: list[int] = []
    last = 0
    length = 0  # of the cleaned text so far
    removed = 0
    for start, end, new in spans:
        if start < last:
            continue  # a control character inside an editorial note: the note covers it
        t_parts += [text[last:start], new]
        f_parts += [folded[last:start], new]  # (the fold has controls as spaces already)
        length += start - last + len(new)
        if len(new) != end - start:
            removed += end - start - len(new)
            after.append(length)  # (the characters from here on stood ``removed`` further)
            shifts.append(removed)
        last = end
    t_parts.append(text[last:])
    f_parts.append(folded[last:])
    return Cleaned("".join(t_parts), "".join(f_parts), tuple(after), tuple(shifts))
