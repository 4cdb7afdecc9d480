"""A tiny, hand-computable content set: two dimensions, three roles, three likert questions."""

from __future__ import annotations

from pathlib import Path

from engine.content import Content, load_content

TEXT = '{en: "x", fr: "x"}'


def _profile(rid: str, weights: dict[str, float], other: str) -> str:
    w = "\n".join(f"  {d}: {v}" for d, v in weights.items())
    return f"""id: {rid}
title: {{en: "{rid.upper()}", fr: "{rid.upper()}"}}
other_titles: [{rid}]
objective: {TEXT}
key_skills: [{TEXT}]
typical_tools: [tool]
deliverables: [{TEXT}]
typical_day: {TEXT}
questions_to_ask: [{TEXT}]
differs_from: [{{role: {other}, text: {TEXT}}}]
sources: [{{source: seeds/x.txt, supports: test}}]
weights:
{w}
"""


DEFAULT_QUESTIONS = "\n".join(
    f"  - {{id: {qid}, section: s, type: likert, scale: five, text: {TEXT}, effects: {eff}}}"
    for qid, eff in [("q1", "{a: 1.0}"), ("q2", "{a: 0.5, b: 1.0}"), ("q3", "{a: 1.0}")]
)


def write_tiny(root: Path, questions: str | None = None) -> Content:
    profiles = root / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "dimensions.yaml").write_text(f"""dimensions:
  - {{id: a, group: skill, label: {TEXT}, description: {TEXT}}}
  - {{id: b, group: preference, label: {TEXT}, description: {TEXT}}}
""")
    (profiles / "r1.yaml").write_text(_profile("r1", {"a": 1.0}, "r2"))
    (profiles / "r2.yaml").write_text(_profile("r2", {"b": 1.0}, "r1"))
    (profiles / "r3.yaml").write_text(_profile("r3", {"a": 0.6, "b": 0.8}, "r1"))
    q = root / "tiny.yaml"
    q.write_text(f"""id: tiny
version: "1"
title: {TEXT}
intro: {TEXT}
scales:
  five: [{TEXT}, {TEXT}, {TEXT}, {TEXT}, {TEXT}]
sections: [{{id: s, title: {TEXT}}}]
questions:
{questions or DEFAULT_QUESTIONS}
""")
    return load_content(q, profiles)
