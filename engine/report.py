"""The result for people: the screen after the quiz (and of ``show`` and ``decode``), and the
Markdown and HTML reports.

One walk over a typed document (``sheet``) says what is shown and in which order; the screen
(rich, imported when it is drawn), the Markdown and the HTML only lay it out. Nothing here
prints: every function returns text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.export import (
    ContributionDoc,
    DecodeDocument,
    PostingContributionDoc,
    PostingRoleDoc,
    ResultDocument,
    RoleDoc,
)
from engine.i18n import colon, squash, t
from engine.render import shorten

if TYPE_CHECKING:
    from rich.console import Console

# --------------------------------------------------------------------------- the one walk


@dataclass(frozen=True)
class Reason:
    """One dimension's part of a role's score, and what was behind it: (what was asked or
    found, what the answer or the posting said)."""

    text: str
    cited: list[tuple[str, str]]


@dataclass(frozen=True)
class Card:
    """One role explained."""

    rank: int
    title: str
    score: float
    objective: str
    reasons: list[Reason]
    against: list[Reason]
    gaps_title: str
    gaps: list[str]
    tools: list[str]
    day: str
    asks: list[str]


@dataclass(frozen=True)
class Sheet:
    """Everything a result or decoded posting shows, in the order it is shown: the one walk
    over a document that the screen, the Markdown and the HTML report lay out."""

    lang: str
    title: str
    answered: str | None  # "18 of 28 questions answered"; None for a posting
    stop_reason: str | None
    warnings: list[str]
    enough: bool
    ranking: list[tuple[int, str, float]]  # rank, title, score
    notes: list[tuple[str, str]]  # (style, sentence): close call, robust or fragile
    cards: list[Card]


Document = ResultDocument | DecodeDocument


def sheet(doc: Document, top: int = 3, limit: int | None = None) -> Sheet:
    """Walk a document once; ``limit`` caps how many fragile answers a note names."""
    lang = doc.lang
    posting = isinstance(doc, DecodeDocument)
    about = "decode" if posting else "result"
    cards = []
    for m in doc.ranking[:top]:
        reasons = [Reason(t("result.why_line", lang, dim=c.label, pts=100 * c.score), _cited(c))
                   for c in m.top_contributions]
        against = [Reason(t("result.why_line", lang, dim=c.label, pts=100 * c.score),
                          _cited(c)) for c in m.against_contributions]
        cards.append(Card(m.rank, m.title, m.score, m.objective, reasons, against,
                          t(f"{about}.gaps", lang), _gap_lines(m, lang), m.typical_tools,
                          m.typical_day, m.questions_to_ask))
    if isinstance(doc, DecodeDocument):
        return Sheet(lang, t("decode.header", lang), None, None, [], True,
                     [(m.rank, m.title, m.score) for m in doc.ranking],
                     confidence_notes(doc, limit), cards)
    return Sheet(
        lang, t("result.title", lang),
        t("result.answered", lang, n=doc.answered, total=doc.total_questions),
        doc.mode.stop_reason if doc.mode.quick else None,
        [t(f"result.{code}", lang) for code in doc.warnings], doc.enough_answers,
        [(m.rank, m.title, m.score) for m in doc.ranking], confidence_notes(doc, limit), cards)


def _gap_lines(m: RoleDoc | PostingRoleDoc, lang: str) -> list[str]:
    """A role's gaps: for a person, their answer beside the role's typical one; for a posting,
    the dimensions it barely asks for."""
    if isinstance(m, PostingRoleDoc):
        return [t("decode.gap_line", lang, dim=g.label, you=g.person, role=g.weight,
                  now=100 * g.score_now, then=100 * g.score_if) for g in m.gaps]
    lines = []
    for g in m.gaps:
        key = ("result.gap_skipped_line" if g.answer is None
               else "result.gap_tools_line" if isinstance(g.typical, list)
               else "result.gap_line")
        lines.append(t(key, lang, question=g.label, you=g.answer_label,
                       typical=g.typical_label, now=100 * g.score_now, then=100 * g.score_if))
    return lines


def _cited(c: ContributionDoc | PostingContributionDoc) -> list[tuple[str, str]]:
    """What was behind a contribution: the question and the answer, or the posting's term and
    its words."""
    if isinstance(c, PostingContributionDoc):
        return [(f.label, ", ".join(f"\u201c{w}\u201d" for w in f.matched[:3])) for f in c.terms]
    # the answers pulling the contribution's way (the JSON lists every answer behind it)
    return [(a.question_text, a.answer_label) for a in c.answers if a.score * c.score > 0]


def confidence_notes(doc: Document, limit: int | None = None) -> list[tuple[str, str]]:
    """(style, sentence) for the close-call note and the robust/fragile note; ``limit`` caps
    how many fragile answers (or terms) are named."""
    lang, conf = doc.lang, doc.confidence
    if conf is None:
        return []
    notes = []
    title = {m.role_id: m.title for m in doc.ranking}
    # a posting's notes speak of the posting and the role it reads as, not of answers
    about = "decode" if isinstance(doc, DecodeDocument) else "result"
    if conf.close_call:
        notes.append(("yellow", t(f"{about}.close_call", lang, first=title[conf.first],
                                  second=title[conf.second], margin=100 * conf.margin)))
    if isinstance(doc, DecodeDocument):
        labels = {f.term: f.label for f in doc.found}
        fragile = [labels.get(f.term, f.term) for f in doc.confidence.fragile_terms]  # type: ignore[union-attr]
    else:
        fragile = [f.question_id for f in doc.confidence.fragile_answers]  # type: ignore[union-attr]
    if not fragile:
        notes.append(("dim", t(f"{about}.robust", lang, role=title[conf.first])))
    else:
        named = ", ".join(fragile[:limit])
        if limit is not None and len(fragile) > limit:
            named += ", …"
        key = f"{about}.fragile_one" if len(fragile) == 1 else f"{about}.fragile"
        notes.append(("yellow", t(key, lang, n=len(fragile), questions=named, terms=named,
                                  role=title[conf.first])))
    return notes


# --------------------------------------------------------------------------- the screen


def _tidy(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _console(out: Any, width: int, color: bool) -> Console:
    """A rich console writing to ``out``: plain text without ``color`` (NO_COLOR, pipes)."""
    from rich.console import Console

    return Console(
        file=out, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False,
        legacy_windows=False, soft_wrap=False,
    )


def _draw_head(console: Console, s: Sheet, width: int, color: bool) -> bool:
    """The title, the warnings, the ranking table and the confidence notes; False (and only
    the title and warnings) when there are not enough answers to rank."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = s.lang
    if s.answered is None:
        console.print(Text(s.title, style="bold"))
    else:
        console.print(Text(s.title, style="bold"), end=" ")
        console.print(Text(f"({s.answered})", style="dim"))
    if s.stop_reason:
        console.print(Text(s.stop_reason, style="dim"))
    for warning in s.warnings:
        console.print(Text("! " + warning, style="yellow"))
    if not s.enough:
        return False

    bar_width = max(10, min(30, width - 40))
    full, empty = ("█", "░") if color else ("#", ".")
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False,
                  expand=False)
    table.add_column(t("result.rank", lang), justify="right")
    table.add_column(t("result.role", lang), no_wrap=False)
    table.add_column(t("result.match", lang), justify="right")
    table.add_column("", no_wrap=True)
    for rank, title, score in s.ranking:
        filled = round(max(0.0, score) * bar_width)
        first = rank == 1
        table.add_row(
            str(rank),
            Text(title, style="bold green" if first else ""),
            f"{100 * score:.0f}%",
            Text(full * filled + empty * (bar_width - filled), style="green" if first else "cyan"),
        )
    console.print(table)

    for style, note in s.notes:
        console.print(Text(note, style=style))
    return True


def _rule(console: Console, card: Card, color: bool) -> None:
    from rich.text import Text

    console.rule(Text(f"{card.rank}. {card.title}  {100 * card.score:.0f}%", style="bold"),
                 align="left", characters="─" if color else "-")


def _draw_card(console: Console, card: Card, lang: str, color: bool) -> None:
    """One role's full card: objective, why, against, to grow, tools, a day, what to ask."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    def item(marker: str, body: Text, indent: int = 2) -> None:
        grid = Table.grid(padding=0)
        grid.add_column(width=indent + len(marker), no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(" " * indent + marker, body)
        console.print(grid)

    def block(label: str, body: str) -> None:
        console.print(Text(label, style="bold"))
        console.print(Padding(Text(squash(body)), (0, 0, 0, 2)))

    _rule(console, card, color)
    console.print(Text(card.objective, style="italic"))
    if card.reasons:
        console.print(Text(t("result.why", lang), style="bold"))
        for reason in card.reasons:
            item("+ ", Text(reason.text, style="green"))
            for asked, said in reason.cited[:2]:
                item("", Text(f"{shorten(asked, 44)} → {said}", style="dim"), indent=6)
    if card.against:
        console.print(Text(t("result.against", lang), style="bold"))
        for reason in card.against:
            item("− ", Text(reason.text, style="red"))
            for asked, said in reason.cited[:2]:
                item("", Text(f"{shorten(asked, 44)} → {said}", style="dim"), indent=6)
    if card.gaps:
        console.print(Text(card.gaps_title, style="bold"))
        for gap in card.gaps:
            item("- ", Text(gap))
    block(t("result.tools", lang), ", ".join(card.tools))
    block(t("result.day", lang), card.day)
    console.print(Text(t("result.ask", lang), style="bold"))
    for question in card.asks[:3]:
        item("- ", Text(question))


def result_screen(
    doc: Document, width: int = 80, color: bool = False, top: int = 3,
    preamble: list[str] | None = None,
) -> str:
    """The result screen, drawn from a result document, or the ranking part of a decoded
    posting's screen (``decode_screen``).

    The quiz, ``--answers`` and ``show`` all draw from the document, so a saved result looks
    exactly like the screen it came from. With ``color`` false the text has no escape codes
    (NO_COLOR, pipes). No line is wider than ``width``; wrapping happens between words.
    """
    import io

    from rich.text import Text

    s = sheet(doc, top, limit=4)
    out = io.StringIO()
    console = _console(out, width, color)
    for line in preamble or []:
        console.print(Text(line))
    if not _draw_head(console, s, width, color):
        return _tidy(out.getvalue())
    for card in s.cards:
        console.print()
        _draw_card(console, card, s.lang, color)
    return _tidy(out.getvalue())


def decode_screen(doc: DecodeDocument, width: int = 80, color: bool = False,
                  top: int = 3) -> str:
    """A decoded posting: what was found, then the roles it describes, explained."""
    lang = doc.lang
    if not doc.recognised:
        return t("decode.nothing", lang) + "\n"

    def wrapped(text: str) -> list[str]:
        return textwrap.wrap(text, width=width, subsequent_indent="    ",
                             break_long_words=False, break_on_hyphens=False)

    lines = [t("decode.found", lang)
             + f" ({t('decode.terms', lang, n=len(doc.found))}){colon(lang)}"]
    for kind in ("skill", "tool", "activity"):
        items = [", ".join(f.matched[:3]) for f in doc.found if f.kind == kind]
        if items:
            lines += wrapped(f"{t('decode.kind.' + kind, lang)}{colon(lang)} "
                             + "; ".join(items))
    if doc.preferences:
        lines += wrapped(f"{t('decode.preferences', lang)}{colon(lang)} " + "; ".join(
            f"{p.label} ({', '.join(p.matched[:3])})" for p in doc.preferences))
    if doc.title_mismatch:
        lines += ["", *textwrap.wrap("! " + doc.title_mismatch, width=width,
                                     subsequent_indent="  ", break_long_words=False)]
    lines.append("")
    return result_screen(doc, width=width, color=color, top=top, preamble=lines)


# --------------------------------------------------------------------------- reports


def markdown_report(doc: ResultDocument, top: int = 3) -> str:
    """A report a person can print or send, in the result's language (Markdown)."""
    s = sheet(doc, top)
    lang = s.lang
    out = [f"# {s.title}", "",
           f"{s.answered} · {doc.created_at} · rolematch {doc.rolematch_version}", ""]
    out += [f"> {line}" for line in s.warnings + [note for _, note in s.notes]] + [""]
    if not s.enough:
        return "\n".join(out)
    out += [f"| {t('result.rank', lang)} | {t('result.role', lang)} | "
            f"{t('result.match', lang)} |", "|---:|---|---:|"]
    out += [f"| {rank} | {title} | {100 * score:.0f}% |" for rank, title, score in s.ranking]
    for card in s.cards:
        out += ["", f"## {card.rank}. {card.title} ({100 * card.score:.0f}%)", "",
                f"*{card.objective}*", ""]
        if card.reasons:
            out += [f"**{t('result.why', lang)}**", ""]
            for reason in card.reasons:
                out.append(f"- {reason.text}")
                out += [f"  - {asked} → {said}" for asked, said in reason.cited[:2]]
            out.append("")
        if card.against:
            out += [f"**{t('result.against', lang)}**", ""]
            for reason in card.against:
                out.append(f"- {reason.text}")
                out += [f"  - {asked} → {said}" for asked, said in reason.cited[:2]]
            out.append("")
        if card.gaps:
            out += [f"**{card.gaps_title}**", ""]
            out += [f"- {gap}" for gap in card.gaps]
            out.append("")
        out += [f"**{t('result.tools', lang)}**: {', '.join(card.tools)}", "",
                f"**{t('result.day', lang)}**: {squash(card.day)}", "",
                f"**{t('result.ask', lang)}**", ""]
        out += [f"- {q}" for q in card.asks]
    return "\n".join(out) + "\n"


_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
color:#1d2430}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid
#d0d7de}table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;text-align:left}
td.n,th.n{text-align:right}.bar{background:#e8edf2;height:.7rem;width:12rem}.bar>span{display:
block;height:100%;background:#2f7d5b}.note{background:#fff8e1;padding:.5rem .75rem}.muted{color:
#57606a}@media print{body{margin:0}}
"""


def html_report(doc: ResultDocument, top: int = 3) -> str:
    """A single self-contained HTML page (inline style, no external assets)."""
    from html import escape as e

    s = sheet(doc, top)
    lang = s.lang

    def tt(key: str) -> str:
        return e(t(key, lang))

    rows = "".join(
        f"<tr><td class=n>{rank}</td><td>{e(title)}</td>"
        f"<td class=n>{100 * score:.0f}%</td><td><div class=bar><span style=\"width:"
        f"{max(0.0, 100 * score):.1f}%\"></span></div></td></tr>"
        for rank, title, score in s.ranking)
    notes = "".join(f"<p class=note>{e(line)}</p>"
                    for line in s.warnings + [note for _, note in s.notes])
    body = [f"<h1>{e(s.title)}</h1>",
            f"<p class=muted>{e(s.answered or '')} · {e(doc.created_at)} · "
            f"rolematch {e(doc.rolematch_version)}</p>", notes]
    if s.enough:
        body.append(f"<table><thead><tr><th class=n>{tt('result.rank')}</th>"
                    f"<th>{tt('result.role')}</th><th class=n>{tt('result.match')}</th>"
                    f"<th></th></tr></thead><tbody>{rows}</tbody></table>")
        for card in s.cards:
            body.append(f"<h2>{card.rank}. {e(card.title)} ({100 * card.score:.0f}%)</h2>"
                        f"<p><em>{e(card.objective)}</em></p>")
            for key, reasons in (("result.why", card.reasons), ("result.against", card.against)):
                if reasons:
                    items = "".join(
                        f"<li>{e(reason.text)}<ul>"
                        + "".join(f"<li class=muted>{e(asked)} → {e(said)}</li>"
                                  for asked, said in reason.cited[:2])
                        + "</ul></li>" for reason in reasons)
                    body.append(f"<h3>{tt(key)}</h3><ul>{items}</ul>")
            if card.gaps:
                items = "".join(f"<li>{e(gap)}</li>" for gap in card.gaps)
                body.append(f"<h3>{e(card.gaps_title)}</h3><ul>{items}</ul>")
            asks = "".join(f"<li>{e(q)}</li>" for q in card.asks)
            body.append(f"<h3>{tt('result.tools')}</h3><p>{e(', '.join(card.tools))}</p>"
                        f"<h3>{tt('result.day')}</h3><p>{e(squash(card.day))}</p>"
                        f"<h3>{tt('result.ask')}</h3><ul>{asks}</ul>")
    return (f"<!DOCTYPE html>\n<html lang=\"{e(lang)}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>rolematch: {e(s.title)}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
