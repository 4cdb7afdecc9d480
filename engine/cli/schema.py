"""``rolematch schema``: the JSON Schema of each file kind, for editors and programs."""

from __future__ import annotations

import argparse

from engine.cli import EXIT_OK
from engine.cli.io import print_json

SCHEMA_KINDS = ("questionnaire", "profile", "dimensions", "vocabulary", "answers", "result",
                "decode", "fit")


def configure(parser: argparse.ArgumentParser) -> None:
    """schema's description and its one argument."""
    parser.description = ("Print the JSON Schema of a file kind, for editors and other "
                          "programs.")
    parser.add_argument("kind", choices=SCHEMA_KINDS, help="which file kind")


def run(args: argparse.Namespace) -> int:
    """Print the schema of ``args.kind``."""
    # imported when the command runs, so `rolematch schema --help` stays fast
    from engine.answers import answers_schema
    from engine.export import decode_schema, fit_schema, result_schema
    from engine.rules import json_schema

    if args.kind == "answers":
        print_json(answers_schema())
    elif args.kind == "result":
        print_json(result_schema())
    elif args.kind == "decode":
        print_json(decode_schema())
    elif args.kind == "fit":
        print_json(fit_schema())
    else:
        print_json(json_schema(args.kind))
    return EXIT_OK
