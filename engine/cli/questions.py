"""``rolematch questions``: the questionnaire as a person reads it, or as JSON."""

from __future__ import annotations

import argparse

from engine.cli import EXIT_OK, options
from engine.cli.io import print_json, width, write


def configure(parser: argparse.ArgumentParser) -> None:
    """questions' description and options."""
    parser.description = ("Print the questionnaire as a person reads it, or as JSON for "
                          "scripts that prepare answers files.")
    options.add_content(parser, profiles_help="not read: the questions come from the "
                        "questionnaire alone, so a broken profile does not stop them being "
                        "listed (rolematch validate checks the two together)")
    options.add_lang(parser)
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {id, type, section, text, options}")


def run(args: argparse.Namespace) -> int:
    """Print every question (with its options) in the language asked for."""
    # imported when the command runs, so `rolematch questions --help` stays fast
    from engine.content import load_questionnaire
    from engine.render import questions_json, questions_text

    lang = options.lang(args)
    # the questionnaire alone, checked on its own: listing it needs no profile
    questionnaire = load_questionnaire(args.questionnaire)
    if args.json:
        print_json(questions_json(questionnaire, lang))
    else:
        write(questions_text(questionnaire, lang, width()))
    return EXIT_OK
