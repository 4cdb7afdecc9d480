"""The content cache: what the content rules accepted, kept so that a start skips validating
the same bytes again.

Validating content with its pydantic models (``engine.rules``) costs more than the rest of
a start together, and the content rarely changes between two runs. So once a load has
accepted a set of files, the plain data the rules made of them is written here; a later
load of the same files reads it back instead of importing pydantic and yaml.

Trust: an entry is used only when its key matches the key of the files read now: a hash of
the bytes of every file (and its name), the rolematch version and the code that decides
what is accepted (the rules, the readers, the plain classes built from the data, pydantic's
version). An entry also carries the hash of its own data, so a damaged or edited entry is
ignored. Nothing else is trusted: the checks across files still run on every load, and a
file that changes, however little, is read and validated again. Only accepted content is
written: a problem is always found by the rules, never remembered.

Where: ``$ROLEMATCH_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/rolematch``, else
``~/.cache/rolematch``; ``ROLEMATCH_NO_CACHE=1`` turns the cache off. The cache is an
optimisation and never a reason to fail: a folder that cannot be created or written, or an
entry that cannot be read, only means validating again.

Standard library only, and small: it runs on every start.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from engine import __version__
from engine.errors import EngineError
from engine.readers import MiB, read_bytes

FORMAT = 1
"""The layout of an entry: a header line (format, key, hash of the data), then the data."""

MAX_ENTRY_BYTES = 16 * MiB
"""An entry larger than this is not read (the shipped content's largest is ~0.3 MiB)."""

# The modules whose code decides what a set of content files loads as: a change to any of
# them (an editable install, a new release) changes every key.
_RULE_MODULES = ("rules.py", "readers.py", "plain_yaml.py", "content.py", "cache.py")


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off (or there is no home)."""
    if os.environ.get("ROLEMATCH_NO_CACHE"):
        return None
    override = os.environ.get("ROLEMATCH_CACHE_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    try:
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found
        return None
    return base / "rolematch"


def entry_name(unit: str, location: Path) -> str:
    """The entry of one kind of load (``unit``) of the content at ``location``: a new
    version of the same files replaces the old entry."""
    try:
        where = str(location.resolve())
    except (OSError, RuntimeError):
        where = os.path.abspath(location)
    digest = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f"{unit}-{digest}.json"


def key(unit: str, files: Iterable[tuple[str, bytes]]) -> str | None:
    """The key of a load: the code that decides what loads, and every file's name and bytes
    (in the order given). None when the code cannot be read, which turns the cache off."""
    code = _code_digest()
    if code is None:
        return None
    h = hashlib.sha256(f"rolematch {__version__} cache {FORMAT}\0{code}\0{unit}\0".encode())
    for name, data in files:
        h.update(f"{len(name.encode('utf-8', 'surrogateescape'))}:".encode())
        h.update(name.encode("utf-8", "surrogateescape"))
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


@functools.cache
def _code_digest() -> str | None:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    try:
        for name in _RULE_MODULES:
            h.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
        h.update(b"pydantic\0" + _pydantic_version_file())
    except OSError:
        return None
    return h.hexdigest()


def _pydantic_version_file() -> bytes:
    """pydantic's ``version.py`` (which also pins pydantic-core), found without importing
    pydantic: an upgrade that could change what validates changes the key."""
    import importlib.util

    spec = importlib.util.find_spec("pydantic")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("pydantic not found")
    return (Path(next(iter(spec.submodule_search_locations))) / "version.py").read_bytes()


def load(name: str, entry_key: str | None) -> Any:
    """The data stored under ``entry_key`` in entry ``name``, or None: no entry, another key
    (the files changed), a damaged or edited entry, or no cache at all."""
    where = folder()
    if where is None or entry_key is None:
        return None
    try:
        blob = read_bytes(where / name, EngineError, MAX_ENTRY_BYTES)
    except EngineError:  # missing, unreadable, not a regular file, too large
        return None
    head, _, body = blob.partition(b"\n")
    try:
        header = json.loads(head)
        if header != _header(entry_key, body):
            return None
        return json.loads(body)
    except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested absurdly deep
        return None


def store(name: str, entry_key: str | None, data: Any) -> None:
    """Write ``data`` as entry ``name`` under ``entry_key``, atomically (a reader sees the old
    entry or the new one, never half of one); silently nothing when that fails."""
    where = folder()
    if where is None or entry_key is None:
        return
    import tempfile

    try:
        body = json.dumps(data, separators=(",", ":")).encode()
        head = json.dumps(_header(entry_key, body), separators=(",", ":")).encode()
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=where)
    except (OSError, ValueError, TypeError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(head + b"\n" + body)
        os.replace(tmp, where / name)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _header(entry_key: str, body: bytes) -> dict[str, Any]:
    return {"format": FORMAT, "key": entry_key, "sha256": hashlib.sha256(body).hexdigest()}
