"""`rolematch fit`: one saved result against one posting, from the same vectors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from engine.content import Content
from engine.export import FitDocument, ResultDocument, dumps, fit_schema
from engine.fit import fit
from engine.fit_screen import fit_screen
from engine.scoring import score
from tests.conftest import Run

RunCli = Callable[..., Run]
REPO = Path(__file__).resolve().parents[1]

DATA_ENGINEER = {"skill_pipelines": 5, "skill_sql": 4, "skill_data_modelling": 4,
                 "skill_software": 4, "skill_dashboards": 1, "skill_statistics": 2,
                 "skill_ml": 1, "tools_data": ["spark", "kafka", "airflow", "dbt"],
                 "tools_analysis": ["pandas"]}
# short postings, invented for these tests
PIPELINES_POSTING = ("Data Engineer\nBuild batch and streaming ETL pipelines with Spark, Kafka "
                     "and Airflow; model the warehouse with dbt; SQL every day; Python.")
ANALYST_POSTING = ("Data Analyst\nBuild Power BI and Tableau dashboards, answer ad hoc "
                   "questions with SQL and Excel, present insights to stakeholders.")
UNKNOWN = "We are a friendly bakery looking for a morning person."


@pytest.fixture(scope="module")
def engineer(content: Content) -> ResultDocument:
    return score({"questionnaire": "default", "answers": DATA_ENGINEER}, content.questionnaire,
                 content.profiles)


@pytest.fixture
def saved(tmp_path: Path, engineer: ResultDocument) -> Path:
    path = tmp_path / "result.json"
    path.write_text(dumps(engineer))
    return path


def test_a_data_engineer_fits_a_pipelines_posting_better_than_an_analyst_one(
        content: Content, engineer: ResultDocument) -> None:
    pipelines = fit(engineer, PIPELINES_POSTING, content)
    analyst = fit(engineer, ANALYST_POSTING, content)
    assert pipelines.score is not None and analyst.score is not None
    assert pipelines.score > analyst.score + 0.3
    assert pipelines.posting_role is not None and analyst.posting_role is not None
    assert pipelines.posting_role.role_id == "data-engineer"
    assert analyst.posting_role.role_id == "data-analyst"
    assert {a.dimension for a in pipelines.covered} >= {"pipelines-etl", "tools-big-data"}
    assert "data-visualisation" in {a.dimension for a in analyst.lacking}


OPS_POSTING = ("DevOps Engineer\nRun Kubernetes clusters with Terraform and Helm, CI/CD "
               "pipelines in GitHub Actions, Prometheus and Grafana monitoring, on AWS.")
OPS_EXPERT = {"skill_containers_cicd": 5, "skill_cloud": 5, "skill_software": 4,
              "skill_architecture": 3, "tools_ops": ["docker", "kubernetes", "terraform",
                                                     "ci_tools", "prometheus_grafana"]}


def test_a_little_of_everything_asked_is_not_a_fit(content: Content) -> None:
    """The fit weighs how much of each ask the person has, not only its direction: a beginner
    who ticked two of the tools fits an operations posting far less than someone who runs
    them all, and someone at the posting's level on every ask fits it fully."""
    def fitted(answers: dict[str, object], text: str = OPS_POSTING) -> FitDocument:
        result = score({"questionnaire": "default", "answers": answers},
                       content.questionnaire, content.profiles)
        return fit(result, text, content)

    beginner = fitted({"skill_containers_cicd": 2, "skill_cloud": 1,
                       "tools_ops": ["docker", "ci_tools"]})
    expert = fitted(OPS_EXPERT)
    assert beginner.score is not None and expert.score is not None
    assert expert.score > beginner.score + 0.3
    assert len(expert.covered) > len(beginner.covered)
    assert not expert.lacking or expert.score < 1
    if not expert.lacking:
        assert expert.score == pytest.approx(1.0)


def test_one_answer_raising_two_asks_is_said_once(content: Content,
                                                 engineer: ResultDocument) -> None:
    """Power BI raises both the BI tools and data visualisation an analyst posting asks for:
    the screen gives the what-if once, and points back to it for the second ask."""
    doc = fit(engineer, ANALYST_POSTING, content)
    firsts = [a for a in doc.lacking if a.what_if is not None]
    assert firsts[0].what_if == firsts[1].what_if  # the case this is about
    screen = fit_screen(doc, width=100)
    assert screen.count("if you learnt Power BI") == 1
    assert f"The same answer as for {firsts[0].label}, above, raises this too." in screen


def test_the_points_on_the_screen_add_up_to_the_fit(content: Content) -> None:
    """Every ask's line shows its points, lacking ones too (a partly covered ask counts for
    part of the fit): the points shown add up to the fit shown, to rounding."""
    import re

    half = score({"questionnaire": "default", "answers": dict(
        DATA_ENGINEER, skill_dashboards=3, tools_analysis=["pandas", "excel"])},
        content.questionnaire, content.profiles)
    doc = fit(half, ANALYST_POSTING, content)
    assert any(a.score > 0 for a in doc.lacking)  # the case this is about
    screen = fit_screen(doc, width=100)
    points = [float(x) for x in re.findall(r"^  [+-] .*?: ([+-]\d+\.\d) pts", screen, re.M)]
    assert len(points) == len(doc.covered) + len(doc.lacking)
    shown = float(re.search(r"^(\d+)% over", screen, re.M).group(1))  # type: ignore[union-attr]
    assert abs(sum(points) - shown) <= 0.5 + 0.05 * len(points)


def test_the_parts_add_up_to_the_fit_over_what_the_posting_asks(
        content: Content, engineer: ResultDocument) -> None:
    doc = fit(engineer, ANALYST_POSTING, content)
    asks = doc.covered + doc.lacking
    assert sum(a.score for a in asks) == pytest.approx(doc.score, abs=1e-12)
    assert all(a.posting > 0 for a in asks)
    assert all(a.person >= a.posting for a in doc.covered)
    assert all(a.person < a.posting for a in doc.lacking)
    # a skill the posting never mentions neither helps nor hurts
    assert "streaming" not in {a.dimension for a in asks}
    more = dict(DATA_ENGINEER, tools_ml=["pytorch", "cuda"])
    other = score({"questionnaire": "default", "answers": more}, content.questionnaire,
                  content.profiles)
    assert fit(other, ANALYST_POSTING, content).score == pytest.approx(doc.score, abs=1e-12)


def test_what_ifs_are_exact_and_ranked(content: Content, engineer: ResultDocument) -> None:
    doc = fit(engineer, ANALYST_POSTING, content)
    gains = [a.what_if.score_if for a in doc.lacking if a.what_if is not None]
    assert gains and gains == sorted(gains, reverse=True)
    first = doc.lacking[0].what_if
    assert first is not None and first.question_id == "tools_analysis"
    assert isinstance(first.typical, list) and "power_bi" in first.typical
    assert "Power BI" in first.typical_label and "pandas" not in first.typical
    learnt = dict(DATA_ENGINEER, tools_analysis=["pandas", *first.typical])
    again = score({"questionnaire": "default", "answers": learnt}, content.questionnaire,
                  content.profiles)
    assert fit(again, ANALYST_POSTING, content).score == pytest.approx(first.score_if, abs=1e-12)


def test_screen_speaks_of_the_person_and_the_posting(content: Content,
                                                     engineer: ResultDocument) -> None:
    screen = " ".join(fit_screen(fit(engineer, ANALYST_POSTING, content,
                                     title="Data Analyst")).split())
    assert screen.startswith("Your fit with “Data Analyst” ")
    assert "This posting reads as Data Analyst" in screen
    assert "Your top role: Data Engineer" in screen
    assert "Analysis tools: if you learnt " in screen
    doc = fit(engineer, "SQL queries, dashboards and data visualisation.", content)
    skill = " ".join(fit_screen(doc).split())
    # each what-if in the person's scale words: their answer, and the one put in its place
    ifs = [a.what_if for a in doc.lacking if a.what_if is not None]
    assert ifs and all(f"{w.label}: " in skill and w.typical_label in skill for w in ifs)
    assert ("Dashboards and reports: your answer: Never done it (1 of 5), this posting asks: "
            in skill)
    fr = " ".join(fit_screen(fit(engineer, ANALYST_POSTING, content, lang="fr")).split())
    assert "Cette offre se lit comme" in fr and "Ce qui vous manque" in fr


def test_cli_screen_json_and_stdin(run: RunCli, saved: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(PIPELINES_POSTING)
    r = run("fit", str(saved), str(posting))
    assert r.code == 0 and "Your fit with “Data Engineer”" in r.out
    assert "It is your top role too." in r.out
    data = json.loads(run("fit", str(saved), str(posting), "--json").out)
    jsonschema.validate(data, fit_schema())
    FitDocument.model_validate(data)
    import io
    import sys

    class Stdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", Stdin(io.BytesIO(ANALYST_POSTING.encode())))
    r = run("fit", str(saved), "-", "--json", "--lang", "fr")
    data = json.loads(r.out)
    assert r.code == 0 and data["lang"] == "fr" and data["title"] == "Data Analyst"


def test_nothing_to_fit(run: RunCli, saved: Path, tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(UNKNOWN)
    r = run("fit", str(saved), str(posting))
    assert r.code == 0 and "Nothing to fit" in r.out
    data = json.loads(run("fit", str(saved), str(posting), "--json").out)
    assert data["recognised"] is False and data["score"] is None


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "file not found"),
    (lambda p: p.write_text("   \n"), "is empty"),
    (lambda p: p.write_bytes(b"\x89PNG\x00\x00binary"), "binary"),
    (lambda p: p.write_bytes(b"caf\xe9 latin-1"), "not UTF-8"),
])
def test_a_bad_posting_is_one_line_and_exit_2(run: RunCli, saved: Path, tmp_path: Path,
                                              setup: Callable[[Path], None],
                                              message: str) -> None:
    path = tmp_path / "p.txt"
    setup(path)
    r = run("fit", str(saved), str(path))
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(schema_version=99), "schema_version: was written by a newer rolematch"),
    (lambda d: d.update(vector="x"), "vector"),
    (lambda d: d["questionnaire"].update(content_hash="0" * 16),
     "questionnaire: was answered with another questionnaire"),
])
def test_a_bad_result_is_one_line_and_exit_2(run: RunCli, saved: Path, tmp_path: Path,
                                             change: Callable[[dict[str, object]], None],
                                             message: str) -> None:
    data = json.loads(saved.read_text())
    change(data)
    saved.write_text(json.dumps(data))
    posting = tmp_path / "posting.txt"
    posting.write_text(PIPELINES_POSTING)
    r = run("fit", str(saved), str(posting))
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1


def test_the_shipped_fit_schema_is_current(run: RunCli) -> None:
    """engine/schemas/fit.schema.json is what `rolematch schema fit` prints (regenerate it
    with `rolematch schema fit > engine/schemas/fit.schema.json`)."""
    shipped = (REPO / "engine" / "schemas" / "fit.schema.json").read_text()
    assert shipped == dumps(fit_schema())
    assert json.loads(run("schema", "fit").out) == fit_schema()


def test_fit_on_a_real_posting(run: RunCli, saved: Path) -> None:
    """A posting from ../shared/data (read at run time, never copied), when it is there."""
    data = REPO.parent / "shared" / "data" / "postings-dev.jsonl"
    if not data.exists():
        pytest.skip("no ../shared/data here")
    row = json.loads(data.read_text().splitlines()[0])
    from engine.content import load_content

    doc = fit(ResultDocument.model_validate_json(saved.read_text()), row["text"], load_content(),
              title=row["title"])
    assert doc.recognised and doc.score is not None and 0 < doc.score <= 1


def test_a_tool_the_posting_asks_for_a_little_is_still_advice(content: Content,
                                                               engineer: ResultDocument) -> None:
    """A posting that mostly wants statistics and mentions PyTorch once: the data engineer
    who ticked no deep learning tool is told that ticking one would raise the fit."""
    posting = ("Data Scientist\nStatistics, hypothesis testing, regression and forecasting "
               "every day; A/B testing and experimental design; statistical modeling in "
               "Python with scikit-learn; some PyTorch.")
    doc = fit(engineer, posting, content)
    lacking = {a.dimension: a for a in doc.lacking}
    dl = lacking["tools-dl-frameworks"]
    assert dl.what_if is not None and dl.what_if.question_id == "tools_ml"
    assert dl.what_if.score_if - dl.what_if.score_now > 0.01
    assert "pytorch" in dl.what_if.typical  # the tool it names


def test_a_question_quick_mode_never_asked_is_not_a_skip(run: RunCli, content: Content,
                                                         tmp_path: Path) -> None:
    """As the quiz's own result screen says it: on the screen, in French and in the JSON."""
    from engine.export import ModeDoc

    asked = ["skill_sql", "skill_dashboards", "skill_statistics", "skill_pipelines"]
    answers = {"skill_sql": 5, "skill_dashboards": 1, "skill_statistics": None,
               "skill_pipelines": 5}
    quick = score({"questionnaire": "default", "answers": answers}, content.questionnaire,
                  content.profiles, mode=ModeDoc(quick=True, asked=asked))
    saved = tmp_path / "quick.json"
    saved.write_text(dumps(quick))
    posting = tmp_path / "posting.txt"
    posting.write_text("Data Scientist\nStatistics, machine learning with Python and "
                       "scikit-learn, production code, SQL, dashboards in Tableau.")
    screen = " ".join(run("fit", str(saved), str(posting)).out.split())
    assert "Analysis tools: not asked in quick mode, this posting asks: " in screen
    assert "Production code: not asked in quick mode, this posting asks: " in screen
    assert "Statistics: you skipped it, this posting asks: " in screen  # asked, and skipped
    assert "Analysis tools: you skipped it" not in screen
    # the fit itself says it comes from a quick result, where the unasked count for nothing
    assert ("From a quick-mode result (4 questions asked): what quick mode never asked counts "
            "for nothing here" in screen)
    fr = " ".join(run("fit", str(saved), str(posting), "--lang", "fr").out.split())
    assert "Outils d'analyse : non posée en mode rapide, cette offre demande : " in fr
    assert "Outils d'analyse : question passée" not in fr
    data = json.loads(run("fit", str(saved), str(posting), "--json").out)
    jsonschema.validate(data, fit_schema())
    assert data["asked"] == asked
    labels = {a["what_if"]["question_id"]: a["what_if"]["answer_label"]
              for a in data["lacking"] if a["what_if"] is not None}
    assert labels["tools_analysis"] == "not asked in quick mode"
    assert labels["skill_statistics"] == "skipped"
    # after the whole questionnaire, an empty answer is a skip
    full = tmp_path / "full.json"
    full.write_text(dumps(quick.model_copy(update={"mode": ModeDoc()})))
    whole = " ".join(run("fit", str(full), str(posting)).out.split())
    assert "Analysis tools: you skipped it" in whole and "quick-mode result" not in whole
