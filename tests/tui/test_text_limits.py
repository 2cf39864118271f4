"""Answers and notes have a size limit (assistant.core.answers.MAX_TEXT); a text over it is refused with the
reason and stays where it was typed or pasted, for the facilitator to shorten: it is never dropped."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

from assistant.core.answers import MAX_TEXT
from assistant.core.transcript import EventKind
from assistant.tui.dialogs.text_prompt import NoteDialog
from tests.tui.driving import ready

PASTED = ("Verslag van het gesprek met de ouders. " * 1000)[: MAX_TEXT + 100]
REASON = f"De tekst is te lang ({len(PASTED.strip()):,} tekens, hoogstens {MAX_TEXT:,}).".replace(",", "_").replace(
    "_ ", ", ").replace("_", ".")  # 20.100 tekens, hoogstens 20.000


def _said(app, where: str) -> str:
    """What the status line or the hint under the box says now."""
    return str(app.screen.query_one(where, Static).content)


def _notes(app) -> list[str]:
    return [e.data["text"] for e in app.screen.meeting.transcript.of_kind(EventKind.NOTE)]


async def test_a_note_too_long_stays_in_its_dialog_with_the_reason(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.post_message(events.Paste(PASTED))  # as the terminal sends a paste
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#note").text == PASTED and _said(app, ".dialog-hint") == REASON
        await pilot.press(*["ctrl+w"] * 30)  # shortened by keys, a word at a time, from the end
        await pilot.pause()
        shortened = app.screen.query_one("#note").text.strip()
        assert len(shortened) <= MAX_TEXT and PASTED.startswith(shortened)
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert _notes(app) == [shortened]


async def test_a_note_too_long_after_the_command_opens_its_dialog_holding_it(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("/", *"notitie ")
        app.post_message(events.Paste(PASTED))  # as the terminal sends a paste
        await pilot.pause()
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#note").text == PASTED.strip()
        assert _said(app, ".dialog-hint") == REASON
        assert not list(app.screen_stack[-2].meeting.transcript.of_kind(EventKind.NOTE))  # nothing saved yet


async def test_an_answer_too_long_is_refused_and_stays_in_the_box(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        app.post_message(events.Paste(PASTED))  # as the terminal sends a paste
        await pilot.pause()
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert meeting.transcript.answers() == {}
        assert app.screen.composer.raw_value() == PASTED and _said(app, "#status") == REASON
