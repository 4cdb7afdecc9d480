"""Reading the files people give rolematch: content YAML, answers, saved results, postings.

Every reader turns what can go wrong into one line of the error class the caller names, with
the file and, where the parser gives it, "line L, column C". What can go wrong includes what
a hostile or broken file can do to a naive reader: only regular files are read (a FIFO would
block, ``/dev/zero`` never ends), never more than a size cap, never nested deeper than
``MAX_DEPTH``; YAML aliases may not expand a document beyond the size cap (the "billion
laughs"), and only plain YAML is accepted: scalar keys, no merge keys, no tags beyond the
standard scalars, lists and mappings (``engine.plain_yaml``, imported on the first YAML
read). Nothing here knows what the data means.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from engine.errors import ContentError, EngineError, Msg, problem

if TYPE_CHECKING:
    import json

MiB = 1 << 20
# The caps are far above what a real file needs and far below what makes rolematch slow.
MAX_CONTENT_BYTES = 1 * MiB  # content YAML and answers files; the largest shipped is ~30 kB
MAX_POSTING_BYTES = 2 * MiB  # a posting for `decode --file`: a long one is tens of kB
MAX_RESULT_BYTES = 4 * MiB  # a saved result: ~35 kB for the shipped eight roles
MAX_DEPTH = 64  # levels of lists and mappings; real content and answers are < 10 deep

TOO_DEEP = "is nested too deeply to be read"


def too_deep(levels: int = MAX_DEPTH) -> Msg:
    """Why a file nested more than ``levels`` deep is refused."""
    return Msg("input.too_deep", n=levels)

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_BOM = b"\xef\xbb\xbf"


def size_text(n: int) -> str:
    """A size cap in words: "1 MiB", or "1500 bytes"."""
    return str(size_said(n))


def size_said(n: int) -> Msg:
    """``size_text`` said in the run's language: "1 MiB", "1 Mio"."""
    return Msg("input.mib", n=n // MiB) if n % MiB == 0 else Msg("input.bytes", n=n)


class OsReason:
    """Why the system could not read a file, said when printed: the system's own words in
    English (``Permission denied``), ``engine.files.reason`` in French."""

    def __init__(self, exc: OSError) -> None:
        self.errno, self.strerror = exc.errno, exc.strerror or str(exc)

    def say(self, lang: str = "en") -> str:
        if lang != "fr":
            return self.strerror
        from engine.files import reason

        return reason(OSError(self.errno, self.strerror), lang)

    def __str__(self) -> str:
        return self.strerror


def _not_regular(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return Msg("input.is_folder")
    kind = ("fifo" if stat.S_ISFIFO(mode)
            else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "socket" if stat.S_ISSOCK(mode) else "other")
    return Msg("input.not_regular", kind=Msg(f"input.kind_{kind}"))


def _too_large(max_bytes: int) -> Msg:
    return Msg("input.too_large", size=size_said(max_bytes))


def read_bytes(path: Path, error: type[EngineError], max_bytes: int = MAX_CONTENT_BYTES) -> bytes:
    """A regular file's bytes, at most ``max_bytes``; anything else raises ``error`` in one line.

    The file is opened without blocking and checked on the open descriptor, so a FIFO, a
    device or a folder (or a symlink to one) is refused before a byte is read, and a file
    that grows while it is read is still read no further than the cap.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise error([problem(path, "", Msg("input.not_found"))]) from None
    except IsADirectoryError:
        raise error([problem(path, "", Msg("input.is_folder"))]) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise error([problem(path, "", Msg("input.socket_or_device"))]) from None
        raise error([problem(path, "", unreadable(exc))]) from None
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
        raise error([problem(path, "", unreadable(exc))]) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise error([problem(path, "", _too_large(max_bytes))])
    return data


def unreadable(exc: OSError) -> Msg:
    """"cannot be read: Permission denied", said in the run's language."""
    return Msg("input.unreadable", reason=OsReason(exc))


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
    return decode_text(read_bytes(path, error, max_bytes), path, error)


def decode_text(data: bytes, path: Path, error: type[EngineError]) -> str:
    """A file's bytes as UTF-8 text (a leading byte-order mark dropped), or "is not UTF-8
    text" raised as ``error``."""
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return (data[skip:] if skip else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        raise error([problem(path, "", Msg("input.not_utf8_at", at=at + 1,
                                           byte=f"{data[at]:#04x}"))]) from None


# --------------------------------------------------------------------------- YAML


def parse_yaml(data: bytes, path: Path, error: type[EngineError] = ContentError,
               max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """The data of one plain YAML document, from a file's bytes already read (see
    ``engine.plain_yaml``); text that is not UTF-8, malformed or refused raises ``error`` in
    one line."""
    from engine.plain_yaml import load  # yaml itself: only when YAML is really parsed

    return load(decode_text(data, path, error), path, error, max_bytes)


def read_yaml(path: Path, error: type[EngineError] = ContentError,
              max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Read one plain YAML file; a file that cannot be read, is malformed or uses what plain
    content never needs (see the module docstring) raises ``error`` in one line."""
    return parse_yaml(read_bytes(path, error, max_bytes), path, error, max_bytes)


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

    try:
        if isinstance(text, bytes):
            text = text.decode(json.detect_encoding(text))
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error([problem(source, Msg("problem.line_column", line=exc.lineno,
                                         column=exc.colno),
                             Msg("input.not_json", reason=_json_reason(exc, "file")))]
                    ) from None
    except ValueError as exc:  # not text, or a number of more than 4,300 digits
        raise error([problem(source, "", Msg("input.not_json", reason=str(exc).split(';')[0]))]
                    ) from None
    except RecursionError:
        raise error([problem(source, "", too_deep())]) from None
    if _json_deeper_than(text, MAX_DEPTH):
        raise error([problem(source, "", too_deep())])
    return data


def _json_reason(exc: json.JSONDecodeError, whole: str,
                 column: bool = False) -> Msg | JsonReason:
    """json's message, ending before its position ("Unterminated string starting at": the
    line and column are given apart, or with ``column``, after it), and saying when the
    ``whole`` (file, line) ends too early, as a file cut short does. json's own words stay
    its own (in English) in every language, as the system's do in ``engine.files``."""
    msg: Msg | JsonReason = JsonReason(re.sub(r"\s+(?:starting\s+)?at$", "", exc.msg))
    if column:
        msg = Msg("input.at_column", reason=msg, column=exc.colno)
    if exc.msg.startswith("Unterminated string") or exc.pos >= len(exc.doc.rstrip()):
        msg = Msg(f"input.cut_short_{whole}", reason=msg)
    return msg


class JsonReason:
    """One of json's messages ("Expecting value"): json's words in English, ours in French
    for those ``engine.i18n`` knows (as ``engine.files.reason`` does for the system's)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def say(self, lang: str = "en") -> str:
        from engine.i18n import string_keys, t

        key = f"json.{self.text}"
        return t(key, lang) if key in string_keys() else self.text

    def __str__(self) -> str:
        return self.text


class LineError(ValueError):
    """Why a line of a JSONL file is bad, as a Msg said in the run's language (``str()``:
    its English)."""

    def __init__(self, message: str | Msg) -> None:
        super().__init__(str(message))
        self.message = message


def json_line(raw: bytes) -> Any:
    """The JSON value of one line of a JSONL file (batch, ``decode --jsonl``), or LineError
    with the reason in plain words."""
    import json

    import orjson

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            json.loads(raw)
        except UnicodeDecodeError:
            raise LineError(Msg("line.not_utf8")) from None
        except json.JSONDecodeError as std:  # the standard library words it more plainly
            raise LineError(Msg("line.not_json", reason=_json_reason(std, "line", True))
                            ) from None
        except RecursionError:
            raise LineError(Msg("line.too_deep")) from None
        raise LineError(Msg("line.not_json", reason=str(exc))) from None


def read_json(path: Path, error: type[EngineError], max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Read one JSON file; a file that cannot be read or is malformed raises ``error``."""
    return loads_json(read_text(path, error, max_bytes), path, error)
