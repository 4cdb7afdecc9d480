"""Each prompt driven by real key presses through prompt_toolkit's pipe input."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from engine import prompts
from engine.content import Content
from engine.prompts import BACK, SKIP, normalise, prompt_for

ENTER, DOWN, UP, SPACE, CTRL_C = "\r", "\x1b[B", "\x1b[A", " ", "\x03"


@pytest.fixture
def ask(content: Content) -> Iterator[Callable[..., Any]]:
    """Ask question ``index`` with ``keys`` typed; returns the normalised answer."""

    def _ask(index: int, keys: str, lang: str = "en", previous: Any = None) -> Any:
        with create_pipe_input() as inp:
            inp.send_text(keys)
            question = prompt_for(content.questionnaire, index, lang, previous,
                                  input=inp, output=DummyOutput())
            return normalise(question.unsafe_ask())

    yield _ask


def index_of(content: Content, qid: str) -> int:
    return [q.id for q in content.questionnaire.questions].index(qid)


def test_likert_number_key_then_enter(ask: Callable[..., Any]) -> None:
    assert ask(0, "4" + ENTER) == 4


def test_likert_arrows(ask: Callable[..., Any]) -> None:
    assert ask(0, DOWN + DOWN + ENTER) == 3


def test_likert_previous_answer_is_preselected(ask: Callable[..., Any]) -> None:
    assert ask(1, ENTER, previous=2) == 2


def test_likert_skip(ask: Callable[..., Any]) -> None:
    assert ask(1, "5" + DOWN + ENTER) == SKIP


def test_likert_back(ask: Callable[..., Any]) -> None:
    assert ask(1, "5" + DOWN + DOWN + ENTER) == BACK


def test_the_first_question_has_no_back(ask: Callable[..., Any]) -> None:
    # skip is the last item: Down there stays on it
    assert ask(0, "5" + DOWN + DOWN + ENTER) == SKIP


def test_down_on_back_stays_on_back(ask: Callable[..., Any], content: Content) -> None:
    """One Down too many on the last item ("Back") must not wrap to option 1."""
    assert ask(1, "5" + DOWN * 5 + ENTER) == BACK
    assert ask(index_of(content, "ideal_day"), "8" + DOWN * 5 + ENTER) == BACK
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    assert ask(i, DOWN * (n + 6) + SPACE + ENTER) == BACK


def test_up_on_the_first_option_stays_there(ask: Callable[..., Any], content: Content) -> None:
    assert ask(1, UP + UP + ENTER) == 1
    assert ask(index_of(content, "ideal_day"), UP + ENTER) == "business_questions"
    assert ask(index_of(content, "tools_ops"), UP + SPACE + ENTER) == ["docker"]


def test_ctrl_c_raises_keyboard_interrupt(ask: Callable[..., Any]) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask(0, CTRL_C)


def test_single_choice_by_number(ask: Callable[..., Any], content: Content) -> None:
    assert ask(index_of(content, "ideal_day"), "3" + ENTER) == "build_pipelines"


def test_single_choice_in_french(ask: Callable[..., Any], content: Content) -> None:
    assert ask(index_of(content, "ideal_day"), DOWN + ENTER, lang="fr") == "model_experiments"


def test_multi_ticks_with_space(ask: Callable[..., Any], content: Content) -> None:
    i = index_of(content, "tools_ops")
    assert ask(i, SPACE + DOWN + SPACE + ENTER) == ["docker", "kubernetes"]


def test_multi_none_of_these_is_an_empty_answer(ask: Callable[..., Any],
                                                content: Content) -> None:
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    assert ask(i, DOWN * n + SPACE + ENTER) == []


def test_multi_confirm_with_nothing_ticked_is_none(ask: Callable[..., Any],
                                                   content: Content) -> None:
    assert ask(index_of(content, "tools_data"), ENTER) == []


def test_multi_skip_and_back(ask: Callable[..., Any], content: Content) -> None:
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    assert ask(i, DOWN * (n + 1) + SPACE + ENTER) == SKIP
    assert ask(i, DOWN * (n + 2) + SPACE + ENTER) == BACK


def test_multi_none_of_these_and_the_tools_untick_each_other(ask: Callable[..., Any],
                                                               content: Content) -> None:
    """Ticking "None of these" unticks the tools, and ticking a tool unticks it: after Back to
    an answer of "None of these", ticking two tools was refused ("goes alone: untick the
    rest") where the person plainly meant the tools."""
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    assert ask(i, SPACE + DOWN * n + SPACE + ENTER) == []  # docker, then "None of these"
    assert ask(i, SPACE + DOWN + SPACE + ENTER, previous=[]) == ["docker", "kubernetes"]


def test_multi_refuses_skip_together_with_a_tool(ask: Callable[..., Any],
                                                 content: Content) -> None:
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    # tick docker and "I don't know", Enter on docker: refused; untick the skip, Enter again
    down, up = DOWN * (n + 1), UP * (n + 1)
    keys = SPACE + down + SPACE + up + ENTER + down + SPACE + up + ENTER
    assert ask(i, keys) == ["docker"]


def test_multi_previous_answer_is_ticked(ask: Callable[..., Any], content: Content) -> None:
    assert ask(index_of(content, "tools_ops"), ENTER, previous=["terraform"]) == ["terraform"]


def test_long_question_text_wraps_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prompts, "_width", lambda: 40)
    message, instruction = prompts._message(
        "Training and evaluating machine learning models (regression, classification).",
        "(1-5 or arrows, Enter)")
    lines = message.split("\n")
    assert len(lines) > 1
    assert all(len(line) <= 38 for line in lines)
    assert " ".join(line.strip() for line in lines).startswith("Training and evaluating")
    assert instruction.startswith("\n")  # did not fit on the last line


def test_option_descriptions_wrap_and_drop_the_english_label(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application.current import set_app
    from questionary.prompts.common import InquirerControl

    monkeypatch.setattr(prompts, "_width", lambda: 40)
    with create_pipe_input() as inp:
        question = prompt_for(content.questionnaire, index_of(content, "ideal_day"), "fr",
                              input=inp, output=DummyOutput())
        control = next(c for c in question.application.layout.find_all_controls()
                       if isinstance(c, InquirerControl))
        with set_app(question.application):
            text = "".join(fragment[1] for fragment in control.text())
    assert "Description" not in text
    shown = text.split("Je ne sais pas", 1)[1]
    description_lines = [line for line in shown.splitlines()[1:] if line.strip()]
    assert len(description_lines) >= 2
    assert all(len(line) <= 40 for line in description_lines)
    assert "Interroger les données en SQL" in " ".join(line.strip() for line in
                                                      description_lines)


# --------------------------------------------------------------------------- result menu


def _shown(question: Any) -> str:
    """The role list as questionary draws it."""
    from questionary.prompts.common import InquirerControl

    control = next(c for c in question.application.layout.find_all_controls()
                   if isinstance(c, InquirerControl))
    return "".join(str(token[1]) for token in control.text())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_compare_second_list_the_key_shown_for_a_role_picks_it(
        content: Content, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Compare, first the rank-1 role; in the second list (rank 1 gone) each role reads
    "<its rank>) <title>", with no second number, and pressing that key picks that role:
    2 is the rank-2 role, not the second line's."""
    import contextlib
    import json
    import re
    from pathlib import Path

    from engine.cli import result_menu
    from engine.scoring import score

    path = (Path(__file__).resolve().parent.parent
            / "benchmarks/personas/answers/de-1-payments-spark.json")
    data = json.loads(path.read_text())
    data.pop("respondent", None)
    doc = score(data, content.questionnaire, content.profiles, explain_top=8, lang=lang)
    ranking = doc.ranking
    assert len(ranking) >= 3
    real = prompts.pick_role
    for pressed in (ranking[1], ranking[2]):  # the second list's first and second lines
        asked: list[tuple[str, str]] = []
        compared: list[tuple[str, str]] = []
        keys = iter([ENTER, str(pressed.rank) + ENTER])  # rank 1 (the default), then ...

        pipes = contextlib.ExitStack()

        def pick_role(lang: str, message: str, roles: Any, keys: Any = keys,
                      asked: Any = asked, real: Any = real, pipes: Any = pipes) -> Any:
            inp = pipes.enter_context(create_pipe_input())
            inp.send_text(next(keys))
            inp.close()  # the keys end here: a prompt still waiting fails, not hangs
            question = real(lang, message, roles, input=inp, output=DummyOutput())
            asked.append((message, _shown(question)))
            return question

        monkeypatch.setattr(prompts, "pick_role", pick_role)
        monkeypatch.setattr(result_menu, "page", lambda text, lang="en": None)
        monkeypatch.setattr(result_menu, "compare_screen",
                            lambda _doc, a, b, compared=compared, **kw:
                            compared.append((a, b)) or "")
        with pipes:
            result_menu.ResultMenu(doc).compare()
        assert compared == [(ranking[0].role_id, pressed.role_id)]

        (first_q, first_list), (second_q, second_list) = asked
        top = ranking[0]
        if lang == "en":
            assert first_q == "Compare which role?"
            assert second_q == f"Compare {top.title} ({100 * top.score:.0f}%) with which role?"
        else:
            assert first_q == "Comparer quel métier\u00a0?"
            assert second_q == (f"Comparer {top.title} ({100 * top.score:.0f}\u00a0%) avec quel "
                                "métier\u00a0?")
        for m in ranking:
            pct = f"{100 * m.score:.0f}" + ("%" if lang == "en" else "\u00a0%")  # as sentences
            assert f"{m.rank}) {m.title}  {pct}" in first_list
            if m is not top:
                assert f"{m.rank}) {m.title}" in second_list
        assert f"{top.title}  " not in second_list
        assert not re.search(r"\d\) \d+\. ", first_list + second_list)  # no "1) 2. DevOps"


def test_pick_role_past_nine_roles_writes_the_rank_and_has_no_keys() -> None:
    roles = [(f"r{i}", i, f"Role {i}") for i in range(1, 12)]
    with create_pipe_input() as inp:
        inp.send_text(DOWN + ENTER)
        inp.close()
        question = prompts.pick_role("en", "Which role?", roles, input=inp,
                                     output=DummyOutput())
        shown = _shown(question)
        assert "10. Role 10" in shown and ") Role" not in shown
        assert question.unsafe_ask() == "r2"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_intros_number_keys_work_wherever_answers_are_numbered(
        content: Content, lang: str) -> None:
    """The intro says the number keys choose where the answers are numbered: on every
    question whose list shows "2) ", 2 picks that answer; tick-any lists show no numbers,
    and a number key there ticks nothing."""
    from engine.i18n import t

    keys = t("quiz.keys", lang)
    assert "1-5" not in keys  # it said "arrows or 1-5" of every question
    assert ("numbered" in keys) if lang == "en" else ("numérotées" in keys)
    q = content.questionnaire
    for index, qt in enumerate(q.types):
        with create_pipe_input() as inp:
            inp.send_text("2" + ENTER)
            inp.close()
            question = prompt_for(q, index, lang, input=inp, output=DummyOutput())
            shown = _shown(question)
            answer = normalise(question.unsafe_ask())
        if qt.kind == "multi":
            assert "2) " not in shown and answer == [], qt.id
        else:
            assert "2) " in shown, qt.id
            assert answer == (2 if qt.kind == "likert" else qt.question.options[1].id), qt.id


def _path_typed(keys: str, lang: str = "en") -> tuple[Any, str | None]:
    """ask_path with ``keys`` typed: its answer, and the error line shown under it then."""
    with create_pipe_input() as inp:
        inp.send_text(keys)  # not closed: a lone Esc waits for the next key or a timeout
        question = prompts.ask_path(lang, "rolematch-result.md", input=inp,
                                    output=DummyOutput())
        answer = question.unsafe_ask()
        error = question.application.current_buffer.validation_error
        return answer, error.message if error else None


CTRL_U, ESC = "\x15", "\x1b"


def test_save_clearing_the_default_name_shows_no_error() -> None:
    """Ctrl-U clears the default name to type another: no "Invalid input" while typing."""
    assert _path_typed(CTRL_U + ESC) == (BACK, None)
    assert _path_typed(CTRL_U + "me.md" + ENTER) == ("me.md", None)
    assert _path_typed("\x7f" * 30 + "me.html" + ENTER) == ("me.html", None)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Type a file name, or Esc to go back."),
    ("fr", "Tapez un nom de fichier, ou Échap pour revenir.")])
def test_save_enter_on_an_empty_name_says_what_to_do(lang: str, said: str) -> None:
    assert _path_typed(CTRL_U + ENTER + ESC, lang) == (BACK, said)


def test_multi_a_ticks_every_tool_and_i_inverts_the_tools(ask: Callable[..., Any],
                                                          content: Content) -> None:
    """'a' and 'i' act on the tools only: with questionary's own, 'a' also ticked "None of
    these", skip and Back, and Enter was refused."""
    i = index_of(content, "tools_ops")
    tools = [o.id for o in content.questionnaire.questions[i].options]  # type: ignore[union-attr]
    assert ask(i, "a" + ENTER) == tools
    assert ask(i, "a" + "a" + ENTER) == []  # all ticked: 'a' unticks them
    assert ask(i, SPACE + "i" + ENTER) == tools[1:]


def test_multi_enter_on_skip_or_back_does_what_it_says(ask: Callable[..., Any],
                                                        content: Content) -> None:
    """As in every other question: Enter on "I don't know" skips and on "Back" goes back,
    even with "None of these" ticked from before (it was recorded as the answer)."""
    i = index_of(content, "tools_ops")
    n = len(content.questionnaire.questions[i].options)  # type: ignore[union-attr]
    assert ask(i, DOWN * (n + 1) + ENTER) == SKIP
    assert ask(i, DOWN * (n + 2) + ENTER) == BACK
    assert ask(i, DOWN * (n + 2) + ENTER, previous=[]) == BACK
    assert ask(i, SPACE + DOWN * (n + 2) + ENTER) == BACK  # a tick is not kept on Back
