"""The parser's patterns, run by the standard ``re`` engine where it gives
exactly the matches of the ``regex`` module they are written for.

A call of ``re`` costs about a third of one of ``regex`` (0.3 µs against 1 µs
for a short ``match``), and the parser makes some twenty pattern calls per
reference: small patterns called per reference, per clause and per word run
faster under ``re``. The two engines read a pattern's syntax alike (``regex``
in its default version 0 is built to match ``re``), except for what they take
from Unicode: ``\\s`` and ``\\d`` are Unicode properties in ``regex`` (from
its own, newer tables) and Python's ``str`` predicates in ``re`` (``re``'s
``\\s`` also takes U+001C–U+001F). :func:`compile` spells those escapes
so that ``re`` matches exactly the code points the ``regex`` module does
(``\\s`` becomes ``[^\\S\\x1c-\\x1f]``; the two engines' sets are compared
over every code point once, at import), then compiles with ``re``; a pattern
holding anything else the two may read apart (other class escapes, word
boundaries, POSIX classes, fuzzy or inline flags, a reverse search) stays a
``regex`` pattern, as does one ``re`` refuses (a lookbehind of varying
width). Tests hold every rewritten pattern equal to its ``regex`` twin on
generated text (``tests/test_parser_engine.py``).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import regex

__all__ = ["REWRITTEN", "compile", "rewrite"]

#: (source, ``re`` pattern) of each pattern rewritten, for tests.
REWRITTEN: list[tuple[str, re.Pattern[str]]] = []

_CLASS_ESCAPES = "sd"  # rewritten: \s \d \S \D
_PLAIN_ESCAPES = frozenset("ntrfvaux")  # the same in both: \n \t … \uXXXX \xXX


@cache
def _every_code_point() -> tuple[np.ndarray, str]:
    cps = np.concatenate([np.arange(0xD800, dtype=np.uint32),
                          np.arange(0xE000, 0x110000, dtype=np.uint32)])
    return cps, cps.tobytes().decode("utf-32-le")


def _ranges(cps: list[int]) -> str:
    """The body of a set holding exactly ``cps`` (ascending)."""
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(_escaped(a) if a == b else f"{_escaped(a)}-{_escaped(b)}" for a, b in ranges)


def _escaped(cp: int) -> str:
    return re.escape(chr(cp)) if 0x20 < cp < 0x7F else f"\\U{cp:08x}"


@cache
def _spellings(letter: str) -> dict[str, str | None]:
    """How ``re`` spells what ``regex`` reads as ``\\<letter>`` (s or d) and
    its negation, outside and inside a set (None: it cannot, inside a set).
    With R the code points ``regex`` matches and P those ``re`` matches: A =
    P - R, B = R - P (for \\s, A is U+001C–U+001F and B is empty)."""
    cps, every = _every_code_point()
    theirs = {int(cps[m.start()]) for m in regex.finditer("\\" + letter, every)}
    ours = {int(cps[m.start()]) for m in re.finditer("\\" + letter, every)}
    only_re, only_regex = _ranges(sorted(ours - theirs)), _ranges(sorted(theirs - ours))
    exact = _ranges(sorted(theirs))
    e, neg = "\\" + letter, "\\" + letter.upper()
    if not only_re:
        return {"out": f"[{e}{only_regex}]" if only_regex else e,
                "out_neg": f"[^{e}{only_regex}]" if only_regex else neg,
                "in": e + only_regex, "in_neg": None if only_regex else neg}
    if not only_regex:
        return {"out": f"[^{neg}{only_re}]", "out_neg": f"[{neg}{only_re}]",
                "in": exact, "in_neg": neg + only_re}
    return {"out": f"[{exact}]", "out_neg": f"[^{exact}]", "in": exact, "in_neg": None}


def rewrite(source: str) -> str | None:
    """``source`` with its ``\\s``/``\\d`` escapes spelled out as ``regex``
    reads them, or None where it holds something the engines may read apart."""
    out: list[str] = []
    in_set = False
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 >= n:
                return None
            nxt = source[i + 1]
            if nxt.lower() in _CLASS_ESCAPES:
                spelled = _spellings(nxt.lower())[("in" if in_set else "out")
                                                  + ("" if nxt.islower() else "_neg")]
                if spelled is None:
                    return None
                out.append(spelled)
                i += 2
                continue
            if nxt.isalnum() and nxt not in _PLAIN_ESCAPES:
                return None  # \w \b \p{…} \G, back references, …
            out.append(source[i : i + 2])
            i += 2
            continue
        if in_set:
            if ch == "[" and source.startswith(("[:", "[=", "[."), i):
                return None  # a POSIX class
            if ch == "]":
                in_set = False
        elif ch == "[":
            in_set = True
            out.append(ch)
            i += 1
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            if i < n and source[i] == "]":  # a "]" first in a set is itself
                out.append("]")
                i += 1
            continue
        elif ch == "(" and source.startswith("(?", i) and i + 2 < n \
                and source[i + 2] not in ":=!<>P#":
            return None  # inline flags, branch reset, recursion
        elif ch == "{" and i + 1 < n and not (source[i + 1].isdigit() or source[i + 1] == ","):
            return None  # fuzzy matching ({e<=1}) or a brace ``re`` reads as text
        out.append(ch)
        i += 1
    return "".join(out)


def compile(source: str, flags: int = 0) -> re.Pattern[str] | regex.Pattern[str]:  # noqa: A001
    """The pattern ``regex.compile(source, flags)`` as ``re`` runs it, where
    that is exactly the same; else the ``regex`` pattern."""
    rewritten = rewrite(source) if flags == 0 else None
    if rewritten is not None:
        try:
            fast = re.compile(rewritten)
        except re.error:
            pass  # e.g. a lookbehind of varying width
        else:
            REWRITTEN.append((source, fast))
            return fast
    return regex.compile(source, flags)
