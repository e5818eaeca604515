"""Cost of validity: :func:`graph.validity.annotate` on a graph of N
documents, against a baseline measured in the same run (one pass over every
edge reading its relations, which any whole-graph annotation must make).

Usage: python benchmarks/bench_validity.py [--nodes 100000] [--edges 1000000]
       [--acts 0.03] [--repeat 5]

The graph is synthetic (networkx only, no store): nodes with a date and, for
a third of them, an effective date; edges citing older documents, a share of
them amending, replacing or repealing (a tenth of those of parts only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys

from _common import print_machine, table, timed


def synthetic(n: int, m: int, acts: float, seed: int = 1):  # -> nx.DiGraph
    import networkx as nx

    rng = random.Random(seed)
    g = nx.DiGraph()
    start = dt.date(2000, 1, 1).toordinal()
    dates = sorted(rng.randrange(start, start + 26 * 365) for _ in range(n))
    for i, d in enumerate(dates):
        day = dt.date.fromordinal(d).isoformat()
        eff = dt.date.fromordinal(d + rng.choice((0, 10, 45))).isoformat() \
            if rng.random() < 0.33 else None
        g.add_node(i, key=f"{i}/QĐ-UBND", type="Quyết định", date=day, effective=eff,
                   expires=None, ingested=rng.random() < 0.4, draft=False)
    for _ in range(m):
        s = rng.randrange(1, n)
        t = rng.randrange(0, s)
        rel = rng.choice(("amends", "replaces", "repeals")) if rng.random() < acts else \
            rng.choice(("based_on", "implements", "cites", "cites"))
        partial = [rel] if rel != "cites" and rng.random() < 0.1 else []
        g.add_edge(s, t, relation=rel, relations=[rel], count=1, partial=partial)
    return g


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--acts", type=float, default=0.03)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    from graph.validity import annotate

    print_machine(f"validity annotate, {args.nodes:,} nodes, {args.edges:,} edges")
    g = synthetic(args.nodes, args.edges, args.acts)
    today = dt.date(2026, 6, 1)

    def baseline() -> int:
        return sum(1 for _, _, r in g.edges(data="relations") if r)

    base, _, _ = timed(baseline, args.repeat)
    cost, _, _ = timed(lambda: annotate(g, today), args.repeat)
    states: dict[str, int] = {}
    for _, v in g.nodes(data="validity"):
        states[v["state"]] = states.get(v["state"], 0) + 1
    print(table(("what", "median s", "× baseline"),
                [("edge pass (baseline)", base, 1.0), ("annotate", cost, cost / base)]))
    print("states: " + ", ".join(f"{k} {v:,}" for k, v in sorted(states.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
