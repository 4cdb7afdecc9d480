"""decode says what it counts: French CI/CD pipelines are CI/CD, not data pipelines; a term
that moves only what the posting says about the work itself (on-call) is listed once, where
the screen says it is not counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import Content
from engine.decode import decode, matcher_for
from tests.conftest import Run

RunCli = Callable[..., Run]


def terms(content: Content, text: str) -> dict[str, list[str]]:
    matcher = matcher_for(content.profiles)
    return {matcher.terms[ti].id: words for ti, words in matcher.find(text).items()}


@pytest.mark.parametrize(("text", "words"), [
    ("Pipelines CI/CD sous GitLab", ["Pipelines CI/CD"]),
    ("Vous maintenez le pipeline CI/CD", ["pipeline CI/CD"]),
    ("Une chaîne CI/CD complète", ["chaîne CI/CD"]),
    ("Des chaines CI/CD", ["chaines CI/CD"]),  # accents are ignored
    ("Le pipeline de déploiement des applications", ["pipeline de déploiement"]),
    ("Les pipelines d'intégration continue", ["pipelines d'intégration continue"]),
])
def test_french_ci_cd_pipelines_are_ci_cd_not_data_pipelines(
    content: Content, text: str, words: list[str],
) -> None:
    found = terms(content, text)
    assert found.get("ci-cd") == words
    assert "pipelines" not in found


def test_french_data_pipelines_are_still_data_pipelines(content: Content) -> None:
    found = terms(content, "Construire des pipelines de données")
    assert found["pipelines"] == ["pipelines de données"]
    assert "ci-cd" not in found


def test_the_french_screen_counts_ci_cd(run: RunCli) -> None:
    r = run("decode", "--lang", "fr", "Ingénieur DevOps : pipelines CI/CD sous GitLab, "
            "Kubernetes et Terraform.")
    shown = " ".join(r.out[:r.out.index("Métiers que décrit cette offre")].split())
    assert "Outils : CI/CD (pipelines CI/CD)" in shown
    assert "Pipelines de données" not in shown


POSTING = ("Platform Engineer\nRun Kubernetes and Terraform, CI/CD in Jenkins, join the on-call "
           "rotation and talk to customers.\n")


def test_on_call_is_said_once_where_it_is_not_counted(run: RunCli, tmp_path: Path) -> None:
    """It was under Activities (what the ranking counts) and again under 'About the work
    itself (shown, not counted)': it moves only a work preference, which decode does not
    count."""
    path = tmp_path / "posting.txt"
    path.write_text(POSTING)
    r = run("decode", str(path))
    assert r.code == 0
    found = r.out[:r.out.index("Roles this posting describes")]
    shown = " ".join(found.split())
    assert shown.count("(on-call rotation)") == 1, found
    assert "On-call (on-call rotation)" not in shown  # the term, as Activities named it
    assert ("About the work itself (shown, not counted in the ranking): Running production and "
            "on-call (on-call rotation); Client contact (customers)") in shown
    assert "Activities" not in shown  # the posting's only activity is on-call
    assert shown.startswith("Found in the posting (3 terms recognised):")


def test_what_is_listed_as_found_is_what_the_ranking_counts(content: Content) -> None:
    doc = decode(POSTING, content.profiles)
    without = decode(POSTING.replace("join the on-call rotation and ", ""), content.profiles)
    assert [(m.role_id, m.score) for m in doc.ranking] == \
        [(m.role_id, m.score) for m in without.ranking]
    assert [f.term for f in doc.found] == [f.term for f in without.found]
    assert {p.dimension: p.matched for p in doc.preferences}["pref-production"] == \
        ["on-call rotation"]
    counted = {d.id for d in content.profiles.dimensions if d.group != "preference"}
    assert all(counted & set(f.effects) for f in doc.found)
    # a term that counts and also says something about the work is in both, truly
    devops = decode("DevOps engineer with Terraform and Kubernetes", content.profiles)
    assert "devops" in [f.term for f in devops.found]
    assert any("DevOps" in p.matched for p in devops.preferences)
