"""The deepening checklist opens right after a section's last basis answer, while a fast facilitator may
be typing the next answer already: it takes none of those keys as a tick or a confirmation, and every
letter and space lands in the next answer. Unticked options read as unticked."""

from __future__ import annotations

from assistant.core.transcript import EventKind
from assistant.tui.dialogs.checklist import ChecklistDialog, ChecklistList
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.waiting import wait_for
from tests.tui.driving import ready, screen_text
from tests.tui.test_command_burst import burst


def _one_answer_to_the_checklist(make_app, store, library, clock):
    """A school dialogue with its absence table answered: one text question, then the checklist."""
    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "De Linde"), clock=clock)
    meeting.answer({"B": {"0-5": 3}})
    meeting.session.close()
    return make_app(Start("resume", ref=meeting.transcript.meta.id)), meeting


async def test_typing_on_into_the_checklist_ticks_nothing_and_reaches_the_next_answer_whole(make_app, store, library, clock):
    app, meeting = _one_answer_to_the_checklist(make_app, store, library, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        # one burst: the answer, its send, and the next answer typed on, spaces included
        burst(app, *"Vooral maandag", "ctrl+s", *"Ze doen het")
        dialog = await wait_for(pilot, lambda: isinstance(app.focused, ChecklistList) and app.screen, "the checklist, seen")
        burst(app, "enter", *" goed")  # typing on in the open checklist: its Enter and space confirm and tick nothing
        await wait_for(pilot, lambda: "Ze doen het goed" in screen_text(app), "the typing shown under the list")
        list_ = dialog.query_one(ChecklistList)
        assert list_.selected == [], "a space typed on ticked an option"
        assert isinstance(app.screen, ChecklistDialog), "an Enter typed on confirmed the checklist"
        rows = [line for line in screen_text(app).splitlines() if "▐" in line]
        assert rows and not any("X" in row.split("▌")[0] for row in rows), "an unticked box shows an X"

        # an arrow goes back to the list: now a space ticks and Enter confirms
        burst(app, "up", "space", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ChecklistDialog), "the checklist confirmed")
        await ready(pilot)
        composer = app.screen.composer
        await wait_for(pilot, lambda: composer.raw_value() == "Ze doen het goed", "the typing in the next answer box")
        selected = [e.data["question"] for e in app.screen.meeting.transcript.of_kind(EventKind.SELECT)]
        assert len(selected) == 1, selected


async def test_a_ticked_option_shows_its_mark_and_an_unticked_one_an_empty_box(make_app, store, library, clock):
    app, meeting = _one_answer_to_the_checklist(make_app, store, library, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        burst(app, *"Weinig", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the checklist")
        burst(app, "space")
        await wait_for(pilot, lambda: app.screen.query(ChecklistList) and app.screen.query_one(ChecklistList).selected,
                          "the first option ticked")
        await pilot.pause()
        boxes = [line.split("▐")[1][:1] for line in screen_text(app).splitlines() if "▐" in line]
        assert boxes[0] == "X" and set(boxes[1:]) == {" "}, boxes


async def test_an_enter_typed_right_after_the_send_confirms_nothing(make_app, store, library, clock):
    """Sent, and Enter at once (a new line in the next answer, in the mind of the one typing): the
    checklist, not yet seen, stays open and nothing is parked."""
    app, meeting = _one_answer_to_the_checklist(make_app, store, library, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        burst(app, *"Weinig", "ctrl+s", "enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the checklist")
        await ready(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ChecklistDialog), "an Enter typed before the checklist was seen confirmed it"
        assert not any(e.kind in (EventKind.DEFER, EventKind.SELECT) for e in store.load(meeting.transcript.meta.id).events)
