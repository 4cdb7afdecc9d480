"""The three question types, each the one place for its own rules.

A question type (``Likert``, ``Single``, ``Multi``) wraps one validated question and owns:

* its **check**: ``check`` reports every problem with an answer in words (the error path);
  ``fast_slots`` accepts a valid answer in a few dictionary lookups or declines (the fast
  path). Both agree: what the fast path accepts, the error path accepts with the same value.
* its **slots**: the choices an answer selects (likert: one scale point; single: one option;
  multi: an "answered" slot plus one per ticked option), each with its effects on the
  dimensions and the dimensions it **counts** for (see ``engine.vectors`` for the arithmetic);
* its **label** (what an answer reads as, in words) and its **prompt** (``engine.prompts``).

No numpy, no questionary here: the quiz's first question must not wait for either.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from engine.errors import Msg, Problem, described, format_value, problem, unknown_said
from engine.i18n import t

if TYPE_CHECKING:
    from engine.content import LikertQuestion, MultiQuestion, Option, Scale, SingleQuestion

AnswerValue = int | str | list[str] | None

ANSWERED = "__answered__"
"""The slot key of a multi question's "answered" slot (ticking nothing is an answer too)."""


def likert_factor(point: int, n_points: int, preference: bool = False) -> float:
    """The share of a likert question's effects that scale point ``point`` (1-based) gives:
    on a level scale (k-1)/(n-1), from 0 to 1; on a preference scale (2k-n-1)/(n-1), from -1
    to 1, 0 at the middle point."""
    if preference:
        return (2 * point - n_points - 1) / (n_points - 1)
    return (point - 1) / (n_points - 1)


TICKED_SEPARATOR = " · "
"""Between ticked labels shown to a person, in the quiz's echo and in every result: the labels
themselves hold commas ("Jenkins, GitHub Actions or GitLab CI")."""


class QuestionType:
    """What every question type provides; see the module docstring."""

    kind: ClassVar[str]
    capped: ClassVar[bool] = False
    """True when the effects of the selected slots add up, capped at 1 per dimension (multi);
    otherwise exactly one slot is selected and its effects are the answer's."""

    def __init__(self, question: Any) -> None:
        self.question = question
        self.id: str = question.id

    # ------------------------------------------------------------------ slots

    def slot_keys(self) -> list[Any]:
        raise NotImplementedError

    def slot_effects(self) -> list[Mapping[str, float]]:
        """Each slot's effect per dimension."""
        raise NotImplementedError

    def slot_counts(self) -> list[set[str]]:
        """The dimensions each slot, when selected, is evidence about."""
        raise NotImplementedError

    def slots(self, value: AnswerValue) -> list[int]:
        """The slots a checked answer selects (none for a skip)."""
        raise NotImplementedError

    def touched(self) -> set[str]:
        """Every dimension some answer to this question can move."""
        return {d for eff in self.slot_effects() for d, w in eff.items() if w > 0}

    # ------------------------------------------------------------------ checking

    def fast_slots(self, value: Any) -> list[int] | None:
        """The slots of a valid, non-null answer, or None when anything does not fit."""
        raise NotImplementedError

    def check(self, value: Any, source: str) -> tuple[AnswerValue, list[Problem]]:
        """The checked answer (None for skipped) and every problem with it, in words."""
        return (None, []) if value is None else self._check(value, source)

    def _check(self, value: Any, source: str) -> tuple[AnswerValue, list[Problem]]:
        raise NotImplementedError

    def value(self, slots: Sequence[int]) -> AnswerValue:
        """The answer that selects these slots (the inverse of ``slots``)."""
        keys = self.slot_keys()
        return keys[slots[0]] if slots else None

    # ------------------------------------------------------------------ for people

    def short(self, lang: str) -> str:
        """What the question asks about in a few words: its ``label``, else its text cut."""
        from engine.render import shorten

        label = self.question.label
        return label.get(lang) if label is not None else shorten(self.question.text.get(lang),
                                                                 40)

    def gaps(self, mine: AnswerValue, typical: AnswerValue) -> list[AnswerValue]:
        """The answers a what-if may put in place of ``mine`` when the role's typical answer
        is ``typical``: none when the typical answer is not above it, or when the question is
        not one to grow on (preferences and scenarios are not skills to learn)."""
        return []

    def point_label(self, value: AnswerValue, lang: str) -> str:
        """An answer as a gap names it ("Strong (4 of 5)", "Docker, Kubernetes")."""
        return self.label(value, lang)

    def label(self, value: AnswerValue, lang: str, dimension: str | None = None) -> str:
        """What an answer reads as ("4 (Strong)", "Build pipelines", "Docker, Kubernetes");
        with ``dimension``, a multi answer names only the ticked options that move it."""
        return t("result.skipped", lang) if value is None else self._label(value, lang, dimension)

    def _label(self, value: Any, lang: str, dimension: str | None) -> str:
        raise NotImplementedError

    def options(self, lang: str) -> list[dict[str, Any]]:
        """The choices as ``rolematch questions --json`` lists them."""
        raise NotImplementedError

    def prompt(self, lang: str, previous: AnswerValue, first: bool, **kwargs: Any) -> Any:
        """The questionary prompt for this question: ``engine.prompts.<kind>_prompt``."""
        from engine import prompts  # questionary: only when a prompt is really drawn

        return getattr(prompts, f"{self.kind}_prompt")(self, lang, previous, first, **kwargs)

    # ------------------------------------------------------------------ simulated people

    def ideal(self, level: Any, fit: Any, tick_level: float) -> AnswerValue:
        """The answer of someone whose interest in an effect is ``level(effects)`` (0 to 1)
        and whose preference between options is ``fit(effects)``; a multi option is ticked
        from ``tick_level`` up (see engine.simulate)."""
        raise NotImplementedError

    def random(self, rng: random.Random) -> AnswerValue:
        """A uniformly random valid answer (never skipped)."""
        raise NotImplementedError

    def _path(self) -> str:
        return f"answers.{self.id}"


class Likert(QuestionType):
    """A named scale from 1 to n. On a level scale (skills) point k moves each dimension by
    effect x (k-1)/(n-1) and every point counts, the lowest as an absence (0). On a preference
    scale (likes) point k moves it by effect x (2k-n-1)/(n-1): below the middle against, above
    it for, and the middle point counts for nothing, exactly as a skip."""

    kind = "likert"

    def __init__(self, question: LikertQuestion, scale: Scale) -> None:
        super().__init__(question)
        self.scale = scale.points
        self.preference = scale.kind == "preference"
        self.n = len(self.scale)
        self._points = list(range(1, self.n + 1))
        self._valid = set(self._points)
        self._choices = [str(k) for k in self._points]

    def slot_keys(self) -> list[Any]:
        return list(self._points)

    def factor(self, point: int) -> float:
        return likert_factor(point, self.n, self.preference)

    def slot_effects(self) -> list[Mapping[str, float]]:
        return [{d: w * self.factor(k) for d, w in self.question.effects.items()}
                for k in self._points]

    def slot_counts(self) -> list[set[str]]:
        touched = self.touched()
        return [touched if self.factor(k) != 0 or not self.preference else set()
                for k in self._points]

    def slots(self, value: AnswerValue) -> list[int]:
        return [] if value is None else [int(value) - 1]  # type: ignore[arg-type]

    def fast_slots(self, value: Any) -> list[int] | None:
        return [value - 1] if type(value) is int and value in self._valid else None

    def _check(self, value: Any, source: str) -> tuple[AnswerValue, list[Problem]]:
        if type(value) is int and value in self._valid:
            return value, []
        message = Msg("answers.likert", n=self.n, value=described(value))
        if isinstance(value, str) and value.strip() in self._choices:
            message = Msg("answers.likert_quoted", text=message)
        return None, [problem(source, self._path(), message)]

    def _label(self, value: Any, lang: str, dimension: str | None) -> str:
        return f"{value} ({self.scale[int(value) - 1].get(lang)})"

    def gaps(self, mine: AnswerValue, typical: AnswerValue) -> list[AnswerValue]:
        if self.preference or typical is None or int(typical) <= 1:  # type: ignore[arg-type]
            return []  # the lowest point is nothing to learn, even in place of a skip
        return [typical] if mine is None or int(mine) < int(typical) else []  # type: ignore[arg-type]

    def point_label(self, value: AnswerValue, lang: str) -> str:
        if value is None:
            return t("result.skipped", lang)
        return t("result.scale_point", lang, label=self.scale[int(value) - 1].get(lang),  # type: ignore[arg-type]
                 k=value, n=self.n)

    def options(self, lang: str) -> list[dict[str, Any]]:
        return [{"id": k, "label": self.scale[k - 1].get(lang),
                 "effects": {d: round(w, 6) for d, w in effects.items()}}
                for k, effects in zip(self._points, self.slot_effects(), strict=True)]

    def ideal(self, level: Any, fit: Any, tick_level: float) -> AnswerValue:
        target = level(self.slot_effects()[-1])  # 0 to 1: on a preference scale, never below
        return min(self._points, key=lambda k: abs(self.factor(k) - target))  # the middle

    def random(self, rng: random.Random) -> AnswerValue:
        return rng.randint(1, self.n)


class _WithOptions(QuestionType):
    def __init__(self, question: SingleQuestion | MultiQuestion) -> None:
        super().__init__(question)
        self.option_list: list[Option] = list(question.options)
        self.option_ids = [o.id for o in self.option_list]
        self._index = {oid: i for i, oid in enumerate(self.option_ids)}
        self._by_lang: dict[str, dict[str, str]] = {}

    def _labels(self, lang: str) -> dict[str, str]:
        labels = self._by_lang.get(lang)
        if labels is None:
            labels = self._by_lang[lang] = {o.id: o.label.get(lang) for o in self.option_list}
        return labels

    def options(self, lang: str) -> list[dict[str, Any]]:
        return [{"id": o.id, "label": o.label.get(lang),
                 **({"description": o.description.get(lang)} if o.description else {}),
                 "effects": dict(o.effects)} for o in self.option_list]


class Single(_WithOptions):
    """Exactly one option. A scenario speaks only to the dimensions of the option chosen:
    preferring one typical day is not evidence against the skills of the others."""

    kind = "single"

    def slot_keys(self) -> list[Any]:
        return list(self.option_ids)

    def slot_effects(self) -> list[Mapping[str, float]]:
        return [dict(o.effects) for o in self.option_list]

    def slot_counts(self) -> list[set[str]]:
        return [{d for d, w in o.effects.items() if w > 0} for o in self.option_list]

    def slots(self, value: AnswerValue) -> list[int]:
        return [] if value is None else [self._index[str(value)]]

    def fast_slots(self, value: Any) -> list[int] | None:
        slot = self._index.get(value) if isinstance(value, str) else None
        return None if slot is None else [slot]

    def _check(self, value: Any, source: str) -> tuple[AnswerValue, list[Problem]]:
        if not isinstance(value, str):
            return None, [problem(source, self._path(),
                                  Msg("answers.single", value=described(value)),
                                  choices=self.option_ids)]
        if value not in self._index:
            message, choices = unknown_said(Msg("answers.unknown_option"), value,
                                            self.option_ids)
            return None, [problem(source, self._path(), message, choices=choices)]
        return value, []

    def _label(self, value: Any, lang: str, dimension: str | None) -> str:
        return self._labels(lang)[str(value)]

    def ideal(self, level: Any, fit: Any, tick_level: float) -> AnswerValue:
        effects = self.slot_effects()
        best = max(range(len(effects)), key=lambda i: (fit(effects[i]), self.option_ids[i]))
        return self.option_ids[best]

    def random(self, rng: random.Random) -> AnswerValue:
        return rng.choice(self.option_ids)


class Multi(_WithOptions):
    """Any number of options, none included. It speaks to every dimension it can move, ticked
    or not (not ticking Kafka is evidence too); ticked effects add up, capped at 1."""

    kind = "multi"
    capped = True

    def slot_keys(self) -> list[Any]:
        return [ANSWERED, *self.option_ids]

    def slot_effects(self) -> list[Mapping[str, float]]:
        return [{}, *(dict(o.effects) for o in self.option_list)]

    def slot_counts(self) -> list[set[str]]:
        return [self.touched(), *(set() for _ in self.option_list)]

    def slots(self, value: AnswerValue) -> list[int]:
        if value is None:
            return []
        return [0, *(1 + self._index[v] for v in value)]  # type: ignore[union-attr]

    def value(self, slots: Sequence[int]) -> AnswerValue:
        if not slots:
            return None
        return [self.option_ids[s - 1] for s in sorted(slots) if s > 0]

    def fast_slots(self, value: Any) -> list[int] | None:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return None
        index = self._index
        out = [0]
        for item in value:
            slot = index.get(item) if isinstance(item, str) else None
            if slot is None:
                return None
            out.append(slot + 1)
        return out if len(set(out)) == len(out) else None

    def _check(self, value: Any, source: str) -> tuple[AnswerValue, list[Problem]]:
        one = isinstance(value, str)  # a single id is a list of one (see the README)
        if one:
            value = [value]
        if not isinstance(value, list):
            return None, [problem(source, self._path(),
                                  Msg("answers.multi", value=described(value)),
                                  choices=self.option_ids)]
        found = []
        for i, item in enumerate(value):
            path = self._path() if one else f"{self._path()}[{i}]"
            if not isinstance(item, str):
                found.append(problem(source, path, Msg("answers.multi_item",
                                                       value=described(item)),
                                     choices=self.option_ids))
            elif item not in self._index:
                parts = [p.strip() for p in item.split(",")]
                if len(parts) > 1 and all(p in self._index for p in parts):
                    # "tools_ops: docker, kubernetes": a list, written as one text (the
                    # did-you-mean named only the closest, and docker would have been lost)
                    found.append(problem(source, path, Msg(
                        "answers.write_a_list", value=format_value(item),
                        listed="[" + ", ".join(parts) + "]")))
                    continue
                message, choices = unknown_said(Msg("answers.unknown_option"), item,
                                                self.option_ids)
                found.append(problem(source, path, message, choices=choices))
            elif item in value[:i]:
                found.append(problem(source, path, Msg("answers.twice",
                                                       value=format_value(item))))
        # the questionnaire's option order, so equal answers give equal documents
        return [o for o in self.option_ids if o in value], found

    def _label(self, value: Any, lang: str, dimension: str | None) -> str:
        ticked = list(value)
        if dimension is not None:
            moving = {o.id for o in self.option_list if o.effects.get(dimension, 0) > 0}
            ticked = [v for v in ticked if v in moving] or ticked
        labels = self._labels(lang)
        return (TICKED_SEPARATOR.join(labels[v] for v in ticked) if ticked
                else t("result.none", lang))

    def ideal(self, level: Any, fit: Any, tick_level: float) -> AnswerValue:
        return [o.id for o in self.option_list if level(o.effects) >= tick_level]

    def gaps(self, mine: AnswerValue, typical: AnswerValue) -> list[AnswerValue]:
        """One what-if per typical tool not ticked: that tool learnt, none unlearnt."""
        have = set(mine or [])  # type: ignore[arg-type]
        return [[o for o in self.option_ids if o in have or o == tool]
                for tool in (typical or []) if tool not in have]  # type: ignore[union-attr]

    def point_label(self, value: AnswerValue, lang: str) -> str:
        if value is None:
            return t("result.skipped", lang)
        return self._label(value, lang, None)

    def random(self, rng: random.Random) -> AnswerValue:
        return [o for o in self.option_ids if rng.random() < 0.5]


def question_type(question: Any, scales: Mapping[str, Scale]) -> QuestionType:
    """The type object of one validated question."""
    if question.type == "likert":
        return Likert(question, scales[question.scale])
    return Single(question) if question.type == "single" else Multi(question)
