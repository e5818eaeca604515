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
count and spans; a mention of the citing document itself is dropped.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from graph.identity import (
    DocContext,
    KeyParts,
    doc_context,
    is_central,
    level_of,
    node_id,
    parse_key,
    province_level_body,
    province_of,
    scope_of,
    symbol_slug,
    unidentified_id,
    unresolved_id,
    valid_date,
)
from parsers.models import RELATIONS, Citation, DocumentIdentity, Relation

__all__ = [
    "DocInput",
    "Edge",
    "MentionResult",
    "Node",
    "Placement",
    "Resolution",
    "place",
    "resolve_corpus",
]

_STRENGTH = {r: i for i, r in enumerate(RELATIONS)}

# Mention statuses
RESOLVED = "resolved"  # placed from what the mention and its document say
INFERRED = "inferred"  # completed from other mentions of the same key
AMBIGUOUS = "ambiguous"
#: Basis recorded for a mention sent to a document by a staff confirmation.
CONFIRMED_BASIS = "confirmed by staff"
UNRESOLVED = "unresolved"
SELF = "self"  # the document citing itself: no edge


@dataclass(frozen=True, slots=True)
class DocInput:
    """One stored file as resolution sees it."""

    file_id: int
    sha256: str
    document: DocumentIdentity
    citations: Sequence[Citation] = ()
    relations: Sequence[Relation] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    """What one header or mention says about a document's identity."""

    key: str
    parts: KeyParts | None
    jurisdiction: str | None  # None: local body, province unknown
    scope: str | None  # year or term; None: undated
    province: str | None
    reason: str | None = None  # why jurisdiction or scope is missing
    #: jurisdictions it may be when only the level is unknown; a trailing "*"
    #: matches any locality of that kind ("lang-son.tp-*")
    alternatives: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.parts is not None and self.jurisdiction is not None and bool(self.scope)

    @property
    def match_key(self) -> tuple[str, str] | None:
        """Number and symbol: what two mentions must share to be one document."""
        if self.parts is None:
            return None
        return (self.parts.number, symbol_slug(self.parts))


def place(key: str, date: str | None, issuer: str | None, ctx: DocContext) -> Placement:
    """Place one key using only the mention and its citing document.

    Local bodies are scoped to the province named in the mention's issuer
    ("của UBND tỉnh Cao Bằng"), else the citing document's province. The
    level below the province follows the issuer text ("UBND thành phố" in a
    city document is that city); with no issuer text, a body that can only
    be provincial (Tỉnh ủy, a Sở) is provincial, and any other body (UBND,
    HĐND, VP) is taken at the citing document's own level.
    """
    parts = parse_key(key)
    if parts is None:
        return Placement(key, None, None, None, None, "key is not number/symbol")
    date = valid_date(date)
    if is_central(parts):
        scope = scope_of(parts, date, national=True, province=None)
        reason = None if scope else "no date and no year in the number"
        return Placement(key, parts, "national", scope, None, reason)

    province = province_of(issuer) or ctx.province
    level = level_of(issuer)
    scope = scope_of(parts, date, national=False, province=province)
    if province is None:
        return Placement(key, parts, None, scope, None,
                         "local body, citing document's province unknown")
    locality: str | None
    if level is not None and level.kind == "province":
        locality = None
    elif level is not None and level.kind != "local":
        if level.name:
            locality = f"{level.kind}-{level.name}"
        elif ctx.locality and ctx.locality.startswith(level.kind + "-"):
            locality = ctx.locality  # "UBND thành phố" written in that city's document
        else:  # "UBND thành phố" in a provincial document: which city?
            return Placement(key, parts, None, scope, province,
                             f"unnamed {level.kind} body", (f"{province}.{level.kind}-*",))
    elif province_level_body(parts) or ctx.locality is None:
        locality = None
    else:
        # a city document citing "…/QĐ-UBND" without saying whose: the city's
        # or the province's committee; only another mention can tell
        return Placement(key, parts, None, scope, province,
                         f"no issuer named: provincial or {ctx.locality} body",
                         (province, f"{province}.{ctx.locality}"))
    jurisdiction = province + (f".{locality}" if locality else "")
    reason = None if scope else "no date and no year in the number"
    return Placement(key, parts, jurisdiction, scope, province, reason)


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
    ingested: bool = False
    resolved: bool = True
    reason: str | None = None
    candidates: list[str] = field(default_factory=list)
    file_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MentionResult:
    """Where one citation went."""

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

    @property
    def relation(self) -> str:
        return self.relations[0] if self.relations else "cites"


@dataclass(slots=True)
class Resolution:
    """Everything the resolve pass writes back to the store."""

    nodes: dict[str, Node]
    doc_nodes: dict[int, str]
    mentions: list[MentionResult]
    edges: list[Edge]


def _scope_year(scope: str) -> int:
    return int(scope[:4])


def _complete_id(p: Placement) -> str:
    assert p.parts is not None and p.jurisdiction and p.scope
    return node_id(p.jurisdiction, p.scope, p.parts)


class _Anchors:
    """Fully placed identities by number+symbol, for pass 2."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)

    def add(self, p: Placement) -> None:
        if p.complete and p.match_key is not None:
            self.by_key[p.match_key].add((p.jurisdiction, p.scope))  # type: ignore[arg-type]

    def candidates(self, p: Placement, citing_date: str | None) -> list[tuple[str, str]]:
        """(jurisdiction, scope) pairs that could complete ``p``."""
        if p.match_key is None:
            return []
        found = []
        for jur, scope in self.by_key.get(p.match_key, ()):
            if p.jurisdiction is not None and jur != p.jurisdiction:
                continue
            if p.alternatives and not any(
                    jur.startswith(a[:-1]) if a.endswith("*") else jur == a
                    for a in p.alternatives):
                continue
            if p.jurisdiction is None and (jur == "national" or (
                    p.province and jur.split(".")[0] != p.province)):
                continue
            if p.scope is not None and scope != p.scope:
                continue
            if citing_date and _scope_year(scope) > int(citing_date[:4]):
                continue  # cannot cite a document from a later year or term
            found.append((jur, scope))
        return sorted(found)


def _complete(p: Placement, anchors: _Anchors, citing_date: str | None
              ) -> tuple[str, str, str | None, list[str]]:
    """Target id, status, basis/reason and candidates for one placement."""
    if p.complete:
        return _complete_id(p), RESOLVED, None, []
    if p.parts is None:
        return unresolved_id(None, p.key, None, None), UNRESOLVED, p.reason, []
    if p.jurisdiction is None and p.scope is None and not p.alternatives:
        # neither place nor time: any match would be a guess
        return (unresolved_id(p.parts, p.key, None, None), UNRESOLVED,
                f"{p.reason}; undated", [])
    cands = anchors.candidates(p, citing_date)
    what = ("issuing level" if p.alternatives else "province") if p.scope else "year/term"
    if p.jurisdiction is None and p.scope is None:
        what = "issuing level and year/term"
    if len(cands) == 1:
        jur, scope = cands[0]
        return (node_id(jur, scope, p.parts), INFERRED,
                f"{what} from another mention of {p.key}", [])
    ids = [node_id(j, s, p.parts) for j, s in cands]
    target = unresolved_id(p.parts, p.key, p.jurisdiction or p.province, p.scope)
    if ids:
        return target, AMBIGUOUS, f"{what} ambiguous: {len(ids)} candidates", ids
    return target, UNRESOLVED, p.reason, []


def resolve_corpus(docs: Iterable[DocInput] | Callable[[], Iterable[DocInput]],
                   confirmed: Mapping[str, str] | None = None) -> Resolution:
    """Resolve every stored document and citation; see the module docstring.

    ``confirmed`` maps an ambiguous or unresolved node id to the document id
    staff confirmed it means (:mod:`graph.confirmations`); such mentions are
    then inferred, with "confirmed by staff" as their basis.

    ``docs`` is a collection or, for a large store, a function returning a
    fresh iterator in file-id order: it is then streamed twice and no
    citation is kept in memory, only anchors, nodes, edges and one small row
    per mention.
    """
    if callable(docs):
        stream = docs
    else:
        materialized = sorted(docs, key=lambda d: d.file_id)
        stream = lambda: materialized  # noqa: E731
    anchors = _Anchors()
    ctxs: dict[int, DocContext] = {}
    header: dict[int, Placement | None] = {}
    idents: dict[int, tuple[DocumentIdentity, str]] = {}
    intern = sys.intern

    @lru_cache(maxsize=1 << 18)
    def placed(key: str, date: str | None, issuer: str | None, ctx: DocContext) -> Placement:
        return place(key, date, issuer, ctx)

    # pass 1: place headers and mentions on their own; keep the complete ones
    for d in stream():
        ident = d.document
        ctx = doc_context(ident.issuer, ident.place, None, ident.subject)
        ctxs[d.file_id] = ctx
        hp = placed(ident.key, ident.date, ident.issuer, ctx) if ident.key else None
        header[d.file_id] = hp
        idents[d.file_id] = (ident, d.sha256)
        if hp is not None:
            anchors.add(hp)
        for c in d.citations:
            anchors.add(placed(c.key, c.date, c.issuer, ctx))

    completed: dict[tuple[Placement, int | None], tuple[str, str, str | None, list[str]]] = {}

    def complete(p: Placement, citing_date: str | None) -> tuple[str, str, str | None, list[str]]:
        k = (p, int(citing_date[:4]) if citing_date else None)
        hit = completed.get(k)
        if hit is None:
            hit = completed[k] = _complete(p, anchors, citing_date)
        return hit

    nodes: dict[str, Node] = {}
    doc_nodes: dict[int, str] = {}
    doc_dates: dict[int, str | None] = {}
    # documents first: an ingested document owns its node
    for file_id in sorted(idents):
        ident, sha = idents[file_id]
        hp = header[file_id]
        date = doc_dates[file_id] = valid_date(ident.date)
        nid: str | None = None
        reason = None
        if hp is not None:
            target, status, basis, _ = complete(hp, date)
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
            node.key = ident.key
            node.type, node.date = ident.type, date
            node.issuer, node.subject = ident.issuer, ident.subject
        node.ingested = True
        node.file_ids.append(file_id)
    del idents, header

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
    # (src, dst) → {file_id: [spans]}, relations
    pair_spans: dict[tuple[str, str], dict[int, list[tuple[int, int, str]]]] = {}
    pair_rels: dict[tuple[str, str], set[str]] = defaultdict(set)
    edges: dict[tuple[str, str], Edge] = {}
    for d in stream():
        src = doc_nodes[d.file_id]
        ctx = ctxs[d.file_id]
        date = doc_dates[d.file_id]
        mention_target: dict[str, str] = {}
        for seq, c in enumerate(d.citations):
            p = placed(c.key, c.date, c.issuer, ctx)
            target, status, basis, cands = complete(p, date)
            if status in (AMBIGUOUS, UNRESOLVED) and confirmed and target in confirmed:
                target, status, basis, cands = confirmed[target], INFERRED, CONFIRMED_BASIS, []
            if target == src:
                mentions.append(MentionResult(d.file_id, seq, None, SELF, "cites itself"))
                continue
            mentions.append(MentionResult(d.file_id, seq, target, status, basis))
            mention_target.setdefault(c.key, target)
            node = ensure_node(target, status, basis, cands, p)
            if not node.ingested:
                v = votes.get(target)
                if v is None:
                    v = votes[target] = (Counter(), Counter(), Counter(), Counter())
                v[0][intern(c.key)] += 1
                if c.type:
                    v[1][intern(c.type)] += 1
                vd = valid_date(c.date)
                if vd:
                    v[2][intern(vd)] += 1
                if c.issuer:
                    v[3][intern(c.issuer)] += 1
            pair = (src, target)
            by_file = pair_spans.get(pair)
            if by_file is None:
                by_file = pair_spans[pair] = {}
            by_file.setdefault(d.file_id, []).append((c.start, c.end, c.text))
            pair_rels[pair].add(intern(c.relation or "cites"))

        # relations stated between two cited documents
        for r in d.relations:
            ends = []
            for key in (r.from_key, r.to_key):
                t = mention_target.get(key)
                if t is None:  # named only in the relation, not cited on its own
                    p = placed(key, None, None, ctx)
                    t, status, basis, cands = complete(p, date)
                    node = ensure_node(t, status, basis, cands, p)
                    if node.key is None and not node.ingested:
                        votes.setdefault(t, (Counter(), Counter(), Counter(), Counter()))[0][
                            intern(key)] += 1
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
        if e is None:
            edges[pair] = Edge(pair[0], pair[1], _by_strength(rels), len(spans), spans, [])
        else:  # also stated elsewhere
            e.relations = _by_strength(rels | set(e.relations))
            e.count, e.spans = len(spans), spans
    for e in edges.values():
        if e.count == 0:
            e.relations = _by_strength(e.relations)
        e.stated_in.sort()
    return Resolution(nodes, doc_nodes, mentions, sorted(
        edges.values(), key=lambda e: (e.source, e.target)))


def _by_strength(relations: Iterable[str]) -> list[str]:
    return sorted(set(relations), key=lambda r: (_STRENGTH.get(r, len(_STRENGTH)), r))
