"""The one error hierarchy of rolematch.

Everything below the CLI raises one of these; the CLI turns them into one line
per problem on stderr and exit code 2. A problem's message is a text, or a ``Msg`` (an
``engine.i18n`` key and its values) said in the run's language only when the line is
printed: the code that finds a problem need not know the language. Nothing here imports the
rest of the engine but ``engine.i18n``, when a ``Msg`` is said.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

_CONTROL = {i: f"\\x{i:02x}" for i in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_CONTROL.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"})


def printable(text: str) -> str:
    """``text`` with every control character escaped (a newline as ``\\n``, ESC as
    ``\\x1b``): a file name, key or value can never start a line of its own or drive the
    terminal."""
    return text.translate(_CONTROL)


def format_value(value: object) -> str:
    """A short, readable rendering of a bad value for an error line, spelt as the YAML or JSON
    file spells it (``null``, ``true``, ``[1, "a"]``), texts quoted: ``'docker'``."""
    if value is None or isinstance(value, bool | list | tuple | dict):
        import json

        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def describe(value: object) -> str:
    """A bad value in a person's words, as an answers file spells it: ``true``, ``null``,
    ``4.5``, ``the text 'docker'``, ``a list ["x"]``, ``a mapping {"a": 1}``; short."""
    return said(described(value), "en")


def described(value: object) -> str | Msg:
    """``describe`` said in the run's language when printed: a Msg for the words that
    differ (``the text 'docker'``, ``le texte 'docker'``), a text for the rest."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return Msg("value.text", value=format_value(value)) if value else Msg("value.empty_text")
    if isinstance(value, list | tuple | dict):
        import json

        kind = "mapping" if isinstance(value, dict) else "list"
        if not value:
            return Msg(f"value.empty_{kind}")
        text = json.dumps(value, ensure_ascii=False, default=str)
        if len(text) > 60:
            text = text[:57] + "..."
        return Msg(f"value.{kind}", value=text)
    text = str(value)  # a date, say, as the file wrote it
    return text if len(text) <= 60 else text[:57] + "..."


def unknown(what: str, value: str, known: Sequence[str], *, see: str = "",
            quote: bool = True) -> tuple[str, list[str]]:
    """The message and the choices of an unknown id: ``did you mean`` the closest known one
    when one is close; else ``see`` (where to find them all) when given; else every known id
    as the choices, so what is listed is never only a part of them. ``quote``: the message
    names the value (leave it out where the problem line shows the value itself)."""
    message, choices = unknown_said(f"unknown {what}", value, known, see=see, quote=quote)
    return said(message, "en"), choices


def unknown_said(unknown_what: str | Msg, value: str, known: Sequence[str], *,
                 see: str | Msg = "", quote: bool = True) -> tuple[str | Msg, list[str]]:
    """``unknown`` said in the run's language when printed: ``unknown_what`` is the whole
    phrase ("unknown option", "option inconnue": the adjective agrees with the noun)."""
    import difflib

    text: str | Msg = (Msg("problem.unknown", what=unknown_what, value=format_value(value))
                       if quote else unknown_what)
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if not close and len(value) >= 3:  # a short form: "mlops" for mlops-engineer, if only one
        parts = [k for k in known if value.casefold() in str(k).casefold().split("-")]
        close = parts if len(parts) == 1 else []
    if close:
        return Msg("problem.did_you_mean", text=text, close=repr(close[0])), []
    if see:
        return Msg("problem.see", text=text, see=see), []
    return text, list(known)


def item(where: str, index: int, item_id: object = None) -> str:
    """A list item in a key path by its position and, when it has one, its id:
    ``questions[27] (model_incident)``, so a person can find it without counting."""
    text = f"{where}[{index}]"
    if isinstance(item_id, str) and item_id.strip():
        shown = item_id if len(item_id) <= 40 else item_id[:37] + "..."
        text += f" ({shown})"
    return text


Loc = tuple[int | str, ...]
"""A key path as the parts of the file's data: ``("questions", 27, "text", "fr")``."""


class Said(Protocol):
    """Something said in a language only when it is printed (a Msg, a Problem)."""

    def say(self, lang: str = "en") -> str: ...


def said(text: object, lang: str) -> str:
    """``text`` in ``lang``: a Msg (or a Problem) said in it, anything else as it is."""
    say = getattr(text, "say", None)
    return say(lang) if callable(say) else str(text)


@dataclass(frozen=True, init=False)
class Msg:
    """A message said in the run's language when it is printed: an ``engine.i18n`` key and
    the values its text is formatted with (texts, numbers, or other Msgs and Problems, said
    in the same language). ``str()`` is its English."""

    key: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, key: str, /, **values: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(values.items()))

    def say(self, lang: str = "en") -> str:
        from engine.i18n import t

        return t(self.key, lang, **{name: said(value, lang) if hasattr(value, "say") else value
                                    for name, value in self.values})

    def __str__(self) -> str:
        return self.say("en")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where, what, and what would have been valid."""

    file: str
    path: str | Said
    message: str | Said
    value: object = None
    has_value: bool = False
    choices: Sequence[str] = field(default_factory=tuple)
    loc: Loc = ()
    """The key path as data, to find the problem's line in the file (``at_line``)."""
    at_line: int | None = None
    """The line of the file (from 1) the key path leads to, when known."""

    def line(self, lang: str = "en") -> str:
        """The problem in one line, in ``lang``, control characters escaped."""
        where = self.file
        if self.at_line is not None:
            where = f"{where}: {said(Msg('problem.at_line', n=self.at_line), lang)}"
        return printable(f"{where}: {self.say(lang)}")

    def say(self, lang: str = "en") -> str:
        """The line without its file: key path, message, bad value and choices."""
        text = said(self.message, lang)
        if self.path:
            text = f"{said(self.path, lang)}: {text}"
        if self.has_value:
            text = said(Msg("problem.got", text=text, value=format_value(self.value)), lang)
        if self.choices:
            shown = list(self.choices)
            more = ""
            if len(shown) > 12:
                more = said(Msg("problem.more", n=len(shown) - 12), lang)
                shown = shown[:12]
            text = said(Msg("problem.valid", text=text, choices=", ".join(shown) + more), lang)
        return printable(text)


def problem(
    file: str | Path,
    path: str | Said,
    message: str | Said,
    *args: object,
    choices: Iterable[str] = (),
    loc: Loc = (),
) -> Problem:
    """Build a Problem; pass the bad value as the one optional positional argument, and
    the key path as data (``loc``) when the file's line should be found for it."""
    return Problem(
        file=str(file),
        path=path,
        message=message,
        value=args[0] if args else None,
        has_value=bool(args),
        choices=tuple(choices),
        loc=tuple(loc),
    )


class EngineError(Exception):
    """Base of every error rolematch reports to a user."""

    def __init__(self, problems: Sequence[Problem] | str | Msg) -> None:
        if isinstance(problems, str | Msg):
            self.problems: tuple[Problem, ...] = (Problem(file="", path="", message=problems),)
        else:
            self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self, lang: str = "en") -> list[str]:
        """One line a problem, in ``lang`` (the run's: see ``engine.cli.options.lang``)."""
        return [p.line(lang) if p.file else printable(said(p.message, lang))
                for p in self.problems]


class ContentError(EngineError):
    """A questionnaire, profile or dimensions file is missing, unreadable or invalid."""


class AnswersError(EngineError):
    """An answers file (or resume file) does not fit the questionnaire."""


class ExportError(EngineError):
    """A result could not be written or read back."""


class DecodeError(EngineError):
    """A job posting could not be read."""
