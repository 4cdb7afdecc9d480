"""The result menu's prompts as a terminal shows them: every question and its key hint
wrapped between words at the terminal's width, in English and French ("... Esc goes ba" /
"ck)" was cut by the terminal's edge)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pyte
import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from engine import prompts
from engine.i18n import t

EVERY = [(f"r{rank}", rank, f"Role {rank}  {90 - 10 * rank}%") for rank in range(1, 9)]
ROLES = EVERY[1:]  # Compare's second list: the first role chosen is not in it
PATH = "/home/someone/Documents/rolematch-result.json"


class Terminal(io.StringIO):
    """A ``columns``-wide terminal (pyte): the screen as it stands after each write."""

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.screen = pyte.Screen(columns, 30)
        self.stream = pyte.Stream(self.screen)
        self.shots: list[list[str]] = []

    def write(self, data: str) -> int:
        self.stream.feed(data)
        self.shots.append([line.rstrip() for line in self.screen.display])
        return len(data)


def first_drawing(make: Callable[..., Any], columns: int, keys: str) -> list[str]:
    """The screen as the prompt ``make(input=, output=)`` first draws it, waiting for keys."""
    term = Terminal(columns)
    with create_pipe_input() as inp:
        inp.send_text(keys)
        output = Vt100_Output(term, lambda: Size(rows=30, columns=columns), term="xterm")
        make(input=inp, output=output).unsafe_ask()
    return next(shot for shot in term.shots if any(row.startswith("?") for row in shot))


def asked(rows: list[str]) -> list[str]:
    """The question's rows: from "? " to the first choice (the pointer) or the end."""
    start = next(i for i, row in enumerate(rows) if row.startswith("? "))
    end = next((i for i in range(start, len(rows)) if rows[i].startswith(" » ")), len(rows))
    return [row for row in rows[start:end] if row]


def words(text: str) -> list[str]:
    """Words as the wrapping sees them: a non-breaking space joins ("Entrée ;")."""
    return [w for w in re.split(r"[ \n]+", text) if w]


PROMPTS: dict[str, tuple[Callable[..., Any], Callable[[str], str], str]] = {
    # name: (the prompt, the text it asks in full, keys that end it)
    "menu": (lambda lang, **kw: prompts.result_menu(lang, **kw),
             lambda lang: t("menu.question", lang) + " " + t("menu.instruction", lang), "q"),
    "card": (lambda lang, **kw: prompts.pick_role(lang, t("menu.pick_card", lang),
                                                  EVERY, **kw),
             lambda lang: t("menu.pick_card", lang) + " "
             + t("menu.sub_keys_instruction", lang, first=1, last=8), "q"),
    "compare": (lambda lang, **kw: prompts.pick_role(
                    lang, t("menu.pick_second", lang, role="Data Analyst", score=76.0), ROLES,
                    **kw),
                lambda lang: t("menu.pick_second", lang, role="Data Analyst", score=76.0) + " "
                + t("menu.sub_keys_instruction", lang, first=2, last=8), "q"),
    "format": (lambda lang, **kw: prompts.pick_format(lang, **kw),
               lambda lang: t("menu.format", lang) + " "
               + t("menu.sub_keys_instruction", lang, first=1, last=3), "q"),
    "file name": (lambda lang, **kw: prompts.ask_path(lang, "rolematch-result.json", **kw),
                  lambda lang: t("menu.path", lang) + " rolematch-result.json", "\r"),
    "replace": (lambda lang, **kw: prompts.confirm_overwrite(lang, PATH, **kw),
                lambda lang: t("menu.overwrite", lang, path=PATH) + " "
                + t("menu.yes_no", lang), "\r"),
}


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", list(PROMPTS))
def test_menu_prompts_wrap_between_words(monkeypatch: pytest.MonkeyPatch, name: str,
                                         lang: str, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    make, said, keys = PROMPTS[name]
    rows = asked(first_drawing(lambda **kw: make(lang, **kw), columns, keys))
    assert words(" ".join(rows)) == ["?", *words(said(lang))], rows  # every word whole
    assert all(row == row.lstrip() or row.startswith("  ") and row[2] != " "
               for row in rows), rows  # a line goes on under the question's text


def test_the_compare_question_a_new_user_saw_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns: "...(2-8 or arrows, Enter; Esc goes ba" / "ck)"."""
    monkeypatch.setenv("COLUMNS", "80")
    make, _, keys = PROMPTS["compare"]
    assert asked(first_drawing(lambda **kw: make("en", **kw), 80, keys)) == [
        "? Compare Data Analyst (76%) with which role?",
        "  (2-8 or arrows, Enter; Esc goes back)"]
    assert asked(first_drawing(lambda **kw: make("fr", **kw), 80, keys)) == [
        "? Comparer Data Analyst (76\u00a0%) avec quel métier\u00a0?",
        "  (2-8 ou flèches, Entrée\u00a0; Échap pour revenir)"]


@pytest.mark.parametrize("columns", [80, 60, 40])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_leaves_the_menu_its_wrapped_lines(monkeypatch: pytest.MonkeyPatch,
                                                       lang: str, columns: int) -> None:
    """The summary is cut to the screen less the menu's lines: as many as the menu draws
    (its question may wrap: French at 60 columns), and the cursor's line under it."""
    monkeypatch.setenv("COLUMNS", str(columns))
    rows = first_drawing(lambda **kw: prompts.result_menu(lang, **kw), columns, "q")
    start = next(i for i, row in enumerate(rows) if row.startswith("? "))
    end = next(i for i, row in enumerate(rows) if row.startswith("   4) "))
    assert prompts.result_menu_height(lang) == end - start + 2
    if columns == 80:
        assert prompts.result_menu_height(lang) == 6  # all on one line
    if (lang, columns) == ("fr", 60):
        assert prompts.result_menu_height(lang) == 7  # "(1-4 ou flèches, ...)" under it
