"""The deepening questions of a section, offered as a checklist: pick what to discuss now, park the rest."""

from __future__ import annotations

from textual import events
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
    """Returns the question ids picked (possibly none: then everything is parked), or None on Escape.

    It opens right after a section's last basis answer is sent, while a fast facilitator may still be
    typing, expecting the next question: letters typed here are kept (`typed`, shown under the list)
    for the next question's answer box, never lost to a list that has no use for them."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, intro: str, questions: list[tuple[str, str]], typed_hint: str = "{text}",
                 typed: list[events.Key] | None = None) -> None:
        """`typed`: keys typed ahead before the dialog opened, kept with the ones typed in it."""
        super().__init__(classes="dialog-screen")
        self.title_text, self.intro, self.questions = title, intro, questions
        self.typed_hint = typed_hint
        self.typed: list[events.Key] = list(typed or ())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.intro, classes="dialog-hint", markup=False)
            yield ChecklistList(*[(text, qid, False) for qid, text in self.questions], id="checklist")
            yield Static("", id="checklist-typed", classes="dialog-hint", markup=False)

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and event.character != " ":  # space ticks an option
            event.stop()
            event.prevent_default()
            self.typed.append(events.Key(event.key, event.character))
            self._show_typed()

    def _show_typed(self) -> None:
        text = "".join(key.character or "" for key in self.typed)
        self.query_one("#checklist-typed", Static).update(self.typed_hint.format(text=text) if text else "")

    def on_mount(self) -> None:
        self.query_one(ChecklistList).focus()
        self._show_typed()

    def action_cancel(self) -> None:
        self.dismiss(None)
