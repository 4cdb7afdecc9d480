"""validate, roles, questions, schema and --help, run as a user runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from engine.content import default_profiles_dir, default_questionnaire_path
from engine.i18n import detect_lang
from engine.readers import read_yaml
from tests.conftest import ROLE_IDS, ContentCopy, Run

RunCli = Callable[..., Run]


def test_help_explains_the_tool_and_lists_every_command(run: RunCli) -> None:
    r = run("--help")
    assert r.code == 0
    for command in ("quiz", "validate", "roles", "questions", "schema"):
        assert command in r.out
    assert "cosine" in r.out and "exit codes" in r.out


def test_version(run: RunCli) -> None:
    r = run("--version")
    assert r.code == 0 and r.out.startswith("rolematch ")


def test_unknown_command_is_a_usage_error(run: RunCli) -> None:
    r = run("frobnicate")
    assert r.code == 2 and "invalid choice" in r.err


def test_validate_prints_a_summary(run: RunCli) -> None:
    r = run("validate")
    assert r.code == 0
    assert "29 questions" in r.out and "39 dimensions" in r.out and "8 role profiles" in r.out
    assert "most similar profiles" in r.out


def test_validate_verbose_prints_the_similarity_table(run: RunCli) -> None:
    r = run("validate", "--verbose")
    rows = [line for line in r.out.splitlines()
            if line.rstrip().endswith(tuple(ROLE_IDS)) and "1.00" in line]
    assert len(rows) == 8
    assert [row.split()[-1] for row in rows] == ROLE_IDS


def test_validate_reports_every_error_and_exits_2(run: RunCli, copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-analyst"), "  sql: 0.85", "  sqll: 0.85")
    copy.edit(copy.questionnaire, "    scale: enjoy\n", "    scale: enjoyment\n")
    r = run("validate", "--questionnaire", str(copy.questionnaire),
            "--profiles", str(copy.profiles))
    assert r.code == 2
    assert r.out == ""
    assert "data-analyst.yaml: line 50: weights.sqll" in r.err
    assert "default.yaml: line " in r.err and "'enjoyment'" in r.err
    assert "Traceback" not in r.err
    assert r.err.strip().splitlines()[-1].endswith("problems found")


def test_roles_lists_all_eight_with_objectives(run: RunCli) -> None:
    r = run("roles")
    assert r.code == 0
    for rid in ROLE_IDS:
        assert rid in r.out
    assert "Data Engineer" in r.out


def test_role_card_has_every_section(run: RunCli) -> None:
    r = run("roles", "mlops-engineer")
    assert r.code == 0
    for heading in ("Objective", "Key skills", "Typical tools", "Deliverables", "A typical day",
                    "Ask the employer", "How it differs", "Sources"):
        assert heading in r.out
    assert "Evidently" in r.out


def test_role_card_in_french(run: RunCli) -> None:
    r = run("roles", "data-analyst", "--lang", "fr")
    assert "Compétences clés" in r.out and "Une journée type" in r.out
    assert "Comprendre les tendances" in r.out


def test_roles_json_includes_weights(run: RunCli) -> None:
    r = run("roles", "--json")
    data = json.loads(r.out)
    assert [d["id"] for d in data] == ROLE_IDS
    assert data[0]["weights"]["architecture"] == 1.0
    assert len(data[0]["weights"]) == 39


def test_unknown_role_suggests_and_exits_2(run: RunCli) -> None:
    r = run("roles", "data-enginer")
    assert r.code == 2
    assert "'data-enginer'" in r.err and "did you mean 'data-engineer'?" in r.err
    # the suggestion alone, as for answers and content: a list would read as all the ids
    assert "valid:" not in r.err and len(r.err.splitlines()) == 1
    r = run("roles", "zzz")
    assert r.code == 2 and "valid: ai-architect, ai-engineer," in r.err
    # a short form that names one role only; "data" names three, so all are listed
    assert "did you mean 'mlops-engineer'?" in run("roles", "mlops").err
    r = run("roles", "data")
    assert "did you mean" not in r.err and "valid: ai-architect" in r.err


def test_questions_json_shape(run: RunCli) -> None:
    r = run("questions", "--json")
    data = json.loads(r.out)
    assert len(data) == 29
    assert set(data[0]) >= {"id", "type", "section", "text", "options"}
    likert = data[0]
    assert likert["type"] == "likert"
    assert [o["id"] for o in likert["options"]] == [1, 2, 3, 4, 5]
    assert likert["options"][0]["effects"]["statistics"] == 0.0
    assert likert["options"][4]["effects"]["statistics"] == 1.0
    multi = next(q for q in data if q["type"] == "multi")
    assert multi["options"][0]["effects"]


def test_questions_text_in_french(run: RunCli) -> None:
    r = run("questions", "--lang", "fr")
    assert r.code == 0 and "Vos compétences" in r.out and "[skill_sql]" in r.out
    # a scenario's options read with the description the quiz shows under them
    flat = " ".join(r.out.split())
    assert ("Construire des pipelines [build_pipelines] Écrire et déboguer toute la journée"
            in flat)


def test_lang_defaults_from_the_environment(
    run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert "Objectif" in run("roles", "ai-architect").out
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # LC_ALL wins over LANG
    assert "Objective" in run("roles", "ai-architect").out


@pytest.mark.parametrize(
    ("env", "lang"),
    [({}, "en"), ({"LANG": "fr_CA.UTF-8"}, "fr"), ({"LC_ALL": "fr_FR", "LANG": "en_US"}, "fr"),
     ({"LC_ALL": "de_DE"}, "en"), ({"LANG": "C"}, "en")],
)
def test_detect_lang(env: dict[str, str], lang: str) -> None:
    assert detect_lang(env) == lang


@pytest.mark.parametrize("kind", ["questionnaire", "profile", "dimensions", "vocabulary",
                                  "answers", "result", "decode"])
def test_schema_is_a_valid_json_schema(run: RunCli, kind: str) -> None:
    r = run("schema", kind)
    schema = json.loads(r.out)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schemas_accept_the_shipped_files(run: RunCli) -> None:
    """An editor using the published schema agrees with the loader about the shipped files."""
    schemas = {k: json.loads(run("schema", k).out) for k in ("questionnaire", "profile",
                                                               "dimensions", "vocabulary")}
    jsonschema.validate(read_yaml(default_questionnaire_path()), schemas["questionnaire"])
    for path in default_profiles_dir().glob("*.yaml"):
        kind = {"dimensions.yaml": "dimensions", "vocabulary.yaml": "vocabulary"}.get(
            path.name, "profile")
        jsonschema.validate(read_yaml(path), schemas[kind])


def test_schema_rejects_an_unknown_key(run: RunCli) -> None:
    schema = json.loads(run("schema", "profile").out)
    data = read_yaml(default_profiles_dir() / "data-analyst.yaml")
    data["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_python_dash_m_engine_is_the_same_command() -> None:
    out = subprocess.run([sys.executable, "-m", "engine", "roles", "--json"],
                         capture_output=True, text=True, check=True).stdout
    assert [d["id"] for d in json.loads(out)] == ROLE_IDS


def test_installed_command_runs_from_outside_the_repository(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "rolematch"
    r = subprocess.run([str(exe), "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "8 role profiles" in r.stdout


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "rolematch"
    r = subprocess.run(f"'{exe}' questions | head -1", shell=True, capture_output=True,
                       text=True, cwd=tmp_path)
    assert r.stdout.strip() == "Which data or AI role fits you?"
    assert "Traceback" not in r.stderr


def test_every_screen_string_exists_in_both_languages() -> None:
    import string

    from engine import i18n

    for key in i18n.string_keys():
        en, fr = i18n._STRINGS[key]
        assert en.strip() and fr.strip(), key
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(fr) if f}, key


def test_one_is_singular_in_both_languages(run: RunCli) -> None:
    from engine.i18n import t

    assert run("decode", "Kubernetes").out.startswith("Found in the posting (1 term recognised)")
    assert run("decode", "Kubernetes", "--lang", "fr").out.startswith(
        "Trouvé dans l'offre (1 terme reconnu)")
    assert t("decode.more", "fr", n=1) == "+1 autre" and t("decode.more", "fr", n=2) == "+2 autres"
    assert t("quiz.quick_continue", "en", n=1) == "Answer the last question"
    # French points: singular below 2, and a minus sign
    assert t("result.why_line", "fr", dim="Stratégie", pts=-1.5).endswith("−1,5 pt")
    assert t("result.why_line", "fr", dim="Stratégie", pts=11.2).endswith("+11,2 pts")
    # a _one string is the one form of its key: the same fields but n
    from engine import i18n

    for key in [k for k in i18n.string_keys() if k.endswith("_one")]:
        assert key[:-4] in i18n._STRINGS, key


@pytest.mark.parametrize("argv, expected", [
    (["--top", "0"], "rolematch: quiz: argument --top: must be 1 or more: '0' "
                     "(see rolematch quiz --help)"),
    (["schema", "foo"], "rolematch: schema: argument kind: invalid choice: 'foo'"),
    (["bogus"], "rolematch: argument COMMAND: invalid choice: 'bogus'"),
    # the command's own --help lists what it takes
    (["roles", "--bogus"], "rolematch: roles: unrecognized arguments: --bogus (see rolematch "
                           "roles --help)"),
    (["show", "r.json", "--colour", "red"], "rolematch: show: unrecognized arguments: --colour "
                                            "red (see rolematch show --help)"),
    (["--bogus"], "rolematch: quiz: unrecognized arguments: --bogus (see rolematch quiz "
                  "--help)"),
])
def test_a_usage_mistake_is_one_line(run: RunCli, argv: list[str], expected: str) -> None:
    r = run(*argv)
    assert r.code == 2 and r.out == ""
    assert len(r.err.splitlines()) == 1 and r.err.startswith(expected)


def test_french_writes_decimals_with_a_comma_and_english_with_a_point(
        run: RunCli, tmp_path: Path) -> None:
    """The same points and what-ifs, written as each language writes numbers."""
    path = tmp_path / "a.json"
    answers = json.loads((Path(__file__).resolve().parents[1] / "benchmarks" / "personas"
                          / "answers" / "de-1-payments-spark.json").read_text())
    answers["id"] = answers.pop("respondent")
    path.write_text(json.dumps(answers))
    en = run("--answers", str(path), "--top", "1", "--lang", "en").out
    fr = run("--answers", str(path), "--top", "1", "--lang", "fr").out
    en_points = re.findall(r"([+-]\d+)\.(\d) pts", en)
    fr_points = re.findall(r"([+-]\d+),(\d) pts", fr)
    assert en_points and en_points == fr_points
    assert not re.search(r"\d\.\d+ pts|\d\.\d\s%", fr)
    assert re.search(r"\d,\d\s%", fr)  # the gap's what-if: "82,4 % -> 83,7 %"


def test_ticked_tools_read_with_the_quiz_echo_separator_in_the_result(
        run: RunCli, tmp_path: Path) -> None:
    """Tool labels hold commas ("Kafka or another message queue"), so the result names ticked
    tools with ' · ' between them, as the quiz's echo does, and the JSON's labels too."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"questionnaire": "default", "answers": {
        "skill_pipelines": 5, "tools_data": ["spark", "kafka", "airflow"]}}))
    out = run("--answers", str(path), "--top", "1").out
    assert re.search(r"Spark[^\n·]* · Kafka[^\n·]* · Airflow", " ".join(out.split()))
    doc = json.loads(run("--answers", str(path), "--json").out)
    labels = [item["answer_label"] for c in doc["ranking"][0]["top_contributions"]
              for item in c["answers"] if item["question_id"] == "tools_data"]
    assert labels and any(" · " in label for label in labels)
    assert not any(", Airflow" in label or ", Kafka" in label for label in labels)


def test_a_fragile_result_names_the_questions_as_the_person_saw_them(
        run: RunCli, tmp_path: Path) -> None:
    """'without your answer to Analysis tools', never the internal id 'tools_analysis'."""
    seen = 0
    for source in sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob(
            "personas*/answers/*.json")):
        answers = json.loads(source.read_text())
        answers["id"] = answers.pop("respondent")
        path = tmp_path / source.name
        path.write_text(json.dumps(answers))
        doc = json.loads(run("--answers", str(path), "--json").out)
        fragile = doc["confidence"]["fragile_answers"]
        if not fragile:
            continue
        seen += 1
        screen = " ".join(run("--answers", str(path), "--top", "1").out.split())
        note = next(line for line in screen.split("Fragile")[1:2])
        for f in fragile[:4]:  # the screen names four, then "…"
            assert f["label"] and f["label"] in note and f["question_id"] not in note
        assert ("…" in note.split("would")[0]) == (len(fragile) > 4)
    assert seen >= 3


@pytest.mark.parametrize(("name", "role"), [("Data Analyst", "data-analyst"),
                                            ("ml engineer", "ml-engineer"),
                                            ("Ingénieur machine learning", "ml-engineer")])
def test_roles_takes_a_title_as_written_on_a_posting(run: RunCli, name: str,
                                                     role: str) -> None:
    r = run("roles", name)
    assert r.code == 0 and r.out.splitlines()[0].endswith(f"({role})")
