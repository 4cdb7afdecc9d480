"""No document prints -0.0: a zero share of a negative preference (a result's
pref-explaining), a zero times a blend's negative weight, read as a number below zero."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run

REPO = Path(__file__).resolve().parents[1]
POSTING = ("MLOps Engineer\nDeploy models with MLflow and Kubeflow on Kubernetes, Terraform, "
           "CI/CD and Prometheus monitoring; Python.")


def negative_zeros(text: str) -> list[float]:
    found: list[float] = []
    json.loads(text, parse_float=lambda s: found.append(float(s)) or float(s))
    return [x for x in found if x == 0 and str(x).startswith("-")]


def test_result_decode_and_fit_have_no_negative_zero(run: Callable[..., Run],
                                                     tmp_path: Path) -> None:
    data = json.loads((REPO / "benchmarks" / "personas" / "answers"
                       / "de-1-payments-spark.json").read_text())
    data["id"] = data.pop("respondent")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(data))
    result = run("--answers", str(answers), "--json").out
    assert '"pref-explaining"' in result
    assert negative_zeros(result) == []
    saved = tmp_path / "r.json"
    saved.write_text(result)
    posting = tmp_path / "p.txt"
    posting.write_text(POSTING)
    assert negative_zeros(run("decode", str(posting), "--json").out) == []
    assert negative_zeros(run("fit", str(saved), str(posting), "--json").out) == []
