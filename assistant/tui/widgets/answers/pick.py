"""Answer widgets for picking: yes/no and the 0-10 scale in one row, choices in a list.

Digits (and j/n for yes/no) pick directly; Enter sends; '/' opens the command line. Nothing is
picked in advance for yes/no and the scale, so an Enter pressed too early sends nothing.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, SelectionList

from assistant.core.answers import NO, YES
from assistant.tui.keys_in_order import KeysInOrder, TogglesInOrder
from assistant.tui.widgets.answers.base import AnswerBox, Question
from assistant.tui.widgets.ticks import TickBoxes


class Picker(KeysInOrder, Widget, can_focus=True):
    """A row of short options with a cursor; -1 means nothing picked yet."""

    DEFAULT_CSS = """
    Picker { height: auto; width: 1fr; }
    """
    BINDINGS = [
        Binding("left,up", "move(-1)", show=False),
        Binding("right,down", "move(1)", show=False),
        Binding("enter", "send", show=False),
    ]
    cursor = reactive(-1)

    def __init__(self, options: list[str], letters: dict[str, int] | None = None, picked: int = -1, id: str | None = None,
                 labels: list[str] | None = None):
        """`labels` are shown for the `options` (the values picked), in the interface language."""
        super().__init__(id=id)
        self.options = options
        self.labels = labels or options
        self.letters = letters or {}
        self.set_reactive(Picker.cursor, picked)
        self._last_digit: str | None = None

    def render(self) -> Content:
        parts: list[Content | str] = []
        for i, option in enumerate(self.labels):
            style = "reverse bold" if i == self.cursor else "dim" if self.cursor >= 0 else ""
            parts += [Content.styled(f" {option} ", style), " "]
        return Content.assemble(*parts)

    def action_move(self, step: int) -> None:
        start = self.cursor if self.cursor >= 0 else (-1 if step > 0 else len(self.options))
        self.cursor = max(0, min(len(self.options) - 1, start + step))

    def action_send(self) -> None:
        self.post_message(AnswerBox.Send())

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if char == "/":
            event.stop()
            self.post_message(AnswerBox.CommandStart())
        elif char.lower() in self.letters:
            event.stop()
            self.cursor = self.letters[char.lower()]
        elif char.isdigit():
            event.stop()
            # "1" then "0" is 10 on a 0-10 scale; otherwise a digit picks that option.
            combined = f"{self._last_digit}{char}" if self._last_digit else ""
            if combined in self.options:
                self.cursor = self.options.index(combined)
                self._last_digit = None
            elif char in self.options:
                self.cursor = self.options.index(char)
                self._last_digit = char
        else:
            self._last_digit = None

    @property
    def picked(self) -> str | None:
        return self.options[self.cursor] if self.cursor >= 0 else None


class _Picked:
    """A box whose answer is picked, not typed: '/' always opens the command line."""

    def starts_command(self) -> bool:
        return True


class YesNoBox(_Picked, AnswerBox):
    HINT = "conv.hint.yes_no"
    PICKS = True

    def compose(self) -> ComposeResult:
        picked = {YES: 0, NO: 1}.get(self.initial, -1)
        strings = getattr(self.app, "strings", None)  # the answer stays ja/nee; the labels follow the interface
        labels = [strings("confirm.yes").lower(), strings("confirm.no").lower()] if strings is not None else None
        yield Picker([YES, NO], {"j": 0, "y": 0, "n": 1}, picked, id="yes-no", labels=labels)

    def raw_value(self) -> Any:
        return self.query_one(Picker).picked or ""

    def reuse(self, question: Question, value: Any) -> bool:
        if question.type != "yes_no":
            return False
        self.question, self.initial = question, value
        self.query_one(Picker).cursor = {YES: 0, NO: 1}.get(value, -1)
        return True


class ScaleBox(_Picked, AnswerBox):
    HINT = "conv.hint.scale"
    PICKS = True

    def compose(self) -> ComposeResult:
        low, high = self.question.scale_range
        options = [str(n) for n in range(int(low), int(high) + 1)]
        picked = options.index(str(self.initial)) if str(self.initial) in options else -1
        yield Picker(options, picked=picked, id="scale")

    def raw_value(self) -> Any:
        return self.query_one(Picker).picked or ""

    def reuse(self, question: Question, value: Any) -> bool:
        if question.type != "scale" or question.scale_range != self.question.scale_range:
            return False
        self.question, self.initial = question, value
        picker = self.query_one(Picker)
        picker.cursor = picker.options.index(str(value)) if str(value) in picker.options else -1
        return True


class _DigitKeys:
    """Enter sends; digits 1-9 go to that option; '/' opens the command line."""

    BINDINGS = [Binding("enter", "send", show=False)]

    def action_send(self) -> None:
        self.post_message(AnswerBox.Send())  # type: ignore[attr-defined]

    def _digit_or_slash(self, event: events.Key) -> int | None:
        char = event.character or ""
        if char == "/":
            event.stop()
            self.post_message(AnswerBox.CommandStart())  # type: ignore[attr-defined]
            return None
        if char.isdigit() and char != "0":
            event.stop()
            return int(char) - 1
        return None


class ChoiceList(KeysInOrder, _DigitKeys, OptionList):
    def on_key(self, event: events.Key) -> None:
        index = self._digit_or_slash(event)
        if index is not None and index < self.option_count:
            self.highlighted = index


class MultiList(TickBoxes, KeysInOrder, TogglesInOrder, _DigitKeys, SelectionList[str]):
    def on_key(self, event: events.Key) -> None:
        index = self._digit_or_slash(event)
        if index is not None and index < self.option_count:
            self.highlighted = index
            self.toggle(self.get_option_at_index(index).value)


def _numbered(options: tuple[str, ...]) -> list[str]:
    return [f"{i}. {o}" if i <= 9 else f"   {o}" for i, o in enumerate(options, start=1)]


class ChoiceBox(_Picked, AnswerBox):
    HINT = "conv.hint.choice"
    PICKS = True

    def compose(self) -> ComposeResult:
        options = self.question.options or ()
        chooser = ChoiceList(*_numbered(options), id="choice", compact=True)
        if self.initial in options:
            chooser.highlighted = options.index(self.initial)
        yield chooser

    def raw_value(self) -> Any:
        chooser = self.query_one(ChoiceList)
        options = self.question.options or ()
        return options[chooser.highlighted] if chooser.highlighted is not None else ""


class MultiBox(_Picked, AnswerBox):
    HINT = "conv.hint.multi"

    def compose(self) -> ComposeResult:
        chosen = set(self.initial or ())
        labels = _numbered(self.question.options or ())
        yield MultiList(*[(label, option, option in chosen) for label, option in zip(labels, self.question.options or ())],
                        id="multi", compact=True)

    def raw_value(self) -> Any:
        return list(self.query_one(MultiList).selected)


PICKERS = {"yes_no": YesNoBox, "scale": ScaleBox, "choice": ChoiceBox, "multi_choice": MultiBox}
