"""The header block cut into cells, whatever layout the file flattened it into.

A Vietnamese document's header is a two-column table: the issuing body over
"Số: …" on the left, the national motto over "Place, ngày …" on the right,
then the title and the subject. Real files flatten it in several ways:

- table rows as "|" cells (``antiword`` output of .doc files);
- the two columns side by side, separated by a run of spaces;
- the left column's lines, then the right column's, one per line (.docx);
- both columns' pieces interleaved line by line ("ỦY BAN NHÂN" / "CỘNG HÒA
  XÃ" / "DÂN" / "HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH HÀ TĨNH");
- everything run together on one or two lines (a legal portal's crawl:
  "BỘ TÀI CHÍNH ------- CỘNG HÒA … Hạnh phúc ---------- Số: 31/2022/TT-BTC
  Hà Nội, ngày 08 tháng 6 năm 2022 THÔNG TƯ BAN HÀNH …").

:func:`header_cells` cuts the header region into cells at table bars, column
gaps and separator rules, and inside run-together lines before the motto,
the "Số:" field, the place-and-date and after a date's year or a number.
Each cell keeps its offsets, its line and its column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from parsers import engine
from parsers.patterns import HEADER_FIELD, NUMBER_SYMBOL
from parsers.vocabulary import DOC_TYPES

__all__ = ["Cell", "header_cells"]


class Cell(NamedTuple):
    """One piece of the header: ``text`` is ``source[start:end]`` (stripped).
    A named tuple: a header has a few dozen and a frozen dataclass took four
    times as long to build."""

    start: int
    end: int
    text: str
    folded: str
    line: int  # index of the line it stands on
    col: int  # 0 for the first cell of its line


#: Where a line splits into columns: a table bar, a run of 3+ spaces, tabs,
#: and separator rules ("-------", "*****", "___").
#: (Each alternative opens with a literal, so that ``re`` skips to where one
#: can start: "[ \u00a0]{3,}" is written " [ \u00a0]{2,}|\u00a0[ \u00a0]{2,}"; the
#: last is a lone "*" between white space, told by its length: see
#: :func:`_lone_star`.)
_RULE_CHARS = "-–—_=~"
_COLUMN_BREAK = engine.compile(
    r"\||" + "|".join(f"{re.escape(c)}[ \u00a0]{{2,}}" for c in " \u00a0") + r"|\t+|"
    + "|".join(f"{re.escape(c)}[{_RULE_CHARS}]{{2,}}" for c in _RULE_CHARS)
    + r"|\*\*+|\*(?<=\s\*)(?=\s|$)")


def _lone_star(m: re.Match[str]) -> bool:
    """The break is a lone "*" between white space (the other breaks are at
    least two characters long, or a "|" or a tab)."""
    return m.end() - m.start() == 1 and m.string[m.start()] == "*"
#: Inside a run-together line, cut before the motto and the Party heading
#: (folded) when some text stands before them on the line (:data:`_AFTER_TEXT`,
#: at the match's start) …
_MOTTO_WORDS = regex.compile(
    r"c[o0]ng\s+h[o0]a\s+x[a@]\s+h\w{1,2}i|d[a@]ng\s+c[o0]ng\s+s[a@]n"
    r"|t[uwy]\s+d[o0]\s*-\s*h[a@]nh"
)
_AFTER_TEXT = regex.compile(r"(?<=\S\s{0,3})")
#: … after "Hạnh phúc" (folded) when white space follows …
_MOTTO_END = "hanh phuc"
_SPACE = engine.compile(r"\s")
#: … after the year of a place-and-date ("… năm 2022 THÔNG TƯ …"), at the
#: match's end …
_AFTER_YEAR = regex.compile(r"\bn\w{1,2}m\s{1,3}\d{4}(?=\s+\S)")
#: … and before a title in capitals run on after a date or a bracket ("… năm
#: 2006) LUẬT HIẾN, LẤY …"), at the match's end; the caller checks the capitals.
_TITLE_AFTER = engine.compile(
    r"[\d)]\s{1,3}(?=(?:" + "|".join(
        sorted((p for t in DOC_TYPES for p in t.phrases), key=len, reverse=True)) + r")\s)"
)


def _run_together_cuts(line: str, folded: str) -> set[int]:
    """Where the four cuts above fall in one line. Each pattern is searched
    forward from what it must match (a regex starting with lookbehinds is
    tried at every character: 4x slower); no two matches of one pattern can
    overlap, so ``finditer`` misses none."""
    cuts = {m.start() for m in _MOTTO_WORDS.finditer(folded)
            if _AFTER_TEXT.match(folded, m.start())}
    at = folded.find(_MOTTO_END)
    while at >= 0:
        end = at + len(_MOTTO_END)
        if _SPACE.match(folded, end):
            cuts.add(end)
        at = folded.find(_MOTTO_END, at + 1)
    cuts.update(m.end() for m in _AFTER_YEAR.finditer(folded))
    cuts.update(m.end() for m in _TITLE_AFTER.finditer(folded)
                if line[m.end() : m.end() + 4].isupper())
    return cuts


#: What every cut needs in the (folded) line, so that most header lines, a
#: subject's prose, are passed in 1 µs instead of 10: a digit (a year, a
#: number, a title after a date), ")" (a title after a bracket), the motto's
#: or the Party heading's first words, "hanh phuc", or the "s" of a "Số:" field
#: followed by what :data:`HEADER_FIELD` looks ahead for (a digit, ".", "…",
#: "_", "/", "-"). ``re``: twice as fast as ``regex`` for this.
_MAY_CUT = re.compile(
    r"\d|\)|c[o0]ng|d[a@]ng|t[uwy]\s+d|hanh phuc|s[o06dea5]?\s*(?:hieu\s*)?[:.]?[\s|]*[.…_/\-]")


@lru_cache(maxsize=8192)
def _cuts(line: str, folded: str) -> tuple[int, ...]:
    """Offsets (within the line) where a run-together line splits (cached:
    the motto, "Số:", an office's own name repeat across its documents)."""
    return _all_cuts(line, folded) if _MAY_CUT.search(folded) else ()


def _all_cuts(line: str, folded: str) -> tuple[int, ...]:
    cuts = _run_together_cuts(line, folded)
    for m in HEADER_FIELD.finditer(folded):
        if m.start() > 0 and line[m.start()].isupper():
            cuts.add(m.start())
        # after the number (or a draft's blank) that the field holds
        tok = NUMBER_SYMBOL.search(line, m.end(), min(len(line), m.end() + 30))
        if tok and not line[m.end() : tok.start()].strip(" \t.…_/"):
            cuts.add(tok.end())
    # a number standing alone at the start ("Số:" on the line above)
    tok = NUMBER_SYMBOL.match(line, len(line) - len(line.lstrip(" \t")))
    if tok:
        cuts.add(tok.end())
    return tuple(sorted(c for c in cuts if 0 < c < len(line)))


#: What a cell's text is stripped of: white space, a table's borders, marks
#: of emphasis, and a scan's stray apostrophe at an edge ("' Luật số: …").
_CELL_MARKS = " \t\u00a0*_#>|'"


def header_cells(text: str, folded: str, end: int) -> list[Cell]:
    """Cells of ``text[:end]`` in reading order."""
    cells: list[Cell] = []
    region = text[:end]
    # the breaks of every line in one pass (none spans a line; a lone "*"
    # opening a line has no white space before it within its line)
    breaks = [(m.start(), m.end()) for m in _COLUMN_BREAK.finditer(region)
              if not _lone_star(m) or (m.start() > 0 and region[m.start() - 1] != "\n")]
    k = 0
    pos = 0
    for index, (raw, low) in enumerate(zip(region.split("\n"), folded[:end].split("\n"),
                                           strict=True)):
        col = 0
        pieces: list[tuple[int, int]] = []
        last = 0
        line_end = pos + len(raw)
        while k < len(breaks) and breaks[k][0] < line_end:
            pieces.append((last, breaks[k][0] - pos))
            last = breaks[k][1] - pos
            k += 1
        pieces.append((last, len(raw)))
        for a, b in pieces:
            bounds = [a, *(a + c for c in _cuts(raw[a:b], low[a:b])), b]
            for s, e in zip(bounds, bounds[1:], strict=False):
                piece = raw[s:e]
                stripped = piece.strip(_CELL_MARKS)
                if not stripped:
                    continue
                lead = len(piece) - len(piece.lstrip(_CELL_MARKS))
                start = pos + s + lead
                cells.append(Cell(start, start + len(stripped), stripped,
                                  folded[start : start + len(stripped)], index, col))
                col += 1
        pos += len(raw) + 1
    return cells
