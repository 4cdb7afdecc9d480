"""``rolematch batch``: score a JSONL file of answers, one result a line, in chunks."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli import EXIT_OK, options
from engine.cli.io import err, note, numbered_lines, output, terminate_interrupts
from engine.cli.options import positive
from engine.errors import EngineError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

    from engine.batch import BatchStats, Mode
    from engine.content import Content


def workers(value: str) -> int:
    """An argparse type for --workers: a whole number, 1 or more, or 'auto' (one a CPU)."""
    if value == "auto":
        return os.cpu_count() or 1
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a whole number or 'auto': {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def add_workers(parser: argparse.ArgumentParser) -> None:
    """--workers, shared with decode --jsonl."""
    parser.add_argument("--workers", type=workers, default=1, metavar="N",
                        help="processes working on chunks ('auto': one a CPU; default: 1); "
                             "the output is the same")


def configure(parser: argparse.ArgumentParser) -> None:
    """batch's description and options."""
    parser.description = ("Score one answers object per line (with an optional \"id\" kept in "
                          "the output); one result per line, in the same order. Streams in "
                          "chunks, so memory stays flat however long the input is.")
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("input", metavar="INPUT.jsonl", type=Path,
                        help="answers, one JSON object a line ('-' for stdin)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write results to FILE (atomically) instead of stdout")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--summary", action="store_true",
                      help="only line, id, top role and the score of every role per line")
    form.add_argument("--csv", action="store_true", help="a CSV table of scores per role")
    parser.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                        help="on a bad line: report it and go on (skip, default) or stop (fail)")
    parser.add_argument("--top", type=positive, default=3, metavar="N",
                        help="roles explained in each full result (default: 3)")
    parser.add_argument("--chunk-size", type=positive, default=None, metavar="N",
                        help="lines scored together (default: 16384, or 256 for full results)")
    add_workers(parser)
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _in_processes(
    args: argparse.Namespace, lines: Iterator[tuple[int, bytes]], content: Content,
    out: TextIO, mode: Mode, lang: str, source: str, report: Callable[[int, str], None],
) -> BatchStats:
    """Chunks scored in --workers processes, written in order: the same bytes as one."""
    from engine.batch import (
        DEFAULT_CHUNK,
        WORKER_CHUNK,
        grouped,
        in_processes,
        score_lines,
        write_header,
        write_results,
    )
    from engine.content import load_content
    from engine.errors import AnswersError, problem

    fail = args.on_error == "fail"

    def on_bad(number: int, reason: str) -> None:
        report(number, reason)
        if fail:
            raise AnswersError([problem(source, f"line {number}", reason)])

    size = args.chunk_size or DEFAULT_CHUNK[mode]
    write_header(out, mode, content)
    results = in_processes(grouped(lines, min(size, WORKER_CHUNK)), args.workers,
                           score_lines, load_content, (args.questionnaire, args.profiles),
                           mode=mode, lang=lang, source=source, explain_top=args.top,
                           split=fail)
    with contextlib.closing(results):  # ends the processes, whatever happens
        return write_results(results, out, on_bad=on_bad, fail=fail, group=size)


def run(args: argparse.Namespace) -> int:
    """Score every line; bad lines are reported (skip) or stop the run (fail)."""
    # imported when the command runs, so `rolematch batch --help` stays fast
    from engine.batch import run_batch

    lang = options.lang(args)
    content = options.content(args)
    mode: Mode = "summary" if args.summary else "csv" if args.csv else "full"
    source = "<stdin>" if str(args.input) == "-" else str(args.input)

    def report(number: int, reason: str) -> None:
        if args.on_error == "skip":
            err(f"{source}: line {number}: skipped: {reason}")

    with terminate_interrupts(), numbered_lines(args.input, EngineError) as lines, \
            output(args.output, args.force) as out:
        if args.workers == 1:
            stats = run_batch(lines, content, out, mode=mode, lang=lang,
                              on_error=args.on_error, source=source,
                              chunk_size=args.chunk_size, explain_top=args.top,
                              report=report)
        else:
            stats = _in_processes(args, lines, content, out, mode, lang, source, report)
    bad = len(stats.bad)
    where = f" to {args.output}" if args.output else ""
    note(f"{stats.rows} result{'s' if stats.rows != 1 else ''} written{where}; "
         f"{bad} bad line{'s' if bad != 1 else ''} skipped")
    return EXIT_OK
