"""A follow-up meeting's details form shows what it takes over from the earlier meeting."""

from __future__ import annotations

from textual.widgets import Input, Select

from assistant.tui.dialogs.details import DetailsDialog
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready


def earlier(store, library):
    meeting = start_new(store, library, "school_dialogue", NewMeta("Els Peeters", "Sint-Jozef Hasselt", (("Jan", "directeur"),),
                                                                    ("fase 1",)))
    meeting.session.close()
    return meeting.transcript.meta.id


def fields(app) -> dict[str, str]:
    return {i.id: i.value for i in app.screen.query(Input)}


async def test_the_follow_up_from_the_review_starts_with_the_earlier_details(make_app, store, library):
    earlier(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        assert fields(app) == {"facilitator": "Els Peeters", "subject": "Sint-Jozef Hasselt",
                               "participants": "Jan (directeur)", "tags": "fase 1"}


async def test_choosing_what_a_new_meeting_follows_fills_only_the_fields_not_typed_in(make_app, store, library):
    ident = earlier(store, library)
    app = make_app(Start("new", script="school_dialogue"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press(*"An Claes")
        app.screen.query_one(Select).value = ident
        await pilot.pause()
        assert fields(app)["facilitator"] == "An Claes"
        assert fields(app)["subject"] == "Sint-Jozef Hasselt"
        await pilot.press("ctrl+s")
        await ready(pilot)
        meta = app.screen.meeting.transcript.meta
        assert (meta.facilitator, meta.subject, meta.follows) == ("An Claes", "Sint-Jozef Hasselt", ident)
