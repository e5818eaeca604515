"""Data-quality audit of a stored graph: what a legal professional would not
trust, found without any gold.

Computed from backend primitives only (:mod:`graph.scan`: every node, every
edge, document texts), so the embedded store and a Neo4j server answer it
alike. Findings, in report order:

1. ``future_edges``: a stored edge where a document acts on a later one
   (source dated before target), with the file and sentence that produced it;
   ``set_aside`` lists what the resolver itself refused to store for that
   reason (embedded store only);
2. ``split_keys``: one key held by several nodes that cannot all be right:
   spelling variants of one key ("NĐCP"/"NĐ-CP"), a national key placed in a
   province (also when it is the only node of that key), or one national key
   in two nodes of one year/term;
   ``same_key_nodes`` lists the lawful kind (numbering restarts every year,
   in every province) for information;
3. ``missing_identity``: ingested documents without number, date or issuer;
   ``unread_numbers`` those whose header does show a number;
4. ``own_number``: an ingested document without a number of its own whose
   header number is also a separate cited-only node;
5. ``unresolved``: unresolved and ambiguous references grouped by reason;
6. ``bad_issuers``: issuers that look like a header line or the motto;
7. ``not_in_force``: dead citations: documents that rest on (based_on,
   implements, guides) a document already repealed, replaced or expired at
   their own date (:func:`graph.validity.dead_citations`), newest first,
   with the file and sentence; None when the backend's nodes carry no
   validity.

``--strict`` fails on any of :data:`STRICT`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from graph.backend import EdgeRecord, GraphBackend, NodeSummary
from graph.headers import header_key, issuer_problem
from graph.identity import fold, is_central, is_later, parse_key
from graph.scan import all_edges, all_nodes, set_aside
from graph.search import compact_key
from graph.validity import dead_citations

__all__ = ["STRICT", "audit", "sentence_at"]

#: Counts that make ``legalgraph audit --strict`` fail.
STRICT: tuple[str, ...] = ("future_edges", "split_keys", "unread_numbers", "own_number")

#: Where a sentence ends: its punctuation, a blank line, or a line break
#: before a capital, a list mark or a numbered item (a line cut mid-sentence
#: goes on in lower case).
_SENTENCE_END = regex.compile(
    r"[.;!?](?=\s)|\n\s*\n|\n(?=[ \t]*(?:[-+•*]|\d+[.)]|[a-zđ]\)|\p{Lu}))")


def sentence_at(text: str, start: int, end: int, *, reach: int = 240) -> str:
    """The sentence around ``text[start:end]`` on one line (at most ``reach``
    characters on each side)."""
    lo = max(0, start - reach)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    a = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    b = after.end() if after else min(len(text), end + reach)
    return " ".join(text[a:b].split())


def _sentence_of(text: str | None, spans: list[dict[str, Any]], kind: str) -> str | None:
    """The sentence of a citation (its first span) or of a stated relation
    (both documents' spans, when they are in one sentence)."""
    if text is None or not spans:
        return None
    first = spans[0]
    if kind == "stated" and len(spans) > 1:
        lo, hi = min(s["start"] for s in spans), max(s["end"] for s in spans)
        if hi - lo < 400:
            return sentence_at(text, lo, hi)
    return sentence_at(text, first["start"], first["end"])


def _when(n: NodeSummary) -> str:
    return n["date"] or (str(n["year"]) if n["year"] else "?")


class _Texts:
    """Document texts, read once each."""

    def __init__(self, backend: GraphBackend) -> None:
        self.backend = backend
        self.cache: dict[str, str | None] = {}

    def __call__(self, node_id: str) -> str | None:
        if node_id not in self.cache:
            self.cache[node_id] = self.backend.document_text(node_id)
        return self.cache[node_id]


def _spans_of(edges_from: Mapping[str, list[EdgeRecord]], doc: str, target: str
              ) -> list[dict[str, Any]]:
    for e in edges_from.get(doc, ()):
        if e["target"] == target and e["count"]:
            return e["spans"]
    return []


def _stated_sentence(text: str, a_spans: list[dict[str, Any]], b_spans: list[dict[str, Any]],
                     a: NodeSummary, b: NodeSummary) -> str | None:
    """The sentence of ``text`` naming both documents of a stated relation:
    the closest pair of their mentions (or of their numbers in the text)."""
    def places(spans: list[dict[str, Any]], n: NodeSummary) -> list[tuple[int, int]]:
        out = [(s["start"], s["end"]) for s in spans]
        if not out and n["key"]:
            number = re.escape(n["key"].split("/")[0].split("-")[0])
            out = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\d){number}(?!\d)", text)]
        return out

    pa, pb = places(a_spans, a), places(b_spans, b)
    if not pa or not pb:
        return None
    x, y = min(((p, q) for p in pa for q in pb), key=lambda pq: abs(pq[0][0] - pq[1][0]))
    return sentence_at(text, min(x[0], y[0]), max(x[1], y[1]))


def _future_edges(nodes: Mapping[str, NodeSummary], edges: list[EdgeRecord],
                  texts: _Texts) -> list[dict[str, Any]]:
    edges_from: dict[str, list[EdgeRecord]] = defaultdict(list)
    for e in edges:
        edges_from[e["source"]].append(e)
    out = []
    for e in edges:
        a, b = nodes[e["source"]], nodes[e["target"]]
        if not is_later(b["date"], b["year"], a["date"], a["year"],
                        scope=b.get("scope"), than_scope=a.get("scope")):
            continue
        row: dict[str, Any] = {
            "source": a["id"], "source_key": a["key"], "source_date": _when(a),
            "target": b["id"], "target_key": b["key"], "target_date": _when(b),
            "relation": e["relation"], "kind": "citation" if e["count"] else "stated",
            "document": None, "file": None, "sentence": None,
        }
        doc = a["id"] if e["count"] else (e["stated_in"][0] if e["stated_in"] else None)
        if doc is not None:
            row["document"] = doc
            text = texts(doc)
            if text is not None:
                if e["count"] and e["spans"]:
                    s = e["spans"][0]
                    row["sentence"] = sentence_at(text, s["start"], s["end"])
                elif not e["count"]:
                    row["sentence"] = _stated_sentence(
                        text, _spans_of(edges_from, doc, a["id"]),
                        _spans_of(edges_from, doc, b["id"]), a, b)
        out.append(row)
    return out


def _files(backend: GraphBackend, node_id: str | None) -> str | None:
    if node_id is None:
        return None
    files = backend.files(node_id)  # not show(): its links cost seconds on a hub
    return files[0] if files else None


def _group_keys(nodes: Iterable[NodeSummary]) -> dict[str, list[NodeSummary]]:
    groups: dict[str, list[NodeSummary]] = defaultdict(list)
    for n in nodes:
        ck = compact_key(n["key"])
        if ck:
            groups[ck].append(n)
    return {k: v for k, v in groups.items() if len(v) > 1}


def _spelling(key: str) -> str:
    """A key as written, up to case, diacritics and leading zeros."""
    return fold(key).strip().lstrip("0")


def _split_keys(groups: Mapping[str, list[NodeSummary]]
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(splits that cannot be right, lawful same-key groups)."""
    splits, lawful = [], []
    for _ck, group in sorted(groups.items()):
        rows = [{"id": n["id"], "key": n["key"], "jurisdiction": n["jurisdiction"],
                 "scope": n["scope"], "ingested": n["ingested"], "resolved": n["resolved"]}
                for n in sorted(group, key=lambda n: n["id"])]
        spellings = {_spelling(n["key"]) for n in group if n["key"]}
        juris = {n["jurisdiction"] for n in group}
        national = [n for n in group if n["jurisdiction"] == "national" and n["resolved"]]
        why = None
        if len(spellings) > 1:
            why = "spelling variants of one key"
        elif national and any(n["jurisdiction"] not in ("national", None) and n["resolved"]
                              for n in group):
            why = "national key placed in a province"
        elif len(national) != len({n["scope"] for n in national}):
            why = "one national key in two nodes of one year/term"
        entry = {"key": group[0]["key"], "nodes": rows}
        if why:
            splits.append({**entry, "why": why})
        elif len({(n["jurisdiction"], n["scope"]) for n in group if n["resolved"]}) > 1 \
                or len(juris) > 1:
            lawful.append(entry)
    return splits, lawful


def _misplaced(n: NodeSummary) -> bool:
    """A central body's key (in any spelling) on a node of a province."""
    p = parse_key(n["key"]) if n["key"] else None
    return (p is not None and is_central(p)
            and n["jurisdiction"] not in (None, "national", "unknown-place"))


def _identity(backend: GraphBackend, nodes: Iterable[NodeSummary],
              by_key: Mapping[str, list[NodeSummary]], texts: _Texts
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(ingested documents missing number/date/issuer, own-number repeats)."""
    missing, own = [], []
    for n in nodes:
        if not n["ingested"]:
            continue
        lacks = [f for f, v in (("number", n["key"]), ("date", n["date"]),
                                ("issuer", n["issuer"])) if not v]
        if not lacks:
            continue
        shown = header_key(texts(n["id"])) if "number" in lacks else None
        missing.append({"id": n["id"], "file": _files(backend, n["id"]), "missing": lacks,
                        "header_number": shown})
        ck = compact_key(shown)
        twins = [m for m in by_key.get(ck, ()) if not m["ingested"]] if ck else []
        for m in twins:
            own.append({"document": n["id"], "file": missing[-1]["file"], "number": shown,
                        "cited_only": m["id"]})
    return missing, own


_KEYISH = re.compile(r"\b\d+[\w/.-]*[/-][\w/.-]+")


def _unresolved(nodes: Iterable[NodeSummary], in_refs: Mapping[str, int]
                ) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for n in nodes:
        if n["resolved"]:
            continue
        reason = _KEYISH.sub("…", n["reason"] or "(no reason given)")
        g = groups.setdefault(reason, {"reason": reason, "nodes": 0, "references": 0,
                                       "with_candidates": 0, "documents": 0, "examples": []})
        if n["ingested"]:
            g["documents"] += 1
        else:
            g["nodes"] += 1
        g["references"] += in_refs.get(n["id"], 0)
        g["with_candidates"] += bool(n["candidates"])
        if len(g["examples"]) < 5:
            g["examples"].append(n["key"] or n["id"])
    return sorted(groups.values(), key=lambda g: (-g["references"], -g["nodes"], g["reason"]))


def _not_in_force(nodes: Mapping[str, NodeSummary], edges: Iterable[EdgeRecord],
                  texts: _Texts) -> list[dict[str, Any]] | None:
    """Dead citations with the sentence that makes them; None when no node
    carries validity (a backend that does not know it)."""
    if not any("validity" in n for n in nodes.values()):
        return None
    rows = dead_citations(nodes, edges)
    for row in rows:
        spans = row.pop("spans")
        text = texts(row["source"]) if spans else None
        row["sentence"] = _sentence_of(text, spans, "citation")
    return rows


def audit(backend: GraphBackend) -> dict[str, Any]:
    """The full report: ``counts`` (per finding), ``strict`` (the
    :data:`STRICT` counts that are not zero) and one list per finding."""
    node_list = all_nodes(backend)
    nodes = {n["id"]: n for n in node_list}
    edges = all_edges(backend)
    texts = _Texts(backend)
    in_refs: Counter[str] = Counter()
    for e in edges:
        in_refs[e["target"]] += e["count"]

    future = _future_edges(nodes, edges, texts)
    for row in future:
        row["file"] = _files(backend, row["document"])
    aside = set_aside(backend)
    if aside is not None:
        for row in aside:
            a, b = nodes.get(row["source"]), nodes.get(row["target"])
            row["source_date"] = _when(a) if a else None
            row["target_date"] = _when(b) if b else None
            text = texts(row["document"]) if row.get("document") else None
            row["sentence"] = _sentence_of(text, row["spans"], row["kind"])
    groups = _group_keys(node_list)
    splits, lawful = _split_keys(groups)
    split_ids = {r["id"] for row in splits for r in row["nodes"]}
    splits += [{"key": n["key"], "why": "national key placed in a province",
                "nodes": [{"id": n["id"], "key": n["key"], "jurisdiction": n["jurisdiction"],
                           "scope": n["scope"], "ingested": n["ingested"],
                           "resolved": n["resolved"]}]}
               for n in node_list if n["id"] not in split_ids and _misplaced(n)]
    by_key = {ck: v for ck, v in ((compact_key(n["key"]), [n]) for n in node_list) if ck}
    for ck, v in groups.items():
        by_key[ck] = v
    missing, own = _identity(backend, node_list, by_key, texts)
    unread = [m for m in missing if m["header_number"]]
    issuers = [{"id": n["id"], "issuer": n["issuer"], "why": why}
               for n in node_list if (why := issuer_problem(n["issuer"]))]
    validity = _not_in_force(nodes, edges, texts)
    for row in validity or ():
        row["file"] = _files(backend, row["source"])
    unresolved = _unresolved(node_list, in_refs)
    report: dict[str, Any] = {
        "counts": {
            "nodes": len(nodes), "edges": len(edges),
            "documents": sum(n["ingested"] for n in node_list),
            "future_edges": len(future),
            "set_aside": None if aside is None else len(aside),
            "split_keys": len(splits),
            "same_key_nodes": len(lawful),
            "missing_identity": len(missing),
            "missing_number": sum("number" in m["missing"] for m in missing),
            "missing_date": sum("date" in m["missing"] for m in missing),
            "missing_issuer": sum("issuer" in m["missing"] for m in missing),
            "unread_numbers": len(unread),
            "own_number": len(own),
            "unresolved_nodes": sum(not n["resolved"] and not n["ingested"] for n in node_list),
            "unresolved_references": sum(g["references"] for g in unresolved),
            "unresolved_with_candidates": sum(g["with_candidates"] for g in unresolved),
            "bad_issuers": len(issuers),
            "not_in_force": None if validity is None else len(validity),
        },
        "future_edges": future,
        "set_aside": aside,
        "split_keys": splits,
        "same_key_nodes": lawful,
        "missing_identity": missing,
        "unread_numbers": unread,
        "own_number": own,
        "unresolved": unresolved,
        "bad_issuers": issuers,
        "not_in_force": validity,
    }
    report["strict"] = {k: report["counts"][k] for k in STRICT if report["counts"][k]}
    return report
