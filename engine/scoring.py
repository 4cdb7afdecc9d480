"""Answers to a vector, cosine ranking of the roles, and explanations true to the arithmetic.

How a person's vector is built (also in the README):

* Each answered question gives an effect per dimension: a likert point k of n gives
  ``effect * (k-1)/(n-1)``; a single option gives its effects; ticked multi options add up,
  capped at 1 per dimension.
* A dimension's value is the **mean** of those effects over the answered questions that
  speak to it. A dimension asked about five times therefore weighs no more than one asked
  once, and every value stays in [0, 1]. Likert and multi questions speak to every dimension
  they can move (not ticking Kafka is evidence too); a single-choice scenario speaks only to
  the dimensions of the option chosen (preferring one typical day is not evidence against the
  skills of the others).
* A skipped question is left out of both the sum and the count: it neither raises nor lowers
  anything. Answering the lowest point, by contrast, pulls the mean down.

The match score is the cosine between that vector and a role's weights, shown as a percentage
(100 x cosine). Because both vectors are non-negative, scores lie in [0, 1]. Every number an
explanation shows is computed here, from the same arrays the ranking used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.answers import Answers, AnswerValue
from engine.content import (
    LikertQuestion,
    ProfileSet,
    Questionnaire,
    SingleQuestion,
    likert_factor,
)

Array = NDArray[np.float64]

CLOSE_CALL_MARGIN = 0.03
"""Below this cosine margin (3 percentage points) between first and second, it is a close call."""
TOP_DIMENSIONS = 4
"""How many dimensions an explanation lists as the strongest contributions."""
MAX_GAPS = 3
FLAT_LIKERT_MIN = 5
"""The 'same answer everywhere' warning needs at least this many likert answers."""
FEW_ANSWERS_SHARE = 1 / 3


# --------------------------------------------------------------------------- compiled model


@dataclass(frozen=True)
class Model:
    """A questionnaire and profiles compiled to arrays, built once and reused for every person."""

    questionnaire: Questionnaire
    profiles: ProfileSet
    dimension_ids: tuple[str, ...]
    role_ids: tuple[str, ...]
    weights: Array  # roles x dimensions
    question_ids: tuple[str, ...]
    touches: NDArray[np.bool_]  # questions x dimensions: can the question move the dimension?
    choices: tuple[dict[str, Array], ...]  # per question: choice id -> effect vector
    n_points: tuple[int, ...]  # likert scale length (0 for single/multi)
    single: tuple[bool, ...]  # single-choice questions speak only to the chosen option's dims


def build_model(questionnaire: Questionnaire, profiles: ProfileSet) -> Model:
    dims = profiles.dimension_ids
    index = {d: i for i, d in enumerate(dims)}
    n = len(dims)
    weights = np.array(profiles.weight_rows(), dtype=np.float64).reshape(len(profiles.profiles), n)
    touches = np.zeros((len(questionnaire.questions), n), dtype=bool)
    choices: list[dict[str, Array]] = []
    n_points: list[int] = []
    for qi, q in enumerate(questionnaire.questions):
        table: dict[str, Array] = {}
        if isinstance(q, LikertQuestion):
            points = len(questionnaire.scale(q))
            base = np.zeros(n)
            for d, w in q.effects.items():
                base[index[d]] = w
            for k in range(1, points + 1):
                table[str(k)] = base * likert_factor(k, points)
            n_points.append(points)
        else:
            for o in q.options:
                vec = np.zeros(n)
                for d, w in o.effects.items():
                    vec[index[d]] = w
                table[o.id] = vec
            n_points.append(0)
        for vec in table.values():
            touches[qi] |= vec > 0
        choices.append(table)
    return Model(
        questionnaire=questionnaire,
        profiles=profiles,
        dimension_ids=tuple(dims),
        role_ids=tuple(profiles.role_ids),
        weights=weights,
        question_ids=tuple(q.id for q in questionnaire.questions),
        touches=touches,
        choices=tuple(choices),
        n_points=tuple(n_points),
        single=tuple(isinstance(q, SingleQuestion) for q in questionnaire.questions),
    )


def answer_effect(model: Model, qi: int, value: AnswerValue) -> Array:
    """The effect vector of one answer to question ``qi`` (zeros for skipped)."""
    n = len(model.dimension_ids)
    if value is None:
        return np.zeros(n)
    table = model.choices[qi]
    if isinstance(value, list):
        total = np.zeros(n)
        for option in value:
            total += table[option]
        return np.minimum(total, 1.0)
    return table[str(value)].copy()


def speaks_to(model: Model, qi: int, effect: Array) -> NDArray[np.bool_]:
    """The dimensions an answer to question ``qi`` (with this effect) is evidence about:
    a scenario only those of the option chosen, other questions every one they can move."""
    out: NDArray[np.bool_] = effect > 0 if model.single[qi] else model.touches[qi]
    return out


def effects_matrix(model: Model, answers: Answers) -> tuple[Array, NDArray[np.bool_]]:
    """Per question: its effect vector, and which dimensions its answer speaks to
    (questions x dimensions; all False for a skipped question)."""
    n_q, n = len(model.question_ids), len(model.dimension_ids)
    effects = np.zeros((n_q, n))
    counted = np.zeros((n_q, n), dtype=bool)
    for qi, qid in enumerate(model.question_ids):
        value = answers.values.get(qid)
        if value is not None:
            effects[qi] = answer_effect(model, qi, value)
            counted[qi] = speaks_to(model, qi, effects[qi])
    return effects, counted


def means(total: Array, count: Array) -> Array:
    """Per dimension, the mean effect of the answers that spoke to it (0 where none did)."""
    out: Array = total / np.where(count > 0, count, 1.0)
    return out


def shares(effects: Array, counted: NDArray[np.bool_]) -> Array:
    """Each answer's share of each dimension value (its effect over the number of answers
    speaking to that dimension); the rows add up to the person's vector."""
    counts = counted.sum(axis=0).astype(np.float64)
    safe = np.where(counts > 0, counts, 1.0)
    out: Array = np.where(counted, effects / safe, 0.0)
    return out


def person_vector(model: Model, answers: Answers) -> Array:
    effects, counted = effects_matrix(model, answers)
    vector: Array = shares(effects, counted).sum(axis=0)
    return vector


def cosine_scores(vectors: Array, weights: Array) -> Array:
    """Cosine similarity of each row of ``vectors`` with each role (scikit-learn, lazily)."""
    from sklearn.metrics.pairwise import cosine_similarity

    scores: Array = np.asarray(cosine_similarity(np.atleast_2d(vectors), weights),
                               dtype=np.float64)
    return scores


def order(scores: Array) -> NDArray[np.intp]:
    """Role indices best first; equal scores keep role-id order (roles are sorted by id)."""
    return np.argsort(-scores, kind="stable")


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class AnswerShare:
    """How much one answer added to one dimension, and what that was worth in a role's score."""

    question_id: str
    answer: AnswerValue
    effect: float  # the answer's effect on the dimension, before averaging
    share: float  # what it added to the person's value on the dimension
    score: float  # what it added to the role's cosine


@dataclass(frozen=True)
class Contribution:
    dimension: str
    person: float  # the person's value u_d
    weight: float  # the role's weight p_d
    score: float  # u_d p_d / (|u||p|)
    answers: tuple[AnswerShare, ...]


@dataclass(frozen=True)
class Gap:
    """A dimension the role weighs heavily where the person is low, with the exact what-if."""

    dimension: str
    person: float
    weight: float
    score_now: float
    score_if: float  # cosine recomputed with the person's value raised to the role's weight


@dataclass(frozen=True)
class RoleMatch:
    rank: int
    role_id: str
    score: float  # cosine in [0, 1]; the ranking sorts on this
    contributions: dict[str, float]  # every dimension's term; they add up to ``score``
    top: tuple[Contribution, ...] = ()
    gaps: tuple[Gap, ...] = ()

    @property
    def percent(self) -> float:
        """The match score shown to people: 100 x cosine (a monotone mapping of ``score``)."""
        return 100.0 * self.score


@dataclass(frozen=True)
class Confidence:
    first: str
    second: str
    margin: float  # cosine of first minus cosine of second
    close_call: bool
    answered: int
    fragile_answers: tuple[tuple[str, str], ...]  # (question id, the top role without it)

    @property
    def robust(self) -> bool:
        return not self.fragile_answers


@dataclass(frozen=True)
class Result:
    questionnaire_id: str
    questionnaire_version: str
    answers: Answers
    vector: dict[str, float]
    ranking: tuple[RoleMatch, ...]
    confidence: Confidence | None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def enough_answers(self) -> bool:
        return "no_answers" not in self.warnings

    @property
    def top(self) -> RoleMatch | None:
        return self.ranking[0] if self.enough_answers else None

    def match(self, role_id: str) -> RoleMatch:
        return next(m for m in self.ranking if m.role_id == role_id)


# --------------------------------------------------------------------------- scoring


def _contributions(u: Array, weights: Array) -> Array:
    """roles x dimensions: u_d p_d / (|u| |p|); each row adds up to the role's cosine."""
    nu = float(np.linalg.norm(u))
    np_ = np.linalg.norm(weights, axis=1)
    if nu == 0.0:
        return np.zeros_like(weights)
    denom = np.where(np_ > 0, np_ * nu, 1.0)
    return (weights * u[None, :]) / denom[:, None]


def _top_contributions(
    model: Model, ri: int, u: Array, terms: Array, share: Array, effects: Array,
    answers: Answers, limit: int,
) -> tuple[Contribution, ...]:
    nu = float(np.linalg.norm(u))
    npr = float(np.linalg.norm(model.weights[ri]))
    scale = model.weights[ri] / (nu * npr) if nu > 0 and npr > 0 else np.zeros_like(u)
    best = [int(d) for d in np.argsort(-terms, kind="stable") if terms[d] > 0][:limit]
    out = []
    for d in best:
        behind = []
        for qi in np.nonzero(share[:, d] > 0)[0]:
            qid = model.question_ids[qi]
            behind.append(AnswerShare(
                question_id=qid,
                answer=answers.values[qid],
                effect=float(effects[qi, d]),
                share=float(share[qi, d]),
                score=float(share[qi, d] * scale[d]),
            ))
        behind.sort(key=lambda a: (-a.share, a.question_id))
        out.append(Contribution(
            dimension=model.dimension_ids[d],
            person=float(u[d]),
            weight=float(model.weights[ri, d]),
            score=float(terms[d]),
            answers=tuple(behind),
        ))
    return tuple(out)


def _gap_plan(weights: Array, u: Array, limit: int) -> list[tuple[int, int]]:
    """(role, dimension) what-ifs to compute: per role, the dimensions it weighs most (at least
    half its heaviest weight) where the person is furthest below it."""
    plan = []
    for ri in range(len(weights)):
        p = weights[ri]
        heavy = p >= 0.5 * p.max()
        deficit = np.where(heavy, p - u, 0.0)
        picks = [int(d) for d in np.argsort(-deficit, kind="stable") if deficit[d] > 0.05]
        plan += [(ri, d) for d in picks[:limit]]
    return plan


@dataclass
class _Prepared:
    """Everything about one person that needs no cosine, and the extra vectors whose cosines
    the explanations need (leave-one-out and what-ifs), to be scored in one call."""

    answers: Answers
    effects: Array
    share: Array
    u: Array
    loo_questions: list[int]
    loo_vectors: Array
    gap_plan: list[tuple[int, int]]
    gap_vectors: Array

    def block(self) -> Array:
        return np.vstack([self.u[None, :], self.loo_vectors, self.gap_vectors])


def _prepare(model: Model, answers: Answers, explain: bool) -> _Prepared:
    effects, counted = effects_matrix(model, answers)
    share = shares(effects, counted)
    u = share.sum(axis=0)
    n = len(model.dimension_ids)
    loo_questions: list[int] = []
    loo_vectors = np.empty((0, n))
    gap_plan: list[tuple[int, int]] = []
    gap_vectors = np.empty((0, n))
    if explain and u.any():
        idx = [int(i) for i in np.nonzero(counted.any(axis=1))[0]]
        if len(idx) >= 2:
            # every "without this answer" vector at once: take the answer out of both the
            # sum and the count of each dimension it spoke to
            loo_questions = idx
            total = np.where(counted, effects, 0.0).sum(axis=0)
            count = counted.sum(axis=0).astype(np.float64)
            less_total = total[None, :] - np.where(counted[idx], effects[idx], 0.0)
            less_count = count[None, :] - counted[idx]
            loo_vectors = means(less_total, less_count)
        gap_plan = _gap_plan(model.weights, u, MAX_GAPS)
        gap_vectors = np.repeat(u[None, :], len(gap_plan), axis=0)
        for row, (ri, d) in enumerate(gap_plan):
            gap_vectors[row, d] = model.weights[ri, d]
    return _Prepared(answers, effects, share, u, loo_questions, loo_vectors, gap_plan,
                     gap_vectors)


def _warnings(model: Model, answers: Answers, u: Array) -> tuple[str, ...]:
    found = []
    if not u.any():
        found.append("no_answers")
    likert = [answers.values[qid] for qid, n in zip(model.question_ids, model.n_points,
                                                      strict=True) if n]
    given = [v for v in likert if v is not None]
    if len(given) >= FLAT_LIKERT_MIN and len(set(map(str, given))) == 1:
        found.append("same_likert_answer")
    n_answered = sum(v is not None for v in answers.values.values())
    if u.any() and n_answered < FEW_ANSWERS_SHARE * len(model.question_ids):
        found.append("few_answers")
    return tuple(found)


def _finish(model: Model, prep: _Prepared, block_scores: Array, explain_top: int) -> Result:
    """Assemble a Result from a prepared person and the cosines of their block of vectors."""
    u, share, effects, answers = prep.u, prep.share, prep.effects, prep.answers
    scores = block_scores[0]
    n_loo = len(prep.loo_questions)
    loo_scores = block_scores[1:1 + n_loo]
    gap_scores = block_scores[1 + n_loo:]
    terms = _contributions(u, model.weights)
    ranked = order(scores)
    warnings = _warnings(model, answers, u)
    enough = "no_answers" not in warnings
    ranking = []
    for rank, ri in enumerate(ranked, start=1):
        ri = int(ri)
        explained = enough and rank <= explain_top
        gaps: tuple[Gap, ...] = ()
        if explained:
            gaps = tuple(
                Gap(model.dimension_ids[d], float(u[d]), float(model.weights[ri, d]),
                    float(scores[ri]), float(gap_scores[row, ri]))
                for row, (gri, d) in enumerate(prep.gap_plan) if gri == ri
            )
        ranking.append(RoleMatch(
            rank=rank,
            role_id=model.role_ids[ri],
            score=float(scores[ri]),
            contributions={d: float(terms[ri, j]) for j, d in enumerate(model.dimension_ids)},
            top=_top_contributions(model, ri, u, terms[ri], share, effects, answers,
                                   TOP_DIMENSIONS) if explained else (),
            gaps=gaps,
        ))
    confidence = None
    if enough and len(ranking) >= 2:
        first, second = ranking[0], ranking[1]
        margin = first.score - second.score
        flips = []
        for row, qi in enumerate(prep.loo_questions):
            if not prep.loo_vectors[row].any():
                continue
            new_top = int(order(loo_scores[row])[0])
            if new_top != int(ranked[0]):
                flips.append((model.question_ids[qi], model.role_ids[new_top]))
        confidence = Confidence(
            first=first.role_id,
            second=second.role_id,
            margin=margin,
            close_call=margin < CLOSE_CALL_MARGIN,
            answered=sum(v is not None for v in answers.values.values()),
            fragile_answers=tuple(flips),
        )
    return Result(
        questionnaire_id=model.questionnaire.id,
        questionnaire_version=model.questionnaire.version,
        answers=answers,
        vector={d: float(u[j]) for j, d in enumerate(model.dimension_ids)},
        ranking=tuple(ranking),
        confidence=confidence,
        warnings=warnings,
    )


def score_with_model(model: Model, answers: Answers, explain_top: int = 3) -> Result:
    """Rank every role for one person and explain the first ``explain_top`` of them."""
    prep = _prepare(model, answers, explain=explain_top > 0)
    return _finish(model, prep, cosine_scores(prep.block(), model.weights), explain_top)


def score_many(model: Model, people: Sequence[Answers], explain_top: int = 3) -> list[Result]:
    """Score many people with a single cosine_similarity call over all their vectors."""
    preps = [_prepare(model, a, explain=explain_top > 0) for a in people]
    if not preps:
        return []
    blocks = [p.block() for p in preps]
    scores = cosine_scores(np.vstack(blocks), model.weights)
    out = []
    start = 0
    for prep, block in zip(preps, blocks, strict=True):
        out.append(_finish(model, prep, scores[start:start + len(block)], explain_top))
        start += len(block)
    return out


_MODELS: dict[tuple[int, int], Model] = {}


def model_for(questionnaire: Questionnaire, profiles: ProfileSet) -> Model:
    """The compiled model for this content, built once per pair of loaded objects."""
    key = (id(questionnaire), id(profiles))
    cached = _MODELS.get(key)
    if cached is None or cached.questionnaire is not questionnaire or (
        cached.profiles is not profiles
    ):
        cached = _MODELS[key] = build_model(questionnaire, profiles)
    return cached


def score(
    answers: Answers | dict[str, Any],
    questionnaire: Questionnaire,
    profiles: ProfileSet,
    explain_top: int = 3,
) -> Result:
    """Score one person's answers (an ``Answers`` or a raw answers mapping) against the roles.

    Pure: never prints, never imports questionary. Same answers, same result, to the bit.
    """
    from engine.answers import parse_answers

    if not isinstance(answers, Answers):
        answers = parse_answers(answers, questionnaire)
    return score_with_model(model_for(questionnaire, profiles), answers, explain_top)


def score_vectors(model: Model, vectors: Sequence[Array] | Array) -> Array:
    """Cosine scores of many person vectors at once (rows: people, columns: roles by id)."""
    return cosine_scores(np.asarray(vectors, dtype=np.float64), model.weights)


def person_matrix(model: Model, people: Sequence[Answers]) -> Array:
    """Many people's vectors at once, built column by column with array operations
    (the same rules as ``person_vector``; equal to it up to float rounding)."""
    n, dims = len(people), len(model.dimension_ids)
    total = np.zeros((n, dims))
    count = np.zeros((n, dims))
    for qi, qid in enumerate(model.question_ids):
        table = model.choices[qi]
        keys = list(table)
        values = [a.values.get(qid) for a in people]
        if model.n_points[qi] == 0 and not model.single[qi]:  # multi: ticks @ option effects
            pos = {k: i for i, k in enumerate(keys)}
            ticks = np.zeros((n, len(keys)))
            answered = np.zeros(n, dtype=bool)
            for row, value in enumerate(values):
                if value is not None:
                    answered[row] = True
                    for option in value:  # type: ignore[union-attr]
                        ticks[row, pos[option]] = 1.0
            effect = np.minimum(ticks @ np.array([table[k] for k in keys]), 1.0)
            counted = answered[:, None] & model.touches[qi][None, :]
        else:
            pos = {k: i for i, k in enumerate(keys)}
            matrix = np.vstack([*(table[k] for k in keys), np.zeros(dims)])
            idx = np.array([len(keys) if v is None else pos[str(v)] for v in values],
                           dtype=np.intp)
            effect = matrix[idx]
            if model.single[qi]:
                counted = effect > 0
            else:
                counted = (idx < len(keys))[:, None] & model.touches[qi][None, :]
        total += np.where(counted, effect, 0.0)
        count += counted
    return means(total, count)
