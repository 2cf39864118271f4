"""The parent bank is the *Dialoogdocument ouders* on the Window of Tolerance, complete.

The pinned counts make a lost question show up in review; the other checks are what a facilitator
holding the paper document would notice first.
"""

import subprocess
import sys
from pathlib import Path

from assistant.core import locations
from assistant.core.answers import normalise_answer
from assistant.core.bank import AnswerType, load_bank

BANK = load_bank(locations.banks_dir() / "parent_dialogue.yaml")
TOPICS = ["thuis", "school", "sociaal", "individu", "cultuur"]
SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "002_8de0ff0e2f1d2316.txt"
FOCUS_LINE = "Tool om focus te bepalen waar we nu & in de toekomst op kunnen en willen gaan inzetten"


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 6, "basis": 35, "verdiepend": 0}


def test_the_five_topics_are_the_sections_in_order_then_the_agreements():
    assert [section.id for _, section in BANK.walk_sections()] == [*TOPICS, "afspraken"]
    assert [len(section.questions) for section in BANK.sections] == [7, 7, 6, 7, 5, 3]


def test_every_topic_closes_with_what_makes_the_window_larger_or_smaller():
    for section in BANK.sections[:5]:
        window = section.questions[-1]
        assert window.id == f"{section.id}.raam"
        assert window.type == AnswerType.FACTORS
        assert window.text == "Wat maakt het raam groter?"
        assert window.probes == ("Wat maakt het raam kleiner?",)
    answer = normalise_answer(BANK.question("thuis.raam"), {"groter": ["oma helpt"], "kleiner": "geldzorgen"})
    assert answer == {"groter": ["oma helpt"], "kleiner": ["geldzorgen"]}


def test_questions_stand_under_their_own_topic():
    """The slide's two columns put the school and individu questions above their headings."""
    assert BANK.sections[0].questions[0].text == "Zijn er praktische problemen? (transport, financieel ...)"
    assert BANK.sections[1].questions[0].text == "Hoe voelt de leerling zich op school?"
    assert BANK.sections[3].questions[0].text == "Wat brengt de leerling stress?"
    assert BANK.sections[4].questions[-2].text == "Welke normen en waarden heersen er binnen de cultuur?"


def test_the_intro_explains_the_window_and_the_topics():
    assert "Window of Tolerance" in BANK.intro and "Prodiamodel" in BANK.intro
    assert "thuis, school, sociaal, individu en cultuur" in BANK.intro


def test_only_the_closing_agreements_are_adapted_and_they_quote_the_document_word_for_word():
    assert [q.id for q in BANK.questions() if q.is_derived] == ["afspraken.focus-nu", "afspraken.focus-later", "afspraken.acties"]
    assert FOCUS_LINE in SEED.read_text(encoding="utf-8")  # the slide's own line, as quoted
    for question in BANK.sections[-1].questions:
        assert f'"{FOCUS_LINE}"' in " ".join(question.help.split()), question.id


def test_the_conversation_ends_with_the_focus_now_and_later_and_an_action_plan():
    now, later, plan = BANK.sections[-1].questions
    assert "prioriteit" in now.tags and now.type == AnswerType.TEXT  # the focus the team chose: the summary's priorities
    assert later.type == AnswerType.TEXT
    assert plan.type == AnswerType.ACTIONS and "Wat - Wie - Wanneer - Check" in plan.help


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("parent_dialogue "))
    assert row[:5] == ["parent_dialogue", "parent", "6", "35", "0"]
