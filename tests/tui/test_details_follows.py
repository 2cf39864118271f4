"""The details form's "Vervolg op" list speaks the interface language, the status of each earlier
meeting included (it read "· closed" in the Dutch form)."""

from __future__ import annotations

import pytest

from assistant.tui.dialogs.details import DetailsDialog
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text


def earlier_meetings(store, library) -> None:
    closed = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"))
    closed.answer("Geen geld voor de bus")
    closed.finish()
    closed.session.close()
    start_new(store, library, "parent_dialogue", NewMeta("An", "Mila")).session.close()


@pytest.mark.parametrize("lang, closed, opened, foreign", [
    ("nl", "Lotte · afgerond", "Mila · open", "closed"),
    ("en", "Lotte · closed", "Mila · open", "afgerond"),
])
async def test_the_follows_list_shows_each_status_in_the_interface_language(make_app, store, library,
                                                                            lang, closed, opened, foreign):
    earlier_meetings(store, library)
    app = make_app(Start("new", script="parent_dialogue"), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # to "Vervolg op", and open it
        await pilot.pause()
        shown = screen_text(app)
        assert closed in shown and opened in shown, shown
        assert foreign not in shown
