"""``rolematch validate``: check the questionnaire, dimensions and profiles together."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from engine.cli import EXIT_BAD_INPUT, EXIT_OK, options
from engine.cli.io import err, flush_stdout, write
from engine.errors import ContentError, Problem

if TYPE_CHECKING:
    from engine.content import Questionnaire


def configure(parser: argparse.ArgumentParser) -> None:
    """validate's description and options."""
    parser.description = ("Check the questionnaire, dimensions, role profiles and vocabulary "
                          "together. Prints a summary, or every problem found (file, key "
                          "path, bad value, valid choices), exit code 2. What loads but is "
                          "probably a mistake (a section with no question, an option that "
                          "moves nothing, a vocabulary name two terms share or that can "
                          "never match, a file the profiles folder does not read) is a "
                          "warning on standard error, starting \"warning:\".")
    options.add_content(parser)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print the pairwise similarity of the role profiles")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as problems: print them as errors and exit "
                             "with code 2")


def run(args: argparse.Namespace) -> int:
    """Load everything (vocabulary included); a summary and any warnings, or every problem
    and exit code 2 (warnings too with --strict)."""
    # imported when the command runs, so `rolematch validate --help` stays fast
    from engine.content import (
        NEAR_DUPLICATE_COSINE,
        content_warnings,
        default_profiles_dir,
        load_content,
        unread_profile_files,
    )

    try:
        content = load_content(args.questionnaire, args.profiles, vocabulary=True)
    except ContentError as exc:
        # a role left out for its file name may be why loading failed: say so too
        directory = args.profiles if args.profiles is not None else default_profiles_dir()
        return _refuse(exc.lines(), unread_profile_files(Path(directory)), args.strict)
    warnings = content_warnings(content)
    if args.strict and warnings:
        return _refuse([], warnings, strict=True)
    q, ps = content.questionnaire, content.profiles
    groups: dict[str, int] = {}
    for d in ps.dimensions:
        groups[d.group] = groups.get(d.group, 0) + 1
    sim = ps.pairwise_similarity()
    ids = ps.role_ids
    pairs = [(sim[i][j], ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]
    best = max(pairs) if pairs else (0.0, "", "")
    lines = [
        f"OK: questionnaire {q.id!r} version {q.version} ({q.path})",
        f"  {len(q.questions)} questions in {len(q.data.sections)} sections: "
        + ", ".join(f"{n} {kind}" for kind, n in _count_types(q).items()),
        f"  {len(ps.dimensions)} dimensions: {groups.get('skill', 0)} skills, "
        f"{groups.get('tool', 0)} tool families, {groups.get('preference', 0)} work preferences",
        f"  {len(ps.profiles)} role profiles ({ps.directory}): {', '.join(ids)}",
        f"  most similar profiles: {best[1]} / {best[2]}, cosine {best[0]:.2f} "
        f"(limit {NEAR_DUPLICATE_COSINE:.2f})",
    ]
    if warnings:
        lines.append(f"  {_count(len(warnings), 'warning')} (on standard error)")
    if args.verbose:
        lines.append("\nPairwise cosine similarity of the profile weights:")
        lines.append("   " + " ".join(f"{n:>5}" for n in range(1, len(ids) + 1)))
        for i, rid in enumerate(ids):
            lines.append(f"{i + 1:>2} " + " ".join(f"{sim[i][j]:>5.2f}" for j in range(len(ids)))
                         + f"  {rid}")
    write("".join(line + "\n" for line in lines))
    flush_stdout()  # the summary, then its warnings (and none if it could not be written)
    for warning in warnings:
        err(f"warning: {warning.line()}")
    return EXIT_OK


def _count_types(q: Questionnaire) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in q.questions:
        counts[question.type] = counts.get(question.type, 0) + 1
    return counts


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _refuse(problems: list[str], warnings: list[Problem], strict: bool) -> int:
    """Every problem as one line, then the warnings (as problems with --strict); exit code 2."""
    for line in problems:
        err(line)
    for warning in warnings:
        err(warning.line() if strict else f"warning: {warning.line()}")
    n = len(problems) + (len(warnings) if strict else 0)
    because = " (warnings refused by --strict)" if strict and warnings else ""
    err(f"{_count(n, 'problem')} found{because}")
    return EXIT_BAD_INPUT
