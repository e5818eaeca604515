"""Degrade clean text the way Tesseract degrades a scanned Vietnamese page.

Modelled on ``seeds/notice-2026-01-ocr.txt``: diacritics lost or replaced by a
wrong accent ("Kết luận" → "Két luan"), ``Đ`` read as ``D``, ``P`` or ``B``
("Đảng" → "Pang"), ``số`` read as ``s6``/``sd``/``so``, ``ủy`` as ``uy``/``Gy``/``ty``,
``l`` as ``1`` ("làm" → "1am"), and lines re-broken at the scan's width.

Keys are degraded separately by :func:`degrade_key` *before* the text pass, and
the text pass leaves ASCII runs alone, so a planted key's surface survives the
text pass unchanged (except for where a line breaks).
"""

from __future__ import annotations

import random
import re
import unicodedata

__all__ = ["degrade_key", "degrade_text"]


def _build_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Two translation tables: strip every mark, or keep a single acute (OCR's favourite)."""
    strip: dict[int, str] = {}
    acute: dict[int, str] = {}
    for cp in range(0xC0, 0x1F00):
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        if len(decomposed) == 1 or not base.isascii() or not base.isalpha():
            continue
        strip[cp] = base
        # "ế", "é", "ề" → "é"; "ơ", "ờ" → "ó"; others lose their marks.
        if base in "eoEO" and len(decomposed) > 1:
            acute[cp] = unicodedata.normalize("NFC", base + "\u0301")
        else:
            acute[cp] = base
    for ch, repl in (("đ", "d"), ("Đ", "D")):
        strip[ord(ch)] = repl
        acute[ord(ch)] = repl
    return strip, acute


STRIP_TABLE, ACUTE_TABLE = _build_tables()

#: "số" (number) as OCR reads it.
SO_READINGS: tuple[str, ...] = ("s6", "sd", "so", "s6", "sé")
#: "ủy" as OCR reads it.
UY_READINGS: tuple[str, ...] = ("uy", "uy", "uy", "Gy", "ty")
#: Capital Đ as OCR reads it.
DD_READINGS: tuple[str, ...] = ("D", "P", "B", "P")

_SO = re.compile(r"\b(?:số|Số)(?=[\s:])")
_UY = re.compile(r"ủy|uỷ")
_DD = re.compile("Đ")
_L1 = re.compile(r"\bl(?=[àâậaáạ])")
_NON_ASCII_LINE = re.compile(r"[^\n]+")


def degrade_key(key: str) -> str:
    """A key as OCR prints it: ``Đ`` loses its bar ("58-QĐ/TU" → "58-QD/TU")."""
    return key.replace("Đ", "D").replace("đ", "d")


def degrade_text(text: str, rng: random.Random, width: int | None = None) -> str:
    """Return ``text`` as a degraded scan: diacritics, letters and line breaks.

    Paragraphs (separated by blank lines) are re-wrapped at ``width`` columns
    (random 68–88 when None). ASCII-only runs such as degraded keys are not
    changed, so ground-truth surfaces can still be found.
    """
    text = _SO.sub(lambda m: rng.choice(SO_READINGS) if m.group(0) == "số"
                   else "S" + rng.choice(SO_READINGS)[1:], text)
    text = _UY.sub(lambda _m: rng.choice(UY_READINGS), text)
    text = _DD.sub(lambda _m: rng.choice(DD_READINGS), text)
    text = _L1.sub(lambda m: "1" if rng.random() < 0.3 else m.group(0), text)
    out_lines = []
    for line in text.split("\n"):
        table = ACUTE_TABLE if rng.random() < 0.35 else STRIP_TABLE
        out_lines.append(line.translate(table))
    text = "\n".join(out_lines)
    return rewrap(text, width or rng.randint(68, 88), "\n")


def rewrap(text: str, width: int, sep: str) -> str:
    """Re-break every paragraph of ``text`` into lines of at most ``width`` chars.

    Breaks only at spaces (never inside a key); ``sep`` ends each line ("\\n"
    for OCR output, " \\n\\n" for the PDF-extraction look of the clean seeds).
    Paragraphs are separated by one blank line.
    """
    wrap = re.compile(rf"(.{{1,{width}}})(?: +|$)")
    paras = []
    for para in text.split("\n\n"):
        flat = " ".join(para.split())
        if not flat:
            continue
        lines = [m.group(1) for m in wrap.finditer(flat) if m.group(1)]
        paras.append(sep.join(lines))
    return ("\n\n" if sep == "\n" else sep).join(paras) + "\n"
