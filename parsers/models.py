"""Records the parser produces: the document's own identity, its citations, and
relations stated between two cited documents.

All are frozen dataclasses (hashable, no accidental mutation). ``to_dict``
gives exactly the JSON contract of ``legalgraph parse``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

#: Relations a citing document can have to a cited one, strongest first.
RELATIONS: tuple[str, ...] = (
    "based_on",
    "implements",
    "amends",
    "replaces",
    "repeals",
    "guides",
    "cites",
)


@dataclass(frozen=True, slots=True)
class DocumentIdentity:
    """Who the document is: read from its header block (số, place/date, title)."""

    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    key: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    effective: str | None = None  # ISO date its own effective-date clause gives
    expires: str | None = None  # ISO end date, where the text sets one

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Citation:
    """One mention of another numbered document.

    ``start``/``end`` index the text the caller gave (not a cleaned copy), so
    ``text == source[start:end]`` always holds.
    """

    start: int
    end: int
    text: str
    type: str | None
    key: str
    date: str | None = None
    issuer: str | None = None
    relation: str = "cites"
    #: a repeal, replacement or amendment of parts only ("bãi bỏ khoản 2 Điều 3 của …")
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation one cited document has to another, stated in one sentence
    ("Kế hoạch số 197/KH-UBND ... triển khai thực hiện Nghị quyết số 138/NQ-CP")."""

    from_key: str
    to_key: str
    relation: str

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.from_key, "to": self.to_key, "relation": self.relation}


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything ``parse_text`` finds in one document."""

    document: DocumentIdentity
    citations: tuple[Citation, ...] = ()
    relations: tuple[Relation, ...] = ()
    file: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "document": self.document.to_dict(),
            "citations": [c.to_dict() for c in self.citations],
            "relations": [r.to_dict() for r in self.relations],
        }


class Mention(NamedTuple):
    """A reference as the parser finds it, offsets into the cleaned NFC text
    (``parse_text`` maps them to the caller's string). A named tuple: built
    twice per reference, and a frozen dataclass took four times as long."""

    start: int  # the type word, or the number when none is printed
    end: int  # after the date and issuer read with it
    key: str
    type: str | None
    date: str | None
    issuer: str | None
    relation: str = "cites"
    in_list: bool = False  # joined to the previous mention by list glue
    anchor: int = -1  # where the number itself starts
    partial: bool = False  # see Citation.partial
