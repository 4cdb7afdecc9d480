"""--workers N: the same bytes on stdout and stderr as one process, bad lines in order."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import Content
from engine.simulate import random_answers
from engine.vectors import build_model
from tests.conftest import Run

RunCli = Callable[..., Run]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # created_at, the same in every run


def answers_file(content: Content, folder: Path) -> Path:
    """300 answer sets with blank and bad lines among them, the last line bad."""
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(7)
    lines = []
    for i in range(300):
        doc = random_answers(model, rng, skip_rate=0.2).to_document()
        doc["id"] = f"p{i}"
        lines.append(json.dumps(doc))
    lines[10] = ""
    lines[41] = "{not json"
    lines[42] = json.dumps({"id": "bad", "answers": {"skill_sql": 9}})
    lines[150] = "   "
    lines[151] = "[1, 2]"
    lines.append("x")
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def answers(content: Content, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return answers_file(content, tmp_path_factory.mktemp("workers"))


def both(run: RunCli, *argv: str) -> tuple[Run, Run]:
    one = run(*argv, "--workers", "1")
    two = run(*argv, "--workers", "2")
    return one, two


@pytest.mark.parametrize("form", [[], ["--summary"], ["--csv"]], ids=["full", "summary", "csv"])
def test_batch_same_bytes(run: RunCli, answers: Path, form: list[str]) -> None:
    one, two = both(run, "batch", str(answers), "--chunk-size", "23", *form)
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 0
    assert "line 42: skipped" in one.err and "line 301: skipped" in one.err
    assert one.err.index("line 42:") < one.err.index("line 43:") < one.err.index("line 152:")
    # 301 lines: 295 results, 2 blank lines (11 and 151) and 4 bad ones
    assert one.err.endswith("295 results written; 2 blank lines ignored; 4 bad lines skipped "
                            "(exit code 0; --on-error fail stops at the first, with exit "
                            "code 2)\n")


def test_batch_to_file_same_bytes(run: RunCli, answers: Path, tmp_path: Path) -> None:
    one = run("batch", str(answers), "--summary", "-o", str(tmp_path / "1.jsonl"),
              "--chunk-size", "50", "--workers", "1")
    two = run("batch", str(answers), "--summary", "-o", str(tmp_path / "2.jsonl"),
              "--chunk-size", "50", "--workers", "auto")
    assert one.code == two.code == 0
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.jsonl", "2.jsonl"]  # no temp


@pytest.mark.parametrize("chunk", ["1", "20", "64"])
def test_batch_fail_stops_at_first_bad_line(run: RunCli, answers: Path, tmp_path: Path,
                                            chunk: str) -> None:
    one, two = both(run, "batch", str(answers), "--summary", "--on-error", "fail",
                    "--chunk-size", chunk)
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 2
    assert one.err.startswith(f"rolematch: {answers}: line 42: not valid JSON")
    out = tmp_path / "out.jsonl"
    r = run("batch", str(answers), "-o", str(out), "--on-error", "fail", "--chunk-size", "20",
            "--workers", "2")
    assert r.code == 2 and "line 42" in r.err
    assert list(tmp_path.iterdir()) == []  # no output file, no temporary file


POSTINGS = [
    {"id": 1, "title": "Data Engineer", "text": "Build Airflow pipelines in Python and SQL on "
                                                "Spark; dbt models, Kafka streams."},
    {"id": 2, "text": "Train deep learning models with PyTorch; deploy them with Docker."},
    {"id": "c", "title": "Analyst", "text": "Dashboards in Power BI and Tableau, SQL, Excel "
                                          "reporting for the business."},
    {"id": 4, "title": "MLOps", "text": "Kubernetes, MLflow, CI/CD for model serving, "
                                        "monitoring and on-call."},
]


def postings_file(folder: Path) -> Path:
    """600 short postings (our own), with blank and bad lines among them."""
    lines = [json.dumps(POSTINGS[i % len(POSTINGS)] | {"id": i}) for i in range(600)]
    lines[5] = ""
    lines[300] = json.dumps({"id": "x", "text": ""})
    lines[301] = json.dumps({"id": "y", "txt": "ok"})  # no text
    lines[599] = "{"
    path = folder / "postings.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def postings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return postings_file(tmp_path_factory.mktemp("postings"))


def test_decode_same_bytes(run: RunCli, postings: Path) -> None:
    one, two = both(run, "decode", "--jsonl", str(postings))
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 0
    assert one.err.index("line 301:") < one.err.index("line 302:") < one.err.index("line 600:")
    # 596 + 1 blank + 3 bad: the 600 lines read (the blank one went unsaid before)
    assert one.err.endswith("596 postings decoded; 1 blank line ignored; 3 bad lines skipped\n")


def test_decode_fail_same_bytes(run: RunCli, postings: Path) -> None:
    one, two = both(run, "decode", "--jsonl", str(postings), "--on-error", "fail")
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert one.code == 2 and "line 301: is empty" in one.err
    assert len(one.out.splitlines()) == 256  # the one whole chunk before the bad line


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_invalid_workers(run: RunCli, answers: Path, value: str) -> None:
    for argv in (["batch", str(answers)], ["decode", "--jsonl", str(answers)]):
        r = run(*argv, f"--workers={value}")
        assert r.code == 2 and r.out == ""
        lines = r.err.splitlines()
        assert len(lines) == 1 and "--workers" in lines[0] and repr(value) in lines[0]


def test_stopping_early_with_big_chunks_in_flight_does_not_hang(content: Content,
                                                                 tmp_path: Path) -> None:
    """A bad first line stops the job while chunks far bigger than a pipe's buffer are on
    their way to the workers: the job must end (Pool.terminate used to wait for ever on a
    chunk half-way through the pipe to a worker it had just ended)."""
    import subprocess
    import sys

    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(3)
    line = json.dumps(random_answers(model, rng).to_document()) + "\n"  # ~1 kB
    src = tmp_path / "big.jsonl"
    src.write_text("{oops\n" + line * 6000)
    exe = str(Path(sys.executable).parent / "rolematch")
    for _ in range(3):
        r = subprocess.run([exe, "batch", str(src), "--summary", "--on-error", "fail",
                            "--workers", "2", "--chunk-size", "1000"], capture_output=True,
                           text=True, timeout=120)
        assert r.returncode == 2 and "line 1: not valid JSON" in r.stderr
