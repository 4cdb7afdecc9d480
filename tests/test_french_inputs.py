"""What is wrong with a file a person gives rolematch (answers, a result, a posting, a JSONL
line) is said in French in a French run (--lang fr, or a French locale and no --lang), still
one line naming the file, the key and the value, exit code 2; English is as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.readers import MAX_CONTENT_BYTES
from tests.conftest import Run

RunCli = Callable[..., Run]
NBSP = "\u00a0"


def said(run: RunCli, *argv: str) -> tuple[list[str], list[str]]:
    """What stderr says in French and in English (exit code 2 both times)."""
    fr, en = run(*argv, "--lang", "fr"), run(*argv, "--lang", "en")
    assert (fr.code, en.code) == (2, 2), (fr.err, en.err)
    return fr.err.splitlines(), en.err.splitlines()


def test_answers_file_problems(run: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("questionnaire: default\nanswers:\n  skill_sqll: 4\n  skill_cloud: 9\n"
                    "  skill_ml: '4'\n  tools_ops: [dockr, 3]\n  ideal_day: [1]\nbogus: 1\n")
    fr, en = said(run, "--answers", str(path))
    days = ("business_questions, model_experiments, build_pipelines, ship_models, automate_ml, "
            "run_platform, build_ai_features, design_strategy")
    # what each line says, not the order of the questions; the tools' ids checked apart
    tools = [i for i, line in enumerate(en) if "tools_ops[1]" in line]
    assert tools and fr[tools[0]].endswith(en[tools[0]].split("valid: ")[1])
    fr[tools[0]] = fr[tools[0]].split(f"{NBSP}; valeurs")[0]
    en[tools[0]] = en[tools[0]].split("; valid")[0]
    assert sorted(fr) == sorted([
        f"rolematch: {path}: bogus: clé inconnue 'bogus'{NBSP}; valeurs possibles{NBSP}: "
        "questionnaire, lang, answers, id",
        f"rolematch: {path}: answers.skill_sqll: identifiant de question inconnu 'skill_sqll'"
        f"{NBSP}; vouliez-vous dire 'skill_sql'{NBSP}?",
        f"rolematch: {path}: answers.skill_cloud: un nombre entier de 1 à 5 était attendu, "
        f"valeur lue{NBSP}: 9",
        f"rolematch: {path}: answers.skill_ml: un nombre entier de 1 à 5 était attendu, valeur "
        f"lue{NBSP}: le texte '4' (écrivez-le sans guillemets)",
        f"rolematch: {path}: answers.ideal_day: un identifiant d'option était attendu, valeur "
        f"lue{NBSP}: une liste [1]{NBSP}; valeurs possibles{NBSP}: {days}",
        f"rolematch: {path}: answers.tools_ops[0]: option inconnue 'dockr'{NBSP}; "
        f"vouliez-vous dire 'docker'{NBSP}?",
        f"rolematch: {path}: answers.tools_ops[1]: un identifiant d'option était attendu, "
        f"valeur lue{NBSP}: 3",
    ])
    assert sorted(en) == sorted([
        f"rolematch: {path}: bogus: unknown key 'bogus'; valid: questionnaire, lang, answers, id",
        f"rolematch: {path}: answers.skill_sqll: unknown question id 'skill_sqll'; did you "
        "mean 'skill_sql'?",
        f"rolematch: {path}: answers.skill_cloud: expected a whole number from 1 to 5, got 9",
        f"rolematch: {path}: answers.skill_ml: expected a whole number from 1 to 5, got the "
        "text '4' (write it without quotes)",
        f"rolematch: {path}: answers.ideal_day: expected one option id, got a list [1]; "
        f"valid: {days}",
        f"rolematch: {path}: answers.tools_ops[0]: unknown option 'dockr'; did you mean "
        "'docker'?",
        f"rolematch: {path}: answers.tools_ops[1]: expected an option id, got 3",
    ])


def test_answers_file_top_level(run: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("questionnaire: other\nlang: de\nid: [1]\nanswers: [1]\n")
    fr, en = said(run, "--answers", str(path))
    assert fr == [
        f"rolematch: {path}: questionnaire: ces réponses sont pour un autre questionnaire"
        f"{NBSP}: 'default' attendu, valeur lue{NBSP}: le texte 'other'",
        f"rolematch: {path}: lang: langue inconnue, valeur lue{NBSP}: le texte 'de'{NBSP}; "
        f"valeurs possibles{NBSP}: en, fr",
        f"rolematch: {path}: id: un texte ou un nombre entier était attendu, valeur lue{NBSP}: "
        "une liste [1]",
        f"rolematch: {path}: answers: un dictionnaire des identifiants de question vers les "
        f"réponses était attendu, valeur lue{NBSP}: une liste [1]",
    ]
    assert en == [
        f"rolematch: {path}: questionnaire: answers are for another questionnaire: expected "
        "'default', got the text 'other'",
        f"rolematch: {path}: lang: unknown language, got the text 'de'; valid: en, fr",
        f"rolematch: {path}: id: expected a text or a whole number, got a list [1]",
        f"rolematch: {path}: answers: expected a mapping of question id to answer, got a list "
        "[1]",
    ]


def _write(path: Path, kind: str) -> None:
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_text("")
    elif kind == "not utf-8":
        path.write_bytes(b"answers:\n  skill_sql: \xff\n")
    elif kind == "too large":
        path.write_text("#" * (MAX_CONTENT_BYTES + 1))
    elif kind == "not yaml":
        path.write_text("answers: [1\n")


@pytest.mark.parametrize(("kind", "fr", "en"), [
    ("missing", "fichier introuvable", "file not found"),
    ("folder", "est un dossier, pas un fichier", "is a folder, expected a file"),
    ("empty", "le fichier est vide", "the file is empty"),
    ("not utf-8", "n'est pas du texte UTF-8 (l'octet 23 vaut 0xff)",
     "is not UTF-8 text (byte 23 is 0xff)"),
    ("too large", "est trop volumineux{NBSP}: plus que la limite de 1 Mio pour ce genre de "
     "fichier", "is too large to read: over the 1 MiB limit for this kind of file"),
    ("not yaml", "ligne 1, colonne 10: n'est pas du YAML valide{NBSP}: ce «{NBSP}[{NBSP}» n'est "
     "jamais refermé{NBSP}: terminez-le par «{NBSP}]{NBSP}» sur sa ligne",
     "line 1, column 10: is not valid YAML: this '[' is never closed: end it with ']' on its "
     "line"),
])
def test_answers_file_that_cannot_be_read(run: RunCli, tmp_path: Path, kind: str, fr: str,
                                          en: str) -> None:
    path = tmp_path / "mine.yaml"
    _write(path, kind)
    said_fr, said_en = said(run, "--answers", str(path))
    assert len(said_fr) == len(said_en) == 1
    assert said_fr[0].startswith(f"rolematch: {path}: {fr.format(NBSP=NBSP)}")
    assert said_en[0].startswith(f"rolematch: {path}: {en}")


def test_french_locale_without_lang(run: RunCli, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    r = run("--answers", str(tmp_path / "nosuch.yaml"))
    assert (r.code, r.err) == (2, f"rolematch: {tmp_path / 'nosuch.yaml'}: fichier introuvable\n")
    r = run("validate", "--questionnaire", str(tmp_path / "nosuch.yaml"))  # has no --lang
    assert r.code == 2
    assert "file not found" in r.err


@pytest.mark.parametrize("command", ["show", "fit"])
def test_result_file_problems(run: RunCli, tmp_path: Path, command: str) -> None:
    missing = tmp_path / "nosuch.json"
    fr, en = said(run, command, str(missing))
    assert (fr, en) == ([f"rolematch: {missing}: fichier introuvable"],
                        [f"rolematch: {missing}: file not found"])
    cut = tmp_path / "cut.json"
    cut.write_text('{"a": 1')
    fr, en = said(run, command, str(cut))
    assert fr == [f"rolematch: {cut}: ligne 1, colonne 8: n'est pas du JSON valide{NBSP}: "
                  f"séparateur ',' attendu{NBSP}: le fichier s'arrête trop tôt (a-t-il été "
                  f"tronqué{NBSP}?)"]
    assert en == [f"rolematch: {cut}: line 1, column 8: is not valid JSON: Expecting ',' "
                  "delimiter: the file ends too early (was it cut short?)"]


def test_fit_without_a_posting(run: RunCli, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("questionnaire: default\nanswers:\n  skill_sql: 4\n")
    result = tmp_path / "r.json"
    assert run("--answers", str(answers), "-o", str(result)).code == 0
    monkeypatch.setattr("engine.cli.io.is_tty", lambda stream: True)  # nothing piped in
    fr, en = said(run, "fit", str(result))
    assert fr == [f"rolematch: donnez une offre{NBSP}: POSTING (un fichier), '-' ou l'entrée "
                  "standard (voir rolematch fit --help)"]
    assert en == ["rolematch: give a posting as POSTING (a file), '-' or on standard input "
                  "(see rolematch fit --help)"]


def test_posting_file_problems(run: RunCli, tmp_path: Path) -> None:
    missing, empty = tmp_path / "nosuch.txt", tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert said(run, "decode", "--file", str(missing)) == (
        [f"rolematch: {missing}: fichier introuvable"], [f"rolematch: {missing}: file not found"])
    assert said(run, "decode", "--file", str(empty)) == (
        [f"rolematch: {empty}: est vide{NBSP}: rien à décoder"],
        [f"rolematch: {empty}: is empty: nothing to decode"])
    assert said(run, "decode", "--jsonl", str(missing)) == (
        [f"rolematch: {missing}: fichier introuvable"], [f"rolematch: {missing}: file not found"])


def test_decode_jsonl_reasons(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text('{"title": 3, "text": "x"}\n[1]\n{"txt": "a"}\n{"text": ""}\n'
                   '{"text": "a')
    fr, en = said(run, "decode", "--jsonl", str(src))
    assert fr == [
        f"rolematch: {src}: ligne 1 ignorée{NBSP}: title doit être un texte",
        f"rolematch: {src}: ligne 2 ignorée{NBSP}: un objet avec id, title et text était attendu",
        f"rolematch: {src}: ligne 3 ignorée{NBSP}: clé inconnue 'txt'{NBSP}; vouliez-vous dire "
        f"'text'{NBSP}? (la clé obligatoire 'text' manque)",
        f"rolematch: {src}: ligne 4 ignorée{NBSP}: est vide{NBSP}: rien à décoder",
        f"rolematch: {src}: ligne 5 ignorée{NBSP}: pas du JSON valide{NBSP}: texte non terminé "
        f"(colonne 10){NBSP}: la ligne s'arrête trop tôt (a-t-elle été tronquée{NBSP}?)",
        f"rolematch: {src}: aucune offre n'a pu être décodée (5 lignes invalides ignorées)",
    ]
    assert en == [
        f"rolematch: {src}: line 1: skipped: title must be a string",
        f"rolematch: {src}: line 2: skipped: expected an object with id, title and text",
        f"rolematch: {src}: line 3: skipped: unknown key 'txt'; did you mean 'text'? (the "
        "required key 'text' is missing)",
        f"rolematch: {src}: line 4: skipped: is empty: nothing to decode",
        f"rolematch: {src}: line 5: skipped: not valid JSON: Unterminated string (column 10): "
        "the line ends too early (was it cut short?)",
        f"rolematch: {src}: no posting could be decoded (5 bad lines skipped)",
    ]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_on_error_fail_names_the_line(run: RunCli, tmp_path: Path, workers: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"answers": {"skill_sql": 4}}) + "\n"
                   + json.dumps({"answers": {"skill_sqll": 4}}) + "\n")
    fr, en = said(run, "batch", str(src), "--on-error", "fail", "--workers", workers)
    assert fr == [f"rolematch: {src}: ligne 2: answers.skill_sqll: identifiant de question "
                  f"inconnu 'skill_sqll'{NBSP}; vouliez-vous dire 'skill_sql'{NBSP}?"]
    assert en == [f"rolematch: {src}: line 2: answers.skill_sqll: unknown question id "
                  "'skill_sqll'; did you mean 'skill_sql'?"]
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"text": "Airflow"}\n[1]\n')
    fr, en = said(run, "decode", "--jsonl", str(posts), "--on-error", "fail",
                  "--workers", workers)
    assert fr == [f"rolematch: {posts}: ligne 2: un objet avec id, title et text était attendu"]
    assert en == [f"rolematch: {posts}: line 2: expected an object with id, title and text"]


def test_batch_line_not_utf8(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"answers": {"skill_sql": "\xff"}}\n')
    fr, en = said(run, "batch", str(src))
    assert fr[0] == f"rolematch: {src}: ligne 1 ignorée{NBSP}: pas du texte UTF-8"
    assert en[0] == f"rolematch: {src}: line 1: skipped: not UTF-8 text"


def test_answers_of_a_result_that_do_not_fit(run: RunCli, tmp_path: Path) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("questionnaire: default\nanswers:\n  skill_sql: 4\n")
    result = tmp_path / "r.json"
    assert run("--answers", str(answers), "-o", str(result)).code == 0
    doc = json.loads(result.read_text())
    doc["answers"]["skill_sql"] = 9
    result.write_text(json.dumps(doc))
    fr, en = said(run, "--answers", str(result))
    assert fr == [
        f"rolematch: {result}: answers: ceci est un résultat enregistré (rolematch --answers "
        "FICHIER --json, ou -o FICHIER) dont les réponses ne conviennent pas au questionnaire "
        f"'default' (peut-être une autre version){NBSP}; 1 problème{NBSP}: answers.skill_sql: "
        f"un nombre entier de 1 à 5 était attendu, valeur lue{NBSP}: 9"]
    assert en == [
        f"rolematch: {result}: answers: this is a saved result (rolematch --answers FILE "
        "--json, or -o FILE) whose answers do not fit questionnaire 'default' (perhaps another "
        "version of it); 1 problem: answers.skill_sql: expected a whole number from 1 to 5, "
        "got 9"]


def test_show_note_on_fewer_roles_explained(run: RunCli, tmp_path: Path) -> None:
    answers = tmp_path / "mine.yaml"
    answers.write_text("questionnaire: default\nanswers:\n  skill_sql: 4\n  skill_ml: 3\n")
    for lang in ("fr", "en"):
        out = tmp_path / f"r-{lang}.json"
        assert run("--answers", str(answers), "--lang", lang, "-o", str(out)).code == 0
        r = run("show", str(out), "--top", "8", "--format", "md")
        assert r.code == 0
        note = r.err.splitlines()
        if lang == "fr":
            assert note == [
                f"rolematch: remarque{NBSP}: 3 métiers seulement sont expliqués dans {out}"
                f"{NBSP}; pour en voir 8, évaluez de nouveau ses réponses{NBSP}: rolematch "
                f"--answers {out} --top 8"]
        else:
            assert note == [
                f"rolematch: note: only 3 roles are explained in {out}; to see 8, score its "
                f"answers again: rolematch --answers {out} --top 8"]
