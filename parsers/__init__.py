"""Parsers: read a document, find its identity and every citation in it.

Public API::

    from parsers import parse_text, parse_file
    record = parse_text(text)          # -> ParsedDocument
"""

from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation
from parsers.parse import parse_file, parse_text

__all__ = [
    "Citation",
    "DocumentIdentity",
    "ParsedDocument",
    "Relation",
    "parse_file",
    "parse_text",
]
