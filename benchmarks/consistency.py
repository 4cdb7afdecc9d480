"""Self-consistency: does a simulated respondent who *is* a role get that role back?

    python benchmarks/consistency.py [--per-role 300] [--seed 2026]

Each respondent answers every question the way a role's profile would (engine.simulate),
then a share of the answers (0%, 10%, 20%, 30%) is replaced by random valid answers.
Prints the top-1 and top-2 rate per role and noise level. Aim: 100% top-1 with no noise and
at least 90% top-1 at 20% noise, for every role.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np

from engine.content import load_content
from engine.simulate import ideal_answers, with_noise
from engine.vectors import build_model, cosine, order, person_vector

NOISE = (0.0, 0.1, 0.2, 0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-role", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    content = load_content()
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    rows = []
    for ri, profile in enumerate(content.profiles.profiles):
        ideal = ideal_answers(model, profile)
        cells = []
        for noise in NOISE:
            n = 1 if noise == 0 else args.per_role
            vectors = np.array([person_vector(model, with_noise(model, ideal, noise, rng))
                                for _ in range(n)])
            ranks = [list(order(s)) for s in cosine(vectors, model.unit_weights)]
            top1 = float(np.mean([r[0] == ri for r in ranks]))
            top2 = float(np.mean([ri in r[:2] for r in ranks]))
            cells.append((top1, top2))
        rows.append((profile.id, cells))
    print(f"{args.per_role} simulated respondents per role and noise level (seed {args.seed}); "
          "cells are top-1 / top-2 rates\n")
    print(f"{'role':<17}" + "".join(f"{f'noise {int(n * 100)}%':>16}" for n in NOISE))
    for rid, cells in rows:
        print(f"{rid:<17}" + "".join(f"{a:>9.0%} / {b:<4.0%}" for a, b in cells))
    worst0 = min(cells[0][0] for _, cells in rows)
    worst20 = min(cells[2][0] for _, cells in rows)
    print(f"\nworst top-1 at 0% noise: {worst0:.0%} "
          f"(aim 100%: {'met' if worst0 == 1 else 'NOT met'})")
    print(f"worst top-1 at 20% noise: {worst20:.1%} "
          f"(aim 90%: {'met' if worst20 >= 0.9 else 'NOT met'})")
    print(f"({time.perf_counter() - started:.1f}s)")


if __name__ == "__main__":
    main()
