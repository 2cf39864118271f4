"""The start screen (a new conversation through the details form, a resume) and the review screen
(list, filter, search, read-only view, summary, follow-up, export), by keys."""

from __future__ import annotations

from assistant.core.exports import summary_path
from assistant.core.transcript_files import file_stem
from assistant.tui.dialogs.details import DetailsDialog
from assistant.tui.screens.conversation import ConversationScreen
from assistant.tui.screens.readonly import ReadOnlyScreen
from assistant.tui.screens.review import ReviewScreen
from assistant.tui.screens.summary import SummaryScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text


def stored(store, library):
    """A closed parent dialogue that mentions the bus, and an open school dialogue."""
    parent = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte", (("Els", "mama"),)))
    parent.answer("Geen geld voor de bus")
    parent.finish()
    parent.session.close()
    school = start_new(store, library, "school_dialogue", NewMeta("An", "Sint-Jozef"))
    school.answer({})
    school.session.close()
    return parent.transcript, school.transcript


async def test_a_new_conversation_from_the_start_screen_with_its_details(make_app, store):
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # the highlighted script
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press(*"An Claes", "enter", *"Lotte", "enter", *"Els (mama), Tom (leerkracht)", "enter")
        await pilot.press(*"fase 1", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        meta = app.screen.meeting.transcript.meta
        assert (meta.facilitator, meta.subject, meta.tags) == ("An Claes", "Lotte", ("fase 1",))
        assert [(p.name, p.role) for p in meta.participants] == [("Els", "mama"), ("Tom", "leerkracht")]
        assert "Lotte" in screen_text(app)


async def test_a_wrong_participant_stays_in_the_form_with_the_reason(make_app):
    app = make_app(Start("new", script="parent_dialogue"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press("tab", "tab", *"Els (mama", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        assert "Els (mama" in screen_text(app) and "naam (rol)" in screen_text(app)


async def test_resume_from_the_start_screen(make_app, store, library):
    _, school = stored(store, library)
    app = make_app(Start())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("r")  # to the open conversations
        await pilot.pause()
        await pilot.press("enter")
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.meeting.transcript.meta.id == school.meta.id


async def test_review_filters_searches_and_acts_on_a_transcript(make_app, store, library):
    parent, school = stored(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "2 van 2 gesprekken" in screen_text(app)
        await pilot.press("slash", *"?!", "enter")  # no word to search for: said in Dutch, the list stays
        await ready(pilot)
        assert "Typ minstens één woord om te zoeken." in screen_text(app)
        await pilot.press("slash", "ctrl+u", *"bus", "enter")
        await ready(pilot)
        shown = screen_text(app)
        assert "1 treffer(s) voor 'bus'" in shown and "Lotte" in shown and "Sint-Jozef" not in shown
        await pilot.press("enter")  # the read-only view
        await pilot.pause()
        assert isinstance(app.screen, ReadOnlyScreen)
        assert "Geen geld voor de bus" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e")
        await ready(pilot)
        assert summary_path(store.root, file_stem(parent)).is_file()
        assert "Geëxporteerd" in screen_text(app)
        await pilot.press("v")  # the follow-up meeting: details first, prefilled with what it follows
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog)
        await pilot.press("ctrl+s")
        from assistant.tui.dialogs.carried import CarriedDialog

        await ready(pilot, CarriedDialog)  # it opens with what the meeting it follows left open
        await pilot.press("escape")
        await ready(pilot, ConversationScreen)
        follow = app.screen.meeting.transcript
        assert follow.meta.follows == parent.meta.id and follow.meta.script == "parent_dialogue"


async def test_a_fast_typist_fills_the_details_form_field_by_field(make_app):
    """All keys arrive at once, as when typing fast in a real terminal: Enter still separates the fields."""
    from textual import events

    app = make_app(Start("new", script="parent_dialogue"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)
        burst = [*"An Claes", "enter", *"Lotte", "enter", *"Els (mama)", "enter", *"fase 1", "ctrl+s"]
        for key in burst:  # straight into the app's queue, without waiting in between
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        meta = app.screen.meeting.transcript.meta
        assert (meta.facilitator, meta.subject, meta.tags) == ("An Claes", "Lotte", ("fase 1",))
        assert [(p.name, p.role) for p in meta.participants] == [("Els", "mama")]


async def test_review_of_a_damaged_index_lists_everything_and_says_it_was_rebuilt(make_app, store, library):
    """A flipped byte in the index gave an empty list with no word of why (and stayed so)."""
    from assistant.core import locations

    stored(store, library)
    store.list()
    store.close()
    index = locations.index_path(store.root)
    for suffix in ("-wal", "-shm"):
        index.with_name(index.name + suffix).unlink(missing_ok=True)
    index.write_bytes(index.read_bytes().replace(b"Lotte", b"Lo\xffte"))  # a value that is no longer UTF-8
    app = make_app(Start("review"))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        shown = screen_text(app)
        assert "2 van 2 gesprekken" in shown and "Lotte" in shown and "Sint-Jozef" in shown
        notices = [n.message for n in app._notifications]
        assert "De zoekindex was beschadigd en is opnieuw opgebouwd uit de gesprekken: de lijst is volledig." in notices
