"""The next meeting starts from the last: parked and deferred questions, open actions, previous answers."""

from __future__ import annotations

import pytest
from storekit import new_store, school

from assistant.core.followup import carried_actions, follow_up, open_actions, previous_answer, still_parked
from assistant.core.transcript import Participant


@pytest.fixture
def store(tmp_path):
    return new_store(tmp_path / "transcripts")


@pytest.fixture
def first(store):
    with store.create(school(tags=("pilot",))) as s:
        s.record("answer", question="reflectie.zelfscore", value=6)
        s.record("answer", question="beleid.visie", value="Er is een visietekst")
        s.record("defer", question="inzicht.verdieping-klassen")       # a deepening question, for next time
        s.record("defer", question="beleid.visie")                     # deferred, then answered anyway
        s.record("decision", suggestion="knip:attesten", decision="parked", rule="knip", text="Twijfelachtige attesten?")
        s.record("decision", suggestion="knip:laatkomers", decision="dismissed", rule="knip", text="Laatkomers?")
        s.record("action", action="a1", wat="Registratieafspraken op papier", wie="Els", wanneer="oktober")
        s.record("action", action="a2", wat="Overleg met CLB plannen", wie="Jan")
        s.record("action_done", action="a2")
        s.close(status="closed")
    return s


def test_the_next_meeting_carries_what_was_left_open(store, first):
    session = follow_up(store, first.id)
    t = session.transcript
    assert t.meta.follows == first.id
    assert t.meta.subject == "Sint-Jozefscollege Brussel" and t.meta.tags == ("pilot",)
    assert t.meta.participants == store.load(first.id).meta.participants
    assert t.events == ()  # reference material, not things that happened in this meeting
    parked = still_parked(t)
    assert {"question": "inzicht.verdieping-klassen"} in parked
    assert {"question": "beleid.visie"} not in parked
    assert {"suggestion": "knip:attesten", "rule": "knip", "text": "Twijfelachtige attesten?"} in parked
    assert not any(p.get("suggestion") == "knip:laatkomers" for p in parked)
    assert [(a["action"], a["wat"], a["wie"]) for a in carried_actions(t)] == [("a1", "Registratieafspraken op papier", "Els")]
    assert previous_answer(t, "reflectie.zelfscore") == 6  # "vorige keer: 6/10"
    assert previous_answer(t, "onbekend") is None
    session.close()
    assert store.load(session.id).meta.carried == t.meta.carried  # stored, not just in memory


def test_what_is_dealt_with_stops_being_carried_and_the_rest_goes_on(store, first):
    second = follow_up(store, first.id, facilitator="Nieuwe collega", participants=[{"name": "Lien", "role": "directie"}])
    assert second.transcript.meta.facilitator == "Nieuwe collega"
    assert second.transcript.meta.participants == (Participant("Lien", "directie"),)
    second.record("action_done", action="a1")                              # checked off
    second.record("answer", question="reflectie.zelfscore", value=8)
    second.record("decision", suggestion="knip:attesten", decision="accepted", rule="knip")
    second.record("action", action="b1", wat="Nieuwe afspraak", wie="Lien")
    second.close(status="closed")
    assert open_actions(store.load(second.id))[0]["wat"] == "Nieuwe afspraak"

    third = follow_up(store, second.id).transcript
    assert still_parked(third) == [{"question": "inzicht.verdieping-klassen"}]  # still not discussed
    assert [a["action"] for a in carried_actions(third)] == ["b1"]
    assert previous_answer(third, "reflectie.zelfscore") == 8
    assert previous_answer(third, "beleid.visie") == "Er is een visietekst"  # from two meetings ago
    assert third.meta.carried["previous"]["beleid.visie"]["date"] == first.transcript.meta.created[:10]


def test_the_next_meeting_may_use_another_script(store, first):
    session = follow_up(store, first.name, script="school_phases")
    assert session.transcript.meta.script == "school_phases"
    assert session.name.split("_")[1] == "school-phases"
    session.close()
