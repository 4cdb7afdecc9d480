"""Options several commands share, declared once, and the values read from them.

The content files (--questionnaire, --profiles), the language (--lang) and the argument
types; plus the content, profiles and language a command gets from those options.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.i18n import detect_lang

TYPE_CHECKING = False  # not imported from typing: `rolematch X --help` must start fast
if TYPE_CHECKING:
    from engine.content import Content, ProfileSet

LANGS = ("en", "fr")


def positive(value: str) -> int:
    """An argparse type: a whole number, 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def _lang_type(value: str) -> str:
    if value not in LANGS:
        raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from 'en', 'fr')")
    return value


def add_content(parser: argparse.ArgumentParser, profiles_help: str | None = None) -> None:
    """The "content" group: which questionnaire and profiles to use instead of the shipped
    (``profiles_help``: what --profiles does for a command that reads them differently)."""
    group = parser.add_argument_group("content")
    group.add_argument("--questionnaire", metavar="FILE", type=Path,
                       help="questionnaire YAML file (default: the shipped one)")
    group.add_argument("--profiles", metavar="DIR", type=Path,
                       help=profiles_help or "folder with dimensions.yaml and the role "
                                             "profiles (default: the shipped ones)")


def add_lang(parser: argparse.ArgumentParser, default_help: str | None = None) -> None:
    """--lang, listed first among a command's options (after -h); ``default_help`` says what
    the default is when it is not the locale's language."""
    parser.add_argument("--lang", type=_lang_type, metavar="{en,fr}",
                        help=f"language (default: {default_help or LOCALE_DEFAULT})")


LOCALE_DEFAULT = "from LC_ALL/LANG, French if they start with 'fr', else English"


def lang(args: argparse.Namespace) -> str:
    """The language asked for with --lang, else the one the locale says."""
    if getattr(args, "lang", None):
        return str(args.lang)
    return detect_lang()


def said_in(args: argparse.Namespace) -> str:
    """The language the run's errors are said in: ``lang`` for a command that takes --lang;
    English for the others, which say everything else in English too."""
    return lang(args) if hasattr(args, "lang") else "en"


def content(args: argparse.Namespace) -> Content:
    """The questionnaire and profiles the content options name, checked together."""
    # imported when content is loaded (pydantic, yaml), so `rolematch X --help` stays fast
    from engine.content import load_content

    return load_content(args.questionnaire, args.profiles)


def profiles(args: argparse.Namespace) -> ProfileSet:
    """The profiles; checked against the questionnaire too when one is named."""
    # imported when content is loaded (pydantic, yaml), so `rolematch X --help` stays fast
    from engine.content import load_profiles

    if args.questionnaire is not None:
        return content(args).profiles
    return load_profiles(args.profiles)
