"""The chat log derived from a transcript: order, edits in place, suggestions under their trigger."""

from __future__ import annotations

from assistant.core.transcript import Decision, Flag
from assistant.application.chatlog import AnswerEntry, MarkEntry, QuestionEntry, SectionEntry, StatusEntry, SuggestionEntry
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta
from tests.tui.driving import chat_log as log


def test_questions_and_answers_alternate_with_a_separator_per_section(parent):
    parent.answer("geen")
    entries = log(parent)
    assert [type(e) for e in entries] == [SectionEntry, QuestionEntry, AnswerEntry, QuestionEntry]
    assert entries[0].title == "Thuis"
    assert entries[-1].current and not entries[1].current


def test_an_edited_answer_changes_in_place_and_says_so(parent):
    parent.answer("eerste")
    first = parent.answered_order()[0]
    parent.answer("tweede")
    parent.edit(first, "verbeterd")
    answers = [e for e in log(parent) if isinstance(e, AnswerEntry)]
    assert [(a.text, a.edited) for a in answers] == [("verbeterd", True), ("tweede", False)]


def test_suggestions_sit_under_the_answer_that_triggered_them_and_keep_their_decision(parent):
    parent.answer("Ze is bang en heeft geen geld voor de bus")
    trigger = parent.answered_order()[0]
    key = parent.view.suggestions[0].key
    parent.decide(key, Decision.DISMISSED)
    entries = log(parent)
    index = next(i for i, e in enumerate(entries) if isinstance(e, AnswerEntry) and e.question_id == trigger)
    following = entries[index + 1:]
    suggestions = [e for e in following if isinstance(e, SuggestionEntry)]
    assert suggestions and all(isinstance(e, SuggestionEntry) for e in following[:len(suggestions)])
    assert {s.suggestion_key: s.decision for s in suggestions}[key] == "dismissed"


def test_flags_show_on_the_answer_and_skips_are_quiet_marks(parent):
    parent.answer("a")
    first = parent.answered_order()[0]
    parent.toggle_flag(first, Flag.PRIORITY)
    parent.skip()
    entries = log(parent)
    answer = next(e for e in entries if isinstance(e, AnswerEntry))
    assert answer.flags == (("priority", 1),)
    assert any(isinstance(e, MarkEntry) and e.kind == "skip" for e in entries)


def test_the_log_ends_with_why_no_question_waits(store, library, clock):
    from tests.tui.driving import value_for

    meeting = start_new(store, library, "teacher_dialogue", NewMeta(), clock=clock)
    with meeting.session:
        while meeting.prompt() is not None:
            meeting.answer(value_for(meeting.prompt().question))
        last = log(meeting)[-1]
        assert isinstance(last, StatusEntry) and last.kind in ("done", "checklist")


def test_a_checklist_is_one_line_for_now_and_one_for_next_time_whatever_the_order_of_the_ticks(store, library, clock):
    """Ticked second and fifth of seven, the log said item by item 'parked: a / now: 1 / parked: b, c /
    now: 1 / parked: d, e'; it names what is discussed now once and what is parked once."""
    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "De Linde"), clock=clock)
    with meeting.session:
        while not meeting.view.pending_selection:
            meeting.answer({"B": {"0-4": 3}} if meeting.prompt().question.type == "counts" else "veel")
        offered = list(meeting.view.pending_selection)
        assert len(offered) >= 5
        meeting.choose([offered[1], offered[4]])
        marks = [e for e in log(meeting) if isinstance(e, MarkEntry)]
    assert [(m.kind, m.questions) for m in marks] == [
        ("defer", (offered[0], offered[2], offered[3], *offered[5:])),
        ("select", (offered[1], offered[4])),
    ]
