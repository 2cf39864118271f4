"""A first screen still being computed by the helper: keys typed before it comes land in its answer box."""

from __future__ import annotations

import threading

from assistant.application.conversation_view import preview_of
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text


class SlowHelper:
    """Stands in for preview.Handle: its first screen comes only when the test says so."""

    def __init__(self, shown) -> None:
        self.shown = shown
        self.go = threading.Event()

    def result_ready(self) -> bool:
        return self.go.is_set()

    def result(self):
        self.go.wait(10)
        return self.shown


async def test_typing_before_the_first_screen_comes_is_kept_for_its_answer_box(store, library, clock, make_app):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"), clock=clock)
    meeting.answer("De bus is te duur")
    meeting.session.close()
    helper = SlowHelper(preview_of(meeting))
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    app.pending = helper
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Hoe is de relatie met ouders?" not in screen_text(app)  # nothing to answer yet
        await pilot.press(*"Goed, ze bellen")
        helper.go.set()
        await ready(pilot)
        assert "Hoe is de relatie met ouders?" in screen_text(app)
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert app.screen.meeting.transcript.answers()["thuis.relatie-ouders"] == "Goed, ze bellen"


async def test_tab_typed_before_the_first_screen_moves_to_the_next_cell_and_stays_there(store, library, clock, make_app):
    """'40', Tab before the counts table was on screen: the Tab was left to the app, whose focus_next moved
    focus out of the box whenever it came round to it (the next answer went into the side panel), and the
    meeting opening under the first screen put focus back in the first cell ('6' made '406')."""
    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "Sint-Jozef"), clock=clock)
    meeting.session.close()
    helper = SlowHelper(preview_of(meeting))
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    app.pending = helper
    async with app.run_test(size=(120, 40)) as pilot:  # wide: the side panel is there to take focus
        await pilot.pause()
        await pilot.press("4", "0", "tab")
        helper.go.set()
        await ready(pilot)
        await app.screen.wait_ready()
        await ready(pilot)
        await pilot.press("6", "ctrl+s")
        await ready(pilot)
        assert app.screen.meeting.transcript.answers()["inzicht.overzicht-afwezigheden"] == {"B": {"0-4": 40, "5-9": 6}}
