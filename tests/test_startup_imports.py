"""Fast start, tested deterministically: which heavy modules a command path imports."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from engine.cli.commands import COMMANDS

PROBE = """
import contextlib, io, json, sys
from engine.cli import main
argv = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()):
    code = main(argv)
heavy = ["sklearn", "questionary", "prompt_toolkit", "rich", "numpy", "pydantic", "yaml"]
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules],
                  "modules": sorted(m for m in sys.modules if m.startswith("engine."))}))
"""
COMMAND_MODULES = {module for module, _ in COMMANDS.values()}


def probe(*argv: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(argv))],
                         capture_output=True, text=True, check=True).stdout
    data: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return data


def loaded_after(*argv: str) -> tuple[int, set[str]]:
    data = probe(*argv)
    return data["code"], set(data["loaded"])


def test_help_imports_nothing_heavy() -> None:
    code, loaded = loaded_after("--help")
    assert code == 0
    assert loaded == set()


def test_help_imports_no_command_module() -> None:
    data = probe("--help")
    assert data["code"] == 0
    assert not COMMAND_MODULES & set(data["modules"])


@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_help_imports_nothing_heavy(command: str) -> None:
    """``rolematch X --help`` only needs X's options: its heavy imports wait for run()."""
    code, loaded = loaded_after(command, "--help")
    assert code == 0
    assert loaded == set()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_command_usage_error_imports_nothing_heavy(command: str) -> None:
    """A bad option is reported (exit code 2) before anything heavy is imported."""
    code, loaded = loaded_after(command, "--no-such-option")
    assert code == 2
    assert loaded == set()


@pytest.mark.parametrize("argv", [["roles"], ["questions", "--json"], ["validate"],
                                  ["schema", "answers"]])
def test_a_command_imports_only_its_own_command_module(argv: list[str]) -> None:
    data = probe(*argv)
    assert data["code"] == 0
    assert COMMAND_MODULES & set(data["modules"]) == {COMMANDS[argv[0]][0]}


@pytest.mark.parametrize("argv", [["roles"], ["roles", "ai-engineer"], ["questions"],
                                  ["validate"], ["questions", "--json"]])
def test_content_commands_never_import_scikit_learn_or_questionary(argv: list[str]) -> None:
    code, loaded = loaded_after(*argv)
    assert code == 0
    assert "sklearn" not in loaded
    assert "questionary" not in loaded and "prompt_toolkit" not in loaded


def test_scoring_answers_file_imports_numpy_but_not_questionary(tmp_path: object) -> None:
    """The control: the probe does see numpy when a path really uses it. Scoring never needs
    scikit-learn (the cosine is computed in a fixed order, see engine.vectors)."""
    import pathlib

    answers = pathlib.Path(str(tmp_path)) / "a.yaml"
    answers.write_text("questionnaire: default\nanswers: {skill_sql: 5}\n")
    code, loaded = loaded_after("--answers", str(answers), "--json")
    assert code == 0
    assert "numpy" in loaded
    assert "sklearn" not in loaded and "questionary" not in loaded


def test_library_scoring_never_imports_questionary() -> None:
    code = (
        "import sys\nfrom engine import load_content, score\nc = load_content()\n"
        "r = score({'questionnaire': 'default', 'answers': {'skill_ml': 5}}, c.questionnaire, "
        "c.profiles)\nprint(r.ranking[0].role_id, 'questionary' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["data-scientist", "False"]


def test_a_result_off_a_terminal_never_imports_the_prompts(tmp_path: Any) -> None:
    """Piped, ``--answers`` prints the full text: questionary stays unimported (the menu
    and its prompts are for a terminal only)."""
    answers = tmp_path / "me.json"
    answers.write_text(json.dumps({"questionnaire": "default", "answers": {"skill_sql": 5}}))
    code, loaded = loaded_after("--answers", str(answers))
    assert code == 0
    assert "questionary" not in loaded and "prompt_toolkit" not in loaded
