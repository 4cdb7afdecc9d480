"""The installed `rolematch` driven in a real pseudo-terminal, as a person uses it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pexpect
import pytest
import yaml

from engine.content import Content

EXE = str(Path(sys.executable).parent / "rolematch")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")
ENTER, DOWN, SPACE, CTRL_C = "\r", "\x1b[B", " ", "\x03"
MENU = r"What next\?[\s\S]*Quit"


def spawn(tmp_path: Path, *args: str, lang: str = "en_US.UTF-8",
          size: tuple[int, int] = (24, 80)) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "NO_COLOR")}
    env.update({"LANG": lang, "ROLEMATCH_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm",
                "COLUMNS": str(size[1]), "LINES": str(size[0]),
                # pexpect does not answer prompt_toolkit's cursor-position requests, which
                # would cost a one-second wait per question; real terminals do answer them
                "PROMPT_TOOLKIT_NO_CPR": "1"})
    child = pexpect.spawn(EXE, list(args), env=env, dimensions=size, encoding="utf-8",
                          timeout=30, cwd=str(tmp_path))
    child.delaybeforesend = None  # we wait for each prompt before typing anyway
    return child


def keys_for(content: Content, index: int) -> tuple[str, object]:
    """Keys that answer question ``index``, and the answer they give."""
    q = content.questionnaire.questions[index]
    if q.type == "likert":
        point = 1 + index % 5
        return str(point) + ENTER, point
    if q.type == "single":
        return "2" + ENTER, q.options[1].id  # type: ignore[union-attr]
    return SPACE + DOWN + DOWN + SPACE + ENTER, [q.options[0].id, q.options[2].id]  # type: ignore[union-attr]


def answer(child: pexpect.spawn, content: Content, start: int, stop: int,
           word: str = "of") -> dict[str, object]:
    given = {}
    n = len(content.questionnaire.questions)
    for i in range(start, stop):
        child.expect(f"Question {i + 1} {word} {n}")
        keys, value = keys_for(content, i)
        child.expect(r"\?")  # the prompt is on screen
        child.send(keys)
        given[content.questionnaire.questions[i].id] = value
    return given


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return ANSI.sub("", child.before or "")


def test_full_quiz_in_english(tmp_path: Path, content: Content) -> None:
    # --full: the full result text on a terminal too, instead of the summary and its menu
    child = spawn(tmp_path, "--full", "--save-answers", "mine.yaml", "--output", "result.json")
    child.expect(r"29\s+questions,\s+about\s+6\s+minutes")
    given = answer(child, content, 0, 29)
    child.expect("Your matches")
    screen = finish(child)
    assert child.exitstatus == 0
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text())
    assert saved["answers"] == given
    # the screen shows the same ranking as scoring the saved answers without prompts
    again = subprocess.run([EXE, "--answers", "mine.yaml", "--json"], cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    top = json.loads(again.stdout)["ranking"][0]
    assert f"1. {top['title']}  {top['match_percent']:.0f}%" in screen
    assert not (tmp_path / "data" / "resume-default.json").exists()  # done: nothing to resume
    # the 80x24 result screen: no line wider than the terminal
    assert max(len(line) for line in screen.splitlines()) <= 80
    # the export validates against the published schema, and `show` draws the same ranking
    from engine.export import result_schema

    doc = json.loads((tmp_path / "result.json").read_text())
    jsonschema.validate(doc, result_schema())
    assert [m["role_id"] for m in doc["ranking"]] == [
        m["role_id"] for m in json.loads(again.stdout)["ranking"]]
    shown = subprocess.run([EXE, "show", "result.json"], cwd=tmp_path, capture_output=True,
                           text=True, check=True, env=dict(os.environ, COLUMNS="80")).stdout
    row = re.compile(r"^\s*(\d)\s*\|?\s+(\S.*?)\s+\|?\s*(\d+)%")

    def ranking(text: str) -> list[tuple[str, str, str]]:
        return [m.groups() for m in map(row.match, text.splitlines()) if m]  # type: ignore[misc]

    expected = [(str(m["rank"]), m["title"], f"{100 * m['score']:.0f}") for m in doc["ranking"]]
    assert ranking(shown) == expected
    assert ranking(screen) == expected


def test_back_and_skip(tmp_path: Path, content: Content) -> None:
    child = spawn(tmp_path, "--save-answers", "mine.json")
    child.expect("Question 1 of 29")
    child.expect(r"\?")
    child.send("5" + ENTER)
    child.expect("Question 2 of 29")
    child.expect(r"\?")
    child.send("5" + DOWN + DOWN + ENTER)  # Back
    child.expect("Question 1 of 29")
    child.expect(r"\?")
    child.send(ENTER)  # the earlier answer (5) is preselected
    child.expect("Question 2 of 29")
    child.expect(r"\?")
    child.send("5" + DOWN + ENTER)  # I don't know (skip)
    answer(child, content, 2, 10)
    child.setwinsize(12, 40)  # the terminal shrinks mid-quiz: nothing breaks
    answer(child, content, 10, 20)
    child.setwinsize(24, 80)
    answer(child, content, 20, 29)
    child.expect(MENU)
    child.send("q")  # q quits the menu
    finish(child)
    assert child.exitstatus == 0
    saved = json.loads((tmp_path / "mine.json").read_text())["answers"]
    assert saved["skill_statistics"] == 5
    assert saved["skill_sql"] is None


def test_ctrl_c_saves_and_resume_continues(tmp_path: Path, content: Content) -> None:
    child = spawn(tmp_path)
    first = answer(child, content, 0, 3)
    child.expect("Question 4 of 29")
    child.expect(r"\?")
    child.send(CTRL_C)
    out = finish(child)
    assert child.exitstatus == 130
    assert "answers so far (3) are saved" in out and "rolematch --resume" in out
    # wrapped between words: the command is never cut in two
    assert any(line.rstrip().endswith("rolematch --resume") for line in out.splitlines())
    assert "Traceback" not in out
    saved = json.loads((tmp_path / "data" / "resume-default.json").read_text())
    assert saved["answers"] == first

    child = spawn(tmp_path, "--resume", "--save-answers", "all.yaml")
    child.expect(r"Resuming: answers restored \(3, 0 skipped\), starting at question 4")
    rest = answer(child, content, 3, 29)
    child.expect("Your matches")
    child.expect(MENU)
    child.send("4" + ENTER)  # Quit
    finish(child)
    assert child.exitstatus == 0
    assert yaml.safe_load((tmp_path / "all.yaml").read_text())["answers"] == first | rest


def test_ctrl_c_says_how_to_continue_with_the_same_output(tmp_path: Path,
                                                          content: Content) -> None:
    """`rolematch --output r.json`, Ctrl-C: the command it gives keeps --output, so running
    it as said writes the result (a new user ran 'rolematch --resume' as told: r.json never
    came, with no word)."""
    child = spawn(tmp_path, "--output", "r.json", "--top", "2")
    first = answer(child, content, 0, 2)
    child.expect("Question 3 of 29")
    child.expect(r"\?")
    child.send(CTRL_C)
    out = " ".join(finish(child).split())
    assert child.exitstatus == 130
    said = "Continue with: `rolematch --resume --output r.json --top 2`"
    assert said in out
    child = spawn(tmp_path, *said.split("`")[1].split()[1:])
    rest = answer(child, content, 2, 29)
    child.expect(MENU)
    child.send("4" + ENTER)
    finish(child)
    doc = json.loads((tmp_path / "r.json").read_text())
    assert doc["answers"] == first | rest
    assert sum(bool(m["top_contributions"]) for m in doc["ranking"]) == 2


@pytest.mark.parametrize(("lang", "said", "question"), [
    ("en_US.UTF-8", "Nothing to resume: starting a new quiz.", "Question 1 of 29 · "),
    ("fr_FR.UTF-8", "Rien à reprendre\u00a0: un nouveau questionnaire commence.",
     "Question 1 sur 29 · ")])
@pytest.mark.parametrize("saved", [None, {}])
def test_resume_with_nothing_saved_says_so_above_the_first_question(
        tmp_path: Path, lang: str, said: str, question: str, saved: dict[str, object] | None,
) -> None:
    """No resume file, or one with no answer in it (Ctrl-C at the first question): one line
    right above the first question, then the new quiz; not a silent start, nor a 'Resuming:
    answers restored (0)' that the introduction scrolls away."""
    from terminal import Terminal

    if saved is not None:
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "resume-default.json").write_text(json.dumps(
            {"format": 1, "questionnaire": "default", "lang": "en", "answers": saved}))
    term = Terminal(tmp_path, "--resume", lang=lang)
    term.expect(r"\?")  # the first question's prompt
    term.expect(r"\(1-5")
    rows = [row for row in term.visible().splitlines() if row.strip()]
    at = next(i for i, row in enumerate(rows) if row.startswith(question))
    assert rows[at - 1] == said
    assert "Resuming" not in term.transcript() and "Reprise" not in term.transcript()
    term.send(CTRL_C)
    assert term.finish() == 130


def test_a_new_quiz_never_overwrites_an_unfinished_one(tmp_path: Path, content: Content) -> None:
    resume = tmp_path / "data" / "resume-default.json"
    child = spawn(tmp_path)
    first = answer(child, content, 0, 3)
    child.expect(r"\?")
    child.send(CTRL_C)
    finish(child)
    # a plain new quiz says the unfinished one is there; Ctrl-C at once leaves it untouched
    child = spawn(tmp_path)
    child.expect(r"unfinished quiz \(3 answered")
    child.expect(r"\?")
    child.send(CTRL_C)
    out = finish(child)
    assert child.exitstatus == 130 and "still in" in out
    assert json.loads(resume.read_text())["answers"] == first
    # answering starts a new quiz: the unfinished one is kept beside, not lost
    child = spawn(tmp_path)
    child.expect("unfinished quiz")
    second = answer(child, content, 0, 1)
    child.expect(r"\?")
    child.send(CTRL_C)
    finish(child)
    assert json.loads(resume.read_text())["answers"] == second
    kept = list(resume.parent.glob("resume-default.json.unfinished-*"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["answers"] == first


def test_full_quiz_in_french(tmp_path: Path, content: Content) -> None:
    child = spawn(tmp_path, "--full", lang="fr_FR.UTF-8")
    child.expect(r"29\s+questions,\s+environ\s+6\s+minutes")
    answer(child, content, 0, 29, word="sur")
    child.expect("Vos correspondances")
    screen = finish(child)
    assert child.exitstatus == 0
    assert "Une journée type" in screen and "À demander à l'employeur" in screen


@pytest.mark.parametrize(("lang", "words"), [("en_US.UTF-8", "interactive terminal"),
                                             ("fr_FR.UTF-8", "terminal interactif")])
def test_no_terminal_is_one_clear_line(tmp_path: Path, lang: str, words: str) -> None:
    env = dict(os.environ, LANG=lang, ROLEMATCH_DATA_DIR=str(tmp_path))
    env.pop("LC_ALL", None)
    r = subprocess.run([EXE], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       env=env, timeout=30)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "--answers" in lines[0]


def keys_for_value(content: Content, qid: str, value: object) -> str:
    q = next(x for x in content.questionnaire.questions if x.id == qid)
    if q.type == "likert":
        return f"{value}{ENTER}"
    options = [o.id for o in q.options]  # type: ignore[union-attr]
    if q.type == "single":
        return f"{options.index(value) + 1}{ENTER}"  # type: ignore[arg-type]
    keys, at = "", 0
    for option in value:  # type: ignore[union-attr]
        target = options.index(option)
        keys += DOWN * (target - at) + SPACE
        at = target
    return keys + ENTER


def quick_path(content: Content, role: str) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """A role's typical answers, the ones quick mode asks of them (in the order it asks) and
    its stopping step: quick mode is deterministic, so the core says what the quiz will do."""
    from engine.adaptive import Quick, partial
    from engine.simulate import ideal_answers
    from engine.vectors import build_model

    model = build_model(content.questionnaire, content.profiles)
    profile = content.profiles.profile(role)
    assert profile is not None
    person = ideal_answers(model, profile).values
    quick, given = Quick(model), {}
    while not (step := quick.next(partial(model, given))).stop:
        qid = model.question_ids[step.question]  # type: ignore[index]
        given[qid] = person[qid]
    return person, given, step


def test_quick_mode_stops_early_says_why_and_records_it(tmp_path: Path,
                                                        content: Content) -> None:
    person, given, step = quick_path(content, "data-engineer")
    asked = list(given)
    child = spawn(tmp_path, "--quick", "--output", "quick.json", size=(24, 50))
    child.expect("Quick mode")
    for i, qid in enumerate(asked, start=1):
        child.expect(rf"Question {i} \(quick mode, at most 29\) · ")
        text = next(q.text.en for q in content.questionnaire.questions if q.id == qid)
        child.expect(re.escape(text[:20]))
        child.expect(r"\)")  # the instruction: the prompt is ready for keys
        child.send(keys_for_value(content, qid, person[qid]))
    child.expect(f"Stopped after {len(asked)} of 29 questions")
    child.expect("What now")
    stop = ANSI.sub("", child.before or "").replace("\r", "")
    assert re.search(r"no remaining answer|are\s+unlikely\s+to\s+change", stop)
    # wrapped between words at the width, not cut by the terminal ("questi / ons")
    assert all(len(line) <= 50 for line in stop.splitlines())
    child.send(ENTER)  # See my result
    child.expect(MENU)
    screen = ANSI.sub("", child.before or "")
    child.send("\x1b")  # Esc quits the menu
    finish(child)
    assert child.exitstatus == 0
    assert len(asked) <= 12
    assert re.search(r"1\s+\S?\s*Data Engineer", screen)
    # said once, above the choice: the summary right under it does not repeat it
    assert "Stopped after" not in screen
    doc = json.loads((tmp_path / "quick.json").read_text())
    assert doc["mode"]["quick"] is True
    assert doc["mode"]["asked"] == asked
    assert doc["mode"]["stop_reason"].startswith(f"Stopped after {len(asked)} of 29 questions")
    # the kind of stop, for programs, agrees with the sentence
    assert doc["mode"]["stop"] == step.reason
    assert ("no remaining answer" in doc["mode"]["stop_reason"]) == (step.reason == "bound")
    assert doc["ranking"][0]["role_id"] == "data-engineer"


def test_a_finished_quick_quiz_quit_unsaved_resumes_to_the_same_result(
        tmp_path: Path, content: Content) -> None:
    """Quit after quick mode's result with nothing saved keeps the answers; --resume then
    shows the same result: the questions asked (in the order asked, not the whole
    questionnaire with the unasked ones counted as skips), the same stop, the same scores."""
    from engine.export import ModeDoc
    from engine.scoring import score

    person, given, step = quick_path(content, "data-scientist")
    asked = list(given)
    child = spawn(tmp_path, "--quick", size=(24, 80))
    for i, qid in enumerate(asked, start=1):
        child.expect(rf"Question {i} \(quick mode, at most 29\) · ")
        child.expect(r"\)")
        child.send(keys_for_value(content, qid, person[qid]))
    child.expect("What now")
    child.send(ENTER)  # See my result
    child.expect(MENU)
    child.send("4" + ENTER)  # Quit, nothing saved
    assert "rolematch --resume" in " ".join(finish(child).split())
    kept = json.loads((tmp_path / "data" / "resume-default.json").read_text())
    assert list(kept["answers"]) == asked  # the asked ones, in order: no unasked "skips"
    assert kept["stop"] == step.reason

    child = spawn(tmp_path, "--resume", "--output", "again.json", size=(24, 80))
    child.expect("What now")
    said = " ".join(ANSI.sub("", child.before or "").split())
    assert f"Resuming a finished quiz ({len(asked)} answers, 0 skipped)" in said
    assert f"Stopped after {len(asked)} of 29 questions" in said
    child.send(ENTER)
    child.expect(MENU)
    assert f"({len(asked)} of 29 questions answered)" in ANSI.sub("", child.before or "")
    child.send("\x1b")
    finish(child)
    doc = json.loads((tmp_path / "again.json").read_text())
    assert doc["mode"]["asked"] == asked and doc["mode"]["stop"] == step.reason
    first = score({"questionnaire": "default", "answers": given}, content.questionnaire,
                  content.profiles, mode=ModeDoc(quick=True, asked=asked))
    assert [(m["role_id"], m["score"]) for m in doc["ranking"]] == [
        (m.role_id, m.score) for m in first.ranking]
    labels = {g["answer_label"] for m in doc["ranking"] for g in m["gaps"]}
    assert "skipped" not in labels and "not asked in quick mode" in labels


def test_resume_continues_with_the_content_the_quiz_was_taken_with(
        tmp_path: Path, content: Content) -> None:
    """A quiz taken with --questionnaire FILE, Ctrl-C: 'rolematch --resume' alone (as the
    quiz says) loaded the shipped questionnaire, dropped the answer to the extra question and
    wrote over the file. It continues with FILE now; and when FILE is gone, the answers that
    no longer fit are dropped from the quiz but kept, as saved, in a copy."""
    shipped = Path(content.questionnaire.path).read_text(encoding="utf-8")
    extra = ('  - id: skill_sql_again\n    section: skills\n    type: likert\n'
             '    label: {en: "SQL again", fr: "SQL encore"}\n    scale: skill\n'
             '    text: {en: "SQL, asked again.", fr: "SQL, encore."}\n'
             '    effects: {sql: 1.0}\n')
    custom = tmp_path / "custom.yaml"
    custom.write_text(shipped.replace("questions:\n", "questions:\n" + extra, 1),
                      encoding="utf-8")
    child = spawn(tmp_path, "--questionnaire", str(custom))
    child.expect("Question 1 of 30")
    child.expect(r"\)")
    child.send("4" + ENTER)
    child.expect("Question 2 of 30")
    child.expect(r"\)")
    child.send("2" + ENTER)
    child.expect("Question 3 of 30")
    child.expect(r"\)")
    child.send(CTRL_C)
    finish(child)
    resume = tmp_path / "data" / "resume-default.json"
    saved = json.loads(resume.read_text())
    assert saved["answers"] == {"skill_sql_again": 4, "skill_statistics": 2}

    child = spawn(tmp_path, "--resume")
    child.expect(r"starting at question 3")
    said = " ".join(ANSI.sub("", child.before or "").split())
    assert f"Resuming with the content this quiz was taken with: {custom}" in said
    child.expect("Question 3 of 30")
    child.send(CTRL_C)
    finish(child)
    assert json.loads(resume.read_text())["answers"] == saved["answers"]

    custom.unlink()  # the file is gone: the shipped questionnaire, and nothing lost
    child = spawn(tmp_path, "--resume", size=(24, 200))
    child.expect("Question 2 of 29")
    said = " ".join(ANSI.sub("", child.before or "").split())
    assert "no longer fit and were dropped: skill_sql_again" in said
    copy = next(tmp_path.glob("data/resume-default.json.dropped-*"))
    assert f"are kept in {copy}" in said
    assert json.loads(copy.read_text())["answers"] == saved["answers"]
    child.send(CTRL_C)
    finish(child)
