"""The sensitive notes a preparation carried into the parent conversation, for the facilitator's eyes
only: opened on purpose (F12), closed again with Escape, never part of the chat log on screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from assistant.tui.dialogs.ordered import OrderedResult


class PrepNotesDialog(OrderedResult, ModalScreen[None]):
    BINDINGS = [Binding("escape,f12,enter,q", "close", show=False, priority=True)]

    def __init__(self, title: str, notes: list[tuple[str, str]], hint: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.notes, self.hint = title, notes, hint

    def compose(self) -> ComposeResult:
        parts: list = []
        for heading, text in self.notes:
            if parts:
                parts.append("\n\n")
            parts += [(heading, "bold"), "\n", text]  # the school's words as plain text, never markup
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(Content.assemble(*parts), id="prep-notes", markup=False)
            yield Static(self.hint, classes="dialog-hint", markup=False)

    async def action_close(self) -> None:
        await self.finish(None)
