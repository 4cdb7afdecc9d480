"""What a person editing the YAML by hand sees when a line is not YAML: the file, the line
and column, the key whose text is wrong (with that text) where one is, and what to do, in
words that fit the mistake, most of them made by French text (a space before ':', an
apostrophe in a quoted text). The parser's own words ("mapping values are not allowed in
this context") tell no one what to do."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import ContentCopy, Run

NBSP = "\u00a0"
STATS_FR = '      fr: "Statistiques : tests d\'hypothèses, régressions, plans d\'expérience."\n'


def validate(run: Callable[..., Run], copy: ContentCopy, *lang: str) -> list[str]:
    r = run(*lang, "validate", "--profiles", str(copy.profiles),
            "--questionnaire", str(copy.questionnaire))
    assert r.code == 2, r
    return r.err.splitlines()[:-1]


QUOTES = "put the whole text in double quotes"


@pytest.mark.parametrize(("fr", "said"), [
    # French puts a space before ':'; unquoted, ': ' makes the text a key
    ("      fr: Statistiques : tests d'hypothèses\n",
     "line 63, column 24: questions[0] (skill_statistics).text.fr: is not valid YAML: a text "
     f"with ': ' in it needs quotes: {QUOTES} (got \"Statistiques : tests d'hypothèses\")"),
    ('      fr: "Statistiques : "tests" d\'hypothèses"\n',
     "line 63, column 28: questions[0] (skill_statistics).text.fr: is not valid YAML: a double "
     "quote inside a text in double quotes ends it: put the whole text in single quotes "
     "instead, or write the inner ones \\\" (got '\"Statistiques : \"tests\" d\\'hypothèses\"')"),
    ("      fr: 'Lesquels de l'outil'\n",
     "line 63, column 26: questions[0] (skill_statistics).text.fr: is not valid YAML: a quote "
     "inside a text in single quotes ends it: double it ('l''outil'), or put the whole text in "
     "double quotes (got \"'Lesquels de l'outil'\")"),
    ('      fr: "Statistiques\n',
     "line 63, column 11: questions[0] (skill_statistics).text.fr: is not valid YAML: this "
     "text opens with \" and never closes it: end the text with \" (got '\"Statistiques')"),
    ("      fr: @statistiques\n",
     "line 63, column 11: questions[0] (skill_statistics).text.fr: is not valid YAML: a text "
     f"cannot start with '@' as it is: {QUOTES} (got '@statistiques')"),
    # a line out of place: no key to name, the line says where
    ("\tfr: Statistiques\n",
     "line 63, column 1: is not valid YAML: this line starts with a tab: indent with spaces"),
    ("     fr: Statistiques\n",
     "line 63, column 6: is not valid YAML: check that this line is indented like the other "
     "keys of its mapping"),
    ("       fr: Statistiques\n",
     "line 63, column 8: is not valid YAML: check that this line is indented like the other "
     "keys of its mapping"),
    ("      fr Statistiques\n",
     "line 63, column 7: is not valid YAML: this line needs ':' after its key, as in 'fr: "
     "text'"),
])
def test_a_text_that_is_not_yaml_says_what_to_do(
    run: Callable[..., Run], copy: ContentCopy, fr: str, said: str,
) -> None:
    copy.edit(copy.questionnaire, STATS_FR, fr)
    assert validate(run, copy) == [f"rolematch: {copy.questionnaire}: {said}"]


def test_a_key_under_a_plain_text_reads_as_more_of_that_text(
    run: Callable[..., Run], copy: ContentCopy,
) -> None:
    copy.edit(copy.questionnaire, "      fr: Écrire des requêtes SQL", "       fr: Écrire des "
              "requêtes SQL")
    assert validate(run, copy) == [
        f"rolematch: {copy.questionnaire}: line 72, column 10: is not valid YAML: this line is "
        "indented more than the one above it: indent it like the others of its mapping (or, if "
        "it continues the text above, put that whole text in double quotes)"]


@pytest.mark.parametrize(("old", "new", "said"), [
    ('{en: "Basics", fr: "Les bases"}', "{en: Basics, fr: Les bases : un peu}",
     "line 31, column 36: scales.skill.points[1].fr: is not valid YAML: a text with ': ' in it "
     f"needs quotes: {QUOTES} (got 'Les bases : un peu')"),
    ('{en: "Comfortable", fr: "À l\'aise"}', "{en: 'Comfortable', fr: 'À l'aise'}",
     "line 32, column 38: scales.skill.points[2].fr: is not valid YAML: a quote inside a text "
     "in single quotes ends it: double it ('l''outil'), or put the whole text in double quotes "
     "(got \"'À l'aise'\")"),
    ('{en: "Basics", fr: "Les bases"}', '{en: "Basics", fr: "Les bases"',
     "line 31, column 9: is not valid YAML: this '{' is never closed: end it with '}' on its "
     "line"),
])
def test_a_text_between_braces(run: Callable[..., Run], copy: ContentCopy, old: str, new: str,
                               said: str) -> None:
    copy.edit(copy.questionnaire, old, new)
    assert validate(run, copy) == [f"rolematch: {copy.questionnaire}: {said}"]


def test_a_list_item_out_of_line(run: Callable[..., Run], copy: ContentCopy) -> None:
    path = copy.profile("data-engineer")
    text = path.read_text(encoding="utf-8")
    start = text.index("key_skills:\n")
    first = text.index("\n  - ", start)
    second = text.index("\n  - ", first + 1)
    path.write_text(text[:second] + "\n - " + text[second + 5:], encoding="utf-8")
    line = text[:second].count("\n") + 2
    assert validate(run, copy) == [
        f"rolematch: {path}: line {line}, column 2: is not valid YAML: check that this line is "
        "indented like the others of its list"]


def test_the_hint_is_french_in_a_french_run(run: Callable[..., Run], copy: ContentCopy) -> None:
    path = copy.profile("data-engineer")
    copy.edit(path, "  fr: Rendre les données disponibles,", "  fr: Objectif : rendre les données "
              "disponibles,")
    r = run("roles", "--lang", "fr", "--profiles", str(copy.profiles))
    assert (r.code, r.err.splitlines()) == (2, [
        f"rolematch: {path}: ligne 6, colonne 16{NBSP}: objective.fr: n'est pas du YAML "
        f"valide{NBSP}: un texte qui contient «{NBSP}:{NBSP}» doit être entre guillemets{NBSP}: "
        f"mettez tout le texte entre guillemets droits doubles (\") (valeur lue{NBSP}: "
        f"'Objectif{NBSP}: rendre les données disponibles, fiables, stru...)"])


def test_the_shipped_files_say_how_to_quote(copy: ContentCopy) -> None:
    """Every file a person edits says, before its first entry, when a text needs quotes."""
    for path in [copy.questionnaire, *sorted(copy.profiles.glob("*.yaml"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next(i for i, line in enumerate(lines) if not line.startswith("#"))
        header = "\n".join(lines[:first + 1])
        assert '": "' in header and "double quotes" in header and "l''outil" in header, path.name
