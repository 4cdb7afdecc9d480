"""The command line: argument parsing, wiring, messages and exit codes.

Exit codes: 0 success, 2 bad input (content, answers, arguments, no terminal), 130 interrupted.
Heavy imports (pydantic models, numpy, scikit-learn, rich, questionary) happen inside the
commands that need them, so ``rolematch --help`` starts as fast as Python itself allows.
"""

from __future__ import annotations

import argparse
import os
import sys

from engine import __version__

# typing, pathlib, json and threading are imported where used: `--help` must start fast
TYPE_CHECKING = False
if TYPE_CHECKING:
    import threading
    from collections.abc import Iterator, Sequence
    from pathlib import Path
    from typing import Any, TextIO

    from engine.content import Content, ProfileSet, Questionnaire

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

COMMANDS = ("quiz", "show", "batch", "decode", "validate", "roles", "questions", "schema")
SCHEMA_KINDS = ("questionnaire", "profile", "dimensions", "vocabulary", "answers", "result",
                "decode")

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
  rolematch roles data-engineer     read one role's card
  rolematch questions --json        the questionnaire, to prepare an answers file
  rolematch validate --verbose      check edited content

exit codes: 0 success, 2 bad input, 130 interrupted"""


class UsageError(Exception):
    """A command-line mistake that argparse cannot see (reported with exit code 2)."""


def _path(value: str) -> Path:
    from pathlib import Path

    return Path(value)


def _lang_type(value: str) -> str:
    if value not in ("en", "fr"):
        raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from 'en', 'fr')")
    return value


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolematch",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rolematch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    content = argparse.ArgumentParser(add_help=False)
    group = content.add_argument_group("content")
    group.add_argument("--questionnaire", metavar="FILE", type=_path,
                       help="questionnaire YAML file (default: the shipped one)")
    group.add_argument("--profiles", metavar="DIR", type=_path,
                       help="folder with dimensions.yaml and the role profiles "
                            "(default: the shipped ones)")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", type=_lang_type, metavar="{en,fr}",
                      help="language (default: from LC_ALL/LANG, French if they start "
                           "with 'fr', else English)")

    quiz = sub.add_parser(
        "quiz", parents=[content, lang], help="take the quiz (the default command)",
        description="Take the quiz in the terminal, or score an answers file without prompts.",
    )
    quiz.add_argument("--answers", metavar="FILE", type=_path,
                      help="score this answers file (YAML or JSON) instead of asking")
    quiz.add_argument("--quick", action="store_true",
                      help="quick mode: ask the most informative question next and stop as "
                           "soon as your top match is settled (often 8 to 12 questions)")
    quiz.add_argument("--resume", action="store_true",
                      help="continue the quiz you interrupted, at the first unanswered question")
    quiz.add_argument("--save-answers", metavar="FILE", type=_path,
                      help="also write the answers given to FILE, for reuse with --answers")
    quiz.add_argument("--top", type=_positive, default=3, metavar="N",
                      help="explain the top N roles in detail (default: 3)")
    quiz.add_argument("--json", action="store_true",
                      help="print the result as JSON on stdout instead of the result screen "
                           "(the prompts then draw on stderr)")
    quiz.add_argument("-o", "--output", metavar="FILE", type=_path,
                      help="also write the result document (JSON) to FILE, readable by you only")
    quiz.add_argument("--force", action="store_true",
                      help="overwrite existing files given to --output or --save-answers")
    quiz.set_defaults(func=cmd_quiz)

    show = sub.add_parser(
        "show", help="show a saved result, or turn it into a Markdown or HTML report",
        description="Render a saved result (from --output or --json) exactly like the quiz's "
                    "result screen, or as a report a person can print or send.",
    )
    show.add_argument("result", metavar="RESULT.json", type=_path, help="a saved result")
    show.add_argument("--format", choices=("screen", "md", "html"), default="screen",
                      help="screen (default), md (Markdown) or html (one self-contained page)")
    show.add_argument("-o", "--output", metavar="FILE", type=_path,
                      help="write to FILE instead of stdout")
    show.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    show.add_argument("--top", type=_positive, default=3, metavar="N",
                      help="roles shown in detail (default: 3, at most those explained in the "
                           "result)")
    show.set_defaults(func=cmd_show)

    batch = sub.add_parser(
        "batch", parents=[content, lang], help="score a JSONL file of answers, one result a line",
        description="Score one answers object per line (with an optional \"id\" kept in the "
                    "output); one result per line, in the same order. Streams in chunks, so "
                    "memory stays flat however long the input is.",
    )
    batch.add_argument("input", metavar="INPUT.jsonl", type=_path,
                       help="answers, one JSON object a line ('-' for stdin)")
    batch.add_argument("-o", "--output", metavar="FILE", type=_path,
                       help="write results to FILE (atomically) instead of stdout")
    form = batch.add_mutually_exclusive_group()
    form.add_argument("--summary", action="store_true",
                      help="only line, id, top role and the score of every role per line")
    form.add_argument("--csv", action="store_true", help="a CSV table of scores per role")
    batch.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                       help="on a bad line: report it and go on (skip, default) or stop (fail)")
    batch.add_argument("--top", type=_positive, default=3, metavar="N",
                       help="roles explained in each full result (default: 3)")
    batch.add_argument("--chunk-size", type=_positive, default=None, metavar="N",
                       help="lines scored together (default: 16384, or 256 for full results)")
    batch.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    batch.set_defaults(func=cmd_batch)

    decode = sub.add_parser(
        "decode", parents=[content, lang],
        help="read a job posting and say which role it really describes, with the evidence",
        description="Find the skills, tools and activities a job posting asks for, rank the "
                    "roles they describe, and say when the title names another role. The "
                    "ranking counts skills and tools; what the posting says about the work "
                    "itself (client contact, on-call, strategy) is shown, not counted. Text "
                    "comes from TEXT, --file, '-' or a pipe.",
    )
    decode.add_argument("text", nargs="?", metavar="TEXT",
                        help="the posting's text ('-' or a pipe: standard input)")
    decode.add_argument("--file", metavar="FILE", type=_path, help="read the posting from FILE")
    decode.add_argument("--title", help="the posting's title (default: its first line, if short)")
    decode.add_argument("--jsonl", metavar="FILE", type=_path,
                        help="decode a JSONL file of postings ({id, title, text} per line), "
                             "one result per line")
    decode.add_argument("-o", "--output", metavar="FILE", type=_path,
                        help="with --jsonl: write results to FILE instead of stdout")
    decode.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    decode.add_argument("--on-error", choices=("skip", "fail"), default="skip",
                        help="with --jsonl, on a bad line: report and go on, or stop")
    decode.add_argument("--json", action="store_true",
                        help="print the result as JSON (schema: rolematch schema decode)")
    decode.add_argument("--top", type=_positive, default=3, metavar="N",
                        help="roles explained in detail (default: 3)")
    decode.set_defaults(func=cmd_decode)

    validate = sub.add_parser(
        "validate", parents=[content], help="check questionnaire and profiles, report every error",
        description="Check the questionnaire, dimensions and role profiles together. Prints a "
                    "summary, or every problem found (file, key path, bad value, valid choices).",
    )
    validate.add_argument("-v", "--verbose", action="store_true",
                          help="also print the pairwise similarity of the role profiles")
    validate.set_defaults(func=cmd_validate)

    roles = sub.add_parser(
        "roles", parents=[content, lang], help="list the roles, or show one role's card",
        description="List the roles with their objective, or show one role's full card.",
    )
    roles.add_argument("role", nargs="?", metavar="ROLE", help="a role id, e.g. data-engineer")
    roles.add_argument("--json", action="store_true",
                       help="print JSON (includes the dimension weights)")
    roles.set_defaults(func=cmd_roles)

    questions = sub.add_parser(
        "questions", parents=[content, lang], help="print the questionnaire",
        description="Print the questionnaire as a person reads it, or as JSON for scripts "
                    "that prepare answers files.",
    )
    questions.add_argument("--json", action="store_true",
                           help="print a JSON list of {id, type, section, text, options}")
    questions.set_defaults(func=cmd_questions)

    schema = sub.add_parser(
        "schema", help="print the JSON Schema of a file kind",
        description="Print the JSON Schema of a file kind, for editors and other programs.",
    )
    schema.add_argument("kind", choices=SCHEMA_KINDS, help="which file kind")
    schema.set_defaults(func=cmd_schema)
    return parser


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
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help, --version or a usage error (already printed)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    from engine.errors import EngineError

    try:
        return int(args.func(args))
    except EngineError as exc:
        for line in exc.lines():
            _err(line)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except MemoryError:
        _err("out of memory")
        return 1
    except BrokenPipeError:
        # the reader went away (e.g. `rolematch roles | head`); not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug: one line, not a traceback
        if os.environ.get("ROLEMATCH_DEBUG"):
            raise
        _err(f"internal error ({type(exc).__name__}: {exc}); this is a bug in rolematch. "
             "Run again with ROLEMATCH_DEBUG=1 to see the traceback, and please report it.")
        return 1


def _err(message: str) -> None:
    print(f"rolematch: {message}", file=sys.stderr)


def _lang(args: argparse.Namespace) -> str:
    if getattr(args, "lang", None):
        return str(args.lang)
    from engine.i18n import detect_lang

    return detect_lang()


def _content(args: argparse.Namespace) -> Content:
    from engine.content import load_content

    return load_content(args.questionnaire, args.profiles)


def _print_json(data: Any, out: TextIO | None = None) -> None:
    import json

    out = out or sys.stdout
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _width() -> int:
    import shutil

    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


# --------------------------------------------------------------------------- validate


def cmd_validate(args: argparse.Namespace) -> int:
    from engine.content import NEAR_DUPLICATE_COSINE
    from engine.errors import ContentError

    try:
        from engine.content import load_content

        content = load_content(args.questionnaire, args.profiles, vocabulary=True)
    except ContentError as exc:
        for line in exc.lines():
            _err(line)
        n = len(exc.problems)
        _err(f"{n} problem{'s' if n != 1 else ''} found")
        return EXIT_BAD_INPUT
    q, ps = content.questionnaire, content.profiles
    groups: dict[str, int] = {}
    for d in ps.dimensions:
        groups[d.group] = groups.get(d.group, 0) + 1
    sim = ps.pairwise_similarity()
    ids = ps.role_ids
    pairs = [(sim[i][j], ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]
    best = max(pairs) if pairs else (0.0, "", "")
    print(f"OK: questionnaire {q.id!r} version {q.version} ({q.path})")
    print(f"  {len(q.questions)} questions in {len(q.data.sections)} sections: "
          + ", ".join(f"{n} {kind}" for kind, n in _count_types(q).items()))
    print(f"  {len(ps.dimensions)} dimensions: {groups.get('skill', 0)} skills, "
          f"{groups.get('tool', 0)} tool families, {groups.get('preference', 0)} work preferences")
    print(f"  {len(ps.profiles)} role profiles ({ps.directory}): {', '.join(ids)}")
    print(f"  most similar profiles: {best[1]} / {best[2]}, cosine {best[0]:.2f} "
          f"(limit {NEAR_DUPLICATE_COSINE:.2f})")
    if args.verbose:
        print("\nPairwise cosine similarity of the profile weights:")
        print("   " + " ".join(f"{n:>5}" for n in range(1, len(ids) + 1)))
        for i, rid in enumerate(ids):
            print(f"{i + 1:>2} " + " ".join(f"{sim[i][j]:>5.2f}" for j in range(len(ids)))
                  + f"  {rid}")
    return EXIT_OK


def _count_types(q: Questionnaire) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in q.questions:
        counts[question.type] = counts.get(question.type, 0) + 1
    return counts


# --------------------------------------------------------------------------- roles


def _role_or_error(ps: ProfileSet, role: str) -> Any:
    import difflib

    from engine.errors import EngineError, problem

    profile = ps.profile(role)
    if profile is None:
        close = difflib.get_close_matches(role, ps.role_ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise EngineError([problem("roles", "ROLE", f"unknown role{hint}", role,
                                   choices=ps.role_ids)])
    return profile


def cmd_roles(args: argparse.Namespace) -> int:
    from engine.render import role_card, role_json, roles_list

    lang = _lang(args)
    ps = _profiles(args)
    if args.role:
        profile = _role_or_error(ps, args.role)
        if args.json:
            _print_json(role_json(profile, ps, lang))
        else:
            sys.stdout.write(role_card(profile, ps, lang, _width()))
        return EXIT_OK
    if args.json:
        _print_json([role_json(p, ps, lang) for p in ps.profiles])
    else:
        sys.stdout.write(roles_list(ps, lang, _width()))
    return EXIT_OK


# --------------------------------------------------------------------------- questions


def cmd_questions(args: argparse.Namespace) -> int:
    from engine.render import questions_json, questions_text

    lang = _lang(args)
    content = _content(args)
    if args.json:
        _print_json(questions_json(content.questionnaire, lang))
    else:
        sys.stdout.write(questions_text(content.questionnaire, content.profiles, lang, _width()))
    return EXIT_OK


# --------------------------------------------------------------------------- schema


def cmd_schema(args: argparse.Namespace) -> int:
    if args.kind == "answers":
        from engine.answers import answers_schema

        _print_json(answers_schema())
    elif args.kind == "result":
        from engine.export import result_schema

        _print_json(result_schema())
    elif args.kind == "decode":
        from engine.export import decode_schema

        _print_json(decode_schema())
    else:
        from engine.content import json_schema

        _print_json(json_schema(args.kind))
    return EXIT_OK


# --------------------------------------------------------------------------- quiz


def cmd_quiz(args: argparse.Namespace) -> int:
    from engine.i18n import t

    lang = _lang(args)
    if args.answers is not None and args.resume:
        raise UsageError("--answers and --resume cannot be used together")
    if args.answers is not None and args.quick:
        raise UsageError("--quick chooses questions as you answer; it does not apply to "
                         "--answers FILE")
    to_stdout = not args.json
    if args.answers is None:
        # prompts draw on stdout, or on stderr when stdout carries the JSON document
        screen = sys.stdout if to_stdout else sys.stderr
        if not (_is_tty(sys.stdin) and _is_tty(screen)):
            raise UsageError(t("quiz.no_tty", lang))
    content = _content(args)
    q = content.questionnaire
    if args.answers is not None:
        from engine.answers import load_answers

        answers = load_answers(args.answers, q)
        if not args.lang and answers.lang:
            lang = answers.lang
    else:
        quiz = _Quiz(content, lang, explicit_lang=bool(args.lang), screen=screen,
                     quick=args.quick)
        got = quiz.run(resume=args.resume)
        if got is None:
            return EXIT_INTERRUPTED
        answers, lang = got, quiz.lang
        if quiz.quick_used:
            mode = {"quick": True, "asked": quiz.asked, "stop_reason": quiz.stop_reason}
            return _finish(args, content, answers, lang, interactive=True, mode=mode)
    return _finish(args, content, answers, lang, interactive=args.answers is None)


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _finish(
    args: argparse.Namespace, content: Content, answers: Any, lang: str, interactive: bool,
    mode: dict[str, Any] | None = None,
) -> int:
    """Score, write the requested files, show the result; answers are never lost on the way."""
    from engine.errors import ExportError
    from engine.export import dumps, result_document, write_atomic
    from engine.scoring import score

    q, ps = content.questionnaire, content.profiles
    result = score(answers, q, ps, explain_top=args.top)
    doc = result_document(result, q, ps, lang, mode)
    try:
        if args.save_answers is not None:
            _write_answers(args.save_answers, answers, args.force)
        if args.output is not None:
            write_atomic(args.output, dumps(doc), force=args.force)
    except ExportError as exc:
        raise _keep_answers(exc, content, answers, lang) from None
    if args.json:
        sys.stdout.write(dumps(doc))
    else:
        _print_screen(doc, args.top)
    if args.save_answers is not None:
        _note(f"answers saved to {args.save_answers}")
    if args.output is not None:
        _note(f"result saved to {args.output}")
    if interactive:
        from engine.resume import clear_resume

        clear_resume(q)
    return EXIT_OK


def _print_screen(doc: dict[str, Any], top: int) -> None:
    from engine.render import result_screen

    color = _is_tty(sys.stdout) and not os.environ.get("NO_COLOR")
    sys.stdout.write(result_screen(doc, width=_width(), color=color, top=top))


def cmd_show(args: argparse.Namespace) -> int:
    from engine.export import read_result, write_atomic

    doc = read_result(args.result)
    if args.format == "screen" and args.output is None:
        _print_screen(doc, args.top)
        return EXIT_OK
    from engine.render import html_report, markdown_report, result_screen

    if args.format == "md":
        text = markdown_report(doc, args.top)
    elif args.format == "html":
        text = html_report(doc, args.top)
    else:
        text = result_screen(doc, width=_width(), color=False, top=args.top)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text, force=args.force)
        _note(f"report written to {args.output}")
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from engine.batch import run_batch
    from engine.errors import EngineError

    lang = _lang(args)
    content = _content(args)
    from engine.batch import Mode

    mode: Mode = "summary" if args.summary else "csv" if args.csv else "full"
    source = "<stdin>" if str(args.input) == "-" else str(args.input)

    def report(number: int, reason: str) -> None:
        if args.on_error == "skip":
            _err(f"{source}: line {number}: skipped: {reason}")

    with _numbered_lines(args.input, EngineError) as lines, _output(args) as out:
        stats = run_batch(lines, content, out, mode=mode, lang=lang, on_error=args.on_error,
                          source=source, chunk_size=args.chunk_size, explain_top=args.top,
                          report=report)
    bad = len(stats.bad)
    where = f" to {args.output}" if args.output else ""
    _note(f"{stats.rows} result{'s' if stats.rows != 1 else ''} written{where}; "
          f"{bad} bad line{'s' if bad != 1 else ''} skipped")
    return EXIT_OK


def cmd_decode(args: argparse.Namespace) -> int:
    from engine.decode import check_text, decode_many
    from engine.errors import DecodeError

    lang = _lang(args)
    if args.jsonl is not None:
        if args.text is not None or args.file is not None:
            raise UsageError("--jsonl cannot be combined with TEXT or --file")
        return _decode_jsonl(args, lang)
    if args.text is not None and args.file is not None:
        raise UsageError("give the posting as TEXT or with --file, not both")
    if args.file is not None:
        from engine.readers import read_bytes

        raw: Any = read_bytes(args.file, DecodeError)
        source = str(args.file)
    elif args.text is not None and args.text != "-":
        raw, source = args.text, "TEXT"
    elif args.text == "-" or not _is_tty(sys.stdin):
        raw, source = sys.stdin.buffer.read(), "<stdin>"
    else:
        raise UsageError("give a posting as TEXT, with --file FILE, or on standard input "
                         "(see rolematch decode --help)")
    text = check_text(raw, source)
    title = args.title
    if title is None:
        first = text.strip().splitlines()[0].strip()
        title = first if len(first) <= 80 else None
    profiles = _profiles(args)
    doc = decode_many([(text, title, None)], profiles, lang, args.top)[0]
    if args.json:
        _print_json(doc)
    else:
        from engine.render import decode_screen

        color = _is_tty(sys.stdout) and not os.environ.get("NO_COLOR")
        sys.stdout.write(decode_screen(doc, width=_width(), color=color, top=args.top))
    return EXIT_OK


def _profiles(args: argparse.Namespace) -> Any:
    """The profiles; checked against the questionnaire too when one is named."""
    if args.questionnaire is not None:
        return _content(args).profiles
    from engine.content import load_profiles

    return load_profiles(args.profiles)


def _decode_jsonl(args: argparse.Namespace, lang: str) -> int:
    import orjson

    from engine.decode import check_text, decode_many
    from engine.errors import DecodeError, EngineError, problem

    profiles = _profiles(args)
    source = str(args.jsonl)
    written = bad = 0

    def flush(chunk: list[tuple[str, Any, Any]], out: Any) -> int:
        docs = decode_many(chunk, profiles, lang, args.top)
        out.write("".join(orjson.dumps(d).decode() + "\n" for d in docs))
        return len(docs)

    def run(lines: Any, out: Any) -> None:
        nonlocal written, bad
        chunk: list[tuple[str, Any, Any]] = []
        for number, raw in lines:
            if not raw.strip():
                continue
            try:
                item = orjson.loads(raw)
                if not isinstance(item, dict):
                    raise ValueError("expected an object with id, title and text")
                unknown = set(item) - {"id", "title", "text"}
                if unknown:
                    raise ValueError(f"unknown key {sorted(unknown)[0]!r}; valid: id, title, text")
                title = item.get("title")
                if title is not None and not isinstance(title, str):
                    raise ValueError("title must be a string")
                text = check_text(item.get("text"), f"{source}:{number}")
            except (ValueError, EngineError) as exc:
                reason = exc.lines()[0].split(": ", 1)[-1] if isinstance(exc, EngineError) \
                    else str(exc)
                bad += 1
                if args.on_error == "fail":
                    raise DecodeError([problem(source, f"line {number}", reason)]) from None
                _err(f"{source}: line {number}: skipped: {reason}")
                continue
            chunk.append((text, title, item.get("id")))
            if len(chunk) >= 256:
                written += flush(chunk, out)
                chunk = []
        if chunk:
            written += flush(chunk, out)

    with _numbered_lines(args.jsonl, DecodeError) as lines, _output(args) as out:
        run(lines, out)
    _note(f"{written} posting{'s' if written != 1 else ''} decoded; "
          f"{bad} bad line{'s' if bad != 1 else ''} skipped")
    return EXIT_OK


def _numbered_lines(path: Path, error: Any) -> Any:
    """A context manager over ``_lines`` (contextlib is imported here, not at start-up)."""
    import contextlib

    return contextlib.contextmanager(_lines)(path, error)


def _lines(path: Path, error: Any) -> Iterator[Iterator[tuple[int, bytes]]]:
    """(line number, raw line) from a file or, for '-', standard input; with a progress bar
    on stderr when it is a terminal and the size is known. A file that cannot be opened is
    one line of ``error``."""
    from engine.errors import problem

    if str(path) == "-":
        yield enumerate(sys.stdin.buffer, start=1)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        reason = "file not found" if isinstance(exc, FileNotFoundError) else exc.strerror
        raise error([problem(path, "", str(reason))]) from None
    total = os.fstat(stream.fileno()).st_size
    progress = _Progress(total) if _is_tty(sys.stderr) and total else None
    try:
        yield progress.wrap(stream) if progress else enumerate(stream, start=1)
    finally:
        if progress:
            progress.stop()
        stream.close()


def _output(args: argparse.Namespace) -> Any:
    """A context manager over ``_outputs`` (contextlib is imported here, not at start-up)."""
    import contextlib

    return contextlib.contextmanager(_outputs)(args)


def _outputs(args: argparse.Namespace) -> Iterator[TextIO]:
    """Standard output, or ``--output`` written atomically (and not at all on failure)."""
    if args.output is None:
        yield sys.stdout
        return
    from engine.export import AtomicWriter

    with AtomicWriter(args.output, force=args.force) as out:
        yield out


class _Progress:
    """A progress bar on stderr, by bytes read, for batch runs on a terminal."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        self.bar = Progress("[progress.description]{task.description}", BarColumn(),
                            DownloadColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("scoring", total=total)
        self.bar.start()

    def wrap(self, stream: Any) -> Any:
        done = 0
        for number, raw in enumerate(stream, start=1):
            done += len(raw)
            if number % 512 == 0:
                self.bar.update(self.task, completed=done)
            yield number, raw
        self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        self.bar.stop()


def _keep_answers(exc: Any, content: Content, answers: Any, lang: str) -> Any:
    """On a failed write, put the answers in the resume file and say where."""
    from engine.errors import ExportError, problem
    from engine.resume import save_resume

    given = dict(answers.values)
    try:
        kept = save_resume(content.questionnaire, given, lang)
    except ExportError:
        return exc
    return ExportError([*exc.problems,
                        problem("", "", f"your answers are kept in {kept}; "
                                        "`rolematch --resume` shows the result again")])


def _write_answers(path: Path, answers: Any, force: bool) -> None:
    import json

    from engine.export import write_atomic

    doc = answers.to_document()
    if path.suffix.lower() == ".json":
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    else:
        import yaml

        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    write_atomic(path, text, force=force)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


class _Quiz:
    """The interactive loop: one prompt per question, progress, back, skip, resume, Ctrl-C."""

    def __init__(
        self, content: Content, lang: str, explicit_lang: bool, screen: TextIO,
        prompt_kwargs: dict[str, Any] | None = None, quick: bool = False,
    ) -> None:
        self.content = content
        self.lang = lang
        self.explicit_lang = explicit_lang
        self.screen = screen
        self.prompt_kwargs = prompt_kwargs  # tests pass prompt_toolkit input/output here
        self.warmup: threading.Thread | None = None
        self.quick = quick
        self.adaptive: Any = None
        self.stop_reason: str | None = None
        self.asked: list[str] = []
        self.quick_used = quick

    def say(self, text: str = "") -> None:
        self.screen.write(text + "\n")
        self.screen.flush()

    def _prompt_kwargs(self) -> dict[str, Any]:
        if self.prompt_kwargs is not None:
            return self.prompt_kwargs
        if self.screen is sys.stdout:
            return {}
        from prompt_toolkit.output import create_output

        return {"output": create_output(stdout=self.screen)}

    def welcome(self) -> None:
        from engine.i18n import squash, t

        q = self.content.questionnaire
        n = len(q.questions)
        width = _width()
        import textwrap

        self.say(q.data.title.get(self.lang))
        self.say("=" * min(width, len(q.data.title.get(self.lang))))
        paragraphs = [q.data.intro.get(self.lang)]
        if self.quick:
            paragraphs.append(t("quiz.welcome_quick", self.lang, n=n))
        else:
            paragraphs += [t("quiz.welcome", self.lang, n=n, minutes=max(1, round(n * 12 / 60))),
                           t("quiz.quick_hint", self.lang)]
        paragraphs.append(t("quiz.keys", self.lang))
        for para in paragraphs:
            self.say(textwrap.fill(squash(para), width=width, break_long_words=False,
                                   break_on_hyphens=False))
            self.say()

    def run(self, resume: bool) -> Any:
        """The finished answers, or None when the person pressed Ctrl-C (answers saved)."""
        from engine import prompts
        from engine.errors import ExportError
        from engine.i18n import t
        from engine.resume import CorruptResume, load_resume, resume_path, save_resume
        from engine.session import QuizSession

        q = self.content.questionnaire
        restored = None
        if resume:
            try:
                restored = load_resume(q)
            except CorruptResume as exc:
                self.say(t("quiz.resume_corrupt", self.lang, path=resume_path(q.id),
                           reason=exc.reason, kept=exc.kept))
            else:
                if restored is None:
                    self.say(t("quiz.no_resume", self.lang, path=resume_path(q.id)))
            if restored is not None and restored.quick:
                self.quick = True
        session = QuizSession(q, lang=self.lang, quick=self.quick)
        self.quick_used = self.quick
        if restored is not None:
            if restored.lang and not self.explicit_lang:
                self.lang = session.lang = restored.lang
            session.restore(restored.given)
            if restored.dropped:
                self.say(t("quiz.resume_dropped", self.lang, ids=", ".join(restored.dropped)))
            self.say(t("quiz.resumed", self.lang, n=len(session.given),
                       i=session.position + 1))
            self.say()
            self._start_warmup()
        if not session.given:
            self.welcome()
        autosave_failed = False
        kwargs = self._prompt_kwargs()
        while True:
            if session.done and not self._plan_next(session, kwargs):
                break
            question = q.questions[session.index]
            section = q.section(question.section).title.get(self.lang)
            key = "quiz.progress_quick" if self.quick else "quiz.progress"
            self.say(t(key, self.lang, i=session.position + 1, n=session.total,
                       section=section))
            try:
                raw = prompts.prompt_for(q, session.index, self.lang, session.previous_answer(),
                                         first=session.position == 0, **kwargs).unsafe_ask()
            except KeyboardInterrupt:
                return self._interrupted(session)
            value = prompts.normalise(raw)
            if value == prompts.BACK:
                session.back()
            elif value == prompts.SKIP:
                session.skip()
            else:
                session.answer(value)
            self.say()
            try:
                save_resume(q, session.given, self.lang, quick=self.quick)
            except ExportError as exc:
                if not autosave_failed:
                    for line in exc.lines():
                        _err(f"warning: {line}")
                autosave_failed = True
            self._start_warmup()
        self.asked = session.asked_ids()
        self.say(t("quiz.computing", self.lang))
        return session.to_answers()

    def _plan_next(self, session: Any, kwargs: dict[str, Any]) -> bool:
        """At the end of the planned questions: in quick mode, choose the next question or
        stop (saying why, and offering the rest); True when there is a question to ask."""
        if not self.quick:
            return False
        from engine.adaptive import Quick, partial
        from engine.i18n import t
        from engine.scoring import model_for

        model = model_for(self.content.questionnaire, self.content.profiles)
        if self.adaptive is None:
            self.adaptive = Quick(model)
        step = self.adaptive.next(partial(model, session.given))
        if not step.stop:
            session.add(step.question)
            return True
        n, total = len(session.given), session.total
        if step.reason == "complete":
            return False
        self.stop_reason = t(f"quiz.quick_stop_{step.reason}", self.lang, n=n, total=total)
        self.say(self.stop_reason)
        rest = session.remaining()
        from engine import prompts

        choice = prompts.finish_or_continue(self.lang, len(rest), **kwargs).unsafe_ask()
        if choice != "continue":
            return False
        self.quick = False  # the person chose to answer everything: no early stop any more
        self.stop_reason = None
        for index in rest:
            session.add(index)
        return True

    def _interrupted(self, session: Any) -> None:
        from engine.errors import ExportError
        from engine.i18n import t
        from engine.resume import save_resume

        try:
            path = save_resume(self.content.questionnaire, session.given, self.lang,
                               quick=self.quick)
        except ExportError as exc:
            for line in exc.lines():
                _err(line)
            # last resort: the answers on stderr, so they are still not lost
            import json

            _err("answers so far: " + json.dumps(session.given, ensure_ascii=False))
            return None
        self.say()
        _note(t("quiz.interrupted", self.lang, n=len(session.given), path=path))
        return None

    def _start_warmup(self) -> None:
        """Import and warm the scoring path while the person answers (not before the first
        question is on screen, so the quiz starts fast)."""
        if self.warmup is not None:
            return
        import threading

        self.warmup = threading.Thread(target=_warm, args=(self.content,), daemon=True)
        self.warmup.start()


def _warm(content: Content) -> None:
    try:
        import numpy as np

        from engine import export, render, scoring

        model = scoring.model_for(content.questionnaire, content.profiles)
        scoring.cosine_scores(np.ones(len(model.dimension_ids)), model.weights)
        import rich.console
        import rich.table

        del export, render, rich
    except Exception:  # noqa: BLE001 - warming is an optimisation; scoring will report errors
        pass
