"""The quiz loop without a real terminal: first question fast, warm-up, resume file rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.content import Content
from engine.resume import CorruptResume, load_resume, resume_path, save_resume
from engine.session import QuizSession

PROBE = """
import json, sys
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from engine.cli.quiz import Quiz
from engine.content import load_content

content = load_content()
with create_pipe_input() as inp:
    inp.send_text(sys.argv[1])
    quiz = Quiz(content, "en", True, sys.stderr,
                prompt_kwargs={"input": inp, "output": DummyOutput()})
    interrupted = quiz.run(resume=False) is None
at_interrupt = "numpy" in sys.modules
if quiz.warmup is not None:
    quiz.warmup.join(60)
print(json.dumps({"interrupted": interrupted, "numpy_at_interrupt": at_interrupt,
                  "warmed": "numpy" in sys.modules and "engine.report" in sys.modules,
                  "warmup_started": quiz.warmup is not None}))
"""


def probe(keys: str, tmp_path: Path) -> dict[str, bool]:
    env = dict(os.environ, ROLEMATCH_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", PROBE, keys], capture_output=True, text=True,
                         env=env, check=True, timeout=120).stdout
    result: dict[str, bool] = json.loads(out.strip().splitlines()[-1])
    return result


def test_first_question_is_shown_without_importing_numpy(tmp_path: Path) -> None:
    # Ctrl-C at the first question: it was on screen, and the scoring path (numpy, the
    # result screen) was never imported
    result = probe("\x03", tmp_path)
    assert result == {"interrupted": True, "numpy_at_interrupt": False, "warmed": False,
                      "warmup_started": False}


def test_scoring_path_is_warmed_in_the_background_after_the_first_answer(
    tmp_path: Path,
) -> None:
    result = probe("4\r\x03", tmp_path)
    assert result["interrupted"] and result["warmup_started"] and result["warmed"]
    saved = json.loads((tmp_path / "resume-default.json").read_text())
    assert saved["answers"] == {"skill_statistics": 4}


def test_session_back_skip_and_resume_position(content: Content) -> None:
    s = QuizSession(content.questionnaire)
    assert not s.back()  # nothing before the first question
    s.answer(4)
    s.skip()
    assert s.back() and s.index == 1 and s.previous_answer() is None
    assert s.back() and s.previous_answer() == 4
    s.answer(5)
    assert s.index == 1
    s.restore(dict(s.given))
    assert s.position == 2  # skip counts as seen
    answers = s.to_answers()
    assert answers.values["skill_statistics"] == 5 and answers.values["skill_sql"] is None


def test_resume_file_round_trip_is_private(content: Content) -> None:
    path = save_resume(content.questionnaire, {"skill_sql": 3, "tools_ops": []}, "fr")
    assert path == resume_path("default")
    assert path.stat().st_mode & 0o777 == 0o600
    restored = load_resume(content.questionnaire)
    assert restored is not None
    assert restored.given == {"skill_sql": 3, "tools_ops": []}
    assert restored.lang == "fr" and restored.dropped == ()


def test_corrupt_resume_file_is_kept_aside_not_deleted(content: Content) -> None:
    path = resume_path("default")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    with pytest.raises(CorruptResume) as info:
        load_resume(content.questionnaire)
    assert not path.exists()
    assert info.value.kept.read_text() == "{not json"
    assert load_resume(content.questionnaire) is None  # next time: nothing to resume


def test_answers_that_no_longer_fit_are_dropped_and_named(content: Content) -> None:
    path = resume_path("default")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "questionnaire": "default", "questionnaire_version": "0.9",
        "answers": {"skill_sql": 4, "skill_cobol": 5, "ideal_day": "retired", "tools_ops": [
            "docker"]},
    }))
    restored = load_resume(content.questionnaire)
    assert restored is not None
    assert restored.given == {"skill_sql": 4, "tools_ops": ["docker"]}
    assert set(restored.dropped) == {"skill_cobol", "ideal_day"}


def test_resume_with_nothing_saved_starts_fresh(content: Content) -> None:
    assert load_resume(content.questionnaire) is None


def test_quick_mode_resumes_in_quick_mode(content: Content) -> None:
    save_resume(content.questionnaire, {"ideal_day": "build_pipelines", "skill_sql": 4}, "en",
                quick=True)
    restored = load_resume(content.questionnaire)
    assert restored is not None and restored.quick
    s = QuizSession(content.questionnaire, quick=True)
    s.restore(restored.given)
    ids = [q.id for q in content.questionnaire.questions]
    assert [ids[i] for i in s.order] == ["ideal_day", "skill_sql"]  # as asked, in that order
    assert s.done  # quick mode then chooses the next question itself
    assert set(s.remaining()) == set(range(len(ids))) - set(s.order)


def test_answers_kept_after_a_failed_write_keep_quick_mode_or_are_shown(
        content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A result that could not be written: the answers go to the resume file with quick mode
    kept (so --resume shows the same result again); when even that folder cannot be made, the
    error says why in one line and gives the answers themselves, as an answers file."""
    from engine.answers import Answers, parse_answers
    from engine.cli.quiz_command import _keep_answers
    from engine.errors import problem
    from engine.export import ModeDoc

    answers = Answers("default", {"skill_sql": 4, "tools_ops": ["docker"]})
    failed = [problem(tmp_path / "r.json", "", "could not be written")]
    quick = ModeDoc(quick=True, asked=["skill_sql", "tools_ops"], stop="settled")
    kept = _keep_answers(failed, content, answers, "en", quick)
    restored = load_resume(content.questionnaire)
    assert restored is not None and restored.quick and restored.given == answers.values
    assert restored.stop == "settled"  # quick mode had stopped: its result again
    assert "`rolematch --resume` shows the result again" in kept.lines()[-1]

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("ROLEMATCH_DATA_DIR", str(blocker / "data"))
    lines = _keep_answers(failed, content, answers, "en", ModeDoc()).lines()
    assert "could not be written" in lines[0]
    assert f"{blocker / 'data'}: could not be created" in lines[1]
    assert "here they are, to save as a .json file" in lines[2]
    given = json.loads(lines[2][lines[2].index("{"):])
    scored = parse_answers(given, content.questionnaire).values
    assert {k: v for k, v in scored.items() if v is not None} == answers.values
