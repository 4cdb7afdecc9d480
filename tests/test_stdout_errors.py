"""Standard output that cannot be written: one clear line and exit code 2, answers kept."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
import yaml

from engine.content import Content
from engine.resume import resume_path, save_resume
from engine.simulate import ideal_answers
from engine.vectors import build_model
from tests.conftest import Run

RunCli = Callable[..., Run]
EXE = str(Path(sys.executable).parent / "rolematch")
FULL = "rolematch: <stdout>: could not be written: the disk is full"

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


@pytest.fixture
def files(tmp_path: Path, run: RunCli) -> dict[str, str]:
    """An answers file, a saved result, a batch input and postings, all valid."""
    answers = tmp_path / "me.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "default", "answers": {
        "skill_pipelines": 5, "skill_sql": 4, "tools_data": ["spark", "dbt"]}}))
    result = tmp_path / "r.json"
    assert run("--answers", str(answers), "--output", str(result)).code == 0
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"id": "a", "answers": {"skill_sql": 5}}\n{"answers": {"skill_ml": 4}}\n')
    posting = tmp_path / "post.txt"
    posting.write_text("Data Engineer\nSpark, Airflow, dbt and SQL pipelines on AWS.\n")
    postings = tmp_path / "posts.jsonl"
    postings.write_text(json.dumps({"id": 1, "text": "PyTorch, RAG and LLM fine-tuning"}) + "\n")
    return {"answers": str(answers), "result": str(result), "batch": str(batch),
            "posting": str(posting), "postings": str(postings)}


@pytest.mark.parametrize("argv", [
    ["--answers", "{answers}", "--json"],
    ["--answers", "{answers}"],
    ["show", "{result}"],
    ["show", "{result}", "--format", "html"],
    ["batch", "{batch}"],
    ["batch", "{batch}", "--summary"],
    ["decode", "--file", "{posting}", "--json"],
    ["decode", "--jsonl", "{postings}"],
    ["validate", "--verbose"],
    ["roles"],
    ["roles", "data-engineer", "--json"],
    ["questions", "--json"],
    ["schema", "result"],
])
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(argv: list[str],
                                                      files: dict[str, str]) -> None:
    with open("/dev/full", "w") as full:
        r = subprocess.run([EXE, *(a.format(**files) for a in argv)], stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [FULL]  # no count of lines "written", no traceback


def test_result_file_is_still_written_when_stdout_is_full(files: dict[str, str],
                                                          tmp_path: Path) -> None:
    out = tmp_path / "again.json"
    with open("/dev/full", "w") as full:
        r = subprocess.run([EXE, "--answers", files["answers"], "--json", "-o", str(out)],
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.splitlines() == [FULL]
    assert json.loads(out.read_text())["ranking"][0]["role_id"] == "data-engineer"


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    # `rolematch roles | head -c0`: the pipe is closed before rolematch writes to it
    proc = subprocess.Popen([EXE, "roles"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


def test_quiz_answers_are_kept_when_the_result_cannot_be_printed(
    tmp_path: Path, content: Content
) -> None:
    """A person's answers (here: all restored from an interrupted quiz) are not lost when
    the JSON result goes to a full disk: the resume file keeps them, and stderr says so."""
    model = build_model(content.questionnaire, content.profiles)
    profile = content.profiles.profile("data-engineer")
    assert profile is not None
    given = dict(ideal_answers(model, profile).values)
    saved = save_resume(content.questionnaire, given, "en")
    assert saved == resume_path()
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "NO_COLOR")}
    env.update({"LANG": "en_US.UTF-8", "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"})
    # the prompts draw on stderr (the terminal); the JSON result goes to the full disk
    child = pexpect.spawn("/bin/sh", ["-c", f'exec "{EXE}" --resume --json >/dev/full'],
                          env=env, encoding="utf-8", timeout=60, cwd=str(tmp_path))
    child.expect(pexpect.EOF)
    child.close()
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "", child.before or "")
    assert child.exitstatus == 2
    assert "Resuming a finished quiz (29 answers, 0 skipped): its result again." in screen
    lines = [line for line in screen.splitlines() if line.startswith("rolematch: ")]
    assert lines[0] == FULL
    assert lines[1].startswith(f"rolematch: your answers are kept in {saved}")
    assert "rolematch --resume" in lines[1]
    assert "Traceback" not in screen and "internal error" not in screen
    assert json.loads(saved.read_text())["answers"] == given
