"""Answers to a ranked, explained result document.

A person's answers become a vector (``engine.vectors``: the one vectoriser), the roles are
ranked by cosine similarity with their weights (``engine.vectors.cosine``), and the ranking is
explained by ``engine.explain``, the explainer decode uses too. The result is the typed
``engine.export.ResultDocument``: every number it carries is computed here, from the same
arrays the ranking used. Scores lie in [0, 1] because both vectors are non-negative; the match
shown to people is 100 x cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.answers import Answers, parse_answers
from engine.content import ProfileSet, Questionnaire
from engine.explain import Evidence, Voice, evidence, explain
from engine.export import (
    AnswerShareDoc,
    ConfidenceDoc,
    ContributionDoc,
    FragileDoc,
    ModeDoc,
    QuestionnaireRef,
    ResultDocument,
    RoleDoc,
    bulk,
    stamp,
)
from engine.vectors import (
    Array,
    Model,
    cosine,
    encode,
    indicator,
    means,
    model_for,
    question_rows,
    sum_rows,
)

FLAT_LIKERT_MIN = 5
"""The 'same answer everywhere' warning needs at least this many likert answers."""
FEW_ANSWERS_SHARE = 1 / 3


def _evidence(model: Model, effects: Array, counted: NDArray[np.bool_], total: Array,
              count: Array, explain_top: int) -> Evidence:
    """One person's vector and answers as the explainer's items (one per question), from
    their rows of ``question_rows`` (questions x dims) and their totals."""
    u = means(total, count)
    shares = np.where(counted, effects / np.where(count > 0, count, 1.0), 0.0)

    def leave_out(items: list[int]) -> Array:
        # take each answer out of both the sum and the count of every dimension it counts for
        less_total = total[None, :] - np.where(counted[items], effects[items], 0.0)
        return means(less_total, count[None, :] - counted[items])

    speaking = [int(i) for i in np.flatnonzero(counted.any(axis=1))]
    return evidence(u, effects, shares, model.weights, explain_top > 0, speaking, leave_out)


def _warnings(model: Model, answers: Answers, u: Array) -> list[Any]:
    found = []
    if not u.any():
        found.append("no_answers")
    likert = [answers.values.get(qt.id) for qt in model.types if qt.kind == "likert"]
    given = [v for v in likert if v is not None]
    if len(given) >= FLAT_LIKERT_MIN and len(set(map(str, given))) == 1:
        found.append("same_likert_answer")
    n_answered = sum(v is not None for v in answers.values.values())
    if u.any() and n_answered < FEW_ANSWERS_SHARE * len(model.question_ids):
        found.append("few_answers")
    return found


def _voice(model: Model, answers: Answers, lang: str) -> Voice:
    """A person's answers, as a result document names them."""
    types = model.types

    def cite(qi: int, d: int, effect: float, share: float, score: float) -> AnswerShareDoc:
        qt = types[qi]
        value = answers.values.get(qt.id)
        return AnswerShareDoc(
            question_id=qt.id, question_text=qt.question.text.get(lang), answer=value,
            answer_label=qt.label(value, lang, dimension=model.dimension_ids[d]),
            effect=effect, share=share, score=score)

    return Voice(role=RoleDoc, contribution=ContributionDoc, confidence=ConfidenceDoc,
                 items_field="answers", fragile_field="fragile_answers", cite=cite,
                 item_key=lambda qi: types[qi].id,
                 flip=lambda qi, role: FragileDoc(question_id=types[qi].id,
                                                  top_role_without=role))


def _document(model: Model, answers: Answers, ev: Evidence, block_scores: Array,
              explain_top: int, lang: str, mode: ModeDoc | None) -> ResultDocument:
    warnings = _warnings(model, answers, ev.u)
    enough = "no_answers" not in warnings
    ranking, confidence = explain(
        ev, block_scores, model.profiles, model.weights, model.unit_weights, lang,
        _voice(model, answers, lang), explain_top, enough, list(range(len(model.dimension_ids))))
    q = model.questionnaire
    return ResultDocument(
        **stamp(lang, answers.respondent),
        questionnaire=QuestionnaireRef(id=q.id, version=q.version,
                                       content_hash=q.content_hash()),
        answers=answers.to_document()["answers"],
        answered=sum(v is not None for v in answers.values.values()),
        total_questions=len(answers.values),
        enough_answers=enough,
        warnings=warnings,
        vector={d: float(ev.u[j]) for j, d in enumerate(model.dimension_ids)},
        confidence=confidence,
        ranking=ranking,
        mode=mode or ModeDoc(),
    )


def score_many(model: Model, people: Sequence[Answers], langs: Sequence[str],
               explain_top: int = 3, mode: ModeDoc | None = None) -> list[ResultDocument]:
    """Rank and explain many people (each in the language of ``langs``), all their vectors
    scored in one cosine call; the same bits as scoring each alone."""
    if not people:
        return []
    # every person's answers at once, with the arithmetic of one person alone
    rows = list(question_rows(model, indicator(model, [encode(model, a) for a in people])))
    effects = np.stack([effect for effect, _ in rows], axis=1)  # people x questions x dims
    counted = np.stack([c for _, c in rows], axis=1)
    total, count = sum_rows(model, len(people), rows)
    evs = [_evidence(model, effects[i], counted[i], total[i], count[i], explain_top)
           for i in range(len(people))]
    blocks = [ev.block() for ev in evs]
    scores = cosine(np.vstack(blocks), model.unit_weights)
    out, start = [], 0
    with bulk():
        for answers, ev, block, lang in zip(people, evs, blocks, langs, strict=True):
            out.append(_document(model, answers, ev, scores[start:start + len(block)],
                                 explain_top, lang, mode))
            start += len(block)
    return out


def score(
    answers: Answers | dict[str, Any],
    questionnaire: Questionnaire,
    profiles: ProfileSet,
    explain_top: int = 3,
    lang: str | None = None,
    mode: ModeDoc | None = None,
) -> ResultDocument:
    """Score one person's answers (an ``Answers`` or a raw answers mapping) against the roles,
    explaining the first ``explain_top``; ``lang`` defaults to the answers' own, else English.

    Pure: never prints, never imports questionary. Same answers, same result, to the bit.
    """
    if not isinstance(answers, Answers):
        answers = parse_answers(answers, questionnaire)
    model = model_for(questionnaire, profiles)
    return score_many(model, [answers], [lang or answers.lang or "en"], explain_top, mode)[0]
