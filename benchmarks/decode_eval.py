"""How well `rolematch decode` reads real job postings, with the title's role words masked.

    python benchmarks/decode_eval.py [--data ../shared/data/postings-dev.jsonl] [--misses N]

Each posting is labelled with the role its title names. The role words of that title are
masked out of the text first (so the score comes from the skills, tools and activities asked,
not from the title), then the posting is decoded. Prints top-1 and top-3 accuracy overall and
per role, a confusion matrix (rows: label, columns: decoded top role) and postings per second.
Aims: top-1 >= 0.75 and top-3 >= 0.95 overall, MLOps >= 7 of its 11 postings, every role with
at least 10 postings at top-1 >= 0.6, >= 500 postings/s.
The postings are read at run time and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from engine.content import load_profiles
from engine.decode import decode_many

# The phrases the labels were made from (../shared/data/README.md), masked in the text.
ROLE_WORDS = {
    "data-analyst": [r"data analysts?", r"business analysts?"],
    "data-scientist": [r"data scientists?"],
    "data-engineer": [r"data engineers?"],
    "ml-engineer": [r"machine learning engineers?", r"ml engineers?", r"mles?"],
    "mlops-engineer": [r"ml ?ops", r"machine learning operations"],
    "devops-engineer": [r"dev ?ops", r"site reliability( engineers?)?", r"sres?"],
    "ai-engineer": [r"(?:gen ?ai|llm|ai|generative ai) engineers?"],
    "ai-architect": [r"architects?"],
}


def mask(text: str, title: str, label: str) -> str:
    """Remove the title and the role words of the label from the text."""
    text = text.replace(title, " ")
    for pattern in ROLE_WORDS[label]:
        text = re.sub(rf"(?i)\b{pattern}\b", " ", text)
    return text


def short(role: str) -> str:
    """A role id in six letters for the tables: data-engineer -> dataen."""
    first, _, rest = role.partition("-")
    return first[:4] + rest[:2]


def score(rows: list[dict[str, Any]], docs: list[Any]) -> tuple[
        Counter[str], Counter[str], Counter[str], dict[str, Counter[str]],
        list[tuple[str, str, str, list[str]]]]:
    """Per label: postings whose top role is the label, whose top three hold it, postings;
    the confusion (label -> decoded top role -> count) and the misses."""
    top1: Counter[str] = Counter()
    top3: Counter[str] = Counter()
    per = Counter(r["label"] for r in rows)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for row, doc in zip(rows, docs, strict=True):
        ranked = [m.role_id for m in doc.ranking] if doc.recognised else []
        got = ranked[0] if ranked else "none"
        confusion[row["label"]][got] += 1
        top1[row["label"]] += got == row["label"]
        top3[row["label"]] += row["label"] in ranked[:3]
        if got != row["label"]:
            misses.append((row["label"], got, row["title"], [f.term for f in doc.found]))
    return top1, top3, per, confusion, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "postings-dev.jsonl"
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--baselines", action="store_true",
                        help="also cross-validate supervised classifiers trained on the same "
                             "masked postings, for reference")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    profiles = load_profiles()
    items = [(mask(r["text"], r["title"], r["label"]), None, r["id"]) for r in rows]
    decode_many(items[:5], profiles)  # warm scikit-learn and the compiled vocabulary
    elapsed = float("inf")
    for _ in range(3):  # shared, noisy machines: the best of three runs
        started = time.perf_counter()
        docs = decode_many(items, profiles)
        elapsed = min(elapsed, time.perf_counter() - started)
    roles = profiles.role_ids
    top1, top3, per, confusion, misses = score(rows, docs)
    n = len(rows)
    print(f"{n} postings from {args.data.name}; role words of the title masked\n")
    print(f"{'role':<17} {'n':>4} {'top-1':>6} {'top-3':>6}")
    for role in roles:
        print(f"{role:<17} {per[role]:>4} {top1[role] / per[role]:>6.2f} "
              f"{top3[role] / per[role]:>6.2f}")
    t1, t3 = sum(top1.values()) / n, sum(top3.values()) / n
    print(f"{'overall':<17} {n:>4} {t1:>6.3f} {t3:>6.3f}\n")
    print("confusion (rows: label, columns: decoded top role)")
    print(" " * 17 + "".join(f"{short(r):>7}" for r in [*roles, "none"]))
    for role in roles:
        print(f"{role:<17}" + "".join(f"{confusion[role][c]:>7}" for c in [*roles, "none"]))
    rate = n / elapsed
    big = [r for r in roles if per[r] >= 10]
    worst = min(big, key=lambda r: top1[r] / per[r])
    mlops = top1["mlops-engineer"]

    def met(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(f"\n{rate:.0f} postings per second (full documents, top 3 explained; best of 3 "
          f"runs: {elapsed:.2f}s for {n})")
    print(f"aims: top-1 >= 0.75 ({t1:.3f}: {met(t1 >= 0.75)}), top-3 >= 0.95 ({t3:.3f}: "
          f"{met(t3 >= 0.95)}), MLOps >= 7 ({mlops} of {per['mlops-engineer']}: "
          f"{met(mlops >= 7)}), every role with >= 10 postings >= 0.6 top-1 (worst {worst} "
          f"{top1[worst] / per[worst]:.2f}: {met(top1[worst] / per[worst] >= 0.6)}), "
          f">= 500 postings/s ({met(rate >= 500)})")
    for label, got, title, terms in misses[: args.misses]:
        print(f"\nMISS {label} -> {got}: {title}\n   {', '.join(terms)}")
    if args.baselines:
        baselines(items, [r["label"] for r in rows], docs, roles)


def baselines(items: list[tuple[str, None, str]], labels: list[str], docs: list[dict[str, Any]],
              roles: list[str]) -> None:
    """What classifiers *trained on these labels* reach in stratified 5-fold cross-validation:
    TF-IDF words and word pairs, and the counts of rolematch's own vocabulary terms. rolematch
    itself is not trained on the postings; this shows how far the labels let anything go."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    y = np.array([roles.index(label) for label in labels])
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    term_ids = sorted({f.term for doc in docs for f in doc.found})
    terms = np.zeros((len(docs), len(term_ids)))
    for i, doc in enumerate(docs):
        for f in doc.found:
            terms[i, term_ids.index(f.term)] = np.log1p(f.count)
    words = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2,
                            stop_words="english").fit_transform([text for text, _, _ in items])
    print("\nsupervised baselines, trained on these labels (5-fold cross-validation):")
    for name, features in (("TF-IDF words + logistic regression", words),
                           ("rolematch terms + logistic regression", terms)):
        for c in (1.0, 10.0):
            model = LogisticRegression(max_iter=5000, C=c)
            got = cross_val_predict(model, features, y, cv=cv)
            per = "  ".join(f"{short(r)} {np.mean(got[y == k] == k):.2f}"
                            for k, r in enumerate(roles))
            print(f"  {name:<38} C={c:<4g} top-1 {np.mean(got == y):.3f}  {per}")


if __name__ == "__main__":
    main()
