"""``rolematch fit``: how well the person of a saved result fits one job posting."""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.cli import EXIT_OK, UsageError, options
from engine.cli.io import posting_title, print_json, read_posting, width, write
from engine.i18n import t


def configure(parser: argparse.ArgumentParser) -> None:
    """fit's description and options."""
    parser.description = (
        "How well the person of a saved result fits one job posting: how much of what the "
        "posting asks for they cover, each ask weighed by how much the posting asks for it "
        "(100% when they are at its level on every ask; from the same vectors), the asks "
        "they cover, the ones they lack ranked by how much learning each would raise "
        "the fit, and the role the posting reads as next to the person's top role. The "
        "posting comes from POSTING (a file), '-' or a pipe.")
    options.add_lang(parser)
    options.add_content(parser)
    parser.add_argument("result", metavar="RESULT.json", type=Path,
                        help="a saved result (from --output or --json)")
    parser.add_argument("posting", nargs="?", metavar="POSTING", type=Path,
                        help="the posting's text file ('-' or a pipe: standard input)")
    parser.add_argument("--title", help="the posting's title (default: its first line, if "
                                        "short)")
    parser.add_argument("--json", action="store_true",
                        help="print the fit as JSON (schema: rolematch schema fit)")


def run(args: argparse.Namespace) -> int:
    """Read the result (checked like `show` does) and the posting, and fit one to the other."""
    # imported when the command runs, so `rolematch fit --help` stays fast
    from engine.export import read_result
    from engine.fit import fit
    from engine.fit_screen import fit_screen

    result = read_result(args.result, "fit")
    text, source = read_posting(args.posting)
    if not source:
        raise UsageError(t("fit.no_posting", options.lang(args)))
    title = args.title if args.title is not None else posting_title(text)
    doc = fit(result, text, options.content(args), args.lang or result.lang, title,
              source=args.result)
    if args.json:
        print_json(doc.to_data())
    else:
        write(fit_screen(doc, width=width()))
    return EXIT_OK
