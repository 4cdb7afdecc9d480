"""Content as validated data: dimensions, role profiles and questionnaires.

Loading reads every file once, then each file's data is checked by its rules: the pydantic
models of ``engine.rules``, which forbid unknown keys and report every problem found (file,
key path, bad value, valid choices), not just the first. What they accept becomes the plain,
frozen classes below (same names and fields as the models), and the files are then checked
across each other here (unknown dimensions and roles, duplicate ids, near-duplicate
profiles...). Those checks read each file's data through ``_Part``, which knows what the
rules refused: a file refused for one mistake is still checked for the others, and a check
that would read a refused part is left out rather than report a mistake that is not there.

A start on content already accepted once (the same bytes, the same rolematch) takes the
accepted data from the content cache (``engine.cache``) instead of running the rules again,
so it imports neither pydantic nor yaml; the checks across files run either way. A file
that is not exactly as it was is validated again: nothing is accepted that the rules did
not accept.

Rules on values, besides the models' shapes (see ``engine.rules``):

- A weight or effect is a YAML number (int or float) from 0 to 1: not ``true``, not a quoted
  ``"0.5"``, not ``.nan`` or ``.inf``. A profile needs at least one weight of
  ``MIN_TOP_WEIGHT`` (0.01) or more, so its cosine means something (with only tiny weights,
  say 1e-200, the norm underflows and every score is about 0).
- Text a terminal may print holds no control character (C0, DEL, C1, Unicode line
  separators, bidirectional overrides): one-line fields (titles, labels, names, tools...)
  not even a line break or a tab; paragraphs (``LongText``: intros, descriptions, a typical
  day...) may hold line breaks and tabs, which the renderers fold.

``content_warnings`` finds what is legal but probably a mistake (``rolematch validate``
prints it; ``--strict`` refuses it).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, dataclass_transform

from engine import cache
from engine.errors import ContentError, Loc, Problem, item, problem, unknown
from engine.i18n import french_spacing
from engine.questions import QuestionType, question_type
from engine.readers import decode_text, parse_yaml, read_bytes
from engine.words import tokens as words

LANGS: tuple[str, ...] = ("en", "fr")
NEAR_DUPLICATE_COSINE = 0.90
DIMENSIONS_FILE = "dimensions.yaml"
VOCABULARY_FILE = "vocabulary.yaml"

MIN_TOP_WEIGHT = 0.01
"""A profile's largest weight is at least this, so that its cosine is meaningful."""

# The content as the program uses it: what the rules (engine.rules) accepted, as plain frozen
# records with the models' names and fields. Defining them costs next to nothing (a
# dataclass costs half a millisecond each, a pydantic model far more): they are defined on
# every start.


@dataclass_transform(kw_only_default=True, frozen_default=True)
class _Record:
    """A frozen record: every field given by name, compared, hashed and shown field by field
    (a dataclass's behaviour, without its cost at import)."""

    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            for name, kind in vars(klass).get("__annotations__", {}).items():
                if not str(kind).startswith("ClassVar") and name not in names:
                    names.append(name)
        cls._fields = tuple(names)

    def __init__(self, **values: Any) -> None:
        for name in self._fields:
            try:
                object.__setattr__(self, name, values.pop(name))
            except KeyError:
                raise TypeError(f"{type(self).__name__}: missing field {name!r}") from None
        if values:
            raise TypeError(f"{type(self).__name__}: unknown fields {sorted(values)}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Record) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


class Text(_Record):
    """A one-line text (a title, a label) in every supported language."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return french_spacing(self.fr) if lang == "fr" else self.en


class LongText(Text):
    """A paragraph in every supported language: line breaks allowed (renderers fold them)."""


# --------------------------------------------------------------------------- dimensions


class Dimension(_Record):
    """A named axis of the vector space: a skill, a tool family or a work preference."""

    id: str
    group: Literal["skill", "tool", "preference"]
    label: Text
    description: LongText


class DimensionsFile(_Record):
    """``profiles/dimensions.yaml``: the catalogue every question and profile refers to."""

    dimensions: list[Dimension]


# --------------------------------------------------------------------------- profiles


class Contrast(_Record):
    """How a role differs from one of its nearest neighbours."""

    role: str
    text: LongText


class Source(_Record):
    """Where a claim in a profile comes from (a seed note, O*NET, ESCO...)."""

    source: str
    supports: str


class Profile(_Record):
    """One role: what it is, what a day looks like, and its weights over the dimensions."""

    id: str
    title: Text
    other_titles: list[str]
    objective: LongText
    key_skills: list[Text]
    typical_tools: list[Text]
    deliverables: list[Text]
    typical_day: LongText
    questions_to_ask: list[Text]
    differs_from: list[Contrast]
    sources: list[Source]
    weights: dict[str, float]

    def tools(self, lang: str) -> list[str]:
        """The typical tools as ``lang`` reads them (a name is the same in every language)."""
        return [x.get(lang) for x in self.typical_tools]


# --------------------------------------------------------------------------- questionnaire


class Section(_Record):
    id: str
    title: Text


class Option(_Record):
    """One choice of a single or multi question, and how it moves the dimensions."""

    id: str
    label: Text
    description: LongText | None
    effects: dict[str, float]
    neutral: bool
    """An answer that says nothing about the person: no effects, counted as a skip."""


class Scale(_Record):
    """A likert scale: its points, lowest first, and how a point counts (``level``: from 0
    to 1; ``preference``: from -1 to 1, the middle point a skip; see engine.questions)."""

    kind: Literal["level", "preference"]
    points: list[Text]


class _QuestionBase(_Record):
    id: str
    section: str
    text: LongText
    label: Text | None
    help: LongText | None


class LikertQuestion(_QuestionBase):
    """Answered on a named scale; how a point moves each effect depends on the scale's kind."""

    type: ClassVar[Literal["likert"]] = "likert"
    scale: str
    effects: dict[str, float]


class SingleQuestion(_QuestionBase):
    """Exactly one option."""

    type: ClassVar[Literal["single"]] = "single"
    options: list[Option]


class MultiQuestion(_QuestionBase):
    """Any number of options, none included."""

    type: ClassVar[Literal["multi"]] = "multi"
    options: list[Option]


Question = LikertQuestion | SingleQuestion | MultiQuestion


class QuestionnaireFile(_Record):
    """A questionnaire: scales, sections and questions, all text in English and French."""

    id: str
    version: str
    title: Text
    intro: LongText
    scales: dict[str, Scale]
    sections: list[Section]
    questions: list[Question]


# --------------------------------------------------------------------------- vocabulary


class Term(_Record):
    """Words in job postings that point at dimensions (for ``rolematch decode``)."""

    id: str
    kind: Literal["tool", "skill", "activity"]
    label: Text
    names: list[str]
    en: list[str]
    fr: list[str]
    exact: list[str]
    context: list[str]
    effects: dict[str, float]


class BlendPart(_Record):
    """One of the halves a blended role joins: dimensions a posting must ask for."""

    label: Text
    dimensions: list[str]


class Blend(_Record):
    """A role that joins others' work (MLOps: machine learning and operations), for
    ``decode`` and ``fit``: one evidence dimension, the weakest part's length in the posting's
    vector, that the blended role weighs by ``weight`` and each role of ``counts_against``
    (the roles whose work is one of the parts) by minus its value: a posting that asks for
    both parts together describes the blend more, and each of its halves less."""

    id: str
    role: str
    label: Text
    weight: float
    parts: list[BlendPart]
    counts_against: dict[str, float]


class VocabularyFile(_Record):
    """``profiles/vocabulary.yaml``: the words ``decode`` recognises, and the roles that
    join others (``blends``)."""

    terms: list[Term]
    blends: list[Blend]


# --------------------------------------------------------------------------- from accepted data
# Each takes what a model of engine.rules accepted (its model_dump, or the same read back
# from the cache) and builds the plain classes above.


def _text(d: dict[str, Any]) -> Text:
    return Text(en=d["en"], fr=d["fr"])


def _long(d: dict[str, Any]) -> LongText:
    return LongText(en=d["en"], fr=d["fr"])


def _long_or_none(d: dict[str, Any] | None) -> LongText | None:
    return None if d is None else _long(d)


def _text_or_none(d: dict[str, Any] | None) -> Text | None:
    return None if d is None else _text(d)


def _dimensions_file(d: dict[str, Any]) -> DimensionsFile:
    return DimensionsFile(dimensions=[
        Dimension(id=x["id"], group=x["group"], label=_text(x["label"]),
                  description=_long(x["description"]))
        for x in d["dimensions"]])


def _profile(d: dict[str, Any]) -> Profile:
    return Profile(
        id=d["id"], title=_text(d["title"]), other_titles=list(d["other_titles"]),
        objective=_long(d["objective"]), key_skills=[_text(x) for x in d["key_skills"]],
        typical_tools=[_text(x) for x in d["typical_tools"]],
        deliverables=[_text(x) for x in d["deliverables"]], typical_day=_long(d["typical_day"]),
        questions_to_ask=[_text(x) for x in d["questions_to_ask"]],
        differs_from=[Contrast(role=x["role"], text=_long(x["text"])) for x in d["differs_from"]],
        sources=[Source(source=x["source"], supports=x["supports"]) for x in d["sources"]],
        weights=dict(d["weights"]),
    )


def _option(d: dict[str, Any]) -> Option:
    return Option(id=d["id"], label=_text(d["label"]),
                  description=_long_or_none(d["description"]), effects=dict(d["effects"]),
                  neutral=bool(d["neutral"]))


def _question(d: dict[str, Any]) -> Question:
    common = {"id": d["id"], "section": d["section"], "text": _long(d["text"]),
              "label": _text_or_none(d["label"]), "help": _long_or_none(d["help"])}
    if d["type"] == "likert":
        return LikertQuestion(**common, scale=d["scale"], effects=dict(d["effects"]))
    options = [_option(o) for o in d["options"]]
    if d["type"] == "single":
        return SingleQuestion(**common, options=options)
    if d["type"] == "multi":
        return MultiQuestion(**common, options=options)
    raise ValueError(f"unknown question type {d['type']!r}")


def _questionnaire_file(d: dict[str, Any]) -> QuestionnaireFile:
    return QuestionnaireFile(
        id=d["id"], version=d["version"], title=_text(d["title"]), intro=_long(d["intro"]),
        scales={name: Scale(kind=scale["kind"], points=[_text(x) for x in scale["points"]])
                for name, scale in d["scales"].items()},
        sections=[Section(id=x["id"], title=_text(x["title"])) for x in d["sections"]],
        questions=[_question(x) for x in d["questions"]],
    )


def _vocabulary_file(d: dict[str, Any]) -> VocabularyFile:
    return VocabularyFile(terms=[
        Term(id=x["id"], kind=x["kind"], label=_text(x["label"]), names=list(x["names"]),
             en=list(x["en"]), fr=list(x["fr"]), exact=list(x["exact"]),
             context=list(x["context"]), effects=dict(x["effects"]))
        for x in d["terms"]], blends=[
        Blend(id=x["id"], role=x["role"], label=_text(x["label"]), weight=float(x["weight"]),
              parts=[BlendPart(label=_text(part["label"]), dimensions=list(part["dimensions"]))
                     for part in x["parts"]],
              counts_against=dict(x["counts_against"]))
        for x in d["blends"]])


_BUILD: dict[str, Callable[[dict[str, Any]], Any]] = {
    "questionnaire": _questionnaire_file,
    "profile": _profile,
    "dimensions": _dimensions_file,
    "vocabulary": _vocabulary_file,
}
"""For each file kind (a key of engine.rules.SCHEMA_MODELS), its plain class from its data."""

# --------------------------------------------------------------------------- loaded content


@dataclass(frozen=True)
class Questionnaire:
    """A validated questionnaire, the file it came from and the hash of its meaning."""

    data: QuestionnaireFile
    path: Path
    digest: str

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
        """A stable hash of the questionnaire's meaning (not its formatting): saved results
        and resume files carry it (see ``engine.rules.validate``)."""
        return self.digest


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



# --------------------------------------------------------------------------- reading


class _Reading:
    """The files of one load, each read once, and what the rules accept of each.

    The bytes read here are the bytes validated and the bytes the content cache is keyed by.
    When the cache has an entry for exactly these files, each file's accepted data comes from
    it; otherwise each file is parsed and checked by its model (engine.rules), and
    ``finish`` stores what was accepted when the whole load was.
    """

    def __init__(self, unit: str, location: Path, paths: Iterable[Path]) -> None:
        self.blobs: dict[Path, bytes | ContentError] = {}
        for path in paths:
            try:
                self.blobs[path] = read_bytes(path, ContentError)
            except ContentError as exc:  # reported where the file is checked
                self.blobs[path] = exc
        files = [(p.name, b) for p, b in self.blobs.items() if isinstance(b, bytes)]
        self.entry = cache.entry_name(unit, location)
        self.key = cache.key(unit, files) if len(files) == len(self.blobs) else None
        stored = cache.load(self.entry, self.key)
        self.stored: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self.accepted: dict[str, dict[str, Any]] = {}

    def check(self, path: Path, kind: str) -> tuple[Any, _Part, list[Problem]]:
        """One file's content as plain classes, or None and every problem the rules find;
        with the file's data as the checks across files read it (``_Part``), refused or not.
        A file that cannot be read or is not plain YAML raises ContentError, as reading it
        does."""
        stored = self.stored.get(path.name)
        if isinstance(stored, dict) and stored.get("kind") == kind:
            try:
                value = _BUILD[kind](stored["data"])
                if not isinstance(stored["hash"], str):
                    raise TypeError("hash")
            except Exception:  # noqa: BLE001 - not what this code stores: check the file
                pass
            else:
                self.accepted[path.name] = stored
                return value, _Part(stored["data"]), []
        blob = self.blobs.get(path)
        if blob is None:
            blob = self.blobs[path] = read_bytes(path, ContentError)
        if isinstance(blob, ContentError):
            raise ContentError(blob.problems)
        data = parse_yaml(blob, path)
        from engine.rules import validate  # pydantic: only for files not in the cache

        record, found, (refused, unknown_key_in) = validate(path, kind, data)
        if record is None:
            return None, _Part(data, refused, unknown_key_in), found
        record["kind"] = kind
        self.accepted[path.name] = record
        return _BUILD[kind](record["data"]), _Part(record["data"]), []

    def hash_of(self, path: Path) -> str:
        """The hash of the meaning of a file accepted by ``check`` (see engine.rules)."""
        return str(self.accepted[path.name]["hash"])

    def finish(self, found: list[Problem]) -> list[Problem]:
        """Store what was accepted, when the whole load was and the cache did not have it;
        the problems found, each with its line in the file where it can be told."""
        if found:
            return with_lines(found, self.blobs)
        if self.key is None or self.accepted == self.stored:
            return found
        if set(self.accepted) == {p.name for p in self.blobs}:
            cache.store(self.entry, self.key, self.accepted)
        return found


def with_lines(found: list[Problem], blobs: dict[Path, bytes | ContentError] | None = None
               ) -> list[Problem]:
    """The problems, each that has a key path (``loc``) with the line it leads to in its
    file: from ``blobs`` (the bytes a load read), or read again. Only for problems to show:
    it parses the YAML again (a load that finds nothing wrong never pays for it)."""
    wanted: dict[str, list[int]] = {}
    for i, p in enumerate(found):
        if p.loc and p.at_line is None:
            wanted.setdefault(p.file, []).append(i)
    if not wanted:
        return found
    import dataclasses

    from engine.plain_yaml import lines_at

    read = {str(path): blob for path, blob in (blobs or {}).items() if isinstance(blob, bytes)}
    out = list(found)
    for file, indices in wanted.items():
        try:
            blob = read.get(file)
            if blob is None:
                blob = read_bytes(Path(file), ContentError)
            text = decode_text(blob, Path(file), ContentError)
        except ContentError:
            continue
        for i, line in zip(indices, lines_at(text, [found[i].loc for i in indices]),
                           strict=True):
            if line is not None:
                out[i] = dataclasses.replace(found[i], at_line=line)
    return out


class _Key:
    """A key path both as a person reads it (``questions[3] (tools).options``) and as data
    (``("questions", 3, "options")``, to find its line)."""

    __slots__ = ("loc", "text")

    def __init__(self, text: str = "", loc: Loc = ()) -> None:
        self.text, self.loc = text, loc

    def __str__(self) -> str:
        return self.text

    def key(self, name: str) -> _Key:
        return _Key(f"{self.text}.{name}" if self.text else name, (*self.loc, name))

    def item(self, index: int, item_id: object = None) -> _Key:
        return _Key(item(self.text, index, item_id), (*self.loc, index))


def _problem(path: Path, at: _Key, message: str, *value: object,
             choices: Iterable[str] = ()) -> Problem:
    return problem(path, at.text, message, *value, choices=choices, loc=at.loc)


def _root(*names: str) -> _Key:
    at = _Key()
    for name in names:
        at = at.key(name)
    return at


class _Refused:
    """What a check reads where the rules refused a file's data, or where it is missing."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "REFUSED"


_REFUSED: Any = _Refused()


class _Part:
    """One file's data as the checks across files read it: what the rules accepted, or the
    file's own data with the parts the rules refused known (``engine.rules.validate``).

    A check reads only what it needs, so a refused file is still checked wherever its
    mistakes are not, and never where they are: a duplicate id is found beside a missing
    text, and a map of weights with one bad number is not checked for its largest weight.
    """

    __slots__ = ("_below", "_unknown_key_in", "data", "refused")

    def __init__(self, data: Any, refused: Iterable[Loc] = (),
                 unknown_key_in: Iterable[Loc] = ()) -> None:
        self.data = data
        self.refused = frozenset(refused)
        self._unknown_key_in = frozenset(unknown_key_in)
        # every key path with something refused at it or inside it
        self._below = frozenset(loc[:n] for loc in (*self.refused, *self._unknown_key_in)
                                for n in range(len(loc) + 1))

    def at(self, key: _Key, default: Any = _REFUSED) -> Any:
        """The value at a key path; _REFUSED where it, or a list or mapping holding it, was
        refused or is not there. A key left out is ``default`` (a model's default), unless
        its mapping has an unknown key, which may be it misspelt."""
        loc, value = key.loc, self.data
        if self.refused and any(loc[:n] in self.refused for n in range(len(loc) + 1)):
            return _REFUSED
        for n, part in enumerate(loc):
            if isinstance(part, int):
                if not isinstance(value, list) or not 0 <= part < len(value):
                    return _REFUSED
                value = value[part]
            elif not isinstance(value, dict):
                return _REFUSED
            elif part in value:
                value = value[part]
            else:
                last = n == len(loc) - 1
                return default if last and loc[:n] not in self._unknown_key_in else _REFUSED
        return value

    def whole(self, key: _Key, default: Any = _REFUSED) -> Any:
        """``at``, and _REFUSED too when anything inside the value was refused."""
        return _REFUSED if key.loc in self._below else self.at(key, default)

    def items(self, key: _Key) -> range:
        """The positions of the list at a key path (none when it was refused)."""
        value = self.at(key, [])
        return range(len(value) if isinstance(value, list) else 0)

    def id_at(self, key: _Key) -> str | None:
        """The id of the list item at a key path, when the rules accept it."""
        value = self.at(key.key("id"))
        return value if isinstance(value, str) else None

    def ids(self, where: _Key) -> list[str] | None:
        """Every id of the list at a key path, or None when one (or the list) was refused."""
        if isinstance(self.at(where), _Refused):
            return None
        ids = [self.id_at(where.item(i)) for i in self.items(where)]
        return None if None in ids else [i for i in ids if i is not None]

    def keys(self, key: _Key) -> list[str]:
        """The keys of a mapping (an effects map, weights) whose entries the rules accept."""
        value = self.at(key, {})
        if not isinstance(value, dict):
            return []
        return [k for k in value
                if isinstance(k, str) and not isinstance(self.at(key.key(k)), _Refused)]

    def numbers(self, key: _Key, default: Any = _REFUSED) -> dict[str, float] | None:
        """A whole map of weights or effects, or None when any of it was refused."""
        value = self.whole(key, default)
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
                for k, v in value.items()):
            return None
        return {k: float(v) for k, v in value.items()}


class _Dimensions:
    """What the checks across files know of the dimension catalogue, refused in part or not:
    ``ids`` is None unless every dimension's id is known (an id missing from it would make
    another file's use of that id look unknown), ``counted`` None unless every group is too."""

    def __init__(self, part: _Part | None) -> None:
        where = _root("dimensions")
        part = part if part is not None else _Part(None, [()])
        self.known: list[tuple[int, str]] = []
        self.groups: dict[str, str] = {}
        complete = groups_known = not isinstance(part.at(where), _Refused)
        for i in part.items(where):
            did = part.id_at(where.item(i))
            group = part.at(where.item(i).key("group"))
            if did is None:
                complete = groups_known = False
                continue
            self.known.append((i, did))
            if isinstance(group, str):
                self.groups[did] = group
            else:
                groups_known = False
        self.ids: list[str] | None = [d for _, d in self.known] if complete else None
        self.counted: list[str] | None = (
            [d for _, d in self.known if self.groups[d] != "preference"] if groups_known
            else None)

    @classmethod
    def of(cls, dimensions: Iterable[Dimension]) -> _Dimensions:
        """The catalogue of dimensions already accepted."""
        return cls(_Part({"dimensions": [{"id": d.id, "group": d.group} for d in dimensions]}))


# --------------------------------------------------------------------------- loading


def _suggest(value: str, valid: Iterable[str], what: str = "dimension") -> tuple[str, list[str]]:
    """An unknown id's message and choices, worded as everywhere (``errors.unknown``); the
    problem line names the value."""
    return unknown(what, value, list(valid), quote=False)


def _duplicates(path: Path, part: _Part, where: _Key) -> list[Problem]:
    seen: dict[str, int] = {}
    found = []
    for i in part.items(where):
        xid = part.id_at(where.item(i))
        if xid is None:
            continue
        if xid in seen:
            found.append(_problem(path, where.item(i, xid).key("id"),
                                  f"duplicate id, already used at {where}[{seen[xid]}]", xid))
        else:
            seen[xid] = i
    return found


def _unknown_dimensions(path: Path, part: _Part, where: _Key, dims: _Dimensions,
                        valid: Sequence[str] | None = None) -> list[Problem]:
    """The keys of a map of weights or effects that name no dimension (each one suggested
    among ``valid``, all dimensions unless told); none when a dimension's id is unknown."""
    if dims.ids is None:
        return []
    found = []
    for d in part.keys(where):
        if d not in dims.ids:
            msg, choices = _suggest(d, dims.ids if valid is None else valid)
            found.append(_problem(path, where.key(d), msg, d, choices=choices))
    return found


def _parse_dimensions(directory: Path, reading: _Reading
                      ) -> tuple[DimensionsFile | None, _Part | None, list[Problem]]:
    path = directory / DIMENSIONS_FILE
    if not directory.is_dir():
        return None, None, [problem(directory, "", "profiles folder not found")]
    try:
        dims, part, found = reading.check(path, "dimensions")
    except ContentError as exc:
        return None, None, list(exc.problems)
    found += _duplicates(path, part, _root("dimensions"))
    return dims, part, found


def _profile_files(directory: Path) -> list[Path]:
    """The role profiles of a folder: its ``*.yaml`` (but the two catalogues) and ``*.yml``."""
    files = sorted(p for p in directory.glob("*.yaml")
                   if p.name not in (DIMENSIONS_FILE, VOCABULARY_FILE))
    return files + sorted(directory.glob("*.yml"))


def _parse_profiles(directory: Path, files: list[Path], reading: _Reading
                    ) -> tuple[list[tuple[Path, Profile]], list[tuple[Path, _Part]],
                               list[Problem], bool]:
    """The profiles accepted, every profile read as the checks across files see it, the
    problems, and whether every profile file could be read (there are at least two)."""
    loaded: list[tuple[Path, Profile]] = []
    parts: list[tuple[Path, _Part]] = []
    found: list[Problem] = []
    complete = len(files) >= 2
    if not complete:
        found.append(problem(directory, "",
                             f"needs at least two profile files, found {len(files)}"))
    for path in files:
        try:
            profile, part, errs = reading.check(path, "profile")
        except ContentError as exc:
            found += exc.problems
            complete = False
            continue
        found += errs
        pid = part.at(_root("id"))
        if isinstance(pid, str) and pid != path.stem:
            found.append(problem(path, "id", f"must match the file name {path.stem!r}",
                                 pid, choices=[path.stem], loc=("id",)))
        parts.append((path, part))
        if profile is not None:
            loaded.append((path, profile))
    return loaded, parts, found, complete


def _check_profiles(
    dims_path: Path, dims: _Dimensions, parts: list[tuple[Path, _Part]], complete: bool
) -> list[Problem]:
    """Each profile against the dimensions and the other profiles; ``complete``: every
    profile file was read, so a dimension no profile weighs is one."""
    found: list[Problem] = []
    # a profile that failed to parse still names a role (its file name): no cascading errors
    role_ids = {pid for _, part in parts if (pid := part.id_at(_Key())) is not None} | {
        path.stem for path in dims_path.parent.glob("*.yaml")
        if path.name not in (DIMENSIONS_FILE, VOCABULARY_FILE)
    }
    held: dict[str, list[Path]] = {}
    for path, part in parts:
        if (pid := part.id_at(_Key())) is not None:
            held.setdefault(pid, []).append(path)
    for pid, paths in held.items():
        # the file named after the id holds it; the others (a copy not yet renamed) repeat it
        owner = next((p for p in paths if p.stem == pid), paths[0])
        found += [problem(path, "id", f"duplicate id, already used by {owner.name}", pid,
                          loc=("id",)) for path in paths if path != owner]
    found += _shared_titles(parts)
    rows: list[tuple[Path, str, dict[str, float]]] = []
    for path, part in parts:
        pid = part.id_at(_Key())
        role = pid if pid is not None else path.stem
        found += _unknown_dimensions(path, part, _root("weights"), dims)
        weights = part.numbers(_root("weights"))
        if weights is not None:
            rows.append((path, role, weights))
            if weights and not any(w >= MIN_TOP_WEIGHT for w in weights.values()):
                found.append(_problem(path, _root("weights"),
                                      f"needs at least one weight of {MIN_TOP_WEIGHT} or more",
                                      max(weights.values())))
        for i in part.items(_root("differs_from")):
            where = _root("differs_from").item(i).key("role")
            other = part.at(where)
            if not isinstance(other, str):
                continue
            if other == role:
                if len(held.get(role, ())) < 2:  # a copy's id names the role it was copied from
                    found.append(_problem(path, where, "a role cannot differ from itself: name "
                                          "another role, or remove this entry", other))
            elif other not in role_ids:
                found.append(_problem(path, where, "unknown role", other,
                                      choices=sorted(role_ids - {role})))
    if dims.ids is None:
        return found
    if complete and len(rows) == len(parts):
        for i, did in dims.known:
            if not any(w.get(did, 0.0) > 0 for _, _, w in rows):
                found.append(_problem(dims_path, _root("dimensions").item(i, did).key("id"),
                                      "is not weighted by any profile", did))
    vectors = [(path, role, [w.get(d, 0.0) for d in dims.ids]) for path, role, w in rows]
    for i, (pa, a, va) in enumerate(vectors):
        for pb, b, vb in vectors[i + 1:]:
            sim = _cosine(va, vb)
            if sim >= NEAR_DUPLICATE_COSINE:
                found.append(problem(pb, "weights",
                                     f"near-duplicate of {pa.name}: cosine {sim:.3f} between "
                                     f"{a!r} and {b!r} (must be below "
                                     f"{NEAR_DUPLICATE_COSINE:.2f})", b))
    return found


def _shared_titles(parts: list[tuple[Path, _Part]]) -> list[Problem]:
    """A title or other title that two roles go by, once for each later holder: a posting's
    title naming it gives decode no title role, and ``rolematch roles NAME`` picks one of them
    by file order, so it names neither."""
    found: list[Problem] = []
    first: dict[tuple[str, ...], tuple[str, Path, _Key]] = {}
    for path, part in parts:
        role = part.id_at(_Key()) or path.stem
        names = [_root("title", lang) for lang in ("en", "fr")]
        names += [_root("other_titles").item(i) for i in part.items(_root("other_titles"))]
        for where in names:
            name = part.at(where)
            key = words(name) if isinstance(name, str) else ()
            if not key:
                continue
            if key not in first:
                first[key] = (role, path, where)
            elif first[key][0] != role:
                other, other_path, other_where = first[key]
                found.append(_problem(
                    path, where, f"also a name of {other!r} ({other_path.name}, {other_where}):"
                    " keep it in one profile only (decode and `rolematch roles` cannot tell "
                    "which role it names)", name))
    return found


def _profiles(directory: str | Path | None, vocabulary: bool
              ) -> tuple[ProfileSet | None, list[Problem], _Dimensions]:
    """``load_profiles``'s work: the profiles when they are accepted, every problem, and
    what is known of the dimensions even when they are not (to check a questionnaire by)."""
    directory = Path(directory) if directory is not None else default_profiles_dir()
    is_dir = directory.is_dir()
    files = _profile_files(directory) if is_dir else []
    vocab_path = directory / VOCABULARY_FILE
    with_vocab = vocabulary and vocab_path.exists()
    paths = [directory / DIMENSIONS_FILE, *files] if is_dir else []
    if is_dir and with_vocab:
        paths.append(vocab_path)
    reading = _Reading("profiles+vocabulary" if vocabulary else "profiles", directory, paths)
    dims, dims_part, found = _parse_dimensions(directory, reading)
    catalogue = _Dimensions(dims_part)
    loaded, parts, errs, complete = (_parse_profiles(directory, files, reading) if is_dir
                                     else ([], [], [], False))
    found += errs
    found += _check_profiles(directory / DIMENSIONS_FILE, catalogue, parts, complete)
    vocab = None
    if vocabulary and is_dir:
        if with_vocab:
            # a profile refused still names its role: its file's name
            role_ids = sorted({path.stem for path in files}
                              | {pid for _, part in parts if (pid := part.id_at(_Key()))})
            vocab, errs = _parse_vocabulary(vocab_path, catalogue, reading, role_ids)
            found += errs
        else:
            found.append(problem(vocab_path, "", "file not found"))
    found = reading.finish(found)
    if found or dims is None:
        return None, found, catalogue
    profiles = tuple(sorted((p for _, p in loaded), key=lambda p: p.id))
    return ProfileSet(tuple(dims.dimensions), profiles, directory, vocab), found, catalogue


def load_profiles(directory: str | Path | None = None, vocabulary: bool = False) -> ProfileSet:
    """Load ``dimensions.yaml`` and every role profile in a folder, or raise ContentError.

    With ``vocabulary``, also ``vocabulary.yaml`` (only ``decode`` and ``validate`` need it;
    the quiz does not pay for reading it).
    """
    profiles, found, _ = _profiles(directory, vocabulary)
    if found or profiles is None:
        raise ContentError(found)
    return profiles


def load_vocabulary(profiles: ProfileSet) -> VocabularyFile:
    """The vocabulary beside these profiles (already loaded, or read and checked now)."""
    if profiles.vocabulary is not None:
        return profiles.vocabulary
    path = profiles.directory / VOCABULARY_FILE
    if not path.exists():
        raise ContentError([problem(path, "", "file not found; decode needs a vocabulary")])
    reading = _Reading("vocabulary", path, [path])
    vocab, found = _parse_vocabulary(path, _Dimensions.of(profiles.dimensions), reading,
                                     profiles.role_ids)
    found = reading.finish(found)
    if found or vocab is None:
        raise ContentError(found)
    return vocab


def _parse_vocabulary(path: Path, dims: _Dimensions, reading: _Reading,
                      role_ids: Sequence[str]) -> tuple[VocabularyFile | None, list[Problem]]:
    try:
        vocab, part, found = reading.check(path, "vocabulary")
    except ContentError as exc:
        return None, list(exc.problems)
    found += _duplicates(path, part, _root("terms"))
    for i in part.items(_root("terms")):
        tid = part.id_at(_root("terms").item(i))
        at = _root("terms").item(i, tid)
        found += _unknown_dimensions(path, part, at.key("effects"), dims)
        lists = [part.at(at.key(kind), []) for kind in ALIAS_KINDS]
        if all(isinstance(x, list) and not x for x in lists):
            found.append(_problem(path, at, "needs at least one name or phrase",
                                  *([tid] if tid is not None else [])))
    found += _check_blends(path, part, dims, role_ids)
    return vocab, found


def _check_blends(path: Path, part: _Part, dims: _Dimensions,
                  role_ids: Sequence[str]) -> list[Problem]:
    """A blend names a known role, skill and tool dimensions (the ones decode counts), each
    once, and an id that is not a dimension's."""
    found = _duplicates(path, part, _root("blends"))
    known = {d for _, d in dims.known}
    for i in part.items(_root("blends")):
        bid = part.id_at(_root("blends").item(i))
        at = _root("blends").item(i, bid)
        if bid is not None and bid in known:
            found.append(_problem(path, at.key("id"), "is a dimension's id: a blend is "
                                  "an evidence dimension of its own, give it another id",
                                  bid))
        role = part.at(at.key("role"))
        if isinstance(role, str) and role not in role_ids:
            msg, choices = _suggest(role, role_ids, "role")
            found.append(_problem(path, at.key("role"), msg, role, choices=choices))
        weight = part.at(at.key("weight"))
        if isinstance(weight, int | float) and not isinstance(weight, bool) \
                and weight < MIN_TOP_WEIGHT:
            found.append(_problem(path, at.key("weight"),
                                  f"must be at least {MIN_TOP_WEIGHT} to count", float(weight)))
        for other in part.keys(at.key("counts_against")):
            where = at.key("counts_against").key(other)
            if other not in role_ids:
                msg, choices = _suggest(other, role_ids, "role")
                found.append(_problem(path, where, msg, other, choices=choices))
            elif other == role:
                found.append(_problem(path, where, "is the blended role itself: a blend "
                                      "counts for its role and against others", other))
        seen: set[str] = set()
        for j in part.items(at.key("parts")):
            names = at.key("parts").item(j).key("dimensions")
            for k in part.items(names):
                where = names.item(k)
                d = part.at(where)
                if not isinstance(d, str):
                    continue
                if d not in known:
                    if dims.ids is not None and dims.counted is not None:
                        msg, choices = _suggest(d, dims.counted)
                        found.append(_problem(path, where, msg, d, choices=choices))
                elif dims.groups.get(d) == "preference":
                    if dims.counted is not None:
                        found.append(_problem(path, where, "is a work preference, which "
                                              "decode does not count: name a skill or tool "
                                              "dimension", d, choices=dims.counted))
                elif d in seen:
                    found.append(_problem(path, where, "is already in this blend: a "
                                          "dimension belongs to one part", d))
                seen.add(d)
    return found


def _effect_keys(part: _Part, where: _Key) -> list[_Key] | None:
    """The key paths of a question's effect maps (its own, or each option's), or None when
    its type or its list of options was refused."""
    kind = part.at(where.key("type"))
    if kind == "likert":
        return [where.key("effects")]
    options = where.key("options")
    if kind in ("single", "multi") and not isinstance(part.at(options), _Refused):
        return [options.item(j, part.id_at(options.item(j))).key("effects")
                for j in part.items(options)]
    return None


def _check_questionnaire(path: Path, part: _Part, dims: _Dimensions) -> list[Problem]:
    found: list[Problem] = []
    found += _duplicates(path, part, _root("sections"))
    found += _duplicates(path, part, _root("questions"))
    section_ids = part.ids(_root("sections"))
    scales = part.at(_root("scales"))
    scale_names = [n for n in scales if isinstance(n, str)] if isinstance(scales, dict) else None
    for name in scale_names or ():
        points = part.at(_root("scales", name))  # a plain list of points, or a mapping
        if isinstance(points, dict):
            points = part.at(_root("scales", name, "points"))
        if isinstance(points, list) and len(points) < 2:
            found.append(_problem(path, _root("scales", name), "needs at least two points",
                                  len(points)))
    for i in part.items(_root("questions")):
        where = _root("questions").item(i, part.id_at(_root("questions").item(i)))
        section = part.at(where.key("section"))
        if section_ids is not None and isinstance(section, str) and section not in section_ids:
            found.append(_problem(path, where.key("section"), "unknown section", section,
                                  choices=section_ids))
        kind = part.at(where.key("type"))
        if kind == "likert":
            scale = part.at(where.key("scale"))
            if scale_names is not None and isinstance(scale, str) and scale not in scale_names:
                found.append(_problem(path, where.key("scale"), "unknown scale", scale,
                                      choices=scale_names))
        elif kind in ("single", "multi"):
            options = where.key("options")
            found += _duplicates(path, part, options)
            moved: set[str] | None = set()
            for j in part.items(options):
                at = options.item(j, part.id_at(options.item(j)))
                neutral = part.at(at.key("neutral"), False)
                effects = part.at(at.key("effects"), {})
                if neutral is True and isinstance(effects, dict) and effects:
                    found.append(_problem(path, at.key("effects"),
                                          "a neutral option counts as a skip: it can have no "
                                          "effects", effects))
                if neutral is True and kind == "multi":
                    found.append(_problem(path, at.key("neutral"),
                                          "only a single question can have a neutral option "
                                          "(ticking nothing already says none)", neutral))
                numbers = part.numbers(at.key("effects"), {})
                moved = None if moved is None or numbers is None else moved | {
                    d for d, w in numbers.items() if w > 0}
            if part.items(options) and moved == set():
                found.append(_problem(path, options, "no option moves any dimension"))
        for kp in _effect_keys(part, where) or ():
            found += _unknown_dimensions(path, part, kp, dims)
    return found


def _moved(part: _Part) -> set[str] | None:
    """The dimensions some answer to some question moves (an effect above 0), or None when
    a part refused may hide one."""
    if isinstance(part.at(_root("questions")), _Refused):
        return None
    moved: set[str] = set()
    for i in part.items(_root("questions")):
        where = _root("questions").item(i)
        keys = _effect_keys(part, where)
        if keys is None:
            return None
        for kp in keys:
            numbers = part.numbers(kp, {})
            if numbers is None:
                return None
            moved |= {d for d, w in numbers.items() if w > 0}
    return moved


def _questionnaire(path: str | Path | None, dims: _Dimensions | None,
                   dims_path: Path | None = None) -> tuple[Questionnaire | None, list[Problem]]:
    """``load_questionnaire``'s work: the questionnaire when it is accepted, and every
    problem; with what is known of the dimensions (``dims``, in ``dims_path``), checked
    against them too."""
    path = Path(path) if path is not None else default_questionnaire_path()
    reading = _Reading("questionnaire", path, [path])
    try:
        qf, part, found = reading.check(path, "questionnaire")
    except ContentError as exc:
        return None, list(exc.problems)
    found += _check_questionnaire(path, part, dims or _Dimensions(None))
    if dims is not None and dims_path is not None and dims.ids is not None:
        found += _unused_dimensions(path, part, dims, dims_path)
    found = reading.finish(found)
    if found or qf is None:
        return None, found
    return Questionnaire(qf, path, reading.hash_of(path)), found


def load_questionnaire(
    path: str | Path | None = None, profiles: ProfileSet | None = None
) -> Questionnaire:
    """Load and validate a questionnaire; with ``profiles``, also check it against them."""
    dims = _Dimensions.of(profiles.dimensions) if profiles is not None else None
    q, found = _questionnaire(path, dims,
                              profiles.directory / DIMENSIONS_FILE if profiles else None)
    if found or q is None:
        raise ContentError(found)
    return q


def _unused_dimensions(path: Path, part: _Part, dims: _Dimensions,
                       dims_path: Path) -> list[Problem]:
    moved = _moved(part)
    if moved is None:
        return []
    return [
        _problem(dims_path, _root("dimensions").item(i, did).key("id"),
                 f"is not moved by any question in {path.name}", did)
        for i, did in dims.known
        if did not in moved
    ]


def load_content(
    questionnaire: str | Path | None = None, profiles: str | Path | None = None,
    vocabulary: bool = False,
) -> Content:
    """Load profiles and a questionnaire and check them together; report every problem (a
    questionnaire is checked against the dimensions even when a profile is refused)."""
    directory = Path(profiles) if profiles is not None else default_profiles_dir()
    profile_set, found, dims = _profiles(directory, vocabulary)
    q, errs = _questionnaire(questionnaire, dims, directory / DIMENSIONS_FILE)
    found += errs
    if found or profile_set is None or q is None:
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
    return with_lines(found)


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
            found.append(_problem(path, _root("sections").item(i, section.id).key("id"),
                                  "has no question", section.id))
    for i, q in enumerate(qf.questions):
        where = _root("questions").item(i, q.id)
        if isinstance(q, LikertQuestion):
            if not any(w > 0 for w in q.effects.values()):
                found.append(_problem(path, where.key("effects"),
                                      "moves no dimension: every effect is 0", q.effects))
            continue
        for j, o in enumerate(q.options):
            if not o.neutral and not any(w > 0 for w in o.effects.values()):
                found.append(_problem(path, where.key("options").item(j, o.id).key("effects"),
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
                where = _root("terms").item(i, term.id).key(kind).item(k)
                order, tokens = (i, n, k), words(text)
                context = kind == "context"
                if not tokens:
                    why = "has no letter or digit decode can read (a-z, 0-9), so " + (
                        "the context check nearly always passes" if context
                        else "it never matches")
                    found.append((order, _problem(path, where, why, text)))
                elif all(t in STOP_WORDS for t in tokens):
                    why = "is only common words, so " + (
                        "the context check nearly always passes" if context
                        else "it matches nearly every posting")
                    found.append((order, _problem(path, where, why, text)))
                elif not context:
                    listed.setdefault(tokens, []).append((kind == "exact", i, n, k, text))
    for entries in listed.values():
        # decode tries a name before an exact one, then the first term listed
        first = min(entries)
        first_where = f"terms[{first[1]}].{ALIAS_KINDS[first[2]]}[{first[3]}]"
        for _, i, n, k, text in entries:
            if i != first[1]:
                at = _root("terms").item(i, vocab.terms[i].id).key(ALIAS_KINDS[n]).item(k)
                found.append(((i, n, k), _problem(
                    path, at, f"is also listed under {first_where} "
                    f"({vocab.terms[first[1]].id!r}), which decode tries first", text)))
    return [p for _, p in sorted(found, key=lambda item: item[0])]



def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one content file kind (see ``engine.rules``)."""
    from engine.rules import json_schema as schema

    return schema(kind)
