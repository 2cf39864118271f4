"""The review table's script and school/pupil columns end a cut title in '…' (at 80 columns the script
column is 22 wide, and 'Aanwezigheidsbeleid op fase 2 - terugkeer, …' read as a whole word cut in two);
a wider terminal gives the script column what its titles need, also after a resize."""

from __future__ import annotations

from textual.widgets import DataTable

from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text
from tests.waiting import wait_for

LONGEST = "Aanwezigheidsbeleid op fase 2 - terugkeer, begeleiding en schoolweigering"
PARENTS = "Gesprek met de ouders (Window of Tolerance)"


def conversations(store, library) -> None:
    start_new(store, library, "return_to_school", NewMeta("An", "Maria Boodschap Molenbeek")).session.close()
    start_new(store, library, "parent_dialogue", NewMeta("An", "Noor [b]3A")).session.close()


def row_of(shown: str, subject_start: str) -> str:
    return next(line for line in shown.splitlines() if subject_start in line)


async def test_at_80_columns_cut_titles_end_in_an_ellipsis(make_app, store, library):
    conversations(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        shown = screen_text(app)
        row = row_of(shown, "Maria Boodschap")
        assert "Aanwezigheidsbeleid o…" in row and "Maria Boodschap…" in row, row
        assert "Gesprek met de ouders…" in row_of(shown, "Noor")
        assert "Noor [b]3A" in shown, shown  # brackets as typed, not read as markup


async def test_at_120_columns_the_script_column_holds_the_titles(make_app, store, library):
    conversations(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        shown = screen_text(app)
        assert PARENTS in row_of(shown, "Noor"), shown
        assert "Maria Boodschap Molenbeek" in shown
        assert LONGEST[:40] in row_of(shown, "Maria") and "…" in row_of(shown, "Maria")  # 73 letters: still cut


async def test_a_resize_widens_the_columns_and_keeps_the_chosen_conversation(make_app, store, library):
    conversations(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("down")
        table = app.screen.query_one(DataTable)
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: PARENTS in row_of(screen_text(app), "Noor"), "the script column widened after the resize")
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == chosen
