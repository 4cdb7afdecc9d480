"""The state of one quiz in progress: where the person is, what they answered, back and skip.

Pure logic with no terminal: the CLI asks the questions, this keeps the answers. ``order``
is the sequence of question indices to ask: the questionnaire's order, or in quick mode the
questions chosen one by one so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.answers import Answers
from engine.content import Questionnaire
from engine.questions import AnswerValue


@dataclass
class QuizSession:
    """Answers so far (``None`` = skipped) and the position in ``order`` on screen."""

    questionnaire: Questionnaire
    given: dict[str, AnswerValue] = field(default_factory=dict)  # only questions seen
    order: list[int] = field(default_factory=list)
    position: int = 0
    lang: str | None = None
    quick: bool = False

    def __post_init__(self) -> None:
        if not self.order and not self.quick:
            self.order = list(range(self.total))

    @property
    def total(self) -> int:
        return len(self.questionnaire.questions)

    @property
    def index(self) -> int:
        """The index (in the questionnaire) of the question on screen."""
        return self.order[self.position]

    @property
    def done(self) -> bool:
        return self.position >= len(self.order)

    def current_id(self) -> str:
        return self.questionnaire.questions[self.index].id

    def previous_answer(self) -> AnswerValue:
        """The earlier answer to the question on screen, to preselect it after Back."""
        return self.given.get(self.current_id())

    def answer(self, value: AnswerValue) -> None:
        self.given[self.current_id()] = value
        self.position += 1

    def skip(self) -> None:
        self.answer(None)

    def back(self) -> bool:
        """Go to the previous question; False when already at the first one."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def add(self, index: int) -> None:
        """Quick mode: ask this question next."""
        self.order.append(index)

    def remaining(self) -> list[int]:
        """Questions not asked yet, in questionnaire order."""
        asked = set(self.order)
        return [i for i in range(self.total) if i not in asked]

    def restore(self, given: dict[str, AnswerValue]) -> None:
        """Resume: the saved answers, positioned at the first question not seen yet."""
        self.given = dict(given)
        ids = [q.id for q in self.questionnaire.questions]
        if self.quick:  # the questions asked, in the order they were asked
            index = {qid: i for i, qid in enumerate(ids)}
            self.order = [index[qid] for qid in given if qid in index]
            self.position = len(self.order)
        else:
            self.position = next((p for p, i in enumerate(self.order) if ids[i] not in given),
                                 len(self.order))

    def asked_ids(self) -> list[str]:
        return [self.questionnaire.questions[i].id for i in self.order[: self.position]]

    def to_answers(self) -> Answers:
        values = {q.id: self.given.get(q.id) for q in self.questionnaire.questions}
        return Answers(self.questionnaire.id, values, lang=self.lang)
