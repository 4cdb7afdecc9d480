"""`rolematch decode`: matching rules one by one, short postings, title mismatch, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from engine.content import Content
from engine.decode import decode, matcher_for
from engine.export import decode_schema
from engine.report import decode_screen
from tests.conftest import Run

RunCli = Callable[..., Run]


def terms(content: Content, text: str) -> dict[str, list[str]]:
    matcher = matcher_for(content.profiles)
    return {matcher.terms[ti].id: words for ti, words in matcher.find(text).items()}


@pytest.mark.parametrize(("text", "term", "words"), [
    ("We use CI/CD daily", "ci-cd", ["CI/CD"]),
    ("ci cd and cicd", "ci-cd", ["ci cd", "cicd"]),
    ("strong C++ skills", "software", ["C++"]),
    ("scikit-learn or scikit learn", "ml-libs", ["scikit-learn", "scikit learn"]),
    ("Power BI, PowerBI, power-bi", "power-bi", ["Power BI", "PowerBI", "power-bi"]),
    ("Node.js services", "software", ["Node.js"]),
    ("DASHBOARDS and a dashboard", "dashboards", ["DASHBOARDS", "dashboard"]),
    ("data pipelines", "pipelines", ["data pipelines"]),
    # "scripting languages (Python or R)" is no sign of operations work; shell scripts are
    ("shell scripts and a scripting language", "linux", ["shell scripts"]),
    # "quantitative skills" in an analyst posting is statistics, not machine learning
    ("strong quantitative skills", "quantitative", ["quantitative"]),
    ("Apache Spark", "big-data", ["Apache Spark"]),
    ("tableaux de bord et visualisation de données", "dashboards", ["tableaux de bord"]),
    ("apprentissage automatique", "machine-learning", ["apprentissage automatique"]),
    ("Intégration continue", "ci-cd", ["Intégration continue"]),
    ("entrepôt de données", "warehouses", ["entrepôt de données"]),
    ("R, Python and SQL", "statistics", ["R"]),
    ("Go, Rust or Java", "software", ["Go", "Rust", "Java"]),
    ("React front ends in TypeScript", "software", ["React", "TypeScript"]),
    ("Postgres on Amazon RDS", "sql", ["Postgres", "Amazon RDS"]),
    ("une thèse de doctorat en vision", "experiments", ["thèse de doctorat"]),
    ("outils de supervision et alertes", "monitoring", ["outils de supervision", "alertes"]),
    ("Excel and Google Sheets", "excel", ["Excel", "Google Sheets"]),
    # "ML" and "machine learning" are one: a phrase written one way matches the other
    ("build machine learning pipelines", "ml-platform-work", ["machine learning pipelines"]),
    ("the ML lifecycle and the machine learning lifecycle", "ml-lifecycle",
     ["ML lifecycle", "machine learning lifecycle"]),
    ("build CI/CD pipelines with Jenkins", "ci-cd", ["CI/CD pipelines", "Jenkins"]),
    ("support the deployment of machine learning models", "deployment",
     ["deployment of machine learning models"]),
    ("workflows in ComfyUI with generative models", "generative-ai",
     ["ComfyUI", "generative models"]),
])
def test_tricky_names(content: Content, text: str, term: str, words: list[str]) -> None:
    assert terms(content, text)[term] == words


@pytest.mark.parametrize(("text", "term", "words"), [
    ("build a recommender system", "machine-learning", ["recommender system"]),  # "...systems"
    ("one stakeholder", "business-partners", ["stakeholder"]),  # written "stakeholders"
    ("a data analysis", "analysis", ["data analysis"]),  # "analysis" keeps its s
])
def test_phrases_match_in_the_singular_too(content: Content, text: str, term: str,
                                           words: list[str]) -> None:
    assert terms(content, text)[term] == words


@pytest.mark.parametrize(("text", "term"), [
    ("our go-to tool", "software"),  # no Go in "go-to"
    ("Let's go and build", "software"),  # lower-case go is not the language
    ("R&D budget", "statistics"),  # no R in R&D
    ("a Riverside team", "statistics"),  # no R inside other words
    ("we rsvp", "statistics"),
    ("a beautiful tableau of colours", "tableau"),  # Tableau needs BI context
    ("Kafkaesque paperwork", "streaming"),
    ("we react quickly to change", "software"),  # the verb is not React
    # accents are ignored, so a French word must not be an English one: "thèse" read "these"
    # in 89 of the 354 dev postings, "supervision" (of people) read as system monitoring
    ("these tools and these teams", "experiments"),
    ("supervision of two junior analysts", "monitoring"),
    ("help you to excel in the position", "excel"),  # the verb is not the spreadsheet
    ("various economic objectives", "mathematics"),  # "economics" read in the singular
    ("build CI/CD pipelines with Jenkins", "pipelines"),  # not data pipelines
    # a French posting's heading ("the profile sought") and "looking for" are no research
    ("Profil recherché : Python, SQL", "experiments"),
    ("Nous sommes à la recherche d'un data scientist", "experiments"),
    ("un moteur de recherche interne", "experiments"),
    # whom the business serves is not contact with them
    ("Our app serves 4 million customers. Python, SQL.", "clients-general"),
    ("Nos 2 millions de clients comptent sur nous. Python, SQL.", "clients-general"),
])
def test_word_boundaries_and_context(content: Content, text: str, term: str) -> None:
    assert term not in terms(content, text)


@pytest.mark.parametrize(("text", "term", "words"), [
    ("Travaux de recherche en vision par ordinateur", "experiments", ["Travaux de recherche"]),
    ("research on ranking models", "experiments", ["research"]),
    ("You will work with customers to understand their goals", "clients-general",
     ["customers"]),
    ("échanger avec les clients sur leurs besoins", "clients-general", ["clients"]),
])
def test_research_and_clients_still_read(content: Content, text: str, term: str,
                                         words: list[str]) -> None:
    assert terms(content, text)[term] == words


def test_tableau_with_context(content: Content) -> None:
    assert terms(content, "dashboards in Tableau")["tableau"] == ["Tableau"]


def test_longest_match_wins(content: Content) -> None:
    found = terms(content, "Spark Streaming jobs")
    assert found["streaming"] == ["Spark Streaming"] and "big-data" not in found


@pytest.mark.parametrize(("text", "role"), [
    ("Build dashboards in Power BI and Tableau, write SQL queries, present insights to "
     "stakeholders and business partners.", "data-analyst"),
    ("Maintain Kubernetes clusters, Terraform, CI/CD with Jenkins, on-call rotation, "
     "Prometheus and Grafana monitoring, incident response.", "devops-engineer"),
    ("Fine-tune LLMs, build RAG pipelines with LangChain and vector databases, PyTorch, "
     "Hugging Face, CUDA optimisation.", "ai-engineer"),
    ("Construire des pipelines de données avec Airflow et dbt, Spark, entrepôt de données "
     "BigQuery, ingestion en temps réel avec Kafka.", "data-engineer"),
    ("Statistical modeling, hypothesis testing, A/B testing, regression, Jupyter and pandas, "
     "experimentation and research.", "data-scientist"),
])
def test_short_postings_with_known_answers(content: Content, text: str, role: str) -> None:
    doc = decode(text, content.profiles)
    assert doc.ranking[0].role_id == role


def test_title_disagreement_sentence(content: Content) -> None:
    doc = decode("We need Airflow, dbt, Spark and BigQuery pipelines, ETL and data modeling.",
                 content.profiles, title="Senior Data Scientist")
    assert doc.title_role == "data-scientist" and doc.skills_role == "data-engineer"
    assert doc.title_mismatch is not None
    assert doc.title_mismatch.startswith(
        "Titled Data Scientist, but the skills asked read as Data Engineer: ")
    assert "Airflow" in doc.title_mismatch and "BigQuery" in doc.title_mismatch


def test_no_sentence_when_title_and_skills_agree(content: Content) -> None:
    doc = decode("Airflow, dbt, Spark, BigQuery, ETL", content.profiles, title="Data Engineer")
    assert doc.title_mismatch is None


def test_contributions_add_up_and_schema_holds(content: Content) -> None:
    doc = decode("Docker, Kubernetes, MLflow, model monitoring, drift detection, retraining, "
                 "AWS cost optimization", content.profiles)
    data = doc.to_data()
    jsonschema.validate(data, decode_schema())
    assert data["schema_version"] == 3
    for role in doc.ranking:
        assert abs(sum(role.contributions.values()) - role.score) < 1e-9
    assert doc.ranking[0].role_id == "mlops-engineer"
    top = doc.ranking[0].top_contributions[0]
    assert sum(a.share for a in top.terms) == pytest.approx(top.person)


def test_nothing_recognised(run: RunCli) -> None:
    r = run("decode", "We are a friendly bakery looking for a morning person.")
    assert r.code == 0 and "Nothing recognised" in r.out


def test_cli_screen_and_json(run: RunCli, tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Data Scientist\nAirflow, dbt, Spark, BigQuery, ETL pipelines.\n")
    r = run("decode", "--file", str(posting))
    assert r.code == 0
    assert "Titled Data Scientist, but the skills asked read as Data Engineer" in r.out
    assert "1 | Data Engineer" in r.out
    doc = json.loads(run("decode", "--file", str(posting), "--json").out)
    jsonschema.validate(doc, decode_schema())


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "file not found"),
    (lambda p: p.write_text("   \n"), "is empty"),
    (lambda p: p.write_bytes(b"\x89PNG\x00\x00binary"), "binary"),
    (lambda p: p.write_bytes(b"caf\xe9 latin-1"), "not UTF-8"),
])
def test_bad_input_is_one_line_and_exit_2(run: RunCli, tmp_path: Path,
                                          setup: Callable[[Path], None], message: str) -> None:
    path = tmp_path / "p.txt"
    setup(path)
    r = run("decode", "--file", str(path))
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1


def test_jsonl_keeps_order_and_reports_bad_lines(run: RunCli, tmp_path: Path) -> None:
    src = tmp_path / "postings.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "title": "DevOps Engineer", "text": "Terraform, Kubernetes"}),
        "{broken",
        json.dumps({"id": "b", "title": "x", "text": ""}),
        json.dumps({"id": "c", "title": "Data Analyst", "text": "Power BI dashboards, SQL"}),
        json.dumps({"id": "d", "text": "Airflow and dbt", "salary": 3}),
    ]) + "\n")
    r = run("decode", "--jsonl", str(src))
    assert r.code == 0
    out = [json.loads(line) for line in r.out.splitlines()]
    assert [d["id"] for d in out] == ["a", "c", "d"]  # d's salary is ignored
    assert "line 2: skipped" in r.err and "line 3: skipped" in r.err and "is empty" in r.err
    assert "line 5" not in r.err
    assert r.err.splitlines()[-1] == "3 postings decoded; 2 bad lines skipped"
    r = run("decode", "--jsonl", str(src), "--on-error", "fail")
    assert r.code == 2 and "line 2" in r.err


def test_jsonl_ignores_keys_other_than_id_title_and_text(run: RunCli, tmp_path: Path) -> None:
    """Postings files from elsewhere carry more fields (a source, a label): decoded all the
    same, the title still read."""
    src = tmp_path / "postings.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in [
        {"id": "a", "source": "board:1", "title": "Data Scientist", "label": "data-scientist",
         "text": "Airflow, dbt, Spark, BigQuery, ETL pipelines."},
        {"id": "b", "source": "board:2", "title": "DevOps Engineer", "label": "devops-engineer",
         "text": "Terraform, Kubernetes, CI/CD."},
    ]))
    out = tmp_path / "dec.jsonl"
    r = run("decode", "--jsonl", str(src), "-o", str(out))
    assert r.code == 0
    assert r.err.splitlines() == ["2 postings decoded; 0 bad lines skipped"]
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(d["id"], d["title_role"]) for d in docs] == [("a", "data-scientist"),
                                                          ("b", "devops-engineer")]


@pytest.mark.parametrize(("line", "reason"), [
    ({"id": 1, "txt": "Airflow and dbt"},
     "unknown key 'txt'; did you mean 'text'? (the required key 'text' is missing)"),
    ({"id": 1, "Text": "Airflow and dbt"},
     "unknown key 'Text'; did you mean 'text'? (the required key 'text' is missing)"),
    ({"id": 1, "Tittle": "Data Engineer", "body": "Airflow and dbt"},
     "unknown key 'Tittle'; did you mean 'title'? (the required key 'text' is missing)"),
    ({"id": 1, "title": "Data Engineer", "body": "Airflow and dbt"},
     "the required key 'text' is missing"),
])
def test_a_line_without_text_is_one_clear_line(run: RunCli, tmp_path: Path,
                                               line: dict[str, object], reason: str) -> None:
    src = tmp_path / "postings.jsonl"
    src.write_text(json.dumps({"id": 0, "text": "Terraform and Kubernetes"}) + "\n"
                   + json.dumps(line) + "\n")
    r = run("decode", "--jsonl", str(src))
    assert r.code == 0 and [json.loads(x)["id"] for x in r.out.splitlines()] == [0]
    assert r.err.splitlines() == [f"rolematch: {src}: line 2: skipped: {reason}",
                                  "1 posting decoded; 1 bad line skipped"]


def test_jsonl_with_no_posting_decoded_is_bad_input(run: RunCli, tmp_path: Path) -> None:
    """Not one line decoded: exit code 2, the last line says so, no output file, no report."""
    src = tmp_path / "postings.jsonl"
    src.write_text(json.dumps({"id": 1, "txt": "Airflow"}) + "\n\n{broken\n")
    out, page = tmp_path / "dec.jsonl", tmp_path / "market.html"
    r = run("decode", "--jsonl", str(src), "-o", str(out), "--report", str(page))
    assert r.code == 2
    lines = r.err.splitlines()
    assert lines[:2] == [
        f"rolematch: {src}: line 1: skipped: unknown key 'txt'; did you mean 'text'? "
        "(the required key 'text' is missing)",
        f"rolematch: {src}: line 3: skipped: not valid JSON: Expecting property name enclosed "
        "in double quotes (column 2)"]
    # the blank line is said too, as batch says it: the counts add up to the lines read
    assert lines[2:] == [f"rolematch: {src}: no posting could be decoded (1 blank line "
                         "ignored; 2 bad lines skipped)"]
    assert not out.exists() and not page.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left either


def test_jsonl_with_no_line_at_all_is_not_an_error(run: RunCli, tmp_path: Path) -> None:
    """An empty file is nothing to decode, not bad lines: exit code 0, as before."""
    src = tmp_path / "postings.jsonl"
    src.write_text("")
    r = run("decode", "--jsonl", str(src))
    assert r.code == 0 and r.out == ""
    assert r.err.splitlines() == ["0 postings decoded; 0 bad lines skipped"]


def test_the_quiz_does_not_read_the_vocabulary(content: Content) -> None:
    assert content.profiles.vocabulary is None  # read on demand, by decode and validate


def test_decode_without_a_vocabulary_is_one_clear_line(run: RunCli, copy: object) -> None:
    (copy.profiles / "vocabulary.yaml").unlink()  # type: ignore[attr-defined]
    r = run("decode", "--profiles", str(copy.profiles), "Airflow and dbt")  # type: ignore[attr-defined]
    assert r.code == 2 and "vocabulary.yaml: file not found" in r.err


def test_ranking_counts_skills_and_tools_and_shows_the_rest(content: Content) -> None:
    """A posting describes the job, not what the person enjoys: what it says about the work
    itself is listed, and moves no score."""
    plain = "Terraform, Kubernetes, CI/CD with Jenkins, Prometheus monitoring."
    extra = " Work directly with customers, own the roadmap, join the on-call rotation."
    a, b = decode(plain, content.profiles), decode(plain + extra, content.profiles)
    assert [(m.role_id, m.score) for m in a.ranking] == \
        [(m.role_id, m.score) for m in b.ranking]
    prefs = {p.dimension: p.matched for p in b.preferences}
    assert prefs == {"pref-production": ["on-call rotation"], "pref-strategy": ["roadmap"],
                     "pref-client-contact": ["Work directly with customers"]}
    counted = {d.id for d in content.profiles.dimensions if d.group != "preference"}
    counted |= {blend.id for blend in b.blends}  # the blends' evidence dimensions
    assert set(b.vector) == counted
    assert all(set(m.contributions) == counted for m in b.ranking)
    screen = decode_screen(b)
    assert "About the work itself (shown, not counted in the ranking): " in screen
    assert "Client contact (Work directly with customers)" in " ".join(screen.split())
    only_prefs = decode("Work directly with customers and own the roadmap.", content.profiles)
    assert not only_prefs.recognised and only_prefs.preferences


def test_decode_screen_speaks_of_the_posting(content: Content) -> None:
    doc = decode("Airflow, dbt, Spark and BigQuery pipelines, ETL and data modeling.",
                 content.profiles)
    screen = " ".join(decode_screen(doc, width=100).split())
    assert ("Robust: without any one of the terms found, this posting would still read as "
            "Data Engineer.") in screen
    assert "answer" not in screen.lower() and "your top match" not in screen
    assert "SQL and querying (posting 0%, role 80%)" in screen and "(you " not in screen


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_close_call_on_a_posting_names_the_two_roles_it_reads_as(content: Content,
                                                                   lang: str) -> None:
    from engine.report import confidence_notes

    doc = decode("Kubernetes, Terraform, CI/CD. Power BI dashboards and SQL reporting.",
                 content.profiles, lang=lang)
    assert doc.confidence is not None
    doc = doc.model_copy(update={"confidence": doc.confidence.model_copy(
        update={"close_call": True})})
    close = confidence_notes(doc)[0][1]
    first, second = doc.ranking[0].title, doc.ranking[1].title
    assert first in close and second in close
    assert (f"Close call: this posting reads as {first}, and almost as much as {second} "
            if lang == "en" else
            f"Résultat serré\u00a0: cette offre se lit comme {first}, et presque autant comme "
            f"{second} ") in close
    assert "read both cards" not in close and "lisez les deux fiches" not in close


def test_explanations_name_terms_by_their_label(content: Content) -> None:
    """The "why" lines and the fragile note name a term by its label, in the screen's
    language, with the posting's own words beside it, each once whatever its case."""
    text = "Kubernetes and MLflow. MLFLOW again, and mlflow once more."
    doc = decode(text, content.profiles)
    found = {f.term: f for f in doc.found}
    assert found["ml-platforms"].matched == ["MLflow"] and found["ml-platforms"].count == 3
    why = [x for c in doc.ranking[0].top_contributions for x in c.terms]
    # a posting's evidence is its terms (label and words), no longer answers with no answer
    platforms = next(x for x in why if x.term == "ml-platforms")
    assert (platforms.label, platforms.matched) == ("ML platforms", ["MLflow"])
    screen = " ".join(decode_screen(doc).split())
    assert ("Fragile: without one term found in the posting (ML platforms), it would no longer "
            f"read as {doc.ranking[0].title}.") in screen
    assert "ML platforms → “MLflow”" in screen
    fr = decode(text, content.profiles, lang="fr")
    fr_why = [x.label for c in fr.ranking[0].top_contributions for x in c.terms]
    assert "Plateformes de ML" in fr_why


def test_a_bad_jsonl_line_is_worded_as_batch_words_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from engine.cli import main

    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": 1, "text": "Python and SQL"}\nnot json\n{"id": 2, "text": "x" "y"}\n')
    assert main(["decode", "--jsonl", str(posts)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"rolematch: {posts}: line 2: skipped: not valid JSON: Expecting value (column 1)",
        f"rolematch: {posts}: line 3: skipped: not valid JSON: Expecting ',' delimiter "
        "(column 23)"]


def test_a_file_name_as_text_decodes_the_file(run: RunCli, tmp_path: Path) -> None:
    """`rolematch decode posting.txt` reads the file, as `rolematch fit` takes a posting."""
    posting = tmp_path / "posting.txt"
    posting.write_text("We build ETL pipelines in Airflow and Spark, with dbt models in "
                       "BigQuery.")
    by_name = run("decode", str(posting), "--json")
    by_file = run("decode", "--file", str(posting), "--json")
    assert by_name.code == by_file.code == 0
    name_doc, file_doc = json.loads(by_name.out), json.loads(by_file.out)
    assert name_doc["ranking"][0]["role_id"] == "data-engineer"
    assert name_doc["ranking"] == file_doc["ranking"]
    # a text that is no file's name is still the text
    assert run("decode", "Kubernetes", "--json").code == 0


@pytest.mark.parametrize("name", ["nosuch.txt", "nosuch.md", "nosuch.json", "nosuch.jsonl",
                                  "nosuch.html", "Offer.PDF", "jobs/nosuch", "./nosuch"])
def test_a_missing_file_is_file_not_found(run: RunCli, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """An argument that looks like a file's name, and no file by it: one line and exit code 2,
    as `rolematch fit` says it, rather than "Nothing recognised" in the name read as text."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobs").mkdir()  # a folder that exists: jobs/nosuch is a path in it
    for arg in (name, str(tmp_path / name)):
        r = run("decode", arg)
        assert (r.code, r.out, r.err) == (2, "", f"rolematch: {Path(arg)}: file not found\n")


@pytest.mark.parametrize(("text", "role"), [
    ("Airflow and dbt pipelines in posting.txt", "data-engineer"),
    ("CI/CD and Terraform", "devops-engineer"),
    ("CI/CD", "devops-engineer"),  # a slash in one word, and no folder "CI": text
    ("Kubernetes", "devops-engineer"),
    ("Node.js", None),  # a name's dot is not a document's extension
])
def test_text_that_is_no_file_name_is_still_the_text(run: RunCli, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     text: str, role: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("decode", text, "--json")
    assert r.code == 0 and r.err == ""
    doc = json.loads(r.out)
    assert doc["skills_role"] == role if role else doc["found"]


@pytest.mark.parametrize("text", [
    "We run Kubernetes and Terraform on AWS, with Prometheus alerting, CI/CD in GitHub Actions, "
    "infrastructure as code everywhere and an on-call rotation.",
    "SQL, Tableau and Excel for weekly KPI dashboards; you present findings to stakeholders.",
])
def test_a_posting_gap_is_listed_only_when_closing_it_moves_the_match(content: Content,
                                                                       text: str) -> None:
    """'85% -> 85%' is no advice: every listed gap raises the score by more than a point."""
    doc = decode(text, content.profiles, explain_top=8)
    gaps = [g for role in doc.ranking for g in role.gaps]
    assert all(g.score_if - g.score_now > 0.01 for g in gaps)
    assert gaps  # there are still gaps worth listing
