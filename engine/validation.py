"""pydantic's validation errors as our Problems, and the JSON Schemas we publish.

Shared by every file checked with a pydantic model: content (``engine.rules``) and saved
results (``engine.export``). Importing this module defines no model.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError

from engine.errors import Problem, problem

QUESTION_TYPES = ("likert", "single", "multi")
"""The tags of a questionnaire's question union (pydantic puts them in an error's location)."""


def _unwrap(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return tp


def _model_at(root: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class found by following ``loc`` from ``root`` (for listing valid keys)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        elif origin in (typing.Union, types.UnionType):
            members = [_unwrap(a) for a in typing.get_args(current)]
            match = [m for m in members if _tag(m) == part]
            if not match:
                return None
            current = match[0]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _tag(model: Any) -> str | None:
    if isinstance(model, type) and issubclass(model, BaseModel) and "type" in model.model_fields:
        args = typing.get_args(model.model_fields["type"].annotation)
        return str(args[0]) if args else None
    return None


def key_path(loc: Sequence[int | str]) -> str:
    """``('questions', 3, 'likert', 'effects', 'sqll')`` -> ``questions[3].effects.sqll``."""
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(previous, int) and part in QUESTION_TYPES:
            pass  # the discriminator tag pydantic inserts; not a key in the file
        elif part == "[key]":
            pass  # pydantic's marker for "the key itself", already named
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def problems_from_validation(
    path: Path, root: type[BaseModel], exc: ValidationError, prefix: str = ""
) -> list[Problem]:
    found: list[Problem] = []
    for err in exc.errors():
        loc = list(err["loc"])
        kp = key_path([*([prefix] if prefix else []), *loc])
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            parent = _model_at(root, [p for p in loc[:-1]])
            choices = list(parent.model_fields) if parent else []
            found.append(problem(path, kp, "unknown key", value, choices=choices))
        elif kind == "missing":
            found.append(problem(path, kp, "required key is missing"))
        elif kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
            found.append(problem(path, kp, "must be a number from 0 to 1", value))
        elif kind == "union_tag_invalid":
            found.append(
                problem(path, kp + ".type", "unknown question type", value.get("type")
                        if isinstance(value, dict) else value, choices=QUESTION_TYPES)
            )
        elif kind == "union_tag_not_found":
            found.append(problem(path, kp + ".type", "required key is missing",
                                 choices=QUESTION_TYPES))
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ",").split(",")]
            found.append(problem(path, kp, "not an allowed value", value, choices=choices))
        elif kind == "string_pattern_mismatch":
            found.append(
                problem(path, kp, "must be an id: lower-case letters, digits, '-' or '_', "
                        "starting with a letter", value)
            )
        elif kind == "model_type" or kind == "dict_type":
            found.append(problem(path, kp, "must be a mapping of keys to values", value))
        elif kind == "list_type":
            found.append(problem(path, kp, "must be a list", value))
        else:
            found.append(problem(path, kp, err["msg"][0].lower() + err["msg"][1:], value))
    return found


def published_schema(model: type[BaseModel], kind: str) -> dict[str, Any]:
    """The JSON Schema of a file kind, generated from its model, as ``rolematch schema``
    publishes it."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rolematch.example/schema/{kind}.json"
    return schema

