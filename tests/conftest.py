"""Shared fixtures: the shipped content, a writable copy of it, and running the CLI in-process."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from engine.content import Content, default_profiles_dir, default_questionnaire_path, load_content

REPO = Path(__file__).resolve().parent.parent
ROLE_IDS = [
    "ai-architect", "ai-engineer", "data-analyst", "data-engineer",
    "data-scientist", "devops-engineer", "ml-engineer", "mlops-engineer",
]


@pytest.fixture(scope="session", autouse=True)
def _content_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The content cache of the whole run (and of the commands it starts) in a folder of its
    own, never the user's: set before any content is loaded."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROLEMATCH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("ROLEMATCH_NO_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@dataclass
class ContentCopy:
    """A writable copy of the shipped content in tmp_path, to break on purpose."""

    questionnaire: Path
    profiles: Path

    def edit(self, path: Path, old: str, new: str, count: int = 1) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path.name}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def profile(self, role: str) -> Path:
        return self.profiles / f"{role}.yaml"

    @property
    def dimensions(self) -> Path:
        return self.profiles / "dimensions.yaml"


@pytest.fixture
def copy(tmp_path: Path) -> ContentCopy:
    profiles = tmp_path / "profiles"
    shutil.copytree(default_profiles_dir(), profiles)
    qdir = tmp_path / "questionnaires"
    qdir.mkdir()
    q = qdir / "default.yaml"
    shutil.copy(default_questionnaire_path(), q)
    return ContentCopy(q, profiles)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``main(argv)`` in-process and capture what a user would see."""
    from engine.cli import main

    def _run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Never touch the real user data folder; a fixed, English locale unless a test says so."""
    monkeypatch.setenv("ROLEMATCH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
