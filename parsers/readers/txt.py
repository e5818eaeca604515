"""Plain text in any encoding Vietnamese offices use, to NFC Unicode.

Tried in order:

1. a byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
2. UTF-16 without a mark (every other byte zero in the ASCII parts);
3. control bytes (NUL included) above a small share mean a binary file,
   refused; a few are kept as stray characters (real gazette texts use NULs
   as checkbox glyphs);
4. strict UTF-8 (ASCII is UTF-8). A UTF-8 text that is really legacy-font text
   saved character by character (``Th«ng b¸o``) is converted, with a warning;
5. Windows-1258, TCVN3 (ABC) or VNI, whichever reads as Vietnamese
   (:func:`~parsers.readers.legacy_encodings.vietnamese_score`);
6. UTF-8 lines mixed with lines of one legacy encoding (two files pasted
   together): each part is decoded on its own, with a warning naming the lines.

Anything else is refused with the first bad byte's line and column: a stray
byte must not silently change a document number.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parsers.readers.base import DEFAULT_LIMITS, ReadError, ReadLimits, ReadResult, read_capped
from parsers.readers.gazette import strip_page_noise
from parsers.readers.legacy_encodings import (
    LEGACY_HINT,
    decode_tcvn3,
    decode_vni,
    reinterpret_as_bytes,
    vietnamese_score,
)

__all__ = ["Decoded", "TextDecodeError", "decode_text", "finish_text", "fix_legacy_font_text",
           "read_txt"]

#: A legacy reading must score at least this to be accepted.
MIN_SCORE = 0.8
#: ...and beat the other readings by this much, or the choice is a guess.
MIN_MARGIN = 0.15
# Share of control characters (other than tab, newline, CR, FF, VT) above which
# the text is binary data, not a document.
_MAX_CONTROL_SHARE = 0.005

_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"

# Control characters (Unicode category Cc) other than tab, newline, CR, FF, VT.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="strict"))


#: Legacy single-byte readings, by the name ReadResult.encoding reports.
LEGACY_DECODERS: dict[str, Callable[[bytes], str]] = {
    "cp1258": _cp1258,
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
}


class TextDecodeError(ValueError):
    """The bytes are not text in any encoding we know; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded NFC text, the encoding's name and anything worth telling."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE/BE without a mark: in Vietnamese text most characters
    are ASCII, whose high byte is zero, so one byte column is mostly NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


# Legacy readings are scored on this many leading bytes (cut at a line end);
# only the winner decodes the whole file.
_SCORE_SAMPLE = 256 * 1024


def _best_legacy(data: bytes) -> tuple[str, str, float, float] | None:
    """(name, text, score, runner-up score) of the best legacy reading."""
    sample = data
    if len(data) > _SCORE_SAMPLE:
        cut = data.rfind(b"\n", 0, _SCORE_SAMPLE)
        sample = data[: cut + 1 if cut > 0 else _SCORE_SAMPLE]
    scored: list[tuple[float, str]] = []
    for name, decode in LEGACY_DECODERS.items():
        try:
            score = vietnamese_score(decode(sample))
        except UnicodeDecodeError:
            continue
        scored.append((score if score is not None else 1.0, name))
    scored.sort(key=lambda t: t[0], reverse=True)
    for i, (score, name) in enumerate(scored):
        try:
            text = LEGACY_DECODERS[name](data)
        except UnicodeDecodeError:  # a byte past the sample the codec lacks
            continue
        runner_up = max((s for j, (s, _) in enumerate(scored) if j != i), default=0.0)
        return name, text, score, runner_up
    return None


def _position(data: bytes, index: int) -> str:
    """'line L, column C' of byte ``index``."""
    line = data.count(b"\n", 0, index) + 1
    column = index - (data.rfind(b"\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def _convert_legacy(text: str, *, min_score: float = MIN_SCORE,
                    min_gain: float = 0.0) -> tuple[str, str] | None:
    """(converted text, encoding) if ``text`` reads as garbage (score under
    0.5) but as Vietnamese (at least ``min_score``, and ``min_gain`` better)
    once taken for TCVN3 or VNI bytes; else None."""
    score = vietnamese_score(text)
    if score is None or score >= 0.5:
        return None
    data = reinterpret_as_bytes(text)
    if data is None:
        return None
    best = _best_legacy(data)
    if best and best[0] != "cp1258" and best[2] >= max(min_score, score + min_gain):
        return best[1], best[0]
    return None


# Evidence needed to convert: OCR noise ("Doi véi cac xa") also scores low, and
# a word or two can read as TCVN3 by chance. A whole text needs 4 non-ASCII
# characters, a score of 0.85 and a gain of 0.4; a single line needs more.
_TEXT_MIN_SCORE = 0.85
_TEXT_MIN_GAIN = 0.4
_LINE_MIN_NON_ASCII = 4
_LINE_MIN_SCORE = 0.9
_LINE_MIN_GAIN = 0.5


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _has_non_ascii(text: str, count: int) -> bool:
    """Does ``text`` hold at least ``count`` non-ASCII characters?"""
    for n, _ in enumerate(_NON_ASCII.finditer(text), start=1):
        if n >= count:
            return True
    return False


def fix_legacy_font_text(text: str) -> tuple[str, str | None, int]:
    """Convert legacy-font text held as Unicode characters back to Vietnamese.

    Text typed in a .VnTime (TCVN3) or VNI-Times font keeps the font's bytes
    as characters when saved as Unicode or in a .docx: ``Th«ng b¸o``,
    ``Thoâng baùo``. The whole text is converted if it all reads that way,
    otherwise each line that does (Word files often mix old and new
    paragraphs). Returns (text, encoding name or None, lines converted).
    """
    if not LEGACY_HINT.search(text) or not _has_non_ascii(text, _LINE_MIN_NON_ASCII):
        return text, None, 0  # the fast path of ordinary Unicode text
    whole = _convert_legacy(text, min_score=_TEXT_MIN_SCORE, min_gain=_TEXT_MIN_GAIN)
    if whole:
        return unicodedata.normalize("NFC", whole[0]), whole[1], text.count("\n") + 1
    lines = text.split("\n")
    names: set[str] = set()
    converted = 0
    for i, line in enumerate(lines):
        if not LEGACY_HINT.search(line) or not _has_non_ascii(line, _LINE_MIN_NON_ASCII):
            continue
        fixed = _convert_legacy(line, min_score=_LINE_MIN_SCORE, min_gain=_LINE_MIN_GAIN)
        if fixed:
            lines[i] = fixed[0]
            names.add(fixed[1])
            converted += 1
    if not converted:
        return text, None, 0
    return unicodedata.normalize("NFC", "\n".join(lines)), "+".join(sorted(names)), converted


def _check_not_binary(text: str) -> list[str]:
    """Refuse text full of control characters; warn about a few."""
    controls = len(_CONTROL_CHARS.findall(text))
    if not controls:
        return []
    if controls > max(2, _MAX_CONTROL_SHARE * len(text)):
        raise TextDecodeError(
            f"binary data, not text ({controls} control characters in {len(text)})"
        )
    return [f"{controls} stray control character(s) kept in the text"]


_LINE = re.compile(rb"[^\n]*(?:\n|$)")


def _decode_mixed(data: bytes) -> Decoded | None:
    """UTF-8 lines mixed with lines in one legacy encoding."""
    lines = [m.group() for m in _LINE.finditer(data) if m.group()]
    bad: list[int] = []
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
    if not bad or len(bad) == len(lines):
        return None
    best = _best_legacy(b"".join(lines[i] for i in bad))
    if not best or best[2] < MIN_SCORE:
        return None
    name = best[0]
    decode = LEGACY_DECODERS[name]
    bad_set = set(bad)
    parts = [decode(ln) if i in bad_set else ln.decode("utf-8") for i, ln in enumerate(lines)]
    shown = ", ".join(str(i + 1) for i in bad[:10]) + (" …" if len(bad) > 10 else "")
    warning = (f"mixed encodings: {len(lines) - len(bad)} line(s) UTF-8, {len(bad)} line(s) "
               f"{name} (lines {shown})")
    return Decoded(unicodedata.normalize("NFC", "".join(parts)), f"utf-8+{name}", (warning,))


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` to NFC text; raise :class:`TextDecodeError` if it is not
    text in a known encoding. See the module docstring for the order."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise TextDecodeError(
                    f"has a {name} byte-order mark but is not valid {name} at byte "
                    f"{exc.start + len(bom)}"
                ) from exc
            text = unicodedata.normalize("NFC", text)
            return Decoded(text, name, tuple(_check_not_binary(text)))
    guessed = _utf16_without_bom(data)
    if guessed:
        try:
            text = unicodedata.normalize("NFC", data.decode(guessed))
            return Decoded(text, guessed, tuple(_check_not_binary(text)))
        except UnicodeDecodeError:
            pass
    # a few NULs are checkbox glyphs in real gazette texts: kept (the parser
    # reads them as spaces); many of them, like any control bytes, mean binary
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # one pass
    if controls > max(2, _MAX_CONTROL_SHARE * len(sample)):
        raise TextDecodeError(f"binary data, not text ({controls} control bytes in the first "
                              f"{len(sample)})")
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc
    else:
        warnings = _check_not_binary(text)
        fixed, legacy, lines = fix_legacy_font_text(text)
        if legacy:
            warnings.append(f"{lines} line(s) of {legacy} font text saved as Unicode; converted")
            return Decoded(fixed, f"utf-8+{legacy}", tuple(warnings))
        return Decoded(text, "utf-8", tuple(warnings))

    best = _best_legacy(data)
    if best and best[2] >= MIN_SCORE and best[2] - best[3] >= MIN_MARGIN:
        name, text, _, _ = best
        return Decoded(text, name, tuple(_check_not_binary(text)))
    mixed = _decode_mixed(data)
    if mixed:
        return Decoded(mixed.text, mixed.encoding,
                       mixed.warnings + tuple(_check_not_binary(mixed.text)))
    at = first_bad.start
    snippet = data[at:at + 4].hex(" ")
    tried = ", ".join(LEGACY_DECODERS)
    detail = f" (best: {best[0]} {best[2]:.0%} Vietnamese)" if best else ""
    raise TextDecodeError(
        f"not valid UTF-8 (byte(s) {snippet} at {_position(data, at)}), and not "
        f"recognisable as {tried} either{detail}"
    )


def read_txt(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a plain-text file: decode it (see :func:`decode_text`) and remove
    page noise copied from a PDF (:func:`~parsers.readers.gazette.strip_page_noise`)."""
    data = read_capped(path, limits.max_text_bytes, what="text file")
    try:
        decoded = decode_text(data)
    except TextDecodeError as exc:
        raise ReadError(path, str(exc)) from exc
    return finish_text(path, decoded.text, kind="txt", encoding=decoded.encoding,
                       warnings=decoded.warnings)


def finish_text(path: Path, text: str | list[str], *, kind: str, encoding: str | None,
                warnings: tuple[str, ...] = (), pages: int | None = None,
                extra: tuple[tuple[int, int, str], ...] = ()) -> ReadResult:
    """Strip page noise from ``text`` (one string, or a list of page texts) and
    build the ReadResult, keeping the source text and offset map when anything
    was removed. ``extra`` spans (of a single ``text``) are deleted too."""
    if isinstance(text, list):
        text = [unicodedata.normalize("NFC", page) for page in text]
    else:
        text = unicodedata.normalize("NFC", text)
    cleaned = strip_page_noise(text, extra)
    changed = bool(cleaned.removed)
    if not cleaned.text.strip():
        raise ReadError(path, "no text in the file" if not cleaned.source.strip()
                        else "only page headers and page numbers, no text")
    noise = [r for r in cleaned.removed if r.reason not in ("page-break", "markup")]
    if noise:
        kinds = ", ".join(sorted({r.reason for r in noise}))
        warnings = warnings + (f"removed {len(noise)} page-noise line(s): {kinds}",)
    return ReadResult(
        text=cleaned.text,
        path=str(path),
        kind=kind,
        encoding=encoding,
        warnings=warnings,
        source_text=cleaned.source if changed else None,
        offsets=cleaned.offsets if changed else None,
        removed=cleaned.removed,
        pages=pages,
    )
