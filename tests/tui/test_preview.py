"""The first screen computed by the helper is the screen the opened meeting draws."""

from __future__ import annotations

import json

from assistant.core import answers, bank
from assistant.application import prompt as plain
from assistant.application.conversation_view import compute, from_dict, fork, preview_of, to_dict
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta


def test_the_plain_constants_are_the_cores():
    assert (plain.YES, plain.NO) == (answers.YES, answers.NO)
    assert (plain.ACTION_FIELDS, plain.FACTOR_SIDES) == (answers.ACTION_FIELDS, answers.FACTOR_SIDES)
    assert (plain.DEFAULT_COUNT_ROWS, plain.DEFAULT_COUNT_COLUMNS) == (bank.DEFAULT_COUNT_ROWS, bank.DEFAULT_COUNT_COLUMNS)
    assert plain.RENAMED_BANDS == bank.RENAMED_BANDS


def test_a_resumed_conversation_previews_as_it_opens(store, library, clock):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"), clock=clock)
    meeting.answer("Ze is bang en de bus is te duur")
    meeting.toggle_flag(meeting.answered_order()[0], "priority")
    meeting.session.close()
    data = json.loads(json.dumps(compute(str(store.root), None, meeting.transcript.meta.id, None)))
    shown = from_dict(data)
    expected = preview_of(meeting)
    assert shown.entries == expected.entries
    assert shown.prompt.question.id == expected.prompt.question.id and shown.prompt.question.type == "text"
    assert (shown.title, shown.subject, shown.pending) == (expected.title, "Lotte", expected.pending)
    assert json.loads(json.dumps(to_dict(shown))) == data


def test_the_helper_process_answers_through_a_pipe(store, library):
    handle = fork(str(store.root), "teacher_dialogue", None, NewMeta("An", "Klas 3"))
    shown = handle.result()
    assert shown is not None and shown.prompt.question.type == "yes_no" and shown.subject == "Klas 3"
    # for a new conversation the helper made the transcript (and let go of it, for the app to resume)
    with store.resume(handle.created()) as session:
        assert session.transcript.meta.subject == "Klas 3"
    nothing = fork(str(store.root), "nope", None, NewMeta()).result()
    assert nothing is None
