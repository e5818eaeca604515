"""Generate a synthetic corpus and its ground truth, streaming to disk.

Layout of ``OUT``::

    OUT/docs/<year>/<gid>.txt   one document, UTF-8 (NFC)
    OUT/truth.jsonl             one line per document: identity, planted citations, relations
    OUT/manifest.json           parameters and totals

One ``truth.jsonl`` line (keys canonical even in OCR documents)::

    {"gid": "d0012345",                 # unique id; file name, date order
     "file": "docs/2025/d0012345.txt", "ocr": false, "layout": "pdf",
     "province": "Lạng Sơn", "body": "LS:UBND", "year": 2025,
     "document": {"type": "Kế hoạch", "number": "197", "symbol": "KH-UBND",
                  "key": "197/KH-UBND", "date": "2025-07-22", "place": "Lạng Sơn",
                  "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn", "subject": "Triển khai …"},
     "citations": [                      # every planted mention, in text order
        {"key": "138/NQ-CP", "type": "Nghị quyết", "date": "2025-06-30" | null,
         "issuer": "Chính phủ" | null,  # as stated in the text, null if not stated
         "relation": "implements", "target": "d0011020",   # gid of the cited document
         "form": "subject_line",        # see legalgraph.synth.render.FORMS
         "surface": "138/NQ-CP"}],      # the key exactly as written (OCR: degraded)
     "relations": [                      # stated between two cited documents
        {"from": "197/KH-UBND", "to": "138/NQ-CP", "relation": "implements",
         "from_gid": "d0011987", "to_gid": "d0011020"}]}

Only the plan (a few hundred bytes per document) is held in memory; text is
written as soon as it is rendered, so 100k documents take ~100 MB of RAM.
The same seed gives byte-identical output.
"""

from __future__ import annotations

import json
import random
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from legalgraph.synth.ocr import degrade_text, rewrap
from legalgraph.synth.plan import Citables, plan_documents
from legalgraph.synth.render import BREAK, Renderer

__all__ = ["GeneratedDoc", "generate_corpus", "iter_documents", "read_truth"]

#: Bumped whenever output for a given seed changes.
GENERATOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class GeneratedDoc:
    """One generated document: where it goes, its text, and its ground truth."""

    gid: str
    path: str
    text: str
    truth: dict[str, Any]


def iter_documents(
    n_docs: int, seed: int = 0, *, ocr_fraction: float = 0.1,
    years: tuple[int, int] = (2019, 2026),
) -> Iterator[GeneratedDoc]:
    """Yield ``n_docs`` documents in date order (deterministic for ``seed``)."""
    rng = random.Random(seed)
    plans = plan_documents(n_docs, rng, years[0], years[1])
    citables = Citables()
    for doc in plans:
        ocr = rng.random() < ocr_fraction
        renderer = Renderer(doc, citables, rng, ocr)
        head, body, foot = renderer.render()
        layout = "ocr" if ocr else rng.choice(("docx", "pdf"))
        text = _layout(head, body, foot, layout, rng)
        citables.add(doc)
        path = f"docs/{doc.year}/{doc.gid}.txt"
        truth = {
            "gid": doc.gid,
            "file": path,
            "ocr": ocr,
            "layout": layout,
            "province": doc.province,
            "body": doc.body_id,
            "year": doc.year,
            "document": {
                "type": doc.type, "number": doc.number, "symbol": doc.symbol, "key": doc.key,
                "date": doc.date.isoformat(), "place": doc.place, "issuer": doc.body.name,
                "subject": doc.subject if not ocr else _clean_subject(doc),
            },
            "citations": renderer.citations,
            "relations": renderer.relations,
        }
        yield GeneratedDoc(doc.gid, path, text, truth)


def _clean_subject(doc: Any) -> str:
    """The subject as the clean original reads (OCR docs store the degraded key in it)."""
    sc = doc.subject_cite
    if sc:
        from legalgraph.synth.render import KEY_SLOT

        return sc["template"].replace(KEY_SLOT, sc["inner"].key)
    return doc.subject


def _layout(head: list[str], body: list[str], foot: list[str], layout: str,
            rng: random.Random) -> str:
    """Lay out paragraphs like one of the seeds.

    ``docx``: one paragraph per line (text exported from Word); ``pdf``: lines
    of ~80 chars each followed by `` \\n\\n`` (text extracted from a PDF, like
    the clean seeds); ``ocr``: degraded scan, lines broken at the page width.
    """
    if layout == "docx":
        text = "\n".join(head) + "\n\n" + "\n".join(body) + "\n\n" + "\n".join(foot) + "\n"
        text = text.replace(BREAK, "\n")
    elif layout == "pdf":
        width = rng.randint(72, 86)
        text = rewrap("\n\n".join(head + body + foot), width, " \n\n")
        text = text.replace(BREAK, "\n\n")
    else:
        text = degrade_text("\n\n".join(head + body + foot), rng)
        text = text.replace(BREAK, "\n")
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Summary:
    """What :func:`generate_corpus` wrote."""

    out: str
    documents: int
    citations: int
    relations: int
    ocr_documents: int
    bytes: int
    seconds: float


def generate_corpus(
    out: str | Path, n_docs: int, seed: int = 0, *, ocr_fraction: float = 0.1,
    years: tuple[int, int] = (2019, 2026),
) -> Summary:
    """Write ``n_docs`` documents, ``truth.jsonl`` and ``manifest.json`` under ``out``."""
    t0 = time.perf_counter()
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    made_dirs: set[str] = set()
    n = cites = rels = ocr_docs = nbytes = 0
    with open(root / "truth.jsonl", "w", encoding="utf-8") as truth_file:
        for doc in iter_documents(n_docs, seed, ocr_fraction=ocr_fraction, years=years):
            target = root / doc.path
            parent = str(target.parent)
            if parent not in made_dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(parent)
            data = doc.text.encode("utf-8")
            target.write_bytes(data)
            truth_file.write(json.dumps(doc.truth, ensure_ascii=False) + "\n")
            n += 1
            cites += len(doc.truth["citations"])
            rels += len(doc.truth["relations"])
            ocr_docs += doc.truth["ocr"]
            nbytes += len(data)
    summary = Summary(str(root), n, cites, rels, ocr_docs, nbytes, time.perf_counter() - t0)
    manifest = {
        "generator": "legalgraph.synth", "version": GENERATOR_VERSION, "seed": seed,
        "documents": n, "ocr_fraction": ocr_fraction, "years": list(years),
        "citations": cites, "relations": rels, "ocr_documents": ocr_docs, "bytes": nbytes,
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return summary


def read_truth(out: str | Path) -> Iterator[dict[str, Any]]:
    """Iterate the ground-truth records of a generated corpus."""
    with open(Path(out) / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)
