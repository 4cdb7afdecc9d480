"""Quick mode's core: the stopping bound is a proof, the choice is deterministic."""

from __future__ import annotations

import random

import numpy as np
import pytest

from engine.adaptive import Quick, partial
from engine.content import Content
from engine.questions import AnswerValue
from engine.simulate import ideal_answers, random_answer, with_noise
from engine.vectors import Model, build_model, person_vector


@pytest.fixture(scope="module")
def model(content: Content) -> Model:
    return build_model(content.questionnaire, content.profiles)


def top_of(model: Model, values: dict[str, AnswerValue]) -> str:
    from engine.answers import Answers

    u = person_vector(model, Answers(model.questionnaire.id, values))
    unit = model.weights / np.linalg.norm(model.weights, axis=1, keepdims=True)
    return model.role_ids[int(np.argsort(-(unit @ u), kind="stable")[0])]


def all_choices(model: Model, qi: int) -> list[AnswerValue]:
    """Every answer to question qi worth trying: skip, each point or option, and for multi
    questions every single option, none, and all options."""
    qt = model.types[qi]
    table = [o["id"] for o in qt.options("en")]
    if qt.kind == "likert":
        return [None, *(int(k) for k in table)]
    if qt.kind == "single":
        return [None, *table]
    assert qt.kind == "multi"
    return [None, [], table, *([o] for o in table)]


def adversary(model: Model, given: dict[str, AnswerValue], remaining: list[int], top: str,
              rival: int, rng: random.Random) -> dict[str, AnswerValue]:
    """Coordinate ascent over the remaining answers to push ``rival`` above ``top``."""
    unit = model.weights / np.linalg.norm(model.weights, axis=1, keepdims=True)
    t = model.role_ids.index(top)
    values = dict(given)
    for qi in remaining:
        values[model.question_ids[qi]] = random_answer(model, qi, rng)
    from engine.answers import Answers

    def gap(v: dict[str, AnswerValue]) -> float:
        u = person_vector(model, Answers(model.questionnaire.id, v))
        return float(unit[rival] @ u - unit[t] @ u)

    best = gap(values)
    for _ in range(3):
        for qi in remaining:
            qid = model.question_ids[qi]
            for choice in all_choices(model, qi):
                trial = dict(values, **{qid: choice})
                g = gap(trial)
                if g > best:
                    best, values = g, trial
    return values


def run_quick(model: Model, quick: Quick, full: dict[str, AnswerValue]) -> tuple[
        dict[str, AnswerValue], object]:
    given: dict[str, AnswerValue] = {}
    while True:
        step = quick.next(partial(model, given))
        if step.stop:
            return given, step
        qid = model.question_ids[step.question]  # type: ignore[index]
        given[qid] = full[qid]


def test_the_bound_holds_against_the_most_adverse_answers(model: Model,
                                                          content: Content) -> None:
    quick = Quick(model, min_questions=10**6)  # only the proof may stop early here
    rng = random.Random(17)
    checked = 0
    for profile in content.profiles.profiles:
        ideal = ideal_answers(model, profile)
        for noise in (0.0, 0.2):
            full = with_noise(model, ideal, noise, rng).values
            given, step = run_quick(model, quick, full)
            if step.reason != "bound":  # type: ignore[attr-defined]
                continue
            top = step.top  # type: ignore[attr-defined]
            remaining = [qi for qi, qid in enumerate(model.question_ids) if qid not in given]
            assert remaining, "a bound stop leaves questions unasked"
            for rival in range(len(model.role_ids)):
                if model.role_ids[rival] == top:
                    continue
                worst = adversary(model, given, remaining, top, rival, rng)
                assert top_of(model, worst) == top
            for _ in range(50):  # and random completions, skips included
                values = dict(given)
                for qi in remaining:
                    values[model.question_ids[qi]] = rng.choice(all_choices(model, qi))
                assert top_of(model, values) == top
            checked += 1
    assert checked >= 6  # the bound does stop early for most simulated people


def test_every_completion_stays_inside_the_box(model: Model) -> None:
    quick = Quick(model)
    rng = random.Random(3)
    for _ in range(40):
        asked = rng.sample(range(len(model.question_ids)), rng.randint(0, 20))
        given = {model.question_ids[qi]: random_answer(model, qi, rng) for qi in asked}
        remaining = [qi for qi in range(len(model.question_ids)) if qi not in asked]
        total, count, _ = quick._state(partial(model, given))
        lo, hi = quick.box(total, count, remaining)
        for _ in range(20):
            values = dict(given)
            for qi in remaining:
                values[model.question_ids[qi]] = rng.choice(all_choices(model, qi))
            from engine.answers import Answers

            u = person_vector(model, Answers(model.questionnaire.id, values))
            assert np.all(u >= lo - 1e-12) and np.all(u <= hi + 1e-12)


def test_question_choice_is_deterministic(model: Model, content: Content) -> None:
    ideal = ideal_answers(model, content.profiles.profiles[4]).values
    runs = [run_quick(model, Quick(model), ideal)[0] for _ in range(2)]
    assert list(runs[0]) == list(runs[1])


def test_first_question_is_the_most_informative_scenario(model: Model) -> None:
    step = Quick(model).next(partial(model, {}))
    assert not step.stop
    assert model.question_ids[step.question] == "ideal_day"  # type: ignore[index]


def test_quick_mode_stops_early_and_agrees_with_the_full_questionnaire(
    model: Model, content: Content
) -> None:
    quick = Quick(model)
    for profile in content.profiles.profiles:
        ideal = ideal_answers(model, profile).values
        given, step = run_quick(model, quick, ideal)
        assert len(given) <= 12
        assert step.top == profile.id  # type: ignore[attr-defined]


def test_a_probable_stop_never_rests_on_one_answer(model: Model, content: Content,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Quick mode stops as 'settled' within its first MIN_QUESTIONS + FRAGILE_WAIT questions
    only when the result it gives is not fragile: the result's own note (removing any one
    answer) agrees, on noisy people of every role. Without the wait, some of the same people
    stop on a fragile result (the case this is about)."""
    from engine.adaptive import FRAGILE_WAIT, MIN_QUESTIONS
    from engine.answers import Answers
    from engine.scoring import score_many

    people = [with_noise(model, ideal_answers(model, profile), 0.3, random.Random(i)).values
              for profile in content.profiles.profiles for i in range(12)]

    def fragile_settled_stops() -> tuple[int, int]:
        quick = Quick(model)
        settled = []
        for person in people:
            given, step = run_quick(model, quick, person)
            if step.reason == "settled" and len(given) < MIN_QUESTIONS + FRAGILE_WAIT:
                settled.append(Answers(model.questionnaire.id, given))
        docs = score_many(model, settled, ["en"] * len(settled))
        return len(settled), sum(bool(d.confidence.fragile_answers)  # type: ignore[union-attr]
                                 for d in docs)

    stops, fragile = fragile_settled_stops()
    assert stops > 0 and fragile == 0
    monkeypatch.setattr(Quick, "rests_on_one_answer", lambda self, answers, top: False)
    assert fragile_settled_stops()[1] > 0


def test_all_skipped_never_stops_before_the_end(model: Model) -> None:
    quick = Quick(model)
    given: dict[str, AnswerValue] = {}
    while True:
        step = quick.next(partial(model, given))
        if step.stop:
            break
        given[model.question_ids[step.question]] = None  # type: ignore[index]
    assert step.reason == "complete" and len(given) == len(model.question_ids)


def test_the_box_reaches_below_zero_where_a_dislike_can(model: Model) -> None:
    """With nothing asked, a preference dimension can end anywhere from -1 (every question
    about it answered "Not for me" or left out) to 1; a skill dimension never below 0."""
    quick = Quick(model)
    total, count, _ = quick._state(partial(model, {}))
    lo, hi = quick.box(total, count, list(range(len(model.question_ids))))
    dims = list(model.dimension_ids)
    assert lo[dims.index("pref-production")] == -1.0 and hi[dims.index("pref-production")] == 1.0
    assert lo[dims.index("sql")] == 0.0
    only_dislike = {qid: None for qid in model.question_ids}
    only_dislike["enjoy_production"] = 1
    from engine.answers import Answers

    u = person_vector(model, Answers(model.questionnaire.id, only_dislike))
    assert u[dims.index("pref-production")] == -1.0


def test_the_bound_holds_when_the_remaining_likes_turn_into_dislikes(
        model: Model, content: Content) -> None:
    """The adversary starts from "Not for me" on every remaining preference question (the
    answers that now count against a role), then climbs: the proven top role never moves."""
    quick = Quick(model, min_questions=10**6)
    rng = random.Random(29)
    checked = 0
    for profile in content.profiles.profiles:
        full = with_noise(model, ideal_answers(model, profile), 0.1, rng).values
        given, step = run_quick(model, quick, full)
        if step.reason != "bound":  # type: ignore[attr-defined]
            continue
        top = step.top  # type: ignore[attr-defined]
        remaining = [qi for qi, qid in enumerate(model.question_ids) if qid not in given]
        dislikes = dict(given)
        for qi in remaining:
            qt = model.types[qi]
            dislikes[qt.id] = 1 if qt.kind == "likert" and qt.preference else None  # type: ignore[attr-defined]
        assert top_of(model, dislikes) == top
        for rival in range(len(model.role_ids)):
            if model.role_ids[rival] != top:
                worst = adversary(model, dislikes, remaining, top, rival, rng)
                assert top_of(model, worst) == top
        checked += 1
    assert checked >= 3
