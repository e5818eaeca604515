"""Store a hand-written text with the parser records it would give, spans
pointing into the text, so graph tests see real wording (names, headers)
without depending on the parser's regexes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from graph.store import Store


def put(store: Store, name: str, text: str, *, key: str | None = None,
        type: str | None = None, date: str | None = None, issuer: str | None = None,
        place: str | None = None, subject: str | None = None,
        cites: Sequence[tuple] = (), relations: Sequence[tuple] = ()) -> None:
    """Store file ``name`` with ``text``. ``cites`` rows are (mention as written
    in the text, key, date, issuer, relation, type); mentions are looked up in
    order, each after the previous one. ``relations``: (from, to, relation)."""
    from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation

    citations, pos = [], 0
    for mention, k, d, i, rel, t in cites:
        start = text.index(mention, pos)
        citations.append(Citation(start, start + len(mention), mention, t, k, d, i, rel))
        pos = start + 1
    record = ParsedDocument(
        DocumentIdentity(type=type, key=key, date=date, place=place, issuer=issuer,
                         subject=subject),
        tuple(citations), tuple(Relation(*r) for r in relations), file=name)
    sha = hashlib.sha256((name + text + repr(record)).encode()).hexdigest()
    with store.transaction():
        store.put_file(name, sha, text, record)
