"""engine.frames: batch and decode over pandas DataFrames (Spark's mapInPandas), the same
bytes a line gives in ``rolematch batch`` and ``decode --jsonl``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from engine.content import Content
from engine.frames import SCHEMA, decode_frame, decode_frames, score_frame, score_frames
from tests.conftest import Run
from tests.test_workers import answers_file, postings_file

RunCli = Callable[..., Run]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def reasons(err: str) -> dict[int, str]:
    """Line number -> reason, from the skipped-line reports on stderr."""
    found = {}
    for line in err.splitlines():
        if ": skipped: " in line:
            where, reason = line.split(": skipped: ", 1)
            found[int(where.rsplit("line ", 1)[1])] = reason
    return found


def text_frame(path: Path) -> pd.DataFrame:
    """What spark.read.text gives: one ``value`` a line (here with its line number)."""
    values = path.read_text().splitlines()
    return pd.DataFrame({"line": range(1, len(values) + 1), "value": values})


@pytest.mark.parametrize("mode", ["summary", "csv", "full"])
def test_score_frame_gives_batch_bytes(run: RunCli, content: Content, tmp_path: Path,
                                       mode: str) -> None:
    path = answers_file(content, tmp_path)
    form = [] if mode == "full" else [f"--{mode}"]
    r = run("batch", str(path), "--top", "1", *form)
    frame = score_frame(text_frame(path), mode=mode, explain_top=1,  # type: ignore[arg-type]
                        source=str(path))
    assert list(frame.columns) == ["line", "output", "error"] == [
        c.split()[0] for c in SCHEMA.split(", ")]
    body = r.out.split("\n", 1)[1] if mode == "csv" else r.out  # the CSV header: once, by batch
    assert "".join(o + "\n" for o in frame["output"] if o is not None) == body
    errors = {int(n): e for n, e in zip(frame["line"], frame["error"], strict=True) if e}
    assert errors == reasons(r.err) and len(errors) == 4
    blank = frame[frame["output"].isna() & frame["error"].isna()]
    assert blank["line"].tolist() == [11, 151]


def test_decode_frames_over_several_frames(run: RunCli, tmp_path: Path) -> None:
    path = postings_file(tmp_path)
    r = run("decode", "--jsonl", str(path))
    whole = text_frame(path)
    parts = list(decode_frames([whole.iloc[:250], whole.iloc[250:]], source=str(path)))
    frame = pd.concat(parts)
    assert "".join(o + "\n" for o in frame["output"] if o is not None) == r.out
    assert {int(n): e for n, e in zip(frame["line"], frame["error"], strict=True) if e} == \
        reasons(r.err)
    # without a line column the rows are numbered within the frame
    alone = decode_frame(pd.DataFrame({"value": whole["value"].iloc[299:302]}))
    assert alone["line"].tolist() == [1, 2, 3] and alone["error"].notna().tolist() == [
        False, True, True]


def test_score_frames_is_lazy_and_keeps_order(content: Content, tmp_path: Path) -> None:
    whole = text_frame(answers_file(content, tmp_path))
    frames = score_frames(iter([whole.iloc[:100], whole.iloc[100:]]), mode="summary")
    first = next(frames)
    assert first["line"].tolist() == list(range(1, 101))
    assert next(frames)["line"].tolist() == list(range(101, len(whole) + 1))
