"""``clean_text``: the text the parser reads, the same length as the NFC text.

Every change here replaces characters one for one, so an offset in the
cleaned text is an offset in the NFC text (and, through
:class:`parsers.normalize.SourceText`, in what the caller gave):

- NUL and other control characters (gazette texts use a few NULs as
  checkbox glyphs; damaged files carry more) become spaces;
- a legal portal's editorial notes in square brackets ("[Khoản này được
  hướng dẫn bởi Điều 4 Nghị định 53/2011/NĐ-CP có hiệu lực …]") become
  spaces: they are the editor's words, not the document's citations.
"""

from __future__ import annotations

from collections.abc import Iterator

from parsers import engine

__all__ = ["clean_text", "editorial_notes", "EDITORIAL_NOTE"]

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


def _blank(s: str) -> str:
    """Spaces for ``s``, keeping its line breaks."""
    if "\n" not in s:
        return " " * len(s)
    return "\n".join(" " * len(line) for line in s.split("\n"))


def _spans(text: str, folded: str, controls: bool) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every change, replacement of equal length."""
    out: list[tuple[int, int, str]] = []
    if controls:
        out += [(m.start(), m.end(), " ") for m in _CONTROL.finditer(text)]
    if "[" in text:
        for start, end in editorial_notes(folded):
            # keep line breaks so line-based reading (headers, clauses) is unchanged
            out.append((start, end, _blank(text[start:end])))
    return out


def clean_text(text: str, fold: tuple[str, bool] | None = None) -> tuple[str, str]:
    """``text`` and its fold with control characters and editorial notes
    replaced one character for one (same length, same offsets). ``fold``:
    ``fold_checked(text)`` if already computed (``SourceText.fold``)."""
    from parsers.normalize import fold_checked

    folded, controls = fold if fold is not None else fold_checked(text)
    spans = _spans(text, folded, controls)
    if not spans:
        return text, folded
    spans.sort()
    t_parts: list[str] = []
    f_parts: list[str] = []
    last = 0
    for start, end, new in spans:
        if start < last:
            continue  # a control character inside an editorial note: the blank covers it
        t_parts += [text[last:start], new]
        f_parts += [folded[last:start], new]  # (the fold has controls as spaces already)
        last = end
    t_parts.append(text[last:])
    f_parts.append(folded[last:])
    return "".join(t_parts), "".join(f_parts)
