"""`rolematch batch`'s last line adds up to the lines read (results, blank lines ignored, bad
lines skipped), in English and French, in one process or many; the line on people with no
answers to score is a `rolematch:` line like the bad-line reports, and says them as the chosen
format writes them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

RunCli = Callable[..., Run]
NBSP = "\u00a0"
GOOD = json.dumps({"answers": {"skill_sql": 4}})


@pytest.fixture
def fifty(tmp_path: Path) -> Path:
    """50 lines: 42 scored (one of them with no answers), one blank, seven bad."""
    lines = [GOOD] * 50
    lines[9] = ""
    for i in (3, 10, 17, 24, 31, 38, 45):
        lines[i] = "{not json"
    lines[20] = json.dumps({"answers": {}})
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("argv", [[], ["--workers", "2"]], ids=["one", "workers"])
def test_the_last_line_counts_every_line_read(run: RunCli, fifty: Path, argv: list[str]) -> None:
    r = run("batch", str(fifty), "--summary", *argv)
    assert r.code == 0
    assert len(r.out.splitlines()) == 42
    assert r.err.splitlines()[-1] == (
        "42 results written; 1 blank line ignored; 7 bad lines skipped (exit code 0; "
        "--on-error fail stops at the first, with exit code 2)")


def test_the_last_line_counts_blank_lines_in_french(run: RunCli, fifty: Path) -> None:
    r = run("batch", str(fifty), "--summary", "--lang", "fr")
    assert r.err.splitlines()[-1] == (
        f"42 résultats écrits{NBSP}; 1 ligne vide ignorée{NBSP}; 7 lignes invalides ignorées "
        f"(code de sortie 0{NBSP}; --on-error fail arrête à la première, avec le code de "
        "sortie 2)")


def test_many_blank_lines_and_none_bad(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([GOOD, "", "  ", GOOD, "\t"]) + "\n")
    for lang, last in (("en", "2 results written; 3 blank lines ignored; 0 bad lines skipped"),
                       ("fr", f"2 résultats écrits{NBSP}; 3 lignes vides ignorées{NBSP}; "
                              "0 ligne invalide ignorée")):
        r = run("batch", str(src), "--csv", "--lang", lang)
        assert r.code == 0 and r.err.splitlines() == [last]


def test_no_line_scored_counts_the_blank_ones_too(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{bad\n\n[1]\n")
    r = run("batch", str(src), "--summary")
    assert r.code == 2
    assert r.err.splitlines()[-1] == (f"rolematch: {src}: no line could be scored (1 blank line "
                                      "ignored; 2 bad lines skipped)")


@pytest.mark.parametrize(("argv", "en", "fr"), [
    (["--summary"], "(top_role null)", "(top_role null)"),
    (["--csv"], "(top_role and scores left empty)", "(top_role et scores laissés vides)"),
    ([], "(enough_answers false)", "(enough_answers false)"),
], ids=["summary", "csv", "full"])
def test_people_with_no_answers_are_said_as_the_format_writes_them(
        run: RunCli, fifty: Path, argv: list[str], en: str, fr: str) -> None:
    r = run("batch", str(fifty), *argv)
    assert r.err.splitlines()[-2] == f"rolematch: 1 person with no answers to score {en}"
    r = run("batch", str(fifty), *argv, "--lang", "fr", "--workers", "2")
    assert r.err.splitlines()[-2] == f"rolematch: 1 personne sans réponse à évaluer {fr}"


@pytest.mark.parametrize(("workers", "lang", "said"), [
    ("1", "en", "2 postings decoded; 1 blank line ignored; 1 bad line skipped\n"),
    ("2", "fr", "2 offres décodées\u00a0; 1 ligne vide ignorée\u00a0; 1 ligne invalide "
                "ignorée\n")])
def test_decode_jsonl_counts_blank_lines_too(run: RunCli, tmp_path: Path, workers: str,
                                            lang: str, said: str) -> None:
    """decode --jsonl dropped a blank line without a word, as batch did: '2 postings decoded;
    1 bad line skipped' of four lines."""
    src = tmp_path / "postings.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Python SQL Spark pipelines Airflow"})
                   + "\n\n" + json.dumps({"id": "b", "txt": "x"}) + "\n"
                   + json.dumps({"id": "c", "text": "Kubernetes Terraform CI/CD"}) + "\n")
    r = run("decode", "--jsonl", str(src), "-o", str(tmp_path / "out.jsonl"),
            "--workers", workers, "--lang", lang)
    assert r.code == 0
    assert r.err.endswith(said), r.err
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
