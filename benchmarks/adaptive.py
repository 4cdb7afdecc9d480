"""Quick mode against the full questionnaire, on simulated respondents.

    python benchmarks/adaptive.py [--per-role 200] [--seed 2026]

Each respondent answers the way one role's profile would (engine.simulate), with 0%, 10%,
20% or 30% of the answers replaced at random (fixed seed). Quick mode then asks its questions
one by one (engine.adaptive) and stops on its own. Prints, per noise level: the median and
90th percentile of the number of questions asked, how the runs stopped, and how often quick
mode's top role equals the full questionnaire's top role for the same person.
Aim: median at most 10 questions and at least 95% agreement at 20% noise.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

import numpy as np

from engine.adaptive import Quick, partial
from engine.content import load_content
from engine.simulate import ideal_answers, with_noise
from engine.vectors import build_model, cosine, order, person_vector

NOISE = (0.0, 0.1, 0.2, 0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-role", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    content = load_content()
    model = build_model(content.questionnaire, content.profiles)
    quick = Quick(model)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    n_q = len(model.question_ids)
    print(f"{args.per_role} simulated respondents per role and noise level, seed {args.seed}; "
          f"full questionnaire: {n_q} questions\n")
    print(f"{'noise':>6} {'median':>7} {'p90':>5} {'agree':>7}   stopped by")
    results = {}
    for noise in NOISE:
        asked, agree, reasons = [], 0, Counter()
        for profile in content.profiles.profiles:
            ideal = ideal_answers(model, profile)
            for _ in range(args.per_role):
                person = with_noise(model, ideal, noise, rng).values
                u = person_vector(model, _answers(model, person))  # type: ignore[arg-type]
                full_top = model.role_ids[int(order(cosine(u[None, :], model.unit_weights)[0])[0])]
                given: dict[str, object] = {}
                while not (step := quick.next(partial(model, given))).stop:
                    qid = model.question_ids[step.question]  # type: ignore[index]
                    given[qid] = person[qid]
                asked.append(len(given))
                agree += step.top == full_top
                reasons[step.reason] += 1
        a = np.array(asked)
        rate = agree / len(a)
        results[noise] = (float(np.median(a)), rate)
        print(f"{int(noise * 100):>5}% {np.median(a):>7.0f} {np.percentile(a, 90):>5.0f} "
              f"{rate:>7.1%}   " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())),
              flush=True)
    median20, agree20 = results[0.2]
    print(f"\naim at 20% noise: median <= 10 questions ({median20:.0f}: "
          f"{'met' if median20 <= 10 else 'NOT met'}), agreement >= 95% ({agree20:.1%}: "
          f"{'met' if agree20 >= 0.95 else 'NOT met'})  [{time.perf_counter() - started:.0f}s]")


def _answers(model: object, values: dict[str, object]) -> object:
    from engine.answers import Answers

    return Answers(model.questionnaire.id, values)  # type: ignore[attr-defined,arg-type]


if __name__ == "__main__":
    main()
