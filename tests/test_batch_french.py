"""`rolematch batch --lang fr` (and `decode --jsonl --lang fr`) says on stderr what it did in
French, numbers written the French way; English is as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]
NNBSP = "\u202f"  # the thousands mark French writes: 1 234
NBSP = "\u00a0"


def answers_lines(path: Path, empty: int = 1) -> None:
    """Two people with answers, ``empty`` with none, and two bad lines (4 and 5)."""
    lines = [json.dumps({"answers": {"skill_sql": 4}}), json.dumps({"answers": {"skill_sql": 2}}),
             *[json.dumps({"answers": {}})] * empty]
    lines[3:3] = ["{not json", json.dumps({"answers": {"skill_sql": 9}})]
    path.write_text("\n".join(lines) + "\n")


def test_batch_summary_in_french(run: RunCli, tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    answers_lines(src)
    r = run("batch", str(src), "-o", str(out), "--summary", "--lang", "fr")
    assert r.code == 0
    assert r.err.splitlines() == [
        f"rolematch: {src}: ligne 4 ignorée{NBSP}: pas du JSON valide{NBSP}: nom de clé entre "
        "guillemets doubles attendu (colonne 2)",
        f"rolematch: {src}: ligne 5 ignorée{NBSP}: answers.skill_sql: un nombre entier de 1 à 5 "
        f"était attendu, valeur lue{NBSP}: 9",
        "rolematch: 1 personne sans réponse à évaluer (top_role null)",
        f"3 résultats écrits dans {out}{NBSP}; 2 lignes invalides ignorées (code de sortie "
        f"0{NBSP}; --on-error fail arrête à la première, avec le code de sortie 2)",
    ]


def test_batch_summary_in_english_is_unchanged(run: RunCli, tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    answers_lines(src)
    r = run("batch", str(src), "-o", str(out), "--summary", "--lang", "en")
    assert r.code == 0
    assert r.err.splitlines() == [
        f"rolematch: {src}: line 4: skipped: not valid JSON: Expecting property name enclosed "
        "in double quotes (column 2)",
        f"rolematch: {src}: line 5: skipped: answers.skill_sql: expected a whole number from 1 "
        "to 5, got 9",
        "rolematch: 1 person with no answers to score (top_role null)",
        f"3 results written to {out}; 2 bad lines skipped (exit code 0; --on-error fail stops "
        "at the first, with exit code 2)",
    ]


@pytest.mark.parametrize(("lang", "empty", "written"), [
    ("fr", f"rolematch: 1{NNBSP}234 personnes sans réponse à évaluer (top_role et scores "
           "laissés vides)",
     f"1{NNBSP}236 résultats écrits{NBSP}; 0 ligne invalide ignorée"),
    ("en", "rolematch: 1,234 people with no answers to score (top_role and scores left "
           "empty)",
     "1,236 results written; 0 bad lines skipped"),
])
def test_large_counts_are_written_as_the_language_writes_them(
    run: RunCli, tmp_path: Path, lang: str, empty: str, written: str,
) -> None:
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"answers": {"skill_sql": 4}})] * 2 + [json.dumps({"answers": {}})] * 1234
    src.write_text("\n".join(lines) + "\n")
    r = run("batch", str(src), "--csv", "--lang", lang)
    assert r.code == 0
    assert r.err.splitlines() == [empty, written]


def test_one_result_and_no_line_scored_in_french(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"answers": {"skill_sql": 4}}) + "\n")
    r = run("batch", str(src), "--summary", "--lang", "fr")
    assert r.err.splitlines() == [f"1 résultat écrit{NBSP}; 0 ligne invalide ignorée"]
    src.write_text("x\n{\"answers\": 3}\n")
    r = run("batch", str(src), "--lang", "fr")
    assert r.code == 2
    assert r.err.splitlines()[-1] == (f"rolematch: {src}: aucune ligne n'a pu être évaluée "
                                      "(2 lignes invalides ignorées)")


def test_decode_jsonl_summary_in_french(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Airflow, dbt and Spark"}) + "\nnope\n")
    r = run("decode", "--jsonl", str(src), "--lang", "fr")
    assert r.code == 0
    assert r.err.splitlines() == [
        f"rolematch: {src}: ligne 2 ignorée{NBSP}: pas du JSON valide{NBSP}: valeur attendue "
        "(colonne 1)",
        f"1 offre décodée{NBSP}; 1 ligne invalide ignorée"]
    src.write_text("nope\n")
    r = run("decode", "--jsonl", str(src), "--lang", "fr")
    assert r.code == 2
    assert r.err.splitlines()[-1] == (f"rolematch: {src}: aucune offre n'a pu être décodée "
                                      "(1 ligne invalide ignorée)")
