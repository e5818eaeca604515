"""PDF files: the text layer through PyMuPDF, scanned pages through OCR.

Each page's text is extracted in reading order; a page with (almost) no text
but an image is a scan and goes to Tesseract (:mod:`parsers.readers.ocr`).
Running gazette headers and page numbers are then removed with the page
boundaries known (:mod:`parsers.readers.gazette`).

Refused with a clear ReadError: password-protected PDFs, truncated PDFs (no
``%%EOF`` marker at the end: the pages MuPDF could rebuild may be missing
text, and a half document must not enter the store), files MuPDF cannot open.
"""

from __future__ import annotations

from pathlib import Path

from parsers.readers.base import (
    DEFAULT_LIMITS,
    MiB,
    ReadError,
    ReadLimits,
    ReadResult,
    check_regular_file,
)

__all__ = ["read_pdf"]

# A page with fewer non-blank characters than this and an image is a scan.
_SCANNED_PAGE_CHARS = 20
# A text layer of at least this many letters with under this share of accented
# ones, over an image covering this share of the page, is a diacritic-free OCR
# layer (Vietnamese prose has ~30% accented letters).
_PLAIN_LAYER_LETTERS = 200
_MIN_ACCENTED_SHARE = 0.02
_FULL_PAGE = 0.8
# Resolution pages are rendered at for OCR; a page too large for the pixel
# cap at this resolution is rendered at the highest one that fits, down to
# _MIN_OCR_DPI, below which it is refused.
_OCR_DPI = 300
_MIN_OCR_DPI = 100


def _has_eof_marker(path: Path) -> bool:
    """Does the file end (give or take trailing junk) with ``%%EOF``?"""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        return b"%%EOF" in fh.read()


def read_pdf(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a PDF's text layer, OCR-ing scanned pages."""
    import pymupdf

    from parsers.readers.ocr import ocr_available
    from parsers.readers.txt import finish_text

    st = check_regular_file(path)
    if st.st_size > limits.max_binary_bytes:
        raise ReadError(path, f"PDF is {st.st_size / MiB:.1f} MiB, above the "
                              f"{limits.max_binary_bytes / MiB:.0f} MiB limit; refused")
    try:
        complete = _has_eof_marker(path)
    except OSError as exc:
        raise ReadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not complete:
        raise ReadError(path, "truncated PDF (no %%EOF end marker); refused rather than "
                              "storing a partial document")
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - MuPDF raises several types
        raise ReadError(path, f"not a readable PDF ({exc})") from exc
    with doc:
        if doc.needs_pass:
            raise ReadError(path, "password-protected PDF; cannot read it without the "
                                  "password")
        warnings: list[str] = []
        if doc.is_repaired:
            warnings.append("damaged PDF structure was repaired by MuPDF; check the text")
        if doc.page_count == 0:
            raise ReadError(path, "PDF has no pages")
        count = min(doc.page_count, limits.max_pages)
        if doc.page_count > count:
            warnings.append(f"only the first {count} of {doc.page_count} pages were read")
        pages: list[str] = []
        scanned: list[int] = []
        redone: list[int] = []
        unread: list[int] = []
        chars = 0
        for number in range(count):
            try:
                page = doc.load_page(number)
                text = page.get_text("text", sort=True)
            except Exception as exc:  # noqa: BLE001
                raise ReadError(path, f"cannot read page {number + 1} ({exc})") from exc
            why = _scan_reason(page, text)
            if why:
                if ocr_available():  # Tesseract missing: keep what there is, say so
                    if why == "no-diacritics":
                        warnings.append(f"page {number + 1}: its OCR text layer has no "
                                        "Vietnamese diacritics; Tesseract is not installed "
                                        "to redo it")
                    else:
                        unread.append(number + 1)
                else:
                    text = _ocr_page(path, page, number, limits, already=len(scanned))
                    scanned.append(number + 1)
                    if why == "no-diacritics":
                        redone.append(number + 1)
            if text and not text.endswith("\n"):
                text += "\n"  # so the next page's first line is not glued on
            chars += len(text)
            if chars > limits.max_chars:
                raise ReadError(path, f"PDF text exceeds {limits.max_chars / MiB:.0f} M "
                                      "characters; refused to keep memory bounded")
            pages.append(text)
    if unread:
        reason = ocr_available()
        if len(unread) == count:
            raise ReadError(path, f"scanned PDF without text layer; {reason}")
        warnings.append(f"scanned {_pages(unread)} NOT read: {reason}")
    if redone:
        warnings.append(f"{_pages(redone)}: OCR text layer without Vietnamese diacritics "
                        "(made without the Vietnamese model) replaced by a new OCR")
    kind = "pdf"
    if scanned:
        kind = "ocr" if len(scanned) == count else "pdf"
        if kind == "pdf":
            warnings.append(f"{_pages(scanned)}: no text layer, OCR'd")
    return finish_text(path, pages, kind=kind, encoding=None, warnings=tuple(warnings),
                       pages=count)


def _pages(numbers: list[int]) -> str:
    """"page 3" or "pages 3, 4, 7" (at most 20 listed)."""
    shown = ", ".join(map(str, numbers[:20]))
    more = f" and {len(numbers) - 20} more" if len(numbers) > 20 else ""
    return f"page {shown}" if len(numbers) == 1 else f"pages {shown}{more}"


def _scan_reason(page: object, text: str) -> str | None:
    """Why ``page`` must be OCR'd: "no-text" (an image and almost no text),
    "no-diacritics" (a page-sized image under a text layer of plain ASCII
    letters: the invisible layer a scanner's English OCR adds, "Quyet dinh"
    for "Quyết định"), or None."""
    letters = [c for c in text if c.isalpha()]
    images = page.get_image_info()  # type: ignore[attr-defined]
    if len("".join(text.split())) < _SCANNED_PAGE_CHARS:
        return "no-text" if images else None
    if len(letters) < _PLAIN_LAYER_LETTERS:
        return None
    accented = sum(not c.isascii() for c in letters)
    if accented / len(letters) >= _MIN_ACCENTED_SHARE:
        return None
    import pymupdf

    rect = page.rect  # type: ignore[attr-defined]
    covered = max((abs(pymupdf.Rect(i["bbox"]) & rect) for i in images), default=0.0)
    return "no-diacritics" if abs(rect) and covered / abs(rect) >= _FULL_PAGE else None


def _ocr_page(path: Path, page: object, number: int, limits: ReadLimits, *,
              already: int) -> str:
    """Render one scanned page and OCR it."""
    from PIL import Image

    from parsers.readers.ocr import check_pixels, ocr_image

    if already >= limits.max_ocr_pages:
        raise ReadError(path, f"more than {limits.max_ocr_pages} scanned pages; refused "
                              "(raise ReadLimits.max_ocr_pages)")
    dpi = _render_dpi(path, page, number, limits)
    pix = page.get_pixmap(dpi=dpi, colorspace="gray")  # type: ignore[attr-defined]
    check_pixels(path, (pix.width, pix.height), limits, what=f"page {number + 1} rendered")
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    try:
        return ocr_image(image, timeout=limits.ocr_timeout)
    except RuntimeError as exc:
        raise ReadError(path, f"OCR failed on page {number + 1} ({exc})") from exc


def _render_dpi(path: Path, page: object, number: int, limits: ReadLimits) -> int:
    """The resolution to render ``page`` at for OCR: 300 dpi, or less for a
    page whose pixels at 300 dpi would pass ``limits.max_image_pixels`` (the
    same cap as an image file's); a page that does not fit at 100 dpi is
    refused (a 200 × 200 inch page is 3.6 G pixels at 300 dpi)."""
    rect = page.rect  # type: ignore[attr-defined]
    area = (rect.width / 72) * (rect.height / 72)  # square inches
    if area * _OCR_DPI * _OCR_DPI <= limits.max_image_pixels:
        return _OCR_DPI
    dpi = int((limits.max_image_pixels / area) ** 0.5) - 1
    if dpi < _MIN_OCR_DPI:
        raise ReadError(path, f"page {number + 1} is {rect.width / 72:.0f} × "
                              f"{rect.height / 72:.0f} in, too large to render for OCR at "
                              f"{_MIN_OCR_DPI} dpi within the pixel limit; refused "
                              "(raise ReadLimits.max_image_pixels)")
    return dpi
