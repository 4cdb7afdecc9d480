"""The library as a developer meets it: the names the README documents import from
``engine``, a wrong argument is one of the project's errors in one line (never a raw
TypeError, AttributeError or pydantic ValidationError), and the README's example names no
role when nothing is answered."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import engine
from engine.content import Content
from engine.errors import AnswersError, ContentError, EngineError
from tests.conftest import REPO

ANSWERS = {"questionnaire": "default", "answers": {"skill_sql": 5}}
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_documented_names_import_from_engine() -> None:
    from engine import (  # noqa: F401  (the import is the test)
        AnswersError,
        ContentError,
        EngineError,
        ExportError,
        ResultDocument,
        load_answers,
        load_content,
        load_profiles,
        load_questionnaire,
        parse_answers,
        score,
    )

    assert engine.AnswersError is AnswersError


def test_dir_lists_the_public_names_and_no_machinery() -> None:
    names = dir(engine)
    assert {"load_content", "score", "AnswersError", "EngineError"} <= set(names)
    assert "TYPE_CHECKING" not in names and "annotations" not in names
    assert sorted(engine.__all__) == names


def test_every_name_of_all_resolves() -> None:
    for name in engine.__all__:
        assert getattr(engine, name) is not None


def test_import_engine_imports_nothing_heavy() -> None:
    code = ("import sys, engine; heavy = ['numpy', 'pydantic', 'yaml', 'rich', 'questionary'];"
            "print([m for m in heavy if m in sys.modules], "
            "sorted(m for m in sys.modules if m.startswith('engine.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[] []"


Call = Callable[[Content], Any]


def qp(c: Content) -> tuple[Any, Any]:
    return c.questionnaire, c.profiles


GOT_NONE = "expected a mapping such as {'answers': {'skill_sql': 5}}"
CASES: list[tuple[str, Call, type[EngineError], str]] = [
    ("lang", lambda c: engine.score(ANSWERS, *qp(c), lang="de"), EngineError,
     "score: lang: expected one of 'en', 'fr' or None, got 'de'"),
    ("explain_top text", lambda c: engine.score(ANSWERS, *qp(c), explain_top="3"), EngineError,
     "score: explain_top: expected a whole number, 0 or more, got '3'"),
    ("explain_top negative", lambda c: engine.score(ANSWERS, *qp(c), explain_top=-1),
     EngineError, "score: explain_top: expected a whole number, 0 or more, got -1"),
    ("swapped", lambda c: engine.score(ANSWERS, c.profiles, c.questionnaire), ContentError,
     "score: the questionnaire and the profiles are swapped: pass score(answers, "
     "content.questionnaire, content.profiles)"),
    ("content for questionnaire", lambda c: engine.score(ANSWERS, c, c.profiles), ContentError,
     "score: questionnaire: expected a Questionnaire (load_content().questionnaire), "
     "got a Content (pass content.questionnaire)"),
    ("content for profiles", lambda c: engine.score(ANSWERS, c.questionnaire, c), ContentError,
     "score: profiles: expected a ProfileSet (load_content().profiles), got a Content "
     "(pass content.profiles)"),
    ("answers None", lambda c: engine.score(None, *qp(c)), AnswersError,
     f"score: answers: {GOT_NONE} or an Answers, got None"),
    ("answers path", lambda c: engine.score("me.yaml", *qp(c)), AnswersError,
     f"score: answers: {GOT_NONE} or an Answers, got 'me.yaml' (a file? read it with "
     "load_answers(path, questionnaire))"),
    ("mode", lambda c: engine.score(ANSWERS, *qp(c), mode="quick"), EngineError,
     "score: mode: expected an engine.export.ModeDoc or None, got 'quick'"),
    ("parse None", lambda c: engine.parse_answers(None, c.questionnaire), AnswersError,
     f"parse_answers: answers: {GOT_NONE}, got None"),
    ("parse profiles", lambda c: engine.parse_answers(ANSWERS, c.profiles), ContentError,
     "parse_answers: questionnaire: expected a Questionnaire "
     "(load_content().questionnaire), got a ProfileSet"),
    ("load_answers None", lambda c: engine.load_answers(None, c.questionnaire), AnswersError,
     "load_answers: path: expected a path (a str or an os.PathLike), got None"),
    ("load_content loaded", lambda c: engine.load_content(c.questionnaire), ContentError,
     "load_content: questionnaire: expected a path (a str or an os.PathLike) or None, "
     "got a Questionnaire (this is already loaded content: pass it to score)"),
    ("load_profiles number", lambda c: engine.load_profiles(5), ContentError,
     "load_profiles: directory: expected a path (a str or an os.PathLike) or None, got 5"),
    ("load_questionnaire profiles", lambda c: engine.load_questionnaire(None, "profiles/"),
     ContentError, "load_questionnaire: profiles: expected a ProfileSet "
                   "(load_content().profiles), got 'profiles/'"),
]


@pytest.mark.parametrize(("call", "error", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_wrong_argument_is_one_line_of_the_projects_errors(
        content: Content, call: Call, error: type[EngineError], message: str) -> None:
    with pytest.raises(EngineError) as caught:
        call(content)
    assert type(caught.value) is error
    assert str(caught.value) == message


def test_answers_of_another_questionnaire_are_refused(content: Content) -> None:
    from dataclasses import replace

    checked = engine.parse_answers(ANSWERS, content.questionnaire)
    with pytest.raises(AnswersError, match="checked against the questionnaire 'other'"):
        engine.score(replace(checked, questionnaire_id="other"), content.questionnaire,
                     content.profiles)


def test_good_arguments_still_score(content: Content) -> None:
    import numpy as np

    result = engine.score(ANSWERS, content.questionnaire, content.profiles,
                          explain_top=np.int64(1), lang="fr")
    assert result.lang == "fr" and result.explained == 1
    assert result.top is not None and result.top.role_id == result.ranking[0].role_id


def _readme_example() -> str:
    section = README[README.index("## Library\n"):]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None
    return found.group(1)


def _run_example(code: str, tmp_path: Path) -> list[str]:
    program = tmp_path / "example.py"
    program.write_text(code)
    return subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                          check=True, cwd=tmp_path).stdout.splitlines()


def test_the_readme_example_names_the_top_role(tmp_path: Path) -> None:
    out = _run_example(_readme_example(), tmp_path)
    assert out[0].startswith("data-analyst ")


def test_the_readme_example_names_no_role_when_nothing_is_answered(tmp_path: Path) -> None:
    """With nothing answered every score is 0.0 and ranking[0] is the first role by id: the
    example says so instead of naming it."""
    code = _readme_example()
    given = '{"skill_sql": 5, "enjoy_explaining": 5}'
    assert given in code
    out = _run_example(code.replace(given, "{}"), tmp_path)
    assert out[0] == "not enough answers: ['no_answers']"
    assert not any("ai-architect" in line for line in out)
