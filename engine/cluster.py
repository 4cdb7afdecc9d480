"""Chunks scored on a Dask distributed cluster (``--scheduler ADDRESS``).

The same per-chunk functions as ``--workers`` (``score_lines``, ``decode_lines``) and the
same ordered writing (``write_results``), but the input is read by the workers themselves,
one byte range (a block) each, so only offsets travel to the cluster and results come back.
The input must therefore be a path every worker can read (a shared folder) or a URL that
fsspec opens (``s3://`` with s3fs installed, ``gs://`` with gcsfs...). Line numbers, which
the output and the bad-line reports carry, need the count of lines before each block: a
first, cheap pass counts each block's lines, then each block is scored knowing its first
line number. The content is loaded here once and sent to every worker.

dask is imported by this module only, and this module only when --scheduler is given.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator
from typing import IO, Any

from engine.batch import ChunkResult
from engine.errors import EngineError, problem

BLOCK_BYTES = 1 << 20
"""Bytes of input a task reads: ~2,000 answer lines or ~300 postings, seconds of work."""
CONNECT_TIMEOUT = "10s"


def is_url(source: str) -> bool:
    """Whether ``source`` names a file through fsspec (``s3://...``) rather than a path."""
    return "://" in source


def _open(source: str) -> IO[bytes]:
    if is_url(source):
        import fsspec

        return fsspec.open(source, "rb").open()  # type: ignore[no-any-return]
    return open(source, "rb")  # noqa: SIM115 - the caller closes it


def size_of(source: str, error: type[EngineError]) -> int:
    """The input's size in bytes, or one line of ``error`` if it cannot be read."""
    try:
        if is_url(source):
            import fsspec

            fs, path = fsspec.core.url_to_fs(source)
            return int(fs.size(path))
        if not os.path.isfile(source):
            raise FileNotFoundError(source) if not os.path.exists(source) else \
                IsADirectoryError(source)
        return os.path.getsize(source)
    except FileNotFoundError:
        raise error([problem(source, "", "file not found")]) from None
    except (OSError, ValueError, ImportError) as exc:
        raise error([problem(source, "", f"could not be read: {exc}")]) from None


def block_lines(source: str, start: int, end: int) -> Iterator[bytes]:
    """The raw lines of ``source`` that begin at a byte offset in [start, end): together
    the blocks of a file give each of its lines exactly once, in order."""
    with _open(source) as stream:
        position = start
        if start:
            stream.seek(start - 1)
            position += len(stream.readline()) - 1  # the end of a line begun before start
        while position < end:
            line = stream.readline()
            if not line:
                break
            yield line
            position += len(line)


def count_lines(source: str, start: int, end: int) -> int:
    """How many lines ``block_lines`` gives for [start, end), counted in one read: a line
    begins at 0 and after every newline, so those in [start, end) are the newlines in
    [start - 1, end - 1), plus the first line for the first block."""
    if end <= start:
        return 0
    low = max(start - 1, 0)
    with _open(source) as stream:
        stream.seek(low)
        data = stream.read(end - 1 - low)
    return data.count(b"\n") + (start == 0)


_PIN_LOCK = threading.Lock()
_PINS: dict[str, Any] = {"tasks": 0, "own": None}  # tasks pinned now; the worker's own value


@contextlib.contextmanager
def _pinned_clock(epoch: str | None) -> Iterator[None]:
    """The client's SOURCE_DATE_EPOCH for the task, so documents carry the same created_at
    as in one process; the worker's own environment is given back after the last task."""
    if epoch is None:
        yield
        return
    with _PIN_LOCK:
        if _PINS["tasks"] == 0:
            _PINS["own"] = os.environ.get("SOURCE_DATE_EPOCH")
        _PINS["tasks"] += 1
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        with _PIN_LOCK:
            _PINS["tasks"] -= 1
            if _PINS["tasks"] == 0:
                if _PINS["own"] is None:
                    os.environ.pop("SOURCE_DATE_EPOCH", None)
                else:
                    os.environ["SOURCE_DATE_EPOCH"] = _PINS["own"]


def _block(source: str, start: int, end: int, first: int, work: Callable[..., ChunkResult],
           data: Any, kwargs: dict[str, Any], epoch: str | None) -> ChunkResult:
    """One task: read a block, number its lines from ``first``, and score it."""
    lines = list(enumerate(block_lines(source, start, end), start=first))
    with _pinned_clock(epoch):
        return work(lines, data, **kwargs)


def in_cluster(
    source: str, address: str, work: Callable[..., ChunkResult], data: Any, /, *,
    error: type[EngineError], block: int | None = None,
    progress: Callable[[int, int], None] | None = None, **kwargs: Any,
) -> Generator[ChunkResult, None, None]:
    """``work(lines, data, **kwargs)`` for every block of ``source``, on the cluster at
    ``address``, yielded in input order. At most two blocks a worker are in flight, so
    memory stays flat; the tasks are cancelled when the iterator is closed or fails.
    ``progress`` is told the bytes done and the total. A cluster that cannot be reached,
    or a worker that cannot read the input, is one line of ``error``."""
    total = size_of(source, error)
    block = block or BLOCK_BYTES
    if not is_url(source):
        source = os.path.abspath(source)  # the workers' working folder may be another
    try:
        import distributed
    except ImportError:
        raise error([problem(address, "", "--scheduler needs Dask: pip install "
                                          "'rolematch[dask]'")]) from None
    try:
        dask: Any = distributed  # untyped
        client = dask.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError) as exc:
        raise error([problem(address, "", f"could not connect to the Dask scheduler: "
                                          f"{exc}")]) from None
    futures: deque[Any] = deque()
    counts: list[Any] = []
    try:
        bounds = [(at, min(at + block, total)) for at in range(0, total, block)]
        shared = client.scatter(data, broadcast=True, hash=False)
        counts = client.map(count_lines, [source] * len(bounds), [a for a, _ in bounds],
                            [b for _, b in bounds], pure=False)
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        first = 1
        done = 0

        def result(future: Any) -> Any:
            try:
                return future.result()
            except OSError as exc:  # raised on a worker: it could not read the input
                raise error([problem(source, "", f"could not be read by a worker: "
                                                 f"{exc}")]) from None

        for (start, end), count in zip(bounds, counts, strict=True):
            futures.append((end - start, client.submit(
                _block, source, start, end, first, work, shared, kwargs, epoch, pure=False)))
            first += result(count)
            if len(futures) >= in_flight:
                size, future = futures.popleft()
                yield result(future)
                done += size
                if progress is not None:
                    progress(done, total)
        while futures:
            size, future = futures.popleft()
            yield result(future)
            done += size
            if progress is not None:
                progress(done, total)
    finally:
        with contextlib.suppress(Exception):
            client.cancel([f for _, f in futures] + counts)
        client.close()
