"""The school dialogue bank is the paper *Dialoogdocument aanwezigheidsbeleid op school*, complete.

The pinned counts make a lost or re-levelled question show up in review; the other checks are what a
facilitator holding the paper document would notice first.
"""

import subprocess
import sys

import pytest

from assistant.core import locations
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import AnswerType, Level, load_bank

BANK = load_bank(locations.banks_dir() / "school_dialogue.yaml")


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 10, "basis": 21, "verdiepend": 12}


def test_topics_follow_the_document_in_order():
    titles = [section.title for _, section in BANK.walk_sections()]
    assert titles == [
        "Inzicht in de afwezigheden",
        "Registratie",
        "Aanwezigheidsbeleid op school",
        "Algemeen",
        "Te laat komers",
        "Problematische afwezigheden",
        "Gewettigde afwezigheden",
        "Samenwerking school-CLB",
        "Opvolging van aanpak & reflectie",
        "Verdiepende reflectie",
    ]


def test_the_conversation_opens_with_the_absence_figures_by_code_and_band():
    first = next(BANK.questions())
    assert first.id == "inzicht.overzicht-afwezigheden"
    assert first.text.startswith("Overzicht van de afwezigheden op jaarbasis")
    assert first.type == AnswerType.COUNTS
    assert first.count_rows == ("B", "D", "Z", "L")
    assert first.count_columns == ("0-4", "5-9", "10-19", "20-29", "30+")
    assert normalise_answer(first, {"B": {"5-9": "3", "30+": 1}}) == {"B": {"5-9": 3, "30+": 1}}
    with pytest.raises(AnswerError, match="unknown row 'P'"):
        normalise_answer(first, {"P": {"0-4": 1}})


def test_basis_questions_come_first_in_every_section():
    """'De basisvragen vormen de ruggengraat van dit gesprek en staan steeds als eerste opgenomen.'"""
    for _, section in BANK.walk_sections():
        levels = [q.level for q in section.questions]
        assert levels == sorted(levels, key=lambda level: level != Level.BASIS), section.id


def test_sub_questions_are_probes_of_their_question():
    walk_through = BANK.question("registratie.verloop")
    assert len(walk_through.probes) == 7
    assert walk_through.probes[0].startswith("Hoe communiceren ouders en leerlingen over een afwezigheid?")
    assert BANK.question("beleid.stappenplan").probes[-1].endswith("tussen L- en B-codes?")
    assert BANK.question("inzicht.effect-acties").probes == ("Waaruit blijkt dit?", "Hoe breng je dit in kaart?")


def test_the_same_question_under_two_subtopics_keeps_both():
    tests_and_tasks = [q for q in BANK.questions() if q.text == "Zijn er afspraken rond toetsen en taken?"]
    assert [q.id for q in tests_and_tasks] == ["beleid.problematisch-toetsen-taken", "beleid.gewettigd-toetsen-taken"]


def test_priority_questions_are_tagged_for_the_summary():
    tagged = [q.id for q in BANK.questions() if "prioriteit" in q.tags]
    assert tagged == ["inzicht.conclusies", "opvolging.prioriteiten"]


def test_follow_up_planning_records_an_action_plan():
    assert BANK.question("opvolging.planning").type == AnswerType.ACTIONS


def test_the_annex_rules_are_at_hand_where_they_matter():
    referral = BANK.question("samenwerking.bespreking-clb").help
    assert "vanaf 5 B-codes" in referral and "Signaleren ≠ aanmelden" in referral
    assert "Knipperlichten" in referral and "september en oktober" in referral
    for question_id in ("inzicht.twijfelachtige-attesten", "beleid.ziekteattest-problematisch"):
        assert "CLB-arts de huisarts contacteert" in BANK.question(question_id).help
    assert "Wanneer en hoe gebruiken?" in BANK.intro


def test_no_adapted_prompts_were_needed():
    assert not [q.id for q in BANK.questions() if q.is_derived]


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("school_dialogue "))
    assert row[:5] == ["school_dialogue", "school", "10", "21", "12"]
