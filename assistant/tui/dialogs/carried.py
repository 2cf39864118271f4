"""Last time's agreements, reviewed at the start of a follow-up meeting (and again with ctrl+e).

One list: the actions the previous meeting left open, each to mark done (a), partly done with a
note (d), dropped (x) or still open (o); then the questions it parked or suggested, each to ask now
(Enter), park again (p) or leave (x). Every choice is recorded the moment its key is pressed, by the
`decide` the screen passes in (durable, like an answer); the list shows the result.

Opened by itself, at the start of a follow-up, it may come up while a fast facilitator is already
typing the first answer, and its choices are letters: "Ze doen het goed" marked an action open (o)
and opened a partly-done note (d). So, as the deepening checklist does (assistant.tui.dialogs.checklist),
what was typed before the review was on screen is typing for the answer, not choices: kept (`typed`,
shown under the list) and typed into the answer box once the review closes; letters go on being
typing until an arrow key goes back to the list. A letter that is none of the review's keys starts
typing too. Opened on purpose (ctrl+e), the keys after it are the facilitator's choices.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assistant.core.safetext import one_line
from assistant.tui.dialogs.ordered import OrderedResult
from assistant.tui.strings import Strings


@dataclass(frozen=True)
class ReviewRow:
    """One carried item. `kind`: action or question; `key`: the action id or the suggestion key;
    `state`: the action's status (done, partly, dropped, open) or the question's decision
    (accepted, parked, dismissed), "" while not dealt with here."""

    kind: str
    key: str
    text: str
    detail: str = ""
    state: str = ""
    note: str = ""


# What the screen does with a choice: returns an error to show (a save that failed), or None.
Decide = Callable[[ReviewRow, str, str], Awaitable[str | None]]

ACTION_KEYS = {"a": "done", "d": "partly", "x": "dropped", "o": "open"}
QUESTION_KEYS = {"enter": "accepted", "p": "parked", "x": "dismissed"}


CHOICE_KEYS = frozenset({"a", "d", "x", "o", "p"})
NAVIGATION = frozenset({"up", "down", "home", "end", "pageup", "pagedown"})


class ReviewList(OptionList):
    BINDINGS = [Binding(key, f"screen.choose('{key}')", show=False) for key in sorted(CHOICE_KEYS)]

    async def _on_key(self, event: events.Key) -> None:
        dialog = self.screen
        if isinstance(dialog, CarriedDialog) and dialog.read_typing(event):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)


class CarriedDialog(OrderedResult, ModalScreen[None]):
    """Returns nothing: every choice is recorded as it is made. `typed`: what was typed for the answer
    before the review opened; with what was typed while it was up, in `typed` when it closes."""

    # Priority: closing is acted on (OrderedResult) before the keys typed after it are read
    BINDINGS = [Binding("escape", "close", show=False, priority=True), Binding("ctrl+e", "close", show=False, priority=True)]

    def __init__(self, strings: Strings, title: str, rows: list[ReviewRow], decide: Decide, *,
                 unbidden: bool = False, typed: list[events.Key] | None = None) -> None:
        """`unbidden`: opened by itself (the start of a follow-up), not by the facilitator's key."""
        super().__init__(classes="dialog-screen")
        self.t = strings
        self.title_text = title
        self.rows = list(rows)
        self.decide = decide
        self.typed: list[events.Key] = [k for k in typed or () if k.is_printable]
        self.typing = bool(self.typed)
        self.unbidden = unbidden
        self.opened_at = 0.0  # keys read from the terminal before this were typed before the review existed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide", id="carried"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield ReviewList(*self._options(), id="carried-list")
            yield Static("", id="carried-typed", classes="dialog-hint", markup=False)
            yield Static("", id="carried-keys", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        listing = self.query_one(ReviewList)
        self.set_focus(listing)  # now: the keys already on their way are read by the list, in order
        listing.highlighted = self._next_open(-1)
        self._show_keys()
        self._show_typed()
        if self.unbidden:
            # On Textual's clock, the one a key's time is on. (Its first frame comes a moment later, and
            # later still when the app is busy: taken as the line, a choice made on seeing the review
            # was read as typing.)
            self.opened_at = Message().time

    # -- typing for the answer --------------------------------------------------------------------
    def read_typing(self, event: events.Key) -> bool:
        """Whether `event` is typing for the answer (kept here) rather than a key of the review."""
        ahead = event.time < self.opened_at  # typed before the review was there
        if event.key in NAVIGATION:
            if ahead:
                return True  # moved in the answer box, not in this list
            if self.typing:
                self.typing = False  # back to the list
                self._show_typed()
            return False
        if event.key == "backspace":
            if self.typed and (ahead or self.typing):
                self.typed.pop()
                self.typing = bool(self.typed)
                self._show_typed()
            return True
        if event.key == "enter":
            return ahead or self.typing  # a new line or a send of the answer: no question taken up now
        if event.is_printable and event.character and (ahead or self.typing or event.key not in CHOICE_KEYS):
            self.typed.append(events.Key(event.key, event.character))
            self.typing = True
            self._show_typed()
            return True
        return False

    def _show_typed(self) -> None:
        text = "".join(key.character or "" for key in self.typed)
        shown = self.t("checklist.typed", text=text) if text else ""
        if shown and self.typing:
            shown = f"{shown}\n{self.t('carried.typing')}"
        typed = self.query_one("#carried-typed", Static)
        typed.update(shown)
        typed.display = bool(shown)

    # -- showing ----------------------------------------------------------------------------------
    def _options(self) -> list[Option]:
        options: list[Option] = []
        for kind, head in (("action", "carried.actions"), ("question", "carried.questions")):
            mine = [(i, r) for i, r in enumerate(self.rows) if r.kind == kind]
            if mine:
                options.append(Option(Content.styled(self.t(head), "bold"), id=f"head-{kind}", disabled=True))
                options += [Option(self._prompt(row), id=f"row-{i}") for i, row in mine]
        return options

    def _prompt(self, row: ReviewRow) -> Content:
        if row.state:
            label = self.t(f"carried.{row.kind}.{row.state}")
            mark = ("✓ " if row.state in ("done", "accepted") else "· ") + f"[{label}] "
            style = "dim" if row.state in ("dropped", "dismissed") else ""
        else:
            mark, style = "  ", "bold"
        # What the last meeting wrote is data: shown on one line each, control characters as escapes.
        parts: list = [(mark, "bold"), (one_line(row.text), style)]
        if row.note:
            parts.append((f": {one_line(row.note)}", "italic"))
        if row.detail:
            parts += ["\n", ("    " + one_line(row.detail), "dim italic")]
        return Content.assemble(*parts)

    def _row_at(self, index: int | None) -> tuple[int, ReviewRow] | None:
        listing = self.query_one(ReviewList)
        if index is None or not 0 <= index < listing.option_count:
            return None
        ident = listing.get_option_at_index(index).id or ""
        if not ident.startswith("row-"):
            return None
        number = int(ident.removeprefix("row-"))
        return number, self.rows[number]

    def _next_open(self, after: int) -> int | None:
        """The next item not dealt with yet after `after` (else the first such, else the first item)."""
        listing = self.query_one(ReviewList)
        indexes = [i for i in range(listing.option_count) if self._row_at(i)]
        open_ = [i for i in indexes if not self._row_at(i)[1].state]  # type: ignore[index]
        later = [i for i in open_ if i > after]
        return (later or open_ or indexes or [None])[0]

    def _show_keys(self, error: str = "") -> None:
        found = self._row_at(self.query_one(ReviewList).highlighted)
        hint = self.query_one("#carried-keys", Static)
        hint.set_class(bool(error), "-error")
        if error:
            hint.update(error)
        elif found is None:
            hint.update(self.t("carried.keys.none"))
        else:
            hint.update(self.t(f"carried.keys.{found[1].kind}"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_keys()

    # -- choosing ---------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.run_worker(self.action_choose("enter"), exclusive=True, group="carried")

    async def action_choose(self, key: str) -> None:
        listing = self.query_one(ReviewList)
        index = listing.highlighted
        found = self._row_at(index)
        if found is None:
            return
        number, row = found
        value = (ACTION_KEYS if row.kind == "action" else QUESTION_KEYS).get(key)
        if value is None or (row.kind == "question" and row.state):  # a question is dealt with once
            return
        if value != "partly":
            await self._record(number, index, value, "")
            return
        from assistant.tui.dialogs.text_prompt import LineDialog

        async def noted(note: str | None) -> None:
            if note:  # partly done says what is left; Escape (or nothing typed) records nothing
                await self._record(number, index, value, note.strip())
            listing.focus()

        # The note as saved, its control characters as escapes: saved again, it holds the escapes.
        self.app.push_screen(LineDialog(self.t("carried.note", action=one_line(row.text)), one_line(row.note),
                                        self.t("carried.note.placeholder")), noted)

    async def _record(self, number: int, index: int | None, value: str, note: str) -> None:
        row = self.rows[number]
        error = await self.decide(row, value, note)
        if error:
            self._show_keys(error)
            return
        listing = self.query_one(ReviewList)
        self.rows[number] = replace(row, state=value, note=note if row.kind == "action" else "")
        listing.replace_option_prompt(f"row-{number}", self._prompt(self.rows[number]))
        listing.highlighted = self._next_open(index if index is not None else -1)
        self._show_keys()

    async def action_close(self) -> None:
        await self.finish(None)
