"""Reading the files people give rolematch: content YAML, answers, saved results, postings.

Every reader turns what can go wrong (missing, a folder, unreadable, not UTF-8, malformed,
nested too deeply) into one line of the error class the caller names, with the file and,
where the parser gives it, the line and column. Nothing here knows what the data means.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from engine.errors import ContentError, EngineError, problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """safe_load, but a key written twice in one mapping is an error, not a silent overwrite."""


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is written twice in the same mapping", mark
            )
        seen.add(key)
    return dict(yaml.SafeLoader.construct_mapping(loader, node, deep=deep))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

TOO_DEEP = "is nested too deeply to be read"


def read_bytes(path: Path, error: type[EngineError]) -> bytes:
    """A file's bytes; a missing, unreadable or folder path raises ``error`` in one line."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error([problem(path, "", "file not found")]) from None
    except IsADirectoryError:
        raise error([problem(path, "", "is a folder, expected a file")]) from None
    except OSError as exc:
        raise error([problem(path, "", f"cannot be read: {exc.strerror}")]) from None


def read_text(path: Path, error: type[EngineError]) -> str:
    """A UTF-8 text file's text; errors as in ``read_bytes``, or "is not UTF-8 text"."""
    try:
        return read_bytes(path, error).decode("utf-8")
    except UnicodeDecodeError:
        raise error([problem(path, "", "is not UTF-8 text")]) from None


def read_yaml(path: Path, error: type[EngineError] = ContentError) -> Any:
    """Read one YAML file; a missing, unreadable or malformed file raises ``error``."""
    text = read_text(path, error)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error([problem(path, where, f"is not valid YAML: {what}")]) from None
    except RecursionError:
        raise error([problem(path, "", TOO_DEEP)]) from None


def loads_json(text: str | bytes, source: str | Path, error: type[EngineError]) -> Any:
    """Parse JSON text; malformed or too deeply nested JSON raises ``error`` in one line."""
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error([problem(source, f"line {exc.lineno}, column {exc.colno}",
                             f"is not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise error([problem(source, "", TOO_DEEP)]) from None


def read_json(path: Path, error: type[EngineError]) -> Any:
    """Read one JSON file; a missing, unreadable or malformed file raises ``error``."""
    return loads_json(read_text(path, error), path, error)
