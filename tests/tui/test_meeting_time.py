"""The meeting's length is its active time summed over every session: written to the journal while the
meeting runs (a killed terminal loses less than a minute), shown again after a resume, and in the summary."""

from __future__ import annotations

from assistant.core.summary import render_summary
from assistant.application.settings import Start
from tests.waiting import wait_for
from tests.tui.driving import keys_for, ready, screen_text


async def test_meeting_time_reaches_the_journal_while_the_meeting_runs_and_comes_back_on_resume(
        new_app, make_app, store, clock, library):
    app = new_app("teacher_dialogue", clock_check=0.02)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        ident = app.screen.meeting.transcript.meta.id
        clock.advance(4 * 60 + 10)
        # what a SIGKILL now would leave on disk: the journal, read by another reader
        await wait_for(pilot, lambda: store.load(ident).seconds_spent() >= 4 * 60, "four minutes in the journal")
        await wait_for(pilot, lambda: "tijd: 4 min" in screen_text(app), "the top bar at 4 min")
        await pilot.press("ctrl+q")
    again = make_app(Start("resume", ref=ident), clock_check=0.02)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "tijd: 4 min" in screen_text(again).splitlines()[0], "the clock goes on from the time spent"
        clock.advance(3 * 60)
        await wait_for(pilot, lambda: store.load(ident).seconds_spent() >= 7 * 60, "seven minutes over two sessions")
    transcript = store.load(ident)
    assert "**Duur:** 7 min" in render_summary(transcript, library.banks)


async def test_the_time_up_to_an_answer_reaches_the_journal_with_it(new_app, store, clock):
    """Answering goes on, the clock's own minute has not come: the time up to the answer is written
    right after it (a kill in a busy meeting loses little more than the time since the last answer)."""
    app = new_app("teacher_dialogue", clock_check=3600)  # the screen's timer never comes in this test
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        ident = meeting.transcript.meta.id
        clock.advance(40)
        await pilot.press(*keys_for(meeting.prompt().question))
        await wait_for(pilot, lambda: store.load(ident).seconds_spent() == 40, "the 40 seconds up to the answer on disk")
        clock.advance(10)
        await pilot.press(*keys_for(meeting.prompt().question))
        await wait_for(pilot, lambda: len(store.load(ident).answers()) == 2, "the second answer")
        await pilot.pause()
        assert store.load(ident).seconds_spent() == 40, "10 more seconds: not yet worth a clock event"
