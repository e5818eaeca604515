"""Offset map between cleaned text and the source text it was cut from.

Readers remove noise (running page headers of the gazette, page numbers,
Markdown markup) before the parser sees the text. The parser's offsets then
index the cleaned text; :class:`OffsetMap` turns them back into offsets of the
source text, so a citation span always points into what the user gave.

Cleaning here only ever *deletes* source spans, so every cleaned character is a
copy of exactly one source character and the map is a list of kept segments.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["OffsetMap", "RemovedSpan", "delete_spans"]


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A span of the source text that cleaning removed, and why."""

    start: int
    end: int
    reason: str  # "gazette-header", "page-number", "running-header", "markup", ...


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Kept segments: cleaned ``[clean_starts[k], clean_starts[k] + lengths[k])``
    is a copy of source ``[source_starts[k], source_starts[k] + lengths[k])``."""

    clean_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    lengths: tuple[int, ...]
    clean_length: int
    source_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left unchanged."""
        return cls((0,), (0,), (length,), length, length)

    def to_source(self, offset: int) -> int:
        """Source offset of the cleaned character at ``offset``.

        ``offset == clean_length`` maps to ``source_length`` so that exclusive
        end offsets work too (use :meth:`span_to_source` for spans).
        """
        if offset < 0 or offset > self.clean_length:
            raise IndexError(f"offset {offset} outside cleaned text of {self.clean_length}")
        if offset == self.clean_length:
            return self.source_length
        k = bisect_right(self.clean_starts, offset) - 1
        return self.source_starts[k] + (offset - self.clean_starts[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering the cleaned span ``[start, end)``.

        The end maps through the last included character, so a span that ends
        right before removed noise does not swallow it; a span that crosses
        removed noise (a reference broken by a page header) covers it.
        """
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


def delete_spans(
    source: str, spans: Iterable[tuple[int, int, str]]
) -> tuple[str, OffsetMap, tuple[RemovedSpan, ...]]:
    """Delete ``(start, end, reason)`` spans (may overlap) from ``source``.

    Returns the cleaned text, the map back to ``source`` and the removed spans
    in source order (overlapping ones merged, keeping the first one's reason).
    """
    merged: list[list[int | str]] = []
    for start, end, reason in sorted(spans):
        start, end = max(0, start), min(len(source), end)
        if end <= start:
            continue
        if merged and start < int(merged[-1][1]):  # overlap; touching spans stay apart
            merged[-1][1] = max(int(merged[-1][1]), end)
        else:
            merged.append([start, end, reason])
    pieces: list[str] = []
    clean_starts: list[int] = []
    source_starts: list[int] = []
    lengths: list[int] = []
    pos = 0
    clean_pos = 0
    for span in merged:
        cut, past = int(span[0]), int(span[1])
        if cut > pos:
            clean_starts.append(clean_pos)
            source_starts.append(pos)
            lengths.append(cut - pos)
            pieces.append(source[pos:cut])
            clean_pos += cut - pos
        pos = past
    if pos < len(source) or not clean_starts:
        clean_starts.append(clean_pos)
        source_starts.append(pos)
        lengths.append(len(source) - pos)
        pieces.append(source[pos:])
        clean_pos += len(source) - pos
    omap = OffsetMap(tuple(clean_starts), tuple(source_starts), tuple(lengths), clean_pos,
                     len(source))
    removed = tuple(RemovedSpan(int(s), int(e), str(r)) for s, e, r in merged)
    return "".join(pieces), omap, removed
