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
    from engine.export import ResultDocument
from engine.files import write_atomic
from engine.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    """show's description and options."""
    parser.description = ("Render a saved result (from --output or --json) exactly like the "
                          "quiz's result screen, or as a report a person can print or send.")
    options.add_content(parser)
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
    from engine.report import html_report, markdown_report, result_screen

    doc = read_result(args.result)
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
        write_atomic(args.output, text, force=args.force)
        note(t("file.saved", doc.lang, path=args.output))
    return EXIT_OK


def _few_explained(args: argparse.Namespace, doc: ResultDocument) -> None:
    """One note when ``--top`` asks for more roles in detail than the file explains (the
    roles below those have no reasons and no gaps): how to get them."""
    n, wanted = doc.explained, min(args.top, len(doc.ranking))
    if not doc.enough_answers or n >= wanted:
        return
    roles = "1 role is" if n == 1 else f"{n} roles are"
    import shlex

    name = printable(str(args.result))
    note(f"rolematch: note: only {roles} explained in {name}; to see {wanted}, score its "
         f"answers again: rolematch --answers {printable(shlex.quote(str(args.result)))} "
         f"--top {wanted}")
