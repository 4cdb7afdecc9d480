"""Simulated respondents: answer every question the way a role's profile would, plus noise.

Used by the self-consistency and quick-mode benchmarks, quick mode itself (what each role
would answer) and the tests. Each question type says how it is answered
(``engine.questions``); this module says what a role's interest in an answer is.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import numpy as np

from engine.answers import Answers
from engine.content import Profile
from engine.questions import AnswerValue
from engine.vectors import Model

MULTI_TICK_LEVEL = 0.5
"""A profile ticks a multi option when its weighted mean weight on the option's dimensions
reaches this level."""


def ideal_answers(model: Model, profile: Profile) -> Answers:
    """The answers a person who is exactly this role would give."""
    values = ideal_values(model, model.weights[model.role_ids.index(profile.id)])
    return Answers(model.questionnaire.id, values)


_TYPICAL: dict[int, tuple[Model, list[Answers]]] = {}


def typical_answers(model: Model) -> list[Answers]:
    """Per role (in model order), the answers a person exactly like the role would give
    (``ideal_answers``); computed once per model, for quick mode and for the result's gaps."""
    cached = _TYPICAL.get(id(model))
    if cached is None or cached[0] is not model:
        cached = _TYPICAL[id(model)] = (
            model, [ideal_answers(model, p) for p in model.profiles.profiles])
    return cached[1]


def ideal_values(model: Model, p: np.ndarray) -> dict[str, AnswerValue]:
    """The answers of someone exactly like the weights ``p`` (over the model's dimensions, in
    [0, 1]: a role's profile, or what a posting asks for), by question id."""
    index = {d: i for i, d in enumerate(model.dimension_ids)}

    def vector(effects: Mapping[str, float]) -> np.ndarray:
        out = np.zeros(len(index))
        for d, w in effects.items():
            out[index[d]] = w
        return out

    def level(effects: Mapping[str, float]) -> float:
        """The profile's mean weight over the dimensions an effect moves, weighted by it."""
        e = vector(effects)
        total = float(e.sum())
        return float(e @ p) / total if total > 0 else 0.0

    def fit(effects: Mapping[str, float]) -> float:
        """How well an option's effects point the profile's way (cosine)."""
        e = vector(effects)
        ne, nw = np.linalg.norm(e), np.linalg.norm(p)
        return float(e @ p / (ne * nw)) if ne > 0 and nw > 0 else 0.0

    return {qt.id: qt.ideal(level, fit, MULTI_TICK_LEVEL) for qt in model.types}


def random_answer(model: Model, qi: int, rng: random.Random) -> AnswerValue:
    """A uniformly random valid answer to question ``qi`` (never skipped)."""
    return model.types[qi].random(rng)


def with_noise(model: Model, answers: Answers, rate: float, rng: random.Random) -> Answers:
    """Replace ``round(rate * n)`` answers, chosen at random, by random valid answers."""
    qids = list(model.question_ids)
    k = round(rate * len(qids))
    values = dict(answers.values)
    for qi in rng.sample(range(len(qids)), k):
        values[qids[qi]] = random_answer(model, qi, rng)
    return Answers(answers.questionnaire_id, values, answers.lang, answers.respondent)


def random_answers(model: Model, rng: random.Random, skip_rate: float = 0.0) -> Answers:
    """A random respondent (each question skipped with probability ``skip_rate``)."""
    values: dict[str, AnswerValue] = {}
    for qi, qid in enumerate(model.question_ids):
        values[qid] = None if rng.random() < skip_rate else random_answer(model, qi, rng)
    return Answers(model.questionnaire.id, values)
