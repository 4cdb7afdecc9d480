"""Input and output for the commands, in one place.

Numbered input lines from a file or standard input (with a progress bar on a terminal);
standard output or an atomically written file; messages on stderr; what the terminal is.
Standard output that cannot be written (a full disk) is an ExportError naming
``<stdout>``, so it ends as one line and exit code 2 like any other file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from engine.errors import EngineError, ExportError, problem
from engine.files import AtomicWriter
from engine.files import reason as os_reason

STDOUT = "<stdout>"


def err(message: str, wrap: bool = False) -> None:
    """One line on stderr, prefixed like every rolematch error; with ``wrap``, wrapped
    between words when stderr is a terminal (where a person reads it, and where the
    terminal would otherwise cut it at its edge, mid-word)."""
    text = f"rolematch: {message}"
    print(wrapped(text) if wrap and is_tty(sys.stderr) else text, file=sys.stderr)


def note(message: str) -> None:
    """A message for the person (what was saved, how many lines) on stderr."""
    print(message, file=sys.stderr)


def is_tty(stream: Any) -> bool:
    """Whether ``stream`` is a terminal; False for anything that cannot say."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def at_terminal() -> bool:
    """Whether a person is at a terminal: standard input and output both terminals (the
    result's summary and menu need both; a pipe or a redirection gets the full text)."""
    return is_tty(sys.stdin) and is_tty(sys.stdout)


def width() -> int:
    """The width to lay text out in: the terminal's, kept between 40 and 100 columns."""
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


_COMMAND = re.compile(r"`[^`]+`|\brolematch(?: --?[a-z][\w-]*)+")
"""A command named in a message: backquoted, or rolematch with its options written plainly
("run: rolematch --resume")."""
_HELD = "\ue000"  # a space inside a `command`, while the text is wrapped


def wrapped(text: str) -> str:
    """A message for the person wrapped between words at the terminal's width, so no word is
    cut at the edge: paths stay whole, a command (`backquoted`, or rolematch and its options)
    stays on one line when it fits on one, and no line starts with a space."""
    from engine.i18n import squash, wrap

    columns = width()

    def hold(match: re.Match[str]) -> str:
        command = match.group()
        return command.replace(" ", _HELD) if len(command) <= columns else command

    lines = wrap(_COMMAND.sub(hold, squash(text)), columns)
    return "\n".join(line.replace(_HELD, " ").lstrip() for line in lines)


def color() -> bool:
    """Colour on standard output: only on a terminal, and never with NO_COLOR set."""
    return is_tty(sys.stdout) and not os.environ.get("NO_COLOR")


def stdout_error(exc: OSError) -> ExportError:
    """Standard output could not be written, as one line naming why."""
    return ExportError([problem(STDOUT, "", f"could not be written: {os_reason(exc)}")])


def write(text: str) -> None:
    """Write ``text`` on standard output (buffered: ``flush_stdout`` shows a late failure)."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise  # the reader went away: main ends quietly
    except OSError as exc:
        raise stdout_error(exc) from None


def flush_stdout() -> None:
    """Flush standard output, so a full disk is reported now rather than at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise stdout_error(exc) from None


def print_json(data: Any) -> None:
    """``data`` as indented JSON on standard output, non-ASCII text kept readable."""
    write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def numbered_lines(
    path: Path, error: type[EngineError], description: str = "scoring",
) -> Iterator[Iterator[tuple[int, bytes]]]:
    """(line number, raw line) from a file or, for '-', standard input; with a progress bar
    (named ``description``) on stderr when it is a terminal and the size is known. A file
    that cannot be opened is one line of ``error``."""
    if str(path) == "-":
        yield enumerate(sys.stdin.buffer, start=1)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        from engine.errors import Msg
        from engine.readers import OsReason

        reason = Msg("input.not_found") if isinstance(exc, FileNotFoundError) else OsReason(exc)
        raise error([problem(path, "", reason)]) from None
    total = os.fstat(stream.fileno()).st_size
    progress = _Progress(total, description) if is_tty(sys.stderr) and total else None
    try:
        yield progress.wrap(stream) if progress else enumerate(stream, start=1)
    finally:
        if progress:
            progress.stop()
        stream.close()


@contextlib.contextmanager
def terminate_interrupts() -> Iterator[None]:
    """SIGTERM taken as Ctrl-C for the block: an interrupted run unwinds (no temporary
    output file left, worker processes ended) and ends "interrupted", exit code 130."""

    parent = os.getpid()

    def interrupt(signum: int, frame: Any) -> None:
        if os.getpid() != parent:  # a worker forked before it set its own handlers
            os._exit(128 + signum)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def output(path: Path | None, force: bool, lang: str = "en") -> Iterator[TextIO]:
    """Standard output, or ``path`` written atomically (and not at all on failure; the error
    line in ``lang``).

    As AtomicWriter does for a file, an OSError inside the block is taken for the output
    failing: standard output that cannot be written is one ExportError line.
    """
    if path is not None:
        with AtomicWriter(path, force=force, lang=lang) as out:
            yield out
        return
    try:
        yield sys.stdout
        sys.stdout.flush()  # before the caller says how many lines were written
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise stdout_error(exc) from None


@contextlib.contextmanager
def progress_bar(total: int, description: str,
                 unit: str = "bytes") -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr while the block runs, when stderr is a terminal: yields
    ``update(done, total)``, or None when no bar is drawn (piped runs, tests)."""
    if not is_tty(sys.stderr):
        yield None
        return
    bar = _Progress(total, description, unit)

    def update(done: int, new_total: int) -> None:
        bar.bar.update(bar.task, completed=done, total=new_total)

    try:
        yield update
    finally:
        bar.stop()


class _Progress:
    """A progress bar on stderr, by bytes read (or by steps), for runs on a terminal."""

    def __init__(self, total: int, description: str = "scoring", unit: str = "bytes") -> None:
        # rich only when a bar is drawn: piped runs and the small commands never import it
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            Progress,
            TimeRemainingColumn,
        )

        count = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
        self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                            count, TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task(description, total=total)
        self.bar.start()

    def wrap(self, stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
        """Numbered lines of ``stream``, moving the bar every 512 lines."""
        done = 0
        for number, raw in enumerate(stream, start=1):
            done += len(raw)
            if number % 512 == 0:
                self.bar.update(self.task, completed=done)
            yield number, raw
        self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        """Take the bar off the screen (it is transient)."""
        self.bar.stop()


def read_posting(path: Path | None, text: str | None = None) -> tuple[str, str]:
    """A job posting's text and where it came from: the file ``path`` (``-``: standard
    input), else ``text`` as given, else standard input when it is not a terminal. Empty,
    binary, non-UTF-8 or too large is a DecodeError (one line, exit code 2); nothing given
    at all gives an empty source (the caller words the usage message)."""
    # imported when a posting is read, so `rolematch X --help` stays fast
    from engine.decode import check_text
    from engine.errors import DecodeError
    from engine.readers import MAX_POSTING_BYTES, read_bytes, read_stream

    raw: str | bytes
    if path is not None and str(path) != "-":
        raw, source = read_bytes(path, DecodeError, MAX_POSTING_BYTES), str(path)
    elif text is not None and text != "-":
        raw, source = text, "TEXT"
    elif str(path) == "-" or text == "-" or not is_tty(sys.stdin):
        raw, source = read_stream(sys.stdin.buffer, "<stdin>", DecodeError,
                                  MAX_POSTING_BYTES), "<stdin>"
    else:
        return "", ""
    return check_text(raw, source), source


def posting_title(text: str) -> str | None:
    """A posting's title when none is given: its first line, if short."""
    first = text.strip().splitlines()[0].strip()
    return first if len(first) <= 80 else None

