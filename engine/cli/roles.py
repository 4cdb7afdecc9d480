"""``rolematch roles``: list the roles with their objective, or show one role's card."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from engine.cli import EXIT_OK, options
from engine.cli.io import print_json, width, write
from engine.errors import EngineError, problem, unknown

if TYPE_CHECKING:
    from engine.content import Profile, ProfileSet


def configure(parser: argparse.ArgumentParser) -> None:
    """roles' description and options."""
    parser.description = "List the roles with their objective, or show one role's full card."
    options.add_content(parser)
    options.add_lang(parser)
    parser.add_argument("role", nargs="?", metavar="ROLE",
                        help='a role id (data-engineer) or a title it goes by ("Data '
                             'Engineer", "ML Engineer")')
    parser.add_argument("--json", action="store_true",
                        help="print JSON (includes the dimension weights)")


def run(args: argparse.Namespace) -> int:
    """Print the list, or the card of the role named, as text or JSON."""
    # imported when the command runs, so `rolematch roles --help` stays fast
    from engine.render import role_card, role_json, roles_list

    lang = options.lang(args)
    ps = options.profiles(args)
    if args.role:
        profile = _role_or_error(ps, args.role)
        if args.json:
            print_json(role_json(profile, ps, lang))
        else:
            write(role_card(profile, ps, lang, width()))
        return EXIT_OK
    if args.json:
        print_json([role_json(p, ps, lang) for p in ps.profiles])
    else:
        write(roles_list(ps, lang, width()))
    return EXIT_OK


def _role_or_error(ps: ProfileSet, role: str) -> Profile:
    """The profile of ``role`` (its id, or a title it goes by, as written on a job posting:
    "Data Analyst", "ML Engineer"), or one error line suggesting the closest role id."""
    from engine.words import tokens

    profile = ps.profile(role)
    if profile is None:
        wanted = tokens(role)
        profile = next((p for p in ps.profiles
                        if wanted in {tokens(t) for t in (p.title.en, p.title.fr,
                                                          *p.other_titles)}), None)
    if profile is None:
        message, choices = unknown("role", role, ps.role_ids, quote=False)
        raise EngineError([problem("roles", "ROLE", message, role, choices=choices)])
    return profile
