"""What every answer widget offers the composer: the raw value to validate, and two messages."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.message import Message

# `question` is a core.bank.Question.
Question = Any


class AnswerBox(Vertical):
    """An answer widget for one question type. Subclasses compose the inputs that fit the type.

    The composer validates `raw_value()` with the core (`normalise_answer`); a box never judges an
    answer itself, so an invalid answer simply stays in the box while the reason is shown.
    """

    DEFAULT_CSS = "AnswerBox { height: auto; }"
    HINT = "conv.hint.enter"      # the strings key of the one-line hint under the box
    SENDS_ON_ENTER = True
    PICKS = False                 # picked, not typed: an empty value means nothing was picked yet

    class Send(Message):
        """The user pressed the key that sends the answer (Enter in single-line widgets)."""

    class CommandStart(Message):
        """'/' was typed where an answer starts: the composer opens its command line."""

    def __init__(self, question: Question, value: Any = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"answer-box -{question.type}")
        self.question = question
        self.initial = value

    def raw_value(self) -> Any:
        raise NotImplementedError

    def reuse(self, question: Question, value: Any) -> bool:
        """Show `question` in this same box if its type allows (True), keeping focus where it is.

        Swapping widgets moves focus twice and rebuilds the footer each time; for the common case,
        one text question after another, clearing the box is much cheaper."""
        return False

    def has_typing(self) -> bool:
        """True when the box holds typed text that was not sent (quitting then asks first)."""
        return False

    def put_draft(self, text: str) -> bool:
        """Put unsent text typed earlier back in the box, cursor at its end (True), if the box takes text."""
        return False

    def starts_command(self) -> bool:
        """True when a '/' typed now opens the command line instead of going into the answer: the box
        is empty, or its answer is picked rather than typed. Tables keep their '/' (dates: 12/3)."""
        return False

    def focus_input(self) -> None:
        """Give focus to the box's first input, now. (`Widget.focus()` waits for the app to be idle: after
        a burst of keys it took focus back from where those keys had moved it, from the log being used.)"""
        for widget in self.query("*"):
            if widget.focusable:
                self.screen.set_focus(widget)
                return
