"""``parse_text``: a document's text → its identity, citations and relations."""

from __future__ import annotations

from pathlib import Path

import regex

from parsers.citations import Mention, find_mentions
from parsers.clean import clean_text
from parsers.header import parse_header
from parsers.models import Citation, DocumentIdentity, ParsedDocument
from parsers.normalize import SourceText, fold
from parsers.patterns import match_near

#: "… này" after a reference: "this" document.
_THIS = regex.compile(r"[\s,]*nay(?![a-z])")


def parse_text(text: str, file: str | None = None) -> ParsedDocument:
    """Parse one document. Never raises on any string; spans index ``text``."""
    src = SourceText.of(text)
    cleaned = clean_text(src.text)
    folded = fold(cleaned)
    header = parse_header(cleaned, folded)
    mentions, relations = find_mentions(cleaned, folded, skip=header.number_span)
    own = header.identity
    citations = []
    for m in mentions:
        if _is_self(m, own, folded):
            continue
        start, end = src.span(m.start, m.end)
        citations.append(
            Citation(start=start, end=end, text=text[start:end], type=m.type, key=m.key,
                     date=m.date, issuer=m.issuer, relation=m.relation)
        )
    return ParsedDocument(
        document=header.identity,
        citations=tuple(citations),
        relations=tuple(r for r in relations if own.key not in (r.from_key, r.to_key)),
        file=file,
    )


def _is_self(mention: Mention, own: DocumentIdentity, folded: str) -> bool:
    """The document naming itself: its own key with its own date, or "… này"
    ("Thông báo số 72/TB-UBND này"). The same key with another date, or with
    none, may be last year's document of that number ("thay thế Chỉ thị số
    09/CT-UBND ngày 05/3/2025"); the graph decides those by resolved identity."""
    if mention.key != own.key:
        return False
    if mention.date is not None:
        return mention.date == own.date
    return bool(match_near(_THIS, folded, mention.end))


def parse_file(path: str | Path) -> ParsedDocument:
    """Read ``path`` with :func:`parsers.readers.read_document` and parse it."""
    from parsers.readers import read_document

    doc = read_document(path)
    return parse_text(doc.text, file=str(path))
