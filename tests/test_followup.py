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
    assert third.meta.carried.last_answers["beleid.visie"]["date"] == first.transcript.meta.created[:10]


def test_the_next_meeting_may_use_another_script(store, first):
    session = follow_up(store, first.name, script="school_phases")
    assert session.transcript.meta.script == "school_phases"
    assert session.name.split("_")[1] == "school-phases"
    session.close()


# -- a series of meetings: each item carried once, with where it stands ---------------------------------
from functools import cache  # noqa: E402

from assistant.core import locations  # noqa: E402
from assistant.core.catalog import load_bank_folder, load_script_folder  # noqa: E402
from assistant.core.engine import evaluate  # noqa: E402
from assistant.core.followup import carried_counts, series_with, suggested_next  # noqa: E402
from assistant.core.transcript import ActionStatus  # noqa: E402


@cache
def library():
    banks = load_bank_folder(locations.banks_dir())
    return banks, load_script_folder(locations.scripts_dir(), banks)


PLAN = [{"wat": "Stappenplan herwerken", "wie": "directie", "wanneer": "pasen", "check": ""},
        {"wat": "Te laat komers apart registreren", "wie": "secretariaat", "wanneer": "", "check": ""}]


def test_a_question_parked_twice_in_one_meeting_is_carried_once(store):
    with store.create(school(script="parent_dialogue")) as s:
        # as recorded before decisions named their question: the question is read from the key
        s.record("decision", suggestion="ouders.pesten:sociaal.goed-voelen", decision="parked", rule="ouders.pesten",
                 text="Bij wie voelt de leerling zich goed?")
        s.record("defer", question="sociaal.goed-voelen")
        s.record("decision", suggestion="ouders.pesten:sociaal.vrienden", decision="parked", rule="ouders.pesten",
                 text="Wie zijn de vrienden?", question="sociaal.vrienden")
        s.record("defer", question="sociaal.vrienden")
        s.close("closed")
    parked = still_parked(store.load(s.id))
    assert [p["question"] for p in parked] == ["sociaal.goed-voelen", "sociaal.vrienden"]
    nxt = follow_up(store, s.id).transcript
    assert carried_counts(nxt)["parked"] == 2


def test_the_rows_of_an_action_plan_answer_are_carried_and_each_is_reviewed_once(store):
    with store.create(school()) as first:
        first.record("answer", question="opvolging.planning", value=PLAN)
        first.close("closed")
    second = follow_up(store, first.id)
    carried = carried_actions(second.transcript)
    assert [(a["wat"], a["wie"], a["from"]) for a in carried] == [
        ("Stappenplan herwerken", "directie", first.id), ("Te laat komers apart registreren", "secretariaat", first.id)]
    assert carried_counts(second.transcript)["actions"] == 2
    one, two = (a["action"] for a in carried)
    second.record("action_status", action=one, status=str(ActionStatus.PARTLY), note="eerste versie klaar")
    second.record("action_status", action=two, status=str(ActionStatus.DONE))
    second.record("answer", question="opvolging.planning", value=[{"wat": "Overleg met het CLB inplannen", "wie": "directie"}])
    second.close("closed")
    third = follow_up(store, second.id).transcript
    assert [(a["wat"], a["before"], a["before_note"], a["status"]) for a in carried_actions(third)] == [
        ("Stappenplan herwerken", "partly", "eerste versie klaar", None), ("Overleg met het CLB inplannen", None, None, None)]
    assert len({a["action"] for a in carried_actions(third)}) == 2  # ids stay unique over the series


def test_a_dropped_action_ends_and_a_status_can_be_taken_back(store):
    with store.create(school()) as first:
        first.record("answer", question="opvolging.planning", value=PLAN)
        first.close("closed")
    second = follow_up(store, first.id)
    one, two = (a["action"] for a in carried_actions(second.transcript))
    second.record("action_status", action=one, status="dropped", note="niet meer nodig")
    second.record("action_status", action=two, status="done")
    second.record("action_status", action=two, status="open")  # a key pressed by mistake, taken back
    assert [a["action"] for a in open_actions(second.transcript)] == [two]


def test_the_questions_the_summary_suggested_are_carried_and_proposed_first(store):
    banks, scripts = library()
    with store.create(school()) as first:
        first.record("answer", question="inzicht.aandeel-te-laat", value="Een groot aandeel, het stijgt")
        view = evaluate(scripts["school_dialogue"], banks, first.transcript)
        proposed = [s.question_id for s in view.suggestions]
        assert proposed, "the late-comers rule proposes questions"
        first.record("decision", suggestion=view.suggestions[0].key, decision="parked", rule=view.suggestions[0].rule_id,
                     text=view.suggestions[0].text, question=proposed[0])
        first.close("closed")
    previous = store.load(first.id)
    left = suggested_next(previous, evaluate(scripts["school_dialogue"], banks, previous))
    assert [s["question"] for s in left] == proposed[1:]  # the parked one is carried as parked, not twice
    second = follow_up(store, first.id, banks=banks, scripts=scripts)
    t = second.transcript
    assert [p["question"] for p in t.meta.carried.parked] == proposed[:1]
    assert [s["question"] for s in t.meta.carried.suggested] == proposed[1:]
    start = evaluate(scripts["school_dialogue"], banks, t)
    assert [s.question_id for s in start.suggestions[:len(proposed)]] == proposed
    assert [s.origin for s in start.suggestions[:len(proposed)]] == ["parked"] + ["suggested"] * (len(proposed) - 1)
    # dealt with here: accepted is asked next; parked again is carried again, under the same key
    second.record("decision", suggestion=start.suggestions[1].key, decision="accepted", question=proposed[1])
    second.record("decision", suggestion=start.suggestions[0].key, decision="parked", question=proposed[0],
                  text=start.suggestions[0].text)
    after = evaluate(scripts["school_dialogue"], banks, second.transcript)
    assert after.next_question == proposed[1]
    assert proposed[0] not in {s.question_id for s in after.suggestions}
    second.close("closed")
    third = follow_up(store, second.id, banks=banks, scripts=scripts).transcript
    assert [p["suggestion"] for p in third.meta.carried.parked] == [start.suggestions[0].key]


def test_a_carried_question_dismissed_is_not_offered_again_in_the_checklist(store):
    banks, scripts = library()
    with store.create(school()) as first:
        first.record("defer", question="inzicht.verschillen")  # a deepening question, left for next time
        first.close("closed")
    second = follow_up(store, first.id, banks=banks, scripts=scripts)
    view = evaluate(scripts["school_dialogue"], banks, second.transcript)
    assert view.suggestions[0].question_id == "inzicht.verschillen"
    second.record("decision", suggestion=view.suggestions[0].key, decision="dismissed", question="inzicht.verschillen")
    for question in scripts["school_dialogue"].units[0].basis:
        second.record("answer", question=question, value={} if question == "inzicht.overzicht-afwezigheden" else "ok")
    checklist = evaluate(scripts["school_dialogue"], banks, second.transcript).pending_selection
    assert checklist and "inzicht.verschillen" not in checklist
    assert still_parked(second.transcript) == []


def test_each_self_score_is_carried_over_the_whole_series(store):
    scores = []
    previous = None
    for n, score in enumerate((3, 5, 6)):
        session = follow_up(store, previous) if previous else store.create(school(script="prevention_plan"))
        session.record("answer", question="fase0.schaal", value=score)
        if n == 1:
            session.record("answer", question="fase0.opvolging", value=4)
        session.close("closed")
        previous = session.id
        scores.append(series_with(store.load(session.id)))
    last = scores[-1]
    assert [p["value"] for p in last["fase0.schaal"]] == [3, 5, 6]
    assert [p["value"] for p in last["fase0.opvolging"]] == [4]
    assert len({p["meeting"] for p in last["fase0.schaal"]}) == 3
