"""The details form at 80x24: every field on screen at once, by keys alone, on each path that opens it
(a new conversation, F2 in a conversation, a handover); its "Vervolg op" list opens inside the screen,
its last entry reachable. At 24 rows the spaced form filled the screen and the list ran out below it."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Input, Label, Select

from assistant.tui.dialogs.details import DetailsDialog
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text
from tests.tui.test_handover_details import a_preparation

EARLIER = 13  # more than the list shows at once


def earlier_meetings(store, library) -> list[str]:
    """Ids of the earlier school dialogues, as the form lists them (newest first)."""
    for number in range(EARLIER):
        start_new(store, library, "school_dialogue", NewMeta("An", f"School {number:02d}")).session.close()
    return [info.id for info in store.list(script="school_dialogue")]


def assert_every_field_shown(app) -> None:
    form = app.screen
    assert isinstance(form, DetailsDialog)
    dialog = form.query_one(".details-form").region
    shown = screen_text(app)
    for label in form.query(Label):
        assert str(label.render()) in shown, shown
    for field in [*form.query(Input), *form.query(Select)]:
        assert field.region.height >= 1 and dialog.contains_region(field.region), (field.id, field.region, shown)
    assert app.screen.region.contains_region(dialog)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_a_new_conversation_s_form_shows_every_field_and_its_list_opens_on_screen(make_app, store, library, lang):
    ids = earlier_meetings(store, library)
    app = make_app(Start("new", script="school_dialogue"), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert_every_field_shown(app)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # to "Vervolg op", and open it
        await pilot.pause()
        overlay = app.screen.query_one("SelectOverlay")
        assert overlay.region.height > 2 and Region(0, 0, 80, 24).contains_region(overlay.region), overlay.region
        await pilot.press(*["down"] * EARLIER, "enter")  # the oldest, at the bottom of the list
        await pilot.pause()
        assert app.screen.query_one(Select).value == ids[-1]
        assert_every_field_shown(app)  # and the details taken over from it are there to check


async def test_an_error_over_two_lines_is_shown_whole_beside_every_field(make_app):
    app = make_app(Start("new", script="school_dialogue"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("tab", "tab", *"Els Maes (mama), de grootmoeder van Lotte (oma die vaak komt", "ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "Deelnemer 'de grootmoeder van Lotte (oma die vaak komt'" in shown, shown
        assert "(rol), bv. An (leerkracht)" in shown, shown  # its second line (cut off when the form was spaced)
        assert_every_field_shown(app)


async def test_f2_in_a_conversation_shows_every_field(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert_every_field_shown(app)


async def test_the_handover_form_shows_its_title_and_every_field(make_app, store, library):
    prep = a_preparation(store, library)
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert_every_field_shown(app)
        assert f"Oudergesprek uit de voorbereiding van {prep.meta.created[:10]}" in screen_text(app)


@pytest.mark.parametrize("size, gap", [((80, 24), 0), ((120, 40), 1)], ids=["80x24", "120x40"])
async def test_a_tall_terminal_keeps_a_blank_line_between_the_fields(make_app, size, gap):
    app = make_app(Start("new", script="school_dialogue"))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert_every_field_shown(app)
        facilitator = app.screen.query_one("#facilitator", Input).region
        next_label = app.screen.query(Label)[1].region
        assert next_label.y - facilitator.bottom == gap
