"""Uploads: save the browser's files, check each (read + parse), ingest the
good ones with :func:`graph.ingest.ingest`.

Files are first written to ``<store>/uploads/.incoming/`` and only moved to
``<store>/uploads/<name>`` once they read and parse, so a bad file never
replaces the copy of a good one uploaded earlier under the same name; the
store itself is only touched by ``ingest``, which commits file by file.

An upload is a writer like ``legalgraph ingest``: it holds the store's
writer lock from the check against the stored files to the end of the
ingest, so two uploads (or an upload and a scheduled ingest) run one after
the other. It waits at most :data:`UPLOAD_WAIT_SECONDS`, then tells the
staff the store is busy; nothing is moved into place or written then.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from graph.store import Store, StoreBusy
from legalgraph.ui.messages import parse_failure, read_problem

log = logging.getLogger(__name__)

__all__ = ["ACCEPTED", "FileResult", "Saved", "check", "ingest_checked", "save_uploads"]

#: Suffixes the upload page accepts.
ACCEPTED: tuple[str, ...] = ("txt", "docx", "pdf")

#: How long an upload waits for another ingest into the same store.
UPLOAD_WAIT_SECONDS = 120.0

BUSY_MESSAGE = ("Kho đang được một lần nạp khác ghi (quá {seconds:g} giây); tệp chưa được "
                "nạp, hãy thử lại sau")


@dataclass(frozen=True, slots=True)
class Saved:
    """An uploaded file written to the staging folder."""

    name: str
    path: Path
    final: Path


#: What became of an uploaded file (``FileResult.status``).
ADDED, REPLACED, UNCHANGED, DUPLICATE, FAILED = (
    "added", "replaced", "unchanged", "duplicate", "failed")


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one uploaded file, in words for the staff.

    ``ok``: the file was read and parsed (and, after :func:`ingest_checked`,
    is in the store, new or already there); ``status`` says which:
    :data:`ADDED`, :data:`REPLACED` (same name, new content),
    :data:`UNCHANGED` (the same file again), :data:`DUPLICATE` (the same
    content under another name) or :data:`FAILED`.
    """

    name: str
    ok: bool
    message: str
    key: str | None = None
    citations: int = 0
    path: Path | None = None
    final: Path | None = None
    status: str = ADDED


def safe_name(name: str) -> str:
    """The file name without folders or characters a file system dislikes."""
    base = os.path.basename(name.replace("\\", "/")).strip() or "tep"
    base = re.sub(r"[\x00-\x1f<>:\"|?*]", "_", base)
    return base.lstrip(".") or "tep"


def save_uploads(store_dir: str | os.PathLike[str] | None,
                 files: Sequence[tuple[str, bytes]]) -> list[Saved]:
    """Write each (name, bytes) to the staging folder; names made safe."""
    root = Path(store_dir or "data/store") / "uploads"
    incoming = root / ".incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    out = []
    for name, data in files:
        clean = safe_name(name)
        path = incoming / clean
        path.write_bytes(data)
        out.append(Saved(clean, path, root / clean))
    return out


def _strip_path(message: str, path: Path) -> str:
    return message.replace(f"{path}: ", "").replace(str(path), path.name)


def check(item: Saved) -> FileResult:
    """Read and parse one staged file; never raises for a bad file."""
    from parsers import parse_text
    from parsers.readers import ReadError, read_document

    try:
        doc = read_document(item.path)
    except ReadError as exc:
        return FileResult(item.name, False, "Lỗi đọc tệp: " + read_problem(exc.problem),
                          path=item.path, final=item.final, status=FAILED)
    try:
        record = parse_text(doc.text, file=item.name)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        log.exception("parser failed on the uploaded file %s", item.name)
        return FileResult(item.name, False, "Lỗi phân tích: " + parse_failure(exc),
                          path=item.path, final=item.final, status=FAILED)
    key = record.document.key
    n = len(record.citations)
    msg = f"Đã nạp: {n} dẫn chiếu"
    if not key:
        msg += " (không tìm thấy số ký hiệu ở phần đầu văn bản)"
    return FileResult(item.name, True, msg, key=key, citations=n, path=item.path,
                      final=item.final)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ingest_checked(store: Store, results: Sequence[FileResult], *,
                   wait: float = UPLOAD_WAIT_SECONDS) -> list[FileResult]:
    """Move the files that passed :func:`check` into place and ingest them in
    one batch (one re-resolution); drop the staged bad files. Files already
    stored with the same bytes are reported as such, not re-added. When
    another writer keeps the store longer than ``wait`` seconds, every file
    is reported as not ingested and nothing is moved or written."""
    try:
        with store.writer(wait=wait):
            return _ingest_checked(store, results)
    except StoreBusy:
        for r in results:
            if r.path is not None:
                r.path.unlink(missing_ok=True)
        return [replace(r, ok=False, status=FAILED, message=BUSY_MESSAGE.format(seconds=wait))
                if r.ok else r for r in results]


def _ingest_checked(store: Store, results: Sequence[FileResult]) -> list[FileResult]:
    from graph.ingest import ingest

    known, hashes = store.known_files(), store.known_hashes()
    batch: dict[str, str] = {}  # sha → name of the file of this upload that has it
    out: list[FileResult] = []
    todo: list[Path] = []
    for r in results:
        assert r.path is not None and r.final is not None
        if not r.ok:
            r.path.unlink(missing_ok=True)
            out.append(r)
            continue
        sha = _sha256(r.path)
        final = str(r.final.resolve())
        if known.get(final) == sha:
            r.path.unlink(missing_ok=True)
            out.append(replace(r, status=UNCHANGED, message="Trùng: tệp này đã có trong kho "
                                                            "(không nạp lại)"))
            continue
        same = batch.get(sha) or (Path(hashes[sha]).name if sha in hashes
                                  and hashes[sha] != final else None)
        if same is not None:
            r.path.unlink(missing_ok=True)
            out.append(replace(r, status=DUPLICATE, message=f"Trùng nội dung với tệp đã có: "
                                                            f"{same} (không nạp lại)"))
            continue
        batch[sha] = r.name
        shutil.move(r.path, r.final)
        todo.append(r.final)
        out.append(r if final not in known else replace(
            r, status=REPLACED, message=r.message + " (thay bản cũ cùng tên)"))
    if todo:
        report = ingest(todo, store)
        failed = {str(Path(p).resolve()): msg for p, msg in report.errors}
        out = [replace(r, ok=False, status=FAILED, message="Lỗi ghi vào kho: " + read_problem(
                   _strip_path(failed[str(r.final.resolve())], r.final)))
               if r.ok and r.final is not None and str(r.final.resolve()) in failed else r
               for r in out]
    return out
