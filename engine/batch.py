"""Batch scoring: a JSONL stream of answers in, one result per line out, in the same order.

Input is read and scored in chunks, so memory stays flat however long the file is; each
chunk is scored with one cosine_similarity call over the matrix of its people's vectors.
Bad lines are reported with their line number and reason, then skipped or fatal.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from engine.answers import Answers, parse_answers
from engine.content import Content
from engine.errors import AnswersError, problem
from engine.scoring import cosine_scores, model_for, order, person_matrix, score_many

Mode = Literal["full", "summary", "csv"]
DEFAULT_CHUNK = 2048


@dataclass
class BatchStats:
    rows: int = 0  # results written
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    lines: int = 0  # lines read, blank ones included


def _parse(number: int, raw: bytes, content: Content, source: str) -> Answers | str | None:
    """The answers on one line, None for a blank line, or the reason it is bad."""
    text = raw.strip()
    if not text:
        return None
    try:
        data = json.loads(text)
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except json.JSONDecodeError as exc:
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    if isinstance(data, dict) and "questionnaire" not in data:
        data = {"questionnaire": content.questionnaire.id, **data}
    try:
        return parse_answers(data, content.questionnaire, f"{source}:{number}")
    except AnswersError as exc:
        return "; ".join(p.line().split(": ", 1)[1] for p in exc.problems)


def chunks(
    lines: Iterable[tuple[int, bytes]], content: Content, source: str, size: int,
    on_bad: Callable[[int, str], None],
) -> Iterator[list[tuple[int, Answers]]]:
    """Parsed answers in chunks of ``size``; bad lines go to ``on_bad`` as they are met."""
    chunk: list[tuple[int, Answers]] = []
    for number, raw in lines:
        parsed = _parse(number, raw, content, source)
        if parsed is None:
            continue
        if isinstance(parsed, str):
            on_bad(number, parsed)
            continue
        chunk.append((number, parsed))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Writer:
    """Formats results for one output mode."""

    def __init__(self, out: TextIO, mode: Mode, content: Content, lang: str) -> None:
        self.out, self.mode, self.content, self.lang = out, mode, content, lang
        self.roles = content.profiles.role_ids
        self.csv: Any = None
        if mode == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            self.csv.writerow(["line", "id", "top_role", *self.roles])

    def chunk(self, rows: list[tuple[int, Answers]], explain_top: int) -> int:
        model = model_for(self.content.questionnaire, self.content.profiles)
        people = [a for _, a in rows]
        if self.mode == "full":
            from engine.export import result_document

            buffer = io.StringIO()
            for result in score_many(model, people, explain_top):
                lang = result.answers.lang or self.lang
                doc = result_document(result, self.content.questionnaire,
                                      self.content.profiles, lang)
                buffer.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
                buffer.write("\n")
            self.out.write(buffer.getvalue())
            return len(people)
        scores = cosine_scores(person_matrix(model, people), model.weights)
        for (number, answers), row in zip(rows, scores, strict=True):
            enough = bool(row.any())
            top = self.roles[int(order(row)[0])] if enough else None
            percents = [round(100.0 * float(x), 1) for x in row]
            if self.mode == "csv":
                self.csv.writerow([number, "" if answers.respondent is None else
                                   answers.respondent, top or "", *percents])
            else:
                self.out.write(json.dumps({
                    "line": number, "id": answers.respondent, "top_role": top,
                    "scores": dict(zip(self.roles, percents, strict=True)),
                }, ensure_ascii=False, separators=(",", ":")) + "\n")
        return len(people)


def run_batch(
    lines: Iterable[tuple[int, bytes]], content: Content, out: TextIO, *, mode: Mode = "full",
    lang: str = "en", on_error: Literal["skip", "fail"] = "skip", source: str = "<stdin>",
    chunk_size: int = DEFAULT_CHUNK, explain_top: int = 3,
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
    for chunk in chunks(counted(lines), content, source, chunk_size, on_bad):
        stats.rows += writer.chunk(chunk, explain_top)
    return stats
