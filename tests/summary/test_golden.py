"""Golden files: the summaries of three real conversations, checked in under tests/golden/.

When a template or a bank changes on purpose, regenerate them and review the diff like code:

    DIALOOG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/summary/test_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core.prepsheet import render_prep_sheet
from assistant.core.sheet import render_sheet
from assistant.core.summary import render_summary
from tests.summary import conversations, preparation
from tests.summary.mdcheck import assert_literal, shape

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("DIALOOG_UPDATE_GOLDEN") == "1"


def _school() -> str:
    transcript, banks, view = conversations.school()
    return render_summary(transcript, banks, view=view)


def _parent() -> str:
    transcript, banks, view = conversations.parent()
    return render_summary(transcript, banks, view=view)


def _prevention() -> str:
    transcript, banks, before = conversations.prevention()
    return render_summary(transcript, banks, linked=[before])


def _sheet() -> str:
    return render_sheet(conversations.bank("prevention_plan"))


def _prep_sheet() -> str:
    transcript, banks, linked = preparation.preparation()
    return render_prep_sheet(transcript, {b.id: b for b in banks}, linked=linked)


CASES: dict[str, Callable[[], str]] = {
    "summary_school_dialogue": _school,
    "summary_parent_dialogue": _parent,
    "summary_prevention_plan": _prevention,
    "sheet_prevention_plan": _sheet,
    "prep_sheet_parent_prep": _prep_sheet,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_the_checked_in_golden_file(name: str) -> None:
    text = CASES[name]()
    shape(text)  # CommonMark, with no raw HTML
    path = GOLDEN / f"{name}.md"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with DIALOOG_UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from {path}; if the change is intended, regenerate (see this module's docstring)"


def test_school_summary_leads_with_decisions_and_keeps_the_documents_order() -> None:
    doc = shape(_school())
    top = [text for level, text in doc.headings if level == 2]
    assert top == ["Prioriteiten", "Actieplan", "Signalen", "Sterktes en werkpunten", "Antwoorden", "Voor het volgende gesprek"]
    sections = [text for level, text in doc.headings if level == 3]
    assert sections.index("Inzicht in de afwezigheden") < sections.index("Registratie") < sections.index("Opvolging van aanpak & reflectie")


def test_parent_summary_has_the_window_of_tolerance_per_topic() -> None:
    text = _parent()
    doc = shape(text)
    after = doc.headings[doc.headings.index((2, "Window of Tolerance")) + 1:]
    assert [t for _, t in after[:5]] == ["Thuis", "School", "Sociaal", "Individu", "Cultuur"]
    for factors in conversations.FACTORS.values():
        for item in factors["groter"] + factors["kleiner"]:
            assert_literal(text, item)


def test_prevention_summary_shows_each_score_over_the_series_of_meetings() -> None:
    doc = shape(_prevention())
    scores = next(t for t in doc.tables if t[0][0] == "Doelstelling")
    assert scores[0] == ["Doelstelling", "2024-10-07", "2025-01-13", "2025-03-14"]  # the meetings' dates, today last
    assert ["Fase 0: brede basiszorg - verbindend schoolklimaat", "4/10", "5/10", "6/10"] in scores
    assert any(row[1:] == ["6/10", "", "7/10"] for row in scores)  # not scored in the middle meeting
    assert any(row[1:] == ["", "", "4/10"] for row in scores)  # a goal scored for the first time


def test_prevention_summary_says_where_every_carried_action_stands() -> None:
    doc = shape(_prevention())
    carried = next(t for t in doc.tables if t[0][-1] == "Stand van zaken")
    assert carried[1:] == [["Meldpunt pesten op de website", "ICT-coördinator", "december", "afgerond"],
                           ["Infoavond voor ouders over afwezigheden", "directie", "januari", "geschrapt: vervangen door een oudercafé"]]


def test_parent_summary_ends_with_the_agreed_plan_and_only_the_teams_priorities() -> None:
    text = _parent()
    doc = shape(text)
    plan = next(t for t in doc.tables if t[0] == ["Wat", "Wie", "Wanneer", "Check"])
    assert plan[3] == ["Schooltoelage aanvragen", "mama, met het CLB", "voor 1 mei", "bevestiging OCMW"]
    priorities = text.split("## Prioriteiten", 1)[1].split("\n## ", 1)[0]
    assert "Een praktische drempel (vervoer, geld) wegwerken" in priorities  # a proposal taken over in the meeting
    assert "Sociaal: alleen factoren" not in priorities  # proposed, never taken over
    proposals = text.split("### Voorstellen voor de prioriteiten (niet besproken)", 1)[1]
    assert proposals.lstrip().startswith("- Sociaal: alleen factoren die het raam kleiner maken")


def test_each_window_answer_stands_once_with_its_side_named() -> None:
    text = _parent()
    assert "Opgenomen bij Window of Tolerance" not in text
    assert text.count("Wordt gepest in de bus") == 2  # the window, and the priority flagged on it
    assert "1. Wat maakt het raam kleiner? Wordt gepest in de bus" in text
