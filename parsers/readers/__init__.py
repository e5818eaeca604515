"""Readers: turn a file on disk into the text the parser expects.

One entry point, :func:`read_document`, which dispatches on what the file *is*
(its first bytes), falling back to its suffix; each input kind has its own
module here:

========================  ==========================================  ============
input                     module                                      ``kind``
========================  ==========================================  ============
.txt (UTF-8/16/32,        :mod:`~parsers.readers.txt`,                ``txt``
Windows-1258, TCVN3,      :mod:`~parsers.readers.legacy_encodings`
VNI)
.md                       :mod:`~parsers.readers.markdown`            ``md``
.html / .htm              :mod:`~parsers.readers.html`                ``html``
.docx                     :mod:`~parsers.readers.docx`                ``docx``
.pdf with a text layer    :mod:`~parsers.readers.pdf`                 ``pdf``
scanned .pdf, images      :mod:`~parsers.readers.ocr`                 ``ocr``
========================  ==========================================  ============

Gazette running headers and page numbers are removed by
:mod:`~parsers.readers.gazette` with an offset map back to the source text
(:meth:`ReadResult.span_to_source`). Every problem is a :class:`ReadError`
naming the file; :func:`iter_document_paths` walks folders safely.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from parsers.readers.base import (
    DEFAULT_LIMITS,
    ReadError,
    ReadLimits,
    ReadResult,
    check_regular_file,
)
from parsers.readers.offsets import OffsetMap, RemovedSpan
from parsers.readers.walk import SUPPORTED_SUFFIXES, iter_document_paths

__all__ = [
    "DEFAULT_LIMITS",
    "OffsetMap",
    "ReadError",
    "ReadLimits",
    "ReadResult",
    "RemovedSpan",
    "SUPPORTED_SUFFIXES",
    "iter_document_paths",
    "read_document",
    "sniff_kind",
]

_SUFFIX_KINDS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
    ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".png": "image", ".jpg": "image",
    ".jpeg": "image", ".tif": "image", ".tiff": "image", ".bmp": "image", ".gif": "image",
    ".webp": "image",
    # Known but unreadable: listed so a folder walk reports them, not skips them.
    ".doc": "refuse:an old binary Word .doc file, which is not supported; save it as .docx",
    ".rtf": "refuse:an RTF document, which is not supported; save it as .docx",
}
# File signatures -> kind ("refuse:..." kinds are known but unreadable).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"BM", "image-bmp"),
    (b"RIFF", "riff"),
    (b"\x7fELF", "refuse:an executable program, not a document"),
    (b"\x1f\x8b", "refuse:a gzip archive, not a document; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "refuse:a 7-Zip archive, not a document; unpack it first"),
    (b"Rar!", "refuse:a RAR archive, not a document; unpack it first"),
    (b"{\\rtf", "refuse:an RTF document, which is not supported; save it as .docx"),
)


def sniff_kind(head: bytes, suffix: str) -> str:
    """The reader kind for a file starting with ``head`` named ``*suffix``.

    Content wins over the name: a PDF saved as ``.txt`` is read as a PDF (with
    a warning), a program renamed ``.txt`` is refused.
    """
    by_suffix = _SUFFIX_KINDS.get(suffix.lower(), "unknown")
    # PDF headers may follow some junk bytes; the spec allows 1024.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "zip":
                return "docx"  # the docx reader says if the zip is not a Word file
            if kind == "ole":
                return "docx"  # old .doc or encrypted .docx: the docx reader says which
            if kind == "image-bmp":
                return "image" if by_suffix == "image" else by_suffix
            if kind == "riff":
                return "image" if head[8:12] == b"WEBP" else "refuse:a media file, not a document"
            return kind
    return by_suffix


@cache
def _readers() -> dict[str, Callable[[Path, ReadLimits], ReadResult]]:
    """Reader of each kind (imported on first use, then kept: the six imports
    cost 20 µs a file)."""
    from parsers.readers.docx import read_docx
    from parsers.readers.html import read_html
    from parsers.readers.markdown import read_markdown
    from parsers.readers.ocr import read_image
    from parsers.readers.pdf import read_pdf
    from parsers.readers.txt import read_txt

    return {"txt": read_txt, "md": read_markdown, "html": read_html, "docx": read_docx,
            "pdf": read_pdf, "image": read_image}


def read_document(path: str | os.PathLike[str], *,
                  limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read ``path`` into NFC text for the parser.

    Raises :class:`ReadError` (message ``"<path>: <problem>"``) for every
    problem with the file: missing, unreadable, a folder or FIFO, empty, above
    the size caps of ``limits``, binary, undecodable, truncated, encrypted,
    damaged. Any other exception from a reader library is turned into a
    ReadError too, so one bad file cannot stop a batch. Never writes anything.
    """
    p = Path(path)
    st = check_regular_file(p)
    if st.st_size == 0:
        raise ReadError(p, "empty file (0 bytes)")
    try:
        with open(p, "rb", buffering=0, opener=_nonblocking) as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise ReadError(p, f"cannot read file ({exc.strerror or exc})") from exc
    if not head.strip():
        if st.st_size <= len(head):
            raise ReadError(p, "empty file (only white space)")
    kind = sniff_kind(head, p.suffix)
    if kind.startswith("refuse:"):
        raise ReadError(p, f"this is {kind.removeprefix('refuse:')}")
    if kind == "unknown":
        raise ReadError(p, f"unsupported file type {p.suffix or '(no suffix)'!r}; readable: "
                           f"{', '.join(sorted(SUPPORTED_SUFFIXES))}")
    reader = _readers()[kind]
    try:
        result = reader(p, limits)
    except ReadError:
        raise
    except ImportError as exc:
        raise ReadError(p, f"reading {kind} files needs the Python package "
                           f"{exc.name or exc}: pip install 'legalgraph[readers]'") from exc
    except MemoryError as exc:
        raise ReadError(p, "out of memory while reading; refused") from exc
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        raise ReadError(p, f"could not read as {kind} ({type(exc).__name__}: {exc})") from exc
    expected = _SUFFIX_KINDS.get(p.suffix.lower())
    if expected and expected != kind and not (expected == "pdf" and kind == "ocr"):
        result = _with_warning(result, f"named {p.suffix} but the content is {kind}; read as "
                                       f"{kind}")
    return result


def _with_warning(result: ReadResult, warning: str) -> ReadResult:
    from dataclasses import replace

    return replace(result, warnings=(*result.warnings, warning))


def _nonblocking(path: str, flags: int) -> int:
    """``open`` opener that never blocks on a FIFO swapped in after the stat."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
