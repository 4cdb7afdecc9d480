"""The shipped content loads, is bilingual, faithful to its sources, and well separated."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.content import (
    NEAR_DUPLICATE_COSINE,
    Content,
    default_profiles_dir,
    default_questionnaire_path,
    load_content,
    moved_dimensions,
)
from engine.readers import read_yaml
from tests.conftest import REPO, ROLE_IDS

PROFILE_FILES = sorted(p for p in default_profiles_dir().glob("*.yaml")
                       if p.name not in ("dimensions.yaml", "vocabulary.yaml"))
QUESTIONNAIRE_FILES = sorted(default_questionnaire_path().parent.glob("*.yaml"))


def test_shipped_content_is_read_from_the_repository_in_a_checkout() -> None:
    assert default_questionnaire_path() == REPO / "questionnaires" / "default.yaml"
    assert default_profiles_dir() == REPO / "profiles"


def test_the_eight_roles_have_their_fixed_ids(content: Content) -> None:
    assert content.profiles.role_ids == ROLE_IDS
    assert [p.stem for p in PROFILE_FILES] == ROLE_IDS


@pytest.mark.parametrize("path", QUESTIONNAIRE_FILES, ids=lambda p: p.name)
def test_every_questionnaire_loads_with_the_shipped_profiles(path: Path) -> None:
    loaded = load_content(path)
    n = len(loaded.questionnaire.questions)
    assert 20 <= n <= 30
    assert {q.type for q in loaded.questionnaire.questions} == {"likert", "single", "multi"}


@pytest.mark.parametrize("path", PROFILE_FILES, ids=lambda p: p.stem)
def test_every_profile_cites_a_seed_and_weights_in_range(path: Path, content: Content) -> None:
    profile = content.profiles.profile(path.stem)
    assert profile is not None
    assert any(s.source.startswith("seeds/") for s in profile.sources)
    assert all(0.0 <= w <= 1.0 for w in profile.weights.values())
    raw = read_yaml(path)
    assert set(raw["title"]) == {"en", "fr"}
    assert all(set(day) == {"en", "fr"} for day in [raw["typical_day"], raw["objective"]])


def test_seed_sources_exist_beside_the_project(content: Content) -> None:
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for profile in content.profiles.profiles:
        for source in profile.sources:
            if source.source.startswith("seeds/"):
                assert (seeds / source.source.removeprefix("seeds/")).is_file(), source.source


def test_dimension_catalogue_size_and_groups(content: Content) -> None:
    dims = content.profiles.dimensions
    assert 25 <= len(dims) <= 40
    assert {d.group for d in dims} == {"skill", "tool", "preference"}
    assert all(d.label.en and d.label.fr and d.description.en and d.description.fr for d in dims)


def test_every_dimension_is_moved_by_a_question_and_weighted_by_a_profile(
    content: Content,
) -> None:
    moved = {d for q in content.questionnaire.questions for d in moved_dimensions(q)}
    weighted = {d for p in content.profiles.profiles for d, w in p.weights.items() if w > 0}
    ids = set(content.profiles.dimension_ids)
    assert moved == ids
    assert weighted == ids


def test_no_two_profiles_are_near_duplicates(content: Content) -> None:
    sim = content.profiles.pairwise_similarity()
    n = len(sim)
    worst = max(sim[i][j] for i in range(n) for j in range(n) if i != j)
    assert worst < NEAR_DUPLICATE_COSINE


def test_seed_facts_show_in_the_weights(content: Content) -> None:
    """The seeds' plainest claims, read off the weights rather than the prose."""
    ps = content.profiles

    def w(role: str, dim: str) -> float:
        profile = ps.profile(role)
        assert profile is not None
        return profile.weights.get(dim, 0.0)

    # data analyst: explains, SQL yes, little development
    assert w("data-analyst", "pref-explaining") == 1.0
    assert w("data-analyst", "sql") > w("data-analyst", "software-engineering")
    assert w("data-analyst", "pref-coding") < 0.3
    # data engineer codes all day; ML engineer meets clients; MLOps watches the stack and costs
    assert w("data-engineer", "pref-coding") == 1.0
    assert w("ml-engineer", "pref-client-contact") >= 0.7
    assert w("mlops-engineer", "pref-stack-choice") == 1.0
    assert w("mlops-engineer", "ml-lifecycle") == 1.0
    # AI engineer: deep learning, NLP/vision, LLMs, GPUs; AI architect: strategy and projects
    assert min(w("ai-engineer", d) for d in ("deep-learning", "nlp-vision", "generative-ai")) == 1
    assert w("ai-architect", "pref-strategy") == w("ai-architect", "pref-project-management") == 1


def test_no_list_item_was_split_at_a_comma_inside_brackets(content: Content) -> None:
    """In a YAML flow list, `[Python (pandas, scikit-learn), SQL]` is three items, two of them
    half a bracket: every shipped list item closes what it opens."""
    items = [t for p in content.profiles.profiles for t in p.other_titles]
    items += [x.get(lang) for p in content.profiles.profiles for lang in ("en", "fr")
              for x in (*p.typical_tools, *p.key_skills, *p.deliverables, *p.questions_to_ask)]
    broken = [t for t in items if t.count("(") != t.count(")")]
    assert broken == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_two_vocabulary_terms_share_a_label(lang: str) -> None:
    """A decoded posting names terms by their label: two terms with one label would read as
    the same thing listed twice."""
    vocabulary = read_yaml(default_profiles_dir() / "vocabulary.yaml")
    labels = [term["label"][lang] for term in vocabulary["terms"]]
    assert sorted({x for x in labels if labels.count(x) > 1}) == []
