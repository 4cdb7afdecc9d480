"""Batch scoring: a JSONL stream of answers in, one result per line out, in the same order.

Input is read and scored in chunks, so memory stays flat however long the file is; each
chunk is scored with one cosine call over the matrix of its people's vectors.
Bad lines are reported with their line number and reason, then skipped or fatal.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from engine.answers import checker_for
from engine.content import Content
from engine.errors import AnswersError, problem
from engine.readers import json_line
from engine.scoring import score_many
from engine.vectors import cosine, encode, model_for, vectors

Mode = Literal["full", "summary", "csv"]
DEFAULT_CHUNK = {"full": 256, "summary": 16384, "csv": 16384}
"""Lines scored together. Summary rows are small, so big chunks amortise numpy's per-call
cost; full results are ~30 kB of JSON each, so their chunks stay small."""


@dataclass
class BatchStats:
    rows: int = 0  # results written
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    lines: int = 0  # lines read, blank ones included


def _load(raw: bytes) -> Any:
    """The JSON value on a line, None for a blank line, or a _Bad reason."""
    if not raw.strip():
        return None
    try:
        return json_line(raw)
    except ValueError as exc:
        return _Bad(str(exc))


@dataclass(frozen=True)
class _Bad:
    reason: str


def chunks(
    lines: Iterable[tuple[int, bytes]], content: Content, source: str, size: int,
    on_bad: Callable[[int, str], None], slots_only: bool,
) -> Iterator[list[tuple[int, Any]]]:
    """Checked lines in chunks of ``size``: (line number, Answers), or with ``slots_only``
    (line number, (slots, id)). The fast check first; a line it declines gets the full
    check, which says what is wrong. Bad lines go to ``on_bad`` as they are met."""
    checker = checker_for(content.questionnaire)
    model = model_for(content.questionnaire, content.profiles)
    chunk: list[tuple[int, Any]] = []
    for number, raw in lines:
        data = _load(raw)
        if data is None:
            continue
        item: Any = None
        if not isinstance(data, _Bad):
            if slots_only:
                slots = checker.fast_slots(data, named=False)
                item = None if slots is None else (slots, data.get("id"))
            else:
                item = checker.fast(data, named=False)
            if item is None:
                try:
                    checked = checker.check(data, f"{source}:{number}", named=False)
                except AnswersError as exc:
                    data = _Bad("; ".join(p.line().split(": ", 1)[1] for p in exc.problems))
                else:
                    item = ((encode(model, checked), checked.respondent)
                            if slots_only else checked)
        if isinstance(data, _Bad):
            on_bad(number, data.reason)
            continue
        chunk.append((number, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Writer:
    """Formats results for one output mode."""

    def __init__(self, out: TextIO, mode: Mode, content: Content, lang: str) -> None:
        self.out, self.mode, self.content, self.lang = out, mode, content, lang
        self.model = model_for(content.questionnaire, content.profiles)
        self.roles = content.profiles.role_ids
        self.csv: Any = None
        if mode == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            self.csv.writerow(["line", "id", "top_role", *self.roles])

    def chunk(self, rows: list[tuple[int, Any]], explain_top: int) -> int:
        import orjson

        model = self.model
        if self.mode == "full":
            people = [a for _, a in rows]
            docs = score_many(model, people, [a.lang or self.lang for a in people], explain_top)
            self.out.write("".join(orjson.dumps(doc.to_data()).decode() + "\n" for doc in docs))
            return len(rows)
        import numpy as np

        vecs = vectors(model, [slots for _, (slots, _) in rows])
        scores = cosine(vecs, model.unit_weights)
        percents = np.round(100.0 * scores, 1).tolist()
        enough: list[bool] = np.count_nonzero(vecs, axis=1).astype(bool).tolist()
        tops = np.argsort(-scores, axis=1, kind="stable")[:, 0].tolist()
        roles = self.roles
        if self.mode == "csv":
            self.csv.writerows(
                [number, "" if rid is None else rid, roles[top] if ok else "", *row]
                for (number, (_, rid)), row, top, ok in zip(rows, percents, tops, enough,
                                                            strict=True))
            return len(rows)
        lines = [
            orjson.dumps({"line": number, "id": rid, "top_role": roles[top] if ok else None,
                          "scores": dict(zip(roles, row, strict=True))})
            for (number, (_, rid)), row, top, ok in zip(rows, percents, tops, enough,
                                                        strict=True)
        ]
        self.out.write(b"\n".join(lines).decode() + "\n")
        return len(rows)


def run_batch(
    lines: Iterable[tuple[int, bytes]], content: Content, out: TextIO, *, mode: Mode = "full",
    lang: str = "en", on_error: Literal["skip", "fail"] = "skip", source: str = "<stdin>",
    chunk_size: int | None = None, explain_top: int = 3,
    report: Callable[[int, str], None] | None = None,
) -> BatchStats:
    """Score every line; raise AnswersError at the first bad line when ``on_error`` is fail."""
    stats = BatchStats()

    def on_bad(number: int, reason: str) -> None:
        stats.bad.append((number, reason))
        if report is not None:
            report(number, reason)
        if on_error == "fail":
            raise AnswersError([problem(source, f"line {number}", reason)])

    def counted(items: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
        for item in items:
            stats.lines = item[0]
            yield item

    writer = Writer(out, mode, content, lang)
    chunk_size = chunk_size or DEFAULT_CHUNK[mode]
    for chunk in chunks(counted(lines), content, source, chunk_size, on_bad, mode != "full"):
        stats.rows += writer.chunk(chunk, explain_top)
    return stats
