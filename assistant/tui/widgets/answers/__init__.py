"""One answer widget per answer type; `answer_box(question, value)` picks it."""

from __future__ import annotations

from typing import Any

from assistant.core.bank import AnswerType, Question
from assistant.tui.widgets.answers.base import AnswerBox


def answer_box(question: Question, value: Any = None, *, id: str | None = None) -> AnswerBox:
    """The widget that fits the question's type, holding `value` when an answer is revisited."""
    kind = question.type
    if kind is AnswerType.TEXT:
        from assistant.tui.widgets.answers.text import TextBox

        return TextBox(question, value, id=id)
    if kind is AnswerType.NUMBER:
        from assistant.tui.widgets.answers.text import LineBox

        return LineBox(question, value, id=id)
    if kind in (AnswerType.COUNTS, AnswerType.ACTIONS, AnswerType.FACTORS):
        from assistant.tui.widgets.answers.tables import ActionsBox, CountsBox, FactorsBox

        return {AnswerType.COUNTS: CountsBox, AnswerType.ACTIONS: ActionsBox, AnswerType.FACTORS: FactorsBox}[kind](
            question, value, id=id)
    from assistant.tui.widgets.answers.pick import PICKERS

    return PICKERS[kind](question, value, id=id)


__all__ = ["AnswerBox", "answer_box"]
