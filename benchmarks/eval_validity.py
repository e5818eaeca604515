"""Validity on the real development corpus: documents per state, dead
citations, a sample to check by reading the acting text, and the curated
statuses of ../shared/corpus (vbpl.vn pages, Bình Dương and Sơn La metadata)
for documents the store holds.

Usage: python benchmarks/eval_validity.py [--db DIR] [--sample SEED] [--n 30]

Without --db, ingests ../shared/corpus and data/samples/seeds into a scratch
store under benchmarks/out (reused when present). Skips with a message when
../shared/corpus is absent (a fresh clone).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from _common import OUT, ROOT, print_machine

CORPUS = ROOT.parent / "shared" / "corpus"


def _iso(d: str | None) -> str | None:
    if not d:
        return None
    if "/" in d:
        day, month, year = d.split("/")[:3]
        return f"{year[:4]}-{int(month):02d}-{int(day):02d}"
    return d[:10]


def curated() -> list[dict[str, Any]]:
    """(source, key, date, status, province) of every curated record."""
    out = []
    for folder, province in (("metadata-binh-duong", "binh-duong"), ("metadata-son-la", "son-la")):
        for line in (CORPUS / folder / "metadata.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            if d.get("so_hieu") and d.get("tinh_trang_hieu_luc"):
                out.append({"source": folder, "key": d["so_hieu"],
                            "date": _iso(d.get("ngay_ban_hanh")),
                            "status": d["tinh_trang_hieu_luc"], "province": province})
    for line in (CORPUS / "vbpl-pages" / "metadata.jsonl").open(encoding="utf-8"):
        d = json.loads(line)  # the two vbpl.vn texts themselves
        out.append({"source": "vbpl-pages (text)", "key": d["so_hieu"], "date": None,
                    "status": d["tinh_trang_hieu_luc_vbpl"], "province": None,
                    "file": str(CORPUS / "vbpl-pages" / d["file"])})
    for line in (CORPUS / "vbpl-pages" / "vbpl_relations_validity.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d.get("Số ký hiệu") and d.get("Tình trạng hiệu lực"):
            out.append({"source": "vbpl-pages", "key": d["Số ký hiệu"],
                        "date": _iso(d.get("Ngày ban hành")),
                        "status": d["Tình trạng hiệu lực"], "province": None})
    return out


def compare(backend: Any) -> list[dict[str, Any]]:
    """Curated records whose document is a node of the store (same key in
    one spelling, same date when both have one, same province)."""
    from graph.search import compact_key

    rows = []
    by_file = {f: n for n in backend.nodes() if n["ingested"]
               for f in (backend.show(n["id"]) or {"files": []})["files"]}
    for rec in curated():
        found = [by_file[rec["file"]]] if rec.get("file") in by_file else \
            backend.search_keys(rec["key"], limit=10)
        for n in found:
            if "file" not in rec and compact_key(n["key"]) != compact_key(rec["key"]):
                continue
            if rec["province"] and not (n["jurisdiction"] or "").startswith(rec["province"]):
                continue
            if n["date"] and rec["date"] and n["date"] != rec["date"]:
                continue
            v = n["validity"]
            rows.append({**rec, "node": n["id"], "ingested": n["ingested"], "state": v["state"],
                         "effective": v["effective"]})
    return rows


def sample(backend: Any, seed: int, n: int) -> None:
    """Print ``n`` documents across the states with the sentence of each
    acting document, for a person to check."""
    from graph.audit import sentence_at

    g = backend.graph
    by: dict[str, list[str]] = {}
    for nid, a in g.nodes(data=True):
        by.setdefault(a["validity"]["state"], []).append(nid)
    share = {"replaced": 6, "repealed": 6, "amended": 8, "in_force": 5, "expired": 5}
    rng = random.Random(seed)
    i = 0
    for state, k in share.items():
        for nid in rng.sample(sorted(by.get(state, [])), min(k * n // 30, len(by.get(state, [])))):
            i += 1
            a = g.nodes[nid]
            v = a["validity"]
            print(f"{i:>2}. {a['key']} [{a.get('type')}] {a.get('date')} → {state} since "
                  f"{v['since']} (effective {v['effective']}, expires {v['expires']})")
            if not v["by"]:
                print(f"    file: {(a.get('files') or ['(cited only)'])[0]}")
            for act in v["by"][:3]:
                e = g.edges[act["id"], nid]
                text = backend.document_text(act["id"]) or ""
                print(f"    by {act['key']} {act['date']} (effective {act['effective']}) "
                      f"{act['relation']}{' partial' if act['partial'] else ''}; "
                      f"{(g.nodes[act['id']].get('files') or [''])[0]}")
                if e["spans"]:
                    s = e["spans"][0]
                    print(f"      « {sentence_at(text, s['start'], s['end'])[:300]} »")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a store already holding the corpus")
    ap.add_argument("--sample", type=int, metavar="SEED", help="print a sample to check")
    ap.add_argument("--n", type=int, default=30, help="sample size")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"eval_validity: no corpus at {CORPUS}; skipped (it lives in ../shared, which a "
              "fresh clone does not have)")
        return 0
    from graph.app_queries import dead_citations, validity_counts
    from graph.embedded import EmbeddedBackend
    from graph.ingest import ingest
    from graph.store import Store

    print_machine("validity on ../shared/corpus")
    db = args.db or OUT / "validity-store"
    if args.db is None:
        with Store(db) as store:
            report = ingest([CORPUS, ROOT / "data" / "samples" / "seeds"], store, jobs=2)
        print(f"   store {db}: {report.files} files, {report.totals.get('documents')} documents")
    with EmbeddedBackend(db, create=False) as b:
        counts = validity_counts(b)
        print(f"{'state':10} {'ingested':>9} {'cited only':>11}")
        for state in counts["ingested"]:
            print(f"{state:10} {counts['ingested'][state]:>9} {counts['cited'][state]:>11}")
        dead = dead_citations(b)
        print(f"\ndead citations (basis already no longer in force at the citing date): "
              f"{len(dead)}")
        for r in dead[:20]:
            print(f"  {r['source_key']} {r['source_date']} {r['relation']} {r['target_key']} "
                  f"{r['state']} since {r['since']} by {r['by_key']}")
        rows = compare(b)
        print(f"\ncurated statuses of documents in the store: {len(rows)} "
              f"(of {len(curated())} curated records)")
        for r in rows:
            print(f"  {r['source']}: {r['key']} «{r['status']}» ↔ {r['state']} "
                  f"(effective {r['effective']}, {'ingested' if r['ingested'] else 'cited only'})")
        if args.sample is not None:
            print(f"\nsample (seed {args.sample}):")
            sample(b, args.sample, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
