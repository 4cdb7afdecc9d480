"""The result as a person meets it: one screen in an 80x24 terminal, then the menu; and,
off a terminal, exactly the full text it has always been."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pexpect
import pytest
import yaml
from terminal import CTRL_C, DOWN, ENTER, ESC, EXE, SPACE, Terminal

from engine.content import Content
from engine.scoring import score

PERSONA = Path(__file__).resolve().parent.parent / "benchmarks/personas/answers"
MENU = r"What next\?[\s\S]*Quit"


def answers_file(tmp_path: Path, persona: str = "de-1-payments-spark") -> Path:
    data = json.loads((PERSONA / f"{persona}.json").read_text())
    data.pop("respondent")
    path = tmp_path / "me.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.skipif(shutil.which("less") is None, reason="the pager test needs less")
def test_first_screen_then_card_compare_save_quit(tmp_path: Path, content: Content) -> None:
    me = answers_file(tmp_path)
    doc = score(json.loads(me.read_text()), content.questionnaire, content.profiles)
    top = doc.ranking[0]
    term = Terminal(tmp_path, "--answers", str(me), env={"PAGER": "less"})
    term.expect(MENU)
    first = term.visible()
    # every role, the top match's reasons and its gap, and the menu: all on one screen
    for role in doc.ranking:
        assert role.title in first
    reasons = [c.label for c in top.top_contributions]
    assert all(label in first for label in reasons[:2])
    assert "To grow" in first and "What next?" in first
    assert first.splitlines()[0].startswith("Your matches")

    # a card longer than the screen opens in the pager; q goes back to the menu
    term.send("1" + ENTER)
    term.expect("Which role")
    term.send("3" + ENTER)
    term.expect(r"\(END\)|:\s*$|lines")
    assert f"3. {doc.ranking[2].title}" in term.visible()
    term.send("q")
    term.expect(MENU)

    # compare the first two: the dimension that separates them most, in a labelled row
    term.send("2" + ENTER + ENTER)
    term.expect("with which role")
    term.send(ENTER)
    term.expect("points apart")
    term.send("q")  # the comparison is longer than 24 lines: it was in the pager too
    term.expect(MENU)

    # save as Markdown to a typed path; a second time it asks, and No keeps the file
    term.send("3" + ENTER + "2" + ENTER)
    term.expect("File to write")
    term.send("\x7f" * 40 + "report.md" + ENTER)
    term.expect("Saved to report.md")
    saved = tmp_path / "report.md"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    from engine.report import markdown_report

    assert saved.read_text() == markdown_report(doc)
    saved.write_text("mine")
    term.send("3" + ENTER + "2" + ENTER)
    term.expect("File to write")
    term.send("\x7f" * 40 + "report.md" + ENTER)
    term.expect("Replace it")
    term.send(ENTER)  # the default is No
    term.expect("unchanged")
    assert saved.read_text() == "mine"
    term.expect(MENU)

    # save as HTML: the page has the chart, as `show --format html` draws it
    term.send("3" + ENTER + "3" + ENTER)
    term.expect("File to write")
    term.send("\x7f" * 40 + "report.html" + ENTER)
    term.expect("Saved to report.html")
    from engine.report import html_report

    page = (tmp_path / "report.html").read_text()
    assert "<svg" in page and page == html_report(doc, 3, content.profiles)
    term.expect(MENU)

    term.send(ESC)  # Esc quits
    assert term.finish() == 0
    assert "Traceback" not in term.seen


@pytest.mark.parametrize("argv", [["--answers", "me.json"], ["--answers", "me.json", "--top", "2"],
                                  ["show", "result.json"]])
def test_off_a_terminal_the_output_is_the_full_text_byte_for_byte(
        tmp_path: Path, content: Content, argv: list[str]) -> None:
    """Piped, nothing changes: the full result screen, exactly."""
    from engine.export import read_result
    from engine.report import result_screen

    me = answers_file(tmp_path, "ds-2-energy-forecasting")
    subprocess.run([EXE, "--answers", str(me), "--output", "result.json"], cwd=tmp_path,
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    doc = read_result(tmp_path / "result.json")
    top = int(argv[-1]) if "--top" in argv else 3
    r = subprocess.run([EXE, *argv], cwd=tmp_path, capture_output=True, check=True,
                       stdin=subprocess.DEVNULL, env={"COLUMNS": "80", "PATH": "/usr/bin"})
    assert r.stdout == result_screen(doc, width=80, color=False, top=top).encode()


def test_whole_quiz_typed_at_once_nothing_lost_then_ctrl_c_in_the_menu(
        tmp_path: Path, content: Content) -> None:
    """Every key of the quiz sent in one write, before the first question is drawn: each
    answer arrives as typed, the echoes name what was ticked, and Ctrl-C in the menu exits
    with 130 keeping the answers for `rolematch --resume`."""
    keys, given = "", {}
    for q in content.questionnaire.questions:
        if q.type == "likert":
            keys += DOWN * 3 + ENTER  # fourth point, by arrows
            given[q.id] = 4
        elif q.type == "single":
            at = min(7, len(q.options) - 1)  # seven quick Down presses, or the last option
            keys += DOWN * at + ENTER
            given[q.id] = q.options[at].id
        elif q.id == "tools_ml":
            keys += DOWN * len(q.options) + SPACE + ENTER  # "None of these"
            given[q.id] = []
        else:
            keys += SPACE + DOWN + SPACE + ENTER
            given[q.id] = [q.options[0].id, q.options[1].id]
    term = Terminal(tmp_path, "--save-answers", "mine.yaml", columns=100)
    term.expect(r"29\s+questions,\s+about\s+6\s+minutes")
    term.send(keys)
    term.expect(MENU)
    assert yaml.safe_load((tmp_path / "mine.yaml").read_text())["answers"] == given
    shown = term.transcript()
    assert "^[" not in shown  # keys typed ahead are not echoed by the terminal
    assert "done (" not in shown  # tick-any questions echo what was ticked
    ops = next(q for q in content.questionnaire.questions if q.id == "tools_ops")
    assert f"{ops.options[0].label.en} · {ops.options[1].label.en}" in shown
    ml = next(q for q in content.questionnaire.questions if q.id == "tools_ml")
    assert any(line.startswith("? " + ml.text.en[:30]) for line in shown.splitlines())
    assert "None of these" in shown
    term.send(CTRL_C)
    assert term.finish() == 130
    assert "rolematch --resume" in term.seen and "Traceback" not in term.seen
    # said like Ctrl-C during the quiz: one message, wrapped between words (80 columns)
    said = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", term.seen).replace("\r", "")
    message = said[said.index("Interrupted. Your answers are kept in"):].splitlines()
    assert "rolematch: interrupted" not in said
    assert "rolematch --resume shows the result again." in " ".join(message[:4])
    assert all(len(line) <= 80 for line in message[:4] if "/" not in line)  # a path is whole
    kept = json.loads((tmp_path / "data" / "resume-default.json").read_text())["answers"]
    assert kept == given


def whole_quiz(content: Content) -> tuple[str, dict[str, object]]:
    """Keys that answer every question (typed ahead in one write), and the answers."""
    keys, given = "", {}
    for q in content.questionnaire.questions:
        if q.type == "likert":
            keys += "4" + ENTER
            given[q.id] = 4
        elif q.type == "single":
            keys += "2" + ENTER
            given[q.id] = q.options[1].id
        else:
            keys += SPACE + ENTER
            given[q.id] = [q.options[0].id]
    return keys, given


@pytest.mark.parametrize(("lang", "full"), [("en", False), ("en", True), ("fr", False)])
def test_an_output_that_cannot_be_written_after_a_quiz_still_shows_the_result(
        tmp_path: Path, content: Content, lang: str, full: bool) -> None:
    """The result first, as usual (the summary and its menu, or the full text), then the
    error lines, wrapped between words, and exit 2; the answers stay in the resume file."""
    import tempfile

    words = {"en": (r"29\s+questions,\s+about\s+6\s+minutes", "Your matches", "A typical day",
                    "folder 'nowhere' does not exist", "your answers are kept in {};",
                    "`rolematch --resume` shows the result again"),
             "fr": (r"29\s+questions,\s+environ\s+6\s+minutes", "Vos correspondances", "",
                    "le dossier 'nowhere' n'existe pas",
                    "vos réponses sont gardées dans {}\u00a0;",
                    "`rolematch --resume` affiche de nouveau le résultat")}
    intro, title, day, missing, kept, again = words[lang]
    data = Path(tempfile.mkdtemp(prefix="rm-", dir="/tmp"))  # a short path: lines stay short
    kept = kept.format(data / "resume-default.json")
    try:
        keys, given = whole_quiz(content)
        term = Terminal(tmp_path, "--output", "nowhere/r.json", "--lang", lang,
                        *(["--full"] if full else []), env={"ROLEMATCH_DATA_DIR": str(data)})
        term.expect(intro)
        term.send(keys)
        if not full:
            term.expect(r"\?[\s\S]*4\) Qu")  # the menu, Quit last
            assert title in term.visible()
            term.send("4" + ENTER)  # Quit
        before = len(term.seen)
        assert term.finish() == 2
        term.stream.feed(term.seen[before:])  # what came after the last prompt
        shown = term.transcript()
        result = shown.rindex(title)
        error = shown.index(f"rolematch: nowhere/r.json: {missing}")
        assert result < error
        if full:
            assert result < shown.index(day) < error
        rows = shown[error:].splitlines()
        assert rows[1:3] == [f"rolematch: {kept}", again]
        saved = json.loads((data / "resume-default.json").read_text())
        assert saved["answers"] == given
    finally:
        shutil.rmtree(data)


def test_a_failed_save_from_the_french_menu_is_french_and_wrapped_between_words(
        tmp_path: Path) -> None:
    """'Non enregistré : /tmp/x/r.json: could not be written: the file system is rea' /
    'd-only' was English inside French, cut mid-word by the terminal; and the format's echo
    broke before a space ('…et d'autres' / ' programmes')."""
    me = answers_file(tmp_path)
    term = Terminal(tmp_path, "--answers", str(me), "--lang", "fr")
    term.expect(r"Et ensuite.\?")
    term.send("3" + ENTER)
    term.expect(r"Format du fichier")
    term.send("1" + ENTER)
    term.expect("Fichier à écrire")
    folder = "un-dossier-absent/et-un-autre-absent-aussi"
    term.send("\x15" + f"{folder}/résultat.json" + ENTER)  # Ctrl-U clears the default name
    term.expect(r"n'existe pas")
    term.expect(r"Et ensuite.\?")
    rows = term.transcript().splitlines()
    at = next(i for i, row in enumerate(rows) if row.startswith("Non enregistré"))
    message = rows[at:next(i for i in range(at, len(rows)) if "n'existe pas" in rows[i]) + 1]
    assert len(message) > 1  # the message is longer than a line: it wraps
    assert " ".join(message).split() == (
        f"Non enregistré\u00a0: {folder}/résultat.json: le dossier '{folder}' "
        "n'existe pas").split()
    assert all(len(row) <= 80 and not row.startswith(" ") for row in message)
    # the choice stays on screen wrapped between words, as the quiz's answers do
    echo = next(i for i, row in enumerate(rows) if row.startswith("? Format du fichier"))
    assert rows[echo + 1] == ("  JSON\u00a0: le document du résultat, pour rolematch show et "
                              "d'autres programmes")
    term.send(ESC)
    assert term.finish() == 0
    assert "could not" not in term.seen and "does not exist" not in term.seen


@pytest.mark.parametrize("together", [True, False], ids=["typed-together", "one-by-one"])
@pytest.mark.parametrize(("lang", "replace", "echo", "kept", "menu"), [
    ("en", r"Replace it\? \(y/N\) n", "Replace it? No", "r.json is unchanged.", MENU),
    ("fr", r"Le remplacer.\? \(o/N\) n", "Le remplacer\u00a0? Non", "r.json est inchangé.",
     r"Et ensuite[\s\S]*Quitter")])
def test_no_then_enter_at_replace_leaves_the_person_at_the_menu(
        tmp_path: Path, lang: str, replace: str, echo: str, kept: str, menu: str,
        together: bool) -> None:
    """'Replace it? (y/N)' took n at once, and the Enter typed after it opened "Open a role's
    card" unasked. Now n shows, Enter confirms it, and the menu waits with nothing open."""
    me = answers_file(tmp_path)
    (tmp_path / "r.json").write_text("mine")
    term = Terminal(tmp_path, "--answers", str(me), "--lang", lang)
    term.expect(menu)
    term.send("3" + ENTER)
    term.expect("1-3")
    term.send("1" + ENTER)
    term.expect(r"\(")  # the file name's question
    term.send("\x15" + "r.json" + ENTER)  # Ctrl-U clears the default name
    term.expect(r"\((y|o)/N\)")
    if together:
        term.send("n" + ENTER)
    else:
        term.send("n")
        term.shown(replace)  # the key typed shows; nothing answered yet
        term.send(ENTER)
    term.expect(re.escape(kept))
    opened = "Which role|Quel métier"  # the card's role list
    term.expect(f"{menu}|{opened}")
    assert not re.search(opened, term.child.after), "the Enter opened a role's card"
    term.send(ESC)  # quits at the menu; at an opened role list it would only go back
    assert term.child.expect([pexpect.EOF, opened]) == 0
    term.stream.feed(term.child.before or "")
    term.child.close()
    assert term.child.exitstatus == 0
    rows = term.transcript().splitlines()
    at = next(i for i, row in enumerate(rows) if row.endswith(echo))
    assert rows[at + 1].endswith(kept)
    assert rows[at + 2].startswith("? ") and rows[at + 2].endswith(("Quit", "Quitter"))
    assert (tmp_path / "r.json").read_text() == "mine"


@pytest.mark.parametrize("lang, title", [("en", "Which data or AI role fits you?"),
                                         ("fr", "Quel métier de la data ou de l'IA vous "
                                                "correspond\u00a0?")])
def test_the_first_screen_fits_80x24_title_and_first_question_together(
        tmp_path: Path, lang: str, title: str) -> None:
    """The welcome, the keys and the first question on one 80x24 screen: the title had
    scrolled off the top (27 lines) before the person read anything."""
    term = Terminal(tmp_path, "--lang", lang)
    term.shown(r"\(skip\)|\(passer\)")
    rows = term.transcript().splitlines()
    top = rows.index(title)
    last = max(i for i, row in enumerate(rows) if row.endswith(("(skip)", "(passer)")))
    # from the title to the last choice, with the line the cursor leaves under it
    assert last - top + 2 <= 24, rows[top:last + 1]
    shown = "\n".join(rows[top:last + 1])
    assert "Keys:" in shown or "Touches" in shown
    assert "rolematch --quick" in shown and "rolematch --resume" in shown
    term.send(CTRL_C)
    assert term.finish() == 130
