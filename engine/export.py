"""The result as a document other programs can read, and safe writing of files.

The document carries everything the result screen shows, computed from the same
``scoring.Result``. Writes are atomic: a temporary file in the same folder, flushed, fsynced
and renamed over the target, created readable by its owner only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from engine import __version__
from engine.content import Profile, ProfileSet, Questionnaire
from engine.errors import ExportError, problem
from engine.files import AtomicWriter, created_at, write_atomic
from engine.scoring import CLOSE_CALL_MARGIN, Result

__all__ = ["AtomicWriter", "created_at", "write_atomic"]

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------- the document model


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


AnswerJSON = StrictInt | StrictStr | list[StrictStr] | None


class AnswerShareDoc(_Doc):
    question_id: str
    question_text: str
    answer: AnswerJSON
    answer_label: str
    effect: float = Field(description="The answer's effect on the dimension, before averaging.")
    share: float = Field(description="What the answer added to the person's value.")
    score: float = Field(description="What the answer added to the role's cosine.")


class ContributionDoc(_Doc):
    dimension: str
    label: str
    person: float = Field(description="The person's value on the dimension, in [0, 1].")
    weight: float = Field(description="The role's weight on the dimension, in [0, 1].")
    score: float = Field(description="u_d p_d / (|u| |p|): this dimension's part of the cosine.")
    answers: list[AnswerShareDoc]


class GapDoc(_Doc):
    dimension: str
    label: str
    person: float
    weight: float
    score_now: float
    score_if: float = Field(description="The cosine recomputed with the person's value on this "
                                        "dimension raised to the role's weight.")


class RoleDoc(_Doc):
    rank: int = Field(ge=1)
    role_id: str
    title: str
    objective: str
    score: float = Field(ge=-1.0, le=1.0, description="Cosine similarity; the ranking sorts "
                                                      "on it.")
    match_percent: float = Field(description="100 x score, rounded to 0.1.")
    contributions: dict[str, float] = Field(description="Every dimension's term; they add up "
                                                        "to score.")
    top_contributions: list[ContributionDoc]
    gaps: list[GapDoc]
    typical_tools: list[str]
    typical_day: str
    questions_to_ask: list[str]


class FragileDoc(_Doc):
    question_id: str
    top_role_without: str


class ConfidenceDoc(_Doc):
    first: str
    second: str
    margin: float
    close_call: bool
    close_call_margin: float
    robust: bool
    fragile_answers: list[FragileDoc]


class QuestionnaireRef(_Doc):
    id: str
    version: str
    content_hash: str


class ModeDoc(_Doc):
    quick: bool = False
    asked: list[str] | None = None
    stop_reason: str | None = None


class ResultDocument(_Doc):
    """A rolematch result: everything the result screen shows, for other programs."""

    model_config = ConfigDict(extra="forbid", title="rolematch result")

    schema_version: int = Field(ge=1)
    rolematch_version: str
    created_at: str = Field(description="UTC, ISO 8601.")
    lang: Literal["en", "fr"]
    questionnaire: QuestionnaireRef
    id: StrictStr | StrictInt | None = None
    answers: dict[str, AnswerJSON]
    answered: int = Field(ge=0)
    total_questions: int = Field(ge=0)
    enough_answers: bool
    warnings: list[Literal["no_answers", "same_likert_answer", "few_answers"]]
    vector: dict[str, float]
    confidence: ConfidenceDoc | None
    ranking: list[RoleDoc]
    mode: ModeDoc = Field(default_factory=ModeDoc)


class FoundDoc(_Doc):
    term: str
    kind: Literal["tool", "skill", "activity"]
    label: str
    matched: list[str] = Field(description="The words of the posting that matched the term.")
    count: int = Field(ge=1)
    effects: dict[str, float]


class PreferenceDoc(_Doc):
    dimension: str
    label: str
    matched: list[str] = Field(description="The words of the posting that point at it.")


class DecodeDocument(_Doc):
    """A decoded job posting: the evidence found, and the roles it describes."""

    model_config = ConfigDict(extra="forbid", title="rolematch decoded posting")

    schema_version: int = Field(ge=1)
    rolematch_version: str
    created_at: str
    lang: Literal["en", "fr"]
    id: StrictStr | StrictInt | None = None
    title: str | None
    recognised: bool = Field(description="False when no known skill or tool was found (the "
                                         "ranking counts only those).")
    found: list[FoundDoc]
    vector: dict[str, float] = Field(description="The posting's vector on the skill and tool "
                                                 "dimensions, the ones the ranking counts.")
    preferences: list[PreferenceDoc] = Field(
        default_factory=list,
        description="What the posting says about the work itself (client contact, on-call, "
                    "strategy...), by work-preference dimension: shown, not counted in the "
                    "ranking, since a posting describes the job, not what the person enjoys.")
    title_role: str | None = Field(description="The role the posting's title names, if one.")
    skills_role: str | None = Field(description="The role its skills read as (the top role).")
    title_mismatch: str | None
    confidence: ConfidenceDoc | None
    ranking: list[RoleDoc]


def decode_schema() -> dict[str, Any]:
    schema = DecodeDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://rolematch.example/schema/decode.json"
    return schema


def result_schema() -> dict[str, Any]:
    schema = ResultDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://rolematch.example/schema/result.json"
    return schema


# --------------------------------------------------------------------------- building it


def header(lang: str, respondent: str | int | None = None) -> dict[str, Any]:
    """The fields every document starts with (results and decoded postings alike)."""
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "rolematch_version": __version__,
        "created_at": created_at(),
        "lang": lang,
    }
    if respondent is not None:
        doc["id"] = respondent
    return doc


def role_entry(
    profile: Profile, lang: str, rank: int, score: float, contributions: dict[str, float],
    top: list[dict[str, Any]], gaps: list[dict[str, Any]],
) -> dict[str, Any]:
    """One role in a ranking: its score and explanation, and what the screen says of it."""
    return {
        "rank": rank,
        "role_id": profile.id,
        "title": profile.title.get(lang),
        "objective": profile.objective.get(lang),
        "score": score,
        "match_percent": round(100.0 * score, 1),
        "contributions": contributions,
        "top_contributions": top,
        "gaps": gaps,
        "typical_tools": list(profile.typical_tools),
        "typical_day": profile.typical_day.get(lang),
        "questions_to_ask": [x.get(lang) for x in profile.questions_to_ask],
    }


def gap_entry(
    ps: ProfileSet, lang: str, dimension: str, person: float, weight: float, score_now: float,
    score_if: float,
) -> dict[str, Any]:
    return {"dimension": dimension, "label": ps.dimension(dimension).label.get(lang),
            "person": person, "weight": weight, "score_now": score_now, "score_if": score_if}


def confidence_entry(
    first: str, second: str, margin: float, fragile: list[dict[str, str]]
) -> dict[str, Any]:
    """The close-call and leave-one-out note; ``fragile`` lists what flips the top role."""
    return {"first": first, "second": second, "margin": margin,
            "close_call": margin < CLOSE_CALL_MARGIN, "close_call_margin": CLOSE_CALL_MARGIN,
            "robust": not fragile, "fragile_answers": fragile}


def result_document(
    result: Result, q: Questionnaire, ps: ProfileSet, lang: str, mode: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The result as a JSON-ready document: every number comes from ``result``."""
    from engine.render import answer_label

    def label(did: str) -> str:
        return ps.dimension(did).label.get(lang)

    def question_text(qid: str) -> str:
        question = q.question(qid)
        return question.text.get(lang) if question else qid

    ranking = []
    for m in result.ranking:
        profile = ps.profile(m.role_id)
        assert profile is not None  # the result was computed from these profiles
        top = [
            {
                "dimension": c.dimension,
                "label": label(c.dimension),
                "person": c.person,
                "weight": c.weight,
                "score": c.score,
                "answers": [
                    {
                        "question_id": a.question_id,
                        "question_text": question_text(a.question_id),
                        "answer": a.answer,
                        "answer_label": answer_label(q, a.question_id, a.answer, lang,
                                                     dimension=c.dimension),
                        "effect": a.effect,
                        "share": a.share,
                        "score": a.score,
                    }
                    for a in c.answers
                ],
            }
            for c in m.top
        ]
        gaps = [gap_entry(ps, lang, g.dimension, g.person, g.weight, g.score_now, g.score_if)
                for g in m.gaps]
        ranking.append(role_entry(profile, lang, m.rank, m.score, m.contributions, top, gaps))
    conf = result.confidence
    doc = header(lang, result.answers.respondent)
    doc.update({
        "questionnaire": {"id": q.id, "version": q.version, "content_hash": q.content_hash()},
        "answers": result.answers.to_document()["answers"],
        "answered": sum(v is not None for v in result.answers.values.values()),
        "total_questions": len(result.answers.values),
        "enough_answers": result.enough_answers,
        "warnings": list(result.warnings),
        "vector": result.vector,
        "confidence": None if conf is None else confidence_entry(
            conf.first, conf.second, conf.margin,
            [{"question_id": qid, "top_role_without": role}
             for qid, role in conf.fragile_answers]),
        "ranking": ranking,
        "mode": mode or {"quick": False, "asked": None, "stop_reason": None},
    })
    return doc


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def read_result(path: str | Path) -> dict[str, Any]:
    """Read a saved result, refusing a newer schema version or a document that does not fit."""
    from engine.readers import read_json

    path = Path(path)
    data = read_json(path, ExportError)
    if not isinstance(data, dict):
        raise ExportError([problem(path, "", "is not a rolematch result (expected an object)",
                                   type(data).__name__)])
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ExportError([problem(path, "schema_version",
                                   f"was written by a newer rolematch (this version reads "
                                   f"schema_version {SCHEMA_VERSION}); upgrade rolematch",
                                   version, choices=[str(SCHEMA_VERSION)])])
    try:
        ResultDocument.model_validate(data)
    except ValidationError as exc:
        from engine.content import problems_from_validation

        raise ExportError(problems_from_validation(path, ResultDocument, exc)) from None
    return data
