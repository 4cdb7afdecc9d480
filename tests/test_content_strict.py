"""Content text a terminal prints holds no control character: `rolematch validate` and every
command that loads the content refuse it in one line, the character shown escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import load_content
from tests.conftest import ContentCopy, Run

RAW = ("\x1b", "\x07", "\r", "\x9b")  # ESC, BEL, CR, the 8-bit CSI


def validate(run: Callable[..., Run], copy: ContentCopy, *extra: str) -> Run:
    return run("validate", "--questionnaire", str(copy.questionnaire),
               "--profiles", str(copy.profiles), *extra)


def one(lines: list[str], *parts: str) -> str:
    """The single line containing every part."""
    hits = [line for line in lines if all(p in line for p in parts)]
    assert len(hits) == 1, f"expected one line with {parts}, got:\n" + "\n".join(lines)
    return hits[0]


def no_raw_control(r: Run) -> None:
    for ch in RAW:
        assert ch not in r.out and ch not in r.err, f"raw {ch!r} printed"


# --------------------------------------------------------------------------- control characters

TITLE = 'title: {en: "Data Analyst", fr: "Data Analyst"}'


@pytest.mark.parametrize(("escaped", "shown", "found"), [
    ("\\e[2J", "\\x1b[2J", "'\\x1b' (escape) at character 6"),  # clear the screen
    ("\\e]0;x\\a", "\\x1b]0;x\\x07", "'\\x1b' (escape) at character 6"),  # set the window title
    ("\\a", "\\x07", "'\\x07' (bell) at character 6"),
    ("\\r", "\\r", "'\\r' (carriage return) at character 6"),
    ("\\x9b2J", "\\x9b2J", "'\\x9b' (control character) at character 6"),  # C1
    ("\\x7f", "\\x7f", "'\\x7f' (delete) at character 6"),
    ("\\u202e", "\\u202e", "'\\u202e' (bidirectional control) at character 6"),
])
def test_a_role_title_with_a_control_character_is_refused(
    run: Callable[..., Run], copy: ContentCopy, escaped: str, shown: str, found: str,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, TITLE, f'title: {{en: "Data {escaped} Analyst", fr: "Data Analyst"}}')
    expected = (f"rolematch: {path}: title.en: must not contain control characters: found "
                f"{found} (got 'Data {shown} Analyst')")
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "data-analyst.yaml") == expected
    no_raw_control(r)
    # loading refuses it: `roles` never gets to print the title
    r = run("roles", "--profiles", str(copy.profiles))
    assert (r.code, r.out, r.err.splitlines()) == (2, "", [expected])
    no_raw_control(r)


def test_a_raw_escape_byte_in_a_file_is_refused_and_not_echoed(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, TITLE, 'title: {en: "Data \x1b[2J Analyst", fr: "Data Analyst"}')
    r = validate(run, copy)
    assert r.code == 2
    one(r.err.splitlines(), str(path))
    no_raw_control(r)


@pytest.mark.parametrize(("old", "new", "where", "found", "got"), [
    ("other_titles: [Business Analyst,", 'other_titles: ["Business\\tAnalyst",',
     "other_titles[0]", "must be one line, without tabs: found '\\t' (tab) at character 9",
     "'Business\\tAnalyst'"),
    ("typical_tools: [Excel,", 'typical_tools: ["Ex\\ncel",', "typical_tools[0]",
     "must be one line: found '\\n' (line break) at character 3", "'Ex\\ncel'"),
    ("  - source: seeds/000_e8f0995ecf0023d4.txt", '  - source: "seeds/\\e[31m.txt"',
     "sources[0].source", "must not contain control characters: found '\\x1b' (escape) at "
     "character 7", "'seeds/\\x1b[31m.txt'"),
    ('  - {en: "Reports", fr: "Rapports"}', '  - {en: "Reports", fr: "Rapports\\e[8m"}',
     "deliverables[0].fr", "must not contain control characters: found '\\x1b' (escape) at "
     "character 9", "'Rapports\\x1b[8m'"),
])
def test_every_printed_field_of_a_profile_is_checked(
    run: Callable[..., Run], copy: ContentCopy, old: str, new: str, where: str, found: str,
    got: str,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, old, new)
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "data-analyst.yaml") == (
        f"rolematch: {path}: {where}: {found} (got {got})")
    no_raw_control(r)


def set_english(path: Path, key: str, value: str) -> None:
    """Replace the English paragraph under a top-level ``key`` (written ``en: >-``)."""
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(rf"(?m)^{key}:\n  en: >-\n(    .*\n)+",
                      lambda _: f"{key}:\n  en: {value}\n", text, count=1)
    assert n == 1
    path.write_text(text, encoding="utf-8")


def test_a_paragraph_may_hold_line_breaks_but_no_other_control(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    set_english(path, "typical_day", '"Morning.\\n\\tThen\\r\\e[2J lunch."')
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "data-analyst.yaml") == (
        f"rolematch: {path}: typical_day.en: must not contain control characters: found '\\r' "
        "(carriage return) at character 15 (got 'Morning.\\n\\tThen\\r\\x1b[2J lunch.')")
    no_raw_control(r)


def test_questionnaire_and_vocabulary_text_is_checked(run: Callable[..., Run],
                                                      copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(copy.questionnaire, "  - id: skills\n    title: {en: \"Your skills\"",
              "  - id: skills\n    title: {en: \"Your\\a skills\"")
    copy.edit(copy.questionnaire, 'fr: "Jamais fait"', 'fr: "Jamais\\nfait"')
    copy.edit(vocab, "names: [Excel,", 'names: ["Ex\\ecel",')
    r = validate(run, copy)
    assert r.code == 2
    lines = r.err.splitlines()
    assert one(lines, "sections[0]") == (
        f"rolematch: {copy.questionnaire}: sections[0].title.en: must not contain control "
        "characters: found '\\x07' (bell) at character 5 (got 'Your\\x07 skills')")
    assert one(lines, "scales") == (
        f"rolematch: {copy.questionnaire}: scales.skill[0].fr: must be one line: found '\\n' "
        "(line break) at character 7 (got 'Jamais\\nfait')")
    assert one(lines, "vocabulary.yaml") == (
        f"rolematch: {vocab}: terms[0].names[0]: must not contain control characters: found "
        "'\\x1b' (escape) at character 3 (got 'Ex\\x1bcel')")
    no_raw_control(r)


def test_an_id_or_a_key_with_a_control_character_is_shown_escaped(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "  sql: 0.85", '  "sql\\e[2J": 0.85')
    copy.edit(copy.questionnaire, "  - id: skill_sql\n", '  - id: "skill_sql\\a"\n')
    r = validate(run, copy)
    assert r.code == 2
    lines = r.err.splitlines()
    assert one(lines, "data-analyst.yaml").startswith(
        f"rolematch: {path}: weights.sql\\x1b[2J: unknown dimension")
    assert one(lines, "questions[1].id") == (
        f"rolematch: {copy.questionnaire}: questions[1].id: must be an id: lower-case "
        "letters, digits, '-' or '_', starting with a letter (got 'skill_sql\\x07')")
    no_raw_control(r)


def test_line_breaks_are_fine_in_paragraphs_and_at_the_end_of_a_one_line_text(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    set_english(path, "typical_day", '"Morning:\\tSQL.\\n\\nAfternoon: dashboards."')
    set_english(copy.questionnaire, "intro", "|\n    Job titles mean different things.\n\n"
                "    This quiz looks past them.")
    copy.edit(path, TITLE, 'title:\n  en: |\n    Data Analyst\n  fr: "Data Analyst"')
    r = validate(run, copy)
    assert r.code == 0, r.err
    content = load_content(copy.questionnaire, copy.profiles)
    profile = content.profiles.profile("data-analyst")
    assert profile is not None
    assert profile.title.en == "Data Analyst"  # the block's final line break, stripped
    assert profile.typical_day.en == "Morning:\tSQL.\n\nAfternoon: dashboards."
    assert "\n\n" in content.questionnaire.data.intro.en
