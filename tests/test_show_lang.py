"""`rolematch show RESULT --lang`: a saved result read in another language, on the screen and
in the Markdown and HTML reports, as if it had been saved in that language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ContentCopy, Run

RunCli = Callable[..., Run]
PERSONA = Path(__file__).resolve().parent.parent / "benchmarks/personas/answers"


def saved(run: RunCli, tmp_path: Path, lang: str, *extra: str) -> Path:
    data = json.loads((PERSONA / "de-1-payments-spark.json").read_text())
    data.pop("respondent")
    me = tmp_path / "me.json"
    me.write_text(json.dumps(data))
    out = tmp_path / f"result-{lang}.json"
    r = run("--answers", str(me), "--lang", lang, "-o", str(out), "--force", *extra)
    assert r.code == 0, r.err
    return out


@pytest.mark.parametrize(("saved_in", "shown_in"), [("en", "fr"), ("fr", "en")])
@pytest.mark.parametrize("form", [[], ["--format", "md"], ["--format", "html"],
                                  ["--top", "8"]])
def test_a_result_reads_as_if_saved_in_the_language_asked(
    run: RunCli, tmp_path: Path, saved_in: str, shown_in: str, form: list[str],
) -> None:
    original = saved(run, tmp_path, saved_in)
    there = saved(run, tmp_path, shown_in)
    asked = run("show", str(original), "--lang", shown_in, *form)
    assert asked.code == 0, asked.err
    assert asked.out == run("show", str(there), *form).out
    assert asked.out != run("show", str(original), *form).out


def test_french_words_on_the_screen_and_in_the_reports(run: RunCli, tmp_path: Path) -> None:
    original = saved(run, tmp_path, "en")
    screen = run("show", str(original), "--lang", "fr").out
    assert screen.startswith("Vos correspondances (29 questions sur 29 répondues)")
    assert "Outils typiques" in screen and "Typical tools" not in screen
    md = run("show", str(original), "--lang", "fr", "--format", "md").out
    assert md.startswith("# Vos correspondances")
    page = tmp_path / "r.html"
    r = run("show", str(original), "--lang", "fr", "--format", "html", "-o", str(page))
    assert r.err == f"Enregistré dans {page} (lisible par vous uniquement).\n"
    assert '<html lang="fr"' in page.read_text()


def test_the_default_is_the_results_own_language(run: RunCli, tmp_path: Path) -> None:
    original = saved(run, tmp_path, "fr")  # the locale is English (conftest)
    assert run("show", str(original)).out.startswith("Vos correspondances")
    assert run("show", str(original), "--lang", "fr").out == run("show", str(original)).out


def test_another_questionnaire_is_one_line_saying_what_to_do(
    run: RunCli, tmp_path: Path, copy: ContentCopy,
) -> None:
    original = saved(run, tmp_path, "en")
    copy.edit(copy.questionnaire, 'version: "1.0"', 'version: "1.1"')
    r = run("show", str(original), "--lang", "fr", "--questionnaire", str(copy.questionnaire))
    assert r.code == 2 and r.out == ""
    assert len(r.err.splitlines()) == 1
    assert r.err.startswith(f"rolematch: {original}: questionnaire: a été répondu avec un "
                            "autre questionnaire que")
    assert "ne peut être affiché que dans sa propre langue (en)" in r.err
    # in its own language it is shown as saved, whatever the content
    assert run("show", str(original), "--lang", "en",
               "--questionnaire", str(copy.questionnaire)).code == 0
