"""Scanned pages and images, through Tesseract with the Vietnamese model.

Needs the ``tesseract`` program and its Vietnamese data (Debian:
``tesseract-ocr tesseract-ocr-vie``) and the ``pytesseract`` and ``Pillow``
packages. Without them, OCR input fails with a ReadError that says what to
install; other kinds still read.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from warnings import catch_warnings, simplefilter

from parsers.readers.base import DEFAULT_LIMITS, ReadError, ReadLimits, ReadResult, read_capped

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["IMAGE_SUFFIXES", "OCR_LANG", "check_pixels", "clean_ocr_text", "ocr_available",
           "ocr_image", "read_image"]

#: Tesseract language: Vietnamese (the "vie" model also reads Latin letters).
OCR_LANG = "vie"
#: Page segmentation "fully automatic" (pages with headers, columns of the
#: national-motto block, footnotes).
_TESSERACT_CONFIG = "--psm 3"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")
_INSTALL_HINT = ("OCR needs tesseract with the Vietnamese model (Debian: apt-get install "
                 "tesseract-ocr tesseract-ocr-vie; pip install pytesseract Pillow)")
# Tesseract reads best at ~300 dpi; smaller scans are enlarged up to this width.
_MIN_WIDTH = 1600


@lru_cache(maxsize=1)
def ocr_available() -> str | None:
    """None if OCR can run, else the reason it cannot."""
    try:
        import pytesseract
    except ImportError:
        return _INSTALL_HINT
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return _INSTALL_HINT + " — the tesseract program is missing"
    try:
        langs = pytesseract.get_languages(config="")
    except Exception as exc:  # noqa: BLE001 - any failure means "cannot OCR"
        return f"{_INSTALL_HINT} — tesseract does not run ({exc})"
    if OCR_LANG not in langs:
        return _INSTALL_HINT + " — the Vietnamese model 'vie' is missing"
    return None


def ocr_image(image: Image, *, timeout: float = DEFAULT_LIMITS.ocr_timeout) -> str:
    """OCR one page image to NFC text (raises RuntimeError on timeout or failure)."""
    import pytesseract
    from PIL import ImageFilter

    page = image.convert("L")
    if page.width < _MIN_WIDTH:
        scale = _MIN_WIDTH / page.width
        page = page.resize((_MIN_WIDTH, max(1, round(page.height * scale))))
    # A 3x3 median removes scanner speckle, which otherwise breaks diacritics
    # (measured on a page with 2% salt-and-pepper noise: 86% -> 99.9% of
    # characters right) and costs nothing on clean pages.
    page = page.filter(ImageFilter.MedianFilter(3))
    text = pytesseract.image_to_string(page, lang=OCR_LANG, config=_TESSERACT_CONFIG,
                                       timeout=timeout)
    return clean_ocr_text(text)


# Tesseract's Vietnamese model reads Đ as the look-alike Icelandic Ð, sometimes
# both at once ("58-QĐÐ/TU"); Vietnamese never uses Ð, so it is always Đ.
_ETH_DOUBLE = re.compile("ĐÐ|ÐĐ|đð|ðđ")
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})


def clean_ocr_text(text: str) -> str:
    """NFC, Ð read for Đ fixed, form feeds Tesseract puts after a page dropped."""
    text = _ETH_DOUBLE.sub(lambda m: m.group()[0], text).translate(_ETH)
    return unicodedata.normalize("NFC", text.replace("\f", ""))


def _count(n: int) -> str:
    """144000000 -> "144 M"; small counts as they are."""
    return f"{n / 1e6:.0f} M" if n >= 1_000_000 else str(n)


def check_pixels(path: Path, size: tuple[int, int], limits: ReadLimits,
                 what: str = "image") -> None:
    """Refuse an image of more pixels than ``limits.max_image_pixels`` (read
    from its header, before it is decoded: a few KiB of PNG can declare
    billions of pixels)."""
    width, height = size
    if width * height > limits.max_image_pixels:
        raise ReadError(path, f"{what} is {width} × {height} pixels, above the "
                              f"{_count(limits.max_image_pixels)} pixel limit; refused "
                              "(decompression-bomb guard, raise ReadLimits.max_image_pixels)")


def _frames(path: Path, image: Image, limits: ReadLimits) -> Iterator[Image]:
    """Each frame of a (multi-page TIFF) image, at most ``limits.max_ocr_pages``,
    each checked against the pixel cap before it is decoded."""
    for i in range(min(getattr(image, "n_frames", 1), limits.max_ocr_pages)):
        image.seek(i)
        check_pixels(path, image.size, limits, what=f"page {i + 1} of the image")
        yield image.copy()


def read_image(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """OCR an image file (multi-page TIFFs page by page)."""
    from parsers.readers.txt import finish_text

    reason = ocr_available()
    if reason:
        raise ReadError(path, reason)
    import io

    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    data = read_capped(path, limits.max_binary_bytes, what="image")
    # Our own cap, checked on the header; Pillow's global bomb limit is left
    # as it is (other code in the process uses Pillow too). Pillow still
    # refuses, by itself, images above twice its own limit (179 M pixels).
    try:
        with catch_warnings():
            simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
            check_pixels(path, image.size, limits)
            image.load()
    except PILImage.DecompressionBombError as exc:
        raise ReadError(path, f"image too large to OCR safely ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ReadError(path, f"not a readable image ({exc})") from exc
    warnings: list[str] = []
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_ocr_pages:
        warnings.append(f"only the first {limits.max_ocr_pages} of {frames} pages were OCR'd")
    pages: list[str] = []
    for n, frame in enumerate(_frames(path, image, limits), start=1):
        try:
            pages.append(ocr_image(frame, timeout=limits.ocr_timeout))
        except RuntimeError as exc:
            raise ReadError(path, f"OCR failed on page {n} ({exc})") from exc
    return finish_text(path, pages, kind="ocr", encoding=None, warnings=tuple(warnings),
                       pages=len(pages))
