"""Issue 8 in the app: walk a preparation by keys, hand over, and the parent conversation opens on the
chosen focus, shows what the school already knew, and carries the preparation's signals."""

from __future__ import annotations

from assistant.core.transcript import EventKind
from assistant.application.log_entries import PrepEntry, SectionEntry
from assistant.tui.dialogs.checklist import ChecklistDialog
from assistant.tui.dialogs.details import DetailsDialog
from assistant.tui.screens.conversation import ConversationScreen
from assistant.tui.screens.summary import SummaryScreen
from tests.tui.driving import keys_for, ready, screen_text
from tests.waiting import wait_for

CHOSEN = {
    "prep.focus.topics": ["2", "enter"],                       # school
    "prep.focus.vragen": ["down", "down", "space", "enter"],    # the third parent question
    "prep.afwezigheid.b-codes": ["6", "enter"],                 # 5 or more: the school signals the CLB
    "prep.school.gekend": [*"Vaak afwezig op maandag", "ctrl+s"],
}


async def test_a_preparation_hands_over_to_the_parent_conversation(new_app, store, library):
    app = new_app("parent_prep")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        for _ in range(80):
            await pilot.pause()
            if isinstance(app.screen, ChecklistDialog):
                await pilot.press("enter")  # discuss no deepening question now
                continue
            prompt = meeting.prompt()
            if prompt is None and meeting.view.pending_selection:
                await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the deepening checklist is open")
                continue
            if prompt is None:
                break
            await pilot.press(*CHOSEN.get(prompt.question.id, keys_for(prompt.question)))
        preparation = meeting.transcript
        third = library.banks["parent_prep"].question("prep.focus.vragen").options[2]
        assert preparation.answers()["prep.focus.vragen"] == [third]
        await pilot.press("f7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, DetailsDialog), "the details form first, to add the parents"
        await pilot.press(*"Fatima (moeder)", "ctrl+s")
        await ready(pilot, ConversationScreen)
        assert isinstance(app.screen, ConversationScreen)
        parent = app.screen.meeting
        first = parent.prompt().question
        assert first.text == third, "the parent conversation opens on the question chosen first"
        entries = [w.entry for w in app.screen.log_view.by_key.values()]
        prep = next(e for e in entries if isinstance(e, PrepEntry))
        assert prep.topics == ("school",)
        assert any(isinstance(e, SectionEntry) and e.noted for e in entries)  # thuis, as prepared (shown on F12)
        assert any(s.get("preparation") == preparation.meta.id for s in parent.transcript.of_kind(EventKind.SIGNAL))
        parent_id = parent.transcript.meta.id
    linked = store.load(parent_id)
    assert linked.meta.prepared_by == preparation.meta.id
    assert [(p.name, p.role) for p in linked.meta.participants] == [("Fatima", "moeder")]
    handed = [e for e in store.load(preparation.meta.id).of_kind(EventKind.HANDOVER)]
    assert [e.get("transcript") for e in handed] == [parent_id]
