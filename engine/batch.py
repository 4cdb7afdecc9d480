"""Batch scoring: a JSONL stream of answers in, one result per line out, in the same order.

Input is read and scored in chunks, so memory stays flat however long the file is; each
chunk is scored with one cosine call over the matrix of its people's vectors.
Bad lines are reported with their line number and reason, then skipped or fatal.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TextIO

from engine.answers import checker_for
from engine.content import Content, ProfileSet
from engine.errors import AnswersError, Msg, format_value, problem, said
from engine.readers import LineError, json_line
from engine.scoring import score_many
from engine.vectors import cosine, encode, model_for, vectors

if TYPE_CHECKING:
    from engine.tally import CohortTally, MarketTally

Mode = Literal["full", "summary", "csv"]
DEFAULT_CHUNK = {"full": 256, "summary": 16384, "csv": 16384}
"""Lines scored together. Summary rows are small, so big chunks amortise numpy's per-call
cost; full results are ~30 kB of JSON each, so their chunks stay small."""


@dataclass
class BatchStats:
    rows: int = 0  # results written
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    lines: int = 0  # lines read, blank ones included
    empty: int = 0  # people scored with no answer that counts (top_role null): not errors
    blank: int = 0  # blank lines, neither results nor bad lines: said, so the counts add up


_BLANK = object()


def _load(raw: bytes, lang: str) -> Any:
    """The JSON value on a line, _BLANK for a blank line, or a _Bad reason (in ``lang``)."""
    if not raw.strip():
        return _BLANK
    try:
        return json_line(raw)
    except LineError as exc:
        return _Bad(said(exc.message, lang))


@dataclass(frozen=True)
class _Bad:
    reason: str


def chunks(
    lines: Iterable[tuple[int, bytes]], content: Content, source: str, size: int,
    on_bad: Callable[[int, str], None], slots_only: bool, lang: str = "en",
    on_blank: Callable[[int], None] | None = None,
) -> Iterator[list[tuple[int, Any]]]:
    """Checked lines in chunks of ``size``: (line number, Answers), or with ``slots_only``
    (line number, (slots, id)). The fast check first; a line it declines gets the full
    check, which says what is wrong. Bad lines go to ``on_bad`` as they are met, their
    reason in ``lang``; blank lines, skipped, to ``on_blank``."""
    checker = checker_for(content.questionnaire)
    model = model_for(content.questionnaire, content.profiles)
    chunk: list[tuple[int, Any]] = []
    for number, raw in lines:
        data = _load(raw, lang)
        if data is _BLANK:
            if on_blank is not None:
                on_blank(number)
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
                    data = _Bad("; ".join(p.say(lang) for p in exc.problems))
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


FORMULA_START = frozenset("=+-@\t\r")
"""What a spreadsheet may read a cell beginning with as a formula (OWASP: CSV injection)."""


def text_cell(text: str) -> str:
    """A text cell of the CSV that a spreadsheet shows as text and never runs: one beginning
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote in front
    (``'=HYPERLINK(...)``), the standard defence. Numbers are never touched (a score of -3.2
    stays a number)."""
    return "'" + text if text[:1] in FORMULA_START else text


def write_header(out: TextIO, mode: Mode, content: Content) -> None:
    """The first line of the output, for the modes that have one (CSV)."""
    if mode == "csv":
        csv.writer(out, lineterminator="\n").writerow(
            ["line", "id", "top_role", *map(text_cell, content.profiles.role_ids)])


class Writer:
    """Formats results for one output mode."""

    def __init__(self, out: TextIO, mode: Mode, content: Content, lang: str,
                 header: bool = True, tally: CohortTally | None = None) -> None:
        self.out, self.mode, self.content, self.lang = out, mode, content, lang
        self.model = model_for(content.questionnaire, content.profiles)
        self.roles = content.profiles.role_ids
        self.tally = tally  # what a cohort report counts, filled as chunks are scored
        self.empty = 0  # people with no answer that counts: no top role
        self.csv: Any = None
        if mode == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            if header:
                write_header(out, mode, content)

    def chunk(self, rows: list[tuple[int, Any]], explain_top: int) -> int:
        import orjson

        model = self.model
        if self.mode == "full":
            people = [a for _, a in rows]
            docs = score_many(model, people, [a.lang or self.lang for a in people], explain_top)
            self.empty += sum(1 for d in docs if not d.enough_answers or d.confidence is None)
            if self.tally is not None:
                self.tally.add_docs(docs)
            self.out.write("".join(orjson.dumps(doc.to_data()).decode() + "\n" for doc in docs))
            return len(rows)
        import numpy as np

        vecs = vectors(model, [slots for _, (slots, _) in rows])
        scores = cosine(vecs, model.unit_weights)
        if self.tally is not None:
            self.tally.add_scores(vecs, scores)
        percents = np.round(100.0 * scores, 1).tolist()
        enough: list[bool] = np.count_nonzero(vecs, axis=1).astype(bool).tolist()
        self.empty += enough.count(False)
        tops = np.argsort(-scores, axis=1, kind="stable")[:, 0].tolist()
        roles = self.roles
        if self.mode == "csv":
            # a person with no answers to score has empty cells, not scores of 0.0 (which
            # read as real zeros); a text id is a text cell (text_cell), a number id a number
            cells, no_scores = [text_cell(r) for r in roles], [""] * len(roles)
            start = FORMULA_START  # text_cell inlined: one call less a row
            self.csv.writerows(
                [number,
                 "" if rid is None else "'" + rid if type(rid) is str and rid[:1] in start
                 else rid,
                 *((cells[top], *row) if ok else ("", *no_scores))]
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
    report: Callable[[int, str], None] | None = None, tally: CohortTally | None = None,
) -> BatchStats:
    """Score every line; raise AnswersError at the first bad line when ``on_error`` is fail.
    ``tally``, if given, counts what a cohort report shows."""
    stats = BatchStats()

    def on_bad(number: int, reason: str) -> None:
        stats.bad.append((number, reason))
        if report is not None:
            report(number, reason)
        if on_error == "fail":
            raise AnswersError([problem(source, bad_line(number), reason)])

    def counted(items: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
        for item in items:
            stats.lines = item[0]
            yield item

    def on_blank(number: int) -> None:
        stats.blank += 1

    writer = Writer(out, mode, content, lang, tally=tally)
    chunk_size = chunk_size or DEFAULT_CHUNK[mode]
    for chunk in chunks(counted(lines), content, source, chunk_size, on_bad, mode != "full",
                        lang, on_blank):
        stats.rows += writer.chunk(chunk, explain_top)
    stats.empty = writer.empty
    return stats


# --- chunks scored in other processes (--workers N) -------------------------------------

Lines = list[tuple[int, bytes]]
WORKER_CHUNK = 4096
"""Most lines sent to a worker at once: enough to amortise numpy's per-call cost, few
enough that the processes start and finish together."""


@dataclass(frozen=True)
class ChunkResult:
    """What one chunk of raw lines gave: the output of its good rows in order (one string,
    or with ``split`` one string per row), their line numbers, its bad lines, and with
    ``tally`` what a report counts of its rows."""

    text: str
    numbers: list[int]
    bad: list[tuple[int, str]]
    rows: list[str] | None = None
    tally: CohortTally | MarketTally | None = None
    empty: int = 0
    blank: int = 0


class _Parts:
    """A text stream that keeps what each write call wrote (csv writes one row a call)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)


def _rows(parts: list[str], mode: Mode) -> list[str]:
    """The output of a chunk as one string per row."""
    if mode == "csv":
        return parts  # one writerow call, one write, per row
    # full and summary rows are one JSON line each; JSON escapes the newlines in strings
    return [line + "\n" for line in "".join(parts).split("\n")[:-1]]


def score_lines(
    lines: Lines, content: Content, *, mode: Mode, lang: str, source: str, explain_top: int,
    split: bool = False, tally: bool = False,
) -> ChunkResult:
    """Check and score one chunk of raw numbered lines, as ``run_batch`` does, without
    printing: the results a worker process sends back. The CSV header is not included."""
    bad: list[tuple[int, str]] = []
    sink = _Parts()
    counts = cohort_tally(content) if tally else None
    writer = Writer(sink, mode, content, lang, header=False,  # type: ignore[arg-type]
                    tally=counts)
    numbers: list[int] = []
    blank: list[int] = []
    for chunk in chunks(lines, content, source, max(1, len(lines)),
                        lambda n, r: bad.append((n, r)), mode != "full", lang, blank.append):
        writer.chunk(chunk, explain_top)
        numbers.extend(n for n, _ in chunk)
    rows = _rows(sink.parts, mode) if split else None
    return ChunkResult("".join(sink.parts), numbers, bad, rows, counts, writer.empty,
                       len(blank))


def cohort_tally(content: Content) -> CohortTally:
    """An empty cohort tally over the content's roles and dimensions."""
    from engine.tally import CohortTally

    model = model_for(content.questionnaire, content.profiles)
    return CohortTally(model.role_ids, model.dimension_ids)


def bad_line(number: int) -> Msg:
    """The key path of a bad line in a run stopped by it (--on-error fail): "line 5"."""
    return Msg("problem.at_line", n=number)


def posting(number: int, raw: bytes, source: str,
            lang: str = "en") -> tuple[str, Any, Any] | _Bad | None:
    """A --jsonl posting line checked: (text, title, id), a _Bad reason (in ``lang``), or
    None if blank."""
    from engine.decode import check_text
    from engine.errors import EngineError

    if not raw.strip():
        return None
    try:
        item = json_line(raw)
        if not isinstance(item, dict):
            raise LineError(Msg("posting.not_object"))
        if "text" not in item:  # other keys are ignored: postings files carry more fields
            raise LineError(_no_text(item))
        title = item.get("title")
        if title is not None and not isinstance(title, str):
            raise LineError(Msg("posting.title"))
        text = check_text(item.get("text"), f"{source}:{number}")
    except LineError as exc:
        return _Bad(said(exc.message, lang))
    except EngineError as exc:
        return _Bad(exc.problems[0].say(lang))
    return text, title, item.get("id")


POSTING_KEYS = ("id", "title", "text")
"""The keys a --jsonl posting line is read by; any other key is ignored."""


def _no_text(item: dict[str, Any]) -> Msg:
    """Why a posting line without ``text`` is skipped, naming a key that looks like a
    misspelt text, title or id (``txt``, ``Text``), one close to text first."""
    import difflib

    missing = Msg("posting.no_text")
    guesses = [(key, close[0]) for key in item if key not in POSTING_KEYS
               for close in [difflib.get_close_matches(key.lower(), POSTING_KEYS, 1, 0.6)]
               if close]
    if not guesses:
        return missing
    key, meant = min(guesses, key=lambda guess: guess[1] != "text")
    return Msg("posting.unknown_key", name=format_value(key), meant=repr(meant),
               missing=missing)


def decode_lines(
    lines: Lines, profiles: ProfileSet, *, lang: str, source: str, explain_top: int,
    split: bool = False, tally: bool = False,
) -> ChunkResult:
    """Check and decode one chunk of raw numbered --jsonl lines, without printing."""
    import orjson

    from engine.decode import decode_many

    bad: list[tuple[int, str]] = []
    items: list[tuple[str, Any, Any]] = []
    numbers: list[int] = []
    blank = 0  # counted, so that decoded, blank and bad lines add up to the lines read
    for number, raw in lines:
        item = posting(number, raw, source, lang)
        if isinstance(item, _Bad):
            bad.append((number, item.reason))
        elif item is None:
            blank += 1
        else:
            items.append(item)
            numbers.append(number)
    docs = decode_many(items, profiles, lang, explain_top)
    rows = [orjson.dumps(d.to_data()).decode() + "\n" for d in docs]
    counts = None
    if tally:
        from engine.tally import MarketTally

        counts = MarketTally(tuple(profiles.role_ids))
        counts.add_docs(docs)
    return ChunkResult("".join(rows), numbers, bad, rows if split else None, counts,
                       blank=blank)


def grouped(lines: Iterable[tuple[int, bytes]], size: int) -> Iterator[Lines]:
    """Raw numbered lines in lists of ``size``."""
    group: Lines = []
    for item in lines:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


_WORKER: dict[str, Any] = {}  # in a worker process: what its initializer loaded


WORKER_ENV = ("SOURCE_DATE_EPOCH",)
"""The environment a document depends on (``created_at``), given to each worker as it is in
the parent now: workers fork from the forkserver, whose environment is the parent's when it
was first started (in a long-lived process, such as a test run or a notebook, that can be long
before, and a later run's documents then carried another date than one process writes)."""


def _start_worker(load: Callable[..., Any], load_args: tuple[Any, ...],
                  environ: dict[str, str | None] | None = None) -> None:
    import os
    import signal

    for key, value in (environ or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value

    # Ctrl-C reaches the whole process group: the parent alone handles it, and ends us
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:  # the processes share the CPUs: one BLAS thread each, not a crowd of them
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]
    except ImportError:
        pass
    else:
        _WORKER["limits"] = threadpool_limits(1)
    _WORKER["data"] = load(*load_args)


def _in_worker(work: Callable[..., ChunkResult], lines: Lines,
               kwargs: dict[str, Any]) -> ChunkResult:
    return work(lines, _WORKER["data"], **kwargs)


def in_processes(
    groups: Iterable[Lines], workers: int, work: Callable[..., ChunkResult],
    load: Callable[..., Any], load_args: tuple[Any, ...], **kwargs: Any,
) -> Generator[ChunkResult, None, None]:
    """``work(group, load(*load_args), **kwargs)`` for every group, in ``workers`` processes,
    yielded in input order. Each process calls ``load`` once; at most two groups a process
    are in flight, so memory stays flat. Closed early, the iterator waits for the groups in
    flight; on an error or an interrupt it ends the processes at once. The functions must be
    importable by name."""
    import multiprocessing
    from collections import deque

    # forked from a fresh single-threaded server, not from this process: a fork copies
    # whatever lock another thread holds at that moment (the quiz's warm-up thread, a
    # library's pool), and a child waiting on it hangs for ever
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["engine.batch", "engine.scoring", "engine.decode"])
    import os

    environ = {key: os.environ.get(key) for key in WORKER_ENV}
    pool = context.Pool(workers, _start_worker, (load, load_args, environ))
    pending: deque[Any] = deque()
    try:
        for group in groups:
            pending.append(pool.apply_async(_in_worker, (work, group, kwargs)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    except GeneratorExit:
        # the reader stopped early (--on-error fail): let the chunks in flight finish rather
        # than terminate, which can wait for ever on a chunk half-way through the pipe to a
        # worker it has just ended (a full test run hung there)
        pool.close()
        pool.join()
        raise
    except BaseException:
        pool.terminate()  # an interrupt or an error: end the workers now
        pool.join()
        raise
    pool.close()
    pool.join()


def write_results(
    results: Iterable[ChunkResult], out: TextIO, *, on_bad: Callable[[int, str], None],
    fail: bool = False, group: int = 1,
) -> BatchStats:
    """Write chunk results in order, giving bad lines to ``on_bad`` in order, exactly as
    one process would. With ``fail`` (results made with ``split``) writing stops at the first
    bad line, and, as the one-process path writes ``group`` good rows at a time, rows not
    yet making a whole group before it are dropped; ``on_bad`` is expected to raise."""
    stats = BatchStats()
    pending: list[str] = []
    for result in results:
        if not fail:
            for number, reason in result.bad:
                stats.bad.append((number, reason))
                on_bad(number, reason)
            out.write(result.text)
            stats.rows += len(result.numbers)
            stats.empty += result.empty
            stats.blank += result.blank
            continue
        assert result.rows is not None, "fail needs results made with split"
        stats.empty += result.empty  # exact when the run ends well: no bad line at all
        stats.blank += result.blank
        first = result.bad[0][0] if result.bad else None
        pending.extend(row for row, number in zip(result.rows, result.numbers, strict=True)
                       if first is None or number < first)
        whole = len(pending) - len(pending) % group
        if whole:
            out.write("".join(pending[:whole]))
            stats.rows += whole
            del pending[:whole]
        if first is not None:
            stats.bad.append(result.bad[0])
            on_bad(*result.bad[0])
            return stats
    out.write("".join(pending))
    stats.rows += len(pending)
    return stats
