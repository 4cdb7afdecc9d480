"""The answers format: one mapping used by the quiz, ``--answers``, batch, resume and tests.

    questionnaire: default
    lang: en                  # optional
    answers:
      skill_sql: 4            # likert: an integer on the question's scale
      tools_ops: [docker]     # multi: a list of option ids (may be empty)
      ideal_day: build_pipelines   # single: one option id
      skill_cloud: null       # skipped: contributes nothing

Missing question ids count as skipped. Every problem is reported with the question id,
the bad value and the valid values.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from engine.content import (
    LANGS,
    LikertQuestion,
    MultiQuestion,
    Questionnaire,
    SingleQuestion,
)
from engine.errors import AnswersError, Problem, problem
from engine.readers import read_json, read_yaml

AnswerValue = int | str | list[str] | None
TOP_LEVEL_KEYS = ("questionnaire", "lang", "answers", "id")


class AnswersDocument(BaseModel):
    """The published shape of an answers file (``rolematch schema answers``)."""

    model_config = ConfigDict(extra="forbid", title="rolematch answers")

    questionnaire: StrictStr = Field(description="Id of the questionnaire answered.")
    lang: Literal["en", "fr"] | None = Field(default=None, description="Language of the answers.")
    id: StrictStr | StrictInt | None = Field(
        default=None, description="Optional respondent id, kept in batch output."
    )
    answers: dict[str, StrictInt | StrictStr | list[StrictStr] | None] = Field(
        default_factory=dict,
        description="Question id to answer: likert integer, single option id, list of multi "
        "option ids, or null for skipped.",
    )


@dataclass(frozen=True)
class Answers:
    """Answers checked against one questionnaire, in the questionnaire's question order.

    ``values`` holds every question id; ``None`` means skipped.
    """

    questionnaire_id: str
    values: dict[str, AnswerValue]
    lang: str | None = None
    respondent: str | int | None = None

    @property
    def answered(self) -> dict[str, AnswerValue]:
        return {q: v for q, v in self.values.items() if v is not None}

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"questionnaire": self.questionnaire_id}
        if self.lang:
            doc["lang"] = self.lang
        if self.respondent is not None:
            doc["id"] = self.respondent
        doc["answers"] = {q: (list(v) if isinstance(v, list) else v)
                          for q, v in self.values.items()}
        return doc


def _check_value(
    source: str, q: LikertQuestion | SingleQuestion | MultiQuestion, n_points: int, value: Any
) -> tuple[AnswerValue, list[Problem]]:
    path = f"answers.{q.id}"
    if value is None:
        return None, []
    if isinstance(q, LikertQuestion):
        scale = [str(k) for k in range(1, n_points + 1)]
        if isinstance(value, bool) or not isinstance(value, int):
            return None, [problem(source, path, "must be a whole number on the scale", value,
                                  choices=scale)]
        if not 1 <= value <= n_points:
            return None, [problem(source, path, "is off the scale", value, choices=scale)]
        return value, []
    option_ids = [o.id for o in q.options]
    if isinstance(q, SingleQuestion):
        if not isinstance(value, str):
            return None, [problem(source, path, "must be one option id", value,
                                  choices=option_ids)]
        if value not in option_ids:
            return None, [problem(source, path, "unknown option", value, choices=option_ids)]
        return value, []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return None, [problem(source, path, "must be a list of option ids", value,
                              choices=option_ids)]
    found = []
    for i, item in enumerate(value):
        if item not in option_ids:
            found.append(problem(source, f"{path}[{i}]", "unknown option", item,
                                 choices=option_ids))
        elif item in value[:i]:
            found.append(problem(source, f"{path}[{i}]", "option given twice", item))
    # keep the questionnaire's option order, so equal answers give equal documents
    ordered = [o for o in option_ids if o in value]
    return ordered, found


def parse_answers(data: Any, questionnaire: Questionnaire, source: str = "<answers>") -> Answers:
    """Check answers against a questionnaire; raise AnswersError listing every problem."""
    if not isinstance(data, Mapping):
        raise AnswersError([problem(source, "", "must be a mapping with an 'answers' key",
                                    type(data).__name__)])
    found: list[Problem] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            found.append(problem(source, str(key), "unknown key", data[key],
                                 choices=TOP_LEVEL_KEYS))
    qid = data.get("questionnaire")
    if qid is None:
        found.append(problem(source, "questionnaire", "required key is missing",
                             choices=[questionnaire.id]))
    elif qid != questionnaire.id:
        found.append(problem(source, "questionnaire",
                             f"answers are for another questionnaire than {questionnaire.id!r}",
                             qid, choices=[questionnaire.id]))
    lang = data.get("lang")
    if lang is not None and lang not in LANGS:
        found.append(problem(source, "lang", "unknown language", lang, choices=LANGS))
    respondent = data.get("id")
    if respondent is not None and (isinstance(respondent, bool)
                                   or not isinstance(respondent, str | int)):
        found.append(problem(source, "id", "must be a string or a whole number", respondent))
    raw = data.get("answers", {})
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        found.append(problem(source, "answers", "must be a mapping of question id to answer",
                             raw))
        raw = {}
    known = {q.id: q for q in questionnaire.questions}
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), list(known), n=3, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            found.append(problem(source, f"answers.{key}", f"unknown question id{hint}", key,
                                 choices=close or list(known)))
    values: dict[str, AnswerValue] = {}
    for q in questionnaire.questions:
        n_points = len(questionnaire.scale(q)) if isinstance(q, LikertQuestion) else 0
        value, errs = _check_value(source, q, n_points, raw.get(q.id))
        found += errs
        values[q.id] = value
    if found:
        raise AnswersError(found)
    return Answers(
        questionnaire_id=questionnaire.id,
        values=values,
        lang=lang,
        respondent=respondent,
    )


class FastParser:
    """A checker compiled once per questionnaire for the common case of valid answers.

    ``parse`` returns the Answers when everything fits, or None; on None, ``parse_answers``
    gives the full, readable list of problems. Batch scoring uses it to stay fast.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.plan: list[tuple[str, str, Any]] = []
        for q in questionnaire.questions:
            if isinstance(q, LikertQuestion):
                self.plan.append((q.id, "likert", set(range(1, len(questionnaire.scale(q)) + 1))))
            elif isinstance(q, SingleQuestion):
                self.plan.append((q.id, "single", {o.id for o in q.options}))
            else:
                self.plan.append((q.id, "multi", {o.id: i for i, o in enumerate(q.options)}))
        self.known = {qid for qid, _, _ in self.plan}

    def parse(self, data: Any) -> Answers | None:
        if not isinstance(data, dict) or "questionnaire" not in data:
            return None
        raw = fast_answers(data, self.questionnaire.id)
        if raw is None or not raw.keys() <= self.known:
            return None
        lang, respondent = data.get("lang"), data.get("id")
        values: dict[str, AnswerValue] = {}
        for qid, kind, valid in self.plan:
            value = raw.get(qid)
            if value is None:
                values[qid] = None
            elif kind == "likert":
                if type(value) is not int or value not in valid:
                    return None
                values[qid] = value
            elif kind == "single":
                if not isinstance(value, str) or value not in valid:
                    return None
                values[qid] = value
            else:
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or len(set(value)) != len(value):
                    return None
                try:
                    values[qid] = sorted(value, key=valid.__getitem__)
                except (KeyError, TypeError):
                    return None
        return Answers(self.questionnaire.id, values, lang, respondent)


_TOP_LEVEL_SET = frozenset(TOP_LEVEL_KEYS)


def fast_answers(data: Any, questionnaire_id: str) -> dict[str, Any] | None:
    """The ``answers`` mapping of an answers document whose top level is plainly valid
    (known keys, this questionnaire or none named, a known language, a string or integer
    id), else None: the fast paths then leave it to ``parse_answers`` to say what is wrong."""
    if not isinstance(data, dict) or not data.keys() <= _TOP_LEVEL_SET:
        return None
    if data.get("questionnaire", questionnaire_id) != questionnaire_id:
        return None
    lang, respondent = data.get("lang"), data.get("id")
    if lang is not None and lang not in LANGS:
        return None
    if isinstance(respondent, bool) or (respondent is not None
                                        and not isinstance(respondent, str | int)):
        return None
    raw = data.get("answers") or {}
    return raw if isinstance(raw, dict) else None


def check_answer(questionnaire: Questionnaire, qid: str, value: Any, source: str) -> AnswerValue:
    """Check one answer to one question; raise AnswersError when it does not fit."""
    q = questionnaire.question(qid)
    if q is None:
        raise AnswersError([problem(source, f"answers.{qid}", "unknown question id", qid)])
    n_points = len(questionnaire.scale(q)) if isinstance(q, LikertQuestion) else 0
    checked, errs = _check_value(source, q, n_points, value)
    if errs:
        raise AnswersError(errs)
    return checked


def read_answers_file(path: str | Path) -> Any:
    """Read an answers file as data (JSON by extension, else YAML); errors name the file."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return read_json(path, AnswersError)
    return read_yaml(path, error=AnswersError)


def load_answers(path: str | Path, questionnaire: Questionnaire) -> Answers:
    return parse_answers(read_answers_file(path), questionnaire, str(path))


def answers_schema() -> dict[str, Any]:
    schema = AnswersDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://rolematch.example/schema/answers.json"
    return schema
