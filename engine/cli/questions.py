"""``rolematch questions``: the questionnaire as a person reads it, or as JSON."""

from __future__ import annotations

import argparse

from engine.cli import EXIT_OK, options
from engine.cli.io import print_json, width, write


def configure(parser: argparse.ArgumentParser) -> None:
    """questions' description and options."""
    parser.description = ("Print the questionnaire as a person reads it, or as JSON for "
                          "scripts that prepare answers files.")
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {id, type, section, text, options}")


def run(args: argparse.Namespace) -> int:
    """Print every question (with its options) in the language asked for."""
    # imported when the command runs, so `rolematch questions --help` stays fast
    from engine.render import questions_json, questions_text

    lang = options.lang(args)
    content = options.content(args)
    if args.json:
        print_json(questions_json(content.questionnaire, lang))
    else:
        write(questions_text(content.questionnaire, content.profiles, lang, width()))
    return EXIT_OK
