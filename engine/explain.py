"""The one explainer: contributions, gaps, what-ifs and confidence, for a quiz result and for
a decoded posting alike.

What it explains is a vector ``u`` and the *items* behind it (a person's answers, a posting's
terms): each item's effect on each dimension and its share of ``u`` (the shares add up to
``u``). Every number it writes is computed from the same arrays the ranking used:

* a role's score is the cosine of ``u`` with its weights, a sum over the dimensions of
  ``u_d p_d / (|u| |p|)``: those terms are the role's *contributions* and add up to its score;
* an item's part of a contribution is its share of ``u_d`` times ``p_d / (|u| |p|)``;
* a contribution is negative where ``u_d`` is (a preference answered below neutral): those are
  the reasons *against* a role;
* for a posting, a *gap* is a dimension the role weighs heavily where ``u`` is low; its what-if
  is the cosine recomputed with ``u_d`` raised to the role's weight. A person's gaps are their
  own answers set beside the role's typical ones, and are built by ``engine.scoring``;
* *confidence*: the margin between the first two roles, and the items without which the top
  role would change (the cosine recomputed without each item).

The caller (``engine.scoring``, ``engine.decode``) says how to leave an item out and how to
name items; this module builds the typed documents' ranking and confidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.content import ProfileSet
from engine.vectors import Array, order, unit_rows

CLOSE_CALL_MARGIN = 0.03
"""Below this cosine margin (3 percentage points) between first and second, it is a close call."""
TOP_DIMENSIONS = 4
"""How many dimensions an explanation lists as the strongest contributions."""
TOP_AGAINST = 3
"""How many dimensions an explanation lists as the strongest reasons against."""
MAX_GAPS = 3
"""How many gaps an explanation lists per role."""
GAP_MIN_DEFICIT = 0.05
"""A dimension is a gap when the role's weight is above the value by more than this."""
GAP_MIN_GAIN = 0.01
"""A gap is listed only when closing it would raise the score by more than this (a point): a
what-if that changes next to nothing is not worth a line (quiz, decode and fit alike)."""


@dataclass
class Evidence:
    """One vector to explain, its items, and the extra vectors whose cosines the explanation
    needs (without each item; with each gap closed), to be scored in one call."""

    u: Array  # dims
    effects: Array  # items x dims: each item's effect, before averaging or scaling
    shares: Array  # items x dims: each item's share of u (rows add up to u)
    loo_items: list[int]  # the items left out, one per row of ``loo``
    loo: Array  # rows x dims: u without each of ``loo_items``
    gap_plan: list[tuple[int, int]]  # (role, dimension) what-ifs
    gap_vectors: Array  # rows x dims: u with the dimension raised to the role's weight

    def block(self) -> Array:
        return np.vstack([self.u[None, :], self.loo, self.gap_vectors])


def evidence(u: Array, effects: Array, shares: Array, weights: Array, explain: bool,
             items: list[int], leave_out: Callable[[list[int]], Array],
             dimension_gaps: bool = True) -> Evidence:
    """The Evidence of ``u``; with ``explain`` (and a vector not all zeros), the what-if
    vectors too: ``leave_out(items)`` gives u without each of ``items`` (the items that count
    for something), when there are at least two, and with ``dimension_gaps`` the vectors of
    ``gap_plan``."""
    dims = len(u)
    left_out: list[int] = []
    loo = np.empty((0, dims))
    plan: list[tuple[int, int]] = []
    gap_vectors = np.empty((0, dims))
    if explain and u.any():
        if len(items) >= 2:
            left_out, loo = items, leave_out(items)
        plan = gap_plan(weights, u) if dimension_gaps else []
        gap_vectors = np.repeat(u[None, :], len(plan), axis=0)
        for row, (ri, d) in enumerate(plan):
            gap_vectors[row, d] = weights[ri, d]
    return Evidence(u, effects, shares, left_out, loo, plan, gap_vectors)


def gap_plan(weights: Array, u: Array, limit: int = MAX_GAPS) -> list[tuple[int, int]]:
    """(role, dimension) what-ifs to compute: per role, the dimensions it weighs most (at least
    half its heaviest weight) where ``u`` is furthest below it."""
    heavy = weights >= 0.5 * weights.max(axis=1, keepdims=True)
    deficit = np.where(heavy, weights - u[None, :], 0.0)
    best = np.argsort(-np.round(deficit, 12), axis=1, kind="stable")[:, :limit].tolist()
    big = (deficit > GAP_MIN_DEFICIT).tolist()
    return [(ri, d) for ri, row in enumerate(best) for d in row if big[ri][d]]


def _best_first(values: Array) -> list[int]:
    """Indices, largest value first; values equal to 12 digits (equal but for rounding) keep
    their order, so ties do not depend on how a vector was added up."""
    return [int(i) for i in np.argsort(-np.round(values, 12), kind="stable")]


def contributions(unit_u: Array, unit_weights: Array) -> Array:
    """roles x dims: (u_d / |u|) (p_d / |p|), from ``unit_rows`` of u and of the weights;
    added up in dimension order, each row is exactly the role's cosine as
    ``engine.vectors.cosine`` computes it."""
    out: Array = unit_u[None, :] * unit_weights
    return out


_CARDS: dict[tuple[int, str], tuple[ProfileSet, list[dict[str, Any]]]] = {}


def _cards(profiles: ProfileSet, lang: str) -> list[dict[str, Any]]:
    """What a ranking says of each role whatever the score (title, objective, tools, day,
    questions), in one language; built once per profiles and language."""
    cached = _CARDS.get((id(profiles), lang))
    if cached is None or cached[0] is not profiles:
        cards = [{"role_id": p.id, "title": p.title.get(lang),
                  "objective": p.objective.get(lang), "typical_tools": p.tools(lang),
                  "typical_day": p.typical_day.get(lang),
                  "questions_to_ask": [x.get(lang) for x in p.questions_to_ask]}
                 for p in profiles.profiles]
        cached = _CARDS[(id(profiles), lang)] = (profiles, cards)
    return cached[1]


@dataclass(frozen=True)
class Voice:
    """How the documents name what is explained: the model classes of a role, a contribution
    and a confidence note, and how to cite one item (for a dimension and a role) or one item
    whose removal changes the top role."""

    role: type[Any]
    contribution: type[Any]
    confidence: type[Any]
    items_field: str  # the contribution's list of items ("answers", "terms")
    fragile_field: str  # the confidence note's list of items ("fragile_answers", ...)
    cite: Callable[[int, int, float, float, float], Any]  # item, dim, effect, share, score
    item_key: Callable[[int], str]  # sort key among equal shares
    flip: Callable[[int, str], Any]  # item, the role id that would come first without it
    gap: type[Any] | None = None  # a dimension gap's class, for callers that give no gaps


def explain(
    ev: Evidence, block_scores: Array, profiles: ProfileSet, weights: Array, unit_weights: Array,
    lang: str, voice: Voice, explain_top: int, enough: bool, counted_dims: list[int],
    gaps: dict[int, list[Any]] | None = None, names: Sequence[tuple[str, Any]] | None = None,
) -> tuple[list[Any], Any]:
    """The ranking (each role with its score, contributions, reasons for and against, and
    gaps, the first ``explain_top`` explained) and the confidence note, as the voice's typed
    documents. ``gaps``: each role's gap documents, built by the caller; without them, the
    dimension gaps of ``ev.gap_plan``. ``names``: (id, label) of each column of the vectors,
    when there are more than the dimensions (a posting's blends); the labels have ``get(lang)``."""
    if names is None:
        names = [(d.id, d.label) for d in profiles.dimensions]
    dims = [name for name, _ in names]
    labels = [label.get(lang) for _, label in names]
    u, unit_u = ev.u, unit_rows(ev.u)[0]
    terms = contributions(unit_u, unit_weights)
    scores = block_scores[0].tolist()
    loo_scores = block_scores[1:1 + len(ev.loo)]
    gap_scores = block_scores[1 + len(ev.loo):]
    ranked = [int(i) for i in order(block_scores[0])]
    ranking = []
    cards = _cards(profiles, lang)
    def contribution(ri: int, d: int, sign: float) -> Any:
        """Dimension ``d``'s part of role ``ri``'s score, with every item behind it (those
        pulling the same way first): the items' scores add up to it."""
        scale = float(unit_weights[ri, d] * unit_u[d] / u[d])  # a share's worth
        share, effect = ev.shares[:, d].tolist(), ev.effects[:, d].tolist()
        behind = sorted((i for i, x in enumerate(share) if x != 0),
                        key=lambda i: (-sign * share[i] * scale, voice.item_key(i)))
        items = [voice.cite(i, d, effect[i], share[i], share[i] * scale) for i in behind]
        return voice.contribution(**{
            "dimension": dims[d], "label": labels[d],
            "person": float(u[d]), "weight": float(weights[ri, d]),
            "score": float(terms[ri, d]), voice.items_field: items})

    for rank, ri in enumerate(ranked, start=1):
        row = terms[ri].tolist()
        top: list[Any] = []
        against: list[Any] = []
        role_gaps: list[Any] = []
        if enough and rank <= explain_top:
            top = [contribution(ri, d, 1.0)
                   for d in [x for x in _best_first(terms[ri]) if row[x] > 0][:TOP_DIMENSIONS]]
            against = [contribution(ri, d, -1.0)
                       for d in [x for x in _best_first(-terms[ri]) if row[x] < 0][:TOP_AGAINST]]
            if gaps is not None:
                role_gaps = gaps.get(ri, [])
            else:
                assert voice.gap is not None, "no gaps given and no class to make them"
                role_gaps = [voice.gap(dimension=dims[d],
                                       label=labels[d],
                                       person=float(u[d]), weight=float(weights[ri, d]),
                                       score_now=scores[ri], score_if=float(gap_scores[g, ri]))
                             for g, (gri, d) in enumerate(ev.gap_plan)
                             if gri == ri and gap_scores[g, ri] - scores[ri] > GAP_MIN_GAIN]
        ranking.append(voice.role(
            rank=rank, score=scores[ri], match_percent=round(100.0 * scores[ri], 1),
            contributions={dims[d]: row[d] for d in counted_dims},
            top_contributions=top, against_contributions=against, gaps=role_gaps,
            **cards[ri]))
    confidence = None
    if enough and len(ranking) >= 2:
        # the first best score of each leave-one-out row (argmax: ties go to the first role,
        # as in ``order``)
        new_tops = np.argmax(loo_scores, axis=1).tolist() if len(loo_scores) else []
        speaks: list[bool] = np.count_nonzero(ev.loo, axis=1).astype(bool).tolist()
        flips = [voice.flip(item, profiles.profiles[new_top].id)
                 for item, new_top, ok in zip(ev.loo_items, new_tops, speaks, strict=True)
                 if ok and new_top != ranked[0]]
        margin = ranking[0].score - ranking[1].score
        confidence = voice.confidence(**{
            "first": ranking[0].role_id, "second": ranking[1].role_id, "margin": margin,
            "close_call": margin < CLOSE_CALL_MARGIN, "close_call_margin": CLOSE_CALL_MARGIN,
            "robust": not flips, voice.fragile_field: flips})
    return ranking, confidence
