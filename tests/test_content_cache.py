"""The content cache: a start on content accepted before skips pydantic and yaml, and nothing
is ever accepted that the rules (engine.rules) did not accept from the files as they are now.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from engine import cache
from engine.content import (
    Content,
    Profile,
    Text,
    default_questionnaire_path,
    load_content,
    load_profiles,
)
from engine.errors import ContentError
from engine.readers import read_yaml
from tests.conftest import ContentCopy
from tests.tiny import write_tiny

HEAVY = ["pydantic", "pydantic_core", "yaml", "numpy", "rich", "questionary", "prompt_toolkit"]
PROBE = """
import contextlib, io, json, sys
from engine.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
print(json.dumps({"code": code, "loaded": [m for m in json.loads(sys.argv[2])
                                           if m in sys.modules]}))
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROLEMATCH_CACHE_DIR", str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def uncached(monkeypatch: pytest.MonkeyPatch, *args: Any, **kwargs: Any) -> Content:
    with monkeypatch.context() as m:
        m.setenv("ROLEMATCH_NO_CACHE", "1")
        return load_content(*args, **kwargs)


def errors(*args: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(*args, **kwargs)
    return info.value.lines()


def probe(argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(HEAVY)],
                         capture_output=True, text=True, check=True, env=env).stdout
    data: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return data


# --------------------------------------------------------------------------- what a hit skips


@pytest.mark.parametrize("argv", [["roles"], ["roles", "data-engineer"], ["questions", "--json"],
                                  ["validate"]])
def test_a_start_on_cached_content_imports_no_pydantic_yaml_or_numpy(
    argv: list[str], cache_dir: Path
) -> None:
    env = {**os.environ, "ROLEMATCH_CACHE_DIR": str(cache_dir)}
    first = probe(argv, env)  # the control: with an empty cache the rules do run
    assert first["code"] == 0
    assert {"pydantic", "yaml"} <= set(first["loaded"])
    again = probe(argv, env)
    assert again["code"] == 0
    assert again["loaded"] == []


def test_with_the_cache_off_every_start_validates(cache_dir: Path) -> None:
    env = {**os.environ, "ROLEMATCH_CACHE_DIR": str(cache_dir), "ROLEMATCH_NO_CACHE": "1"}
    for _ in range(2):
        assert "pydantic" in probe(["roles"], env)["loaded"]
    assert not cache_dir.exists()


# --------------------------------------------------------------------------- same content


def test_cached_content_is_the_content_the_rules_accepted(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated = uncached(monkeypatch, vocabulary=True)
    assert entries(cache_dir) == []
    first = load_content(vocabulary=True)  # validated, then stored
    assert len(entries(cache_dir)) == 2
    stamps = [p.stat().st_mtime_ns for p in entries(cache_dir)]
    hit = load_content(vocabulary=True)
    assert [p.stat().st_mtime_ns for p in entries(cache_dir)] == stamps  # read, not rewritten
    for loaded in (first, hit):
        assert loaded.questionnaire.data == validated.questionnaire.data
        assert loaded.profiles.dimensions == validated.profiles.dimensions
        assert loaded.profiles.profiles == validated.profiles.profiles
        assert loaded.profiles.vocabulary == validated.profiles.vocabulary
        assert loaded.questionnaire.content_hash() == validated.questionnaire.content_hash()
    assert hit.questionnaire.path == validated.questionnaire.path
    assert hit.profiles.directory == validated.profiles.directory


def test_content_hash_is_the_hash_saved_results_carry(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same content keeps the same content_hash, validated or cached: a fixed value for a
    fixed questionnaire (as rolematch computed it before the cache), and for the shipped
    one the hash of what its model accepted, in the model's JSON."""
    from engine.rules import QuestionnaireFile

    assert write_tiny(tmp_path / "a").questionnaire.content_hash() == "sha256:70223d047edaf42e"
    assert entries(cache_dir)
    assert load_content(tmp_path / "a" / "tiny.yaml", tmp_path / "a" / "profiles"
                        ).questionnaire.content_hash() == "sha256:70223d047edaf42e"
    import hashlib

    model = QuestionnaireFile.model_validate(read_yaml(default_questionnaire_path()))
    expected = "sha256:" + hashlib.sha256(model.model_dump_json().encode()).hexdigest()[:16]
    assert uncached(monkeypatch).questionnaire.content_hash() == expected
    assert load_content().questionnaire.content_hash() == expected
    assert load_content().questionnaire.content_hash() == expected  # from the cache


def test_formatting_changes_the_key_but_not_the_content_hash(
    copy: ContentCopy, cache_dir: Path
) -> None:
    before = load_content(copy.questionnaire, copy.profiles).questionnaire.content_hash()
    copy.questionnaire.write_text("# a comment\n" + copy.questionnaire.read_text("utf-8"),
                                  encoding="utf-8")
    assert load_content(copy.questionnaire, copy.profiles).questionnaire.content_hash() == before


def test_content_records_are_frozen(cache_dir: Path) -> None:
    load_profiles()
    profile = load_profiles().profiles[0]  # from the cache
    assert isinstance(profile, Profile)
    with pytest.raises(AttributeError):
        profile.id = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        profile.title.en = "other"  # type: ignore[misc]
    assert profile.title == Text(en=profile.title.en, fr=profile.title.fr)


# --------------------------------------------------------------------------- never stale


def test_a_changed_file_is_read_and_validated_again(copy: ContentCopy, cache_dir: Path) -> None:
    """Keyed by the bytes: an edit of the same length, with the old modification time put
    back, is seen too."""
    path = copy.profile("data-analyst")
    assert load_profiles(copy.profiles).profile("data-analyst") is not None
    info = path.stat()
    copy.edit(path, 'en: "Data Analyst"', 'en: "Data Analyzt"')
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    profile = load_profiles(copy.profiles).profile("data-analyst")
    assert profile is not None and profile.title.en == "Data Analyzt"


def test_a_new_or_removed_profile_file_is_seen(copy: ContentCopy, cache_dir: Path) -> None:
    assert len(load_profiles(copy.profiles).profiles) == 8
    (copy.profiles / "data-storyteller.yaml").write_text(
        copy.profile("data-analyst").read_text("utf-8").replace("id: data-analyst",
                                                               "id: data-storyteller"),
        encoding="utf-8")
    lines = errors(copy.questionnaire, copy.profiles)
    assert any("near-duplicate" in line for line in lines)  # checked across files again
    (copy.profiles / "data-storyteller.yaml").unlink()
    copy.profile("ai-architect").unlink()
    assert any("ai-architect" in line for line in errors(copy.questionnaire, copy.profiles))


@pytest.mark.parametrize("edit", [
    ("dimensions.yaml", "id: sql", "id: SQL"),
    ("data-analyst.yaml", "weights:", "colour: blue\nweights:"),
    ("vocabulary.yaml", "terms:", "terms: 3\nunknown:"),
    ("questionnaire", "type: likert", "type: slider"),
])
def test_a_defect_after_a_cached_load_gets_every_error(
    edit: tuple[str, str, str], copy: ContentCopy, cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Custom content that was fine (and cached) and then breaks: the same lines as with no
    cache at all, and nothing stored for the broken version."""
    load_content(copy.questionnaire, copy.profiles, vocabulary=True)
    stored = {p: p.read_bytes() for p in entries(cache_dir)}
    name, old, new = edit
    copy.edit(copy.questionnaire if name == "questionnaire" else copy.profiles / name, old, new)
    lines = errors(copy.questionnaire, copy.profiles, vocabulary=True)
    with monkeypatch.context() as m:
        m.setenv("ROLEMATCH_NO_CACHE", "1")
        assert errors(copy.questionnaire, copy.profiles, vocabulary=True) == lines
    assert lines
    assert {p: p.read_bytes() for p in entries(cache_dir)} == stored


def test_a_new_rolematch_version_validates_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_profiles()
    monkeypatch.setattr(cache, "__version__", "99.0")
    stamps = {p: p.read_bytes() for p in entries(cache_dir)}
    load_profiles()
    assert {p: p.read_bytes() for p in entries(cache_dir)} != stamps


# --------------------------------------------------------------------------- a bad entry


def _entry(folder: Path, unit: str) -> Path:
    (found,) = [p for p in entries(folder) if p.name.startswith(unit + "-")]
    return found


def _tamper(entry: Path) -> None:
    """Change a title in the stored data, leaving the header as it was."""
    head, body = entry.read_bytes().split(b"\n", 1)
    assert b"Data Analyst" in body
    entry.write_bytes(head + b"\n" + body.replace(b"Data Analyst", b"Data Forger"))


def _retitle_everything(entry: Path) -> None:
    """Change a title and give the entry the right hash of its new data: still keyed by the
    bytes of the files it was made from, so it matches nothing the files are now."""
    head, body = entry.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    header["key"] = "0" * 64
    body = body.replace(b"Data Analyst", b"Data Forger")
    header["sha256"] = __import__("hashlib").sha256(body).hexdigest()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)


def _folder_instead(entry: Path) -> None:
    entry.unlink()
    entry.mkdir()


def _fifo_instead(entry: Path) -> None:
    entry.unlink()
    os.mkfifo(entry)


def _dev_zero_instead(entry: Path) -> None:
    entry.unlink()
    entry.symlink_to("/dev/zero")


def _deep(entry: Path) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    head = json.loads(entry.read_bytes().split(b"\n", 1)[0])
    head["sha256"] = __import__("hashlib").sha256(body).hexdigest()
    entry.write_bytes(json.dumps(head).encode() + b"\n" + body)


def _wrong_shape(entry: Path) -> None:
    """Data of the right hash but not what this code stores: validated again, not trusted."""
    head, body = entry.read_bytes().split(b"\n", 1)
    data = json.loads(body)
    for record in data.values():
        record["data"] = {"unexpected": True}
    body = json.dumps(data).encode()
    header = json.loads(head)
    header["sha256"] = __import__("hashlib").sha256(body).hexdigest()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)


BAD_ENTRIES = {
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "garbage": lambda p: p.write_bytes(os.urandom(4096)),
    "not UTF-8": lambda p: p.write_bytes(b"\xff\xfe" + p.read_bytes()),
    "header only": lambda p: p.write_bytes(p.read_bytes().split(b"\n", 1)[0]),
    "edited data": _tamper,
    "rehashed data for other files": _retitle_everything,
    "data of another shape": _wrong_shape,
    "deeply nested": _deep,
    "a folder": _folder_instead,
    "a FIFO": _fifo_instead,
    "a symlink to /dev/zero": _dev_zero_instead,
}


@pytest.mark.parametrize("damage", list(BAD_ENTRIES), ids=list(BAD_ENTRIES))
def test_a_damaged_or_edited_entry_is_ignored(
    damage: str, copy: ContentCopy, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = uncached(monkeypatch, copy.questionnaire, copy.profiles)
    load_content(copy.questionnaire, copy.profiles)
    entry = _entry(cache_dir, "profiles")
    BAD_ENTRIES[damage](entry)
    box: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: box.update(
        got=load_content(copy.questionnaire, copy.profiles)), daemon=True)
    worker.start()
    worker.join(10)
    assert "got" in box, "loading hung on a damaged cache entry"
    got: Content = box["got"]
    assert got.profiles.profiles == expected.profiles.profiles
    analyst = got.profiles.profile("data-analyst")
    assert analyst is not None and analyst.title.en == "Data Analyst"
    if entry.is_file() and not entry.is_symlink():  # validated again, and stored right
        assert load_content(copy.questionnaire, copy.profiles).profiles == got.profiles
        assert cache.load(entry.name, json.loads(entry.read_bytes().split(b"\n")[0])["key"])


# --------------------------------------------------------------------------- where; never a failure


def test_an_unusable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for folder in (blocker / "cache", Path("/dev/null/rolematch"), blocker):
        monkeypatch.setenv("ROLEMATCH_CACHE_DIR", str(folder))
        assert len(load_content().profiles.profiles) == 8
        assert len(load_content().profiles.profiles) == 8
    assert blocker.read_text() == "not a folder"


def test_a_read_only_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("ROLEMATCH_CACHE_DIR", str(folder))
    try:
        assert len(load_content().profiles.profiles) == 8
    finally:
        folder.chmod(0o700)


def test_entries_are_written_whole_and_alone(cache_dir: Path) -> None:
    load_content(vocabulary=True)
    names = sorted(p.name for p in cache_dir.iterdir())
    assert len(names) == 2 and all(n.endswith(".json") for n in names)  # no temporary left
    for entry in entries(cache_dir):
        head, body = entry.read_bytes().split(b"\n", 1)
        assert json.loads(head)["format"] == cache.FORMAT
        json.loads(body)


def test_the_cache_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEMATCH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "rolematch"
    load_profiles()
    assert entries(tmp_path / "xdg" / "rolematch")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "rolematch"
    monkeypatch.setenv("ROLEMATCH_NO_CACHE", "1")
    assert cache.folder() is None
