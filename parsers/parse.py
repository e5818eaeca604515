"""``parse_text``: a document's text → its identity, citations and relations."""

from __future__ import annotations

from pathlib import Path

from parsers.citations import find_mentions
from parsers.header import parse_header
from parsers.models import Citation, ParsedDocument
from parsers.normalize import SourceText, fold


def parse_text(text: str, file: str | None = None) -> ParsedDocument:
    """Parse one document. Never raises on any string; spans index ``text``."""
    src = SourceText.of(text)
    folded = fold(src.text)
    header = parse_header(src.text, folded)
    mentions, relations = find_mentions(src.text, folded, skip=header.number_span)
    own = header.identity.key
    citations = []
    for m in mentions:
        if m.key == own:  # a document does not cite itself
            continue
        start, end = src.span(m.start, m.end)
        citations.append(
            Citation(start=start, end=end, text=text[start:end], type=m.type, key=m.key,
                     date=m.date, issuer=m.issuer, relation=m.relation)
        )
    return ParsedDocument(
        document=header.identity,
        citations=tuple(citations),
        relations=tuple(r for r in relations if own not in (r.from_key, r.to_key)),
        file=file,
    )


def parse_file(path: str | Path) -> ParsedDocument:
    """Read ``path`` with :func:`parsers.readers.read_document` and parse it."""
    from parsers.readers import read_document

    doc = read_document(path)
    return parse_text(doc.text, file=str(path))
