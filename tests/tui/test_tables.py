"""The table answers (counts grid, action rows, factor lists): laid out at real terminal sizes, and
typed in one burst of keys (tmux, a paste of keystrokes, a fast typist) with every key in its own cell."""

from __future__ import annotations

from textual import events

from tests.tui.driving import drawn_at, ready
from tests.waiting import wait_for


def burst(app, *keys: str) -> None:
    """Put `keys` in the app's queue at once, as a terminal does with a burst: Pilot's `press` would
    wait for the app to go idle after each key, which hides keys landing in the wrong field."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else ("\t" if key == "tab" else None)))


async def test_the_counts_grid_lines_up_at_three_sizes_and_keeps_a_burst_of_keys_apart(new_app):
    """Headers on one line over evenly sized cells at 80x24, 100x30 and 120x40; then numbers typed in
    one burst with Tab, shift+Tab and the arrows between them: each number in the cell it was meant for,
    and a number typed into a cell already filled replaces it (a correction, as in a spreadsheet)."""
    from assistant.tui.widgets.answers.tables import Cell

    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        question = meeting.prompt().question
        assert question.type == "counts"
        for size in ((80, 24), (100, 30), (120, 40)):
            await pilot.resize_terminal(*size)
            await wait_for(pilot, lambda: drawn_at(app, *size), f"the screen is drawn at {size}")
            heads = list(app.screen.query(".counts-grid .column-head"))
            assert [str(head.render()) for head in heads] == list(question.count_columns)
            assert len({head.region.y for head in heads}) == 1 and all(head.region.height == 1 for head in heads), size
            cells = list(app.screen.query(Cell))
            widths = {cell.region.width for cell in cells}
            assert max(widths) - min(widths) <= 1 and min(widths) >= 8, (size, widths)
            for cell in cells:
                head = heads[cell.column]
                assert (cell.region.x, cell.region.y) == (head.region.x, head.region.y + 1 + cell.row), size

        burst(app, "2", "tab", "3", "down", "4", "shift+tab", "5", "tab", "tab", "1", "2", "up", "7", "left", "9", "ctrl+s")
        await wait_for(pilot, lambda: question.id in meeting.transcript.answers(), "the counts are recorded")
        assert meeting.transcript.answers()[question.id] == {
            "B": {"0-4": 2, "5-9": 9, "10-19": 7},
            "D": {"0-4": 5, "5-9": 4, "10-19": 12},
        }


async def test_a_burst_through_the_action_rows_keeps_every_field_apart_and_in_sight(new_app):
    """Tab, shift+Tab, Enter (next field; a new row after the last) and the arrows (Down on the last row
    adds one), all in one burst; a plan longer than the box scrolls to the row being typed, under its heads."""
    from textual.containers import Grid

    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        await screen.act(lambda: meeting.jump("opvolging.planning"))
        await pilot.pause()
        burst(app, *"bel ouders", "tab", *"CLB", "enter", *"mei", "shift+tab", "X", "enter", "enter", "enter",
              *"opvolgen", "down", "Y", "up", "Z", "down", *(["enter"] * 4 + ["r"]) * 6)
        rows = screen.query_one("#actions-grid", Grid)
        await wait_for(pilot, lambda: getattr(app.focused, "value", None) == "r" and getattr(app.focused, "row", None) == 8
                       and rows.region.contains_region(app.focused.region), "the burst's last key is typed, in sight")
        assert app.focused.row == 8 and app.focused.value == "r"
        assert rows.region.contains_region(app.focused.region)
        assert [head.region.y for head in screen.query(".actions-head .column-head")] == [rows.region.y - 1] * 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = [
            {"wat": "bel ouders", "wie": "CLBX", "wanneer": "mei", "check": ""},
            {"wat": "opvolgenZ", "wie": "", "wanneer": "", "check": ""},  # Down on the last row added a row
            {"wat": "Y", "wie": "", "wanneer": "", "check": ""},
            *[{"wat": "r", "wie": "", "wanneer": "", "check": ""}] * 6,
        ]
        assert meeting.transcript.answers()["opvolging.planning"] == plan

        await pilot.press("ctrl+l", "enter")  # edit it in place: the dialog has no Enter of its own
        await pilot.pause()
        burst(app, "enter", "!", "down", "?")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan[0]["wie"], plan[1]["wie"] = "CLBX!", "?"
        assert meeting.transcript.answers()["opvolging.planning"] == plan


async def test_a_burst_through_the_factor_lists_keeps_both_sides_apart(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        await screen.act(lambda: meeting.jump("thuis.raam"))
        await pilot.pause()
        burst(app, *"oma", "enter", *"buren", "tab", *"ruzie", "shift+tab", "!", "ctrl+s")
        await wait_for(pilot, lambda: "thuis.raam" in meeting.transcript.answers(), "the factors are recorded")
        assert meeting.transcript.answers()["thuis.raam"] == {"groter": ["oma", "buren!"], "kleiner": ["ruzie"]}
