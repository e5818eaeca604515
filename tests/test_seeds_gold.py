"""The parser against the hand annotation of the three real seed notices.

``data/annotations/seeds.json`` was written by reading the notices, not by
running the parser: it is the suite's independent truth for real text. Every
annotated citation must be found (key, type, date, relation, and the
annotated words inside the reported span), nothing else may be reported, and
every annotated identity field must match. ``benchmarks/eval_seeds.py`` is
the same scoring as a script; its exit status is checked here too, so the CI
gate it provides is known to fail when the scores drop.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from parsers import parse_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "samples" / "seeds"
ANNOTATIONS = ROOT / "data" / "annotations" / "seeds.json"


def _load_eval_seeds():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_seeds",
                                                  ROOT / "benchmarks" / "eval_seeds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_seeds"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


eval_seeds = _load_eval_seeds()
GOLD = eval_seeds.load_annotations(ANNOTATIONS)
CITATIONS = [(name, i, c) for name, truth in GOLD.items()
             for i, c in enumerate(truth["citations"])]


def _parsed(name: str):  # type: ignore[no-untyped-def]
    return parse_text((SEEDS / name).read_text(encoding="utf-8"), file=name)


def test_the_annotation_covers_every_seed_in_the_repository() -> None:
    assert sorted(GOLD) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(CITATIONS) == 10


@pytest.mark.parametrize(("name", "i", "gold"), CITATIONS,
                         ids=[f"{n}:{i}:{c['key']}" for n, i, c in CITATIONS])
def test_each_annotated_citation_is_found(name: str, i: int, gold: dict) -> None:
    citations = _parsed(name).citations
    found = [c for c in citations if eval_seeds.matches(c, gold)]
    reported = [(c.key, c.type, c.date, c.relation, c.text) for c in citations]
    assert found, (f"{gold['key']} ({gold['type']}, {gold['date']}, {gold['relation']}) "
                   f"at {gold['anchor']!r} not found; parser reported {reported}")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_precision_recall_and_identity_per_file(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    score = eval_seeds.score_file(name, text, GOLD[name])
    assert score.missed == [], "annotated citations not found"
    assert score.extra == [], "citations reported that the annotation does not have"
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert score.identity_errors == {}, "identity fields (want, got)"
    for c in _parsed(name).citations:  # spans index the file's own text
        assert text[c.start:c.end] == c.text


def test_eval_seeds_exits_zero_at_the_floor(capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_seeds.main([str(SEEDS), "--annotations", str(ANNOTATIONS)]) == 0
    assert "all                             1.000  1.000" in capsys.readouterr().out


@pytest.mark.parametrize("damage", ["wrong key", "wrong date", "extra gold", "identity"])
def test_eval_seeds_exits_non_zero_under_the_floor(tmp_path: Path, damage: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    first = gold["city-notice-2025-05.txt"]
    if damage == "wrong key":  # the parser's (right) answer becomes an extra
        first["citations"][0]["key"] = "66/CĐ-TTg"
    elif damage == "wrong date":
        first["citations"][1]["date"] = "2025-05-25"
    elif damage == "extra gold":  # a citation the parser cannot find: recall < 1
        first["citations"].append({"anchor": "Công điện", "key": "1/CĐ-TTg",
                                   "type": "Công điện", "date": None, "relation": "cites"})
    else:
        first["document"]["type"] = "Quyết định"
    bad = tmp_path / "seeds.json"
    bad.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert eval_seeds.main([str(SEEDS), "--annotations", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "under the floor" in err and "city-notice-2025-05.txt" in err


def test_eval_seeds_floor_is_configurable(tmp_path: Path) -> None:
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    gold["city-notice-2025-05.txt"]["citations"].pop()  # one correct extra: P = 4/5
    bad = tmp_path / "seeds.json"
    bad.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    args = [str(SEEDS), "--annotations", str(bad)]
    assert eval_seeds.main(args) == 1
    assert eval_seeds.main([*args, "--min-precision", "0.75"]) == 0


def test_eval_seeds_without_the_files_says_so(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_seeds.main([str(tmp_path), "--annotations", str(ANNOTATIONS)]) == 2
    assert "No such file" in capsys.readouterr().err


def test_a_right_key_in_the_wrong_place_does_not_count() -> None:
    text = ("Thực hiện Công văn số 1431/UBND-VP ngày 06/5/2025 của UBND thành phố.\n"
            "Theo Công văn số 1431/UBND-VP ngày 06/5/2025.\n")
    gold = {"anchor": "Theo Công văn", "key": "1431/UBND-VP", "type": "Công văn",
            "date": "2025-05-06", "relation": "cites"}
    first, second = parse_text(text).citations
    assert first.relation == "implements" and not eval_seeds.matches(first, gold)
    assert second.relation == "cites" and not eval_seeds.matches(second, gold)  # anchor outside
    assert eval_seeds.matches(second, {**gold, "anchor": "Công văn số 1431/UBND-VP"})
