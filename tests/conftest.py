"""Shared fixtures. ``corpus``: a graph store in tmp_path filled with
hand-built parser records, so graph tests do not depend on the regexes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest


class Corpus:
    """A store plus a one-call way to add a document as parser records."""

    def __init__(self, db_dir: Path) -> None:
        from graph.store import Store

        self.dir = db_dir
        self.store = Store(db_dir)

    def add(self, name: str, key: str | None = None, *, type: str | None = None,
            date: str | None = None, issuer: str | None = None, place: str | None = None,
            subject: str | None = None,
            cites: Sequence[tuple] = (), relations: Sequence[tuple] = ()) -> None:
        """Store file ``name``; ``cites`` rows are (key, date, issuer, relation
        [, type]), ``relations`` rows (from_key, to_key, relation)."""
        from parsers.models import Citation, DocumentIdentity, ParsedDocument, Relation

        citations, text = [], f"{key or name}\n"
        for row in cites:
            k, d, i, rel = row[:4]
            mention = f"văn bản số {k}"
            citations.append(Citation(start=len(text), end=len(text) + len(mention),
                                      text=mention, type=row[4] if len(row) > 4 else None,
                                      key=k, date=d, issuer=i, relation=rel))
            text += mention + "\n"
        record = ParsedDocument(
            DocumentIdentity(type=type, key=key, date=date, issuer=issuer, place=place,
                             subject=subject),
            tuple(citations), tuple(Relation(*r) for r in relations), file=name)
        sha = hashlib.sha256(repr((name, record)).encode()).hexdigest()
        with self.store.transaction():
            self.store.put_file(name, sha, text, record)

    def backend(self):
        from graph.embedded import EmbeddedBackend

        return EmbeddedBackend(self.dir, cache=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    c = Corpus(tmp_path / "store")
    yield c
    c.store.close()
