"""Replay: a whole parent dialogue typed into the real app at 80x24, as a fast facilitator types it.

Two parents speak (ctrl+t, with the name typed on in the same burst); follow-up questions are
followed, parked and dismissed from the log (ctrl+f); the answer to an ad-hoc follow-up is given; a
note is written (ctrl+n); an earlier answer is changed while the other parent speaks (ctrl+l) and keeps
its speaker; an answer is flagged as a priority and a strength; the rest (all 32 questions) goes in
basis-only mode (F6), the factor lists typed with Tab; the closing part, Focus en afspraken, sets the
focus for now (one point a line) and for later, and its action plan is typed row after row with Tab
(past a row's Check, Tab starts the next row); F7 finishes. Then the journal, the YAML copy and the
summary are compared with the golden files, field by field.
"""

from __future__ import annotations

import pty

import pytest

from assistant.core.engine import evaluate
from assistant.core.transcript import EventKind
from tests.replays.harness import Meeting, check, compare, keys, summary

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

MOTHER, FATHER = "Fatima El Amrani", "Karim El Amrani"
ANSWERS = {  # the rest of the meeting, as the parents said it
    "thuis.gevoeligheden": "Ze wil niet dat de klas weet dat papa ziek is",
    "thuis.opvoeding": "Afspraken over gsm en slapen, maar moeilijk vol te houden",
    "thuis.brussen": "Een oudere broer, die brengt haar soms",
    "thuis.raam": "oma helpt 's ochtends|ruzie over de gsm",
    "school.welbevinden": "Ze voelt zich niet thuis in de klas",
    "school.leerkrachten": "De leerkracht LO is haar vertrouwenspersoon",
    "school.vakken": "Wiskunde gaat moeilijk, sport gaat goed",
    "school.afwezige-dagen": "Vooral op maandag",
    "school.schoolloopbaan": "Geen zittenblijven",
    "school.kijk-op-school": "Ze willen dat ze haar diploma haalt",
    "school.raam": "de leerkracht LO|toetsen op maandag",
    "sociaal.terecht": "Bij haar tante",
    "sociaal.groep": "Vroeger bij de scouts, nu niet meer",
    "sociaal.goed-voelen": "Bij haar nichtje",
    "sociaal.vrienden": "Twee vriendinnen uit de lagere school",
    "sociaal.leeftijdsgenoten": "Onzeker, ze trekt zich terug",
    "sociaal.raam": "de vriendinnen|de speelplaats",
    "individu.stress": "Toetsen en de bus 's ochtends",
    "individu.energie": "Tekenen en muziek",
    "individu.rugzak": "Ze zorgt mee voor haar zieke papa",
    "individu.medisch": "Hoofdpijn, de huisarts volgt het op",
    "individu.leefgewoonten": "Laat gaan slapen, gsm tot middernacht",
    "individu.vrije-tijd": "Tekenen, thuis",
    "individu.raam": "tekenen|te weinig slaap",
    "cultuur.onderwijs": "Een diploma is heel belangrijk",
    "cultuur.hulp-externen": "Liever eerst binnen de familie",
    "cultuur.thuis-blijven": "Ziek is thuisblijven",
    "cultuur.normen-waarden": "Respect voor de leerkracht",
    "cultuur.raam": "de familie|schaamte over hulp vragen",
}
REST = [q for q in ANSWERS if q.split(".")[0] in ("sociaal", "individu", "cultuur")]


def _decided(meeting: Meeting) -> dict[str, str]:
    return {str(e.get("suggestion")): str(e.get("decision")) for e in meeting.events(EventKind.DECISION)}


def test_a_parent_dialogue_typed_as_a_fast_facilitator_types_it_is_saved_as_said(tmp_path, library):
    meeting = Meeting(tmp_path / "transcripts", library)
    meeting.start("new", "parent_dialogue", "--facilitator", "An Claes", "--subject", "Lotte Peeters (3B)",
                  "--participant", f"{MOTHER} (moeder)", "--participant", f"{FATHER} (vader)")
    meeting.see("Zijn er praktische problemen?")

    # the mother answers: her name and her answer in one burst
    before = meeting.said()
    meeting.send(keys("ctrl+t", "Fat", "tab", "enter", "Het abonnement voor de bus is te duur", "ctrl+s"))
    meeting.saved(before, "the first answer")
    meeting.answer("Goed, we bellen de school als ze ziek is", question="thuis.relatie-ouders")
    before = meeting.said()
    meeting.send(keys("ctrl+t", "Kar", "tab", "enter", "Ik werk in ploegen, ik zie haar 's ochtends niet", "ctrl+s"))
    meeting.saved(before, "the father's answer")

    # the ad-hoc follow-up on the bus (the praktisch rule): followed from the log and answered at once
    view = evaluate(library.scripts["parent_dialogue"], library.banks, meeting.transcript())
    adhoc = next(s for s in view.suggestions if s.question_id is None)
    before = meeting.said()
    meeting.send(keys("ctrl+f", *meeting.suggestion_steps(adhoc.key), "enter",
                      "Een abonnement via het OCMW, papa vraagt het aan", "ctrl+s"))
    meeting.saved(before, "the answer to the ad-hoc follow-up")
    assert list(_decided(meeting).values()) == ["accepted"]

    # the facilitator's own note, then the answer that brings the school-refusal questions
    meeting.send(keys("ctrl+n", "Papa belt de school morgen", "ctrl+s"))
    from tests.waiting import wait_until
    wait_until(lambda: any(not e.get("suggestion") for e in meeting.events(EventKind.NOTE)), "the note saved")
    meeting.answer("Ze heeft angst en buikpijn op zondagavond", question="thuis.gevoeligheden")

    # follow the school-refusal question on how long (a number: Enter sends it), park the next, dismiss one
    view = evaluate(library.scripts["parent_dialogue"], library.banks, meeting.transcript())
    first, second, third = [s for s in view.suggestions if s.rule_id == "ouders.schoolweigering"][:3]
    assert first.question_id == "weigering.duur"
    before = meeting.said()
    meeting.send(keys("ctrl+f", *meeting.suggestion_steps(first.key), "enter", "3", "enter"))
    meeting.saved(before, "the followed question")
    meeting.send(keys("ctrl+f", *meeting.suggestion_steps(second.key), "p"))
    wait_until(lambda: len(_decided(meeting)) == 3, "the second parked")
    meeting.send(keys("ctrl+f", *meeting.suggestion_steps(third.key), "x"))
    wait_until(lambda: len(_decided(meeting)) == 4, "the third dismissed")
    assert {k: v for k, v in _decided(meeting).items() if k in (first.key, second.key, third.key)} == {
        first.key: "accepted", second.key: "parked", third.key: "dismissed"}

    # the mother speaks again; the father's answer is corrected in the log and stays his
    meeting.send(keys("ctrl+t", "ctrl+u", "Fat", "tab", "enter"))
    meeting.look()
    meeting.send(keys("ctrl+l", *meeting.answer_steps("thuis.betrokkenheid")))
    meeting.see("↑↓ kies · enter bewerk")
    meeting.look()
    meeting.send(keys("enter"))
    meeting.see("Antwoord bewerken")
    meeting.send(keys(" en in het weekend", "ctrl+s"))
    wait_until(lambda: len(meeting.transcript().history("thuis.betrokkenheid")) == 2, "the corrected answer")
    meeting.look()
    meeting.send(keys("escape"))  # alone: an Escape followed at once by a letter is read as alt+letter
    meeting.see("ctrl+s verstuurt")

    # the rest, each answer flagged where the facilitator means to
    for qid in ("thuis.opvoeding", "thuis.brussen", "thuis.raam", "school.welbevinden"):
        meeting.answer(ANSWERS[qid], question=qid)
    meeting.send(keys("ctrl+g"))  # the last answer is the first priority
    wait_until(lambda: meeting.events(EventKind.FLAG), "the priority flag")
    meeting.answer(ANSWERS["school.leerkrachten"], question="school.leerkrachten")
    meeting.send(keys("f4"))  # and this one a strength
    wait_until(lambda: len(meeting.events(EventKind.FLAG)) == 2, "the strength flag")

    meeting.send(keys("f6"))  # time runs short: basis questions only
    wait_until(lambda: meeting.events(EventKind.MODE), "basis-only mode")
    for qid in ("school.vakken", "school.afwezige-dagen", "school.schoolloopbaan", "school.kijk-op-school", "school.raam",
                *REST):  # the suggestions on medical factors (Mondays) wait in the log: the walk goes on
        meeting.answer(ANSWERS[qid], question=qid)

    # Focus en afspraken: what the parents and the school agreed, the action plan typed with Tab alone
    meeting.answer("Het busabonnement regelen\nSlapen zonder gsm", question="afspraken.focus-nu")
    meeting.answer("Hulp van buiten de familie durven vragen", question="afspraken.focus-later")
    assert meeting.next_question().id == "afspraken.acties"
    before = meeting.said()
    meeting.send(keys("Abonnement via het OCMW aanvragen", "tab", "papa", "tab", "volgende week", "tab",
                      "CLB belt papa", "tab", "De leerkracht LO spreekt Lotte aan", "tab", "school", "tab",
                      "maandag", "tab", "in het volgende gesprek", "ctrl+s"))
    meeting.saved(before, "the action plan")
    assert meeting.transcript().answers()["afspraken.acties"] == [
        {"wat": "Abonnement via het OCMW aanvragen", "wie": "papa", "wanneer": "volgende week", "check": "CLB belt papa"},
        {"wat": "De leerkracht LO spreekt Lotte aan", "wie": "school", "wanneer": "maandag",
         "check": "in het volgende gesprek"}]

    meeting.finish()
    meeting.quit()

    ids = {meeting.transcript().meta.id: "ID"}
    saved = check(meeting, "parent_meeting", ids)
    assert saved.answer_events()["thuis.betrokkenheid"].get("speaker") == FATHER
    # anonymised, as it is shared: every speaker a role, the names in what was said too
    anonymised = summary(meeting.folder, meeting.journal(), ids, "--anonymise")
    compare("parent_meeting.anonymised.summary.md", anonymised)
    assert not any(name in anonymised for name in ("Fatima", "Karim", "El Amrani", "Lotte", "An Claes"))
