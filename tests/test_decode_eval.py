"""decode's accuracy aims on the real dev postings hold (benchmarks/decode_eval.py): the
postings are read from ../shared/data at run time, as the benchmark reads them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from engine.content import Content
from engine.decode import decode_many

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = ROOT.parent / "shared" / "data" / "postings-dev.jsonl"


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("decode_eval",
                                                  ROOT / "benchmarks" / "decode_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_decode_meets_its_accuracy_aims_on_the_dev_postings(content: Content) -> None:
    assert POSTINGS.exists(), f"{POSTINGS}: the dev postings belong beside the project"
    bench = _benchmark()
    rows = [json.loads(line) for line in POSTINGS.read_text().splitlines() if line.strip()]
    docs = decode_many([(bench.mask(r["text"], r["title"], r["label"]), None, r["id"])
                        for r in rows], content.profiles)
    top1, top3, per, confusion, _ = bench.score(rows, docs)
    n = len(rows)
    assert sum(top1.values()) / n >= 0.75, dict(top1)
    assert sum(top3.values()) / n >= 0.95, dict(top3)
    assert top1["mlops-engineer"] >= 7, dict(confusion["mlops-engineer"])
    for role in [r for r in per if per[r] >= 10]:
        assert top1[role] / per[role] >= 0.6, (role, dict(confusion[role]))
