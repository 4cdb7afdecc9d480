"""Every answer choice fits the terminal: questionary draws a choice on one line, and a longer
one was cut at the edge with nothing to say so ("…suit pendant des année")."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from engine import prompts
from engine.content import Content
from engine.prompts import prompt_for


def _lines(question: Any) -> list[str]:
    """The list's lines as questionary draws them (pointer, key, tick box, title)."""
    from prompt_toolkit.application.current import set_app
    from questionary.prompts.common import InquirerControl

    control = next(c for c in question.application.layout.find_all_controls()
                   if isinstance(c, InquirerControl))
    with set_app(question.application):
        text = "".join(str(token[1]) for token in control.text())
    return [line for line in text.splitlines() if line.strip() and "---" not in line]


def _flat(text: str) -> str:
    """Runs of spaces and line ends as one space (no-break spaces kept, as the wrap keeps
    them)."""
    import re

    return re.sub(r"[ \n]+", " ", text).strip()


def _choices(content: Content, index: int, lang: str) -> list[str]:
    with create_pipe_input() as inp:
        return _lines(prompt_for(content.questionnaire, index, lang, input=inp,
                                 output=DummyOutput()))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("columns", [40, 56, 80])
def test_every_choice_fits_and_a_shortened_one_ends_with_an_ellipsis(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int) -> None:
    monkeypatch.setattr(prompts, "_width", lambda: columns)
    for index, qt in enumerate(content.questionnaire.types):
        labels = [o["label"] for o in qt.options(lang)]
        lines = _choices(content, index, lang)[:len(labels)]
        for line, label in zip(lines, labels, strict=True):
            assert len(line) <= columns, (qt.id, line)
            if not line.endswith(label):
                assert line.endswith("…"), (qt.id, line)
                assert label.startswith(line.split(") ", 1)[-1].lstrip("○● ")[:-1]), line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_at_80_columns_every_shipped_choice_is_whole(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The French 'L'architecture et la stratégie IA…' and 'Je n'ai jamais…' were cut."""
    monkeypatch.setattr(prompts, "_width", lambda: 80)
    for index, qt in enumerate(content.questionnaire.types):
        shown = "\n".join(_choices(content, index, lang))
        assert "…" not in shown, qt.id
        for o in qt.options(lang):
            assert o["label"] in shown, (qt.id, o["label"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_result_menus_lists_fit_too(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setattr(prompts, "_width", lambda: 50)
    roles = [("r1", 1, "A role whose title is long enough to need cutting  81%")]
    with create_pipe_input() as inp:
        for question in (prompts.pick_format(lang, input=inp, output=DummyOutput()),
                         prompts.result_menu(lang, input=inp, output=DummyOutput()),
                         prompts.pick_role(lang, "?", roles, input=inp, output=DummyOutput()),
                         prompts.finish_or_continue(lang, 12, input=inp, output=DummyOutput())):
            lines = _lines(question)
            assert all(len(line) <= 50 for line in lines), lines
    with create_pipe_input() as inp:
        shown = _lines(prompts.pick_format(lang, input=inp, output=DummyOutput()))
    assert shown[0].endswith("…")  # "JSON: the result document, for rolematch show and…"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_at_60_columns_the_choice_a_question_points_to_is_whole(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """"...or say so with the last choice": that last choice must be readable whole at 60
    columns (it read "I have never worked near a model in production: I…")."""
    monkeypatch.setattr(prompts, "_width", lambda: 60)
    index = next(i for i, qt in enumerate(content.questionnaire.types)
                 if qt.id == "model_incident")
    last = content.questionnaire.types[index].options(lang)[-1]["label"]
    assert last in "\n".join(_choices(content, index, lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_shortened_choice_reads_whole_under_the_list_while_pointed_at(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """At 56 columns some choices end with "…"; pointed at, the whole label shows under the
    list (before the option's description, when it has one), wrapped within the width."""
    from prompt_toolkit.application.current import set_app
    from questionary.prompts.common import InquirerControl

    from engine.i18n import squash

    monkeypatch.setattr(prompts, "_width", lambda: 56)
    cut = 0
    for index, qt in enumerate(content.questionnaire.types):
        options = qt.options(lang)
        with create_pipe_input() as inp:
            question = prompt_for(content.questionnaire, index, lang, input=inp,
                                  output=DummyOutput())
            control = next(c for c in question.application.layout.find_all_controls()
                           if isinstance(c, InquirerControl))
            for i, option in enumerate(options):
                control.pointed_at = i
                with set_app(question.application):
                    text = "".join(str(token[1]) for token in control.text())
                lines = text.splitlines()
                assert all(len(line) <= 56 for line in lines), lines
                items = len(control.choices)  # the options, separator, none / skip / back
                listed = "\n".join(lines[:items])
                under = _flat(" ".join(lines[items:]))
                if squash(option["label"]) in listed:
                    assert "Description:" not in text
                    continue
                cut += 1
                assert under.startswith(squash(option["label"])), (qt.id, under)
                if option.get("description"):
                    assert under.endswith(_flat(option["description"])), under
    assert cut  # the test saw shortened choices


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_choice_is_drawn_with_a_key_that_does_nothing(content: Content, lang: str) -> None:
    """'I don't know (skip)' and 'Back' were drawn '-) ', read as a key: '-' did nothing and
    the Enter after it answered the choice the cursor was on. They are drawn with blanks, their
    titles under the other choices' titles."""
    for index in range(len(content.questionnaire.types)):
        with create_pipe_input() as inp:
            question = prompt_for(content.questionnaire, index, lang, first=False, input=inp,
                                  output=DummyOutput())
        lines = _lines(question)
        assert not any("-) " in line for line in lines), lines
        skip = next(line for line in lines if line.endswith(("(skip)", "(passer)")))
        if any(") " in line for line in lines):  # numbered: the titles line up
            numbered = next(line for line in lines if "1) " in line)
            assert len(skip) - len(skip.lstrip()) == numbered.index("1) ") + 3, lines
