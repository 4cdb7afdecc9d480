"""rolematch: find which data and AI role fits you, with explanations true to the arithmetic.

Library use, without the CLI::

    from engine import load_content, score
    content = load_content()
    result = score({"questionnaire": "default", "answers": {"skill_sql": 5}},
                   content.questionnaire, content.profiles)
    if result.top is None:  # nothing answered that counts: no role to name
        print("not enough answers")
    else:
        print(result.top.role_id, result.top.match_percent)

Every name here is imported on first use (module ``__getattr__``), so ``import engine`` and
``rolematch --help`` stay fast. A wrong argument raises one of the errors exported here.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not imported from typing: `rolematch --help` must start fast

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load_content",
    "load_profiles",
    "load_questionnaire",
    "parse_answers",
    "load_answers",
    "score",
    "ResultDocument",
    "EngineError",
    "ContentError",
    "AnswersError",
    "ExportError",
]

if TYPE_CHECKING:
    from typing import Any

    from engine.api import (
        load_answers,
        load_content,
        load_profiles,
        load_questionnaire,
        parse_answers,
    )
    from engine.errors import AnswersError, ContentError, EngineError, ExportError
    from engine.export import ResultDocument
    from engine.scoring import score

_LAZY = {
    "load_content": "engine.api",
    "load_profiles": "engine.api",
    "load_questionnaire": "engine.api",
    "parse_answers": "engine.api",
    "load_answers": "engine.api",
    "score": "engine.scoring",
    "ResultDocument": "engine.export",
    "EngineError": "engine.errors",
    "ContentError": "engine.errors",
    "AnswersError": "engine.errors",
    "ExportError": "engine.errors",
}


def __getattr__(name: str) -> Any:
    """Import submodules on first use, so ``rolematch --help`` stays fast."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found by the next lookup without calling this again
        return value
    raise AttributeError(f"module 'engine' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names (``__all__``), not this module's machinery (TYPE_CHECKING,
    annotations) nor whichever submodules happen to be imported."""
    return sorted(__all__)
