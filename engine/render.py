"""Text for people: role cards and the questionnaire (the result is ``engine.report``).

Standard library only, so `roles` and `questions` start fast. Nothing here prints: every
function returns text or data.
"""

from __future__ import annotations

from typing import Any

from engine.content import Profile, ProfileSet, Questionnaire
from engine.i18n import colon, semicolon, squash, t, wrap


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> str:
    return "\n".join(wrap(text, width, indent if first is None else first, indent)) + "\n"


def _bullets(items: list[str], width: int) -> str:
    return "".join(_wrap(item, width, indent="    ", first="  - ") for item in items)


# --------------------------------------------------------------------------- roles


def roles_list(ps: ProfileSet, lang: str, width: int) -> str:
    out = []
    for p in ps.profiles:
        out.append(f"{p.id}  {p.title.get(lang)}\n")
        out.append(_wrap(p.objective.get(lang), width, indent="    "))
    return "".join(out)


def heaviest(profile: Profile, limit: int = 8) -> list[tuple[str, float]]:
    return sorted(profile.weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def role_card(profile: Profile, ps: ProfileSet, lang: str, width: int) -> str:
    title = profile.title.get(lang)
    out = [f"{title} ({profile.id})\n", "=" * min(width, len(title) + len(profile.id) + 3) + "\n"]
    out.append(_wrap(profile.objective.get(lang), width,
                     first=f"{t('roles.objective', lang)}{colon(lang)} ", indent="  "))
    out.append(_wrap(", ".join(profile.other_titles), width,
                     first=f"{t('roles.also_called', lang)}{colon(lang)} ", indent="  "))
    out.append(f"\n{t('roles.skills', lang)}{colon(lang)}\n")
    out.append(_bullets([s.get(lang) for s in profile.key_skills], width))
    out.append(f"\n{t('result.tools', lang)}{colon(lang)}\n")
    out.append(_wrap(", ".join(profile.tools(lang)), width, indent="  "))
    out.append(f"\n{t('roles.deliverables', lang)}{colon(lang)}\n")
    out.append(_bullets([d.get(lang) for d in profile.deliverables], width))
    out.append(f"\n{t('result.day', lang)}{colon(lang)}\n")
    out.append(_wrap(profile.typical_day.get(lang), width, indent="  "))
    out.append(f"\n{t('result.ask', lang)}{colon(lang)}\n")
    out.append(_bullets([q.get(lang) for q in profile.questions_to_ask], width))
    out.append(f"\n{t('roles.differs', lang)}{colon(lang)}\n")
    for c in profile.differs_from:
        other = ps.profile(c.role)
        name = other.title.get(lang) if other else c.role
        out.append(_wrap(c.text.get(lang), width, first=f"  - vs {name}{colon(lang)} ",
                         indent="    "))
    out.append(f"\n{t('roles.weights', lang)}{colon(lang)}\n")
    # French: "Cycle de vie des modèles 1,00 ; Plateformes de ML 0,90" (a comma is the
    # decimal mark there, so the items are apart with semicolons); a weight never wraps
    # away from its label
    labels = [f"{ps.dimension(d).label.get(lang)}\u00a0"
              + (f"{w:.2f}" if lang != "fr" else f"{w:.2f}".replace(".", ","))
              for d, w in heaviest(profile)]
    out.append(_wrap((", " if lang != "fr" else semicolon(lang)).join(labels), width,
                     indent="  "))
    out.append(f"\n{t('roles.sources', lang)}{colon(lang)}\n")
    out.append(_bullets([f"{s.source}{colon(lang)} {s.supports}" for s in profile.sources],
                        width))
    return "".join(out)


def role_json(profile: Profile, ps: ProfileSet, lang: str) -> dict[str, Any]:
    return {
        "id": profile.id,
        "title": profile.title.get(lang),
        "other_titles": list(profile.other_titles),
        "objective": profile.objective.get(lang),
        "key_skills": [s.get(lang) for s in profile.key_skills],
        "typical_tools": profile.tools(lang),
        "deliverables": [d.get(lang) for d in profile.deliverables],
        "typical_day": profile.typical_day.get(lang),
        "questions_to_ask": [q.get(lang) for q in profile.questions_to_ask],
        "differs_from": [{"role": c.role, "text": c.text.get(lang)} for c in profile.differs_from],
        "sources": [{"source": s.source, "supports": s.supports} for s in profile.sources],
        "weights": {d: profile.weights.get(d, 0.0) for d in ps.dimension_ids},
    }


# --------------------------------------------------------------------------- questions


def questions_json(q: Questionnaire, lang: str) -> list[dict[str, Any]]:
    return [{"id": qt.id, "type": qt.kind, "section": qt.question.section,
             "section_title": q.section(qt.question.section).title.get(lang),
             "text": qt.question.text.get(lang), "options": qt.options(lang)}
            for qt in q.types]


def questions_text(q: Questionnaire, lang: str, width: int) -> str:
    out = [q.data.title.get(lang) + "\n\n", _wrap(q.data.intro.get(lang), width), "\n"]
    section = None
    for i, qt in enumerate(q.types, start=1):
        question = qt.question
        if question.section != section:
            section = question.section
            out.append(f"{q.section(section).title.get(lang)}\n")
        hint = f" {t('questions.multi_hint', lang)}" if qt.kind == "multi" else ""
        out.append(_wrap(question.text.get(lang) + hint, width, first=f"{i:>3}. ",
                         indent="     "))
        out.append(f"     [{question.id}]\n")
        if qt.kind == "likert":  # a scale reads as one line of points
            points = "  ".join(f"{o['id']}={o['label']}" for o in qt.options(lang))
            out.append(_wrap(points, width, indent="       "))
        else:
            for o in qt.options(lang):
                out.append(_wrap(f"{o['label']} [{o['id']}]", width, first="     - ",
                                 indent="       "))
                if "description" in o:  # what the quiz shows under a pointed-at option
                    out.append(_wrap(o["description"], width, indent="         "))
        out.append("\n")
    return "".join(out)


# --------------------------------------------------------------------------- answers


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, never mid-word, with an ellipsis when something was cut."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"
