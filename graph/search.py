"""``search``: documents for what a person typed, the same on every backend.

A query is a number/symbol in any spelling ("58-QD/TU", "58 qđ tu"), a type
and number ("nghi dinh 118 2025"), or words of a document's name, subject or
issuer, diacritics and case optional. Answers come in three tiers, each most
cited first (then by id):

1. ``key``: the query *is* a key, compared without separators, case,
   diacritics or leading zeros ("NĐCP" = "NĐ-CP"), or a node id;
2. ``number``: every word matched the type, number or symbol;
3. ``name``: every word matched, some only in the name or subject;
4. ``issuer``: every word matched, some only in the issuer.

:class:`SearchIndex` holds postings of folded tokens per field; the embedded
backend keeps one per graph generation, a backend without a graph in memory
builds it from :meth:`graph.backend.GraphBackend.nodes` and ``edges``.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.backend import EdgeRecord, NodeSummary, SearchHit
from graph.identity import fold

__all__ = ["SearchIndex", "compact_key", "rank", "tokens"]

#: Words a person adds that say nothing about which document ("số 58").
_FILLER = frozenset({"so", "ngay", "nam", "cua", "ve", "viec", "van", "ban"})
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def tokens(text: str | None) -> list[str]:
    """Folded word and number tokens; numbers lose leading zeros ("09" → "9")."""
    if not text:
        return []
    return [(t.lstrip("0") or "0") if t.isdigit() else t for t in _TOKEN.findall(fold(text))]


def compact_key(text: str | None) -> str | None:
    """A key with separators, case, diacritics and the number's leading zeros
    removed: every spelling of one key gives the same string ("09/CT-UBND",
    "9/ct ubnd" → "9ctubnd"; "65/2010/NĐCP", "65/2010/NĐ-CP" → "652010ndcp").
    None when ``text`` does not start with a number followed by letters."""
    if not text:
        return None
    c = re.sub(r"[^a-z0-9]", "", fold(text))
    c = _LEADING_ZEROS.sub("", c)
    if not c[:1].isdigit() or not re.search(r"[a-z]", c):
        return None
    return c


class _Postings:
    """Token → node numbers for one field, with the tokens sorted so that a
    word's prefix finds every token it starts ("chinh" → chinh, chinhs…)."""

    __slots__ = ("by_token", "sorted")

    def __init__(self) -> None:
        self.by_token: dict[str, list[int]] = {}
        self.sorted: list[str] = []

    def add(self, i: int, toks: Iterable[str]) -> None:
        for t in set(toks):
            self.by_token.setdefault(t, []).append(i)

    def freeze(self) -> None:
        self.sorted = sorted(self.by_token)

    def match(self, needle: str, exact: bool) -> set[int]:
        if exact:
            return set(self.by_token.get(needle, ()))
        out: set[int] = set()
        j = bisect.bisect_left(self.sorted, needle)
        while j < len(self.sorted) and self.sorted[j].startswith(needle):
            out.update(self.by_token[self.sorted[j]])
            j += 1
        return out


@dataclass(slots=True)
class SearchIndex:
    """Per field, postings of folded tokens: identity (type, key), text
    (name and subject), issuer; compact keys; distinct citing documents."""

    ids: list[str] = field(default_factory=list)
    ident: _Postings = field(default_factory=_Postings)
    text: _Postings = field(default_factory=_Postings)
    issuer: _Postings = field(default_factory=_Postings)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    cited_by: dict[str, int] = field(default_factory=dict)
    id_set: set[str] = field(default_factory=set)
    generation: object = None

    @classmethod
    def build(cls, nodes: Iterable[tuple[str, Mapping[str, Any]]],
              cited_by: Mapping[str, int], generation: object = None) -> SearchIndex:
        """From (id, attributes) pairs (a NodeSummary or the graph's node data)."""
        idx = cls(cited_by=dict(cited_by), generation=generation)
        # types and issuers repeat across thousands of nodes: fold each once
        repeated: dict[str | None, list[str]] = {}

        def once(text: str | None) -> list[str]:
            got = repeated.get(text)
            if got is None:
                got = repeated[text] = tokens(text)
            return got

        for i, (nid, a) in enumerate(nodes):
            idx.ids.append(nid)
            idx.ident.add(i, once(a.get("type")) + tokens(a.get("key")))
            idx.text.add(i, tokens(a.get("name")) + tokens(a.get("subject")))
            idx.issuer.add(i, once(a.get("issuer")))
            ck = compact_key(a.get("key"))
            if ck:
                idx.by_key.setdefault(ck, []).append(nid)
        for postings in (idx.ident, idx.text, idx.issuer):
            postings.freeze()
        idx.id_set = set(idx.ids)
        return idx

    @classmethod
    def from_backend(cls, nodes: Iterable[NodeSummary], edges: Iterable[EdgeRecord]
                     ) -> SearchIndex:
        """From a backend's whole-graph primitives (``nodes()``, ``edges()``)."""
        counts: dict[str, int] = {}
        for e in edges:
            if e["count"]:
                counts[e["target"]] = counts.get(e["target"], 0) + 1
        return cls.build(((n["id"], n) for n in nodes), counts)


def _needles(query: str) -> list[str]:
    """The query's tokens; with a number among them, filler words go."""
    toks = tokens(query)
    if any(t.isdigit() for t in toks):
        toks = [t for t in toks if t not in _FILLER] or toks
    return list(dict.fromkeys(toks))


def rank(index: SearchIndex, query: str, summary: Callable[[str], NodeSummary], *,
         limit: int = 20) -> list[SearchHit]:
    """The search answer (see the module docstring); ``summary(id)`` gives
    the NodeSummary of a hit. Numbers match whole tokens, words the start of
    a token; every word must match somewhere."""
    query = query.strip()
    if not query or limit <= 0:
        return []
    n_of = index.cited_by.get
    hits: list[tuple[str, str]] = []  # (id, matched), in answer order
    ck = compact_key(query)
    keyed = set(index.by_key.get(ck, ()) if ck else ())
    if query.startswith("vn/") and query in index.id_set:
        keyed.add(query)
    hits += [(nid, "key") for nid in sorted(keyed, key=lambda n: (-(n_of(n) or 0), n))]
    needles = _needles(query)
    if needles and len(hits) < limit:
        tiers: list[set[int] | None] = [None, None, None]  # ident, +text, +issuer
        for t in needles:
            exact = t.isdigit()
            i = index.ident.match(t, exact)
            it = i | index.text.match(t, exact)
            its = it | index.issuer.match(t, exact)
            tiers = [s if cur is None else cur & s for cur, s in zip(tiers, (i, it, its),
                                                                     strict=True)]
        ids, cited = index.ids, index.cited_by
        done: set[int] = set()
        for hit_set, matched in zip(tiers, ("number", "name", "issuer"), strict=True):
            fresh = (hit_set or set()) - done
            done |= fresh
            need = limit - len(hits)
            if need <= 0:
                break
            best = heapq.nsmallest(need + len(keyed), fresh,
                                   key=lambda j: (-cited.get(ids[j], 0), ids[j]))
            hits += [(ids[j], matched) for j in best if ids[j] not in keyed][:need]
    return [{"node": summary(nid), "cited_by": n_of(nid) or 0, "matched": matched}
            for nid, matched in hits[:limit]]
