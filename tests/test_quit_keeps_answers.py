"""Quit in the result menu after a quiz: with nothing saved, the answers stay in the resume
file and the person is told so (Quit deleted them without a word, while Ctrl-C kept them);
once a file is written, Quit clears the resume file as before. A later new quiz says a
finished quiz's answers are kept, not that an unfinished quiz is."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import CTRL_C, ENTER, SPACE, Terminal

from engine.content import Content

PERSONA = Path(__file__).resolve().parent.parent / "benchmarks/personas/answers"
SAID = {
    "en": {"intro": r"29\s+questions,\s+about\s+6\s+minutes", "menu": r"What next\?[\s\S]*4\) Quit",
           "quit": "? What next? Quit", "result": "Your matches (29 of 29",
           "kept": "Not saved: your answers are kept in {path}; `rolematch --resume` shows "
                   "this result again.",
           "finished": "You have a finished quiz whose answers are kept in {path}. To see its "
                       "result, press Ctrl-C now and run: rolematch --resume.",
           "still": "Your finished quiz's answers are still in {path}: rolematch --resume "
                    "shows its result.",
           "unfinished": "unfinished"},
    "fr": {"intro": r"29\s+questions,\s+environ\s+6\s+minutes",
           "menu": r"Et ensuite.\?[\s\S]*4\) Quitter", "quit": "? Et ensuite\u00a0? Quitter",
           "result": "Vos correspondances (29 questions sur 29",
           "kept": "Non enregistré\u00a0: vos réponses sont gardées dans {path}\u00a0; "
                   "`rolematch --resume` affiche de nouveau ce résultat.",
           "finished": "Vous avez un questionnaire terminé dont les réponses sont gardées dans "
                       "{path}. Pour voir son résultat, appuyez sur Ctrl-C maintenant et "
                       "lancez\u00a0: rolematch --resume.",
           "still": "Les réponses de votre questionnaire terminé sont toujours dans "
                    "{path}\u00a0: rolematch --resume affiche son résultat.",
           "unfinished": "inachevé"},
}


@pytest.fixture
def data() -> Iterator[Path]:
    """The resume folder, at a short path: the messages' lines stay shorter than the screen."""
    folder = Path(tempfile.mkdtemp(prefix="rm-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder)


def whole_quiz(content: Content) -> tuple[str, dict[str, object]]:
    """Keys that answer every question (typed ahead in one write), and the answers."""
    keys, given = "", {}
    for q in content.questionnaire.questions:
        if q.type == "likert":
            keys, given[q.id] = keys + "4" + ENTER, 4
        elif q.type == "single":
            keys, given[q.id] = keys + "2" + ENTER, q.options[1].id  # type: ignore[union-attr]
        else:
            keys, given[q.id] = keys + SPACE + ENTER, [q.options[0].id]  # type: ignore[union-attr]
    return keys, given


def quit_says(term: Terminal, lang: str) -> list[str]:
    """Quit at the menu; the rows said after it (the command ended, exit 0)."""
    term.send("4" + ENTER)
    before = len(term.seen)
    assert term.finish() == 0
    term.stream.feed(term.seen[before:])
    rows = term.transcript().splitlines()
    at = max(i for i, row in enumerate(rows) if row == SAID[lang]["quit"])
    return [row for row in rows[at + 1:] if row]


def one_message(rows: list[str], text: str) -> None:
    """``rows`` say ``text``, wrapped between words at 80 columns."""
    assert " ".join(rows).split() == text.split(), rows
    assert all(len(row) <= 80 and not row.startswith(" ") for row in rows), rows


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_quit_with_nothing_saved_keeps_the_answers_and_says_so(
        tmp_path: Path, content: Content, data: Path, lang: str) -> None:
    said, env = SAID[lang], {"ROLEMATCH_DATA_DIR": str(data)}
    resume = data / "resume-default.json"
    keys, given = whole_quiz(content)
    term = Terminal(tmp_path, "--lang", lang, env=env)
    term.expect(said["intro"])
    term.send(keys)
    term.expect(said["menu"])
    one_message(quit_says(term, lang), said["kept"].format(path=resume))
    assert json.loads(resume.read_text())["answers"] == given

    # as it says: --resume shows the result again; Quit there keeps them again
    term = Terminal(tmp_path, "--resume", "--lang", lang, env=env)
    term.expect(said["menu"])
    assert said["result"] in term.visible()
    resumed = {"en": "Resuming a finished quiz (29 answers, 0 skipped): its result again.",
               "fr": "Reprise d'un questionnaire terminé (29 réponses, 0 passées) : son "
                     "résultat, de nouveau."}[lang]
    assert " ".join(resumed.split()) in " ".join(term.transcript().split())
    one_message(quit_says(term, lang), said["kept"].format(path=resume))

    # a new quiz says a finished quiz's answers are kept; Ctrl-C at once leaves them there
    term = Terminal(tmp_path, "--lang", lang, env=env)
    term.expect(r"\?[\s\S]*\(1-5")  # the first question
    shown = " ".join(term.transcript().split())
    assert " ".join(said["finished"].format(path=resume).split()) in shown
    assert said["unfinished"] not in shown
    term.send(CTRL_C)
    assert term.finish() == 130
    shown = " ".join(term.seen.replace("\r", "").split())
    assert " ".join(said["still"].format(path=resume).split()) in shown
    assert json.loads(resume.read_text())["answers"] == given


@pytest.mark.parametrize("saved", [["--save-answers", "mine.yaml"], ["--output", "r.json"],
                                   "from the menu"])
def test_quit_after_a_file_is_saved_clears_the_resume_file(
        tmp_path: Path, content: Content, data: Path, saved: list[str] | str) -> None:
    keys, _ = whole_quiz(content)
    term = Terminal(tmp_path, *(saved if isinstance(saved, list) else []),
                    env={"ROLEMATCH_DATA_DIR": str(data)})
    term.expect(SAID["en"]["intro"])
    term.send(keys)
    term.expect(SAID["en"]["menu"])
    if saved == "from the menu":
        term.send("3" + ENTER + "1" + ENTER)
        term.expect("File to write")
        term.send("\x15" + "r.json" + ENTER)
        term.expect("Saved to r.json")
        term.expect(SAID["en"]["menu"])
    written = "mine.yaml" if "mine.yaml" in saved else "r.json"
    rows = quit_says(term, "en")
    assert not any("kept" in row or "resume" in row for row in rows), rows
    assert rows == ([] if saved == "from the menu"
                    else [f"Saved to {written} (readable by you only)."])
    assert not (data / "resume-default.json").exists()
    assert (tmp_path / written).exists()


def test_quit_after_an_answers_file_says_nothing_and_keeps_nothing(
        tmp_path: Path, data: Path) -> None:
    """`rolematch --answers FILE`: the answers are in that file."""
    answers = json.loads((PERSONA / "de-1-payments-spark.json").read_text())
    answers["id"] = answers.pop("respondent")
    (tmp_path / "me.json").write_text(json.dumps(answers))
    term = Terminal(tmp_path, "--answers", "me.json", env={"ROLEMATCH_DATA_DIR": str(data)})
    term.expect(SAID["en"]["menu"])
    assert quit_says(term, "en") == []
    assert not list(data.iterdir())


def test_quit_with_nowhere_to_keep_the_answers_gives_them(
        content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """When even the resume folder cannot be made: why, in one line, and the answers
    themselves as an answers file to copy; exit 2."""
    from engine.answers import Answers, parse_answers
    from engine.cli.quiz_command import _quit_keeping
    from engine.export import ModeDoc

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("ROLEMATCH_DATA_DIR", str(blocker / "data"))
    answers = Answers("default", {"skill_sql": 4, "tools_ops": ["docker"]})
    assert _quit_keeping(content, answers, "en", ModeDoc()) == 2
    said = capsys.readouterr().err
    assert f"{blocker / 'data'}: could not be created" in said
    text = " ".join(said.split())
    given = json.loads(text[text.index("{"):])
    scored = parse_answers(given, content.questionnaire).values
    assert {k: v for k, v in scored.items() if v is not None} == answers.values


def test_the_full_text_with_nothing_saved_keeps_the_answers_too(
        tmp_path: Path, content: Content, data: Path) -> None:
    """`rolematch --full` prints the whole result and ends: with nothing saved, the answers
    stay in the resume file and it says so, as Quit does (the text holds no answers)."""
    resume = data / "resume-default.json"
    keys, given = whole_quiz(content)
    term = Terminal(tmp_path, "--full", env={"ROLEMATCH_DATA_DIR": str(data)})
    term.expect(SAID["en"]["intro"])
    term.send(keys)
    before = len(term.seen)
    assert term.finish() == 0
    term.stream.feed(term.seen[before:])
    shown = " ".join(term.transcript().split())
    assert "A typical day" in shown  # the full result came
    assert " ".join(SAID["en"]["kept"].format(path=resume).split()) in shown
    assert json.loads(resume.read_text())["answers"] == given
