"""rolematch: find which data and AI role fits you, with explanations true to the arithmetic.

Library use, without the CLI::

    from engine import load_content, score
    content = load_content()
    result = score({"questionnaire": "default", "answers": {"skill_sql": 5}},
                   content.questionnaire, content.profiles)
    print(result.ranking[0].role_id, result.ranking[0].match_percent)
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
    "EngineError",
]

if TYPE_CHECKING:
    from typing import Any

    from engine.answers import load_answers, parse_answers
    from engine.content import load_content, load_profiles, load_questionnaire
    from engine.errors import EngineError
    from engine.scoring import score

_LAZY = {
    "load_content": "engine.content",
    "load_profiles": "engine.content",
    "load_questionnaire": "engine.content",
    "parse_answers": "engine.answers",
    "load_answers": "engine.answers",
    "score": "engine.scoring",
    "EngineError": "engine.errors",
}


def __getattr__(name: str) -> Any:
    """Import submodules on first use, so ``rolematch --help`` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'engine' has no attribute {name!r}")
