"""Edit an earlier answer in place: the answer widget of its type, holding the current answer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from assistant.core.safetext import visible, visible_in
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import Question
from assistant.tui.typing import settle
from assistant.tui.widgets.answers import AnswerBox, answer_box


class EditDialog(ModalScreen[Any]):
    """Returns the new answer in its normal form (checked here, so a wrong one stays in the box), or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", show=False, priority=True),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, title: str, question: Question, value: Any, hint: str) -> None:
        super().__init__(classes="dialog-screen")
        # The answer as saved, its control characters as escapes: saved again, it holds the escapes.
        self.title_text, self.question, self.value, self.hint = title, question, visible_in(value), hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(visible(self.question.text), classes="dialog-question", markup=False)
            yield answer_box(self.question, self.value, id="edit-box")
            yield Static(self.hint, id="edit-error", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(AnswerBox).focus_input()

    async def on_answer_box_send(self, event: AnswerBox.Send) -> None:
        event.stop()
        await self.action_save()

    def on_answer_box_command_start(self, event: AnswerBox.CommandStart) -> None:
        event.stop()  # no commands while editing

    async def action_save(self) -> None:
        await settle(self)  # ctrl+s is read at once: first let the box take the keys typed before it
        try:
            value = normalise_answer(self.question, self.query_one(AnswerBox).raw_value())
        except AnswerError as exc:
            status = self.query_one("#edit-error", Static)
            status.update(self.app.strings.answer_error(exc))  # type: ignore[attr-defined]
            status.add_class("-error")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
