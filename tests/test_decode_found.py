"""The decode screen's found list: every word the posting used, each term named as the cards
and the fragile note name it, within the width."""

from __future__ import annotations

import re

import pytest

from engine.content import Content
from engine.decode import decode
from engine.export import DecodeDocument, FragileTermDoc
from engine.report import decode_screen

# many words for one term: a list cut at three would drop some
OPS = ("We run containers with Docker and Kubernetes, container orchestration on EKS, "
       "infrastructure as code with Terraform, Ansible, Puppet and Chef, provisioning too.")


def found_section(screen: str) -> str:
    """The found list, its wrapped lines joined back into one text."""
    head = screen.split("\n\n")[0]
    return head.replace("\n    ", " ").replace("\n", " ")


def found_names(screen: str) -> list[str]:
    """How the found list names each term: "Containers (Docker, …)" names "Containers"."""
    kinds = screen.split("\n\n")[0].replace("\n    ", " ").splitlines()[1:]
    return [item.split(" (")[0] for line in kinds
            for item in re.split(r"\u00a0?; ", line.split(":", 1)[1].strip())]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_found_list_shows_every_word_each_term_matched(content: Content,
                                                           width: int) -> None:
    doc = decode(OPS, content.profiles)
    screen = decode_screen(doc, width=width)
    found = found_section(screen)
    for term in doc.found:
        for word in term.matched:
            assert word in found, (term.label, word)
    assert "Containers (containers, Docker, Kubernetes, container orchestration, EKS)" in found
    assert all(len(line) <= width for line in screen.splitlines())


def test_a_card_says_how_many_words_it_leaves_for_the_found_list(content: Content) -> None:
    doc = decode(OPS, content.profiles)
    screen = " ".join(decode_screen(doc, width=100).split())
    assert ("Containers → “containers”, “Docker”, “Kubernetes” +2 more") in screen
    fr = " ".join(decode_screen(decode(OPS, content.profiles, lang="fr"), width=100).split())
    assert "Conteneurs → “containers”, “Docker”, “Kubernetes” +2 autres" in fr


def test_a_term_whose_word_is_its_label_is_named_once(content: Content) -> None:
    screen = decode_screen(decode("Python and Tableau dashboards for SQL.", content.profiles))
    assert "Python" in found_names(screen) and "Python (Python)" not in screen


def fragile_everywhere(doc: DecodeDocument) -> DecodeDocument:
    """The document as if every term found were fragile, so the note names them all."""
    assert doc.confidence is not None
    fragile = [FragileTermDoc(term=f.term, top_role_without="x") for f in doc.found]
    return doc.model_copy(update={"confidence": doc.confidence.model_copy(
        update={"robust": False, "fragile_terms": fragile})})


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_term_the_fragile_note_names_is_in_the_found_list(content: Content,
                                                               lang: str) -> None:
    from engine.report import confidence_notes

    text = OPS + " Monitoring with Prometheus, Python and SQL, pipelines in Airflow on AWS."
    doc = fragile_everywhere(decode(text, content.profiles, lang=lang))
    assert len(doc.found) > 4
    note = confidence_notes(doc, limit=4)[-1][1]
    names = found_names(decode_screen(doc, width=80))
    assert note.endswith(f"{doc.ranking[0].title}.") and ", …)" in note
    named = note.split("(", 1)[1].split(")", 1)[0].removesuffix(", …").split(", ")
    assert len(named) == 4
    for label in named:
        assert label in names


@pytest.mark.parametrize(("lang", "labels"), [
    ("en", ("Models in production", "Deployment and serving")),
    ("fr", ("Modèles en production", "Déploiement et mise en service")),
])
def test_two_terms_behind_one_reason_read_as_two_things(content: Content, lang: str,
                                                        labels: tuple[str, str]) -> None:
    doc = decode("Deploy ML models with PyTorch; serve the models at low latency.",
                 content.profiles, lang=lang)
    assert {"deployment", "deployment-general"} <= {f.term for f in doc.found}
    screen = decode_screen(doc, width=100)
    card = next(block for block in screen.split("\n\n") if block.startswith("1. "))
    cited = [line.strip().split(" → ")[0] for line in card.splitlines() if " → " in line]
    first, second = labels
    assert f"{first} → “Deploy ML models”" in card
    assert f"{second} → “low latency”" in card
    assert cited.count(first) == cited.count(second) == 1
