"""`rolematch show RESULT --lang` on a result scored with other content than the one loaded:
it cannot be scored again in that language, and says so in the language asked, every word of
it (the value it read too)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import ContentCopy, Run
from tests.test_show_lang import saved

NBSP = "\u00a0"


def test_another_questionnaire_is_said_in_french(run: Callable[..., Run], tmp_path: Path,
                                                 copy: ContentCopy) -> None:
    copy.edit(copy.questionnaire, "effects: {sql: 1.0, data-storage: 0.3}",
              "effects: {sql: 1.0, data-storage: 0.4}")
    result = saved(run, tmp_path, "en", "--questionnaire", str(copy.questionnaire))
    r = run("show", str(result), "--lang", "fr")
    assert (r.code, r.err.splitlines()) == (2, [
        f"rolematch: {result}: questionnaire: a été répondu avec un autre questionnaire que "
        f"'default' version 1.0 (content_hash différent){NBSP}: il ne peut être affiché que "
        f"dans sa propre langue (en). Calculez de nouveau ses réponses avec rolematch --answers "
        f"--lang fr, ou indiquez ce questionnaire avec --questionnaire (valeur lue{NBSP}: "
        "'default 1.0')"])
    english = run("show", str(result), "--lang", "en", "--questionnaire", str(copy.questionnaire))
    assert english.code == 0, english.err


def test_other_profiles_are_said_in_french(run: Callable[..., Run], tmp_path: Path,
                                           copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-engineer"), "  sql: 0.8", "  sql: 0.3")
    result = saved(run, tmp_path, "en", "--profiles", str(copy.profiles))
    r = run("show", str(result), "--lang", "fr")
    assert (r.code, r.err.splitlines()) == (2, [
        f"rolematch: {result}: ranking: a été calculé avec d'autres profils de métiers que "
        f"ceux-ci{NBSP}: il ne peut être affiché que dans sa propre langue (en). Calculez de "
        "nouveau ses réponses avec rolematch --answers --lang fr, ou indiquez ces profils avec "
        "--profiles"])
    r = run("show", str(result), "--lang", "en")
    assert r.code == 0, r.err
    r = run("show", str(result), "--lang", "fr", "--profiles", str(copy.profiles))
    assert r.code == 0, r.err
