"""Content as validated data: dimensions, role profiles and questionnaires.

The YAML files are read with ``yaml.safe_load`` semantics (plus a duplicate-key check),
validated once with pydantic models that forbid unknown keys, then checked across files.
Every problem found is reported (file, key path, bad value, valid choices), not just the first.

Rules on values, besides the models' shapes:

- A weight or effect is a YAML number (int or float) from 0 to 1: not ``true``, not a quoted
  ``"0.5"``, not ``.nan`` or ``.inf``. A profile needs at least one weight of
  ``MIN_TOP_WEIGHT`` (0.01) or more, so its cosine means something (with only tiny weights,
  say 1e-200, the norm underflows and every score is about 0).
- Text a terminal may print holds no control character (C0, DEL, C1, Unicode line
  separators, bidirectional overrides): one-line fields (titles, labels, names, tools...)
  not even a line break or a tab; paragraphs (``LongText``, ``Paragraph``: intros,
  descriptions, a typical day...) may hold line breaks and tabs, which the renderers fold.

``content_warnings`` finds what is legal but probably a mistake (``rolematch validate``
prints it; ``--strict`` refuses it).
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from engine.errors import ContentError, Problem, problem
from engine.i18n import french_spacing
from engine.questions import QuestionType, question_type
from engine.readers import read_yaml
from engine.words import tokens as words

LANGS: tuple[str, ...] = ("en", "fr")
NEAR_DUPLICATE_COSINE = 0.90
DIMENSIONS_FILE = "dimensions.yaml"

MIN_TOP_WEIGHT = 0.01
"""A profile's largest weight is at least this, so that its cosine is meaningful."""

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
        hint = "write it without quotes"
        if "e" in value.lower() and _parses_as_float(value):
            hint = "YAML reads 1e-3 as text: write 0.001, or 1.0e-3"
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1, not a string "
                                  "({hint})", {"hint": hint})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1, not "
                                  "{what}", {"what": "NaN" if value != value else "infinity"})
    if not isinstance(value, int | float):
        raise PydanticCustomError("weight_type", "must be a number from 0 to 1")
    return value


def _parses_as_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


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

    def get(self, lang: str) -> str:
        return french_spacing(self.fr) if lang == "fr" else self.en


class LongText(Text):
    """A paragraph in every supported language: line breaks allowed (renderers fold them)."""

    en: Paragraph
    fr: Paragraph


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
    typical_tools: list[Line] = Field(min_length=1)
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
QUESTION_TYPES = ("likert", "single", "multi")


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


class VocabularyFile(_Strict):
    """``profiles/vocabulary.yaml``: the words ``decode`` recognises."""

    terms: list[Term] = Field(min_length=1)


VOCABULARY_FILE = "vocabulary.yaml"

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": QuestionnaireFile,
    "profile": Profile,
    "dimensions": DimensionsFile,
    "vocabulary": VocabularyFile,
}


# --------------------------------------------------------------------------- loaded content


@dataclass(frozen=True)
class Questionnaire:
    """A validated questionnaire and the file it came from."""

    data: QuestionnaireFile
    path: Path

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def version(self) -> str:
        return self.data.version

    @property
    def questions(self) -> list[LikertQuestion | SingleQuestion | MultiQuestion]:
        return self.data.questions

    def question(self, qid: str) -> LikertQuestion | SingleQuestion | MultiQuestion | None:
        return self._by_id.get(qid)

    @functools.cached_property
    def _by_id(self) -> dict[str, LikertQuestion | SingleQuestion | MultiQuestion]:
        return {q.id: q for q in self.data.questions}

    def section(self, sid: str) -> Section:
        return next(s for s in self.data.sections if s.id == sid)

    def scale(self, q: LikertQuestion) -> Scale:
        return self.data.scales[q.scale]

    @functools.cached_property
    def types(self) -> tuple[QuestionType, ...]:
        """Each question's type object (its check, slots, label and prompt), in order."""
        return tuple(question_type(q, self.data.scales) for q in self.data.questions)

    def type_of(self, qid: str) -> QuestionType | None:
        return self._types_by_id.get(qid)

    @functools.cached_property
    def _types_by_id(self) -> dict[str, QuestionType]:
        return {qt.id: qt for qt in self.types}

    def content_hash(self) -> str:
        """A stable hash of the questionnaire's meaning (not its formatting)."""
        return self._hash

    @functools.cached_property
    def _hash(self) -> str:
        import hashlib

        blob = self.data.model_dump_json().encode()
        return "sha256:" + hashlib.sha256(blob).hexdigest()[:16]


def _effect_maps(q: LikertQuestion | SingleQuestion | MultiQuestion) -> list[dict[str, float]]:
    return [q.effects] if isinstance(q, LikertQuestion) else [o.effects for o in q.options]


def moved_dimensions(q: LikertQuestion | SingleQuestion | MultiQuestion) -> set[str]:
    """The dimensions some answer to a question moves (an effect above 0)."""
    return {d for effects in _effect_maps(q) for d, w in effects.items() if w > 0}


@dataclass(frozen=True)
class ProfileSet:
    """The dimension catalogue and the role profiles weighted over it, sorted by role id."""

    dimensions: tuple[Dimension, ...]
    profiles: tuple[Profile, ...]
    directory: Path
    vocabulary: VocabularyFile | None = None

    @property
    def dimension_ids(self) -> list[str]:
        return [d.id for d in self.dimensions]

    @property
    def role_ids(self) -> list[str]:
        return [p.id for p in self.profiles]

    def dimension(self, did: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == did)

    def profile(self, rid: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == rid), None)

    def weight_rows(self) -> list[list[float]]:
        """The profile matrix as lists (rows: roles by id, columns: dimensions in order)."""
        ids = self.dimension_ids
        return [[p.weights.get(d, 0.0) for d in ids] for p in self.profiles]

    def pairwise_similarity(self) -> list[list[float]]:
        rows = self.weight_rows()
        return [[_cosine(a, b) for b in rows] for a in rows]


@dataclass(frozen=True)
class Content:
    """A questionnaire and the profiles it is scored against, checked together."""

    questionnaire: Questionnaire
    profiles: ProfileSet


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(x * x for x in b))
    if na == 0 or nb == 0:
        return 0.0
    return sum(x * y for x, y in zip(a, b, strict=True)) / (na * nb)


# --------------------------------------------------------------------------- locations


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def default_questionnaire_path() -> Path:
    """The shipped questionnaire: inside the wheel, or in the repository for editable installs."""
    for base in (_package_dir(), _package_dir().parent):
        candidate = base / "questionnaires" / "default.yaml"
        if candidate.is_file():
            return candidate
    return _package_dir() / "questionnaires" / "default.yaml"


def default_profiles_dir() -> Path:
    for base in (_package_dir(), _package_dir().parent):
        candidate = base / "profiles"
        if (candidate / DIMENSIONS_FILE).is_file():
            return candidate
    return _package_dir() / "profiles"


# --------------------------------------------------------------------------- pydantic errors


def _unwrap(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return tp


def _model_at(root: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class found by following ``loc`` from ``root`` (for listing valid keys)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        elif origin in (typing.Union, types.UnionType):
            members = [_unwrap(a) for a in typing.get_args(current)]
            match = [m for m in members if _tag(m) == part]
            if not match:
                return None
            current = match[0]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _tag(model: Any) -> str | None:
    if isinstance(model, type) and issubclass(model, BaseModel) and "type" in model.model_fields:
        args = typing.get_args(model.model_fields["type"].annotation)
        return str(args[0]) if args else None
    return None


def key_path(loc: Sequence[int | str]) -> str:
    """``('questions', 3, 'likert', 'effects', 'sqll')`` -> ``questions[3].effects.sqll``."""
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(previous, int) and part in QUESTION_TYPES:
            pass  # the discriminator tag pydantic inserts; not a key in the file
        elif part == "[key]":
            pass  # pydantic's marker for "the key itself", already named
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def problems_from_validation(
    path: Path, root: type[BaseModel], exc: ValidationError, prefix: str = ""
) -> list[Problem]:
    found: list[Problem] = []
    for err in exc.errors():
        loc = list(err["loc"])
        kp = key_path([*([prefix] if prefix else []), *loc])
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            parent = _model_at(root, [p for p in loc[:-1]])
            choices = list(parent.model_fields) if parent else []
            found.append(problem(path, kp, "unknown key", value, choices=choices))
        elif kind == "missing":
            found.append(problem(path, kp, "required key is missing"))
        elif kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
            found.append(problem(path, kp, "must be a number from 0 to 1", value))
        elif kind == "union_tag_invalid":
            found.append(
                problem(path, kp + ".type", "unknown question type", value.get("type")
                        if isinstance(value, dict) else value, choices=QUESTION_TYPES)
            )
        elif kind == "union_tag_not_found":
            found.append(problem(path, kp + ".type", "required key is missing",
                                 choices=QUESTION_TYPES))
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ",").split(",")]
            found.append(problem(path, kp, "not an allowed value", value, choices=choices))
        elif kind == "string_pattern_mismatch":
            found.append(
                problem(path, kp, "must be an id: lower-case letters, digits, '-' or '_', "
                        "starting with a letter", value)
            )
        elif kind == "model_type" or kind == "dict_type":
            found.append(problem(path, kp, "must be a mapping of keys to values", value))
        elif kind == "list_type":
            found.append(problem(path, kp, "must be a list", value))
        else:
            found.append(problem(path, kp, err["msg"][0].lower() + err["msg"][1:], value))
    return found


def _validate(path: Path, model: type[BaseModel], data: Any) -> tuple[Any, list[Problem]]:
    if data is None:
        return None, [problem(path, "", "is empty")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from_validation(path, model, exc)


# --------------------------------------------------------------------------- loading


def _suggest(value: str, valid: Iterable[str]) -> tuple[str, list[str]]:
    valid = list(valid)
    close = difflib.get_close_matches(value, valid, n=3, cutoff=0.6)
    if close:
        return f"unknown dimension; did you mean {close[0]!r}?", close
    return "unknown dimension", valid


def _duplicates(path: Path, items: Sequence[Any], where: str) -> list[Problem]:
    seen: dict[str, int] = {}
    found = []
    for i, item in enumerate(items):
        if item.id in seen:
            found.append(
                problem(path, f"{where}[{i}].id",
                        f"duplicate id, already used at {where}[{seen[item.id]}]", item.id)
            )
        else:
            seen[item.id] = i
    return found


def _parse_dimensions(directory: Path) -> tuple[DimensionsFile | None, list[Problem]]:
    path = directory / DIMENSIONS_FILE
    if not directory.is_dir():
        return None, [problem(directory, "", "profiles folder not found")]
    dims, found = _validate(path, DimensionsFile, read_yaml(path))
    if dims is not None:
        found += _duplicates(path, dims.dimensions, "dimensions")
    return dims, found


def _profile_files(directory: Path) -> list[Path]:
    """The role profiles of a folder: its ``*.yaml`` (but the two catalogues) and ``*.yml``."""
    files = sorted(p for p in directory.glob("*.yaml")
                   if p.name not in (DIMENSIONS_FILE, VOCABULARY_FILE))
    return files + sorted(directory.glob("*.yml"))


def _parse_profiles(directory: Path) -> tuple[list[tuple[Path, Profile]], list[Problem]]:
    loaded: list[tuple[Path, Profile]] = []
    found: list[Problem] = []
    files = _profile_files(directory)
    if len(files) < 2:
        found.append(problem(directory, "",
                             f"needs at least two profile files, found {len(files)}"))
    for path in files:
        try:
            data = read_yaml(path)
        except ContentError as exc:
            found += exc.problems
            continue
        profile, errs = _validate(path, Profile, data)
        found += errs
        if profile is not None:
            if profile.id != path.stem:
                found.append(problem(path, "id", f"must match the file name {path.stem!r}",
                                     profile.id, choices=[path.stem]))
            loaded.append((path, profile))
    return loaded, found


def _check_profiles(
    dims_path: Path, dims: DimensionsFile, loaded: list[tuple[Path, Profile]], complete: bool
) -> list[Problem]:
    found: list[Problem] = []
    dim_ids = [d.id for d in dims.dimensions]
    # a profile that failed to parse still names a role (its file name): no cascading errors
    role_ids = {p.id for _, p in loaded} | {
        path.stem for path in dims_path.parent.glob("*.yaml")
        if path.name not in (DIMENSIONS_FILE, VOCABULARY_FILE)
    }
    seen: dict[str, Path] = {}
    for path, prof in loaded:
        if prof.id in seen:
            found.append(problem(path, "id", f"duplicate role id, also in {seen[prof.id].name}",
                                 prof.id))
        seen[prof.id] = path
        for d in prof.weights:
            if d not in dim_ids:
                msg, choices = _suggest(d, dim_ids)
                found.append(problem(path, f"weights.{d}", msg, d, choices=choices))
        if not any(w >= MIN_TOP_WEIGHT for w in prof.weights.values()):
            found.append(problem(path, "weights",
                                 f"needs at least one weight of {MIN_TOP_WEIGHT} or more",
                                 max(prof.weights.values())))
        for i, c in enumerate(prof.differs_from):
            if c.role not in role_ids or c.role == prof.id:
                found.append(problem(path, f"differs_from[{i}].role", "unknown role", c.role,
                                     choices=sorted(role_ids - {prof.id})))
    for i, dim in enumerate(dims.dimensions if complete else ()):
        if not any(p.weights.get(dim.id, 0.0) > 0 for _, p in loaded):
            found.append(problem(dims_path, f"dimensions[{i}].id",
                                 "is not weighted by any profile", dim.id))
    rows = [(path, p, [p.weights.get(d, 0.0) for d in dim_ids]) for path, p in loaded]
    for i, (pa, a, va) in enumerate(rows):
        for pb, b, vb in rows[i + 1:]:
            sim = _cosine(va, vb)
            if sim >= NEAR_DUPLICATE_COSINE:
                found.append(problem(pb, "weights",
                                     f"near-duplicate of {pa.name}: cosine {sim:.3f} between "
                                     f"{a.id!r} and {b.id!r} (must be below "
                                     f"{NEAR_DUPLICATE_COSINE:.2f})", b.id))
    return found


def load_profiles(directory: str | Path | None = None, vocabulary: bool = False) -> ProfileSet:
    """Load ``dimensions.yaml`` and every role profile in a folder, or raise ContentError.

    With ``vocabulary``, also ``vocabulary.yaml`` (only ``decode`` and ``validate`` need it;
    the quiz does not pay for reading it).
    """
    directory = Path(directory) if directory is not None else default_profiles_dir()
    dims, found = _parse_dimensions(directory)
    loaded, errs = _parse_profiles(directory) if directory.is_dir() else ([], [])
    found += errs
    if dims is not None:
        found += _check_profiles(directory / DIMENSIONS_FILE, dims, loaded, complete=not errs)
    vocab = None
    if vocabulary and dims is not None:
        if (directory / VOCABULARY_FILE).exists():
            vocab, errs = _parse_vocabulary(directory / VOCABULARY_FILE,
                                            [d.id for d in dims.dimensions])
            found += errs
        else:
            found.append(problem(directory / VOCABULARY_FILE, "", "file not found"))
    if found or dims is None:
        raise ContentError(found)
    profiles = tuple(sorted((p for _, p in loaded), key=lambda p: p.id))
    return ProfileSet(tuple(dims.dimensions), profiles, directory, vocab)


def load_vocabulary(profiles: ProfileSet) -> VocabularyFile:
    """The vocabulary beside these profiles (already loaded, or read and checked now)."""
    if profiles.vocabulary is not None:
        return profiles.vocabulary
    path = profiles.directory / VOCABULARY_FILE
    if not path.exists():
        raise ContentError([problem(path, "", "file not found; decode needs a vocabulary")])
    vocab, found = _parse_vocabulary(path, profiles.dimension_ids)
    if found or vocab is None:
        raise ContentError(found)
    return vocab


def _parse_vocabulary(path: Path, dim_ids: list[str]) -> tuple[VocabularyFile | None,
                                                               list[Problem]]:
    try:
        data = read_yaml(path)
    except ContentError as exc:
        return None, list(exc.problems)
    vocab, found = _validate(path, VocabularyFile, data)
    if vocab is None:
        return None, found
    found += _duplicates(path, vocab.terms, "terms")
    for i, term in enumerate(vocab.terms):
        for d in term.effects:
            if d not in dim_ids:
                msg, choices = _suggest(d, dim_ids)
                found.append(problem(path, f"terms[{i}].effects.{d}", msg, d, choices=choices))
        if not (term.names or term.en or term.fr or term.exact):
            found.append(problem(path, f"terms[{i}]", "needs at least one name or phrase",
                                 term.id))
    return vocab, found


def _check_questionnaire(path: Path, qf: QuestionnaireFile, dim_ids: list[str]) -> list[Problem]:
    found: list[Problem] = []
    found += _duplicates(path, qf.sections, "sections")
    found += _duplicates(path, qf.questions, "questions")
    section_ids = [s.id for s in qf.sections]
    for name, scale in qf.scales.items():
        if len(scale.points) < 2:
            found.append(problem(path, f"scales.{name}", "needs at least two points",
                                 len(scale.points)))
    for i, q in enumerate(qf.questions):
        where = f"questions[{i}]"
        if q.section not in section_ids:
            found.append(problem(path, f"{where}.section", "unknown section", q.section,
                                 choices=section_ids))
        if isinstance(q, LikertQuestion):
            if q.scale not in qf.scales:
                found.append(problem(path, f"{where}.scale", "unknown scale", q.scale,
                                     choices=list(qf.scales)))
            effect_maps = [(f"{where}.effects", q.effects)]
        else:
            found += _duplicates(path, q.options, f"{where}.options")
            for j, o in enumerate(q.options):
                if o.neutral and o.effects:
                    found.append(problem(path, f"{where}.options[{j}].effects",
                                         "a neutral option counts as a skip: it can have no "
                                         "effects", o.effects))
                if o.neutral and isinstance(q, MultiQuestion):
                    found.append(problem(path, f"{where}.options[{j}].neutral",
                                         "only a single question can have a neutral option "
                                         "(ticking nothing already says none)", o.neutral))
            effect_maps = [(f"{where}.options[{j}].effects", o.effects)
                           for j, o in enumerate(q.options)]
            if not moved_dimensions(q):
                found.append(problem(path, f"{where}.options", "no option moves any dimension"))
        for kp, effects in effect_maps:
            for d in effects:
                if d not in dim_ids:
                    msg, choices = _suggest(d, dim_ids)
                    found.append(problem(path, f"{kp}.{d}", msg, d, choices=choices))
    return found


def load_questionnaire(
    path: str | Path | None = None, profiles: ProfileSet | None = None
) -> Questionnaire:
    """Load and validate a questionnaire; with ``profiles``, also check it against them."""
    path = Path(path) if path is not None else default_questionnaire_path()
    qf, found = _validate(path, QuestionnaireFile, read_yaml(path))
    if qf is not None and profiles is not None:
        found += _check_questionnaire(path, qf, profiles.dimension_ids)
        found += _unused_dimensions(path, qf, profiles)
    elif qf is not None:
        named = {d for q in qf.questions for effects in _effect_maps(q) for d in effects}
        found += _check_questionnaire(path, qf, sorted(named))
    if found or qf is None:
        raise ContentError(found)
    return Questionnaire(qf, path)


def _unused_dimensions(path: Path, qf: QuestionnaireFile, profiles: ProfileSet) -> list[Problem]:
    moved = {d for q in qf.questions for d in moved_dimensions(q)}
    dims_path = profiles.directory / DIMENSIONS_FILE
    return [
        problem(dims_path, f"dimensions[{i}].id", f"is not moved by any question in {path.name}",
                d.id)
        for i, d in enumerate(profiles.dimensions)
        if d.id not in moved
    ]


def load_content(
    questionnaire: str | Path | None = None, profiles: str | Path | None = None,
    vocabulary: bool = False,
) -> Content:
    """Load profiles and a questionnaire and check them together; report every problem."""
    found: list[Problem] = []
    profile_set: ProfileSet | None = None
    try:
        profile_set = load_profiles(profiles, vocabulary)
    except ContentError as exc:
        found += exc.problems
    try:
        q = load_questionnaire(questionnaire, profile_set)
    except ContentError as exc:
        found += exc.problems
    if found or profile_set is None:
        raise ContentError(found)
    return Content(q, profile_set)


# --------------------------------------------------------------------------- warnings


STOP_WORDS = frozenset({
    "a", "an", "and", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with",
    "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
    "pour", "sur", "un", "une",
})
"""Words nearly every posting holds: a vocabulary name made only of these matches all."""


def content_warnings(content: Content) -> list[Problem]:
    """What loads but is probably a mistake, one Problem each: ``rolematch validate`` prints
    them as warnings, and refuses them with ``--strict``."""
    q, ps = content.questionnaire, content.profiles
    found = unread_profile_files(ps.directory)
    found += _questionnaire_warnings(q.path, q.data)
    if ps.vocabulary is not None:
        found += _vocabulary_warnings(ps.directory / VOCABULARY_FILE, ps.vocabulary)
    return found


def unread_profile_files(directory: Path) -> list[Problem]:
    """Files in a profiles folder that loading leaves out: a role saved as ``.YAML``,
    ``.yml.bak`` or ``.txt`` would otherwise be missing without a word. Hidden files and
    folders are not listed."""
    try:
        entries = sorted(directory.iterdir())
        read = {*_profile_files(directory), directory / DIMENSIONS_FILE,
                directory / VOCABULARY_FILE}
    except OSError:
        return []
    return [
        problem(path, "", "is not read: only files ending in .yaml or .yml (lower case) are "
                "read as role profiles")
        for path in entries
        if path not in read and not path.name.startswith(".") and path.is_file()
    ]


def _questionnaire_warnings(path: Path, qf: QuestionnaireFile) -> list[Problem]:
    found: list[Problem] = []
    used = {q.section for q in qf.questions}
    for i, section in enumerate(qf.sections):
        if section.id not in used:
            found.append(problem(path, f"sections[{i}].id", "has no question", section.id))
    for i, q in enumerate(qf.questions):
        if isinstance(q, LikertQuestion):
            if not any(w > 0 for w in q.effects.values()):
                found.append(problem(path, f"questions[{i}].effects",
                                     "moves no dimension: every effect is 0", q.effects))
            continue
        for j, o in enumerate(q.options):
            if not o.neutral and not any(w > 0 for w in o.effects.values()):
                found.append(problem(path, f"questions[{i}].options[{j}].effects",
                                     "moves no dimension: no effect above 0", o.effects))
    return found


ALIAS_KINDS = ("names", "en", "fr", "exact")
"""The lists of a term that a posting's words are matched against, in decode's order."""


def _vocabulary_warnings(path: Path, vocab: VocabularyFile) -> list[Problem]:
    """Names that never match, that match nearly everything, or that two terms share."""
    found: list[tuple[tuple[int, int, int], Problem]] = []
    listed: dict[tuple[str, ...], list[tuple[bool, int, int, int, str]]] = {}
    for i, term in enumerate(vocab.terms):
        for n, kind in enumerate((*ALIAS_KINDS, "context")):
            for k, text in enumerate(getattr(term, kind)):
                where, order, tokens = f"terms[{i}].{kind}[{k}]", (i, n, k), words(text)
                context = kind == "context"
                if not tokens:
                    why = "has no letter or digit decode can read (a-z, 0-9), so " + (
                        "the context check nearly always passes" if context
                        else "it never matches")
                    found.append((order, problem(path, where, why, text)))
                elif all(t in STOP_WORDS for t in tokens):
                    why = "is only common words, so " + (
                        "the context check nearly always passes" if context
                        else "it matches nearly every posting")
                    found.append((order, problem(path, where, why, text)))
                elif not context:
                    listed.setdefault(tokens, []).append((kind == "exact", i, n, k, text))
    for entries in listed.values():
        # decode tries a name before an exact one, then the first term listed
        first = min(entries)
        first_where = f"terms[{first[1]}].{ALIAS_KINDS[first[2]]}[{first[3]}]"
        for _, i, n, k, text in entries:
            if i != first[1]:
                found.append(((i, n, k), problem(
                    path, f"terms[{i}].{ALIAS_KINDS[n]}[{k}]",
                    f"is also listed under {first_where} ({vocab.terms[first[1]].id!r}), "
                    "which decode tries first", text)))
    return [p for _, p in sorted(found, key=lambda item: item[0])]


def published_schema(model: type[BaseModel], kind: str) -> dict[str, Any]:
    """The JSON Schema of a file kind, generated from its model, as ``rolematch schema``
    publishes it."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rolematch.example/schema/{kind}.json"
    return schema


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one content file kind."""
    return published_schema(SCHEMA_MODELS[kind], kind)
