"""``legalgraph parse FILE…``: one JSON object per file, one per line."""

from __future__ import annotations

import argparse
import json
import sys

from parsers import parse_text
from parsers.readers import ReadError, read_document


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
            record = parse_text(doc.text, file=path).to_dict()
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            # a parser defect, not the user's mistake: one line naming the file,
            # and the rest of the batch goes on
            print(f"legalgraph parse: {path}: the parser failed on this file "
                  f"({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(record, ensure_ascii=False, indent=args.indent), flush=True)
    return 1 if failed else 0
