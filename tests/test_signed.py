"""Answers that count both ways: a dislike counts against the roles that weigh it, Neutral
counts exactly as a skip, and the explanation says so in the person's own words."""

from __future__ import annotations

import random

import pytest

from engine.answers import Answers
from engine.content import Content
from engine.questions import Likert
from engine.report import markdown_report, result_screen
from engine.scoring import score_many
from engine.simulate import ideal_answers, random_answers, typical_answers
from engine.vectors import Model, build_model, person_vector


@pytest.fixture(scope="module")
def model(content: Content) -> Model:
    return build_model(content.questionnaire, content.profiles)


def devops_with(model: Model, content: Content, on_call: int | None) -> Answers:
    profile = content.profiles.profile("devops-engineer")
    assert profile is not None
    values = dict(ideal_answers(model, profile).values, enjoy_production=on_call)
    return Answers("default", values)


def test_not_for_me_lowers_devops_and_neutral_is_a_skip(model: Model, content: Content) -> None:
    docs = score_many(model, [devops_with(model, content, v) for v in (None, 1, 3)],
                      ["en"] * 3)
    skipped, dislike, neutral = (d.match("devops-engineer").score for d in docs)
    assert skipped - dislike > 0.01
    assert abs(neutral - skipped) < 0.005
    assert docs[2].vector == docs[0].vector  # exactly a skip, not merely close


def test_every_neutral_answer_is_a_skip(model: Model) -> None:
    rng = random.Random(11)
    preference = [qt for qt in model.types if isinstance(qt, Likert) and qt.preference]
    assert len(preference) >= 8
    for _ in range(30):
        answers = random_answers(model, rng)
        for qt in preference:
            middle = (qt.n + 1) // 2
            neutral = dict(answers.values, **{qt.id: middle})
            skipped = dict(answers.values, **{qt.id: None})
            assert (person_vector(model, Answers("default", neutral)).tolist()
                    == person_vector(model, Answers("default", skipped)).tolist())


def test_no_why_line_credits_a_neutral_answer(model: Model) -> None:
    rng = random.Random(4)
    people = [random_answers(model, rng) for _ in range(60)]
    neutral_ids = {qt.id for qt in model.types if isinstance(qt, Likert) and qt.preference}
    for doc in score_many(model, people, ["en"] * len(people)):
        for m in doc.ranking[:3]:
            for c in m.top_contributions + m.against_contributions:
                for a in c.answers:
                    assert not (a.question_id in neutral_ids and a.answer == 3), a
                    assert a.share != 0


def test_a_dislike_shows_as_a_reason_against(model: Model, content: Content) -> None:
    """Someone shaped like a DevOps engineer in every way but the on-call work, which they
    dislike: DevOps still comes first, and the screen and the report say what counts against
    it, with the answer behind it."""
    values = dict(devops_with(model, content, 1).values, ideal_day="run_platform",
                  model_incident="fix_service")
    doc = score_many(model, [Answers("default", values)], ["en"])[0]
    devops = doc.match("devops-engineer")
    against = {c.dimension: c for c in devops.against_contributions}
    assert "pref-production" in against
    c = against["pref-production"]
    assert c.score < 0 and c.person < 0
    assert [a.answer_label for a in c.answers if a.score < 0] == ["1 (Not for me)"]
    label = content.profiles.dimension("pref-production").label.en
    line = f"{label}: \u2212{-100 * c.score:.1f} pts"  # a minus sign, as the bullet is
    screen = result_screen(doc, width=100)
    assert f"− {line}" in screen
    assert f"- {line}" in markdown_report(doc)
    # the typical day it liked is in the JSON (the shares add up) but not cited as a reason
    # against: the screen cites the answers that pull the way of the line
    assert any(a.question_id == "ideal_day" and a.score > 0 for a in c.answers)
    against = screen.split("Against")[1].split("To grow")[0].split("2. ")[0]
    assert "1 (Not for me)" in against and "Run the delivery platform" not in against


def test_a_score_below_zero_is_said_in_words(model: Model, content: Content) -> None:
    """A typical analyst who says operations, on-call and code are not for them ends below 0%
    for the roles that need them: the screen and the report name exactly those roles, and a
    result with none below 0% says nothing of it."""
    analyst = content.profiles.profile("data-analyst")
    assert analyst is not None
    values = dict(ideal_answers(model, analyst).values, enjoy_production=1, enjoy_coding=1,
                  enjoy_stack=1, enjoy_costs=1)
    low, plain = score_many(model, [Answers("default", values),
                                    ideal_answers(model, analyst)], ["en", "en"])
    below = [m.title for m in low.ranking if round(100 * m.score) < 0]
    assert below  # the case this is about
    sentence = f"Below 0%: {', '.join(below)}."
    assert sentence in " ".join(result_screen(low, width=200).split())
    assert sentence in " ".join(markdown_report(low).split())
    assert all(m.score >= 0 for m in plain.ranking)
    assert "Below 0%" not in result_screen(plain, width=200)


def test_gaps_speak_the_scale(model: Model) -> None:
    """Someone who answers as a typical analyst does, except that they never wrote SQL, reads
    that gap in the scale's words, beside the role's typical level, with the what-if score;
    never as a share of a vector."""
    answers = typical_answers(model)[model.role_ids.index("data-analyst")].values
    typical = answers["skill_sql"]
    assert isinstance(typical, int) and typical >= 3
    values = dict(answers, skill_sql=1)  # the role's typical answers, but no SQL
    doc = score_many(model, [Answers("default", values)], ["en"])[0]
    analyst = doc.match("data-analyst")
    by_question = {g.question_id: g for g in analyst.gaps}
    text = " ".join(result_screen(doc, width=100).split())
    assert all(g.score_if > g.score_now for g in analyst.gaps)
    g = by_question["skill_sql"]
    scale = model.questionnaire.type_of("skill_sql").scale  # type: ignore[union-attr]
    role = scale[typical - 1].en
    assert g.answer_label == "Never done it (1 of 5)"
    assert g.typical_label == f"{role} ({typical} of 5)"
    assert (f"SQL: your answer: Never done it (1 of 5), typical for this role: {role} ({typical} "
            "of 5) "
            f"(match {100 * g.score_now:.1f}% -> {100 * g.score_if:.1f}%)") in text


def test_to_grow_never_asks_for_the_lowest_level(model: Model) -> None:
    """A skipped skill whose typical level for the role is "Never done it" is no gap: "you
    skipped it, typical for this role: Never done it" told a person to claim no skill."""
    rng = random.Random(11)
    people = [random_answers(model, rng, skip_rate=0.4) for _ in range(60)]
    docs = score_many(model, people, ["en"] * len(people), explain_top=8)
    likert = {qt.id for qt in model.types if isinstance(qt, Likert)}
    gaps = [g for d in docs for m in d.ranking for g in m.gaps if g.question_id in likert]
    skipped = [g for g in gaps if g.answer is None]
    assert skipped  # skipped skills still get gaps where the role's level is above the lowest
    assert all(int(g.typical) > 1 for g in gaps)  # type: ignore[arg-type]


def test_a_side_effect_alone_stays_a_hint(model: Model, content: Content) -> None:
    """Neutral to experimenting and Jupyter ticked: Jupyter's 0.2 on "Experimenting" counted as
    1.0 (its own small weight was all the evidence), so the data scientist's first reason was
    "+ Experimenting: +13.4 pts ← Jupyter notebooks", against what the person said. A mean over
    less than one answer's weight is divided by 1: the value is 0.2, and a reason credits Jupyter
    with what that 0.2 adds (the parts still add up to the score)."""
    values = {qt.id: None for qt in model.types}
    values.update(enjoy_experimenting=3, tools_analysis=["jupyter", "pandas"], skill_ml=4,
                  skill_statistics=4)
    doc = score_many(model, [Answers("default", values)], ["en"], explain_top=8)[0]
    d = model.dimension_ids.index("pref-experimenting")
    assert doc.vector["pref-experimenting"] == pytest.approx(0.2)
    assert person_vector(model, Answers("default", values))[d] == pytest.approx(0.2)
    ds = next(m for m in doc.ranking if m.role_id == "data-scientist")
    assert doc.ranking[0].role_id == "data-scientist"
    first = ds.top_contributions[0]
    assert first.dimension != "pref-experimenting"
    assert ds.contributions["pref-experimenting"] < first.score / 2
    assert sum(ds.contributions.values()) == pytest.approx(ds.score, abs=1e-12)
    # every cited answer's share is what it added: they add up to the person's value
    for c in ds.top_contributions:
        assert sum(a.share for a in c.answers) == pytest.approx(c.person, abs=1e-12)
