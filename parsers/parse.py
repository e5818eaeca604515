"""``parse_text``: a document's text → its identity, citations and relations."""

from __future__ import annotations

import bisect
from dataclasses import replace
from pathlib import Path

import regex

from parsers.citations import find_mentions
from parsers.clean import clean_text
from parsers.effect import effective_dates
from parsers.header import parse_header
from parsers.models import Citation, DocumentIdentity, Mention, ParsedDocument
from parsers.normalize import SourceText, split_key
from parsers.relations import relate


class _LineEnds:
    """CRLF and lone CR read as LF, with the map back to the caller's offsets:
    distances in the text the parser reads are then the same whatever line
    ends the file has, so a CRLF file gives exactly the records of its LF twin."""

    def __init__(self, text: str) -> None:
        self.removed: list[int] = []  # LF-text positions where a CR was dropped
        if "\r" not in text:
            self.text = text
            return
        pieces: list[str] = []
        last = 0
        for m in _CR.finditer(text):
            pieces.append(text[last : m.start()])
            if m.group() == "\r\n":
                self.removed.append(m.start() - len(self.removed))
            pieces.append("\n")
            last = m.end()
        pieces.append(text[last:])
        self.text = "".join(pieces)

    def to_original(self, index: int) -> int:
        return index + bisect.bisect_right(self.removed, index) if self.removed else index


_CR = regex.compile(r"\r\n?")


def parse_text(text: str, file: str | None = None) -> ParsedDocument:
    """Parse one document. Never raises on any string; spans index ``text``."""
    ends = _LineEnds(text)
    src = SourceText.of(ends.text)
    clean = clean_text(src.text, src.fold)
    cleaned, folded = clean.text, clean.folded
    header = parse_header(cleaned, folded)
    effective, expires = effective_dates(cleaned, folded, header.identity.date)
    header = replace(header, identity=replace(header.identity, effective=effective,
                                              expires=expires))
    mentions = find_mentions(cleaned, folded, skip=header.number_span)
    mentions, relations = relate(cleaned, folded, mentions)
    own = header.identity
    citations = []
    for m in mentions:
        if _is_self(m, own):
            continue
        start, end = clean.to_source(m.start), clean.to_source(m.end - 1) + 1
        start, end = src.span(start, end)
        start, end = ends.to_original(start), ends.to_original(end - 1) + 1 if end else 0
        citations.append(
            Citation(start=start, end=end, text=text[start:end], type=m.type, key=m.key,
                     date=m.date, issuer=m.issuer, relation=m.relation, partial=m.partial)
        )
    return ParsedDocument(
        document=header.identity,
        citations=tuple(citations),
        relations=tuple(r for r in relations if own.key not in (r.from_key, r.to_key)),
        file=file,
    )


def _is_self(mention: Mention, own: DocumentIdentity) -> bool:
    """The document naming itself anywhere in its text (the portal's title
    line, "Quyết định số 435/QĐ-UBND" in an appendix, "… này"): its own key,
    unless another date printed with it says it is last year's document of
    that number ("thay thế Chỉ thị số 09/CT-UBND ngày 05/3/2025"). A key with
    its year in it names one document whatever date is printed."""
    if own.key is None or mention.key != own.key:
        return False
    if mention.date is None or split_key(mention.key)[1] is not None:
        return True
    return own.date is None or mention.date[:4] == own.date[:4]


def parse_file(path: str | Path) -> ParsedDocument:
    """Read ``path`` with :func:`parsers.readers.read_document` and parse it."""
    from parsers.readers import read_document

    doc = read_document(path)
    return parse_text(doc.text, file=str(path))
