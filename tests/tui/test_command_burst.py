"""'/' at the start of an answer opens the command line even when the keys after it arrive in the same
burst (tmux, a paste, a fast typist): the command runs, nothing of it lands in the answer."""

from __future__ import annotations

from textual import events

from assistant.tui.textual_private import key_for
from tests.tui.driving import ready
from tests.waiting import wait_for


def burst(app, *keys: str) -> None:
    """Put the keys in the app's queue at once, without waiting in between (as a terminal delivers them)."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key_for(key), key))
        else:
            app.post_message(events.Key(key, None))


async def test_a_command_typed_in_one_burst_runs_and_leaves_the_answer_box_empty(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        burst(app, *"/spreker Mama Sofie", "enter", *"Geen auto")
        await wait_for(pilot, lambda: screen.composer.raw_value() == "Geen auto", "the letters after the command are in the box")
        assert screen.composer.speaker == "Mama Sofie"
        assert screen.composer.raw_value() == "Geen auto", "the typing after the command goes into the answer"
        assert not screen.composer.command_active


async def test_a_slash_inside_an_answer_stays_in_the_answer(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        burst(app, *"1/2 van de dagen", "ctrl+s")
        await wait_for(pilot, lambda: screen.meeting.answered_order(), "the answer is recorded")
        assert screen.meeting.transcript.answers()[screen.meeting.answered_order()[0]] == "1/2 van de dagen"
