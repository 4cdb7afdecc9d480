"""``rolematch show``: a saved result as the result screen, or as a Markdown or HTML report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli import EXIT_OK, options
from engine.cli.io import at_terminal, color, note, width, write
from engine.cli.options import positive
from engine.errors import printable

if TYPE_CHECKING:
    from engine.content import Content
    from engine.export import ResultDocument
from engine.files import write_atomic
from engine.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    """show's description and options."""
    parser.description = ("Render a saved result (from --output or --json) exactly like the "
                          "quiz's result screen, or as a report a person can print or send.")
    options.add_content(parser)
    options.add_lang(parser, "the result's own; another language scores its answers again "
                             "with the content, which must be the one it was scored with")
    parser.add_argument("result", metavar="RESULT.json", type=Path,
                        help="a saved result")
    parser.add_argument("--format", choices=("screen", "md", "html"), default="screen",
                        help="screen (default), md (Markdown) or html (one self-contained page)")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write to FILE instead of stdout")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--full", action="store_true",
                        help="on a terminal, print the full result instead of the one-screen "
                             "summary and its menu (off a terminal it is always the full text)")
    parser.add_argument("--top", type=positive, default=3, metavar="N",
                        help="roles shown in detail (default: 3); a note says when the result "
                             "explains fewer (it was scored with a smaller --top)")


def run(args: argparse.Namespace) -> int:
    """Read the result back (checked against its schema) and render it where asked."""
    # imported when the command runs, so `rolematch show --help` stays fast
    from engine.export import read_result
    from engine.report import charts_missing, html_report, markdown_report, result_screen

    doc = read_result(args.result)
    if args.lang is not None and args.lang != doc.lang:
        doc = in_language(doc, args.lang, options.content(args), args.result)
    if args.format == "screen" and args.output is None:
        if at_terminal() and not args.full:
            # imported only on a terminal: questionary and the menu's screens
            from engine.cli.result_menu import ResultMenu, explain_all

            explained, labels, profiles = explain_all(doc)
            if explained is doc:  # not scored again: the cards are those of the file
                _few_explained(args, doc)
            ResultMenu(doc, explained, args.top, labels, profiles).run()
        else:
            _few_explained(args, doc)
            write(result_screen(doc, width=width(), color=color(), top=args.top))
        return EXIT_OK
    _few_explained(args, doc)
    if args.format == "md":
        text = markdown_report(doc, args.top)
    elif args.format == "html":
        # the chart draws the role profiles the result was scored with (it checks they are)
        text = html_report(doc, args.top, options.profiles(args))
    else:
        text = result_screen(doc, width=width(), color=False, top=args.top)
    if args.output is None:
        write(text)
    else:
        write_atomic(args.output, text, force=args.force, lang=doc.lang)
        note(t("file.saved", doc.lang, path=args.output))
    if args.format == "html" and charts_missing():
        note(t("file.no_chart", doc.lang))
    return EXIT_OK


def in_language(doc: ResultDocument, lang: str, content: Content,
                source: str | Path) -> ResultDocument:
    """The saved result as it reads in ``lang``: its answers scored again in that language
    (the texts of a result are those of its language), its date and id kept. Raises
    ExportError when ``content`` is not what it was scored with (another questionnaire, or
    profiles that rank it differently): it reads in its own language only then."""
    from engine.errors import ExportError, Msg, problem
    from engine.scoring import score

    q = content.questionnaire
    ref = doc.questionnaire
    if ref.id != q.id or ref.content_hash != q.content_hash():
        raise ExportError([problem(
            source, "questionnaire",
            Msg("show.other_questionnaire", id=repr(q.id), version=q.version, own=doc.lang,
                asked=lang), f"{ref.id} {ref.version}")])
    again = score({"questionnaire": q.id, "answers": doc.answers}, q, content.profiles,
                  explain_top=doc.explained, lang=lang, mode=doc.mode)
    if [(m.role_id, m.score) for m in again.ranking] != [(m.role_id, m.score)
                                                          for m in doc.ranking]:
        raise ExportError([problem(source, "ranking",
                                   Msg("show.other_profiles", own=doc.lang, asked=lang))])
    return again.model_copy(update={"created_at": doc.created_at, "id": doc.id})


def _few_explained(args: argparse.Namespace, doc: ResultDocument) -> None:
    """One note when ``--top`` asks for more roles in detail than the file explains (the
    roles below those have no reasons and no gaps): how to get them."""
    n, wanted = doc.explained, min(args.top, len(doc.ranking))
    if not doc.enough_answers or n >= wanted:
        return
    import shlex

    note(t("show.few_explained", doc.lang, n=n, path=printable(str(args.result)),
           wanted=wanted, quoted=printable(shlex.quote(str(args.result)))))
