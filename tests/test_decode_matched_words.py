"""The words decode shows as evidence are the posting's words, whole: a match never spans a
comma or an opening bracket, and a closing bracket it spans is not shown."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import Content
from engine.decode import decode
from tests.conftest import Run

# invented for these tests
LONG = ("Machine Learning Engineer\nYou will deploy models on ML platforms (MLflow, AWS "
        "(SageMaker, Vertex AI) with Python and SQL, and keep Machine Learning (ML) Systems "
        "healthy; some data, pipelines and Generative (Gen)AI too.")


def matched(content: Content, text: str) -> dict[str, list[str]]:
    return {f.term: f.matched for f in decode(text, content.profiles).found}


def test_no_unbalanced_bracket_in_the_screen_or_the_json(
        run: Callable[..., Run], tmp_path: Path) -> None:
    posting = tmp_path / "long.txt"
    posting.write_text(LONG)
    screen = " ".join(run("decode", str(posting)).out.split())
    assert "ML platforms (MLflow, SageMaker, Vertex AI)" in screen
    assert "AWS (SageMaker" not in screen
    data = json.loads(run("decode", str(posting), "--json").out)
    words = [w for f in data["found"] for w in f["matched"]]
    assert "AWS" in words and "SageMaker" in words
    for word in words:
        assert word.count("(") == word.count(")") and "(" not in word, word


def test_a_bracket_closing_an_abbreviation_is_dropped(content: Content) -> None:
    found = matched(content, LONG)
    assert "ML Systems" in found["deployment"]  # "(ML) Systems"
    assert "GenAI" in found["generative-ai"]  # "(Gen)AI"


@pytest.mark.parametrize(("text", "term"), [
    ("we love data, pipelines are for later", "pipelines"),
    ("cloud services (cloud native) ok", "cloud"),
])
def test_no_match_across_a_comma_or_an_opening_bracket(content: Content, text: str,
                                                       term: str) -> None:
    for word in matched(content, text).get(term, []):
        assert "," not in word and "(" not in word
