"""Parsers: read a document, find its identity and every citation in it.

Public API::

    from parsers import parse_text, parse_file
    record = parse_text(text)          # -> ParsedDocument
"""

from typing import TYPE_CHECKING, Any

from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation

if TYPE_CHECKING:
    from parsers.parse import parse_file, parse_text

#: Changes when the parser reads texts differently (new rules, fixes): a store
#: whose records came from another version has its stored texts parsed again
#: by the next ingest (``graph.store.Store.reparse_if_stale``).
PARSER_VERSION = "2026.12.02.62"

__all__ = [
    "PARSER_VERSION",
    "Citation",
    "DocumentIdentity",
    "ParsedDocument",
    "Relation",
    "parse_file",
    "parse_text",
]


def __getattr__(name: str) -> Any:
    """``parse_text`` and ``parse_file`` are imported when first asked: the
    patterns take a third of a second to compile, and readers of a store (the
    app, ``legalgraph show``) that only need the record classes never pay it."""
    if name in ("parse_file", "parse_text"):
        from parsers import parse

        return getattr(parse, name)
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")
