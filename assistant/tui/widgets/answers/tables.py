"""Answer widgets with several fields: the counts table, the Wat/Wie/Wanneer/Check rows, the factor lists."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea

from assistant.core.answers import ACTION_FIELDS, FACTOR_SIDES, count_cell
from assistant.core.bank import RENAMED_BANDS
from assistant.tui.keys_in_order import KeysInOrder, settle
from assistant.tui.widgets.answers.base import AnswerBox
from assistant.tui.widgets.answers.text import OrderedTextArea


class TableBox(AnswerBox):
    """An answer of several fields: Tab and shift+Tab go to the next or previous field only once the
    field being left has read every key typed before them.

    The screen's own Tab runs after its key has passed through the field, and by then the app has
    already handed the field the keys that followed: '2', Tab, '3' in one burst (tmux, a paste, a
    fast typist) put "23" in one cell. A priority binding runs as the app reads the key, before it
    hands on the next one; `settle` lets the field finish the keys before it (as Enter does).

    Where Tab goes is the box's own decision (`step`), never the screen's focus chain: past the last
    cell of an action row the chain wrapped to the first cell of the same row, and the next action was
    typed onto the end of the one before."""

    BINDINGS = [
        Binding("tab", "field(1)", show=False, priority=True),
        Binding("shift+tab", "field(-1)", show=False, priority=True),
    ]

    def fields(self) -> list[Widget]:
        """The box's fields in reading order."""
        return [w for w in self.query("*") if w.focusable]

    async def action_field(self, step: int) -> None:
        await settle(self.screen)
        await self.step(self.screen.focused, step)

    async def step(self, focused: Widget | None, step: int) -> None:
        """The next (step 1) or previous (-1) field in reading order, round from the last to the first."""
        fields = self.fields()
        if fields:
            index = fields.index(focused) if focused in fields else -step
            self.screen.set_focus(fields[(index + step) % len(fields)])  # now: focus() waits behind queued keys

    async def row(self, cell: Cell, step: int) -> None:
        """The cell above (-1) or below (1) `cell`, if there is one."""
        self._focus_cell(cell.row + step, cell.column)

    async def beside(self, cell: Cell, step: int) -> None:
        """The cell left (-1) or right (1) of `cell`, if there is one."""
        self._focus_cell(cell.row, cell.column + step)

    def _focus_cell(self, row: int, column: int) -> None:
        for other in self.query(Cell):
            if other.row == row and other.column == column:
                self.screen.set_focus(other)
                return


class Cell(KeysInOrder, Input):
    """One field of a table; up and down move between rows, '/' in an empty cell opens the commands."""

    # Priority, for the reason TableBox gives: the move must come before the keys typed after it.
    BINDINGS = [
        Binding("up", "row(-1)", show=False, priority=True),
        Binding("down", "row(1)", show=False, priority=True),
    ]

    SELECT_ON_FOCUS = False  # a text field reached again is edited where it ends

    def __init__(self, value: str, row: int, column: int, **kwargs: Any) -> None:
        super().__init__(value, compact=True, select_on_focus=self.SELECT_ON_FOCUS, **kwargs)
        self.row = row
        self.column = column

    @property
    def table(self) -> TableBox | None:
        return next((a for a in self.ancestors if isinstance(a, TableBox)), None)

    async def action_row(self, step: int) -> None:
        await settle(self.screen)
        if self.table is not None:
            await self.table.row(self, step)

    @on(Input.Changed)
    def _slash(self, event: Input.Changed) -> None:
        if event.value == "/":
            self.clear()
            self.post_message(AnswerBox.CommandStart())

    def on_blur(self) -> None:
        # Left, a cell shows the start of what it holds: scrolled to its end it read "rleg afwezigheden
        # inplannen" for "Maandelijks overleg afwezigheden inplannen".
        self.scroll_to(x=0, animate=False, immediate=True, force=True)

    def on_focus(self) -> None:
        # back in it, the cursor (where it was left, at the end) is in view again
        self.scroll_to_region(Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False)


class CountCell(Cell):
    """A cell of the counts table: a number of a few digits, so left and right go to the cell beside it
    (as the hint says), not inside the number: 4, Left, 2 made "24" in one cell. A number reached
    again is replaced by what is typed, as in a spreadsheet: going back to 40 to type 42 gave "4042"."""

    SELECT_ON_FOCUS = True

    BINDINGS = [
        Binding("left", "beside(-1)", show=False, priority=True),
        Binding("right", "beside(1)", show=False, priority=True),
    ]

    async def action_beside(self, step: int) -> None:
        await settle(self.screen)
        if self.table is not None:
            await self.table.beside(self, step)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class CountsBox(TableBox):
    """Absence codes by band (or the question's own rows and columns); empty cells are not counted."""

    HINT = "conv.hint.table"

    def compose(self) -> ComposeResult:
        rows, columns = self.question.count_rows, self.question.count_columns
        values = self.initial if isinstance(self.initial, dict) else {}
        with Grid(classes="counts-grid") as grid:
            grid.styles.grid_size_columns = len(columns) + 1
            # Every column its own width: a shorter list in the stylesheet would repeat ("4 1fr"
            # gave every other band 4 cells, its header wrapped and its cells no longer lined up).
            heads = max((cell_len(row) for row in rows), default=1)
            grid.styles.grid_columns = " ".join([str(heads), *["1fr"] * len(columns)])
            yield Label("")
            for column in columns:
                yield Label(column, classes="column-head")
            for r, row in enumerate(rows):
                yield Label(row, classes="row-head")
                for c, column in enumerate(columns):
                    yield CountCell(_text(count_cell(values.get(row), column)), r, c, id=f"cell-{r}-{c}")

    def raw_value(self) -> Any:
        rows, columns = self.question.count_rows, self.question.count_columns
        table: dict[str, dict[str, str]] = {}
        for cell in self.query(Cell):
            if cell.value.strip():
                table.setdefault(rows[cell.row], {})[columns[cell.column]] = cell.value.strip()
        return table

    def has_typing(self) -> bool:
        return any(cell.value.strip() for cell in self.query(Cell)) and self.raw_value() != self._initial_raw()

    def _initial_raw(self) -> dict[str, dict[str, str]]:
        values = self.initial if isinstance(self.initial, dict) else {}
        return {r: {RENAMED_BANDS.get(c, c): str(n) for c, n in cells.items()} for r, cells in values.items() if cells}

    @on(Input.Submitted)
    def _send(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Send())


class ActionsBox(TableBox):
    """Rows of Wat / Wie / Wanneer / Check. Tab and Enter go to the next field; past the last field of
    a row, to the next row, a new one after the last. Down on the last row adds one too."""

    HINT = "conv.hint.actions"
    SENDS_ON_ENTER = False
    # Enter moves in order as Tab does. The conversation screen's own Enter comes first and advances
    # the same way; this one serves where the box is shown without it (editing an earlier answer).
    BINDINGS = [Binding("enter", "advance", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        rows = self.initial if isinstance(self.initial, list) and self.initial else [{}]
        # The heads apart from the rows, which scroll: a plan longer than the box would otherwise
        # take its typing into rows below the edge, out of sight, and scroll the heads away.
        with Grid(classes="actions-grid actions-head"):
            for field in ACTION_FIELDS:
                yield Label(self.app.strings(f"answer.{field}"), classes="column-head")
        with Grid(classes="actions-grid", id="actions-grid"):
            for r, row in enumerate(rows):
                yield from self._row(r, row)

    def _row(self, r: int, row: dict[str, Any]) -> list[Cell]:
        return [Cell(_text(row.get(field)), r, c, id=f"action-{r}-{c}") for c, field in enumerate(ACTION_FIELDS)]

    def _cells(self) -> list[Cell]:
        return list(self.query(Cell))

    def raw_value(self) -> Any:
        rows: dict[int, dict[str, str]] = {}
        for cell in self._cells():
            rows.setdefault(cell.row, {})[ACTION_FIELDS[cell.column]] = cell.value.strip()
        return [row for _, row in sorted(rows.items()) if any(row.values())]

    def has_typing(self) -> bool:
        current = self.raw_value()
        return bool(current) and current != (self.initial or [])

    async def step(self, focused: Widget | None, step: int) -> None:
        """Tab: the next field; after a row's last field the next row's first, a new row after the last
        (one that is still empty keeps the focus in its own first field). shift+Tab stops at the first."""
        cells = self._cells()
        index = cells.index(focused) if focused in cells else -1
        if step < 0:
            self.screen.set_focus(cells[max(index - 1, 0)] if cells else None)
        elif 0 <= index < len(cells) - 1:
            self.screen.set_focus(cells[index + 1])
        elif cells and not self._filled(cells[-1].row):
            self.screen.set_focus(next(c for c in cells if c.row == cells[-1].row))
        else:
            await self._add_row(0)

    async def row(self, cell: Cell, step: int) -> None:
        """Up and down: the same field of the row above or below; down on the last row adds a row
        (when the last row holds something: empty rows are not saved)."""
        last = max(c.row for c in self._cells())
        if step > 0 and cell.row == last:
            if self._filled(last):
                await self._add_row(cell.column)
            return
        await super().row(cell, step)

    def _filled(self, row: int) -> bool:
        return any(c.value.strip() for c in self._cells() if c.row == row)

    async def _add_row(self, column: int) -> None:
        """A new row after the last, with focus in its field `column`, now: what is typed right after
        lands in it."""
        cells = self._cells()
        grid = self.query_one("#actions-grid", Grid)
        new = self._row(cells[-1].row + 1 if cells else 0, {})
        await grid.mount_all(new)
        self.screen.set_focus(new[column])
        # focus scrolls to a widget where it is now; the new row has no place until the next layout
        new[column].call_after_refresh(new[column].scroll_visible, animate=False)

    async def advance(self, focused: object) -> None:
        """Enter: as Tab."""
        await self.step(focused if isinstance(focused, Widget) else None, 1)

    async def action_advance(self) -> None:
        await settle(self.screen)
        await self.advance(self.screen.focused)


class FactorsBox(TableBox):
    """What makes the window of tolerance larger, and what makes it smaller: one factor per line."""

    HINT = "conv.hint.factors"  # arrows move within a list here, not between cells
    SENDS_ON_ENTER = False

    def compose(self) -> ComposeResult:
        values = self.initial if isinstance(self.initial, dict) else {}
        with Horizontal(classes="factors"):
            for side in FACTOR_SIDES:
                with Vertical(classes="factor-side"):
                    yield Label(self.app.strings(f"answer.{side}"), classes="column-head")
                    yield OrderedTextArea("\n".join(values.get(side) or ()), soft_wrap=True, tab_behavior="focus",
                                   compact=True, id=f"factor-{side}")

    def raw_value(self) -> Any:
        return {side: [line.strip() for line in self.query_one(f"#factor-{side}", TextArea).text.splitlines() if line.strip()]
                for side in FACTOR_SIDES}

    def has_typing(self) -> bool:
        current = self.raw_value()
        initial = self.initial if isinstance(self.initial, dict) else {"groter": [], "kleiner": []}
        return any(current.values()) and current != {s: list(initial.get(s) or []) for s in FACTOR_SIDES}

    @on(TextArea.Changed)
    def _slash(self, event: TextArea.Changed) -> None:
        if event.text_area.text == "/":
            event.text_area.clear()
            self.post_message(self.CommandStart())
