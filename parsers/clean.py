"""``clean_text``: the text the parser reads, the same length as the NFC text.

Every change here replaces characters one for one, so an offset in the
cleaned text is an offset in the NFC text (and, through
:class:`parsers.normalize.SourceText`, in what the caller gave):

- line ends: CRLF becomes " \\n" and a lone CR "\\n", so CRLF, CR and LF
  files give the same records;
- NUL and other control characters (gazette texts use a few NULs as
  checkbox glyphs; damaged files carry more) become spaces;
- a legal portal's editorial notes in square brackets ("[Khoản này được
  hướng dẫn bởi Điều 4 Nghị định 53/2011/NĐ-CP có hiệu lực …]") become
  spaces: they are the editor's words, not the document's citations.
"""

from __future__ import annotations

import regex

__all__ = ["clean_text", "EDITORIAL_NOTE"]

#: Control characters other than tab and line feed; CR is handled apart.
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]")
_CRLF = regex.compile(r"\r\n?")

#: A bracketed note whose words only an editor writes: "… được hướng dẫn
#: bởi …", "… bị bãi bỏ bởi …", "Nội dung hướng dẫn …", "có hiệu lực từ
#: ngày …", the portal's "Link nội bộ" / "JavaScript:" / "ID:" anchors.
#: Footnote markers ("[1]") and the document's own brackets carry none.
EDITORIAL_NOTE = regex.compile(
    r"\[(?=[^\[\]]{0,3000}\])"
    r"(?=[^\[\]]*?(?:\sbởi\s|Nội dung hướng dẫn|hiệu lực (?:thi hành )?(?:kể )?từ"
    r"|hết hiệu lực|Link nội bộ|JavaScript:|ID:\s))"
    r"[^\[\]]*\]"
)


def _blank(m: regex.Match[str]) -> str:
    s = m.group()
    # keep line breaks so line-based reading (headers, clause starts) is unchanged
    return "".join(ch if ch == "\n" else " " for ch in s)


def _crlf(m: regex.Match[str]) -> str:
    return " \n" if m.group() == "\r\n" else "\n"


def clean_text(text: str) -> str:
    """``text`` with line ends, control characters and editorial notes
    replaced one character for one (same length, same offsets)."""
    if "\r" in text:
        text = _CRLF.sub(_crlf, text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if "[" in text:
        text = EDITORIAL_NOTE.sub(_blank, text)
    return text
