"""The one vectoriser and the one cosine: answers to vectors, vectors to scores.

Every path (the quiz, ``--answers``, ``--resume``, batch, quick mode, the library) turns answers
into vectors here, with the same arithmetic in the same order, so the same answers give the
same bits whichever path and however many people are scored together.

How a person's vector is built (also in the README):

* Each question type (``engine.questions``) has *slots*: the choices an answer selects. Each
  slot has an effect per dimension and the dimensions it counts for.
* A likert or single answer selects one slot: its effects are the answer's. A multi answer
  selects its "answered" slot and one slot per ticked option; the ticked effects add up,
  capped at 1 per dimension.
* A dimension's value is the **weighted mean** of the effects of the answers that count for it,
  each weighing its question's *reach* on the dimension (the most any of its counting slots
  moves it; for a multi question, all options ticked, capped at 1): so a dimension asked about
  five times weighs no more than one asked once, a question that touches a dimension only in
  passing does not dilute it, and every value stays in [-1, 1] (below 0 only from a preference
  answered below neutral). A skipped question, or a neutral one, counts for nothing.

The match score is the cosine similarity between that vector and a role's weights, computed
as scikit-learn's ``cosine_similarity`` defines it (rows scaled to unit length, then the dot
product), but term by term in a fixed order: a BLAS matrix product adds in an order that
depends on the matrix shape and the thread count, and would change the last bit of a score
between one person and many. The test suite checks it against scikit-learn.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from engine.answers import Answers
    from engine.content import ProfileSet, Questionnaire
    from engine.questions import QuestionType

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Model:
    """A questionnaire and profiles compiled to arrays, built once and reused for everyone."""

    questionnaire: Questionnaire
    profiles: ProfileSet
    dimension_ids: tuple[str, ...]
    role_ids: tuple[str, ...]
    weights: Array  # roles x dimensions
    unit_weights: Array  # the same rows scaled to unit length
    question_ids: tuple[str, ...]
    types: tuple[QuestionType, ...]
    offsets: tuple[int, ...]  # per question: its first slot; the last entry is the slot count
    effects: Array  # slots x dimensions
    counts: Array  # slots x dimensions: where a selected slot counts, the question's reach
    touches: NDArray[np.bool_]  # questions x dimensions: can the question move it?

    def slot_range(self, qi: int) -> tuple[int, int]:
        return self.offsets[qi], self.offsets[qi + 1]


def build_model(questionnaire: Questionnaire, profiles: ProfileSet) -> Model:
    dims = profiles.dimension_ids
    index = {d: i for i, d in enumerate(dims)}
    effects: list[Array] = []
    counts: list[Array] = []
    offsets = [0]
    touches = np.zeros((len(questionnaire.types), len(dims)), dtype=bool)
    for qi, qt in enumerate(questionnaire.types):
        rows = []
        for eff in qt.slot_effects():
            row = np.zeros(len(dims))
            for d, w in eff.items():
                row[index[d]] = w
            rows.append(row)
        counted = np.array([[d in c for d in dims] for c in qt.slot_counts()], dtype=bool)
        block = np.array(rows).reshape(len(rows), len(dims))
        reach = (np.minimum(block.sum(axis=0), 1.0) if qt.capped
                 else np.where(counted, np.abs(block), 0.0).max(axis=0, initial=0.0))
        effects += rows
        counts += list(np.where(counted, reach[None, :], 0.0))
        for d in qt.touched():
            touches[qi, index[d]] = True
        offsets.append(len(effects))
    weights = np.array(profiles.weight_rows(), dtype=np.float64).reshape(len(profiles.profiles),
                                                                         len(dims))
    return Model(
        questionnaire=questionnaire,
        profiles=profiles,
        dimension_ids=tuple(dims),
        role_ids=tuple(profiles.role_ids),
        weights=weights,
        unit_weights=unit_rows(weights),
        question_ids=tuple(qt.id for qt in questionnaire.types),
        types=questionnaire.types,
        offsets=tuple(offsets),
        effects=np.array(effects).reshape(len(effects), len(dims)),
        counts=np.array(counts).reshape(len(counts), len(dims)),
        touches=touches,
    )


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


# --------------------------------------------------------------------------- answers to slots


def encode(model: Model, answers: Answers) -> list[int]:
    """The slots (model-wide indices) that checked answers select."""
    out: list[int] = []
    for qi, qt in enumerate(model.types):
        value = answers.values.get(qt.id)
        if value is not None:
            start = model.offsets[qi]
            out += [start + s for s in qt.slots(value)]
    return out


def indicator(model: Model, rows: Sequence[Sequence[int]]) -> Array:
    """people x slots: 1.0 where a person's answers select the slot."""
    x = np.zeros((len(rows), model.offsets[-1]))
    lengths = [len(slots) for slots in rows]
    x[np.repeat(np.arange(len(rows)), lengths),
      np.fromiter((s for slots in rows for s in slots), dtype=np.intp, count=sum(lengths))] = 1.0
    return x


def question_rows(model: Model, x: Array) -> Iterator[tuple[Array, Array]]:
    """Per question, in order: every person's effect on each dimension (people x dims) and
    the weight the answer counts with (its reach; 0 where it does not count). Exact: a likert
    or single answer selects one slot, so the products below add one non-zero term; a multi
    answer's ticks are added in option order."""
    for qi in range(len(model.types)):
        start, stop = model.slot_range(qi)
        yield answer_rows(model, qi, x[:, start:stop])


def answer_rows(model: Model, qi: int, block: Array) -> tuple[Array, Array]:
    """Question ``qi``'s effect and weight rows (people x dims) for the people whose selected
    slots of that question are the 1.0s of ``block`` (people x the question's slots)."""
    start, stop = model.slot_range(qi)
    if model.types[qi].capped:
        effect = np.zeros((len(block), len(model.dimension_ids)))
        for j in range(stop - start):
            effect += block[:, j, None] * model.effects[start + j]
        effect = np.minimum(effect, 1.0)
    else:
        effect = block @ model.effects[start:stop]
    weight: Array = block @ model.counts[start:stop]
    return effect, weight


def changed_vectors(model: Model, effects: Array, weights: Array, who: NDArray[np.intp],
                    changed: NDArray[np.intp], new_effects: Array, new_weights: Array) -> Array:
    """The vectors of people with one answer each changed (what-ifs): row c is person
    ``who[c]``, whose per-question rows are ``effects[who[c]]`` and ``weights[who[c]]``
    (people x questions x dims, as ``question_rows`` gives them), with question
    ``changed[c]``'s rows replaced by ``new_effects[c]`` and ``new_weights[c]``. Added question
    by question in order as ``sum_rows`` does: the same bits as vectorising the changed
    answers."""
    def rows() -> Iterator[tuple[Array, Array]]:
        for qi in range(len(model.types)):
            here = (changed == qi)[:, None]
            yield (np.where(here, new_effects, effects[who, qi]),
                   np.where(here, new_weights, weights[who, qi]))

    return means(*sum_rows(model, len(who), rows()))


EVIDENCE = 1.0
"""The weight of evidence a dimension needs before its value can reach an answer's full
effect: one full answer. A mean over less (a side effect alone: ticking Jupyter moves
"Experimenting" by 0.2, whose reach is 0.2) is divided by this instead of by its own small
weight, so a weak hint stays weak (0.2, not 1.0 as if the person had said they love it)."""


def means(total: Array, count: Array) -> Array:
    """Per dimension, the weighted mean effect of the answers that count for it, over at
    least ``EVIDENCE`` of weight (0 where none count)."""
    out: Array = total / np.maximum(count, EVIDENCE)
    return out


def weight_of(count: Array) -> Array:
    """What a dimension's effects are divided by (``means``): each answer's share of the
    value is its effect over this, so the shares add up to the value."""
    out: Array = np.maximum(count, EVIDENCE)
    return out


def without_each(total: Array, count: Array, effects: Array, counted: Array,
                 items: list[int]) -> Array:
    """One person's vector without each answer of ``items`` (rows of ``effects`` and
    ``counted``, questions x dims, as ``question_rows`` gives them; ``total`` and ``count``
    their sums): each answer taken out of both the sum and the count of every dimension it
    counts for. The result's "fragile" note and quick mode's stop read these."""
    less_total = total[None, :] - np.where(counted[items] > 0, effects[items], 0.0)
    return means(less_total, count[None, :] - counted[items])


def sum_rows(model: Model, people: int,
             rows: Iterable[tuple[Array, Array]]) -> tuple[Array, Array]:
    """people x dims: the sum of the effects that count, and the sum of their weights, added
    question by question in order (``rows`` as ``question_rows`` gives them)."""
    total = np.zeros((people, len(model.dimension_ids)))
    count = np.zeros((people, len(model.dimension_ids)))
    for effect, weight in rows:
        total += np.where(weight > 0, effect, 0.0)
        count += weight
    return total, count


def vectors(model: Model, rows: Sequence[Sequence[int]]) -> Array:
    """The vectors of people given as their selected slots (people x dims)."""
    x = indicator(model, rows)
    return means(*sum_rows(model, len(rows), question_rows(model, x)))


def person_vector(model: Model, answers: Answers) -> Array:
    """One person's vector: the same arithmetic as for a million."""
    out: Array = vectors(model, [encode(model, answers)])[0]
    return out


# --------------------------------------------------------------------------- cosine


def _in_order(terms: Array) -> Array:
    """The sum over the last axis, added strictly from first to last (an accumulation, never
    pairwise or in SIMD lanes): the same bits whatever the shape around it."""
    out: Array = np.cumsum(terms, axis=-1)[..., -1] if terms.shape[-1] else terms.sum(axis=-1)
    return out


def _norms(m: Array) -> Array:
    out: Array = np.sqrt(_in_order(m * m))
    return out


def unit_rows(m: Array) -> Array:
    """Each row scaled to unit length (a row of zeros stays zeros), in a fixed order."""
    m = np.atleast_2d(np.asarray(m, dtype=np.float64))
    norms = _norms(m)
    out: Array = m / np.where(norms > 0, norms, 1.0)[:, None]
    return out


SMALL = 4096
"""Up to this many (row, role) pairs, ``cosine`` adds each pair's terms in one accumulation;
beyond, dimension by dimension over all pairs: the same order, so the same bits."""


def cosine(vecs: Array, unit_weights: Array) -> Array:
    """Cosine similarity of each row of ``vecs`` with each row of ``unit_weights`` (the roles'
    weights scaled by ``unit_rows``), added up dimension by dimension: the same bits for a
    row alone or among many."""
    u = unit_rows(vecs)
    w = unit_weights
    if len(u) * len(w) <= SMALL:
        return _in_order(u[:, None, :] * w[None, :, :])
    # many rows: the same additions in the same order, one dimension at a time
    out = np.zeros((len(u), len(w)))
    for d in range(u.shape[1]):
        out += u[:, d, None] * w[None, :, d]
    return out


def order(scores: Array) -> NDArray[np.intp]:
    """Role indices best first; equal scores keep role-id order (roles are sorted by id)."""
    return np.argsort(-scores, kind="stable")
