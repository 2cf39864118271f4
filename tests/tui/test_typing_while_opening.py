"""A conversation still opening (the command line's `new` and `resume` open it after the first frame):
keys typed before it is open land in its answer box."""

from __future__ import annotations

import threading

from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text


def slow_to_open(app) -> threading.Event:
    """Hold the app's opening of the conversation until the test sets the event it returns."""
    go = threading.Event()
    resume = app._resume

    def held(*args, **kwargs):
        go.wait(10)
        return resume(*args, **kwargs)

    app._resume = held
    return go


async def test_typing_before_the_conversation_is_open_is_kept_for_its_answer_box(store, library, clock, make_app):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"), clock=clock)
    meeting.answer("De bus is te duur")
    meeting.session.close()
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    go = slow_to_open(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Hoe is de relatie met ouders?" not in screen_text(app)  # nothing to answer yet
        await pilot.press(*"Goed, ze bellen")
        go.set()
        await app.screen.wait_ready()
        await ready(pilot)
        assert "Hoe is de relatie met ouders?" in screen_text(app)
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert app.screen.meeting.transcript.answers()["thuis.relatie-ouders"] == "Goed, ze bellen"


async def test_tab_typed_before_the_conversation_is_open_moves_to_the_next_cell_and_stays_there(store, library, clock, make_app):
    """'40', Tab before the counts table was on screen: the Tab was left to the app, whose focus_next moved
    focus out of the box whenever it came round to it (the next answer went into the side panel)."""
    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "Sint-Jozef"), clock=clock)
    meeting.session.close()
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    go = slow_to_open(app)
    async with app.run_test(size=(120, 40)) as pilot:  # wide: the side panel is there to take focus
        await pilot.pause()
        await pilot.press("4", "0", "tab")
        go.set()
        await app.screen.wait_ready()
        await ready(pilot)
        await pilot.press("6", "ctrl+s")
        await ready(pilot)
        assert app.screen.meeting.transcript.answers()["inzicht.overzicht-afwezigheden"] == {"B": {"0-4": 40, "5-9": 6}}
