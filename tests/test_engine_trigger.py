"""A suggestion or signal stays under the answer that made its rule fire, however many answers to the
other questions its rule tests come after it (the chat and the summary place them by that answer)."""

from functools import cache

from assistant.core import locations
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.engine import evaluate
from assistant.core.transcript import EventKind
from engine_helpers import add, transcript_with


@cache
def shipped():
    banks = load_bank_folder(locations.banks_dir())
    return banks, load_script_folder(locations.scripts_dir(), banks)["parent_dialogue"]


def triggers(answers, *edits):
    banks, script = shipped()
    transcript = transcript_with(banks, answers, "parent_dialogue")
    for question, value in edits:
        transcript = add(transcript, EventKind.ANSWER, question=question, value=value)
    view = evaluate(script, banks, transcript)
    return {s.rule_id: s.trigger for s in view.suggestions}


WORRY = {
    "thuis.praktische-problemen": "Nee, dat lukt",
    "thuis.relatie-ouders": "Ze klaagt 's ochtends over buikpijn",
}
LATER = {"thuis.betrokkenheid": "Mama volgt Smartschool op", "thuis.gevoeligheden": "Niet echt"}


def test_the_answer_that_made_a_rule_fire_stays_its_trigger_when_later_answers_come():
    assert triggers(WORRY)["ouders.schoolweigering"] == "thuis.relatie-ouders"
    assert triggers({**WORRY, **LATER})["ouders.schoolweigering"] == "thuis.relatie-ouders"


def test_editing_an_unrelated_earlier_answer_does_not_move_the_trigger():
    edit = ("thuis.praktische-problemen", "Nee, de bus rijdt op tijd")
    assert triggers({**WORRY, **LATER}, edit)["ouders.schoolweigering"] == "thuis.relatie-ouders"


def test_when_the_first_answer_no_longer_fires_the_rule_the_next_one_that_does_is_the_trigger():
    both = {**WORRY, "thuis.betrokkenheid": "Ze heeft buikpijn als er toetsen zijn"}
    edit = ("thuis.relatie-ouders", "Goed, ze bellen als ze ziek is")
    assert triggers(both, edit)["ouders.schoolweigering"] == "thuis.betrokkenheid"
