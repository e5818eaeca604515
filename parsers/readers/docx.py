"""Word .docx files through python-docx: paragraphs, tables and footnotes.

Body paragraphs and tables are read in document order; a table cell's
paragraphs each become a line (the header block of Vietnamese documents is a
two-column table: issuer and "Số: 71/TB-VP" on the left, the national motto and
"Lạng Sơn, ngày ..." on the right), merged cells are read once. Paragraphs typed
in the old .VnTime (TCVN3) or VNI-Times fonts are converted to Unicode. A footnote
reference becomes ``[n]`` (a bare digit would glue onto the number before it,
"58-QĐ/TU1") and the footnotes follow the body as ``[n] text`` lines, so the
citations they hold are found. Deleted tracked changes are skipped, page
headers and footers of the sections are not read (they repeat on every page).

Old binary .doc files and password-protected .docx (both OLE compound files)
are refused with a message saying which.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from parsers.readers.base import (
    DEFAULT_LIMITS,
    MiB,
    ReadError,
    ReadLimits,
    ReadResult,
    read_capped,
)

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Characters a run element stands for.
_RUN_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# The unzipped document parts may be this many times the text cap (zip bombs).
_UNZIPPED_FACTOR = 8


def _paragraph_text(p: object, notes: dict[str, int]) -> str:
    """Text of one ``w:p`` element, footnote references as ``[n]``."""
    out: list[str] = []
    for el in p.iter():  # type: ignore[attr-defined]
        tag = el.tag
        if tag == f"{_W}t":
            if not any(a.tag == f"{_W}del" for a in el.iterancestors()):
                out.append(el.text or "")
        elif tag in _RUN_CHARS:
            out.append(_RUN_CHARS[tag])
        elif tag == f"{_W}footnoteReference":
            ident = el.get(f"{_W}id", "")
            notes.setdefault(ident, len(notes) + 1)
            out.append(f"[{notes[ident]}]")
    return "".join(out)


def _block_lines(container: object, notes: dict[str, int]) -> list[str]:
    """Lines of a body or table cell: paragraphs, then tables cell by cell."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(_block_lines(cell, notes))
            lines.append("")
        else:
            lines.append(_paragraph_text(block._p, notes))
    return lines


def _footnotes(document: object, notes: dict[str, int]) -> list[str]:
    """``[n] text`` for each referenced footnote, in reference order."""
    from lxml import etree

    part = None
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            part = rel.target_part
    if part is None or not notes:
        return []
    root = etree.fromstring(part.blob)
    texts: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        ident = note.get(f"{_W}id", "")
        paras = [_paragraph_text(p, {}) for p in note.iter(f"{_W}p")]
        texts[ident] = " ".join(t.strip() for t in paras if t.strip())
    return [f"[{n}] {texts.get(ident, '').strip()}" for ident, n in notes.items()]


def read_docx(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a .docx file's body, tables and footnotes."""
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from parsers.readers.txt import fix_legacy_font_text

    data = read_capped(path, limits.max_binary_bytes, what="Word file")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptionInfo".encode("utf-16-le") in data[:1 * MiB] or b"EncryptedPackage" in data:
            raise ReadError(path, "password-protected Word file; cannot read it without "
                                  "the password")
        raise ReadError(path, "old binary Word .doc file (not .docx); save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {i.filename: i for i in zf.infolist()}
            if "word/document.xml" not in names:
                raise ReadError(path, "zip archive without word/document.xml; not a .docx")
            unzipped = sum(i.file_size for i in names.values() if i.filename.endswith(".xml"))
            if unzipped > _UNZIPPED_FACTOR * limits.max_chars:
                raise ReadError(path, f"document XML unzips to {unzipped / MiB:.0f} MiB; "
                                      "refused to keep memory bounded")
            # python-docx holds every part in memory, pictures included
            total = sum(i.file_size for i in names.values())
            if total > limits.max_binary_bytes:
                raise ReadError(path, f"Word file unzips to {total / MiB:.0f} MiB, above the "
                                      f"{limits.max_binary_bytes / MiB:.0f} MiB limit; refused "
                                      "to keep memory bounded")
            bad = zf.testzip()
            if bad:
                raise ReadError(path, f"damaged .docx (bad CRC in {bad})")
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            OSError) as exc:
        raise ReadError(path, f"not a valid .docx (damaged or truncated zip: {exc})") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(path, f"not a valid .docx ({exc})") from exc
    except Exception as exc:  # noqa: BLE001 - lxml raises XMLSyntaxError etc.
        raise ReadError(path, f"damaged .docx ({type(exc).__name__}: {exc})") from exc
    notes: dict[str, int] = {}
    lines = _block_lines(document, notes)
    footnotes = _footnotes(document, notes)
    if footnotes:
        lines += ["", *footnotes]
    text = "\n".join(lines).strip("\n") + "\n"
    # Collapse the runs of blank lines that empty paragraphs and tables leave.
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    if not text.strip():
        raise ReadError(path, "no text in the Word file")
    text, legacy, converted = fix_legacy_font_text(_nfc(text))
    warnings = (f"{converted} paragraph line(s) in a {legacy} font (.VnTime/VNI-Times) "
                "converted to Unicode",) if legacy else ()
    return ReadResult(text=text, path=str(path), kind="docx", encoding=legacy,
                      warnings=warnings)


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)
