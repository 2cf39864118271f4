"""Picking from a list by keys that arrive in one burst (tmux, a fast facilitator): each space toggles
the option it was pressed on, and Enter confirms what was toggled before it."""

from __future__ import annotations

from assistant.tui.dialogs.checklist import ChecklistDialog
from assistant.tui.widgets.answers.pick import ChoiceList
from tests.tui.driving import ready
from tests.tui.test_command_burst import burst
from tests.waiting import wait_for


async def test_the_deepening_checklist_keeps_both_picks_of_a_burst(new_app):
    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press("2", "tab", "3", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"klein", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the deepening checklist is open")
        offered = list(meeting.view.pending_selection)
        burst(app, " ", "down", " ", "enter")
        await wait_for(pilot, lambda: meeting.transcript.selected(), "the checklist's picks are recorded")
        assert not isinstance(app.screen, ChecklistDialog)
        assert set(meeting.transcript.selected()) == set(offered[:2])


async def test_a_multiple_choice_answer_keeps_both_picks_of_a_burst(make_app, store, library):
    from assistant.application.settings import NewMeta, Start

    app = make_app(Start("new", script="teacher_dialogue", meta=NewMeta("An Claes", "Sint-Jozef")))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        target = "leerkracht.preventief"
        assert meeting.jump(target)
        await app.screen.show_state()
        await pilot.pause()
        options = meeting.question(target).options
        burst(app, " ", "down", " ", "enter")
        await wait_for(pilot, lambda: target in meeting.transcript.answers(), f"the answer to {target} is recorded")
        assert sorted(meeting.transcript.answers()[target]) == sorted(options[:2])


async def test_a_choice_moved_to_by_arrows_in_a_burst_is_the_one_sent(make_app):
    from assistant.application.settings import NewMeta, Start

    app = make_app(Start("new", script="return_to_school", meta=NewMeta("An Claes", "Noor")))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        target = "terugkeer.voltijds"
        assert meeting.jump(target)
        await app.screen.show_state()
        await pilot.pause()
        options = meeting.question(target).options
        start = app.screen.query_one(ChoiceList).highlighted or 0
        burst(app, "down", "enter")
        await wait_for(pilot, lambda: target in meeting.transcript.answers(), f"the answer to {target} is recorded")
        assert meeting.transcript.answers()[target] == options[(start + 1) % len(options)]
