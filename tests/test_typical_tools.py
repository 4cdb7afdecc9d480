"""A role's typical tools read right in each language: names as they are written, anything
more (a description, a joining word) in the card's language; the loader says how to fix one
written as a sentence in one language."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from engine.content import Content
from engine.report import card_screen
from engine.scoring import score_many
from engine.simulate import random_answers
from engine.vectors import build_model
from tests.conftest import ContentCopy, Run
from tests.test_content_strict import one, validate

ROLE_IDS = ["ai-architect", "ai-engineer", "data-analyst", "data-engineer", "data-scientist",
            "devops-engineer", "ml-engineer", "mlops-engineer"]
ENGLISH = re.compile(r"\b(and|or|with|for|of|plus|the|to|in|on|via)\b", re.IGNORECASE)
FRENCH = re.compile(r"\b(et|ou|avec|pour|de|des|du|en|sur)\b", re.IGNORECASE)


def tools_block(screen: str, label: str) -> str:
    """The indented lines under the tools heading of a card, as one line."""
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(label))
    block = []
    for line in lines[start + 1:]:
        if not line.startswith("  ") or not line.strip():
            break
        block.append(line.strip())
    assert block, f"no tools under {label!r}:\n{screen}"
    return " ".join(block)


@pytest.mark.parametrize("role", ROLE_IDS)
def test_the_french_role_card_has_no_english_words_in_its_tools(
    run: Callable[..., Run], role: str,
) -> None:
    fr = tools_block(run("roles", role, "--lang", "fr").out, "Outils typiques")
    assert ENGLISH.findall(fr) == [], fr
    en = tools_block(run("roles", role).out, "Typical tools")
    assert FRENCH.findall(en) == [], en


def test_the_french_result_cards_have_no_english_words_in_their_tools(
    content: Content,
) -> None:
    """Every role's card on the result screen, in French (a result explains all eight)."""
    model = build_model(content.questionnaire, content.profiles)
    answers = random_answers(model, random.Random(5), skip_rate=0.0)
    doc = score_many(model, [answers], ["fr"], explain_top=len(ROLE_IDS))[0]
    assert sorted(m.role_id for m in doc.ranking) == ROLE_IDS
    for m in doc.ranking:
        tools = tools_block(card_screen(doc, m.role_id, width=80), "Outils typiques")
        assert ENGLISH.findall(tools) == [], (m.role_id, tools)


def test_the_data_engineer_and_architect_read_in_french(run: Callable[..., Run]) -> None:
    de = tools_block(run("roles", "data-engineer", "--lang", "fr").out, "Outils typiques")
    assert de.startswith("SQL, NoSQL, Apache Spark") and de.endswith("pandas, AWS, GCP")
    arch = tools_block(run("roles", "ai-architect", "--lang", "fr").out, "Outils typiques")
    assert "frameworks et plateformes d'IA/ML, schémas d'architecture" in arch
    arch_en = tools_block(run("roles", "ai-architect").out, "Typical tools")
    assert "AI/ML frameworks and platforms, architecture diagrams" in arch_en


@pytest.mark.parametrize(("tool", "word", "language", "names"), [
    ("SQL and NoSQL", "'and'", "English", "SQL, NoSQL"),
    ("AWS or GCP", "'or'", "English", "AWS, GCP"),
    ("Excel avec VBA", "'avec'", "French", "Excel, VBA"),
])
def test_a_tool_written_as_a_sentence_is_refused_saying_how_to_write_it(
    run: Callable[..., Run], copy: ContentCopy, tool: str, word: str, language: str,
    names: str,
) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "typical_tools: [Excel,", f"typical_tools: [{tool}, Excel,")
    r = validate(run, copy)
    assert r.code == 2
    assert one(r.err.splitlines(), "data-analyst.yaml") == (
        f"rolematch: {path}: line 13: typical_tools[0]: {word} is {language}, not a name, and "
        "a tool written as one text reads the same in every language: list the names apart "
        f"({names}), or write the item in every language: {{en: ..., fr: ...}} (got "
        f"{tool!r})")


def test_a_tool_in_every_language_is_shown_in_each(run: Callable[..., Run],
                                                   copy: ContentCopy) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "typical_tools: [Excel,",
              'typical_tools: [{en: "spreadsheets and macros", fr: "tableurs et macros"}, Excel,')
    assert validate(run, copy).code == 0
    fr = run("roles", "data-analyst", "--lang", "fr", "--profiles", str(copy.profiles)).out
    en = run("roles", "data-analyst", "--profiles", str(copy.profiles)).out
    assert tools_block(fr, "Outils typiques").startswith("tableurs et macros, Excel, SQL")
    assert tools_block(en, "Typical tools").startswith("spreadsheets and macros, Excel, SQL")


@pytest.mark.parametrize(("item", "where", "message"), [
    ('{en: "spreadsheets"}', "typical_tools[0].fr", "required key is missing"),
    ('{en: "spreadsheets", fr: "tableurs", de: "Tabellen"}', "typical_tools[0].de",
     "unknown key"),
    ("12", "typical_tools[0]",
     "must be a tool's name, or a text in every language: {en: ..., fr: ...}"),
])
def test_a_bad_tool_item_is_one_clear_line(run: Callable[..., Run], copy: ContentCopy,
                                           item: str, where: str, message: str) -> None:
    path = copy.profile("data-analyst")
    copy.edit(path, "typical_tools: [Excel,", f"typical_tools: [{item}, Excel,")
    r = validate(run, copy)
    assert r.code == 2
    assert f"line 13: {where}: {message}" in one(r.err.splitlines(), "data-analyst.yaml")
