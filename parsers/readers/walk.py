"""Walk the files and folders given to ``legalgraph ingest``, safely.

Folders are walked recursively in sorted order. Symbolic links are followed,
but a folder already being walked (a link back to a parent: a loop) or already
walked is not entered twice, and each file is yielded once however many links
reach it. Problems with one entry — a link loop, a broken link, a folder that
cannot be listed — are *yielded* as :class:`ReadError` values, never raised, so
the rest of the batch goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from parsers.readers.base import ReadError

__all__ = ["SUPPORTED_SUFFIXES", "iter_document_paths"]

#: File name endings a folder walk yields: those :func:`~parsers.readers.read_document`
#: reads, and the document formats it refuses with a reason (.doc, .rtf), so that
#: legal staff learn about them instead of the files being skipped silently.
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf",
     ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp",
     ".doc", ".rtf"}  # read_document refuses these two with a message saying why
)


def _stat_problem(path: Path, exc: OSError) -> ReadError:
    """A ReadError for a failed stat, in words."""
    if exc.errno == errno.ELOOP:
        return ReadError(path, "symbolic link loop")
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return ReadError(path, "broken symbolic link")
        return ReadError(path, "no such file or folder")
    return ReadError(path, f"cannot access ({exc.strerror or exc})")


def iter_document_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    suffixes: Iterable[str] = SUPPORTED_SUFFIXES,
) -> Iterator[Path | ReadError]:
    """Yield each document file under ``paths``, or a ReadError per bad entry.

    A path given explicitly is always yielded if it is a regular file (whatever
    its suffix: :func:`read_document` then says what is wrong with it). Inside
    folders only files whose suffix (case-insensitive) is in ``suffixes`` are
    yielded; hidden entries (".name") and other files are skipped silently.
    """
    wanted = {s.lower() for s in suffixes}
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    ancestors: set[tuple[int, int]] = set()

    def visit_file(path: Path, st: os.stat_result) -> Iterator[Path | ReadError]:
        key = (st.st_dev, st.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            yield path

    def visit_dir(folder: Path, st: os.stat_result) -> Iterator[Path | ReadError]:
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield ReadError(folder, "symbolic link loop (links back to a folder being "
                                    "read); skipped")
            return
        if key in seen_dirs:  # a second link to a folder already read
            return
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ReadError(folder, f"cannot list folder ({exc.strerror or exc})")
            return
        ancestors.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                est = os.stat(path)
            except OSError as exc:
                yield _stat_problem(path, exc)
                continue
            if stat.S_ISDIR(est.st_mode):
                yield from visit_dir(path, est)
            elif path.suffix.lower() in wanted:
                if stat.S_ISREG(est.st_mode):
                    yield from visit_file(path, est)
                else:
                    yield ReadError(path, "not a regular file (device, FIFO or socket); "
                                          "skipped")
        ancestors.discard(key)

    for given in paths:
        path = Path(given)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield _stat_problem(path, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from visit_dir(path, st)
        elif stat.S_ISREG(st.st_mode):
            yield from visit_file(path, st)
        else:
            yield ReadError(path, "not a regular file (device, FIFO or socket); skipped")
