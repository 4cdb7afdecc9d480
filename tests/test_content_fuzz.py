"""Content fuzz: one defect per copy of the shipped content, made here, run in process.

Each copy goes through loading (questionnaire, profiles, dimensions, vocabulary), one scoring
and one decode. It must either be refused with our error, naming the file that is wrong, or
be accepted and give sane output (every role scored, finite numbers, contributions adding up
to each score). Anything else (another exception, a hang) fails the test.
"""

from __future__ import annotations

import copy as copying
import math
import os
import random
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.content import load_content
from engine.decode import decode
from engine.errors import EngineError, printable
from engine.scoring import score
from engine.simulate import random_answers
from engine.vectors import model_for
from tests.conftest import ContentCopy

SEED = 2026
FILES = ["questionnaire", "dimensions.yaml", "vocabulary.yaml", "data-engineer.yaml",
         "ml-engineer.yaml"]
POSTING = "We need Python, SQL, Airflow and Spark pipelines, Docker and Kubernetes on AWS."
WEIRD: list[Any] = [None, True, 0, -1, 2.5, 1e308, float("nan"), float("inf"), "", "x" * 5000,
                    "0.5", [], {}, ["a"], {"k": 1}, "\x1b[2J", "a\nb"]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a YAML tree."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        tree = tree[part]
    return tree


def data_mutation(rng: random.Random, tree: Any) -> Any:
    """A copy of ``tree`` with one defect at a random place: a key gone, an unknown key, a
    value of another type, out of range, NaN, a duplicated list item."""
    tree = copying.deepcopy(tree)
    path = rng.choice([p for p in _paths(tree) if p])
    parent, last = _parent(tree, path), path[-1]
    op = rng.choice(["delete", "replace", "unknown", "duplicate"])
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = rng.choice(WEIRD)
    elif op == "unknown" and isinstance(parent, dict):
        parent["surprise"] = 1
    elif isinstance(parent, list):
        parent.append(copying.deepcopy(parent[last]))
    else:
        parent[last] = rng.choice(WEIRD)
    return tree


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


TEXT_MUTATIONS: dict[str, Callable[[str], str | bytes]] = {
    "empty": lambda text: "",
    "only a comment": lambda text: "# nothing here\n",
    "truncated": lambda text: text[: len(text) // 3],
    "tab indentation": lambda text: text.replace("\n  ", "\n\t", 3),
    "unclosed quote": lambda text: text.replace(":", ': "', 1),
    "a list at the top": lambda text: "- 1\n- 2\n",
    "a scalar at the top": lambda text: "hello\n",
    "a byte order mark": lambda text: "\ufeff" + text,
    "latin-1 bytes": lambda text: (text + "\n# caf\u00e9\n").encode("latin-1", "replace"),
    "binary": lambda text: b"\x00\x01\x02" * 100,
    "a duplicate key": lambda text: text + text.splitlines()[0] + "\n",
    "an alias bomb": lambda text: text + _alias_bomb(),
    "an alias bomb under a known key": lambda text: _alias_bomb() + text,
    "deep nesting": lambda text: text + "deep: " + "[" * 500 + "]" * 500 + "\n",
    "deep block nesting": lambda text: text + "".join(f"{'  ' * i}k{i}:\n"
                                                       for i in range(300)) + "  " * 300 + "x\n",
    "a complex key": lambda text: text + "? [a, b]\n: 1\n",
    "a merge key": lambda text: text + "extra:\n  <<: {a: 1}\n",
    "a set": lambda text: text + "other_titles2: !!set {a, b}\n",
    "a python tag": lambda text: text + "x: !!python/object:os.system [ls]\n",
    "a huge file": lambda text: text + ("# " + "x" * 1000 + "\n") * 3000,
    "long string anchors": lambda text: text + "big: &s " + "x" * 20000 + "\n"
                                         + "many: [" + ", ".join(["*s"] * 500) + "]\n",
}

FILE_MUTATIONS = ["missing", "a folder", "a fifo", "a symlink to /dev/zero"]


def _cases() -> list[tuple[str, str, Any]]:
    rng = random.Random(SEED)
    cases: list[tuple[str, str, Any]] = []
    for target in FILES:
        cases += [(target, name, None) for name in TEXT_MUTATIONS]
        cases += [(target, name, None) for name in FILE_MUTATIONS]
    for i in range(60):  # data-level defects at random places
        cases.append((FILES[i % len(FILES)], "data", rng.randrange(10**9)))
    return cases


def _break(path: Path, mutation: str, seed: Any) -> None:
    text = path.read_text(encoding="utf-8")
    if mutation == "data":
        tree = yaml.safe_load(text)
        path.write_text(yaml.safe_dump(data_mutation(random.Random(seed), tree),
                                       allow_unicode=True, sort_keys=False), encoding="utf-8")
    elif mutation in TEXT_MUTATIONS:
        new = TEXT_MUTATIONS[mutation](text)
        path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        path.unlink()
        if mutation == "a folder":
            path.mkdir()
        elif mutation == "a fifo":
            os.mkfifo(path)
        elif mutation == "a symlink to /dev/zero":
            path.symlink_to("/dev/zero")


def _check(q: Path, profiles: Path, broken: Path) -> None:
    try:
        content = load_content(q, profiles, vocabulary=True)
        model = model_for(content.questionnaire, content.profiles)
        answers = random_answers(model, random.Random(SEED), skip_rate=0.2)
        result = score(answers, content.questionnaire, content.profiles)
        posting = decode(POSTING, content.profiles)
    except EngineError as exc:
        lines = exc.lines()
        assert lines, "an error with nothing to say"
        assert any(str(broken) in line or str(broken.parent) in line for line in lines), lines
        assert all("\n" not in line and "\x1b" not in line for line in lines)
        return
    # accepted: the output must be sane, and nothing a terminal prints can drive it
    assert len(result.ranking) == len(content.profiles.profiles)
    for text in [*(p.title.get(lang) for p in content.profiles.profiles for lang in ("en", "fr")),
                 *(qt.question.text.get("en") for qt in content.questionnaire.types)]:
        assert printable(text.replace("\n", " ")) == text.replace("\n", " "), text
    for m in result.ranking + posting.ranking:
        assert math.isfinite(m.score) and -1.0 <= m.score <= 1.0
        total = 0.0
        for d in content.profiles.dimension_ids:
            total += m.contributions.get(d, 0.0)
        assert math.isclose(total, m.score, abs_tol=1e-12)


@pytest.mark.parametrize("target, mutation, seed", _cases(),
                         ids=lambda v: str(v)[:30] if not isinstance(v, int) else str(v))
def test_one_defect_is_refused_with_the_file_or_accepted_with_sane_output(
    copy: ContentCopy, target: str, mutation: str, seed: Any,
) -> None:
    q, profiles = copy.questionnaire, copy.profiles
    broken = q if target == "questionnaire" else profiles / target
    _break(broken, mutation, seed)
    failure: list[BaseException] = []

    def attempt() -> None:
        try:
            _check(q, profiles, broken)
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            failure.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), f"{mutation} in {target}: still running after 20 s"
    if failure:
        raise failure[0]
