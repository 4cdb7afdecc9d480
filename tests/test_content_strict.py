"""Content text a terminal prints holds no control character, and `rolematch validate` warns
about what loads but is probably a mistake (``--strict`` refuses it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import content_warnings, load_content
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
    expected = (f"rolematch: {path}: line 2: title.en: must not contain control characters: found "
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
     "line 3: other_titles[0]", "must be one line, without tabs: found '\\t' (tab) at character 9",
     "'Business\\tAnalyst'"),
    ("typical_tools: [Excel,", 'typical_tools: ["Ex\\ncel",', "line 13: typical_tools[0]",
     "must be one line: found '\\n' (line break) at character 3", "'Ex\\ncel'"),
    ("  - source: seeds/000_e8f0995ecf0023d4.txt", '  - source: "seeds/\\e[31m.txt"',
     "line 43: sources[0].source", "must not contain control characters: found '\\x1b' (escape) at "
     "character 7", "'seeds/\\x1b[31m.txt'"),
    ('  - {en: "Reports", fr: "Rapports"}', '  - {en: "Reports", fr: "Rapports\\e[8m"}',
     "line 15: deliverables[0].fr",
     "must not contain control characters: found '\\x1b' (escape) at "
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
        f"rolematch: {path}: line 19: typical_day.en: must not contain control characters: "
        "found '\\r' "
        "(carriage return) at character 15 (got 'Morning.\\n\\tThen\\r\\x1b[2J lunch.')")
    no_raw_control(r)


def test_questionnaire_and_vocabulary_text_is_checked(run: Callable[..., Run],
                                                      copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(copy.questionnaire, "  - id: skills\n    title: {en: \"Your skills\"",
              "  - id: skills\n    title: {en: \"Your\\a skills\"")
    copy.edit(copy.questionnaire, 'fr: "Jamais fait"', 'fr: "Jamais\\nfait"')
    copy.edit(vocab, "names: [Google Sheets,", 'names: ["Ex\\ecel",')
    r = validate(run, copy)
    assert r.code == 2
    lines = r.err.splitlines()
    assert one(lines, "sections[0]") == (
        f"rolematch: {copy.questionnaire}: line 46: sections[0] (skills).title.en: must not "
        "contain control "
        "characters: found '\\x07' (bell) at character 5 (got 'Your\\x07 skills')")
    assert one(lines, "scales") == (
        f"rolematch: {copy.questionnaire}: line 30: scales.skill.points[0].fr: must be one "
        "line: found "
        "'\\n' (line break) at character 7 (got 'Jamais\\nfait')")
    assert one(lines, "vocabulary.yaml") == (
        f"rolematch: {vocab}: line 14: terms[0] (excel).names[0]: must not contain control "
        "characters: found "
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
        f"rolematch: {path}: line 50: weights.sql\\x1b[2J: unknown dimension")
    assert one(lines, "questions[1]") == (
        f"rolematch: {copy.questionnaire}: line 65: questions[1] (skill_sql\\x07).id: must be "
        "an id: lower-case "
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


# --------------------------------------------------------------------------- warnings


def test_the_shipped_content_passes_strict_validation(run: Callable[..., Run],
                                                      copy: ContentCopy) -> None:
    r = validate(run, copy)
    assert r.code == 0 and r.err == "" and "warning" not in r.out
    r = validate(run, copy, "--strict")
    assert r.code == 0 and r.err == "" and r.out.startswith("OK: ")


def test_a_section_with_no_question(run: Callable[..., Run], copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "  - id: scenarios\n",
              '  - id: later\n    title: {en: "Later", fr: "Plus tard"}\n  - id: scenarios\n')
    r = validate(run, copy)
    expected = (f"{copy.questionnaire}: line 51: sections[3] (later).id: has no question "
                "(got 'later')")
    assert r.code == 0
    assert one(r.err.splitlines(), "sections[3]") == f"rolematch: warning: {expected}"
    r = validate(run, copy, "--strict")
    assert r.code == 2 and r.out == ""
    assert one(r.err.splitlines(), "sections[3]") == f"rolematch: {expected}"
    assert r.err.splitlines()[-1] == (
        "rolematch: 1 problem found (warnings refused by --strict)")


def test_a_likert_question_whose_effects_are_all_0(run: Callable[..., Run],
                                                   copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {ml-modelling: 1.0}", "effects: {ml-modelling: 0}")
    r = validate(run, copy)
    assert r.code == 0
    assert one(r.err.splitlines(), "questions[3]") == (
        f"rolematch: warning: {copy.questionnaire}: line 91: questions[3] (skill_ml).effects: "
        "moves no dimension: "
        'every effect is 0 (got {"ml-modelling": 0.0})')
    assert validate(run, copy, "--strict").code == 2


@pytest.mark.parametrize("effects", ["{tools-bi: 0.0, data-visualisation: 0}", "{}"])
def test_an_option_that_moves_nothing(run: Callable[..., Run], copy: ContentCopy,
                                      effects: str) -> None:
    copy.edit(copy.questionnaire, "effects: {tools-bi: 1.0, data-visualisation: 0.5}",
              f"effects: {effects}")
    r = validate(run, copy)
    assert r.code == 0
    shown = '{"tools-bi": 0.0, "data-visualisation": 0.0}' if effects != "{}" else "{}"
    assert one(r.err.splitlines(), "questions[13]") == (
        f"rolematch: warning: {copy.questionnaire}: line 188: questions[13] (tools_analysis)"
        ".options[1] (power_bi).effects: moves "
        f"no dimension: no effect above 0 (got {shown})")
    assert validate(run, copy, "--strict").code == 2


def test_a_single_question_whose_options_all_move_nothing_is_an_error(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    text = copy.questionnaire.read_text(encoding="utf-8")
    start = text.index("  - id: proudest_deliverable\n")
    end = text.index("\n  - id:", start + 1)
    zeroed = re.sub(r"(?<=: )[0-9.]+(?=[,}])", "0", text[start:end])
    copy.questionnaire.write_text(text[:start] + zeroed + text[end:], encoding="utf-8")
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "questions[27]") == (
        f"rolematch: {copy.questionnaire}: line 445: questions[27] (proudest_deliverable)"
        ".options: no option moves any "
        "dimension")


def test_one_vocabulary_name_under_two_terms(run: Callable[..., Run], copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "names: [Power BI, PowerBI, DAX]", "names: [Power BI, PowerBI, DAX, VBA]")
    r = validate(run, copy)
    assert r.code == 0
    assert one(r.err.splitlines(), "terms[1]") == (
        f"rolematch: warning: {vocab}: line 15: terms[1] (power-bi).names[3]: is also listed under "
        "terms[0].names[3] ('excel'), which decode tries first (got 'VBA')")


def test_a_name_decode_tries_first_is_the_one_kept(run: Callable[..., Run],
                                                   copy: ContentCopy) -> None:
    """A name goes before an exact one, whatever the order of the terms."""
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "exact: [Excel]", "exact: [Excel, BI]")
    r = validate(run, copy)
    assert one(r.err.splitlines(), "(excel).exact") == (
        f"rolematch: warning: {vocab}: line 14: terms[0] (excel).exact[1]: is also listed under "
        "terms[4].names[0] ('dashboards'), which decode tries first (got 'BI')")


@pytest.mark.parametrize(("name", "why"), [
    ("+++", "has no letter or digit decode can read (a-z, 0-9), so it never matches"),
    ("日本", "has no letter or digit decode can read (a-z, 0-9), so it never matches"),
    ("the", "is only common words, so it matches nearly every posting"),
    ("De la", "is only common words, so it matches nearly every posting"),
])
def test_a_vocabulary_name_that_never_or_always_matches(
    run: Callable[..., Run], copy: ContentCopy, name: str, why: str,
) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "names: [Google Sheets,", f'names: ["{name}", Google Sheets,')
    r = validate(run, copy)
    assert r.code == 0
    assert one(r.err.splitlines(), "terms[0]") == (
        f"rolematch: warning: {vocab}: line 14: terms[0] (excel).names[0]: {why} (got {name!r})")
    assert validate(run, copy, "--strict").code == 2


def test_a_context_word_that_always_passes(run: Callable[..., Run], copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "context: [dashboard,", "context: [of, '--', dashboard,")
    lines = validate(run, copy).err.splitlines()
    assert one(lines, "context[0]") == (
        f"rolematch: warning: {vocab}: line 16: terms[2] (tableau).context[0]: is only common "
        "words, so the "
        "context check nearly always passes (got 'of')")
    assert one(lines, "context[1]") == (
        f"rolematch: warning: {vocab}: line 16: terms[2] (tableau).context[1]: has no letter "
        "or digit decode can "
        "read (a-z, 0-9), so the context check nearly always passes (got '--')")


@pytest.mark.parametrize("name", ["x.YAML", "x.Yml", "data-scientist.yaml.bak", "notes.txt"])
def test_a_file_the_profiles_folder_does_not_read(run: Callable[..., Run], copy: ContentCopy,
                                                  name: str) -> None:
    (copy.profiles / name).write_text("id: x\n")
    (copy.profiles / ".hidden.swp").write_text("")  # hidden: an editor's, not the person's
    (copy.profiles / "backup").mkdir()
    r = validate(run, copy)
    assert r.code == 0
    assert one(r.err.splitlines(), name) == (
        f"rolematch: warning: {copy.profiles / name}: is not read: only files ending in .yaml "
        "or .yml (lower case) are read as role profiles")
    assert "hidden" not in r.err and "backup" not in r.err
    assert validate(run, copy, "--strict").code == 2


def test_a_role_left_out_for_its_file_name_is_named_among_the_errors(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    """data-analyst.YAML is not read: the roles that contrast with it fail, and say why."""
    renamed = copy.profiles / "data-analyst.YAML"
    copy.profile("data-analyst").rename(renamed)
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "warning:") == (
        f"rolematch: warning: {renamed}: is not read: only files ending in .yaml or .yml "
        "(lower case) are read as role profiles")


def test_warnings_are_computed_by_the_library(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {ml-modelling: 1.0}", "effects: {ml-modelling: 0}")
    found = content_warnings(load_content(copy.questionnaire, copy.profiles, vocabulary=True))
    assert [(p.path, p.value) for p in found][0] == ("questions[3] (skill_ml).effects",
                                                        {"ml-modelling": 0})


def test_validate_help_documents_strict(run: Callable[..., Run]) -> None:
    r = run("validate", "--help")
    assert r.code == 0
    assert "--strict" in r.out and "warning:" in r.out


def test_an_unknown_scale_kind_is_one_line(run: Callable[..., Run], copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    kind: preference\n", "    kind: liking\n")
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "scales.enjoy.kind") == (
        f"rolematch: {copy.questionnaire}: line 36: scales.enjoy.kind: not an allowed value (got "
        "'liking'); valid: level, preference")


def test_neutral_options_are_checked(run: Callable[..., Run], copy: ContentCopy) -> None:
    """A neutral option with effects, and a neutral option in a tick-any question: one line
    each, naming the file, the key and the value."""
    copy.edit(copy.questionnaire, "        neutral: true\n",
              "        neutral: true\n        effects: {statistics: 0.5}\n")
    copy.edit(copy.questionnaire, '      - id: excel\n',
              '      - id: none_of_these\n        label: {en: "None", fr: "Aucun"}\n'
              '        neutral: true\n      - id: excel\n')
    r = validate(run, copy)
    assert r.code == 2
    lines = r.err.splitlines()
    assert one(lines, "a neutral option counts as a skip") == (
        f"rolematch: {copy.questionnaire}: line 508: questions[28] (model_incident).options[8] "
        "(no_model_experience).effects: a neutral option "
        "counts as a skip: it can have no effects (got {\"statistics\": 0.5})")
    assert one(lines, "only a single question") == (
        f"rolematch: {copy.questionnaire}: line 185: questions[13] (tools_analysis)"
        ".options[0] (none_of_these).neutral: only a single "
        "question can have a neutral option (ticking nothing already says none) (got true)")
