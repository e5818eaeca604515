"""Plan the corpus before any text is written: who issues what, when, under which key,
and how citable each document is.

Planning is cheap (a few hundred bytes per document), so the whole plan stays in
memory while the text is streamed to disk. Documents are numbered the way real
registries number them: state documents per body, series and year
(``09/CT-UBND`` restarts every January), Party documents per body and term
(``58-QĐ/TU`` restarts at each congress), laws per year of the Quốc hội term
(``72/2025/QH15``). The same key therefore occurs in several provinces and
years; only ``gid`` identifies a document.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from legalgraph.synth.vocab import CENTRAL_BODIES, LAW_NAMES, PROVINCES, SUBJECTS, Body
from legalgraph.synth.vocab import provincial_bodies as _provincial_bodies

#: Provincial Party congresses: a provincial Party term starts on these dates.
PROVINCIAL_TERMS: tuple[dt.date, ...] = (
    dt.date(2010, 10, 1), dt.date(2015, 10, 15), dt.date(2020, 10, 15), dt.date(2025, 10, 1),
)
#: National Party congresses (for ``…/TW`` numbering).
CENTRAL_TERMS: tuple[dt.date, ...] = (
    dt.date(2011, 1, 19), dt.date(2016, 1, 28), dt.date(2021, 2, 1), dt.date(2026, 1, 23),
)
#: Start of each Quốc hội term and its number (``QH15``).
QH_TERMS: tuple[tuple[dt.date, int], ...] = (
    (dt.date(2002, 7, 19), 11), (dt.date(2007, 7, 19), 12), (dt.date(2011, 7, 21), 13),
    (dt.date(2016, 7, 20), 14), (dt.date(2021, 7, 20), 15),
)

#: How much more often a document of this type is cited than a plain one.
CITABILITY: dict[str, float] = {
    "Luật": 8.0, "Nghị định": 5.0, "Chỉ thị": 6.0, "Nghị quyết": 5.0, "Kết luận": 3.0,
    "Thông tư": 3.0, "Quy định": 3.0, "Quyết định": 1.5, "Kế hoạch": 1.5, "Công điện": 2.0,
    "Hướng dẫn": 1.5, "Thông báo": 0.6, "Công văn": 0.4, "Báo cáo": 0.1, "Tờ trình": 0.1,
}

#: Types that other documents "implement" (``thực hiện …``).
DIRECTIVE_TYPES = frozenset({
    "Nghị quyết", "Chỉ thị", "Kết luận", "Kế hoạch", "Công điện", "Quyết định", "Hướng dẫn",
    "Nghị định", "Luật", "Quy định",
})

#: Largest gap between consecutive numbers of one series, by type: a registry
#: numbers every document it issues, we generate only some of them.
NUMBER_GAP: dict[str, int] = {"Công văn": 12, "Quyết định": 8, "Thông báo": 5, "Kế hoạch": 4}


@dataclass(slots=True)
class DocPlan:
    """One planned document. ``subject``/``impl`` are filled in while rendering."""

    gid: str
    body: Body
    body_id: str
    province: str | None
    capital: str | None
    type: str
    date: dt.date
    normative: bool
    number: str = ""
    symbol: str = ""
    key: str = ""
    weight: float = 1.0
    topic: str = ""
    #: Full subject line as printed under the title (may contain a citation).
    subject: str = ""
    #: Citation of the implemented document inside ``subject`` (a rendered
    #: mention: surface text, its truth record, and the planted relation).
    subject_cite: dict | None = None
    place: str = ""
    extras: dict = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.date.year


def _term_index(date: dt.date, starts: tuple[dt.date, ...]) -> int:
    return max(0, bisect.bisect_right(starts, date) - 1)


def qh_term(date: dt.date) -> int:
    """Number of the Quốc hội term in office on ``date`` (QH15 from July 2021)."""
    starts = [d for d, _ in QH_TERMS]
    return QH_TERMS[_term_index(date, tuple(starts))][1]


def all_bodies() -> list[tuple[str, Body, str | None, str | None, float]]:
    """Every issuing body as (body_id, body, province, capital, weight)."""
    out: list[tuple[str, Body, str | None, str | None, float]] = []
    for body in CENTRAL_BODIES:
        out.append((f"C:{body.code}", body, None, None, body.weight))
    for province, pcode, capital in PROVINCES:
        for body in _provincial_bodies(province, capital):
            out.append((f"{pcode}:{body.code}", body, province, capital, body.weight))
    return out


def _pick(rng: random.Random, table: dict[str, float]) -> str:
    names = list(table)
    return rng.choices(names, weights=[table[n] for n in names])[0]


def plan_documents(
    n_docs: int, rng: random.Random, first_year: int, last_year: int,
) -> list[DocPlan]:
    """Plan ``n_docs`` documents in date order with unique ``gid`` and registry keys."""
    bodies = all_bodies()
    weights = [b[4] for b in bodies]
    start = dt.date(first_year, 1, 1).toordinal()
    span = dt.date(last_year, 12, 31).toordinal() - start + 1
    old_start = dt.date(first_year - 14, 1, 1).toordinal()
    old_span = start - old_start
    raw: list[tuple[int, int, tuple[str, Body, str | None, str | None, float], str]] = []
    for i in range(n_docs):
        entry = rng.choices(bodies, weights=weights)[0]
        body = entry[1]
        typ = _pick(rng, body.types)
        old_kind = typ in {"Luật", "Nghị định", "Thông tư"}
        if body.style != "party" and old_kind and rng.random() < 0.3:
            day = old_start + rng.randrange(old_span)  # older laws and decrees still in force
        else:
            day = start + rng.randrange(span)
        raw.append((day, i, entry, typ))
    raw.sort(key=lambda r: (r[0], r[1]))

    counters: dict[tuple, int] = defaultdict(int)
    plans: list[DocPlan] = []
    for seq, (day, _i, (body_id, body, province, capital, _w), typ) in enumerate(raw):
        date = dt.date.fromordinal(day)
        normative = typ in body.normative and (
            typ not in {"Quyết định", "Nghị quyết"} or body.code in {"QH"} or rng.random() < 0.35
        )
        plan = DocPlan(
            gid=f"d{seq:07d}", body=body, body_id=body_id, province=province,
            capital=capital, type=typ, date=date, normative=normative,
        )
        _assign_key(plan, counters, rng)
        plan.place = "Hà Nội" if province is None else (
            capital if body.code == "UBNDTP" else province)  # type: ignore[assignment]
        plan.topic = LAW_NAMES[min(len(LAW_NAMES) - 1, int(rng.paretovariate(1.3)) - 1)] \
            if typ == "Luật" else rng.choice(SUBJECTS)
        level = 3.0 if province is None else (2.0 if body.code in {"TU", "HĐND"} else 1.0)
        plan.weight = rng.paretovariate(1.15) * CITABILITY.get(typ, 1.0) * level
        plans.append(plan)
    return plans


def _assign_key(plan: DocPlan, counters: dict[tuple, int], rng: random.Random) -> None:
    """Give ``plan`` its number, symbol and key, following the body's numbering rules."""
    body, typ, date = plan.body, plan.type, plan.date
    code = "CV" if typ == "Công văn" else _type_code(typ)
    if body.style == "party":
        terms = CENTRAL_TERMS if body.suffix == "TW" else PROVINCIAL_TERMS
        series: tuple = (plan.body_id, "term", _term_index(date, terms))
        gap = 5
    elif body.style == "law":
        series = (plan.body_id, date.year)
        gap = 2
    else:
        group = "QĐ" if code == "QĐ" else code
        series = (plan.body_id, date.year, group, plan.normative)
        gap = 2 if plan.normative else NUMBER_GAP.get(typ, 3)
    counters[series] += rng.randint(1, gap)
    n = counters[series]
    number = f"{n:02d}"
    if body.style == "party":
        symbol = f"{code}/{body.suffix}"
        key = f"{number}-{symbol}"
    elif body.style == "law":
        symbol = f"QH{qh_term(date)}"
        key = f"{number}/{date.year}/{symbol}"
    elif typ == "Công văn":
        symbol = f"{body.suffix}-{rng.choice(body.letter_unit)}"
        key = f"{number}/{symbol}"
    else:
        symbol = f"{code}-{body.suffix}"
        key = f"{number}/{date.year}/{symbol}" if plan.normative else f"{number}/{symbol}"
    plan.number, plan.symbol, plan.key = number, symbol, key


def _type_code(typ: str) -> str:
    from legalgraph.synth.vocab import TYPE_CODES

    return TYPE_CODES[typ]


class CitablePool:
    """Documents already issued, sampled in proportion to their citability.

    Appending keeps a running prefix sum, so a weighted draw is one bisect:
    O(log n) per citation however large the corpus.
    """

    __slots__ = ("docs", "cum", "total")

    def __init__(self) -> None:
        self.docs: list[DocPlan] = []
        self.cum: list[float] = []
        self.total = 0.0

    def add(self, doc: DocPlan) -> None:
        self.total += doc.weight
        self.docs.append(doc)
        self.cum.append(self.total)

    def draw(self, rng: random.Random) -> DocPlan | None:
        if not self.docs:
            return None
        i = bisect.bisect_right(self.cum, rng.random() * self.total)
        return self.docs[min(i, len(self.docs) - 1)]


class Citables:
    """All pools: per scope (central or a province) and per class of document."""

    CLASSES = ("any", "norm", "dir", "law")

    def __init__(self) -> None:
        self.pools: dict[tuple[str, str], CitablePool] = defaultdict(CitablePool)
        self.series: dict[tuple[str, str], list[DocPlan]] = defaultdict(list)

    def add(self, doc: DocPlan) -> None:
        """Make ``doc`` citable by every later document."""
        scope = doc.province or "C"
        self.pools[(scope, "any")].add(doc)
        if doc.normative or doc.type in {"Luật", "Nghị định", "Thông tư", "Quy định"}:
            self.pools[(scope, "norm")].add(doc)
        if doc.type in DIRECTIVE_TYPES:
            self.pools[(scope, "dir")].add(doc)
        if doc.type == "Luật":
            self.pools[(scope, "law")].add(doc)
        self.series[(doc.body_id, doc.type)].append(doc)

    def draw(self, rng: random.Random, cls: str, province: str | None,
             local_share: float = 0.55) -> DocPlan | None:
        """A document of class ``cls``: from the citing province or from the centre."""
        scope = province if province and rng.random() < local_share else "C"
        doc = self.pools[(scope, cls)].draw(rng)
        if doc is None and scope != "C":
            doc = self.pools[("C", cls)].draw(rng)
        return doc

    def siblings(self, doc: DocPlan, rng: random.Random, k: int) -> list[DocPlan]:
        """Up to ``k`` other documents of the same body and type (for lists)."""
        series = self.series[(doc.body_id, doc.type)]
        recent = [d for d in series[-40:] if d is not doc]
        rng.shuffle(recent)
        return recent[:k]
