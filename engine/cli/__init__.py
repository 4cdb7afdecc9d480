"""The command line's entry point: run one command, one line per error, the exit code.

Exit codes: 0 success, 2 bad input (content, answers, arguments, no terminal, an output that
cannot be written), 130 interrupted. Each command lives in its own module, imported only
when it runs (see engine.cli.commands), so ``rolematch --help`` starts as fast as Python
itself allows.
"""

from __future__ import annotations

import os
import sys

from engine.cli.commands import COMMANDS, build_parser, parse

TYPE_CHECKING = False  # not imported from typing: `rolematch --help` must start fast
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A command-line mistake that argparse cannot see (reported with exit code 2)."""


def _normalise_argv(argv: list[str]) -> list[str]:
    """No command means the quiz: ``rolematch --lang fr`` is ``rolematch quiz --lang fr``."""
    if not argv:
        return ["quiz"]
    first = argv[0]
    if first in ("-h", "--help", "--version") or first in COMMANDS:
        return argv
    if first.startswith("-"):
        return ["quiz", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run rolematch; returns the exit code (the script and ``python -m engine`` exit with it)."""
    args_list = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(args_list[0])
    try:
        args = parse(parser, args_list)
    except SystemExit as exc:  # argparse: --help, --version or a usage error (already printed)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        return _run(args)
    finally:
        _settle_stdout()


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; every failure becomes one line on stderr and an exit code."""
    # imported once a command runs: `--help` and usage errors must not pay for them
    from engine.cli.io import err, flush_stdout
    from engine.errors import EngineError

    try:
        code = int(args.func(args))
        flush_stdout()  # a full disk shows here, as one line, not at the interpreter's exit
        return code
    except EngineError as exc:
        from engine.cli.options import said_in

        for line in exc.lines(said_in(args)):
            err(line)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except MemoryError:
        err("out of memory")
        return 1
    except BrokenPipeError:
        # the reader went away (e.g. `rolematch roles | head`); not an error worth a traceback
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug: one line, not a traceback
        if os.environ.get("ROLEMATCH_DEBUG"):
            raise
        err(f"internal error ({type(exc).__name__}: {exc}); this is a bug in rolematch. "
            "Run again with ROLEMATCH_DEBUG=1 to see the traceback, and please report it.")
        return 1


def _settle_stdout() -> None:
    """Flush standard output now; if it cannot be written, make sure the interpreter's own
    flush at exit cannot print a traceback or change the exit code either."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null: what is still buffered goes nowhere, quietly."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. tests capture it)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
