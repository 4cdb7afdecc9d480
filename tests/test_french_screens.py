"""French screens keep French typography: a non-breaking space before ; : ! ? (and % in a
sentence), never a line that starts with one of them, wherever the text wraps."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from engine.content import Content
from engine.decode import decode
from engine.report import (
    card_screen,
    compare_screen,
    decode_screen,
    markdown_report,
    result_screen,
    summary_screen,
)
from engine.scoring import score_many
from engine.simulate import random_answers
from engine.vectors import build_model

WIDTHS = [52, 64, 72, 80, 100]
POSTING = ("Pipelines ETL en Airflow et dbt, Spark, Kafka et BigQuery ; SQL et Python, "
           "Docker, Kubernetes et Terraform, supervision avec Prometheus, astreintes, "
           "échanges avec les clients.")


def bad_lines(text: str, width: int) -> list[str]:
    """Lines that start with French punctuation (or a per cent sign), put ; : ! ? right after
    a word or a plain space, or are wider than ``width``."""
    return [line for line in text.splitlines()
            if re.match(r"\s*[;:!?%]", line) or re.search(r"(^|[^\u00a0])[;:!?](\s|$)", line)
            or len(line) > width]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_french_decode_screen_keeps_its_spaces(content: Content, width: int) -> None:
    screen = decode_screen(decode(POSTING, content.profiles, lang="fr"), width=width)
    assert bad_lines(screen, width) == []
    found = screen.split("\n\n")[0]
    assert "\u00a0; " in found and re.search(r"[^\u00a0]; ", found) is None
    # the posting's share of a dimension, as French writes a percentage
    assert re.search(r"\(offre \d+\u00a0%, métier \d+\u00a0%\)", screen)


@pytest.mark.parametrize("seed", range(6))
def test_french_result_screens_keep_their_spaces(content: Content, seed: int) -> None:
    model = build_model(content.questionnaire, content.profiles)
    doc = score_many(model, [random_answers(model, random.Random(seed), skip_rate=0.2)],
                     ["fr"])[0]
    first, second = doc.ranking[0].role_id, doc.ranking[1].role_id
    for width in WIDTHS[1:]:  # at 52 the title and its count do not fit one line
        for screen in (result_screen(doc, width=width), summary_screen(doc, width=width),
                       card_screen(doc, first, width=width),
                       compare_screen(doc, first, second, width=width)):
            assert bad_lines(screen, width) == []


def test_a_french_report_labels_take_a_space_before_the_colon(content: Content) -> None:
    model = build_model(content.questionnaire, content.profiles)
    doc = score_many(model, [random_answers(model, random.Random(1))], ["fr"])[0]
    report = markdown_report(doc)
    assert "**Outils typiques**\u00a0: " in report and "**Une journée type**\u00a0: " in report
    assert "**:" not in report


def test_the_question_header_wraps_between_words(tmp_path: Path) -> None:
    """'Question 15 sur 29 · Les outils que vous avez utilisés' at 50 columns (quick mode's
    longer header at 70): it was cut by the terminal inside a word ('utilis' / 'és')."""
    from terminal import ENTER, Terminal

    term = Terminal(tmp_path, "--lang", "fr", columns=50, lines=40)
    term.expect(r"Question 1 sur 29")
    term.send(("3" + ENTER) * 13 + ENTER)  # the 13 skills, then the first tick-any list
    term.shown(r"Question 15 sur 29")
    rows = term.transcript().splitlines()
    at = next(i for i, row in enumerate(rows) if row.startswith("Question 15 sur 29"))
    assert rows[at] == "Question 15 sur 29 · Les outils que vous avez"
    assert rows[at + 1] == "utilisés"
    assert all(len(row) <= 50 for row in rows)
