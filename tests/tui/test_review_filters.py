"""The review's filters: the count is against every conversation ("1 van 3", not "1 van 1"), and the
script and status lists are readable at 80x24 and 120x40 (one line per script, not four)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from assistant.tui.screens.review import ReviewScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import loaded, ready, screen_text
from tests.waiting import wait_for


def three_meetings(store, library) -> None:
    for script, subject, closed in (("parent_dialogue", "Lotte", True), ("parent_dialogue", "Mila", False),
                                    ("school_dialogue", "Sint-Jozef", False)):
        meeting = start_new(store, library, script, NewMeta("An", subject))
        if closed:
            meeting.answer("Geen geld voor de bus")
            meeting.finish()
        meeting.session.close()


async def filtered(pilot, ident: str, value: str | None) -> str:
    app = pilot.app
    listed = app.screen.rows  # a new dict each time the list is shown
    app.screen.query_one(f"#{ident}", Select).value = value if value is not None else Select.NULL
    await wait_for(pilot, lambda: app.screen.rows is not listed and loaded(app), f"the list is shown again for {ident} = {value}")
    await pilot.pause()  # and drawn: the table's loading cover goes with the next layout
    return screen_text(app)


async def test_a_filtered_review_counts_against_every_conversation(make_app, store, library):
    three_meetings(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "3 van 3 gesprekken" in screen_text(app)
        shown = await filtered(pilot, "script-filter", "school_dialogue")
        assert "1 van 3 gesprekken" in shown and "Sint-Jozef" in shown and "Lotte" not in shown
        shown = await filtered(pilot, "status-filter", "closed")  # no closed school dialogue
        assert "0 van 3 gesprekken" in shown and "Nog geen gesprekken" not in shown
        await filtered(pilot, "script-filter", None)
        shown = await filtered(pilot, "status-filter", "open")
        assert "2 van 3 gesprekken" in shown and "Mila" in shown and "Lotte" not in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_script_filter_shows_each_script_on_one_readable_line(make_app, store, library, size):
    three_meetings(store, library)
    titles = [script.title for script in library.scripts.values()]
    app = make_app(Start("review"))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("f", "enter")  # to the script filter, and open it
        await pilot.pause()
        lines = screen_text(app).splitlines()
        for title in titles:  # the whole title, or its first 40 letters and an ellipsis: never 20 letters a line
            assert any(title in line or title[:40] in line and "…" in line for line in lines), (title, lines)
        longest = max(titles, key=len)
        await pilot.press(*["down"] * (titles.index(longest) + 1), "enter")
        await pilot.pause()
        chosen = next(line for line in screen_text(app).splitlines() if longest[:20] in line)
        assert "…" in chosen and "Status" in chosen, "the chosen script keeps to one line, cut with an ellipsis"
