"""What a report over many results counts, chunk by chunk: a cohort of people (batch) or a
job market of postings (decode --jsonl).

A tally is filled where a chunk is scored (in this process, a worker process or a cluster
worker), sent back with the chunk's output, and merged in input order; the report is drawn
from the merged tally. Small and picklable: counts and per-role sums, never the rows.
numpy only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.explain import CLOSE_CALL_MARGIN

if TYPE_CHECKING:
    from collections.abc import Iterable

    from engine.export import DecodeDocument, ResultDocument

    Array = np.ndarray[Any, np.dtype[np.float64]]


SCALE = 2.0 ** 32
"""Vectors are added up as whole multiples of 2^-32: integer sums are exact, so the same
people give the same report whatever the chunks and however many processes (a float sum
depends on its order). Exact for up to 2^31 people a group."""


def _fixed(values: Any) -> Any:
    return np.rint(np.asarray(values, dtype=np.float64) * SCALE).astype(np.int64)


@dataclass
class CohortTally:
    """A cohort: how many people top each role, the close calls (first, second) and the sum
    of the vectors of each role's group (the average profile, once divided)."""

    roles: tuple[str, ...]
    dimensions: tuple[str, ...]
    people: int = 0
    not_enough: int = 0  # lines with no usable answer: no top role
    top: Counter[str] = field(default_factory=Counter)
    close: Counter[tuple[str, str]] = field(default_factory=Counter)
    sums: Any = None  # roles x dimensions, in units of 2^-32

    def __post_init__(self) -> None:
        if self.sums is None:
            self.sums = np.zeros((len(self.roles), len(self.dimensions)), dtype=np.int64)

    def add_scores(self, vecs: Array, scores: Array) -> None:
        """A chunk scored as matrices: people x dimensions, people x roles."""
        self.people += len(vecs)
        enough = np.count_nonzero(vecs, axis=1).astype(bool)
        self.not_enough += int((~enough).sum())
        if not enough.any():
            return
        vecs, scores = vecs[enough], scores[enough]
        order = np.argsort(-scores, axis=1, kind="stable")  # ties: the first role, by id
        first, second = order[:, 0], order[:, 1]
        rows = np.arange(len(scores))
        margin = scores[rows, first] - scores[rows, second]
        np.add.at(self.sums, first, _fixed(vecs))
        for ri, n in zip(*np.unique(first, return_counts=True), strict=True):
            self.top[self.roles[int(ri)]] += int(n)
        close = margin < CLOSE_CALL_MARGIN
        for a, b in zip(first[close].tolist(), second[close].tolist(), strict=True):
            self.close[(self.roles[a], self.roles[b])] += 1

    def add_docs(self, docs: Iterable[ResultDocument]) -> None:
        """A chunk scored as full result documents."""
        index = {r: i for i, r in enumerate(self.roles)}
        for doc in docs:
            self.people += 1
            if not doc.enough_answers or doc.confidence is None:
                self.not_enough += 1
                continue
            first = doc.ranking[0].role_id
            self.top[first] += 1
            self.sums[index[first]] += _fixed([doc.vector.get(d, 0.0) for d in self.dimensions])
            if doc.confidence.close_call:
                self.close[(first, doc.confidence.second)] += 1

    def merge(self, other: CohortTally) -> None:
        self.people += other.people
        self.not_enough += other.not_enough
        self.top.update(other.top)
        self.close.update(other.close)
        self.sums += other.sums

    def average(self, role: str) -> Array | None:
        """The mean vector of the people whose top role is ``role``, None if there are none."""
        n = self.top.get(role, 0)
        return self.sums[self.roles.index(role)] / SCALE / n if n else None


@dataclass
class MarketTally:
    """A job market: the role each posting's title names against the role its content
    describes, and for each content role how often each term is among its reasons."""

    roles: tuple[str, ...]
    postings: int = 0
    recognised: int = 0
    cross: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)
    cited: dict[str, Counter[str]] = field(default_factory=dict)  # role -> term -> postings
    points: dict[str, dict[str, int]] = field(default_factory=dict)  # role -> term -> 2^-32
    labels: dict[str, str] = field(default_factory=dict)  # term -> label

    def add_docs(self, docs: Iterable[DecodeDocument]) -> None:
        for doc in docs:
            self.postings += 1
            content = doc.skills_role if doc.recognised else None
            self.cross[(doc.title_role, content)] += 1
            if content is None:
                continue
            self.recognised += 1
            cited = self.cited.setdefault(content, Counter())
            points = self.points.setdefault(content, {})
            seen: dict[str, float] = {}
            for contribution in doc.ranking[0].top_contributions:
                for term in contribution.terms:
                    seen[term.term] = seen.get(term.term, 0.0) + term.score
                    self.labels.setdefault(term.term, term.label)
            cited.update(seen.keys())
            for name, score in seen.items():
                points[name] = points.get(name, 0) + round(score * SCALE)  # exact sums

    def merge(self, other: MarketTally) -> None:
        self.postings += other.postings
        self.recognised += other.recognised
        self.cross.update(other.cross)
        for role, counts in other.cited.items():
            self.cited.setdefault(role, Counter()).update(counts)
        for role, sums in other.points.items():
            mine = self.points.setdefault(role, {})
            for name, value in sums.items():
                mine[name] = mine.get(name, 0) + value
        for term, label in other.labels.items():
            self.labels.setdefault(term, label)

    def titled(self) -> int:
        """Postings whose title names a role and whose content was recognised."""
        return sum(n for (title, content), n in self.cross.items()
                   if title is not None and content is not None)

    def disagree(self) -> int:
        """Of those, the postings whose content reads as another role than the title's."""
        return sum(n for (title, content), n in self.cross.items()
                   if title is not None and content is not None and title != content)

    def deciding(self, role: str, n: int = 6) -> list[tuple[str, int, float]]:
        """The terms most often among ``role``'s reasons: (term, postings, mean points)."""
        cited = self.cited.get(role, Counter())
        points = self.points.get(role, {})
        ranked = sorted(cited.items(), key=lambda item: (-item[1], -points[item[0]], item[0]))
        return [(term, count, 100 * points[term] / SCALE / count) for term, count in ranked[:n]]
