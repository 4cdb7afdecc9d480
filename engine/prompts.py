"""questionary prompts, one function per question type (each type's ``prompt`` calls its own).

Each returns a ``questionary.Question``; the caller ``.unsafe_ask()``s it, so Ctrl-C
raises KeyboardInterrupt. Extra keyword arguments go down to prompt_toolkit, which is how
the tests pass ``input=create_pipe_input()`` and ``output=DummyOutput()``.
The answer is the value for the answers file, or SKIP / BACK.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import questionary
from questionary import Choice, Separator

from engine.content import Questionnaire
from engine.i18n import squash, t, wrap
from engine.questions import TICKED_SEPARATOR, AnswerValue, Likert, Multi, Single

SKIP = "__skip__"
BACK = "__back__"
NONE = "__none__"
QUIT = "quit"
_SPECIAL = (SKIP, BACK, NONE)


def _draw_non_breaking_spaces() -> None:
    """Let the prompts draw a non-breaking space as it is: prompt_toolkit drew it as a plain
    space underlined in yellow (as Emacs shows one), so French text ("vivre ?", "Entrée ;")
    read otherwise in the prompt than in its echo and on the result screens."""
    from prompt_toolkit.layout import screen

    screen.Char.display_mappings = {k: v for k, v in screen.Char.display_mappings.items()
                                    if k != "\u00a0"}
    screen._CHAR_CACHE.clear()  # nothing drawn yet; a cached nbsp would still be mapped


_draw_non_breaking_spaces()


def _width() -> int:
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).columns)


def _message(text: str, instruction: str, room: int = 0) -> tuple[str, str]:
    """The question text wrapped between words to the terminal, and the instruction.

    questionary draws "? " + message + " " + instruction; when the instruction (and ``room``
    more characters after it, for what is typed there) would not fit on the last line it
    moves to lines of its own, wrapped between words too.
    """
    width = _width() - 2
    lines = _wrap(text, width)
    last = 2 + len(lines[-1])  # after "? " or the indent
    if instruction and last + 1 + len(instruction) + room > width:
        # short of the last column: a last line that fills it drew an empty line under it
        instruction = "\n  " + "\n  ".join(_wrap(instruction, width - 1 - room))
    return "\n  ".join(lines), instruction


def _wrap(text: str, width: int) -> list[str]:
    return wrap(text, max(10, width)) or [""]


_QUESTIONARY_DESCRIPTION = "  Description: "


class Keyless(Choice):
    """A choice no key picks ("I don't know (skip)", "Back") in a list whose other choices
    have number keys: drawn with blanks where they have "1) ", not questionary's "-) ", which
    read as a key ("-" did nothing, and the Enter after it answered the choice pointed at)."""

    def __init__(self, title: str, value: Any) -> None:
        super().__init__(title, value=value, shortcut_key=False)

    def get_shortcut_title(self) -> str:
        return "   "


def _lists(question: questionary.Question) -> list[Any]:
    """The prompt's choice lists (questionary's InquirerControl), to bind keys on or redraw."""
    from questionary.prompts.common import InquirerControl

    return [c for c in question.application.layout.find_all_controls()
            if isinstance(c, InquirerControl)]


def _show_descriptions(question: questionary.Question) -> questionary.Question:
    """Show option descriptions wrapped between words and without questionary's fixed
    English "Description:" label (the option is already highlighted above)."""
    width = _width() - 4
    for control in _lists(question):
        if getattr(control, "_rolematch_described", False):
            continue  # patched already
        control._rolematch_described = True
        if callable(control.text):
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


def _fit_titles(question: questionary.Question) -> questionary.Question:
    """Shorten each choice's title to the terminal's width, with "…": questionary draws a
    choice on one line and prompt_toolkit cut a longer one at the edge, silently. A title
    shortened is shown whole under the list while it is pointed at, before its description
    if it has one (it was never readable whole, even highlighted)."""
    from engine.render import shorten

    width = _width()
    shortened = False
    for control in _lists(question):
        pointer = len(control.pointer) + 2 if control.pointer is not None else 3
        keys = 3 if control.use_shortcuts else 0  # "1) ", or "-) " on a keyless one
        tick = 2 if control.use_indicator else 0
        room = width - pointer - keys - tick
        for choice in control.choices:
            if isinstance(choice, Separator) or not isinstance(choice.title, str):
                continue
            if len(choice.title) > room:  # shorten squashes: "Data Engineer  81%" as it is
                whole = squash(choice.title)
                choice.description = (whole if not choice.description
                                       else f"{whole} — {choice.description}")
                choice.title = shorten(choice.title, room)
                shortened = True
    return _show_descriptions(question) if shortened else question


def _add_keys(question: questionary.Question, bindings: Any) -> questionary.Question:
    """Add ``bindings`` to the prompt's own; where both bind a key, ours win (prompt_toolkit
    calls the last match)."""
    from prompt_toolkit.key_binding import merge_key_bindings

    app = question.application
    app.key_bindings = (bindings if app.key_bindings is None
                        else merge_key_bindings([app.key_bindings, bindings]))
    return question


def _stop_at_ends(question: questionary.Question) -> questionary.Question:
    """Up and Down stop at the first and last items instead of wrapping around (questionary
    wraps, and has no option not to): one Down too many on "Back" would otherwise land on
    the first option, and Enter confirm it."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    lists = _lists(question)
    bindings = KeyBindings()

    def move(step: int) -> Any:
        def _move(event: Any) -> None:
            for ic in lists:
                at = ic.pointed_at + step
                while 0 <= at < ic.choice_count:
                    choice = ic.filtered_choices[at]
                    if not isinstance(choice, Separator) and not choice.disabled:
                        ic.pointed_at = at
                        break
                    at += step
        return _move

    for keys, step in (((Keys.Down, Keys.ControlN), 1), ((Keys.Up, Keys.ControlP), -1)):
        for key in keys:
            bindings.add(key, eager=True)(move(step))
    return _add_keys(question, bindings)


def _tail(lang: str, first: bool) -> list[Any]:
    items: list[Any] = [Separator(), Keyless(t("quiz.skip", lang), SKIP)]
    if not first:
        items.append(Keyless(t("quiz.back", lang), BACK))
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
    return _fit_titles(_stop_at_ends(questionary.select(
        message,
        choices=[*choices, *_tail(lang, first)],
        default=next((c for c in choices if c.value == previous), None),
        use_shortcuts=True,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    )))


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
    return _fit_titles(_stop_at_ends(_show_descriptions(questionary.select(
        message,
        choices=[*choices, *_tail(lang, first)],
        default=previous if isinstance(previous, str) else None,
        use_shortcuts=shortcuts,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    ))))


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

    names = {NONE: t("quiz.none", lang), SKIP: t("quiz.skip", lang), BACK: t("quiz.back", lang)}

    def validate(values: list[str]) -> bool | str:
        special = [v for v in values if v in _SPECIAL]
        if special and len(values) > 1:  # short: the line under the list does not wrap
            return t("quiz.multi_conflict", lang, choice=names[special[0]])
        return True

    message, instruction = _message(question.text.get(lang), t("quiz.multi_instruction", lang))
    return _fit_titles(_all_and_invert_real_options(_stop_at_ends(questionary.checkbox(
        message,
        choices=choices,
        validate=validate,
        use_jk_keys=False,
        instruction=instruction,
        **kwargs,
    )), [o.id for o in question.options]))


def _all_and_invert_real_options(question: questionary.Question,
                                 options: list[str]) -> questionary.Question:
    """questionary's "a" (tick all) and "i" (invert) ticked "None of these", skip and Back
    with the tools, a choice the check then refuses: here they tick the tools only, and space
    keeps "None of these" and the tools apart (ticking one unticks the other). Enter on
    "I don't know" or "Back" does what it says, as in every other question (questionary's
    Enter confirms the ticks, whatever the cursor is on: "None of these" was recorded)."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    lists = _lists(question)
    bindings = KeyBindings()

    def pointed() -> Any:
        return lists[0].get_pointed_at().value if lists else None

    @bindings.add(Keys.ControlM, eager=True, filter=Condition(lambda: pointed() in (SKIP, BACK)))
    def _skip_or_back(event: Any) -> None:
        value = pointed()
        for ic in lists:
            ic.selected_options = [value]
            ic.is_answered = True
        event.app.exit(result=[value])

    @bindings.add("a", eager=True)
    def _all(event: Any) -> None:
        for ic in lists:
            every = all(o in ic.selected_options for o in options)
            ic.selected_options = [] if every else list(options)
        event.app.invalidate()

    @bindings.add("i", eager=True)
    def _invert(event: Any) -> None:
        for ic in lists:
            ic.selected_options = [o for o in options if o not in ic.selected_options]
        event.app.invalidate()

    @bindings.add(" ", eager=True)
    def _toggle(event: Any) -> None:
        """Tick or untick; ticking a tool unticks "None of these", ticking it unticks the
        tools (after Back to an answer of "None of these", ticking two tools was refused
        with "goes alone: untick the rest")."""
        for ic in lists:
            value = ic.get_pointed_at().value
            if value in ic.selected_options:
                ic.selected_options.remove(value)
            elif value == NONE:
                ic.selected_options = [v for v in ic.selected_options if v not in options]
                ic.selected_options.append(NONE)
            else:
                if value in options:
                    ic.selected_options = [v for v in ic.selected_options if v != NONE]
                ic.selected_options.append(value)
        event.app.invalidate()

    return _add_keys(question, bindings)


def finish_or_continue(lang: str, remaining: int, **kwargs: Any) -> questionary.Question:
    """After quick mode stops: see the result now, or answer the remaining questions; numbered,
    with the keys said, as the other menus are."""
    return _EchoedMenu(_fit_titles(_stop_at_ends(questionary.select(
        t("quiz.quick_choice", lang),
        choices=[Choice(t("quiz.quick_result", lang), value="result", shortcut_key="1"),
                 Choice(t("quiz.quick_continue", lang, n=remaining), value="continue",
                        shortcut_key="2")],
        use_shortcuts=True,
        use_jk_keys=False,
        instruction=t("quiz.single_instruction", lang, n=2),
        **kwargs,
    ))), t("quiz.quick_choice", lang), kwargs.get("output"))


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


# --------------------------------------------------------------------------- echoes


def echo_lines(message: str, answer: str, width: int | None = None) -> list[tuple[str, str]]:
    """The confirmed question as it stays on screen, line by line as (question part, answer
    part): "? " and the question wrapped between words, then the answer after it when it
    fits on the last line, else on lines of its own, wrapped between words too
    (prompt_toolkit would cut it mid-word: "Never do" / "ne it")."""
    width = _width() if width is None else width
    wrapped = _wrap(message, width - 2)
    lines = [("? " + wrapped[0], ""), *(("  " + line, "") for line in wrapped[1:])]
    if not answer:
        return lines
    last = lines[-1][0]
    if len(last) + 1 + len(answer) <= width:
        lines[-1] = (last + " ", answer)
        return lines
    return lines + [("  ", line) for line in _wrap(answer, width - 2)]


def answer_echo(qt: Any, lang: str, raw: Any, width: int | None = None) -> str:
    """What a confirmed answer echoes: the chosen label; for a tick-any question the ticked
    labels, " · " between them (as many whole labels as fit on a line, then "+N more"), and
    "None of these" alike whether it was ticked or nothing was; after Back, "(back)", which
    ``echo`` shows dim: it is not an answer."""
    value = normalise(raw)
    if value == SKIP:
        return t("quiz.skip", lang)
    if value == BACK:
        return t("quiz.echo_back", lang)
    if isinstance(value, list):
        if not value:
            return t("quiz.none", lang)
        room = (_width() if width is None else width) - 2
        labels = {o.id: o.label.get(lang) for o in qt.question.options}
        names = [squash(labels[v]) for v in value]
        for n in range(len(names), 0, -1):
            more = len(names) - n
            text = TICKED_SEPARATOR.join(names[:n]) + (
                " " + t("quiz.echo_more", lang, n=more) if more else "")
            if len(text) <= room or n == 1:
                return text if len(text) <= room else _cut(text, room)
    if qt.kind == "likert":
        return squash(qt.scale[int(value) - 1].get(lang))  # type: ignore[arg-type]
    return squash(qt.question.options[qt.option_ids.index(value)].label.get(lang))


def _cut(text: str, limit: int) -> str:
    from engine.render import shorten

    return shorten(text, limit)


def echo_tokens(q: Questionnaire, index: int, lang: str, raw: Any,
                width: int | None = None) -> list[tuple[str, str]]:
    """The confirmed question and its answer as (style, text) fragments: the answer in
    questionary's answer colour, "(back)" in the dim ``class:echo-back``."""
    width = _width() if width is None else width
    answer = answer_echo(q.types[index], lang, raw, width)
    style = "class:echo-back" if normalise(raw) == BACK else "class:answer"
    return _echo_tokens(q.questions[index].text.get(lang), answer, style, width)


def _echo_tokens(message: str, answer: str, style: str, width: int) -> list[tuple[str, str]]:
    """``echo_lines`` as (style, text) fragments in questionary's colours."""
    tokens: list[tuple[str, str]] = []
    for asked, said in echo_lines(message, answer, width):
        if asked.startswith("? "):
            tokens += [("class:qmark", "?"), ("class:question", asked[1:])]
        else:
            tokens.append(("class:question", asked))
        tokens += [(style, said), ("", "\n")]
    return tokens


def _print_echo(tokens: list[tuple[str, str]], output: Any = None) -> None:
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.styles import Style
    from questionary.styles import merge_styles_default

    style = merge_styles_default([Style([("echo-back", "dim italic")])])
    print_formatted_text(FormattedText(tokens), style=style, end="", output=output)


def echo(q: Questionnaire, index: int, lang: str, raw: Any, **kwargs: Any) -> None:
    """Print the confirmed question and its answer in questionary's colours (the quiz erases
    questionary's own echo, which says "done (2 selections)" and wraps mid-word)."""
    _print_echo(echo_tokens(q, index, lang, raw), kwargs.get("output"))


class _EchoedMenu(questionary.Question):
    """A menu whose choice stays on screen wrapped between words, as the quiz's answers do:
    questionary's own echo is one line, "? " + the question + the choice, which prompt_toolkit
    breaks at the terminal's edge wherever it falls ("...et d'autres" / " programmes")."""

    def __init__(self, question: questionary.Question, message: str, output: Any = None) -> None:
        super().__init__(question.application)
        self.application.erase_when_done = True
        self.message = message
        self.output = output

    def unsafe_ask(self, patch_stdout: bool = False) -> Any:
        result = super().unsafe_ask(patch_stdout)
        chosen = next((c.get_pointed_at().title for c in _lists(self)), "")
        if isinstance(chosen, str):
            _print_echo(_echo_tokens(self.message, chosen, "class:answer", _width()),
                        self.output)
        return result


@contextlib.contextmanager
def keys_held() -> Iterator[None]:
    """Keep the terminal in the prompts' raw mode between prompts too, so keys typed ahead
    while the next question is prepared reach it as typed: not echoed onto the screen as
    "^[[B", Enter not turned into a line feed, Ctrl-C read by the next prompt (which saves
    the answers) rather than by a signal."""
    if not sys.stdin.isatty():
        yield
        return
    from prompt_toolkit.input.vt100 import raw_mode

    with raw_mode(sys.stdin.fileno()):
        yield


# --------------------------------------------------------------------------- after the result


def _exits_with(question: questionary.Question, value: Any,
                keys: Sequence[str]) -> questionary.Question:
    """Make ``keys`` (Esc, q) end the prompt with ``value``."""
    from prompt_toolkit.key_binding import KeyBindings

    lists = _lists(question)
    bindings = KeyBindings()
    for key in keys:
        @bindings.add(key, eager=True)
        def _exit(event: Any) -> None:
            for ic in lists:  # echo the choice the key stands for, as if it was chosen
                at = next((i for i, c in enumerate(ic.choices)
                           if not isinstance(c, Separator) and c.value == value), None)
                if at is not None:
                    ic.pointed_at = at
                    ic.is_answered = True
            event.app.exit(result=value)

    return _add_keys(question, bindings)


_MENU = ("card", "compare", "save", QUIT)


def result_menu(lang: str, **kwargs: Any) -> questionary.Question:
    """What next after the result: open a card, compare two roles, save, quit (Esc, q)."""
    choices = [Choice(t(f"menu.{key}", lang), value=key, shortcut_key=str(i))
               for i, key in enumerate(_MENU, start=1)]
    message, instruction = _message(t("menu.question", lang), t("menu.instruction", lang))
    return _EchoedMenu(_fit_titles(_exits_with(_stop_at_ends(questionary.select(
        message, choices=choices, use_shortcuts=True, use_jk_keys=False,
        instruction=instruction, **kwargs)), QUIT, ("escape", "q"))),
        t("menu.question", lang), kwargs.get("output"))


def result_menu_height(lang: str) -> int:
    """The lines the result menu takes while it waits, at the terminal's width: its question
    (wrapped), its choices and the cursor's line; the summary above it is cut to fit."""
    message, instruction = _message(t("menu.question", lang), t("menu.instruction", lang))
    return (message + instruction).count("\n") + 1 + len(_MENU) + 1


def pick_role(lang: str, message: str, roles: Sequence[tuple[str, int, str]],
              default: str | None = None, **kwargs: Any) -> questionary.Question:
    """One of the roles, ``(role id, rank, "DevOps Engineer  40%")`` in ranking order; Esc or
    q go back (BACK).

    Each role's key is its rank, whichever roles the list holds: questionary draws it before
    the title ("2) DevOps Engineer  40%"), and 2 picks the rank-2 role even when the list
    lacks rank 1 (Compare's second list). Past rank 9 there are no keys; the rank is then
    written before the title instead ("10. ...")."""
    shortcuts = all(1 <= rank <= 9 for _, rank, _ in roles)
    choices: list[Any] = [
        Choice(title, value=rid, shortcut_key=str(rank)) if shortcuts
        else Choice(f"{rank}. {title}", value=rid, shortcut_key=False)
        for rid, rank, title in roles]
    choices += [Separator(), Keyless(t("menu.back", lang), BACK)]
    ranks = [rank for _, rank, _ in roles]
    asked, instruction = _message(
        message, t("menu.sub_keys_instruction", lang, first=min(ranks), last=max(ranks))
        if shortcuts and ranks else t("menu.sub_instruction", lang))
    return _EchoedMenu(_fit_titles(_exits_with(_stop_at_ends(questionary.select(
        asked, choices=choices, default=default, use_shortcuts=shortcuts,
        use_jk_keys=False, instruction=instruction, **kwargs)),
        BACK, ("escape", "q"))), message, kwargs.get("output"))


def pick_format(lang: str, **kwargs: Any) -> questionary.Question:
    """JSON, Markdown or HTML; Esc or q go back (BACK)."""
    choices: list[Any] = [Choice(t(f"menu.format_{key}", lang), value=key, shortcut_key=str(i))
                          for i, key in enumerate(("json", "md", "html"), start=1)]
    choices += [Separator(), Keyless(t("menu.back", lang), BACK)]
    message, instruction = _message(t("menu.format", lang),
                                    t("menu.sub_keys_instruction", lang, first=1, last=3))
    return _EchoedMenu(_fit_titles(_exits_with(_stop_at_ends(questionary.select(
        message, choices=choices, use_shortcuts=True, use_jk_keys=False,
        instruction=instruction, **kwargs)),
        BACK, ("escape", "q"))), t("menu.format", lang), kwargs.get("output"))


def ask_path(lang: str, default: str, **kwargs: Any) -> questionary.Question:
    """The file to write, typed (the default name preselected); Esc goes back (BACK).

    An empty name is refused when Enter is pressed, in words; not while typing, which
    prompt_toolkit does by default and which flashed questionary's "Invalid input" as soon
    as Ctrl-U cleared the default name to type another."""
    def validate(text: str) -> bool | str:
        return bool(text.strip()) or t("menu.path_empty", lang)

    from prompt_toolkit.document import Document
    from prompt_toolkit.key_binding import KeyBindings

    # the question wrapped between words; the name typed after it, or under it when the
    # default name would not fit there (the terminal cut "rolematch-res" / "ult.json")
    message, _ = _message(t("menu.path", lang), "")
    last = 2 + len(message.rsplit("\n", 1)[-1].lstrip(" "))  # after "? " or the indent
    if last + 1 + len(default) > _width() - 2:
        message += "\n "  # questionary adds a space: the name starts under the question's
    question = questionary.text(message, default=default, validate=validate,
                                validate_while_typing=False, **kwargs)
    bindings = KeyBindings()

    @bindings.add("escape", eager=True)
    def _cancel(event: Any) -> None:
        """The line left on screen says nothing was saved, not the name as if it were."""
        buffer = event.app.current_buffer
        error = buffer.validation_error  # "Type a file name..." stays said until the end
        buffer.set_document(Document(t("menu.path_cancelled", lang)), bypass_readonly=True)
        buffer.validation_error = error
        event.app.exit(result=BACK)

    return _add_keys(question, bindings)


def confirm_overwrite(lang: str, path: str, **kwargs: Any) -> questionary.Question:
    """Replace an existing file? No unless the person says yes (then Enter); Esc is no."""
    return _yes_no(t("menu.overwrite", lang, path=path), lang, **kwargs)


def _yes_no(message: str, lang: str, **kwargs: Any) -> questionary.Question:
    """A yes-or-no question, no by default, in the person's language: questionary's confirm
    says "(y/N)" and echoes "Yes"/"No" in English only, and takes only y for yes. Here French
    reads "(o/N)", echoes "Oui"/"Non" and takes o as well as y.

    The key typed shows after the hint and Enter confirms it, as a typed answer is confirmed
    everywhere else: a confirm that took "n" at once left the Enter typed after it to the
    next menu, which opened "Open a role's card". Enter alone is no; Esc is no at once."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary.question import Question
    from questionary.styles import merge_styles_default

    yes = ("y", "Y", "o", "O") if lang == "fr" else ("y", "Y")
    answer: list[bool] = []  # once confirmed
    typed: list[str] = []  # the key typed, until Enter
    # wrapped between words, "(y/N)" after the last line when it fits there with the answer
    asked, hint = _message(message, t("menu.yes_no", lang), room=2)
    lead = hint[:len(hint) - len(hint.lstrip("\n "))]  # "" or "\n  ": where the hint goes

    def tokens() -> Any:
        said = ([("class:answer", lead + t("menu.yes" if answer[0] else "menu.no", lang))]
                if answer else [("class:instruction", hint), ("", " " + "".join(typed))])
        return to_formatted_text([("class:qmark", "?"), ("class:question", f" {asked} "),
                                  *said])

    bindings = KeyBindings()

    def type_key(event: Any) -> None:
        typed[:] = [event.data]

    for key in (*yes, "n", "N"):
        bindings.add(key)(type_key)

    @bindings.add(Keys.Backspace)
    def _untype(event: Any) -> None:
        typed.clear()

    def say(value: bool, event: Any) -> None:
        answer[:] = [value]
        event.app.exit(result=value)

    @bindings.add(Keys.ControlM)
    def _confirm(event: Any) -> None:
        say(bool(typed) and typed[0] in yes, event)

    @bindings.add("escape", eager=True)
    def _no(event: Any) -> None:
        say(False, event)

    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Other keys type nothing."""

    return Question(PromptSession(tokens, key_bindings=bindings,
                                  style=merge_styles_default([None]), **kwargs).app)
