"""Scoring by hand on a tiny example, then the explanation guarantees on the real content."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import numpy as np
import pytest

from engine.answers import Answers, parse_answers
from engine.content import Content
from engine.errors import AnswersError
from engine.explain import CLOSE_CALL_MARGIN
from engine.export import ResultDocument, dumps
from engine.scoring import score, score_many
from engine.simulate import ideal_answers, random_answers
from engine.vectors import Model, build_model, cosine, order, person_vector
from tests.tiny import write_tiny


@pytest.fixture
def tiny(tmp_path: Path) -> Content:
    return write_tiny(tmp_path)


def tiny_score(tiny: Content, **answers: object) -> ResultDocument:
    return score({"questionnaire": "tiny", "answers": answers}, tiny.questionnaire, tiny.profiles)


def score_with_model(model: Model, answers: Answers, explain_top: int = 3) -> ResultDocument:
    """One person scored with a compiled model, in English."""
    return score_many(model, [answers], ["en"], explain_top)[0]


# --------------------------------------------------------------------------- by hand


A = 1.25 / 1.5
"""The tiny content's value on a for q1 = 5, q2 = 3 (see below)."""


def test_vector_is_the_mean_effect_per_dimension(tiny: Content) -> None:
    r = tiny_score(tiny, q1=5, q2=3)
    # a: q1 gives 1.0 (reach 1), q2 gives 0.5 * (3-1)/4 = 0.25 (reach 0.5: the most q2 can
    # say about a) -> weighted mean (1.0 + 0.25) / (1 + 0.5) = 0.8333...
    # b: only q2 can move it: 1.0 * 0.5 = 0.5, reach 1
    assert r.vector == pytest.approx({"a": A, "b": 0.5})


def test_cosine_and_ranking_by_hand(tiny: Content) -> None:
    r = tiny_score(tiny, q1=5, q2=3)
    norm = math.sqrt(A**2 + 0.5**2)
    expected = {"r1": A / norm, "r2": 0.5 / norm, "r3": (A * 0.6 + 0.5 * 0.8) / norm}
    assert [m.role_id for m in r.ranking] == ["r3", "r1", "r2"]
    for m in r.ranking:
        assert m.score == pytest.approx(expected[m.role_id], abs=1e-12)
        assert 100 * m.score == pytest.approx(100 * expected[m.role_id], abs=1e-10)
        assert m.match_percent == round(100 * expected[m.role_id], 1)


def test_contributions_by_hand(tiny: Content) -> None:
    r = tiny_score(tiny, q1=5, q2=3)
    norm = math.sqrt(A**2 + 0.5**2)
    r3 = r.match("r3")
    assert r3.contributions["a"] == pytest.approx(A * 0.6 / norm, abs=1e-12)
    assert r3.contributions["b"] == pytest.approx(0.5 * 0.8 / norm, abs=1e-12)
    # traced back to answers: q1 put 1.0/1.5 into a, q2 put 0.25/1.5 into a and 0.5 into b
    a = next(c for c in r3.top_contributions if c.dimension == "a")
    shares = {s.question_id: s.share for s in a.answers}
    assert shares == pytest.approx({"q1": 1 / 1.5, "q2": 0.25 / 1.5})
    assert sum(s.score for s in a.answers) == pytest.approx(a.score, abs=1e-12)


def test_what_if_is_recomputed_by_hand(tiny: Content) -> None:
    r = tiny_score(tiny, q1=5, q2=3)
    r1 = r.match("r1")
    # now: a = (1 + 0.25) / 1.5, b = 0.5; r1 (weights a: 1) typically answers q3 with 5, which
    # gives a = (1 + 0.25 + 1) / 2.5 = 0.9: cosine with (1, 0) = 0.9 / sqrt(0.9² + 0.25)
    gap = next(g for g in r1.gaps if g.question_id == "q3")
    assert (gap.answer, gap.typical) == (None, 5)
    assert gap.score_now == pytest.approx(A / math.sqrt(A ** 2 + 0.25), abs=1e-12)
    assert gap.score_if == pytest.approx(0.9 / math.sqrt(0.9 ** 2 + 0.25), abs=1e-12)
    assert gap.score_now == r1.score


def test_skipping_leaves_a_question_out_but_the_lowest_point_pulls_down(tiny: Content) -> None:
    skipped = tiny_score(tiny, q1=5, q2=None)
    lowest = tiny_score(tiny, q1=5, q2=1)
    assert skipped.vector["a"] == pytest.approx(1.0)  # only q1 counts
    assert lowest.vector["a"] == pytest.approx(1 / 1.5)  # q2 counts (reach 0.5), with effect 0
    missing = tiny_score(tiny, q1=5)
    assert missing.vector == skipped.vector  # a missing id is a skip


def test_a_dimension_asked_many_times_does_not_dominate(tiny: Content) -> None:
    r = tiny_score(tiny, q1=5, q3=5, q2=5)
    assert r.vector["a"] == pytest.approx((1 + 0.5 + 1) / (1 + 0.5 + 1))
    assert max(r.vector.values()) <= 1.0


def test_a_side_effect_does_not_dilute_a_dimension(tiny: Content) -> None:
    """q2 is mostly about b and only a little about a (effect 0.5): its lowest answer counts
    against a with half the weight of q1, which is all about a."""
    assert tiny_score(tiny, q1=5, q2=1).vector["a"] == pytest.approx(1 / 1.5)
    assert tiny_score(tiny, q1=1, q2=5).vector["a"] == pytest.approx(0.5 / 1.5)


def test_ties_break_by_role_id(tmp_path: Path) -> None:
    content = write_tiny(tmp_path)
    # q1=1 and q2=1 give a zero vector... use only b: r2 and r3 differ, so build a real tie:
    # a vector along (1, 1) scores r1 and r2 equally (cos 45 degrees).
    q = content.questionnaire
    model = build_model(q, content.profiles)
    scores = cosine(np.array([[1.0, 1.0]]), model.unit_weights)[0]
    assert scores[0] == pytest.approx(scores[1])
    assert [model.role_ids[i] for i in order(scores)][1:] == ["r1", "r2"]


def test_all_skipped_is_not_enough_to_recommend(tiny: Content) -> None:
    r = tiny_score(tiny)
    assert not r.enough_answers
    assert r.top is None and r.confidence is None
    assert "no_answers" in r.warnings
    assert all(m.score == 0.0 and not math.isnan(m.score) for m in r.ranking)


def test_all_lowest_answers_is_a_zero_vector_not_a_division_by_zero(tiny: Content) -> None:
    r = tiny_score(tiny, q1=1, q2=1, q3=1)
    assert not r.enough_answers
    assert all(math.isfinite(v) for v in r.vector.values())


# --------------------------------------------------------------------------- real content


def test_same_answers_give_byte_identical_documents(content: Content) -> None:
    rng = random.Random(3)
    model = build_model(content.questionnaire, content.profiles)
    answers = random_answers(model, rng)
    docs = []
    texts = []
    for _ in range(2):
        r = score(answers, content.questionnaire, content.profiles, lang="en")
        docs.append(json.dumps(r.to_data(), sort_keys=True).encode())
        texts.append(dumps(r).encode())
    assert docs[0] == docs[1]
    assert texts[0] == texts[1]


def test_contributions_add_up_to_every_score(content: Content) -> None:
    rng = random.Random(11)
    model = build_model(content.questionnaire, content.profiles)
    for _ in range(50):
        r = score_with_model(model, random_answers(model, rng, skip_rate=0.3))
        for m in r.ranking:
            assert abs(sum(m.contributions.values()) - m.score) < 1e-9


def test_what_if_scores_are_the_scores_of_the_changed_answers(content: Content) -> None:
    """Each gap's what-if is exactly the score the person would get with that one answer
    changed to the role's typical one (tools: those ticked as well), and it is a gain."""
    model = build_model(content.questionnaire, content.profiles)
    seen = 0
    for seed in range(6):
        answers = random_answers(model, random.Random(seed), skip_rate=0.2)
        r = score_with_model(model, answers)
        for m in r.ranking[:3]:
            for gap in m.gaps:
                seen += 1
                qt = model.questionnaire.type_of(gap.question_id)
                assert qt is not None
                changed = gap.typical
                if qt.kind == "multi":
                    ticked = set(gap.answer or []) | set(gap.typical)  # type: ignore[arg-type]
                    changed = [o for o in qt.option_ids if o in ticked]  # type: ignore[attr-defined]
                    assert len(gap.typical) == 1  # type: ignore[arg-type]  # one tool to learn
                    assert not set(gap.typical) & set(gap.answer or [])  # type: ignore[arg-type]
                else:
                    assert qt.kind == "likert" and not qt.preference  # type: ignore[attr-defined]
                    assert gap.answer is None or gap.answer < gap.typical  # type: ignore[operator]
                direct = score_with_model(model, Answers(
                    "default", dict(answers.values, **{gap.question_id: changed})))
                assert gap.score_if == direct.match(m.role_id).score
                assert gap.score_now == m.score
                assert gap.score_if - gap.score_now > 0.01
    assert seen >= 10


def test_top_contributions_trace_to_the_answers_that_moved_them(content: Content) -> None:
    answers = {"questionnaire": "default", "answers": {
        "skill_pipelines": 5, "tools_data": ["spark", "airflow"], "ideal_day": "build_pipelines",
        "enjoy_coding": 5}}
    r = score(answers, content.questionnaire, content.profiles)
    top = r.ranking[0]
    assert top.role_id == "data-engineer"
    pipelines = next(c for c in top.top_contributions if c.dimension == "pipelines-etl")
    assert {a.question_id for a in pipelines.answers} == {"skill_pipelines", "tools_data",
                                                          "ideal_day"}
    assert sum(a.share for a in pipelines.answers) == pytest.approx(pipelines.person)


def test_close_call_below_the_threshold(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(0)
    seen_close = seen_clear = False
    for _ in range(300):
        r = score_with_model(model, random_answers(model, rng, skip_rate=0.5))
        if r.confidence is None:
            continue
        margin = r.ranking[0].score - r.ranking[1].score
        assert r.confidence.margin == pytest.approx(margin)
        assert r.confidence.close_call == (margin < CLOSE_CALL_MARGIN)
        assert r.confidence.close_call_margin == CLOSE_CALL_MARGIN
        seen_close |= r.confidence.close_call
        seen_clear |= not r.confidence.close_call
    assert seen_close and seen_clear


def test_leave_one_out_counts_the_answers_that_would_flip_the_top(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(9)
    checked = 0
    for _ in range(40):
        answers = random_answers(model, rng, skip_rate=0.6)
        r = score_with_model(model, answers)
        if r.confidence is None:
            continue
        flips = {f.question_id: f.top_role_without for f in r.confidence.fragile_answers}
        assert len(flips) == len(r.confidence.fragile_answers)
        assert r.confidence.robust == (not flips)
        for qid, value in answers.values.items():
            if value is None:
                continue
            without = dict(answers.values)
            without[qid] = None
            again = score_with_model(model, Answers("default", without))
            if not again.enough_answers:
                continue
            changed = again.ranking[0].role_id != r.ranking[0].role_id
            assert (qid in flips) == changed
            if changed:
                assert flips[qid] == again.ranking[0].role_id
            checked += 1
    assert checked > 100


def test_same_answer_to_every_likert_question_warns(content: Content) -> None:
    likert = [q.id for q in content.questionnaire.questions if q.type == "likert"]
    r = score({"questionnaire": "default", "answers": dict.fromkeys(likert, 5)},
              content.questionnaire, content.profiles)
    assert "same_likert_answer" in r.warnings
    varied = dict.fromkeys(likert, 5)
    varied[likert[0]] = 4
    r2 = score({"questionnaire": "default", "answers": varied}, content.questionnaire,
               content.profiles)
    assert "same_likert_answer" not in r2.warnings


@pytest.mark.parametrize("role", ["ai-architect", "ai-engineer", "data-analyst",
                                  "data-engineer", "data-scientist", "devops-engineer",
                                  "ml-engineer", "mlops-engineer"])
def test_a_respondent_answering_as_the_role_gets_it_first(content: Content, role: str) -> None:
    model = build_model(content.questionnaire, content.profiles)
    profile = content.profiles.profile(role)
    assert profile is not None
    r = score_with_model(model, ideal_answers(model, profile))
    assert r.ranking[0].role_id == role
    assert r.confidence is not None and not r.confidence.close_call


def test_person_vector_matches_the_result_vector(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    answers = random_answers(model, random.Random(1))
    r = score_with_model(model, answers)
    assert list(person_vector(model, answers)) == [r.vector[d] for d in model.dimension_ids]


# --------------------------------------------------------------------------- answers errors


def bad(content: Content, answers: dict[str, object], **top: object) -> str:
    data = {"questionnaire": "default", "answers": answers, **top}
    with pytest.raises(AnswersError) as info:
        parse_answers(data, content.questionnaire, "me.yaml")
    lines = info.value.lines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("me.yaml: ")
    return lines[0]


def test_unknown_question_id(content: Content) -> None:
    line = bad(content, {"skill_sqll": 3})
    assert "answers.skill_sqll" in line and "did you mean 'skill_sql'?" in line


def test_value_off_the_scale(content: Content) -> None:
    line = bad(content, {"skill_sql": 7})
    assert line == "me.yaml: answers.skill_sql: expected a whole number from 1 to 5, got 7"


def test_likert_wrong_type(content: Content) -> None:
    line = bad(content, {"skill_sql": "4"})
    assert line == ("me.yaml: answers.skill_sql: expected a whole number from 1 to 5, got the "
                    "text '4' (write it without quotes)")


def test_likert_rejects_booleans(content: Content) -> None:
    assert bad(content, {"skill_sql": True}).endswith("from 1 to 5, got true")


def test_unknown_single_option(content: Content) -> None:
    line = bad(content, {"ideal_day": "sleep"})
    assert "answers.ideal_day" in line and "'sleep'" in line and "build_pipelines" in line


def test_unknown_multi_option(content: Content) -> None:
    line = bad(content, {"tools_ops": ["docker", "podman"]})
    assert "answers.tools_ops[1]" in line and "'podman'" in line and "kubernetes" in line


def test_multi_wrong_type(content: Content) -> None:
    line = bad(content, {"tools_ops": 3})
    assert line.startswith("me.yaml: answers.tools_ops: expected a list of option ids, got 3; "
                           "valid: docker, kubernetes")


def test_wrong_questionnaire(content: Content) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers({"questionnaire": "other", "answers": {}}, content.questionnaire, "me.yaml")
    assert "questionnaire" in info.value.lines()[0] and "'other'" in info.value.lines()[0]


def test_unknown_top_level_key(content: Content) -> None:
    line = bad(content, {}, colour="blue")
    assert "colour: unknown key" in line and "answers" in line


def test_every_answers_error_is_reported(content: Content) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers({"questionnaire": "default",
                       "answers": {"skill_sql": 9, "ideal_day": "x", "nope": 1}},
                      content.questionnaire, "me.yaml")
    assert len(info.value.lines()) == 3


def test_empty_multi_is_an_answer_not_a_skip(content: Content) -> None:
    a = parse_answers({"questionnaire": "default", "answers": {"tools_ops": []}},
                      content.questionnaire)
    assert a.values["tools_ops"] == [] and "tools_ops" in a.answered


def test_a_scenario_speaks_only_to_the_dimensions_of_the_option_chosen(
    content: Content,
) -> None:
    """Choosing the pipelines day must not count as evidence against software engineering,
    which another option of the same question moves."""
    alone = score({"questionnaire": "default", "answers": {"skill_software": 4}},
                  content.questionnaire, content.profiles)
    with_day = score({"questionnaire": "default",
                      "answers": {"skill_software": 4, "ideal_day": "build_pipelines"}},
                     content.questionnaire, content.profiles)
    assert alone.vector["software-engineering"] == pytest.approx(0.75)
    assert with_day.vector["software-engineering"] == pytest.approx(0.75)
    # a likert answer does count against: answering 1 on another software question would
    # lower it; a multi question counts the options not ticked
    ticked = score({"questionnaire": "default",
                    "answers": {"tools_ops": ["docker"], "skill_containers_cicd": 5}},
                   content.questionnaire, content.profiles)
    # each weighs its reach for ci-cd: tools_ops up to 1.0, skill_containers_cicd up to 0.8
    assert ticked.vector["ci-cd"] == pytest.approx((0 + 0.8) / (1 + 0.8))


def test_among_equal_shares_the_persons_own_skill_answer_comes_first(content: Content) -> None:
    """"Building data pipelines -> 5 (Expert)" and a scenario that says the same add equal
    shares; the screen cites two answers, and ties went by question id, so "ideal_day" and
    "model_incident" were cited and the person's own skill answer never was."""
    from engine.report import result_screen

    doc = score({"questionnaire": "default",
                 "answers": {"skill_pipelines": 5, "ideal_day": "build_pipelines",
                             "model_incident": "check_pipelines"}},
                content.questionnaire, content.profiles)
    de = next(m for m in doc.ranking if m.role_id == "data-engineer")
    part = next(c for c in de.top_contributions if c.dimension == "pipelines-etl")
    shares = [a.share for a in part.answers]
    assert len(set(round(x, 12) for x in shares)) == 1  # equal shares: the order is the tie's
    assert [a.question_id for a in part.answers][0] == "skill_pipelines"
    screen = " ".join(result_screen(doc, width=100).split())
    assert "Data pipelines and ETL" in screen and "5 (Expert)" in screen
