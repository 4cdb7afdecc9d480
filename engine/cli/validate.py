"""``rolematch validate``: check the questionnaire, dimensions and profiles together."""

from __future__ import annotations

import argparse

from engine.cli import EXIT_BAD_INPUT, EXIT_OK, options
from engine.cli.io import err, write
from engine.content import NEAR_DUPLICATE_COSINE, Questionnaire, load_content
from engine.errors import ContentError


def configure(parser: argparse.ArgumentParser) -> None:
    """validate's description and options."""
    parser.description = ("Check the questionnaire, dimensions and role profiles together. "
                          "Prints a summary, or every problem found (file, key path, bad "
                          "value, valid choices).")
    options.add_content(parser)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print the pairwise similarity of the role profiles")


def run(args: argparse.Namespace) -> int:
    """Load everything (vocabulary included); a summary, or every problem and exit code 2."""
    try:
        content = load_content(args.questionnaire, args.profiles, vocabulary=True)
    except ContentError as exc:
        for line in exc.lines():
            err(line)
        n = len(exc.problems)
        err(f"{n} problem{'s' if n != 1 else ''} found")
        return EXIT_BAD_INPUT
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
    if args.verbose:
        lines.append("\nPairwise cosine similarity of the profile weights:")
        lines.append("   " + " ".join(f"{n:>5}" for n in range(1, len(ids) + 1)))
        for i, rid in enumerate(ids):
            lines.append(f"{i + 1:>2} " + " ".join(f"{sim[i][j]:>5.2f}" for j in range(len(ids)))
                         + f"  {rid}")
    write("".join(line + "\n" for line in lines))
    return EXIT_OK


def _count_types(q: Questionnaire) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in q.questions:
        counts[question.type] = counts.get(question.type, 0) + 1
    return counts
