"""Answers to a ranked, explained result document.

A person's answers become a vector (``engine.vectors``: the one vectoriser), the roles are
ranked by cosine similarity with their weights (``engine.vectors.cosine``), and the ranking is
explained by ``engine.explain``, the explainer decode uses too. The result is the typed
``engine.export.ResultDocument``: every number it carries is computed here, from the same
arrays the ranking used. Scores lie in [-1, 1] (below 0 only when dislikes outweigh the rest);
the match shown to people is 100 x cosine.

A role's *gaps* are the person's own answers set beside the role's typical ones (the answers
a person exactly like the role would give, ``engine.simulate``): each skill question answered
below the typical level, each tools question without some of the typical tools, with its
what-if, the role's cosine recomputed by the same vectoriser with that one answer changed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from engine.answers import Answers, parse_answers
from engine.content import ProfileSet, Questionnaire
from engine.errors import AnswersError
from engine.explain import GAP_MIN_GAIN, MAX_GAPS, Evidence, Voice, evidence, explain
from engine.export import (
    AnswerGapDoc,
    AnswerShareDoc,
    ConfidenceDoc,
    ContributionDoc,
    FragileDoc,
    ModeDoc,
    QuestionnaireRef,
    ResultDocument,
    RoleDoc,
    bulk,
    not_asked,
    stamp,
)
from engine.i18n import t
from engine.questions import AnswerValue, QuestionType
from engine.simulate import typical_answers
from engine.vectors import (
    Array,
    Model,
    answer_rows,
    changed_vectors,
    cosine,
    encode,
    indicator,
    means,
    model_for,
    order,
    question_rows,
    sum_rows,
    weight_of,
    without_each,
)

FLAT_LIKERT_MIN = 5
"""The 'same answer everywhere' warning needs at least this many likert answers."""
FEW_ANSWERS_SHARE = 1 / 3


def _evidence(model: Model, effects: Array, counted: Array, total: Array,
              count: Array, explain_top: int) -> Evidence:
    """One person's vector and answers as the explainer's items (one per question), from
    their rows of ``question_rows`` (questions x dims) and their totals."""
    u = means(total, count)
    shares = np.where(counted, effects / weight_of(count), 0.0)

    def leave_out(items: list[int]) -> Array:
        return without_each(total, count, effects, counted, items)

    speaking = [int(i) for i in np.flatnonzero(counted.any(axis=1))]
    return evidence(u, effects, shares, model.weights, explain_top > 0, speaking, leave_out,
                    dimension_gaps=False)


def _gaps(model: Model, people: Sequence[Answers], effects: Array, weights: Array,
          scores: Sequence[Array], explain_top: int, langs: Sequence[str],
          asked: Collection[str] | None = None) -> list[dict[int, list[AnswerGapDoc]]]:
    """Per person, the gap documents of each of their first ``explain_top`` roles: every
    what-if of every person (``effects`` and ``weights``: people x questions x dims) scored
    in one cosine call."""
    out: list[dict[int, list[AnswerGapDoc]]] = [{} for _ in people]
    if explain_top <= 0:
        return out
    typical = [a.values for a in typical_answers(model)]
    growable = [(qi, qt) for qi, qt in enumerate(model.types)  # skills and tools
                if any(qt.gaps(None, t.get(qt.id)) for t in typical)]
    plan: list[tuple[int, int, int, AnswerValue]] = []  # person, role, question, typical
    rows: dict[tuple[int, tuple[int, ...]], tuple[Array, Array]] = {}
    new: list[tuple[Array, Array]] = []
    for p, (answers, now) in enumerate(zip(people, scores, strict=True)):
        if not now.any():
            continue
        for ri in order(now)[:explain_top].tolist():
            for qi, qt in growable:
                for value in qt.gaps(answers.values.get(qt.id), typical[ri].get(qt.id)):
                    key = (qi, tuple(qt.slots(value)))
                    if key not in rows:  # the changed answer's rows, as the vectoriser makes
                        block = np.zeros((1, model.offsets[qi + 1] - model.offsets[qi]))
                        block[0, list(key[1])] = 1.0
                        effect, weight = answer_rows(model, qi, block)
                        rows[key] = (effect[0], weight[0])
                    new.append(rows[key])
                    plan.append((p, ri, qi, value))
    if not plan:
        return out
    then = cosine(changed_vectors(
        model, effects, weights, np.array([p for p, _, _, _ in plan], dtype=np.intp),
        np.array([qi for _, _, qi, _ in plan], dtype=np.intp),
        np.array([e for e, _ in new]), np.array([w for _, w in new])), model.unit_weights)
    found: dict[tuple[int, int], dict[int, tuple[float, int, int]]] = {}
    for row, (p, ri, qi, _) in enumerate(plan):
        gain = float(then[row, ri] - scores[p][ri])
        best = found.setdefault((p, ri), {})
        if gain > GAP_MIN_GAIN and (qi not in best or round(-gain, 12) < best[qi][0]):
            best[qi] = (round(-gain, 12), qi, row)  # one what-if per question: its best
    for (p, ri), per_question in found.items():
        answers, lang, docs = people[p], langs[p], []
        for _, qi, row in sorted(per_question.values())[:MAX_GAPS]:
            docs.append(gap_doc(model.types[qi], answers, plan[row][3], lang,
                                float(scores[p][ri]), float(then[row, ri]), asked))
        out[p][ri] = docs
    return out


def gap_doc(qt: QuestionType, answers: Answers, value: AnswerValue, lang: str,
            now: float, then: float, asked: Collection[str] | None = None) -> AnswerGapDoc:
    """A what-if in the person's scale words: their answer, the one put in its place
    (``value``, one of ``qt.gaps``; for a tools question, only the tool not ticked yet), and
    the score before and after. ``asked``: the questions quick mode asked, None after the
    whole questionnaire (a question it never asked is not labelled skipped). Used by a
    result's gaps and by ``engine.fit``."""
    mine_value = answers.values.get(qt.id)
    typical_value = value
    if qt.capped:  # a tools question: name the typical tool not ticked
        have = set(mine_value or [])  # type: ignore[arg-type]
        typical_value = [o for o in value if o not in have]  # type: ignore[union-attr]
    mine_label = (t("result.not_asked", lang) if not_asked(qt.id, mine_value, asked)
                  else qt.point_label(mine_value, lang))
    return AnswerGapDoc(
        question_id=qt.id, label=qt.short(lang), answer=mine_value,
        answer_label=mine_label, typical=typical_value,
        typical_label=qt.point_label(typical_value, lang), score_now=now, score_if=then)


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
                 # among equal shares, in the questionnaire's order: the person's own skill
                 # answer before a scenario that says the same (question ids put
                 # "ideal_day" first, and the screen shows two)
                 item_key=lambda qi: f"{qi:05d}",
                 flip=lambda qi, role: FragileDoc(question_id=types[qi].id,
                                                  top_role_without=role,
                                                  label=types[qi].short(lang)))


def _document(model: Model, answers: Answers, ev: Evidence, block_scores: Array,
              explain_top: int, lang: str, mode: ModeDoc | None,
              gaps: dict[int, list[AnswerGapDoc]]) -> ResultDocument:
    warnings = _warnings(model, answers, ev.u)
    enough = "no_answers" not in warnings
    ranking, confidence = explain(
        ev, block_scores, model.profiles, model.weights, model.unit_weights, lang,
        _voice(model, answers, lang), explain_top, enough, list(range(len(model.dimension_ids))),
        gaps)
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


def answer_shares(model: Model, answers: Answers) -> tuple[Array, Array]:
    """One person's vector and each answer's share of it (questions x dims): the numbers a
    role's explanation cites, for a screen that names the answers behind any dimension (the
    comparison); the same arithmetic as ``score_many``."""
    rows = list(question_rows(model, indicator(model, [encode(model, answers)])))
    effects = np.stack([effect[0] for effect, _ in rows])  # questions x dims
    counted = np.stack([c[0] for _, c in rows])
    total, count = sum_rows(model, 1, rows)
    ev = _evidence(model, effects, counted, total[0], count[0], explain_top=0)
    return ev.u, ev.shares


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
    starts = np.cumsum([0, *(len(block) for block in blocks)]).tolist()
    out = []
    with bulk():
        asked = mode.asked_ids() if mode is not None else None
        gaps = _gaps(model, people, effects, counted, [scores[s] for s in starts[:-1]],
                     explain_top, langs, None if asked is None else frozenset(asked))
        for i, (answers, ev, lang) in enumerate(zip(people, evs, langs, strict=True)):
            out.append(_document(model, answers, ev, scores[starts[i]:starts[i + 1]],
                                 explain_top, lang, mode, gaps[i]))
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
    A wrong argument is one of the project's errors, in one line (``engine.api``): answers
    that are not answers AnswersError, content that is not content (or the two swapped)
    ContentError, a bad ``explain_top``, ``lang`` or ``mode`` EngineError.
    """
    from engine import api

    questionnaire = api.questionnaire_of("score", questionnaire, profiles, with_profiles=True)
    profiles = api.profiles_of("score", profiles)
    api.answers_data("score", answers)
    explain_top = api.explain_top_of("score", explain_top)
    lang = api.lang_of("score", lang)
    mode = api.mode_of("score", mode)
    if not isinstance(answers, Answers):
        answers = parse_answers(answers, questionnaire)
    elif answers.questionnaire_id != questionnaire.id:
        raise AnswersError(f"score: answers: checked against the questionnaire "
                           f"{answers.questionnaire_id!r}, not {questionnaire.id!r}: parse them "
                           f"with this questionnaire")
    model = model_for(questionnaire, profiles)
    return score_many(model, [answers], [lang or answers.lang or "en"], explain_top, mode)[0]
