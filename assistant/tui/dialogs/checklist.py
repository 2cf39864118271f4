"""The deepening questions of a section, offered as a checklist: pick what to discuss now, park the rest."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from assistant.tui.keys_in_order import KeysInOrder
from assistant.tui.widgets.ticks import TickBoxes

# The keys that move in the list: using one says the facilitator is working the list, not typing on.
NAVIGATION = frozenset({"up", "down", "home", "end", "pageup", "pagedown"})


class ChecklistList(TickBoxes, KeysInOrder, SelectionList[str]):
    """The list reads every key itself, in the order typed (one queue, so a space can never overtake the
    letters before it): letters are typing for the next answer; a space and Enter tick and confirm only
    while the facilitator works the list, and are part of the typing while typing goes on."""

    async def _on_key(self, event: events.Key) -> None:
        dialog = self.screen
        if not isinstance(dialog, ChecklistDialog):
            return
        if event.key in NAVIGATION:
            dialog.typing = False
            dialog.show_typed()
            await super()._on_key(event)  # KeysInOrder: the list's own move, now
            return
        handled = dialog.read(event.key, event.character, event.is_printable)
        if handled:
            event.stop()
            event.prevent_default()

    def toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))


class ChecklistDialog(ModalScreen[list[str] | None]):
    """Returns the question ids picked (possibly none: then everything is parked), or None on Escape.

    It opens right after a section's last basis answer is sent, while a fast facilitator may still be
    typing, expecting the next question. What is typed here is kept (`typed`, shown under the list) for
    the next question's answer box, spaces included: while typing goes on (`typing`), a space is a
    space and Enter confirms nothing. An arrow key goes back to the list; then a space ticks the option
    and Enter confirms. Backspace takes back the last letter typed."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, intro: str, questions: list[tuple[str, str]], typed_hint: str = "{text}",
                 typed: list[events.Key] | None = None, typing_hint: str = "") -> None:
        """`typed`: keys typed ahead before the dialog opened, kept with the ones typed in it.
        `typing_hint`: said while typing goes on, how to get back to the list."""
        super().__init__(classes="dialog-screen")
        self.title_text, self.intro, self.questions = title, intro, questions
        self.typed_hint, self.typing_hint = typed_hint, typing_hint
        self.typed: list[events.Key] = [k for k in typed or () if k.character]
        self.typing = bool(self.typed)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.intro, classes="dialog-hint", markup=False)
            yield ChecklistList(*[(text, qid, False) for qid, text in self.questions], id="checklist")
            yield Static("", id="checklist-typed", classes="dialog-hint", markup=False)

    @property
    def checklist(self) -> ChecklistList:
        return self.query_one(ChecklistList)

    def read(self, key: str, character: str | None, printable: bool) -> bool:
        """One key typed while the checklist is up; True when it was taken here."""
        if key == "enter":
            if not self.typing:
                self.dismiss(list(self.checklist.selected))
            return True
        if key == "backspace":
            if self.typed:
                self.typed.pop()
                self.typing = bool(self.typed)
                self.show_typed()
            return True
        if key == "space" and not self.typing:
            self.checklist.toggle_highlighted()
            return True
        if printable and character:
            self.type_ahead(events.Key(key, character))
            return True
        return False

    def type_ahead(self, key: events.Key) -> None:
        self.typed.append(key)
        self.typing = True
        self.show_typed()

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the dialog itself, not through the list (which reads every letter, space
        and Enter), was handed on while the dialog was opening, before the list had focus: typed before
        the list was even seen, so typing for the next answer, whatever it is (the app would otherwise
        run the list's own binding for it: an Enter confirmed the checklist)."""
        if event.key == "enter" or (event.is_printable and event.character):
            event.stop()
            event.prevent_default()
            # an Enter could send the next answer: a space, as for the letters typed before the checklist came
            self.type_ahead(events.Key("space", " ") if event.key == "enter" else events.Key(event.key, event.character))

    def show_typed(self) -> None:
        text = "".join(key.character or "" for key in self.typed)
        shown = self.typed_hint.format(text=text) if text else ""
        if shown and self.typing and self.typing_hint:
            shown = f"{shown}\n{self.typing_hint}"
        self.query_one("#checklist-typed", Static).update(shown)

    def on_mount(self) -> None:
        self.set_focus(self.checklist)  # now: keys already queued go to the list, in order
        self.show_typed()

    def action_cancel(self) -> None:
        self.dismiss(None)
