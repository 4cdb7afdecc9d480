"""--scheduler ADDRESS: on a real Dask cluster (a LocalCluster of two worker processes),
the same bytes on stdout and stderr as one process; the input read by the workers in
blocks; one clear line when the cluster or the input cannot be reached."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from engine.content import Content
from tests.conftest import Run
from tests.test_workers import answers_file, postings_file

RunCli = Callable[..., Run]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # created_at, the same in every run


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two worker processes, started without SOURCE_DATE_EPOCH: the client passes it on."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                             dashboard_address=None)
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    with local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def files(content: Content, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("cluster")
    return answers_file(content, folder), postings_file(folder)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of a few kB, so a small file is many tasks with boundaries inside lines."""
    monkeypatch.setattr("engine.cli.batch.CLUSTER_BLOCK",
                        {"full": 9000, "summary": 5000, "csv": 7000})
    monkeypatch.setattr("engine.cluster.BLOCK_BYTES", 6000)


def test_same_bytes_as_one_process(run: RunCli, cluster: str, files: tuple[Path, Path],
                                   small_blocks: None, tmp_path: Path) -> None:
    answers, postings = files
    cases = [["batch", str(answers), "--summary"],
             ["batch", str(answers), "--csv", "--on-error", "fail", "--chunk-size", "20"],
             ["batch", str(answers), "--top", "1"],  # full documents: created_at pinned
             ["decode", "--jsonl", str(postings)],
             ["decode", "--jsonl", str(postings), "--on-error", "fail"]]
    for argv in cases:
        one = run(*argv)
        there = run(*argv, "--scheduler", cluster)
        assert (there.code, there.out, there.err) == (one.code, one.out, one.err), argv
    assert "line 301: skipped" in run(*cases[0]).err
    # to a file, with a report: the same bytes in both, no temporary file left
    for name, extra in (("1", []), ("c", ["--scheduler", cluster])):
        r = run("batch", str(answers), "--summary", "-o", str(tmp_path / f"{name}.jsonl"),
                "--report", str(tmp_path / f"{name}.html"), *extra)
        assert r.code == 0, r.err
    for ext in ("jsonl", "html"):
        assert (tmp_path / f"1.{ext}").read_bytes() == (tmp_path / f"c.{ext}").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.html", "1.jsonl", "c.html",
                                                          "c.jsonl"]


def test_blocks_give_every_line_once(tmp_path: Path) -> None:
    from engine.cluster import block_lines, count_lines

    path = tmp_path / "in.jsonl"
    data = b'{"a": 1}\n\n\nsecond line\n' + b"x" * 40 + b"\nlast, no newline"
    path.write_bytes(data)
    lines = data.splitlines(keepends=True)
    for block in range(1, len(data) + 2):
        got = [line for start in range(0, len(data), block)
               for line in block_lines(str(path), start, min(start + block, len(data)))]
        assert got == lines, block
        assert [count_lines(str(path), start, min(start + block, len(data)))
                for start in range(0, len(data), block)] == [
            len(list(block_lines(str(path), start, min(start + block, len(data)))))
            for start in range(0, len(data), block)], block


def test_unreachable_cluster_is_one_line(run: RunCli, files: tuple[Path, Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("engine.cluster.CONNECT_TIMEOUT", "1s")
    r = run("batch", str(files[0]), "--summary", "--scheduler", "tcp://127.0.0.1:9")
    assert r.code == 2 and r.out == ""
    lines = r.err.splitlines()
    assert len(lines) == 1 and "could not connect to the Dask scheduler" in lines[0]


@pytest.mark.parametrize("argv", [["batch", "-"], ["decode", "--jsonl", "-"]])
def test_scheduler_needs_an_input_the_workers_can_read(run: RunCli, argv: list[str]) -> None:
    r = run(*argv, "--scheduler", "tcp://127.0.0.1:9")
    assert r.code == 2 and "not standard input" in r.err and len(r.err.splitlines()) == 1


def test_missing_input_is_one_line(run: RunCli, tmp_path: Path) -> None:
    r = run("batch", str(tmp_path / "nope.jsonl"), "--scheduler", "tcp://127.0.0.1:9")
    assert r.code == 2 and r.err == f"rolematch: {tmp_path / 'nope.jsonl'}: file not found\n"


def test_workers_and_scheduler_exclude_each_other(run: RunCli, files: tuple[Path, Path]) -> None:
    r = run("batch", str(files[0]), "--workers", "2", "--scheduler", "tcp://127.0.0.1:9")
    assert r.code == 2 and "not allowed with argument" in r.err
