"""The fuzzy question jump: what a facilitator types in the palette finds the question they mean."""

from __future__ import annotations

import pytest

from assistant.core import locations
from assistant.core.catalog import load_bank_folder
from assistant.core.jump import QuestionFinder, find_questions


@pytest.fixture(scope="module")
def finder() -> QuestionFinder:
    return QuestionFinder(load_bank_folder(locations.banks_dir()))


@pytest.mark.parametrize(("typed", "expected"), [
    ("twijfelachtige attesten", "inzicht.twijfelachtige-attesten"),
    ("twijfelachtige atesten", "inzicht.twijfelachtige-attesten"),   # a typo
    ("twijf", "inzicht.twijfelachtige-attesten"),                    # half-way through typing
    ("attesten twijfelachtig", "inzicht.twijfelachtige-attesten"),  # another word order
    ("PRIORITEITEN?", "opvolging.prioriteiten"),                     # case and punctuation
    ("prioriteitn", "opvolging.prioriteiten"),
    ("pest", "fase0.pestbeleid"),                                    # inside a compound
    ("wie doet wat", "fiche.breed.wie-doet-wat"),
])
def test_the_meant_question_comes_first(finder: QuestionFinder, typed: str, expected: str) -> None:
    found = finder.find(typed)
    assert found and found[0].question_id == expected, [f.question_id for f in found[:5]]
    assert found[0].text and 0 < found[0].score <= 100


def test_nothing_typed_or_nothing_alike_finds_nothing(finder: QuestionFinder) -> None:
    assert finder.find("") == [] and finder.find("  ?! ") == []
    assert finder.find("qqqqqq zzzzzz") == []


def test_results_are_ranked_and_limited(finder: QuestionFinder) -> None:
    found = finder.find("afwezigheden", limit=5)
    assert len(found) == 5
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)
    assert len({f.question_id for f in found}) == 5


def test_every_bank_is_searched_and_named(finder: QuestionFinder) -> None:
    banks = load_bank_folder(locations.banks_dir())
    assert len(finder) == sum(1 for bank in banks.values() for _ in bank.questions())
    found = find_questions("raam groter", list(banks.values()), limit=50)
    assert found and all(banks[f.bank_id].question(f.question_id).text == f.text for f in found)


def test_a_finder_for_one_script_offers_only_that_scripts_questions() -> None:
    from assistant.core.catalog import load_script_folder

    banks = load_bank_folder(locations.banks_dir())
    script = load_script_folder(locations.scripts_dir(), banks)["parent_dialogue"]
    finder = QuestionFinder(banks, script.walked_questions())
    assert len(finder) == len(set(script.walked_questions()))
    assert not finder.find("twijfelachtige attesten")  # a school-team question, not in a parent dialogue
    assert finder.find("vriendne")[0].question_id == "sociaal.vrienden"
