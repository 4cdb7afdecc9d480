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

from engine.errors import Loc, Problem, item, problem

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


def file_loc(loc: Sequence[int | str]) -> list[int | str]:
    """pydantic's location as the keys of the file: without the question type tag it inserts
    after a question's index, nor its ``[key]`` marker."""
    out: list[int | str] = []
    previous: int | str | None = None
    for part in loc:
        if not (isinstance(previous, int) and part in QUESTION_TYPES) and part != "[key]":
            out.append(part)
        previous = part
    return out


def key_path(loc: Sequence[int | str], data: Any = None) -> str:
    """``('questions', 3, 'effects', 'sqll')`` -> ``questions[3].effects.sqll``; with the
    file's ``data``, a list item that has an id is named by it too:
    ``questions[3] (tools).effects.sqll``."""
    out = ""
    current = data
    for part in loc:
        if isinstance(part, int):
            here = current[part] if isinstance(current, list) and 0 <= part < len(current) \
                else None
            out = item(out, part, here.get("id") if isinstance(here, dict) else None)
            current = here
        else:
            out += f".{part}" if out else str(part)
            current = current.get(part) if isinstance(current, dict) else None
    return out


def _misspelt(errors: Sequence[Any]) -> dict[int, tuple[int, str]]:
    """Unknown keys that are a misspelling of a required key missing beside them: the index
    of the unknown key's error -> (the index of the missing key's error, the missing key)."""
    import difflib

    missing: dict[tuple[Any, ...], list[tuple[int, str]]] = {}
    for i, err in enumerate(errors):
        if err["type"] == "missing" and err["loc"]:
            missing.setdefault(tuple(err["loc"][:-1]), []).append((i, str(err["loc"][-1])))
    found: dict[int, tuple[int, str]] = {}
    taken: set[int] = set()
    for i, err in enumerate(errors):
        if err["type"] != "extra_forbidden" or not err["loc"]:
            continue
        beside = [(j, key) for j, key in missing.get(tuple(err["loc"][:-1]), []) if j not in taken]
        close = difflib.get_close_matches(str(err["loc"][-1]), [k for _, k in beside], n=1,
                                          cutoff=0.6)
        if close:
            j = next(j for j, key in beside if key == close[0])
            taken.add(j)
            found[i] = (j, close[0])
    return found


def problems_from_validation(
    path: Path, root: type[BaseModel], exc: ValidationError, prefix: str = "",
    data: Any = None,
) -> list[Problem]:
    """Every error pydantic found, one Problem each, in the file's words; with the file's
    ``data``, list items are named by their ids too. An unknown key that is a misspelling of
    a required key missing beside it (``objectiv:``) is one problem, not two."""
    import difflib

    found: list[Problem] = []
    errors = exc.errors()
    misspelt = _misspelt(errors)
    merged = {j for j, _ in misspelt.values()}
    for i, err in enumerate(errors):
        if i in merged:
            continue
        loc = [*([prefix] if prefix else []), *file_loc(err["loc"])]
        kp = key_path(loc, {prefix: data} if prefix else data)

        def add(message: str, *value: object, choices: Sequence[str] = (),
                where: str = kp, at: Sequence[int | str] = loc) -> None:
            found.append(problem(path, where, message, *value, choices=choices, loc=tuple(at)))

        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            if i in misspelt:
                key = misspelt[i][1]
                add(f"unknown key; did you mean {key!r}? (the required key {key!r} is "
                    "missing)")
                continue
            parent = _model_at(root, [p for p in err["loc"][:-1]])
            choices = list(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(loc[-1]), choices, n=1, cutoff=0.6)
            if close:
                add(f"unknown key; did you mean {close[0]!r}?", value)
            else:
                add("unknown key", value, choices=choices)
        elif kind == "missing":
            what = _what_to_add(root, err["loc"])
            add(f"required key is missing: {what}" if what else "required key is missing")
        elif kind == "too_short" and isinstance(value, dict):
            add(_at_least_one(str(loc[-1]) if loc else ""), value)
        elif kind == "too_short" and isinstance(value, list):
            least = err.get("ctx", {}).get("min_length", 1)
            add(f"needs at least {least} item{'s' if least != 1 else ''}", value)
        elif kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
            add("must be a number from 0 to 1", value)
        elif kind == "weight_text":
            add(err["msg"])  # the message shows the text as the file has it
        elif kind == "union_tag_invalid":
            add("unknown question type", value.get("type") if isinstance(value, dict)
                else value, choices=QUESTION_TYPES, where=kp + ".type", at=[*loc, "type"])
        elif kind == "union_tag_not_found":
            add("required key is missing", choices=QUESTION_TYPES, where=kp + ".type",
                at=[*loc, "type"])
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ",").split(",")]
            add("not an allowed value", value, choices=choices)
        elif kind == "string_pattern_mismatch":
            add("must be an id: lower-case letters, digits, '-' or '_', starting with a letter",
                value)
        elif kind == "model_type" or kind == "dict_type":
            add("must be a mapping of keys to values", value)
        elif kind == "list_type":
            add("must be a list", value)
        else:
            add(err["msg"][0].lower() + err["msg"][1:], value)
    return found


_ENTRIES = {
    "effects": "needs at least one effect: a dimension id and a number from 0 to 1, e.g. "
               "{sql: 1.0}",
    "weights": "needs at least one weight: a dimension id and a number from 0 to 1, e.g. "
               "{sql: 0.8}",
}
_LANGUAGES = {"en": "English", "fr": "French"}


def _at_least_one(key: str) -> str:
    """What an empty mapping that needs an entry should hold."""
    return _ENTRIES.get(key, "needs at least one entry")


def _what_to_add(root: type[BaseModel], loc: Sequence[int | str]) -> str:
    """What to write for a required key left out, in a person's words; "" when the key's name
    says it all."""
    key = str(loc[-1]) if loc else ""
    if key in _LANGUAGES:
        return f"add the {_LANGUAGES[key]} text ({key}: ...)"
    if key == "effects":
        return ("add effects: the dimensions it moves, each with a number from 0 to 1, e.g. "
                "effects: {sql: 1.0}")
    if key == "weights":
        return ("add weights: the dimensions the role weighs, each with a number from 0 to 1, "
                "e.g. weights: {sql: 0.8}")
    parent = _model_at(root, list(loc[:-1]))
    field = parent.model_fields.get(key) if parent else None
    inner = _unwrap(field.annotation) if field else None
    if isinstance(inner, type) and issubclass(inner, BaseModel) \
            and set(inner.model_fields) == set(_LANGUAGES):
        return f"add it in English and French: {key}: {{en: ..., fr: ...}}"
    return ""


def refused_parts(exc: ValidationError) -> tuple[set[Loc], set[Loc]]:
    """What the checks across files must not read of a refused file: the key path (as the
    file's keys) of every error (a question's type, not the whole question, for an unknown or
    missing type), and the mappings that hold an unknown key, where a missing key may be
    misspelt rather than left to its default."""
    refused: set[Loc] = set()
    unknown_key_in: set[Loc] = set()
    for err in exc.errors():
        loc = tuple(file_loc(err["loc"]))
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = (*loc, "type")
        elif err["type"] == "extra_forbidden":
            unknown_key_in.add(loc[:-1])
        refused.add(loc)
    return refused, unknown_key_in


def published_schema(model: type[BaseModel], kind: str) -> dict[str, Any]:
    """The JSON Schema of a file kind, generated from its model, as ``rolematch schema``
    publishes it."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rolematch.example/schema/{kind}.json"
    return schema

