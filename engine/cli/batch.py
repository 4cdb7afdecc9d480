"""``rolematch batch``: score a JSONL file of answers, one result a line, in chunks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli import EXIT_OK, options
from engine.cli.io import err, note, numbered_lines, output
from engine.cli.options import positive
from engine.errors import EngineError

if TYPE_CHECKING:
    from engine.batch import Mode


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
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


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

    with numbered_lines(args.input, EngineError) as lines, \
            output(args.output, args.force) as out:
        stats = run_batch(lines, content, out, mode=mode, lang=lang, on_error=args.on_error,
                          source=source, chunk_size=args.chunk_size, explain_top=args.top,
                          report=report)
    bad = len(stats.bad)
    where = f" to {args.output}" if args.output else ""
    note(f"{stats.rows} result{'s' if stats.rows != 1 else ''} written{where}; "
         f"{bad} bad line{'s' if bad != 1 else ''} skipped")
    return EXIT_OK
