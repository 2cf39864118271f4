"""The deepening questions of a section, offered as a checklist: pick what to discuss now, park the rest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from assistant.tui.typing import TogglesInOrder


class ChecklistList(TogglesInOrder, SelectionList[str]):
    BINDINGS = [Binding("enter", "confirm", show=False)]

    def action_confirm(self) -> None:
        self.screen.dismiss(list(self.selected))  # type: ignore[attr-defined]


class ChecklistDialog(ModalScreen[list[str] | None]):
    """Returns the question ids picked (possibly none: then everything is parked), or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, intro: str, questions: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.intro, self.questions = title, intro, questions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.intro, classes="dialog-hint", markup=False)
            yield ChecklistList(*[(text, qid, False) for qid, text in self.questions], id="checklist")

    def on_mount(self) -> None:
        self.query_one(ChecklistList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
