"""Remove running page headers, footers and page numbers before parsing.

PDFs of the official gazette (*Công báo*) carry a running header on every page,
``CÔNG BÁO/Số 51/Ngày 23-01-2026``, with the page number beside it or on a line
of its own. Extracted as text, these land in the middle of sentences, and often
in the middle of a reference (``Nghị định số 15/2020/NĐ-`` | header | ``CP``).
Other documents have a bare page number, or a line repeated at the top or
bottom of every page.

:func:`strip_page_noise` deletes whole noise lines (with their line break) and
page breaks, and returns an :class:`~parsers.readers.offsets.OffsetMap` back to
the source text, so every parser offset stays traceable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.readers.offsets import OffsetMap, RemovedSpan, delete_spans

__all__ = ["PAGE_BREAK", "Cleaned", "strip_page_noise"]

#: Joins page texts into one source text (the form feed, as pdftotext does).
PAGE_BREAK = "\f"

_PAGE_NO = r"(?:-\s*)?\d{1,4}(?:\s*-)?"
#: "CÔNG BÁO/Số 51 + 52/Ngày 23-01-2026", with or without diacritics (OCR), an
#: optional page number before or after it on the same line.
_GAZETTE_LINE = rf"""[ \t]*(?:{_PAGE_NO}[ \t]+)?
        C[ÔO]NG[ \t]*B[ÁA]O[ \t]*/[ \t]*S[ỐốOo6][ \t]*\d+(?:[ \t]*\+[ \t]*\d+)*[ \t]*
        /[ \t]*Ng[àa]y[ \t]*\d{{1,2}}[ \t]*[-./][ \t]*\d{{1,2}}[ \t]*[-./][ \t]*\d{{4}}
        (?:[ \t]+{_PAGE_NO})?[ \t\r]*$"""
GAZETTE_HEADER = re.compile("^" + _GAZETTE_LINE, re.VERBOSE | re.IGNORECASE | re.MULTILINE)
#: A line holding only a page number: "12", "- 12 -", "Trang 12", "12/40".
_PAGE_NUMBER_LINE = rf"""[ \t]*(?:{_PAGE_NO}
        |Trang[ \t]+\d{{1,4}}(?:[ \t]*/[ \t]*\d{{1,4}})?
        |\d{{1,4}}[ \t]*/[ \t]*\d{{1,4}})[ \t\r]*$"""
PAGE_NUMBER = re.compile("^" + _PAGE_NUMBER_LINE, re.IGNORECASE | re.MULTILINE | re.VERBOSE)


class _LineStarts:
    """A pattern's matches at line starts, found from the line breaks: ``re``
    tries a multi-line ``^`` at every character, a leading ``\\n`` is
    searched for at C speed (4x faster on gazette-sized texts). The same
    matches as ``re.compile("^" + line, flags | re.MULTILINE).finditer``."""

    def __init__(self, line: str, flags: int) -> None:
        self._first = re.compile(line, flags | re.MULTILINE)
        self._after_break = re.compile(r"\n" + line, flags | re.MULTILINE)

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        m = self._first.match(text)
        if m:
            out.append(m.span())
            pos = m.end()  # a match may run over a line break ("-\n12")
        out += [(m.start() + 1, m.end()) for m in self._after_break.finditer(text, pos)]
        return out


_GAZETTE_HEADERS = _LineStarts(_GAZETTE_LINE, re.VERBOSE | re.IGNORECASE)
_PAGE_NUMBERS = _LineStarts(_PAGE_NUMBER_LINE, re.VERBOSE | re.IGNORECASE)
# How many non-blank lines at the top and bottom of a page may be running noise.
_EDGE_LINES = 2


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Text with page noise removed, and the map back to ``source``."""

    text: str
    source: str
    offsets: OffsetMap
    removed: tuple[RemovedSpan, ...]


def _line_end(text: str, end: int) -> int:
    """``end`` moved past the line break that follows it, if any."""
    if text.startswith("\r\n", end):
        return end + 2
    return end + 1 if text.startswith(("\n", "\r"), end) else end


def _edge_lines(page: str, base: int) -> tuple[list[tuple[int, int, str]], int]:
    """(start, end including the line break, content) of the first and last
    ``_EDGE_LINES`` non-blank lines of ``page``, offsets shifted by ``base``,
    and the number of non-blank lines of the page."""
    lines = []
    pos = 0
    for line in page.splitlines(keepends=True):
        if line.strip():
            lines.append((base + pos, base + pos + len(line), line.rstrip("\r\n")))
        pos += len(line)
    count = len(lines)
    if count > 2 * _EDGE_LINES:
        lines = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
    return lines, count


def _shape(line: str) -> str:
    """A line with digits blurred, so "Trang 3" and "Trang 4" repeat."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


#: Characters at least between two page numbers of a text copied from a PDF
#: (a page holds a few thousand); lone numbers closer together are list items
#: or the cells of a flattened table.
_MIN_PAGE_CHARS = 1000
_FIRST_NUMBER = re.compile(r"\d+")


def _counting_pages(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of the lone-number lines of a text without page breaks, those that
    count its pages: "Trang 3" always; bare numbers when they rise by one
    through the text from 1 or 2, each at least :data:`_MIN_PAGE_CHARS` after
    the one before ("2" … "3" … "4"), the longest such run of two or more. A
    lone "1", "3", "4" before list items, or "82", "100", "45" in a table,
    stay."""
    out: list[tuple[int, int]] = []
    #: value → (length, start, end, previous) of the longest run ending at it
    runs: dict[int, tuple] = {}
    best: tuple | None = None
    for start, end in lines:
        line = text[start:end]
        if "trang" in line.casefold():
            out.append((start, end))
            continue
        value = int(_FIRST_NUMBER.search(line).group())  # type: ignore[union-attr]
        before = runs.get(value - 1)
        if before is not None and start - before[2] < _MIN_PAGE_CHARS:
            before = None
        if before is None and value > 2:
            continue  # a text's pages are counted from its first or second
        run = (before[0] + 1 if before else 1, start, end, before)
        if value not in runs or run[0] > runs[value][0]:
            runs[value] = run
        if best is None or run[0] > best[0]:
            best = run
    if best is not None and best[0] >= 2:
        node: tuple | None = best
        while node is not None:
            out.append((node[1], node[2]))
            node = node[3]
    return sorted(out)


def strip_page_noise(
    pages: Sequence[str] | str, extra: Sequence[tuple[int, int, str]] = ()
) -> Cleaned:
    """Remove gazette headers, page numbers and repeated page edges.

    ``pages`` is a list of page texts (from a PDF or OCR) or one text, which is
    split at form feeds. Within a page only its first and last
    ``_EDGE_LINES`` non-blank lines are candidates for bare page numbers and
    repeated headers (so a "3" inside a table is kept); gazette header lines are
    removed wherever they are. A text with no form feed is one page: text
    copied from a PDF keeps its page numbers mid-text, and a lone number is
    taken for one where the lone numbers count pages (:func:`_counting_pages`).
    """
    if isinstance(pages, str):
        paged = PAGE_BREAK in pages
        pages = pages.split(PAGE_BREAK)
    else:
        paged = True
        pages = list(pages)
    source = PAGE_BREAK.join(pages)
    spans: list[tuple[int, int, str]] = list(extra)
    page_starts: list[int] = []
    base = 0
    for i, page in enumerate(pages):
        page_starts.append(base)
        base += len(page)
        if i < len(pages) - 1:
            spans.append((base, base + 1, "page-break"))
            base += 1

    # Whole-text regex scans (C speed: a 30 MB text file has no page breaks).
    for page_start, page in zip(page_starts, pages, strict=True):
        for start, end in _GAZETTE_HEADERS.spans(page):
            spans.append((page_start + start, page_start + _line_end(page, end),
                          "gazette-header"))
        if not paged:
            for start, end in _counting_pages(page, _PAGE_NUMBERS.spans(page)):
                spans.append((page_start + start, page_start + _line_end(page, end),
                              "page-number"))
    if paged:
        edges = [_edge_lines(page, page_start)
                 for page_start, page in zip(page_starts, pages, strict=True)]
        # Lines repeated (digits blurred) at the edge of at least half the pages.
        repeated: set[str] = set()
        if len(pages) >= 3:
            seen: Counter[str] = Counter()
            for lines, _ in edges:
                seen.update({_shape(ln[2]) for ln in lines})
            repeated = {s for s, n in seen.items()
                        if n >= max(3, len(pages) // 2) and len(s) > 1}
        for lines, count in edges:
            numbers = [(s, e) for s, e, c in lines if PAGE_NUMBER.match(c)]
            spans += [(s, e, "page-number") for s, e in numbers]
            running = [(s, e) for s, e, c in lines
                       if repeated and not PAGE_NUMBER.match(c) and _shape(c) in repeated]
            # A page is never emptied by this guess: when every line of it
            # repeats on the other pages, the lines are the text itself (short
            # pages of the same sentences), not a running header.
            if count - len(numbers) - len(running) > 0:
                spans += [(s, e, "running-header") for s, e in running]
    text, omap, removed = delete_spans(source, spans)
    return Cleaned(text, source, omap, removed)
