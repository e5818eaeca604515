"""Parsers: read a document, find its identity and every citation in it.

Public API::

    from parsers import parse_text, parse_file
    record = parse_text(text)          # -> ParsedDocument
"""

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsers import native as _native

_native.select()  # before any compiled module is imported: see parsers/native.py

from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation  # noqa: E402

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
        from parsers import parse  # noqa: F401  (its patterns compile here)

        return _parse_text if name == "parse_text" else _parse_file
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")


_log = logging.getLogger(__name__)


def _parse_text(text: str, file: str | None = None) -> ParsedDocument:
    """:func:`parsers.parse.parse_text`; where the compiled form meets a value
    its declared types did not foresee (a ``TypeError`` of the compiled
    checks), the sources parse the document (see parsers/native.py)."""
    from parsers import parse

    try:
        return parse.parse_text(text, file)
    except TypeError as err:
        if not isinstance(text, str):
            raise
        return _by_the_sources(err, file or "text").parse_text(text, file)  # type: ignore[no-any-return]


def _parse_file(path: str | Path) -> ParsedDocument:
    """:func:`parsers.parse.parse_file`, with :func:`_parse_text`'s fallback."""
    from parsers import parse

    try:
        return parse.parse_file(path)
    except TypeError as err:
        return _by_the_sources(err, path).parse_file(path)  # type: ignore[no-any-return]


def _by_the_sources(err: TypeError, name: object) -> Any:
    """The ``parse`` module run from the sources, after the compiled one
    refused ``name`` (``err`` raised again when the sources are running)."""
    if not _native.NATIVE:
        raise err
    _log.warning("%s: compiled parser refused the text (%s); parsed by the sources", name, err)
    return _native.pure_module("parse")
