"""One person against one job posting: how well they fit it, what they cover, what to learn.

The person is a saved result (their answers, vectorised again by the one vectoriser); the
posting is decoded (``engine.decode``: its vector over the skill and tool dimensions, then
its blends). The fit is how much of what the posting asks for the person covers, each ask
weighed by how much the posting asks for it: ``sum min(v_d, p_d) p_d / sum p_d^2`` over the
columns where the posting's vector is above zero. 100% when the person is at least at the
posting's level on every ask; a skill the posting never mentions neither helps nor hurts, and
being above the posting's level on one ask does not make up for lacking another. (A cosine
would not do here: it reads the direction of the vectors only, so someone with a little of
everything a posting asks, in its proportions, would fit it as well as someone with all of it.)
Its parts, ``min(v_d, p_d) p_d / |p|^2``, add up to it.

An ask is *covered* when the person's value there is at least the posting's (on a dimension
both lie in [0, 1], the posting's most asked-for skill at 1; a blend's value is a length, up to
the square root of its weakest part's number of dimensions): its part is then all it can be.
The others are *lacking*, each with the one answer that, given at the level the posting asks
for it (the answers of someone exactly like the posting, ``engine.simulate.ideal_values``),
raises the fit most: an exact what-if through the same vectoriser, worded in the person's own
scale like a result's gaps. A tool the posting does not name (``named_tools``) is advised only
where nothing else raises the ask, as a suggestion. A lacking ask that no single answer raises
by more than a point is listed last.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.answers import parse_answers
from engine.content import Content
from engine.decode import blends_for, decode_many, matcher_for, posting_extended
from engine.errors import ExportError, problem
from engine.explain import GAP_MIN_GAIN
from engine.export import (
    FIT_SCHEMA_VERSION,
    AnswerGapDoc,
    AskDoc,
    FitDocument,
    FitRoleDoc,
    FitWhatIfDoc,
    ResultDocument,
    stamp,
)
from engine.questions import AnswerValue, QuestionType
from engine.scoring import gap_doc
from engine.simulate import ideal_values
from engine.vectors import Model, encode, model_for, vectors


def fit(result: ResultDocument, text: str, content: Content, lang: str | None = None,
        title: str | None = None, source: str | Path = "<result>") -> FitDocument:
    """The fit of the person of ``result`` with the posting ``text`` (see the module
    docstring). ``lang`` defaults to the result's. Raises ExportError when the result was
    answered with another questionnaire than ``content``'s (its vector would not be the one
    these answers give now)."""
    lang = lang or result.lang
    q, profiles = content.questionnaire, content.profiles
    ref = result.questionnaire
    if ref.id != q.id or ref.content_hash != q.content_hash():
        raise ExportError([problem(
            source, "questionnaire",
            f"was answered with another questionnaire than {q.id!r} version {q.version} "
            "(content_hash differs): score its answers again with rolematch --answers, or "
            "name that questionnaire with --questionnaire", f"{ref.id} {ref.version}")])
    answers = parse_answers({"questionnaire": q.id, "answers": result.answers}, q, str(source))
    posting = decode_many([(text, title, None)], profiles, lang, explain_top=0)[0]
    person_role = None
    if result.top is not None:
        top = result.top
        person_role = FitRoleDoc(role_id=top.role_id, title=top.title,
                                 posting_score=next(m.score for m in posting.ranking
                                                    if m.role_id == top.role_id),
                                 person_score=top.score)
    quick_asked = result.mode.asked_ids()  # a what-if on a question quick mode never asked
    empty = FitDocument(**stamp(lang, None, FIT_SCHEMA_VERSION), title=title, recognised=False,
                        score=None, match_percent=None, covered=[], lacking=[],
                        posting_role=None, person_role=person_role, asked=quick_asked)
    if not posting.recognised:
        return empty
    best = posting.ranking[0]
    posting_role = FitRoleDoc(role_id=best.role_id, title=best.title, posting_score=best.score,
                              person_score=result.match(best.role_id).score)

    model = model_for(q, profiles)
    blends = blends_for(profiles)
    p = posting_extended(profiles, text)
    asked = np.flatnonzero(p > 0)
    # the what-ifs: each question answered at the level the posting asks for, where that is
    # above the person's answer (skills and tools only, as a result's gaps)
    typical = ideal_values(model, p[:len(model.dimension_ids)])
    # tools: every tool that moves something the posting asks for is one to try, even
    # where the posting asks for it too little for someone exactly like it to tick it
    index = {d: i for i, d in enumerate(model.dimension_ids)}
    for qt in model.types:
        if qt.capped:
            typical[qt.id] = [o.id for o in qt.question.options
                              if any(p[index[d]] > 0 for d in o.effects)]
    mine = encode(model, answers)
    plan: list[tuple[int, AnswerValue]] = [
        (qi, value) for qi, qt in enumerate(model.types)
        for value in qt.gaps(answers.values.get(qt.id), typical.get(qt.id))]
    # a tool the posting does not name is a suggestion, advised only where no other answer
    # raises the ask (the posting asks for MLflow: not "learn Evidently")
    named = named_tools(model, text)
    suggested = [_unnamed(model.types[qi], answers.values.get(model.types[qi].id), value, named)
                 for qi, value in plan]
    people = blends.extend(vectors(model, [mine, *(with_answer(model, mine, qi, value)
                                                   for qi, value in plan)]))
    on_asks = people[:, asked]
    wanted = p[asked]
    # each ask's part: the person's value up to the posting's, times the posting's, over
    # |posting|^2; the fit adds the parts in the order of the asks
    part_rows = np.minimum(on_asks, wanted[None, :]) * wanted[None, :] / float(wanted @ wanted)
    scores = [sum(row) for row in part_rows.tolist()]
    now = scores[0]
    v = on_asks[0]
    parts = part_rows[0].tolist()

    names = blends.names
    covered: list[tuple[float, AskDoc]] = []
    lacking: list[tuple[tuple[float, float], AskDoc]] = []
    for k, j in enumerate(asked.tolist()):
        dim, label = names[j]
        ask = {"dimension": dim, "label": label.get(lang), "posting": float(p[j]),
               "kind": "blend" if j >= len(model.dimension_ids) else "dimension",
               "person": float(v[k]), "score": parts[k]}
        if round(float(v[k]), 12) >= round(float(p[j]), 12):
            covered.append((-parts[k], AskDoc(**ask)))
            continue
        # the answer that raises this ask and the fit most, a tool the posting names (or a
        # skill at its level) before any tool it does not name
        rank: tuple[bool, float] = (False, 0.0)
        best_row = None
        for row in range(1, len(plan) + 1):
            gain = scores[row] - now
            key = (not suggested[row - 1], gain)
            if on_asks[row, k] > v[k] and gain > GAP_MIN_GAIN and (best_row is None
                                                                    or key > rank):
                rank, best_row = key, row
        what_if = None
        if best_row is not None:
            qi, value = plan[best_row - 1]
            gap = gap_doc(model.types[qi], answers, value, lang, now, scores[best_row],
                          quick_asked)
            what_if = FitWhatIfDoc(**gap.model_dump(), suggestion=suggested[best_row - 1])
        lacking.append(((-round(rank[1], 12), -float(p[j])), AskDoc(**ask, what_if=what_if)))
    covered.sort(key=lambda item: item[0])
    lacking.sort(key=lambda item: item[0])
    return FitDocument(**{
        **dict(empty), "recognised": True, "score": now,
        "match_percent": round(100.0 * now, 1), "covered": [a for _, a in covered],
        "lacking": [a for _, a in lacking], "posting_role": posting_role})


def named_tools(model: Model, text: str) -> dict[str, set[str]]:
    """Per tools question, the options the posting names: an option whose label (in either
    language) holds a tool name of the vocabulary that one of the posting's tool names holds,
    for the same term ("SageMaker" in "Vertex AI, SageMaker or Azure ML" and in the posting's
    "AWS SageMaker"). "Evidently or another drift monitor" is named only by Evidently."""
    matcher = matcher_for(model.profiles)
    said = matcher.names(text)
    out: dict[str, set[str]] = {}
    for qt in model.types:
        if not qt.capped:
            continue
        for option in qt.question.options:
            own = matcher.names(option.label.en) | matcher.names(option.label.fr)
            if any(term == other and _within(name, words)
                   for term, name in own for other, words in said):
                out.setdefault(qt.id, set()).add(option.id)
    return out


def _unnamed(qt: QuestionType, mine: AnswerValue, value: AnswerValue,
             named: dict[str, set[str]]) -> bool:
    """Whether the what-if ``value`` ticks a tool the posting does not name."""
    if not qt.capped:
        return False
    added = set(value or []) - set(mine or [])  # type: ignore[arg-type]
    return not added <= named.get(qt.id, set())


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words ``part`` stand, in order and together, in ``whole``."""
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def with_answer(model: Model, slots: list[int], qi: int, value: AnswerValue) -> list[int]:
    """The slots of answers ``slots`` with question ``qi`` answered ``value`` instead, for
    the one vectoriser: the same bits as scoring the changed answers."""
    start, stop = model.slot_range(qi)
    return [s for s in slots if not start <= s < stop] + [start + s for s in
                                                          model.types[qi].slots(value)]


def learning(doc: FitDocument) -> list[AnswerGapDoc]:
    """The what-ifs of the lacking asks, each once, the one that raises the fit most first."""
    seen: dict[str, AnswerGapDoc] = {}
    for ask in doc.lacking:
        if ask.what_if is not None:
            seen.setdefault(ask.what_if.question_id, ask.what_if)
    return sorted(seen.values(), key=lambda g: -g.score_if)
