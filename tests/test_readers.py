"""Hostile and broken files: each is one line naming the file, exit code 2, and no hang.

Every bad file is built in tmp_path. Each call runs in a thread joined with a timeout, so a
regression to a hang (a FIFO, an alias bomb) fails here instead of stalling the suite.
"""

from __future__ import annotations

import datetime
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.errors import AnswersError, ContentError, EngineError, ExportError
from engine.readers import (
    MAX_CONTENT_BYTES,
    MAX_DEPTH,
    MAX_POSTING_BYTES,
    MAX_RESULT_BYTES,
    TOO_DEEP,
    read_bytes,
    read_json,
    read_text,
    read_yaml,
)
from tests.conftest import ContentCopy, Run

RunCli = Callable[..., Run]
DEADLINE = 10.0  # seconds; every call here takes well under one


def within(call: Callable[[], Any]) -> Any:
    """``call()``'s result (or exception), asserting it came back before ``DEADLINE``."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(DEADLINE)
    assert not thread.is_alive(), f"still running after {DEADLINE:.0f} s (a hang)"
    if "error" in box:
        raise box["error"]
    return box.get("value")


# --------------------------------------------------------------------------- bad files

def billion_laughs(key: str = "name") -> str:
    """Nine levels of nine aliases: 9**9 strings once expanded, 100 lines of text."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + f"\n{key}: [{', '.join(['*a8'] * 9)}]\n"


def long_string_anchors() -> str:
    """One 10,000-character string, then a list of 1,000 aliases to it: 10 MB once expanded."""
    return f'x: &a "{"x" * 10_000}"\ny: [{", ".join(["*a"] * 1000)}]\n'


def nested(levels: int) -> str:
    return "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"  # the mapping is level 1


PLAIN_KEY = "a key must be a plain value, not a list or mapping"
YAML_DEFECTS = {
    "alias bomb": (billion_laughs(), "aliases (*) expand this to more than 1 MiB"),
    "alias bomb under an unknown key": (billion_laughs("no_such_key"), "aliases (*) expand"),
    "long-string anchors": (long_string_anchors(), "aliases (*) expand this to more than 1 MiB"),
    "recursive alias": ("a: &x [1, *x]\n", "refers to a list or mapping that contains it"),
    "nested 300 levels": (nested(300), f"{TOO_DEEP} (more than {MAX_DEPTH} levels)"),
    "nested 2000 levels (libyaml's cap)": (nested(2000), f"{TOO_DEEP} (more than {MAX_DEPTH}"),
    "nested 300 levels, block style": (
        "".join("  " * i + "a:\n" for i in range(300)) + "  " * 300 + "1\n", TOO_DEEP),
    "deep once aliases expand": (
        f"x: &x {'[' * 40}1{']' * 40}\ny: {'[' * 40}*x{']' * 40}\n",
        f"{TOO_DEEP} once its aliases (*) are expanded"),
    "list as a key": ("id: x\n? [a, b]\n: 1\n", PLAIN_KEY),
    "mapping as a key": ("{? {a: 1}: 2}\n", PLAIN_KEY),
    "merge key": ("base: &b {a: 1}\nother:\n  <<: *b\n",
                  "YAML merge keys (<<) are not supported; write the keys out"),
    "!!set": ("tags: !!set {sql, python}\n", "YAML sets (!!set) are not supported"),
    "!!omap": ("tags: !!omap [a: 1]\n", "the YAML tag !!omap is not supported"),
    "!!binary": ("name: !!binary aGVsbG8=\n", "the YAML tag !!binary is not supported"),
    "local tag": ("name: !custom x\n", "the YAML tag !custom is not supported"),
    "python tag": ("name: !!python/name:os.system\n", "the YAML tag !!python/name:os.system"),
    "a bare =": ("name: =\n", "a plain '=' has no meaning here; quote it"),
    "impossible date": ("since: 2024-13-45\n", "cannot be read as a date: month must be in 1..12"),
    "5,000-digit number": (f"n: {'1' * 5000}\n", "cannot be read as a number"),
    "key written twice": ("a: 1\na: 2\n", "key 'a' is written twice in the same mapping"),
}

WHERE = {  # the line and column each is reported at
    "alias bomb": "line 6, column 5", "long-string anchors": "line 2, column 4",
    "nested 300 levels": f"line 1, column {MAX_DEPTH + 3}", "list as a key": "line 2, column 3",
    "merge key": "line 3, column 3", "!!set": "line 1, column 7", "a bare =": "line 1, column 7",
    "recursive alias": "line 1, column 4", "key written twice": "line 2, column 1",
}


def one_line(exc: EngineError, path: Path) -> str:
    lines = exc.lines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}: "), lines[0]
    return lines[0]


@pytest.mark.parametrize("name", list(YAML_DEFECTS))
def test_a_bad_yaml_file_is_one_line_naming_the_file_and_where(tmp_path: Path, name: str) -> None:
    text, message = YAML_DEFECTS[name]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        within(lambda: read_yaml(path))
    line = one_line(info.value, path)
    assert message in line
    assert f": {WHERE[name]}: " in line if name in WHERE else "line " in line


@pytest.mark.parametrize("error", [ContentError, AnswersError])
def test_the_caller_names_the_error_class(tmp_path: Path, error: type[EngineError]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(billion_laughs())
    with pytest.raises(error):
        within(lambda: read_yaml(path, error))


def test_nesting_up_to_the_cap_reads_and_one_more_level_does_not(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(nested(MAX_DEPTH))
    assert read_yaml(path) == yaml.safe_load(nested(MAX_DEPTH))
    path.write_text(nested(MAX_DEPTH + 1))
    with pytest.raises(ContentError, match=TOO_DEEP):
        read_yaml(path)


def test_aliases_that_stay_small_are_still_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("common: &c [sql, python]\nwith: &w {a: 1}\n"
                    "x: {tags: *c, w: *w}\ny: {tags: *c, w: *w}\n")
    data = read_yaml(path)
    assert data["x"] == data["y"] == {"tags": ["sql", "python"], "w": {"a": 1}}


def test_standard_scalars_and_explicit_standard_tags_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: !!str 5\nb: 1.5\nc: true\nd: ~\ne: 2024-01-02\n5: five\nf: !!seq [1]\n")
    assert read_yaml(path) == {"a": "5", "b": 1.5, "c": True, "d": None,
                               "e": datetime.date(2024, 1, 2), 5: "five", "f": [1]}


# --------------------------------------------------------------------------- not a file

def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def make_folder(path: Path) -> None:
    path.mkdir()


def make_fifo_link(path: Path) -> None:
    os.mkfifo(path.with_name("pipe"))
    path.symlink_to(path.with_name("pipe"))


NOT_FILES = {
    "FIFO": (make_fifo, "is not a regular file but a FIFO (named pipe); expected a file"),
    "symlink to /dev/zero": (make_zero_link, "is not a regular file but a device; expected a file"),
    "symlink to a FIFO": (make_fifo_link,
                          "is not a regular file but a FIFO (named pipe); expected a file"),
    "folder": (make_folder, "is a folder, expected a file"),
}
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs FIFOs and /dev/zero")


@needs_fifo
@pytest.mark.parametrize("name", list(NOT_FILES))
@pytest.mark.parametrize("reader", [read_bytes, read_text, read_yaml, read_json])
def test_only_regular_files_are_read(tmp_path: Path, name: str, reader: Any) -> None:
    make, message = NOT_FILES[name]
    path = tmp_path / "x.yaml"
    make(path)
    with pytest.raises(ContentError) as info:
        within(lambda: reader(path, ContentError))
    assert one_line(info.value, path) == f"{path}: {message}"


def test_a_symlink_to_a_regular_file_reads(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("a: 1\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    assert read_yaml(tmp_path / "link.yaml") == {"a": 1}


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        read_yaml(tmp_path / "nope.yaml")
    assert one_line(info.value, tmp_path / "nope.yaml").endswith(": file not found")


# --------------------------------------------------------------------------- size caps

@pytest.mark.parametrize(("reader", "cap"), [
    (lambda p: read_yaml(p), MAX_CONTENT_BYTES),
    (lambda p: read_json(p, ContentError), MAX_CONTENT_BYTES),
    (lambda p: read_bytes(p, ContentError, MAX_POSTING_BYTES), MAX_POSTING_BYTES),
    (lambda p: read_json(p, ContentError, MAX_RESULT_BYTES), MAX_RESULT_BYTES),
])
def test_a_file_over_its_cap_is_refused_and_names_the_cap(tmp_path: Path, reader: Any,
                                                          cap: int) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * cap + b"\n")
    with pytest.raises(ContentError) as info:
        within(lambda: reader(path))
    assert one_line(info.value, path) == (
        f"{path}: is too large to read: over the {cap >> 20} MiB limit for this kind of file")


def test_a_file_at_its_cap_reads(tmp_path: Path) -> None:
    path = tmp_path / "full.txt"
    path.write_bytes(b"x" * MAX_CONTENT_BYTES)
    assert len(read_bytes(path, ContentError)) == MAX_CONTENT_BYTES


def test_the_shipped_content_is_far_below_the_cap_and_uses_no_aliases(content: Any) -> None:
    from engine.content import default_profiles_dir, default_questionnaire_path

    for path in [default_questionnaire_path(), *default_profiles_dir().glob("*.yaml")]:
        assert path.stat().st_size < MAX_CONTENT_BYTES // 10, path
        events = yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        assert not any(isinstance(e, yaml.AliasEvent) for e in events), path


# --------------------------------------------------------------------------- text, JSON

def test_a_utf8_byte_order_mark_reads_fine(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8-sig")
    (tmp_path / "a.json").write_text('{"a": 1}', encoding="utf-8-sig")
    assert read_yaml(tmp_path / "a.yaml") == {"a": 1}
    assert read_json(tmp_path / "a.json", ContentError) == {"a": 1}
    assert read_text(tmp_path / "a.json", ContentError) == '{"a": 1}'


def test_text_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: café\n".encode("latin-1"))
    with pytest.raises(ContentError) as info:
        read_yaml(path)
    assert one_line(info.value, path) == f"{path}: is not UTF-8 text (byte 10 is 0xe9)"


@pytest.mark.parametrize(("text", "message"), [
    ("[" * 100_000 + "]" * 100_000, f"{TOO_DEEP} (more than {MAX_DEPTH} levels)"),
    ('{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1), TOO_DEEP),
    ("1" * 5000, "is not valid JSON: Exceeds the limit (4300 digits)"),
    ('{"a": [1, 2,]}', "line 1, column 13: is not valid JSON: Expecting value"),
    # a file cut short: said so, and json's "starting at" (its position dropped) is not left
    # hanging at the end of the line
    ('{\n "id": "abc', "line 2, column 8: is not valid JSON: Unterminated string: the file "
     "ends too early (was it cut short?)"),
    ('{"a": ', "line 1, column 7: is not valid JSON: Expecting value: the file ends too early"),
    ('{"a": 1} x', "line 1, column 10: is not valid JSON: Extra data"),
])
def test_bad_json_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(ExportError) as info:
        within(lambda: read_json(path, ExportError))
    assert message in one_line(info.value, path)
    assert not one_line(info.value, path).endswith(" at")


@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1])
def test_json_nested_up_to_the_cap_reads_and_brackets_in_strings_do_not_count(
    tmp_path: Path, levels: int
) -> None:
    path = tmp_path / "deep.json"  # a list, an object, then lists: ``levels`` in all
    inner = "[" * (levels - 2) + "]" * (levels - 2)
    path.write_text(f'[{{"a": "[[[[{{{{\\"[[", "b": {inner}}}]')
    if levels > MAX_DEPTH:
        with pytest.raises(ContentError, match=TOO_DEEP):
            read_json(path, ContentError)
    else:
        assert read_json(path, ContentError)[0]["a"] == '[[[[{{"[['


# --------------------------------------------------------------------------- through the CLI

def content_args(copy: ContentCopy) -> list[str]:
    return ["--questionnaire", str(copy.questionnaire), "--profiles", str(copy.profiles)]


def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text("questionnaire: default\nanswers: {skill_sql: 4}\n")
    return path


COMMANDS = {
    "validate": lambda c, a: ["validate", *c],
    "roles": lambda c, a: ["roles", *c],
    "questions --json": lambda c, a: ["questions", "--json", *c],
    "--answers A --json": lambda c, a: ["--answers", str(a), "--json", *c],
    "decode TEXT --json": lambda c, a: ["decode", "Spark, Airflow and dbt pipelines", "--json", *c],
}


def assert_one_line_about(r: Run, path: Path) -> None:
    assert r.code == 2, (r.code, r.err)
    assert "internal error" not in r.err and "Traceback" not in r.err
    lines = r.err.splitlines()
    if lines and lines[-1] == "rolematch: 1 problem found":  # validate's summary
        lines = lines[:-1]
    assert len(lines) == 1, r.err
    assert lines[0].startswith(f"rolematch: {path}: "), lines[0]


def place(path: Path, defect: str) -> None:
    path.unlink()
    if defect in NOT_FILES:
        NOT_FILES[defect][0](path)
    else:
        path.write_text(YAML_DEFECTS[defect][0], encoding="utf-8")


@needs_fifo
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("defect", ["FIFO", "symlink to /dev/zero", "folder", "alias bomb",
                                    "nested 300 levels", "list as a key", "long-string anchors"])
def test_a_bad_profile_is_one_line_for_every_command(
    tmp_path: Path, copy: ContentCopy, run: RunCli, command: str, defect: str
) -> None:
    place(copy.profile("data-analyst"), defect)
    r = within(lambda: run(*COMMANDS[command](content_args(copy), answers_file(tmp_path))))
    if command.startswith("questions"):  # lists the questionnaire alone: profiles not read
        assert (r.code, r.err) == (0, ""), r.err
        return
    assert_one_line_about(r, copy.profile("data-analyst"))


@needs_fifo
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("defect", ["FIFO", "alias bomb", "merge key"])
def test_a_bad_questionnaire_is_one_line_for_every_command(
    tmp_path: Path, copy: ContentCopy, run: RunCli, command: str, defect: str
) -> None:
    place(copy.questionnaire, defect)
    r = within(lambda: run(*COMMANDS[command](content_args(copy), answers_file(tmp_path))))
    assert_one_line_about(r, copy.questionnaire)


@needs_fifo
@pytest.mark.parametrize("defect", list(YAML_DEFECTS) + ["symlink to /dev/zero", "folder"])
def test_every_yaml_defect_in_a_profile_fails_validate_in_one_line(
    copy: ContentCopy, run: RunCli, defect: str
) -> None:
    place(copy.profile("ml-engineer"), defect)
    assert_one_line_about(within(lambda: run("validate", *content_args(copy))),
                          copy.profile("ml-engineer"))


@pytest.mark.parametrize("defect", ["alias bomb", "!!set", "nested 2000 levels (libyaml's cap)"])
def test_a_bad_vocabulary_is_one_line_for_decode(copy: ContentCopy, run: RunCli,
                                                 defect: str) -> None:
    place(copy.profiles / "vocabulary.yaml", defect)
    r = within(lambda: run(*COMMANDS["decode TEXT --json"](content_args(copy), None)))
    assert_one_line_about(r, copy.profiles / "vocabulary.yaml")


def test_a_huge_vocabulary_is_refused_at_once(copy: ContentCopy, run: RunCli) -> None:
    vocabulary = copy.profiles / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text * (10 * MAX_CONTENT_BYTES // len(text)), encoding="utf-8")
    r = within(lambda: run(*COMMANDS["decode TEXT --json"](content_args(copy), None)))
    assert_one_line_about(r, vocabulary)
    assert "over the 1 MiB limit" in r.err


@needs_fifo
@pytest.mark.parametrize(("name", "make"), [
    ("me.yaml", make_fifo),
    ("me.json", make_fifo),
    ("me.yaml", lambda p: p.write_text(billion_laughs("answers"))),
    ("me.yaml", lambda p: p.write_text(f"questionnaire: default\nanswers: {nested(300)[3:]}")),
    ("me.json", lambda p: p.write_text("[" * 100_000 + "]" * 100_000)),
    ("me.yaml", lambda p: p.write_text("questionnaire: default\nanswers:\n  ? [a]\n  : 1\n")),
])
def test_a_bad_answers_file_is_one_line(tmp_path: Path, run: RunCli, name: str,
                                        make: Callable[[Path], None]) -> None:
    path = tmp_path / name
    make(path)
    assert_one_line_about(within(lambda: run("--answers", str(path), "--json")), path)


@needs_fifo
@pytest.mark.parametrize("make", [
    make_fifo, make_zero_link, make_folder,
    lambda p: p.write_bytes(b"Data Engineer\n" + b"SQL " * (MAX_POSTING_BYTES // 4)),
])
def test_decode_file_reads_only_a_regular_file_of_reasonable_size(
    tmp_path: Path, run: RunCli, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "posting.txt"
    make(path)
    assert_one_line_about(within(lambda: run("decode", "--file", str(path), "--json")), path)


@needs_fifo
@pytest.mark.parametrize("make", [
    make_fifo, make_zero_link,
    lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
    lambda p: p.write_text(json.dumps({"ranking": ["x" * 1000] * (MAX_RESULT_BYTES // 1000)})),
])
def test_show_reads_only_a_regular_result_of_reasonable_size(
    tmp_path: Path, run: RunCli, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "result.json"
    make(path)
    assert_one_line_about(within(lambda: run("show", str(path))), path)


@needs_fifo
def test_a_fifo_where_the_resume_file_was_is_set_aside(content: Any) -> None:
    from engine.resume import CorruptResume, load_resume, resume_path

    path = resume_path("default")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    with pytest.raises(CorruptResume) as info:
        within(lambda: load_resume(content.questionnaire))
    assert "is not a regular file" in info.value.reason
    assert not path.exists() and info.value.kept.exists()


def test_a_posting_on_standard_input_is_capped_too() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "engine", "decode", "-"],
                          input=b"a" * (MAX_POSTING_BYTES + 10), capture_output=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "rolematch: <stdin>: is too large to read: over the 2 MiB limit for this kind of file"]
