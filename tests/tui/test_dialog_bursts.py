"""The dialogs and the review's search box take a burst of keys (tmux, a fast typist) in order: a
correction with backspace or ctrl+u lands where it was typed, and the letters typed right after '/' or
right before ctrl+s are not lost."""

from __future__ import annotations

from assistant.core.transcript import EventKind
from assistant.tui.dialogs.details import DetailsDialog
from assistant.tui.screens.conversation import ConversationScreen
from assistant.tui.screens.review import ReviewScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready
from tests.tui.test_command_burst import burst
from tests.waiting import wait_for, wait_for_text


async def test_a_note_typed_with_a_correction_and_saved_at_once_is_kept_as_typed(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        burst(app, "ctrl+n")
        await pilot.pause()
        burst(app, *"Vader werkt in ploegn", "backspace", *"en", "ctrl+s")
        await wait_for(pilot, lambda: list(meeting.transcript.of_kind(EventKind.NOTE)), "the note is recorded")
        notes = [e.data["text"] for e in meeting.transcript.of_kind(EventKind.NOTE)]
        assert notes == ["Vader werkt in ploegen"]


async def test_the_details_form_takes_ctrl_u_backspace_and_tab_where_they_were_typed(make_app):
    app = make_app(Start("new", script="parent_dialogue"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, DetailsDialog)
        burst(app, *"Bert", "ctrl+u", *"An Claez", "backspace", "s", "enter", *"Lotte", "tab", *"Fatima (moeder)",
              "shift+tab", "end", *" (3B)", "ctrl+s")  # a field reached by Tab is selected whole, as in a browser
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        meta = app.screen.meeting.transcript.meta
        assert (meta.facilitator, meta.subject) == ("An Claes", "Lotte (3B)")
        assert [(p.name, p.role) for p in meta.participants] == [("Fatima", "moeder")]


async def test_the_search_box_gets_the_words_typed_right_after_the_slash(make_app, store, library):
    parent = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"))
    parent.answer("Geen geld voor de bus")
    parent.session.close()
    other = start_new(store, library, "parent_dialogue", NewMeta("An", "Noor"))
    other.answer("Ze is vaak moe")
    other.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        burst(app, "/", *"bsu", "backspace", "backspace", *"us", "enter")
        shown = await wait_for_text(pilot, "1 treffer(s) voor 'bus'", "Lotte")
        assert "1 treffer(s) voor 'bus'" in shown and "Lotte" in shown and "Noor" not in shown
