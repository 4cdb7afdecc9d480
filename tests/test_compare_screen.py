"""The comparison of two roles as the result menu shows it: every row with points names the
answers behind it, and the header's gap is the difference of the two numbers it shows."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from engine.cli import result_menu
from engine.cli.result_menu import explain_all
from engine.content import Content
from engine.export import ResultDocument
from engine.report import compare_screen, differences
from engine.scoring import score

PERSONAS = sorted((Path(__file__).resolve().parent.parent
                   / "benchmarks/personas/answers").glob("*.json"))
ROW = re.compile(r"^(\S.*?)\s+([+\u2212]\d+[.,]\d) pts?\s+([+\u2212]\d+[.,]\d) pts?$")


def saved(content: Content, path: Path, lang: str = "en") -> ResultDocument:
    """A persona's result as `rolematch --answers FILE -o r.json` saves it (three roles
    explained)."""
    data = json.loads(path.read_text())
    data["id"] = data.pop("respondent")
    return score(data, content.questionnaire, content.profiles, lang=lang)


def rows(text: str) -> list[tuple[str, list[str]]]:
    """Each dimension row of a comparison with the lines under it, up to the next row."""
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith(("All other", "Toutes les autres")):
            break
        if ROW.match(line):
            out.append((line, []))
        elif out and line.startswith("    "):
            out[-1][1].append(line.strip())
    return out


def nonzero(row: str) -> bool:
    found = ROW.match(row)
    assert found is not None
    return any(float(x.replace(",", ".").replace("\u2212", "-")) != 0 for x in found.groups()[1:])


@pytest.mark.parametrize("path", PERSONAS, ids=[p.stem for p in PERSONAS])
def test_every_row_with_points_names_the_answers_behind_it(content: Content,
                                                           path: Path) -> None:
    """"GPU computing +4.1 pts" had nothing under it although the person ticked CUDA: the
    answers came from the cards, which cite each role's four strongest dimensions only."""
    doc, _, _ = explain_all(saved(content, path), content)
    cards: dict[str, list[tuple[str, str]]] = {}
    for role in doc.ranking:
        for c in role.top_contributions:
            cards.setdefault(c.dimension, [(a.question_text, a.answer_label)
                                           for a in c.answers if a.score * c.score > 0][:2])
    ids = [m.role_id for m in doc.ranking]
    for first, second in itertools.permutations(ids, 2):
        shown, rest = differences(doc, first, second)
        a, b = doc.match(first), doc.match(second)
        assert sum(d.first for d in shown) + rest[0] == pytest.approx(a.score, abs=1e-12)
        assert sum(d.second for d in shown) + rest[1] == pytest.approx(b.score, abs=1e-12)
        for d in shown:
            assert d.said, (first, second, d.label)
            if d.dimension in cards:  # the same answers, in the same order, as a card's
                assert d.said == cards[d.dimension]


def menu_compare(monkeypatch: pytest.MonkeyPatch, roles: tuple[str, str],
                 menu: result_menu.ResultMenu) -> str:
    """What the menu's Compare pages for ``roles`` picked in its two lists."""
    picks = iter(roles)

    class Pick:
        def unsafe_ask(self) -> str:
            return next(picks)

    shown: list[str] = []
    monkeypatch.setattr(result_menu.prompts, "pick_role", lambda *a, **k: Pick())
    monkeypatch.setattr(result_menu, "page", lambda text, lang="en": shown.append(text))
    menu.compare()
    return shown[0]


@pytest.mark.parametrize(("lang", "size", "persona", "roles", "dimension", "answer"), [
    ("en", (80, 24), "mle-1-ads-bidding", ("ai-engineer", "ml-engineer"), "GPU computing",
     "5 (Expert)"),
    ("fr", (60, 20), "mle-1-ads-bidding", ("ai-engineer", "ml-engineer"), "Calcul sur GPU",
     "5 (Expert)"),
    ("en", (80, 24), "aia-1-bank-platform", ("mlops-engineer", "ml-engineer"),
     "Watching cloud costs", "→"),
])
def test_the_screen_shows_answers_under_every_row(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str, size: tuple[int, int],
        persona: str, roles: tuple[str, str], dimension: str, answer: str) -> None:
    """The comparison the menu pages, at the person's terminal size."""
    width, lines = size
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("LINES", str(lines))
    doc = saved(content, next(p for p in PERSONAS if p.stem == persona), lang)
    explained, labels, profiles = explain_all(doc, content)
    shown = menu_compare(monkeypatch, roles,
                         result_menu.ResultMenu(doc, explained, 3, labels, profiles))
    found = rows(shown)
    assert found and all(under for row, under in found if nonzero(row)), shown
    row, under = next((r, u) for r, u in found if r.startswith(dimension))
    assert any(answer in line for line in under), shown
    assert max(map(len, shown.splitlines())) <= width


def test_a_result_not_scored_again_says_why_a_row_has_no_answers(content: Content) -> None:
    """A saved result scored with other questions cannot be scored again: it has the answers
    behind its explained roles' strongest dimensions only; a row without them says so."""
    doc = saved(content, PERSONAS[0])
    doc = doc.model_copy(update={"questionnaire": doc.questionnaire.model_copy(
        update={"content_hash": "0" * 64})})
    explained, _, _ = explain_all(doc, content)
    assert explained is doc
    ids = [m.role_id for m in doc.ranking]
    empty = [(a, b) for a, b in itertools.permutations(ids, 2)
             if any(not d.said for d in differences(doc, a, b)[0])]
    assert empty
    text = compare_screen(doc, *empty[0], width=80)
    for _row, under in rows(text):
        assert under, text
    assert "answers not known" in text


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
