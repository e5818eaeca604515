"""``legalgraph parse FILE…``: one JSON object per file, one per line."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from parsers import ParsedDocument, parse_text
from parsers.readers import ReadError, ReadResult, read_document


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="parse documents and print JSON records")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            doc = read_document(path)
        except ReadError as exc:
            print(f"legalgraph parse: {exc}", file=sys.stderr)
            failed += 1
            continue
        try:
            record = _on_source(parse_text(doc.text, file=path), doc).to_dict()
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            # a parser defect, not the user's mistake: one line naming the file,
            # and the rest of the batch goes on
            print(f"legalgraph parse: {path}: the parser failed on this file "
                  f"({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(record, ensure_ascii=False, indent=args.indent), flush=True)
    return 1 if failed else 0


def _on_source(record: ParsedDocument, doc: ReadResult) -> ParsedDocument:
    """``record`` with each reference's span on the text as read from the
    file, before the reader took out page numbers and gazette headers (the
    parser read the cleaned text): ``start``/``end`` index the file's text."""
    if doc.offsets is None or doc.source_text is None:
        return record
    source = doc.source_text
    moved = []
    for c in record.citations:
        start, end = doc.span_to_source(c.start, c.end)
        moved.append(dataclasses.replace(c, start=start, end=end, text=source[start:end]))
    return dataclasses.replace(record, citations=tuple(moved))
