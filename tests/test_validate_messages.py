"""What a person editing the YAML sees from ``rolematch validate``: one line per problem,
naming the file, the line, the key (list items by their ids too) and the value, in words
that fit what they typed."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import ContentCopy, Run


def validate(run: Callable[..., Run], copy: ContentCopy) -> Run:
    return run("validate", "--profiles", str(copy.profiles),
               "--questionnaire", str(copy.questionnaire))


def problems(r: Run) -> list[str]:
    assert r.code == 2, r
    lines = r.err.splitlines()
    assert lines[-1].endswith("found"), lines
    return lines[:-1]


def test_a_misspelt_profile_key_is_one_line_with_a_suggestion(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "\nobjective:\n", "\nobjectiv:\n")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 4: objectiv: unknown key; did you mean 'objective'? "
        "(the required key 'objective' is missing)"]


def test_a_misspelt_question_key_is_one_line_with_a_suggestion(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    copy.edit(copy.questionnaire, "  - id: model_incident\n    section: scenarios\n",
              "  - id: model_incident\n    sektion: scenarios\n")
    assert problems(validate(run, copy)) == [
        f"rolematch: {copy.questionnaire}: line 471: questions[28] (model_incident).sektion: "
        "unknown key; did you mean 'section'? (the required key 'section' is missing)"]


def test_a_misspelt_optional_key_suggests_it_without_listing_every_key(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    copy.edit(copy.questionnaire, "  - id: model_incident\n    section: scenarios\n",
              "  - id: model_incident\n    section: scenarios\n    hepl: {en: a, fr: b}\n")
    [line] = problems(validate(run, copy))
    assert "questions[28] (model_incident).hepl: unknown key; did you mean 'help'?" in line
    assert "valid:" not in line


def test_a_missing_text_names_the_question_by_its_id_and_line(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    copy.edit(copy.questionnaire, "      fr: \"Les prédictions d'un modèle",
              "      de: \"Les prédictions d'un modèle")
    lines = problems(validate(run, copy))
    assert f"rolematch: {copy.questionnaire}: line 474: questions[28] (model_incident).text.fr: " \
           "required key is missing: add the French text (fr: ...)" in lines


def test_an_empty_map_of_effects_says_what_one_is(run: Callable[..., Run],
                                                  copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    effects: {statistics: 1.0, exploratory-analysis: 0.3}\n",
              "    effects: {}\n")
    assert problems(validate(run, copy)) == [
        f"rolematch: {copy.questionnaire}: line 64: questions[0] (skill_statistics).effects: "
        "needs at least one effect: a dimension id and a number from 0 to 1, e.g. {sql: 1.0} "
        "(got {})"]


def test_an_empty_map_of_weights_says_what_one_is(run: Callable[..., Run],
                                                  copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("weights:")] + "weights: {}\n", encoding="utf-8")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 47: weights: needs at least one weight: a dimension id and a "
        "number from 0 to 1, e.g. {sql: 0.8} (got {})"]


def test_missing_effects_and_weights_say_what_to_add(run: Callable[..., Run],
                                                     copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "    effects: {sql: 1.0, data-storage: 0.3}\n", "")
    path = copy.profile("data-analyst")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("weights:")], encoding="utf-8")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 1: weights: required key is missing: add weights: the "
        "dimensions the role weighs, each with a number from 0 to 1, e.g. weights: {sql: 0.8}",
        f"rolematch: {copy.questionnaire}: line 65: questions[1] (skill_sql).effects: required "
        "key is missing: add effects: the dimensions it moves, each with a number from 0 to 1, "
        "e.g. effects: {sql: 1.0}"]


def test_a_missing_text_says_to_write_it_in_both_languages(run: Callable[..., Run],
                                                          copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    text = path.read_text(encoding="utf-8")
    start = text.index("objective:\n")
    end = text.index("\n", text.index("  fr:", start)) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 1: objective: required key is missing: add it in English and "
        "French: objective: {en: ..., fr: ...}"]


def test_a_duplicate_id_names_both_places(run: Callable[..., Run], copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "  - id: model_incident\n", "  - id: skill_sql\n")
    assert problems(validate(run, copy)) == [
        f"rolematch: {copy.questionnaire}: line 470: questions[28] (skill_sql).id: duplicate id, "
        "already used at questions[1] (got 'skill_sql')"]


def test_a_decimal_comma_says_to_write_a_point(run: Callable[..., Run], copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "  sql: 0.85", "  sql: 0,85")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 50: weights.sql: expected a number from 0 to 1, got the text "
        "'0,85' (write decimals with a point: 0.85)"]


def test_a_misspelt_dimension_gets_the_suggestion_without_a_one_entry_valid_list(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "  sql: 0.85", "  sqll: 0.85")
    assert problems(validate(run, copy)) == [
        f"rolematch: {path}: line 50: weights.sqll: unknown dimension; did you mean 'sql'? "
        "(got 'sqll')"]


def test_questions_lists_the_questionnaire_whatever_the_profiles(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    copy.edit(copy.profile("data-analyst"), "\nobjective:\n", "\nobjectiv:\n")
    r = run("questions", "--profiles", str(copy.profiles),
            "--questionnaire", str(copy.questionnaire))
    assert (r.code, r.err) == (0, "")
    assert "[model_incident]" in r.out
    # a broken questionnaire is still one line per problem, exit 2
    copy.edit(copy.questionnaire, "  - id: model_incident\n", "  - id: skill_sql\n")
    r = run("questions", "--questionnaire", str(copy.questionnaire))
    assert r.code == 2 and "questions[28] (skill_sql).id: duplicate id" in r.err
