"""Simulated respondents: answer every question the way a role's profile would, plus noise.

Used by the self-consistency benchmark and the tests (and later by quick mode's benchmark).
"""

from __future__ import annotations

import random

import numpy as np

from engine.answers import Answers, AnswerValue
from engine.content import LikertQuestion, MultiQuestion, Profile
from engine.scoring import Model

MULTI_TICK_LEVEL = 0.5
"""A profile ticks a multi option when its weighted mean weight on the option's dimensions
reaches this level."""


def _level(effect: np.ndarray, weights: np.ndarray) -> float:
    """The profile's mean weight over the dimensions an effect moves, weighted by the effect."""
    total = float(effect.sum())
    return float(effect @ weights) / total if total > 0 else 0.0


def _fit(effect: np.ndarray, weights: np.ndarray) -> float:
    """How well an option's effects point the profile's way (cosine)."""
    ne, nw = np.linalg.norm(effect), np.linalg.norm(weights)
    return float(effect @ weights / (ne * nw)) if ne > 0 and nw > 0 else 0.0


def ideal_answers(model: Model, profile: Profile) -> Answers:
    """The answers a person who is exactly this role would give."""
    ri = model.role_ids.index(profile.id)
    p = model.weights[ri]
    values: dict[str, AnswerValue] = {}
    for qi, q in enumerate(model.questionnaire.questions):
        table = model.choices[qi]
        if isinstance(q, LikertQuestion):
            n = model.n_points[qi]
            full = table[str(n)]
            target = _level(full, p)
            values[q.id] = min(range(1, n + 1), key=lambda k: abs((k - 1) / (n - 1) - target))
        elif isinstance(q, MultiQuestion):
            values[q.id] = [o for o, eff in table.items() if _level(eff, p) >= MULTI_TICK_LEVEL]
        else:
            values[q.id] = max(table, key=lambda o: (_fit(table[o], p), o))
    return Answers(model.questionnaire.id, values)


def random_answer(model: Model, qi: int, rng: random.Random) -> AnswerValue:
    """A uniformly random valid answer to question ``qi`` (never skipped)."""
    q = model.questionnaire.questions[qi]
    options = list(model.choices[qi])
    if isinstance(q, LikertQuestion):
        return rng.randint(1, model.n_points[qi])
    if isinstance(q, MultiQuestion):
        return [o for o in options if rng.random() < 0.5]
    return rng.choice(options)


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
