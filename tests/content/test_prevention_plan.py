"""The prevention bank is the Antwerp *Preventieplan afwezigheden*, phase 0, complete.

The pinned counts make a lost question show up in review; the other checks are what a facilitator
holding the plan would notice first.
"""

import pytest

from assistant.core import locations
from assistant.core.answers import AnswerError, normalise_answer
from assistant.core.bank import AnswerType, load_bank

BANK = load_bank(locations.banks_dir() / "prevention_plan.yaml")


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 3, "basis": 17, "verdiepend": 0}


def test_the_plan_opens_with_the_connecting_school_climate_checklist():
    climate = BANK.sections[0]
    assert "verbindend schoolklimaat te realiseren" in climate.intro
    assert "sta stil bij groeikansen" in climate.help
    assert len(climate.questions) == 12
    assert climate.questions[0].text.startswith("Gebruikt de school één of meerdere van volgende methodieken")
    assert climate.questions[9].text == "Heeft de school een pestbeleid en onderneemt ze actie bij eerste signalen?"
    assert BANK.question("fase0.warme-overdracht").probes == ("Hoe werkt school aan verbinding?",)


def test_the_school_scores_itself_out_of_ten():
    scale = BANK.question("fase0.schaal")
    assert scale.type == AnswerType.SCALE and scale.scale_range == (0, 10)
    assert normalise_answer(scale, "7") == 7
    with pytest.raises(AnswerError):
        normalise_answer(scale, 11)


def test_where_to_invest_is_a_priority_for_the_summary():
    assert [q.id for q in BANK.questions() if "prioriteit" in q.tags] == ["fase0.inzetten"]
    assert BANK.question("fase0.inzetten").text == "Waar wil je op inzetten om je score te verhogen?"


def test_the_other_phase_0_goals_are_scaled_too():
    goals = BANK.sections[1].questions
    assert [q.type for q in goals] == [AnswerType.SCALE] * 4
    assert goals[0].text.startswith("Het inschrijvingsbeleid verhoogt gelijke onderwijskansen")
    assert goals[-1].text == "De school heeft goede samenwerkingsafspraken met al haar partners."


def test_the_action_table_has_wat_wie_wanneer_check_and_the_routekaart_at_hand():
    actions = BANK.question("fase0.acties")
    assert actions.type == AnswerType.ACTIONS
    assert actions.is_derived and "Bron: Preventieplan afwezigheden" in actions.help
    row = {"wat": "groeigesprekken 1ste graad", "wie": "klastitularissen", "wanneer": "okt", "check": "jan"}
    assert normalise_answer(actions, [row]) == [row]
    routekaart = BANK.sections[-1].help
    for phase in ("Fase 1 verhoogde zorg", "Fase 2 uitbreiding van zorg", "Fase 3 individueel aangepast curriculum"):
        assert phase in routekaart
    assert "vanaf 5 B-codes" in routekaart
