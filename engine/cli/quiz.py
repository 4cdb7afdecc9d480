"""The interactive quiz: one prompt per question, progress, back, skip, resume, Ctrl-C.

Only the terminal side lives here; the session (which question is next) is
engine.session and the prompts are engine.prompts. The first question goes on screen
before numpy and scikit-learn are imported: a thread warms them up after the first answer.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from prompt_toolkit.output import create_output

from engine import prompts
from engine.answers import Answers
from engine.cli.io import err, note, width, wrapped
from engine.content import Content
from engine.errors import ExportError
from engine.i18n import t
from engine.resume import (
    CorruptResume,
    aside_path,
    keep_copy,
    keep_unfinished,
    load_resume,
    resume_path,
    save_resume,
)
from engine.session import QuizSession


class Quiz:
    """The interactive loop: one prompt per question, progress, back, skip, resume, Ctrl-C."""

    def __init__(
        self, content: Content, lang: str, explicit_lang: bool, screen: TextIO,
        prompt_kwargs: dict[str, Any] | None = None, quick: bool = False,
        again: str = "rolematch --resume",
    ) -> None:
        self.content = content
        self.again = again  # the command that continues this quiz, with its files
        self.lang = lang
        self.explicit_lang = explicit_lang
        self.screen = screen
        self.prompt_kwargs = prompt_kwargs  # tests pass prompt_toolkit input/output here
        self.warmup: threading.Thread | None = None
        self.quick = quick
        self.adaptive: Any = None
        self.stop: str | None = None  # "bound" or "settled" when quick mode stopped early
        self.stop_reason: str | None = None
        self.asked: list[str] = []
        self.quick_used = quick
        # an unfinished quiz found at the start of a new one: (its file, where it is kept)
        self.unfinished: tuple[Path, Path] | None = None
        self.earlier_finished = False  # that quiz has every question: --resume shows its result

    def say(self, text: str = "") -> None:
        """A line on the quiz's screen, shown at once."""
        self.screen.write(text + "\n")
        self.screen.flush()

    def _prompt_kwargs(self) -> dict[str, Any]:
        if self.prompt_kwargs is not None:
            return self.prompt_kwargs
        if self.screen is sys.stdout:
            return {}
        return {"output": create_output(stdout=self.screen)}

    def welcome(self) -> None:
        """The questionnaire's title and introduction, how long it takes, and the keys."""
        q = self.content.questionnaire
        n = len(q.questions)
        columns = width()
        self.say(q.data.title.get(self.lang))
        self.say("=" * min(columns, len(q.data.title.get(self.lang))))
        # short enough that the title is still on an 80x24 screen above the first question
        intro = q.data.intro.get(self.lang)
        if self.quick:
            paragraphs = [intro, t("quiz.welcome_quick", self.lang, n=n)]
        else:
            how_long = t("quiz.welcome", self.lang, n=n, minutes=max(1, round(n * 12 / 60)))
            paragraphs = [f"{intro} {how_long}", t("quiz.quick_hint", self.lang)]
        paragraphs.append(t("quiz.keys", self.lang))
        for para in paragraphs:
            self.say(wrapped(para))
            self.say()

    def run(self, resume: bool) -> Answers | None:
        """The finished answers, or None when the person pressed Ctrl-C (answers saved)."""
        with prompts.keys_held():
            return self._run(resume)

    def _run(self, resume: bool) -> Answers | None:
        q = self.content.questionnaire
        restored = None
        notices: list[str] = []  # said right above the first question, where they stay seen
        if resume:
            try:
                restored = load_resume(q)
            except CorruptResume as exc:
                notices.append(t("quiz.resume_corrupt", self.lang, path=resume_path(q.id),
                                 reason=exc.reason, kept=exc.kept))
            else:
                if restored is not None and not restored.given:  # saved, but no answer in it
                    if restored.dropped:
                        notices.append(t("quiz.resume_dropped", self.lang,
                                         ids=", ".join(restored.dropped)))
                    restored = None
                if restored is None:
                    notices.append(t("quiz.no_resume", self.lang))
            if restored is not None and restored.quick:
                self.quick = True
        session = QuizSession(q, lang=self.lang, quick=self.quick)
        self.quick_used = self.quick
        if restored is not None:
            if restored.lang and not self.explicit_lang:
                self.lang = session.lang = restored.lang
            session.restore(restored.given)
            if restored.dropped:
                # the next save keeps only the answers that fit: the file as it was, first
                kept = keep_copy(resume_path(q.id), "dropped")
                self.say(wrapped(t("quiz.resume_dropped", self.lang,
                                   ids=", ".join(restored.dropped))))
                if kept is not None:
                    self.say(wrapped(t("quiz.resume_dropped_kept", self.lang, kept=kept)))
            answered = sum(v is not None for v in session.given.values())
            skipped = len(session.given) - answered
            if session.position >= session.total or restored.stop:
                # every question seen, or quick mode had stopped: the result again
                self.say(wrapped(t("quiz.resumed_done", self.lang, n=answered,
                                   skipped=skipped)))
            else:
                self.say(wrapped(t("quiz.resumed", self.lang, n=answered, skipped=skipped,
                                   i=session.position + 1)))
            self.say()
            self._start_warmup()
        if not session.given:
            self.welcome()
        for notice in notices:
            self.say(wrapped(notice))
            self.say()
        if not resume:
            self._note_unfinished()  # after the welcome, right above the first question
        autosave_failed = False
        kwargs = self._prompt_kwargs()
        while True:
            if session.done and not self._plan_next(session, kwargs):
                break
            question = q.questions[session.index]
            section = q.section(question.section).title.get(self.lang)
            key = "quiz.progress_quick" if self.quick else "quiz.progress"
            # wrapped: "Question 15 (mode rapide, 29 au plus) · Les outils que vous avez
            # utilisés" was cut inside a word at 70 columns
            self.say(wrapped(t(key, self.lang, i=session.position + 1, n=session.total,
                               section=section)))
            prompt = prompts.prompt_for(q, session.index, self.lang, session.previous_answer(),
                                        first=session.position == 0, **kwargs)
            # questionary's own echo goes: ours wraps between words and names the ticks
            prompt.application.erase_when_done = True
            try:
                raw = prompt.unsafe_ask()
            except KeyboardInterrupt:
                self._interrupted(session)
                return None
            prompts.echo(q, session.index, self.lang, raw, **kwargs)
            value = prompts.normalise(raw)
            if value == prompts.BACK:
                session.back()
            elif value == prompts.SKIP:
                session.skip()
            else:
                session.answer(value)
            self.say()
            self._keep_unfinished()
            try:
                save_resume(q, session.given, self.lang, quick=self.quick, stop=self.stop,
                            profiles=self.content.profiles)
            except ExportError as exc:
                if not autosave_failed:
                    for line in exc.lines():
                        err(f"warning: {line}")
                autosave_failed = True
            self._start_warmup()
        self.asked = session.asked_ids()
        self.say(t("quiz.computing", self.lang))
        return session.to_answers()

    def _plan_next(self, session: QuizSession, kwargs: dict[str, Any]) -> bool:
        """At the end of the planned questions: in quick mode, choose the next question or
        stop (saying why, and offering the rest); True when there is a question to ask."""
        if not self.quick:
            return False
        # quick mode only, and never before the first answer: numpy must not delay the
        # first question of a plain quiz
        from engine.adaptive import Quick, partial
        from engine.vectors import model_for

        model = model_for(self.content.questionnaire, self.content.profiles)
        if self.adaptive is None:
            self.adaptive = Quick(model)
        step = self.adaptive.next(partial(model, session.given))
        if not step.stop:
            session.add(step.question)
            return True
        n, total = len(session.given), session.total
        if step.reason == "complete":
            return False
        self.stop = step.reason
        self.stop_reason = t(f"quiz.quick_stop_{step.reason}", self.lang, n=n, total=total)
        self.say(wrapped(self.stop_reason))
        rest = session.remaining()
        choice = prompts.finish_or_continue(self.lang, len(rest), **kwargs).unsafe_ask()
        if choice != "continue":
            return False
        self.quick = False  # the person chose to answer everything: no early stop any more
        self.stop = self.stop_reason = None
        for index in rest:
            session.add(index)
        return True

    def _note_unfinished(self) -> None:
        """A new quiz while an unfinished one is saved: say so, and how to continue that one
        instead; it is moved aside (never overwritten) at the new quiz's first answer. A quiz
        with every question in it (kept when its result was quit unsaved, or Ctrl-C in the
        menu) is said to be finished, `--resume` showing its result."""
        q = self.content.questionnaire
        path = resume_path(q.id)
        try:
            earlier = load_resume(q)
        except CorruptResume as exc:  # moved aside already: nothing is lost
            self.say(wrapped(t("quiz.resume_corrupt", self.lang, path=path, reason=exc.reason,
                               kept=exc.kept)))
            self.say()
            return
        if earlier is None or not earlier.given:
            return
        self.earlier_finished = earlier.stop is not None or all(
            question.id in earlier.given for question in q.questions)
        why = "finished" if self.earlier_finished else "unfinished"
        self.unfinished = (path, aside_path(path, why))
        self.say(wrapped(t("quiz.finished_kept" if self.earlier_finished else "quiz.unfinished",
                           self.lang, n=len(earlier.given), path=path,
                           kept=self.unfinished[1])))
        self.say()

    def _keep_unfinished(self) -> None:
        if self.unfinished is not None:
            keep_unfinished(*self.unfinished)
            self.unfinished = None

    def _interrupted(self, session: QuizSession) -> None:
        """Ctrl-C: save the answers so far and say how to resume; never lose them."""
        if self.unfinished is not None and not session.given:
            # nothing new to keep: the unfinished quiz stays where --resume finds it
            self.say()
            said = ("quiz.interrupted_nothing_finished" if self.earlier_finished
                    else "quiz.interrupted_nothing")
            note(wrapped(t(said, self.lang, path=self.unfinished[0])))
            return
        self._keep_unfinished()
        try:
            path = save_resume(self.content.questionnaire, session.given, self.lang,
                               quick=self.quick, stop=self.stop,
                               profiles=self.content.profiles)
        except ExportError as exc:
            for line in exc.lines():
                err(line)
            # last resort: the answers on stderr, so they are still not lost
            err("answers so far: " + json.dumps(session.given, ensure_ascii=False))
            return
        self.say()
        note(wrapped(t("quiz.interrupted", self.lang, n=len(session.given), path=path,
                       command=self.again)))

    def _start_warmup(self) -> None:
        """Import and warm the scoring path while the person answers (not before the first
        question is on screen, so the quiz starts fast)."""
        if self.warmup is not None:
            return
        self.warmup = threading.Thread(target=_warm, args=(self.content,), daemon=True)
        self.warmup.start()


def _warm(content: Content) -> None:
    """Import the result's modules and run one scoring, in the background thread."""
    try:
        # the imports are the point: done here, in the background, not at start-up
        import rich.console
        import rich.table

        from engine import report, scoring
        from engine.answers import Answers

        q = content.questionnaire
        scoring.score(Answers(q.id, {qt.id: None for qt in q.types}), q, content.profiles)
        del report, rich
    except Exception:  # noqa: BLE001 - warming is an optimisation; scoring will report errors
        pass
