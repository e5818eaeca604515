"""Score parser output against the generator's ground truth.

A planted citation is *found* when the parser reports a citation with the same
canonical key in the same document; each parsed citation can match one planted
one (multiset matching, in text order). Matched pairs are then checked field
by field (type, date, relation, issuer), so recall on keys and correctness of
the details are reported apart. Used by ``benchmarks/bench_accuracy.py``
(a load and regression figure: the generator plants only forms the parser
is specified to read, so these scores are not a measure of accuracy).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from legalgraph.evaluation import prf

__all__ = ["Score", "match_citations", "score_document"]


@dataclass
class Tally:
    """True positives, false negatives, false positives; P/R/F1 from them."""

    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp + self.fn)[2]


@dataclass
class Score:
    """Running totals over many documents, split the ways the benchmark reports."""

    by_group: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_form: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    #: field -> group -> [agree, compared]
    fields: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    relations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    identity: dict[str, dict[str, list[int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    #: (form, group) -> Counter of example misses "surface … context"
    misses: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    false_pos: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    field_errors: dict[tuple[str, str], Counter] = field(
        default_factory=lambda: defaultdict(Counter))
    #: (field, form, expected, got) -> example contexts
    field_examples: dict[tuple, list[str]] = field(default_factory=lambda: defaultdict(list))
    relation_misses: list[str] = field(default_factory=list)
    relation_extras: list[str] = field(default_factory=list)


def match_citations(
    truth: list[dict[str, Any]], parsed: list[dict[str, Any]],
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair planted and parsed citations by key: (pairs, missed planted, extra parsed)."""
    by_key: dict[str, list[dict]] = defaultdict(list)
    for p in parsed:
        by_key[p["key"]].append(p)
    pairs, missed = [], []
    for t in truth:
        bucket = by_key.get(t["key"])
        if bucket:
            pairs.append((t, bucket.pop(0)))
        else:
            missed.append(t)
    extra = [p for bucket in by_key.values() for p in bucket]
    return pairs, missed, extra


def _context(text: str, surface: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    needle = " ".join(surface.split())
    i = flat.find(needle)
    if i < 0:
        return needle
    return flat[max(0, i - width): i + len(needle) + 25]


def score_document(score: Score, record: dict[str, Any], parsed: dict[str, Any],
                   text: str = "", keep_examples: int = 5) -> None:
    """Add one document (truth ``record`` vs ``parsed`` = ParsedDocument.to_dict()) to ``score``."""
    group = "ocr" if record["ocr"] else "clean"
    pairs, missed, extra = match_citations(record["citations"], parsed["citations"])
    for g in (group, "all"):
        t = score.by_group[g]
        t.tp += len(pairs)
        t.fn += len(missed)
        t.fp += len(extra)
    for tr, _p in pairs:
        score.by_form[f"{tr['form']}/{group}"].tp += 1
        score.by_type[tr["type"]].tp += 1
    for tr in missed:
        score.by_form[f"{tr['form']}/{group}"].fn += 1
        score.by_type[tr["type"]].fn += 1
        ex = score.misses[(tr["form"], group)]
        if len(ex) < keep_examples:
            ex.append(f"{record['gid']}: {tr['key']!r} in …{_context(text, tr['surface'])}…")
    for p in extra:
        ex = score.false_pos[group]
        if len(ex) < keep_examples:
            ex.append(f"{record['gid']}: parsed {p['key']!r} from {p.get('text', '')!r}")
    for tr, p in pairs:
        for name in ("type", "date", "relation", "issuer"):
            if name == "date" and tr["date"] is None:
                continue
            if name == "issuer" and (tr["issuer"] is None or p.get("issuer") is None):
                continue
            if name == "relation" and tr["form"] == "nested_inner":
                continue  # reported apart: see the nested_inner row
            agree = p.get(name) == tr[name]
            cell = score.fields[name][group]
            cell[0] += agree
            cell[1] += 1
            if not agree:
                sig = (tr["form"], tr[name], p.get(name))
                score.field_errors[(name, group)][sig] += 1
                ex = score.field_examples[(name, group) + sig]
                if len(ex) < 3 and text and "start" in p:
                    ctx = " ".join(text[max(0, p["start"] - 70): p["end"]].split())
                    ex.append(f"{record['gid']}: …{ctx}")
        if tr["form"] == "nested_inner":
            cell = score.fields["relation(nested)"][group]
            cell[0] += p.get("relation") == tr["relation"]
            cell[1] += 1
    want = Counter((r["from"], r["to"], r["relation"]) for r in record["relations"])
    got = Counter((r["from"], r["to"], r["relation"]) for r in parsed["relations"])
    both = sum((want & got).values())
    if len(score.relation_misses) < keep_examples:
        score.relation_misses += [f"{record['gid']}: {r}" for r in (want - got)]
    if len(score.relation_extras) < keep_examples:
        score.relation_extras += [f"{record['gid']}: {r}" for r in (got - want)]
    for g in (group, "all"):
        rt = score.relations[g]
        rt.tp += both
        rt.fn += sum(want.values()) - both
        rt.fp += sum(got.values()) - both
    doc, pdoc = record["document"], parsed["document"]
    for name in ("key", "type", "date", "place"):
        cell = score.identity[name][group]
        cell[0] += pdoc.get(name) == doc[name]
        cell[1] += 1
