"""`legalgraph ingest` on one folder mixing every input kind and every kind of
bad input: each file gets an outcome, the exit code says some failed, the
store holds every good file, and a second run loses nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fixtures.readers.builders import (
    NOTICE_PAGE,
    add_footnotes,
    dejavu_font,
    make_pdf,
    make_unreadable,
    render_page,
)

from parsers.readers.legacy_encodings import encode_cp1258, encode_tcvn3, encode_vni
from parsers.readers.ocr import ocr_available

docx = pytest.importorskip("docx")
pymupdf = pytest.importorskip("pymupdf")
FONT = dejavu_font()
pytestmark = pytest.mark.skipif(FONT is None, reason="DejaVu font (fonts-dejavu-core) missing")


def notice(n: int) -> str:
    """A small distinct notice (its own number) citing one document."""
    return (f"UBND TỈNH LẠNG SƠN\nSố: {n}/TB-VP\nLạng Sơn, ngày 05 tháng 01 năm 2026\n"
            f"THÔNG BÁO\nThực hiện Quyết định số 58-QĐ/TU ngày 20/11/2025 của Ban "
            f"Thường vụ Tỉnh ủy về phân công nhiệm vụ.\n")


def build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[set[str], dict[str, str]]:
    """(good file names, {bad file name: expected words in its message})."""
    folder.mkdir()
    good: dict[str, bytes] = {
        "utf8.txt": notice(1).encode(),
        "utf16.txt": notice(2).encode("utf-16"),
        "win1258.txt": encode_cp1258(notice(3)),
        "tcvn3.txt": encode_tcvn3(notice(4)),
        "vni.txt": encode_vni(notice(5)),
        "mixed-encodings.txt": notice(6).encode() + encode_cp1258(
            "Căn cứ Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố về "
            "việc số hóa hồ sơ thủ tục hành chính;\n"),
        "no-header.txt": "Thực hiện Công văn số 1431/UBND-VP ngày 06/5/2025.\n".encode(),
        "page.md": ("# THÔNG BÁO\n\n" + notice(7)).encode(),
        "page.html": f"<html><body><p>{notice(8)}</p></body></html>".encode(),
    }
    for name, data in good.items():
        (folder / name).write_bytes(data)
    sub = folder / "sub"
    sub.mkdir()
    document = docx.Document()
    for line in notice(9).splitlines():
        paragraph = document.add_paragraph(line)
    add_footnotes(document, paragraph, ["Công điện số 65/CĐ-TTg ngày 15/5/2025."])
    document.save(sub / "draft.docx")
    make_pdf(sub / "gazette.pdf", [["CÔNG BÁO/Số 51/Ngày 23-01-2026", "7",
                                    *notice(10).splitlines()]], FONT)  # type: ignore[arg-type]
    names = set(good) | {"sub/draft.docx", "sub/gazette.pdf"}
    if ocr_available() is None:
        render_page(NOTICE_PAGE, FONT).save(sub / "scan.png")  # type: ignore[arg-type]
        names.add("sub/scan.png")

    bad = {
        "empty.txt": "empty file",
        "binary.txt": "binary data",
        "invalid-utf8.txt": "not valid UTF-8",
        "huge.txt": "above the 32 MiB limit",
        "truncated.pdf": "truncated PDF",
        "locked.pdf": "password-protected PDF",
        "unreadable.txt": "Permission denied",
        "loop": "symbolic link loop",
        "old.doc": "old binary Word .doc",
    }
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "invalid-utf8.txt").write_bytes(notice(11).encode() + b"\xff\xfe\xfa 1/QD\n")
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    whole = (sub / "gazette.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    locked = pymupdf.open()
    locked.new_page().insert_text((72, 72), "Mat")
    locked.save(folder / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u",
                owner_pw="o")
    (folder / "unreadable.txt").write_bytes(notice(12).encode())
    make_unreadable(folder / "unreadable.txt", monkeypatch)
    (sub / "loop").symlink_to(folder, target_is_directory=True)
    return names, bad


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_ingest_mixed_folder_reports_each_file_and_stores_the_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = pytest.importorskip("legalgraph.cli")
    store_mod = pytest.importorskip("graph.store")
    folder = tmp_path / "inbox"
    good, bad = build(folder, monkeypatch)
    db = tmp_path / "db"

    code = cli.main(["ingest", str(folder), "--db", str(db), "--json", "--no-progress",
                     "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 1  # some files failed
    report = json.loads(out)
    messages = {e["path"]: e["error"] for e in report["errors"]}
    for name, words in bad.items():
        hits = [m for p, m in messages.items() if Path(p).name == name]
        assert hits, f"no outcome reported for {name}: {messages}"
        assert words in hits[0] and name in hits[0]
    assert len(messages) == len(bad)
    with store_mod.Store(db) as store:
        stored = {str(Path(p).relative_to(folder.resolve())) for p in store.known_files()}
    assert stored == good

    # A second run over the same folder changes nothing and loses nothing.
    code = cli.main(["ingest", str(folder), "--db", str(db), "--json", "--no-progress",
                     "--jobs", "1"])
    again = json.loads(capsys.readouterr().out)
    assert code == 1 and again["added"] == 0 and again["unchanged"] == len(good)
    with store_mod.Store(db) as store:
        assert len(store.known_files()) == len(good)
