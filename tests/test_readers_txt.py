"""Plain-text reader: every encoding Vietnamese offices use, and bad text input."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest

from parsers import parse_text
from parsers.readers import ReadError, ReadLimits, read_document
from parsers.readers.legacy_encodings import encode_cp1258, encode_tcvn3, encode_vni

SEEDS = Path(__file__).resolve().parents[1] / "data" / "samples" / "seeds"
PARAGRAPH = (
    "THÔNG BÁO\n"
    "Kết luận của đồng chí Chủ tịch UBND tỉnh tại buổi làm việc với các xã.\n"
    "Thực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy "
    "và Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố về việc số hóa "
    "hồ sơ, kết quả giải quyết thủ tục hành chính; đường giao thông, nhiệm vụ được giao.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "data", "reported"),
    [
        # (what the office saved, its bytes, ReadResult.encoding)
        ("utf-8", PARAGRAPH.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8"), "utf-8"),
        ("utf-8 NFD (macOS)", unicodedata.normalize("NFD", PARAGRAPH).encode(), "utf-8"),
        ("utf-16 with BOM (Notepad 'Unicode')", PARAGRAPH.encode("utf-16"), "utf-16-le"),
        ("utf-16-be with BOM", codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be"),
         "utf-16-be"),
        ("utf-16-le without BOM", PARAGRAPH.encode("utf-16-le"), "utf-16-le"),
        ("utf-32 with BOM", PARAGRAPH.encode("utf-32"), "utf-32-le"),
        ("windows-1258", encode_cp1258(PARAGRAPH), "cp1258"),
        ("TCVN3 (ABC)", encode_tcvn3(PARAGRAPH), "tcvn3"),
        ("VNI-Windows", encode_vni(PARAGRAPH), "vni"),
    ],
)
def test_every_encoding_reads_to_the_same_nfc_text(
    tmp_path: Path, encoding: str, data: bytes, reported: str
) -> None:
    result = read_document(write(tmp_path, "doc.txt", data))
    assert result.text == PARAGRAPH, encoding
    assert result.encoding == reported
    assert result.kind == "txt"


def test_tcvn3_capital_words_come_back_capital(tmp_path: Path) -> None:
    # ABC has capitals only for Ă Â Ê Ô Ơ Ư Đ: "BÁO" is stored as "B¸O" (lowercase á).
    data = encode_tcvn3("THÔNG BÁO KẾT LUẬN\nTổ công tác số 3\n")
    assert b"TH\xa4NG B\xb8O" in data
    assert read_document(write(tmp_path, "abc.txt", data)).text == (
        "THÔNG BÁO KẾT LUẬN\nTổ công tác số 3\n")


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_legacy_font_text_saved_as_unicode_is_converted(tmp_path: Path, legacy: str) -> None:
    # Text typed in a .VnTime/VNI-Times font, later saved as UTF-8 character by
    # character: the file is valid UTF-8 but reads "Th«ng b¸o".
    encode = encode_tcvn3 if legacy == "tcvn3" else encode_vni
    garbled = encode(PARAGRAPH).decode("cp1252", errors="strict")
    result = read_document(write(tmp_path, "garbled.txt", garbled.encode("utf-8")))
    assert result.text == PARAGRAPH
    assert result.encoding == f"utf-8+{legacy}"
    assert any("font text" in w for w in result.warnings)


@pytest.mark.parametrize("seed", ["notice-2026-01-clean.txt", "city-notice-2025-05.txt",
                                  "notice-2026-01-ocr.txt"])
def test_detection_does_not_misfire_on_real_notices(tmp_path: Path, seed: str) -> None:
    source = SEEDS / seed
    text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8"))
    as_utf8 = read_document(write(tmp_path, "u.txt", text.encode("utf-8")))
    assert as_utf8.encoding == "utf-8"
    assert as_utf8.source_text in (None, text) and text.startswith(as_utf8.text[:20])
    if seed != "notice-2026-01-ocr.txt":  # the OCR copy has ﬁ, which cp1258 lacks
        as_1258 = read_document(write(tmp_path, "w.txt", encode_cp1258(text)))
        assert as_1258.encoding == "cp1258"
        assert as_1258.text == as_utf8.text


def test_mixed_utf8_and_cp1258_lines_are_decoded_with_a_warning(tmp_path: Path) -> None:
    first = "Căn cứ Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy;\n"
    second = ("Thực hiện Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố về "
              "việc số hóa hồ sơ thủ tục hành chính còn hiệu lực;\n")
    data = first.encode("utf-8") + encode_cp1258(second) + first.encode("utf-8")
    result = read_document(write(tmp_path, "mixed.txt", data))
    assert result.text == first + second + first
    assert result.encoding == "utf-8+cp1258"
    assert any("mixed encodings" in w and "lines 2" in w for w in result.warnings)


def test_invalid_utf8_is_refused_with_line_and_column(tmp_path: Path) -> None:
    data = PARAGRAPH.encode("utf-8") + b"Quy\xff\xfe t\xc3\n" + PARAGRAPH.encode("utf-8")
    path = write(tmp_path, "broken.txt", data)
    with pytest.raises(ReadError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: not valid UTF-8")
    assert "ff fe" in message and "line 4, column 4" in message


def test_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "data.txt", bytes(range(256)) * 40)
    with pytest.raises(ReadError, match=r"data\.txt: binary data, not text"):
        read_document(path)


def test_executable_named_txt_is_named_as_such(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", b"\x7fELF\x02\x01\x01" + bytes(200))
    with pytest.raises(ReadError, match="executable program, not a document"):
        read_document(path)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(ReadError, match="empty file"):
        read_document(path)


def test_200_mb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: takes no disk and no time
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert "200.0 MiB, above the 32 MiB limit" in str(err.value)


def test_size_cap_is_configurable_and_named(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.txt", PARAGRAPH.encode() * 10)
    with pytest.raises(ReadError, match="above the 0 MiB limit"):
        read_document(path, limits=ReadLimits(max_text_bytes=1000))
    assert read_document(path).text.startswith("THÔNG BÁO")


def test_pdf_saved_with_txt_name_is_read_as_pdf_with_a_warning(tmp_path: Path) -> None:
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Cong van so 1431/UBND-VP ngay 06/5/2025")
    path = tmp_path / "really-a-pdf.txt"
    doc.save(path)
    result = read_document(path)
    assert result.kind == "pdf"
    assert any("named .txt but the content is pdf" in w for w in result.warnings)


def test_document_without_header_still_reads_and_parses(tmp_path: Path) -> None:
    body = "Thực hiện Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố.\n"
    result = read_document(write(tmp_path, "no-header.txt", body.encode()))
    parsed = parse_text(result.text)
    assert parsed.document.key is None  # no "Số: ..." header: ingest must report this
    assert [c.key for c in parsed.citations] == ["1431/UBND-VP"]


def test_missing_file_and_folder_are_read_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_document(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        read_document(fifo)


def test_one_legacy_font_line_among_unicode_lines_is_converted(tmp_path: Path) -> None:
    first, second = PARAGRAPH.splitlines()[1:3]
    garbled = encode_tcvn3(second).decode("cp1252")  # pasted from a .VnTime document
    data = f"{first}\n{garbled}\n{first}\n".encode()
    result = read_document(write(tmp_path, "pasted.txt", data))
    assert result.text == f"{first}\n{second}\n{first}\n"
    assert result.encoding == "utf-8+tcvn3"
    assert any("1 line(s) of tcvn3 font text" in w for w in result.warnings)
