"""The result on a terminal: one screen that fits, then a menu to open a role's card, compare
two roles, save the result or quit.

Only when standard input and output are both terminals (``io.at_terminal``) and neither
``--json`` nor ``--full`` was asked for: anywhere else the commands print the full text as
they always did. Imported only then, with questionary and rich.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from engine import prompts
from engine.cli.io import color, note, width, wrapped, write
from engine.errors import EngineError, ExportError
from engine.export import ResultDocument, dumps
from engine.files import write_atomic
from engine.i18n import percent, t
from engine.report import (
    ExplainedResult,
    card_screen,
    charts_missing,
    compare_screen,
    contrast,
    html_report,
    markdown_report,
    summary_screen,
)

if TYPE_CHECKING:
    from engine.answers import Answers
    from engine.content import Content, ProfileSet

def explain_all(doc: ResultDocument, content: Content | None = None,
                ) -> tuple[ResultDocument, dict[str, str] | None, ProfileSet | None]:
    """The result with every role explained, the dimensions' labels and the role profiles,
    for the cards, the comparisons and the saved page's chart: the saved answers scored again
    (an ``ExplainedResult``, with every dimension's answers for the comparisons), when the
    content is the one they were scored with and the ranking comes out the same to the bit;
    else the document as it is (its top roles explained), no labels, no profiles."""
    from engine.answers import parse_answers
    from engine.scoring import score

    try:
        if content is None:
            from engine.content import load_content

            content = load_content()
        q, ps = content.questionnaire, content.profiles
        if q.id != doc.questionnaire.id or q.content_hash() != doc.questionnaire.content_hash:
            return doc, None, None
        answers = parse_answers({"questionnaire": q.id, "answers": doc.answers}, q)
        again = score(answers, q, ps, explain_top=len(doc.ranking), lang=doc.lang,
                      mode=doc.mode)
    except EngineError:
        return doc, None, None
    if [(m.role_id, m.score) for m in again.ranking] != [(m.role_id, m.score)
                                                          for m in doc.ranking]:
        return doc, None, None
    explained = ExplainedResult(**dict(again), behind=answers_behind(content, answers, doc.lang))
    return explained, {d.id: d.label.get(doc.lang) for d in ps.dimensions}, ps


def answers_behind(content: Content, answers: Answers,
                   lang: str) -> dict[str, list[tuple[str, str]]]:
    """Per dimension, the answers behind the person's value on it, as a role's explanation
    cites them (``engine.explain``): those whose share of the value has its sign, the largest
    first (ties in the questionnaire's order), each as (the question, the answer in words for
    that dimension). The shares are the scorer's own (``scoring.answer_shares``)."""
    import numpy as np

    from engine.scoring import answer_shares
    from engine.vectors import model_for

    model = model_for(content.questionnaire, content.profiles)
    u, shares = answer_shares(model, answers)
    out: dict[str, list[tuple[str, str]]] = {}
    for d, dim in enumerate(model.dimension_ids):
        sign = float(np.sign(u[d]))
        behind = sorted((qi for qi in range(len(model.types)) if sign * shares[qi, d] > 0),
                        key=lambda qi: (-sign * float(shares[qi, d]), qi))
        if behind:
            out[dim] = [(model.types[qi].question.text.get(lang),
                         model.types[qi].label(answers.values.get(model.types[qi].id), lang,
                                               dimension=dim)) for qi in behind]
    return out


def height() -> int:
    """The terminal's height in lines (at least 10)."""
    return max(10, shutil.get_terminal_size((80, 24)).lines)


class ResultMenu:
    """The summary, then the menu until the person quits (Esc or q too).

    ``doc`` is the result as saved (``--output``, the JSON choice); ``explained`` the same
    result with every role explained, which the cards and comparisons draw from. Ctrl-C
    raises KeyboardInterrupt, for the command to end with 130.
    """

    def __init__(self, doc: ResultDocument, explained: ResultDocument | None = None,
                 top: int = 3, labels: dict[str, str] | None = None,
                 profiles: ProfileSet | None = None, stop_said: bool = False) -> None:
        self.doc = doc
        self.stop_said = stop_said  # the quiz said why quick mode stopped, just above
        self.explained = explained or doc
        self.top = top
        self.labels = labels
        self.profiles = profiles  # the chart on the saved HTML page, as `show --format html`
        self.lang = doc.lang
        self.saved: list[Path] = []  # the files written from the menu
        self.typed: str | None = None  # the last name typed, proposed again (new extension)

    def run(self) -> None:
        """Show the summary and answer the menu until the person quits."""
        write(summary_screen(self.explained, width=width(),
                             height=height() - prompts.result_menu_height(self.lang),
                             color=color(), stop_said=self.stop_said))
        sys.stdout.flush()
        actions: dict[str, Callable[[], None]] = {
            "card": self.open_card, "compare": self.compare, "save": self.save}
        while True:
            choice = prompts.result_menu(self.lang).unsafe_ask()
            if choice not in actions:  # quit, Esc, q
                return
            actions[choice]()

    def _roles(self) -> list[tuple[str, int, str]]:
        """Each role as the pickers list it: its id, its rank (the key that picks it) and
        "Data Engineer  81%" (questionary writes the key before it: "1) Data Engineer  81%")."""
        return [(m.role_id, m.rank, f"{m.title}  {percent(100 * m.score, self.lang)}")
                for m in self.explained.ranking]

    def open_card(self) -> None:
        """A role's full card, through the pager when it would not fit above the menu."""
        role = prompts.pick_role(self.lang, t("menu.pick_card", self.lang),
                                 self._roles()).unsafe_ask()
        if role != prompts.BACK:
            page(card_screen(self.explained, role, width=width(), color=color()), self.lang)

    def compare(self) -> None:
        """Two roles side by side, what separates them first."""
        roles = self._roles()
        first = prompts.pick_role(self.lang, t("menu.pick_first", self.lang), roles).unsafe_ask()
        if first == prompts.BACK:
            return
        others = [r for r in roles if r[0] != first]
        chosen = next(m for m in self.explained.ranking if m.role_id == first)
        second = prompts.pick_role(
            self.lang, t("menu.pick_second", self.lang, role=chosen.title,
                         score=100 * chosen.score), others).unsafe_ask()
        if second == prompts.BACK:
            return
        page(compare_screen(self.explained, first, second, width=width(), color=color(),
                            labels=self.labels,
                            differs=contrast(self.profiles, first, second, self.lang)),
             self.lang)

    def _proposed(self, kind: str) -> str:
        """The name the save prompt starts with: the last one typed, with this format's
        extension (saving the Markdown after the JSON, or trying again after a refusal,
        needs no retyping), else rolematch-result.<ext>."""
        if not self.typed:
            return f"rolematch-result.{kind}"
        head, dot, ext = self.typed.rpartition(".")
        known = dot and ext.lower() in ("json", "md", "html", "htm") and "/" not in ext
        return f"{head if known else self.typed}.{kind}"

    def save(self) -> None:
        """The result as JSON, Markdown or HTML, to a path the person types: written
        atomically, readable by them only, an existing file replaced only if they say so."""
        kind = prompts.pick_format(self.lang).unsafe_ask()
        if kind == prompts.BACK:
            return
        typed = prompts.ask_path(self.lang, self._proposed(kind)).unsafe_ask()
        if typed == prompts.BACK:
            return
        self.typed = str(typed).strip()
        path = Path(os.path.expanduser(str(typed).strip()))
        replace = False
        if path.is_dir():
            note(wrapped(t("menu.not_saved", self.lang,
                           reason=t("file.is_folder", self.lang, path=path))))
            return
        if path.exists():
            replace = bool(prompts.confirm_overwrite(self.lang, str(path)).unsafe_ask())
            if not replace:
                note(wrapped(t("menu.kept", self.lang, path=path)))
                return
        text = (dumps(self.doc) if kind == "json"
                else markdown_report(self.doc, self.top) if kind == "md"
                else html_report(self.doc, self.top, self.profiles))
        try:
            write_atomic(path, text, force=replace, lang=self.lang)
        except ExportError as exc:
            for line in exc.lines():  # between words: the terminal cut "rea" / "d-only"
                note(wrapped(t("menu.not_saved", self.lang, reason=line)))
            return
        self.saved.append(path)
        note(wrapped(t("file.saved", self.lang, path=path)))
        if kind == "html" and self.profiles is not None and charts_missing():
            note(wrapped(t("file.no_chart", self.lang)))


def page(text: str, lang: str = "en") -> None:
    """``text`` on the terminal: printed as it is when it fits above the menu that comes back
    under it, else through the pager ($PAGER, else less, else more), so its first lines (which
    role, which two roles and their gap) are never pushed off the screen. less's prompt line
    says how to scroll and that q goes back to the menu (a person who never used less would
    not know)."""
    pager = os.environ.get("PAGER")
    found = None if pager else next(
        (name for name in ("less", "more") if shutil.which(name)), None)
    room = height() - prompts.result_menu_height(lang)
    if len(text.splitlines()) <= room or not (pager or found):
        write(text)
        sys.stdout.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", "-R")  # less shows the colours instead of their escape codes
    env.setdefault("LESSCHARSET", "utf-8")  # and the text as it is written, UTF-8
    command: str | list[str] = pager or str(found)
    if found == "less":
        command = ["less", "-R", "-Ps" + less_prompt(t("menu.pager_hint", lang))]
    sys.stdout.flush()
    proc = subprocess.Popen(command, shell=isinstance(command, str), stdin=subprocess.PIPE,
                            env=env, text=True, encoding="utf-8", errors="replace")
    with contextlib.suppress(OSError), proc.stdin as pipe:  # type: ignore[union-attr]
        pipe.write(text)  # the pager may quit before reading it all
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # the pager takes Ctrl-C; wait until it has quit
            continue


def less_prompt(hint: str) -> str:
    """less's short prompt: ``hint`` as it is written (less reads ? : . % and backslash as
    its own), then (END) at the end or how far in the text is."""
    escaped = "".join("\\" + c if c in "?:.%\\" else c for c in hint)
    return escaped + " ?e(END):?pB(%pB\\%).."
