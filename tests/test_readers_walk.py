"""The folder walker (recursive, sorted, safe against link loops, every problem a
yielded ReadError rather than an exception) and file-level errors of the dispatcher."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures.readers.builders import make_unreadable

from parsers.readers import ReadError, iter_document_paths, read_document


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "2025" / "05").mkdir(parents=True)
    (root / "2026").mkdir()
    (root / "2025" / "05" / "b.txt").write_text("Công văn số 1/UBND-VP\n", encoding="utf-8")
    (root / "2025" / "a.PDF").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "2026" / "c.docx").write_bytes(b"PK\x03\x04")
    (root / "2026" / "notes.xlsx").write_bytes(b"PK\x03\x04")  # not a document kind
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    return root


def split(items: list[Path | ReadError]) -> tuple[list[str], list[str]]:
    files = [str(i) for i in items if isinstance(i, Path)]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    return files, errors


def test_walks_recursively_in_sorted_order_skipping_other_kinds(tmp_path: Path) -> None:
    root = tree(tmp_path)
    files, errors = split(list(iter_document_paths([root])))
    assert files == [str(root / "2025" / "05" / "b.txt"), str(root / "2025" / "a.PDF"),
                     str(root / "2026" / "c.docx")]
    assert errors == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlink_loop_and_broken_link_are_reported_and_the_walk_goes_on(
    tmp_path: Path,
) -> None:
    root = tree(tmp_path)
    (root / "2026" / "back-to-root").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")  # ELOOP on stat
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "again").symlink_to(root / "2025")  # a second way into a folder: no duplicates
    files, errors = split(list(iter_document_paths([root])))
    assert len(files) == 3 and len(set(files)) == 3
    assert f"{root / '2026' / 'back-to-root'}: symbolic link loop" in "\n".join(errors)
    assert f"{root / 'self.txt'}: symbolic link loop" in errors
    assert f"{root / 'gone.txt'}: broken symbolic link" in errors


def test_unreadable_folder_is_reported_not_raised(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree(tmp_path)
    make_unreadable(root / "2025", monkeypatch)
    files, errors = split(list(iter_document_paths([root])))
    assert files == [str(root / "2026" / "c.docx")]
    assert errors == [f"{root / '2025'}: cannot list folder (Permission denied)"]


def test_unreadable_file_is_a_read_error(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Công văn số 1/UBND-VP\n", encoding="utf-8")
    make_unreadable(path, monkeypatch)
    with pytest.raises(ReadError, match=r"locked\.txt: cannot read file \(Permission denied\)"):
        read_document(path)


def test_explicit_paths_any_suffix_missing_and_fifo(tmp_path: Path) -> None:
    odd = tmp_path / "README"
    odd.write_text("x", encoding="utf-8")
    items = [odd, tmp_path / "absent.txt"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        items.append(tmp_path / "pipe.txt")
    files, errors = split(list(iter_document_paths(items)))
    assert files == [str(odd)]  # read_document will say the type is unsupported
    assert f"{tmp_path / 'absent.txt'}: no such file or folder" in errors
    if hasattr(os, "mkfifo"):
        assert any(e.startswith(f"{tmp_path / 'pipe.txt'}: not a regular file") for e in errors)
    with pytest.raises(ReadError, match="unsupported file type"):
        read_document(odd)


def test_missing_optional_package_is_a_clear_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path = tmp_path / "draft.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were absent
    with pytest.raises(ReadError, match=r"needs the Python package docx: pip install"):
        read_document(path)
