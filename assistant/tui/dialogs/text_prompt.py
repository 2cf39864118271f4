"""One line or a few lines of text: a note, the speaker's name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static, TextArea

from assistant.tui.dialogs.ordered import OrderedResult
from assistant.tui.keys_in_order import settle
from assistant.tui.widgets.answers.text import OrderedInput, OrderedTextArea


class LineDialog(OrderedResult, ModalScreen[str | None]):
    """Returns the line typed (Enter), or None (Escape). An empty line is returned as ''.

    With `choices` (the meeting's participants, for the speaker), typing completes to one of them
    (Tab takes it) and a hint lists them."""

    # Priority: read as the app reads the key, so the dialog is gone (and its result taken) before the
    # app hands on the keys typed after it: "ctrl+t Fatima Enter Geen auto" in one burst.
    BINDINGS = [
        Binding("escape", "cancel", show=False, priority=True),
        Binding("tab", "complete", show=False, priority=True),
        Binding("enter", "submit", show=False, priority=True),
    ]

    def __init__(self, title: str, value: str = "", placeholder: str = "", choices: tuple[str, ...] = (),
                 hint: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.value, self.placeholder = title, value, placeholder
        self.choices, self.hint = choices, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            suggester = SuggestFromList(self.choices, case_sensitive=False) if self.choices else None
            yield OrderedInput(self.value, placeholder=self.placeholder, id="line", suggester=suggester)
            if self.hint:
                yield Static(self.hint, classes="dialog-hint", markup=False)

    async def action_complete(self) -> None:
        await settle(self)
        line = self.query_one(Input)
        typed = line.value.strip().casefold()
        # From the choices themselves, not the suggester's last offer: that is computed in the
        # background and, in a burst ("Fa" Tab), not there yet when Tab is read.
        match = next((c for c in self.choices if typed and c.casefold().startswith(typed)), None)
        if match is not None:
            line.value = match
            line.cursor_position = len(match)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # now, not after the keys already queued (see open_dialog)

    async def action_submit(self) -> None:
        await settle(self)
        await self.finish(self.query_one(Input).value.strip())

    async def action_cancel(self) -> None:
        await self.finish(None)


class NoteDialog(OrderedResult, ModalScreen[str | None]):
    """Several lines; ctrl+s saves (as in the composer), Escape cancels. A note longer than a note may be
    stays here, with the reason, for the facilitator to shorten: it is never dropped."""

    BINDINGS = [
        Binding("ctrl+s", "save", show=False, priority=True),
        Binding("escape", "cancel", show=False, priority=True),
    ]

    def __init__(self, title: str, hint: str, value: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.hint, self.value = title, hint, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OrderedTextArea(self.value, soft_wrap=True, tab_behavior="focus", id="note")
            yield Static(self.hint, classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(TextArea))  # now, not after the keys already queued (see open_dialog)
        self._check(self.value.strip())

    def _check(self, text: str) -> bool:
        """Whether `text` can be saved as a note; if not, the hint says why."""
        from assistant.core.answers import MAX_TEXT, AnswerError

        if len(text) <= MAX_TEXT:
            return True
        refused = AnswerError("too_long", "too long", length=len(text), maximum=MAX_TEXT)
        self.query_one(".dialog-hint", Static).update(self.app.strings.answer_error(refused))  # type: ignore[attr-defined]
        return False

    async def action_save(self) -> None:
        await settle(self)  # ctrl+s is read before the letters typed just before it reach the note
        text = self.query_one(TextArea).text.strip()
        if self._check(text):
            await self.finish(text or None)

    async def action_cancel(self) -> None:
        await self.finish(None)
