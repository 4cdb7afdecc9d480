"""What a person reads when an answers file (or a batch line) does not fit: one line per
problem, in their words (no Python type names or reprs), naming the file, the key and the
value, with a suggestion when an id is close to a real one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]


def refused(run: RunCli, tmp_path: Path, text: str) -> tuple[str, list[str]]:
    """The path of an answers file holding ``text`` and the lines it is refused with."""
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    r = run("--answers", str(path))
    assert r.code == 2 and r.out == ""
    return str(path), r.err.splitlines()


def one(answers: str) -> str:
    return f"questionnaire: default\nanswers:\n  {answers}\n"


@pytest.mark.parametrize("answers, line", [
    ("skill_sql: true", "answers.skill_sql: expected a whole number from 1 to 5, got true"),
    ("skill_sql: 9", "answers.skill_sql: expected a whole number from 1 to 5, got 9"),
    ("skill_sql: 4.5", "answers.skill_sql: expected a whole number from 1 to 5, got 4.5"),
    ('skill_sql: "4"', "answers.skill_sql: expected a whole number from 1 to 5, got the text "
                       "'4' (write it without quotes)"),
    ("ideal_day: [ship_models]", "answers.ideal_day: expected one option id, got a list "
                                 '["ship_models"]; valid: business_questions,'),
    ("tools_ops: {docker: yes}", "answers.tools_ops: expected a list of option ids, got a "
                                 'mapping {"docker": true}; valid: docker, kubernetes,'),
    ("tools_ops: [docker, 3]", "answers.tools_ops[1]: expected an option id, got 3; valid: "
                               "docker,"),
    ("tools_ops: [docker, docker]", "answers.tools_ops[1]: option 'docker' given twice"),
])
def test_a_bad_value_is_said_in_words(run: RunCli, tmp_path: Path, answers: str,
                                      line: str) -> None:
    path, lines = refused(run, tmp_path, one(answers))
    assert len(lines) == 1 and lines[0].startswith(f"rolematch: {path}: {line}")
    assert "NoneType" not in lines[0] and "True" not in lines[0] and "'str'" not in lines[0]


@pytest.mark.parametrize("text, line", [
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("- skill_sql\n", "expected a mapping with an 'answers' key, got a list [\"skill_sql\"]"),
    ("questionnaire: default\nid: true\n", "id: expected a text or a whole number, got true"),
    ("questionnaire: default\nanswers: [skill_sql]\n",
     "answers: expected a mapping of question id to answer, got a list [\"skill_sql\"]"),
    ("questionnaire: other\n", "questionnaire: answers are for another questionnaire: "
                               "expected 'default', got the text 'other'"),
    ("questionnaire: default\nanswer: {}\n", "answer: unknown key 'answer'; did you mean "
                                             "'answers'?"),
])
def test_a_bad_file_is_said_in_words(run: RunCli, tmp_path: Path, text: str,
                                     line: str) -> None:
    path, lines = refused(run, tmp_path, text)
    assert lines == [f"rolematch: {path}: {line}"]


def test_a_close_question_id_gets_a_suggestion_and_no_partial_list(run: RunCli,
                                                                  tmp_path: Path) -> None:
    path, lines = refused(run, tmp_path, one("skil_sql: 4"))
    assert lines == [f"rolematch: {path}: answers.skil_sql: unknown question id 'skil_sql'; "
                     "did you mean 'skill_sql'?"]


def test_a_far_question_id_says_where_every_id_is(run: RunCli, tmp_path: Path) -> None:
    path, lines = refused(run, tmp_path, one("favourite_colour: 4"))
    assert "favourite_colour" not in run("questions").out
    assert lines == [f"rolematch: {path}: answers.favourite_colour: unknown question id "
                     "'favourite_colour'; rolematch questions lists the 29 question ids"]


@pytest.mark.parametrize("answers, line", [
    ("tools_ops: [dockr]", "answers.tools_ops[0]: unknown option 'dockr'; did you mean "
                           "'docker'?"),
    ("tools_ops: dockr", "answers.tools_ops: unknown option 'dockr'; did you mean 'docker'?"),
    ("ideal_day: build_pipeline", "answers.ideal_day: unknown option 'build_pipeline'; did you "
                                  "mean 'build_pipelines'?"),
])
def test_a_close_option_id_gets_a_suggestion(run: RunCli, tmp_path: Path, answers: str,
                                             line: str) -> None:
    path, lines = refused(run, tmp_path, one(answers))
    assert lines == [f"rolematch: {path}: {line}"]


def test_a_far_option_id_lists_every_option(run: RunCli, tmp_path: Path) -> None:
    path, lines = refused(run, tmp_path, one("tools_ops: [podman_desktop_x]"))
    assert lines == [f"rolematch: {path}: answers.tools_ops[0]: unknown option "
                     "'podman_desktop_x'; valid: docker, kubernetes, ci_tools, terraform, "
                     "ansible, prometheus_grafana, security_tools"]


def test_one_option_id_is_a_list_of_one_everywhere(run: RunCli, tmp_path: Path) -> None:
    """The README says so: ``tools_ops: docker`` is ``tools_ops: [docker]``, for --answers
    and for batch alike."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "a single id is a list of one" in readme
    scored = {}
    for name, value in (("one", "docker"), ("list", "[docker]")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(one(f"tools_ops: {value}\n  skill_sql: 4"), encoding="utf-8")
        r = run("--answers", str(path), "--json")
        assert r.code == 0, r.err
        doc = json.loads(r.out)
        assert doc["answers"]["tools_ops"] == ["docker"]
        scored[name] = [(m["role_id"], m["score"]) for m in doc["ranking"]]
    assert scored["one"] == scored["list"]
    lines = tmp_path / "in.jsonl"
    lines.write_text("".join(json.dumps({"id": i, "answers": {"tools_ops": v, "skill_sql": 4}})
                             + "\n" for i, v in enumerate(["docker", ["docker"]])))
    r = run("batch", str(lines), "--summary")
    assert r.code == 0 and "0 bad lines" in r.err
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert rows[0]["scores"] == rows[1]["scores"]
    assert [(role, rows[0]["scores"][role]) for role, _ in scored["one"]] == [
        (role, round(100 * s, 1)) for role, s in scored["one"]]


def test_batch_lines_say_it_the_same_way(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"answers": {"skill_sql": true}}\n'
                   "null\n"
                   "[1]\n"
                   '{"answers": {"tools_ops": "dockr"}}\n'
                   '{"answers": {"favourite_colour": 1}}\n')
    r = run("batch", str(src), "--summary")
    assert r.err.splitlines() == [
        f"rolematch: {src}: line 1: skipped: answers.skill_sql: expected a whole number from 1 "
        "to 5, got true",
        f"rolematch: {src}: line 2: skipped: expected an object with an 'answers' key, got null",
        f"rolematch: {src}: line 3: skipped: expected an object with an 'answers' key, got a "
        "list [1]",
        f"rolematch: {src}: line 4: skipped: answers.tools_ops: unknown option 'dockr'; did you "
        "mean 'docker'?",
        f"rolematch: {src}: line 5: skipped: answers.favourite_colour: unknown question id "
        "'favourite_colour'; rolematch questions lists the 29 question ids",
        # not one line scored: bad input, as decode --jsonl says it
        f"rolematch: {src}: no line could be scored (5 bad lines skipped)",
    ]
    assert r.code == 2


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "answers.tools_ops: 'docker, kubernetes' is several options in one text: write "
           "them as a list, [docker, kubernetes]"),
    ("fr", "answers.tools_ops: 'docker, kubernetes' réunit plusieurs options dans un même "
           "texte\u00a0: écrivez-les en liste, [docker, kubernetes]")])
def test_several_options_in_one_text_say_to_write_a_list(run: RunCli, tmp_path: Path,
                                                         lang: str, said: str) -> None:
    """'tools_ops: docker, kubernetes' was met with "did you mean 'kubernetes'?", which would
    have lost docker."""
    path = tmp_path / "a.yaml"
    path.write_text("questionnaire: default\nanswers:\n  tools_ops: docker, kubernetes\n")
    r = run("--answers", str(path), "--lang", lang)
    assert r.code == 2 and r.out == ""
    assert r.err == f"rolematch: {path}: {said}\n"
