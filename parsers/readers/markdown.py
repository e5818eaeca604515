"""Markdown pages (.md): plain text with the markup removed.

Only markup that would get in the parser's way is deleted — heading marks,
bold/underline markers, link brackets and targets, images, code fences, HTML
comments — through the same offset map as page noise, so offsets still point
into the file's text. List dashes stay: Vietnamese documents use them anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

from parsers.readers.base import DEFAULT_LIMITS, ReadError, ReadLimits, ReadResult, read_capped
from parsers.readers.txt import TextDecodeError, decode_text, finish_text

__all__ = ["markup_spans", "read_markdown"]

# Each pattern's named groups "del" are deleted; the rest of the match is kept.
_MARKUP = (
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # image: all of it
    re.compile(r"<!--.*?-->", re.S),  # HTML comment
    re.compile(r"^[ \t]*(?:```|~~~).*$", re.M),  # code fence line
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M),  # heading marks
    re.compile(r"^[ \t]*>[ \t]?", re.M),  # block quote mark
    re.compile(r"\*\*|__"),  # bold / underline markers
)
_LINK = re.compile(r"(?P<open>\[)(?P<label>[^\]\n]+)(?P<close>\]\([^)\n]*\))")


def markup_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, "markup")`` spans of ``text`` to delete."""
    spans = [(m.start(), m.end(), "markup") for rx in _MARKUP for m in rx.finditer(text)]
    for m in _LINK.finditer(text):
        spans.append((m.start("open"), m.end("open"), "markup"))
        spans.append((m.start("close"), m.end("close"), "markup"))
    return spans


def read_markdown(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a Markdown file as text without its markup."""
    data = read_capped(path, limits.max_text_bytes, what="Markdown file")
    try:
        decoded = decode_text(data)
    except TextDecodeError as exc:
        raise ReadError(path, str(exc)) from exc
    return finish_text(path, decoded.text, kind="md", encoding=decoded.encoding,
                       warnings=decoded.warnings, extra=tuple(markup_spans(decoded.text)))
