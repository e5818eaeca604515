"""Readers: turn a file on disk into the text the parser expects.

One entry point, :func:`read_document`. Each input kind gets its own module
here; this package dispatches on the file's suffix.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """A file could not be read; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Text ready for the parser plus where it came from."""

    text: str
    path: str
    kind: str  # "txt", "docx", "pdf", "ocr", "html", ...
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())


def read_document(path: str | Path) -> ReadResult:
    """Read ``path`` into NFC text. Raises :class:`ReadError` on bad input."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ReadError(p, f"cannot read file ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise ReadError(p, "empty file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(p, f"not valid UTF-8 at byte {exc.start}") from exc
    return ReadResult(text=unicodedata.normalize("NFC", text), path=str(p), kind="txt",
                      encoding="utf-8")
