"""Handing a preparation over opens the details form first, filled in with what the parent conversation
takes over (facilitator, pupil, tags), so that the parents are added with their roles before it starts;
Escape creates nothing. From the start screen and from the preparation's summary alike."""

from __future__ import annotations

import pytest

from assistant.core.transcript import EventKind
from assistant.tui.dialogs.details import DetailsDialog
from assistant.tui.screens.conversation import ConversationScreen
from assistant.tui.screens.start import StartScreen
from assistant.tui.screens.summary import SummaryScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text, value_for


def a_preparation(store, library):
    meeting = start_new(store, library, "parent_prep", NewMeta("Els Maes", "Noor Vermeulen", tags=("fase 1",)))
    for _ in range(4):
        if meeting.prompt() is None:
            meeting.choose([])
        meeting.answer(value_for(meeting.prompt().question, "Moeder belt vaak af"))
    meeting.session.close()
    return meeting.transcript


async def press_h_on_the_preparation(pilot, where: str) -> None:
    if where == "summary":  # the preparation's summary, from the review
        await pilot.press("o")
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
    await pilot.press("h")
    await pilot.pause()


@pytest.mark.parametrize("where", ["start", "summary"])
async def test_the_parents_are_added_in_the_details_form_before_the_conversation_starts(make_app, store, library, where):
    prep = a_preparation(store, library)
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_h_on_the_preparation(pilot, where)
        assert isinstance(app.screen, DetailsDialog)
        shown = screen_text(app)
        assert "Els Maes" in shown and "Noor Vermeulen" in shown and "fase 1" in shown, shown
        assert f"Oudergesprek uit de voorbereiding van {prep.meta.created[:10]}" in shown
        assert "de ouders, bv. Fatima (moeder)" in shown  # where the cursor waits
        await pilot.press(*"Fatima (moeder), Karim (vader)", "ctrl+s")  # the cursor waits in 'Deelnemers'
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        parent_id = app.screen.meeting.transcript.meta.id
    parent = store.load(parent_id)
    assert (parent.meta.script, parent.meta.prepared_by) == ("parent_dialogue", prep.meta.id)
    assert (parent.meta.facilitator, parent.meta.subject, parent.meta.tags) == ("Els Maes", "Noor Vermeulen", ("fase 1",))
    assert [(p.name, p.role) for p in parent.meta.participants] == [("Fatima", "moeder"), ("Karim", "vader")]
    assert parent.meta.carried.preparation == prep.meta.id
    assert [e.get("transcript") for e in store.load(prep.meta.id).of_kind(EventKind.HANDOVER)] == [parent_id]


async def test_what_is_changed_in_the_form_is_what_the_conversation_gets(make_app, store, library):
    a_preparation(store, library)
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_h_on_the_preparation(pilot, "start")
        await pilot.press("shift+tab", "shift+tab", "ctrl+u", *"An Claes", "ctrl+s")  # another facilitator
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        meta = app.screen.meeting.transcript.meta
        assert (meta.facilitator, meta.subject) == ("An Claes", "Noor Vermeulen")


@pytest.mark.parametrize("where", ["start", "summary"])
async def test_escape_in_the_form_hands_nothing_over(make_app, store, library, where):
    prep = a_preparation(store, library)
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press_h_on_the_preparation(pilot, where)
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen if where == "start" else SummaryScreen)
    assert [info.id for info in store.list()] == [prep.meta.id]
    assert not list(store.load(prep.meta.id).of_kind(EventKind.HANDOVER))


async def test_the_form_speaks_english_when_the_app_does(make_app, store, library):
    a_preparation(store, library)
    app = make_app(Start(), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press_h_on_the_preparation(pilot, "start")
        assert isinstance(app.screen, DetailsDialog)
        shown = screen_text(app)
        assert "Parent conversation from the preparation" in shown and "the parents, e.g." in shown
