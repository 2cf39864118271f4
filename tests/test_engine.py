"""The engine walks questions in the documents' order, offers deepening questions as a checklist, asks
accepted follow-ups next, keeps decisions, and re-evaluates everything when an earlier answer changes."""

import pytest

from assistant.core.engine import evaluate
from assistant.core.transcript import EventKind
from engine_helpers import add, engine_banks, engine_script, normalised, transcript_with

BASIS_INZICHT = {"eng.codes": {"B": {"0-4": 3}}, "eng.attesten": "Geen probleem"}


def view(answers=None, *events, section=None):
    transcript = transcript_with(engine_banks(), answers or {})
    for kind, data in events:
        transcript = add(transcript, kind, **data)
    return evaluate(engine_script(), engine_banks(), transcript, section=section)


def select(q):
    return (EventKind.SELECT, {"question": q})


def defer(q):
    return (EventKind.DEFER, {"question": q})


def skip(q):
    return (EventKind.SKIP, {"question": q})


def decide(key, decision):
    return (EventKind.DECISION, {"suggestion": key, "decision": decision})


def answer(q, value):
    return (EventKind.ANSWER, {"question": q, "value": normalised(engine_banks(), {q: value})[q]})


def test_a_new_conversation_starts_with_the_first_basis_question():
    v = view()
    assert v.next_question == "eng.codes"
    # the teacher's branch questions stay hidden until the yes/no answer that opens them
    assert v.visible == ("eng.codes", "eng.attesten", "eng.stappenplan", "eng.onthaal", "eng.schakel",
                         "eng.score", "eng.venster", "eng.acties")
    assert (v.suggestions, v.signals, v.priority_hints, v.pending_selection) == ((), (), (), ())


def test_after_a_sections_basis_questions_its_deepening_questions_are_offered_as_a_checklist():
    v = view(BASIS_INZICHT)
    assert v.next_question is None
    assert v.pending_selection == ("eng.laat", "eng.oorzaken")


def test_picked_deepening_questions_are_asked_and_parked_ones_are_not():
    v = view(BASIS_INZICHT, select("eng.laat"), defer("eng.oorzaken"))
    assert (v.next_question, v.pending_selection) == ("eng.laat", ())
    assert "eng.laat" in v.visible and "eng.oorzaken" not in v.visible
    v = view(BASIS_INZICHT, skip("eng.laat"), skip("eng.oorzaken"))
    assert v.next_question == "eng.stappenplan"


def test_the_checklist_waits_for_every_deepening_question_to_be_picked_parked_or_skipped():
    v = view(BASIS_INZICHT, select("eng.laat"))
    assert (v.next_question, v.pending_selection) == (None, ("eng.oorzaken",))


def test_basis_only_mode_walks_only_basis_questions_and_offers_no_checklist():
    v = view(BASIS_INZICHT, (EventKind.MODE, {"basis_only": True}))
    assert (v.next_question, v.pending_selection) == ("eng.stappenplan", ())
    assert "eng.laat" not in v.visible
    # switching back brings the checklist back
    v = view(BASIS_INZICHT, (EventKind.MODE, {"basis_only": True}), (EventKind.MODE, {"basis_only": False}))
    assert v.pending_selection == ("eng.laat", "eng.oorzaken")


def test_subsections_are_walked_as_part_of_their_section():
    answers = {**BASIS_INZICHT, "eng.stappenplan": "ja"}
    v = view(answers, skip("eng.laat"), skip("eng.oorzaken"))
    assert v.next_question == "eng.onthaal"  # basis of eng.beleid.laat before the deepening of eng.beleid
    v = view({**answers, "eng.onthaal": "Aan de balie"}, skip("eng.laat"), skip("eng.oorzaken"))
    assert v.pending_selection == ("eng.kanalen", "eng.sancties")


def test_signals_name_their_rule_reason_and_the_answer_that_triggered_them():
    v = view({"eng.codes": {"B": {"5-9": 1}}})
    [signal] = v.signals
    assert (signal.rule_id, signal.trigger) == ("b-codes-5", "eng.codes")
    assert "signaleren ≠ aanmelden" in signal.text and signal.because.startswith("Bron:")
    assert view({"eng.codes": {"B": {"0-4": 30}}}).signals == ()


def test_suggestions_carry_a_stable_key_their_rule_and_reason():
    v = view({"eng.laat": 25})
    assert [(s.key, s.question_id, s.trigger) for s in v.suggestions] == [
        ("laatkomers:eng.onthaal", "eng.onthaal", "eng.laat"),
        ("laatkomers:eng.sancties", "eng.sancties", "eng.laat"),
    ]
    assert v.suggestions[0].text == "Hoe worden te laat komers onthaald?"
    adhoc = view({"eng.attesten": "Er is twijfel"}).suggestions[0]
    assert adhoc.question_id is None and adhoc.key == "attesten:neem-contact-op-met-de-clb-arts-over-twijfelacht"


def test_one_active_suggestion_per_question_and_none_for_a_question_already_answered():
    v = view({"eng.laat": 25, "eng.stappenplan": "nee"})
    keys = [s.key for s in v.suggestions]
    assert keys == ["laatkomers:eng.onthaal", "laatkomers:eng.sancties"]  # geen-stappenplan's duplicate is dropped
    v = view({"eng.laat": 25, "eng.onthaal": "Aan de balie"})
    assert [s.key for s in v.suggestions] == ["laatkomers:eng.sancties"]


def test_an_accepted_suggestion_is_asked_next_then_the_walk_resumes():
    events = (decide("laatkomers:eng.sancties", "accepted"),)
    v = view({**BASIS_INZICHT, "eng.laat": 25}, select("eng.laat"), skip("eng.oorzaken"), *events)
    assert v.next_question == "eng.sancties"
    assert "eng.sancties" in v.visible
    assert [(s.key, d) for s, d in v.decided] == [("laatkomers:eng.sancties", "accepted")]
    assert "laatkomers:eng.sancties" not in [s.key for s in v.suggestions]
    v = view({**BASIS_INZICHT, "eng.laat": 25}, select("eng.laat"), skip("eng.oorzaken"), *events, answer("eng.sancties", "Strafstudie"))
    assert v.next_question == "eng.stappenplan"


def test_accepted_suggestions_are_asked_in_the_order_they_were_accepted():
    v = view({"eng.laat": 25}, decide("laatkomers:eng.sancties", "accepted"), decide("laatkomers:eng.onthaal", "accepted"))
    assert v.next_question == "eng.sancties"


def test_a_decision_sticks_even_when_a_changed_answer_stops_its_rule():
    parked = decide("laatkomers:eng.onthaal", "parked")
    v = view({"eng.laat": 25}, parked, answer("eng.laat", 5))
    assert [(s.key, d) for s, d in v.decided] == [("laatkomers:eng.onthaal", "parked")]
    assert v.suggestions == ()
    # and firing again does not bring it back as undecided
    v = view({"eng.laat": 25}, parked, answer("eng.laat", 5), answer("eng.laat", 40))
    assert [s.key for s in v.suggestions] == ["laatkomers:eng.sancties"]
    assert [d for _, d in v.decided] == ["parked"]


def test_changing_an_earlier_answer_reevaluates_everything():
    v = view({"eng.schakel": "ja"})
    assert "eng.ja.waarom" in v.visible and "eng.nee.waarom" not in v.visible
    v = view({"eng.schakel": "ja"}, answer("eng.schakel", "nee"))
    assert "eng.ja.waarom" not in v.visible and "eng.nee.waarom" in v.visible
    assert [s.key for s in v.suggestions] == ["schakel-nee:eng.nee.stel"]


def test_skip_hides_questions_and_a_hidden_deepening_question_is_not_offered():
    answers = {**BASIS_INZICHT, "eng.laat": 0, "eng.stappenplan": "ja"}
    v = view(answers, select("eng.laat"), skip("eng.oorzaken"))
    assert "eng.onthaal" not in v.visible
    assert v.pending_selection == ("eng.kanalen",)  # eng.sancties is skipped with its subsection


def test_jump_to_a_section_or_subsection():
    assert view(section="eng.plan").next_question == "eng.score"
    assert view(section="eng.beleid.laat").next_question == "eng.onthaal"
    v = view({"eng.onthaal": "Aan de balie"}, section="eng.beleid.laat")
    assert (v.next_question, v.pending_selection) == (None, ("eng.sancties",))
    with pytest.raises(KeyError):
        view(section="nergens")


def test_priority_hints():
    v = view({"eng.venster": {"kleiner": ["ruzie"], "groter": []}, "eng.score": 3})
    assert [h.rule_id for h in v.priority_hints] == ["lage-score", "smal-venster"]
    assert view({"eng.venster": {"kleiner": ["ruzie"], "groter": ["sport"]}}).priority_hints == ()


def test_the_engine_is_pure():
    transcript = transcript_with(engine_banks(), {"eng.laat": 25, "eng.codes": {"B": {"30+": 2}}})
    before = transcript.events
    first = evaluate(engine_script(), engine_banks(), transcript)
    assert evaluate(engine_script(), engine_banks(), transcript) == first
    assert transcript.events == before
