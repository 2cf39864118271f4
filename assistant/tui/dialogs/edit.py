"""Edit an earlier answer in place: the answer widget of its type, holding the current answer, and
who gave it (kept unless changed here, on purpose)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from assistant.core.safetext import visible, visible_in
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import Question
from assistant.tui.dialogs.ordered import OrderedResult
from assistant.tui.keys_in_order import settle
from assistant.tui.widgets.answers import AnswerBox, answer_box


@dataclass(frozen=True)
class Edited:
    value: Any       # the answer in its normal form
    speaker: str     # who gave it ("" for nobody named)


class EditDialog(OrderedResult, ModalScreen[Edited | None]):
    """Returns the new answer in its normal form (checked here, so a wrong one stays in the box) and its
    speaker, or None. `ask_speaker(current)` makes the dialog that changes the speaker (ctrl+t)."""

    BINDINGS = [
        Binding("ctrl+s", "save", show=False, priority=True),
        Binding("ctrl+t", "speaker", show=False, priority=True),
        Binding("escape", "cancel", show=False, priority=True),
    ]

    def __init__(self, title: str, question: Question, value: Any, hint: str, *, speaker: str = "",
                 ask_speaker: Callable[[str], ModalScreen[str | None]] | None = None) -> None:
        super().__init__(classes="dialog-screen")
        # The answer as saved, its control characters as escapes: saved again, it holds the escapes.
        self.title_text, self.question, self.value, self.hint = title, question, visible_in(value), hint
        self.speaker = speaker
        self.ask_speaker = ask_speaker

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(visible(self.question.text), classes="dialog-question", markup=False)
            yield Static(self._speaker_line(), id="edit-speaker", classes="dialog-hint", markup=False)
            yield answer_box(self.question, self.value, id="edit-box")
            yield Static(self.hint, id="edit-error", classes="dialog-hint", markup=False)

    def _speaker_line(self) -> str:
        t = self.app.strings  # type: ignore[attr-defined]
        return t("conv.speaker_now", name=visible(self.speaker)) if self.speaker else t("conv.speaker_none")

    async def action_speaker(self) -> None:
        if self.ask_speaker is None:
            return
        await settle(self)
        focused = self.focused

        def chosen(name: str | None) -> None:
            if name is not None:
                self.speaker = name
                self.query_one("#edit-speaker", Static).update(self._speaker_line())
            if focused is not None:
                self.set_focus(focused)

        dialog = self.ask_speaker(self.speaker)
        if isinstance(dialog, OrderedResult):
            dialog.handler = chosen
            await self.app.push_screen(dialog)
        else:
            await self.app.push_screen(dialog, chosen)

    def on_mount(self) -> None:
        box = self.query_one(AnswerBox)
        target = next((w for w in box.query("*") if w.focusable), None)
        if target is not None:
            self.set_focus(target)  # now, not after the keys already queued
        box.focus_input()  # and the box's own way (a text's cursor at its end)

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
        await self.finish(Edited(value, self.speaker))

    async def action_cancel(self) -> None:
        await self.finish(None)
