"""Properties of the scoring that hold for any answers (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.answers import Answers
from engine.content import LikertQuestion, MultiQuestion, load_content
from engine.export import ResultDocument
from engine.scoring import score_many
from engine.vectors import Model, build_model, cosine, unit_rows

CONTENT = load_content()
MODEL = build_model(CONTENT.questionnaire, CONTENT.profiles)


def score_with_model(model: Model, answers: Answers, explain_top: int = 3) -> ResultDocument:
    """One person scored with a compiled model, in English."""
    return score_many(model, [answers], ["en"], explain_top)[0]


def _answer(q: object) -> st.SearchStrategy[object]:
    if isinstance(q, LikertQuestion):
        return st.none() | st.integers(1, 5)
    options = [o.id for o in q.options]  # type: ignore[attr-defined]
    if isinstance(q, MultiQuestion):
        return st.none() | st.lists(st.sampled_from(options), unique=True)
    return st.none() | st.sampled_from(options)


ANSWERS = st.fixed_dictionaries({q.id: _answer(q) for q in CONTENT.questionnaire.questions})


def _answers(values: dict[str, object]) -> Answers:
    return Answers("default", dict(values))  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(ANSWERS)
def test_contributions_sum_to_the_score_and_scores_lie_in_the_cosine_range(
        values: dict[str, object]) -> None:
    r = score_with_model(MODEL, _answers(values), explain_top=1)
    for m in r.ranking:
        assert -1.0 - 1e-12 <= m.score <= 1.0 + 1e-12
        assert abs(sum(m.contributions.values()) - m.score) < 1e-9
    assert [m.score for m in r.ranking] == sorted((m.score for m in r.ranking), reverse=True)
    assert all(-1.0 <= v <= 1.0 for v in r.vector.values())
    # only a preference answered below neutral can make a value negative
    disliked = {d for qt in MODEL.types if qt.kind == "likert" and qt.preference  # type: ignore[attr-defined]
                and isinstance(values.get(qt.id), int) and qt.factor(values[qt.id]) < 0  # type: ignore[attr-defined]
                for d in qt.touched()}
    assert {d for d, v in r.vector.items() if v < 0} <= disliked


@settings(max_examples=150, deadline=None)
@given(ANSWERS)
def test_top_answer_shares_add_up_to_the_contribution(values: dict[str, object]) -> None:
    r = score_with_model(MODEL, _answers(values), explain_top=3)
    for m in r.ranking[:3]:
        for c in m.top_contributions + m.against_contributions:
            assert abs(sum(a.score for a in c.answers) - c.score) < 1e-9
            assert abs(sum(a.share for a in c.answers) - c.person) < 1e-9
        assert all(c.score > 0 for c in m.top_contributions)
        assert all(c.score < 0 for c in m.against_contributions)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0, 1), min_size=len(MODEL.dimension_ids),
             max_size=len(MODEL.dimension_ids)),
    st.integers(0, 7),
    st.floats(0.0, 1.0),
)
def test_raising_the_heaviest_dimension_toward_the_role_never_lowers_it(
    u: list[float], role: int, step: float
) -> None:
    """Raising a dimension the role weighs most never lowers its score, as long as the
    person's share of that dimension stays at or below the role's share.

    (Past that point, cosine similarity does fall: this is why the guarantee is stated with
    that bound; see the notes in the README.)
    """
    vec = np.array(u)
    p = MODEL.weights[role]
    assert vec.shape == p.shape  # the old cosine refused a length mismatch; keep it checked
    d = int(np.argmax(p))
    unit_p = unit_rows(p[None, :])
    before = cosine(vec[None, :], unit_p)[0, 0]
    raised = vec.copy()
    raised[d] = vec[d] + step * (1.0 - vec[d])
    norm_raised = np.linalg.norm(raised)
    if norm_raised == 0 or raised[d] / norm_raised > p[d] / np.linalg.norm(p):
        return
    after = cosine(raised[None, :], unit_p)[0, 0]
    assert after >= before - 1e-12


def _single_dimension_questions() -> list[tuple[int, str, int]]:
    """(role index, question id, dimension index) for every likert question that moves only
    one dimension, which is among the role's heaviest."""
    found = []
    for ri in range(len(MODEL.role_ids)):
        p = MODEL.weights[ri]
        heaviest = set(np.flatnonzero(p == p.max()))
        for qi, qid in enumerate(MODEL.question_ids):
            moved = np.flatnonzero(MODEL.touches[qi])
            if MODEL.types[qi].kind == "likert" and len(moved) == 1 and int(moved[0]) in heaviest:
                found.append((ri, qid, int(moved[0])))
    return found


SINGLE = _single_dimension_questions()


def test_there_are_questions_to_check_the_next_property_on() -> None:
    assert len({ri for ri, _, _ in SINGLE}) >= 4


@settings(max_examples=60, deadline=None)
@given(ANSWERS)
def test_a_higher_answer_on_a_heaviest_dimension_question_never_lowers_the_role(
    values: dict[str, object],
) -> None:
    """Answering 5 instead of 1 on a question that moves only one of the role's heaviest
    dimensions never lowers that role's score, while the person's share of the dimension
    stays at or below the role's share."""
    for ri, qid, d in SINGLE:
        p = MODEL.weights[ri]
        low = dict(values, **{qid: 1})
        high = dict(values, **{qid: 5})
        r_low = score_with_model(MODEL, _answers(low), 0)
        r_high = score_with_model(MODEL, _answers(high), 0)
        u = np.array([r_high.vector[x] for x in MODEL.dimension_ids])
        if u[d] / np.linalg.norm(u) <= p[d] / np.linalg.norm(p):
            rid = MODEL.role_ids[ri]
            assert r_high.match(rid).score >= r_low.match(rid).score - 1e-12
