"""The teacher bank is the *Mini bevraging* and the inspiration sheet *Jij ziet mij*, complete.

The pinned counts make a lost or re-levelled question show up in review; the other checks are what a
facilitator holding the paper survey would notice first.
"""

import pytest

from assistant.core import locations
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import AnswerType, Level, load_bank

BANK = load_bank(locations.banks_dir() / "teacher_dialogue.yaml")


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 4, "basis": 9, "verdiepend": 3}


def test_the_survey_opens_with_the_link_question_as_yes_or_no():
    first = next(BANK.questions())
    assert first.id == "leerkracht.schakel"
    assert first.text == "Vind je als leerkracht dat je een schakel kan zijn bij een afwezige leerling?"
    assert first.type == AnswerType.YES_NO
    assert normalise_answer(first, "Ja") == "ja"
    with pytest.raises(AnswerError):
        normalise_answer(first, "misschien")


def test_yes_and_no_each_have_their_own_questions_in_document_order():
    sections = {section.id: section for _, section in BANK.walk_sections()}
    assert [q.text for q in sections["schakel-ja"].questions] == [
        "Wat maakt dat je ja zegt?",
        "Wat doe je dan?",
        "Waarom vind je dat belangrijk?",
        "Wat is een effect hiervan op:",
    ]
    assert [q.text for q in sections["schakel-nee"].questions][0] == "Wat maakt dat je nee zegt?"
    assert len(sections["schakel-nee"].questions) == 4


def test_the_effect_on_whom_is_asked_as_probes():
    expected = ("de leerling?", "de andere leerlingen?", "jou als leerkracht?")
    assert BANK.question("leerkracht.ja.effect").probes == expected
    assert BANK.question("leerkracht.nee.effect").probes == expected


def test_jij_ziet_mij_checklists_offer_the_sheets_own_practices():
    preventive = BANK.question("leerkracht.preventief")
    during = BANK.question("leerkracht.tijdens-afwezigheid")
    on_return = BANK.question("leerkracht.bij-terugkeer")
    for question in (preventive, during, on_return):
        assert question.type == AnswerType.MULTI_CHOICE
        assert question.level == Level.VERDIEPEND
        assert question.is_derived and "Bron: Jij ziet mij" in question.help
    assert len(preventive.options) == 11 and "Humor gebruiken" in preventive.options
    assert "Een kaartje sturen" in during.options and "Hulp inschakelen" in during.options
    assert on_return.options[-1] == "In het team afspraken maken ter opvolging"
    assert normalise_answer(during, ["Buddy voor notities", "Een kaartje sturen"]) == [
        "Een kaartje sturen",
        "Buddy voor notities",
    ]


def test_only_the_checklists_are_adapted_prompts():
    assert [q.id for q in BANK.questions() if q.is_derived] == [
        "leerkracht.preventief",
        "leerkracht.tijdens-afwezigheid",
        "leerkracht.bij-terugkeer",
    ]
