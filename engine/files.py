"""Files written safely: atomically, owner-only, never over an existing file by accident.

Small and import-light on purpose: the quiz saves its resume file after every answer.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from engine.errors import ExportError, problem
from engine.i18n import t


def created_at() -> str:
    """Now in UTC, ISO 8601; ``SOURCE_DATE_EPOCH`` pins it for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit()
              else datetime.now(UTC))
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def write_atomic(path: str | Path, text: str, force: bool = False, mode: int = 0o600,
                 lang: str = "en") -> Path:
    """Write ``text`` to ``path`` atomically; refuse to overwrite unless ``force``.

    Raises ExportError with one clear line for a missing folder, no permission, a full disk
    or an existing file, in ``lang`` (the operating system's own words stay its own).
    """
    writer = AtomicWriter(path, force=force, mode=mode, lang=lang)
    with writer as handle:
        try:
            handle.write(text)
        except OSError as exc:
            raise writer._fail(exc) from None
    return writer.path


class AtomicWriter:
    """A text file written in place of ``path`` only when everything went well.

    Used as a context manager: a temporary file in the same folder, owner-only, flushed,
    fsynced and renamed over ``path`` at the end; removed if anything fails.
    """

    def __init__(self, path: str | Path, force: bool = False, mode: int = 0o600,
                 lang: str = "en") -> None:
        self.path = Path(path)
        self.force = force
        self.mode = mode
        self.lang = lang  # of the error lines
        self.tmp: str | None = None
        self.handle: Any = None

    def _fail(self, exc: OSError) -> ExportError:
        return ExportError([problem(self.path, "", t("file.not_written", self.lang,
                                                     reason=reason(exc, self.lang)))])

    def __enter__(self) -> Any:
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if self.path.exists() and not self.force:
            raise ExportError([problem(self.path, "", t("file.exists", self.lang))])
        if not folder.is_dir():
            raise ExportError([problem(self.path, "", t("file.no_folder", self.lang,
                                                        folder=repr(str(folder))))])
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                            dir=folder)
            os.fchmod(fd, self.mode)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise self._fail(exc) from None
        return self.handle

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        try:
            if kind is None:
                try:
                    self.handle.flush()
                    os.fsync(self.handle.fileno())
                    self.handle.close()
                    os.replace(self.tmp, self.path)  # type: ignore[arg-type]
                    self.tmp = None
                except OSError as err:
                    raise self._fail(err) from None
            elif isinstance(exc, OSError):
                raise self._fail(exc) from None
        finally:
            if self.handle is not None and not self.handle.closed:
                with contextlib.suppress(OSError):
                    self.handle.close()
            if self.tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self.tmp)


_REASONS = {errno.ENOSPC: "full", errno.EACCES: "denied", errno.EPERM: "denied",
            errno.EROFS: "read_only", errno.EDQUOT: "quota"}
_IN_FRENCH = {errno.ENOENT: "missing", errno.EISDIR: "is_folder", errno.ENOTDIR: "not_folder",
              errno.EEXIST: "exists", errno.EFBIG: "too_large"}
"""Errors whose English is the system's own words, said in French in a French run."""


def reason(exc: OSError, lang: str = "en") -> str:
    """An OS error in a few plain words ("the disk is full", "permission denied"), in
    ``lang``: the common ones in our words, in English or French; the others in the system's
    own (in English, also those of ``_IN_FRENCH``: "No such file or directory")."""
    known = _REASONS.get(exc.errno or 0)
    if known is None and lang == "fr":
        known = _IN_FRENCH.get(exc.errno or 0)
    return t(f"file.reason_{known}", lang) if known else exc.strerror or str(exc)
