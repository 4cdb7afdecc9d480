"""A fit's tool what-if names a tool the posting names, and never says the posting asks for
one it does not; a blend's value (a length, which can be above 1) is not shown as a share of
the posting above 100%."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from engine.content import Content
from engine.export import FitDocument, ModeDoc, ResultDocument, dumps, fit_schema
from engine.fit import fit, named_tools
from engine.fit_screen import fit_screen
from engine.scoring import score
from engine.vectors import model_for
from tests.conftest import Run

REPO = Path(__file__).resolve().parents[1]
# invented for these tests: MLflow, SageMaker and Vertex AI, never Evidently
ML_POSTING = ("Machine Learning Engineer\nYou will train and deploy machine learning models to "
              "production. We use PyTorch and scikit-learn, track experiments in MLflow, and "
              "serve models on AWS SageMaker and Vertex AI. Strong Python, software "
              "engineering, unit testing, REST APIs and Docker. Feature engineering, model "
              "training, model serving; monitoring and alerting of the serving stack.")


# asks strongly for both parts of "models built as software": the blend's length is above 1
BLEND_POSTING = ("ML Engineer\nMachine learning, model training, feature engineering; deep "
                 "learning and neural networks in PyTorch and TensorFlow; software "
                 "engineering, unit tests, code reviews, backend microservices; model "
                 "deployment, model serving and inference in production.")


def persona(name: str) -> dict[str, object]:
    data = json.loads((REPO / "benchmarks" / "personas" / "answers" / f"{name}.json")
                      .read_text())
    data["id"] = data.pop("respondent")
    return data


@pytest.fixture(scope="module")
def scientist(content: Content) -> ResultDocument:
    return score(persona("ds-1-pricing-elasticity"), content.questionnaire, content.profiles)


def what_ifs(doc: FitDocument) -> list[tuple[str, object, bool]]:
    return [(a.what_if.question_id, a.what_if.typical, a.what_if.suggestion)
            for a in doc.lacking if a.what_if is not None]


def test_the_posting_names_mlflow_and_the_cloud_platforms_not_evidently(
        content: Content) -> None:
    named = named_tools(model_for(content.questionnaire, content.profiles), ML_POSTING)
    assert named["tools_ml"] == {"pytorch", "mlflow", "vertex_sagemaker"}
    assert named["tools_analysis"] == {"scikit_learn"}
    assert named["tools_ops"] == {"docker"}


@pytest.mark.parametrize("quick", [False, True])
def test_a_tool_the_posting_does_not_name_is_never_what_it_asks(
        run: Callable[..., Run], content: Content, scientist: ResultDocument,
        tmp_path: Path, quick: bool) -> None:
    result = scientist
    if quick:  # a quick-mode result that never asked about tools
        asked = [q for q in result.answers if not q.startswith("tools_")]
        answers = {q: result.answers[q] for q in asked}
        result = score({"questionnaire": "default", "answers": answers},
                       content.questionnaire, content.profiles,
                       mode=ModeDoc(quick=True, asked=asked))
    saved, posting = tmp_path / "r.json", tmp_path / "posting.txt"
    saved.write_text(dumps(result))
    posting.write_text(ML_POSTING)
    screen = " ".join(run("fit", str(saved), str(posting)).out.split())
    assert "asks: Evidently" not in screen and "if you learnt Evidently" not in screen
    # the ML platforms ask is raised by a tool the posting names
    doc = fit(result, ML_POSTING, content)
    platforms = next(a for a in doc.lacking if a.dimension == "tools-ml-platforms")
    assert platforms.what_if is not None and not platforms.what_if.suggestion
    assert platforms.what_if.typical in (["mlflow"], ["vertex_sagemaker"])
    tool = platforms.what_if.typical_label
    assert (f"ML and AI tools: not asked in quick mode, this posting asks: {tool}" if quick
            else f"ML and AI tools: if you learnt {tool}") in screen
    # a tool it does not name is advised only as a suggestion, and said to be one
    for question, typical, suggestion in what_ifs(doc):
        if question.startswith("tools_"):
            assert suggestion == (not set(typical) <= named_set(content, question))  # type: ignore[arg-type]
    suggested = [a.what_if for a in doc.lacking if a.what_if and a.what_if.suggestion]
    assert suggested, "the monitoring ask has only unnamed tools to raise it"
    for g in suggested:
        assert f"this posting does not name {g.typical_label}, but learning it" in screen
    data = json.loads(run("fit", str(saved), str(posting), "--json").out)
    jsonschema.validate(data, fit_schema())


def named_set(content: Content, question: str) -> set[str]:
    return named_tools(model_for(content.questionnaire, content.profiles),
                       ML_POSTING).get(question, set())


def test_french_suggestion(content: Content, scientist: ResultDocument) -> None:
    screen = " ".join(fit_screen(fit(scientist, ML_POSTING, content, lang="fr")).split())
    assert "cette offre ne nomme pas Evidently" in screen
    assert "cette offre demande : Evidently" not in screen


def test_a_blend_is_not_shown_as_more_than_the_posting(content: Content,
                                                       scientist: ResultDocument) -> None:
    doc = fit(scientist, BLEND_POSTING, content)
    blends = [a for a in (*doc.covered, *doc.lacking) if a.kind == "blend"]
    assert any(a.posting > 1 for a in blends)  # a length: meaningful, and above 1 here
    screen = " ".join(fit_screen(doc, width=200).split())
    assert not [p for p in re.findall(r"(\d+)%", screen) if int(p) > 100]
    for ask in blends:
        share = min(1.0, ask.person / ask.posting)
        assert (f"{ask.label}: {100 * ask.score:+.1f} pts (its parts asked together; you have "
                f"{share:.0%} of the posting's level)") in screen
    dims = [a for a in (*doc.covered, *doc.lacking) if a.kind == "dimension"]
    assert dims and all(0 <= a.posting <= 1 for a in dims)


def test_the_schemas_say_what_the_values_are(run: Callable[..., Run]) -> None:
    decode = json.loads(run("schema", "decode").out)["$defs"]
    person = decode["PostingContributionDoc"]["properties"]["person"]["description"]
    assert person.startswith("The posting's value") and "above 1" in person
    assert "[-1, 1]" not in person
    assert "posting's value" in decode["GapDoc"]["properties"]["score_if"]["description"]
    assert "person's value" not in decode["GapDoc"]["properties"]["score_if"]["description"]
    fit_defs = json.loads(run("schema", "fit").out)["$defs"]
    assert "above 1" in fit_defs["AskDoc"]["properties"]["posting"]["description"]
    readme = (REPO / "README.md").read_text()
    assert "both in [0, 1]" not in readme


def test_none_of_these_reads_the_same_in_json_and_on_screen(
        run: Callable[..., Run], content: Content, tmp_path: Path) -> None:
    """The result document names an empty tools answer "none of these"; the fit's JSON and
    screen say it the same way wherever they name it."""
    answers = persona("de-1-payments-spark")
    result = score(answers, content.questionnaire, content.profiles)
    labels = {a.question_id: a.answer_label for r in result.ranking for a in r.gaps}
    saved, posting = tmp_path / "r.json", tmp_path / "posting.txt"
    saved.write_text(dumps(result))
    posting.write_text(ML_POSTING)
    data = json.loads(run("fit", str(saved), str(posting), "--json").out)
    empty = [a["what_if"]["answer_label"] for a in data["lacking"]
             if a["what_if"] and a["what_if"]["answer"] == []]
    assert empty and set(empty) == {"none of these"} == {labels.get("tools_ml", "none of these")}
    screen = run("fit", str(saved), str(posting)).out
    assert "None of these" not in screen
