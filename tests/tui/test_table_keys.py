"""The keys of the table answers do what the hint under them says, at 80x24, in one burst of keys:
the counts table moves between cells on Tab and the arrows; the action plan goes on to a new row
after a row's last field (Tab) and below its last row (Down)."""

from __future__ import annotations

from assistant.tui.strings import Strings
from tests.tui.driving import ready, screen_text
from tests.tui.test_tables import burst

NL = Strings("nl")


async def test_the_arrows_move_between_the_cells_of_the_counts_table_as_its_hint_says(new_app):
    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        question = meeting.prompt().question
        assert question.type == "counts"
        assert NL("conv.hint.table") in screen_text(app)  # "Tab of pijltjes: volgend vak"
        # 4, Right, Right, 3, Left, 2: three cells (it made "432" in one); Left in the first column stays
        burst(app, "4", "right", "right", "3", "left", "2", "down", "5", "left", "left", "left", "1", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert meeting.transcript.answers()[question.id] == {
            "B": {"0-4": 4, "5-9": 2, "10-19": 3},
            "D": {"0-4": 1, "5-9": 5},
        }


async def test_tab_after_the_last_field_of_an_action_starts_the_next_and_down_adds_a_row(new_app):
    """Three actions typed with Tab alone, as the hint says, then a fourth row by Down: each action in
    its own row (the second was typed onto the end of the first)."""
    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        await screen.act(lambda: meeting.jump("opvolging.planning"))
        await pilot.pause()
        shown = screen_text(app)
        assert NL("conv.hint.actions") in shown, "the hint shows whole, on one line, at 80 columns"
        tab = ["tab"]
        burst(app, "shift+tab", *"Stappenplan uitschrijven", *tab, *"Ann Claes", *tab, *"maart", *tab, *"directie", *tab,
              *"Overleg plannen", *tab, *"Karel Vos", *tab, *"april", *tab, *tab, *"Ouders bellen", *tab, *"Ann",
              "down", *"Fien", "up", "shift+tab", "shift+tab", "!",  # Down on the last row: a new row, same field
              "down", "down", "shift+tab", "shift+tab", "shift+tab", *"Verslag", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert meeting.transcript.answers()["opvolging.planning"] == [
            {"wat": "Stappenplan uitschrijven", "wie": "Ann Claes", "wanneer": "maart", "check": "directie"},
            {"wat": "Overleg plannen", "wie": "Karel Vos", "wanneer": "april", "check": "!"},
            {"wat": "Ouders bellen", "wie": "Ann", "wanneer": "", "check": ""},
            {"wat": "Verslag", "wie": "Fien", "wanneer": "", "check": ""},
        ]


async def test_a_table_edited_in_the_log_shows_its_cells_and_their_numbers(new_app):
    """The counts table corrected in its edit dialog (ctrl+l, Enter): the dialog's spacing between fields
    took the grid's rows, and the table showed no cell at all (the numbers typed blind)."""
    from assistant.tui.dialogs.edit import EditDialog
    from assistant.tui.widgets.answers.tables import Cell

    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        burst(app, "1", "5", "right", "8", "ctrl+s")
        await ready(pilot)
        await app.screen.edit_answer("inzicht.overzicht-afwezigheden")
        await ready(pilot)
        assert isinstance(app.screen, EditDialog)
        cells = list(app.screen.query(Cell))
        assert cells and all(cell.region.height == 1 for cell in cells)
        assert any(line.split("│")[1].split()[:3] == ["B", "15", "8"] for line in screen_text(app).splitlines() if "│" in line)
        burst(app, "right", "backspace", "9", "ctrl+s")
        await ready(pilot)
        assert meeting.transcript.answers()["inzicht.overzicht-afwezigheden"] == {"B": {"0-4": 15, "5-9": 9}}


async def test_a_long_action_left_shows_its_start(new_app):
    """Tab out of a long 'Wat': the cell shows how the action begins, not the end of it."""
    from assistant.tui.widgets.answers.tables import Cell

    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        await screen.act(lambda: screen.meeting.jump("opvolging.planning"))
        await pilot.pause()
        burst(app, *"Maandelijks overleg afwezigheden inplannen met het CLB", "tab", *"Karel")
        await ready(pilot)
        await pilot.pause()
        wat = screen.query_one("#action-0-0", Cell)
        assert wat.scroll_offset.x == 0
        assert "Maandelijks overleg" in screen_text(app)
        burst(app, "shift+tab", "!")  # back in it: typing goes on at its end, in view
        await ready(pilot)
        await pilot.pause()
        assert wat.value.endswith("CLB!") and "CLB!" in screen_text(app)
