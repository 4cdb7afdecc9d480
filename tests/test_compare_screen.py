"""The comparison of two roles as the result menu shows it: the header's gap is the
difference of the two numbers it shows."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from engine.content import Content
from engine.export import ResultDocument
from engine.report import compare_screen
from engine.scoring import score

PERSONAS = sorted((Path(__file__).resolve().parent.parent
                   / "benchmarks/personas/answers").glob("*.json"))


def saved(content: Content, path: Path, lang: str = "en") -> ResultDocument:
    """A persona's result as `rolematch --answers FILE -o r.json` saves it (three roles
    explained)."""
    data = json.loads(path.read_text())
    data["id"] = data.pop("respondent")
    return score(data, content.questionnaire, content.profiles, lang=lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_gap_is_the_difference_of_the_numbers_shown(content: Content, lang: str) -> None:
    """"60.4% vs 37.8%: 22.5 points apart": the gap was rounded from the unrounded scores."""
    checked = 0
    for path in PERSONAS:
        doc = saved(content, path, lang)
        for a, b in itertools.combinations(doc.ranking, 2):
            head = " ".join(compare_screen(doc, a.role_id, b.role_id, width=200)
                            .splitlines()[:1])
            x, y, gap = (float(v.replace(",", ".")) for v in
                         re.findall(r"(-?\d+[.,]\d)", head.split(a.title, 1)[1])[:3])
            assert round(abs(x - y), 1) == gap, head
            checked += 1
    assert checked > 500


@pytest.mark.parametrize(("lang", "head"), [
    ("en", "Data Engineer 60.4% vs Data Analyst 37.8%: 22.6 points apart"),
    ("fr", "Data Engineer 60,4\u00a0% et Data Analyst 37,8\u00a0%\u00a0: 22,6 points d'écart"),
])
def test_the_gap_a_new_user_saw(content: Content, lang: str, head: str) -> None:
    doc = saved(content, PERSONAS[0], lang)
    scores = {"data-engineer": 0.6036, "data-analyst": 0.3784}  # 22.52 apart
    doc = doc.model_copy(update={"ranking": [
        m.model_copy(update={"score": scores.get(m.role_id, m.score)}) for m in doc.ranking]})
    text = compare_screen(doc, "data-engineer", "data-analyst", width=200)
    assert text.splitlines()[0] == head
