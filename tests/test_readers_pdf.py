"""PDF reader: text layer, gazette running headers in the middle of a
reference, and damaged, truncated or password-protected files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.readers.builders import NOTICE_PAGE, dejavu_font, make_pdf

from parsers import parse_text
from parsers.readers import ReadError, read_document

pymupdf = pytest.importorskip("pymupdf")
FONT = dejavu_font()
pytestmark = pytest.mark.skipif(FONT is None, reason="DejaVu font (fonts-dejavu-core) missing")

HEADER = "CÔNG BÁO/Số 51/Ngày 23-01-2026"
# A gazette issue: the running header and the page number sit at the top of
# every page, and page 2 starts in the middle of "15/2020/NĐ-CP".
GAZETTE_PAGES = [
    [HEADER, "12", "CHÍNH PHỦ", "Số: 07/2026/NĐ-CP", "Hà Nội, ngày 10 tháng 01 năm 2026",
     "NGHỊ ĐỊNH", "Sửa đổi quy định xử phạt vi phạm hành chính",
     "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
     "Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-"],
    [HEADER + " 13", "CP ngày 03 tháng 02 năm 2020 của Chính phủ quy định xử phạt;",
     "Điều 1. Phạm vi điều chỉnh", "Nghị định này sửa đổi Nghị định số 15/2020/NĐ-CP."],
    ["14 " + HEADER, "Điều 2. Hiệu lực thi hành",
     "Nghị định này có hiệu lực từ ngày ký và thay thế Thông tư số 01/2026/TT-BTP."],
]


def keys(text: str) -> list[str]:
    return [c.key for c in parse_text(text).citations]


@pytest.fixture()
def gazette_pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "congbao-51.pdf", GAZETTE_PAGES, FONT)  # type: ignore[arg-type]


def test_text_pdf_reads_like_the_text(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "notice.pdf", [NOTICE_PAGE.splitlines()], FONT)  # type: ignore[arg-type]
    result = read_document(pdf)
    assert (result.kind, result.pages) == ("pdf", 1)
    assert result.text.split() == NOTICE_PAGE.split()


def test_gazette_headers_and_page_numbers_are_removed(gazette_pdf: Path) -> None:
    result = read_document(gazette_pdf)
    assert "CÔNG BÁO" not in result.text
    assert not any(line.strip() in {"12", "13", "14"} for line in result.text.splitlines())
    assert {r.reason for r in result.removed} == {"gazette-header", "page-number",
                                                  "page-break"}
    assert "Nghị định số 15/2020/NĐ-\nCP ngày 03 tháng 02 năm 2020" in result.text


def test_reference_split_by_a_page_header_is_found_whole(gazette_pdf: Path) -> None:
    result = read_document(gazette_pdf)
    found = keys(result.text)
    assert found.count("15/2020/NĐ-CP") == 2
    assert "63/2025/QH15" in found and "01/2026/TT-BTP" in found
    # Without the cleaning the header would cut the symbol short.
    assert "15/2020/NĐ-CP" not in keys(result.source_text or "")[:2]


def test_offsets_trace_back_to_the_source_text(gazette_pdf: Path) -> None:
    result = read_document(gazette_pdf)
    assert result.source_text is not None and result.offsets is not None
    for c in parse_text(result.text).citations:
        start, end = result.span_to_source(c.start, c.end)
        source = result.source_text[start:end]
        # The source span starts and ends on the same characters...
        assert source[0] == c.text[0] and source[-1] == c.text[-1]
        # ...and holds the cited text once the removed noise is taken out.
        removed = [r for r in result.removed if start <= r.start and r.end <= end]
        kept = "".join(ch for i, ch in enumerate(source, start)
                       if not any(r.start <= i < r.end for r in removed))
        assert kept == c.text
    split = next(c for c in parse_text(result.text).citations if "\n" in c.text)
    start, end = result.span_to_source(split.start, split.end)
    assert HEADER in result.source_text[start:end]


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Mat")
    path = tmp_path / "secret.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(ReadError, match=r"secret\.pdf: password-protected PDF"):
        read_document(path)


def test_owner_password_only_pdf_is_readable(tmp_path: Path) -> None:
    # Restrictions without an opening password are common in the gazette.
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Cong van so 1431/UBND-VP")
    path = tmp_path / "restricted.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o",
             permissions=pymupdf.PDF_PERM_PRINT)
    assert "1431/UBND-VP" in read_document(path).text


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.98])
def test_truncated_pdf_is_refused(gazette_pdf: Path, tmp_path: Path, keep: float) -> None:
    data = gazette_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ReadError, match=r"cut\.pdf: truncated PDF"):
        read_document(path)


def test_garbage_with_pdf_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    with pytest.raises(ReadError, match=r"junk\.pdf: "):
        read_document(path)


def test_pdf_without_any_text_or_image_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page()
    path = tmp_path / "blank.pdf"
    doc.save(path)
    with pytest.raises(ReadError, match="no text"):
        read_document(path)


def _png_page() -> bytes:
    from PIL import Image

    buf = __import__("io").BytesIO()
    Image.new("L", (600, 800), 255).save(buf, format="PNG")
    return buf.getvalue()


def test_without_tesseract_a_scanned_page_is_a_warning_a_scanned_pdf_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PIL")
    import parsers.readers.ocr as ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: "OCR needs tesseract (test)")
    mixed = pymupdf.open(make_pdf(tmp_path / "text.pdf", GAZETTE_PAGES[:1], FONT))  # type: ignore[arg-type]
    mixed.new_page().insert_image(pymupdf.Rect(0, 0, 595, 842), stream=_png_page())
    mixed.save(tmp_path / "mixed.pdf")
    result = read_document(tmp_path / "mixed.pdf")
    assert "Số: 07/2026/NĐ-CP" in result.text
    assert any("scanned page 2 NOT read: OCR needs tesseract" in w for w in result.warnings)

    scan = pymupdf.open()
    scan.new_page().insert_image(pymupdf.Rect(0, 0, 595, 842), stream=_png_page())
    scan.save(tmp_path / "scan.pdf")
    with pytest.raises(ReadError, match="scanned PDF without text layer; OCR needs tesseract"):
        read_document(tmp_path / "scan.pdf")
    (tmp_path / "scan.png").write_bytes(_png_page())
    with pytest.raises(ReadError, match=r"scan\.png: OCR needs tesseract"):
        read_document(tmp_path / "scan.png")
