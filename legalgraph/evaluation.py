"""Score the parser against hand-annotated real documents.

The development gold lives in ``data/annotations/real/<folder>.json``: for
each corpus file its own identity, every reference (span of the number token,
type, key, date, issuer, relation) and the lineage edges its sentences state,
as offsets and fields only (the texts stay in ``../shared/corpus``). The
conventions are ``../shared/ANNOTATION.md``.

A predicted reference matches a gold one when its span covers the gold
number token and it has the same key and type (the pair the issue scores);
date, issuer and relation are then scored on the matched pairs. OCR twins
are the same texts degraded the way scans degrade them (diacritics lost, Đ
read as D, P or B, "số" read as "s6"/"sd"/"so"), with every replacement
one character for one, so the gold offsets still hold.
"""

from __future__ import annotations

import hashlib
import json
import random
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from parsers import ParsedDocument, parse_text
from parsers.normalize import fold, strip_marks

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "data" / "annotations" / "real"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"


def prf(tp: int, predicted: int, annotated: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``tp`` right answers among ``predicted``
    against ``annotated``; an empty side scores 1.0 (nothing to be wrong about)."""
    p = tp / predicted if predicted else 1.0
    r = tp / annotated if annotated else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    """Tallies for one folder (or all); ratios are computed on demand."""

    docs: int = 0
    tp: int = 0
    pred: int = 0
    gold: int = 0
    date_ok: int = 0
    issuer_ok: int = 0
    relation_ok: int = 0
    lineage_tp: int = 0
    lineage_pred: int = 0
    lineage_gold: int = 0
    ident: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("key", "type", "date", "issuer", "issuer_n"), 0))
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("docs", "tp", "pred", "gold", "date_ok", "issuer_ok", "relation_ok",
                     "lineage_tp", "lineage_pred", "lineage_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, v in other.ident.items():
            self.ident[k] += v
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return prf(self.tp, self.pred, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.pred, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.pred, self.gold)[2]

    def ratio(self, name: str) -> float:
        if name in self.ident:
            n = self.ident["issuer_n"] if name == "issuer" else self.docs
            return self.ident[name] / n if n else 1.0
        return getattr(self, name) / self.tp if self.tp else 1.0

    @property
    def lineage_f1(self) -> float:
        return prf(self.lineage_tp, self.lineage_pred, self.lineage_gold)[2]

    def summary(self) -> dict[str, float | int]:
        return {
            "docs": self.docs, "gold": self.gold, "pred": self.pred, "tp": self.tp,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "date": round(self.ratio("date_ok"), 3),
            "issuer": round(self.ratio("issuer_ok"), 3),
            "relation": round(self.ratio("relation_ok"), 3),
            "id_key": round(self.ratio("key"), 3), "id_type": round(self.ratio("type"), 3),
            "id_date": round(self.ratio("date"), 3), "id_issuer": round(self.ratio("issuer"), 3),
            "lineage_f1": round(self.lineage_f1, 3),
        }


_SPACE = regex.compile(r"\s+")
_DASH_SPACING = regex.compile(r"\s*[-–—]\s*")


def same_name(a: str | None, b: str | None, *, folded: bool = False) -> bool:
    """Issuer names equal up to case, spacing and dash spacing (and, for OCR
    twins, diacritics)."""
    if a is None or b is None:
        return a is b

    def norm(s: str) -> str:
        s = unicodedata.normalize("NFC", s)
        s = _DASH_SPACING.sub(" - ", _SPACE.sub(" ", s)).strip().casefold()
        return fold(s) if folded else s

    return norm(a) == norm(b)


def load_gold(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, dict]]:
    """{folder: {file name: annotation}} from the gold JSON files."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(gold_dir.glob("*.json"))}


def corpus_available(corpus: Path = CORPUS_DIR) -> bool:
    return corpus.is_dir() and any(corpus.iterdir())


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


# --- OCR twins -------------------------------------------------------------------------

_SO = regex.compile(r"(?<![\p{L}])(s)(ố)(?![\p{L}])", regex.IGNORECASE)


def ocr_twin(text: str, seed: int) -> str:
    """The text as a poor scan reads it, one character for one character:
    diacritics lost, Đ read as D (or P, B), "số" as "s6"/"sd"/"so"."""
    rng = random.Random(seed)
    text = _SO.sub(lambda m: m.group(1) + rng.choice("6do"), text)
    # Đ read as D mostly, sometimes as P or B; then every other mark lost
    text = "".join(rng.choices("DPB", (8, 1, 1))[0] if ch == "Đ" else ch for ch in text)
    return strip_marks(text)


# --- Scoring ---------------------------------------------------------------------------


def score_document(gold: dict, parsed: ParsedDocument, *, twin: bool = False) -> Counts:
    """Counts for one document: references, fields, lineage and identity."""
    c = Counts(docs=1)
    golds = gold["references"]
    preds = list(parsed.citations)
    c.gold, c.pred = len(golds), len(preds)
    used: set[int] = set()
    name = parsed.file or "?"
    for g in golds:
        hit = None
        for i, p in enumerate(preds):
            if i in used or not (p.start <= g["start"] and g["end"] <= p.end + 1):
                continue
            if p.key == g["key"] and p.type == g["doc_type"]:
                hit = i
                break
        if hit is None:
            near = [p for p in preds if p.start < g["end"] and g["start"] < p.end]
            got = f"{near[0].key} {near[0].type}" if near else "nothing"
            c.errors.append(f"{name} @{g['start']} MISSED {g['key']} {g['doc_type']} (got {got})")
            continue
        used.add(hit)
        p = preds[hit]
        c.tp += 1
        c.date_ok += p.date == g["date"]
        c.issuer_ok += same_name(p.issuer, g["issuer"], folded=twin)
        c.relation_ok += p.relation == g["relation"]
        for fld, want, got in (("date", g["date"], p.date), ("issuer", g["issuer"], p.issuer),
                               ("relation", g["relation"], p.relation)):
            ok = same_name(got, want, folded=twin) if fld == "issuer" else got == want
            if not ok:
                c.errors.append(f"{name} @{g['start']} {g['key']} {fld}: want {want!r} got {got!r}")
    for i, p in enumerate(preds):
        if i not in used:
            c.errors.append(f"{name} @{p.start} EXTRA {p.key} {p.type} {p.text!r}")
    want_edges = {(e["from"], e["to"], e["relation"]) for e in gold.get("lineage", [])}
    got_edges = {(r.from_key, r.to_key, r.relation) for r in parsed.relations}
    c.lineage_gold, c.lineage_pred = len(want_edges), len(got_edges)
    c.lineage_tp = len(want_edges & got_edges)
    for e in sorted(want_edges - got_edges):
        c.errors.append(f"{name} LINEAGE MISSED {e}")
    for e in sorted(got_edges - want_edges):
        c.errors.append(f"{name} LINEAGE EXTRA {e}")
    d, doc = gold["document"], parsed.document
    checks = {"key": doc.key == d["key"], "type": doc.type == d["type"],
              "date": doc.date == d["date"]}
    if d.get("issuer_source") != "authority":
        c.ident["issuer_n"] += 1
        checks["issuer"] = same_name(doc.issuer, d["issuer"], folded=twin)
    for k, ok in checks.items():
        c.ident[k] += ok
        if not ok:
            c.errors.append(f"{name} IDENTITY {k}: want {d[k]!r} got {getattr(doc, k)!r}")
    return c


def evaluate(
    gold: dict[str, dict[str, dict]],
    corpus: Path = CORPUS_DIR,
    *,
    twins: bool = False,
    parse: Callable[[str, str], ParsedDocument] | None = None,
    folders: Iterable[str] | None = None,
) -> dict[str, Counts]:
    """Counts per folder (and "all") for the gold documents present in ``corpus``."""
    parse = parse or (lambda text, name: parse_text(text, file=name))
    out: dict[str, Counts] = {}
    total = Counts()
    for folder, docs in gold.items():
        if folders and folder not in folders:
            continue
        acc = Counts()
        for name, ann in docs.items():
            path = corpus / folder / name
            if not path.exists():
                continue
            text = read_text(path)
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != ann["sha1"]:
                acc.errors.append(f"{folder}/{name}: text differs from the annotated version")
                continue
            if twins:
                text = ocr_twin(text, seed=int(ann["sha1"][:8], 16))
            acc.add(score_document(ann, parse(text, f"{folder}/{name}"), twin=twins))
        out[folder] = acc
        total.add(acc)
    out["all"] = total
    return out
