"""What the app does to a transcript, without a screen: the meeting controller over a real store."""

from __future__ import annotations

import errno

import pytest

from assistant.core import durable
from assistant.core.answers import AnswerError
from assistant.core.store_errors import LockedError, SaveError
from assistant.core.transcript import Decision, EventKind, Flag
from assistant.application.opening import OpenError, resume, start_new
from assistant.application.settings import NewMeta
from tests.tui.driving import value_for

BUS = "Ze heeft geen geld voor de bus en is soms bang"


@pytest.fixture
def parent(store, library, clock):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An Claes", "Lotte"), clock=clock)
    yield meeting
    if not meeting.session.closed:
        meeting.session.close()


def kinds(meeting) -> list[str]:
    return [str(e.kind) for e in meeting.transcript.events]


def test_an_answer_is_on_disk_and_the_next_question_follows(parent, store):
    first = parent.prompt().question.id
    parent.answer("Geen problemen thuis")
    assert store.load(parent.transcript.meta.id).answers() == {first: "Geen problemen thuis"}
    assert parent.prompt().question.id != first


def test_an_invalid_answer_records_nothing(store, library, clock):
    meeting = start_new(store, library, "prevention_plan", NewMeta(), clock=clock)
    with meeting.session:
        while meeting.prompt().question.type != "scale":
            meeting.answer(value_for(meeting.prompt().question))
        before = len(meeting.transcript.events)
        with pytest.raises(AnswerError, match="above the maximum"):
            meeting.answer("11")
        assert len(meeting.transcript.events) == before


def test_back_asks_the_previous_question_again_with_its_answer(parent):
    first = parent.prompt().question.id
    parent.answer("eerste versie")
    assert parent.back()
    prompt = parent.prompt()
    assert (prompt.question.id, prompt.revisit, prompt.value) == (first, True, "eerste versie")
    parent.answer("tweede versie")
    assert parent.transcript.history(first) == ["eerste versie", "tweede versie"]
    assert parent.prompt().question.id != first
    assert parent.back() and parent.prompt().question.id == first
    assert not parent.back()  # nothing before the first answer


def test_skip_and_park_move_on_and_are_recorded(parent):
    first = parent.prompt().question.id
    parent.skip()
    second = parent.prompt().question.id
    parent.park()
    assert parent.transcript.skipped() == {first}
    assert parent.transcript.deferred() == [second]
    assert parent.prompt().question.id not in (first, second)


def test_an_accepted_follow_up_is_asked_next_and_a_parked_one_is_kept(parent):
    parent.answer(BUS)
    keys = {s.rule_id: s for s in parent.view.suggestions}
    assert "ouders.schoolweigering" in keys and "ouders.praktisch" in keys
    refusal = [s for s in parent.view.suggestions if s.rule_id == "ouders.schoolweigering"]
    parent.decide(refusal[0].key, Decision.ACCEPTED)
    assert parent.prompt().question.id == refusal[0].question_id
    parent.decide(refusal[1].key, Decision.PARKED)
    decisions = {k: str(e.data["decision"]) for k, e in parent.transcript.decisions().items()}
    assert decisions == {refusal[0].key: "accepted", refusal[1].key: "parked"}


def test_an_accepted_ad_hoc_follow_up_is_answered_as_a_note_under_its_trigger(parent):
    trigger = parent.prompt().question.id
    parent.answer(BUS)
    adhoc = next(s for s in parent.view.suggestions if s.question_id is None)
    parent.decide(adhoc.key, Decision.ACCEPTED)
    assert parent.prompt().is_adhoc and parent.prompt().question.text == adhoc.text
    parent.answer("De gemeente helpt met een abonnement")
    note = parent.transcript.notes()[-1]
    assert (note.get("question"), note.get("text"), note.get("suggestion")) == (trigger, "De gemeente helpt met een abonnement", adhoc.key)
    assert not parent.prompt().is_adhoc


def test_signals_shown_are_recorded_once(store, library, clock):
    meeting = start_new(store, library, "school_dialogue", NewMeta(), clock=clock)
    with meeting.session:
        assert meeting.prompt().question.type == "counts"
        meeting.answer({"B": {"0-4": "3", "5-9": "4"}})
        assert meeting.view.signals, "5 or more B-codes raise a signal"
        shown = [e.get("rule") for e in meeting.transcript.of_kind(EventKind.SIGNAL)]
        meeting.refresh()
        assert [e.get("rule") for e in meeting.transcript.of_kind(EventKind.SIGNAL)] == shown


def test_the_deepening_checklist_selects_some_and_parks_the_rest(store, library, clock):
    meeting = start_new(store, library, "school_dialogue", NewMeta(), clock=clock)
    with meeting.session:
        while meeting.prompt() is not None:
            question = meeting.prompt().question
            meeting.answer(value_for(question))
        offered = list(meeting.view.pending_selection)
        assert len(offered) >= 2
        meeting.choose(offered[:1])
        assert meeting.transcript.selected() == {offered[0]}
        assert set(meeting.transcript.deferred()) == set(offered[1:])
        assert meeting.prompt().question.id == offered[0]


def test_basis_only_mode_skips_the_checklist(store, library, clock):
    meeting = start_new(store, library, "school_dialogue", NewMeta(), clock=clock)
    with meeting.session:
        meeting.set_basis_only(True)
        while meeting.prompt() is not None:
            question = meeting.prompt().question
            assert question.level == "basis"
            meeting.answer(value_for(question))
            assert not meeting.view.pending_selection
        assert meeting.transcript.basis_only()


def test_flags_priority_ranks_and_toggles(parent):
    parent.answer("a")
    first = parent.answered_order()[-1]
    parent.answer("b")
    second = parent.answered_order()[-1]
    assert parent.toggle_flag(first, Flag.PRIORITY)
    assert parent.toggle_flag(second, Flag.PRIORITY)
    ranks = {q: e.get("rank") for (q, f), e in parent.transcript.flags().items()}
    assert ranks == {first: 1, second: 2}
    assert not parent.toggle_flag(first, Flag.PRIORITY)
    assert parent.toggle_flag(second, Flag.WERKPUNT)
    assert set(parent.flags_of(second)) == {Flag.PRIORITY, Flag.WERKPUNT}


def test_meeting_time_is_recorded_in_ticks(parent, clock):
    clock.advance(125)
    parent.tick()
    clock.advance(0.5)
    assert parent.tick() is None
    assert parent.transcript.seconds_spent() == 125
    clock.advance(60)
    assert parent.elapsed_seconds() == 185


def test_a_failed_save_keeps_the_answer_and_shows_no_next_question(parent, store, monkeypatch):
    first = parent.prompt().question.id

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(durable, "_write", full)
    with pytest.raises(SaveError, match="the disk is full"):
        parent.answer("bewaar mij")
    assert parent.prompt().question.id == first  # nothing moved on
    assert parent.has_unsaved
    monkeypatch.undo()
    parent.answer("bewaar mij")
    assert store.load(parent.transcript.meta.id).answers() == {first: "bewaar mij"}
    assert parent.transcript.history(first) == ["bewaar mij"]
    assert parent.prompt().question.id != first


def test_a_second_app_on_the_same_transcript_gets_the_lock_message(parent, store, library):
    with pytest.raises(OpenError, match="open in another Dialoog") as caught:
        resume(store, library, parent.transcript.meta.id)
    assert isinstance(caught.value.__cause__, LockedError) or "pid" in str(caught.value)


def test_resume_continues_exactly_where_it_stopped(parent, store, library, clock):
    parent.answer("een")
    parent.answer("twee")
    expected = parent.prompt().question.id
    parent.session.close()
    again = resume(store, library, parent.transcript.meta.id, clock=clock)
    with again.session:
        assert again.prompt().question.id == expected
        assert list(again.transcript.answers().values()) == ["een", "twee"]


def test_unknown_script_is_a_clear_error(store, library):
    with pytest.raises(OpenError, match="unknown script 'nope'"):
        start_new(store, library, "nope", NewMeta())


def test_a_minute_of_meeting_time_is_on_disk_without_waiting_for_the_end(parent, store, clock):
    """A killed terminal loses less than a minute of the meeting's time, and a resumed meeting goes on
    from the time spent (the clock restarted at 0 after a kill in the first five minutes)."""
    clock.advance(59)
    assert parent.keep_time() is None, "not a minute yet: nothing written"
    clock.advance(2)
    assert parent.keep_time() is not None
    clock.advance(130)
    parent.keep_time()
    on_disk = store.load(parent.transcript.meta.id)  # what a kill now would leave
    assert on_disk.seconds_spent() == 191
