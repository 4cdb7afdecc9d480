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
* ``settled``: at least MIN_QUESTIONS were asked and the belief puts at least CONFIDENCE on
  the top role. Not a proof: the benchmark measures how often the full questionnaire agrees.
* Never later than the full questionnaire.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.answers import Answers, AnswerValue
from engine.scoring import Model, answer_effect, effects_matrix, means, speaks_to

BETA = 5.0
"""Sharpness of the belief over roles, exp(BETA x cosine). Chosen with benchmarks/adaptive.py:
sharper beliefs stop earlier and agree less often with the full questionnaire."""
CONFIDENCE = 0.95
"""Stop as ``settled`` once the top role holds this share of the belief..."""
MIN_QUESTIONS = 8
"""...and at least this many questions were asked."""

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Step:
    """What quick mode does next: ask ``question`` (an index), or stop for ``reason``."""

    question: int | None
    stop: bool
    reason: str | None  # "bound", "settled" or "complete"
    top: str | None  # the current top role


def _unit(w: Array) -> Array:
    norms = np.linalg.norm(w, axis=1, keepdims=True)
    out: Array = w / np.where(norms > 0, norms, 1.0)
    return out


def _softmax(x: Array) -> Array:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    out: Array = z / z.sum(axis=-1, keepdims=True)
    return out


class Quick:
    """Next-question choice and stopping bound for one questionnaire and set of profiles."""

    def __init__(self, model: Model, confidence: float = CONFIDENCE,
                 min_questions: int = MIN_QUESTIONS, beta: float = BETA) -> None:
        from engine.simulate import ideal_answers

        self.model = model
        self.confidence = confidence
        self.min_questions = min_questions
        self.beta = beta
        self.unit = _unit(model.weights)  # roles x dims
        n_q, dims = len(model.question_ids), len(model.dimension_ids)
        # what each role would answer, and the resulting effect and count rows
        self.ideal: list[dict[str, AnswerValue]] = [
            ideal_answers(model, profile).values for profile in model.profiles.profiles
        ]
        self.role_effects = np.zeros((len(self.ideal), n_q, dims))
        self.role_counts = np.zeros((len(self.ideal), n_q, dims))
        for ri, values in enumerate(self.ideal):
            for qi, qid in enumerate(model.question_ids):
                eff = answer_effect(model, qi, values[qid])
                self.role_effects[ri, qi] = eff
                self.role_counts[ri, qi] = speaks_to(model, qi, eff)
        # per question and dimension: the largest and smallest effect an answer can have on the
        # dimension while speaking to it (a skip speaks to nothing)
        self.max_effect = np.zeros((n_q, dims))
        self.min_effect = np.full((n_q, dims), np.inf)
        for qi in range(n_q):
            table = model.choices[qi]
            if model.n_points[qi] or not model.single[qi]:
                # likert (lowest point) or multi (nothing ticked) can give 0 while counting
                stacked = np.vstack(list(table.values()))
                self.max_effect[qi] = np.minimum(stacked.sum(axis=0), 1.0) if not (
                    model.n_points[qi]) else stacked.max(axis=0)
                self.min_effect[qi] = np.where(model.touches[qi], 0.0, np.inf)
            else:
                for vec in table.values():
                    self.max_effect[qi] = np.maximum(self.max_effect[qi], vec)
                    self.min_effect[qi] = np.where(vec > 0, np.minimum(self.min_effect[qi], vec),
                                                   self.min_effect[qi])

    # ------------------------------------------------------------------ pieces

    def _state(self, answers: Answers) -> tuple[Array, Array, NDArray[np.bool_]]:
        effects, counted = effects_matrix(self.model, answers)
        total = np.where(counted, effects, 0.0).sum(axis=0)
        count = counted.sum(axis=0).astype(np.float64)
        asked = np.array([answers.values.get(qid, _MISSING) is not _MISSING
                          for qid in self.model.question_ids])
        return total, count, asked

    def _top(self, u: Array) -> int:
        scores = self.unit @ u
        return int(np.argsort(-scores, kind="stable")[0])

    def box(self, total: Array, count: Array, remaining: list[int]) -> tuple[Array, Array]:
        """Per dimension, the lowest and highest value any answers to ``remaining`` can give.

        The highest mean comes from adding the k largest possible effects for some k (the
        best prefix of the effects sorted high to low), the lowest from the k smallest; a
        question left out stands for a skip (or an option that does not speak to the
        dimension). Without any answer speaking to a dimension its value is 0.
        """
        idx = np.array(remaining, dtype=np.intp)
        touch = self.model.touches[idx]

        def extreme(table: Array, highest: bool) -> Array:
            values = np.where(touch & np.isfinite(table[idx]), table[idx],
                              -np.inf if highest else np.inf)
            ordered = -np.sort(-values, axis=0) if highest else np.sort(values, axis=0)
            usable = np.isfinite(ordered)
            sums = np.cumsum(np.where(usable, ordered, 0.0), axis=0)
            ks = np.cumsum(usable, axis=0)
            prefix = np.where(usable, (total + sums) / np.maximum(count + ks, 1), np.nan)
            current = np.where(count > 0, means(total, count), np.nan)
            stacked = np.vstack([current[None, :], prefix])
            picked = np.nanmax(stacked, axis=0) if highest else np.nanmin(stacked, axis=0)
            return np.where(np.isnan(picked), 0.0, picked)

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
            if (len(asked) - len(remaining) >= self.min_questions
                    and belief.max() >= self.confidence):
                return Step(None, True, "settled", top)
        return Step(self._gain_choice(total, count, remaining), False, None, top)


class _Missing:
    pass


_MISSING: Any = _Missing()


def partial(model: Model, given: dict[str, AnswerValue]) -> Answers:
    """Answers with only the questions asked so far present (skips as None)."""
    return Answers(model.questionnaire.id, dict(given))
