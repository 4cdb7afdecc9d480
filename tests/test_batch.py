"""`rolematch batch`: order kept, bad lines reported, summary and CSV, vectorised scoring."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from engine import batch as batch_module
from engine import scoring
from engine.content import Content
from engine.export import result_schema
from engine.scoring import score
from engine.simulate import random_answers
from engine.vectors import build_model
from tests.conftest import Run

RunCli = Callable[..., Run]


def write_input(content: Content, path: Path, n: int = 7) -> list[dict[str, object]]:
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(21)
    docs = []
    for i in range(n):
        doc = random_answers(model, rng, skip_rate=0.2).to_document()
        doc["id"] = f"p{i}"
        docs.append(doc)
    lines = [json.dumps(d) for d in docs]
    lines.insert(2, "")  # blank line: ignored
    lines.insert(4, "{not json")  # line 5
    lines.insert(6, json.dumps({"id": "bad", "answers": {"skill_sql": 9}}))  # line 7
    path.write_text("\n".join(lines) + "\n")
    return docs


def test_full_results_in_order_with_ids(run: RunCli, content: Content, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    docs = write_input(content, src)
    r = run("batch", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert r.code == 0
    assert "line 5: skipped: not valid JSON" in r.err
    assert ("line 7: skipped: answers.skill_sql: expected a whole number from 1 to 5, got 9"
            in r.err)
    assert "7 results written" in r.err and "2 bad lines skipped" in r.err
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [d["id"] for d in out] == [d["id"] for d in docs]
    schema = result_schema()
    for d, result in zip(docs, out, strict=True):
        jsonschema.validate(result, schema)
        single = score(d, content.questionnaire, content.profiles)
        assert [m["role_id"] for m in result["ranking"]] == [m.role_id for m in single.ranking]
        assert [m["score"] for m in result["ranking"]] == [m.score for m in single.ranking]


def test_on_error_fail_stops_and_writes_no_output_file(run: RunCli, content: Content,
                                                       tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_input(content, src)
    out = tmp_path / "out.jsonl"
    r = run("batch", str(src), "-o", str(out), "--on-error", "fail")
    assert r.code == 2
    assert r.err.strip().splitlines()[0].endswith("line 5: not valid JSON: Expecting property "
                                                  "name enclosed in double quotes (column 2)")
    assert not out.exists()
    assert not list(tmp_path.glob(".out.jsonl*"))


def test_not_one_line_scored_is_bad_input(run: RunCli, tmp_path: Path) -> None:
    """Every line bad (not answers at all): exit code 2 and no output file, as decode --jsonl
    says it; the lines are still reported one by one."""
    src = tmp_path / "in.jsonl"
    src.write_text('x\n{"answers": 3}\n')
    out = tmp_path / "out.jsonl"
    r = run("batch", str(src), "-o", str(out))
    assert r.code == 2 and not out.exists()
    lines = r.err.strip().splitlines()
    assert "line 1: skipped: not valid JSON" in lines[0] and "line 2: skipped" in lines[1]
    assert lines[-1] == f"rolematch: {src}: no line could be scored (2 bad lines skipped)"


def test_summary_and_csv(run: RunCli, content: Content, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    docs = write_input(content, src)
    summary = [json.loads(x) for x in run("batch", str(src), "--summary").out.splitlines()]
    assert [s["id"] for s in summary] == [d["id"] for d in docs]
    assert [s["line"] for s in summary] == [1, 2, 4, 6, 8, 9, 10]
    full = [json.loads(x) for x in run("batch", str(src)).out.splitlines()]
    for s, f in zip(summary, full, strict=True):
        assert s["top_role"] == f["ranking"][0]["role_id"]
        for role in f["ranking"]:
            assert s["scores"][role["role_id"]] == pytest.approx(100 * role["score"], abs=0.051)
    table = list(csv.reader(io.StringIO(run("batch", str(src), "--csv").out)))
    assert table[0][:3] == ["line", "id", "top_role"] and len(table[0]) == 11
    assert [row[1] for row in table[1:]] == [d["id"] for d in docs]


def test_stdin_and_empty_input(run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n\n")))
    r = run("batch", "-", "--summary")
    assert r.code == 0 and r.out == "" and "0 results written" in r.err


def test_missing_input_file(run: RunCli, tmp_path: Path) -> None:
    r = run("batch", str(tmp_path / "nope.jsonl"))
    assert r.code == 2 and "nope.jsonl: file not found" in r.err


def test_one_cosine_call_per_chunk(content: Content, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.jsonl"
    model = build_model(content.questionnaire, content.profiles)
    rng = random.Random(5)
    src.write_text("".join(json.dumps(random_answers(model, rng).to_document()) + "\n"
                           for _ in range(250)))
    calls: list[int] = []
    real = scoring.cosine

    def counting(vectors: object, weights: object) -> object:
        calls.append(1)
        return real(vectors, weights)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "cosine", counting)
    monkeypatch.setattr(scoring, "cosine", counting)
    for mode in ("summary", "full"):
        calls.clear()
        with src.open("rb") as stream:
            stats = batch_module.run_batch(enumerate(stream, start=1), content, io.StringIO(),
                                           mode=mode, chunk_size=100)  # type: ignore[arg-type]
        assert stats.rows == 250
        # chunks of 100, 100 and 50; explained, a chunk's gap what-ifs take a second call
        assert len(calls) == (3 if mode == "summary" else 6)


def test_batch_slots_are_the_vectoriser_s(content: Content) -> None:
    """Batch's fast check encodes a line as the slots the one vectoriser reads: the same
    vector, to the bit, as for the person alone."""
    from engine.answers import checker_for
    from engine.vectors import person_vector, vectors

    model = build_model(content.questionnaire, content.profiles)
    checker = checker_for(content.questionnaire)
    rng = random.Random(8)
    people = [random_answers(model, rng, skip_rate=0.3) for _ in range(60)]
    rows = [checker.fast_slots(a.to_document()) for a in people]
    encoded = vectors(model, rows)  # type: ignore[arg-type]
    for row, person in zip(encoded, people, strict=True):
        assert row.tolist() == person_vector(model, person).tolist()
