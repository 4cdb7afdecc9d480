"""The installed package carries its types: a ``py.typed`` marker in the wheel, so mypy on a
program that uses the library checks it against rolematch's own hints (PEP 561)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_the_wheel_ships_the_py_typed_marker(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "-w", str(tmp_path),
                    "--no-deps", "-q"], check=True, capture_output=True)
    [wheel] = tmp_path.glob("rolematch-*.whl")
    assert "engine/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_mypy_reads_the_librarys_types(tmp_path: Path) -> None:
    """What a developer sees: no "missing library stubs or py.typed marker", and a result
    typed as the result document, not Any."""
    program = tmp_path / "use.py"
    program.write_text(
        "from engine import AnswersError, load_content, score\n"
        "content = load_content()\n"
        "result = score({'answers': {}}, content.questionnaire, content.profiles)\n"
        "reveal_type(result)\n"
        "reveal_type(result.top)\n"
        "reveal_type(AnswersError)\n")
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                        "--cache-dir", str(tmp_path / "cache"), program.name],
                       cwd=tmp_path, capture_output=True, text=True)
    assert "py.typed" not in r.stdout
    assert 'Revealed type is "engine.export.ResultDocument"' in r.stdout, r.stdout
    assert 'Revealed type is "engine.export.RoleDoc | None"' in r.stdout, r.stdout
    assert r.returncode == 0, r.stdout
