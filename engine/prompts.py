"""questionary prompts, one function per question type (each type's ``prompt`` calls its own).

Each returns a ``questionary.Question``; the caller ``.unsafe_ask()``s it, so Ctrl-C
raises KeyboardInterrupt. Extra keyword arguments go down to prompt_toolkit, which is how
the tests pass ``input=create_pipe_input()`` and ``output=DummyOutput()``.
The answer is the value for the answers file, or SKIP / BACK.
"""

from __future__ import annotations

from typing import Any

import questionary
from questionary import Choice, Separator

from engine.content import Questionnaire
from engine.i18n import squash, t
from engine.questions import AnswerValue, Likert, Multi, Single

SKIP = "__skip__"
BACK = "__back__"
NONE = "__none__"
_SPECIAL = (SKIP, BACK, NONE)


def _width() -> int:
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).columns)


def _message(text: str, instruction: str) -> tuple[str, str]:
    """The question text wrapped between words to the terminal, and the instruction.

    questionary draws "? " + message + " " + instruction; when the instruction would not fit
    on the last line it moves to a line of its own.
    """
    width = _width() - 2
    lines = _wrap(text, width)
    last = len(lines[-1]) + (2 if len(lines) == 1 else 0)
    if instruction and last + 1 + len(instruction) > width:
        instruction = "\n  " + instruction
    return "\n  ".join(lines), instruction


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(squash(text), width=max(10, width), break_long_words=False,
                         break_on_hyphens=False) or [""]


_QUESTIONARY_DESCRIPTION = "  Description: "


def _show_descriptions(question: questionary.Question) -> questionary.Question:
    """Show option descriptions wrapped between words and without questionary's fixed
    English "Description:" label (the option is already highlighted above)."""
    from questionary.prompts.common import InquirerControl

    width = _width() - 4
    for control in question.application.layout.find_all_controls():
        if isinstance(control, InquirerControl) and callable(control.text):
            original = control.text

            def tokens(original: Any = original) -> Any:
                produced = original()
                if not isinstance(produced, list):
                    return produced
                out = []
                for item in produced:
                    style, text = item[0], item[1]
                    if isinstance(text, str) and text.startswith(_QUESTIONARY_DESCRIPTION):
                        body = text[len(_QUESTIONARY_DESCRIPTION):]
                        text = "  " + "\n  ".join(_wrap(body, width))
                        item = (style, text, *item[2:])
                    out.append(item)
                return out

            control.text = tokens
    return question


def _tail(lang: str, first: bool) -> list[Any]:
    items: list[Any] = [Separator(), Choice(t("quiz.skip", lang), value=SKIP, shortcut_key=False)]
    if not first:
        items.append(Choice(t("quiz.back", lang), value=BACK, shortcut_key=False))
    return items


def likert_prompt(
    qt: Likert, lang: str, previous: AnswerValue = None, first: bool = False, **kwargs: Any,
) -> questionary.Question:
    """A scale from 1 to n; the number keys move to a point, Enter confirms."""
    scale, question = qt.scale, qt.question
    choices = [Choice(p.get(lang), value=k, shortcut_key=str(k))
               for k, p in enumerate(scale, start=1)]
    message, instruction = _message(question.text.get(lang),
                                    t("quiz.likert_instruction", lang, n=len(scale)))
    return questionary.select(
        message,
        choices=[*choices, *_tail(lang, first)],
        default=next((c for c in choices if c.value == previous), None),
        use_shortcuts=True,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    )


def single_prompt(
    qt: Single, lang: str, previous: AnswerValue = None, first: bool = False, **kwargs: Any,
) -> questionary.Question:
    """One option; each option's description shows under the list while it is pointed at."""
    question = qt.question
    choices = [
        Choice(o.label.get(lang), value=o.id, shortcut_key=str(i),
               description=o.description.get(lang) if o.description else None)
        for i, o in enumerate(question.options, start=1)
    ]
    shortcuts = len(choices) <= 9
    message, instruction = _message(
        question.text.get(lang),
        t("quiz.single_instruction", lang, n=len(choices)) if shortcuts
        else t("quiz.arrows_instruction", lang),
    )
    return _show_descriptions(questionary.select(
        message,
        choices=[*choices, *_tail(lang, first)],
        default=previous if isinstance(previous, str) else None,
        use_shortcuts=shortcuts,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    ))


def multi_prompt(
    qt: Multi, lang: str, previous: AnswerValue = None, first: bool = False, **kwargs: Any,
) -> questionary.Question:
    """Tick any options with space, Enter confirms; "None of these", skip and back are items."""
    question = qt.question
    ticked = set(previous) if isinstance(previous, list) else set()
    choices: list[Any] = [
        Choice(o.label.get(lang), value=o.id, checked=o.id in ticked) for o in question.options
    ]
    choices += [
        Separator(),
        Choice(t("quiz.none", lang), value=NONE, checked=previous == []),
        Choice(t("quiz.skip", lang), value=SKIP),
    ]
    if not first:
        choices.append(Choice(t("quiz.back", lang), value=BACK))

    def validate(values: list[str]) -> bool | str:
        special = [v for v in values if v in _SPECIAL]
        if special and len(values) > 1:
            return t("quiz.multi_conflict", lang)
        return True

    message, instruction = _message(question.text.get(lang), t("quiz.multi_instruction", lang))
    return questionary.checkbox(
        message,
        choices=choices,
        validate=validate,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    )


def finish_or_continue(lang: str, remaining: int, **kwargs: Any) -> questionary.Question:
    """After quick mode stops: see the result now, or answer the remaining questions."""
    return questionary.select(
        t("quiz.quick_choice", lang),
        choices=[Choice(t("quiz.quick_result", lang), value="result"),
                 Choice(t("quiz.quick_continue", lang, n=remaining), value="continue")],
        use_jk_keys=False,
        instruction=" ",
        **kwargs,
    )


def prompt_for(
    q: Questionnaire, index: int, lang: str, previous: AnswerValue = None,
    first: bool | None = None, **kwargs: Any,
) -> questionary.Question:
    """The prompt for question ``index``; ``first`` (no Back) defaults to index == 0."""
    first = index == 0 if first is None else first
    prompt: questionary.Question = q.types[index].prompt(lang, previous, first, **kwargs)
    return prompt


def normalise(raw: Any) -> AnswerValue | str:
    """A prompt's raw result as an answer value, or SKIP / BACK."""
    if isinstance(raw, list):
        if SKIP in raw:
            return SKIP
        if BACK in raw:
            return BACK
        return [v for v in raw if v != NONE]
    if raw in (SKIP, BACK):
        return str(raw)
    if isinstance(raw, int | str):
        return raw
    return SKIP
