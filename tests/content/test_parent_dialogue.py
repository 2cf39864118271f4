"""The parent bank is the *Dialoogdocument ouders* on the Window of Tolerance, complete.

The pinned counts make a lost question show up in review; the other checks are what a facilitator
holding the paper document would notice first.
"""

import subprocess
import sys

from assistant.core import locations
from assistant.core.answers import normalise_answer
from assistant.core.bank import AnswerType, load_bank

BANK = load_bank(locations.banks_dir() / "parent_dialogue.yaml")
TOPICS = ["thuis", "school", "sociaal", "individu", "cultuur"]


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 5, "basis": 32, "verdiepend": 0}


def test_the_five_topics_are_the_sections_in_order():
    assert [section.id for _, section in BANK.walk_sections()] == TOPICS
    assert [len(section.questions) for section in BANK.sections] == [7, 7, 6, 7, 5]


def test_every_topic_closes_with_what_makes_the_window_larger_or_smaller():
    for section in BANK.sections:
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


def test_no_adapted_prompts_were_needed():
    assert not [q.id for q in BANK.questions() if q.is_derived]


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("parent_dialogue "))
    assert row[:5] == ["parent_dialogue", "parent", "5", "32", "0"]
