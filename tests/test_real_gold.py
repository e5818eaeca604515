"""The parser against the hand-annotated real documents (data/annotations).

The texts live in ../shared/corpus, which a fresh clone does not have: then
these tests skip. Where it is present (development machines, CI that mounts
it), a change that loses real-document accuracy fails here, under the floors
in benchmarks/real_floors.json (set just under the measured scores).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legalgraph.evaluation import CORPUS_DIR, GOLD_DIR, corpus_available, evaluate, load_gold

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "benchmarks" / "real_floors.json").read_text(encoding="utf-8"))

needs_corpus = pytest.mark.skipif(not corpus_available(), reason=f"no corpus at {CORPUS_DIR}")


def test_gold_files_hold_offsets_and_fields_only():
    for path in list(GOLD_DIR.glob("*.json")) + list((GOLD_DIR.parent / "heldout").glob("*.json")):
        for name, ann in json.loads(path.read_text(encoding="utf-8")).items():
            assert set(ann) == {"sha1", "document", "references", "lineage"}, name
            for ref in ann["references"]:
                assert "context" not in ref and ref["start"] < ref["end"], name


@needs_corpus
@pytest.mark.parametrize("view", ["clean", "ocr"])
def test_development_gold_stays_above_its_floors(view):
    results = evaluate(load_gold(), twins=view == "ocr")
    summary = results["all"].summary()
    low = {m: (summary[m], f) for m, f in FLOORS[view].items() if summary[m] < f}
    assert not low, f"under the floor ({view}): {low}\n" + "\n".join(results["all"].errors[:30])


@needs_corpus
def test_heldout_gold_references_stay_above_floor():
    results = evaluate(load_gold(GOLD_DIR.parent / "heldout"))
    assert results["all"].summary()["f1"] >= 0.93
