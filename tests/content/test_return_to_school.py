"""The return-to-school bank is *Aanwezigheidsbeleid op fase 2*: return after an admission, unjustified
absence and the CLB's routes, school refusal.

The pinned counts make a lost question show up in review; the other checks are what a facilitator
holding the document would notice first, and the answers that follow-up rules test.
"""

import subprocess
import sys

import pytest

from assistant.core import locations
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import AnswerType, load_bank

BANK = load_bank(locations.banks_dir() / "return_to_school.yaml")


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 7, "basis": 19, "verdiepend": 0}


def test_sections_follow_the_document_in_order():
    titles = [section.title for _, section in BANK.walk_sections()]
    assert titles == [
        "Geoorloofd relatief schoolverzuim",
        "Terugkeer van de leerling voorbereiden",
        "Ongeoorloofd relatief schoolverzuim",
        "Terugkeer van de leerling in de klas voorbereiden",
        "Schoolweigering",
        "Wat werd en wordt er ondernomen? – update",
        "Terugkeer naar school",
    ]


def test_the_nine_points_for_a_return_after_admission_are_there_in_order():
    literal = [q.text for q in BANK.sections[0].sections[0].questions if not q.is_derived]
    assert len(literal) == 9
    assert literal[0] == "In welke mate kreeg de leerling tijdens de opname onderwijs?"
    assert literal[1] == "Voor welke vakken is er nog remediëring nodig?"
    assert literal[-3:] == [
        "In welke mate wenst de afwezige leerling dat de klas voorbereid wordt?",
        "Welke rol wenst de afwezige leerling hierin op te nemen?",
        "Wie kan de afwezige leerling hierbij ondersteunen?",
    ]


def test_return_mode_and_support_are_choices_in_the_documents_words():
    mode = BANK.question("terugkeer.voltijds")
    assert normalise_answer(mode, "Gedeeltelijk") == "gedeeltelijk"
    support = BANK.question("terugkeer.ondersteuning")
    assert normalise_answer(support, ["school en ziek zijn", "TOAH"]) == ["TOAH", "school en ziek zijn"]
    assert "herstelperiode na de opname" in support.help


def test_the_absence_picture_can_be_tested_by_rules():
    b_codes = BANK.question("afwezig.b-codes")
    assert b_codes.type == AnswerType.NUMBER and b_codes.is_derived
    assert normalise_answer(b_codes, "7") == 7
    with pytest.raises(AnswerError, match="below the minimum"):
        normalise_answer(b_codes, -1)
    assert "vanaf 5 B-codes" in b_codes.help
    duration = BANK.question("weigering.duur")
    assert duration.type == AnswerType.NUMBER and duration.unit == "weken"
    assert "snelle terugkeer" in duration.help


def test_referral_reasons_and_clb_routes_are_the_documents_lists():
    referral = BANK.question("afwezig.aanmelding")
    assert referral.source == "001_32e939cdea7a1057.txt" and not referral.is_derived
    assert "de leerling niet meer naar school komt of elke vorm van begeleiding weigert" in referral.options
    routes = BANK.question("afwezig.pistes")
    assert len(routes.options) == 8
    assert routes.options[0] == "Opstart eigen begeleiding CLB"
    assert routes.options[-1] == "Melding zorgwekkend dossier AGODI"
    assert "subsidiariteitsprincipe" in routes.help and "spijbelactieplan" in routes.help


def test_school_refusal_keeps_the_documents_questions_and_guidance():
    assert BANK.question("weigering.ondernomen").text == "Wat werd en wordt er ondernomen?"
    assert BANK.question("weigering.verwachtingen").text == "Wat kan er (niet) verwacht worden op schools vlak?"
    refusal = next(section for section in BANK.sections if section.id == "weigering")
    assert "duaal traject" in " ".join(refusal.help.split())


def test_adapted_prompts_are_few_and_marked():
    derived = [q.id for q in BANK.questions() if q.is_derived]
    assert derived == [
        "terugkeer.ontslagdatum-afspraken",
        "afwezig.b-codes",
        "afwezig.pistes",
        "terugkeer.klas-toestemming",
        "terugkeer.klas-inbreng",
        "weigering.duur",
        "weigering.spilfiguur",
    ]
    for question_id in derived:
        assert "Bron: " in BANK.question(question_id).help


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("return_to_school "))
    assert row[:5] == ["return_to_school", "school", "7", "19", "0"]
