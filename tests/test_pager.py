"""The role card and the comparison go through the pager when longer than the screen; less's
prompt line says how to scroll and that q goes back (as a new user needed to be told)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from engine.cli.result_menu import less_prompt, page


def fake_pager(folder: Path, name: str) -> Path:
    """A program called ``name`` that records its arguments and what it was given to show."""
    script = folder / name
    script.write_text(f"#!{sys.executable}\n"
                      "import sys, json\n"
                      f"open({str(folder / 'seen.json')!r}, 'w').write(json.dumps("
                      "{'argv': sys.argv[1:], 'text': sys.stdin.read()}))\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder / "seen.json"


@pytest.mark.parametrize("lang, hint", [
    ("en", "Space or arrows to scroll, q to go back to the menu"),
    ("fr", "Espace pour avancer, q pour revenir au menu"),
])
def test_less_says_how_to_scroll_and_go_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             lang: str, hint: str) -> None:
    import json

    seen = fake_pager(tmp_path, "less")
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LINES", "10")
    text = "".join(f"line {i}\n" for i in range(40))
    page(text, lang)
    got = json.loads(seen.read_text())
    assert got["text"] == text
    assert "-R" in got["argv"]
    prompt = next(a for a in got["argv"] if a.startswith("-Ps"))
    assert prompt == "-Ps" + less_prompt(hint)
    assert hint.replace(",", "") in prompt.replace("\\", "").replace(",", "")
    # less (590) shows UTF-8 in its prompt line as control codes ("fl^@¨ches"): ASCII only
    assert prompt.isascii()


def test_a_pager_the_person_chose_is_run_as_they_wrote_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    seen = fake_pager(tmp_path, "mypager")
    monkeypatch.setenv("PAGER", f"{tmp_path / 'mypager'} --their-option")
    monkeypatch.setenv("LINES", "10")
    page("".join(f"line {i}\n" for i in range(40)), "en")
    assert json.loads(seen.read_text())["argv"] == ["--their-option"]


def test_less_prompt_escapes_what_less_reads_as_its_own() -> None:
    # ? : . % and backslash are less's prompt syntax: the hint must show them as written
    assert less_prompt("a: b. 50% ?\\") == r"a\: b\. 50\% \?\\ ?e(END):?pB(%pB\%).."


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_text_the_menu_under_it_would_push_off_the_screen_is_paged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        lang: str) -> None:
    """A 23-line comparison at 80x24 was printed as it was, and the 6-line menu printed under
    it pushed its first lines (which roles, the gap) off the screen: what fits above the menu
    is printed, anything longer goes through the pager."""
    import json

    from engine import prompts

    seen = fake_pager(tmp_path, "less")
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setenv("COLUMNS", "80")
    room = 24 - prompts.result_menu_height(lang)
    fits = "".join(f"line {i}\n" for i in range(room))
    page(fits, lang)
    assert capsys.readouterr().out == fits and not seen.exists()
    longer = "".join(f"line {i}\n" for i in range(room + 1))
    page(longer, lang)
    assert json.loads(seen.read_text())["text"] == longer
    assert capsys.readouterr().out == ""
