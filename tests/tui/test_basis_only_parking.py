"""Basis-only mode (F6, when time runs short) never drops what the team chose: the deepening questions
picked from a checklist and not reached are parked for the next meeting, listed in the summary's
"Voor het volgende gesprek", carried into a follow-up, and asked again if the mode goes off."""

from __future__ import annotations

from assistant.core.followup import carry_over
from assistant.core.summary import render_summary
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta
from tests.tui.driving import value_for


def test_questions_chosen_before_basis_only_mode_are_parked_for_the_next_meeting(store, library):
    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "De Linde"))
    with meeting.session:
        while meeting.prompt() is not None:
            meeting.answer(value_for(meeting.prompt().question))
        offered = list(meeting.view.pending_selection)
        chosen = offered[:2]
        meeting.choose(chosen)
        assert meeting.prompt().question.id == chosen[0]
        meeting.set_basis_only(True)
        assert meeting.prompt().question.level == "basis", "basis-only: the chosen ones wait"
        assert set(chosen) <= set(meeting.transcript.deferred())

        summary = render_summary(meeting.transcript, library.banks, view=meeting.view)
        parked = summary.split("### Geparkeerde vragen", 1)[1].split("###", 1)[0]
        texts = [meeting.question(q).text for q in chosen]
        assert all(text in parked for text in texts), parked
        assert {p["question"] for p in carry_over(meeting.transcript).parked} >= set(chosen)

        meeting.set_basis_only(False)  # time after all: they are asked again, first
        assert meeting.prompt().question.id == chosen[0]
        assert not set(chosen) & set(meeting.transcript.deferred())


def test_the_log_says_which_chosen_questions_basis_only_mode_parked(store, library):
    from assistant.application.log_entries import MarkEntry
    from tests.tui.driving import chat_log

    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "De Linde"))
    with meeting.session:
        while meeting.prompt() is not None:
            meeting.answer(value_for(meeting.prompt().question))
        chosen = list(meeting.view.pending_selection)[:2]
        meeting.choose(chosen)
        meeting.set_basis_only(True)
        marks = [e for e in chat_log(meeting) if isinstance(e, MarkEntry) and e.kind == "mode_on"]
        assert marks and marks[-1].questions == tuple(chosen)
