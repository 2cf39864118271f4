"""Every refusal names its kind (a stable code) and the values in its message, for the app to translate.

The codes are read from the source of assistant/core/answers.py, so a new kind of refusal without a
case here (and without a translation: tests/tui/test_answer_error_strings.py) fails."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from assistant.core import answers
from assistant.core.answers import ANSWER_PARTS, MAX_TEXT, AnswerError, normalise_answer
from assistant.core.bank import Level, Question, load_bank

BANK = load_bank(Path(__file__).parent / "data" / "banks_ok" / "example.yaml")
ROWS, BANDS = ("B", "D", "Z", "L"), ("0-4", "5-9", "10-19", "20-29", "30+")
CELL = {"part": "cell", "row": "B", "column": "0-4"}

# (question id, value, code, params)
CASES = [
    ("inzicht.attesten", "   ", "empty", {}),
    ("inzicht.attesten", None, "not_text", {}),
    ("inzicht.attesten", "x" * (MAX_TEXT + 1), "too_long", {"length": MAX_TEXT + 1, "maximum": MAX_TEXT}),
    ("inzicht.schakel", "Misschien", "not_yes_no", {"typed": "misschien"}),
    ("beleid.stappenplan", "soms", "not_an_option", {"typed": "soms", "options": ("ja", "nee", "deels")}),
    ("beleid.kanalen", "", "none_chosen", {}),
    ("beleid.aantal", " veel ", "not_a_number", {"typed": "veel"}),
    ("beleid.aantal", float("nan"), "number_expected", {}),
    ("beleid.aantal", "-1", "below_min", {"number": -1, "unit": "leerlingen", "minimum": 0}),
    ("beleid.aantal", "2500,5", "above_max", {"number": 2500.5, "unit": "leerlingen", "maximum": 2000}),
    ("beleid.score", 11, "above_max", {"number": 11, "unit": "", "maximum": 10}),
    ("beleid.score", "6,5", "not_whole_score", {"minimum": 0, "maximum": 10}),
    ("inzicht.codes", "12 B-codes", "counts_not_table", {}),
    ("inzicht.codes", {"X": {"0-4": 1}}, "unknown_row", {"row": "X", "expected": ROWS}),
    ("inzicht.codes", {"B": 3}, "row_not_mapping", {"row": "B"}),
    ("inzicht.codes", {"B": {"40+": 1}}, "unknown_band", {"band": "40+", "row": "B", "expected": BANDS}),
    ("inzicht.codes", {"B": {"0-4": "x"}}, "not_a_number", {**CELL, "typed": "x"}),
    ("inzicht.codes", {"B": {"0-4": True}}, "number_expected", CELL),
    ("inzicht.codes", {"B": {"0-4": "2,5"}}, "bad_count", CELL),
    ("beleid.acties", [], "actions_not_list", {}),
    ("beleid.acties", ["bel"], "action_not_mapping", {"action": 1}),
    ("beleid.acties", [{"wat": "x", "hoe": "y"}], "unknown_action_field",
     {"action": 1, "field": "hoe", "expected": ("wat", "wie", "wanneer", "check")}),
    ("beleid.acties", [{"wat": "x"}, {"wie": "directie"}], "action_without_wat", {"action": 2}),
    ("beleid.acties", [{"wat": "x", "wie": True}], "not_text", {"part": "action_field", "action": 1, "field": "wie"}),
    ("beleid.venster", ["oma"], "factors_not_lists", {}),
    ("beleid.venster", {"breder": ["x"]}, "unknown_factor_list", {"side": "breder", "expected": ("groter", "kleiner")}),
    ("beleid.venster", {"groter": 3}, "factor_list_not_list", {"side": "groter"}),
    ("beleid.venster", {"groter": [None]}, "not_text", {"part": "factor_item", "side": "groter"}),
    ("beleid.venster", {"groter": [], "kleiner": ""}, "no_factors", {}),
]

# A question whose type is not one the core knows: only a programming error reaches this refusal.
ODD_QUESTION = Question("x.y", "?", Level.BASIS, "hologram")  # type: ignore[arg-type]


def refusal(question: Question, value: object) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        normalise_answer(question, value)
    return caught.value


def codes_in_source() -> set[str]:
    """The first argument of every `AnswerError(...)` in answers.py, which must be a literal code."""
    tree = ast.parse(inspect.getsource(answers))
    codes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "AnswerError":
            first = node.args[0] if node.args else None
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), f"line {node.lineno}: the code must be a literal"
            codes.add(first.value)
    return codes


def all_refusals() -> list[AnswerError]:
    """One refusal of every kind, for the translation tests."""
    return [refusal(BANK.question(q), value) for q, value, _, _ in CASES] + [refusal(ODD_QUESTION, "x")]


@pytest.mark.parametrize("question_id, value, code, params", CASES)
def test_a_refusal_names_its_kind_and_the_values_in_its_message(question_id, value, code, params):
    error = refusal(BANK.question(question_id), value)
    assert (error.code, error.params) == (code, params)
    for name, shown in params.items():  # the plain values are in the English message as they were given
        if isinstance(shown, str) and name != "part":
            assert shown in str(error), name


def test_the_english_message_stays_as_the_command_line_prints_it():
    assert str(refusal(BANK.question("inzicht.codes"), {"B": {"0-4": "x"}})) == "B 0-4 must be a number, not 'x'"
    assert str(refusal(BANK.question("beleid.acties"), [{"wat": "x", "wie": True}])) == "action 1 wie must be text"
    assert str(refusal(BANK.question("beleid.venster"), {"groter": [None]})) == "an item of 'groter' must be text"
    assert str(refusal(ODD_QUESTION, "x")) == "unknown answer type 'hologram'"


def test_every_code_in_the_source_has_a_case_here():
    assert codes_in_source() == {code for *_, code, _ in CASES} | {"unknown_type"}
    assert {p["part"] for *_, p in CASES if "part" in p} == set(ANSWER_PARTS)
