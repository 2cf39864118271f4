"""Answer widgets for typed answers: multi-line text, and one line (numbers, ad-hoc short answers)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from assistant.tui.keys_in_order import KeysInOrder
from assistant.tui.widgets.answers.base import AnswerBox, Question


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class OrderedTextArea(KeysInOrder, TextArea):
    """A TextArea whose editing keys (ctrl+u, backspace, arrows) keep their place among typed letters."""


class OrderedInput(KeysInOrder, Input):
    """An Input whose editing keys keep their place among typed letters."""


class TextBox(AnswerBox):
    """Free text over several lines. Enter is a new line; the send key (ctrl+s) sends."""

    HINT = "conv.hint.ctrl_s"
    SENDS_ON_ENTER = False

    def compose(self) -> ComposeResult:
        yield OrderedTextArea(_as_text(self.initial), soft_wrap=True, tab_behavior="focus", id="text-answer")

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    def raw_value(self) -> Any:
        return self.area.text

    def has_typing(self) -> bool:
        text = self.area.text.strip()
        return bool(text) and text != _as_text(self.initial).strip()

    def reuse(self, question: Question, value: Any) -> bool:
        if question.type != "text":
            return False
        self.question, self.initial = question, value
        self.area.load_text(_as_text(value))
        self.area.move_cursor(self.area.document.end)
        return True

    def focus_input(self) -> None:
        self.screen.set_focus(self.area)  # now (see AnswerBox.focus_input)
        self.area.move_cursor(self.area.document.end)

    def starts_command(self) -> bool:
        return self.area.text == ""

    def put_draft(self, text: str) -> bool:
        self.area.load_text(text)
        self.area.move_cursor(self.area.document.end)
        return True

    @on(TextArea.Changed)
    def _slash(self, event: TextArea.Changed) -> None:
        if event.text_area.text == "/":
            event.text_area.clear()
            self.post_message(self.CommandStart())


class LineBox(AnswerBox):
    """One line: a number (with its unit and range in the placeholder). Enter sends."""

    def _placeholder(self) -> str:
        q = self.question
        low = f"{q.min:g}" if q.min is not None else ""
        high = f"{q.max:g}" if q.max is not None else ""
        return " ".join(p for p in (f"{low}–{high}" if low or high else "", q.unit or "") if p)

    def compose(self) -> ComposeResult:
        yield OrderedInput(_as_text(self.initial), placeholder=self._placeholder(), compact=True, id="line-answer",
                           select_on_focus=False)

    @property
    def line(self) -> Input:
        return self.query_one(Input)

    def reuse(self, question: Question, value: Any) -> bool:
        if question.type != "number":
            return False
        self.question, self.initial = question, value
        self.line.value = _as_text(value)
        self.line.placeholder = self._placeholder()
        self.line.cursor_position = len(self.line.value)
        return True

    def raw_value(self) -> Any:
        return self.line.value

    def has_typing(self) -> bool:
        text = self.line.value.strip()
        return bool(text) and text != _as_text(self.initial)

    def starts_command(self) -> bool:
        return self.line.value == ""

    def put_draft(self, text: str) -> bool:
        self.line.value = text
        self.line.cursor_position = len(text)
        return True

    @on(Input.Submitted)
    def _send(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Send())

    @on(Input.Changed)
    def _slash(self, event: Input.Changed) -> None:
        if event.value == "/":
            event.input.clear()
            self.post_message(self.CommandStart())
