"""Every size and bomb guard of the PDF, Word and image readers (``ReadLimits``):
the file is refused with a ReadError naming it and the cap, before the work
or the memory the cap is there to bound."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest

from parsers.readers import ReadError, ReadLimits, read_document
from parsers.readers.ocr import ocr_available

pymupdf = pytest.importorskip("pymupdf")
docx = pytest.importorskip("docx")
PIL_Image = pytest.importorskip("PIL.Image")

needs_ocr = pytest.mark.skipif(ocr_available() is not None,
                               reason=f"needs Tesseract: {ocr_available()}")
BODY = "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ;"


def sparse(path: Path, head: bytes, size: int) -> Path:
    """A file of ``size`` bytes starting with ``head`` (sparse: no disk, no time)."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def refused(path: Path, limits: ReadLimits | None = None) -> str:
    with pytest.raises(ReadError) as err:
        read_document(path, **({"limits": limits} if limits else {}))
    assert str(err.value).startswith(f"{path}: ")
    return err.value.problem


# --- PDF ------------------------------------------------------------------------------


def text_pdf(path: Path, pages: list[str]) -> Path:
    doc = pymupdf.open()
    for text in pages:
        doc.new_page().insert_text((72, 72), text)
    doc.save(path)
    return path


def test_pdf_above_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.pdf", b"%PDF-1.7\n", 300 * 1024 * 1024)
    assert refused(path) == "PDF is 300.0 MiB, above the 256 MiB limit; refused"


def test_pdf_pages_beyond_the_cap_are_not_read_and_it_says_so(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "three.pdf", ["Cong van so 1/UBND-VP", "Cong van so 2/UBND-VP",
                                             "Cong van so 3/UBND-VP"])
    result = read_document(path, limits=ReadLimits(max_pages=2))
    assert "1/UBND-VP" in result.text and "2/UBND-VP" in result.text
    assert "3/UBND-VP" not in result.text
    assert result.pages == 2
    assert "only the first 2 of 3 pages were read" in result.warnings


def test_pdf_text_beyond_the_character_cap_is_refused(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "long.pdf", ["Cong van so 1431/UBND-VP ngay 06/5/2025"] * 3)
    problem = refused(path, ReadLimits(max_chars=60))
    assert problem.startswith("PDF text exceeds") and "refused to keep memory bounded" in problem


def test_pdf_with_no_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                     b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                     b"trailer<</Root 1 0 R>>\n%%EOF\n")
    assert refused(path) == "PDF has no pages"


def scanned_pdf(path: Path, pages: int, size: tuple[float, float] = (595, 842)) -> Path:
    """Pages that are one picture each and no text layer."""
    image = PIL_Image.new("L", (200, 100), 255)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=size[0], height=size[1])
        page.insert_image(page.rect, stream=buf.getvalue())
    doc.save(path)
    return path


@needs_ocr
def test_scanned_pages_beyond_the_ocr_cap_are_refused_before_any_ocr(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", pages=2)
    problem = refused(path, ReadLimits(max_ocr_pages=0))
    assert problem == "more than 0 scanned pages; refused (raise ReadLimits.max_ocr_pages)"


@needs_ocr
def test_scanned_page_too_large_to_render_is_refused(tmp_path: Path) -> None:
    """A scanned page is rendered at 300 dpi for OCR: its pixels are bounded
    by the image cap like an image file's (a 200 × 200 inch page would be
    3.6 G pixels)."""
    path = scanned_pdf(tmp_path / "poster.pdf", pages=1, size=(14400, 14400))
    problem = refused(path, ReadLimits(max_image_pixels=12_000 * 12_000))
    assert problem.startswith("page 1 is 200 × 200 in, too large to render for OCR at 100 dpi")


@needs_ocr
def test_large_scanned_page_is_rendered_at_a_lower_resolution(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """A page that fits the cap at 150 dpi but not at 300 is rendered at the
    highest resolution that fits, not refused."""
    from parsers.readers import ocr as ocr_mod

    sizes = []

    def fake_ocr(image, *, timeout):  # type: ignore[no-untyped-def]
        sizes.append(image.size)
        return "Cong van so 1431/UBND-VP"

    monkeypatch.setattr(ocr_mod, "ocr_image", fake_ocr)
    path = scanned_pdf(tmp_path / "a3.pdf", pages=1, size=(842, 1191))  # A3: 11.7 × 16.5 in
    result = read_document(path, limits=ReadLimits(max_image_pixels=10_000_000))
    (width, height), = sizes
    assert width * height <= 10_000_000 and width > 1500  # ~225 dpi instead of 300
    assert "1431/UBND-VP" in result.text


# --- Word -----------------------------------------------------------------------------


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    """A real .docx, with ``extra`` members added to its zip."""
    document = docx.Document()
    document.add_paragraph(BODY)
    buf = io.BytesIO()
    document.save(buf)
    if not extra:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        for name, data in extra.items():
            dst.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def test_word_file_above_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.docx", b"PK\x03\x04", 300 * 1024 * 1024)
    problem = refused(path)
    assert problem.startswith("Word file is 300.0 MiB, above the 256 MiB limit")


def test_word_xml_bomb_is_refused_before_unzipping(tmp_path: Path) -> None:
    """16 MiB of XML that zips to a few KiB, against a cap of 8 × 1 MiB."""
    bomb = b"<w:document>" + b" " * (16 * 1024 * 1024) + b"</w:document>"
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_bytes({"word/bomb.xml": bomb}))
    assert path.stat().st_size < 100_000
    problem = refused(path, ReadLimits(max_chars=1024 * 1024))
    assert problem.startswith("document XML unzips to 1")  # 16 MiB and the rest of the XML
    assert problem.endswith(" MiB; refused to keep memory bounded")


def test_word_media_bomb_is_refused_before_unzipping(tmp_path: Path) -> None:
    """python-docx loads every part of the package into memory, pictures too:
    a picture that unzips to more than the file cap is refused like XML."""
    path = tmp_path / "media-bomb.docx"
    path.write_bytes(docx_bytes({"word/media/image1.png": bytes(40 * 1024 * 1024)}))
    assert path.stat().st_size < 200_000
    problem = refused(path, ReadLimits(max_binary_bytes=32 * 1024 * 1024))
    assert problem.startswith("Word file unzips to 4")  # the 40 MiB picture and the rest
    assert problem.endswith(" MiB, above the 32 MiB limit; refused to keep memory bounded")


def test_word_file_with_a_bad_crc_is_refused(tmp_path: Path) -> None:
    data = bytearray(docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    # flip one byte of the compressed document.xml (its local header is 30 bytes + name)
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    data[at] ^= 0xFF
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    problem = refused(path)
    assert problem in ("damaged .docx (bad CRC in word/document.xml)",) or problem.startswith(
        "not a valid .docx (damaged or truncated zip")


def test_word_text_within_caps_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.docx"
    path.write_bytes(docx_bytes({"word/media/image1.png": bytes(1024 * 1024)}))
    assert read_document(path).text == BODY + "\n"


# --- images ---------------------------------------------------------------------------


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` pixels (its data is one
    empty deflate stream: opening reads the header, decoding would fail)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


@needs_ocr
def test_image_above_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = sparse(tmp_path / "huge.png", b"\x89PNG\r\n\x1a\n", 300 * 1024 * 1024)
    assert refused(path).startswith("image is 300.0 MiB, above the 256 MiB limit")


@needs_ocr
@pytest.mark.parametrize(("width", "height"), [(60_000, 60_000), (13_000, 13_000)],
                         ids=["far-above", "just-above"])
def test_image_above_the_pixel_cap_is_refused_from_its_header(tmp_path: Path, width: int,
                                                              height: int) -> None:
    """Both far above the 144 M pixel cap and just above it (Pillow itself only
    warns below twice its own limit)."""
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header_only(width, height))
    problem = refused(path)
    if width * height > 2 * PIL_Image.MAX_IMAGE_PIXELS:  # Pillow refuses these itself
        assert problem.startswith("image too large to OCR safely (Image size (")
    else:
        assert problem.startswith(f"image is {width} × {height} pixels, above the 144 M "
                                  "pixel limit")


@needs_ocr
def test_a_small_pixel_cap_leaves_pillow_alone(tmp_path: Path) -> None:
    """The cap applies to the file read, not to every later Pillow user in the
    process (the app draws PNGs with matplotlib)."""
    image = PIL_Image.new("L", (80, 80), 255)
    path = tmp_path / "small.png"
    image.save(path)
    before = PIL_Image.MAX_IMAGE_PIXELS
    problem = refused(path, ReadLimits(max_image_pixels=5_000))
    assert problem.startswith("image is 80 × 80 pixels, above the 5000 pixel limit")
    assert PIL_Image.MAX_IMAGE_PIXELS == before
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        PIL_Image.open(path).load()  # no DecompressionBombWarning for 6400 pixels


@needs_ocr
def test_tiff_frames_beyond_the_ocr_cap_are_not_read_and_it_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.readers import ocr as ocr_mod

    monkeypatch.setattr(ocr_mod, "ocr_image",
                        lambda image, *, timeout: "Cong van so 1431/UBND-VP\n")
    frames = [PIL_Image.new("L", (100, 50), 255) for _ in range(3)]
    path = tmp_path / "three.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    result = read_document(path, limits=ReadLimits(max_ocr_pages=2))
    assert result.pages == 2
    assert "only the first 2 of 3 pages were OCR'd" in result.warnings
