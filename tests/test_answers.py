"""Each answer type accepts its valid values (in normal form) and rejects the rest with a reason."""

from pathlib import Path

import pytest

from assistant.core.answers import AnswerError, answer_as_text, normalise_answer
from assistant.core.bank import load_bank

BANK = load_bank(Path(__file__).parent / "data" / "banks_ok" / "example.yaml")

VALID = [
    ("inzicht.attesten", "  Weinig, twee per jaar.\nVooral in juni. ", "Weinig, twee per jaar.\nVooral in juni."),
    ("inzicht.schakel", "Ja", "ja"),
    ("inzicht.schakel", "neen", "nee"),
    ("inzicht.schakel", True, "ja"),
    ("beleid.stappenplan", "Deels", "deels"),
    ("beleid.stappenplan", "2", "nee"),
    ("beleid.kanalen", "mail, telefoon", ["telefoon", "mail"]),
    ("beleid.kanalen", ["smartschool"], ["smartschool"]),
    ("beleid.aantal", "12", 12),
    ("beleid.aantal", "2,5", 2.5),
    ("beleid.score", "7", 7),
    ("beleid.score", 0, 0),
    ("inzicht.codes", {"B": {"0-4": "12", "30+": 1}, "D": {"5-9": 3, "10-19": ""}},
     {"B": {"0-4": 12, "30+": 1}, "D": {"5-9": 3}}),
    ("beleid.acties", [{"wat": "Stappenplan opmaken", "wie": "directie"}],
     [{"wat": "Stappenplan opmaken", "wie": "directie", "wanneer": "", "check": ""}]),
    ("beleid.venster", {"groter": ["steun van oma"], "kleiner": "pesten"},
     {"groter": ["steun van oma"], "kleiner": ["pesten"]}),
]

INVALID = [
    ("inzicht.attesten", "   ", "the answer is empty"),
    ("inzicht.attesten", None, "the answer must be text"),
    ("inzicht.schakel", "misschien", "answer 'ja' or 'nee', not 'misschien'"),
    ("beleid.stappenplan", "soms", "'soms' is not one of the options: ja, nee, deels"),
    ("beleid.kanalen", "", "choose at least one option"),
    ("beleid.aantal", "veel", "the answer must be a number, not 'veel'"),
    ("beleid.aantal", -1, "-1 leerlingen is below the minimum of 0"),
    ("beleid.aantal", float("nan"), "the answer must be a number"),
    ("beleid.score", 11, "11 is above the maximum of 10"),
    ("beleid.score", "6.5", "a score is a whole number from 0 to 10"),
    ("inzicht.codes", {"X": {"0-4": 1}}, "unknown row 'X' (expected one of: B, D, Z, L)"),
    ("inzicht.codes", {"B": {"40+": 1}}, "unknown band '40+' in row 'B' (expected one of: 0-4, 5-9, 10-19, 20-29, 30+)"),
    ("inzicht.codes", {"B": {"0-4": -2}}, "B 0-4: a count is a whole number of 0 or more"),
    ("inzicht.codes", "12 B-codes", "counts are a table: code → band → number"),
    ("beleid.acties", [{"wie": "directie"}], "action 1: 'wat' (what will be done) is empty"),
    ("beleid.acties", [{"wat": "x", "hoe": "y"}], "action 1: unknown field 'hoe' (expected: wat, wie, wanneer, check)"),
    ("beleid.acties", [], "an action plan is a list of rows with wat / wie / wanneer / check"),
    ("beleid.venster", {"groter": [], "kleiner": []}, "name at least one factor that makes the window larger or smaller"),
    ("beleid.venster", {"breder": ["x"]}, "unknown list 'breder' (expected: groter, kleiner)"),
]


@pytest.mark.parametrize("question_id, value, expected", VALID)
def test_valid_answers_are_normalised(question_id, value, expected):
    assert normalise_answer(BANK.question(question_id), value) == expected


@pytest.mark.parametrize("question_id, value, message", INVALID)
def test_invalid_answers_are_refused_with_a_reason(question_id, value, message):
    with pytest.raises(AnswerError) as caught:
        normalise_answer(BANK.question(question_id), value)
    assert str(caught.value) == message


def test_answers_read_as_one_line_of_text():
    q = BANK.question
    assert answer_as_text(q("beleid.score"), 4) == "4/10"
    assert answer_as_text(q("beleid.aantal"), 12) == "12 leerlingen"
    assert answer_as_text(q("inzicht.codes"), {"B": {"0-4": 12}}) == "B: 0-4=12"
    assert answer_as_text(q("beleid.venster"), {"groter": ["oma"], "kleiner": []}) == "groter: oma; kleiner: -"


def test_typed_choices_may_contain_commas():
    from assistant.core.bank import AnswerType, Level, Question

    q = Question("x.y", "Wat doe je al?", Level.BASIS, AnswerType.MULTI_CHOICE,
                 options=("Warm welkom in de klas, op speelplaats", "Humor gebruiken", "Een kaartje sturen"))
    assert normalise_answer(q, "humor gebruiken, Warm welkom in de klas, op speelplaats") == [
        "Warm welkom in de klas, op speelplaats", "Humor gebruiken"]
    assert normalise_answer(q, "1; 3") == ["Warm welkom in de klas, op speelplaats", "Een kaartje sturen"]
    with pytest.raises(AnswerError, match="'Buddy' is not one of the options"):
        normalise_answer(q, "Humor gebruiken, Buddy")


def test_a_count_stored_under_an_overlapping_band_of_earlier_versions_is_read_under_the_band_that_replaced_it():
    # "0-5, 5-10, 10-20, 20-30" overlapped at their edges; a transcript from then keeps what it said.
    question = BANK.question("inzicht.codes")
    assert question.count_columns == ("0-4", "5-9", "10-19", "20-29", "30+")
    old = {"B": {"0-5": 12, "5-10": 3, "30+": 1}, "D": {"20-30": 2}}
    assert normalise_answer(question, old) == {"B": {"0-4": 12, "5-9": 3, "30+": 1}, "D": {"20-29": 2}}
    from assistant.core.answers import count_cell

    assert [count_cell(old["B"], band) for band in question.count_columns] == [12, 3, None, None, 1]
