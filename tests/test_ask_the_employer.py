""""Ask the employer" lists the same questions everywhere a role is explained: the full text
(`show | cat`, `--full`), the menu's role card, the Markdown and HTML reports and `roles ID`."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.content import Content
from engine.export import dumps
from engine.report import card_screen, html_report, markdown_report, result_screen
from engine.scoring import score
from tests.conftest import ROLE_IDS, Run

ALL_SKILLS = {"skill_ml": 4, "skill_pipelines": 4, "skill_deploy_models": 4, "skill_llm": 4,
              "skill_sql": 4, "skill_cloud": 4, "skill_architecture": 4}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_place_lists_every_question(content: Content, lang: str, tmp_path: Path,
                                          run: Callable[..., Run],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The full text listed 3 of AI Engineer's 4 questions (not "Who builds the data pipelines
    that feed the models?"), where the reports and `roles ai-engineer` listed all 4."""
    doc = score({"questionnaire": "default", "answers": ALL_SKILLS}, content.questionnaire,
                content.profiles, explain_top=len(ROLE_IDS), lang=lang)
    saved = tmp_path / "r.json"
    saved.write_text(dumps(doc))
    monkeypatch.setenv("COLUMNS", "80")
    shown = run("show", str(saved), "--top", str(len(ROLE_IDS)))
    assert shown.code == 0
    full = flat(shown.out)
    assert flat(result_screen(doc, top=len(ROLE_IDS))) == full
    markdown, page = markdown_report(doc, len(ROLE_IDS)), html.unescape(
        html_report(doc, len(ROLE_IDS)))
    for role_id in ROLE_IDS:
        profile = content.profiles.profile(role_id)
        assert profile is not None
        asks = [q.get(lang) for q in profile.questions_to_ask]
        assert len(asks) >= 4 or role_id not in ("ai-engineer", "data-engineer")
        card = flat(card_screen(doc, role_id))
        roles = run("roles", role_id, *(["--lang", "fr"] if lang == "fr" else []))
        for ask in asks:
            assert flat(ask) in card, (role_id, ask)
            assert f"- {flat(ask)}" in full, (role_id, ask)
            assert f"- {ask}" in markdown and f"<li>{ask}</li>" in page
            assert flat(ask) in flat(roles.out), (role_id, ask)
    assert "Who builds the data pipelines that feed the models?" in full or lang == "fr"
