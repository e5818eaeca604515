"""Resolution: from parsed records to graph nodes and edges, over the corpus.

Two passes, because one document can place another's reference:

1. *place* every document header and every citation on its own
   (:func:`place`): jurisdiction from the symbol's body and the citing
   document's province, scope from the year in the number or the date;
2. *infer* what a mention left open from the fully placed ones with the same
   number and symbol: a missing year/term when exactly one fits, a missing
   province likewise. Several fits give an *ambiguous* node, none an
   *unresolved* one; both are explicit nodes (``resolved=False`` with a
   reason), never a guess and never dropped.

Then mentions become edges: one per (citing, cited) pair with the mention
count and spans; a mention of the citing document itself is dropped. Every
node gets a name (:mod:`graph.names`); an edge that has a document act on a
later one is set aside, and unresolved references are offered every
same-key node (:mod:`graph.checks`). Placement itself is
:mod:`graph.placement`.

Robust to what a parser may miss: a document without a number of its own
takes the one its header shows ("Luật số:\n16/2023/QH15",
:func:`graph.identity.header_key`); a headerless document's date that is a
cited document's date is not its own; keys are compared in one spelling
(:func:`graph.identity.parse_key`).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from graph.headers import clean_issuer, header_key, is_draft, issuer_is_central
from graph.identity import DocContext, doc_context, unidentified_id, valid_date
from graph.names import NameVotes, document_name, head_title
from graph.placement import (
    AMBIGUOUS,
    INFERRED,
    RESOLVED,
    UNRESOLVED,
    Anchors,
    Placement,
    complete,
    match_key,
    place,
)
from parsers.models import RELATIONS, Citation, DocumentIdentity, Relation

__all__ = [
    "Cited",
    "DocInput",
    "Edge",
    "MentionResult",
    "Node",
    "Placement",
    "Resolution",
    "Said",
    "SetAside",
    "match_key",
    "place",
    "resolve_corpus",
]

_STRENGTH = {r: i for i, r in enumerate(RELATIONS)}

#: Basis recorded for a mention sent to a document by a staff confirmation.
CONFIRMED_BASIS = "confirmed by staff"
SELF = "self"  # the document citing itself: no edge
FUTURE = "future"  # cites a later document: set aside, no edge


class Said(NamedTuple):
    """What the first pass reads of a citation (a light stream's citations)."""

    key: str
    date: str | None
    issuer: str | None


class Cited(NamedTuple):
    """A stored citation as the resolver's second pass reads it: the fields
    of :class:`parsers.models.Citation` (``partial`` as stored, 0 or 1), in a
    named tuple made straight from the row (a frozen dataclass took five
    times as long: 430k of them on 100k documents)."""

    start: int
    end: int
    text: str
    type: str | None
    key: str
    date: str | None
    issuer: str | None
    relation: str
    partial: int


@dataclass(frozen=True, slots=True)
class DocInput:
    """One stored file as resolution sees it."""

    file_id: int
    sha256: str
    document: DocumentIdentity
    #: (:class:`Said` only, in a light stream)
    citations: Sequence[Citation] | Sequence[Cited] | Sequence[Said] = ()
    relations: Sequence[Relation] = ()
    #: the text's beginning, where its own number may be read
    #: (:func:`graph.identity.header_key`) when the parser found none
    head: str = ""
    #: the text right after each citation (names: :mod:`graph.names`)
    contexts: Sequence[str] = ()


@dataclass(slots=True)
class Node:
    """A graph node: an ingested document, a cited one, or an explicit
    unresolved/ambiguous reference."""

    id: str
    key: str | None = None
    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    year: int | None = None
    scope: str | None = None
    jurisdiction: str | None = None
    issuer: str | None = None
    subject: str | None = None
    name: str | None = None
    ingested: bool = False
    resolved: bool = True
    reason: str | None = None
    candidates: list[str] = field(default_factory=list)
    file_ids: list[int] = field(default_factory=list)
    #: an ingested document's own effective and end dates (its clause says so)
    effective: str | None = None
    expires: str | None = None
    #: every file of it is a draft (blank number, "DỰ THẢO"): no force of its own
    draft: bool = False


class MentionResult(NamedTuple):
    """Where one citation went (a row of the mentions table, one per citation:
    a named tuple is four times quicker to build than a frozen dataclass)."""

    file_id: int
    seq: int
    target: str | None  # None for a self-citation
    status: str
    basis: str | None


@dataclass(slots=True)
class Edge:
    """One citing → cited pair; ``spans`` are (start, end, text) tuples."""

    source: str
    target: str
    relations: list[str]
    count: int
    spans: list[tuple[int, int, str]]
    stated_in: list[str]
    #: the citing file the count and spans come from (None: stated only)
    file_id: int | None = None
    #: acts (amends, replaces, repeals) every mention of which names only
    #: parts of the cited document ("bãi bỏ khoản 2 Điều 3 của …")
    partial: list[str] = field(default_factory=list)

    @property
    def relation(self) -> str:
        return self.relations[0] if self.relations else "cites"


@dataclass(frozen=True, slots=True)
class SetAside:
    """A citation or stated relation not stored as an edge because it has a
    document act on a later one; kept for the audit."""

    source: str
    target: str
    target_key: str | None
    relation: str
    kind: str  # "citation" or "stated"
    file_id: int  # the file whose text holds it
    spans: tuple[tuple[int, int, str], ...]
    reason: str


@dataclass(slots=True)
class Resolution:
    """Everything the resolve pass writes back to the store."""

    nodes: dict[str, Node]
    doc_nodes: dict[int, str]
    mentions: list[MentionResult]
    edges: list[Edge]
    set_aside: list[SetAside] = field(default_factory=list)


def resolve_corpus(docs: Iterable[DocInput] | Callable[..., Iterable[DocInput]],
                   confirmed: Mapping[str, str] | None = None) -> Resolution:
    """Resolve every stored document and citation; see the module docstring.

    ``confirmed`` maps an ambiguous or unresolved node id to the document id
    staff confirmed it means (:mod:`graph.confirmations`); such mentions are
    then inferred, with "confirmed by staff" as their basis.

    ``docs`` is a collection or, for a large store, a function returning a
    fresh iterator in file-id order: it is then streamed twice and no
    citation is kept in memory, only anchors, nodes, edges and one small row
    per mention. The first pass calls it with ``light=True``: it may then give
    each citation as its :class:`Said` only, and no contexts.
    """
    from graph.checks import offer_candidates, set_aside_future

    if callable(docs):
        stream = docs
    else:
        materialized = sorted(docs, key=lambda d: d.file_id)
        stream = lambda light=False: materialized  # noqa: E731
    anchors = Anchors()
    #: the citing documents' contexts, each once (a corpus has few: a
    #: province's, a city's, the national one); caches key on their index
    ctx_index: dict[DocContext, int] = {}
    ctx_list: list[DocContext] = []
    ctxs: dict[int, int] = {}
    header: dict[int, Placement | None] = {}
    idents: dict[int, tuple[DocumentIdentity, str]] = {}
    head: dict[int, str] = {}  # the text's beginning, of documents without subject
    drafts: set[int] = set()  # files whose header marks a draft
    intern = sys.intern

    def index_of(ctx: DocContext) -> int:
        i = ctx_index.get(ctx)
        if i is None:
            i = ctx_index[ctx] = len(ctx_list)
            ctx_list.append(ctx)
        return i

    @lru_cache(maxsize=1 << 18)
    def placed(key: str, date: str | None, issuer: str | None, ci: int) -> Placement:
        return place(key, date, issuer, ctx_list[ci])

    #: how often each (key, date, issuer, context) was placed: the anchors
    #: count the spellings of each document (:meth:`Anchors.add`)
    placements: Counter[tuple[str, str | None, str | None, int]] = Counter()

    # pass 1: place headers and mentions on their own; keep the complete ones
    for d in stream(light=True):
        ident = d.document
        if not ident.key and (own := header_key(d.head)):
            # the parser missed the header's number ("Luật số:\n16/2023/QH15")
            ident = replace(ident, key=own)
        if not ident.key and ident.date and any(c.date == ident.date for c in d.citations):
            # no header: the date read is a cited document's ("Căn cứ … ngày …")
            ident = replace(ident, date=None)
        ctx = doc_context(ident.issuer, ident.place, None, ident.subject)
        ci = index_of(ctx)
        hp = None
        if ident.key:
            hp = placed(ident.key, ident.date, ident.issuer, ci)
            placements[ident.key, ident.date, ident.issuer, ci] += 1
        if (hp is not None and hp.jurisdiction == "national") or issuer_is_central(ident.issuer):
            # a central body's document: "Hà Nội" on its place line is not a province
            ci = index_of(DocContext(None, None, None, national=True))
        ctxs[d.file_id] = ci
        header[d.file_id] = hp
        if not ident.subject:
            head[d.file_id] = d.head
        if is_draft(d.head):
            drafts.add(d.file_id)
        idents[d.file_id] = (ident, d.sha256)
        for c in d.citations:
            placements[c.key, c.date, c.issuer, ci] += 1
    for args, n in placements.items():
        anchors.add(placed(*args), n)
    del placements

    completed: dict[tuple[Placement, int | None], tuple[str, str, str | None, list[str]]] = {}

    def completed_for(p: Placement, citing_date: str | None
                      ) -> tuple[str, str, str | None, list[str]]:
        k = (p, int(citing_date[:4]) if citing_date else None)
        hit = completed.get(k)
        if hit is None:
            hit = completed[k] = complete(p, anchors, citing_date)
        return hit

    #: a mention's placement and completion by what it says and where (its
    #: document's context and year): most mentions repeat one seen before
    settled: dict[tuple, tuple[Placement, tuple[str, str, str | None, list[str]]]] = {}

    def settle(key: str, date: str | None, issuer: str | None, ci: int,
               citing_date: str | None
               ) -> tuple[Placement, tuple[str, str, str | None, list[str]]]:
        k = (key, date, issuer, ci, citing_date[:4] if citing_date else None)
        hit = settled.get(k)
        if hit is None:
            p = placed(key, date, issuer, ci)
            hit = settled[k] = (p, completed_for(p, citing_date))
        return hit

    nodes: dict[str, Node] = {}
    doc_nodes: dict[int, str] = {}
    doc_dates: dict[int, str | None] = {}
    head_names: dict[str, str | None] = {}
    # documents first: an ingested document owns its node
    for file_id in sorted(idents):
        ident, sha = idents[file_id]
        hp = header[file_id]
        date = doc_dates[file_id] = valid_date(ident.date)
        nid: str | None = None
        reason = None
        if hp is not None:
            target, status, basis, _ = completed_for(hp, date)
            if status in (RESOLVED, INFERRED):
                nid = target
            else:
                reason = f"header {hp.key}: {basis}"
        else:
            reason = "no number/symbol in the header"
        if nid is None:
            nid = unidentified_id(sha)
        doc_nodes[file_id] = nid
        node = nodes.get(nid)
        if node is None:
            node = nodes[nid] = Node(id=nid, resolved=reason is None, reason=reason)
            if hp is not None and hp.parts is not None:
                node.number, node.symbol = hp.parts.number, hp.parts.symbol
                node.jurisdiction, node.scope = hp.jurisdiction, hp.scope
                node.key = hp.parts.key
            else:
                node.key = ident.key
            node.type, node.date = ident.type, date
            node.issuer, node.subject = clean_issuer(ident.issuer), ident.subject
            node.name = document_name(ident.type, ident.subject)
            if file_id in head:
                head_names[nid] = head_title(head[file_id])
        # a draft gives no dates of force; a signed copy of it does
        if file_id in drafts:
            node.draft = not node.ingested or node.draft
        else:
            node.draft = False
            # two files of one document: the first that states a date gives it
            node.effective = node.effective or valid_date(ident.effective)
            node.expires = node.expires or valid_date(ident.expires)
        node.ingested = True
        node.file_ids.append(file_id)
    del idents, header, head

    def ensure_node(target: str, status: str, basis: str | None, cands: list[str],
                    p: Placement) -> Node:
        """The node a mention points to, created from the mention if new."""
        node = nodes.get(target)
        if node is None:
            node = nodes[target] = Node(id=target)
            if status in (AMBIGUOUS, UNRESOLVED):
                node.resolved, node.reason, node.candidates = False, basis, cands
            if p.parts is not None:
                node.number, node.symbol = p.parts.number, p.parts.symbol
            if status in (RESOLVED, INFERRED):
                node.jurisdiction, node.scope = target.split("/")[1], target.split("/")[2]
            else:
                node.jurisdiction, node.scope = p.jurisdiction or p.province, p.scope
        elif not node.resolved and cands and cands != node.candidates:
            node.candidates = sorted(set(node.candidates) | set(cands))
        return node

    # pass 2: mentions → edges; attributes of cited-only nodes by majority
    mentions: list[MentionResult] = []
    votes: dict[str, tuple[Counter, Counter, Counter, Counter]] = {}
    names: dict[str, NameVotes] = {}
    # (src, dst) → {file_id: [spans]}, relations
    pair_spans: dict[tuple[str, str], dict[int, list[tuple[int, int, str]]]] = {}
    pair_rels: dict[tuple[str, str], set[str]] = defaultdict(set)
    #: relations a pair has from at least one mention covering the whole document
    pair_whole: dict[tuple[str, str], set[str]] = defaultdict(set)
    edges: dict[tuple[str, str], Edge] = {}
    #: (a, b) of a stated relation → (file, spans naming a and b there)
    stated_where: dict[tuple[str, str], list[tuple[int, tuple]]] = defaultdict(list)
    for d in stream():
        src = doc_nodes[d.file_id]
        ci = ctxs[d.file_id]
        date = doc_dates[d.file_id]
        mention_target: dict[str, str] = {}
        first_span: dict[str, tuple[int, int, str]] = {}
        for seq, c in enumerate(d.citations):
            p, (target, status, basis, cands) = settle(c.key, c.date, c.issuer, ci, date)
            if status in (AMBIGUOUS, UNRESOLVED) and confirmed and target in confirmed:
                target, status, basis, cands = confirmed[target], INFERRED, CONFIRMED_BASIS, []
            elif status == AMBIGUOUS and src in cands:
                target = src  # its own number, undated: the document itself
            if target == src:
                mentions.append(MentionResult(d.file_id, seq, None, SELF, "cites itself"))
                continue
            mentions.append(MentionResult(d.file_id, seq, target, status, basis))
            mention_target.setdefault(c.key, target)
            first_span.setdefault(c.key, (c.start, c.end, c.text))
            node = ensure_node(target, status, basis, cands, p)
            if not node.ingested:
                v = votes.get(target)
                if v is None:
                    v = votes[target] = (Counter(), Counter(), Counter(), Counter())
                v[0][intern(p.parts.key if p.parts else c.key)] += 1
                if c.type:
                    v[1][intern(c.type)] += 1
                vd = valid_date(c.date)
                if vd:
                    v[2][intern(vd)] += 1
                issuer = clean_issuer(c.issuer)
                if issuer:
                    v[3][intern(issuer)] += 1
            if node.name is None:
                nv = names.get(target)
                if nv is None:
                    nv = names[target] = NameVotes()
                nv.add(c.text, c.type, d.contexts[seq] if seq < len(d.contexts) else "")
            pair = (src, target)
            by_file = pair_spans.get(pair)
            if by_file is None:
                by_file = pair_spans[pair] = {}
            by_file.setdefault(d.file_id, []).append((c.start, c.end, c.text))
            rel = intern(c.relation or "cites")
            pair_rels[pair].add(rel)
            if not c.partial:
                pair_whole[pair].add(rel)

        # relations stated between two cited documents
        for r in d.relations:
            ends = []
            for key in (r.from_key, r.to_key):
                t = mention_target.get(key)
                if t is None:  # named only in the relation, not cited on its own
                    p, (t, status, basis, cands) = settle(key, None, None, ci, date)
                    node = ensure_node(t, status, basis, cands, p)
                    if node.key is None and not node.ingested:
                        votes.setdefault(t, (Counter(), Counter(), Counter(), Counter()))[0][
                            intern(p.parts.key if p.parts else key)] += 1
                ends.append(t)
            a, b = ends
            if a == b:
                continue
            e = edges.get((a, b))
            if e is None:
                e = edges[(a, b)] = Edge(a, b, [], 0, [], [])
            if r.relation not in e.relations:
                e.relations.append(r.relation)
            if src not in e.stated_in:
                e.stated_in.append(src)
                stated_where[(a, b)].append((d.file_id, tuple(
                    first_span[k] for k in (r.from_key, r.to_key) if k in first_span)))
    settled.clear()  # the caches of both passes: not needed below
    completed.clear()
    placed.cache_clear()

    def most_common(counter: Counter) -> str | None:
        if not counter:
            return None
        best = max(counter.values())
        return min(v for v, n in counter.items() if n == best)  # deterministic tie-break

    for nid, (keys, types, dates, issuers) in votes.items():
        node = nodes[nid]
        node.key = most_common(keys)
        node.type = most_common(types)
        node.date = most_common(dates) if node.resolved else None
        node.issuer = most_common(issuers)
    for nid, nv in names.items():
        nodes[nid].name = nv.best()
    for nid, title in head_names.items():  # mentions give no title: the header's
        if nodes[nid].name is None:
            nodes[nid].name = title
    for node in nodes.values():
        if node.scope and node.scope[:4].isdigit():
            node.year = int(node.date[:4]) if node.date else int(node.scope[:4])
        elif node.date:
            node.year = int(node.date[:4])

    while pair_spans:
        pair, by_file = pair_spans.popitem()
        # two files of one document (say a scan and a clean copy) are not two
        # citations: count and spans come from the file with most mentions
        best = next(iter(by_file)) if len(by_file) == 1 else min(
            by_file, key=lambda f: (-len(by_file[f]), f))
        spans = by_file[best]
        e = edges.get(pair)
        rels = pair_rels[pair]
        stated = set(e.relations) if e is not None else set()
        if e is None:
            e = edges[pair] = Edge(pair[0], pair[1], _by_strength(rels), len(spans), spans, [])
        else:  # also stated elsewhere
            e.relations = _by_strength(rels | set(e.relations))
            e.count, e.spans = len(spans), spans
        e.file_id = best
        # a relation stated between two documents covers the whole one
        e.partial = _by_strength(rels - pair_whole.pop(pair, set()) - stated)
    for e in edges.values():
        if e.count == 0:
            e.relations = _by_strength(e.relations)
        e.stated_in.sort()
    kept, aside = set_aside_future(nodes, edges, stated_where, doc_nodes)
    if aside:
        gone = {(a.source, a.target) for a in aside if a.kind == "citation"}
        mentions = [m if (doc_nodes[m.file_id], m.target) not in gone else MentionResult(
            m.file_id, m.seq, m.target, FUTURE, "cites a later document: set aside")
            for m in mentions]
    offer_candidates(nodes)
    return Resolution(nodes, doc_nodes, mentions, sorted(
        kept, key=lambda e: (e.source, e.target)), aside)


def _by_strength(relations: Iterable[str]) -> list[str]:
    """The relations once each, strongest first (a new list)."""
    return list(_strength_order(frozenset(relations)))


@lru_cache(maxsize=1024)
def _strength_order(relations: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(relations, key=lambda r: (_STRENGTH.get(r, len(_STRENGTH)), r)))
