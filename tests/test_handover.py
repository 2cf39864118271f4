"""A preparation walked through the engine and handed over: the parent conversation starts with the chosen
focus questions, shows what the school already knew per topic, carries the signals, and both transcripts
and both summaries show the link."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from assistant.core import locations
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.engine import evaluate
from assistant.core.handover import (
    carried_signals,
    focus_topics,
    prior_knowledge,
    read_preparation,
    sensitivities,
    start_from_preparation,
    to_learn,
)
from assistant.core.prepsheet import render_prep_sheet
from assistant.core.pseudonymise import pseudonymise
from assistant.core.store_errors import LockedError
from assistant.core.summary import render_summary
from assistant.core.transcript import EventKind, Participant, Transcript
from storekit import new_store
from tests.summary.mdcheck import assert_literal, shape

RAAM = "Wat maakt het raam groter?"
PREP_ANSWERS: dict[str, Any] = {
    "prep.thuis.gekend": "Mama werkt in ploegen; de oudere broer brengt Yasmine soms.",
    "prep.school.gekend": "Wiskunde gaat moeilijk.\nGoede band met de leerkracht LO.",
    "prep.school.te-weten": "Hoe kijkt Yasmine thuis naar de lessen wiskunde?",
    "prep.sociaal.gekend": "Zit vaak alleen op de speelplaats.",
    "prep.individu.gekend": "",
    "prep.cultuur.gekend": "Niets bijzonders bekend.",
    "prep.afwezigheid.codes": {"B": {"sep-okt": 4, "nov-dec": 3}, "D": {"sep-okt": 1}},
    "prep.afwezigheid.b-codes": 7,
    "prep.afwezigheid.d-codes": 2,
    "prep.afwezigheid.sept-okt": "ja",
    "prep.afwezigheid.snelle-toename": "nee",
    "prep.afwezigheid.patroon": "Vooral op maandag.",
    "prep.contact.verloop": "Mama neemt telefonisch op, papa niet.",
    "prep.contact.bereikbaar": "Bereikbaar en werken mee",
    "prep.contact.gekende-problemen": "nee",
    "prep.stappen.gezet": "Telefoon na elke afwezigheid.",
    "prep.focus.topics": ["school", "sociaal"],
    "prep.focus.vragen": ["Hoe is de relatie met brussen?", RAAM, "Welke vakken gaan (minder) goed?"],
    "prep.focus.gevoeligheden": "Papa is pas werkloos.",
}


@cache
def library() -> tuple[dict, dict]:
    banks = load_bank_folder(locations.banks_dir())
    return banks, load_script_folder(locations.scripts_dir(), banks)


def walk_preparation(session, answers: dict[str, Any]) -> None:
    """Answer what the engine asks, as the app does: signals recorded when first shown, deepening
    questions picked when there is an answer for them and passed over otherwise."""
    from assistant.core.answers import normalise_answer

    banks, scripts = library()
    script = scripts["parent_prep"]
    questions = {q.id: q for bank in banks.values() for q in bank.questions()}
    for _ in range(200):
        view = evaluate(script, banks, session.transcript)
        shown = session.transcript.signals()
        for signal in view.signals:
            if signal.rule_id not in shown:
                session.record(EventKind.SIGNAL, rule=signal.rule_id, text=signal.text)
        if view.pending_selection:
            for question in view.pending_selection:
                session.record(EventKind.SELECT if question in answers else EventKind.SKIP, question=question)
            continue
        if view.next_question is None:
            return
        question = view.next_question
        if answers.get(question) not in (None, "", []):  # nothing to say: passed over, as in the app
            session.record(EventKind.ANSWER, question=question, value=normalise_answer(questions[question], answers[question]))
        else:
            session.record(EventKind.SKIP, question=question)
    raise AssertionError("the preparation did not end")


def prepared(store, answers=None, **meta) -> Any:
    session = store.create(Transcript.new("parent_prep", subject="Yasmine El Amrani (3B)", facilitator="Sofie Janssens",
                                          participants=(Participant("Tom Claes", "klastitularis"),), **meta))
    walk_preparation(session, PREP_ANSWERS if answers is None else answers)
    return session


def hand_over(store, prep, **meta):
    banks, scripts = library()
    return start_from_preparation(store, prep, banks=banks, scripts=scripts, **meta)


def parent_walk(transcript: Transcript, steps: int) -> list[str]:
    """The questions the parent conversation asks, answering each with a short text or factors."""
    banks, scripts = library()
    asked = []
    for _ in range(steps):
        view = evaluate(scripts["parent_dialogue"], banks, transcript)
        asked.append(view.next_question)
        value = {"groter": ["iets"], "kleiner": []} if view.next_question.endswith(".raam") else "Een antwoord."
        transcript = transcript.with_event(transcript.next_event(EventKind.ANSWER, question=view.next_question, value=value))
    return asked


def test_the_parent_conversation_starts_with_the_focus_questions_then_the_focus_topics(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep:
        prep.close("closed")
    with hand_over(store, prep.id, participants=[("Fatima El Amrani", "moeder")]) as parent:
        transcript = parent.transcript
    assert transcript.meta.script == "parent_dialogue" and transcript.meta.prepared_by == prep.id
    assert transcript.meta.subject == "Yasmine El Amrani (3B)" and transcript.meta.facilitator == "Sofie Janssens"
    assert [p.role for p in transcript.meta.participants] == ["moeder"]
    carried = transcript.meta.carried.to_plain()
    # the shared "raam" text stands for the raam question of each focus topic; focus topics come first
    assert carried["first"] == ["school.vakken", "school.raam", "sociaal.raam", "thuis.brussen"]
    assert carried["sections_first"] == ["school", "sociaal"] and focus_topics(transcript) == ["school", "sociaal"]
    asked = parent_walk(transcript, 12)
    assert asked[:4] == carried["first"]
    # then the rest of the focus topics, in the parent dialogue's order, before thuis
    assert asked[4:10] == ["school.welbevinden", "school.leerkrachten", "school.afwezige-dagen", "school.schoolloopbaan",
                           "school.kijk-op-school", "sociaal.terecht"]
    assert "thuis.praktische-problemen" not in asked


def test_without_a_focus_topic_the_raam_text_means_every_topics_raam_question(tmp_path):
    store = new_store(tmp_path)
    answers = {**PREP_ANSWERS, "prep.focus.topics": [], "prep.focus.vragen": [RAAM]}
    with prepared(store, answers) as prep, hand_over(store, prep) as parent:
        carried = parent.transcript.meta.carried.to_plain()
    assert carried["first"] == ["thuis.raam", "school.raam", "sociaal.raam", "individu.raam", "cultuur.raam"]
    assert carried["sections_first"] == [] and carried["focus_topics"] == []


def test_the_parent_conversation_shows_what_the_school_knew_beside_each_topic(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep, hand_over(store, prep) as parent:
        transcript = parent.transcript
    assert prior_knowledge(transcript, "thuis") == PREP_ANSWERS["prep.thuis.gekend"]
    assert prior_knowledge(transcript, "school") == PREP_ANSWERS["prep.school.gekend"]
    assert prior_knowledge(transcript, "individu") is None  # nothing noted
    assert prior_knowledge(transcript, "no-such-topic") is None
    assert to_learn(transcript, "school") == PREP_ANSWERS["prep.school.te-weten"]
    assert sensitivities(transcript) == "Papa is pas werkloos."
    banks, scripts = library()
    summary = render_summary(transcript, banks, view=evaluate(scripts["parent_dialogue"], banks, transcript),
                             linked=[store.load(prep.id)])
    doc = shape(summary)
    assert (3, "School") in doc.headings
    after_school = summary.split("### School", 1)[1]
    assert after_school.lstrip().startswith("*Wat de school al wist (voorbereiding):* Wiskunde gaat moeilijk.")
    for text in ("prep.thuis.gekend", "prep.school.gekend", "prep.sociaal.gekend", "prep.cultuur.gekend"):
        assert_literal(summary, PREP_ANSWERS[text])
    assert "Papa is pas werkloos" not in summary  # the sensitivities are for the facilitator, not the handout


def test_the_preparations_signals_are_carried_and_recorded_in_the_parent_conversation(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep, hand_over(store, prep) as parent:
        transcript = parent.transcript
    expected = {"prep.b-codes-5", "prep.september-oktober", "prep.d-en-b-codes"}  # 7 B-codes with 2 D-codes
    assert {s["rule"] for s in carried_signals(transcript)} == expected
    recorded = transcript.signals()
    assert set(recorded) == expected
    assert recorded["prep.b-codes-5"].get("preparation") == prep.id
    # the table (answered first) already held 7 B-codes: that answer made the rule fire
    assert recorded["prep.b-codes-5"].get("trigger") == "prep.afwezigheid.codes"
    banks, scripts = library()
    summary = render_summary(transcript, banks, view=evaluate(scripts["parent_dialogue"], banks, transcript))
    signals = summary.split("## Signalen", 1)[1].split("\n## ", 1)[0]
    assert "regel: prep.b-codes-5" in signals and "regel: prep.september-oktober" in signals
    assert "Overzicht van de afwezigheden van de leerling dit schooljaar" in signals


def test_a_corrected_answer_does_not_carry_a_signal_shown_before_the_correction(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep:
        assert "prep.b-codes-5" in prep.transcript.signals()
        prep.record(EventKind.ANSWER, question="prep.afwezigheid.b-codes", value=3)  # a typing error corrected
        prep.record(EventKind.ANSWER, question="prep.afwezigheid.codes", value={"B": {"sep-okt": 2, "nov-dec": 1}})
        with hand_over(store, prep) as parent:
            # 3 B-codes now: no "5 or more", but "alert at every B-code"; no D-codes (the table holds none,
            # and the separate D-code question was not asked once the table was filled in)
            assert {s["rule"] for s in carried_signals(parent.transcript)} == {
                "prep.september-oktober", "prep.elke-b-code"}


def test_the_link_shows_in_both_transcripts_and_both_summaries(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep:
        prep.close("closed")
    with hand_over(store, prep.name) as parent:
        pass
    prep_t, parent_t = store.load(prep.id), store.load(parent.id)
    assert parent_t.meta.prepared_by == prep.id
    assert prep_t.handovers() == [parent.id]
    assert prep_t.meta.status == "closed"  # reopened for the link only, and closed again
    assert [e.kind for e in prep_t.events[-3:]] == [EventKind.REOPEN, EventKind.HANDOVER, EventKind.CLOSE]
    banks, scripts = library()
    parent_summary = render_summary(parent_t, banks, linked=[prep_t])
    assert f"- **Voorbereiding:** {prep_t.meta.created[:10]} · parent_prep · Yasmine El Amrani (3B) ({prep.id})" in parent_summary
    sheet = render_prep_sheet(prep_t, banks, scripts=scripts, linked=[parent_t])
    link = f"{parent_t.meta.created[:10]} · parent_dialogue · Yasmine El Amrani (3B) ({parent.id})"
    assert f"- **Gesprek vanuit deze voorbereiding:** {link}" in sheet
    assert f"- **Gesprek vanuit deze voorbereiding:** {link}" in render_summary(prep_t, banks, linked=[parent_t])
    english = render_prep_sheet(prep_t, banks, scripts=scripts, lang="en")
    assert f"- **Conversation started from this preparation:** {parent.id}" in english  # not loaded: by id


def test_the_app_hands_over_the_preparation_it_holds_open(tmp_path):
    store = new_store(tmp_path)
    prep = prepared(store)
    parent = hand_over(store, prep)  # the app's own session: no second lock needed
    assert prep.transcript.handovers() == [parent.id] and not prep.closed
    assert prep.transcript.meta.status == "open"
    parent.close()
    prep.close("closed")
    assert store.load(prep.id).handovers() == [parent.id]


def test_a_preparation_open_elsewhere_is_refused_before_anything_is_created(tmp_path):
    store = new_store(tmp_path)
    prep = prepared(store)
    try:
        with pytest.raises(LockedError):
            hand_over(store, prep.id)
    finally:
        prep.close()
    assert [i.script for i in store.list()] == ["parent_prep"]


def test_only_a_preparation_can_be_handed_over(tmp_path):
    store = new_store(tmp_path)
    with store.create(Transcript.new("parent_dialogue", id="notaprep")):
        pass
    with pytest.raises(ValueError, match="not a preparation"):
        hand_over(store, "notaprep")
    with prepared(store, {}) as prep:
        with pytest.raises(ValueError, match="unknown script 'nope'"):
            hand_over(store, prep, script="nope")
    assert [i.script for i in store.list()].count("parent_dialogue") == 1


def test_an_empty_preparation_hands_over_a_plain_parent_conversation(tmp_path):
    store = new_store(tmp_path)
    with prepared(store, {}) as prep, hand_over(store, prep) as parent:
        transcript = parent.transcript
    assert transcript.meta.carried.first == () and transcript.meta.carried.signals == ()
    assert parent_walk(transcript, 2) == ["thuis.praktische-problemen", "thuis.relatie-ouders"]


def test_a_focus_text_the_parent_dialogue_no_longer_has_is_kept_on_the_sheet_only(tmp_path):
    banks, scripts = library()
    transcript = Transcript.new("parent_prep", id="p1")
    transcript = transcript.with_event(transcript.next_event(
        EventKind.ANSWER, question="prep.focus.vragen", value=["Een vraag van vroeger?", "Hoe is de relatie met brussen?"]))
    prep = read_preparation(transcript, banks, target_script=scripts["parent_dialogue"])
    assert [(q.question_id, q.text) for q in prep.first] == [("thuis.brussen", "Hoe is de relatie met brussen?"),
                                                            (None, "Een vraag van vroeger?")]
    assert prep.carried().first == ("thuis.brussen",)
    assert "Een vraag van vroeger? *(niet (meer) in het dialoogdocument ouders)*" in render_prep_sheet(transcript, banks)


def test_a_handover_can_follow_an_earlier_parent_conversation(tmp_path):
    store = new_store(tmp_path)
    with store.create(Transcript.new("parent_dialogue", id="earlier1")) as earlier:
        earlier.record(EventKind.ANSWER, question="thuis.brussen", value="Goed.")
        earlier.record(EventKind.DEFER, question="thuis.opvoeding")
    with prepared(store) as prep, hand_over(store, prep, follows="earlier1") as parent:
        transcript = parent.transcript
    assert transcript.meta.follows == "earlier1" and transcript.meta.prepared_by == prep.id
    assert transcript.meta.carried.from_meeting == "earlier1"
    assert transcript.meta.carried.parked == ({"question": "thuis.opvoeding"},)
    assert transcript.meta.carried.first[0] == "school.vakken"


def test_anonymising_replaces_names_in_what_the_preparation_handed_over(tmp_path):
    store = new_store(tmp_path)
    with prepared(store) as prep, hand_over(store, prep) as parent:
        anonymous = pseudonymise(parent.transcript)
    assert "Yasmine" not in prior_knowledge(anonymous, "thuis")
    assert prior_knowledge(anonymous, "thuis").startswith("Mama werkt in ploegen")


def test_a_handover_event_names_a_transcript_never_a_path():
    from assistant.core.transcript_codec import ShapeErrors, event_from_dict

    good = {"seq": 3, "kind": "handover", "at": "2025-03-10T15:30:00+01:00", "transcript": "9e2b7c44"}
    assert event_from_dict(good).data["transcript"] == "9e2b7c44"
    for bad in ("../../etc/passwd", "/tmp/x", "", 7):
        with pytest.raises(ShapeErrors, match="transcript"):
            event_from_dict({**good, "transcript": bad})
