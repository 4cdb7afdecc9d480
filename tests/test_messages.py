"""Error lines cannot be forged: what a file names (keys, values, its own name) shows escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engine.errors import EngineError, printable, problem
from tests.conftest import ContentCopy, Run

RunCli = Callable[..., Run]
RAW = ("\x1b", "\x07", "\r")


@pytest.mark.parametrize("text, shown", [
    ("a\nb", "a\\nb"), ("\x1b[2J", "\\x1b[2J"), ("\x1b]0;x\x07", "\\x1b]0;x\\x07"),
    ("cr\rhere", "cr\\rhere"), ("tab\tok", "tab\\tok"), ("\x9b", "\\x9b"), ("é ✓", "é ✓"),
])
def test_control_characters_show_escaped(text: str, shown: str) -> None:
    assert printable(text) == shown
    line = problem(f"f{text}.yaml", f"weights.{text}", "unknown key", text).line()
    assert "\n" not in line and not any(c in line for c in RAW)
    assert f"f{shown}.yaml: weights.{shown}: unknown key" in line


def test_a_key_with_a_newline_cannot_print_a_line_of_its_own(copy: ContentCopy,
                                                              run: RunCli) -> None:
    copy.edit(copy.profile("data-analyst"), "weights:",
              'weights:\n  "sql\\nrolematch: all good\\x1b[2J": 0.5')
    r = run("validate", "--profiles", str(copy.profiles), "--questionnaire",
            str(copy.questionnaire))
    assert r.code == 2
    assert not any(line.startswith("rolematch: all good") for line in r.err.splitlines())
    assert "weights.sql\\nrolematch: all good\\x1b[2J" in r.err
    assert not any(c in r.err + r.out for c in RAW)


def test_a_plain_message_is_escaped_too(tmp_path: Path) -> None:
    assert EngineError("one\ntwo").lines() == ["one\\ntwo"]
