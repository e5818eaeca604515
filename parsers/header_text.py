"""What the words of a header line are: capitals, the national motto or the
Party heading, a rule, the addressee ("Kính gửi"). Shared by the header
reader (:mod:`parsers.header`) and the subject reader (:mod:`parsers.subject`)."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from parsers.vocabulary import MOTTO_MARKS, MOTTOS

_RULE = regex.compile(r"^[\W_]*$")
_WORDS = regex.compile(r"[a-z0-9]+")
_ADDRESSEE = r"k\w{1,2}nh\s+g\w{1,2}i\b"  # "Kính gửi", folded
_KINH_GUI = regex.compile(rf"^\s*{_ADDRESSEE}")  # a cell that opens with it
_MOTTO_WORDS = frozenset(w for motto in MOTTOS for w in motto)
#: A motto mark as a word of its own: a run of [a-z0-9] that is one of them.
_MOTTO_MARK = re.compile(
    "(?<![a-z0-9])(?:" + "|".join(map(re.escape, sorted(MOTTO_MARKS))) + ")(?![a-z0-9])")


@lru_cache(maxsize=8192)
def _is_upper(raw: str) -> bool:
    """Mostly capitals (OCR leaves a few lowercase letters in a title)."""
    if sum(map(str.islower, raw[:40])) * 5 > len(raw):
        # prose: its first words already hold more lowercase letters than a
        # fifth of all its characters (so of its letters)
        return False
    letters = sum(map(str.isalpha, raw))
    if letters < 2:
        return False
    if raw.isupper():
        return True
    return sum(map(str.islower, raw)) <= 0.2 * letters


@lru_cache(maxsize=8192)
def _is_motto(folded: str) -> bool:
    """A piece of the national motto or the Party heading, even cut or misspelt."""
    if not _MOTTO_MARK.search(folded):
        return False  # no word is a mark (most cells: 0.5 µs, not 5)
    words = _WORDS.findall(folded)
    return sum(w in _MOTTO_WORDS for w in words) >= 0.6 * len(words)
