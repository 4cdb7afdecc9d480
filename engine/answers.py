"""The answers format: one mapping used by the quiz, ``--answers``, batch, resume and tests.

    questionnaire: default
    lang: en                  # optional
    answers:
      skill_sql: 4            # likert: an integer on the question's scale
      tools_ops: [docker]     # multi: a list of option ids (may be empty); one id alone
                              #   is a list of one
      ideal_day: build_pipelines   # single: one option id
      skill_cloud: null       # skipped: contributes nothing

Missing question ids count as skipped. Every problem is reported with the question id and
the bad value in words ("got true"), with the closest id or the valid values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.content import LANGS, Questionnaire
from engine.errors import AnswersError, Msg, Problem, described, problem, unknown_said
from engine.kinds import document_kind, kind_said
from engine.questions import AnswerValue
from engine.readers import read_json, read_yaml

TOP_LEVEL_KEYS = ("questionnaire", "lang", "answers", "id")


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


_TOP_LEVEL_SET = frozenset(TOP_LEVEL_KEYS)


class Checker:
    """The one check of answers against a questionnaire, compiled once.

    ``fast`` accepts a plainly valid answers mapping in a few lookups per answer, or declines
    (None); ``check`` reports every problem in words, or returns the same Answers the fast path
    would. Batch scoring uses ``fast_slots``, which skips building the Answers.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.types = questionnaire.types
        self.known = {qt.id: (qi, qt) for qi, qt in enumerate(self.types)}
        offsets = [0]
        for qt in self.types:
            offsets.append(offsets[-1] + len(qt.slot_keys()))
        self.offsets = offsets

    def _top_level(self, data: Any, named: bool) -> dict[str, Any] | None:
        """The answers mapping of a document whose top level is plainly valid, else None."""
        if not isinstance(data, dict) or not data.keys() <= _TOP_LEVEL_SET:
            return None
        qid = data.get("questionnaire")
        if qid != self.questionnaire.id and (named or qid is not None):
            return None
        lang, respondent = data.get("lang"), data.get("id")
        if lang is not None and lang not in LANGS:
            return None
        if isinstance(respondent, bool) or (respondent is not None
                                            and not isinstance(respondent, str | int)):
            return None
        raw = data.get("answers") or {}
        return raw if isinstance(raw, dict) else None

    def fast_slots(self, data: Any, named: bool = True) -> list[int] | None:
        """The slots (model-wide, see engine.vectors) a valid answers mapping selects, or
        None. With ``named`` false the ``questionnaire`` key may be left out (batch lines)."""
        raw = self._top_level(data, named)
        if raw is None:
            return None
        out: list[int] = []
        known, offsets = self.known, self.offsets
        for qid, value in raw.items():
            entry = known.get(qid)
            if entry is None:
                return None
            if value is None:
                continue
            qi, qt = entry
            slots = qt.fast_slots(value)
            if slots is None:
                return None
            start = offsets[qi]
            out += [start + s for s in slots]
        return out

    def fast(self, data: Any, named: bool = True) -> Answers | None:
        """The Answers of a plainly valid answers mapping, or None (then ``check`` says why)."""
        raw = self._top_level(data, named)
        if raw is None:
            return None
        values: dict[str, AnswerValue] = dict.fromkeys(self.known)
        for qid, value in raw.items():
            entry = self.known.get(qid)
            if entry is None:
                return None
            if value is None:
                continue
            qt = entry[1]
            slots = qt.fast_slots(value)
            if slots is None:
                return None
            values[qid] = qt.value(slots)
        return Answers(self.questionnaire.id, values, data.get("lang"), data.get("id"))

    def check(self, data: Any, source: str = "<answers>", named: bool = True) -> Answers:
        """The Answers, or AnswersError listing every problem (file, key, value, choices)."""
        answers = self.fast(data, named)
        if answers is not None:
            return answers
        questionnaire = self.questionnaire
        if not isinstance(data, Mapping):
            whole = "mapping" if named else "object"  # a batch line is JSON
            raise AnswersError([problem(source, "", Msg("answers.empty")
                                        if data is None and named
                                        else Msg(f"answers.not_{whole}",
                                                 value=described(data)))])
        kind = document_kind(data)
        if kind == "result":
            return self._from_result(data, source, named)
        if kind is not None and kind != "answers":
            raise AnswersError([problem(source, "", Msg("answers.other_kind",
                                                        kind=kind_said(kind)))])
        found: list[Problem] = []
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                message, choices = unknown_said(Msg("answers.unknown_key"), str(key),
                                                TOP_LEVEL_KEYS)
                found.append(problem(source, str(key), message, choices=choices))
        qid = data.get("questionnaire")
        if qid is None and named:
            found.append(problem(source, "questionnaire", Msg("answers.missing_key"),
                                 choices=[questionnaire.id]))
        elif qid is not None and qid != questionnaire.id:
            found.append(problem(source, "questionnaire",
                                 Msg("answers.other_questionnaire",
                                     expected=repr(questionnaire.id), value=described(qid))))
        lang = data.get("lang")
        if lang is not None and lang not in LANGS:
            found.append(problem(source, "lang", Msg("answers.unknown_lang",
                                                     value=described(lang)),
                                 choices=LANGS))
        respondent = data.get("id")
        if respondent is not None and (isinstance(respondent, bool)
                                       or not isinstance(respondent, str | int)):
            found.append(problem(source, "id", Msg("answers.bad_id",
                                                   value=described(respondent))))
        raw = data.get("answers", {})
        if raw is None:
            raw = {}
        if not isinstance(raw, Mapping):
            found.append(problem(source, "answers", Msg("answers.not_answers_mapping",
                                                        value=described(raw))))
            raw = {}
        for key in raw:
            if key not in self.known:
                message, choices = self.unknown_question(str(key))
                found.append(problem(source, f"answers.{key}", message, choices=choices))
        values: dict[str, AnswerValue] = {}
        for qt in self.types:
            value, errs = qt.check(raw.get(qt.id), source)
            found += errs
            values[qt.id] = value
        if found:
            raise AnswersError(found)
        return Answers(questionnaire.id, values, lang, respondent)

    def unknown_question(self, qid: str) -> tuple[str | Msg, list[str]]:
        """The message and choices of an unknown question id: the closest id, else every id
        when they fit on a line, else where to find them."""
        ids = list(self.known)
        fits = len(", ".join(ids)) <= 60
        see = "" if fits else Msg("answers.see_questions", n=len(ids))
        return unknown_said(Msg("answers.unknown_question"), qid, ids, see=see)

    def _from_result(self, data: Mapping[str, Any], source: str, named: bool) -> Answers:
        """The answers kept in a saved result (its ``answers``, ``lang`` and ``id``), checked
        like an answers file's; one line when they are for another questionnaire or do not
        fit this one."""
        expected = self.questionnaire.id
        ref = data.get("questionnaire")
        qid = ref.get("id") if isinstance(ref, Mapping) else ref
        if qid != expected:
            raise AnswersError([problem(source, "questionnaire.id",
                                        Msg("answers.result_other", kind=kind_said("result"),
                                            expected=repr(expected)), qid,
                                        choices=[expected])])
        inner = {key: data[key] for key in ("lang", "id", "answers") if key in data}
        try:
            return self.check({"questionnaire": qid, **inner}, source, named)
        except AnswersError as exc:
            raise AnswersError([problem(source, "answers",
                                        Msg("answers.result_unfit", kind=kind_said("result"),
                                            expected=repr(expected),
                                            which=Msg("answers.problems_first",
                                                      n=len(exc.problems)),
                                            first=exc.problems[0]))]) from None


_CHECKERS: dict[int, Checker] = {}


def checker_for(questionnaire: Questionnaire) -> Checker:
    """The compiled checker of a questionnaire, built once."""
    cached = _CHECKERS.get(id(questionnaire))
    if cached is None or cached.questionnaire is not questionnaire:
        cached = _CHECKERS[id(questionnaire)] = Checker(questionnaire)
    return cached


def parse_answers(data: Any, questionnaire: Questionnaire, source: str = "<answers>") -> Answers:
    """Check answers against a questionnaire; raise AnswersError listing every problem."""
    return checker_for(questionnaire).check(data, source)


def check_answer(questionnaire: Questionnaire, qid: str, value: Any, source: str) -> AnswerValue:
    """Check one answer to one question; raise AnswersError when it does not fit."""
    qt = questionnaire.type_of(qid)
    if qt is None:
        message, choices = checker_for(questionnaire).unknown_question(qid)
        raise AnswersError([problem(source, f"answers.{qid}", message, choices=choices)])
    checked, errs = qt.check(value, source)
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
    """The JSON Schema of an answers file (its model lives with the content rules)."""
    from engine.rules import AnswersDocument  # pydantic: only here
    from engine.validation import published_schema

    return published_schema(AnswersDocument, "answers")
