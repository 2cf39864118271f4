"""The school-phases bank is the fiche *Aanwezig op school*: five phases, each with its richtvragen.

The pinned counts make a lost or re-levelled question show up in review; the other checks are what a
facilitator holding the fiche would notice first.
"""

import subprocess
import sys

import pytest

from assistant.core import locations
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import AnswerType, Level, load_bank

BANK = load_bank(locations.banks_dir() / "school_phases.yaml")


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 10, "basis": 30, "verdiepend": 3}


def test_the_five_phases_in_order_with_the_four_lenses_of_phase_one():
    assert [section.title.split(" – ")[0] for section in BANK.sections] == [
        "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Fase 5",
    ]
    assert [sub.title for sub in BANK.sections[0].sections] == [
        "Registratie en analyse van afwezigheden",
        "Beleid en aanpak",
        "Preventie en klimaat",
        "Effect en evaluatie",
        "Verdiepende vragen van het CLB",
    ]


def test_the_conversation_opens_with_how_absences_are_registered():
    first = next(BANK.questions())
    assert first.id == "fiche.breed.registratie"
    assert first.text == "Hoe worden afwezigheden en te laat komen geregistreerd?"


def test_the_preamble_is_the_intro():
    assert "Vooraf – Het CLB ondersteunt de school" in BANK.intro
    assert "‘wat willen jullie eigenlijk veranderen?’" in BANK.intro


def test_every_phase_carries_goal_clb_role_and_result_as_help():
    for section in BANK.sections:
        assert "Doel van deze fase" in section.help, section.id
        assert "Rol van het CLB in deze fase" in section.help, section.id
        assert "Resultaat van deze fase" in section.help, section.id
    assert "iemand met mandaat" in BANK.sections[1].help
    assert "Kies dus niet voor de leerling met 50 B-codes" in " ".join(BANK.sections[1].help.split())


def test_only_the_clb_deepening_questions_are_verdiepend_and_they_come_last():
    deepening = [q.id for q in BANK.questions() if q.level == Level.VERDIEPEND]
    assert deepening == ["fiche.breed.knelpunten-en-kansen", "fiche.focus.afgebakend", "fiche.focus.impact-grote-groep"]
    for _, section in BANK.walk_sections():
        levels = [q.level for q in section.questions]
        assert levels == sorted(levels, key=lambda level: level != Level.BASIS), section.id


def test_the_focus_questions_feed_the_priorities():
    tagged = [q.id for q in BANK.questions() if "prioriteit" in q.tags]
    assert tagged == ["fiche.focus.problematiek", "fiche.focus.doelgroep"]


def test_the_plan_is_an_action_table_with_its_sub_questions_as_probes():
    plan = BANK.question("fiche.plan.acties")
    assert plan.text == "Wie doet wat en tegen wanneer?"
    assert plan.type == AnswerType.ACTIONS
    assert plan.probes == ("Wie is verantwoordelijk voor welke actie?", "Tegen wanneer moet wat gerealiseerd zijn?")
    row = {"wat": "Onthaal te laat komers", "wie": "Leerlingbegeleider", "wanneer": "november", "check": "januari"}
    assert normalise_answer(plan, [row]) == [row]
    with pytest.raises(AnswerError, match="'wat'"):
        normalise_answer(plan, [{"wie": "directie"}])
    phase_three = [q.text for q in BANK.sections[2].questions]
    assert phase_three[0] == "Wat willen we realiseren?" and phase_three[-1] == "Hoe en wat communiceer je naar wie?"
    assert len(phase_three) == 7


def test_no_adapted_prompts_were_needed():
    assert not [q.id for q in BANK.questions() if q.is_derived]


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("school_phases "))
    assert row[:5] == ["school_phases", "school", "10", "30", "3"]
