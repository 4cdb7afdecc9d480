"""The result screen: fits the terminal, never cuts a word, shows the engine's own numbers."""

from __future__ import annotations

import random
import re

import pytest
from rich.cells import cell_len

from engine.content import Content
from engine.export import FragileDoc, ResultDocument
from engine.render import shorten
from engine.report import result_screen
from engine.scoring import score_many
from engine.simulate import random_answers
from engine.vectors import build_model

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def screens(content: Content, lang: str, width: int, color: bool, n: int = 15) -> list[
        tuple[ResultDocument, str]]:
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(width * 7 + len(lang))
    out = []
    for _ in range(n):
        r = score_many(model, [random_answers(model, rng, skip_rate=0.2)], [lang])[0]
        assert r.lang == lang
        out.append((r, result_screen(r, width=width, color=color)))
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("color", [False, True])
def test_no_line_wider_than_80_columns(content: Content, lang: str, color: bool) -> None:
    for _, text in screens(content, lang, 80, color):
        widest = max(cell_len(ANSI.sub("", line)) for line in text.splitlines())
        assert widest <= 80


def test_plain_text_has_no_escape_codes(content: Content) -> None:
    for _, text in screens(content, "en", 80, color=False, n=3):
        assert "\x1b" not in text


def test_words_are_never_cut(content: Content) -> None:
    for r, text in screens(content, "fr", 60, color=False, n=5):
        words = set(re.split(r"\s+", text))
        for m in r.ranking[:3]:
            profile = content.profiles.profile(m.role_id)
            assert profile is not None
            for word in profile.typical_day.get("fr").split():
                assert word in words or word.replace("\u00a0", " ") in text, word


def test_narrow_terminal_does_not_break(content: Content) -> None:
    for _, text in screens(content, "en", 30, color=True, n=2):
        assert "Your matches" in text


def test_percentages_on_screen_are_the_ranking_scores(content: Content) -> None:
    for r, text in screens(content, "en", 100, color=False, n=5):
        flat = " ".join(text.split())  # lines wrap between words
        for m in r.ranking:
            profile = content.profiles.profile(m.role_id)
            assert profile is not None
            assert re.search(rf"{m.rank} \| {re.escape(profile.title.en)}\s+\| +"
                             rf"{100 * m.score:.0f}% \|", text), profile.title.en
        for m in r.ranking[:3]:
            for c in m.top_contributions:
                label = content.profiles.dimension(c.dimension).label.en
                assert f"{label}: +{100 * c.score:.1f} pts" in text
            for c in m.against_contributions:
                label = content.profiles.dimension(c.dimension).label.en
                assert f"− {label}: {100 * c.score:.1f} pts".replace("-", "\u2212") in text
            for g in m.gaps:
                assert f"(match {100 * g.score_now:.1f}% -> {100 * g.score_if:.1f}%)" in flat
                assert f"{g.label}: " in flat and g.typical_label in flat


def test_shorten_cuts_between_words() -> None:
    assert shorten("Building data pipelines: collecting, cleaning", 30) == \
        "Building data pipelines…"
    assert shorten("short", 30) == "short"


def test_not_enough_answers_screen(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    from engine.answers import Answers

    r = score_many(model, [Answers("default", dict.fromkeys(model.question_ids))], ["en"])[0]
    text = result_screen(r)
    assert "Not enough answers to recommend" in text
    assert "%" not in text


def test_french_labels_take_a_space_before_the_colon(content: Content) -> None:
    from engine.decode import decode
    from engine.render import role_card
    from engine.report import decode_screen

    card = role_card(content.profiles.profiles[0], content.profiles, "fr", 80)
    doc = decode("Airflow et Kafka, astreintes.", content.profiles, lang="fr")
    for text in (card, decode_screen(doc)):
        assert re.search(r"\w:", text) is None  # never "Outils:"
    assert "Outils\u00a0: Orchestration et dbt (Airflow)" in decode_screen(doc)
    assert "Objectif\u00a0: " in card


def test_one_fragile_answer_reads_as_one(content: Content) -> None:
    from engine.report import confidence_notes

    model = build_model(content.questionnaire, content.profiles)
    doc = score_many(model, [random_answers(model, random.Random(3), skip_rate=0.0)], ["en"])[0]
    assert doc.confidence is not None
    doc.confidence = doc.confidence.model_copy(update={
        "robust": False,
        "fragile_answers": [FragileDoc(question_id="sql", top_role_without="x")]})
    assert ("yellow", "Fragile: without your answer to sql, your top match would change.") \
        in confidence_notes(doc)
    doc.confidence.fragile_answers.append(FragileDoc(question_id="ml", top_role_without="x"))
    assert ("yellow", "Fragile: removing one of 2 answers (sql, ml) would change your top "
                      "match.") in confidence_notes(doc)


def test_quick_mode_gaps_say_not_asked_not_skipped(content: Content) -> None:
    """A question quick mode never asked is not one the person skipped."""
    from engine.export import ModeDoc
    from engine.report import markdown_report
    from engine.scoring import score

    asked = ["skill_sql", "skill_dashboards", "enjoy_explaining", "skill_statistics"]
    answers = {"skill_sql": 5, "skill_dashboards": 5, "enjoy_explaining": 5,
               "skill_statistics": 3}
    doc = score({"questionnaire": "default", "answers": answers}, content.questionnaire,
                content.profiles, mode=ModeDoc(quick=True, asked=asked))
    gaps = [g for m in doc.ranking[:3] for g in m.gaps if g.question_id not in asked]
    assert gaps  # there are gaps on questions quick mode did not ask
    assert {g.answer_label for g in gaps} == {"not asked in quick mode"}  # the JSON says so too
    for text in (result_screen(doc, width=100), markdown_report(doc)):
        flat = " ".join(text.split())
        assert "not asked in quick mode" in flat and "you skipped it" not in flat
    full = score({"questionnaire": "default", "answers": answers}, content.questionnaire,
                 content.profiles)
    assert "you skipped it" in " ".join(result_screen(full, width=100).split())


def test_quick_stop_reason_is_on_a_saved_result_and_not_repeated_under_the_quiz(
        content: Content) -> None:
    """`show` of a quick-mode result says why it stopped; right after the quiz, which has just
    said it above the choice to see the result, the screen does not say it a second time."""
    from engine.export import ModeDoc
    from engine.report import summary_screen
    from engine.scoring import score

    reason = "Stopped after 4 of 29 questions: the remaining questions are unlikely to change"
    answers = {"skill_sql": 5, "skill_dashboards": 5, "enjoy_explaining": 5,
               "skill_statistics": 3}
    doc = score({"questionnaire": "default", "answers": answers}, content.questionnaire,
                content.profiles,
                mode=ModeDoc(quick=True, asked=list(answers), stop="settled",
                             stop_reason=reason))
    for draw in (lambda **kw: result_screen(doc, width=100, **kw),
                 lambda **kw: summary_screen(doc, width=100, **kw)):
        assert reason in draw()
        assert "Stopped after" not in draw(stop_said=True)
    # a report is read by others: it says why only 4 of 29 were answered (not 25 skips), and
    # when it was made in words a reader reads ("2026-12-01 20:02 UTC", not ISO 8601)
    from engine.report import html_report, markdown_report

    for page in (markdown_report(doc), html_report(doc)):
        assert reason in page
        assert doc.created_at not in page
        assert f"{doc.created_at[:10]} {doc.created_at[11:16]} UTC" in page
