"""The optional extras stay optional: Dask, fsspec, matplotlib and pandas are imported only
by the paths that need them (--scheduler, --report and the HTML chart, engine.frames)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import contextlib, io, json, sys
from engine.cli import main
argv = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(argv)
extras = ["dask", "distributed", "fsspec", "matplotlib", "pandas"]
print(json.dumps({"code": code, "loaded": [m for m in extras if m in sys.modules]}))
"""


def loaded(*argv: str) -> tuple[int, set[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(argv))],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["code"], set(data["loaded"])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("extras")
    answers, postings = folder / "a.jsonl", folder / "p.jsonl"
    answers.write_text('{"answers": {"skill_sql": 5}}\n{"answers": {"skill_ml": 4}}\n')
    postings.write_text('{"title": "Data Engineer", "text": "Airflow and dbt on Spark"}\n')
    return answers, postings


def test_no_extra_without_the_options_that_need_it(inputs: tuple[Path, Path]) -> None:
    answers, postings = inputs
    for argv in (["--help"], ["batch", "--help"], ["decode", "--help"],
                 ["batch", str(answers)], ["batch", str(answers), "--summary", "--workers", "2"],
                 ["decode", "--jsonl", str(postings)], ["roles"]):
        assert loaded(*argv) == (0, set()), argv


def test_report_imports_matplotlib_and_no_dask(inputs: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    """The control: the probe sees an extra when a path really uses it."""
    code, extras = loaded("batch", str(inputs[0]), "--summary", "--report",
                          str(tmp_path / "r.html"))
    assert code == 0 and extras == {"matplotlib"}
