"""The parser's whole-text passes, in compiled code when it was built.

These passes run over every character of every document (the clause
boundaries and trigger phrases over the stretches around references): the
fold (:func:`parsers.normalize.fold_checked`), the search for number/symbol
tokens (:data:`parsers.patterns.NUMBER_SYMBOL`), the test for a number cut
at a line end (:data:`parsers.patterns.DANGLING_HINT`), the clause
boundaries (:data:`parsers.patterns.BOUNDARY`) and the trigger phrases
(:data:`parsers.patterns.TRIGGER_PATTERN`). The extension ``parsers._scan``
(sources in ``parsers/csrc/``), built by ``pip install`` where a C compiler
is (setup.py; optional), does them several times faster than the ``regex``
engine and numpy. Its tables are built here from the parser's own patterns,
so the patterns stay the one place that says what a token is:

- :func:`number_tokens` gives exactly the spans of
  ``NUMBER_SYMBOL.finditer(text)`` (and :func:`spaced_party`
  ``SPACED_PARTY``'s matches): the compiled pass lists every position where a
  token can start (a superset: a run of at most five ASCII digits, not after a
  character the pattern refuses, followed by a separator and something that
  opens a part or a year), reads a plain token's end itself, and the pattern
  is matched at the other positions only; in the same pass it tells whether
  a dash spaced on both sides follows a number (``SPACED_HINT``);
- :func:`cut_after_number` reads back from each line break;
- :func:`triggers` tries ``TRIGGER_PATTERN`` only where a phrase's first
  two words (any OCR spelling of them) stand, apart by white space;
- :func:`boundaries` finds the clause boundaries (``BOUNDARY``) by hand, for
  texts within the BMP (the tables' reach; others run the pattern);
- the fold is one table lookup per code point in either form.

Without the extension (no compiler, or ``LEGALGRAPH_PURE_PYTHON=1``), the
same results come from the pure-Python forms; tests compare the two.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import regex

from parsers.compiled import COMPILED
from parsers.compiled import SCAN as _SCAN
from parsers.patterns import (
    BOUNDARY,
    CUT_SEPARATOR_CHAR,
    CUT_TAIL_CHAR,
    DANGLING_HINT,
    FOOTNOTE_MARK_CHAR,
    GAP_CHAR,
    NUMBER_BLOCKED_BY,
    NUMBER_SYMBOL,
    SEPARATOR_CHAR,
    SPACED_CAPITAL_CHAR,
    SPACED_DASH_CHAR,
    SPACED_HINT,
    SPACED_NUMBER,
    SPACED_PARTY,
    SYMBOL_BODY,
    SYMBOL_CAPITAL,
    SYMBOL_PART_START,
    TRIGGER_OPENINGS,
    TRIGGER_PATTERN,
)
from parsers.vocabulary import INNER_LOWER_PARTS

__all__ = ["COMPILED", "boundaries", "boundaries_python", "covered", "cut_after_number",
           "cut_after_number_python", "number_tokens", "number_tokens_python", "spaced_party",
           "spaced_party_python", "tokens_and_spaced_numbers", "triggers", "triggers_python"]


# Flags per code point of the Basic Multilingual Plane (as in parsers/csrc).
FLAG_BLOCK = 1  # a number cannot follow it
FLAG_GAP = 2  # may stand in a separator's gap
FLAG_SEP = 4  # a dash or a slash
FLAG_START = 8  # may open a symbol part
FLAG_CUT = 16  # a dash or slash that can end a line cutting a number
FLAG_CUT_TAIL = 32  # may follow it before the line break
FLAG_SPACED_DASH = 64  # the dash of "58 - QĐ/TU"
FLAG_SPACED_CAPITAL = 128  # may open the part after it


def _flag_table(classes: tuple[tuple[int, str], ...]) -> bytes:
    """A flag per BMP code point: ``flag`` where the character class ``cls``
    matches it, for each (flag, cls), as the ``regex`` engine matches it (its
    Unicode version decides, as it does for the pattern)."""
    every = "".join(map(chr, range(0x10000)))
    flags = np.zeros(0x10000, dtype=np.uint8)
    for flag, cls in classes:
        flags[[m.start() for m in regex.finditer(cls, every)]] |= flag
    return flags.tobytes()


def number_flags() -> bytes:
    """The number/symbol table, read off the patterns' own character classes."""
    return _flag_table(((FLAG_BLOCK, NUMBER_BLOCKED_BY), (FLAG_GAP, GAP_CHAR),
                        (FLAG_SEP, SEPARATOR_CHAR), (FLAG_START, SYMBOL_PART_START),
                        (FLAG_CUT, CUT_SEPARATOR_CHAR), (FLAG_CUT_TAIL, CUT_TAIL_CHAR),
                        (FLAG_SPACED_DASH, SPACED_DASH_CHAR),
                        (FLAG_SPACED_CAPITAL, SPACED_CAPITAL_CHAR)))


def _matched_at(pattern: regex.Pattern[str], text: str, starts: list[int],
                hi: int) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, ·, hi)`` given, in ascending order, every
    position where one of its matches can start: the pattern is tried only
    there, skipping positions inside the match found before (finditer's
    matches do not overlap)."""
    match = pattern.match
    last = 0
    for start in starts:
        if start < last:
            continue
        m = match(text, start, hi)
        if m:
            last = m.end()
            yield m


def _spaced_party_compiled(text: str) -> Iterator[regex.Match[str]]:
    """``SPACED_PARTY.finditer``, matched only where a token's number can
    start (the places ``number_tokens`` lists)."""
    places = _places(text)[0]
    return _matched_at(SPACED_PARTY, text, places[::2], len(text))


#: The text the compiled token pass read last, and what it found: the tokens
#: and the spaced forms of one text are read off one pass.
_LAST_PLACES: list[Any] = [None, None]


def _places(text: str) -> tuple[list[int], bool]:
    """``_SCAN.number_tokens(text)``, once per text."""
    if _LAST_PLACES[0] is not text:
        _LAST_PLACES[0], _LAST_PLACES[1] = text, _SCAN.number_tokens(text)  # type: ignore[union-attr]
    return _LAST_PLACES[1]  # type: ignore[no-any-return]


# Flags per BMP code point for the plain tokens (as in parsers/csrc/numbers.c).
TOKEN_CAP = 1  # opens a part
TOKEN_BODY = 2  # goes on with a part
TOKEN_END = 4  # may end a token
TOKEN_SEP = 8  # a separator of the plain form
TOKEN_DOT = 16  # goes on with a part when a body character follows
#: What may end a plain token: white space and punctuation, none a letter (the
#: pattern's "(?![\\p{L}])"), none that opens a part's bracket or a gap.
_PLAIN_ENDS = " \t\n\r,;:)]|\"'\u00a0\u201c\u201d\u2018\u2019."
#: The separators a plain token uses.
_PLAIN_SEPARATORS = "/-"


def token_flags() -> bytes:
    """The plain-token table, its classes read off the patterns. The plain
    form is read by hand only where it is sure: the parts that hold a
    lowercase letter (INNER_LOWER_PARTS) must have one right after their
    capitals, where the pass gives up; the ends must be no letters."""
    if regex.search(r"\p{L}", _PLAIN_ENDS.replace(".", "")) or not all(
            regex.fullmatch(SEPARATOR_CHAR, c) for c in _PLAIN_SEPARATORS):
        raise ValueError("plain-token ends must be no letters, its separators separators")
    for part in INNER_LOWER_PARTS:
        rest = part[1:].lstrip("".join(c for c in part if regex.fullmatch(SYMBOL_BODY, c)))
        if not rest or not rest[0].islower():
            raise ValueError(f"an inner lowercase part the plain pass would read: {part}")
    flags = bytearray(_flag_table(((TOKEN_CAP, SYMBOL_CAPITAL), (TOKEN_BODY, SYMBOL_BODY))))
    for c in _PLAIN_ENDS:
        flags[ord(c)] |= TOKEN_END
    for c in _PLAIN_SEPARATORS:
        flags[ord(c)] |= TOKEN_SEP
    flags[ord(".")] |= TOKEN_DOT
    return bytes(flags)


def number_tokens_python(text: str) -> tuple[list[tuple[int, int]], bool]:
    return [m.span() for m in NUMBER_SYMBOL.finditer(text)], SPACED_HINT.search(text) is not None


def tokens_and_spaced_numbers_python(text: str) -> tuple[list[tuple[int, int]], bool, list[int]]:
    found, spaced = number_tokens_python(text)
    starts = [m.start() for m in SPACED_NUMBER.finditer(text)]
    return found, spaced, [s for s in starts if not covered(found, s)]


def covered(spans: Sequence[tuple[Any, ...]], pos: int) -> bool:
    """``pos`` lies inside one of ``spans`` ((start, end, …) sorted by start, not
    overlapping); a bisection, so a text with thousands of tokens stays linear."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and pos < spans[i][1]


def _number_tokens_compiled(text: str, missed: list[int] | None = None
                            ) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of ``NUMBER_SYMBOL.finditer(text)``: each place a token
    can start, with the end the compiled pass read where the token has the
    plain form, else the pattern's match there (non-overlapping, as finditer);
    and whether a spaced dash follows a number, read in the same pass. The
    places where no token starts go to ``missed``, if given."""
    found = []
    last = 0
    match, n = NUMBER_SYMBOL.match, len(text)
    tokens, spaced = _places(text)
    for i in range(0, len(tokens), 2):
        start, end = tokens[i], tokens[i + 1]
        if start < last:
            continue
        if end < 0:
            m = match(text, start, n)
            if m is None:
                if missed is not None:
                    missed.append(start)
                continue
            end = m.end()
        found.append((start, end))
        last = end
    return found, spaced


def _tokens_and_spaced_numbers_compiled(text: str
                                        ) -> tuple[list[tuple[int, int]], bool, list[int]]:
    missed: list[int] = []
    found, spaced = _number_tokens_compiled(text, missed)
    return found, spaced, [s for s in missed if SPACED_NUMBER.match(text, s)]


#: ((start, end) of every number/symbol token, as ``NUMBER_SYMBOL.finditer``;
#: whether a number is followed by a spaced dash, as ``SPACED_HINT.search``).
number_tokens: Callable[[str], tuple[list[tuple[int, int]], bool]] = (
    _number_tokens_compiled if _SCAN is not None else number_tokens_python)
#: :data:`number_tokens`, and where, outside the tokens, a number with a
#: spaced slash after it stands (``SPACED_NUMBER``: "39 / 2008/TT-BTC"), read
#: off the same compiled pass.
tokens_and_spaced_numbers: Callable[[str], tuple[list[tuple[int, int]], bool, list[int]]] = (
    _tokens_and_spaced_numbers_compiled if _SCAN is not None
    else tokens_and_spaced_numbers_python)


def spaced_party_python(text: str) -> Iterator[regex.Match[str]]:
    return SPACED_PARTY.finditer(text)


#: Every "58 - QĐ/TU" of ``text``, as ``SPACED_PARTY.finditer``.
spaced_party: Callable[[str], Iterator[regex.Match[str]]] = (
    _spaced_party_compiled if _SCAN is not None else spaced_party_python)


# Flags per BMP code point for the clause boundaries (as in parsers/csrc).
_BOUNDARY_CLASSES = ((1, r"\s"), (2, r"\p{Lu}"), (4, r"\d"), (8, FOOTNOTE_MARK_CHAR))
#: BOUNDARY's group names, in the order of the compiled pass's codes.
_BOUNDARY_NAMES = ("semi", "stop", "colon", "num", "bullet", "note")


def boundary_flags() -> bytes:
    """The boundary scan's table, read off the classes BOUNDARY uses."""
    return _flag_table(_BOUNDARY_CLASSES)


if _SCAN is not None:
    # (the word pass reads the boundary table's white space: boundaries first)
    _SCAN.configure_numbers(number_flags())
    _SCAN.configure_tokens(token_flags())
    _SCAN.configure_boundaries(boundary_flags(), _BOUNDARY_NAMES)
    _SCAN.configure_words(TRIGGER_OPENINGS)


def boundaries_python(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    return [(m.end(), m.lastgroup) for m in BOUNDARY.finditer(text, lo, hi)]  # type: ignore[misc]


def boundaries(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(end, kind) of every clause boundary in ``text[lo:hi]``: ``(m.end(),
    m.lastgroup)`` of ``BOUNDARY.finditer(text, lo, hi)``."""
    if _SCAN is not None:
        found = _SCAN.boundaries(text, lo, hi)
        if found is not None:
            return found
    return boundaries_python(text, lo, hi)


def triggers_python(folded: str, lo: int, hi: int) -> Iterator[regex.Match[str]]:
    return TRIGGER_PATTERN.finditer(folded, lo, hi)


def _triggers_compiled(folded: str, lo: int, hi: int) -> Iterator[regex.Match[str]]:
    return _matched_at(TRIGGER_PATTERN, folded,
                       _SCAN.word_starts(folded, lo, hi), hi)  # type: ignore[union-attr]


#: Every trigger phrase in ``folded[lo:hi]``, as ``TRIGGER_PATTERN.finditer``:
#: tried only where a phrase's first two words stand.
triggers: Callable[[str, int, int], Iterator[regex.Match[str]]] = (
    _triggers_compiled if _SCAN is not None else triggers_python)


def cut_after_number_python(text: str) -> bool:
    return DANGLING_HINT.search(text) is not None


#: A line of ``text`` ends in a dash or slash right after a number ("Kết luận
#: số 103-"), as ``DANGLING_HINT.search``.
cut_after_number: Callable[[str], bool] = (
    _SCAN.cut_after_number if _SCAN is not None else cut_after_number_python)
