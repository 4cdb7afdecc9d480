"""The installed `rolematch` in a real pseudo-terminal, and the screen a person sees (pyte).

pexpect drives the command; everything it prints is also fed to a pyte screen of the same
size, so a test can assert on what is visible, not just on what was written.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pyte

EXE = str(Path(sys.executable).parent / "rolematch")
ENTER, DOWN, SPACE, ESC, CTRL_C = "\r", "\x1b[B", " ", "\x1b", "\x03"


class Terminal:
    """``rolematch ARGS`` in a ``lines`` x ``columns`` pseudo-terminal."""

    def __init__(self, tmp_path: Path, *args: str, lines: int = 24, columns: int = 80,
                 lang: str = "en_US.UTF-8", env: dict[str, str] | None = None) -> None:
        base = {k: v for k, v in os.environ.items()
                if k not in ("LC_ALL", "LC_MESSAGES", "NO_COLOR", "PAGER", "LESS")}
        base.update({"LANG": lang, "ROLEMATCH_DATA_DIR": str(tmp_path / "data"),
                     "TERM": "xterm", "COLUMNS": str(columns), "LINES": str(lines),
                     # pexpect does not answer prompt_toolkit's cursor-position requests,
                     # which would cost a one-second wait per prompt; terminals do answer
                     "PROMPT_TOOLKIT_NO_CPR": "1", **(env or {})})
        self.child = pexpect.spawn(EXE, list(args), env=base, dimensions=(lines, columns),
                                   encoding="utf-8", timeout=30, cwd=str(tmp_path))
        self.child.delaybeforesend = None
        self.screen = pyte.HistoryScreen(columns, lines, history=5000)
        self.stream = pyte.Stream(self.screen)
        self.seen = ""

    def expect(self, pattern: str) -> None:
        """Wait for ``pattern`` (a regular expression) in the output, then render it."""
        self.child.expect(pattern)
        shown = (self.child.before or "") + (self.child.after or "")
        self.seen += shown
        self.stream.feed(shown)

    def shown(self, pattern: str, timeout: float = 10) -> None:
        """Wait until the screen shows ``pattern`` (a regular expression on the visible rows):
        for what a redraw changes in place, which the output has only in pieces."""
        import time

        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.visible()):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"not on screen: {pattern!r}\n{self.visible()}")
            try:  # whatever has come (pexpect may hold some back from the last expect)
                self.child.expect(r"[\s\S]+", timeout=min(left, 0.2))
            except pexpect.TIMEOUT:
                continue
            data = (self.child.before or "") + (self.child.after or "")
            self.seen += data
            self.stream.feed(data)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def visible(self) -> str:
        """The screen as a person sees it now, one line per row."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def transcript(self) -> str:
        """Everything shown so far, as it stayed on screen: the lines scrolled off the top
        and then the screen (what a prompt drew and erased is not there)."""
        width = self.screen.columns
        gone = ["".join(line[x].data for x in range(width)).rstrip()
                for line in self.screen.history.top]
        return "\n".join([*gone, self.visible()])

    def finish(self) -> int:
        """Wait for the command to end; its exit status."""
        self.child.expect(pexpect.EOF)
        self.seen += self.child.before or ""
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)
