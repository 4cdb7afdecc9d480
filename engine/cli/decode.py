"""``rolematch decode``: which role a job posting really describes, with the evidence.

One posting (TEXT, --file, '-' or a pipe) as a screen or JSON, or a JSONL file of postings
decoded in chunks, one result a line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path, PurePath

from engine.cli import EXIT_OK, UsageError, options
from engine.cli.batch import add_workers
from engine.cli.io import (
    color,
    err,
    note,
    numbered_lines,
    output,
    posting_title,
    print_json,
    read_posting,
    terminate_interrupts,
    width,
    write,
)
from engine.cli.options import positive
from engine.errors import DecodeError, problem
from engine.i18n import counted, t

TYPE_CHECKING = False  # not imported from typing: `rolematch decode --help` must start fast
if TYPE_CHECKING:
    from collections.abc import Generator

    from engine.batch import ChunkResult
    from engine.content import ProfileSet

CHUNK = 256  # postings decoded together from --jsonl


def configure(parser: argparse.ArgumentParser) -> None:
    """decode's description and options."""
    parser.description = (
        "Find the skills, tools and activities a job posting asks for, rank the roles they "
        "describe, and say when the title names another role. The ranking counts skills and "
        "tools; what the posting says about the work itself (client contact, on-call, "
        "strategy) is shown, not counted. Text comes from TEXT, --file, '-' or a pipe.")
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("text", nargs="?", metavar="TEXT",
                        help="the posting's text, or the name of a file that holds it, as "
                             "`rolematch fit` takes it ('-' or a pipe: standard input); one "
                             "word that looks like a file's name (posting.txt, jobs/p) is "
                             "read as a file, and is 'file not found' if there is none")
    parser.add_argument("--file", metavar="FILE", type=Path, help="read the posting from FILE")
    parser.add_argument("--title", help="the posting's title (default: its first line, if short)")
    parser.add_argument("--jsonl", metavar="FILE",
                        help="decode a JSONL file of postings ({id, title, text} per line; "
                             "other keys are ignored), one result per line")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="with --jsonl: write results to FILE instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                        help="with --jsonl, on a bad line: report it and go on (skip, the "
                             "default: exit code 0 unless no line could be decoded) or stop "
                             "(fail: exit code 2)")
    add_workers(parser)
    parser.add_argument("--report", metavar="FILE.html", type=Path,
                        help="with --jsonl: also write a market report: the role each title "
                             "names against the role its content describes, how often they "
                             "disagree, the terms that decide each role, with charts (needs "
                             "rolematch[report])")
    parser.add_argument("--json", action="store_true",
                        help="print the result as JSON (schema: rolematch schema decode)")
    parser.add_argument("--top", type=positive, default=3, metavar="N",
                        help="roles explained in detail (default: 3)")


def run(args: argparse.Namespace) -> int:
    """Decode one posting, or every line of --jsonl."""
    # imported when the command runs, so `rolematch decode --help` stays fast
    from engine.decode import decode_many
    from engine.report import decode_screen

    lang = options.lang(args)
    if args.jsonl is None and (args.report is not None or args.scheduler is not None):
        raise UsageError("--report and --scheduler go with --jsonl FILE")
    if args.jsonl is not None:
        if args.text is not None or args.file is not None:
            raise UsageError("--jsonl cannot be combined with TEXT or --file")
        return _decode_jsonl(args, lang)
    if args.text is not None and args.file is not None:
        raise UsageError("give the posting as TEXT or with --file, not both")
    if args.text is not None and (_names_a_file(args.text) or _looks_like_a_file(args.text)):
        # `rolematch decode posting.txt`, as fit takes a posting: the file, not its name
        # (and a missing one is "file not found", not a one-word posting)
        args.file, args.text = Path(args.text), None
    text, source = read_posting(args.file, args.text)
    if not source:
        raise UsageError("give a posting as TEXT, with --file FILE, or on standard input "
                         "(see rolematch decode --help)")
    title = args.title if args.title is not None else posting_title(text)
    profiles = options.profiles(args)
    doc = decode_many([(text, title, None)], profiles, lang, args.top)[0]
    if args.json:
        print_json(doc.to_data())
    else:
        write(decode_screen(doc, width=width(), color=color(), top=args.top))
    return EXIT_OK


def _names_a_file(text: str) -> bool:
    if "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a path, or a NUL in it: text
        return False


DOCUMENT_SUFFIXES = frozenset({
    ".txt", ".text", ".md", ".markdown", ".rst", ".json", ".jsonl", ".ndjson", ".html", ".htm",
    ".xml", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".csv", ".tsv", ".yaml", ".yml"})
"""Extensions that make one word a file's name: documents, not a name's dot (Node.js)."""


def _looks_like_a_file(text: str) -> bool:
    """Whether TEXT is a file's name rather than a posting: one word (no spaces) that ends in
    a document's extension (posting.txt, offer.PDF), or a path: it starts as one does (/,
    ./, ../, ~) or names a folder that exists (jobs/p). "CI/CD" is text."""
    if not text or any(c.isspace() for c in text):
        return False
    if PurePath(text).suffix.lower() in DOCUMENT_SUFFIXES:
        return True
    separators = [c for c in ("/", os.sep, os.altsep) if c]
    if not any(c in text for c in separators):
        return False
    if text.startswith(("~", ".", *separators)):
        return True
    try:
        return Path(text).parent.is_dir()
    except (OSError, ValueError):
        return False


def worker_profiles(questionnaire: Path | None, profiles: Path | None) -> ProfileSet:
    """The profiles a --workers process loads once, as ``options.profiles`` does."""
    return options.profiles(argparse.Namespace(questionnaire=questionnaire, profiles=profiles))


def _decode_jsonl(args: argparse.Namespace, lang: str) -> int:
    """Decode {id, title, text} lines in chunks; one result a line, bad lines reported."""
    # imported when the command runs, so `rolematch decode --help` stays fast
    from engine.batch import bad_line, decode_lines, grouped, in_processes, write_results
    from engine.cli.batch import (
        bad_lines,
        check_options,
        none_usable,
        skipped_line,
        tallied,
        write_report,
    )
    from engine.files import AtomicWriter

    check_options(args, args.jsonl)
    source = args.jsonl
    fail = args.on_error == "fail"

    def on_bad(number: int, reason: str) -> None:
        if fail:
            raise DecodeError([problem(source, bad_line(number), reason)]) from None
        err(skipped_line(source, number, reason, lang))

    options_for_chunk = {"lang": lang, "source": source, "explain_top": args.top,
                         "split": fail, "tally": args.report is not None}
    tally = None
    profiles = None  # loaded here unless only --workers processes need them
    if args.workers == 1 or args.scheduler is not None or args.report is not None:
        profiles = options.profiles(args)
    with contextlib.ExitStack() as stack:
        stack.enter_context(terminate_interrupts())
        if args.scheduler is None:
            lines = stack.enter_context(numbered_lines(Path(args.jsonl), DecodeError,
                                                       t("batch.decoding", lang)))
        else:
            from engine.cluster import size_of

            total = size_of(args.jsonl, DecodeError)
        page = None
        if args.report is not None:  # opened now: an existing report stops the run at once
            page = stack.enter_context(AtomicWriter(args.report, force=args.force,
                                                             lang=lang))
        out = stack.enter_context(output(args.output, args.force, lang))
        results: Generator[ChunkResult, None, None]
        if args.scheduler is not None:
            assert profiles is not None
            from engine.cli.io import progress_bar
            from engine.cluster import in_cluster

            update = stack.enter_context(progress_bar(total, t("batch.decoding", lang)))
            results = in_cluster(args.jsonl, args.scheduler, decode_lines, profiles,
                                 error=DecodeError, progress=update, **options_for_chunk)
        elif args.workers == 1:
            assert profiles is not None
            results = (decode_lines(group, profiles, **options_for_chunk)
                       for group in grouped(lines, CHUNK))
        else:
            results = in_processes(grouped(lines, CHUNK), args.workers, decode_lines,
                                   worker_profiles, (args.questionnaire, args.profiles),
                                   **options_for_chunk)
        if page is not None:
            from engine.tally import MarketTally

            assert profiles is not None
            tally = MarketTally(tuple(profiles.role_ids))
        stack.enter_context(contextlib.closing(results))  # ends the processes or tasks
        stats = write_results(tallied(results, tally), out, on_bad=on_bad, fail=fail,
                              group=CHUNK)
        none_usable(stats, source, "decoded", DecodeError, lang)
        if page is not None:
            from engine.batch_report import market_page

            write_report(page, market_page, tally, profiles, lang, lang=lang)
    note(counted("batch.decoded", stats.rows, lang, bad=bad_lines(len(stats.bad), lang,
                                                                  hint=False,
                                                                  blank=stats.blank)))
    if args.report is not None:
        note(t("file.saved", lang, path=args.report))
    return EXIT_OK
