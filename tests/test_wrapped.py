"""Messages for the person (engine.cli.io.wrapped): between words, a command kept whole."""

from __future__ import annotations

import pytest

from engine.cli.io import wrapped
from engine.i18n import t

KEPT = ("rolematch: your answers are kept in /tmp/ux-data/resume-default.json; "
        "`rolematch --resume` shows the result again")


def test_a_backquoted_command_is_not_broken_when_it_fits_on_a_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert wrapped(KEPT).splitlines() == [
        "rolematch: your answers are kept in /tmp/ux-data/resume-default.json;",
        "`rolematch --resume` shows the result again"]


@pytest.mark.parametrize("columns", [40, 50, 60, 80])
def test_a_plain_rolematch_command_is_kept_whole_too(monkeypatch: pytest.MonkeyPatch,
                                                     columns: int) -> None:
    """The new-quiz notes name "rolematch --resume" without backquotes: it stays on one line."""
    monkeypatch.setenv("COLUMNS", str(columns))
    for lang in ("en", "fr"):
        for key in ("quiz.unfinished", "quiz.finished_kept", "quiz.interrupted_nothing_finished"):
            text = t(key, lang, path="/tmp/rm-data/resume-default.json", n=12,
                     kept="/tmp/rm-data/resume-default.json.unfinished-20261201")
            lines = wrapped(text).splitlines()
            assert any("rolematch --resume" in line for line in lines), (key, lines)
            assert " ".join(lines).split() == text.split()


@pytest.mark.parametrize("columns", [40, 50, 80, 100])
@pytest.mark.parametrize("key", ["quiz.keys", "quiz.quick_hint", "quiz.no_tty",
                                 "quiz.menu_interrupted"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_line_starts_with_a_space_and_every_word_is_whole(
        monkeypatch: pytest.MonkeyPatch, columns: int, key: str, lang: str) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    text = t(key, lang, path="/home/someone/.local/share/rolematch/resume-default.json")
    lines = wrapped(text).splitlines()
    assert all(line and not line[0].isspace() for line in lines), lines
    assert all(len(line) <= columns or " " not in line for line in lines), lines
    assert " ".join(lines).split() == text.split()  # every word, in order, none cut


def test_a_command_longer_than_the_line_still_wraps_between_its_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    command = "`rolematch --answers my-answers.yaml --output my-result.json --force`"
    lines = wrapped(f"Run {command} again.").splitlines()
    assert lines == ["Run `rolematch --answers my-answers.yaml",
                     "--output my-result.json --force` again."]
