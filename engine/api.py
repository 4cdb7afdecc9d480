"""The library's entry points (what ``engine`` exports), their arguments checked.

A wrong argument is a mistake a programmer sees once, so it is said in one line naming the
function, the argument and what was passed, and raised as one of the project's errors
(``engine.errors``): never a TypeError or AttributeError from deep inside, never a message
about a file when no file is involved. The loaders here are the ones of ``engine.content`` and
``engine.answers`` with those checks in front; ``score`` checks its own (``engine.scoring``).
"""

from __future__ import annotations

import os
from numbers import Integral
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import AnswersError, ContentError, EngineError

if TYPE_CHECKING:
    from engine.answers import Answers
    from engine.content import Content, ProfileSet, Questionnaire
    from engine.export import ModeDoc


def got(value: object) -> str:
    """What was passed, as a Python programmer reads it: a short repr for a plain value, the
    type's name for anything else ("a ProfileSet")."""
    if value is None or isinstance(value, bool | int | float | str | bytes):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def path_or_none(function: str, name: str, value: object,
                 error: type[EngineError]) -> str | Path | None:
    """``value`` if it is a path (a text or an ``os.PathLike``) or None, else ``error``."""
    if value is None or isinstance(value, str | os.PathLike):
        return value  # type: ignore[return-value]
    hint = ""
    if type(value).__name__ in ("Questionnaire", "ProfileSet", "Content"):
        hint = " (this is already loaded content: pass it to score)"
    raise error(f"{function}: {name}: expected a path (a str or an os.PathLike) or None, "
                f"got {got(value)}{hint}")


def flag(function: str, name: str, value: object) -> bool:
    """``value`` if it is True or False, else ContentError."""
    if not isinstance(value, bool):
        raise ContentError(f"{function}: {name}: expected True or False, got {got(value)}")
    return value


def questionnaire_of(function: str, questionnaire: object, profiles: object = None,
                     *, with_profiles: bool = False) -> Questionnaire:
    """``questionnaire`` if it is a loaded Questionnaire, else ContentError saying what to
    pass (and, with ``with_profiles``, that the two were swapped, when they were)."""
    from engine.content import Content, ProfileSet, Questionnaire

    if isinstance(questionnaire, Questionnaire):
        return questionnaire
    if with_profiles and isinstance(questionnaire, ProfileSet) and isinstance(profiles,
                                                                             Questionnaire):
        raise ContentError(f"{function}: the questionnaire and the profiles are swapped: "
                           f"pass {function}(answers, content.questionnaire, content.profiles)")
    hint = " (pass content.questionnaire)" if isinstance(questionnaire, Content) else ""
    raise ContentError(f"{function}: questionnaire: expected a Questionnaire "
                       f"(load_content().questionnaire), got {got(questionnaire)}{hint}")


def profiles_of(function: str, profiles: object, *, name: str = "profiles") -> ProfileSet:
    """``profiles`` if it is a loaded ProfileSet, else ContentError saying what to pass."""
    from engine.content import Content, ProfileSet

    if isinstance(profiles, ProfileSet):
        return profiles
    hint = " (pass content.profiles)" if isinstance(profiles, Content) else ""
    raise ContentError(f"{function}: {name}: expected a ProfileSet (load_content().profiles), "
                       f"got {got(profiles)}{hint}")


def answers_data(function: str, answers: object, *, checked: bool = True) -> None:
    """Raise AnswersError unless ``answers`` is a mapping (the contents of an answers file,
    checked by the caller) or, with ``checked``, an Answers: None or a path is said as what
    it is, not as an empty or odd file."""
    from collections.abc import Mapping

    from engine.answers import Answers

    if isinstance(answers, Mapping) or (checked and isinstance(answers, Answers)):
        return
    hint = ""
    if isinstance(answers, str | os.PathLike):
        hint = " (a file? read it with load_answers(path, questionnaire))"
    elif isinstance(answers, Answers):
        hint = " (these answers are checked already: pass them to score)"
    expected = " or an Answers" if checked else ""
    raise AnswersError(f"{function}: answers: expected a mapping such as "
                       f"{{'answers': {{'skill_sql': 5}}}}{expected}, got {got(answers)}"
                       f"{hint}")


def explain_top_of(function: str, value: object) -> int:
    """``value`` as an int if it is a whole number, 0 or more (not a bool), else EngineError."""
    if isinstance(value, Integral) and not isinstance(value, bool) and int(value) >= 0:
        return int(value)
    raise EngineError(f"{function}: explain_top: expected a whole number, 0 or more, "
                      f"got {got(value)}")


def lang_of(function: str, value: object) -> str | None:
    """``value`` if it is None or a language rolematch speaks, else EngineError."""
    from engine.i18n import LANGS

    if value is None or (isinstance(value, str) and value in LANGS):
        return value
    raise EngineError(f"{function}: lang: expected one of {', '.join(map(repr, LANGS))} or "
                      f"None, got {got(value)}")


def mode_of(function: str, value: object) -> ModeDoc | None:
    """``value`` if it is None or a ModeDoc, else EngineError."""
    from engine.export import ModeDoc

    if value is None or isinstance(value, ModeDoc):
        return value
    raise EngineError(f"{function}: mode: expected an engine.export.ModeDoc or None, "
                      f"got {got(value)}")


def load_content(questionnaire: str | Path | None = None, profiles: str | Path | None = None,
                 vocabulary: bool = False) -> Content:
    """Load profiles and a questionnaire and check them together (``engine.content``);
    ContentError for every problem, and for an argument that is not a path or None."""
    from engine import content

    return content.load_content(
        path_or_none("load_content", "questionnaire", questionnaire, ContentError),
        path_or_none("load_content", "profiles", profiles, ContentError),
        flag("load_content", "vocabulary", vocabulary))


def load_profiles(directory: str | Path | None = None, vocabulary: bool = False) -> ProfileSet:
    """Load ``dimensions.yaml`` and every role profile in a folder (``engine.content``)."""
    from engine import content

    return content.load_profiles(path_or_none("load_profiles", "directory", directory,
                                              ContentError),
                                 flag("load_profiles", "vocabulary", vocabulary))


def load_questionnaire(path: str | Path | None = None,
                       profiles: ProfileSet | None = None) -> Questionnaire:
    """Load and validate a questionnaire; with ``profiles``, also check it against them."""
    from engine import content

    path = path_or_none("load_questionnaire", "path", path, ContentError)
    if profiles is not None:
        profiles = profiles_of("load_questionnaire", profiles)
    return content.load_questionnaire(path, profiles)


def parse_answers(data: Any, questionnaire: Questionnaire,
                  source: str = "<answers>") -> Answers:
    """Check answers (the contents of an answers file) against a questionnaire; AnswersError
    listing every problem."""
    from engine import answers

    questionnaire = questionnaire_of("parse_answers", questionnaire)
    answers_data("parse_answers", data, checked=False)
    if not isinstance(source, str):
        raise AnswersError(f"parse_answers: source: expected a str (the name its problems are "
                           f"reported under), got {got(source)}")
    return answers.parse_answers(data, questionnaire, source)


def load_answers(path: str | Path, questionnaire: Questionnaire) -> Answers:
    """Read an answers file (JSON by extension, else YAML) and check it; AnswersError naming
    the file."""
    from engine import answers

    questionnaire = questionnaire_of("load_answers", questionnaire)
    if path is None or not isinstance(path, str | os.PathLike):
        raise AnswersError(f"load_answers: path: expected a path (a str or an os.PathLike), "
                           f"got {got(path)}")
    return answers.load_answers(path, questionnaire)
