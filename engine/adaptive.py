"""Quick mode: ask the most informative next question, stop as soon as the answer is settled.

Pure core: numpy only, no terminal, no questionary. Usable from Python::

    from engine.adaptive import Quick
    quick = Quick(model)
    step = quick.next(answers)          # answers so far (an engine.answers.Answers)
    if step.stop: print(step.reason)    # "bound" or "settled"
    else: ask(model.question_ids[step.question])

How the next question is chosen. The current vector gives each role a weight
``exp(BETA * cosine)`` (a soft belief about which role is first). For every question not asked
yet, each role is assumed to answer it the way its own profile would (engine.simulate), so the
question splits the roles into groups by answer. The question chosen is the one whose answer is
expected to leave the least uncertainty (entropy) about the first role: the expected
information it gives about the top match. Ties go to the earlier question.

When to stop (checked before every question):

* ``bound``: no way of answering the remaining questions can change the top role. Each
  dimension's value can only move within an interval computed from the remaining questions'
  largest and smallest effects (skips included); the top role ``t`` stays ahead of role ``r``
  for every vector ``u`` in that box when ``min_u u . (p_t/|p_t| - p_r/|p_r|) > 0``, a linear
  bound that is exact for the box. This is a proof, tested in the test suite.
* ``settled``: at least MIN_QUESTIONS were asked, the belief puts at least CONFIDENCE on
  the top role, and no single answer given carries it (without any one of them the top role
  would be the same: the result would not be "fragile"), this last for at most FRAGILE_WAIT
  more questions. Not a proof: the benchmark measures how often the full questionnaire agrees.
* Never later than the full questionnaire.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.answers import Answers
from engine.questions import AnswerValue
from engine.simulate import typical_answers
from engine.vectors import (
    EVIDENCE,
    Model,
    cosine,
    encode,
    indicator,
    means,
    order,
    question_rows,
    sum_rows,
    without_each,
)

BETA = 5.0
"""Sharpness of the belief over roles, exp(BETA x cosine). Chosen with benchmarks/adaptive.py:
sharper beliefs stop earlier and agree less often with the full questionnaire."""
CONFIDENCE = 0.95
"""Stop as ``settled`` once the top role holds this share of the belief..."""
MIN_QUESTIONS = 8
"""...and at least this many questions were asked..."""
FRAGILE_WAIT = 4
"""...and, for at most this many more questions, no single answer given carries the top role
(chosen with benchmarks/adaptive.py: waiting longer agrees a little more often, and makes a few
people answer twice as many questions)."""

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Step:
    """What quick mode does next: ask ``question`` (an index), or stop for ``reason``."""

    question: int | None
    stop: bool
    reason: str | None  # "bound", "settled" or "complete"
    top: str | None  # the current top role


def _softmax(x: Array) -> Array:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    out: Array = z / z.sum(axis=-1, keepdims=True)
    return out


class Quick:
    """Next-question choice and stopping bound for one questionnaire and set of profiles."""

    def __init__(self, model: Model, confidence: float = CONFIDENCE,
                 min_questions: int = MIN_QUESTIONS, beta: float = BETA) -> None:
        self.model = model
        self.confidence = confidence
        self.min_questions = min_questions
        self.beta = beta
        self.unit = model.unit_weights  # roles x dims
        dims = len(model.dimension_ids)
        # what each role would answer: per role and question, the effect and count rows
        x = indicator(model, [encode(model, a) for a in typical_answers(model)])
        rows = list(question_rows(model, x))
        self.role_effects = np.stack([effect for effect, _ in rows], axis=1)
        self.role_counts = np.stack([counted for _, counted in rows], axis=1).astype(float)
        # per question and dimension: the largest and smallest effect an answer can have on the
        # dimension while counting for it (a skip counts for nothing)
        n_q = len(model.question_ids)
        self.max_effect = np.zeros((n_q, dims))
        self.min_effect = np.full((n_q, dims), np.inf)
        self.reach = np.zeros((n_q, dims))  # the weight an answer that counts carries
        for qi, qt in enumerate(model.types):
            start, stop = model.slot_range(qi)
            effects, counts = model.effects[start:stop], model.counts[start:stop] > 0
            self.reach[qi] = model.counts[start:stop].max(axis=0)
            if qt.capped:  # ticking nothing counts, with 0; ticking everything is the most
                self.max_effect[qi] = np.minimum(effects.sum(axis=0), 1.0)
                self.min_effect[qi] = np.where(counts.any(axis=0), 0.0, np.inf)
            else:  # one slot: the extremes over the slots that count for the dimension
                self.max_effect[qi] = np.where(counts, effects, 0.0).max(axis=0)
                self.min_effect[qi] = np.where(counts, effects, np.inf).min(axis=0)

    # ------------------------------------------------------------------ pieces

    def _state(self, answers: Answers) -> tuple[Array, Array, NDArray[np.bool_]]:
        x = indicator(self.model, [encode(self.model, answers)])
        total, count = (a[0] for a in sum_rows(self.model, 1, question_rows(self.model, x)))
        asked = np.array([answers.values.get(qid, _MISSING) is not _MISSING
                          for qid in self.model.question_ids])
        return total, count, asked

    def _top(self, u: Array) -> int:
        return int(order(cosine(u[None, :], self.unit)[0])[0])

    def rests_on_one_answer(self, answers: Answers, top: int) -> bool:
        """Whether removing one answer given (a skip is none) would change the top role: the
        result's "fragile" note, on the same vectors. A probable stop waits until it does not."""
        x = indicator(self.model, [encode(self.model, answers)])
        rows = list(question_rows(self.model, x))
        total, count = (a[0] for a in sum_rows(self.model, 1, rows))
        effects = np.array([effect[0] for effect, _ in rows])
        counted = np.array([weight[0] for _, weight in rows])
        speaking = [int(i) for i in np.flatnonzero(counted.any(axis=1))]  # a skip counts for none
        return any(u.any() and self._top(u) != top
                   for u in without_each(total, count, effects, counted, speaking))

    def box(self, total: Array, count: Array, remaining: list[int]) -> tuple[Array, Array]:
        """Per dimension, the lowest and highest value any answers to ``remaining`` can give.

        A value is a weighted mean (each answer that counts weighs its question's reach r):
        the highest comes from adding, for some k, the k answers with the largest effect per
        unit of weight (e / r, each question at its largest effect), the lowest from the k
        smallest; for a ratio of sums that is exact (the best set is a prefix in that order).
        A question left out stands for a skip (or an option that does not speak to the
        dimension, or a neutral preference). Without any answer speaking to a dimension its
        value is 0, so leaving every remaining question out is one of the candidates. Over
        less than ``EVIDENCE`` of weight the value is that ratio scaled towards 0, so there
        the box also reaches 0.
        """
        idx = np.array(remaining, dtype=np.intp)
        touch = self.model.touches[idx]
        reach = self.reach[idx]

        def extreme(table: Array, highest: bool) -> Array:
            ok = touch & np.isfinite(table[idx]) & (reach > 0)
            effect = np.where(ok, table[idx], 0.0)
            ratio = np.where(ok, effect / np.where(ok, reach, 1.0), -np.inf if highest else np.inf)
            ranked = np.argsort(-ratio if highest else ratio, axis=0, kind="stable")
            usable = np.take_along_axis(ok, ranked, axis=0)
            sums = np.cumsum(np.take_along_axis(effect, ranked, axis=0), axis=0)
            weights = np.cumsum(np.take_along_axis(np.where(ok, reach, 0.0), ranked, axis=0),
                                axis=0)
            prefix = np.where(usable, (total + sums) / np.where(usable, count + weights, 1.0),
                              np.nan)
            # k = 0: the ratio as it is now (0 when nothing counts)
            current = total / np.where(count > 0, count, 1.0)
            stacked = np.vstack([current[None, :], prefix])
            picked = np.nanmax(stacked, axis=0) if highest else np.nanmin(stacked, axis=0)
            picked = np.where(np.isnan(picked), 0.0, picked)
            # these are the extremes of the ratio of sums, exact. Once a dimension has EVIDENCE
            # of weight, its value is that ratio; over less, ``means`` scales the ratio towards
            # 0, so the value lies between 0 and it: 0 joins the extremes (still a bound)
            thin = count < EVIDENCE
            return np.where(thin, np.maximum(picked, 0.0) if highest
                            else np.minimum(picked, 0.0), picked)

        with warnings.catch_warnings():  # an all-NaN column just means "no answer": 0
            warnings.simplefilter("ignore", RuntimeWarning)
            return extreme(self.min_effect, False), extreme(self.max_effect, True)

    def top_is_certain(self, total: Array, count: Array, remaining: list[int]) -> bool:
        """True when no answers to ``remaining`` can change the top role (the box bound)."""
        u = means(total, count)
        if not u.any():
            return False
        top = self._top(u)
        lo, hi = self.box(total, count, remaining)
        for r in range(len(self.unit)):
            if r == top:
                continue
            w = self.unit[top] - self.unit[r]
            worst = float(np.where(w > 0, lo * w, hi * w).sum())
            if worst <= 0:
                return False
        return True

    def _gain_choice(self, total: Array, count: Array, remaining: list[int]) -> int:
        """The remaining question whose answer leaves the least expected entropy about the top
        role, each role answering as its profile would (ties: the earlier question)."""
        u = means(total, count)
        belief = _softmax(self.beta * (self.unit @ u))
        idx = np.array(remaining, dtype=np.intp)
        after = means(total + self.role_effects[:, idx], count + self.role_counts[:, idx])
        post = _softmax(self.beta * (after @ self.unit.T))  # roles x questions x roles
        entropy = -(post * np.log2(np.where(post > 0, post, 1.0))).sum(axis=2)
        expected = belief @ entropy  # roles answering alike share one posterior
        return int(idx[int(np.argmin(np.round(expected, 12)))])

    # ------------------------------------------------------------------ the step

    def next(self, answers: Answers) -> Step:
        """Stop (with the reason) or the index of the next question to ask."""
        total, count, asked = self._state(answers)
        remaining = [qi for qi in range(len(asked)) if not asked[qi]]
        u = means(total, count)
        top = self.model.role_ids[self._top(u)] if u.any() else None
        if not remaining:
            return Step(None, True, "complete", top)
        if u.any():
            if self.top_is_certain(total, count, remaining):
                return Step(None, True, "bound", top)
            belief = _softmax(self.beta * (self.unit @ u))
            given = len(asked) - len(remaining)
            if (given >= self.min_questions and belief.max() >= self.confidence
                    and (given >= self.min_questions + FRAGILE_WAIT
                         or not self.rests_on_one_answer(answers, self._top(u)))):
                return Step(None, True, "settled", top)
        return Step(self._gain_choice(total, count, remaining), False, None, top)


class _Missing:
    pass


_MISSING: Any = _Missing()


def partial(model: Model, given: dict[str, AnswerValue]) -> Answers:
    """Answers with only the questions asked so far present (skips as None)."""
    return Answers(model.questionnaire.id, dict(given))
