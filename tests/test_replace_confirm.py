"""'Replace it? (y/N)' when a save would write over a file: the key typed shows, Enter
confirms it, and nothing typed for it reaches the menu after it (it took "n" at once, and
the Enter typed after it opened "Open a role's card")."""

from __future__ import annotations

import io
import re

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from engine import prompts

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ENTER, BACKSPACE = "\r", "\x7f"


def replace(lang: str, keys: str) -> tuple[bool, str]:
    """The answer to 'r.json already exists. Replace it?' with ``keys`` typed, and what the
    prompt drew (escapes removed)."""
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()  # the keys end here: a prompt still waiting fails, not hangs
        output = Vt100_Output(out, lambda: Size(rows=24, columns=80), term="xterm")
        said = prompts.confirm_overwrite(lang, "r.json", input=inp, output=output).unsafe_ask()
    return said, ANSI.sub("", out.getvalue())


@pytest.mark.parametrize(("lang", "keys", "said"), [
    ("en", "y" + ENTER, True), ("en", "Y" + ENTER, True), ("en", "n" + ENTER, False),
    ("en", ENTER, False), ("en", "n" + "y" + ENTER, True), ("en", "y" + "n" + ENTER, False),
    ("en", "y" + BACKSPACE + ENTER, False), ("en", "x" + ENTER, False),
    ("fr", "o" + ENTER, True), ("fr", "y" + ENTER, True), ("fr", "n" + ENTER, False),
    ("fr", ENTER, False)])
def test_the_key_typed_counts_once_enter_confirms_it(lang: str, keys: str, said: bool) -> None:
    assert replace(lang, keys)[0] is said


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_key_alone_does_not_answer(lang: str) -> None:
    """"n" shows after the hint and waits for Enter (here the keys end: nothing answered)."""
    with pytest.raises(EOFError):
        replace(lang, "n")


@pytest.mark.parametrize(("lang", "keys", "echo"), [
    ("en", "n" + ENTER, "Replace it? No"), ("en", "y" + ENTER, "Replace it? Yes"),
    ("fr", "o" + ENTER, "Le remplacer\u00a0? Oui"), ("fr", ENTER, "Le remplacer\u00a0? Non")])
def test_the_answer_stays_on_screen_in_words(lang: str, keys: str, echo: str) -> None:
    _, drawn = replace(lang, keys)
    assert drawn.replace("\r", "\n").strip().splitlines()[-1].endswith(echo)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_n_then_enter_leaves_nothing_for_the_menu_after_it(lang: str) -> None:
    """Typed ahead in one go, as a person types: "n", Enter, then q at the menu. The menu
    gets q (quit), not the Enter (which chose its first item, "Open a role's card")."""
    with create_pipe_input() as inp:
        inp.send_text("n" + ENTER + "q")
        assert prompts.confirm_overwrite(lang, "r.json", input=inp,
                                         output=DummyOutput()).unsafe_ask() is False
        assert prompts.result_menu(lang, input=inp,
                                   output=DummyOutput()).unsafe_ask() == prompts.QUIT
