"""One test per validation rule: each error names the file, the key path and the bad value."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from engine.content import load_content, load_profiles
from engine.errors import ContentError
from tests.conftest import ContentCopy, Run


def errors(copy: ContentCopy) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(copy.questionnaire, copy.profiles, vocabulary=True)
    return info.value.lines()


def one(lines: list[str], *parts: str) -> str:
    """The single error line containing every part."""
    hits = [line for line in lines if all(p in line for p in parts)]
    assert len(hits) == 1, f"expected one line with {parts}, got:\n" + "\n".join(lines)
    return hits[0]


def test_shipped_copy_is_valid(copy: ContentCopy) -> None:
    load_content(copy.questionnaire, copy.profiles, vocabulary=True)


def test_unknown_key_lists_the_valid_keys(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-analyst"), "typical_day:", "colour: blue\ntypical_day:")
    line = one(errors(copy), "data-analyst.yaml", "colour")
    assert "unknown key" in line and "'blue'" in line
    assert "typical_day" in line and "weights" in line  # the valid choices


def test_typo_in_an_effect_dimension_suggests_the_closest_id(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {sql: 1.0, data-storage: 0.3}",
              "effects: {sqll: 1.0, data-storage: 0.3}")
    line = one(errors(copy), "default.yaml", "sqll")
    assert "default.yaml: line 73: questions[1] (skill_sql).effects.sqll:" in line
    assert "did you mean 'sql'?" in line


def test_typo_in_an_option_effect_names_the_option_path(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {tools-bi: 1.0, data-visualisation: 0.5}",
              "effects: {tools-bi: 1.0, data-visualization: 0.5}")
    line = one(errors(copy),
               "questions[13] (tools_analysis).options[1] (power_bi).effects.data-visualization")
    assert "did you mean 'data-visualisation'?" in line


def test_unknown_dimension_in_profile_weights(copy: ContentCopy) -> None:
    copy.edit(copy.profile("devops-engineer"), "  ci-cd: 1.0", "  cicd: 1.0")
    line = one(errors(copy), "devops-engineer.yaml", "weights.cicd")
    assert "did you mean 'ci-cd'?" in line


def test_weight_out_of_range(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-engineer"), "  pipelines-etl: 1.0", "  pipelines-etl: 1.5")
    line = one(errors(copy), "data-engineer.yaml", "weights.pipelines-etl")
    assert "from 0 to 1" in line and "1.5" in line


def test_effect_out_of_range(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {ml-modelling: 1.0}", "effects: {ml-modelling: -0.2}")
    line = one(errors(copy), "questions[3] (skill_ml).effects.ml-modelling")
    assert "from 0 to 1" in line and "-0.2" in line


def test_missing_french_text(copy: ContentCopy) -> None:
    copy.edit(copy.profile("ai-architect"),
              'title: {en: "AI Architect", fr: "AI Architect"}', 'title: {en: "AI Architect"}')
    line = one(errors(copy), "ai-architect.yaml", "title.fr")
    assert "missing" in line


def test_duplicate_question_id(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "  - id: skill_sql\n", "  - id: skill_statistics\n")
    line = one(errors(copy), "questions[1] (skill_statistics).id", "duplicate")
    assert "'skill_statistics'" in line and "already used at questions[0]" in line


def test_duplicate_option_id(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "      - id: tableau\n", "      - id: power_bi\n")
    line = one(errors(copy), "questions[13] (tools_analysis).options[2] (power_bi).id")
    assert "duplicate" in line and "'power_bi'" in line


def test_unknown_section(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    section: work\n", "    section: hobbies\n")
    line = one(errors(copy), "section", "'hobbies'")
    assert "unknown section" in line and "skills" in line and "scenarios" in line


def test_unknown_scale(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    scale: enjoy\n", "    scale: enjoyment\n")
    line = one(errors(copy), "scale", "'enjoyment'")
    assert "unknown scale" in line and "skill" in line


def test_unknown_question_type(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    type: likert\n", "    type: lickert\n")
    line = one(errors(copy), "questions[0] (skill_statistics).type")
    assert "'lickert'" in line and "likert" in line and "multi" in line


def test_dimension_moved_by_no_question(copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "        effects: {data-collection: 1.0}\n",
              "        effects: {}\n")
    copy.edit(copy.questionnaire, "effects: {pipelines-etl: 1.0, data-collection: 0.5, "
              "streaming: 0.4}", "effects: {pipelines-etl: 1.0, streaming: 0.4}")
    copy.edit(copy.questionnaire, "pref-coding: 0.8, data-collection: 0.5,", "pref-coding: 0.8,")
    line = one(errors(copy), "dimensions.yaml", "'data-collection'")
    assert "not moved by any question" in line


def test_dimension_weighted_by_no_profile(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-engineer"), "  streaming: 0.75\n", "")
    line = one(errors(copy), "dimensions.yaml", "'streaming'")
    assert "not weighted by any profile" in line


def test_near_duplicate_profiles(copy: ContentCopy) -> None:
    clone = copy.profile("mlops-engineer").read_text().replace("id: mlops-engineer",
                                                               "id: ml-platform")
    (copy.profiles / "ml-platform.yaml").write_text(clone)
    line = one(errors(copy), "near-duplicate")
    assert "'ml-platform'" in line and "'mlops-engineer'" in line and "1.000" in line


def test_profile_id_must_match_its_file_name(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-scientist"), "id: data-scientist", "id: datascientist")
    line = one(errors(copy), "data-scientist.yaml", "id:")
    assert "'datascientist'" in line and "file name" in line


def test_contrast_with_an_unknown_role(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-analyst"), "  - role: data-engineer", "  - role: data-engineeer")
    line = one(errors(copy), "data-analyst.yaml", "differs_from[1].role")
    assert "'data-engineeer'" in line and "data-engineer" in line


def test_yaml_syntax_error_names_line_and_column(copy: ContentCopy) -> None:
    copy.edit(copy.profile("ml-engineer"), "objective:\n", "objective: [unclosed\n")
    line = one(errors(copy), "ml-engineer.yaml", "not valid YAML")
    assert "line " in line and "column " in line


def test_a_key_written_twice_is_an_error_not_a_silent_overwrite(copy: ContentCopy) -> None:
    copy.edit(copy.profile("ai-engineer"), "  nlp-vision: 1.0\n",
              "  nlp-vision: 1.0\n  nlp-vision: 0.2\n")
    line = one(errors(copy), "ai-engineer.yaml", "'nlp-vision'")
    assert "written twice" in line and "line " in line


def test_every_error_is_reported_not_just_the_first(copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-analyst"), "  sql: 0.85", "  sqll: 0.85")
    copy.edit(copy.profile("devops-engineer"), "  ci-cd: 1.0", "  ci-cd: 2.0")
    copy.edit(copy.questionnaire, "    scale: enjoy\n", "    scale: enjoyment\n")
    lines = errors(copy)
    one(lines, "data-analyst.yaml", "sqll")
    one(lines, "devops-engineer.yaml", "ci-cd")
    one(lines, "default.yaml", "enjoyment")


def test_missing_profiles_folder(tmp_path: pytest.TempPathFactory) -> None:
    with pytest.raises(ContentError) as info:
        load_profiles(tmp_path / "nowhere")  # type: ignore[operator]
    assert "nowhere" in info.value.lines()[0] and "not found" in info.value.lines()[0]


def test_empty_file(copy: ContentCopy) -> None:
    copy.questionnaire.write_text("# nothing yet\n")
    line = one(errors(copy), "default.yaml")
    assert "is empty" in line


def test_a_broken_profile_does_not_cascade_into_false_errors(copy: ContentCopy) -> None:
    """Other profiles contrast themselves with data-analyst; its own error must stay alone."""
    copy.edit(copy.profile("data-analyst"), "typical_day:", "colour: blue\ntypical_day:")
    lines = errors(copy)
    assert len(lines) == 1, lines
    assert "colour" in lines[0]


def test_vocabulary_term_with_an_unknown_dimension(copy: ContentCopy) -> None:
    vocab = copy.profiles / "vocabulary.yaml"
    copy.edit(vocab, "effects: {tools-bi: 1.0, data-visualisation: 0.6}}",
              "effects: {tools-bi: 1.0, data-visualization: 0.6}}")
    line = one(errors(copy), "vocabulary.yaml", "data-visualization")
    assert "terms[1] (power-bi).effects.data-visualization" in line and "did you mean" in line


# --------------------------------------------------------------------------- numbers, as
# `rolematch validate` shows them: one line, naming the file, the key path and the value


def validate(run: Callable[..., Run], copy: ContentCopy, *extra: str) -> Run:
    return run("validate", "--questionnaire", str(copy.questionnaire),
               "--profiles", str(copy.profiles), *extra)


@pytest.mark.parametrize(("written", "why", "got"), [
    ("true", "not true or false", "true"),
    ("yes", "not true or false", "true"),  # YAML 1.1: yes is a boolean (shown as YAML spells it)
    ('"0.5"', "expected a number from 0 to 1, got the text '0.5' (write it without quotes)",
     ""),
    ("1e-3", "expected a number from 0 to 1, got the text '1e-3' (YAML reads 1e-3 as text: "
     "write 0.001, or 1.0e-3)", ""),
    # a French decimal comma: YAML reads the text '0,85', and there are no quotes to remove
    ("0,85", "expected a number from 0 to 1, got the text '0,85' (write decimals with a "
     "point: 0.85)", ""),
    ("high", "expected a number from 0 to 1, got the text 'high'", ""),
    (".nan", "not NaN", "nan"),
    (".inf", "not infinity", "inf"),
    ("-.inf", "not infinity", "-inf"),
    ("", "", "null"),
])
def test_a_weight_is_a_yaml_number(run: Callable[..., Run], copy: ContentCopy, written: str,
                                   why: str, got: str) -> None:
    path = copy.profile("data-engineer")
    copy.edit(path, "  pipelines-etl: 1.0", f"  pipelines-etl: {written}")
    r = validate(run, copy)
    message = (why if why.startswith("expected") else f"must be a number from 0 to 1, {why}"
               if why else "must be a number from 0 to 1")
    shown = f" (got {got})" if got else ""  # a text is shown in the message, as written
    assert r.code == 2
    assert one(r.err.splitlines(), "pipelines-etl") == (
        f"rolematch: {path}: line 48: weights.pipelines-etl: {message}{shown}")


def test_an_effect_is_a_yaml_number(run: Callable[..., Run], copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {ml-modelling: 1.0}", 'effects: {ml-modelling: "1"}')
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "ml-modelling") == (
        f"rolematch: {copy.questionnaire}: line 91: questions[3] (skill_ml).effects.ml-modelling: "
        "expected a number from 0 to 1, got the text '1' (write it without quotes)")


def test_a_whole_number_is_a_number(run: Callable[..., Run], copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-engineer"), "  pipelines-etl: 1.0", "  pipelines-etl: 1")
    copy.edit(copy.questionnaire, "effects: {ml-modelling: 1.0}", "effects: {ml-modelling: 1}")
    assert validate(run, copy).code == 0
    profile = load_content(copy.questionnaire, copy.profiles).profiles.profile("data-engineer")
    assert profile is not None and profile.weights["pipelines-etl"] == 1.0


@pytest.mark.parametrize("written", ["0.005", "1.0e-200", "5.0e-324"])
def test_a_profile_needs_one_weight_of_a_hundredth(run: Callable[..., Run], copy: ContentCopy,
                                                   written: str) -> None:
    """Cosines of a profile with only tiny weights mean nothing (its norm underflows): one
    line says so, whatever the number of tiny weights."""
    path = copy.profile("data-analyst")
    text = path.read_text(encoding="utf-8")
    head, weights = text.split("weights:\n")
    tiny = re.sub(r": [0-9.]+$", f": {written}", weights, flags=re.MULTILINE)
    path.write_text(f"{head}weights:\n{tiny}", encoding="utf-8")
    r = validate(run, copy)
    assert r.code == 2
    assert r.err.splitlines() == [
        f"rolematch: {path}: line 47: weights: needs at least one weight of 0.01 or more "
        f"(got {float(written)!r})", "rolematch: 1 problem found"]


def test_a_profile_with_every_weight_0(run: Callable[..., Run], copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    text = path.read_text(encoding="utf-8")
    head, weights = text.split("weights:\n")
    zero = re.sub(r": [0-9.]+$", ": 0", weights, flags=re.MULTILINE)
    path.write_text(f"{head}weights:\n{zero}", encoding="utf-8")
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "data-analyst.yaml") == (
        f"rolematch: {path}: line 47: weights: needs at least one weight of 0.01 or more "
        "(got 0.0)")
