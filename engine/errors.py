"""The one error hierarchy of rolematch.

Everything below the CLI raises one of these; the CLI turns them into one line
per problem on stderr and exit code 2. Nothing here imports the rest of the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return f"the text {format_value(value)}" if value else "an empty text"
    if isinstance(value, list | tuple | dict):
        import json

        kind = "a mapping" if isinstance(value, dict) else "a list"
        if not value:
            return f"an empty {kind.removeprefix('a ')}"
        text = json.dumps(value, ensure_ascii=False, default=str)
        if len(text) > 60:
            text = text[:57] + "..."
        return f"{kind} {text}"
    text = str(value)  # a date, say, as the file wrote it
    return text if len(text) <= 60 else text[:57] + "..."


def unknown(what: str, value: str, known: Sequence[str], *, see: str = "",
            quote: bool = True) -> tuple[str, list[str]]:
    """The message and the choices of an unknown id: ``did you mean`` the closest known one
    when one is close; else ``see`` (where to find them all) when given; else every known id
    as the choices, so what is listed is never only a part of them. ``quote``: the message
    names the value (leave it out where the problem line shows the value itself)."""
    import difflib

    text = f"unknown {what} {format_value(value)}" if quote else f"unknown {what}"
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if not close and len(value) >= 3:  # a short form: "mlops" for mlops-engineer, if only one
        parts = [k for k in known if value.casefold() in str(k).casefold().split("-")]
        close = parts if len(parts) == 1 else []
    if close:
        return f"{text}; did you mean {close[0]!r}?", []
    if see:
        return f"{text}; {see}", []
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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where, what, and what would have been valid."""

    file: str
    path: str
    message: str
    value: object = None
    has_value: bool = False
    choices: Sequence[str] = field(default_factory=tuple)
    loc: Loc = ()
    """The key path as data, to find the problem's line in the file (``at_line``)."""
    at_line: int | None = None
    """The line of the file (from 1) the key path leads to, when known."""

    def line(self) -> str:
        """The problem in one line, control characters escaped."""
        where = self.file if self.at_line is None else f"{self.file}: line {self.at_line}"
        where = f"{where}: {self.path}" if self.path else where
        text = f"{where}: {self.message}"
        if self.has_value:
            text += f" (got {format_value(self.value)})"
        if self.choices:
            shown = list(self.choices)
            more = ""
            if len(shown) > 12:
                more = f", ... {len(shown) - 12} more"
                shown = shown[:12]
            text += f"; valid: {', '.join(shown)}{more}"
        return printable(text)


def problem(
    file: str | Path,
    path: str,
    message: str,
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

    def __init__(self, problems: Sequence[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: tuple[Problem, ...] = (Problem(file="", path="", message=problems),)
        else:
            self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [p.line() if p.file else printable(p.message) for p in self.problems]


class ContentError(EngineError):
    """A questionnaire, profile or dimensions file is missing, unreadable or invalid."""


class AnswersError(EngineError):
    """An answers file (or resume file) does not fit the questionnaire."""


class ExportError(EngineError):
    """A result could not be written or read back."""


class DecodeError(EngineError):
    """A job posting could not be read."""
