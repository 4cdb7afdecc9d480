"""`rolematch batch --csv` as a spreadsheet opens it: a text cell is never run as a formula
(OWASP, CSV injection: a single quote in front of = + - @, a tab or a carriage return), a
number is never touched, and a person with no answers to score has empty cells, not scores
of 0.0 that read as real zeros."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, ROLE_IDS, Run

RunCli = Callable[..., Run]
HEADER = ["line", "id", "top_role", *ROLE_IDS]
IDS = ['=HYPERLINK("http://example.com/x","click")', "+41 22 000", "-x", "@SUM(A1:A9)",
       "\tx"]


def table(run: RunCli, src: Path, *argv: str) -> list[list[str]]:
    r = run("batch", str(src), "--csv", *argv)
    assert r.code == 0, r.err
    return list(csv.reader(io.StringIO(r.out)))


@pytest.fixture
def src(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": rid, "answers": {"skill_sql": 4}}) for rid in IDS]
    lines += [json.dumps({"id": -5, "answers": {"skill_sql": 4}}),
              json.dumps({"id": "ada", "answers": {"skill_sql": 4}}),
              json.dumps({"id": "=nobody", "answers": {}})]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("argv", [[], ["--workers", "2"]], ids=["one", "workers"])
def test_a_text_cell_that_a_spreadsheet_would_run_starts_with_a_quote(
        run: RunCli, src: Path, argv: list[str]) -> None:
    rows = table(run, src, *argv)
    assert rows[0] == HEADER
    assert [row[1] for row in rows[1:]] == [*("'" + rid for rid in IDS), "-5", "ada",
                                            "'=nobody"]
    for row in rows[1:-1]:  # scores are numbers as they were, negative ones included
        assert row[2] == "data-engineer"
        assert all(float(cell) == float(cell.lstrip("'")) for cell in row[3:])
        assert not any(cell.startswith("'") for cell in row[3:])


def test_a_person_with_no_answers_has_empty_cells_not_zeros(run: RunCli, src: Path) -> None:
    rows = table(run, src)
    assert rows[-1] == [str(len(IDS) + 3), "'=nobody", "", *[""] * len(ROLE_IDS)]
    assert all(cell for cell in rows[-2])  # a person scored has every cell


def test_the_readme_says_both() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "single quote" in readme and "CSV injection" in readme
    assert "empty score cells" in readme
