"""One answer widget per answer type; `answer_box(question, value)` picks it."""

from __future__ import annotations

from typing import Any

from assistant.tui.widgets.answers.base import AnswerBox


def answer_box(question: Any, value: Any = None, *, id: str | None = None) -> AnswerBox:
    """The widget that fits the question's type, holding `value` when an answer is revisited.

    `question` is a core Question (or an ad-hoc stand-in); types compare as strings. Each module is
    imported when a question of its kind first comes up."""
    kind = str(question.type)
    if kind in ("text", "number"):
        from assistant.tui.widgets.answers.text import LineBox, TextBox

        return (TextBox if kind == "text" else LineBox)(question, value, id=id)
    if kind in ("counts", "actions", "factors"):
        from assistant.tui.widgets.answers.tables import ActionsBox, CountsBox, FactorsBox

        return {"counts": CountsBox, "actions": ActionsBox, "factors": FactorsBox}[kind](question, value, id=id)
    from assistant.tui.widgets.answers.pick import PICKERS

    return PICKERS[kind](question, value, id=id)


__all__ = ["AnswerBox", "answer_box"]
