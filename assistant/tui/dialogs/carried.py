"""Last time's agreements, reviewed at the start of a follow-up meeting (and again with ctrl+e).

One list: the actions the previous meeting left open, each to mark done (a), partly done with a
note (d), dropped (x) or still open (o); then the questions it parked or suggested, each to ask now
(Enter), park again (p) or leave (x). Every choice is recorded the moment its key is pressed, by the
`decide` the screen passes in (durable, like an answer); the list shows the result.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assistant.core.safetext import one_line
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


class ReviewList(OptionList):
    BINDINGS = [Binding(key, f"screen.choose('{key}')", show=False) for key in ("a", "d", "x", "o", "p")]


class CarriedDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", show=False), Binding("ctrl+e", "close", show=False)]

    def __init__(self, strings: Strings, title: str, rows: list[ReviewRow], decide: Decide) -> None:
        super().__init__(classes="dialog-screen")
        self.t = strings
        self.title_text = title
        self.rows = list(rows)
        self.decide = decide

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide", id="carried"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield ReviewList(*self._options(), id="carried-list")
            yield Static("", id="carried-keys", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        listing = self.query_one(ReviewList)
        listing.focus()
        listing.highlighted = self._next_open(-1)
        self._show_keys()

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

    def action_close(self) -> None:
        self.dismiss(None)
