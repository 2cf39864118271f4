"""Answer widgets with several fields: the counts table, the Wat/Wie/Wanneer/Check rows, the factor lists."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Input, Label, TextArea

from assistant.tui.prompt import ACTION_FIELDS, FACTOR_SIDES, RENAMED_BANDS, count_cell
from assistant.tui.typing import KeysInOrder, settle
from assistant.tui.widgets.answers.base import AnswerBox
from assistant.tui.widgets.answers.text import OrderedTextArea


class TableBox(AnswerBox):
    """An answer of several fields: Tab and shift+Tab go to the next or previous field only once the
    field being left has read every key typed before them.

    The screen's own Tab runs after its key has passed through the field, and by then the app has
    already handed the field the keys that followed: '2', Tab, '3' in one burst (tmux, a paste, a
    fast typist) put "23" in one cell. A priority binding runs as the app reads the key, before it
    hands on the next one; `settle` lets the field finish the keys before it (as Enter does)."""

    BINDINGS = [
        Binding("tab", "field(1)", show=False, priority=True),
        Binding("shift+tab", "field(-1)", show=False, priority=True),
    ]

    async def action_field(self, step: int) -> None:
        screen = self.screen
        await settle(screen)
        if step > 0:
            screen.focus_next()
        else:
            screen.focus_previous()


class Cell(KeysInOrder, Input):
    """One field of a table; up and down move between rows, '/' in an empty cell opens the commands."""

    # Priority, for the reason TableBox gives: the move must come before the keys typed after it.
    BINDINGS = [
        Binding("up", "row(-1)", show=False, priority=True),
        Binding("down", "row(1)", show=False, priority=True),
    ]

    def __init__(self, value: str, row: int, column: int, **kwargs: Any) -> None:
        super().__init__(value, compact=True, select_on_focus=False, **kwargs)
        self.row = row
        self.column = column

    async def action_row(self, step: int) -> None:
        await settle(self.screen)
        for cell in self.parent.query(Cell) if self.parent else []:
            if cell.row == self.row + step and cell.column == self.column:
                self.screen.set_focus(cell)  # now: focus() would wait behind the keys still queued
                return

    @on(Input.Changed)
    def _slash(self, event: Input.Changed) -> None:
        if event.value == "/":
            self.clear()
            self.post_message(AnswerBox.CommandStart())


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
                    yield Cell(_text(count_cell(values.get(row), column)), r, c, id=f"cell-{r}-{c}")

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
    """Rows of Wat / Wie / Wanneer / Check. Enter goes to the next field, and adds a row after the last."""

    HINT = "conv.hint.table"
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

    async def advance(self, focused: object) -> None:
        """Enter: the next field, or a new row after the last one. Focus moves now, not later, so
        that what is typed right after Enter lands in the next field."""
        cells = self._cells()
        index = cells.index(focused) if focused in cells else -1
        if 0 <= index < len(cells) - 1:
            self.screen.set_focus(cells[index + 1])
            return
        grid = self.query_one("#actions-grid", Grid)
        new = self._row(cells[-1].row + 1 if cells else 0, {})
        await grid.mount_all(new)
        self.screen.set_focus(new[0])
        # focus scrolls to a widget where it is now; the new row has no place until the next layout
        new[0].call_after_refresh(new[0].scroll_visible, animate=False)

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
