"""`rolematch show --top N` on a result that explains fewer roles: one note on stderr saying
so and how to get them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]


def saved(run: RunCli, source: Path, top: int) -> Path:
    """A result of a few answers scored with ``--top top``, from ``source`` (an answers file,
    or a saved result)."""
    out = source.with_name(f"result-{top}.json")
    assert run("--answers", str(source), "--top", str(top), "-o", str(out)).code == 0
    return out


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("questionnaire: default\nanswers:\n  skill_sql: 4\n  tools_ops: [docker]\n"
                    "  skill_ml: 3\n")
    return path


@pytest.mark.parametrize("fmt", ["screen", "md"])
def test_show_says_when_the_file_explains_fewer_roles_than_asked(
    run: RunCli, answers: Path, fmt: str,
) -> None:
    out = saved(run, answers, 3)
    r = run("show", str(out), "--top", "8", "--format", fmt)
    assert r.code == 0
    assert r.err.splitlines() == [
        f"rolematch: note: only 3 roles are explained in {out}; to see 8, score its answers "
        f"again: rolematch --answers {out} --top 8"]
    # what the note says works: scored again from the result, all 8 are explained
    again = saved(run, out, 8)
    assert run("show", str(again), "--top", "8", "--format", fmt).err == ""


def test_show_says_nothing_when_the_file_explains_what_is_asked(run: RunCli,
                                                                answers: Path) -> None:
    out = saved(run, answers, 3)
    assert run("show", str(out)).err == ""
    assert run("show", str(out), "--top", "2").err == ""
