"""Where the chat log puts a note taken while a question waits, and a question jumped to."""

from __future__ import annotations

from assistant.application.chatlog import AnswerEntry, NoteEntry, QuestionEntry, SectionEntry
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta
from tests.tui.driving import chat_log as log


def shown(entries):
    """(kind, question or text) per message, as the facilitator reads the log from the top."""
    result = []
    for e in entries:
        if isinstance(e, QuestionEntry):
            result.append(("q", e.question_id))
        elif isinstance(e, AnswerEntry):
            result.append(("a", e.question_id))
        elif isinstance(e, NoteEntry):
            result.append(("note", e.text))
    return result


def test_a_note_on_the_waiting_question_sits_under_that_question_not_under_the_answer_before(parent):
    parent.answer("Geen auto")
    first = parent.answered_order()[0]
    waiting = parent.prompt().question.id
    parent.note("Vader werkt in ploegen", question=waiting)
    assert shown(log(parent))[-3:] == [("a", first), ("q", waiting), ("note", "Vader werkt in ploegen")]
    parent.answer("Mama volgt alles op")
    order = shown(log(parent))
    assert order[order.index(("q", waiting)):][:3] == [("q", waiting), ("note", "Vader werkt in ploegen"), ("a", waiting)]


def test_a_note_on_an_answered_question_stays_where_it_was_written(parent):
    parent.answer("Geen auto")
    first = parent.answered_order()[0]
    parent.note("Bus om 8u30", question=first)
    order = shown(log(parent))
    assert order[order.index(("a", first)) + 1] == ("note", "Bus om 8u30")


def test_a_question_jumped_to_gets_its_section_and_no_mark_of_being_asked_again(parent):
    parent.answer("Geen auto")
    target = next(q for q in parent.script.walked_questions() if q.startswith("sociaal."))
    assert parent.jump(target)
    entries = log(parent)
    current = entries[-1]
    assert isinstance(current, QuestionEntry) and current.question_id == target and not current.again
    assert isinstance(entries[-2], SectionEntry) and entries[-2].title == "Sociaal"


def test_a_checklist_over_several_subsections_is_named_by_their_section(store, library, clock):
    from tests.tui.driving import value_for
    from assistant.application.chatlog import StatusEntry

    meeting = start_new(store, library, "parent_prep", NewMeta(), clock=clock)
    try:
        for _ in range(20):
            prompt = meeting.prompt()
            if prompt is None:
                break
            meeting.answer(value_for(prompt.question))
        offered = meeting.view.pending_selection
        assert offered
        places = [meeting.places.get(q) for q in offered]
        assert len({p.subsection.id for p in places}) > 1, "the case: deepening questions of several subsections"
        status = log(meeting)[-1]
        assert isinstance(status, StatusEntry) and status.section == places[0].section.title
    finally:
        meeting.session.close()
