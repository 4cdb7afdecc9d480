"""French prompts read as French screens do: the non-breaking spaces before ? : ; % drawn as
they are (prompt_toolkit drew a plain space underlined), percentages "82 %" in the lists and
tables as in the sentences."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from engine import prompts
from engine.content import Content
from engine.report import html_report, markdown_report, summary_screen
from engine.scoring import score

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PERSONA = (Path(__file__).resolve().parent.parent
           / "benchmarks/personas/answers/de-1-payments-spark.json")


def drawn(make: Any, keys: str = "\r") -> str:
    """What the prompt ``make(input=, output=)`` writes to a terminal, escapes removed."""
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(keys)
        output = Vt100_Output(out, lambda: Size(rows=40, columns=80), term="xterm")
        make(input=inp, output=output).unsafe_ask()
    return ANSI.sub("", out.getvalue())


def index_of(content: Content, qid: str) -> int:
    return [q.id for q in content.questionnaire.questions].index(qid)


def test_the_question_asked_keeps_its_non_breaking_space(content: Content) -> None:
    """"vivre ?" in the prompt as in its echo, and the options' descriptions alike."""
    shown = drawn(lambda **kw: prompts.prompt_for(
        content.questionnaire, index_of(content, "ideal_day"), "fr", **kw))
    assert "vivre\u00a0?" in shown and "vivre ?" not in shown
    echo = "".join(text for _, text in prompts.echo_tokens(
        content.questionnaire, index_of(content, "ideal_day"), "fr", "business_questions"))
    assert "vivre\u00a0?" in echo


def test_the_menu_hint_keeps_its_non_breaking_space() -> None:
    shown = drawn(lambda **kw: prompts.result_menu("fr", **kw))
    assert "Entrée\u00a0; q ou Échap" in shown and "ensuite\u00a0?" in shown
    assert not re.search(r" [;:?%]", shown)


def _doc(content: Content, lang: str) -> Any:
    data = json.loads(PERSONA.read_text())
    data.pop("respondent", None)
    return score(data, content.questionnaire, content.profiles, explain_top=8, lang=lang)


@pytest.mark.parametrize("width", [52, 80])
def test_french_percentages_read_82_percent_in_the_table_too(content: Content,
                                                             width: int) -> None:
    doc = _doc(content, "fr")
    top = round(100 * doc.ranking[0].score)
    for text in (summary_screen(doc, width=width), markdown_report(doc), html_report(doc)):
        assert f"{top}\u00a0%" in text
        words = re.sub(r"<style>.*?</style>|style=\"[^\"]*\"", "", text, flags=re.S)  # CSS
        assert not re.search(r"\d%", words)
    english = _doc(content, "en")
    assert f"{top}%" in summary_screen(english, width=width)


@pytest.mark.parametrize(("lang", "keys", "answer", "hint", "echo"), [
    ("fr", "o\r", True, "(o/N)", "Oui"), ("fr", "y\r", True, "(o/N)", "Oui"),
    ("fr", "\r", False, "(o/N)", "Non"), ("fr", "n\r", False, "(o/N)", "Non"),
    ("fr", "\x1b", False, "(o/N)", "Non"),
    ("en", "y\r", True, "(y/N)", "Yes"), ("en", "o", None, "(y/N)", ""),
    ("en", "\r", False, "(y/N)", "No")])
def test_replace_the_file_asks_in_the_persons_language(
        lang: str, keys: str, answer: bool | None, hint: str, echo: str) -> None:
    """It said "(y/N)" and echoed "No" in French, and "o" (oui) did nothing."""
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(keys)
        if answer is None:  # o is not yes in English: nothing yet, then Enter is no
            inp.send_text("\r")
        if keys != "\x1b":  # a lone Esc waits for the next key; else a prompt still
            inp.close()      # waiting fails rather than hangs
        output = Vt100_Output(out, lambda: Size(rows=24, columns=80), term="xterm")
        said = prompts.confirm_overwrite(lang, "r.md", input=inp, output=output).unsafe_ask()
    shown = ANSI.sub("", out.getvalue())
    assert said is bool(answer)
    assert hint in shown
    last = shown.replace("\r", "\n").strip().splitlines()[-1]
    assert last.endswith(echo or ("No" if lang == "en" else "Non")), last
    assert not re.search(r"\b(Yes|No)\b", shown) if lang == "fr" else True


def test_french_none_of_these_agrees_with_every_question(content: Content) -> None:
    from engine.i18n import t

    assert t("quiz.none", "fr") == "Rien de tout cela"
    assert t("quiz.multi_conflict", "fr", choice=t("quiz.none", "fr")) == (
        "«\u00a0Rien de tout cela\u00a0» exclut les autres choix.")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_choice_that_goes_alone_is_named_in_a_line_that_fits(lang: str) -> None:
    """Ticked with others, "None of these", skip or back is named in the message under the
    list, which prompt_toolkit does not wrap: it fits in 60 columns in both languages."""
    from engine.i18n import t

    for key in ("quiz.none", "quiz.skip", "quiz.back"):
        said = t("quiz.multi_conflict", lang, choice=t(key, lang))
        assert t(key, lang) in said and len(said) <= 58, said


def test_the_french_page_title_has_its_space_and_no_chart_is_said_to_its_reader(
        content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import engine

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.delitem(sys.modules, "engine.charts", raising=False)
    monkeypatch.delattr(engine, "charts", raising=False)
    page = html_report(_doc(content, "fr"), 3, content.profiles)
    assert "<title>rolematch\u00a0: Vos correspondances</title>" in page
    # the page is read by others: it says the chart is not there, not what to install
    assert "pas inclus" in page and "pip install" not in page


@pytest.mark.parametrize(("lang", "cancelled"), [("en", "(nothing saved)"),
                                                 ("fr", "(rien d'enregistré)")])
def test_esc_at_the_file_name_says_nothing_was_saved(lang: str, cancelled: str) -> None:
    """It echoed ': rolematch-result.md' as if saved."""
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text("\x1b")
        output = Vt100_Output(out, lambda: Size(rows=24, columns=80), term="xterm")
        said = prompts.ask_path(lang, "rolematch-result.md", input=inp,
                                output=output).unsafe_ask()
    last = ANSI.sub("", out.getvalue()).rsplit("? ", 1)[-1].strip()  # the last drawing
    assert said == prompts.BACK
    assert last.endswith(cancelled) and "rolematch-result.md" not in last, last


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numbered_menus_say_their_numbers(lang: str) -> None:
    """The role and format lists are numbered and said "(arrows, Enter; Esc goes back)";
    quick mode's "What now?" had neither numbers nor a key hint."""
    roles = [("b", 2, "B  40%"), ("c", 3, "C  30%")]  # Compare's second list: no rank 1
    first = "ou" if lang == "fr" else "or"
    assert f"(2-3 {first} " in drawn(lambda **kw: prompts.pick_role(lang, "?", roles, **kw))
    assert f"(1-3 {first} " in drawn(lambda **kw: prompts.pick_format(lang, **kw))
    shown = drawn(lambda **kw: prompts.finish_or_continue(lang, 12, **kw))
    assert f"(1-2 {first} " in shown and "1) " in shown and "2) " in shown
    with create_pipe_input() as inp:
        inp.send_text("2\r")
        assert prompts.finish_or_continue(lang, 12, input=inp,
                                          output=DummyOutput()).unsafe_ask() == "continue"
