"""`rolematch validate` reports every problem, not just the first: a mistake the rules refuse
in a file does not hide another mistake in the same file or in another one, and does not
bring false ones along (checks that read a refused part are the ones left out)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engine.content import load_content
from engine.errors import ContentError
from tests.conftest import ContentCopy, Run


def errors(copy: ContentCopy) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(copy.questionnaire, copy.profiles, vocabulary=True)
    return info.value.lines()


def has(lines: list[str], *parts: str) -> None:
    hits = [line for line in lines if all(p in line for p in parts)]
    assert len(hits) == 1, f"expected one line with {parts}, got:\n" + "\n".join(lines)


DASHBOARDS_FR = ("      fr: \"Construire des tableaux de bord, des rapports et des graphiques qui "
                 "servent à d'autres pour suivre l'activité (BI). Les tableaux de supervision "
                 "des systèmes, comme Grafana, ne comptent pas ici : ils sont dans les outils "
                 "d'exploitation.\"\n")


def test_a_duplicate_id_is_reported_beside_a_missing_key_of_the_same_question(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    q = copy.questionnaire
    copy.edit(q, "  - id: skill_dashboards\n", "  - id: skill_sql\n")
    copy.edit(q, DASHBOARDS_FR, "")
    r = run("validate", "--questionnaire", str(q), "--profiles", str(copy.profiles))
    assert r.code == 2
    assert r.err.splitlines() == [
        f"rolematch: {q}: line 79: questions[2] (skill_sql).text.fr: required key is missing: "
        "add the French text (fr: ...)",
        f"rolematch: {q}: line 74: questions[2] (skill_sql).id: duplicate id, already used at "
        "questions[1] (got 'skill_sql')",
        "rolematch: 2 problems found",
    ]


def test_a_duplicate_option_id_is_reported_beside_a_missing_label(copy: ContentCopy) -> None:
    q = copy.questionnaire
    copy.edit(q, "      - id: tableau\n", "      - id: power_bi\n")
    copy.edit(q, 'label: {en: "Jupyter notebooks", fr: "Notebooks Jupyter"}',
              'label: {en: "Jupyter notebooks"}')
    lines = errors(copy)
    has(lines, "questions[13] (tools_analysis).options[3] (jupyter).label.fr: required key is "
        "missing")
    has(lines, "questions[13] (tools_analysis).options[2] (power_bi).id: duplicate id, already "
        "used at questions[13] (tools_analysis).options[1] (got 'power_bi')")
    assert len(lines) == 2, lines


def test_an_unknown_weight_dimension_is_reported_beside_a_misspelt_key(copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "\ntitle:", "\ntitel:")
    copy.edit(path, "  sql: 0.85", "  sqll: 0.85")
    lines = errors(copy)
    has(lines, "data-analyst.yaml: line 2: titel: unknown key; did you mean 'title'?")
    has(lines, "data-analyst.yaml: line 50: weights.sqll: unknown dimension; did you mean "
        "'sql'? (got 'sqll')")
    assert len(lines) == 2, lines


def test_a_refused_profile_does_not_hide_an_unknown_dimension_in_the_questionnaire(
    copy: ContentCopy,
) -> None:
    copy.edit(copy.profile("data-analyst"), "typical_day:", "colour: blue\ntypical_day:")
    copy.edit(copy.questionnaire, "effects: {sql: 1.0, data-storage: 0.3}",
              "effects: {sqll: 1.0, data-storage: 0.3}")
    lines = errors(copy)
    has(lines, "data-analyst.yaml", "colour: unknown key")
    has(lines, "default.yaml: line 73: questions[1] (skill_sql).effects.sqll: unknown "
        "dimension; did you mean 'sql'?")
    assert len(lines) == 2, lines


def test_a_refused_dimension_label_does_not_hide_an_unknown_weight_in_a_profile(
    copy: ContentCopy,
) -> None:
    copy.edit(copy.dimensions, 'label: {en: "Statistics", fr: "Statistiques"}',
              'label: {en: "Statistics"}')
    copy.edit(copy.profile("devops-engineer"), "  ci-cd: 1.0", "  cicd: 1.0")
    lines = errors(copy)
    has(lines, "dimensions.yaml: line 8: dimensions[0] (statistics).label.fr: required key is "
        "missing")
    has(lines, "devops-engineer.yaml", "weights.cicd: unknown dimension; did you mean 'ci-cd'?")
    assert len(lines) == 2, lines


def test_an_unknown_term_dimension_is_reported_beside_a_bad_kind(copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "{id: excel, kind: tool,", "{id: excel, kind: tol,")
    copy.edit(vocab, "effects: {tools-bi: 1.0, data-visualisation: 0.6}}",
              "effects: {tools-bi: 1.0, data-visualization: 0.6}}")
    lines = errors(copy)
    has(lines, "vocabulary.yaml: line 14: terms[0] (excel).kind: not an allowed value "
        "(got 'tol'); valid: tool, skill, activity")
    has(lines, "vocabulary.yaml", "terms[1] (power-bi).effects.data-visualization: unknown "
        "dimension; did you mean 'data-visualisation'?")
    assert len(lines) == 2, lines


# --------------------------------------------------------------------------- no false ones:
# what a check would read is refused, so the check is left out


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    # every file names `sql`: none of them is said to name an unknown dimension
    ("dimensions", "  - id: sql\n", "  - id: SQL\n",
     "dimensions[3] (SQL).id: must be an id: lower-case letters, digits"),
    # the questions in `skills` are not said to be in an unknown section
    ("questionnaire", "  - id: skills\n", "  - id: Skills\n",
     "sections[0] (Skills).id: must be an id: lower-case letters, digits"),
    # a question of no known type: nothing is said of its effects, or of what it alone moves
    ("questionnaire", "    type: likert\n    label: {en: \"SQL\"",
     "    type: likret\n    label: {en: \"SQL\"",
     "questions[1] (skill_sql).type: unknown question type (got 'likret')"),
    # the largest weight and the near-duplicates need every weight of the role
    ("data-analyst", "  sql: 0.85", '  sql: "0.85"',
     "weights.sql: expected a number from 0 to 1, got the text '0.85'"),
    # the catalogue's groups are not all known: blends' dimensions are not checked by group
    ("dimensions", "  - id: sql\n    group: skill\n", "  - id: sql\n    group: skil\n",
     "dimensions[3] (sql).group: not an allowed value (got 'skil')"),
])
def test_a_refused_part_brings_no_false_problem_along(
    copy: ContentCopy, file: str, old: str, new: str, expected: str,
) -> None:
    path = {"dimensions": copy.dimensions, "questionnaire": copy.questionnaire}.get(
        file, copy.profile(file))
    copy.edit(path, old, new)
    lines = errors(copy)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}: ") and expected in lines[0], lines[0]


def test_effects_misspelt_are_not_taken_for_no_effects(copy: ContentCopy) -> None:
    """Only these two options move tools-llm: written `effect:`, they are not said to leave it
    unmoved (the missing key may be the misspelt one, not one left to its default)."""
    copy.edit(copy.questionnaire, "effects: {tools-llm: 1.0,", "effect: {tools-llm: 1.0,")
    copy.edit(copy.questionnaire, "effects: {tools-llm: 0.8,", "effect: {tools-llm: 0.8,")
    lines = errors(copy)
    assert [line.split(": ", 3)[2:] for line in lines] == [
        ["questions[15] (tools_ml).options[5] (llm_api).effect",
         "unknown key; did you mean 'effects'? (got {\"tools-llm\": 1.0, \"generative-ai\": "
         "0.5})"],
        ["questions[15] (tools_ml).options[6] (hugging_face).effect",
         "unknown key; did you mean 'effects'? (got {\"tools-llm\": 0.8, \"nlp-vision\": 0.5})"],
    ], lines
