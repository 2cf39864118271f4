"""Before a new conversation: facilitator, school or pupil, participants with roles, and what it follows."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from assistant.core.safetext import one_line
from assistant.application.settings import NewMeta, format_participants, parse_participants
from assistant.tui.keys_in_order import settle
from assistant.tui.widgets.answers.text import OrderedInput


ROOMY_ROWS = 32  # the spaced form is 21 rows high; below this it is laid out without blank lines


class DetailsDialog(ModalScreen[NewMeta | None]):
    """Returns the details (all optional), or None on Escape. Enter moves on; Enter on the last field, or ctrl+s, starts."""

    BINDINGS = [
        Binding("enter", "next_field", show=False, priority=True),
        Binding("tab", "move_field(1)", show=False, priority=True),
        Binding("shift+tab", "move_field(-1)", show=False, priority=True),
        Binding("ctrl+s", "start", show=False, priority=True),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, script_title: str, meta: NewMeta, earlier: list[tuple[str, str]], *, editing: bool = False,
                 title: str = "", participants_hint: str = "") -> None:
        """`title` and `participants_hint` replace the usual ones (a conversation handed over from a
        preparation says so, and whom to add)."""
        super().__init__(classes="dialog-screen")
        self.script_title = script_title
        self.title_text = title
        self.participants_hint = participants_hint
        self.meta = meta
        self.earlier = earlier
        self.editing = editing
        self._taken: dict[str, str] = {}  # field -> the value taken over from an earlier meeting

    def compose(self) -> ComposeResult:
        t = self.app.strings  # type: ignore[attr-defined]
        m = self.meta
        # The fields show what was saved, control characters as escapes (a subject given on an older command
        # line, a colleague's copy): saved again, they are the escapes, which act on no terminal.
        with Vertical(classes="dialog -wide details-form") as form:
            form.set_class(self._roomy(), "-roomy")
            title = t("conv.details") if self.editing else self.title_text or t("meta.title", script=self.script_title)
            yield Static(title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Label(t("meta.facilitator"))
                yield OrderedInput(one_line(m.facilitator), id="facilitator", compact=True)
                yield Label(t("meta.subject"))
                yield OrderedInput(one_line(m.subject), id="subject", compact=True)
                yield Label(t("meta.participants"))
                yield OrderedInput(one_line(format_participants(m.participants)),
                                   placeholder=self.participants_hint or t("meta.participants.placeholder"),
                                   id="participants", compact=True)
                yield Label(t("meta.tags"))
                yield OrderedInput(one_line(", ".join(m.tags)), id="tags", compact=True)
                if not self.editing:
                    yield Label(t("meta.follows"))
                    options = [(label, name) for name, label in self.earlier]
                    yield Select(options, prompt=t("meta.follows.none"), value=m.follows if m.follows in dict(self.earlier) else Select.NULL,
                                 id="follows", compact=True)
            yield Static(t("edit.hint"), id="details-error", classes="dialog-hint", markup=False)

    def _roomy(self) -> bool:
        """A blank line between the fields where the terminal has the rows for it: at 24 rows the spaced
        form filled the screen, and the "Vervolg op" list opened over the dialog's lower edge."""
        return self.app.size.height >= ROOMY_ROWS

    def on_resize(self) -> None:
        self.query_one(".details-form").set_class(self._roomy(), "-roomy")

    def on_mount(self) -> None:
        # from a preparation, facilitator and pupil are filled in: the parents are what is left to type
        first = "#participants" if self.meta.prepared_by and not self.editing else "#facilitator"
        self.query_one(first, Input).focus()
        if not self.editing:
            self._take_over(self.meta.follows)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._take_over(event.value if isinstance(event.value, str) else None)

    def _take_over(self, ref: str | None) -> None:
        """A follow-up starts with the earlier meeting's details, shown so they can be checked or changed
        (left empty, the form said nothing, although the store fills them in from that meeting)."""
        if not ref:
            return
        try:
            earlier = self.app.store.load(ref).meta  # type: ignore[attr-defined]
        except Exception:  # gone or damaged since it was listed: the store says so when the meeting starts
            return
        values = {"facilitator": earlier.facilitator, "subject": earlier.subject,
                  "participants": format_participants(earlier.participants), "tags": ", ".join(earlier.tags)}
        for ident, value in values.items():
            field = self.query_one(f"#{ident}", Input)
            if not field.value.strip() or field.value == self._taken.get(ident):  # never over what was typed
                field.value = value
                field.cursor_position = len(value)
                self._taken[ident] = value

    async def action_next_field(self) -> None:
        """Enter moves to the next field at once, so keys typed after it land there (not via Input.Submitted,
        which arrives after the keys already queued for the field being left)."""
        await settle(self)
        inputs = list(self.query(Input))
        if self.focused not in inputs:
            raise SkipAction()  # Enter on the Select opens it
        index = inputs.index(self.focused)
        if index < len(inputs) - 1:
            self.set_focus(inputs[index + 1])
        else:
            await self.action_start()

    async def action_move_field(self, step: int) -> None:
        """Tab and shift+Tab move as their key is read, like Enter: in a burst ("Sofie", Tab, "Noor") the
        letters after a Tab that Textual moved later went into the field being left."""
        await settle(self)
        fields = [w for w in self.query("Input, Select") if w.focusable]
        if self.focused not in fields:
            raise SkipAction()  # an open list, or focus elsewhere: Textual's own Tab
        self.set_focus(fields[(fields.index(self.focused) + step) % len(fields)])

    async def action_start(self) -> None:
        await settle(self)
        t = self.app.strings  # type: ignore[attr-defined]
        value = lambda ident: self.query_one(f"#{ident}", Input).value.strip()  # noqa: E731
        try:
            people = parse_participants(value("participants"))
        except ValueError as exc:
            error = self.query_one("#details-error", Static)
            error.update(t("meta.bad_participant", text=str(exc)))
            error.add_class("-error")
            self.query_one("#participants", Input).focus()
            return
        follows = None
        if not self.editing:
            chosen = self.query_one(Select).value
            follows = chosen if isinstance(chosen, str) else None
        tags = tuple(tag.strip() for tag in value("tags").split(",") if tag.strip())
        self.dismiss(replace(self.meta, facilitator=value("facilitator"), subject=value("subject"), participants=people,
                             tags=tags, follows=follows if not self.editing else self.meta.follows))

    def action_cancel(self) -> None:
        self.dismiss(None)
