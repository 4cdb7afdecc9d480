"""--report FILE.html (a cohort from batch, a market from decode --jsonl) and the chart in
show --format html: self-contained pages, charts as inline SVG, every text escaped, written
atomically and owner-only, in English and French."""

from __future__ import annotations

import json
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import engine
from engine.content import Content
from tests.conftest import ContentCopy, Run
from tests.test_workers import POSTINGS, answers_file

RunCli = Callable[..., Run]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def no_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if matplotlib were not installed (and the chart module never imported)."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.delitem(sys.modules, "engine.charts", raising=False)
    monkeypatch.delattr(engine, "charts", raising=False)


def self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 1
    for outside in ("<script", "<link", "<img", "src=", "@import", "<iframe"):
        assert outside not in page
    # the only addresses are the SVG namespaces, which nothing fetches
    assert {a for a in re.findall(r"https?://[^\"' )]+", page)} <= {
        "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_cohort_report(run: RunCli, content: Content, tmp_path: Path) -> None:
    answers = answers_file(content, tmp_path)
    pages = {}
    for name, argv in (("full", []), ("summary", ["--summary"]),
                       ("workers", ["--csv", "--workers", "2", "--chunk-size", "40"])):
        report = tmp_path / f"{name}.html"
        r = run("batch", str(answers), *argv, "--report", str(report))
        assert r.code == 0 and r.err.endswith(f"Saved to {report} (readable by you only).\n")
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
        pages[name] = report.read_text()
    # the same counts whether they come from full documents or score matrices, in any process
    assert pages["full"] == pages["summary"] == pages["workers"]
    page = pages["full"]
    self_contained(page)
    assert "Cohort report" in page and "295 people scored" in page
    tops = [json.loads(line)["top_role"] for line in
            run("batch", str(answers), "--summary").out.splitlines()]
    first = max(set(tops), key=lambda r: (tops.count(r), r))
    title = next(p.title.en for p in content.profiles.profiles if p.id == first)
    assert f"<td>{title}</td><td class=n>{tops.count(first)}</td>" in page
    assert page.count("<svg") == 2  # top roles, average profile


def test_market_report_counts_what_the_documents_say(run: RunCli, tmp_path: Path) -> None:
    postings = tmp_path / "postings.jsonl"
    lines = [POSTINGS[i % 4] | {"id": i, "title": ["Data Scientist", "Data Engineer", "Data "
                                                   "Analyst"][i % 3]} for i in range(60)]
    postings.write_text("".join(json.dumps(p) + "\n" for p in lines))
    report = tmp_path / "market.html"
    r = run("decode", "--jsonl", str(postings), "--report", str(report), "--lang", "fr")
    assert r.code == 0, r.err
    docs = [json.loads(line) for line in r.out.splitlines()]
    titled = [d for d in docs if d["title_role"] and d["recognised"]]
    other = [d for d in titled if d["title_role"] != d["skills_role"]]
    page = report.read_text()
    self_contained(page)
    assert "Rapport sur le marché de l&#x27;emploi" in page and '<html lang="fr">' in page
    assert f"{len(other)} des {len(titled)} offres" in page and 0 < len(other) < len(titled)
    assert page.count("<svg") == 2  # the crosstab, the share that disagree
    assert "Termes qui décident chaque métier" in page
    # French numbers in the tables: decimal commas, a space before %, as the sentences write
    points = re.findall(r"<td class=n>([+-]\d+[.,]\d)</td>", page)
    assert points and all("," in p for p in points)
    text = re.sub(r"<style.*?</style>|<svg.*?</svg>", "", page, flags=re.S)  # CSS has 100%
    assert re.search(r"\d\u00a0%", text) and not re.search(r"\d%", text)


def test_counts_mark_thousands_in_each_language() -> None:
    from engine.i18n import whole

    assert whole(12345, "en") == "12,345" and whole(12345, "fr") == "12\u202f345"
    assert whole(999, "fr") == "999"


def test_every_text_is_escaped(run: RunCli, copy: ContentCopy, tmp_path: Path,
                               content: Content) -> None:
    copy.edit(copy.profile("data-engineer"), 'en: "Data Engineer"',
              """en: 'Data <Engineer> & "Co"'""")
    answers = answers_file(content, tmp_path)
    report = tmp_path / "r.html"
    r = run("batch", str(answers), "--summary", "--report", str(report),
            "--questionnaire", str(copy.questionnaire), "--profiles", str(copy.profiles))
    assert r.code == 0, r.err
    page = report.read_text()
    assert "<Engineer>" not in page
    assert page.count("Data &lt;Engineer&gt; &amp;") >= 3  # table, chart labels


def test_report_is_refused_before_any_work(run: RunCli, content: Content, tmp_path: Path,
                                           ) -> None:
    answers = answers_file(content, tmp_path)
    report = tmp_path / "r.html"
    report.write_text("mine")
    r = run("batch", str(answers), "--summary", "--report", str(report))
    assert r.code == 2 and r.out == "" and "already exists" in r.err
    assert len(r.err.splitlines()) == 1 and report.read_text() == "mine"
    # a run stopped by a bad line leaves no report and no temporary file
    report.unlink()
    r = run("batch", str(answers), "--on-error", "fail", "--report", str(report))
    assert r.code == 2 and sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_report_without_matplotlib_is_one_line(run: RunCli, content: Content, tmp_path: Path,
                                               no_matplotlib: None) -> None:
    r = run("decode", "--jsonl", str(answers_file(content, tmp_path)), "--report",
            str(tmp_path / "r.html"))
    assert r.code == 2 and r.out == ""
    assert r.err == ("rolematch: --report draws its charts with matplotlib: "
                     "pip install 'rolematch[report]'\n")


@pytest.fixture
def result(run: RunCli, tmp_path: Path) -> Path:
    answers = tmp_path / "a.yaml"
    answers.write_text("questionnaire: default\nanswers: {skill_pipelines: 5, enjoy_coding: 5,"
                       " skill_sql: 4, tools_ops: [docker]}\n")
    path = tmp_path / "result.json"
    assert run("--answers", str(answers), "--output", str(path)).code == 0
    return path


def test_show_html_has_the_profile_chart(run: RunCli, result: Path) -> None:
    r = run("show", str(result), "--format", "html")
    assert r.code == 0
    self_contained(r.out)
    assert 'aria-label="Your profile against the top roles"' in r.out
    for title in ("You", "Data Engineer", "DevOps Engineer", "MLOps Engineer"):
        assert f">{title}</text>" in r.out  # a legend entry per series, text kept as text


def test_show_html_without_matplotlib_says_how(run: RunCli, result: Path,
                                               no_matplotlib: None) -> None:
    r = run("show", str(result), "--format", "html")
    assert r.code == 0 and "<svg" not in r.out
    assert "The chart of this profile against the top roles is not included" in r.out
    assert "<h2>1. Data Engineer" in r.out  # the rest of the report is there


def test_show_html_refuses_to_chart_other_profiles(run: RunCli, result: Path,
                                                   copy: ContentCopy) -> None:
    copy.edit(copy.profile("data-engineer"), "sql: 0.", "sql: 0.0")  # any other weight
    r = run("show", str(result), "--format", "html", "--profiles", str(copy.profiles))
    assert r.code == 0 and "<svg" not in r.out
    assert "not the ones this result was scored with" in r.out


def test_a_cohort_page_says_which_lines_were_skipped(run: RunCli, content: Content,
                                                     tmp_path: Path) -> None:
    """Skipped lines keep exit code 0 (documented), but neither the page nor the last line
    on stderr reads as if the whole input was scored."""
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "answers": {"skill_sql": 4}})
    src.write_text("\n".join([good, "{not json", json.dumps({"answers": {"skill_sql": 9}}),
                              json.dumps({"id": "nobody", "answers": {}}), good]) + "\n")
    for argv, said in (([], "enough_answers false"), (["--summary"], "top_role null"),
                       (["--csv", "--workers", "2"], "top_role and scores left empty")):
        report = tmp_path / "r.html"
        r = run("batch", str(src), "-o", str(tmp_path / "out"), *argv, "--report",
                str(report), "--force")
        assert r.code == 0, r.err
        page = report.read_text()
        assert "3 people scored; 1 without enough answers" in page
        assert "2 lines of the input were not scored" in page
        assert "<li>line 2: not valid JSON" in page
        assert "<li>line 3: answers.skill_sql: expected a whole number from 1 to 5, got 9" in page
        notes = r.err.splitlines()
        assert f"rolematch: 1 person with no answers to score ({said})" in notes, r.err
        assert notes[-2] == (f"3 results written to {tmp_path / 'out'}; 2 bad lines "
                             "skipped (exit code 0; --on-error fail stops at the first, with "
                             "exit code 2)")


def test_a_report_that_is_not_html_is_refused(run: RunCli, content: Content,
                                              tmp_path: Path) -> None:
    answers = answers_file(content, tmp_path)
    r = run("batch", str(answers), "--summary", "--report", str(tmp_path / "x.txt"))
    assert (r.code, r.out) == (2, "")
    assert r.err == (f"rolematch: --report {tmp_path / 'x.txt'}: the report is an HTML page; "
                     "give it a name ending in .html or .htm\n")
    assert not (tmp_path / "x.txt").exists()
    r = run("batch", str(answers), "--summary", "--report", str(tmp_path / "x.HTM"))
    assert r.code == 0, r.err


def test_a_page_without_its_chart_tells_its_reader_and_the_person_how_to_get_it(
        run: RunCli, result: Path, tmp_path: Path, no_matplotlib: None) -> None:
    """The page is sent to others: it says the chart is not included, and the command tells
    the person saving it what to install (the page told its reader to pip install)."""
    page = tmp_path / "r.html"
    r = run("show", str(result), "--format", "html", "--output", str(page))
    assert r.code == 0
    text = page.read_text()
    assert "is not included" in text and "pip install" not in text
    assert "pip install 'rolematch[report]'" in r.err and "save it again" in r.err
    r = run("show", str(result), "--format", "html")
    assert r.code == 0 and "pip install" not in r.out and "pip install" in r.err
