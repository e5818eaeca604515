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

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
    source: str
    target: str
    relations: list[str]
    count: int
    spans: list[dict]
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


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)  # deterministic tie-break


def resolve_corpus(docs: Iterable[DocInput]) -> Resolution:
    """Resolve every stored document and citation; see the module docstring."""
    docs = sorted(docs, key=lambda d: d.file_id)
    anchors = _Anchors()
    ctxs: dict[int, DocContext] = {}
    header: dict[int, Placement | None] = {}
    cites: dict[int, list[Placement]] = {}

    # pass 1: place headers and mentions on their own
    for d in docs:
        ident = d.document
        ctx = doc_context(ident.issuer, ident.place, valid_date(ident.date), ident.subject)
        ctxs[d.file_id] = ctx
        hp = place(ident.key, ident.date, ident.issuer, ctx) if ident.key else None
        header[d.file_id] = hp
        if hp is not None:
            anchors.add(hp)
        ps = [place(c.key, c.date, c.issuer, ctx) for c in d.citations]
        cites[d.file_id] = ps
        for p in ps:
            anchors.add(p)

    nodes: dict[str, Node] = {}
    doc_nodes: dict[int, str] = {}
    # documents first: an ingested document owns its node
    for d in docs:
        hp = header[d.file_id]
        ident = d.document
        nid: str | None = None
        reason = None
        if hp is not None:
            target, status, basis, _ = _complete(hp, anchors, ctxs[d.file_id].date)
            if status in (RESOLVED, INFERRED):
                nid = target
            else:
                reason = f"header {hp.key}: {basis}"
        else:
            reason = "no number/symbol in the header"
        if nid is None:
            nid = unidentified_id(d.sha256)
        doc_nodes[d.file_id] = nid
        node = nodes.get(nid)
        if node is None:
            node = nodes[nid] = Node(id=nid, resolved=reason is None, reason=reason)
            if hp is not None and hp.parts is not None:
                node.number, node.symbol = hp.parts.number, hp.parts.symbol
                node.jurisdiction, node.scope = hp.jurisdiction, hp.scope
            node.key = ident.key
            node.type, node.date = ident.type, valid_date(ident.date)
            node.issuer, node.subject = ident.issuer, ident.subject
        node.ingested = True
        node.file_ids.append(d.file_id)

    # mentions
    mentions: list[MentionResult] = []
    seen: dict[str, list[tuple[Citation, Placement]]] = defaultdict(list)
    per_pair: dict[tuple[str, str], dict[int, list[Citation]]] = defaultdict(
        lambda: defaultdict(list))
    mention_target: dict[tuple[int, str], str] = {}
    for d in docs:
        src = doc_nodes[d.file_id]
        date = ctxs[d.file_id].date
        for seq, (c, p) in enumerate(zip(d.citations, cites[d.file_id], strict=True)):
            target, status, basis, cands = _complete(p, anchors, date)
            if target == src:
                mentions.append(MentionResult(d.file_id, seq, None, SELF, "cites itself"))
                continue
            mentions.append(MentionResult(d.file_id, seq, target, status, basis))
            mention_target.setdefault((d.file_id, c.key), target)
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
                    node.jurisdiction, node.scope = p.jurisdiction, p.scope
            elif not node.resolved and cands:
                node.candidates = sorted(set(node.candidates) | set(cands))
            seen[target].append((c, p))
            per_pair[(src, target)][d.file_id].append(c)

    # cited-only nodes take their attributes from their mentions
    for nid, ms in seen.items():
        node = nodes[nid]
        if node.ingested:
            continue
        node.key = _most_common(c.key for c, _ in ms)
        node.type = _most_common(c.type for c, _ in ms)
        node.date = _most_common(valid_date(c.date) for c, _ in ms) if node.resolved else None
        node.issuer = _most_common(c.issuer for c, _ in ms)
    for node in nodes.values():
        if node.scope and node.scope[:4].isdigit():
            node.year = int(node.date[:4]) if node.date else int(node.scope[:4])
        elif node.date:
            node.year = int(node.date[:4])

    edges: dict[tuple[str, str], Edge] = {}
    for (src, dst), by_file in per_pair.items():
        # two files of one document (say a scan and a clean copy) are not two
        # citations: count and spans come from the file with most mentions
        best = next(iter(by_file)) if len(by_file) == 1 else min(
            by_file, key=lambda f: (-len(by_file[f]), f))
        cs = by_file[best]
        rels = sorted({c.relation or "cites" for cs_ in by_file.values() for c in cs_},
                      key=lambda r: _STRENGTH.get(r, len(_STRENGTH)))
        edges[(src, dst)] = Edge(
            src, dst, rels, len(cs),
            [{"start": c.start, "end": c.end, "text": c.text} for c in cs], [])

    # relations stated between two cited documents
    for d in docs:
        stated_in = doc_nodes[d.file_id]
        ctx = ctxs[d.file_id]
        for r in d.relations:
            ends = []
            for key in (r.from_key, r.to_key):
                t = mention_target.get((d.file_id, key))
                if t is None:
                    t, _, _, _ = _complete(place(key, None, None, ctx), anchors, ctx.date)
                    if t not in nodes:
                        parts = parse_key(key)
                        nodes[t] = Node(id=t, key=key, resolved=False,
                                        reason="only named in a stated relation",
                                        number=parts.number if parts else None,
                                        symbol=parts.symbol if parts else None)
                ends.append(t)
            a, b = ends
            if a == b:
                continue
            e = edges.get((a, b))
            if e is None:
                e = edges[(a, b)] = Edge(a, b, [], 0, [], [])
            if r.relation not in e.relations:
                e.relations = sorted(set(e.relations) | {r.relation},
                                     key=lambda x: _STRENGTH.get(x, len(_STRENGTH)))
            if stated_in not in e.stated_in:
                e.stated_in.append(stated_in)
    for e in edges.values():
        e.stated_in.sort()
    return Resolution(nodes, doc_nodes, mentions, sorted(
        edges.values(), key=lambda e: (e.source, e.target)))
