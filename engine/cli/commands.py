"""The command table and the top-level parser.

Each command's name maps to its one-line help and to the module that implements it (the
module declares the command's options in ``configure(parser)`` and runs it in
``run(args)``). A command's module is imported when that command is about to run, so
``rolematch --help`` imports none of them.

The rule for a command's module: only light modules at its top (the standard library,
engine.cli and its options and io, engine.errors, engine.files, engine.i18n), and the
heavy ones (content, scoring, rendering, export; pydantic, numpy, yaml, rich) imported in
``run()``, so ``rolematch X --help`` and a usage error, which only need ``configure``,
stay as fast as ``rolematch --help``. tests/test_startup_imports.py checks it.
"""

from __future__ import annotations

import argparse
import importlib

from engine import __version__

TYPE_CHECKING = False  # not imported from typing: `rolematch --help` must start fast
if TYPE_CHECKING:
    from typing import NoReturn, Protocol

    class CommandModule(Protocol):
        """What a command's module provides."""

        def configure(self, parser: argparse.ArgumentParser) -> None: ...

        def run(self, args: argparse.Namespace) -> int: ...


# name: (module, one-line help), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "quiz": ("engine.cli.quiz_command", "take the quiz (the default command)"),
    "show": ("engine.cli.show",
             "show a saved result, or turn it into a Markdown or HTML report"),
    "batch": ("engine.cli.batch", "score a JSONL file of answers, one result a line"),
    "decode": ("engine.cli.decode",
               "read a job posting and say which role it really describes, with the evidence"),
    "fit": ("engine.cli.fit", "how well a saved result fits one job posting, and what to learn"),
    "validate": ("engine.cli.validate", "check questionnaire and profiles, report every error"),
    "roles": ("engine.cli.roles", "list the roles, or show one role's card"),
    "questions": ("engine.cli.questions", "print the questionnaire"),
    "schema": ("engine.cli.schema", "print the JSON Schema of a file kind"),
}

DESCRIPTION = """\
Find which data or AI role fits you.

Job titles (Data Analyst, Data Scientist, Data Engineer, ML Engineer, MLOps Engineer,
DevOps Engineer, AI Engineer, AI Architect) mean different things from one company to
the next. rolematch asks about your skills, the tools you know and the work you enjoy,
and ranks the eight roles by cosine similarity, explaining every score.

With no command, rolematch runs the quiz (options: `rolematch quiz --help`)."""

EPILOG = """\
examples:
  rolematch                         take the quiz
  rolematch --lang fr               take it in French
  rolematch --answers me.yaml       score saved answers without prompts
  rolematch --output result.json    take the quiz and keep the result
  rolematch show result.json --format html --output result.html
  rolematch batch answers.jsonl -o results.jsonl --summary
  rolematch decode --file posting.txt   which role a job posting really describes
  rolematch fit result.json posting.txt  how well you fit that posting
  rolematch roles data-engineer     read one role's card
  rolematch questions --json        the questionnaire, to prepare an answers file
  rolematch validate --verbose      check edited content

exit codes: 0 success, 2 bad input, 130 interrupted"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (and exit code 2), like every other error:
    ``rolematch: quiz: argument --top: must be 1 or more: '0' (see rolematch quiz --help)``."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("rolematch").strip()
        where = f"{command}: " if command else ""
        self.exit(2, f"rolematch: {where}{message} (see {self.prog} --help)\n")


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed; an argument no option of the command takes is the command's mistake,
    said with its --help: "rolematch: show: unrecognized arguments: --bogus (see rolematch
    show --help)" (argparse would send the person to ``rolematch --help``, which does not
    list the command's options)."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        chosen = getattr(parser, "commands", {}).get(getattr(args, "command", None), parser)
        chosen.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def command_module(name: str) -> CommandModule:
    """The module implementing command ``name``, imported now (the one lazy import)."""
    return importlib.import_module(COMMANDS[name][0])


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with ``command``'s own options (from its module) when one is named.

    Every command is listed, for ``--help`` and for "invalid choice", but only the one about
    to run is imported and configured: argparse never parses the others' options.
    """
    parser = _Parser(
        prog="rolematch",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rolematch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    parser.commands = sub.choices  # type: ignore[attr-defined]  # for parse's errors
    for name, (_, help_line) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_line)
        if name == command:
            module = command_module(name)
            module.configure(command_parser)
            command_parser.set_defaults(func=module.run)
    return parser
