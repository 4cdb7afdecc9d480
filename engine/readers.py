"""Reading the files people give rolematch: content YAML, answers, saved results, postings.

Every reader turns what can go wrong into one line of the error class the caller names, with
the file and, where the parser gives it, "line L, column C". What can go wrong includes what
a hostile or broken file can do to a naive reader: only regular files are read (a FIFO would
block, ``/dev/zero`` never ends), never more than a size cap, never nested deeper than
``MAX_DEPTH``; YAML aliases may not expand a document beyond the size cap (the "billion
laughs"), and only plain YAML is accepted: scalar keys, no merge keys, no tags beyond the
standard scalars, lists and mappings. Nothing here knows what the data means.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import yaml

from engine.errors import ContentError, EngineError, problem

MiB = 1 << 20
# The caps are far above what a real file needs and far below what makes rolematch slow.
MAX_CONTENT_BYTES = 1 * MiB  # content YAML and answers files; the largest shipped is ~30 kB
MAX_POSTING_BYTES = 2 * MiB  # a posting for `decode --file`: a long one is tens of kB
MAX_RESULT_BYTES = 4 * MiB  # a saved result: ~35 kB for the shipped eight roles
MAX_DEPTH = 64  # levels of lists and mappings; real content and answers are < 10 deep

TOO_DEEP = "is nested too deeply to be read"

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_BOM = b"\xef\xbb\xbf"


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n % MiB == 0 else f"{n} bytes"


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, expected a file"
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "something else")
    return f"is not a regular file but {kind}; expected a file"


def _too_large(max_bytes: int) -> str:
    return f"is too large to read: over the {_size(max_bytes)} limit for this kind of file"


def read_bytes(path: Path, error: type[EngineError], max_bytes: int = MAX_CONTENT_BYTES) -> bytes:
    """A regular file's bytes, at most ``max_bytes``; anything else raises ``error`` in one line.

    The file is opened without blocking and checked on the open descriptor, so a FIFO, a
    device or a folder (or a symlink to one) is refused before a byte is read, and a file
    that grows while it is read is still read no further than the cap.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise error([problem(path, "", "file not found")]) from None
    except IsADirectoryError:
        raise error([problem(path, "", "is a folder, expected a file")]) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise error([problem(path, "", "is not a regular file but a socket or a device; "
                                           "expected a file")]) from None
        raise error([problem(path, "", f"cannot be read: {exc.strerror}")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error([problem(path, "", _not_regular(info.st_mode))])
        if info.st_size > max_bytes:
            raise error([problem(path, "", _too_large(max_bytes))])
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        data = _read_at_most(fd, max_bytes + 1, info.st_size)
    except OSError as exc:
        raise error([problem(path, "", f"cannot be read: {exc.strerror}")]) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise error([problem(path, "", _too_large(max_bytes))])
    return data


def _read_at_most(fd: int, limit: int, expected: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    step = min(limit, expected + 1)  # one read for a file whose size fstat told, one for EOF
    while size < limit:
        chunk = os.read(fd, min(max(step, 1), limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        step = 1 << 16
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_stream(stream: BinaryIO, source: str, error: type[EngineError],
                max_bytes: int = MAX_CONTENT_BYTES) -> bytes:
    """At most ``max_bytes`` from an open stream (standard input); more raises ``error``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise error([problem(source, "", _too_large(max_bytes))])
    return data


def read_text(path: Path, error: type[EngineError], max_bytes: int = MAX_CONTENT_BYTES) -> str:
    """A UTF-8 text file's text (a leading byte-order mark dropped); errors as in
    ``read_bytes``, or "is not UTF-8 text"."""
    data = read_bytes(path, error, max_bytes)
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return (data[skip:] if skip else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        raise error([problem(path, "", f"is not UTF-8 text (byte {at + 1} is "
                                       f"{data[at]:#04x})")]) from None


# --------------------------------------------------------------------------- YAML

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SEQ_TAG, _MAP_TAG, _MERGE_TAG = _TAG + "seq", _TAG + "map", _TAG + "merge"
_MERGE = "YAML merge keys (<<) are not supported; write the keys out"


class _Refused(Exception):
    """What a YAML document may not contain, and where."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.mark = node.start_mark
        self.message = message


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """safe_load, but a key written twice in one mapping is an error, not a silent overwrite,
    and a scalar the constructor cannot build (a 5,000-digit number, the 13th month) is a
    YAML error at its line, not a ValueError."""


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


def _checked(kind: str, construct: Any) -> Any:
    def _construct(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except ValueError as exc:
            reason = str(exc).split(";")[0]
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot be read as {kind}: {reason}", node.start_mark
            ) from None

    return _construct


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(_TAG + "int", _checked("a number", yaml.SafeLoader.construct_yaml_int))
_Loader.add_constructor(_TAG + "timestamp",
                        _checked("a date", yaml.SafeLoader.construct_yaml_timestamp))


def _tag_problem(node: yaml.Node) -> str | None:
    """Why a node's tag (explicit, or resolved from a plain scalar) is refused, or None."""
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag in _SCALAR_TAGS:
            return None
        if tag == _MERGE_TAG:
            return _MERGE
        if tag == _TAG + "value":
            return f"a plain {node.value!r} has no meaning here; quote it"
    elif tag == (_SEQ_TAG if isinstance(node, yaml.SequenceNode) else _MAP_TAG):
        return None
    if tag == _TAG + "set":
        return "YAML sets (!!set) are not supported (their order is not kept); write a list"
    shown = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
    return (f"the YAML tag {shown} is not supported; only plain values, lists and mappings "
            "are (remove the tag)")


def _check_plain(root: yaml.Node, max_depth: int) -> bool:
    """Refuse what plain YAML content never needs; True when the document uses aliases.

    Each node is visited once, in document order; a node met again is an alias.
    """
    seen: set[int] = set()
    aliased = False
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            aliased = True
            continue
        seen.add(id(node))
        why = _tag_problem(node)
        if why:
            raise _Refused(node, why)
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth >= max_depth:
            raise _Refused(node, f"{TOO_DEEP} (more than {max_depth} levels)")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(node.value))
            continue
        for key, value in reversed(node.value):
            if key.tag == _MERGE_TAG:
                raise _Refused(key, _MERGE)
            if not isinstance(key, yaml.ScalarNode):
                raise _Refused(key, "a key must be a plain value, not a list or mapping")
            stack.append((value, depth + 1))
            stack.append((key, depth + 1))
    return aliased


def _check_expansion(root: yaml.Node, max_depth: int, budget: int) -> None:
    """Refuse aliases that would expand the data beyond ``budget`` (a node counts 1, a
    scalar also its length) or ``max_depth``, or that refer to a node containing them."""
    done: dict[int, tuple[int, int]] = {}  # id -> (expanded size, expanded depth)
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            done[key] = (1 + len(node.value), 0)
            continue
        children = (node.value if isinstance(node, yaml.SequenceNode)
                    else [n for pair in node.value for n in pair])
        if finished:
            open_.discard(key)
            size = 1 + sum(done[id(c)][0] for c in children)
            depth = 1 + max((done[id(c)][1] for c in children), default=0)
            if size > budget:
                raise _Refused(node, f"aliases (*) expand this to more than {_size(budget)} "
                                     "of data; write the values out")
            if depth > max_depth:
                raise _Refused(node, f"{TOO_DEEP} once its aliases (*) are expanded (more "
                                     f"than {max_depth} levels)")
            done[key] = (size, depth)
        elif key in open_:
            raise _Refused(node, "an alias (*) refers to a list or mapping that contains it")
        elif key not in done:
            open_.add(key)
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in done)


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def read_yaml(path: Path, error: type[EngineError] = ContentError,
              max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Read one plain YAML file; a file that cannot be read, is malformed or uses what plain
    content never needs (see the module docstring) raises ``error`` in one line."""
    loader = _Loader(read_text(path, error, max_bytes))
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _check_plain(node, MAX_DEPTH):
            _check_expansion(node, MAX_DEPTH, max_bytes)
        return loader.construct_document(node)
    except _Refused as exc:
        raise error([problem(path, _where(exc.mark), exc.message)]) from None
    except yaml.YAMLError as exc:
        _yaml_error(path, error, exc)
    except RecursionError:  # the pure-Python composer, when libyaml is missing
        raise error([problem(path, "", f"{TOO_DEEP} (more than {MAX_DEPTH} levels)")]) from None
    finally:
        loader.dispose()


def _yaml_error(path: Path, error: type[EngineError], exc: yaml.YAMLError) -> NoReturn:
    where = _where(getattr(exc, "problem_mark", None))
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "nesting depth" in what:  # libyaml's own cap (1,000 levels)
        raise error([problem(path, where, f"{TOO_DEEP} (more than {MAX_DEPTH} levels)")]
                    ) from None
    raise error([problem(path, where, f"is not valid YAML: {what}")]) from None


# --------------------------------------------------------------------------- JSON

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _json_deeper_than(text: str, max_depth: int) -> bool:
    """Whether valid JSON ``text`` nests lists and objects more than ``max_depth`` deep.

    Done on the text, not the data: strings dropped, then only brackets kept, then each
    pass drops the innermost pairs. That costs a few C-speed passes over the text where
    walking the parsed data costs a Python step for each of (at the cap) a million lists.
    """
    if text.count("[") + text.count("{") <= max_depth:
        return False
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    brackets = brackets.replace("{", "[").replace("}", "]")
    for _ in range(max_depth):
        if not brackets:
            return False
        brackets = brackets.replace("[]", "")  # one level a pass: replace does not rescan
    return bool(brackets)


def loads_json(text: str | bytes, source: str | Path, error: type[EngineError]) -> Any:
    """Parse JSON text; malformed or too deeply nested JSON raises ``error`` in one line."""
    import json

    too_deep = f"{TOO_DEEP} (more than {MAX_DEPTH} levels)"
    try:
        if isinstance(text, bytes):
            text = text.decode(json.detect_encoding(text))
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error([problem(source, f"line {exc.lineno}, column {exc.colno}",
                             f"is not valid JSON: {exc.msg}")]) from None
    except ValueError as exc:  # not text, or a number of more than 4,300 digits
        raise error([problem(source, "", f"is not valid JSON: {str(exc).split(';')[0]}")]
                    ) from None
    except RecursionError:
        raise error([problem(source, "", too_deep)]) from None
    if _json_deeper_than(text, MAX_DEPTH):
        raise error([problem(source, "", too_deep)])
    return data


def json_line(raw: bytes) -> Any:
    """The JSON value of one line of a JSONL file (batch, ``decode --jsonl``), or ValueError
    with the reason in plain words."""
    import json

    import orjson

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            json.loads(raw)
        except UnicodeDecodeError:
            raise ValueError("not UTF-8 text") from None
        except json.JSONDecodeError as std:  # the standard library words it more plainly
            raise ValueError(f"not valid JSON: {std.msg} (column {std.colno})") from None
        except RecursionError:
            raise ValueError(TOO_DEEP) from None
        raise ValueError(f"not valid JSON: {exc}") from None


def read_json(path: Path, error: type[EngineError], max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Read one JSON file; a file that cannot be read or is malformed raises ``error``."""
    return loads_json(read_text(path, error, max_bytes), path, error)
