"""A command half typed on the command line is unsent typing like any other: quitting keeps it (as the
quit dialog promises) and resuming puts it back on the command line."""

from __future__ import annotations

from assistant.tui.screens import conversation_drafts
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready
from tests.waiting import wait_for


async def test_a_half_typed_command_survives_quitting_and_comes_back_on_the_command_line(make_app, store, library,
                                                                                         monkeypatch):
    monkeypatch.setattr(conversation_drafts, "PAUSE", 0.05)
    monkeypatch.setattr(conversation_drafts, "TICK", 0.02)
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An Claes", "Lotte"))
    ident = meeting.transcript.meta.id
    meeting.session.close()
    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"notitie moeder belt")
        await pilot.pause()
        assert app.screen.composer.command_active
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    again = make_app(Start("resume", ref=ident))
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        composer = again.screen.composer
        await wait_for(pilot, lambda: composer.command_active, "the half-typed command is back on the command line")
        assert composer.command_line.value == "/notitie moeder belt"
        assert again.focused is composer.command_line
        await pilot.press(*" terug", "enter")
        await pilot.pause()
        notes = [e.data["text"] for e in again.screen.meeting.transcript.of_kind("note")]
        assert notes == ["moeder belt terug"]
