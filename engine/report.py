"""The result for people: the screen after the quiz (and of ``show`` and ``decode``), and the
Markdown and HTML reports.

One walk over a typed document (``sheet``) says what is shown and in which order; the screen
(rich, imported when it is drawn), the Markdown and the HTML only lay it out. Nothing here
prints: every function returns text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from pydantic import Field

from engine.content import ProfileSet
from engine.export import (
    AnswerGapDoc,
    ContributionDoc,
    DecodeDocument,
    PostingContributionDoc,
    PostingRoleDoc,
    ResultDocument,
    RoleDoc,
    not_asked,
)
from engine.i18n import colon, percent, semicolon, squash, t, wrap
from engine.render import shorten

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# --------------------------------------------------------------------------- the one walk


@dataclass(frozen=True)
class Reason:
    """One dimension's part of a role's score, and what was behind it: (what was asked or
    found, what the answer or the posting said)."""

    text: str
    cited: list[tuple[str, str]]
    label: str = ""  # the dimension's label, and its points: the text again, label shortened
    points: float = 0.0


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


def sheet(doc: Document, top: int = 3, limit: int | None = None,
          stop_said: bool = False) -> Sheet:
    """Walk a document once; ``limit`` caps how many fragile answers a note names.
    ``stop_said``: the quiz has just said why quick mode stopped, above the choice to see the
    result: the screen under it does not say it again."""
    lang = doc.lang
    posting = isinstance(doc, DecodeDocument)
    about = "decode" if posting else "result"
    cards = []
    for m in doc.ranking[:top]:
        reasons = [Reason(t("result.why_line", lang, dim=c.label, pts=100 * c.score),
                          _cited(c, lang), c.label, 100 * c.score)
                   for c in m.top_contributions]
        against = [Reason(t("result.why_line", lang, dim=c.label, pts=100 * c.score),
                          _cited(c, lang), c.label, 100 * c.score)
                   for c in m.against_contributions]
        cards.append(Card(m.rank, m.title, m.score, m.objective, reasons, against,
                          t(f"{about}.gaps", lang), _gap_lines(m, lang, _asked(doc)),
                          m.typical_tools,
                          m.typical_day, m.questions_to_ask))
    if isinstance(doc, DecodeDocument):
        return Sheet(lang, t("decode.header", lang), None, None, [], True,
                     [(m.rank, m.title, m.score) for m in doc.ranking],
                     confidence_notes(doc, limit), cards)
    return Sheet(
        lang, t("result.title", lang),
        t("result.answered", lang, n=doc.answered, total=doc.total_questions),
        doc.mode.stop_reason if doc.mode.quick and not stop_said else None,
        [t(f"result.{code}", lang) for code in doc.warnings], doc.enough_answers,
        [(m.rank, m.title, m.score) for m in doc.ranking], confidence_notes(doc, limit), cards)


def _asked(doc: Document) -> frozenset[str] | None:
    """The questions quick mode asked (None when every question was asked): a gap on one it
    did not ask is no skip."""
    asked = doc.mode.asked_ids() if isinstance(doc, ResultDocument) else None
    return None if asked is None else frozenset(asked)


def _gap_lines(m: RoleDoc | PostingRoleDoc, lang: str,
               asked: frozenset[str] | None = None) -> list[str]:
    """A role's gaps: for a person, their answer beside the role's typical one; for a posting,
    the dimensions it barely asks for."""
    if isinstance(m, PostingRoleDoc):
        return [t("decode.gap_line", lang, dim=g.label, you=g.person, role=g.weight,
                  now=100 * g.score_now, then=100 * g.score_if) for g in m.gaps]
    return [_gap_sentence(g, lang, asked=asked) for g in m.gaps]


def _gap_sentence(g: AnswerGapDoc, lang: str, typical: str | None = None,
                  asked: frozenset[str] | None = None) -> str:
    """One gap in the person's words; ``typical`` replaces the typical answer's label (the
    summary shortens a long list of tools); a question quick mode did not ask is said so."""
    key = ("result.gap_unasked_line" if not_asked(g.question_id, g.answer, asked)
           else "result.gap_skipped_line" if g.answer is None
           else "result.gap_tools_line" if isinstance(g.typical, list)
           else "result.gap_line")
    return t(key, lang, question=g.label, you=g.answer_label,
             typical=g.typical_label if typical is None else typical,
             now=100 * g.score_now, then=100 * g.score_if)


CITED_WORDS = 3  # a card quotes a term's first words; the found list above shows them all


def _cited(c: ContributionDoc | PostingContributionDoc, lang: str) -> list[tuple[str, str]]:
    """What was behind a contribution: the question and the answer, or the posting's term and
    its words (the first few, then how many more, so none looks missed)."""
    if isinstance(c, PostingContributionDoc):
        return [(f.label, _quoted(f.matched, lang)) for f in c.terms]
    # the answers pulling the contribution's way (the JSON lists every answer behind it)
    return [(a.question_text, a.answer_label) for a in c.answers if a.score * c.score > 0]


def _quoted(words: list[str], lang: str) -> str:
    """“containers”, “Docker”, “Kubernetes” +2 more."""
    said = ", ".join(f"\u201c{w}\u201d" for w in words[:CITED_WORDS])
    if len(words) > CITED_WORDS:
        said += " " + t("decode.more", lang, n=len(words) - CITED_WORDS)
    return said


def found_lines(doc: DecodeDocument, width: int) -> list[str]:
    """What the posting asks for, by kind: each term by its label (as the cards and the
    fragile note name it) with every word of the posting that matched it, wrapped to
    ``width``; then what it says about the work itself."""
    lang = doc.lang
    sep = semicolon(lang)

    def wrapped(text: str) -> list[str]:
        return wrap(text, width, rest="    ")

    def named(label: str, words: list[str]) -> str:
        if [w.casefold() for w in words] == [label.casefold()]:
            return label  # "Python (Python)" says it twice
        return f"{label} ({', '.join(words)})"

    lines = [t("decode.found", lang)
             + f" ({t('decode.terms', lang, n=len(doc.found))}){colon(lang)}"]
    for kind in ("skill", "tool", "activity"):
        items = [named(f.label, f.matched) for f in doc.found if f.kind == kind]
        if items:
            lines += wrapped(f"{t('decode.kind.' + kind, lang)}{colon(lang)} " + sep.join(items))
    if doc.preferences:
        lines += wrapped(f"{t('decode.preferences', lang)}{colon(lang)} " + sep.join(
            named(p.label, p.matched) for p in doc.preferences))
    return lines


def below_zero_note(doc: Document) -> tuple[str, str] | None:
    """(style, sentence) naming the roles shown below 0%, true to the cosine and said in
    words ("-22%" alone reads as a glitch); None when there are none."""
    below = [m.title for m in doc.ranking if round(100 * m.score) < 0]
    if not below:
        return None
    about = "decode" if isinstance(doc, DecodeDocument) else "result"
    return "dim", t(f"{about}.below_zero", doc.lang, roles=", ".join(below))


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
        fragile = [f.label or f.question_id
                   for f in doc.confidence.fragile_answers]  # type: ignore[union-attr]
    below = below_zero_note(doc)
    if below is not None:
        notes.append(below)
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


# rich breaks a line at any space, a non-breaking one too, so a French line could start with
# ":" or "?": while rich lays a screen out, a non-breaking space is held as a private-use
# character of the same width, and ``_tidy`` puts it back
_NBSP, _HELD = "\u00a0", "\ue000"


def _held(text: str) -> str:
    return text.replace(_NBSP, _HELD)


def _text(text: str, style: str = "") -> Text:
    """rich's Text of ``text``, its non-breaking spaces held (see ``_HELD``)."""
    from rich.text import Text

    return Text(_held(text), style=style)


def _tidy(text: str) -> str:
    return "".join(line.rstrip() + "\n" for line in text.replace(_HELD, _NBSP).splitlines())


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

    lang = s.lang
    if s.answered is None:
        console.print(_text(s.title, style="bold"))
    else:
        console.print(_text(s.title, style="bold"), end=" ")
        console.print(_text(f"({s.answered})", style="dim"))
    if s.stop_reason:
        console.print(_text(s.stop_reason, style="dim"))
    for warning in s.warnings:
        console.print(_text("! " + warning, style="yellow"))
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
            _text(title, style="bold green" if first else ""),
            _text(percent(100 * score, lang)),
            _text(full * filled + empty * (bar_width - filled), style="green" if first else "cyan"),
        )
    console.print(table)

    for style, note in s.notes:
        console.print(_text(note, style=style))
    return True


def _rule(console: Console, card: Card, lang: str, color: bool) -> None:

    console.rule(_text(f"{card.rank}. {card.title}  {percent(100 * card.score, lang)}",
                       style="bold"),
                 align="left", characters="─" if color else "-")


def _draw_card(console: Console, card: Card, lang: str, color: bool) -> None:
    """One role's full card: objective, why, against, to grow, tools, a day, what to ask."""
    from rich.padding import Padding
    from rich.table import Table

    def item(marker: str, body: Text, indent: int = 2) -> None:
        grid = Table.grid(padding=0)
        grid.add_column(width=indent + len(marker), no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(" " * indent + marker, body)
        console.print(grid)

    def block(label: str, body: str) -> None:
        console.print(_text(label, style="bold"))
        console.print(Padding(_text(squash(body)), (0, 0, 0, 2)))

    _rule(console, card, lang, color)
    console.print(_text(card.objective, style="italic"))
    for key, marker, style, reasons in (("result.why", "+ ", "green", card.reasons),
                                        ("result.against", "− ", "red", card.against)):
        if reasons:
            console.print(_text(t(key, lang), style="bold"))
        for reason in reasons:
            item(marker, _text(reason.text, style=style))
            for asked, said in reason.cited[:2]:
                item("", _text(f"{shorten(asked, 44)} → {said}", style="dim"), indent=6)
    if card.gaps:
        console.print(_text(card.gaps_title, style="bold"))
        for gap in card.gaps:
            item("- ", _text(gap))
    block(t("result.tools", lang), ", ".join(card.tools))
    block(t("result.day", lang), card.day)
    console.print(_text(t("result.ask", lang), style="bold"))
    for question in card.asks:  # all of them, as the reports and `roles ID` list them
        item("- ", _text(question))


def result_screen(
    doc: Document, width: int = 80, color: bool = False, top: int = 3,
    preamble: list[str] | None = None, stop_said: bool = False,
) -> str:
    """The result screen, drawn from a result document, or the ranking part of a decoded
    posting's screen (``decode_screen``).

    The quiz, ``--answers`` and ``show`` all draw from the document, so a saved result looks
    exactly like the screen it came from. With ``color`` false the text has no escape codes
    (NO_COLOR, pipes). No line is wider than ``width``; wrapping happens between words.
    """
    import io


    s = sheet(doc, top, limit=4, stop_said=stop_said)
    out = io.StringIO()
    console = _console(out, width, color)
    for line in preamble or []:
        console.print(_text(line))
    if not _draw_head(console, s, width, color):
        return _tidy(out.getvalue())
    for card in s.cards:
        console.print()
        _draw_card(console, card, s.lang, color)
    return _tidy(out.getvalue())


# --------------------------------------------------------------------------- one screen


SUMMARY_REASONS = 3
SUMMARY_AGAINST = 2


def summary_screen(doc: ResultDocument, width: int = 80, height: int = 18,
                   color: bool = False, stop_said: bool = False) -> str:
    """The result in at most ``height`` lines (when the ranking itself fits): the title, all
    the roles with their bars, the confidence notes, then the top match's main reasons for
    and against, each with the answers behind it, and its most useful gap.

    What does not fit is left out, least useful first (a third reason, a second reason
    against, a second reason); the gap, with the person's answer in it, comes right after the
    first reason. The full card is one menu choice away. No line is wider than ``width``.
    """
    import io


    s = sheet(doc, top=1, limit=2, stop_said=stop_said)
    # the sentence under roles below 0% is left out when it would push out the first reason,
    # the gap or the first reason against (it is on the full card, one menu choice away)
    below = below_zero_note(doc)
    if below in s.notes:
        probe = io.StringIO()
        _draw_head(_console(probe, width, color), s, width, color)
        card = s.cards[0] if s.cards else None
        least = 0 if card is None else (min(len(card.reasons), 1) + min(len(card.against), 1)
                                        + (2 if doc.ranking[0].gaps else 0))
        if height - len(probe.getvalue().splitlines()) - 1 < least:
            s = replace(s, notes=[n for n in s.notes if n != below])
    out = io.StringIO()
    console = _console(out, width, color)
    if not _draw_head(console, s, width, color) or not s.cards:
        return _tidy(out.getvalue())
    card, lang = s.cards[0], s.lang
    room = height - len(out.getvalue().splitlines()) - 1  # the card's rule
    gap = doc.ranking[0].gaps[0] if doc.ranking[0].gaps else None
    # what to show, most useful first: (kind, index); a gap's second line is "gap", 1, and
    # comes before the other reasons: it says what the person answered (French sentences are
    # longer, and the gap lost it first, where the English kept it)
    wanted = [("for", 0), ("gap", 0), ("gap", 1), ("against", 0), ("for", 1), ("against", 1),
              ("for", 2)]
    have = {"for": min(len(card.reasons), SUMMARY_REASONS),
            "against": min(len(card.against), SUMMARY_AGAINST),
            "gap": len(_summary_gap(gap, lang, width, 2, _asked(doc))) if gap else 0}
    chosen = [(kind, i) for kind, i in wanted if i < have[kind]][:max(room, 1)]
    n_for = sum(kind == "for" for kind, _ in chosen)
    n_against = sum(kind == "against" for kind, _ in chosen)
    gap_lines = sum(kind == "gap" for kind, _ in chosen)

    _rule(console, card, lang, color)
    for marker, style, reasons in (("+ ", "green", card.reasons[:n_for]),
                                   ("− ", "red", card.against[:n_against])):
        for reason in reasons:
            console.print(_reason_line(marker, reason, style, width, lang))
    if gap is not None and gap_lines:
        for line in _summary_gap(gap, lang, width, gap_lines, _asked(doc)):
            console.print(_text(line))
    return _tidy(out.getvalue())


ANSWER_ROOM = 24
"""At least this much of the line for the answer behind a reason on the one-screen summary:
a long label is shortened for it (French "Déploiement et mise à disposition des modèles :
+14,3 pts" left no room, and the answer, which the summary promises, was dropped)."""


def _reason_line(marker: str, reason: Reason, style: str, width: int, lang: str) -> Text:
    """``  + Data pipelines and ETL: +13.4 pts ← Build pipelines``: one line, the answers
    behind the reason in the person's words, shortened to the width; a label too long to
    leave the answer room is shortened first."""
    from rich.text import Text

    said = semicolon(lang).join(answer for _, answer in reason.cited[:2])
    text = reason.text
    short = len("  " + marker + text) + 3 + ANSWER_ROOM - width
    if said and short > 0 and reason.label and len(reason.label) - short >= 12:
        text = t("result.why_line", lang, dim=shorten(reason.label, len(reason.label) - short),
                 pts=reason.points)
    head = "  " + marker + text
    line = Text.assemble(("  " + marker, ""), (_held(shorten(text, width - 4)), style))
    room = width - len(head) - 3
    if said and room >= 8:
        line.append(_held(" ← " + shorten(said, room)), style="dim")
    return line


def _summary_gap(gap: AnswerGapDoc, lang: str, width: int, lines: int,
                 asked: frozenset[str] | None = None) -> list[str]:
    """The most useful gap in at most ``lines`` lines, a long list of tools shortened so
    the what-if at its end stays in view."""
    head = f"{t('result.gaps', lang)}{colon(lang)} "

    def wrapped(text: str) -> list[str]:
        return wrap(head + text, width, "  ", "    ")

    typical = gap.typical_label
    while True:
        out = wrapped(_gap_sentence(gap, lang, typical, asked))
        if len(out) <= lines:
            return out
        if len(typical) <= 12:
            break
        typical = shorten(typical, len(typical) - 8)
    # no room for the answers: the question and its what-if alone
    question = gap.label
    while True:
        out = wrapped(t("result.summary_gap", lang, question=question,
                        now=100 * gap.score_now, then=100 * gap.score_if))
        if len(out) <= lines or len(question) <= 12:
            return out[:lines]
        question = shorten(question, len(question) - 8)


def card_screen(doc: ResultDocument, role_id: str, width: int = 80,
                color: bool = False) -> str:
    """One role's full card, as the result screen draws it (reasons and gaps when the
    document explains that role)."""
    import io

    s = sheet(doc, top=len(doc.ranking), limit=4)
    rank = doc.match(role_id).rank
    out = io.StringIO()
    console = _console(out, width, color)
    _draw_card(console, next(c for c in s.cards if c.rank == rank), s.lang, color)
    return _tidy(out.getvalue())


class ExplainedResult(ResultDocument):
    """A result with every role explained and, for every dimension the person has a value on,
    the answers behind it (``behind``: what was asked, what they answered; those pulling the
    value's way, the largest share first, as a role's explanation cites them). A role's
    explanation names the answers of its strongest dimensions only; the comparison shows any
    dimension. Built by the result menu from the saved answers scored again; never saved."""

    behind: dict[str, list[tuple[str, str]]] = Field(default_factory=dict)


@dataclass(frozen=True)
class Difference:
    """One dimension's part in two roles' matches, and the answers behind it (empty only when
    the document does not say them: ``ExplainedResult``)."""

    dimension: str
    label: str
    first: float
    second: float
    said: list[tuple[str, str]]  # (what was asked, what the person answered)


def differences(doc: ResultDocument, first: str, second: str,
                labels: dict[str, str] | None = None,
                limit: int = 6) -> tuple[list[Difference], tuple[float, float]]:
    """The dimensions that separate two roles' matches, largest difference first, and what
    the other dimensions add to each (so each column adds up to the role's score).

    Each is named by its label and the person's answers behind it: every dimension's, for an
    ``ExplainedResult``; else as the document's explanations cite them, which is for the
    strongest dimensions of the roles it explains only (``labels`` names a dimension no
    explanation mentions).
    """
    a, b = doc.match(first), doc.match(second)
    named: dict[str, str] = dict(labels or {})
    said: dict[str, list[tuple[str, str]]] = {
        d: answers[:2] for d, answers in
        (doc.behind if isinstance(doc, ExplainedResult) else {}).items() if answers}
    for role in doc.ranking:
        for c in [*role.top_contributions, *role.against_contributions]:
            named.setdefault(c.dimension, c.label)
            if c.answers and c.dimension not in said:
                # the answers pulling this dimension's way, as the cards cite them
                said[c.dimension] = [(x.question_text, x.answer_label) for x in c.answers
                                     if x.score * c.score > 0][:2]
    dims = [d for d in a.contributions
            if abs(a.contributions[d] - b.contributions.get(d, 0.0)) >= 0.0005]
    dims.sort(key=lambda d: (-round(abs(a.contributions[d] - b.contributions.get(d, 0.0)), 12),
                             d))
    shown = [Difference(d, named.get(d, d), a.contributions[d], b.contributions.get(d, 0.0),
                        said.get(d, [])) for d in dims[:limit]]
    rest = (a.score - sum(x.first for x in shown), b.score - sum(x.second for x in shown))
    return shown, rest


def contrast(profiles: ProfileSet | None, first: str, second: str, lang: str) -> str | None:
    """How the two roles differ, in the profiles' own words (``differs_from``, either way
    round), or None when neither profile says."""
    if profiles is None:
        return None
    for a, b in ((first, second), (second, first)):
        profile = profiles.profile(a)
        for c in profile.differs_from if profile is not None else []:
            if c.role == b:
                return c.text.get(lang)
    return None


def compare_screen(doc: ResultDocument, first: str, second: str, width: int = 80,
                   color: bool = False, labels: dict[str, str] | None = None,
                   differs: str | None = None) -> str:
    """Two roles side by side: what each dimension adds to each match, the dimensions that
    separate them first, each with the answers behind it; the columns add up to the
    matches. ``differs``: how the roles differ, in the profiles' words (``contrast``)."""
    import io

    from rich.text import Text

    lang = doc.lang
    a, b = doc.match(first), doc.match(second)
    shown, rest = differences(doc, first, second, labels)
    out = io.StringIO()
    console = _console(out, width, color)
    # the gap between the two numbers as shown (60.4 and 37.8 are 22.6 apart, though the
    # scores themselves may be 22.5 apart)
    shown_a, shown_b = (float(f"{100 * m.score:.1f}") + 0.0 for m in (a, b))  # never -0.0
    for line in wrap(t("compare.header", lang, first=a.title, a=shown_a, second=b.title,
                       b=shown_b, gap=abs(shown_a - shown_b)), width):
        console.print(_text(line, style="bold"))
    if differs:
        for line in wrap(differs, width):
            console.print(_text(line, style="italic"))
    for line in wrap(t("compare.intro", lang), width):
        console.print(_text(line, style="dim"))
    # two right-aligned columns, the role titles wrapped above them
    column = max(10, min(16, (width - 20) // 2))
    name = width - 2 * (column + 2)
    heads = [wrap(title, column) or [""] for title in (a.title, b.title)]
    depth = max(map(len, heads))
    heads = [[""] * (depth - len(h)) + h for h in heads]

    def row(label: str, left: str, right: str, styles: tuple[str, str, str]) -> Text:
        return Text.assemble((_held(shorten(label, name).ljust(name)), styles[0]),
                             ("  " + shorten(left, column).rjust(column), styles[1]),
                             ("  " + shorten(right, column).rjust(column), styles[2]))

    def pts(value: float) -> str:
        return t("compare.pts", lang, pts=round(100 * value, 1) + 0.0)  # never "-0.0"

    console.print()
    for i in range(depth):
        console.print(row(t("compare.dimension", lang) if i == depth - 1 else "",
                          heads[0][i], heads[1][i], ("bold",) * 3))
    for d in shown:
        ahead = d.first > d.second
        console.print(row(d.label, pts(d.first), pts(d.second),
                          ("", "green" if ahead else "", "" if ahead else "green")))
        for asked, answer in d.said:
            asked = shorten(asked, max(12, width - 11 - len(answer)))
            console.print(_text("    " + shorten(f"{asked} → {answer}", width - 4), style="dim"))
        if not d.said:  # a saved result that could not be scored again: say why
            for line in wrap(t("compare.not_said", lang), width, "    ", "    "):
                console.print(_text(line, style="dim"))
    console.print(row(t("compare.rest", lang), pts(rest[0]), pts(rest[1]), ("dim",) * 3))
    console.print(row(t("result.match", lang), percent(100 * a.score, lang),
                      percent(100 * b.score, lang), ("bold",) * 3))
    return _tidy(out.getvalue())


def decode_screen(doc: DecodeDocument, width: int = 80, color: bool = False,
                  top: int = 3) -> str:
    """A decoded posting: what was found, then the roles it describes, explained."""
    lang = doc.lang
    if not doc.recognised:
        return t("decode.nothing", lang) + "\n"

    lines = found_lines(doc, width)
    if doc.title_mismatch:
        lines += ["", *wrap("! " + doc.title_mismatch, width, rest="  ")]
    lines.append("")
    return result_screen(doc, width=width, color=color, top=top, preamble=lines)


# --------------------------------------------------------------------------- reports


def saved_on(created_at: str) -> str:
    """When a result was made, for a reader: "2026-12-01 20:02 UTC" (the document keeps ISO
    8601, "2026-12-01T20:02:30Z", for programs)."""
    import re

    found = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z", created_at)
    return f"{found[1]} {found[2]} UTC" if found else created_at


def markdown_report(doc: ResultDocument, top: int = 3) -> str:
    """A report a person can print or send, in the result's language (Markdown)."""
    s = sheet(doc, top)
    lang = s.lang
    out = [f"# {s.title}", "",
           f"{s.answered} · {saved_on(doc.created_at)} · rolematch {doc.rolematch_version}", ""]
    said = ([s.stop_reason] if s.stop_reason else []) + s.warnings + [n for _, n in s.notes]
    out += [f"> {line}" for line in said] + [""]
    if not s.enough:
        return "\n".join(out)
    out += [f"| {t('result.rank', lang)} | {t('result.role', lang)} | "
            f"{t('result.match', lang)} |", "|---:|---|---:|"]
    out += [f"| {rank} | {title} | {percent(100 * score, lang)} |"
            for rank, title, score in s.ranking]
    for card in s.cards:
        out += ["", f"## {card.rank}. {card.title} ({percent(100 * card.score, lang)})", "",
                f"*{card.objective}*", ""]
        for key, reasons in (("result.why", card.reasons), ("result.against", card.against)):
            if reasons:
                out += [f"**{t(key, lang)}**", ""]
                for reason in reasons:
                    out.append(f"- {reason.text}")
                    out += [f"  - {asked} → {said}" for asked, said in reason.cited[:2]]
                out.append("")
        if card.gaps:
            out += [f"**{card.gaps_title}**", ""]
            out += [f"- {gap}" for gap in card.gaps]
            out.append("")
        out += [f"**{t('result.tools', lang)}**{colon(lang)} {', '.join(card.tools)}", "",
                f"**{t('result.day', lang)}**{colon(lang)} {squash(card.day)}", "",
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


def charts_missing() -> bool:
    """Whether an HTML report saved now would lack its chart for want of matplotlib: the
    command that saves one then says how to get it (the page itself is read by others)."""
    try:
        from engine import charts  # noqa: F401
    except ImportError:
        return True
    return False


def html_report(doc: ResultDocument, top: int = 3, profiles: ProfileSet | None = None) -> str:
    """A single self-contained HTML page (inline style, no external assets). With the role
    ``profiles`` the result was scored with, it opens with a chart (inline SVG, drawn with
    matplotlib when it is installed; without it the page says, to whoever reads it, that
    the chart is not included, and ``charts_missing`` tells the person saving it): the
    person's vector against the top roles' weights, dimension by dimension, both scaled to
    length 1, the very numbers whose products the match adds up."""
    import math
    from html import escape as e

    s = sheet(doc, top)
    lang = s.lang

    def chart() -> str:
        if profiles is None or not s.enough or not s.cards:
            return ""
        dims = profiles.dimension_ids
        you = [doc.vector.get(d, 0.0) for d in dims]
        roles = [doc.ranking[card.rank - 1] for card in s.cards[:3]]
        weights = {}
        for role in roles:
            found = profiles.profile(role.role_id)
            weights[role.role_id] = [found.weights.get(d, 0.0) for d in dims] if found else []
        size = math.sqrt(math.fsum(v * v for v in you))
        unit = {r: [w / math.sqrt(math.fsum(x * x for x in ws)) for w in ws] if ws else []
                for r, ws in weights.items()}
        you_unit = [v / size for v in you] if size else you
        same = set(doc.vector) == set(dims) and all(
            unit[r.role_id] and abs(math.fsum(a * b for a, b in zip(
                you_unit, unit[r.role_id], strict=True)) - r.score) < 1e-9 for r in roles)
        if not same:  # other profiles than the ones the ranking used: no chart is better
            return f"<p class=note>{tt('result.chart_other_profiles')}</p>"
        try:
            from engine import charts
        except ImportError:
            return f"<p class=note>{tt('result.chart_missing')}</p>"
        shown = [i for i in range(len(dims))
                 if max(abs(you_unit[i]), *(abs(unit[r.role_id][i]) for r in roles)) >= 0.02]
        series = [(t("result.chart_you", lang), [you_unit[i] for i in shown])]
        series += [(r.title, [unit[r.role_id][i] for i in shown]) for r in roles]
        labels = [profiles.dimensions[i].label.get(lang) for i in shown]
        return (charts.profile_bars("profile", t("result.chart_title", lang), labels, series,
                                    t("result.chart_axis", lang))
                + f"<p class=muted>{tt('result.chart_note')}</p>")

    def tt(key: str) -> str:
        return e(t(key, lang))

    rows = "".join(
        f"<tr><td class=n>{rank}</td><td>{e(title)}</td>"
        f"<td class=n>{percent(100 * score, lang)}</td><td><div class=bar><span style=\"width:"
        f"{max(0.0, 100 * score):.1f}%\"></span></div></td></tr>"
        for rank, title, score in s.ranking)
    notes = "".join(f"<p class=note>{e(line)}</p>"
                    for line in ([s.stop_reason] if s.stop_reason else []) + s.warnings
                    + [note for _, note in s.notes])
    body = [f"<h1>{e(s.title)}</h1>",
            f"<p class=muted>{e(s.answered or '')} · {e(saved_on(doc.created_at))} · "
            f"rolematch {e(doc.rolematch_version)}</p>", notes]
    if s.enough:
        body.append(f"<table><thead><tr><th class=n>{tt('result.rank')}</th>"
                    f"<th>{tt('result.role')}</th><th class=n>{tt('result.match')}</th>"
                    f"<th></th></tr></thead><tbody>{rows}</tbody></table>")
        body.append(chart())
        for card in s.cards:
            body.append(f"<h2>{card.rank}. {e(card.title)} "
                        f"({percent(100 * card.score, lang)})</h2>"
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
            f"<title>rolematch{colon(lang)} {e(s.title)}</title><style>{_CSS}"
            f".chart{{max-width:100%;height:auto;display:block;margin:1rem 0}}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
