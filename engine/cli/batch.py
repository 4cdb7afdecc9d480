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
from engine.errors import EngineError, problem
from engine.i18n import counted, t

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any, TextIO

    from engine.batch import BatchStats, ChunkResult, Mode
    from engine.content import Content
    from engine.tally import CohortTally


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
    """--workers and --scheduler, shared with decode --jsonl."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=workers, default=1, metavar="N",
                       help="processes working on chunks ('auto': one a CPU; default: 1); "
                            "the output is the same")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="score on the Dask cluster at ADDRESS (tcp://host:8786; needs "
                            "rolematch[dask]); the workers read the input themselves, so it "
                            "must be a path they can reach or a URL (s3://... with s3fs); "
                            "the output is the same")


def none_usable(stats: BatchStats, source: str | Path, what: str,
                error: type[EngineError], lang: str = "en") -> None:
    """Raise ``error`` when every line was bad and none gave a result (bad input: the run
    writes no output file and no report), one rule for batch and decode --jsonl: "no line
    could be scored (2 bad lines skipped)" (``what``: "scored" or "decoded"), in ``lang``."""
    if stats.bad and not stats.rows:
        bad = bad_lines(len(stats.bad), lang, hint=False, blank=stats.blank)
        raise error([problem(source, "", t(f"batch.none_{what}", lang, bad=bad))])


def skipped_line(source: str | Path, number: int, reason: str, lang: str) -> str:
    """A bad line reported, the run going on: "in.jsonl: line 5: skipped: not valid JSON"."""
    return t("batch.skipped_line", lang, source=source, line=number, reason=reason)


def bad_lines(bad: int, lang: str, hint: bool = True, blank: int = 0) -> str:
    """How many bad lines were skipped, after how many blank lines were ignored when there
    were some (so results, blank and bad lines add up to the lines read); with ``hint``, when
    there are bad lines, that the exit code is 0 all the same and how to make one fail the
    run."""
    text = counted("batch.bad", bad, lang)
    if blank:
        text = t("batch.blank_then_bad", lang, blank=counted("batch.blank", blank, lang),
                 bad=text)
    return t("batch.bad_exit_zero", lang, bad=text) if bad and hint else text


def check_options(args: argparse.Namespace, source: str) -> None:
    """What --report and --scheduler need, said in one line before any work is done:
    matplotlib, and an input the workers can read."""
    import importlib.util

    from engine.cli import UsageError

    if args.report is not None and args.report.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"--report {args.report}: the report is an HTML page; give it a "
                         "name ending in .html or .htm")
    if args.report is not None and importlib.util.find_spec("matplotlib") is None:
        raise UsageError("--report draws its charts with matplotlib: "
                         "pip install 'rolematch[report]'")
    if args.scheduler is not None and source == "-":
        raise UsageError("--scheduler needs an input the workers can read (a path or a URL), "
                         "not standard input")


def tallied(results: Iterable[ChunkResult], tally: Any) -> Iterator[ChunkResult]:
    """The results, each chunk's tally merged into ``tally`` (if any) as it goes by."""
    for result in results:
        if tally is not None and result.tally is not None:
            tally.merge(result.tally)
        yield result


def write_report(writer: Any, page: Callable[..., str], tally: Any, *args: Any,
                 lang: str = "en") -> None:
    """The report page built (with a progress bar on a terminal) and written."""
    from engine.cli.io import progress_bar

    with progress_bar(1, t("batch.report", lang), unit="steps") as update:
        writer.write(page(tally, *args, progress=update))


def configure(parser: argparse.ArgumentParser) -> None:
    """batch's description and options."""
    parser.description = ("Score one answers object per line (with an optional \"id\" kept in "
                          "the output); one result per line, in the same order. Streams in "
                          "chunks, so memory stays flat however long the input is.")
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("input", metavar="INPUT.jsonl",
                        help="answers, one JSON object a line ('-' for stdin)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write results to FILE (atomically) instead of stdout")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--summary", action="store_true",
                      help="only line, id, top role and the score of every role per line")
    form.add_argument("--csv", action="store_true", help="a CSV table of scores per role")
    parser.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                        help="on a bad line: report it and go on (skip, the default: exit "
                             "code 0 unless no line could be scored) or stop (fail: exit "
                             "code 2)")
    parser.add_argument("--top", type=positive, default=3, metavar="N",
                        help="roles explained in each full result (default: 3)")
    parser.add_argument("--chunk-size", type=positive, default=None, metavar="N",
                        help="lines scored together (default: 16384, or 256 for full results)")
    add_workers(parser)
    parser.add_argument("--report", metavar="FILE.html", type=Path,
                        help="also write a cohort report: the distribution of top roles, the "
                             "close calls and the average profile of each group, with charts "
                             "(needs rolematch[report])")
    parser.add_argument("--force", action="store_true",
                        help="overwrite FILE (and the report) if it exists")


def _in_parallel(
    args: argparse.Namespace, lines: Iterator[tuple[int, bytes]] | None, content: Content,
    out: TextIO, mode: Mode, lang: str, source: str, report: Callable[[int, str], None],
    tally: CohortTally | None,
) -> BatchStats:
    """Chunks scored in --workers processes or on the --scheduler cluster, written in
    order: the same bytes as one process."""
    from engine.batch import (
        DEFAULT_CHUNK,
        WORKER_CHUNK,
        bad_line,
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
            raise AnswersError([problem(source, bad_line(number), reason)])

    size = args.chunk_size or DEFAULT_CHUNK[mode]
    write_header(out, mode, content)
    chunk = {"mode": mode, "lang": lang, "source": source, "explain_top": args.top,
             "split": fail, "tally": tally is not None}
    with contextlib.ExitStack() as stack:
        if lines is None:
            from engine.cli.io import progress_bar
            from engine.cluster import in_cluster, size_of

            update = stack.enter_context(progress_bar(size_of(args.input, AnswersError),
                                                      t("batch.scoring", lang)))
            results = in_cluster(args.input, args.scheduler, score_lines, content,
                                 error=AnswersError, block=CLUSTER_BLOCK[mode],
                                 progress=update, **chunk)
        else:
            results = in_processes(grouped(lines, min(size, WORKER_CHUNK)), args.workers,
                                   score_lines, load_content,
                                   (args.questionnaire, args.profiles), **chunk)
        stack.enter_context(contextlib.closing(results))  # ends the processes or tasks
        return write_results(tallied(results, tally), out, on_bad=on_bad, fail=fail,
                             group=size)


EMPTY = {"summary": "batch.empty", "csv": "batch.empty_csv", "full": "batch.empty_full"}
"""The note on people with no answers to score, as each format writes them: top_role null in
a summary, empty cells in the CSV, enough_answers false in a full result."""

CLUSTER_BLOCK = {"full": 1 << 18, "summary": 1 << 22, "csv": 1 << 22}
"""Input bytes a cluster task reads: full results are ~40 times the size of their answers."""


def run(args: argparse.Namespace) -> int:
    """Score every line; bad lines are reported (skip) or stop the run (fail)."""
    # imported when the command runs, so `rolematch batch --help` stays fast
    from engine.batch import cohort_tally, run_batch
    from engine.files import AtomicWriter

    check_options(args, args.input)
    lang = options.lang(args)
    content = options.content(args)
    mode: Mode = "summary" if args.summary else "csv" if args.csv else "full"
    source = "<stdin>" if args.input == "-" else args.input

    def report(number: int, reason: str) -> None:
        if args.on_error == "skip":
            err(skipped_line(source, number, reason, lang))

    tally = cohort_tally(content) if args.report is not None else None
    with contextlib.ExitStack() as stack:
        stack.enter_context(terminate_interrupts())
        lines = None
        if args.scheduler is None:
            lines = stack.enter_context(numbered_lines(Path(args.input), EngineError,
                                                       t("batch.scoring", lang)))
        else:
            from engine.cluster import size_of

            size_of(args.input, EngineError)  # a missing input is said before anything else
        page = None
        if args.report is not None:  # opened now: an existing report stops the run at once
            page = stack.enter_context(AtomicWriter(args.report, force=args.force,
                                                             lang=lang))
        out = stack.enter_context(output(args.output, args.force, lang))
        if lines is not None and args.workers == 1:
            stats = run_batch(lines, content, out, mode=mode, lang=lang,
                              on_error=args.on_error, source=source,
                              chunk_size=args.chunk_size, explain_top=args.top,
                              report=report, tally=tally)
        else:
            stats = _in_parallel(args, lines, content, out, mode, lang, source, report, tally)
        none_usable(stats, source, "scored", EngineError, lang)
        if page is not None:
            from engine.batch_report import cohort_page

            write_report(page, cohort_page, tally, content, lang, stats.bad, lang=lang)
    where = t("batch.written_to", lang, path=args.output) if args.output else ""
    if stats.empty:  # scored, not refused: said as the format writes them
        err(counted(EMPTY[mode], stats.empty, lang))
    # exit code 0 all the same: bad_lines says how to make a bad line fail the run
    note(counted("batch.written", stats.rows, lang, where=where,
                 bad=bad_lines(len(stats.bad), lang, blank=stats.blank)))
    if args.report is not None:
        note(t("file.saved", lang, path=args.report))
    return EXIT_OK
