"""How many generated examples reach each assertion of a property.

A property that passes because its assertion never runs proves nothing (the
old ``st.text()`` span property found a citation in 0 of 200 examples). Each
property counts, with :meth:`Reach.hit`, the examples that reach each of its
checks (also reported as ``hypothesis.event`` for ``--hypothesis-show-
statistics``), and :meth:`Reach.check` fails the test when a share is under
its floor. Set ``LEGALGRAPH_REACH_LOG=FILE`` to append the shares to FILE.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from hypothesis import event


class Reach:
    """Counters of one property: examples run, and examples per check reached."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.examples = 0
        self.counts: Counter[str] = Counter()
        self._seen: set[str] = set()

    def example(self) -> None:
        """Call first in each example."""
        self.examples += 1
        self._seen = set()

    def hit(self, point: str) -> None:
        """This example reached ``point`` (counted once per example)."""
        if point not in self._seen:
            self._seen.add(point)
            self.counts[point] += 1
            event(point)

    def share(self, point: str) -> float:
        return self.counts[point] / self.examples if self.examples else 0.0

    def check(self, **floors: float) -> None:
        """Every named point reached by at least its share of the examples."""
        shares = {p: round(self.share(p), 3) for p in sorted({*floors, *self.counts})}
        log = os.environ.get("LEGALGRAPH_REACH_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"property": self.name, "examples": self.examples,
                                     "shares": shares}, ensure_ascii=False) + "\n")
        assert self.examples > 0, f"{self.name}: no example ran"
        low = {p: shares[p] for p, floor in floors.items() if shares[p] < floor}
        assert not low, (f"{self.name}: checks reached by too few of {self.examples} "
                         f"examples: {low} (floors {floors})")
