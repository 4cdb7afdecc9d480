"""The rules content files follow, as pydantic models: the one validator of content.

Each file kind (questionnaire, profile, dimensions, vocabulary) is a model that forbids
unknown keys; ``validate`` checks a file's data against its model and turns pydantic's
errors into our Problems (file, key path, bad value, valid choices). The JSON Schemas that
``rolematch schema`` publishes are generated from the same models.

Only loading a file that is not in the content cache (see ``engine.content``), ``validate``'s
problems and ``rolematch schema`` import this module: pydantic is the largest part of a
cold start. What the program uses at run time is ``engine.content``'s plain classes, built
from what these models accept (``model_dump``), with the same names and fields.

Rules on values, besides the models' shapes:

- A weight or effect is a YAML number (int or float) from 0 to 1: not ``true``, not a quoted
  ``"0.5"``, not ``.nan`` or ``.inf``.
- A typical tool is a name, the same in every language (``Airflow``), or, when it says more
  than a name, a text in every language (``{en: "architecture diagrams", fr: "..."}``): a
  name with a connecting word (``SQL and NoSQL``, ``AWS or GCP``) would read as English in
  French, so it is refused, saying how to write it.
- Text a terminal may print holds no control character (C0, DEL, C1, Unicode line
  separators, bidirectional overrides): one-line fields (titles, labels, names, tools...)
  not even a line break or a tab; paragraphs (``LongText``, ``Paragraph``: intros,
  descriptions, a typical day...) may hold line breaks and tabs, which the renderers fold.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from engine.errors import Loc, Problem, describe, problem
from engine.validation import problems_from_validation, published_schema, refused_parts

# C0 controls, DEL, C1 controls, Unicode line and paragraph separators, bidirectional
# embeddings, overrides and isolates: what can move the cursor, clear the screen, set the
# window title, ring the bell or reorder a printed line
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL_IN_LINE = re.compile(f"[{_CONTROL}]")
_CONTROL_IN_PARAGRAPH = re.compile(f"(?![\t\n])[{_CONTROL}]")
_CONTROL_NAMES = {"\x00": "null", "\x07": "bell", "\x08": "backspace", "\t": "tab",
                  "\n": "line break", "\r": "carriage return", "\x1b": "escape",
                  "\x7f": "delete", "\x85": "next line", "\u2028": "line separator",
                  "\u2029": "paragraph separator"}


def _control_name(ch: str) -> str:
    if ch in _CONTROL_NAMES:
        return _CONTROL_NAMES[ch]
    return "bidirectional control" if ch > "\x9f" else "control character"


def _no_control(pattern: re.Pattern[str], one_line: bool) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str):
            # the ends are stripped anyway: a one-line title written as a YAML block keeps
            # its final line break, harmlessly
            body = value.strip(" \t\n") if one_line else value
            found = pattern.search(body)
            if found:
                ch = found.group()
                where = found.start() + (len(value) - len(value.lstrip(" \t\n"))
                                         if one_line else 0)
                rule = ("must be one line, without tabs" if ch == "\t"
                        else "must be one line" if ch in "\n\u2028\u2029"
                        else "must not contain control characters")
                raise PydanticCustomError(
                    "control_character", "{rule}: found {char} ({name}) at character {at}",
                    {"rule": rule, "char": repr(ch), "name": _control_name(ch),
                     "at": where + 1})
        return value

    return check


def _number(value: Any) -> Any:
    """A weight is written as a YAML number: refuse what lax parsing would turn into one."""
    if isinstance(value, bool):
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1, not true or "
                                  "false")
    if isinstance(value, str):
        raise PydanticCustomError("weight_text", "expected a number from 0 to 1, got "
                                  "{text}{hint}", {"text": describe(value),
                                                   "hint": _text_hint(value)})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1, not "
                                  "{what}", {"what": "NaN" if value != value else "infinity"})
    if not isinstance(value, int | float):
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1")
    return value


_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d*,\d+\s*")


def _text_hint(text: str) -> str:
    """What to write instead of a weight YAML read as text (it has no quotes to remove
    unless it parses as a number)."""
    if _DECIMAL_COMMA.fullmatch(text):
        return f" (write decimals with a point: {text.strip().replace(',', '.')})"
    if "e" in text.lower() and _parses_as_float(text):
        return " (YAML reads 1e-3 as text: write 0.001, or 1.0e-3)"
    if _parses_as_float(text):
        return " (write it without quotes)"
    return ""


def _parses_as_float(text: str) -> bool:
    try:
        return math.isfinite(float(text))  # 'nan' and 'inf' are words here, not numbers
    except ValueError:
        return False


Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Line = Annotated[NonEmpty, BeforeValidator(_no_control(_CONTROL_IN_LINE, one_line=True))]
"""A one-line text: a title, a label, a name; no control character, no line break."""
Paragraph = Annotated[NonEmpty,
                      BeforeValidator(_no_control(_CONTROL_IN_PARAGRAPH, one_line=False))]
"""A text that may run over several lines (line breaks and tabs allowed, no other control)."""
# _number gives the messages; Strict and allow_inf_nan say the same to pydantic (and readers)
Weight = Annotated[float, Strict(), Field(ge=0.0, le=1.0, allow_inf_nan=False),
                   BeforeValidator(_number)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A one-line text (a title, a label) in every supported language."""

    en: Line
    fr: Line


class LongText(Text):
    """A paragraph in every supported language: line breaks allowed (renderers fold them)."""

    en: Paragraph
    fr: Paragraph


_JOINING_WORDS = {"and": "English", "or": "English", "with": "English", "for": "English",
                  "of": "English", "plus": "English", "et": "French", "ou": "French",
                  "avec": "French", "pour": "French", "de": "French", "des": "French",
                  "du": "French"}
_JOINING = re.compile(rf"(?<![\w-])({'|'.join(_JOINING_WORDS)})(?![\w-])", re.IGNORECASE)
"""Words that join or describe: never part of a tool's name, always of one language."""
_ONE_LINE = _no_control(_CONTROL_IN_LINE, one_line=True)


def _tool(value: Any) -> Any:
    """A typical tool as a text in every language: a name as it is written (the same in
    every language), checked to be one; a mapping as any other text."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "tool_type", "must be a tool's name, or a text in every language: "
            "{en: ..., fr: ...}")
    name = _ONE_LINE(value).strip()
    joining = _JOINING.search(name)
    if joining:
        parts = [p.strip(" ,") for p in _JOINING.split(name)[::2] if p.strip(" ,")]
        word = joining.group()
        raise PydanticCustomError(
            "tool_words", "{word} is {language}, not a name, and a tool written as one text "
            "reads the same in every language: list the names apart ({names}), or write the "
            "item in every language: {en: ..., fr: ...}",
            {"word": repr(word), "language": _JOINING_WORDS[word.lower()],
             "names": ", ".join(parts)})
    return {"en": name, "fr": name}


Tool = Annotated[Text, BeforeValidator(_tool, json_schema_input_type=str | Text)]
"""A typical tool: its name (the same in every language), or a text in every language."""


# --------------------------------------------------------------------------- dimensions


class Dimension(_Strict):
    """A named axis of the vector space: a skill, a tool family or a work preference."""

    id: Id
    group: Literal["skill", "tool", "preference"]
    label: Text
    description: LongText


class DimensionsFile(_Strict):
    """``profiles/dimensions.yaml``: the catalogue every question and profile refers to."""

    dimensions: list[Dimension] = Field(min_length=2)


# --------------------------------------------------------------------------- profiles


class Contrast(_Strict):
    """How a role differs from one of its nearest neighbours."""

    role: Id
    text: LongText


class Source(_Strict):
    """Where a claim in a profile comes from (a seed note, O*NET, ESCO...)."""

    source: Line
    supports: Paragraph


class Profile(_Strict):
    """One role: what it is, what a day looks like, and its weights over the dimensions."""

    id: Id
    title: Text
    other_titles: list[Line] = Field(min_length=1)
    objective: LongText
    key_skills: list[Text] = Field(min_length=1)
    typical_tools: list[Tool] = Field(min_length=1)
    deliverables: list[Text] = Field(min_length=1)
    typical_day: LongText
    questions_to_ask: list[Text] = Field(min_length=1)
    differs_from: list[Contrast] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    weights: dict[str, Weight] = Field(min_length=1)


# --------------------------------------------------------------------------- questionnaire


class Section(_Strict):
    id: Id
    title: Text


class Option(_Strict):
    """One choice of a single or multi question, and how it moves the dimensions."""

    id: Id
    label: Text
    description: LongText | None = None
    effects: dict[str, Weight] = Field(default_factory=dict)
    neutral: bool = Field(default=False, description=(
        "An answer that says nothing about the person (\"I cannot say\"): it has no "
        "effects and counts exactly as a skip. Single questions only."))


class Scale(_Strict):
    """A likert scale: its points, lowest first, and how a point counts.

    ``level`` (skills): point k of n moves each effect by (k-1)/(n-1), so the lowest point is
    an absence (0) that still counts. ``preference`` (likes): point k moves each effect by
    (2k-n-1)/(n-1), from -1 to 1, so a point below the middle counts against the roles that
    weigh the dimension and the middle point (with an odd number of points) counts exactly as
    a skip. A plain list of points is a ``level`` scale.
    """

    kind: Literal["level", "preference"] = "level"
    points: list[Text]

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        return {"kind": "level", "points": data} if isinstance(data, list) else data


class _QuestionBase(_Strict):
    id: Id
    section: Id
    text: LongText
    label: Text | None = Field(default=None, description=(
        "A few words naming what the question asks about (\"SQL\", \"Being on call\"), "
        "used where a result cites the question; the text is shortened without it."))
    help: LongText | None = None


class LikertQuestion(_QuestionBase):
    """Answered on a named scale; how a point moves each effect depends on the scale's kind."""

    type: Literal["likert"]
    scale: Id
    effects: dict[str, Weight] = Field(min_length=1)


class SingleQuestion(_QuestionBase):
    """Exactly one option."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2)


class MultiQuestion(_QuestionBase):
    """Any number of options, none included."""

    type: Literal["multi"]
    options: list[Option] = Field(min_length=2)


Question = Annotated[LikertQuestion | SingleQuestion | MultiQuestion, Field(discriminator="type")]


class QuestionnaireFile(_Strict):
    """A questionnaire: scales, sections and questions, all text in English and French."""

    id: Id
    version: Line
    title: Text
    intro: LongText
    scales: dict[Id, Scale] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)


# --------------------------------------------------------------------------- vocabulary


class Term(_Strict):
    """Words in job postings that point at dimensions (for ``rolematch decode``)."""

    id: Id
    kind: Literal["tool", "skill", "activity"]
    label: Text
    names: list[Line] = Field(default_factory=list)
    en: list[Line] = Field(default_factory=list)
    fr: list[Line] = Field(default_factory=list)
    exact: list[Line] = Field(default_factory=list)
    context: list[Line] = Field(default_factory=list)
    effects: dict[str, Weight] = Field(min_length=1)


class BlendPart(_Strict):
    """One of the halves a blended role joins: dimensions a posting must ask for."""

    label: Text
    dimensions: list[Id] = Field(min_length=1)


class Blend(_Strict):
    """A role that joins others' work (MLOps: machine learning and operations), for
    ``decode`` and ``fit``: one evidence dimension, the weakest part's length in the posting's
    vector, that the blended role weighs by ``weight`` and each role of ``counts_against``
    (the roles whose work is one of the parts) by minus its value: a posting that asks for
    both parts together describes the blend more, and each of its halves less."""

    id: Id
    role: Id
    label: Text
    weight: Weight
    parts: list[BlendPart] = Field(min_length=2)
    counts_against: dict[Id, Weight] = Field(default_factory=dict)


class VocabularyFile(_Strict):
    """``profiles/vocabulary.yaml``: the words ``decode`` recognises, and the roles that
    join others (``blends``)."""

    terms: list[Term] = Field(min_length=1)
    blends: list[Blend] = Field(default_factory=list)


# --------------------------------------------------------------------------- answers


class AnswersDocument(BaseModel):
    """The published shape of an answers file (``rolematch schema answers``); answers are
    checked against a questionnaire by ``engine.answers``."""

    model_config = ConfigDict(extra="forbid", title="rolematch answers")

    questionnaire: StrictStr = Field(description="Id of the questionnaire answered.")
    lang: Literal["en", "fr"] | None = Field(default=None, description="Language of the answers.")
    id: StrictStr | StrictInt | None = Field(
        default=None, description="Optional respondent id, kept in batch output."
    )
    answers: dict[str, StrictInt | StrictStr | list[StrictStr] | None] = Field(
        default_factory=dict,
        description="Question id to answer: likert integer, single option id, list of multi "
        "option ids (one id alone is a list of one), or null for skipped.",
    )


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": QuestionnaireFile,
    "profile": Profile,
    "dimensions": DimensionsFile,
    "vocabulary": VocabularyFile,
}


Refused = tuple[set[Loc], set[Loc]]
"""The parts of a file the rules refused (see ``engine.validation.refused_parts``)."""


def validate(path: Path, kind: str, data: Any
             ) -> tuple[dict[str, Any] | None, list[Problem], Refused]:
    """One file's data checked against the model of its kind (a key of ``SCHEMA_MODELS``).

    Accepted, it is a record of plain data: ``data``, what the model made of it
    (``model_dump``: defaults filled in, numbers as floats, text stripped), and ``hash``, the
    hash of its meaning (the model's JSON, not the file's formatting), which saved results
    carry as the questionnaire's ``content_hash``. Refused, every problem found, and the parts
    refused, so that the checks across files still run on the rest.
    """
    if data is None:
        return None, [problem(path, "", "is empty")], ({()}, set())
    model = SCHEMA_MODELS[kind]
    try:
        accepted = model.model_validate(data)
    except ValidationError as exc:
        return (None, problems_from_validation(path, model, exc, data=data),
                refused_parts(exc))
    import hashlib

    digest = hashlib.sha256(accepted.model_dump_json().encode()).hexdigest()[:16]
    return {"data": accepted.model_dump(), "hash": "sha256:" + digest}, [], (set(), set())


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one content file kind."""
    return published_schema(SCHEMA_MODELS[kind], kind)

