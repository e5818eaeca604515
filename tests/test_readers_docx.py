"""Word .docx reader: paragraphs, the header table, merged cells, footnotes,
and damaged or protected files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from fixtures.readers.builders import add_footnotes

from parsers import parse_text
from parsers.readers import ReadError, read_document

docx = pytest.importorskip("docx")


@pytest.fixture()
def notice_docx(tmp_path: Path) -> Path:
    document = docx.Document()
    # The header block of a Vietnamese document is a two-column table.
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH LẠNG SƠN\nVĂN PHÒNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 71/TB-VP"
    header.cell(1, 1).text = "Lạng Sơn, ngày 31 tháng 01 năm 2026"
    document.add_paragraph("THÔNG BÁO")
    body = document.add_paragraph(
        "Đồng chí Chủ tịch UBND tỉnh làm Tổ trưởng theo Quyết định số 58-QĐ/TU")
    add_footnotes(document, body, [
        "Công điện số 65/CĐ-TTg ngày 15/5/2025 của Thủ tướng Chính phủ về chống buôn lậu."])
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Văn bản liên quan"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Công văn số 1431/UBND-VP ngày 06/5/2025"
    table.cell(1, 2).text = "UBND thành phố"
    path = tmp_path / "notice.docx"
    document.save(path)
    return path


def test_header_table_paragraphs_and_cells_in_order(notice_docx: Path) -> None:
    text = read_document(notice_docx).text
    order = ["UBND TỈNH LẠNG SƠN", "Số: 71/TB-VP", "THÔNG BÁO", "Quyết định số 58-QĐ/TU",
             "Văn bản liên quan", "Công văn số 1431/UBND-VP"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert text.count("Văn bản liên quan") == 1  # a merged cell is read once


def test_footnote_marker_does_not_glue_onto_the_symbol(notice_docx: Path) -> None:
    text = read_document(notice_docx).text
    assert "Quyết định số 58-QĐ/TU[1]" in text
    assert "[1] Công điện số 65/CĐ-TTg ngày 15/5/2025" in text


def test_docx_yields_the_document_identity_and_all_references(notice_docx: Path) -> None:
    result = read_document(notice_docx)
    assert result.kind == "docx"
    parsed = parse_text(result.text)
    assert parsed.document.key == "71/TB-VP"
    assert {c.key for c in parsed.citations} >= {"58-QĐ/TU", "65/CĐ-TTg", "1431/UBND-VP"}


def test_tracked_deletion_is_not_read(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    p = document.add_paragraph("Căn cứ Nghị định số 15/2020/NĐ-CP")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f'<w:del {w} w:id="9" w:author="a"><w:r><w:delText>'
                          'và Nghị định số 99/2019/NĐ-CP</w:delText></w:r></w:del>'))
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert "99/2019" not in read_document(path).text


def test_truncated_docx_is_refused(notice_docx: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(notice_docx.read_bytes()[:2000])
    with pytest.raises(ReadError, match=r"cut\.docx: not a valid \.docx"):
        read_document(path)


def test_zip_that_is_not_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match="without word/document.xml"):
        read_document(path)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "old binary Word .doc"),
        ("EncryptionInfo".encode("utf-16-le"), "password-protected Word file"),
    ],
)
def test_ole_files_say_doc_or_password(tmp_path: Path, payload: bytes, message: str) -> None:
    path = tmp_path / "file.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + payload + bytes(512))
    with pytest.raises(ReadError, match=message):
        read_document(path)


def test_empty_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    with pytest.raises(ReadError, match="no text"):
        read_document(path)


def test_doc_and_rtf_names_are_refused_with_the_fix(tmp_path: Path) -> None:
    ole = tmp_path / "old.doc"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    rtf = tmp_path / "draft.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Quy\\'ea\\'f4t \\'f0\\'ecnh}")
    odd = tmp_path / "web.doc"  # Word "saved as web page" with a .doc name
    odd.write_text("<html>...</html>", encoding="utf-8")
    for path, words in ((ole, "old binary Word .doc"), (rtf, "RTF document"),
                        (odd, "old binary Word .doc")):
        with pytest.raises(ReadError, match=words) as err:
            read_document(path)
        assert "save it as .docx" in str(err.value)


def test_docx_saved_with_doc_name_is_read(notice_docx: Path, tmp_path: Path) -> None:
    path = tmp_path / "renamed.doc"
    path.write_bytes(notice_docx.read_bytes())
    result = read_document(path)
    assert result.kind == "docx" and "Số: 71/TB-VP" in result.text
    assert any("named .doc but the content is docx" in w for w in result.warnings)


def test_vntime_and_vni_paragraphs_are_converted(tmp_path: Path) -> None:
    from parsers.readers.legacy_encodings import encode_tcvn3, encode_vni

    old = "Thực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban Thường vụ Tỉnh ủy"
    older = "Căn cứ Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố"
    new = "Thông báo này thay thế các thông báo trước đây về cùng nội dung"
    document = docx.Document()
    # What Word holds for text typed in .VnTime / VNI-Times: the font's bytes as characters.
    document.add_paragraph(encode_tcvn3(old).decode("cp1252"))
    document.add_paragraph(encode_vni(older).decode("cp1252"))
    document.add_paragraph(new)
    path = tmp_path / "vntime.docx"
    document.save(path)
    result = read_document(path)
    assert result.text == f"{old}\n{older}\n{new}\n"
    assert result.encoding == "tcvn3+vni"
    assert any("2 paragraph line(s)" in w for w in result.warnings)
