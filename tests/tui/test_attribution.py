"""Who said what, in the log: an accepted ad-hoc follow-up shows as the question asked and the answer
given by its speaker (it showed as "Notitie: ..."), and the facilitator's own note carries no speaker
(it showed as "Notitie: Fatima El Amrani: ...")."""

from __future__ import annotations

from assistant.core.transcript import EventKind
from tests.tui.driving import chat_log, ready, screen_text
from tests.tui.test_command_burst import burst

MOTHER = "Fatima El Amrani"
ADHOC = "Wat is er nodig om dit praktische probleem"


async def test_a_follow_up_and_its_answer_show_as_asked_and_answered_and_a_note_as_the_facilitators(new_app):
    app = new_app("parent_dialogue", meta={"participants": ((MOTHER, "moeder"),)})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        burst(app, "ctrl+t", *"Fat", "tab", "enter", *"De bus is te duur", "ctrl+s")
        await ready(pilot)
        adhoc = next(s for s in meeting.view.suggestions if s.question_id is None)
        await screen.follow(adhoc.key)
        await ready(pilot)
        burst(app, *"Een abonnement via het OCMW", "ctrl+s")
        await ready(pilot)
        burst(app, "ctrl+n", *"Moeder belt morgen terug", "ctrl+s")
        await ready(pilot)

        notes = list(meeting.transcript.of_kind(EventKind.NOTE))
        assert [(n.get("text"), n.get("speaker")) for n in notes] == [
            ("Een abonnement via het OCMW", MOTHER), ("Moeder belt morgen terug", None)]
        entries = chat_log(meeting)
        kinds = [(type(e).__name__, getattr(e, "text", "")[:43], getattr(e, "speaker", None)) for e in entries]
        asked = next(i for i, k in enumerate(kinds) if k[0] == "QuestionEntry" and k[1].startswith(ADHOC))
        assert kinds[asked + 1] == ("AnswerEntry", "Een abonnement via het OCMW", MOTHER)
        assert ("NoteEntry", "Moeder belt morgen terug", None) in kinds
        shown = screen_text(app)
        assert f"{MOTHER}: Een abonnement via het OCMW" in shown
        assert "Notitie: Moeder belt morgen terug" in shown and f"Notitie: {MOTHER}" not in shown
