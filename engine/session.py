"""The state of one quiz in progress: where the person is, what they answered, back and skip.

Pure logic with no terminal: the CLI asks the questions, this keeps the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.answers import Answers, AnswerValue
from engine.content import Questionnaire


@dataclass
class QuizSession:
    """Answers so far (``None`` = skipped) and the index of the question on screen."""

    questionnaire: Questionnaire
    given: dict[str, AnswerValue] = field(default_factory=dict)  # only questions seen
    index: int = 0
    lang: str | None = None

    @property
    def total(self) -> int:
        return len(self.questionnaire.questions)

    @property
    def done(self) -> bool:
        return self.index >= self.total

    def current_id(self) -> str:
        return self.questionnaire.questions[self.index].id

    def previous_answer(self) -> AnswerValue:
        """The earlier answer to the question on screen, to preselect it after Back."""
        return self.given.get(self.current_id())

    def answer(self, value: AnswerValue) -> None:
        self.given[self.current_id()] = value
        self.index += 1

    def skip(self) -> None:
        self.answer(None)

    def back(self) -> bool:
        """Go to the previous question; False when already at the first one."""
        if self.index == 0:
            return False
        self.index -= 1
        return True

    def resume_position(self) -> int:
        """The first question not seen yet (every one seen: the end)."""
        for i, q in enumerate(self.questionnaire.questions):
            if q.id not in self.given:
                return i
        return self.total

    def answered_count(self) -> int:
        return sum(v is not None for v in self.given.values())

    def to_answers(self) -> Answers:
        values = {q.id: self.given.get(q.id) for q in self.questionnaire.questions}
        return Answers(self.questionnaire.id, values, lang=self.lang)
