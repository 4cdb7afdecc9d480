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

from engine.answers import Answers, FastParser, fast_answers, parse_answers
from engine.content import Content
from engine.errors import AnswersError, problem
from engine.scoring import cosine_scores, means, model_for, score_many

Mode = Literal["full", "summary", "csv"]
DEFAULT_CHUNK = {"full": 256, "summary": 16384, "csv": 16384}
"""Lines scored together. Summary rows are small, so big chunks amortise scikit-learn's
per-call checks; full results are ~30 kB of JSON each, so their chunks stay small."""


@dataclass
class BatchStats:
    rows: int = 0  # results written
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    lines: int = 0  # lines read, blank ones included


def _load(raw: bytes) -> Any:
    """The JSON value on a line, None for a blank line, or a _Bad reason."""
    import orjson

    if not raw.strip():
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            json.loads(raw)
        except UnicodeDecodeError:
            return _Bad("not UTF-8 text")
        except json.JSONDecodeError as std:  # the standard library words it more plainly
            return _Bad(f"not valid JSON: {std.msg} (column {std.colno})")
        return _Bad(f"not valid JSON: {exc}")


@dataclass(frozen=True)
class _Bad:
    reason: str


def _slow(data: Any, content: Content, source: str, number: int) -> Answers | _Bad:
    """The full check: the Answers, or every problem in words."""
    if isinstance(data, dict) and "questionnaire" not in data:
        data = {"questionnaire": content.questionnaire.id, **data}
    try:
        return parse_answers(data, content.questionnaire, f"{source}:{number}")
    except AnswersError as exc:
        return _Bad("; ".join(p.line().split(": ", 1)[1] for p in exc.problems))


def chunks(
    lines: Iterable[tuple[int, bytes]], content: Content, source: str, size: int,
    on_bad: Callable[[int, str], None], encoder: RowEncoder | None = None,
) -> Iterator[list[tuple[int, Any]]]:
    """Checked lines in chunks of ``size``: (line number, Answers), or with ``encoder``
    (line number, (slots, id)). Bad lines go to ``on_bad`` as they are met."""
    fast = FastParser(content.questionnaire)
    chunk: list[tuple[int, Any]] = []
    for number, raw in lines:
        data = _load(raw)
        if data is None:
            continue
        item: Any = None
        if not isinstance(data, _Bad):
            if encoder is not None:
                slots = encoder.encode(data)
                if slots is not None:
                    item = (slots, data.get("id"))
            else:
                if isinstance(data, dict) and "questionnaire" not in data:
                    data["questionnaire"] = content.questionnaire.id
                item = fast.parse(data)
            if item is None:
                checked = _slow(data, content, source, number)
                if isinstance(checked, _Bad):
                    data = checked
                elif encoder is not None:
                    item = (encoder.encode(checked.to_document()), checked.respondent)
                else:
                    item = checked
        if isinstance(data, _Bad):
            on_bad(number, data.reason)
            continue
        chunk.append((number, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class RowEncoder:
    """Checks and encodes one line's answers as the list of "slots" it selects, for the
    summary and CSV modes: a chunk's person vectors are then a few matrix products.

    Slots: one per likert point, single option and multi option, plus one "answered" slot per
    multi question. ``effects`` (slots x dims) holds each slot's effect, ``counts`` which
    dimensions a selected slot speaks to (the same rules as ``scoring.person_vector``).
    """

    def __init__(self, content: Content) -> None:
        import numpy as np

        model = model_for(content.questionnaire, content.profiles)
        self.model = model
        dims = len(model.dimension_ids)
        effects: list[Any] = []
        counts: list[Any] = []
        self.slots: dict[str, tuple[str, dict[Any, int], int]] = {}
        self.multi: list[list[int]] = []
        for qi, qid in enumerate(model.question_ids):
            table = model.choices[qi]
            mapping: dict[Any, int] = {}
            kind = "likert" if model.n_points[qi] else "single" if model.single[qi] else "multi"
            for key, vec in table.items():
                mapping[int(key) if kind == "likert" else key] = len(effects)
                effects.append(vec)
                if kind == "likert":
                    counts.append(model.touches[qi].astype(float))
                elif kind == "single":
                    counts.append((vec > 0).astype(float))
                else:
                    counts.append(np.zeros(dims))
            answered = -1
            if kind == "multi":
                self.multi.append(list(mapping.values()))
                answered = len(effects)
                effects.append(np.zeros(dims))
                counts.append(model.touches[qi].astype(float))
            self.slots[qid] = (kind, mapping, answered)
        self.effects = np.array(effects)
        self.counts = np.array(counts)
        multi_slots = {s for group in self.multi for s in group}
        self.plain = np.array([i not in multi_slots for i in range(len(effects))])
        self.qid = content.questionnaire.id

    def encode(self, data: Any) -> list[int] | None:
        """The slots a valid answers mapping selects, or None if anything does not fit."""
        raw = fast_answers(data, self.qid)
        if raw is None:
            return None
        out: list[int] = []
        slots = self.slots
        for qid, value in raw.items():
            entry = slots.get(qid)
            if entry is None:
                return None
            if value is None:
                continue
            kind, mapping, answered = entry
            if kind == "multi":
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or len(set(value)) != len(value):
                    return None
                out.append(answered)
                for option in value:
                    slot = mapping.get(option) if isinstance(option, str) else None
                    if slot is None:
                        return None
                    out.append(slot)
            else:
                if kind == "likert" and type(value) is not int:
                    return None
                slot = mapping.get(value) if isinstance(value, int | str) else None
                if slot is None:
                    return None
                out.append(slot)
        return out

    def vectors(self, rows: list[list[int]]) -> Any:
        """Person vectors of encoded rows (rows x dims)."""
        import numpy as np

        x = np.zeros((len(rows), len(self.effects)))
        lengths = [len(slots) for slots in rows]
        x[np.repeat(np.arange(len(rows)), lengths),
          np.fromiter((s for slots in rows for s in slots), dtype=np.intp,
                      count=sum(lengths))] = 1.0
        total = x[:, self.plain] @ self.effects[self.plain]
        for group in self.multi:
            total += np.minimum(x[:, group] @ self.effects[group], 1.0)
        count = x @ self.counts
        return means(total, count)


class Writer:
    """Formats results for one output mode."""

    def __init__(self, out: TextIO, mode: Mode, content: Content, lang: str) -> None:
        self.out, self.mode, self.content, self.lang = out, mode, content, lang
        self.roles = content.profiles.role_ids
        self.encoder = RowEncoder(content) if mode != "full" else None
        self.csv: Any = None
        if mode == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            self.csv.writerow(["line", "id", "top_role", *self.roles])

    def chunk(self, rows: list[tuple[int, Any]], explain_top: int) -> int:
        import orjson

        model = model_for(self.content.questionnaire, self.content.profiles)
        if self.encoder is None:
            from engine.export import result_document

            buffer = io.StringIO()
            for result in score_many(model, [a for _, a in rows], explain_top):
                lang = result.answers.lang or self.lang
                doc = result_document(result, self.content.questionnaire,
                                      self.content.profiles, lang)
                buffer.write(orjson.dumps(doc).decode())
                buffer.write("\n")
            self.out.write(buffer.getvalue())
            return len(rows)
        import numpy as np

        vectors = self.encoder.vectors([slots for _, (slots, _) in rows])
        scores = cosine_scores(vectors, model.weights)
        percents = np.round(100.0 * scores, 1).tolist()
        enough = vectors.any(axis=1).tolist()
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
    for chunk in chunks(counted(lines), content, source, chunk_size, on_bad, writer.encoder):
        stats.rows += writer.chunk(chunk, explain_top)
    return stats
