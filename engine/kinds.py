"""Which kind of rolematch file a piece of JSON or YAML data is, told from its keys.

rolematch writes three documents (a quiz result, a decoded posting, a fit) and reads answers
files; each reader checks what it is given is its own kind first, so a file of another kind
gets one line naming that kind, not a list of every key that does not fit. Nothing heavy is
imported here (``--answers FILE`` and ``show`` both use it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from engine.errors import Msg

Kind = Literal["result", "decode", "fit", "answers"]

DESCRIBED: dict[str, str] = {
    "result": "a saved result (rolematch --answers FILE --json, or -o FILE)",
    "decode": "a decode document (rolematch decode --json)",
    "fit": "a fit document (rolematch fit --json)",
    "answers": "an answers file",
}
"""Each kind in words, with the command that writes it."""


def kind_said(kind: str) -> Msg:
    """``DESCRIBED[kind]`` said in the run's language when printed."""
    return Msg(f"kind.{kind}")

# The keys only one kind has (see engine.export for the document models).
_FIT_KEYS = frozenset({"covered", "lacking", "posting_role", "person_role"})
_DECODE_KEYS = frozenset({"found", "skills_role", "title_role", "title_mismatch"})
_RESULT_KEYS = frozenset({"answered", "total_questions", "enough_answers"})


def document_kind(data: object) -> Kind | None:
    """The kind of file ``data`` is, or None when it is not plainly one of them."""
    if not isinstance(data, Mapping):
        return None
    keys = {key for key in data if isinstance(key, str)}
    if "schema_version" not in keys:
        # an answers file: answers (and perhaps a questionnaire), none of a document's keys
        if "answers" in keys and not keys & (_FIT_KEYS | _DECODE_KEYS | _RESULT_KEYS):
            return "answers"
        return None
    if keys & _FIT_KEYS:
        return "fit"
    if keys & _DECODE_KEYS:
        return "decode"
    if keys & _RESULT_KEYS or {"questionnaire", "answers"} <= keys:
        return "result"
    return None
