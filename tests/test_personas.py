"""The persona benchmark's data is whole, and its top-1 aim holds (benchmarks/personas.py)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
import yaml

from engine.content import Content

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks"


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("personas", FOLDER / "personas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("folder", "size", "per_role"), [("personas", 24, 3),
                                                          ("personas-holdout", 16, 2)])
def test_every_persona_has_a_text_an_answers_file_and_an_expectation(
        content: Content, folder: str, size: int, per_role: int) -> None:
    expected = yaml.safe_load((FOLDER / folder / "expected.yaml").read_text())
    texts = {p.stem for p in (FOLDER / folder).glob("*.txt")}
    answers = {p.stem for p in (FOLDER / folder / "answers").glob("*.json")}
    assert set(expected) == texts == answers and len(texts) >= size
    roles = Counter(e["top"] for e in expected.values())
    assert set(roles) == set(content.profiles.role_ids) and min(roles.values()) >= per_role
    assert sum(bool(e["misleading_title"]) for e in expected.values()) >= size // 3
    for e in expected.values():
        assert e["top"] not in e["runner_up_ok"]
        assert set(e["runner_up_ok"]) <= set(content.profiles.role_ids)


def test_the_persona_top_one_aim_holds() -> None:
    """At least 23 of the 24 blind-answered personas get the role a counsellor names."""
    result = _benchmark().run(None, None)
    misses = [(r["slug"], r["ranking"][0][0]) for r in result["rows"] if not r["top_ok"]]
    assert result["top"] >= 23, misses


def test_the_held_out_personas_meet_the_same_top_one_share() -> None:
    """The 16 held-out personas (other postings, other blind readers) get the counsellor's role
    as often as the aim asks of the 24 (23/24 of 16, rounded up: 16)."""
    benchmark = _benchmark()
    result = benchmark.run(None, None, benchmark.SETS["holdout"])
    misses = [(r["slug"], r["ranking"][0][0]) for r in result["rows"] if not r["top_ok"]]
    assert result["n"] == 16 and result["top"] >= result["aim_top"] == 16, misses
