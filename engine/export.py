"""The typed documents other programs read (a quiz result, a decoded posting), their
JSON Schemas, and reading a saved result back.

The documents are pydantic models, built directly by the explainer (``engine.explain``):
there is no second, hand-built shape of them. ``result.schema.json`` in this package is
generated from ``ResultDocument`` (a test checks it is current).
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
)

from engine import __version__
from engine.errors import ExportError, problem
from engine.files import created_at
from engine.kinds import DESCRIBED, document_kind
from engine.readers import MAX_RESULT_BYTES, read_json
from engine.validation import problems_from_validation, published_schema

SCHEMA_VERSION = 2
"""Of result documents: 2 since preference answers are signed (a value or a contribution can
be negative, and ``against_contributions`` lists them) and gaps are the person's own answers
beside the role's typical ones (``AnswerGapDoc``)."""
DECODE_SCHEMA_VERSION = 3
"""Of decoded postings: 2 since a posting's evidence is its own kind of item (``terms``,
``fragile_terms``) instead of answers with no answer; 3 since roles that join others have an
evidence dimension each (``blends``), listed in ``vector`` and ``contributions`` beside the
dimensions."""
FIT_SCHEMA_VERSION = 3
"""Of a person's fit with a posting (``rolematch fit``): 2 since the fit is the share of the
posting's asks the person covers (``score``: it was a cosine, which read the direction of the
vectors only, so a little of everything asked fitted as well as all of it); 3 since a what-if
says whether the posting names the tool it advises (``FitWhatIfDoc.suggestion``)."""


# --------------------------------------------------------------------------- the document model


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _no_negative_zero(x: float) -> float:
    return x + 0.0  # -0.0 + 0.0 is 0.0; every other number is unchanged


Number = Annotated[float, AfterValidator(_no_negative_zero)]
"""A document's number: never -0.0 (a zero share of a negative value, or 0 x a negative
weight), which JSON would print as ``-0.0`` and a reader would take for a value below zero."""


AnswerJSON = StrictInt | StrictStr | list[StrictStr] | None


class AnswerShareDoc(_Doc):
    question_id: str
    question_text: str
    answer: AnswerJSON
    answer_label: str
    effect: Number = Field(description="The answer's effect on the dimension, before averaging.")
    share: Number = Field(description="What the answer added to the person's value.")
    score: Number = Field(description="What the answer added to the role's cosine.")


class TermShareDoc(_Doc):
    """One vocabulary term of a posting behind a dimension's part of a role's score."""

    term: str
    label: str
    matched: list[str] = Field(description="The words of the posting that matched the term.")
    effect: Number = Field(description="The term's weighted effect on the dimension.")
    share: Number = Field(description="What the term added to the posting's value.")
    score: Number = Field(description="What the term added to the role's cosine.")


class _ContributionBase(_Doc):
    dimension: str
    label: str
    person: Number = Field(description="The person's value on the dimension, in [-1, 1] "
                                      "(below 0 only from preferences answered below neutral).")
    weight: Number = Field(description="The role's weight on the dimension, in [0, 1].")
    score: Number = Field(description="u_d p_d / (|u| |p|): this dimension's part of the cosine "
                                     "(negative when it counts against the role).")


class ContributionDoc(_ContributionBase):
    answers: list[AnswerShareDoc]


POSTING_VALUE = (
    "The posting's value (the field keeps the name a result's contributions give it): on a "
    "skill or tool dimension in [0, 1], 1 on what the posting asks for most; on a blend, the "
    "length of the posting's vector on the blend's weakest part, from 0 up to the square root "
    "of that part's number of dimensions (above 1 when the posting asks strongly for several "
    "of them).")


class PostingContributionDoc(_ContributionBase):
    """For a posting, ``person`` is the posting's value on the dimension or blend."""

    person: Number = Field(description=POSTING_VALUE)
    weight: Number = Field(description="The role's weight: in [0, 1] on a dimension; on a "
                                       "blend, the blended role's weight, or below 0 for a "
                                       "role the blend counts against (counts_against).")
    terms: list[TermShareDoc]


class AnswerGapDoc(_Doc):
    """A question where the role's typical answer is above the person's, and what answering
    it that way would do to the role's score."""

    question_id: str
    label: str = Field(description="What the question asks about, in a few words.")
    answer: AnswerJSON
    answer_label: str = Field(description="The person's answer in words (\"Strong (4 of 5)\"; "
                                          "for no answer \"skipped\", or \"not asked in quick "
                                          "mode\" for a question quick mode never asked).")
    typical: AnswerJSON = Field(description="The answer typical of the role (for a tools "
                                            "question: the typical tools not ticked).")
    typical_label: str
    score_now: Number
    score_if: Number = Field(description="The cosine with the typical answer instead (for a "
                                        "tools question: with those tools ticked as well), "
                                        "every other answer unchanged.")


class FitWhatIfDoc(AnswerGapDoc):
    """A fit's what-if: one answer at the level the posting asks for it, or one tool more."""

    score_now: Number = Field(description="The fit now.")
    score_if: Number = Field(description="The fit with this answer instead (for a tools "
                                         "question: with that tool ticked as well), every "
                                         "other answer unchanged.")
    suggestion: bool = Field(description="True for a tool the posting does not name: it "
                                         "moves what the posting asks for, so it is a "
                                         "suggestion, not what the posting asks. A tool the "
                                         "posting names is advised before any such one.")


class GapDoc(_Doc):
    """For a posting: a dimension the role weighs heavily that the posting barely asks for."""

    dimension: str
    label: str
    person: Number = Field(description=POSTING_VALUE)
    weight: Number = Field(description="The role's weight on the dimension.")
    score_now: Number
    score_if: Number = Field(description="The cosine recomputed with the posting's value on "
                                         "this dimension raised to the role's weight.")


class RoleDoc(_Doc):
    rank: int = Field(ge=1)
    role_id: str
    title: str
    objective: str
    score: Number = Field(ge=-1.0, le=1.0, description="Cosine similarity; the ranking sorts "
                                                      "on it.")
    match_percent: Number = Field(description="100 x score, rounded to 0.1.")
    contributions: dict[str, Number] = Field(description="Every dimension's term; they add up "
                                                        "to score.")
    top_contributions: list[ContributionDoc]
    against_contributions: list[ContributionDoc] = Field(
        description="The dimensions that count against the role (a negative score), most "
                    "negative first.")
    gaps: list[AnswerGapDoc]
    typical_tools: list[str]
    typical_day: str
    questions_to_ask: list[str]


class PostingRoleDoc(RoleDoc):
    """A role in a decoded posting's ranking: its evidence is the posting's terms."""

    top_contributions: list[PostingContributionDoc]  # type: ignore[assignment]
    against_contributions: list[PostingContributionDoc]  # type: ignore[assignment]
    gaps: list[GapDoc]  # type: ignore[assignment]


class FragileDoc(_Doc):
    question_id: str
    top_role_without: str
    label: str | None = Field(default=None, description="The question in a few words, as "
                                                        "the screens name it (absent in "
                                                        "older documents).")


class FragileTermDoc(_Doc):
    term: str
    top_role_without: str


class _ConfidenceBase(_Doc):
    first: str
    second: str
    margin: Number
    close_call: bool
    close_call_margin: Number
    robust: bool


class ConfidenceDoc(_ConfidenceBase):
    fragile_answers: list[FragileDoc]


class PostingConfidenceDoc(_ConfidenceBase):
    fragile_terms: list[FragileTermDoc] = Field(
        description="The terms without which the top role would change.")


class QuestionnaireRef(_Doc):
    id: str
    version: str
    content_hash: str


class ModeDoc(_Doc):
    quick: bool = False
    asked: list[str] | None = None
    stop: Literal["bound", "settled"] | None = Field(
        default=None, description="Why quick mode stopped early, for programs: 'bound' (no way "
                                  "of answering the remaining questions could change the top "
                                  "role: proven), 'settled' (the remaining questions were "
                                  "unlikely to change it); null when every question was asked "
                                  "or the person chose to answer the rest.")
    stop_reason: str | None = Field(default=None, description="The same, as the sentence "
                                                              "shown (in the result's language).")

    def asked_ids(self) -> list[str] | None:
        """The questions quick mode asked; None when the whole questionnaire was asked."""
        return self.asked if self.quick else None


def not_asked(question_id: str, answer: object, asked: Collection[str] | None) -> bool:
    """Whether an answer left empty is a question quick mode never asked (``asked``: the ones
    it did ask, None after the whole questionnaire), which is no skip and is not said as one.
    The one rule of the result's gaps and of a fit's what-ifs, on screen and in JSON."""
    return answer is None and asked is not None and question_id not in asked


class _Document(_Doc):
    """What every document starts with."""

    schema_version: int = Field(ge=1)
    rolematch_version: str
    created_at: str = Field(description="UTC, ISO 8601.")
    lang: Literal["en", "fr"]
    id: StrictStr | StrictInt | None = None

    def to_data(self) -> dict[str, Any]:
        """The document as JSON-ready data (``id`` only when there is one)."""
        data = self.model_dump(mode="python")
        if data["id"] is None:
            del data["id"]
        return data


class ResultDocument(_Document):
    """A rolematch result: everything the result screen shows, for other programs."""

    model_config = ConfigDict(extra="forbid", title="rolematch result")

    questionnaire: QuestionnaireRef
    answers: dict[str, AnswerJSON]
    answered: int = Field(ge=0)
    total_questions: int = Field(ge=0)
    enough_answers: bool
    warnings: list[Literal["no_answers", "same_likert_answer", "few_answers"]]
    vector: dict[str, Number]
    confidence: ConfidenceDoc | None
    ranking: list[RoleDoc]
    mode: ModeDoc = Field(default_factory=ModeDoc)

    @property
    def top(self) -> RoleDoc | None:
        """The top match, or None when there are not enough answers to name one."""
        return self.ranking[0] if self.enough_answers else None

    def match(self, role_id: str) -> RoleDoc:
        return next(m for m in self.ranking if m.role_id == role_id)

    @property
    def explained(self) -> int:
        """How many roles, from the top, have their reasons and gaps in the document: the
        ``--top`` it was scored with (0 without enough answers)."""
        return max((m.rank for m in self.ranking
                    if m.top_contributions or m.against_contributions or m.gaps), default=0)


class FoundDoc(_Doc):
    term: str
    kind: Literal["tool", "skill", "activity"]
    label: str
    matched: list[str] = Field(description="The words of the posting that matched the term.")
    count: int = Field(ge=1)
    effects: dict[str, Number]


class PreferenceDoc(_Doc):
    dimension: str
    label: str
    matched: list[str] = Field(description="The words of the posting that point at it.")


class BlendPartDoc(_Doc):
    label: str
    dimensions: list[str]
    length: Number = Field(ge=0.0, description="The length of the posting's vector on the "
                                              "part's dimensions.")


class BlendDoc(_Doc):
    """A role that joins others' work, and how much of each part the posting asks for."""

    id: str
    role_id: str
    label: str
    value: Number = Field(ge=0.0, description="The weakest part's length: the blend's value in "
                                             "the vector, zero unless every part is asked for.")
    weakest: int = Field(ge=0, description="Which part is the weakest (its index in parts).")
    parts: list[BlendPartDoc]


class DecodeDocument(_Document):
    """A decoded job posting: the evidence found, and the roles it describes."""

    model_config = ConfigDict(extra="forbid", title="rolematch decoded posting")

    title: str | None
    recognised: bool = Field(description="False when no known skill or tool was found (the "
                                         "ranking counts only those).")
    found: list[FoundDoc]
    vector: dict[str, Number] = Field(description="The posting's vector on the skill and tool "
                                                 "dimensions, the ones the ranking counts, "
                                                 "each in [0, 1] (1 on what it asks for "
                                                 "most), then on each blend (see blends), "
                                                 "a length that can be above 1.")
    blends: list[BlendDoc] = Field(
        default_factory=list,
        description="The roles that join others' work (MLOps: machine learning and "
                    "operations), each an evidence dimension the blended role alone weighs: "
                    "the length of the posting's vector on its weakest part.")
    preferences: list[PreferenceDoc] = Field(
        default_factory=list,
        description="What the posting says about the work itself (client contact, on-call, "
                    "strategy...), by work-preference dimension: shown, not counted in the "
                    "ranking, since a posting describes the job, not what the person enjoys.")
    title_role: str | None = Field(description="The role the posting's title names, if one.")
    skills_role: str | None = Field(description="The role its skills read as (the top role).")
    title_mismatch: str | None
    confidence: PostingConfidenceDoc | None
    ranking: list[PostingRoleDoc]


class AskDoc(_Doc):
    """One thing a posting asks for (a skill or tool dimension, or a blend), beside the
    person's value on it."""

    dimension: str = Field(description="The dimension's id, or the blend's.")
    kind: Literal["dimension", "blend"] = Field(description="A skill or tool dimension, or a "
                                                            "blend (its parts asked together).")
    label: str
    posting: Number = Field(description="The posting's value on it (its vector, as decode "
                                        "ranks it): in [0, 1] on a dimension, 1 on what it "
                                        "asks for most; on a blend, the length of its weakest "
                                        "part, which can be above 1.")
    person: Number = Field(description="The person's value on it, on the same scale (their "
                                       "result's vector; on a blend, the same length from "
                                       "their vector).")
    score: Number = Field(description="Its part of the fit: min(person_d, posting_d) x "
                                     "posting_d / |posting|^2 over what the posting asks for; "
                                     "the parts add up to score.")
    what_if: FitWhatIfDoc | None = Field(
        default=None, description="For an ask the person lacks: the one answer that, given "
                                  "at the level the posting asks, raises the fit most (the "
                                  "fit recomputed through the same vectoriser); a tool the "
                                  "posting does not name only when no other answer raises "
                                  "it (then suggestion is true).")


class FitRoleDoc(_Doc):
    role_id: str
    title: str
    posting_score: Number = Field(description="The posting's cosine with the role (decode).")
    person_score: Number = Field(description="The person's score for the role (their result).")


class FitDocument(_Document):
    """How well one person (a saved result) fits one job posting."""

    model_config = ConfigDict(extra="forbid", title="rolematch fit")

    title: str | None = Field(description="The posting's title, if it has one.")
    recognised: bool = Field(description="False when the posting names no known skill or "
                                         "tool: there is nothing to fit.")
    score: Number | None = Field(description="How much of what the posting asks for the person "
                                            "covers, each ask weighed by the posting's value: "
                                            "sum of min(person_d, posting_d) x posting_d over "
                                            "|posting|^2, over its dimensions and blends above "
                                            "zero; 1 when every ask is covered.")
    match_percent: Number | None = Field(description="100 x score, rounded to 0.1.")
    covered: list[AskDoc] = Field(description="Asks where the person's value is at least the "
                                              "posting's. Largest part of the fit first.")
    lacking: list[AskDoc] = Field(description="The other asks, those whose what-if raises the "
                                              "fit most first, then by the posting's value.")
    posting_role: FitRoleDoc | None = Field(description="The role the posting reads as.")
    person_role: FitRoleDoc | None = Field(description="The person's top role (none without "
                                                       "enough answers).")
    asked: list[str] | None = Field(
        default=None, description="The questions quick mode asked the person (their result's "
                                  "mode.asked); null when they were asked the whole "
                                  "questionnaire. A what-if on a question not listed was never "
                                  "asked, not skipped.")


Document = ResultDocument | DecodeDocument


def decode_schema() -> dict[str, Any]:
    return published_schema(DecodeDocument, "decode")


def result_schema() -> dict[str, Any]:
    return published_schema(ResultDocument, "result")


def fit_schema() -> dict[str, Any]:
    return published_schema(FitDocument, "fit")


# --------------------------------------------------------------------------- writing and reading


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Build many documents with the garbage collector paused: they hold no reference
    cycles, and collecting the tens of thousands of small models a batch makes cost a
    quarter of decode's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()



def stamp(lang: str, respondent: str | int | None = None,
          version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The fields every document starts with."""
    return {"schema_version": version, "rolematch_version": __version__,
            "created_at": created_at(), "lang": lang, "id": respondent}


def dumps(doc: Document | Any) -> str:
    """A document (or any JSON-ready data) as the indented JSON that files and stdout get."""
    data = doc.to_data() if isinstance(doc, _Document) else doc
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_result(path: str | Path, command: str = "show") -> ResultDocument:
    """Read a saved result, refusing a file of another kind, a newer schema version or a
    document that does not fit. ``command`` (the one reading it) is named in the error."""
    path = Path(path)
    data = read_json(path, ExportError, MAX_RESULT_BYTES)
    if not isinstance(data, dict):
        raise ExportError([problem(path, "", "is not a rolematch result (expected an object)",
                                   type(data).__name__)])
    kind = document_kind(data)
    if kind == "answers":
        raise ExportError([problem(path, "", f"this is {DESCRIBED[kind]}, not a quiz result: "
                                             f"score it first with rolematch --answers FILE "
                                             f"-o RESULT.json, then {command} RESULT.json")])
    if kind is not None and kind != "result":
        raise ExportError([problem(path, "", f"this is {DESCRIBED[kind]}, not a quiz result: "
                                             f"{command} reads the result of the quiz "
                                             f"(rolematch --answers FILE --json)")])
    version = data.get("schema_version")
    if isinstance(version, int) and 1 <= version < SCHEMA_VERSION:
        raise ExportError([problem(path, "schema_version",
                                   "was written by an older rolematch, which scored answers "
                                   "differently; the file's 'answers' are kept: copy them into "
                                   "an answers file and score them again with rolematch "
                                   "--answers", version,
                                   choices=[str(SCHEMA_VERSION)])])
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ExportError([problem(path, "schema_version",
                                   f"was written by a newer rolematch (this version reads "
                                   f"schema_version {SCHEMA_VERSION}); upgrade rolematch",
                                   version, choices=[str(SCHEMA_VERSION)])])
    try:
        return ResultDocument.model_validate(data)
    except ValidationError as exc:
        raise ExportError(problems_from_validation(path, ResultDocument, exc)) from None
