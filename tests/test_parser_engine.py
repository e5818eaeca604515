"""Every pattern :mod:`parsers.engine` runs under ``re`` matches exactly as
its ``regex`` twin: the same spans and groups for ``match``, ``search`` and
``finditer`` at every start and several ends, on text built from the
pattern's own words and the characters the engines read apart (white space
``re`` alone takes, digits of other scripts, marks, letters beyond the BMP)."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import parsers  # noqa: F401  (imports every module that compiles patterns)
from parsers import citations, clauses, effect, engine, header, issuers, relations  # noqa: F401

#: Characters where the engines' Unicode tables differ, and common glue.
_TRICKY = list(" \t\n\x0b\x1c\x1f\x85\xa0\u2000\u2028\u3000\u200b,.;:()[]“”-–/*_¹²3٣２𝟘")
_TRICKY += ["\u0301", "A", "Đ", "đ", "x", "𝐀", "0", "9", "12", "2025"]


def _pieces(source: str) -> list[str]:
    words = sorted(set(regex.findall(r"[a-z]{2,}", source)))[:60]
    return words + _TRICKY


def _outcome(m) -> tuple | None:
    return None if m is None else (m.span(), m.groups(), m.lastgroup)


def _same(rx: regex.Pattern[str], rp: re.Pattern[str], text: str) -> None:
    n = len(text)
    for end in {n, n // 2, max(0, n - 3)}:
        assert [m.span() for m in rx.finditer(text, 0, end)] == \
            [m.span() for m in rp.finditer(text, 0, end)], (text, end)
        for pos in range(end + 1):
            assert _outcome(rx.match(text, pos, end)) == _outcome(rp.match(text, pos, end)), \
                (text, pos, end)
            assert _outcome(rx.search(text, pos, end)) == _outcome(rp.search(text, pos, end)), \
                (text, pos, end)


def test_hot_patterns_are_rewritten() -> None:
    # the point of the module: the per-reference patterns run under re
    rewritten = {source for source, _ in engine.REWRITTEN}
    for pattern in (citations.TYPE_TAIL, citations.LIST_GLUE, issuers.OF,
                    relations._ITEM_GAP, clauses._PASSIVE_BEFORE, relations.TRIGGER_PATTERN):
        assert isinstance(pattern, re.Pattern) and pattern.pattern != "", pattern
    assert len(rewritten) >= 20


@pytest.mark.parametrize("index", range(len(engine.REWRITTEN)),
                         ids=[s[:40] for s, _ in engine.REWRITTEN])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_rewritten_pattern_matches_as_regex(index: int, data: st.DataObject) -> None:
    source, rp = engine.REWRITTEN[index]
    rx = regex.compile(source)
    text = data.draw(st.lists(st.sampled_from(_pieces(source)), max_size=12).map(" ".join))
    _same(rx, rp, text)


@pytest.mark.parametrize(("source", "rewritten"), [
    (r"\s+", True), (r"[\s,]*\d{1,2}", True), (r"\S+", True), (r"[^\s]", True),
    (r"(?<![a-z])ab(?![a-z])", True), (r"(?P<d>\d+)/(?P=d)", True), (r"a{,3}", True),
    (r"\w+", False), (r"\bab", False), (r"\p{Lu}", False), (r"[\S,]", True),
    (r"(?i)ab", False), (r"(?<=ab|c)x", False), (r"a{e<=1}", False), (r"[[:alpha:]]", False),
    (r"(?|a|b)", False), (r"(a)\1", False),
])
def test_what_is_rewritten(source: str, rewritten: bool) -> None:
    before = len(engine.REWRITTEN)
    pattern = engine.compile(source)
    assert isinstance(pattern, re.Pattern) is rewritten
    if rewritten:
        engine.REWRITTEN.pop()
    assert len(engine.REWRITTEN) == before


def test_white_space_and_digits_as_regex_reads_them() -> None:
    # re alone takes U+001C as white space; both take U+3000; \d takes other scripts' digits
    s, d = engine.compile(r"\s"), engine.compile(r"\d")
    engine.REWRITTEN[-2:] = []
    assert s.match("\x1c") is None and s.match("\u3000") and s.match("\x85")
    assert d.match("٣") and d.match("２") and d.match("𝟘") and d.match("²") is None
    assert regex.match(r"\s", "\x1c") is None and re.match(r"\s", "\x1c")


def test_no_reverse_pattern_is_rewritten() -> None:
    assert isinstance(engine.compile(r"ab", regex.REVERSE), regex.Pattern)
