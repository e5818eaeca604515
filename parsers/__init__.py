"""Parsers: read a document, find its identity and every citation in it.

Public API::

    from parsers import parse_text, parse_file
    record = parse_text(text)          # -> ParsedDocument
"""

from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation
from parsers.parse import parse_file, parse_text

#: Changes when the parser reads texts differently (new rules, fixes): a store
#: whose records came from another version has its stored texts parsed again
#: by the next ingest (``graph.store.Store.reparse_if_stale``).
PARSER_VERSION = "2026.11.30"

__all__ = [
    "PARSER_VERSION",
    "Citation",
    "DocumentIdentity",
    "ParsedDocument",
    "Relation",
    "parse_file",
    "parse_text",
]
