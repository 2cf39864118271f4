"""Negation and scope: a word said not to be so is not mentioned; spoken Flemish is read; a plain "nee" is a no.

Each row is an answer as a facilitator types it, a term a rule listens for, and whether a CLB worker
would say the answer mentions it. The issue's own examples come first.
"""

import pytest

from assistant.core.mentions import fold, mentions
from assistant.core.negation import Reading, is_no, is_yes

# (answer, term, mentioned with any negation cue cancelling, mentioned when only a dismissal cancels)
CASES = [
    # the examples
    ("Goed hoor, hij is niet bang en heeft nooit buikpijn", "bang", False, True),
    ("Goed hoor, hij is niet bang en heeft nooit buikpijn", "buikpijn", False, True),
    ("Nee, niet op maandag of vrijdag", "vrijdag", False, True),
    ("Nee, niet op maandag of vrijdag", "maandag", False, True),
    # each cue
    ("Ze heeft geen buikpijn meer", "buikpijn", False, True),
    ("Hij is nergens bang voor", "bang", False, True),
    ("Niemand pest haar", "pest", False, True),
    ("Noch angst noch paniek", "paniek", False, True),
    ("Hij gaat zonder angst naar school", "angst", False, True),
    ("Pesten is hier geen probleem", "pest", False, False),
    ("Het pesten valt wel mee", "pest", False, False),
    ("Pesten? Dat valt mee.", "pest", False, False),
    ("Vervoer: geen probleem", "vervoer", False, False),
    ("Geen problemen met de bus", "bus", False, False),
    ("Van buikpijn heeft hij niet veel last", "buikpijn", False, False),
    # the scope ends with the clause
    ("Hij is niet bang, maar wordt wel gepest", "pest", True, True),
    ("Geen buikpijn, wel veel angst", "angst", True, True),
    ("Ze heeft geen vrienden en wordt gepest", "pest", True, True),
    ("Niet op maandag, wel op vrijdag", "vrijdag", True, True),
    ("Hij gaat niet naar school omdat hij bang is", "bang", True, True),
    ("Ik weet niet of ze gepest wordt", "pest", True, True),
    ("Nee, maar hij is vaak moe op maandag", "maandag", True, True),
    ("Niet alleen op maandag maar ook op vrijdag", "maandag", True, True),
    ("Niet zonder angst", "angst", True, True),
    # a negative sentence about a topic: only a dismissal cancels it
    ("De bussen rijden niet altijd", "bus", False, True),
    ("Geen geld voor het abonnement", "geld", False, True),
    ("Hij slaapt niet genoeg", "slaapt", False, True),
    # a term that holds a negation cue looks for the negative
    ("Hij wil niet naar school", "wil niet naar school", True, True),
    ("Er is geen stappenplan", "geen stappenplan", True, True),
    # spoken Flemish
    ("Hij wil ni naar school", "wil niet naar school", True, True),
    ("Ze is nie bang", "bang", False, True),
    ("Pesten, da valt mee", "pest", False, False),
    ("Ge ziet da ze bang is", "bang", True, True),
    ("k heb genen tijd gehad", "tijd", False, True),
    ("Ze heeft niks van pesten gezegd", "pest", False, True),
    # nothing negated
    ("Ze is bang op de bus", "bang", True, True),
    ("Klaagt elke maandag over buikpijn", "buikpijn", True, True),
]


@pytest.mark.parametrize("text, term, any_cue, dismissal_only", CASES)
def test_a_negated_mention_does_not_count(text, term, any_cue, dismissal_only):
    assert mentions(text, term) is any_cue
    assert mentions(text, term, dismissal_only=True) is dismissal_only


@pytest.mark.parametrize("text, clauses", [
    ("Goed hoor, hij is niet bang en heeft nooit buikpijn", [["goed", "hoor"], ["hij", "is", "niet", "bang"], ["en", "heeft", "nooit", "buikpijn"]]),
    ("Niet op maandag of vrijdag", [["niet", "op", "maandag", "of", "vrijdag"]]),
    ("ze wil ni want ze is bang", [["ze", "wil", "niet"], ["want", "ze", "is", "bang"]]),
    ("Hij blijft thuis om voor zijn zus te zorgen", [["hij", "blijft", "thuis"], ["om", "voor", "zijn", "zus", "te", "zorgen"]]),
])
def test_clauses_end_at_punctuation_and_at_a_conjunction_that_opens_a_clause(text, clauses):
    reading = Reading.of(fold(text))
    found: list[list[str]] = []
    for word, clause in zip(reading.words, reading.clause_of):
        if clause == len(found):
            found.append([])
        found[clause].append(word)
    assert found == clauses


@pytest.mark.parametrize("text", ["Nee", "nee.", "Neen hoor", "Nee, niet echt", "ni", "Nie", "Helemaal niet", "Nee nee", "Nog niet"])
def test_a_whole_answer_of_no(text):
    assert is_no(fold(text)) and not is_yes(fold(text))


@pytest.mark.parametrize("text", ["Ja", "Ja hoor", "Jawel", "Zeker", "ja, inderdaad"])
def test_a_whole_answer_of_yes(text):
    assert is_yes(fold(text)) and not is_no(fold(text))


@pytest.mark.parametrize("text", ["Nee, maar wel op woensdag", "Ja, maar niet altijd", "Geen idee", "Soms", "", "Niet echt bang"])
def test_an_answer_that_says_more_is_neither(text):
    assert not is_no(fold(text)) and not is_yes(fold(text))
