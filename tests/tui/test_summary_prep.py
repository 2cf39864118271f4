"""The summary screen of a preparation is its one-page prep sheet, as `dialoog summary` prints it."""

from __future__ import annotations

from assistant.tui.screens.summary import SummaryScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, value_for
from tests.waiting import wait_for_text


async def test_a_preparations_summary_is_its_prep_sheet_with_the_handover_and_no_follow_up(make_app, store, library):
    meeting = start_new(store, library, "parent_prep", NewMeta("Els", "Noor Vermeulen"))
    for _ in range(6):
        if meeting.prompt() is None:
            meeting.choose([])
        meeting.answer(value_for(meeting.prompt().question, "Moeder belt vaak af"))
    meeting.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        shown = await wait_for_text(pilot, "Voorbereiding oudergesprek: Noor Vermeulen")
        assert isinstance(app.screen, SummaryScreen)
        assert "h Oudergesprek" in shown and "Vervolggesprek" not in shown
