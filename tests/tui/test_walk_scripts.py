"""Every shipped script walked end to end by keys alone, finished, and its summary shown."""

from __future__ import annotations

import pytest

from assistant.tui.screens.summary import SummaryScreen
from tests.tui.driving import ready, screen_text, walk_to_the_end
from tests.waiting import wait_for_text

# parent_prep is walked by keys to its summary (and handed over) in test_handover.py.
SCRIPTS = ["school_dialogue", "school_phases", "teacher_dialogue", "parent_dialogue", "prevention_plan",
           "return_to_school"]


@pytest.mark.parametrize("script", SCRIPTS)
async def test_walk_a_script_by_keys_and_finish_with_the_summary(script, new_app, store, library):
    app = new_app(script)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        answered = await walk_to_the_end(pilot)
        assert answered >= 5
        await wait_for_text(pilot, "F7")  # the assistant says everything was covered and how to finish
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("enter")  # confirm
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        shown = screen_text(app)
        assert library.scripts[script].title.split(":")[0][:30] in shown
        transcript_id = app.screen.transcript.meta.id
    saved = store.load(transcript_id)
    assert saved.meta.status == "closed"
    assert len(saved.answers()) == answered
