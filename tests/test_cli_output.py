"""What the command line prints: the JSON contract of ``legalgraph parse`` that
other tools read (README, "The parser"), the neo4j-admin CSV of ``export
--format csv``, and the readable text of ``show`` and ``stats``."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from legalgraph.cli import build_parser, main
from parsers.models import RELATIONS
from parsers.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
QD58 = SAMPLES / "qd-58-qd-tu-2025-lang-son.txt"
CITY = SAMPLES / "seeds" / "city-notice-2025-05.txt"
QD_ID = "vn/lang-son/2025-2030/qd/58/qd-tu"

#: The contract, as README.md states it.
RECORD_KEYS = {"file", "document", "citations", "relations"}
DOCUMENT_KEYS = {"type", "number", "symbol", "key", "date", "place", "issuer", "subject",
                 "effective", "expires"}  # the last two: the dates its own clauses set
CITATION_KEYS = {"start", "end", "text", "type", "key", "date", "issuer", "relation",
                 "partial"}  # partial: a repeal, replacement or amendment of parts only
RELATION_KEYS = {"from", "to", "relation"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_record(record: dict, text: str) -> None:
    """``record`` has exactly the contract's fields, with their types, and its
    spans index ``text`` (the text the reader gave the parser)."""
    assert set(record) == RECORD_KEYS
    assert set(record["document"]) == DOCUMENT_KEYS
    for k, v in record["document"].items():
        assert v is None or isinstance(v, str), k
    if record["document"]["date"] is not None:
        assert ISO_DATE.fullmatch(record["document"]["date"])
    for c in record["citations"]:
        assert set(c) == CITATION_KEYS
        assert isinstance(c["start"], int) and isinstance(c["end"], int)
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert text[c["start"]:c["end"]] == c["text"]
        assert isinstance(c["key"], str) and c["key"]
        assert c["relation"] in RELATIONS
        assert c["date"] is None or ISO_DATE.fullmatch(c["date"])
    for r in record["relations"]:
        assert set(r) == RELATION_KEYS and r["relation"] in RELATIONS


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Số: 15/KH-UBND")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ;")
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    document.save(str(path))
    return path


def test_parse_prints_one_contract_record_per_file_in_order(docx_file: Path,
                                                            tmp_path: Path) -> None:
    """The installed entry point, as another tool runs it: a bad file in the
    middle is one line on stderr and the others are still printed."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files = [QD58, empty, CITY, docx_file]
    proc = subprocess.run([sys.executable, "-m", "legalgraph.cli", "parse", *map(str, files)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"legalgraph parse: {empty}: empty file (0 bytes)"]
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == [str(QD58), str(CITY), str(docx_file)]
    for record, path in zip(records, [QD58, CITY, docx_file], strict=True):
        check_record(record, read_document(path).text)
    qd, city, kh = records
    assert (qd["document"]["type"], qd["document"]["key"], qd["document"]["date"]) == (
        "Quyết định", "58-QĐ/TU", "2025-11-20")
    assert [c["key"] for c in city["citations"]] == [
        "65/CĐ-TTg", "72/CĐ-TTg", "349/TB-UBND", "1431/UBND-VP"]
    assert kh["document"]["key"] == "15/KH-UBND"
    assert [(c["key"], c["date"], c["issuer"], c["relation"]) for c in kh["citations"]] == [
        ("15/2020/NĐ-CP", "2020-02-03", "Chính phủ", "based_on")]


def test_parse_text_file_spans_index_the_file_itself(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    assert main(["parse", str(QD58)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    check_record(record, QD58.read_text(encoding="utf-8"))  # UTF-8 NFC, no page noise
    assert len(record["citations"]) == 3


def test_parse_spans_index_the_file_where_the_reader_took_out_page_numbers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = "Các sở, ngành tiếp tục thực hiện nhiệm vụ được giao. " * 25 + "\n"
    text = (f"{page}2\n{page}3\nThực hiện Quyết định số 12/QĐ-UBND ngày 01/01/2025 "
            "của UBND tỉnh.\n")
    path = tmp_path / "copied_from_pdf.txt"
    path.write_text(text, encoding="utf-8")
    assert len(read_document(path).removed) == 2  # the two page numbers
    assert main(["parse", str(path)]) == 0
    (cit,) = json.loads(capsys.readouterr().out)["citations"]
    assert cit["key"] == "12/QĐ-UBND"
    assert text[cit["start"]:cit["end"]] == cit["text"]
    assert cit["text"].startswith("Quyết định số 12/QĐ-UBND")


def test_parse_indent_prints_a_stream_of_objects(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--indent", "2", str(QD58), str(CITY)]) == 0
    out = capsys.readouterr().out
    decoder, pos, records = json.JSONDecoder(), 0, []
    while out[pos:].strip():
        pos += len(out[pos:]) - len(out[pos:].lstrip())
        record, pos = decoder.raw_decode(out, pos)
        records.append(record)
    assert [r["file"] for r in records] == [str(QD58), str(CITY)]
    assert "\n  \"document\": {" in out


def test_parse_of_only_bad_files_fails(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"legalgraph parse: {tmp_path / 'missing.txt'}: no such file\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("store"))
    assert main(["ingest", str(SAMPLES), "--db", path, "--no-progress", "--jobs", "1"]) == 0
    return path


def test_export_csv_through_the_cli(db: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out / "nodes.csv"),
                                                    str(out / "edges.csv")]
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (out / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == len(nodes)  # neo4j-admin refuses duplicate ids
    qd = next(n for n in nodes if n["id:ID"] == QD_ID)
    assert (qd["key"], qd["type"], qd["date"], qd["year:int"], qd["ingested:boolean"],
            qd[":LABEL"]) == ("58-QĐ/TU", "Quyết định", "2025-11-20", "2025", "true",
                              "Document;Ingested")
    assert qd["files:string[]"] == str(QD58)
    texts = {}
    for e in edges:  # every relationship joins two exported nodes
        assert e[":START_ID"] in ids and e[":END_ID"] in ids
        assert e[":TYPE"] == e[":TYPE"].upper() and e[":TYPE"].lower() in RELATIONS
        assert int(e["count:int"]) >= 0
        source = next(n for n in nodes if n["id:ID"] == e[":START_ID"])
        for span in json.loads(e["spans"]):  # spans index the citing file's text
            path = source["files:string[]"].split(";")[0]
            text = texts.setdefault(path, read_document(path).text)
            assert text[span["start"]:span["end"]] == span["text"]
    into_qd = {e[":START_ID"] for e in edges if e[":END_ID"] == QD_ID}
    assert "vn/lang-son/2026/kh/15/kh-ubnd" in into_qd
    s = json.loads(_run(capsys, "stats", "--db", db, "--json"))
    assert (len(nodes), len(edges)) == (s["nodes"], s["edges"])


def test_export_csv_defaults_to_a_folder_in_the_current_directory(
        db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "csv", "--db", db]) == 0
    assert capsys.readouterr().out.split() == [os.path.join("export-csv", "nodes.csv"),
                                               os.path.join("export-csv", "edges.csv")]
    assert (tmp_path / "export-csv" / "edges.csv").stat().st_size > 100


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_show_text_lists_identity_cites_and_cited_by(db: str,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    lines = _run(capsys, "show", "58-QĐ/TU", "--db", db).splitlines()
    assert lines[0] == "58-QĐ/TU  Quyết định  2025-11-20"
    assert lines[1] == f"  id: {QD_ID}"
    cites = lines.index("  cites (3):")
    facts = lines[2:cites]  # identity lines, in this order
    issuer = facts.index("  issuer: TỈNH ỦY LẠNG SƠN · jurisdiction: lang-son · scope: 2025-2030")
    subject = next(i for i, f in enumerate(facts)
                   if f.startswith("  subject: về việc phân công các đồng chí Ủy viên"))
    assert issuer < subject < facts.index(f"  files: {QD58}") == len(facts) - 1
    cited_by = next(i for i, line in enumerate(lines) if line.startswith("  cited by ("))
    assert lines[cited_by] == "  cited by (6 documents):"
    out_links = lines[cites + 1:cited_by]
    assert [line.split("] ")[1].split("  ")[0] for line in out_links] == [
        "24-QĐ/TW", "2583-QĐ/TU", "1725-QĐ/TU"]
    assert out_links[0].startswith("  → [based_on ×1] 24-QĐ/TW  Quy định  2021-07-30")
    assert out_links[2].startswith("  → [replaces ×1] 1725-QĐ/TU")
    in_links = lines[cited_by + 1:]
    assert len(in_links) == 6 and all(line.startswith("  ← [") for line in in_links)
    assert any(re.match(r"  ← \[[a-z_,]+ ×2\] 15/KH-UBND  Kế hoạch  2026-01-12  .*"
                        r"vn/lang-son/2026/kh/15/kh-ubnd$", line) for line in in_links)
    assert any(re.match(r"  ← \[cites ×2\] \(no number\)  Thông báo  .*\[unresolved: no "
                        r"number/symbol in the header\]   vn/unidentified/", line)
               for line in in_links)


def test_show_text_of_an_ambiguous_key_prints_each_candidate(db: str,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    out = _run(capsys, "show", "09/CT-UBND", "--db", db)
    blocks = out.split("\n\n")
    assert len(blocks) == 4  # Lạng Sơn 2025 (cited only), the undated mention, 2026, Cao Bằng
    assert "09/CT-UBND  Chỉ thị  [unresolved: year/term ambiguous: 2 candidates]" in out
    assert ("  could be: vn/lang-son/2025/ct/9/ct-ubnd, vn/lang-son/2026/ct/9/ct-ubnd"
            in out)
    assert out.count("  cited only (not ingested)") == 2


def test_show_text_with_the_stored_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "show", "58-QĐ/TU", "--db", db, "--text")
    assert out.endswith("\n" + QD58.read_text(encoding="utf-8") + "\n")


def test_stats_text_says_what_json_says(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = _run(capsys, "stats", "--db", db)
    s = json.loads(_run(capsys, "stats", "--db", db, "--json"))
    expected = []
    for k, v in s.items():
        if isinstance(v, dict):
            expected.append(f"{k}:")
            expected += [f"  {kk}: {vv}" for kk, vv in v.items()]
        else:
            expected.append(f"{k}: {v}")
    assert text.splitlines() == expected
    lines = text.splitlines()
    assert lines[:2] == ["documents: 11", "files: 11"]
    assert "  Quyết định: 3" in lines[lines.index("by_type:"):]


def test_ingest_runs_up_to_four_parser_processes_by_default() -> None:
    args = build_parser().parse_args(["ingest", "x"])
    assert args.jobs == min(os.cpu_count() or 1, 4)
