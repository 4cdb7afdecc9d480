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
from engine.i18n import colon, squash, t


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
    out.append(_wrap(profile.objective.get(lang), width,
                     first=f"{t('roles.objective', lang)}{colon(lang)} ", indent="  "))
    out.append(_wrap(", ".join(profile.other_titles), width,
                     first=f"{t('roles.also_called', lang)}{colon(lang)} ", indent="  "))
    out.append(f"\n{t('roles.skills', lang)}{colon(lang)}\n")
    out.append(_bullets([s.get(lang) for s in profile.key_skills], width))
    out.append(f"\n{t('result.tools', lang)}{colon(lang)}\n")
    out.append(_wrap(", ".join(profile.typical_tools), width, indent="  "))
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
    labels = [f"{ps.dimension(d).label.get(lang)} {w:.2f}" for d, w in heaviest(profile)]
    out.append(_wrap(", ".join(labels), width, indent="  "))
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


def _tidy(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def result_screen(
    doc: dict[str, Any], width: int = 80, color: bool = False, top: int = 3,
    preamble: list[str] | None = None,
) -> str:
    """The result screen, drawn from a result document (``export.result_document``), or the
    ranking part of a decoded posting's screen (``decode_screen``).

    The quiz, ``--answers`` and ``show`` all draw from the document, so a saved result looks
    exactly like the screen it came from. With ``color`` false the text has no escape codes
    (NO_COLOR, pipes). No line is wider than ``width``; wrapping happens between words.
    """
    import io

    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    lang, about = doc["lang"], _about(doc)
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False,
        legacy_windows=False, soft_wrap=False,
    )
    for line in preamble or []:
        console.print(Text(line))
    if about == "decode":
        console.print(Text(t("decode.header", lang), style="bold"))
    else:
        console.print(Text(t("result.title", lang), style="bold"), end=" ")
        answered = t("result.answered", lang, n=doc["answered"], total=doc["total_questions"])
        console.print(Text(f"({answered})", style="dim"))
    mode = doc.get("mode") or {}
    if mode.get("quick") and mode.get("stop_reason"):
        console.print(Text(mode["stop_reason"], style="dim"))
    for code in doc["warnings"]:
        console.print(Text("! " + t(f"result.{code}", lang), style="yellow"))
    if not doc["enough_answers"]:
        return _tidy(out.getvalue())

    bar_width = max(10, min(30, width - 40))
    full, empty = ("█", "░") if color else ("#", ".")
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False,
                  expand=False)
    table.add_column(t("result.rank", lang), justify="right")
    table.add_column(t("result.role", lang), no_wrap=False)
    table.add_column(t("result.match", lang), justify="right")
    table.add_column("", no_wrap=True)
    for m in doc["ranking"]:
        filled = round(max(0.0, m["score"]) * bar_width)
        first = m["rank"] == 1
        table.add_row(
            str(m["rank"]),
            Text(m["title"], style="bold green" if first else ""),
            f"{100 * m['score']:.0f}%",
            Text(full * filled + empty * (bar_width - filled), style="green" if first else "cyan"),
        )
    console.print(table)

    for style, note in confidence_notes(doc, limit=4):
        console.print(Text(note, style=style))

    def item(marker: str, body: Text, indent: int = 2) -> None:
        grid = Table.grid(padding=0)
        grid.add_column(width=indent + len(marker), no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(" " * indent + marker, body)
        console.print(grid)

    def block(label: str, body: str) -> None:
        console.print(Text(label, style="bold"))
        console.print(Padding(Text(squash(body)), (0, 0, 0, 2)))

    for m in doc["ranking"][:top]:
        console.print()
        console.rule(Text(f"{m['rank']}. {m['title']}  {100 * m['score']:.0f}%", style="bold"),
                     align="left", characters="─" if color else "-")
        console.print(Text(m["objective"], style="italic"))
        if m["top_contributions"]:
            console.print(Text(t("result.why", lang), style="bold"))
            for c in m["top_contributions"]:
                item("+ ", Text(t("result.why_line", lang, dim=c["label"], pts=100 * c["score"]),
                                style="green"))
                for a in c["answers"][:2]:
                    item("", Text(f"{shorten(a['question_text'], 44)} → {a['answer_label']}",
                                  style="dim"), indent=6)
        if m["gaps"]:
            console.print(Text(t(f"{about}.gaps", lang), style="bold"))
            for g in m["gaps"]:
                item("- ", Text(t(f"{about}.gap_line", lang, dim=g["label"], you=g["person"],
                                  role=g["weight"], now=100 * g["score_now"],
                                  then=100 * g["score_if"])))
        block(t("result.tools", lang), ", ".join(m["typical_tools"]))
        block(t("result.day", lang), m["typical_day"])
        console.print(Text(t("result.ask", lang), style="bold"))
        for question in m["questions_to_ask"][:3]:
            item("- ", Text(question))
    return _tidy(out.getvalue())


# --------------------------------------------------------------------------- reports


def _report_strings(doc: dict[str, Any]) -> dict[str, str]:
    lang = doc["lang"]
    keys = ("title", "rank", "role", "match", "why", "gaps", "tools", "day", "ask")
    return {k: t(f"result.{k}", lang) for k in keys}


def _about(doc: dict[str, Any]) -> str:
    """Which sentences fit a document: "decode" for a decoded posting (its terms, the
    posting), "result" for a quiz result (your answers, you)."""
    return "decode" if "found" in doc else "result"


def confidence_notes(doc: dict[str, Any], limit: int | None = None) -> list[tuple[str, str]]:
    """(style, sentence) for the close-call note and the robust/fragile note; ``limit`` caps
    how many fragile answers are named."""
    lang, conf = doc["lang"], doc["confidence"]
    if conf is None:
        return []
    notes = []
    title = {m["role_id"]: m["title"] for m in doc["ranking"]}
    if conf["close_call"]:
        notes.append(("yellow", t("result.close_call", lang, first=title[conf["first"]],
                                  second=title[conf["second"]], margin=100 * conf["margin"])))
    fragile = conf["fragile_answers"]
    about = _about(doc)
    if not fragile:
        notes.append(("dim", t(f"{about}.robust", lang)))
    else:
        labels = {f["term"]: f["label"] for f in doc.get("found", [])}  # a posting's terms
        named = ", ".join(labels.get(f["question_id"], f["question_id"]) for f in fragile[:limit])
        if limit is not None and len(fragile) > limit:
            named += ", …"
        key = f"{about}.fragile_one" if len(fragile) == 1 else f"{about}.fragile"
        notes.append(("yellow", t(key, lang, n=len(fragile), questions=named)))
    return notes


def _confidence_lines(doc: dict[str, Any]) -> list[str]:
    """Warnings and confidence notes, for the reports."""
    lines = [t(f"result.{code}", doc["lang"]) for code in doc["warnings"]]
    return lines + [note for _, note in confidence_notes(doc)]


def markdown_report(doc: dict[str, Any], top: int = 3) -> str:
    """A report a person can print or send, in the result's language (Markdown)."""
    lang, s = doc["lang"], _report_strings(doc)
    out = [f"# {s['title']}", "",
           f"{t('result.answered', lang, n=doc['answered'], total=doc['total_questions'])} · "
           f"{doc['created_at']} · rolematch {doc['rolematch_version']}", ""]
    out += [f"> {line}" for line in _confidence_lines(doc)] + [""]
    if not doc["enough_answers"]:
        return "\n".join(out)
    out += [f"| {s['rank']} | {s['role']} | {s['match']} |", "|---:|---|---:|"]
    out += [f"| {m['rank']} | {m['title']} | {100 * m['score']:.0f}% |" for m in doc["ranking"]]
    for m in doc["ranking"][:top]:
        out += ["", f"## {m['rank']}. {m['title']} ({100 * m['score']:.0f}%)", "",
                f"*{m['objective']}*", ""]
        if m["top_contributions"]:
            out += [f"**{s['why']}**", ""]
            for c in m["top_contributions"]:
                out.append(f"- {t('result.why_line', lang, dim=c['label'], pts=100 * c['score'])}")
                out += [f"  - {a['question_text']} → {a['answer_label']}"
                        for a in c["answers"][:2]]
            out.append("")
        if m["gaps"]:
            out += [f"**{s['gaps']}**", ""]
            out += ["- " + t("result.gap_line", lang, dim=g["label"], you=g["person"],
                             role=g["weight"], now=100 * g["score_now"],
                             then=100 * g["score_if"]) for g in m["gaps"]]
            out.append("")
        out += [f"**{s['tools']}**: {', '.join(m['typical_tools'])}", "",
                f"**{s['day']}**: {squash(m['typical_day'])}", "", f"**{s['ask']}**", ""]
        out += [f"- {q}" for q in m["questions_to_ask"]]
    return "\n".join(out) + "\n"


_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
color:#1d2430}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid
#d0d7de}table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;text-align:left}
td.n,th.n{text-align:right}.bar{background:#e8edf2;height:.7rem;width:12rem}.bar>span{display:
block;height:100%;background:#2f7d5b}.note{background:#fff8e1;padding:.5rem .75rem}.muted{color:
#57606a}@media print{body{margin:0}}
"""


def html_report(doc: dict[str, Any], top: int = 3) -> str:
    """A single self-contained HTML page (inline style, no external assets)."""
    from html import escape as e

    lang, s = doc["lang"], _report_strings(doc)
    rows = "".join(
        f"<tr><td class=n>{m['rank']}</td><td>{e(m['title'])}</td>"
        f"<td class=n>{100 * m['score']:.0f}%</td><td><div class=bar><span style=\"width:"
        f"{max(0.0, 100 * m['score']):.1f}%\"></span></div></td></tr>"
        for m in doc["ranking"])
    notes = "".join(f"<p class=note>{e(line)}</p>" for line in _confidence_lines(doc))
    answered = t("result.answered", lang, n=doc["answered"], total=doc["total_questions"])
    body = [f"<h1>{e(s['title'])}</h1>",
            f"<p class=muted>{e(answered)} · {e(doc['created_at'])} · "
            f"rolematch {e(doc['rolematch_version'])}</p>", notes]
    if doc["enough_answers"]:
        body.append(f"<table><thead><tr><th class=n>{e(s['rank'])}</th><th>{e(s['role'])}</th>"
                    f"<th class=n>{e(s['match'])}</th><th></th></tr></thead>"
                    f"<tbody>{rows}</tbody></table>")
        for m in doc["ranking"][:top]:
            body.append(f"<h2>{m['rank']}. {e(m['title'])} ({100 * m['score']:.0f}%)</h2>"
                        f"<p><em>{e(m['objective'])}</em></p>")
            if m["top_contributions"]:
                items = "".join(
                    f"<li>{e(t('result.why_line', lang, dim=c['label'], pts=100 * c['score']))}"
                    "<ul>" + "".join(f"<li class=muted>{e(a['question_text'])} → "
                                     f"{e(a['answer_label'])}</li>" for a in c["answers"][:2])
                    + "</ul></li>" for c in m["top_contributions"])
                body.append(f"<h3>{e(s['why'])}</h3><ul>{items}</ul>")
            if m["gaps"]:
                items = "".join("<li>" + e(t("result.gap_line", lang, dim=g["label"],
                                             you=g["person"], role=g["weight"],
                                             now=100 * g["score_now"],
                                             then=100 * g["score_if"])) + "</li>"
                                for g in m["gaps"])
                body.append(f"<h3>{e(s['gaps'])}</h3><ul>{items}</ul>")
            asks = "".join(f"<li>{e(q)}</li>" for q in m["questions_to_ask"])
            body.append(f"<h3>{e(s['tools'])}</h3><p>{e(', '.join(m['typical_tools']))}</p>"
                        f"<h3>{e(s['day'])}</h3><p>{e(squash(m['typical_day']))}</p>"
                        f"<h3>{e(s['ask'])}</h3><ul>{asks}</ul>")
    return (f"<!DOCTYPE html>\n<html lang=\"{e(lang)}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>rolematch: {e(s['title'])}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")


def decode_screen(doc: dict[str, Any], width: int = 80, color: bool = False, top: int = 3) -> str:
    """A decoded posting: what was found, then the roles it describes, explained."""
    lang = doc["lang"]
    if not doc["recognised"]:
        return t("decode.nothing", lang) + "\n"

    def wrapped(text: str) -> list[str]:
        return textwrap.wrap(text, width=width, subsequent_indent="    ",
                             break_long_words=False, break_on_hyphens=False)

    lines = [t("decode.found", lang)
             + f" ({t('decode.terms', lang, n=len(doc['found']))}){colon(lang)}"]
    for kind in ("skill", "tool", "activity"):
        items = [", ".join(f["matched"][:3]) for f in doc["found"] if f["kind"] == kind]
        if items:
            lines += wrapped(f"{t('decode.kind.' + kind, lang)}{colon(lang)} "
                             + "; ".join(items))
    if doc.get("preferences"):
        lines += wrapped(f"{t('decode.preferences', lang)}{colon(lang)} " + "; ".join(
            f"{p['label']} ({', '.join(p['matched'][:3])})" for p in doc["preferences"]))
    if doc["title_mismatch"]:
        lines += ["", *textwrap.wrap("! " + doc["title_mismatch"], width=width,
                                     subsequent_indent="  ", break_long_words=False)]
    lines.append("")
    screen = {**doc, "warnings": [], "enough_answers": True, "mode": {}}
    return result_screen(screen, width=width, color=color, top=top, preamble=lines)
