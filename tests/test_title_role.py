"""The role a posting's title names (``title_role``, and ``decode --title``)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from engine.content import Content
from engine.decode import title_role
from tests.conftest import Run

RunCli = Callable[..., Run]


@pytest.mark.parametrize(("title", "role"), [
    # architects' titles put their specialty before or after Architect
    ("Solutions Architect, AI/ML", "ai-architect"),
    ("Principal AI/ML SDLC Architect", "ai-architect"),
    ("AI/ML Architect", "ai-architect"),
    ("Generative AI Solutions Architect", "ai-architect"),
    ("GenAI Solutions Architect", "ai-architect"),
    ("Architect, LLM Platforms", "ai-architect"),
    ("Solutions Architect - Machine Learning", "ai-architect"),
    ("Cloud Architect (Artificial Intelligence)", "ai-architect"),
    ("Architecte solutions IA", "ai-architect"),
    # an architect of something else names no role
    ("Data Architect", None),
    ("Cloud Architect", None),
    ("Solutions Architect", None),
    ("Enterprise Architect, Data & Cloud", None),
    # a title in order comes first
    ("Senior AI Engineer (Architect)", "ai-engineer"),
    ("MLOps Engineer / ML Architect", "mlops-engineer"),
    # engineers' titles are read in order: this is not a data engineer
    ("Software Engineer, Data Science", None),
])
def test_title_role(content: Content, title: str, role: str | None) -> None:
    assert title_role(title, content.profiles) == role


def test_an_ai_architect_title_is_said_against_the_skills(run: RunCli) -> None:
    argv = ("decode", "--title", "Solutions Architect, AI/ML",
            "Terraform, Kubernetes, CI/CD with Jenkins and Prometheus monitoring.")
    doc = json.loads(run(*argv, "--json").out)
    assert (doc["title_role"], doc["skills_role"]) == ("ai-architect", "devops-engineer")
    r = run(*argv)
    assert r.code == 0
    assert "Titled AI Architect, but the skills asked read as DevOps Engineer" in r.out
