"""The result document: schema, round trip through `show`, reports, safe writing."""

from __future__ import annotations

import errno
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from engine import export, files
from engine.content import Content
from engine.errors import ExportError
from engine.export import SCHEMA_VERSION, dumps, result_schema
from engine.files import write_atomic
from engine.report import html_report, markdown_report, result_screen
from engine.scoring import score
from engine.simulate import random_answers
from engine.vectors import build_model
from tests.conftest import REPO, Run

RunCli = Callable[..., Run]


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    return export.result_schema()


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump({"questionnaire": "default", "answers": {
        "skill_pipelines": 5, "skill_sql": 4, "enjoy_coding": 5, "tools_data": ["spark", "dbt"],
        "ideal_day": "build_pipelines", "enjoy_explaining": 2}}))
    return path


def test_the_schema_file_in_the_repository_is_current() -> None:
    """The checked-in file is, to the byte, what the document model generates (regenerate it
    with `rolematch schema result > engine/schemas/result.schema.json`)."""
    shipped = (REPO / "engine" / "schemas" / "result.schema.json").read_text()
    assert shipped == dumps(result_schema())


def test_schema_command_prints_the_result_schema(run: RunCli, schema: dict[str, object]) -> None:
    assert json.loads(run("schema", "result").out) == schema


def test_every_kind_of_result_validates_against_the_schema(
    content: Content, schema: dict[str, object]
) -> None:
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(4)
    validator = jsonschema.Draft202012Validator(schema)
    for skip in (0.0, 0.5, 0.95, 1.0):
        for lang in ("en", "fr"):
            r = score(random_answers(model, rng, skip_rate=skip), content.questionnaire,
                      content.profiles, lang=lang)
            validator.validate(r.to_data())


def test_json_output_is_the_document_and_nothing_else(
    run: RunCli, answers_file: Path, schema: dict[str, object]
) -> None:
    r = run("--answers", str(answers_file), "--json")
    assert r.code == 0
    doc = json.loads(r.out)
    jsonschema.validate(doc, schema)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["created_at"] == "2026-01-01T00:00:00Z"  # SOURCE_DATE_EPOCH in the tests
    assert doc["ranking"][0]["role_id"] == "data-engineer"
    assert doc["questionnaire"]["content_hash"].startswith("sha256:")
    assert doc["answers"]["skill_pipelines"] == 5 and doc["answers"]["skill_ml"] is None


def test_output_file_round_trips_through_show(run: RunCli, answers_file: Path,
                                              tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    screen = run("--answers", str(answers_file), "--output", str(out)).out
    assert (out.stat().st_mode & 0o777) == 0o600  # personal data: owner only
    shown = run("show", str(out))
    assert shown.code == 0
    assert shown.out == screen


def test_refuses_to_overwrite_without_force(run: RunCli, answers_file: Path,
                                            tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    out.write_text("precious")
    r = run("--answers", str(answers_file), "--output", str(out))
    assert r.code == 2 and "already exists" in r.err and "--force" in r.err
    assert out.read_text() == "precious"
    r = run("--answers", str(answers_file), "--output", str(out), "--force")
    assert r.code == 0 and json.loads(out.read_text())["schema_version"] == SCHEMA_VERSION


def test_missing_folder_is_one_line_and_leaves_an_interrupted_quiz_alone(
    run: RunCli, answers_file: Path, tmp_path: Path,
) -> None:
    """The answers are in the answers file already: a failed --output must not replace the
    resume file of a quiz interrupted earlier (the quiz keeps typed answers there itself)."""
    resume = Path(os.environ["ROLEMATCH_DATA_DIR"]) / "resume-default.json"
    resume.parent.mkdir(parents=True, exist_ok=True)
    resume.write_text('{"interrupted": "quiz"}')
    r = run("--answers", str(answers_file), "--output", str(tmp_path / "nope" / "r.json"))
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "does not exist" in lines[0] and "nope" in lines[0]
    assert resume.read_text() == '{"interrupted": "quiz"}'


def test_permission_denied_simulated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", deny)
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "r.json", "{}")
    assert info.value.lines() == [f"{tmp_path / 'r.json'}: could not be written: "
                                  "permission denied"]


def test_full_disk_leaves_no_partial_file(
    run: RunCli, answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    out = tmp_path / "result.json"
    r = run("--answers", str(answers_file), "--output", str(out))
    assert r.code == 2
    assert "the disk is full" in r.err.splitlines()[0]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".result.json")]
    assert len(r.err.strip().splitlines()) == 1


def test_show_refuses_a_newer_schema_version(run: RunCli, answers_file: Path,
                                             tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    run("--answers", str(answers_file), "--output", str(out))
    doc = json.loads(out.read_text())
    doc["schema_version"] = SCHEMA_VERSION + 1
    out.write_text(json.dumps(doc))
    r = run("show", str(out))
    assert r.code == 2 and "schema_version" in r.err and "newer rolematch" in r.err


def test_show_names_what_is_wrong(run: RunCli, answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    run("--answers", str(answers_file), "--output", str(out))
    doc = json.loads(out.read_text())
    doc["ranking"][0]["score"] = "high"
    del doc["lang"]
    out.write_text(json.dumps(doc))
    r = run("show", str(out))
    assert r.code == 2
    assert "ranking[0].score" in r.err and "'high'" in r.err
    assert "lang: required key is missing" in r.err


def test_show_a_file_that_is_not_json(run: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "r.json"
    bad.write_text("not json")
    r = run("show", str(bad))
    assert r.code == 2 and "not valid JSON" in r.err and "line 1" in r.err


def test_markdown_and_html_reports(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    answers = random_answers(model, random.Random(8))
    for lang, heading in (("en", "A typical day"), ("fr", "Une journée type")):
        doc = score(answers, content.questionnaire, content.profiles, lang=lang)
        md = markdown_report(doc)
        html = html_report(doc)
        top = doc.ranking[0]
        assert md.startswith("# ") and f"## 1. {top.title}" in md and heading in md
        assert html.startswith("<!DOCTYPE html>") and f'lang="{lang}"' in html
        assert heading in html and top.title in html
        # self-contained: no external assets
        assert "http://" not in html and "https://" not in html and "<link" not in html
        assert "<script" not in html


def test_show_writes_a_report_file(run: RunCli, answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    run("--answers", str(answers_file), "--output", str(out), "--lang", "fr")
    r = run("show", str(out), "--format", "html", "--output", str(tmp_path / "r.html"))
    assert r.code == 0
    assert "Vos correspondances" in (tmp_path / "r.html").read_text()
    r = run("show", str(out), "--format", "md")
    assert r.out.startswith("# Vos correspondances")


def test_screen_and_document_agree(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    doc = score(random_answers(model, random.Random(12)), content.questionnaire,
                content.profiles, lang="en")
    text = result_screen(doc, width=100)
    data = json.loads(dumps(doc))
    for m, role in zip(doc.ranking, data["ranking"], strict=True):
        assert role["score"] == m.score and role["match_percent"] == round(100 * m.score, 1)
        assert f"{m.title}  {100 * m.score:.0f}%" in text or m.rank > 3
        assert m.title in text


def test_show_refuses_an_older_schema_version_and_says_where_the_answers_are(
        run: RunCli, answers_file: Path, tmp_path: Path) -> None:
    """A result saved before answers were signed is not shown with today's meaning; one line
    says so, and its answers, still in the file, score again as an answers file."""
    out = tmp_path / "r.json"
    run("--answers", str(answers_file), "--output", str(out))
    doc = json.loads(out.read_text())
    doc["schema_version"] = 1
    out.write_text(json.dumps(doc))
    r = run("show", str(out))
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert f"{out}: schema_version: was written by an older rolematch" in r.err
    again = tmp_path / "again.json"
    again.write_text(json.dumps({"questionnaire": doc["questionnaire"]["id"],
                                 "answers": doc["answers"]}))
    assert run("--answers", str(again), "--json").code == 0


# ------------------------------------------------------------------ a file of the wrong kind

POSTING = "Data engineer. We build pipelines with airflow, spark, sql, kafka and dbt.\n"


@pytest.fixture
def documents(run: RunCli, answers_file: Path, tmp_path: Path) -> dict[str, Path]:
    """One file of each kind rolematch writes, written by rolematch itself."""
    result, posting = tmp_path / "result.json", tmp_path / "posting.txt"
    posting.write_text(POSTING)
    assert run("--answers", str(answers_file), "-o", str(result)).code == 0
    paths = {"result": result, "posting": posting}
    for kind, argv in {"decode": ("decode", "--file", str(posting), "--json"),
                       "fit": ("fit", str(result), str(posting), "--json")}.items():
        r = run(*argv)
        assert r.code == 0, r.err
        paths[kind] = tmp_path / f"{kind}.json"
        paths[kind].write_text(r.out)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(yaml.safe_load(answers_file.read_text())))
    paths["answers"] = answers
    return paths


def one_line(r: Run, path: Path, *words: str) -> None:
    """The error is one line on stderr, naming the file and saying what it is; exit 2."""
    assert r.code == 2 and r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert str(path) in lines[0] and "got {" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize("kind", ["decode", "fit"])
def test_show_and_fit_name_a_document_of_another_kind(
    run: RunCli, documents: dict[str, Path], kind: str
) -> None:
    path = documents[kind]
    one_line(run("show", str(path)), path, f"this is a {kind} document",
             f"rolematch {kind} --json", "not a quiz result", "show reads the result")
    one_line(run("fit", str(path), str(documents["posting"])), path,
             f"this is a {kind} document", "fit reads the result")
    r = run("show", str(path))
    assert "schema_version" not in r.err and "older" not in r.err and "newer" not in r.err


def test_show_names_an_answers_file(run: RunCli, documents: dict[str, Path]) -> None:
    path = documents["answers"]
    one_line(run("show", str(path)), path, "this is an answers file", "rolematch --answers")


@pytest.mark.parametrize("kind", ["decode", "fit"])
def test_answers_names_a_document_of_another_kind(
    run: RunCli, documents: dict[str, Path], kind: str
) -> None:
    path = documents[kind]
    one_line(run("--answers", str(path)), path, f"this is a {kind} document", "not answers")


def test_answers_accepts_a_saved_result(run: RunCli, answers_file: Path,
                                        documents: dict[str, Path]) -> None:
    """A saved result's answers score the same as the answers file they came from."""
    again = run("--answers", str(documents["result"]), "--json")
    first = run("--answers", str(answers_file), "--json")
    assert again.code == 0 and again.err == "", again.err
    ranked = [(m["role_id"], m["score"]) for m in json.loads(again.out)["ranking"]]
    assert ranked == [(m["role_id"], m["score"]) for m in json.loads(first.out)["ranking"]]
    assert run("--answers", str(documents["result"])).out == run("--answers",
                                                                 str(answers_file)).out


def test_answers_from_a_result_of_another_questionnaire_is_one_line(
    run: RunCli, documents: dict[str, Path]
) -> None:
    path = documents["result"]
    doc = json.loads(path.read_text())
    doc["questionnaire"]["id"] = "other"
    path.write_text(json.dumps(doc))
    one_line(run("--answers", str(path)), path, "this is a saved result",
             "questionnaire.id", "'other'", "--questionnaire")


def test_answers_from_a_result_that_no_longer_fits_is_one_line(
    run: RunCli, documents: dict[str, Path]
) -> None:
    path = documents["result"]
    doc = json.loads(path.read_text())
    doc["answers"]["skill_sql"] = 9
    doc["answers"]["gone_question"] = 1
    path.write_text(json.dumps(doc))
    one_line(run("--answers", str(path)), path, "this is a saved result", "do not fit",
             "2 problems", "answers.gone_question")


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Saved to {path} (readable by you only)."),
    ("fr", "Enregistré dans {path} (lisible par vous uniquement).")])
def test_every_file_written_is_confirmed_in_one_wording(
        run: RunCli, answers_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    """--output, --save-answers, show --output and the result menu's Save say the same line
    in the result's language (show -o said "report written to me.html", the menu
    "Saved to ...")."""
    from types import SimpleNamespace

    from engine import prompts
    from engine.cli.result_menu import ResultMenu
    from engine.export import read_result

    out, mine = tmp_path / "r.json", tmp_path / "mine.yaml"
    r = run("--answers", str(answers_file), "--output", str(out), "--save-answers", str(mine),
            "--lang", lang, "--json")
    assert r.code == 0
    assert r.err.splitlines() == [said.format(path=mine), said.format(path=out)]
    page = tmp_path / "me.html"
    r = run("show", str(out), "--format", "html", "--output", str(page))
    assert r.code == 0 and r.err.splitlines() == [said.format(path=page)]

    saved = tmp_path / "menu.md"
    answers = iter(["md", str(saved)])
    asked = SimpleNamespace(unsafe_ask=lambda: next(answers))
    monkeypatch.setattr(prompts, "pick_format", lambda *a, **k: asked)
    monkeypatch.setattr(prompts, "ask_path", lambda *a, **k: asked)
    ResultMenu(read_result(out)).save()
    # one sentence, wrapped between words at the terminal's width
    assert " ".join(capsys.readouterr().err.splitlines()) == said.format(path=saved)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "could not be written: the file system is read-only"),
    ("fr", "écriture impossible\u00a0: le système de fichiers est en lecture seule")])
def test_a_write_error_is_in_the_language_asked(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path, lang: str, line: str) -> None:
    """Our own words are translated; the operating system's (its strerror) stay its own."""
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "r.json", "{}", lang=lang)
    assert info.value.lines() == [f"{tmp_path / 'r.json'}: {line}"]
    (tmp_path / "there.json").write_text("{}")
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "there.json", "{}", lang=lang)
    assert info.value.lines()[0].endswith(
        "already exists; pass --force to overwrite it" if lang == "en"
        else "existe déjà\u00a0; ajoutez --force pour le remplacer")
