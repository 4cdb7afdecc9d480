"""The one-screen summary, the comparison, the quiz's echoes and the menu's keys, in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from engine import prompts
from engine.content import Content
from engine.export import ResultDocument
from engine.i18n import colon
from engine.report import compare_screen, differences, summary_screen
from engine.scoring import score

PERSONAS = sorted((Path(__file__).resolve().parent.parent
                   / "benchmarks/personas/answers").glob("*.json"))


def result(content: Content, path: Path, lang: str = "en") -> ResultDocument:
    data = json.loads(path.read_text())
    data.pop("respondent", None)
    return score(data, content.questionnaire, content.profiles, explain_top=8, lang=lang)


@pytest.mark.parametrize("size", [(80, 24), (100, 32)], ids=["80x24", "100x32"])
@pytest.mark.parametrize("path", PERSONAS, ids=[p.stem for p in PERSONAS])
def test_the_summary_fits_the_screen_above_the_menu(content: Content, path: Path,
                                                     size: tuple[int, int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    width, lines = size
    monkeypatch.setenv("COLUMNS", str(width))
    for lang in ("en", "fr"):
        doc = result(content, path, lang)
        menu = prompts.result_menu_height(lang)
        assert menu == 6  # its question on one line, four choices, the cursor's line
        text = summary_screen(doc, width=width, height=lines - menu)
        shown = text.splitlines()
        assert len(shown) <= lines - menu
        assert max(map(len, shown)) <= width
        assert all(role.title in text for role in doc.ranking)
        top = doc.ranking[0]
        first = top.top_contributions[0]
        line = next(row for row in shown if row.startswith("  + "))
        label = line[4:].split(colon(lang))[0]
        # the label whole, or shortened to leave the answer behind it room on the line
        assert label == first.label or (label.endswith("…") and first.label.startswith(
            label[:-1].rstrip())), line
        if first.answers:
            assert " ← " in line, line
        if top.gaps:
            assert re.search(r"->\s+\d+[.,]\d\s?%\)", text)  # the gap's what-if is in view


def test_the_comparison_adds_up_to_both_matches(content: Content) -> None:
    doc = result(content, PERSONAS[0])
    for first, second in [(0, 1), (0, 7), (3, 5)]:
        a, b = doc.ranking[first], doc.ranking[second]
        shown, rest = differences(doc, a.role_id, b.role_id)
        assert sum(d.first for d in shown) + rest[0] == pytest.approx(a.score, abs=1e-12)
        assert sum(d.second for d in shown) + rest[1] == pytest.approx(b.score, abs=1e-12)
        gaps = [abs(d.first - d.second) for d in shown]
        assert gaps == sorted(gaps, reverse=True)
        text = compare_screen(doc, a.role_id, b.role_id, width=80)
        assert max(map(len, text.splitlines())) <= 80
        assert shown[0].label in text and "→" in text  # the answers behind, in words


@pytest.mark.parametrize("width", [40, 63, 80, 100])
def test_echoes_wrap_between_words_and_fit(content: Content, width: int) -> None:
    q = content.questionnaire
    for qt, question in zip(q.types, q.questions, strict=True):
        for lang in ("en", "fr"):
            text = question.text.get(lang)
            answers: list[Any] = ([qt.scale[0].get(lang)] if qt.kind == "likert"
                                  else [o.label.get(lang) for o in question.options])
            for answer in answers:
                lines = ["".join(part) for part in prompts.echo_lines(text, answer, width)]
                assert all(len(line) <= width for line in lines)
                words = " ".join(line[2:] for line in lines).split()
                assert words == (text + " " + answer).split()  # no word cut in two


def test_tick_any_echoes_the_ticked_labels_and_none_of_these_alike(content: Content) -> None:
    q = content.questionnaire
    i = [x.id for x in q.questions].index("tools_ops")
    qt, options = q.types[i], q.questions[i].options  # type: ignore[union-attr]
    ids = [o.id for o in options]
    assert prompts.answer_echo(qt, "en", ids[:2], 80) == (
        f"{options[0].label.en} · {options[1].label.en}")
    assert prompts.answer_echo(qt, "en", [], 80) == "None of these"
    assert prompts.answer_echo(qt, "en", [prompts.NONE], 80) == "None of these"
    many = prompts.answer_echo(qt, "en", ids, 50)
    assert len(many) <= 48 and re.search(r"\+\d+ more$", many)
    assert prompts.answer_echo(qt, "fr", [], 80) == "Rien de tout cela"


def _echoed(content: Content, qid: str, lang: str, raw: Any) -> tuple[str, list[str]]:
    """The echo as a person reads it, and the styles its answer part is drawn in."""
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    q = content.questionnaire
    i = [x.id for x in q.questions].index(qid)
    out = io.StringIO()
    prompts.echo(q, i, lang, raw, output=PlainTextOutput(out))
    question_styles = ("class:qmark", "class:question", "")
    styles = [style for style, _ in prompts.echo_tokens(q, i, lang, raw, 200)
              if style not in question_styles]
    return out.getvalue(), styles


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ticked_labels_that_hold_commas_echo_apart(content: Content, lang: str) -> None:
    """"Docker, Jenkins, GitHub Actions or GitLab CI, Terraform" read as four tools."""
    ticked = ["docker", "ci_tools", "terraform"]
    shown, _ = _echoed(content, "tools_ops", lang, ticked)
    q = content.questionnaire
    options = q.questions[[x.id for x in q.questions].index("tools_ops")].options  # type: ignore[union-attr]
    labels = [o.label.get(lang) for o in options if o.id in ticked]
    assert "," in labels[1]
    if lang == "en":
        assert labels == ["Docker", "Jenkins, GitHub Actions or GitLab CI", "Terraform"]
    assert " · ".join(labels) in " ".join(shown.split())


@pytest.mark.parametrize(("lang", "back"), [("en", "(back)"), ("fr", "(retour)")])
def test_back_does_not_echo_as_an_answer(content: Content, lang: str, back: str) -> None:
    """After Back the question stays on screen with "(back)" in dim, not "Back" in the
    answer's colour as if Back had been chosen as the answer."""
    for qid in ("ideal_day", "tools_ops"):
        raw = [prompts.BACK] if qid == "tools_ops" else prompts.BACK
        shown, styles = _echoed(content, qid, lang, raw)
        assert shown.rstrip().endswith(back)
        assert "Back" not in shown and "Retour" not in shown
        assert styles == ["class:echo-back"]
    _, styles = _echoed(content, "ideal_day", lang, "build_pipelines")
    assert styles == ["class:answer"]


@pytest.mark.parametrize(("keys", "chosen"), [("q", "quit"), ("\x1b", "quit"),
                                              ("3\r", "save"), ("\x1b[B\r", "compare")])
def test_menu_keys(keys: str, chosen: str) -> None:
    with create_pipe_input() as inp:
        inp.send_text(keys)
        assert prompts.result_menu("en", input=inp, output=DummyOutput()).unsafe_ask() == chosen


def test_esc_goes_back_from_a_role_and_ctrl_c_interrupts() -> None:
    roles = [("data-engineer", 1, "Data Engineer  82%"), ("devops-engineer", 2, "DevOps")]
    with create_pipe_input() as inp:
        inp.send_text("q")
        assert prompts.pick_role("en", "Which role?", roles, input=inp,
                                 output=DummyOutput()).unsafe_ask() == prompts.BACK
    with create_pipe_input() as inp:
        inp.send_text("2\r")
        assert prompts.pick_role("en", "Which role?", roles, input=inp,
                                 output=DummyOutput()).unsafe_ask() == "devops-engineer"
    with create_pipe_input() as inp, pytest.raises(KeyboardInterrupt):
        inp.send_text("\x03")
        prompts.result_menu("en", input=inp, output=DummyOutput()).unsafe_ask()


def test_compare_says_how_the_two_roles_differ_in_the_profiles_words(
        content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """Comparing the ML engineer and the data scientist opens with the profiles' own
    sentence on how they differ (either profile may hold it), then the numbers."""
    from engine.cli import result_menu
    from engine.report import contrast
    from engine.scoring import score

    def own(role: str, other: str) -> str | None:
        profile = content.profiles.profile(role)
        assert profile is not None
        return next((c.text.en for c in profile.differs_from if c.role == other), None)

    said = own("data-scientist", "ml-engineer")  # the first role's own words come first
    assert said and contrast(content.profiles, "data-scientist", "ml-engineer", "en") == said
    assert contrast(content.profiles, "ml-engineer", "data-scientist", "en") == own(
        "ml-engineer", "data-scientist")
    lone = [(p.id, q.id) for p in content.profiles.profiles for q in content.profiles.profiles
            if p.id != q.id and own(p.id, q.id) is None and own(q.id, p.id) is not None]
    assert lone  # a pair only one profile speaks of: the other way round finds it
    assert contrast(content.profiles, *lone[0], "en") == own(lone[0][1], lone[0][0])
    assert contrast(None, "ml-engineer", "data-scientist", "en") is None

    doc = score({"questionnaire": "default", "answers": {"skill_ml": 5, "skill_software": 4}},
                content.questionnaire, content.profiles, explain_top=8)
    from tests.test_compare_screen import menu_compare

    shown = menu_compare(monkeypatch, ("data-scientist", "ml-engineer"),
                         result_menu.ResultMenu(doc, doc, 3, None, content.profiles))
    text = " ".join(shown.split())
    assert " ".join(said.split()) in text and text.index(said[:30]) < text.index("Match")


def test_save_proposes_the_last_name_typed_with_the_new_format(
        content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving the Markdown after the JSON (or trying again after a refusal) starts from the
    name typed before, its extension changed, not from rolematch-result each time."""
    from engine.cli import result_menu

    doc = result(content, PERSONAS[0])
    formats = iter(["json", "md", "html", "json"])
    proposed: list[str] = []
    typed = iter([str(tmp_path / "me.json"), None, None, str(tmp_path / "sub")])

    class Ask:
        def __init__(self, value: str) -> None:
            self.value = value

        def unsafe_ask(self) -> str:
            return self.value

    def ask_path(lang: str, default: str) -> Ask:
        proposed.append(default)
        value = next(typed)
        return Ask(default if value is None else value)  # None: Enter on the proposal

    monkeypatch.setattr(result_menu.prompts, "pick_format", lambda lang: Ask(next(formats)))
    monkeypatch.setattr(result_menu.prompts, "ask_path", ask_path)
    (tmp_path / "sub").mkdir()
    menu = result_menu.ResultMenu(doc, doc, 3, None, content.profiles)
    for _ in range(4):
        menu.save()
    assert proposed == ["rolematch-result.json", str(tmp_path / "me.md"),
                        str(tmp_path / "me.html"), str(tmp_path / "me.json")]
    assert menu.saved == [tmp_path / "me.json", tmp_path / "me.md", tmp_path / "me.html"]
    assert json.loads((tmp_path / "me.json").read_text())["ranking"]
    assert (tmp_path / "me.md").read_text().startswith("#")
    # a name without a known extension gets one added, not replaced
    menu.typed = str(tmp_path / "notes.v2")
    assert menu._proposed("md") == str(tmp_path / "notes.v2.md")


def test_an_html_page_saved_from_the_menu_without_its_chart_says_how_to_get_it(
        content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    import engine
    from engine.cli import result_menu

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.delitem(sys.modules, "engine.charts", raising=False)
    monkeypatch.delattr(engine, "charts", raising=False)
    doc = result(content, PERSONAS[0])

    class Ask:
        def __init__(self, value: str) -> None:
            self.value = value

        def unsafe_ask(self) -> str:
            return self.value

    monkeypatch.setattr(result_menu.prompts, "pick_format", lambda lang: Ask("html"))
    monkeypatch.setattr(result_menu.prompts, "ask_path",
                        lambda lang, default: Ask(str(tmp_path / "me.html")))
    result_menu.ResultMenu(doc, doc, 3, None, content.profiles).save()
    said = " ".join(capsys.readouterr().err.split())
    assert "pip install 'rolematch[report]'" in said and "save it again" in said
    assert "pip install" not in (tmp_path / "me.html").read_text()


@pytest.mark.parametrize("width", [60, 70])
def test_the_first_reason_keeps_its_answer_on_a_narrow_screen(content: Content,
                                                             width: int) -> None:
    """French 'Déploiement et mise à disposition des modèles : +14,3 pts' filled a 70-column
    line and the answer behind it was dropped: the label is shortened for it instead."""
    for path in PERSONAS:
        for lang in ("en", "fr"):
            doc = result(content, path, lang)
            first = doc.ranking[0].top_contributions[0]
            rows = summary_screen(doc, width=width, height=40).splitlines()
            line = next(row for row in rows if row.startswith("  + "))
            assert len(line) <= width
            assert (" ← " in line) == bool(first.answers), (path.stem, lang, line)
            assert f"{100 * first.score:.1f}".replace(".", "," if lang == "fr" else ".") in line
