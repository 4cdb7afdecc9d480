"""Text for people: role cards, the questionnaire, and the result screen.

Plain-text renderers here use only the standard library, so `roles` and `questions` start
fast; the result screen uses rich, imported when it is drawn. Nothing here prints: every
function returns text or data.
"""

from __future__ import annotations

import textwrap
from typing import Any

from engine.content import (
    LikertQuestion,
    Profile,
    ProfileSet,
    Questionnaire,
    question_effects,
)
from engine.i18n import squash, t


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> str:
    return textwrap.fill(
        squash(text), width=width, initial_indent=first if first is not None else indent,
        subsequent_indent=indent, break_long_words=False, break_on_hyphens=False,
    ) + "\n"


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
    out.append(_wrap(profile.objective.get(lang), width, first=f"{t('roles.objective', lang)}: ",
                     indent="  "))
    out.append(_wrap(", ".join(profile.other_titles), width,
                     first=f"{t('roles.also_called', lang)}: ", indent="  "))
    out.append(f"\n{t('roles.skills', lang)}:\n")
    out.append(_bullets([s.get(lang) for s in profile.key_skills], width))
    out.append(f"\n{t('result.tools', lang)}:\n")
    out.append(_wrap(", ".join(profile.typical_tools), width, indent="  "))
    out.append(f"\n{t('roles.deliverables', lang)}:\n")
    out.append(_bullets([d.get(lang) for d in profile.deliverables], width))
    out.append(f"\n{t('result.day', lang)}:\n")
    out.append(_wrap(profile.typical_day.get(lang), width, indent="  "))
    out.append(f"\n{t('result.ask', lang)}:\n")
    out.append(_bullets([q.get(lang) for q in profile.questions_to_ask], width))
    out.append(f"\n{t('roles.differs', lang)}:\n")
    for c in profile.differs_from:
        other = ps.profile(c.role)
        name = other.title.get(lang) if other else c.role
        out.append(_wrap(c.text.get(lang), width, first=f"  - vs {name}: ", indent="    "))
    out.append(f"\n{t('roles.weights', lang)}:\n")
    labels = [f"{ps.dimension(d).label.get(lang)} {w:.2f}" for d, w in heaviest(profile)]
    out.append(_wrap(", ".join(labels), width, indent="  "))
    out.append(f"\n{t('roles.sources', lang)}:\n")
    out.append(_bullets([f"{s.source}: {s.supports}" for s in profile.sources], width))
    return "".join(out)


def role_json(profile: Profile, ps: ProfileSet, lang: str) -> dict[str, Any]:
    return {
        "id": profile.id,
        "title": profile.title.get(lang),
        "other_titles": list(profile.other_titles),
        "objective": profile.objective.get(lang),
        "key_skills": [s.get(lang) for s in profile.key_skills],
        "typical_tools": list(profile.typical_tools),
        "deliverables": [d.get(lang) for d in profile.deliverables],
        "typical_day": profile.typical_day.get(lang),
        "questions_to_ask": [q.get(lang) for q in profile.questions_to_ask],
        "differs_from": [{"role": c.role, "text": c.text.get(lang)} for c in profile.differs_from],
        "sources": [s.model_dump() for s in profile.sources],
        "weights": {d: profile.weights.get(d, 0.0) for d in ps.dimension_ids},
    }


# --------------------------------------------------------------------------- questions


def questions_json(q: Questionnaire, lang: str) -> list[dict[str, Any]]:
    out = []
    for question in q.questions:
        item: dict[str, Any] = {
            "id": question.id,
            "type": question.type,
            "section": question.section,
            "section_title": q.section(question.section).title.get(lang),
            "text": question.text.get(lang),
        }
        if isinstance(question, LikertQuestion):
            scale = q.scale(question)
            effects = question_effects(question, len(scale))
            item["options"] = [
                {"id": int(k), "label": scale[int(k) - 1].get(lang), "effects": eff}
                for k, eff in effects
            ]
        else:
            item["options"] = [
                {
                    "id": o.id,
                    "label": o.label.get(lang),
                    **({"description": o.description.get(lang)} if o.description else {}),
                    "effects": dict(o.effects),
                }
                for o in question.options
            ]
        out.append(item)
    return out


def questions_text(q: Questionnaire, ps: ProfileSet, lang: str, width: int) -> str:
    out = [q.data.title.get(lang) + "\n\n", _wrap(q.data.intro.get(lang), width), "\n"]
    section = None
    for i, question in enumerate(q.questions, start=1):
        if question.section != section:
            section = question.section
            out.append(f"{q.section(section).title.get(lang)}\n")
        hint = f" {t('questions.multi_hint', lang)}" if question.type == "multi" else ""
        out.append(_wrap(question.text.get(lang) + hint, width, first=f"{i:>3}. ",
                         indent="     "))
        out.append(f"     [{question.id}]\n")
        if isinstance(question, LikertQuestion):
            scale = q.scale(question)
            points = "  ".join(f"{k}={p.get(lang)}" for k, p in enumerate(scale, start=1))
            out.append(_wrap(points, width, indent="       "))
        else:
            for o in question.options:
                out.append(_wrap(f"{o.label.get(lang)} [{o.id}]", width, first="     - ",
                                 indent="       "))
        out.append("\n")
    return "".join(out)


# --------------------------------------------------------------------------- answers


def answer_label(
    q: Questionnaire, qid: str, value: Any, lang: str, dimension: str | None = None
) -> str:
    """What a person answered, in words ("4 (Strong)", "Build pipelines", "Docker, Kubernetes").

    With ``dimension``, a multi answer lists only the ticked options that move that dimension.
    """
    question = q.question(qid)
    if value is None or question is None:
        return t("result.skipped", lang)
    if isinstance(question, LikertQuestion):
        scale = q.scale(question)
        return f"{value} ({scale[int(value) - 1].get(lang)})"
    labels = {o.id: o.label.get(lang) for o in question.options}
    if isinstance(value, list) and dimension is not None:
        moving = {o.id for o in question.options if o.effects.get(dimension, 0) > 0}
        value = [v for v in value if v in moving] or value
    if isinstance(value, list):
        return ", ".join(labels[v] for v in value) if value else t("result.none", lang)
    return labels[str(value)]


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, never mid-word, with an ellipsis when something was cut."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


# --------------------------------------------------------------------------- result screen


def result_screen(
    result: Any, q: Questionnaire, ps: ProfileSet, lang: str, width: int = 80,
    color: bool = False, top: int = 3,
) -> str:
    """The result screen: ranked table with bars, then the top roles explained.

    ``result`` is a ``scoring.Result``. With ``color`` false the text has no escape codes
    (NO_COLOR, pipes). No line is wider than ``width``; wrapping happens between words.
    """
    import io

    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False,
        legacy_windows=False, soft_wrap=False,
    )
    answered = sum(v is not None for v in result.answers.values.values())
    total = len(result.answers.values)
    console.print(Text(t("result.title", lang), style="bold"), end=" ")
    console.print(Text(f"({t('result.answered', lang, n=answered, total=total)})", style="dim"))
    for code in result.warnings:
        console.print(Text("! " + t(f"result.{code}", lang), style="yellow"))
    if not result.enough_answers:
        return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())

    bar_width = max(10, min(30, width - 40))
    full, empty = ("█", "░") if color else ("#", ".")
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False,
                  expand=False)
    table.add_column(t("result.rank", lang), justify="right")
    table.add_column(t("result.role", lang), no_wrap=False)
    table.add_column(t("result.match", lang), justify="right")
    table.add_column("", no_wrap=True)
    for m in result.ranking:
        profile = ps.profile(m.role_id)
        filled = round(max(0.0, m.score) * bar_width)
        style = "bold green" if m.rank == 1 else ""
        table.add_row(
            str(m.rank),
            Text(profile.title.get(lang) if profile else m.role_id, style=style),
            f"{m.percent:.0f}%",
            Text(full * filled + empty * (bar_width - filled),
                 style="green" if m.rank == 1 else "cyan"),
        )
    console.print(table)

    conf = result.confidence
    if conf is not None:
        title = {p.id: p.title.get(lang) for p in ps.profiles}
        if conf.close_call:
            console.print(Text(t("result.close_call", lang, first=title[conf.first],
                                 second=title[conf.second], margin=100 * conf.margin),
                               style="yellow"))
        if conf.robust:
            console.print(Text(t("result.robust", lang), style="dim"))
        else:
            qids = ", ".join(qid for qid, _ in conf.fragile_answers[:4])
            if len(conf.fragile_answers) > 4:
                qids += ", …"
            console.print(Text(t("result.fragile", lang, n=len(conf.fragile_answers),
                                 questions=qids), style="yellow"))

    def item(marker: str, body: Text, indent: int = 2) -> None:
        grid = Table.grid(padding=0)
        grid.add_column(width=indent + len(marker), no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(" " * indent + marker, body)
        console.print(grid)

    def block(label: str, body: str) -> None:
        console.print(Text(label, style="bold"))
        console.print(Padding(Text(squash(body)), (0, 0, 0, 2)))

    for m in result.ranking[:top]:
        profile = ps.profile(m.role_id)
        if profile is None:
            continue
        console.print()
        console.rule(Text(f"{m.rank}. {profile.title.get(lang)}  {m.percent:.0f}%",
                          style="bold"), align="left", characters="─" if color else "-")
        console.print(Text(profile.objective.get(lang), style="italic"))
        if m.top:
            console.print(Text(t("result.why", lang), style="bold"))
            for contrib in m.top:
                dim = ps.dimension(contrib.dimension).label.get(lang)
                item("+ ", Text(t("result.why_line", lang, dim=dim, pts=100 * contrib.score),
                                style="green"))
                for a in contrib.answers[:2]:
                    said = answer_label(q, a.question_id, a.answer, lang,
                                        dimension=contrib.dimension)
                    item("", Text(f"{shorten(_question_text(q, a.question_id, lang), 44)} → "
                                  f"{said}", style="dim"), indent=6)
        if m.gaps:
            console.print(Text(t("result.gaps", lang), style="bold"))
            for gap in m.gaps:
                dim = ps.dimension(gap.dimension).label.get(lang)
                item("- ", Text(t("result.gap_line", lang, dim=dim, you=gap.person,
                                  role=gap.weight, now=100 * gap.score_now,
                                  then=100 * gap.score_if)))
        block(t("result.tools", lang), ", ".join(profile.typical_tools))
        block(t("result.day", lang), profile.typical_day.get(lang))
        console.print(Text(t("result.ask", lang), style="bold"))
        for question in profile.questions_to_ask[:3]:
            item("- ", Text(question.get(lang)))
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _question_text(q: Questionnaire, qid: str, lang: str) -> str:
    question = q.question(qid)
    return question.text.get(lang) if question else qid
