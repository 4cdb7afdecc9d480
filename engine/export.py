"""The result as a document other programs can read, and safe writing of files.

The document carries everything the result screen shows, computed from the same
``scoring.Result``. Writes are atomic: a temporary file in the same folder, flushed, fsynced
and renamed over the target, created readable by its owner only.
"""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from engine import __version__
from engine.content import ProfileSet, Questionnaire
from engine.errors import ExportError, problem
from engine.scoring import Result

SCHEMA_VERSION = 1


def created_at() -> str:
    """Now in UTC, ISO 8601; ``SOURCE_DATE_EPOCH`` pins it for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit()
              else datetime.now(UTC))
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def result_document(
    result: Result, q: Questionnaire, ps: ProfileSet, lang: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    from engine.render import answer_label

    def label(did: str) -> str:
        return ps.dimension(did).label.get(lang)

    ranking = []
    for m in result.ranking:
        profile = ps.profile(m.role_id)
        ranking.append({
            "rank": m.rank,
            "role_id": m.role_id,
            "title": profile.title.get(lang) if profile else m.role_id,
            "score": m.score,
            "match_percent": round(m.percent, 1),
            "contributions": m.contributions,
            "top_contributions": [
                {
                    "dimension": c.dimension,
                    "label": label(c.dimension),
                    "person": c.person,
                    "weight": c.weight,
                    "score": c.score,
                    "answers": [
                        {
                            "question_id": a.question_id,
                            "answer": a.answer,
                            "answer_label": answer_label(q, a.question_id, a.answer, lang,
                                                         dimension=c.dimension),
                            "effect": a.effect,
                            "share": a.share,
                            "score": a.score,
                        }
                        for a in c.answers
                    ],
                }
                for c in m.top
            ],
            "gaps": [
                {
                    "dimension": g.dimension,
                    "label": label(g.dimension),
                    "person": g.person,
                    "weight": g.weight,
                    "score_now": g.score_now,
                    "score_if": g.score_if,
                }
                for g in m.gaps
            ],
            "typical_tools": list(profile.typical_tools) if profile else [],
            "typical_day": profile.typical_day.get(lang) if profile else "",
            "questions_to_ask": [x.get(lang) for x in profile.questions_to_ask] if profile else [],
        })
    conf = result.confidence
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "rolematch_version": __version__,
        "created_at": created_at(),
        "lang": lang,
        "questionnaire": {"id": q.id, "version": q.version, "content_hash": q.content_hash()},
        "answers": result.answers.to_document()["answers"],
        "answered": sum(v is not None for v in result.answers.values.values()),
        "total_questions": len(result.answers.values),
        "enough_answers": result.enough_answers,
        "warnings": list(result.warnings),
        "vector": result.vector,
        "confidence": None if conf is None else {
            "first": conf.first,
            "second": conf.second,
            "margin": conf.margin,
            "close_call": conf.close_call,
            "robust": conf.robust,
            "fragile_answers": [{"question_id": qid, "top_role_without": role}
                                for qid, role in conf.fragile_answers],
        },
        "ranking": ranking,
    }
    if result.answers.respondent is not None:
        doc["id"] = result.answers.respondent
    if extra:
        doc.update(extra)
    return doc


def write_atomic(path: str | Path, text: str, force: bool = False, mode: int = 0o600) -> Path:
    """Write ``text`` to ``path`` atomically; refuse to overwrite unless ``force``.

    Raises ExportError with one clear line for a missing folder, no permission, a full disk
    or an existing file.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not force:
        raise ExportError([problem(path, "", "already exists; pass --force to overwrite it")])
    if not folder.is_dir():
        raise ExportError([problem(path, "", f"folder {str(folder)!r} does not exist")])
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        reason = {
            errno.ENOSPC: "the disk is full",
            errno.EACCES: "permission denied",
            errno.EPERM: "permission denied",
            errno.EROFS: "the file system is read-only",
            errno.EDQUOT: "disk quota exceeded",
        }.get(exc.errno or 0, exc.strerror or str(exc))
        raise ExportError([problem(path, "", f"could not be written: {reason}")]) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path
