"""Saved portal pages (.html) and Markdown (.md)."""

from __future__ import annotations

from pathlib import Path

from parsers import parse_text
from parsers.readers import read_document
from parsers.readers.legacy_encodings import encode_cp1258

BODY = ("<p>Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ;</p>"
        "<table><tr><td>1</td><td>Công văn số 1431/UBND-VP ngày 06/5/2025</td></tr></table>")
PORTAL_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Văn bản</title><script>var x = "Quyết định số 1/QĐ-XX";</script></head><body>
<nav><a href="/">Văn bản liên quan: Thông tư số 99/2099/TT-BXX</a></nav>
<div class="header">Cổng thông tin</div>
<div id="toanvancontent">{BODY}</div>
<footer>Bản quyền thuộc Thông tư số 98/2098/TT-BYY</footer></body></html>"""


def keys(text: str) -> set[str]:
    return {c.key for c in parse_text(text).citations}


def test_portal_page_reads_only_the_full_text_box(tmp_path: Path) -> None:
    path = tmp_path / "vbpl.html"
    path.write_text(PORTAL_PAGE, encoding="utf-8")
    result = read_document(path)
    assert result.kind == "html"
    assert keys(result.text) == {"15/2020/NĐ-CP", "1431/UBND-VP"}
    assert "Cổng thông tin" not in result.text


def test_page_without_known_container_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = PORTAL_PAGE.replace('id="toanvancontent"', 'id="other"')
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    found = keys(read_document(path).text)
    assert {"15/2020/NĐ-CP", "1431/UBND-VP"} <= found
    assert not found & {"1/QĐ-XX", "99/2099/TT-BXX", "98/2098/TT-BYY"}


def test_declared_windows_1258_page(tmp_path: Path) -> None:
    page = PORTAL_PAGE.replace('charset="utf-8"', 'charset="windows-1258"')
    path = tmp_path / "old.html"
    path.write_bytes(encode_cp1258(page))
    result = read_document(path)
    assert result.encoding == "cp1258"
    assert "15/2020/NĐ-CP" in keys(result.text)


def test_page_without_charset_in_tcvn3_is_detected(tmp_path: Path) -> None:
    from parsers.readers.legacy_encodings import encode_tcvn3

    page = PORTAL_PAGE.replace('<meta charset="utf-8">', "")
    path = tmp_path / "abc.html"
    path.write_bytes(encode_tcvn3(page))
    result = read_document(path)
    assert result.encoding == "tcvn3"
    assert "Căn cứ Nghị định số 15/2020/NĐ-CP" in result.text


def test_markdown_markup_is_removed_with_offsets_to_the_file(tmp_path: Path) -> None:
    source = ("# THÔNG BÁO\n\n**Căn cứ** [Nghị định số 15/2020/NĐ-CP](https://vbpl.vn/x) "
              "ngày 03/02/2020;\n\n![con dấu](dau.png)\n")
    path = tmp_path / "note.md"
    path.write_text(source, encoding="utf-8")
    result = read_document(path)
    assert result.kind == "md"
    assert result.text == "THÔNG BÁO\n\nCăn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020;\n\n\n"
    citation = parse_text(result.text).citations[0]
    start, end = result.span_to_source(citation.start, citation.end)
    assert result.source_text == source
    assert source[start:end].startswith("Nghị định số 15/2020/NĐ-CP")


def test_latin1_page_drawn_in_vntime_font_is_converted(tmp_path: Path) -> None:
    from parsers.readers.legacy_encodings import encode_tcvn3

    page = PORTAL_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "<p>", '<p><font face=".VnTime">')
    path = tmp_path / "vntime.html"
    path.write_bytes(encode_tcvn3(page))
    result = read_document(path)
    assert result.encoding == "iso8859-1+tcvn3"
    assert keys(result.text) == {"15/2020/NĐ-CP", "1431/UBND-VP"}
    assert "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ;" in result.text
