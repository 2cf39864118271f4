"""A refused answer's reason in the interface language: every code of the core has Dutch and English words."""

from __future__ import annotations

import pytest

from assistant.core.answers import ANSWER_PARTS
from assistant.tui.strings import Strings, all_keys
from tests.test_answer_error_codes import BANK, all_refusals, codes_in_source, refusal


def test_every_refusal_code_and_part_has_dutch_and_english_words():
    keys = all_keys()
    missing = [f"answer_error.{c}" for c in sorted(codes_in_source()) if f"answer_error.{c}" not in keys]
    missing += [f"answer_error.part.{p}" for p in ANSWER_PARTS if f"answer_error.part.{p}" not in keys]
    assert not missing


def refused(code: str, part: str | None = None):
    return next(e for e in all_refusals() if e.code == code and e.params.get("part") == part)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_refusal_reads_as_one_sentence(lang):
    t = Strings(lang)
    for error in all_refusals():
        shown = t.answer_error(error)
        assert shown[:1] == shown[:1].upper() and shown.endswith(".") and "\n" not in shown, shown
        assert shown != str(error) and not {"{", "}"} & set(shown), shown


def test_dutch_says_it_in_dutch_with_dutch_numbers_and_names_the_part():
    nl, en = Strings("nl"), Strings("en")
    assert nl.answer_error(refused("empty")) == "Het antwoord is leeg."
    assert nl.answer_error(refused("not_yes_no")) == "Antwoord 'ja' of 'nee', niet 'misschien'."
    big = next(e for e in all_refusals() if e.code == "above_max" and e.params["unit"])
    assert nl.answer_error(big) == "2.500,5 leerlingen is te veel: het maximum is 2.000."
    assert en.answer_error(big) == "2,500.5 leerlingen is above the maximum of 2,000."
    assert nl.answer_error(refused("not_a_number", "cell")) == "Vak B 0-4: geef een getal, niet 'x'."
    assert nl.answer_error(refused("not_text", "action_field")) == "Actie 1, Wie: dit moet tekst zijn."
    assert en.answer_error(refused("not_text", "factor_item")) == "List 'groter': this must be text."


def test_a_long_typed_value_is_cut_so_the_reason_stays_on_one_status_line():
    error = refusal(BANK.question("beleid.aantal"), "veel " * 100)
    shown = Strings("nl").answer_error(error)
    assert shown.startswith("Geef een getal, niet 'veel veel") and "…'" in shown and len(shown) < 80
