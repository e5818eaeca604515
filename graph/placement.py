"""Placement: which document one header or mention names, on its own and
then completed from every other mention of the same key in the corpus.

:func:`place` reads only the mention and its citing document (jurisdiction
from the symbol's body and the document's province, scope from the year in
the number or the date). :class:`Anchors` collects the fully placed ones;
:func:`complete` fills what a mention left open from them: one fit is
*inferred*, several are *ambiguous*, none *unresolved* (see
:mod:`graph.resolve`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from graph.headers import issuer_is_central
from graph.identity import (
    DocContext,
    KeyParts,
    fold,
    is_central,
    level_of,
    node_id,
    parse_key,
    province_level_body,
    province_of,
    scope_of,
    unresolved_id,
    valid_date,
    with_year,
    with_year_only,
)

__all__ = [
    "AMBIGUOUS",
    "Anchors",
    "INFERRED",
    "Placement",
    "RESOLVED",
    "UNRESOLVED",
    "complete",
    "match_key",
    "place",
]

RESOLVED = "resolved"  # placed from what the mention and its document say
INFERRED = "inferred"  # completed from other mentions of the same key
AMBIGUOUS = "ambiguous"
UNRESOLVED = "unresolved"



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
    #: the province is the citing document's, no issuer named it: a national
    #: body of the same key and scope, known from another mention, wins
    assumed_local: bool = False

    @property
    def complete(self) -> bool:
        return self.parts is not None and self.jurisdiction is not None and bool(self.scope)

    @property
    def match_key(self) -> tuple[str, str] | None:
        """Number and symbol: what two mentions must share to be one document
        (the symbol without separators: "LĐVTCT.LĐ" and "LĐVTCTLĐ" agree)."""
        return match_key(self.parts)


@lru_cache(maxsize=1 << 16)
def match_key(parts: KeyParts | None) -> tuple[str, str] | None:
    """(number, year-and-symbol folded without separators) of a key."""
    if parts is None:
        return None
    return (parts.number, f"{parts.year or ''}:" + _compact(parts.symbol))


@lru_cache(maxsize=1 << 16)
def _compact(symbol: str) -> str:
    return "".join(ch for ch in fold(symbol) if ch.isalnum())


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
    if is_central(parts) or issuer_is_central(issuer):
        # "… của Hiệp hội Công chứng Việt Nam": a national body whatever the
        # symbol says (545/HD-BTV), not one of the citing document's province
        scope = scope_of(parts, date, national=True, province=None)
        if scope and parts.year is None and with_year_only(parts):
            # "Nghị định số 126/NĐ-CP ngày 08/10/2024": decrees and circulars
            # always carry their year, this is 126/2024/NĐ-CP
            parts = with_year(parts, int(scope))
        reason = None if scope else "no date and no year in the number"
        return Placement(key, parts, "national", scope, None, reason)

    named = province_of(issuer)  # the mention's own word, not the citing document's
    province = named or ctx.province
    level = level_of(issuer)
    scope = scope_of(parts, date, national=False, province=province)
    if province is None:
        return Placement(key, parts, None, scope, None,
                         "local body named in a national document" if ctx.national
                         else "local body, citing document's province unknown",
                         assumed_local=not province_level_body(parts))
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
    return Placement(key, parts, jurisdiction, scope, province, reason,
                     assumed_local=named is None and not province_level_body(parts))


def _scope_year(scope: str) -> int:
    return int(scope[:4])


class Anchors:
    """Fully placed identities by number+symbol, for pass 2, and the spelling
    of each (one node id for "LĐVTCT.LĐ" and "LĐVTCTLĐ": the most used)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        #: (match key, jurisdiction, scope) → {symbol as written: (count, parts)}
        self.forms: dict[tuple, dict[str, list]] = defaultdict(dict)

    def add(self, p: Placement, times: int = 1) -> None:
        """Count ``p`` (read ``times`` times) if it is fully placed."""
        if p.complete:
            mk = match_key(p.parts)
            if mk is None:
                return
            self.by_key[mk].add((p.jurisdiction, p.scope))  # type: ignore[arg-type]
            forms = self.forms[(mk, p.jurisdiction, p.scope)]
            seen = forms.get(p.parts.symbol)  # type: ignore[union-attr]
            if seen is None:
                forms[p.parts.symbol] = [times, p.parts]  # type: ignore[union-attr]
            else:
                seen[0] += times

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - one resolution's lifetime
    def spelling(self, jur: str, scope: str, parts: KeyParts) -> KeyParts:
        """The spelling the id of (jur, scope, key) is built from: the most
        used; a tie goes to the alphabetically first symbol."""
        forms = self.forms.get((match_key(parts), jur, scope))
        if not forms or len(forms) == 1:
            return parts if not forms else next(iter(forms.values()))[1]
        top = max(n for n, _ in forms.values())
        return min((f for n, f in forms.values() if n == top), key=lambda f: (f.symbol, f.key))

    def id(self, jur: str, scope: str, parts: KeyParts) -> str:
        return node_id(jur, scope, self.spelling(jur, scope, parts))

    def candidates(self, p: Placement, citing_date: str | None) -> list[tuple[str, str]]:
        """(jurisdiction, scope) pairs that could complete ``p``."""
        if p.match_key is None:
            return []
        if p.assumed_local:  # a national body of the key, known elsewhere, wins
            national = [(j, s) for j, s in self.by_key.get(p.match_key, ())
                        if j == "national" and _scope_fits(s, p, citing_date)]
            if national:
                return sorted(national)
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
            if _scope_fits(scope, p, citing_date):
                found.append((jur, scope))
        return sorted(found)


def _scope_fits(scope: str, p: Placement, citing_date: str | None) -> bool:
    """A known document's scope can be ``p``'s: the same when ``p`` has one,
    and not of a later year or term than the citing document."""
    if p.scope is not None and scope != p.scope:
        return False
    return not (citing_date and _scope_year(scope) > int(citing_date[:4]))


def complete(p: Placement, anchors: Anchors, citing_date: str | None
              ) -> tuple[str, str, str | None, list[str]]:
    """Target id, status, basis/reason and candidates for one placement."""
    if p.complete:
        assert p.parts is not None and p.jurisdiction and p.scope
        if p.assumed_local and ("national", p.scope) in anchors.by_key.get(p.match_key, ()):
            # "Công văn số 545/HD-BTV" in a Lâm Đồng letter, which another
            # mention or its own header places at the Hiệp hội Công chứng
            # Việt Nam: the national document, not a Lâm Đồng one
            return (anchors.id("national", p.scope, p.parts), INFERRED,
                    f"national body from another mention of {p.parts.key}", [])
        return anchors.id(p.jurisdiction, p.scope, p.parts), RESOLVED, None, []
    if p.parts is None:
        return unresolved_id(None, p.key, None, None), UNRESOLVED, p.reason, []
    # every mention of the key in the corpus counts: with neither place nor
    # time, a key that only one document of the corpus has is that document
    cands = anchors.candidates(p, citing_date)
    unplaced = p.jurisdiction is None and p.scope is None and not p.alternatives
    what = ("issuing level" if p.alternatives else "province") if p.scope else "year/term"
    if p.jurisdiction is None and p.scope is None:
        what = "province and year/term" if unplaced else "issuing level and year/term"
    if len(cands) == 1:
        jur, scope = cands[0]
        basis = (f"the only document numbered {p.parts.key} in the corpus" if unplaced
                 else f"{what} from another mention of {p.parts.key}")
        return anchors.id(jur, scope, p.parts), INFERRED, basis, []
    ids = [anchors.id(j, s, p.parts) for j, s in cands]
    target = unresolved_id(p.parts, p.key, p.jurisdiction or p.province, p.scope)
    if ids:
        return target, AMBIGUOUS, f"{what} ambiguous: {len(ids)} candidates", ids
    return target, UNRESOLVED, f"{p.reason}; undated" if unplaced else p.reason, []
