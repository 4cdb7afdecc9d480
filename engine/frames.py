"""Batch scoring and decoding over pandas DataFrames, for Spark's ``mapInPandas`` (or any
engine that hands out frames of lines).

A frame has a ``value`` column of raw JSON lines (what ``spark.read.text`` gives) and, if it
has one, a ``line`` column of line numbers (else 1, 2, ... within the frame). The frame that
comes back has one row per input row, in order: ``line``, ``output`` (the row exactly as
``rolematch batch`` or ``decode --jsonl`` writes it, without the newline; None for a blank
or bad line) and ``error`` (why a bad line is bad, else None). Each frame goes through the
same per-chunk function as batch (``score_lines``, ``decode_lines``), so a line gives the same
bytes here as in one process. pandas is imported by this module only.

    spark.read.text("s3://bucket/answers.jsonl").mapInPandas(
        functools.partial(score_frames, mode="summary"), SCHEMA)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.batch import ChunkResult, Lines, Mode, decode_lines, score_lines

if TYPE_CHECKING:
    import pandas as pd

    from engine.content import Content, ProfileSet

SCHEMA = "line long, output string, error string"
"""The Spark schema of the frames that come back."""

_LOADED: dict[tuple[str, Any, Any], Any] = {}  # content loaded once a process (an executor)


def _content(questionnaire: Path | None, profiles: Path | None) -> Content:
    from engine.content import load_content

    key = ("content", questionnaire, profiles)
    if key not in _LOADED:
        _LOADED[key] = load_content(questionnaire, profiles)
    return _LOADED[key]  # type: ignore[no-any-return]


def _profiles(questionnaire: Path | None, profiles: Path | None) -> ProfileSet:
    if questionnaire is not None:
        return _content(questionnaire, profiles).profiles
    from engine.content import load_profiles

    key = ("profiles", None, profiles)
    if key not in _LOADED:
        _LOADED[key] = load_profiles(profiles)
    return _LOADED[key]  # type: ignore[no-any-return]


def _lines(frame: pd.DataFrame) -> Lines:
    """The frame's rows as numbered raw lines, each ending in a newline as in a file (so a
    JSON error names the same column); a missing value is a blank line."""
    values = frame["value"].tolist()
    numbers = (frame["line"].tolist() if "line" in frame.columns
               else range(1, len(values) + 1))
    return [(int(n), (v.encode() if isinstance(v, str) else bytes(v)).removesuffix(b"\n")
             + b"\n" if isinstance(v, str | bytes) else b"\n")
            for n, v in zip(numbers, values, strict=True)]


def _frame(lines: Lines, result: ChunkResult) -> pd.DataFrame:
    """One row per input line, in order, from what the chunk function gave."""
    import pandas as pd

    assert result.rows is not None
    rows = iter(zip(result.numbers, result.rows, strict=True))
    bad = iter(result.bad)
    next_row, next_bad = next(rows, None), next(bad, None)
    out: list[tuple[int, str | None, str | None]] = []
    for number, _ in lines:  # good rows and bad lines come back in input order
        if next_row is not None and next_row[0] == number:
            out.append((number, next_row[1].removesuffix("\n"), None))
            next_row = next(rows, None)
        elif next_bad is not None and next_bad[0] == number:
            out.append((number, None, next_bad[1]))
            next_bad = next(bad, None)
        else:  # a blank line
            out.append((number, None, None))
    numbers, outputs, errors = zip(*out, strict=True) if out else ((), (), ())
    return pd.DataFrame({"line": pd.Series(numbers, dtype="int64"),  # None stays None
                         "output": pd.Series(outputs, dtype=object),
                         "error": pd.Series(errors, dtype=object)})


def score_frame(
    frame: pd.DataFrame, *, mode: Mode = "summary", lang: str = "en", explain_top: int = 3,
    questionnaire: Path | None = None, profiles: Path | None = None, source: str = "<frame>",
) -> pd.DataFrame:
    """Score a frame of answers lines as ``rolematch batch`` does (``mode``: full, summary
    or csv, the CSV header left out)."""
    lines = _lines(frame)
    result = score_lines(lines, _content(questionnaire, profiles), mode=mode, lang=lang,
                         source=source, explain_top=explain_top, split=True)
    return _frame(lines, result)


def decode_frame(
    frame: pd.DataFrame, *, lang: str = "en", explain_top: int = 3,
    questionnaire: Path | None = None, profiles: Path | None = None, source: str = "<frame>",
) -> pd.DataFrame:
    """Decode a frame of ``{id, title, text}`` lines as ``rolematch decode --jsonl`` does."""
    lines = _lines(frame)
    result = decode_lines(lines, _profiles(questionnaire, profiles), lang=lang, source=source,
                          explain_top=explain_top, split=True)
    return _frame(lines, result)


def score_frames(frames: Iterable[pd.DataFrame], **options: Any) -> Iterator[pd.DataFrame]:
    """``score_frame`` over an iterator of frames: the function ``mapInPandas`` takes."""
    for frame in frames:
        yield score_frame(frame, **options)


def decode_frames(frames: Iterable[pd.DataFrame], **options: Any) -> Iterator[pd.DataFrame]:
    """``decode_frame`` over an iterator of frames: the function ``mapInPandas`` takes."""
    for frame in frames:
        yield decode_frame(frame, **options)
