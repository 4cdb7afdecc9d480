"""The resume file: answers saved after every question and on Ctrl-C, so none are lost.

It lives in the user's data folder (platformdirs), or ``$ROLEMATCH_DATA_DIR`` when set.
A damaged file is moved aside, never deleted. Answers saved against an older version of
the questionnaire are kept where they still fit; the others are reported as dropped.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine import __version__
from engine.answers import check_answer
from engine.content import ProfileSet, Questionnaire
from engine.errors import AnswersError, ExportError, problem
from engine.files import created_at, reason, write_atomic
from engine.questions import AnswerValue
from engine.readers import read_json

RESUME_FORMAT = 1


def data_dir() -> Path:
    override = os.environ.get("ROLEMATCH_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("rolematch", appauthor=False))


def resume_path(questionnaire_id: str = "default") -> Path:
    return data_dir() / f"resume-{questionnaire_id}.json"


def save_resume(
    questionnaire: Questionnaire, given: dict[str, AnswerValue], lang: str | None,
    path: Path | None = None, quick: bool = False, stop: str | None = None,
    profiles: ProfileSet | None = None,
) -> Path:
    """Write the answers seen so far (skips as null; in quick mode in the order asked, and
    ``stop``: why it stopped, once it has) atomically, readable by the owner only; with the
    questionnaire file and profiles folder when they are not the shipped ones, so that
    ``rolematch --resume`` continues with the content the answers were given to."""
    path = path or resume_path(questionnaire.id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where the folder should be, no permission: one line
        raise ExportError([problem(path.parent, "", f"could not be created: "
                                                    f"{reason(exc, lang or 'en')}")]) from None
    doc = {
        "format": RESUME_FORMAT,
        "rolematch_version": __version__,
        "saved_at": created_at(),
        "questionnaire": questionnaire.id,
        "questionnaire_version": questionnaire.version,
        "content_hash": questionnaire.content_hash(),
        "lang": lang,
        "quick": quick,
        "stop": stop,
        "content": _content_of(questionnaire, profiles),
        "answers": given,
    }
    return write_atomic(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n", force=True)


def _content_of(questionnaire: Questionnaire,
                profiles: ProfileSet | None) -> dict[str, str] | None:
    """Where the content came from, when it is not the shipped one (absolute paths)."""
    from engine.content import default_profiles_dir, default_questionnaire_path

    out = {}
    if Path(questionnaire.path).resolve() != default_questionnaire_path().resolve():
        out["questionnaire"] = str(Path(questionnaire.path).resolve())
    if profiles is not None and Path(profiles.directory).resolve() != (
            default_profiles_dir().resolve()):
        out["profiles"] = str(Path(profiles.directory).resolve())
    return out or None


def saved_content(questionnaire_id: str = "default") -> tuple[Path | None, Path | None]:
    """The questionnaire file and profiles folder a saved quiz was taken with, when they
    were not the shipped ones (None, None otherwise, or when there is no readable file)."""
    path = resume_path(questionnaire_id)
    try:
        data: Any = read_json(path, AnswersError)
    except (AnswersError, OSError, ValueError, UnicodeDecodeError):
        return None, None
    found = data.get("content") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        return None, None
    paths = [found.get(key) for key in ("questionnaire", "profiles")]
    return tuple(Path(p) if isinstance(p, str) else None  # type: ignore[return-value]
                 for p in paths)


def keep_copy(path: Path, why: str) -> Path | None:
    """A copy of the resume file beside it (``aside_path``), before something that keeps
    only part of it writes over it: where it is (None when there was no file to copy)."""
    import shutil

    kept = aside_path(path, why)
    try:
        shutil.copy2(path, kept)
    except FileNotFoundError:
        return None
    return kept


@dataclass(frozen=True)
class Restored:
    given: dict[str, AnswerValue]
    dropped: tuple[str, ...]
    lang: str | None
    quick: bool = False
    stop: str | None = None  # quick mode had stopped: the quiz is finished, its result again


class CorruptResume(Exception):
    """The resume file could not be understood; it was moved to ``kept``."""

    def __init__(self, reason: str, kept: Path) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kept = kept


def aside_path(path: Path, why: str) -> Path:
    """Where a resume file is moved to keep it: beside it, named for why and when."""
    return path.with_name(f"{path.name}.{why}-{time.strftime('%Y%m%d-%H%M%S')}")


def _set_aside(path: Path, why: str = "corrupt") -> Path:
    kept = aside_path(path, why)
    os.replace(path, kept)
    return kept


def keep_unfinished(path: Path, kept: Path) -> None:
    """A new quiz is about to save over an unfinished one: move the old file to ``kept``
    first (never deleted; gone already is fine)."""
    with contextlib.suppress(FileNotFoundError):
        os.replace(path, kept)


def load_resume(questionnaire: Questionnaire, path: Path | None = None) -> Restored | None:
    """The saved answers, or None when there is nothing to resume.

    Raises CorruptResume (after moving the file aside) when the file is damaged.
    """
    path = path or resume_path(questionnaire.id)
    if not path.exists():
        return None
    try:
        data: Any = read_json(path, AnswersError)  # bounded: a FIFO or a huge file is refused
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            raise ValueError("no answers mapping")
        if data.get("questionnaire") != questionnaire.id:
            raise ValueError(f"it is for questionnaire {data.get('questionnaire')!r}")
    except AnswersError as exc:
        raise CorruptResume(str(exc.problems[0].message), _set_aside(path)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorruptResume(reason, _set_aside(path)) from None
    given: dict[str, AnswerValue] = {}
    dropped: list[str] = []
    known = {q.id for q in questionnaire.questions}
    for qid, value in data["answers"].items():
        if qid not in known:
            dropped.append(qid)
            continue
        try:
            given[qid] = check_answer(questionnaire, qid, value, str(path))
        except AnswersError:
            dropped.append(qid)
    lang = data.get("lang") if data.get("lang") in ("en", "fr") else None
    quick = data.get("quick") is True
    stop = data.get("stop") if quick and data.get("stop") in ("bound", "settled") else None
    return Restored(given, tuple(dropped), lang, quick=quick, stop=stop)


def clear_resume(questionnaire: Questionnaire, path: Path | None = None) -> None:
    path = path or resume_path(questionnaire.id)
    try:
        path.unlink()
    except FileNotFoundError:
        pass
