"""Records every reader shares: the result, the error, the limits, and the one
safe way to get a file's bytes (regular files only, never more than a cap)."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from parsers.readers.offsets import OffsetMap, RemovedSpan

__all__ = ["MiB", "ReadError", "ReadLimits", "ReadResult", "DEFAULT_LIMITS", "read_capped",
           "check_regular_file"]

MiB = 1024 * 1024


class ReadError(Exception):
    """A file could not be read; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Caps that keep memory and time bounded on huge or hostile files.

    Files above a cap are refused with a ReadError that names the cap (they
    are not streamed: the parser needs the whole text at once).
    """

    #: Plain text, HTML and Markdown files (a 500-page law is about 2 MB).
    max_text_bytes: int = 32 * MiB
    #: PDF, DOCX and image files (scans are large).
    max_binary_bytes: int = 256 * MiB
    #: Characters of text extracted from one PDF/DOCX.
    max_chars: int = 32 * MiB
    #: Pages read from one PDF.
    max_pages: int = 2000
    #: Pages (or image frames) sent to OCR from one file.
    max_ocr_pages: int = 100
    #: Seconds Tesseract may spend on one page.
    ocr_timeout: float = 180.0
    #: Pixels of one image (decompression-bomb guard).
    max_image_pixels: int = 12_000 * 12_000


DEFAULT_LIMITS = ReadLimits()


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Text ready for the parser plus where it came from.

    ``text`` is NFC and already cleaned of page noise (gazette running headers,
    page numbers). ``source_text`` is the text before that cleaning (None when
    cleaning changed nothing); ``offsets`` maps offsets in ``text`` back to
    ``source_text`` (see :meth:`span_to_source`).
    """

    text: str
    path: str
    kind: str  # "txt", "md", "docx", "pdf", "ocr", "html"
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())
    source_text: str | None = None
    offsets: OffsetMap | None = None
    removed: tuple[RemovedSpan, ...] = ()
    pages: int | None = None

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source_text`` that ``text[start:end]`` came from
        (the same span when nothing was cleaned)."""
        if self.offsets is None:
            return start, end
        return self.offsets.span_to_source(start, end)


def check_regular_file(path: Path) -> os.stat_result:
    """stat ``path`` (following symlinks) and refuse anything but a regular file,
    with the reason in words (symlink loop, broken link, folder, FIFO...)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(path, "symbolic link loop") from exc
        if exc.errno == errno.ENOENT:
            problem = "broken symbolic link" if os.path.islink(path) else "no such file"
            raise ReadError(path, problem) from exc
        raise ReadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(path, "not a regular file (device, FIFO or socket); refused so "
                              "reading cannot hang")
    return st


def read_capped(path: Path, cap: int, *, what: str = "file") -> bytes:
    """All bytes of regular file ``path``, refusing files above ``cap`` bytes.

    Opens non-blocking and re-checks the open file, so a FIFO swapped in after
    the check cannot hang us, and reads at most ``cap + 1`` bytes, so a file
    that grows (or lies about its size) cannot exhaust memory.
    """
    st = check_regular_file(path)
    if st.st_size > cap:
        raise ReadError(path, f"{what} is {st.st_size / MiB:.1f} MiB, above the "
                              f"{cap / MiB:.0f} MiB limit; refused (not read) to keep memory "
                              "bounded — split it or raise ReadLimits")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(path, "not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= cap:
            chunk = os.read(fd, min(4 * MiB, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if size > cap:
        raise ReadError(path, f"{what} is larger than the {cap / MiB:.0f} MiB limit; refused "
                              "to keep memory bounded")
    return b"".join(chunks)
