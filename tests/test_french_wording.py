"""French as a French reader expects it, and saying what the English says."""

from __future__ import annotations

import glob
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.content import Content
from engine.decode import decode
from engine.export import FragileDoc, FragileTermDoc
from engine.fit import fit
from engine.fit_screen import fit_screen
from engine.i18n import _STRINGS
from engine.report import confidence_notes, result_screen, summary_screen
from engine.scoring import score, score_many
from engine.simulate import random_answers
from engine.vectors import build_model

REPO = Path(__file__).resolve().parents[1]
NB = "\u00a0"


def flat(text: str) -> str:
    """The text on one line, as a person reads it across the wrapping (non-breaking spaces
    kept)."""
    return re.sub(r"[ \n]+", " ", text)


def test_one_of_n_reads_one_of_the_n(content: Content) -> None:
    """"sans l'un de 2 termes" and "retirer l'une de 2 réponses" lacked the article."""
    model = build_model(content.questionnaire, content.profiles)
    doc = score_many(model, [random_answers(model, random.Random(3), skip_rate=0.0)], ["fr"])[0]
    assert doc.confidence is not None
    doc.confidence = doc.confidence.model_copy(update={"robust": False, "fragile_answers": [
        FragileDoc(question_id=q, top_role_without="x") for q in ("sql", "ml")]})
    notes = " ".join(note for _, note in confidence_notes(doc))
    assert f"Fragile{NB}: retirer l'une des 2 réponses (sql, ml)" in notes
    posting = decode("Pipelines ETL en Airflow et dbt, Spark, SQL et Python.", content.profiles,
                     lang="fr")
    assert posting.confidence is not None
    terms = [f.term for f in posting.found[:2]]
    posting.confidence = posting.confidence.model_copy(update={
        "robust": False,
        "fragile_terms": [FragileTermDoc(term=term, top_role_without="x") for term in terms]})
    notes = " ".join(note for _, note in confidence_notes(posting))
    assert f"Fragile{NB}: sans l'un des 2 termes trouvés dans l'offre" in notes


LOW_SQL = {"skill_sql": 1, "skill_dashboards": 5, "enjoy_explaining": 5, "skill_statistics": 3}


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "SQL: your answer: Never done it (1 of 5), typical for this role: "),
    ("fr", f"SQL{NB}: votre réponse{NB}: Jamais fait (1 sur 5), typique de ce "
           f"métier{NB}: ")])
def test_a_gap_says_your_answer_then_the_typical_one(content: Content, lang: str,
                                                     said: str) -> None:
    """"votre réponse Jamais fait (1 sur 5)" lacked its colon; the English "you answered Never
    done it" said it the same way: both now read "your answer: ...", like "typical for this
    role: ..." after it."""
    doc = score({"questionnaire": "default", "answers": LOW_SQL}, content.questionnaire,
                content.profiles, lang=lang)
    assert said in flat(result_screen(doc, width=100))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Dashboards and reports: your answer: Never done it (1 of 5), this posting asks: "),
    ("fr", f"Tableaux de bord et rapports{NB}: votre réponse{NB}: Jamais fait (1 sur 5), cette "
           f"offre demande{NB}: ")])
def test_a_fit_what_if_says_your_answer_too(content: Content, lang: str, said: str) -> None:
    answers = {"skill_dashboards": 1, "skill_sql": 4, "skill_pipelines": 5}
    result = score({"questionnaire": "default", "answers": answers}, content.questionnaire,
                   content.profiles, lang=lang)
    doc = fit(result, "SQL queries, dashboards and data visualisation.", content)
    assert said in flat(fit_screen(doc))


def test_the_summary_gap_says_in_french_what_it_says_in_english(content: Content) -> None:
    """At 80x24 (the summary's 18 lines above the menu) the French gap line left out the
    person's answer ("À développer : Tableaux de bord et rapports (score …)") where the
    English kept it: the French notes are longer and the gap's second line went first."""
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(1)
    compared = 0
    for _ in range(150):
        person = random_answers(model, rng, skip_rate=0.2)
        en, fr = score_many(model, [person, person], ["en", "fr"])
        if not en.ranking[0].gaps:
            continue
        shown = []
        for doc, head in ((en, "To grow:"), (fr, f"À développer{NB}:")):
            text = summary_screen(doc, width=80, height=18)
            assert head in text
            gap = " ".join(text.split(head, 1)[1].split())
            shown.append(doc.ranking[0].gaps[0].typical_label[:6] in gap)
        assert shown[0] == shown[1], (summary_screen(en, 80, 18), summary_screen(fr, 80, 18))
        compared += 1
    assert compared > 100


MASCULINE_ONLY = re.compile(r"\b(seul|fier|pressé|prêt|sûr|content|satisfait|motivé|"
                            r"intéressé|habitué|attiré|passionné|heureux|convaincu)\b")


def _french(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [text for key, value in node.items()
                for text in ([value] if key == "fr" and isinstance(value, str)
                             else _french(value))]
    if isinstance(node, list):
        return [text for value in node for text in _french(value)]
    return []


def test_french_never_speaks_to_the_person_in_the_masculine_only() -> None:
    """"De quel livrable seriez-vous le plus fier ?", "lisible par vous seul", "Pressé ?"."""
    texts = [french for _, french in _STRINGS.values()]
    for path in [REPO / "questionnaires" / "default.yaml",
                 *map(Path, glob.glob(str(REPO / "profiles" / "*.yaml")))]:
        texts += _french(yaml.safe_load(path.read_text()))
    assert [text for text in texts if MASCULINE_ONLY.search(text)] == []


def test_a_french_role_card_writes_its_weights_the_french_way(content: Content) -> None:
    """'Cycle de vie des modèles 1.00, Plateformes de ML 0.90' read as English numbers in a
    list whose commas then meant two things; and the English source notes said nothing of
    being in English."""
    import re

    from engine.render import role_card

    for profile in content.profiles.profiles:
        fr = role_card(profile, content.profiles, "fr", 80)
        weights = fr.split("Dimensions les plus lourdes\u00a0:")[1].split("Sources")[0]
        flat = re.sub(r"[ \n]+", " ", weights)  # no-break spaces kept
        assert not re.search(r"\d\.\d", flat), flat
        assert re.search(r"\u00a0[01],\d\d\u00a0; ", flat), flat
        assert "Sources (notes en anglais)\u00a0:" in fr
        en = role_card(profile, content.profiles, "en", 80)
        assert re.search(r"\u00a0[01]\.\d\d, ",
                         re.sub(r"[ \n]+", " ", en.split("Heaviest dimensions:")[1]))
