"""Plain YAML: ``yaml.safe_load``, minus what content never needs and a hostile file could use.

A key written twice in one mapping is an error, not a silent overwrite; only scalar keys,
the standard scalars, lists and mappings are read (no merge keys, no other tags); nesting
is capped, and aliases may not expand a document beyond the reader's size cap (the
"billion laughs"). Every refusal is one line of the error class the caller names, with
"line L, column C".

``engine.readers`` imports this module on the first YAML read: the yaml package is not
needed by a start that reads content from the cache.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

import yaml

from engine.errors import EngineError, Msg, item, problem
from engine.readers import MAX_DEPTH, TOO_DEEP, size_text, too_deep

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SEQ_TAG, _MAP_TAG, _MERGE_TAG = _TAG + "seq", _TAG + "map", _TAG + "merge"
_MERGE = "YAML merge keys (<<) are not supported; write the keys out"


class _Refused(Exception):
    """What a YAML document may not contain, and where."""

    def __init__(self, node: yaml.Node, message: str | Msg) -> None:
        super().__init__(str(message))
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
            raise _Refused(node, too_deep(max_depth))
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
                raise _Refused(node, f"aliases (*) expand this to more than "
                                     f"{size_text(budget)} of data; write the values out")
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


def _where(mark: Any) -> str | Msg:
    return Msg("problem.line_column", line=mark.line + 1, column=mark.column + 1) if mark else ""


def load(text: str, path: Path, error: type[EngineError], max_bytes: int) -> Any:
    """The data of one plain YAML document; what is malformed or refused (see the module
    docstring) raises ``error`` in one line naming ``path``."""
    loader = _Loader(text)
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
        _yaml_error(path, error, exc, text)
    except RecursionError:  # the pure-Python composer, when libyaml is missing
        raise error([problem(path, "", too_deep())]) from None
    finally:
        loader.dispose()


def _yaml_error(path: Path, error: type[EngineError], exc: yaml.YAMLError,
                text: str) -> NoReturn:
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "nesting depth" in what:  # libyaml's own cap (1,000 levels)
        raise error([problem(path, _where(mark), too_deep())]) from None
    found = (_hint(text, exc) if mark is not None and isinstance(exc, _SYNTAX_ERRORS)
             else None)
    if found is None:
        raise error([problem(path, _where(mark), Msg("input.not_yaml", reason=what))]) from None
    hint, at, of_value = found
    where: str | Msg = _where(at)
    value: tuple[str, ...] = ()
    if of_value:  # the key whose text is wrong, and that text as the line has it
        key, key_end = _key_at(text, at)
        if key:
            where = Msg("yaml.where_key", where=where, path=key)
        if key_end is not None and key_end.line == at.line:
            line = text.splitlines()[at.line]
            shown = line[key_end.column:].lstrip().removeprefix(":").strip()
            value = (shown.rstrip(",]}").rstrip() if _IN_FLOW.search(line) else shown,)
    raise error([problem(path, where, Msg("input.not_yaml", reason=hint), *value)]) from None


# --------------------------------------------------------------------------- hints
# What a person editing content by hand gets wrong, told from the parser's error and the line
# it points at: libyaml and the pure-Python parser word the same mistakes differently, so the
# line is read rather than the words matched wherever it can be.

_BARE_KEY = re.compile(r"\s*(?:(?:-\s+)?[\w.-]+\s*)?")
"""What stands before the ':' of a line that is just a key (``  fr``, ``  - id``), or
nothing."""
_SYNTAX_ERRORS = (yaml.scanner.ScannerError, yaml.parser.ParserError)
"""The errors of text that is not YAML (not of YAML this reader refuses)."""
_IN_FLOW = re.compile(r"[{\[]")


def _hint(text: str, exc: yaml.YAMLError) -> tuple[Msg, Any, bool] | None:
    """A plain hint for a YAML error a person makes by hand, the mark to show it at, and
    whether it is about a value (a text) rather than a whole line; None for the rest."""
    mark = exc.problem_mark  # type: ignore[attr-defined]
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    problem_text = getattr(exc, "problem", None) or ""
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    col = min(mark.column, len(line))
    here = line[col:col + 1]
    before = line[:col].rstrip()
    if "quoted scalar" in context and context_mark is not None:  # never closed
        return Msg("yaml.unclosed_quote", quote=_quote_of(text, context_mark)), context_mark, True
    if "expected ':'" in problem_text and context_mark is not None:
        return Msg("yaml.no_colon"), context_mark, False
    if "\t" in line[:len(line) - len(line.lstrip())] or here == "\t":
        return Msg("yaml.tab"), mark, False
    flow = "flow" in context
    if flow and context_mark is not None and context_mark.line < mark.line \
            and _BARE_KEY.fullmatch(before):
        closing = "}" if "mapping" in context else "]"
        opening = "{" if closing == "}" else "["
        return Msg("yaml.unclosed_flow", opening=opening, closing=closing), context_mark, False
    value_start = _value_start(line)
    if before.endswith(("'", '"')):
        quoted: Any = _read_to(text, mark)[2]
        if isinstance(quoted, yaml.ScalarEvent) and quoted.style == before[-1] \
                and quoted.end_mark is not None and quoted.end_mark.line == mark.line:
            # a text left open on an earlier line runs on to a later quote
            if quoted.start_mark is not None and quoted.start_mark.line < mark.line:
                return (Msg("yaml.unclosed_quote", quote=before[-1]), quoted.start_mark,
                        True)
            return (Msg("yaml.quote_inside_double" if before[-1] == '"'
                        else "yaml.quote_inside_single"), mark, True)
    if here == ":":
        if line[:col].strip() and _BARE_KEY.fullmatch(line[:col]) and not flow:
            return Msg("yaml.indented_more"), mark, False
        return Msg("yaml.colon"), mark, True
    if here and here in "@`%*" and value_start == col:
        return Msg("yaml.starts_with", char=here), mark, True
    if not before.strip() or before.strip() == "-":  # the line's first thing is misplaced
        if line.lstrip().startswith("-"):
            return Msg("yaml.indent_list"), mark, False
        if "collection" in context or "sequence" in context:
            return Msg("yaml.not_an_item"), mark, False
        return Msg("yaml.indent_mapping"), mark, False
    return None


def _value_start(line: str) -> int | None:
    """Where the value of a ``key: value`` line (or of its last ``key:`` in ``{...}``)
    starts, or None."""
    at = None
    for found in re.finditer(r"(?:^|[\s{,])[\w.-]+:[ \t]+(?=\S)", line):
        at = found.end()
        if line[at] in "'\"":
            break  # the first quoted value: a ': ' inside it is its text
    return at


def _quote_of(text: str, mark: Any) -> str:
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column:mark.column + 1] or '"'


def _key_at(text: str, mark: Any) -> tuple[str, Any]:
    """The key path (``questions[12] (skill_stats).text.fr``) of the last key read before
    ``mark``, and where that key ends; ("", None) when none is."""
    path, key_end, _ = _read_to(text, mark)
    return path, key_end


def _read_to(text: str, mark: Any) -> tuple[str, Any, Any]:
    """What the parser read before ``mark``: the key path of the last key, where that key
    ends, and the last scalar (a yaml.ScalarEvent) or None."""
    frames: list[list[Any]] = []  # [kind, key or index, expects a key, ids of items]
    last_end = last_scalar = None
    loader = _Loader(text)

    def done() -> None:  # a whole value was read: its mapping expects a key again
        if frames and frames[-1][0] == "map":
            frames[-1][2] = True

    try:
        while loader.check_event():
            event = loader.get_event()
            if event.start_mark.line > mark.line or (
                    event.start_mark.line == mark.line and event.start_mark.column >= mark.column):
                break
            if isinstance(event, yaml.CollectionStartEvent):
                if frames and frames[-1][0] == "seq":
                    frames[-1][1] += 1
                kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                frames.append([kind, None, True, {}] if kind == "map" else [kind, -1, False, {}])
            elif isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
                done()
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                last_scalar = event
                top = frames[-1] if frames else None
                if top is None:
                    continue
                if top[0] == "seq":
                    top[1] += 1
                elif top[2]:
                    top[1], top[2] = getattr(event, "value", None), False
                    last_end = event.end_mark
                else:
                    if top[1] == "id" and len(frames) > 1 and frames[-2][0] == "seq":
                        frames[-2][3][frames[-2][1]] = getattr(event, "value", None)
                    done()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    out = ""
    for kind, at, _, ids in frames:
        if kind == "seq" and isinstance(at, int) and at >= 0:
            out = item(out, at, ids.get(at))
        elif kind == "map" and isinstance(at, str):
            out += f".{at}" if out else at
    return out, last_end, last_scalar


def lines_at(text: str, locs: list[tuple[int | str, ...]]) -> list[int | None]:
    """The line (from 1) each key path leads to in a YAML document: a key's own line, a list
    item's first line; for a key that is missing, the line of what should hold it. None for
    every path when the text is not YAML. Used only to word problems: it composes the
    document again, which a load that finds nothing wrong never does."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return [None] * len(locs)
    finally:
        loader.dispose()
    return [None if root is None else _line_at(root, loc) for loc in locs]


def _line_at(node: yaml.Node, loc: tuple[int | str, ...]) -> int:
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value
                         if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        else:
            break
    return line
