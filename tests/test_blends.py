"""Roles that join others' work (the vocabulary's blends): a blended role wins a posting that
asks for both halves and loses one that asks for one; its evidence adds up like a dimension's;
bad blends are one line each."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from engine.content import Content, load_profiles
from engine.decode import decode
from tests.conftest import ContentCopy, Run

RunCli = Callable[..., Run]

OPS = ("Run Kubernetes clusters with Terraform and Helm, CI/CD pipelines in GitHub Actions, "
       "Prometheus and Grafana monitoring.")
MODELS_IN_PRODUCTION = ("Serve our machine learning models in production: MLflow model "
                        "registry, drift detection and retraining.")
MODELLING = "Train and tune models with PyTorch: feature engineering, classification, ranking."
SOFTWARE = "Production code in Python behind REST APIs, code reviews and unit tests."


@pytest.mark.parametrize(("text", "top"), [
    (OPS, "devops-engineer"),  # operations alone
    (MODELLING, "ml-engineer"),  # machine learning alone
    (MODELS_IN_PRODUCTION + " " + OPS, "mlops-engineer"),  # both halves
    (MODELLING + " " + SOFTWARE, "ml-engineer"),
])
def test_a_blend_wins_both_halves_and_loses_one(content: Content, text: str, top: str) -> None:
    assert decode(text, content.profiles).ranking[0].role_id == top


def test_a_blend_is_zero_unless_every_part_is_asked_for(content: Content) -> None:
    doc = decode(OPS, content.profiles)
    mlops = next(b for b in doc.blends if b.role_id == "mlops-engineer")
    assert mlops.value == 0 and mlops.parts[mlops.weakest].length == 0
    assert mlops.parts[1].length > 0  # the operations part is there, alone
    assert doc.vector[mlops.id] == 0


def test_the_blend_turns_a_posting_that_asks_for_both(copy: ContentCopy) -> None:
    """Without its blend, MLOps loses a posting that asks for machine learning and operations
    to the role with more of one half; with it, it wins."""
    text = ("Feature engineering, classification, model training, PyTorch. Model deployment "
            "with Docker and Kubernetes, Terraform, Jenkins CI/CD, Grafana monitoring.")
    with_blends = decode(text, load_profiles(copy.profiles))
    vocabulary = copy.profiles / "vocabulary.yaml"
    body = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(body[:body.index("\nblends:")] + "\n", encoding="utf-8")
    without = decode(text, load_profiles(copy.profiles))
    assert without.ranking[0].role_id == "devops-engineer" and not without.blends
    assert with_blends.ranking[0].role_id == "mlops-engineer"


def test_blend_evidence_adds_up(content: Content) -> None:
    doc = decode(MODELS_IN_PRODUCTION + " " + OPS, content.profiles)
    blend = next(b for b in doc.blends if b.role_id == "mlops-engineer")
    assert blend.value == pytest.approx(min(p.length for p in blend.parts))
    assert blend.value == pytest.approx(doc.vector[blend.id])
    top = doc.ranking[0]
    for role in doc.ranking:
        assert sum(role.contributions.values()) == pytest.approx(role.score, abs=1e-12)
    line = next(c for c in top.top_contributions if c.dimension == blend.id)
    assert line.label == "Machine learning and operations together"
    # the terms behind the weakest part share out the blend's value and its points exactly
    assert sum(t.share for t in line.terms) == pytest.approx(line.person)
    assert sum(t.score for t in line.terms) == pytest.approx(line.score)
    weakest = set(blend.parts[blend.weakest].dimensions)
    found = {f.term: f.effects for f in doc.found}
    assert all(weakest & set(found[t.term]) for t in line.terms)


def test_asking_for_both_halves_counts_against_the_half_named(content: Content) -> None:
    """``counts_against``: the ML engineer weighs MLOps's blend below zero, so a posting that
    asks for models in production and operations together counts against the ML engineer, and
    the screen says so as a reason against, with the terms behind it, the heaviest first."""
    both = decode(MODELS_IN_PRODUCTION + " " + OPS, content.profiles, explain_top=8)
    mle = next(r for r in both.ranking if r.role_id == "ml-engineer")
    line = next(c for c in mle.against_contributions if c.dimension == "ml-with-operations")
    assert line.weight < 0 and line.score < 0
    assert line.score == pytest.approx(mle.contributions["ml-with-operations"], abs=1e-12)
    assert sum(t.score for t in line.terms) == pytest.approx(line.score)
    assert [t.score for t in line.terms] == sorted(t.score for t in line.terms)
    assert sum(mle.contributions.values()) == pytest.approx(mle.score, abs=1e-12)
    # one half alone: the blend is zero, nothing against
    alone = decode(MODELS_IN_PRODUCTION, content.profiles, explain_top=8)
    mle = next(r for r in alone.ranking if r.role_id == "ml-engineer")
    assert mle.contributions["ml-with-operations"] == 0
    assert all(c.dimension != "ml-with-operations" for c in mle.against_contributions)


def test_counts_against_lowers_the_half_named(copy: ContentCopy) -> None:
    text = MODELS_IN_PRODUCTION + " " + OPS
    before = decode(text, load_profiles(copy.profiles))
    copy.edit(copy.profiles / "vocabulary.yaml", "counts_against: {ml-engineer: 0.4}",
              "counts_against: {}")
    after = decode(text, load_profiles(copy.profiles))

    def score(doc: object, role: str) -> float:
        return next(r.score for r in doc.ranking if r.role_id == role)  # type: ignore[attr-defined]

    assert score(before, "ml-engineer") < score(after, "ml-engineer") - 0.01
    assert score(before, "mlops-engineer") == pytest.approx(score(after, "mlops-engineer"))


def test_one_posting_gives_the_same_bits_alone_or_among_many(content: Content) -> None:
    from engine.decode import decode_many

    texts = [OPS, MODELLING, MODELS_IN_PRODUCTION + " " + OPS, MODELLING + " " + SOFTWARE]
    many = decode_many([(t, None, None) for t in texts], content.profiles)
    for text, doc in zip(texts, many, strict=True):
        alone = decode(text, content.profiles)
        assert [m.score for m in alone.ranking] == [m.score for m in doc.ranking]
        assert alone.vector == doc.vector


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    role: mlops-engineer\n", "    role: mlops-enginer\n",
     "blends[0] (ml-with-operations).role: unknown role; did you mean 'mlops-engineer'?"),
    ("dimensions: [containers, ci-cd,", "dimensions: [pref-production, ci-cd,",
     "blends[0] (ml-with-operations).parts[1].dimensions[0]: is a work preference"),
    ("dimensions: [containers, ci-cd,", "dimensions: [model-deployment, ci-cd,",
     "blends[0] (ml-with-operations).parts[1].dimensions[0]: is already in this blend"),
    ("dimensions: [containers, ci-cd,", "dimensions: [contaners, ci-cd,",
     "blends[0] (ml-with-operations).parts[1].dimensions[0]: unknown dimension; did you mean "
     "'containers'?"),
    ("  - id: ml-with-operations\n", "  - id: cloud\n",
     "blends[0] (cloud).id: is a dimension's id"),
    ("  - id: ml-with-software\n", "  - id: ml-with-operations\n",
     "blends[1] (ml-with-operations).id: duplicate id"),
    ("    weight: 1.0\n", "    weight: 0.0\n",
     "blends[0] (ml-with-operations).weight: must be at least 0.01"),
    ("    weight: 1.0\n", "    weight: 1.0\n    colour: red\n",
     "blends[0] (ml-with-operations).colour"),
    ("counts_against: {ml-engineer: 0.4}", "counts_against: {ml-enginer: 0.4}",
     "blends[0] (ml-with-operations).counts_against.ml-enginer: unknown role; did you mean "
     "'ml-engineer'?"),
    ("counts_against: {ml-engineer: 0.4}", "counts_against: {mlops-engineer: 0.4}",
     "blends[0] (ml-with-operations).counts_against.mlops-engineer: is the blended role itself"),
    ("counts_against: {ml-engineer: 0.4}", "counts_against: {ml-engineer: -0.4}",
     "blends[0] (ml-with-operations).counts_against.ml-engineer"),
])
def test_a_bad_blend_is_one_clear_line(run: RunCli, copy: ContentCopy, old: str, new: str,
                                       message: str) -> None:
    copy.edit(copy.profiles / "vocabulary.yaml", old, new)
    r = run("validate", "--profiles", str(copy.profiles))
    assert r.code == 2
    # the file, the line the key is on, then the key path naming the blend by its id
    assert any(re.search(r"vocabulary\.yaml: line \d+: ", line) and message in line
               for line in r.err.splitlines()), r.err
    r = run("decode", "--profiles", str(copy.profiles), "Airflow and dbt")
    assert r.code == 2 and message in r.err
