"""A conversation started from a preparation walks the chosen questions first, then the chosen sections,
then the rest: driven by `first` and `sections_first` in the transcript's carried data, for any script."""

from assistant.core.engine import evaluate
from assistant.core.transcript import EventKind, Transcript
from engine_helpers import add, engine_banks, engine_script, normalised

VALUES = {
    "eng.codes": {"B": {"0-4": 3}}, "eng.attesten": "Geen probleem", "eng.laat": 2, "eng.oorzaken": "Bus",
    "eng.stappenplan": "ja", "eng.kanalen": "mail", "eng.onthaal": "Vriendelijk", "eng.sancties": "Geen",
    "eng.schakel": "ja", "eng.ja.waarom": "Omdat", "eng.nee.waarom": "Daarom", "eng.nee.stel": "Een stelling",
    "eng.score": 6, "eng.venster": {"groter": ["vrienden"], "kleiner": []}, "eng.acties": [{"wat": "Bellen"}],
}


def carried_transcript(**carried) -> Transcript:
    return Transcript.new("engine_test", id="t1", carried=carried)


def answer(transcript: Transcript, question: str) -> Transcript:
    value = normalised(engine_banks(), {question: VALUES[question]})[question]
    return add(transcript, EventKind.ANSWER, question=question, value=value)


def walk(transcript: Transcript, steps: int) -> tuple[list[str], Transcript]:
    """Answer whatever the engine asks next, `steps` times; the questions in the order they were asked."""
    asked = []
    for _ in range(steps):
        view = evaluate(engine_script(), engine_banks(), transcript)
        assert view.next_question is not None, f"stopped after {asked} (checklist {view.pending_selection})"
        asked.append(view.next_question)
        transcript = answer(transcript, view.next_question)
    return asked, transcript


def test_the_first_questions_come_first_then_the_first_sections_then_the_rest_in_script_order():
    transcript = carried_transcript(first=["eng.venster", "eng.kanalen", "eng.nee.waarom"],
                                    sections_first=["eng.leerkracht"])
    view = evaluate(engine_script(), engine_banks(), transcript)
    assert view.visible[:4] == ("eng.venster", "eng.kanalen", "eng.nee.waarom", "eng.schakel")
    asked, transcript = walk(transcript, 6)
    # a deepening question chosen first needs no checklist, and a question a rule keeps hidden is asked
    # all the same, as an accepted follow-up would be
    assert asked == ["eng.venster", "eng.kanalen", "eng.nee.waarom", "eng.schakel", "eng.ja.waarom", "eng.codes"]
    view = evaluate(engine_script(), engine_banks(), transcript)
    assert view.next_question == "eng.attesten"


def test_without_carried_order_the_walk_is_unchanged():
    plain, _ = walk(Transcript.new("engine_test", id="t1"), 2)
    carried, _ = walk(carried_transcript(first=[], sections_first=[]), 2)
    assert plain == carried == ["eng.codes", "eng.attesten"]


def test_an_accepted_follow_up_goes_before_the_remaining_first_questions():
    transcript = carried_transcript(first=["eng.stappenplan", "eng.score"])
    transcript = add(transcript, EventKind.ANSWER, question="eng.stappenplan", value="nee")
    view = evaluate(engine_script(), engine_banks(), transcript)
    assert [s.key for s in view.suggestions] == ["geen-stappenplan:eng.sancties"]
    assert view.next_question == "eng.score"
    transcript = add(transcript, EventKind.DECISION, suggestion="geen-stappenplan:eng.sancties", decision="accepted")
    assert evaluate(engine_script(), engine_banks(), transcript).next_question == "eng.sancties"
    transcript = answer(transcript, "eng.sancties")
    assert evaluate(engine_script(), engine_banks(), transcript).next_question == "eng.score"


def test_skipped_parked_or_answered_first_questions_are_not_asked_again():
    transcript = carried_transcript(first=["eng.score", "eng.venster", "eng.acties"])
    transcript = add(transcript, EventKind.SKIP, question="eng.score")
    transcript = add(transcript, EventKind.DEFER, question="eng.venster")
    transcript = answer(transcript, "eng.acties")
    assert evaluate(engine_script(), engine_banks(), transcript).next_question == "eng.codes"


def test_unknown_ids_and_malformed_carried_data_are_passed_over():
    transcript = carried_transcript(first=["gone.question", 7, "eng.score"], sections_first=["gone.section", "eng.plan"])
    view = evaluate(engine_script(), engine_banks(), transcript)
    assert view.next_question == "eng.score" and "gone.question" not in view.visible
    _, transcript = walk(transcript, 1)
    assert evaluate(engine_script(), engine_banks(), transcript).next_question == "eng.venster"  # eng.plan first
    odd = carried_transcript(first="eng.score", sections_first={"eng.plan": 1})
    assert evaluate(engine_script(), engine_banks(), odd).next_question == "eng.codes"


def test_jumping_to_a_section_asks_only_its_own_first_questions():
    transcript = carried_transcript(first=["eng.score", "eng.onthaal"])
    view = evaluate(engine_script(), engine_banks(), transcript, section="eng.beleid")
    assert view.next_question == "eng.onthaal"
    view = evaluate(engine_script(), engine_banks(), transcript, section="eng.inzicht")
    assert view.next_question == "eng.codes"
