"""One rule, one result: every path gives the same bits for the same answers.

The quiz, ``--answers``, ``--resume`` and the library all score through ``engine.scoring``;
batch and quick mode through the same vectoriser and cosine. These tests compare the paths
with ``==`` on floats, not with a tolerance, and under one and two BLAS threads.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics.pairwise import cosine_similarity

from engine.answers import checker_for, parse_answers
from engine.cli import main
from engine.content import Content, load_content
from engine.errors import AnswersError
from engine.scoring import score
from engine.simulate import random_answers
from engine.vectors import (
    SMALL,
    cosine,
    encode,
    model_for,
    person_vector,
    unit_rows,
    vectors,
)
from tests.conftest import REPO

SEED = 2026


def _people(content: Content, n: int = 40) -> list[dict[str, Any]]:
    model = model_for(content.questionnaire, content.profiles)
    rng = random.Random(SEED)
    docs = []
    for i in range(n):
        doc = random_answers(model, rng, skip_rate=rng.choice([0.0, 0.2, 0.5])).to_document()
        doc["id"] = f"p{i}"
        docs.append(doc)
    return docs


def _run(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    return out.getvalue()


def test_batch_and_answers_files_give_the_same_bits(content: Content, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    people = _people(content)
    lines = tmp_path / "people.jsonl"
    lines.write_text("".join(json.dumps(p) + "\n" for p in people))
    batch = [json.loads(line) for line in _run(["batch", str(lines)]).splitlines()]
    summary = [json.loads(line) for line in _run(["batch", str(lines), "--summary"]).splitlines()]
    for person, from_batch, short in zip(people, batch, summary, strict=True):
        path = tmp_path / f"{person['id']}.json"
        path.write_text(json.dumps(person))
        alone = json.loads(_run(["--answers", str(path), "--json"]))
        library = score(person, content.questionnaire, content.profiles).to_data()
        assert from_batch == alone == library  # floats compared with ==: the same bits
        assert short["scores"] == {m["role_id"]: round(100 * m["score"], 1)
                                   for m in alone["ranking"]}


SCRIPT = """
import json, random, sys
from engine.content import load_content
from engine.scoring import score_many
from engine.simulate import random_answers
from engine.vectors import cosine, encode, model_for, vectors
c = load_content()
m = model_for(c.questionnaire, c.profiles)
rng = random.Random(7)
people = [random_answers(m, rng, skip_rate=0.2) for _ in range(300)]
many = cosine(vectors(m, [encode(m, a) for a in people]), m.unit_weights)
docs = score_many(m, people[:20], ["en"] * 20)
print(json.dumps({"many": many.tolist(), "docs": [d.ranking[0].score for d in docs],
                  "vec": [d.vector for d in docs]}))
"""


def test_the_same_bits_with_one_or_two_blas_threads() -> None:
    outputs = []
    for threads in ("1", "2"):
        env = {**os.environ, "OPENBLAS_NUM_THREADS": threads, "OMP_NUM_THREADS": threads,
               "MKL_NUM_THREADS": threads}
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                              check=True, env=env, cwd=REPO)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    many = np.array(outputs[0]["many"])
    assert [float(row.max()) for row in many[:20]] == outputs[0]["docs"]


def test_one_person_alone_or_among_many(content: Content) -> None:
    model = model_for(content.questionnaire, content.profiles)
    rng = random.Random(SEED)
    people = [random_answers(model, rng, skip_rate=0.3) for _ in range(64)]
    together = vectors(model, [encode(model, a) for a in people])
    scores = cosine(together, model.unit_weights)
    for i, a in enumerate(people):
        alone = person_vector(model, a)
        assert alone.tolist() == together[i].tolist()
        assert cosine(alone[None, :], model.unit_weights)[0].tolist() == scores[i].tolist()
    # past the size where the cosine adds dimension by dimension: still the same bits
    many = np.vstack([together] * (2 * SMALL // (len(together) * 8)))
    assert len(many) * 8 > SMALL
    assert cosine(many, model.unit_weights)[:len(together)].tolist() == scores.tolist()


def test_cosine_is_scikit_learns(content: Content) -> None:
    rng = np.random.default_rng(SEED)
    vecs = rng.random((50, 38)) * (rng.random((50, 38)) < 0.5)
    vecs[0] = 0.0  # a vector of zeros scores 0, as in scikit-learn
    weights = rng.random((8, 38))
    np.testing.assert_allclose(cosine(vecs, unit_rows(weights)),
                               cosine_similarity(vecs, weights), rtol=0, atol=1e-14)


def test_contributions_add_up_to_the_score_exactly(content: Content) -> None:
    model = model_for(content.questionnaire, content.profiles)
    rng = random.Random(SEED)
    for _ in range(20):
        doc = score(random_answers(model, rng, skip_rate=0.3), content.questionnaire,
                    content.profiles)
        for m in doc.ranking:
            total = 0.0
            for d in model.dimension_ids:  # in dimension order, as the cosine adds them
                total += m.contributions[d]
            assert total == m.score


# --------------------------------------------------------------------------- one checker


def _answer_values(content: Content) -> Any:
    """Answers documents a person or a script might write: mostly valid, some not."""
    options: dict[str, list[Any]] = {}
    for qt in content.questionnaire.types:
        keys = [k for k in qt.slot_keys() if not str(k).startswith("__")]
        bad = [0, 9, True, "nope", 2.5, [], {"a": 1}, ["nope"], [[1]], None]
        options[qt.id] = keys + ([keys[:2], keys[1:3], [keys[0], keys[0]]]
                                 if qt.kind == "multi" else []) + bad
    qids = list(options)
    answer = st.sampled_from(qids).flatmap(
        lambda qid: st.tuples(st.just(qid), st.sampled_from(options[qid])))
    return st.fixed_dictionaries(
        {"answers": st.lists(answer, max_size=12).map(dict)},
        optional={"questionnaire": st.sampled_from(["default", "other"]),
                  "lang": st.sampled_from(["en", "fr", "de"]),
                  "id": st.sampled_from([1, "x", True, 2.5])})


_SHIPPED = load_content()


@settings(max_examples=300, deadline=None)
@given(doc=_answer_values(_SHIPPED))
def test_fast_and_full_checks_agree(doc: dict[str, Any]) -> None:
    content = _SHIPPED
    checker = checker_for(content.questionnaire)
    model = model_for(content.questionnaire, content.profiles)
    for named in (True, False):
        fast = checker.fast(doc, named=named)
        slots = checker.fast_slots(doc, named=named)
        try:
            full = checker.check(doc, "f", named=named)
        except AnswersError:
            assert fast is None and slots is None  # the fast path never accepts a bad one
            continue
        assert fast is None or fast == full
        assert slots is None or sorted(slots) == encode(model, full)
        assert (fast is None) == (slots is None)
    if "questionnaire" in doc:
        try:
            assert parse_answers(doc, content.questionnaire) == checker.check(doc, "<answers>")
        except AnswersError:
            pass


def test_the_fast_path_takes_every_valid_document(content: Content) -> None:
    model = model_for(content.questionnaire, content.profiles)
    checker = checker_for(content.questionnaire)
    rng = random.Random(SEED)
    for _ in range(200):
        doc = random_answers(model, rng, skip_rate=0.3).to_document()
        assert checker.fast(doc) == checker.check(doc)
        assert checker.fast_slots(doc) is not None


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deeply_nested_answers_are_one_clear_line(tmp_path: Path, suffix: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert main(["--answers", str(path), "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"rolematch: {path}: ")
    assert "nest" in err[0] and "bug" not in err[0]
