"""``rolematch quiz`` (the default command): take the quiz, or score an answers file.

Then score, write the files asked for and show the result. Answers a person typed are
never lost on the way: when a result cannot be written, they stay in the resume file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.cli import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, UsageError, options
from engine.cli.io import (
    at_terminal,
    color,
    err,
    flush_stdout,
    is_tty,
    note,
    width,
    wrapped,
    write,
)
from engine.cli.options import positive
from engine.errors import ExportError, Problem, problem
from engine.files import write_atomic
from engine.i18n import t

if TYPE_CHECKING:
    from engine.answers import Answers
    from engine.content import Content
    from engine.export import ModeDoc, ResultDocument


def configure(parser: argparse.ArgumentParser) -> None:
    """quiz's description and options."""
    parser.description = ("Take the quiz in the terminal, or score an answers file without "
                          "prompts.")
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("--answers", metavar="FILE", type=Path,
                        help="score this answers file (YAML or JSON), or the answers of a "
                             "saved result, instead of asking")
    parser.add_argument("--quick", action="store_true",
                        help="quick mode: ask the most informative question next and stop once "
                             "more answers are unlikely to change your top match (often 8 to 12 "
                             "questions)")
    parser.add_argument("--resume", action="store_true",
                        help="continue the quiz you interrupted, at the first unanswered "
                             "question")
    parser.add_argument("--save-answers", metavar="FILE", type=Path,
                        help="also write the answers given to FILE, for reuse with --answers")
    parser.add_argument("--top", type=positive, default=3, metavar="N",
                        help="explain the top N roles in detail (default: 3)")
    parser.add_argument("--json", action="store_true",
                        help="print the result as JSON on stdout instead of the result screen "
                             "(the prompts then draw on stderr)")
    parser.add_argument("--full", action="store_true",
                        help="on a terminal, print the full result instead of the one-screen "
                             "summary and its menu (off a terminal it is always the full text)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="also write the result document (JSON) to FILE, readable by you "
                             "only")
    parser.add_argument("--force", action="store_true",
                        help="overwrite existing files given to --output or --save-answers")


def run(args: argparse.Namespace) -> int:
    """Ask the questions (or read --answers FILE), then finish with the result."""
    # imported when the command runs, so `rolematch quiz --help` stays fast
    from engine.answers import load_answers

    lang = options.lang(args)
    if args.answers is not None and args.resume:
        raise UsageError("--answers and --resume cannot be used together")
    if args.answers is not None and args.quick:
        raise UsageError("--quick chooses questions as you answer; it does not apply to "
                         "--answers FILE")
    if args.answers is not None:
        content = options.content(args)
        answers = load_answers(args.answers, content.questionnaire)
        if not args.lang and answers.lang:
            lang = answers.lang
        return _finish(args, content, answers, lang, interactive=False)
    # prompts draw on stdout, or on stderr when stdout carries the JSON document
    screen = sys.stderr if args.json else sys.stdout
    if not (is_tty(sys.stdin) and is_tty(screen)):
        raise UsageError(t("quiz.no_tty", lang))
    import gc

    # Loading the content and importing the prompts (prompt_toolkit) create tens of thousands
    # of objects that live as long as the quiz: the cyclic garbage collector would walk them
    # again and again for nothing while the first question waits (about 6 ms). Paused, then
    # frozen (left out of every later collection), then on again.
    if args.resume and args.questionnaire is None and args.profiles is None:
        _resume_content(args, lang)
    collecting = gc.isenabled()
    gc.disable()
    try:
        content = options.content(args)
        # imported here: `--answers FILE` never needs the prompts (questionary, prompt_toolkit)
        from engine.cli.quiz import Quiz
    finally:
        gc.freeze()
        if collecting:
            gc.enable()

    quiz = Quiz(content, lang, explicit_lang=bool(args.lang), screen=screen, quick=args.quick,
                again=resume_command(args))
    got = quiz.run(resume=args.resume)
    if got is None:
        return EXIT_INTERRUPTED
    mode = ({"quick": True, "asked": quiz.asked, "stop": quiz.stop,
             "stop_reason": quiz.stop_reason}
            if quiz.quick_used else None)
    return _finish(args, content, got, quiz.lang, interactive=True, quick=mode)


def _resume_content(args: argparse.Namespace, lang: str) -> None:
    """``--resume`` alone continues with the content the quiz was taken with (the resume file
    says which, when it was not the shipped one): 'rolematch --resume', as the quiz says after
    Ctrl-C or Quit, loaded the shipped questionnaire and dropped the answers that did not fit.
    A file no longer there is left out (the shipped one is used; answers that do not fit are
    kept aside, never lost)."""
    from engine.resume import saved_content

    questionnaire, profiles = saved_content()
    found = [p for p in (questionnaire, profiles) if p is not None and p.exists()]
    if questionnaire is not None and questionnaire.exists():
        args.questionnaire = questionnaire
    if profiles is not None and profiles.exists():
        args.profiles = profiles
    if found:
        note(wrapped(t("quiz.resumed_with", lang, paths=", ".join(map(str, found)))))


def resume_command(args: argparse.Namespace) -> str:
    """The command that continues this quiz after Ctrl-C: ``rolematch --resume`` with the
    options that say where the result goes and how it is shown (the resume file keeps the
    answers, the language, quick mode and the content files, not these), so that --output is
    not lost on the way; backquoted when it carries a value, so that it wraps as one piece."""
    import shlex

    words = ["rolematch", "--resume"]  # the content files: the resume file names them
    for flag, value in (("--output", args.output), ("--save-answers", args.save_answers)):
        if value is not None:
            words += [flag, shlex.quote(str(value))]
    if args.top != 3:
        words += ["--top", str(args.top)]
    words += [flag for flag, on in (("--force", args.force), ("--json", args.json),
                                    ("--full", args.full)) if on]
    command = " ".join(words)
    return command if len(words) == 2 else f"`{command}`"


def _finish(
    args: argparse.Namespace, content: Content, answers: Answers, lang: str, interactive: bool,
    quick: dict[str, Any] | None = None,
) -> int:
    """Score, write the requested files, show the result; answers are never lost on the way.

    After a quiz, a file that cannot be written does not hide the result the person just
    answered for: it is shown as usual, then the error, exit code 2, the answers kept in the
    resume file. With ``--answers FILE`` (the answers are in that file) the error comes
    alone, before any result."""
    # imported only now (numpy, the result models, rich): the first question must not wait
    # for them, and the quiz's warm-up thread imports them while the person answers
    from engine.export import ModeDoc, dumps
    from engine.report import result_screen
    from engine.resume import clear_resume
    from engine.scoring import score

    q, ps = content.questionnaire, content.profiles
    mode = ModeDoc(**quick) if quick else None
    doc = score(answers, q, ps, explain_top=args.top, lang=lang, mode=mode)
    files: list[tuple[Path, str]] = []
    if args.save_answers is not None:
        files.append((args.save_answers, _answers_text(args.save_answers, answers)))
    if args.output is not None:
        files.append((args.output, dumps(doc)))
    written: list[Path] = []
    failed: list[Problem] = []
    for path, text in files:
        try:
            write_atomic(path, text, force=args.force, lang=lang)
        except ExportError as exc:
            if not interactive:  # an answers file has them already: nothing else to keep
                raise
            failed += exc.problems
        else:
            written.append(path)
    # answers typed in the quiz go to the resume file; an answers file already has them, and
    # must not overwrite a quiz interrupted earlier
    kept = _keep_answers(failed, content, answers, lang, doc.mode) if failed else None
    # the quiz said why quick mode stopped just above: the screen under it does not repeat it
    stop_said = interactive and bool(quick and quick.get("stop_reason"))
    finished = True
    menu_saved: bool | None = None  # a file saved from the menu; None: no menu
    try:
        if args.json:
            write(dumps(doc))
        elif result_menu_wanted(args):
            finished, menu_saved = _menu(doc, content, args.top,
                                          answers if interactive else None, stop_said)
        else:
            write(result_screen(doc, width=width(), color=color(), top=args.top,
                                stop_said=stop_said))
        flush_stdout()
    except ExportError as exc:  # standard output could not be written (a full disk)
        if interactive:
            raise _keep_answers([*failed, *exc.problems], content, answers, lang,
                                doc.mode) from None
        raise
    for path in written:
        note(t("file.saved", lang, path=path))
    if kept is not None:
        # after Ctrl-C in the menu, its own message has said where the answers are
        for line in (kept.lines() if finished else ExportError(failed).lines()):
            err(line, wrap=True)
        return EXIT_BAD_INPUT if finished else EXIT_INTERRUPTED
    if not finished:  # Ctrl-C in the menu: the answers stay in the resume file
        return EXIT_INTERRUPTED
    if interactive and not written and (menu_saved is False
                                        or (menu_saved is None and not args.json)):
        # Quit, or the full text shown, with nothing saved anywhere: the answers would be
        # lost without a word (a JSON document printed holds them)
        return _quit_keeping(content, answers, lang, doc.mode)
    if interactive:
        clear_resume(q)
    return EXIT_OK


def result_menu_wanted(args: argparse.Namespace) -> bool:
    """The one-screen summary and its menu: on a terminal, unless --json or --full."""
    return at_terminal() and not args.json and not args.full


def _menu(doc: ResultDocument, content: Content, top: int,
          typed: Answers | None, stop_said: bool = False) -> tuple[bool, bool]:
    """The summary and the menu: whether the person quit (False on Ctrl-C, the answers
    ``typed`` in a quiz then kept in the resume file, and said so, like Ctrl-C during the
    quiz), and whether they saved a file from the menu."""
    # imported only on a terminal: questionary and the menu's screens
    from engine.cli.result_menu import ResultMenu, explain_all

    explained, labels, profiles = explain_all(doc, content)
    menu = ResultMenu(doc, explained, top, labels, profiles, stop_said)
    try:
        menu.run()
    except KeyboardInterrupt:
        if typed is not None:
            kept, unkept = _kept(content, typed, doc.lang, doc.mode)
            if kept is None:
                for line in ExportError(unkept).lines():
                    err(line, wrap=True)
            else:
                note(wrapped(t("quiz.menu_interrupted", doc.lang, path=kept)))
        return False, bool(menu.saved)
    return True, bool(menu.saved)


def _quit_keeping(content: Content, answers: Answers, lang: str, mode: ModeDoc) -> int:
    """Quit after a quiz with nothing saved (no --output or --save-answers, no file from the
    menu): the answers stay in the resume file, as after Ctrl-C, and the person is told so,
    exit 0; when even the resume file cannot be written, the error and the answers themselves,
    exit 2."""
    kept, unkept = _kept(content, answers, lang, mode)
    if kept is None:
        for line in ExportError(unkept).lines():
            err(line, wrap=True)
        return EXIT_BAD_INPUT
    note(wrapped(t("menu.quit_kept", lang, path=kept)))
    return EXIT_OK


def _keep_answers(problems: list[Problem], content: Content, answers: Answers,
                  lang: str, mode: ModeDoc) -> ExportError:
    """On a failed write, put the answers in the resume file (with quick mode, so that
    ``--resume`` shows the same result again): the error lines ``problems`` and where the
    answers are; when even the resume file cannot be written, the answers themselves."""
    kept, unkept = _kept(content, answers, lang, mode)
    if kept is None:
        return ExportError([*problems, *unkept])
    return ExportError([*problems, problem("", "", t("file.answers_kept", lang, path=kept))])


def _kept(content: Content, answers: Answers, lang: str,
          mode: ModeDoc) -> tuple[Path | None, list[Problem]]:
    """The answers of a quiz put in the resume file, with quick mode, the questions it asked
    (in the order asked) and why it stopped, so that ``--resume`` shows the same result
    rather than more questions (the questions it never asked are no skips): where they are;
    or, when even that file cannot be written, why, and the answers themselves as an answers
    file to copy."""
    # imported when the command runs, so `rolematch quiz --help` stays fast
    from engine.resume import save_resume

    asked = mode.asked_ids()
    given = (dict(answers.values) if asked is None
             else {qid: answers.values.get(qid) for qid in asked})
    try:
        return save_resume(content.questionnaire, given, lang, quick=mode.quick,
                           stop=mode.stop, profiles=content.profiles), []
    except ExportError as exc:
        text = json.dumps(answers.to_document(), ensure_ascii=False)
        return None, [*exc.problems, problem("", "", t("file.answers_here", lang, answers=text))]


def _answers_text(path: Path, answers: Answers) -> str:
    """The answers as an answers file (JSON for a .json name, else YAML), for --answers."""
    # imported when the command runs, so `rolematch quiz --help` stays fast
    import yaml

    doc = answers.to_document()
    if path.suffix.lower() == ".json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
